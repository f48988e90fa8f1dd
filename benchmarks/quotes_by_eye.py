"""Random quotes from random SaudiNewsNet articles for checking by eye, and the quotes stage's speed.

Articles are drawn at random (`--seed`) from the corpus, leaving out those of the attribution set
(tests/attribution); every stage before `quotes` runs on them first, then the quotes stage alone is
timed. `--sample` quotes drawn at random from all found go to a review sheet (JSON Lines, kept
outside the project: it holds corpus text), one line per quote with its sentence, speaker and a
`span_right` / `speaker_right` pair for the reviewer to fill; `--verdicts` counts a filled sheet.

    python benchmarks/quotes_by_eye.py --articles 400 --sample 100 --sheet /tmp/quotes_sheet.jsonl
    python benchmarks/quotes_by_eye.py --verdicts /tmp/quotes_sheet.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from khabar import Pipeline
from khabar.pipeline import DEFAULT_STAGES
from khabar.quotes.stage import quotes_stage

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "attribution"))
from realnews import corpus_articles, key, read_gold  # noqa: E402


def sheet(args: argparse.Namespace) -> None:
    held = {line["article"] for line in read_gold()}
    pool = [a for k, a in corpus_articles().items() if k not in held]
    chosen = random.Random(args.seed).sample(pool, args.articles)
    before = Pipeline(DEFAULT_STAGES[: DEFAULT_STAGES.index("quotes")])
    analysed = [before(a) for a in chosen]
    started = time.perf_counter()
    for article in analysed:
        quotes_stage(article)
    seconds = time.perf_counter() - started
    found = [(a, q) for a in analysed for q in a.quotes]
    claims = sum(len(a.claims) for a in analysed)
    print(
        f"{len(analysed)} articles, {len(found)} quotes, {claims} claims; quotes stage alone {seconds:.2f} s = "
        f"{len(analysed) / seconds:.0f} articles/s"
    )
    lines = []
    for n, (article, q) in enumerate(random.Random(args.seed).sample(found, min(args.sample, len(found)))):
        names = {e.id: e.name_ar for e in article.entities}
        sentence = next((s for s in article.sentences if s.id == q.sentence), None)
        lines.append(
            {
                "n": n,
                "article": key(article),
                "kind": q.kind,
                "cue": q.cue.text if q.cue else None,
                "speaker": names.get(q.speaker) or q.speaker_text,
                "quote": q.text,
                "sentence": article.text[sentence.start : sentence.end] if sentence else None,
                "before": article.text[max(0, (sentence.start if sentence else q.start) - 600) : sentence.start]
                if sentence
                else None,
                "span_right": None,
                "speaker_right": None,
            }
        )
    args.sheet.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    print(f"{len(lines)} quotes to review in {args.sheet}")


def verdicts(path: Path) -> None:
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    judged = [x for x in lines if x["span_right"] is not None and x["speaker_right"] is not None]
    both = sum(bool(x["span_right"] and x["speaker_right"]) for x in judged)
    spans = sum(bool(x["span_right"]) for x in judged)
    speakers = sum(bool(x["speaker_right"]) for x in judged)
    print(f"{len(judged)} judged: span right {spans}, speaker right {speakers}, both right {both}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--sheet", type=Path)
    parser.add_argument("--verdicts", type=Path)
    args = parser.parse_args()
    if args.verdicts:
        verdicts(args.verdicts)
    elif args.sheet:
        sheet(args)
    else:
        parser.error("give --sheet or --verdicts")


if __name__ == "__main__":
    main()
