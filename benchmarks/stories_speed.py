"""Stories: how fast near-duplicates and story assignment run, and how memory grows, over the shared corpus.

    python benchmarks/stories_speed.py [--limit N]

Articles are read from ../shared/data/news/saudinewsnet and put through the layout stage first (stored
articles have their blocks; the rest of the pipeline is not needed here). Printed:
- features: the MinHash, shingle hashes and TF-IDF vector of each article, one process, and two
  processes (the work ingest's analysis workers could do);
- assignment: the tracker alone (LSH query, exact shares, story choice), one process (it is sequential);
- both on 2 cores: features in two worker processes feeding the tracker;
- memory held by the tracker at the end, streaming the corpus, for several windows and for half the
  corpus, to show it grows with the window and not with the corpus.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet"


def laid_out(limit: int | None) -> list[dict]:
    from khabar.ingest import iter_articles
    from khabar.pipeline import Pipeline

    articles = sorted(iter_articles(sorted(str(p) for p in CORPUS.glob("*.zip"))), key=lambda a: a.published or "")
    articles = articles[:limit] if limit else articles
    out = []
    for a in Pipeline(["layout"]).pipe(iter(articles)):
        out.append(
            {
                "id": a.id,
                "title": a.title,
                "text": a.text,
                "published": a.published,
                "source": a.source,
                "blocks": [{"kind": b.kind, "text": b.text} for b in a.blocks],
            }
        )
    return out


def docs_of(chunk: list[dict]) -> list:
    from khabar.stories.features import story_doc

    return [story_doc(a) for a in chunk]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N articles")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}")
    from khabar.stories.features import idf_table, story_doc
    from khabar.stories.tracker import StoryTracker

    idf_table()
    articles = laid_out(args.limit)
    n = len(articles)
    print(f"{n} articles (SaudiNewsNet, after the layout stage)")

    start = time.perf_counter()
    docs = [story_doc(a) for a in articles]
    one = time.perf_counter() - start
    print(f"features, 1 process:  {n / one:8.0f} articles/s")

    chunks = [articles[i : i + 250] for i in range(0, n, 250)]
    with get_context("forkserver").Pool(2) as pool:
        pool.map(docs_of, chunks[:2])  # warm up: load the tables in each worker
        start = time.perf_counter()
        parallel = [d for part in pool.imap(docs_of, chunks) for d in part]
        two = time.perf_counter() - start
    print(f"features, 2 processes: {n / two:8.0f} articles/s")

    tracker = StoryTracker()
    start = time.perf_counter()
    for doc in docs:
        tracker.add(doc)
    assign = time.perf_counter() - start
    print(f"assignment (tracker):  {n / assign:8.0f} articles/s")

    for workers in (1, 2):
        tracker = StoryTracker()
        with get_context("forkserver").Pool(workers) as pool:
            pool.map(docs_of, chunks[:workers])
            start = time.perf_counter()
            for part in pool.imap(docs_of, chunks):  # workers make features while this process assigns
                for doc in part:
                    tracker.add(doc)
            both = time.perf_counter() - start
        print(f"features in {workers} worker(s) + assignment here, 2 cores: {n / both:8.0f} articles/s")
    assert len(parallel) == n

    print("memory held by the tracker after streaming (tracemalloc):")
    for label, part, window in (
        ("all, window 1 day ", articles, 1),
        ("all, window 3 days", articles, 3),
        ("all, window 6 days", articles, 6),
        ("half, window 3 days", articles[: n // 2], 3),
    ):
        tracemalloc.start()
        tracker = StoryTracker(window_days=window)
        for a in part:
            tracker.add(story_doc(a))
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"  {label}: {len(part):6} articles, {len(tracker.docs):6} in the window, "
            f"{current / 2**20:6.1f} MiB held, {peak / 2**20:6.1f} MiB peak, "
            f"{current / max(1, len(tracker.docs)) / 1024:5.1f} KiB per article in the window"
        )


if __name__ == "__main__":
    main()
