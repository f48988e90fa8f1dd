"""Distil the NER model into a smaller, faster student (XtremeDistil-style). Needs `khabar[train]`.

The teacher is a shipped model folder: its transformer with its CRF mixed in, as the pipeline runs it.
It tags the body words of SaudiNewsNet articles, and its per-word tag distributions and ORG-subtype
distributions are kept as soft labels (`teacher_labels`). The student is e5-small cut to a few of its
layers (`train.train(..., layers=…, distill=…)`): it learns from the soft labels and from the gold
corpora at once.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import torch

from khabar.ner.model import MAX_WORD_PIECES, NerModel
from khabar.ner.train import MAX_PIECES, SoftChunk, sha256

SOFT_LABELS = "teacher_labels.pt"


def story_words(news: Path, days: tuple[str, ...], limit: int) -> tuple[list[list[str]], list[Path]]:
    """The body words of the first `limit` articles of the given days' SaudiNewsNet zips, as the NER stage
    sees them (after layout, sentences and tokens)."""
    from khabar.ingest import iter_articles
    from khabar.pipeline import Pipeline

    files = [news / f"{day}.zip" for day in days]
    prepared = Pipeline(["layout", "sentences", "tokens"])
    stories = []
    for article in iter_articles([str(f) for f in files], on_error=lambda e: None):
        words = [t.text for t in prepared(article).tokens]
        if words:
            stories.append(words)
        if len(stories) >= limit:
            break
    return stories, files


def soft_chunks(model: NerModel, words: list[str]) -> list[SoftChunk]:
    """The teacher's soft labels for one story's words, cut into student chunks that never split a word."""
    log_probs, subtype_probs = model.word_scores([words])[0]
    probs = np.exp(log_probs)
    chunks: list[SoftChunk] = []
    tok = model.tokenizer
    ids, first, rows = [tok.bos], [], []

    def close() -> None:
        chunks.append(
            SoftChunk(ids + [tok.eos], first, probs[rows].astype(np.float16), subtype_probs[rows].astype(np.float16))
        )

    for k, word in enumerate(words):
        pieces = list(tok.word_ids(word))[:MAX_WORD_PIECES] or [tok.unk]
        if len(ids) - 1 + len(pieces) > MAX_PIECES and first:
            close()
            ids, first, rows = [tok.bos], [], []
        first.append(len(ids))
        rows.append(k)
        ids.extend(pieces)
    if first:
        close()
    return chunks


def teacher_labels(
    teacher_dir: Path | None, news: Path, out: Path, days: tuple[str, ...], limit: int, log=print
) -> dict:
    """Tag `limit` articles of `days` with the teacher and save their soft chunks and recipe to `out`."""
    model = NerModel(teacher_dir)
    started = time.time()
    stories, files = story_words(news, days, limit)
    chunks: list[SoftChunk] = []
    for i, words in enumerate(stories, 1):
        chunks.extend(soft_chunks(model, words))
        if i % 100 == 0:
            log(f"teacher: {i}/{len(stories)} articles, {len(chunks)} chunks ({time.time() - started:.0f} s)")
    recipe = {
        "teacher": model.manifest["name"],
        "teacher_version": sha256(model.dir / "manifest.json")[:16],
        "teacher_crf_weight": model.crf_weight,
        "articles": len(stories),
        "words": sum(len(s) for s in stories),
        "chunks": len(chunks),
        "data": {f.name: sha256(f) for f in files},
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"chunks": chunks, "recipe": recipe}, out)
    log(f"teacher labels: {json.dumps(recipe)}")
    return recipe
