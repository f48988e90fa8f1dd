"""Shared pieces of the table evaluations (`khabar eval timex`, `khabar eval quotes`)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from khabar.errors import KhabarError
from khabar.text import normalize

EDGE = ' \t\n«»“”"‹›„،,.:;؛!?؟-–—…'  # left off both ends of a name or span before comparing


def same(a: str | None, b: str | None) -> bool:
    """Whether two texts are the same once normalised and trimmed of edge punctuation."""
    return normalize(a or "").strip(EDGE) == normalize(b or "").strip(EDGE)


def entity_names(article, entity_id: str | None) -> set[str]:
    """An entity's Arabic name and aliases, normalised."""
    entity = next((e for e in article.entities if e.id == entity_id), None)
    if entity is None:
        return set()
    return {normalize(n).strip(EDGE) for n in {entity.name_ar, *entity.aliases}}


def refers(article, entity_id: str | None, words: str | None, expected: str | None) -> bool:
    """Whether an entity (or the words that stood for it) is the expected name as written."""
    if expected is None:
        return entity_id is None
    want = normalize(expected).strip(EDGE)
    names = entity_names(article, entity_id)
    if words:
        names.add(normalize(words).strip(EDGE))
    if want in names or any(want.removeprefix("ال") == n.removeprefix("ال") for n in names):
        return True
    return any(want in n or n in want for n in names if len(n) >= 3)


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


def score(
    cases: Iterable[dict],
    text_key: str,
    expected: Callable[[dict], list],
    predict: Callable[[dict], tuple[list, Any]],
    match: Callable[[Any, Any, Any], bool],
    show: Callable[[Any, Any], Any] = lambda item, context: item,
) -> dict:
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
                errors.append(
                    {
                        "kind": "missed",
                        "category": case["category"],
                        "expected": want,
                        "found": [show(got, context) for got in found],
                        "text": case[text_key],
                    }
                )
            else:
                unmatched.remove(hit)
        for got in unmatched:
            errors.append(
                {"kind": "false", "category": case["category"], "found": show(got, context), "text": case[text_key]}
            )
        c = counts[case["category"]]
        c[0] += len(found) - len(unmatched)
        c[1] += len(found)
        c[2] += len(gold)
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {
        "micro": prf(*total),
        "per_type": {k: prf(*v) for k, v in sorted(counts.items())},
        "n_sentences": n,
        "n_expected": total[2],
        "errors": errors,
    }
