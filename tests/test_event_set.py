"""The whole-article event set (tests/events/realnews): its resolver and scorer on text written here, and
the committed annotation's integrity against the shared corpus (skipped without ../shared)."""

import sys
from pathlib import Path

import pytest

from conftest import needs_shared
from khabar import Article, Pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent / "events" / "realnews"))

import event_set  # noqa: E402

TEXT = (
    "استقبل الملك سلمان بن عبدالعزيز في الرياض أمس الرئيس الفرنسي فرانسوا هولاند. "
    "وقتل مسلحون مجهولون سبعة أشخاص في هجوم على سوق في مدينة الموصل."
)
RAW = {
    "events": [
        {"trigger": "استقبل", "type": "host_visit", "source": "الملك سلمان بن عبدالعزيز", "source_agent": "SAUGOV",
         "target": "فرانسوا هولاند", "target_agent": "FRAGOV", "place": "الرياض"},
        {"trigger": "وقتل", "type": "assault", "source": "مسلحون مجهولون", "source_agent": "UNK",
         "target": "سبعة أشخاص", "target_agent": "CVL", "place": "الموصل", "killed": 7, "casualties": "سبعة أشخاص"},
        {"trigger": "هجوم", "type": "assault", "source": "مسلحون مجهولون", "repeat": True},
    ]
}  # fmt: skip


def test_annotators_snippets_become_offsets():
    events = event_set.resolve_article(TEXT, RAW)
    first, second, third = events
    assert TEXT[slice(*first["trigger"])] == "استقبل"
    assert TEXT[slice(*first["target"])] == "فرانسوا هولاند"
    assert TEXT[slice(*second["source"])] == "مسلحون مجهولون" and second["killed"] == 7
    assert third["repeat"] and third["target"] is None and third["modality"] == "asserted"


@pytest.mark.parametrize(
    ("change", "problem"), [({"type": "visit"}, "unknown type"), ({"trigger": "زار"}, "not in the text")]
)
def test_a_bad_annotation_is_refused_with_its_reason(change, problem):
    raw = {"events": [{**RAW["events"][0], **change}]}
    with pytest.raises(ValueError, match=problem):
        event_set.resolve_article(TEXT, raw)


def test_the_scorer_pairs_by_trigger_and_leaves_repeats_out():
    article = Pipeline()(Article(text=TEXT, published="2015-07-20"))
    line = {"events": event_set.resolve_article(TEXT, RAW)}
    scored = event_set.score_article(article, line)
    assert scored["annotated"] == 2  # the repeat is left out
    assert scored["typed"] >= 1 and scored["full"] >= 1  # the king received Hollande: type and both actors right
    assert scored["found"] >= scored["typed"]


@needs_shared
def test_the_annotation_points_into_the_corpus_it_was_made_on():
    lines = event_set.read_gold()
    event_set.articles_of(lines)  # checks every text's hash
    assert event_set.draw(event_set.corpus_articles())[: len(lines)] == [
        {k: line[k] for k in ("n", "article", "sha", "split")} for line in lines
    ]
    for line in lines:
        assert set(line) == {"n", "article", "sha", "split", "events"}
        assert all(e["type"] in event_set.event_types() for e in line["events"])
