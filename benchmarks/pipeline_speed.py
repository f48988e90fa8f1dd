"""Speed of the whole pipeline with the accurate and the fast NER model, side by side on the same real articles.

Articles are drawn at random (fixed seed) from ../shared's SaudiNewsNet zips, else the project's own
sample articles are used. Each tier analyses the same articles in 1 and in N worker processes; the
time of every stage is printed for 1 process.
    python benchmarks/pipeline_speed.py [--articles 60] [--seed 18] [--n-process 2]
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections import Counter
from pathlib import Path

from khabar import Article, Pipeline
from khabar.ingest import iter_articles, read_path
from khabar.ner.model import TIERS
from khabar.pipeline import get_stage

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet"


def sample(n: int, seed: int) -> list:
    if CORPUS.is_dir():
        articles = list(iter_articles(sorted(str(p) for p in CORPUS.glob("*.zip")), on_error=lambda e: None))
        return random.Random(seed).sample(articles, n)
    own = [a for p in sorted((ROOT / "examples").glob("*.txt")) for a in read_path(str(p))]
    return [own[i % len(own)] for i in range(n)]


def fresh(raw: list[dict]) -> list[Article]:
    """New, unanalysed articles (each run analyses its own copies)."""
    return [Article.from_dict(r) for r in raw]


def stage_times(pipeline: Pipeline, articles: list[Article]) -> Counter:
    """Seconds per stage over `articles`, one process."""
    spent: Counter = Counter()
    for article in articles:
        for name in pipeline.stage_names:
            t0 = time.perf_counter()
            pipeline._run_stage(get_stage(name), article)
            spent[name] += time.perf_counter() - t0
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--n-process", type=int, default=2)
    args = parser.parse_args()
    raw = [a.to_dict() for a in sample(args.articles, args.seed)]
    words = sum(len(r["text"].split()) for r in raw) // len(raw)
    print(f"{len(raw)} articles, ~{words} words each")
    rates: dict[tuple[str, int], float] = {}
    for tier in sorted(TIERS):
        os.environ["KHABAR_NER"] = tier
        for n in (1, args.n_process):
            pipeline = Pipeline()
            list(pipeline.pipe(iter(fresh(raw[:2])), n_process=1))  # warm-up: models and tables loaded
            articles = fresh(raw)
            t0 = time.perf_counter()
            done = sum(1 for _ in pipeline.pipe(iter(articles), n_process=n))
            rates[tier, n] = done / (time.perf_counter() - t0)
            print(f"{tier:9} {n} process{'es' if n > 1 else '  '}: {rates[tier, n]:5.2f} articles/s")
        timed = fresh(raw[:20])
        spent = stage_times(Pipeline(), timed)
        each = {k: v / len(timed) * 1000 for k, v in spent.most_common()}
        print("          per article: " + ", ".join(f"{k} {ms:.0f} ms" for k, ms in each.items()))
        print(f"          total {sum(each.values()):.0f} ms")
    for n in (1, args.n_process):
        print(f"fast / accurate with {n} process(es): {rates['fast', n] / rates['accurate', n]:.2f}x")


if __name__ == "__main__":
    main()
