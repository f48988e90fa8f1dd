"""`khabar eval timex`: score the timex stage on a table of sentences with expected expressions.

The table is JSON Lines: `{"category", "anchor", "sentence", "expect": [{"text", "type", "value",
"mod"}]}`. An expression counts as found when text, type, value and mod all agree.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterable

from khabar.errors import KhabarError

Item = tuple[str, str, str | None, str | None]  # text, type, value, mod


def read_table(path: str | Path) -> list[dict]:
    cases = []
    for number, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
            for item in case["expect"]:
                if item["text"] not in case["sentence"]:
                    raise ValueError(f"{item['text']!r} is not in the sentence")
        except (ValueError, KeyError, TypeError) as exc:
            raise KhabarError("E601", what=f"{path}:{number}", detail=str(exc)) from exc
        cases.append(case)
    return cases


def khabar_tagger(sentence: str, anchor: str | None) -> list[Item]:
    from khabar.timex import tag
    return [(t.text, t.type, t.value, t.mod) for t in tag(sentence, anchor)]


def _prf(tp: int, predicted: int, gold: int) -> dict:
    """Scores; with nothing predicted (or nothing to find) there is nothing wrong: 1.0."""
    p = tp / predicted if predicted else 1.0
    r = tp / gold if gold else 1.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "support": gold}


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
                               "sentence": case["sentence"], "found": found})
                continue
            unmatched.remove(hit)
            tp += 1
        for f in unmatched:
            errors.append({"kind": "false", "category": case["category"], "found": f, "sentence": case["sentence"]})
        c = counts[case["category"]]
        c[0] += tp
        c[1] += len(found)
        c[2] += len(gold)
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {"micro": _prf(*total), "per_type": {k: _prf(*v) for k, v in sorted(counts.items())},
            "n_sentences": n, "n_expressions": total[2], "errors": errors}
