"""Speed and memory of the text + layout stages over the SaudiNewsNet corpus in ../shared.

Prints articles/s for reading (ingest) and for the stages, and peak resident memory.
    python benchmarks/text_layout_speed.py [--limit N] [--n-process 2] [--stages layout,sentences,tokens]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import Counter
from pathlib import Path

from corpus_tools import CORPUS
from khabar.document import Article
from khabar.ingest import iter_articles
from khabar.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="stop after N articles (0 = all)")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--stages", default="layout,sentences,tokens")
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus} (needs ../shared)")

    t0 = time.perf_counter()
    articles = []
    stream = iter_articles([str(args.corpus)])
    report = stream.report
    for article in stream:
        articles.append(article)
        if args.limit and len(articles) >= args.limit:
            break
    read_s = time.perf_counter() - t0
    chars = sum(len(a.text) for a in articles)

    pipeline = Pipeline(args.stages.split(","))
    t0 = time.perf_counter()
    kinds: Counter = Counter()
    stage_errors = 0
    fresh = (Article(text=a.text, title=a.title, source=a.source, url=a.url, published=a.published) for a in articles)
    for article in pipeline.pipe(fresh, batch_size=64, n_process=args.n_process):
        kinds.update(b.kind for b in article.blocks)
        stage_errors += bool(article.errors)
    stage_s = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"articles           {len(articles):,} ({chars / 1e6:.1f}M chars), ingest failures {len(report.failures)}")
    print(f"ingest             {len(articles) / read_s:,.0f} articles/s ({read_s:.1f} s)")
    print(f"stages {args.stages} x{args.n_process} process(es)")
    print(
        f"                   {len(articles) / stage_s:,.0f} articles/s ({stage_s:.1f} s), "
        f"{chars / stage_s / 1e6:.2f}M chars/s, {stage_errors} articles with stage errors"
    )
    print(f"peak RSS           {peak_mb:,.0f} MB (main process; the input texts are held in memory)")
    print("blocks by kind     " + ", ".join(f"{k} {n:,}" for k, n in kinds.most_common()))


if __name__ == "__main__":
    main()
