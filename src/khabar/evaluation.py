"""Shared pieces of the table evaluations (`khabar eval timex`, `khabar eval quotes`)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Iterable

from khabar.errors import KhabarError


def read_table(path: str | Path, code: str, spans: Callable[[dict], list[str]], text_key: str) -> list[dict]:
    """JSON Lines cases; every expected span must occur in the case's text, else error `code`."""
    cases = []
    for number, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
            for span in spans(case):
                if span not in case[text_key]:
                    raise ValueError(f"{span!r} is not in the {text_key}")
        except (ValueError, KeyError, TypeError) as exc:
            raise KhabarError(code, what=f"{path}:{number}", detail=str(exc)) from exc
        cases.append(case)
    return cases


def prf(tp: int, predicted: int, gold: int) -> dict:
    """Precision, recall and F1; with nothing predicted (or nothing to find) there is nothing wrong: 1.0."""
    p = tp / predicted if predicted else 1.0
    r = tp / gold if gold else 1.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "support": gold}


def score(cases: Iterable[dict], text_key: str, expected: Callable[[dict], list],
          predict: Callable[[dict], tuple[list, Any]], match: Callable[[Any, Any, Any], bool],
          show: Callable[[Any, Any], Any] = lambda item, context: item) -> dict:
    """Micro and per-category precision/recall/F1 of `predict` against `expected`, case by case,
    with every miss and false alarm (`show` makes a found item printable)."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, predicted, gold
    errors = []
    n = 0
    for case in cases:
        n += 1
        gold = expected(case)
        found, context = predict(case)
        unmatched = list(found)
        for want in gold:
            hit = next((got for got in unmatched if match(want, got, context)), None)
            if hit is None:
                errors.append({"kind": "missed", "category": case["category"], "expected": want,
                               "found": [show(got, context) for got in found], "text": case[text_key]})
            else:
                unmatched.remove(hit)
        for got in unmatched:
            errors.append({"kind": "false", "category": case["category"], "found": show(got, context),
                           "text": case[text_key]})
        c = counts[case["category"]]
        c[0] += len(found) - len(unmatched)
        c[1] += len(found)
        c[2] += len(gold)
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {"micro": prf(*total), "per_type": {k: prf(*v) for k, v in sorted(counts.items())},
            "n_sentences": n, "n_expected": total[2], "errors": errors}
