"""Run the timex stage over the SaudiNewsNet corpus in ../shared: counts, speed, a sample by eye.

Prints timexes per type, values and mods, how anchors were found, the stage's own throughput
(articles/s spent inside `timex`, layout and sentences excluded), and random expressions with
their sentence.
    python benchmarks/timex_corpus_report.py [--limit N] [--sample 50] [--seed 7]
"""

from __future__ import annotations

import argparse
import bisect
import time
from collections import Counter
from pathlib import Path

from corpus_tools import CORPUS, Reservoir
from khabar.ingest import iter_articles
from khabar.pipeline import Pipeline
from khabar.timex.stage import timex_stage


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    before = Pipeline(["layout", "sentences"])
    per_type: Counter = Counter()
    mods: Counter = Counter()
    anchors: Counter = Counter()
    texts: dict[str, Counter] = {}
    reservoir = Reservoir(args.sample, args.seed)
    seen = articles = errors = chars = 0
    in_stage = 0.0
    stream = iter_articles([str(args.corpus)])
    for article in before.pipe(stream):
        started = time.perf_counter()
        try:
            timex_stage(article)
        except Exception as exc:  # counted, never fatal: the report is about the corpus
            errors += 1
            print(f"error in {article.origin}: {exc!r}")
            continue
        in_stage += time.perf_counter() - started
        articles += 1
        chars += len(article.text)
        starts = [s.start for s in article.sentences]
        anchor = next((t.anchor["source"] for t in article.timexes if t.anchor), None)
        anchors[anchor or "not needed"] += 1
        for t in article.timexes:
            per_type[t.type] += 1
            mods[t.mod] += bool(t.mod)
            texts.setdefault(t.type, Counter())[t.text] += 1
            seen += 1
            index = bisect.bisect_right(starts, t.start) - 1
            context = article.sentences[index].text if index >= 0 else ""
            item = (t.type, t.text, t.value, t.mod or "", (t.anchor or {}).get("value") or "", context[:150])
            reservoir.add(item)
        if args.limit and articles >= args.limit:
            break
    print(
        f"{articles:,} articles ({chars / 1e6:.1f} M chars), {seen:,} timexes; timex stage alone "
        f"{in_stage:.1f} s = {articles / in_stage:.0f} articles/s; {errors} errors; "
        f"{len(stream.report.failures)} inputs skipped"
    )
    print("per type: " + ", ".join(f"{k} {v:,}" for k, v in per_type.most_common()))
    print("mods: " + ", ".join(f"{k} {v:,}" for k, v in mods.most_common() if k))
    print("anchor of articles that needed one: " + ", ".join(f"{k} {v:,}" for k, v in anchors.most_common()))
    for kind, counts in sorted(texts.items()):
        print(f"\n{kind}: " + "، ".join(f"{text} ({n})" for text, n in counts.most_common(args.top)))
    print("\nrandom timexes (type | text | value | mod | anchor | sentence):")
    for item in reservoir.items:
        print("  " + " | ".join(item))


if __name__ == "__main__":
    main()
