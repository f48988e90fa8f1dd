"""A feature CRF (CRFsuite) whose tag marginals are mixed into the transformer's.

The two models err differently: the transformer reads subword pieces in context, the CRF reads
whole words — the word, its stem without proclitics, affixes, knowledge-base names it is part of
and distributional clusters learned from news text (`clusters.py`) — two words either side. It is
trained on ANERcorp's coarse tags (PERS, ORG, LOC, MISC); its LOC stands for GPE, LOC and FAC
alike, so mixing it in never changes the transformer's choice among those three.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from khabar.ner.clusters import read_clusters
from khabar.text import normalize
from khabar.text.tokens import clitic_split

CONTEXT = (-2, -1, 1, 2)
CLUSTER_CONTEXT = (-1, 0, 1)
MAX_NAME_WORDS = 4
SENTENCE_END = {".", "!", "?", "؟"}
LATIN = re.compile(r"[A-Za-z]+")
PUNCT = re.compile(r"\W+")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The normalised word without its proclitics (و ف ب ل ك ال)."""
    norm = normalize(word)
    parts = clitic_split(norm)
    return norm[parts[-1][1] :] if parts else norm


@lru_cache(maxsize=1)
def gazetteer() -> dict[tuple[str, ...], str]:
    """Stems of every knowledge-base name -> its label."""
    from khabar.entities.kb import knowledge_base

    names: dict[tuple[str, ...], str] = {}
    for entry in knowledge_base().entries:
        for name in entry.names():
            key = tuple(stem(w) for w in name.split())
            if key:
                names.setdefault(key, entry.label)
    return names


def _gazetteer_tags(stems: list[str]) -> list[str | None]:
    """B-/I- label of the longest knowledge-base name covering each word, left to right."""
    names = gazetteer()
    out: list[str | None] = [None] * len(stems)
    i = 0
    while i < len(stems):
        for n in range(min(MAX_NAME_WORDS, len(stems) - i), 0, -1):
            label = names.get(tuple(stems[i : i + n]))
            if label:
                out[i : i + n] = [f"B-{label}"] + [f"I-{label}"] * (n - 1)
                i += n - 1
                break
        i += 1
    return out


def _shape(word: str) -> str:
    if word.isdigit():
        return "digits"
    if LATIN.fullmatch(word):
        return "latin"
    if PUNCT.fullmatch(word):
        return "punct"
    return "word"


def features(words: list[str], clusters: dict[str, tuple[str, ...]]) -> list[dict[str, str | float]]:
    """CRFsuite feature dicts, one per word."""
    norm = [normalize(w) for w in words]
    stems = [stem(w) for w in words]
    names = _gazetteer_tags(stems)
    out = []
    for i, (w, s) in enumerate(zip(norm, stems)):
        f: dict[str, str | float] = {
            "bias": 1.0,
            "w": w,
            "s": s,
            "p2": w[:2],
            "p3": w[:3],
            "x2": w[-2:],
            "x3": w[-3:],
            "sp2": s[:2],
            "sp3": s[:3],
            "sx1": s[-1:],
            "sx2": s[-2:],
            "sx3": s[-3:],
            "shape": _shape(words[i]),
            "len": str(min(len(s), 8)),
            "clitic": str(s != w),
        }
        if names[i]:
            f["kb"] = names[i]
        for d in CONTEXT:
            j = i + d
            if 0 <= j < len(norm):
                f[f"w{d}"], f[f"s{d}"] = norm[j], stems[j]
                if names[j]:
                    f[f"kb{d}"] = names[j]
            else:
                f[f"w{d}"] = "<edge>"
        for d in CLUSTER_CONTEXT:
            j = i + d
            if 0 <= j < len(norm) and stems[j] in clusters:
                for level, cluster in enumerate(clusters[stems[j]]):
                    f[f"c{level}{d}"] = cluster
        f["w-1|w"] = f"{f['w-1']}|{w}"
        f["w|w1"] = f"{w}|{f['w1']}"
        out.append(f)
    return out


def sentence_pieces(words: list[str]) -> list[tuple[int, int]]:
    """(start, end) runs of a word sequence cut after sentence-final punctuation."""
    pieces, start = [], 0
    for i, w in enumerate(words):
        if w in SENTENCE_END:
            pieces.append((start, i + 1))
            start = i + 1
    if start < len(words):
        pieces.append((start, len(words)))
    return pieces


class CrfTagger:
    """Per-word log-marginals of the CRF's coarse tags.

    A CRFsuite tagger keeps the sequence it was last given (`set`, then `marginal`), so one object
    must never serve two threads: each thread opens its own on first use (shared: labels, clusters).
    """

    def __init__(self, model: Path, clusters: Path) -> None:
        self.model = model
        self.local = threading.local()
        self.labels: list[str] = self.tagger().labels()
        self.clusters = read_clusters(clusters)

    def tagger(self):
        """This thread's CRFsuite tagger."""
        tagger = getattr(self.local, "tagger", None)
        if tagger is None:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            tagger.open(str(self.model))
            self.local.tagger = tagger
        return tagger

    def log_marginals(self, words: list[str]) -> np.ndarray:
        tagger = self.tagger()
        out = np.zeros((len(words), len(self.labels)))
        for start, end in sentence_pieces(words):
            tagger.set(features(words[start:end], self.clusters))
            for k, label in enumerate(self.labels):
                out[start:end, k] = [tagger.marginal(label, t) for t in range(end - start)]
        return np.log(np.clip(out, 1e-6, 1.0))


def train_crf(sentences, out: Path, clusters: Path, c1: float = 0.02, c2: float = 0.01, iterations: int = 200) -> Path:
    """Train the CRF on CoNLL sentences (coarse tags) with L-BFGS; write `out`."""
    import pycrfsuite

    table = read_clusters(clusters)
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        trainer.append(features(sentence.words, table), sentence.tags)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True})
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return out
