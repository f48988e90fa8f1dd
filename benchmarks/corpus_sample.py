"""Analyse a random sample of the SaudiNewsNet articles into JSONL, the input of the corpus reports
(every stage up to quotes: the reports re-run the stage they measure).

    python benchmarks/corpus_sample.py 2000 --seed 16 -o sample.jsonl   # the events figures in the README

Articles are keyed `<day>#<index in the day's file>` and drawn from the sorted keys, so a seed always
gives the same articles.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from corpus_tools import CORPUS

STAGES = ("layout", "sentences", "tokens", "ner", "timex", "entities", "quotes")


def key(article) -> str:
    """`2015-07-21#123`: the day's file and the record's index in it."""
    return article.origin.rsplit("/", 1)[-1].split(".zip:", 1)[0] + "#" + article.origin.rsplit("#", 1)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--n-process", type=int, default=2)
    args = parser.parse_args()
    from khabar import Pipeline
    from khabar.ingest import iter_articles

    paths = sorted(str(p) for p in CORPUS.glob("*.zip"))
    articles = {key(a): a for a in iter_articles(paths, on_error=lambda e: None)}
    chosen = random.Random(args.seed).sample(sorted(articles), args.n)
    with args.out.open("w", encoding="utf-8") as out:
        for article in Pipeline(STAGES).pipe((articles[k] for k in chosen), n_process=args.n_process):
            out.write(article.to_json() + "\n")
    print(f"{args.n} of {len(articles):,} articles analysed into {args.out}")


if __name__ == "__main__":
    main()
