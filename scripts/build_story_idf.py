"""Build `khabar/stories/data/idf.tsv`: document frequencies of index words over the SaudiNewsNet articles.

    python scripts/build_story_idf.py ../shared/data/news/saudinewsnet

The table holds word forms and counts only (no text). Words found in fewer than `--min-df` articles
are left out: the story vectors give an unlisted word the highest weight, as if it occurred once.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from khabar.ingest import iter_articles
from khabar.stories.features import IDF_TABLE, story_words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--min-df", type=int, default=3)
    args = parser.parse_args()
    df: Counter = Counter()
    n = 0
    for article in iter_articles(args.paths):
        df.update({w for w in story_words(f"{article.title or ''}\n{article.text}") if not w.isdigit()})
        n += 1
    kept = sorted(((w, c) for w, c in df.items() if c >= args.min_df), key=lambda x: (-x[1], x[0]))
    path = Path(__file__).resolve().parents[1] / "src" / "khabar" / "stories" / IDF_TABLE
    with path.open("w", encoding="utf-8") as out:
        out.write(f"# story-word document frequencies over {n} SaudiNewsNet articles (scripts/build_story_idf.py)\n")
        out.write(f"__documents__\t{n}\n")
        out.writelines(f"{w}\t{c}\n" for w, c in kept)
    print(f"{n} articles, {len(kept)} words with df >= {args.min_df} -> {path}")


if __name__ == "__main__":
    main()
