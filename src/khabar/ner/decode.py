"""BIO-valid decoding: the best tag sequence in which every I-X follows B-X or I-X."""

from __future__ import annotations

import numpy as np


def allowed_transitions(tags: list[str]) -> np.ndarray:
    """allowed[i, j]: tag j may follow tag i."""
    n = len(tags)
    allowed = np.ones((n, n), dtype=bool)
    for j, tag in enumerate(tags):
        if tag.startswith("I-"):
            kind = tag[2:]
            for i, prev in enumerate(tags):
                allowed[i, j] = prev in (f"B-{kind}", f"I-{kind}")
    return allowed


def viterbi(log_probs: np.ndarray, allowed: np.ndarray, tags: list[str]) -> list[int]:
    """Tag indices maximising the summed log-probabilities under the BIO constraints."""
    n_steps, n_tags = log_probs.shape
    if n_steps == 0:
        return []
    penalty = np.where(allowed, 0.0, -1e9)
    start_ok = np.array([not t.startswith("I-") for t in tags])
    score = np.where(start_ok, log_probs[0], -1e9)
    back = np.zeros((n_steps, n_tags), dtype=np.int64)
    for t in range(1, n_steps):
        cand = score[:, None] + penalty
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + log_probs[t]
    path = [int(score.argmax())]
    for t in range(n_steps - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]
