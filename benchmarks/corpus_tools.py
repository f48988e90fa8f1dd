"""What the corpus benchmark scripts share: where SaudiNewsNet lives and a random sample of items."""

from __future__ import annotations

import random
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "saudinewsnet"


class Reservoir:
    """A uniform random sample of `size` items from a stream of unknown length (reservoir sampling)."""

    def __init__(self, size: int, seed: int) -> None:
        self.size, self.rng, self.seen, self.items = size, random.Random(seed), 0, []

    def add(self, item) -> None:
        self.seen += 1
        if len(self.items) < self.size:
            self.items.append(item)
        elif self.rng.random() < self.size / self.seen:
            self.items[self.rng.randrange(self.size)] = item
