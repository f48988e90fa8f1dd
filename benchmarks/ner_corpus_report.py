"""Run the NER stage over the SaudiNewsNet corpus in ../shared and report what it finds.

Prints mentions per type, the most frequent mentions per type, and random mentions with their
sentence for checking by eye.
    python benchmarks/ner_corpus_report.py [--limit N] [--top 30] [--sample 50]
    python benchmarks/ner_corpus_report.py --from-jsonl out.jsonl   # articles `khabar analyze` already tagged
"""

from __future__ import annotations

import argparse
import bisect
import time
from collections import Counter, defaultdict
from pathlib import Path

from corpus_tools import CORPUS, Reservoir
from khabar.document import Article
from khabar.ingest import iter_articles
from khabar.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--from-jsonl", type=Path, default=None, help="Read analysed articles instead of tagging.")
    args = parser.parse_args()
    pipeline = Pipeline(["layout", "sentences", "tokens", "ner"])
    per_type: Counter = Counter()
    surfaces: dict[str, Counter] = defaultdict(Counter)
    subtypes: Counter = Counter()
    reservoir = Reservoir(args.sample, args.seed)
    seen = articles = errors = tokens = 0
    started = time.perf_counter()
    if args.from_jsonl:
        stream = None
        lines = args.from_jsonl.open(encoding="utf-8")
        source = (Article.from_json(line) for line in lines if line.strip())
    else:
        stream = iter_articles([str(args.corpus)])
        source = pipeline.pipe(stream)
    for article in source:
        articles += 1
        errors += bool(article.errors)
        tokens += len(article.tokens)
        starts = [s.start for s in article.sentences]
        for m in article.mentions:
            if m.description or m.label == "NORP":
                continue  # added by the entities stage, not the tagger
            per_type[m.label] += 1
            surfaces[m.label][m.text] += 1
            if m.subtype:
                subtypes[m.subtype] += 1
            seen += 1
            index = bisect.bisect_right(starts, m.start) - 1
            context = article.sentences[index].text if index >= 0 else ""
            item = (m.label, m.subtype or "", m.text, context[:160])
            reservoir.add(item)
        if args.limit and articles >= args.limit:
            break
    seconds = time.perf_counter() - started
    print(
        f"{articles:,} articles, {tokens:,} tokens, {seen:,} mentions in {seconds:.0f} s "
        f"({articles / seconds:.1f} articles/s); {len(stream.report.failures) if stream else '-'} inputs skipped; "
        f"{errors} articles with stage errors"
    )
    print("mentions per type: " + ", ".join(f"{k} {v:,}" for k, v in per_type.most_common()))
    print("ORG subtypes: " + ", ".join(f"{k} {v:,}" for k, v in subtypes.most_common()))
    for label, counts in sorted(surfaces.items()):
        print(f"\n{label}: " + "، ".join(f"{text} ({n})" for text, n in counts.most_common(args.top)))
    print("\nrandom mentions:")
    for label, subtype, text, context in reservoir.items:
        print(f"  {label:6} {subtype:10} {text}  |  {context}")


if __name__ == "__main__":
    main()
