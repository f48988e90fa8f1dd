"""`khabar eval timex`: score the timex stage on a table of sentences with expected expressions.

The table is JSON Lines: `{"category", "anchor", "sentence", "expect": [{"text", "type", "value",
"mod"}]}`. An expression counts as found when text, type, value and mod all agree.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterable

from khabar import evaluation
from khabar.evaluation import prf

Item = tuple[str, str, str | None, str | None]  # text, type, value, mod


def read_table(path: str | Path) -> list[dict]:
    return evaluation.read_table(path, "E601", lambda case: [e["text"] for e in case["expect"]], "sentence")


def khabar_tagger(sentence: str, anchor: str | None) -> list[Item]:
    from khabar.timex import tag
    return [(t.text, t.type, t.value, t.mod) for t in tag(sentence, anchor)]


def score(cases: Iterable[dict], tagger: Callable[[str, str | None], list[Item]] = khabar_tagger,
          match: Callable[[Item, Item], bool] | None = None) -> dict:
    """Micro and per-category precision/recall/F1, and every miss and false alarm."""
    match = match or (lambda gold, found: gold == found)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, predicted, gold
    errors = []
    n = 0
    for case in cases:
        n += 1
        gold = [(e["text"], e["type"], e["value"], e.get("mod")) for e in case["expect"]]
        found = tagger(case["sentence"], case.get("anchor"))
        unmatched = list(found)
        tp = 0
        for g in gold:
            hit = next((f for f in unmatched if match(g, f)), None)
            if hit is None:
                errors.append({"kind": "missed", "category": case["category"], "expected": g,
                               "text": case["sentence"], "found": found})
                continue
            unmatched.remove(hit)
            tp += 1
        for f in unmatched:
            errors.append({"kind": "false", "category": case["category"], "found": f, "text": case["sentence"]})
        c = counts[case["category"]]
        c[0] += tp
        c[1] += len(found)
        c[2] += len(gold)
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {"micro": prf(*total), "per_type": {k: prf(*v) for k, v in sorted(counts.items())},
            "n_sentences": n, "n_expressions": total[2], "errors": errors}
