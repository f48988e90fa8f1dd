"""CoNLL-style NER files (`token tag` per line, blank line between sentences) and
entity-level scoring with conlleval's rules (exact span and type; an I- tag without its B-
opens an entity)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from khabar.errors import Errors, KhabarError


@dataclass
class Sentence:
    words: list[str]
    tags: list[str]


def read_conll(path: str | Path) -> list[Sentence]:
    """Sentences of a CoNLL file: first column the token, second the BIO tag."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise KhabarError(Errors.E502, what=str(path), detail=exc) from None
    for number, line in enumerate(lines, 1):
        parts = line.split()
        if not parts:
            if words:
                sentences.append(Sentence(words, tags))
                words, tags = [], []
            continue
        if len(parts) < 2:
            raise KhabarError(Errors.E502, what=f"{path}:{number}", detail="expected 'token tag'")
        words.append(parts[0])
        tags.append(parts[1])
    if words:
        sentences.append(Sentence(words, tags))
    return sentences


def split_like(flat: list[str], sentences: list[Sentence]) -> list[list[str]]:
    """Cut tags predicted over the running text back into the given sentences."""
    out, k = [], 0
    for s in sentences:
        out.append(flat[k : k + len(s.words)])
        k += len(s.words)
    return out


def entity_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) word spans of a BIO sequence, conlleval-style."""
    spans = set()
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and kind == label
        if start is not None and not continues:
            spans.add((start, i, kind))
            start, kind = None, None
        if prefix in ("B", "I") and not continues:
            start, kind = i, label
    return spans


def score(gold: list[list[str]], predicted: list[list[str]]) -> dict:
    """Micro and per-type precision, recall and F1 over exact entity matches."""
    tp: Counter = Counter()
    n_gold: Counter = Counter()
    n_pred: Counter = Counter()
    for g, p in zip(gold, predicted, strict=True):
        gs, ps = entity_spans(g), entity_spans(p)
        for s in gs:
            n_gold[s[2]] += 1
        for s in ps:
            n_pred[s[2]] += 1
        for s in gs & ps:
            tp[s[2]] += 1

    def prf(t: int, g: int, p: int) -> dict:
        precision = t / p if p else 0.0
        recall = t / g if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4), "support": g}

    types = sorted(set(n_gold) | set(n_pred))
    return {
        "micro": prf(sum(tp.values()), sum(n_gold.values()), sum(n_pred.values())),
        "per_type": {t: prf(tp[t], n_gold[t], n_pred[t]) for t in types},
        "n_sentences": len(gold),
        "n_tokens": sum(len(g) for g in gold),
    }
