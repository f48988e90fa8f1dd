"""The corpus store: schema, idempotent upserts, Arabic search, filters and the query functions."""

import json
import sqlite3

import pytest

from conftest import built_article, sample_articles
from khabar.errors import KhabarError
from khabar.store import Store
from khabar.store.schema import SCHEMA_VERSION
from khabar.store.search import index_words


@pytest.fixture()
def store(corpus_db):
    s = Store(corpus_db, readonly=True)
    yield s
    s.close()


def test_schema_version_wal_and_newer_databases_refused(tmp_path):
    store = Store(tmp_path / "a.db")
    assert store.db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.db.execute("INSERT INTO schema_version VALUES (99, 'later')")
    store.close()
    with pytest.raises(KhabarError) as err:
        Store(tmp_path / "a.db")
    assert err.value.code == "E801"


def test_an_alias_registry_file_is_upgraded_in_place(tmp_path):
    from khabar.entities.registry import Registry

    registry = Registry(tmp_path / "reg.sqlite")
    registry.add_articles([sample_articles()[0].to_dict()])
    registry.close()
    store = Store(tmp_path / "reg.sqlite")
    assert store.count("aliases") > 0 and store.count("articles") == 0


def test_the_same_article_is_stored_once_and_a_changed_one_updated(tmp_path):
    store = Store(tmp_path / "s.db")
    article = sample_articles()[0]
    with store.transaction():
        assert store.upsert(article) == "added"
        assert store.upsert(article) == "unchanged"
    article.title = "عنوان جديد"
    with store.transaction():
        assert store.upsert(article) == "updated"
    assert store.count("articles") == 1
    assert store.count("mentions") == len(article.mentions)
    assert store.db.execute("SELECT count FROM aliases WHERE alias = 'فلاديمير بوتين'").fetchone()[0] == 1
    assert [tuple(r) for r in store.db.execute("SELECT day, mentions FROM entity_days WHERE entity_key = 'Q7747'")] == [
        ("2024-03-04", 1)
    ]
    article.published = "2024-03-05"
    with store.transaction():
        assert store.upsert(article) == "updated"
    assert [tuple(r) for r in store.db.execute("SELECT day, mentions FROM entity_days WHERE entity_key = 'Q7747'")] == [
        ("2024-03-05", 1)
    ]
    assert store.article(article.id)["title"] == "عنوان جديد"


def test_index_words_fold_spelling_and_drop_proclitics():
    assert index_words("وروسيا لروسيا بالرياض الإمارات") == ["روسيا", "روسيا", "رياض", "امارات"]


@pytest.mark.parametrize("query", ["روسيا", "وروسيا", "لروسيا"])
def test_a_word_finds_its_forms_with_proclitics(store, query):
    found = store.search(query)
    assert found["total"] == 2
    assert all("<mark>" in a["snippet"] for a in found["items"])


def test_a_name_variant_finds_the_other_spelling(store):
    found = store.search("بوتن")
    assert found["total"] == 2
    assert any("<mark>بوتين</mark>" in a["snippet"] for a in found["items"])


def test_multi_word_queries_need_every_word(store):
    assert store.search("الصين روسيا")["total"] == 1
    assert store.search("الكرملين الصين")["total"] == 0


def test_filters_by_outlet_date_and_entity(store):
    assert store.search("روسيا", source="نافذة الخليج")["total"] == 1
    assert store.search(date_from="2024-03-05", date_to="2024-03-06")["total"] == 1
    assert store.search(entity="Q7747")["total"] == 2
    assert store.search(entity="بوتن")["total"] == 2
    assert store.search("الرياض", entity="Q7747")["total"] == 0


def test_snippets_escape_markup(store):
    item = store.search("الرياض")["items"][0]
    assert "<script>" not in item["snippet"] and "&lt;script&gt;" in item["snippet"]


def test_pagination(store):
    first, second = store.search(per_page=2), store.search(per_page=2, page=2)
    assert first["total"] == 3 and first["pages"] == 2 and len(second["items"]) == 1


def test_entity_page_data(store):
    putin = store.entity("Q7747")
    assert putin["name_en"] == "Vladimir Putin" and putin["articles"] == 2
    assert {a["alias"] for a in putin["aliases"]} == {"فلاديمير بوتين", "بوتين"}
    assert [d["day"] for d in putin["timeline"]] == ["2024-03-04", "2024-03-06"]
    assert {c["key"] for c in putin["cooccurring"]} >= {"Q159", "Q148"}
    assert putin["quotes_by"][0]["text"] == "بلاده مستعدة للحوار مع جيرانها"
    assert putin["events"][0]["type"] == "CONSULT"


def test_entities_by_any_spelling(store):
    assert [e["key"] for e in store.entities("بوتن")["items"]] == ["Q7747"]
    assert store.entities(label="GPE")["total"] == 4
    assert store.entities(label="GPE,PERSON")["total"] == 5


def test_quotes_by_speaker_name_and_words(store):
    assert store.quotes(speaker="بوتين")["total"] == 1
    assert store.quotes(q="للحوار")["total"] == 1
    assert store.quotes(q="الطقس")["total"] == 0


def test_events_table_holds_every_event_field(store):
    row = store.db.execute("SELECT * FROM events WHERE type = 'CONSULT'").fetchone()
    assert (
        row["cameo"],
        row["plover"],
        row["trigger_text"],
        row["source_key"],
        row["source_code"],
        row["target_key"],
        row["location_key"],
        row["modality"],
        row["day"],
    ) == ("040", "CONSULT", "محادثات", "Q7747", "RUSGOV", "Q148", "Q649", "asserted", "2024-03-04")


def test_events_by_type_actor_and_dates(store):
    assert store.events(type="CONSULT")["total"] == 2  # the PLOVER category covers the visit too
    assert store.events(type="04")["total"] == 2 and store.events(type="042")["total"] == 1
    assert store.events(actor="بوتن")["total"] == 1
    assert store.events(actor="RUSGOV")["total"] == 1
    assert store.events(actor="روسيا", date_from="2024-03-05")["total"] == 1
    assert [d["day"] for d in store.events()["timeline"]] == ["2024-03-04", "2024-03-06"]


def test_readable_by_plain_sqlite(corpus_db):
    db = sqlite3.connect(corpus_db)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    (raw,) = db.execute("SELECT json FROM articles WHERE source = 'صحيفة الأمس'").fetchone()
    assert json.loads(raw)["events"][0]["cameo"] == "040"


def test_top_entities_of_the_last_week(store):
    top = store.top_entities(5)
    assert top[0]["key"] in ("Q7747", "Q159") and top[0]["mentions"] == 2


def test_a_khabar_article_json_round_trips_through_the_store(store):
    original = sample_articles()[0]
    assert store.article(original.id) == original.to_dict()


def test_built_article_offsets_are_valid():
    assert (
        built_article(
            "قال بوتين إن الوضع جيد.", entities=[("e0", "PERSON", "بوتين", "", None, ["بوتين"])]
        ).check_offsets()
        == []
    )


def test_processes_creating_one_new_store_all_succeed(tmp_path):
    """Schema creation runs under BEGIN IMMEDIATE: whoever comes second waits and finds the schema made."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    for attempt in range(5):
        path = str(tmp_path / f"new{attempt}.db")
        barrier, results = ctx.Barrier(3), ctx.Queue()
        workers = [ctx.Process(target=_open_together, args=(barrier, results, path, i)) for i in range(3)]
        for worker in workers:
            worker.start()
        outcomes = [results.get(timeout=120) for _ in workers]
        for worker in workers:
            worker.join(30)
        assert outcomes == ["ok"] * 3, outcomes
        db = sqlite3.connect(path)
        assert db.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("SELECT COUNT(*) FROM ingest_runs").fetchone()[0] == 3
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _open_together(barrier, results, path, i):
    barrier.wait()  # every process has imported khabar: they open the new file at the same moment
    results.put(_open_and_write((path, i)))


def _open_and_write(job):
    path, i = job
    try:
        store = Store(path)
        with store.transaction():
            store.begin_run([f"run{i}"])
        store.close()
    except KhabarError as exc:
        return str(exc)
    return "ok"


def test_threads_creating_one_new_store_all_succeed(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    for attempt in range(10):
        path = str(tmp_path / f"t{attempt}.db")
        with ThreadPoolExecutor(4) as pool:
            assert list(pool.map(_open_and_write, [(path, i) for i in range(4)])) == ["ok"] * 4


def test_the_content_hash_covers_khabar_and_the_model_versions(tmp_path, monkeypatch):
    import shutil

    import khabar
    from khabar.ner.model import default_model_dir, model_version
    from khabar.store import content_hash

    article = sample_articles()[0]
    before = content_hash(article)
    monkeypatch.setattr(khabar, "__version__", "99.0")
    newer_khabar = content_hash(article)
    monkeypatch.undo()
    model = tmp_path / "model"
    model.mkdir()
    manifest = json.loads((default_model_dir() / "manifest.json").read_text("utf-8"))
    manifest["retrained"] = True
    (model / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    monkeypatch.setenv("KHABAR_NER_MODEL", str(model))
    assert model_version() != model_version(str(default_model_dir()))
    newer_model = content_hash(article)
    monkeypatch.delenv("KHABAR_NER_MODEL")
    assert len({before, newer_khabar, newer_model}) == 3 and content_hash(article) == before
    shutil.rmtree(model)


def test_force_stores_an_unchanged_article_again(tmp_path):
    store = Store(tmp_path / "f.db")
    article = sample_articles()[0]
    with store.transaction():
        assert store.upsert(article) == "added"
        assert store.upsert(article) == "unchanged"
        assert store.upsert(article, force=True) == "updated"
    assert store.count("mentions") == len(article.mentions)
    assert store.db.execute("SELECT count FROM aliases WHERE alias = 'فلاديمير بوتين'").fetchone()[0] == 1


@pytest.mark.parametrize("pattern", ["%", "_", "\\", "%%", "_%", "\\%"])
def test_like_wildcards_match_literally(store, pattern):
    assert store.entities(pattern)["total"] == 0
    assert store.quotes(speaker=pattern)["total"] == 0
    assert store.events(type=pattern)["total"] == 0


def test_a_literal_percent_or_underscore_still_matches(tmp_path):
    from khabar.store.db import like_pattern

    db = sqlite3.connect(":memory:")
    for text, pattern, hit in (
        ("50% off", "50%", True),
        ("500 off", "50%", False),
        ("a_b", "a_b", True),
        ("axb", "a_b", False),
        ("c:\\x", "\\x", True),
    ):
        assert db.execute("SELECT ? LIKE ? ESCAPE '\\'", (text, like_pattern(pattern))).fetchone()[0] == hit


def test_queries_of_too_many_words_are_a_coded_error(store):
    words = " ".join(f"كلمة{i}" for i in range(500))
    for call in (
        lambda: store.search(words),
        lambda: store.quotes(q=words),
        lambda: store.entities(words),
        lambda: store.quotes(speaker=words),
        lambda: store.events(actor=words),
    ):
        with pytest.raises(KhabarError) as err:
            call()
        assert err.value.code == "E809"
    assert store.search(" ".join(["روسيا"] * 64))["total"] == 2
