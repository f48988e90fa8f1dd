"""What the corpus benchmark scripts share: where SaudiNewsNet lives and a random sample of items."""

from __future__ import annotations

import argparse
import random
import time
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


def report_arguments(doc: str) -> argparse.Namespace:
    """The options every corpus report takes: the analysed JSONL, sample size and seed, top-N, a limit."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("jsonl", type=Path)
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--limit", type=int, default=0, help="stop after this many articles (0: all)")
    return parser.parse_args()


class TimedStage:
    """Articles read back from analysed JSONL, each run through `stage` again; `seconds` is the time
    spent inside the stage and `articles` how many were read (at most `limit`, 0 = all)."""

    def __init__(self, path: Path, stage, limit: int = 0) -> None:
        self.path, self.stage, self.limit = path, stage, limit
        self.seconds, self.articles = 0.0, 0

    def __iter__(self):
        from khabar.document import Article

        with self.path.open(encoding="utf-8") as lines:
            for line in lines:
                if not line.strip():
                    continue
                article = Article.from_json(line)
                started = time.perf_counter()
                self.stage(article)
                self.seconds += time.perf_counter() - started
                self.articles += 1
                yield article
                if self.limit and self.articles >= self.limit:
                    return
