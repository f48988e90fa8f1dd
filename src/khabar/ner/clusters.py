"""Distributional word clusters for the CRF: words that occur in the same contexts share a cluster.

Built once at training time from plain news text: counts of each word's neighbours (two either
side), positive PMI, a 100-dimension SVD, then spherical k-means at two granularities. The table
(`clusters.tsv`: word, coarse cluster, fine cluster) ships beside the model; words are the
normalised stems the CRF sees. Building needs the `train` extra (scipy).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

SIZES = (64, 512)
MAX_WORDS = 80_000
MIN_COUNT = 3
CONTEXT_WORDS = 4_000
DIMENSIONS = 100
OFFSETS = (-2, -1, 1, 2)


def build_clusters(documents: Iterable[list[str]], out: Path, seed: int = 0) -> int:
    """Cluster the words of `documents` (lists of stems); write `out`, return the number of words."""
    import scipy.sparse as sp
    from scipy.sparse.linalg import svds

    documents = list(documents)
    counts = Counter(w for d in documents for w in d)
    vocabulary = [w for w, c in counts.most_common(MAX_WORDS) if c >= MIN_COUNT]
    row_of = {w: i for i, w in enumerate(vocabulary)}
    column_of = {w: i for i, w in enumerate(vocabulary[:CONTEXT_WORDS])}
    rows, columns = [], []
    for document in documents:
        ids = [row_of.get(w, -1) for w in document]
        contexts = [column_of.get(w, -1) for w in document]
        for k, i in enumerate(ids):
            if i < 0:
                continue
            for slot, offset in enumerate(OFFSETS):
                j = k + offset
                if 0 <= j < len(document) and contexts[j] >= 0:
                    rows.append(i)
                    columns.append(slot * CONTEXT_WORDS + contexts[j])
    shape = (len(vocabulary), len(OFFSETS) * CONTEXT_WORDS)
    pairs = sp.coo_matrix((np.ones(len(rows), np.float32), (rows, columns)), shape=shape).tocsr().tocoo()
    total = pairs.data.sum()
    row_sums = np.bincount(pairs.row, pairs.data, shape[0])
    column_mass = np.bincount(pairs.col, pairs.data, shape[1]) ** 0.75  # context smoothing as in word2vec
    column_mass *= total / column_mass.sum()
    pmi = np.log(pairs.data * total / (row_sums[pairs.row] * column_mass[pairs.col]))
    keep = pmi > 0
    ppmi = sp.csr_matrix((pmi[keep].astype(np.float32), (pairs.row[keep], pairs.col[keep])), shape=shape)
    u, s, _ = svds(ppmi, k=DIMENSIONS, random_state=seed)
    vectors = u * np.sqrt(s)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    assignments = [_spherical_kmeans(vectors, k, seed) for k in SIZES]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        f.write("# word\tcluster of %d\tcluster of %d (khabar.ner.clusters)\n" % SIZES)
        for i, word in enumerate(vocabulary):
            f.write("\t".join([word, *(str(a[i]) for a in assignments)]) + "\n")
    return len(vocabulary)


def _spherical_kmeans(vectors: np.ndarray, k: int, seed: int, iterations: int = 15) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = vectors[rng.choice(len(vectors), k, replace=False)].copy()
    for _ in range(iterations):
        nearest = np.argmax(vectors @ centres.T, axis=1)
        for j in range(k):
            members = vectors[nearest == j]
            if len(members):
                centre = members.mean(axis=0)
                centres[j] = centre / (np.linalg.norm(centre) + 1e-9)
    return np.argmax(vectors @ centres.T, axis=1)


def read_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """word -> its cluster ids, coarse to fine."""
    table = {}
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            word, *ids = line.split("\t")
            table[word] = tuple(ids)
    return table
