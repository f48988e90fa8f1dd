"""Quotes and claims over analysed articles (the JSONL of `khabar analyze`): counts, the most quoted
speakers, the stage's own speed, and random quotes with their sentence for checking by eye.

The quotes stage is run (again) on each article read, so the JSONL may come from before it existed.
    khabar analyze ../shared/data/news/saudinewsnet --jsonl snn.jsonl -q -n 2
    python benchmarks/quotes_corpus_report.py snn.jsonl [--sample 100] [--seed 7]
"""

from __future__ import annotations

from collections import Counter

from corpus_tools import Reservoir, TimedStage, report_arguments
from khabar.quotes.stage import quotes_stage


def main() -> None:
    args = report_arguments(__doc__)
    kinds: Counter = Counter()
    speakers: Counter = Counter()
    sources: Counter = Counter()
    reservoir = Reservoir(args.sample, args.seed)
    claims = 0
    run = TimedStage(args.jsonl, quotes_stage, args.limit)
    for article in run:
        names = {e.id: e.name_en or e.name_ar for e in article.entities}
        text_of = {s.id: s.text for s in article.sentences}
        for q in article.quotes:
            kinds[q.kind] += 1
            speaker = names.get(q.speaker) or q.speaker_text or "(unknown)"
            speakers[speaker] += 1
            item = (q.kind, speaker, q.text[:120], (text_of.get(q.sentence) or "")[:220])
            reservoir.add(item)
        for c in article.claims:
            claims += 1
            sources[names.get(c.source) or c.source_text or "(unknown)"] += 1
    print(
        f"{run.articles:,} articles; {sum(kinds.values()):,} quotes "
        f"({', '.join(f'{k} {v:,}' for k, v in kinds.most_common())}), "
        f"{claims:,} claims; quotes stage alone {run.seconds:.1f} s = {run.articles / run.seconds:.0f} articles/s"
    )
    print(f"\n{args.top} most quoted speakers: " + "، ".join(f"{s} ({n})" for s, n in speakers.most_common(args.top)))
    print(
        f"\n{args.top} most cited claim sources: " + "، ".join(f"{s} ({n})" for s, n in sources.most_common(args.top))
    )
    print("\nrandom quotes (kind | speaker | quote | sentence):")
    for item in reservoir.items:
        print("  " + " | ".join(item))


if __name__ == "__main__":
    main()
