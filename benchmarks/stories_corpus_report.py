"""Stories over the whole shared corpus: how many, how large, how many articles have company from other outlets,
and the largest stories with their outlets (to check by eye).

    python benchmarks/stories_corpus_report.py [--db STORE] [--top 20]

With --db, the stories of a store made by `khabar ingest ../shared/data/news/saudinewsnet` (and `khabar stories
build` for a store made before stories existed); without it, the tracker is run over the corpus articles
after the layout stage, as ingest would assign them.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "stories"))


def from_corpus() -> tuple[dict, dict]:
    """story id -> [(article id, source, day, title)], and article id -> duplicate share (when a copy)."""
    from story_set import corpus_docs, run_tracker

    docs = corpus_docs()
    assigned = run_tracker(docs)
    members = defaultdict(list)
    for doc in docs:
        day = date.fromordinal(doc.day).isoformat() if doc.day is not None else None
        members[assigned[doc.id].story_id].append((doc.id, doc.source, day, doc.title))
    copies = {d: a.duplicate_share for d, a in assigned.items() if a.duplicate_of and a.duplicate_share >= 0.45}
    return members, copies


def from_store(path: str) -> tuple[dict, dict]:
    from khabar.store import Store

    store = Store(path, readonly=True)
    members = defaultdict(list)
    copies = {}
    for r in store.db.execute(
        "SELECT article_id, story_id, source, day, title, duplicate_of, duplicate_share FROM story_articles"
    ):
        members[r["story_id"]].append((r["article_id"], r["source"], r["day"], r["title"]))
        if r["duplicate_of"] and (r["duplicate_share"] or 0) >= 0.45:
            copies[r["article_id"]] = r["duplicate_share"]
    return members, copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db")
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    members, copies = from_store(args.db) if args.db else from_corpus()
    n = sum(len(m) for m in members.values())
    sizes = Counter(len(m) for m in members.values())
    outlets = {s: {a[1] for a in m} for s, m in members.items()}
    multi = sum(len(m) for s, m in members.items() if len(outlets[s]) > 1)
    print(f"{n} articles in {len(members)} stories; {len(copies)} articles ({len(copies) / n:.1%}) are near-duplicates")
    print(
        f"articles in multi-outlet stories: {multi} ({multi / n:.1%}); in stories of 2+ articles: "
        f"{sum(len(m) for m in members.values() if len(m) > 1) / n:.1%}"
    )
    bins = ((1, 1), (2, 2), (3, 5), (6, 10), (11, 20), (21, 50), (51, 10**9))
    print(
        "stories by size: "
        + ", ".join(
            f"{lo}{'' if lo == hi else ('+' if hi > 10**6 else f'–{hi}')}: "
            f"{sum(c for s, c in sizes.items() if lo <= s <= hi)}"
            for lo, hi in bins
        )
    )
    print(f"\nthe {args.top} largest stories (by outlets, then articles):")
    largest = sorted(members, key=lambda s: (-len(outlets[s]), -len(members[s]), s))[: args.top]
    for story in largest:
        m = members[story]
        days = sorted({str(a[2]) for a in m if a[2] is not None})
        by_outlet = Counter(a[1] for a in m)
        print(
            f"- {len(m)} articles, {len(outlets[story])} outlets, "
            f"days {days[0] if days else '?'}…{days[-1] if days else '?'}"
        )
        print("  " + ", ".join(f"{o} {c}" for o, c in by_outlet.most_common()))
        for _, source, _, title in m[:4]:
            print(f"    {source}: {title[:90]}")


if __name__ == "__main__":
    main()
