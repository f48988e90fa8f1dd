import json

import pytest

from khabar import Article, analyze
from khabar.document import Block, Mention, Quote, Span, article_id
from khabar.errors import KhabarError

TEXT = "القاهرة - 5 مارس (رويترز) - قال وزير الخارجية إن المحادثات «مثمرة». الصورة: رويترز\nتعليق (2)"


def test_id_is_stable_hash_of_source_and_text():
    a = Article(text=TEXT, source="reuters")
    assert a.id == Article(text=TEXT, source="reuters").id == article_id(TEXT, "reuters")
    assert a.id != Article(text=TEXT, source="afp").id
    assert len(a.id) == 16


def test_every_group_is_present_and_empty_when_no_stage_ran():
    data = Article(text=TEXT).to_dict()
    for group in (
        "blocks",
        "sentences",
        "tokens",
        "mentions",
        "entities",
        "timexes",
        "quotes",
        "claims",
        "events",
        "errors",
    ):
        assert data[group] == []
    assert data["text"] == TEXT


def test_json_round_trip_is_lossless():
    article = analyze(TEXT, title="عنوان", url="https://example.test/a", published="2024-03-05")
    start = TEXT.index("وزير")
    article.mentions.append(
        Mention(start=start, end=start + 4, text="وزير", label="PERSON", score=0.9, extra={"future_field": [1, 2]})
    )
    q0 = TEXT.index("مثمرة")
    article.quotes.append(
        Quote(
            start=q0,
            end=q0 + 5,
            text="مثمرة",
            kind="partial",
            cue=article.span(TEXT.index("قال"), TEXT.index("قال") + 3),
        )
    )
    first = article.to_dict()
    again = Article.from_json(json.dumps(first, ensure_ascii=False)).to_dict()
    assert again == first
    assert again["mentions"][-1]["future_field"] == [1, 2]


def test_from_dict_rejects_offsets_that_do_not_match_the_text():
    data = analyze(TEXT).to_dict()
    data["blocks"][0]["start"] += 1
    with pytest.raises(KhabarError) as info:
        Article.from_dict(data)
    assert info.value.code == "E103"


def test_check_offsets_reports_sub_spans():
    article = Article(text=TEXT)
    article.blocks.append(Block(start=0, end=7, kind="dateline", text="القاهرة", place=Span(0, 3, "xyz")))
    problems = article.check_offsets()
    assert len(problems) == 1 and "place" in problems[0]


def test_non_string_text_is_a_coded_error():
    with pytest.raises(KhabarError) as info:
        Article(text=b"bytes")  # type: ignore[arg-type]
    assert info.value.code == "E101"


def test_clean_text_keeps_only_the_story():
    article = analyze("قال وزير الخارجية إن المحادثات مثمرة.\nالوزير يصافح نظيره في المطار. الصورة: رويترز\nتعليق (2)")
    assert article.clean_text == "قال وزير الخارجية إن المحادثات مثمرة."
