"""Stories on the project's own articles (examples/port_story.jsonl: a wire story, a copy of it with
another headline, a next-day rewrite by a third outlet, and an unrelated sports report): near-duplicates,
story assignment, the store's tables through ingest, resuming, merged facts, the CLI and the API."""

import json
import sqlite3
from dataclasses import replace

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from conftest import EXAMPLES
from khabar.cli import main
from khabar.ingest import iter_articles
from khabar.pipeline import Pipeline
from khabar.store import Store
from khabar.stories.features import restored, shingle_hashes, story_doc
from khabar.stories.index import StoryIndex
from khabar.stories.tracker import StoryTracker, shared_share
from khabar.text.words import index_words
from khabar.web import create_app

PORT_STORY = EXAMPLES / "port_story.jsonl"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def port_articles():
    """The four articles after the layout stage: wire, copy, rewrite, sports."""
    return list(Pipeline(["layout"]).pipe(iter_articles([str(PORT_STORY)])))


@pytest.fixture(scope="module")
def story_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("stories") / "k.db"
    result = run("ingest", PORT_STORY, "--db", db, "-q")
    assert result.exit_code == 0, result.output
    return db


def test_formula_only_word_triples_are_left_out():
    formula = index_words("خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود")
    named = index_words("استقبل خادم الحرمين الشريفين وزير الدفاع الأمريكي أشتون كارتر")
    assert len(shingle_hashes(formula)) < len(formula) - 2
    assert len(shingle_hashes(named)) > 0


def test_a_wire_copy_is_a_near_duplicate_and_a_rewrite_is_not(port_articles):
    wire, copy, rewrite, sports = (story_doc(a) for a in port_articles)
    assert shared_share(wire, copy) > 0.6
    assert shared_share(wire, rewrite) < 0.45 and shared_share(wire, sports) == 0


def test_story_doc_is_the_same_from_an_article_and_from_its_json(port_articles):
    article = port_articles[0]
    a, b = story_doc(article), story_doc(article.to_dict())
    assert a.vector == b.vector and list(a.shingles) == list(b.shingles) and a.day == b.day


def test_tracker_groups_the_copy_and_the_rewrite_and_keeps_sport_apart(port_articles):
    tracker = StoryTracker()
    wire, copy, rewrite, sports = (tracker.add(story_doc(a)) for a in port_articles)
    assert wire.new_story and wire.story_id == port_articles[0].id
    assert copy.story_id == wire.story_id and copy.duplicate_of == port_articles[0].id
    assert copy.duplicate_share >= 0.45
    assert rewrite.story_id == wire.story_id and rewrite.duplicate_share < 0.45
    assert sports.new_story and sports.story_id != wire.story_id


def test_an_article_out_of_the_window_starts_its_own_story(port_articles):
    tracker = StoryTracker(window_days=3)
    tracker.add(story_doc(port_articles[0]))
    late = replace(story_doc(port_articles[2]), id="late", day=story_doc(port_articles[0]).day + 10)
    assert tracker.add(late).new_story
    assert port_articles[0].id not in tracker  # the window has moved on


def test_ingest_stores_stories_with_their_outlets_and_first_report(story_db):
    store = Store(story_db, readonly=True)
    stories = store.stories(min_articles=2)["items"]
    assert len(stories) == 1
    story = stories[0]
    assert story["articles"] == 3 and story["outlets"] == 3 and story["first_day"] == "2024-05-12"
    assert story["last_day"] == "2024-05-13" and story["first_source"] == "صحيفة الساحل"
    assert "ينبع" in story["label"]
    assert store.stats()["stories"] == 2


def test_a_story_merges_the_quote_every_outlet_carried(story_db):
    store = Store(story_db, readonly=True)
    story = store.story(store.stories(min_articles=2)["items"][0]["id"])
    quote = story["merged_quotes"][0]
    assert quote["count"] == 3 and len(quote["reported_by"]) == 3
    assert quote["text"].startswith("هذه المحطة تضع ينبع")
    assert [d["day"] for d in story["timeline"]] == ["2024-05-12", "2024-05-13"]
    assert [d["articles"] for d in story["timeline"]] == [2, 1]
    assert any(a["duplicate_of"] for a in story["articles_list"])
    names = [e.get("name_ar") for e in story["entities"]]
    assert "ينبع" in names


def test_reingesting_changes_no_story(story_db):
    before = sqlite3.connect(story_db).execute("SELECT * FROM story_articles ORDER BY article_id").fetchall()
    result = run("ingest", PORT_STORY, "--db", story_db, "-q")
    assert "0 added, 0 updated, 4 unchanged" in result.stderr
    after = sqlite3.connect(story_db).execute("SELECT * FROM story_articles ORDER BY article_id").fetchall()
    assert before == after


def test_articles_stored_without_a_story_are_assigned_later(tmp_path, port_articles):
    """A store made before stories existed, or an assignment cut short: `stories build` takes them up,
    and the window reloaded from the store puts a later article in the story of the earlier ones."""
    db = tmp_path / "k.db"
    store = Store(db)
    with store.transaction():
        for article in port_articles[:2]:
            store.upsert(article)
    assert store.count("story_articles") == 0
    result = run("stories", "build", "--db", db)
    assert "2 articles assigned" in result.stderr
    fresh = StoryIndex(store)  # a new process: the window comes from the stored rows
    with store.transaction():
        store.upsert(port_articles[2])
        assigned = fresh.assign([port_articles[2]])
    assert assigned[0].story_id == port_articles[0].id and not assigned[0].new_story
    row = store.db.execute("SELECT * FROM story_articles WHERE article_id = ?", (port_articles[0].id,)).fetchone()
    doc = restored(
        {**dict(row), "id": row["article_id"], "day": row["day_number"], "vector": json.loads(row["vector"])}
    )
    assert list(doc.shingles) == list(story_doc(port_articles[0]).shingles)


def test_stories_from_the_command_line(story_db):
    listed = run("stories", "list", "--db", story_db, "--json")
    items = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(items) == 1 and items[0]["outlets"] == 3
    shown = run("stories", "show", items[0]["id"], "--db", story_db)
    assert "3 articles from 3 outlets" in shown.stdout and "quote ×3" in shown.stdout
    missing = run("stories", "show", "nope", "--db", story_db)
    assert missing.exit_code != 0 and "E803" in missing.output


def test_the_api_lists_stories_and_gives_each_article_its_story(story_db):
    client = TestClient(create_app(story_db), raise_server_exceptions=False)
    listed = client.get("/api/stories?min_articles=2").json()
    assert listed["total"] == 1
    story_id = listed["items"][0]["id"]
    story = client.get(f"/api/stories/{story_id}").json()
    assert story["outlets"] == 3 and story["merged_quotes"][0]["count"] == 3
    copy = next(a for a in story["articles_list"] if a["duplicate_of"])
    article = client.get(f"/api/articles/{copy['id']}").json()
    assert article["story"]["id"] == story_id and article["story"]["duplicate_of"] == copy["duplicate_of"]
    assert len(article["story"]["others"]) == 2
    assert client.get("/api/stories?q=ينبع").json()["total"] == 1
    assert client.get("/api/stories?q=النمسا&min_articles=1").json()["total"] == 1
    missing = client.get("/api/stories/nope")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E803"
    for bad in ("sort=largest", "min_articles=0", "from=yesterday"):
        response = client.get(f"/api/stories?{bad}")
        assert response.status_code == 400 and set(response.json()) == {"error"}
        assert response.json()["error"]["code"] == "E804"
