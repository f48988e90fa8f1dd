"""The whole-article attribution set (tests/attribution): its scorer on text written here, and the
committed annotation's integrity against the shared corpus (skipped without ../shared)."""

import sys
from pathlib import Path

import pytest

from conftest import needs_shared
from khabar import Article, Pipeline
from khabar.quotes.evaluate import names_speaker, overlap, score_articles

HERE = Path(__file__).resolve().parent / "attribution"
sys.path.insert(0, str(HERE))

import realnews  # noqa: E402


@pytest.mark.parametrize(
    ("found", "want", "right"),
    [
        (["لافروف"], "سيرغي لافروف", True),
        (["سيرغي لافروف", "وزير الخارجية"], "سيرغي لافروف", True),
        (["بوتين"], "سيرغي لافروف", False),
        (["المصدر"], "مصدر عسكري في مدينة حلب", False),
        (["مصدر عسكري"], "مصدر عسكري في مدينة حلب", True),
        (["الوزير"], "الوزير", True),
        (["الوزارة"], "وزارة الصحة", False),
        (["وزارة الصحة السعودية"], "وزارة الصحة", True),
        ([], None, True),
        (["الوزير"], None, False),
    ],
)
def test_a_found_speaker_names_the_annotated_one(found, want, right):
    assert names_speaker(found, want) is right


def test_overlap_is_shared_characters_over_the_union():
    assert overlap((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert overlap((0, 10), (20, 30)) == 0


def test_score_articles_counts_spans_speakers_and_claims():
    text = (
        "وقال وزير الصحة توفيق الربيعة إن الحملة ستبدأ الأسبوع المقبل في جميع المناطق. "
        "وارتفع عدد الحالات إلى مئة حالة، بحسب وكالة الأنباء السعودية."
    )
    article = Pipeline()(Article(text=text, published="2015-07-21"))
    content = text.index("الحملة"), text.index(" في جميع") + len(" في جميع المناطق")
    name = text.index("توفيق الربيعة"), text.index("توفيق الربيعة") + len("توفيق الربيعة")
    claim = text.index("ارتفع"), text.index("مئة حالة") + len("مئة حالة")
    agency = text.index("وكالة الأنباء"), len(text) - 1
    gold = {
        "quotes": [
            {"start": content[0], "end": content[1], "kind": "indirect", "speaker": list(name), "type": "person"}
        ],
        "claims": [{"start": claim[0], "end": claim[1], "source": list(agency), "type": "outlet"}],
    }
    result = score_articles([(article, gold)], errors=True)
    assert result["quote_span"]["r"] == 1.0
    assert result["quote_speaker"]["r"] == 1.0
    assert result["claim_source"]["r"] == 1.0
    assert result["errors"] == []


def test_the_annotation_holds_offsets_and_hashes_only():
    lines = realnews.read_gold()
    assert [line["n"] for line in lines] == list(range(len(lines)))
    assert [line["split"] for line in lines] == [realnews.split_of(n) for n in range(len(lines))]
    assert [
        realnews.split_of(n)
        for n in (
            0,
            49,
            50,
            79,
            80,
            109,
            110,
            139,
            140,
            169,
            170,
            199,
            200,
            229,
            230,
            259,
            260,
            289,
            290,
            319,
            320,
            559,
            560,
            879,
            880,
            909,
            910,
            939,
        )
    ] == [
        "dev",
        "dev",
        "blind1",
        "blind1",
        "blind2",
        "blind2",
        "blind3",
        "blind3",
        "dev2",
        "dev2",
        "blind4",
        "blind4",
        "blind5",
        "blind5",
        "dev3",
        "dev3",
        "blind6",
        "blind6",
        "blind7",
        "blind7",
        "train1",
        "train1",
        "train2",
        "train2",
        "blind8",
        "blind8",
        "blind9",
        "blind9",
    ]
    for line in lines:
        assert set(line) == {"n", "article", "sha", "split", "quotes", "claims"}
        for item in line["quotes"] + line["claims"]:
            assert all(isinstance(v, (int, list, type(None))) or k in ("kind", "type") for k, v in item.items())


@needs_shared
def test_the_annotation_points_into_the_corpus_it_was_made_on():
    lines = realnews.read_gold()
    articles = realnews.articles_of(lines)  # checks every text's hash
    assert realnews.draw(realnews.corpus_articles())[: len(lines)] == [
        {k: line[k] for k in ("n", "article", "sha", "split")} for line in lines
    ]
    for line, article in zip(lines, articles):
        for item in line["quotes"] + line["claims"]:
            assert 0 <= item["start"] < item["end"] <= len(article.text)
            assert article.text[item["start"] : item["end"]].strip() == article.text[item["start"] : item["end"]]


def test_scoring_the_blind_split_needs_to_be_asked_for(monkeypatch):
    monkeypatch.delenv("KHABAR_SCORE_BLIND", raising=False)
    for split in ("blind", "all"):
        with pytest.raises(SystemExit, match="KHABAR_SCORE_BLIND"):
            realnews.score(split)
