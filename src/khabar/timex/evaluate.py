"""`khabar eval timex`: score the timex stage on a table of sentences with expected expressions.

The table is JSON Lines: `{"category", "anchor", "sentence", "expect": [{"text", "type", "value",
"mod"}]}`. An expression counts as found when text, type, value and mod all agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from khabar import evaluation
from khabar.errors import Errors

Item = tuple[str, str, str | None, str | None]  # text, type, value, mod


def read_table(path: str | Path) -> list[dict]:
    return evaluation.read_table(path, Errors.E601, lambda case: [e["text"] for e in case["expect"]], "sentence")


def khabar_tagger(sentence: str, anchor: str | None) -> list[Item]:
    from khabar.timex import tag

    return [(t.text, t.type, t.value, t.mod) for t in tag(sentence, anchor)]


def score(
    cases: Iterable[dict],
    tagger: Callable[[str, str | None], list[Item]] = khabar_tagger,
    match: Callable[[Item, Item], bool] | None = None,
) -> dict:
    """Micro and per-category precision/recall/F1, and every miss and false alarm."""
    same = match or (lambda gold, found: gold == found)
    result = evaluation.score(
        cases,
        "sentence",
        expected=lambda case: [(e["text"], e["type"], e["value"], e.get("mod")) for e in case["expect"]],
        predict=lambda case: (tagger(case["sentence"], case.get("anchor")), None),
        match=lambda gold, found, _: same(gold, found),
    )
    result["n_expressions"] = result.pop("n_expected")
    return result
