"""`khabar eval quotes`: score quotes and claims on a table of sentences with expected records.

Table lines: `{"category", "text", "published", "expect": {"quotes": [{"kind", "text", "speaker",
"addressee", "reported_by"}], "claims": [{"text", "source", "cue"}]}}` (tests/quotes/CONVENTIONS.md).
A quote is found when kind and span agree and its speaker is the expected one (any of the
entity's names, or the words that stood for it); a claim when span and source agree.
"""

from __future__ import annotations

from pathlib import Path

from khabar import evaluation
from khabar.document import Article
from khabar.errors import Errors
from khabar.evaluation import refers, same


def read_table(path: str | Path) -> list[dict]:
    return evaluation.read_table(
        path,
        Errors.E602,
        lambda case: [item["text"] for item in case["expect"]["quotes"] + case["expect"]["claims"]],
        "text",
    )


def score(cases: list[dict], pipeline=None) -> dict:
    from khabar import Pipeline

    pipeline = pipeline or Pipeline()

    def predict(case: dict):
        article = pipeline(Article(text=case["text"], published=case.get("published")))
        return [("quote", q) for q in article.quotes] + [("claim", c) for c in article.claims], article

    return evaluation.score(
        cases,
        "text",
        expected=lambda case: (
            [("quote", q) for q in case["expect"]["quotes"]] + [("claim", c) for c in case["expect"]["claims"]]
        ),
        predict=predict,
        match=lambda want, got, article: want[0] == got[0] and _matches(article, want[0], want[1], got[1]),
        show=lambda got, article: _show(article, *got),
    )


def _matches(article: Article, kind: str, want: dict, got) -> bool:
    if not same(want["text"], got.text):
        return False
    if kind == "claim":
        return refers(article, got.source, got.source_text, want.get("source"))
    if want["kind"] != got.kind:
        return False
    if not refers(article, got.speaker, got.speaker_text, want.get("speaker")):
        return False
    if want.get("addressee") and not (
        same(want["addressee"], got.addressee) or refers(article, got.addressee, None, want["addressee"])
    ):
        return False
    texts = got.reported_by_text
    return all(
        any(refers(article, r, None, name) for r in got.reported_by) or any(same(name, t) for t in texts)
        for name in want.get("reported_by") or []
    )


def _show(article: Article, kind: str, item) -> dict:
    names = {e.id: e.name_ar for e in article.entities}
    if kind == "claim":
        return {"claim": item.text, "source": names.get(item.source) or item.source_text}
    return {
        "quote": item.text,
        "kind": item.kind,
        "speaker": names.get(item.speaker) or item.speaker_text,
        "addressee": names.get(item.addressee, item.addressee),
        "reported_by": [names.get(r) for r in item.reported_by],
    }
