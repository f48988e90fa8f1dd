"""Corpus store: ingest speed, database size and search latency over SaudiNewsNet.

Ingests the corpus (raw zips through the pipeline, or pre-analysed JSONL from `khabar analyze
--jsonl`, which is stored without analysing again) into a fresh store, then times 200 searches
(100 single words, 100 phrases of two or three words, drawn from the store's own index and
headlines) and prints wall time, articles/s, database size and search p50/p95.
    python benchmarks/store_benchmark.py [INPUT ...] [--limit N] [--workers 2] [--stages layout,...]
    python benchmarks/store_benchmark.py out/saudinewsnet.jsonl        # pre-analysed: store cost alone
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from corpus_tools import CORPUS
from khabar.pipeline import DEFAULT_STAGES, Pipeline
from khabar.store import Store, ingest
from khabar.store.search import index_words


def queries(db: Path, n: int, seed: int = 11) -> list[tuple[str, str]]:
    """(kind, query): single words of middling frequency and phrases from headlines."""
    rng = random.Random(seed)
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, 'article_fts', 'row')")
    words = [
        w for (w,) in con.execute("SELECT term FROM temp.vocab WHERE length(term) >= 3 ORDER BY doc DESC LIMIT 3000")
    ][30:]
    titles = [t for (t,) in con.execute("SELECT substr(text, 1, 200) FROM articles")]
    con.close()
    single = [("word", w) for w in rng.sample(words, min(n // 2, len(words)))]
    multi = []
    while len(multi) < n - len(single) and titles:
        headline = rng.choice(titles).split("\n")[0].split()
        size = rng.choice((2, 3))
        if len(headline) >= size:
            start = rng.randrange(len(headline) - size + 1)
            phrase = " ".join(headline[start : start + size])
            if len(index_words(phrase)) == size:
                multi.append(("phrase", phrase))
    return single + multi


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(CORPUS)])
    parser.add_argument("--db", type=Path, default=Path("out/store_benchmark.db"))
    parser.add_argument("--limit", type=int, default=None, help="ingest only the first N articles")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--stages", default=",".join(DEFAULT_STAGES), help="stages for raw input")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    if not all(Path(p).exists() for p in args.inputs):
        sys.exit(f"input not found: {args.inputs} (the corpus needs ../shared)")
    args.db.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{args.db}{suffix}").unlink(missing_ok=True)

    store = Store(args.db)
    t0 = time.perf_counter()
    summary = ingest(
        store, args.inputs, pipeline=Pipeline(args.stages.split(",")), workers=args.workers, limit=args.limit
    )
    wall = time.perf_counter() - t0
    counts = store.stats()
    store.close()
    sqlite3.connect(args.db).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    size = args.db.stat().st_size
    print(
        f"ingest: {summary.stored} articles stored ({summary.updated} of them repeated an id: same text, other "
        f"metadata), {len(summary.failures)} inputs skipped, "
        f"{summary.stage_errors} with stage errors"
    )
    print(
        f"        wall {wall:.1f} s, {summary.stored / wall:.1f} articles/s, database {size / 1e6:.1f} MB "
        f"({size / max(summary.stored, 1) / 1e3:.1f} kB/article)"
    )
    print("        " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))

    reader = Store(args.db, readonly=True)
    reader.search("تجربة")  # loads the knowledge base once, as a running server has
    timings: dict[str, list[float]] = {"word": [], "phrase": []}
    hits: dict[str, list[int]] = {"word": [], "phrase": []}
    for kind, query in queries(args.db, args.queries):
        t = time.perf_counter()
        result = reader.search(query)
        timings[kind].append((time.perf_counter() - t) * 1000)
        hits[kind].append(result["total"])
    every = timings["word"] + timings["phrase"]
    print(f"search: {len(every)} queries (first page of 20 with snippets and the total count)")
    for kind, values in (*timings.items(), ("all", every)):
        if values:
            found = hits.get(kind, hits["word"] + hits["phrase"])
            print(
                f"        {kind:6} n={len(values):3}  p50 {percentile(values, 50):6.1f} ms  "
                f"p95 {percentile(values, 95):6.1f} ms  max {max(values):6.1f} ms  "
                f"median hits {statistics.median(found):.0f}"
            )


if __name__ == "__main__":
    main()
