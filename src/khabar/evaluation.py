"""Shared pieces of the table evaluations (`khabar eval timex`, `khabar eval quotes`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

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
