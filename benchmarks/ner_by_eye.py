"""100 random NER mentions on real news, for checking by eye, and the score of the verdicts.

    python benchmarks/ner_by_eye.py draw --tier fast -o /tmp/mentions.jsonl   # mentions with their context
    python benchmarks/ner_by_eye.py score benchmarks/ner_by_eye/fast.jsonl     # share judged right

`draw` tags articles drawn at random (seed 18) from the last two days of SaudiNewsNet, which the
distillation's teacher never labelled, and picks 100 mentions at random among all they hold: seed 19 drew
the sample the name rules were developed on, seed 20 the one they were scored on.
An annotator gives each one `verdict`: `right` (span and label right), `span` (a word missing or too
many), `label` (wrong type) or `not_a_name`. Only keys, offsets, labels and verdicts are committed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
from collections import Counter
from pathlib import Path

from corpus_sample import key
from corpus_tools import CORPUS

DAYS = ("2015-07-25", "2015-07-26")
VERDICTS = ("right", "span", "label", "not_a_name")


def draw(tier: str, out: Path, seed: int, articles: int = 80, mentions: int = 100) -> None:
    os.environ["KHABAR_NER"] = tier
    from khabar import Pipeline
    from khabar.ingest import iter_articles

    found = list(iter_articles([str(CORPUS / f"{d}.zip") for d in DAYS], on_error=lambda e: None))
    chosen = random.Random(18).sample(found, articles)
    pipeline = Pipeline(["layout", "sentences", "tokens", "ner"])
    pool = []
    for article in pipeline.pipe(iter(chosen), n_process=2):
        for m in article.mentions:
            context = (
                article.text[max(0, m.start - 80) : m.start] + "[[" + m.text + "]]" + article.text[m.end : m.end + 80]
            )
            pool.append(
                {
                    "key": key(article),
                    "start": m.start,
                    "end": m.end,
                    "label": m.label,
                    "text": m.text,
                    "context": " ".join(context.split()),
                }
            )
    picked = random.Random(seed).sample(pool, mentions)
    with out.open("w", encoding="utf-8") as f:
        for i, m in enumerate(picked):
            f.write(json.dumps({"n": i, **m}, ensure_ascii=False) + "\n")
    print(f"{mentions} of {len(pool)} mentions in {articles} articles -> {out}")


def score(path: Path) -> None:
    verdicts = Counter(json.loads(line)["verdict"] for line in path.read_text("utf-8").splitlines() if line.strip())
    total = sum(verdicts.values())
    print(f"{verdicts['right']} of {total} right; " + ", ".join(f"{v} {verdicts[v]}" for v in VERDICTS[1:]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--tier", default="accurate", choices=("accurate", "fast"))
    d.add_argument("-o", "--out", type=Path, required=True)
    d.add_argument("--seed", type=int, default=20, help="the mentions' draw (19: the sample the rules were fixed on)")
    s = sub.add_parser("score")
    s.add_argument("path", type=Path)
    args = parser.parse_args()
    if args.command == "draw":
        draw(args.tier, args.out, args.seed)
    else:
        score(args.path)


if __name__ == "__main__":
    main()
