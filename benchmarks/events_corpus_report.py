"""Events over analysed articles (the JSONL of `khabar analyze`): counts per type and modality, the
share of events with a source, a target and an unnamed actor, casualty counts, the most frequent actor
codes, the stage's own speed, and random events with their sentence to check by eye.

The events stage is run (again) on each article read, so the JSONL may come from before it existed.
    khabar analyze ../shared/data/news/saudinewsnet --jsonl snn.jsonl -q -n 2
    python benchmarks/events_corpus_report.py snn.jsonl [--sample 100] [--seed 7] [--limit N]
"""

from __future__ import annotations

from collections import Counter

from corpus_tools import Reservoir, TimedStage, report_arguments
from khabar.events.stage import EventFinder, events_stage


def main() -> None:
    args = report_arguments(__doc__)
    types: Counter = Counter()
    modalities: Counter = Counter()
    codes: Counter = Counter()
    shares: Counter = Counter()
    reservoir = Reservoir(args.sample, args.seed)
    EventFinder.shared()  # tables and knowledge base are loaded once, outside the timing
    run = TimedStage(args.jsonl, events_stage, args.limit)
    for article in run:
        names = {e.id: e.name_en or e.name_ar for e in article.entities}
        text_of = {s.id: s.text for s in article.sentences}
        for ev in article.events:
            unnamed = ev.actors.get("unnamed", {})
            shares.update(
                role
                for role, present in (
                    ("source", ev.actors["source"]),
                    ("target", ev.actors["target"]),
                    ("unnamed", unnamed),
                    ("casualties", getattr(ev, "killed", None) is not None or getattr(ev, "wounded", None) is not None),
                )
                if present
            )
            types[f"{ev.type} ({ev.cameo})"] += 1
            modalities[ev.modality] += 1
            codes.update(c for c in ev.actors["codes"].values() if c)

            def side(key, ev=ev, names=names, unnamed=unnamed):
                words = {x: f"«{u['text']}»" for x, u in unnamed.items()}
                return (
                    ";".join(f"{words.get(x) or names.get(x)}={ev.actors['codes'].get(x)}" for x in ev.actors[key])
                    or "-"
                )

            reservoir.add(
                (
                    ev.type,
                    ev.trigger.text,
                    side("source"),
                    side("target"),
                    names.get(ev.location) or "-",
                    ev.modality,
                    " ".join((text_of.get(ev.sentence) or "").split())[:600],
                )
            )
    total = sum(types.values())
    print(
        f"{run.articles:,} articles; {total:,} events; events stage alone {run.seconds:.1f} s = "
        f"{run.articles / run.seconds:.0f} articles/s"
    )
    print("\nevents per type: " + ", ".join(f"{t} {n:,}" for t, n in types.most_common()))
    print("modality: " + ", ".join(f"{m} {n:,}" for m, n in modalities.most_common()))
    print(
        "share of events with "
        + ", ".join(f"{k} {shares[k] / max(total, 1):.0%}" for k in ("source", "target", "unnamed", "casualties"))
        + " (unnamed: an actor named by a noun phrase, مسلحون مجهولون; casualties: killed or wounded counts)"
    )
    print(f"{args.top} most frequent actor codes: " + ", ".join(f"{c} {n:,}" for c, n in codes.most_common(args.top)))
    print("\nrandom events (type | trigger | source | target | place | modality | sentence):")
    for n, item in enumerate(reservoir.items, 1):
        print(f"{n:3} " + " | ".join(item))


if __name__ == "__main__":
    main()
