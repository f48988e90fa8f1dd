"""Quotes and claims on whole real articles: the attribution set drawn from SaudiNewsNet.

    python tests/attribution/realnews.py draw              # the set's articles (fixed seeds): ids, hashes, splits
    python tests/attribution/realnews.py export DIR        # their texts as DIR/<n>.txt, for annotators
    python tests/attribution/realnews.py resolve RAW_DIR   # annotators' JSON → offsets in gold.jsonl
    python tests/attribution/realnews.py score [--split open|dev|…|blind9|train1|train2|all] [--errors FILE]
    python tests/attribution/realnews.py agree RAW_DIR      # a second annotator's JSON scored against gold.jsonl
    (open = the development and opened blind splits, the default; train1 and train2 are scored on their own;
    a blind split and all only with KHABAR_SCORE_BLIND=1: a blind split is scored once, when its round is done)

The articles' text never enters the project: `gold.jsonl` holds each article's place in the corpus,
a hash of its text and character offsets (CONVENTIONS.md). Articles are drawn at random from the
articles khabar ingests from ../shared/data/news/saudinewsnet that are at most 6,000 characters
long (97% of them): 80 with seed 2015 — 50 for development, 30 kept blind (blind1) — then 30 more
with seed 2016 (blind2), drawn when blind1 had been scored once and opened for development, 30
with seed 2017 (blind3), annotated when blind2 had been scored, for the next round, 30 with
seed 2018 (dev2), more development data for that round, 30 with seed 2019 (blind4), a second
blind split for it, and 30 with seed 2020 (blind5), annotated when blind3 and blind4 had been
scored, for the round after; that round added 30 with seed 2021 (dev3, scored once before any
work on it, then developed on) and 30 with seed 2022 (blind6, its second blind split); and 30 with
seed 2023 (blind7), annotated when blind5 and blind6 had been scored, for the round after. That
round added 240 with seed 2024 (train1, its development data) and 320 with seed 2025 (train2, held
out from its rule work as a large unseen check), and, once blind7 had been scored, 30 with seed
2026 (blind8) for the round after, scored once at the end of that round (5df6cfc) and opened; then 30
with seed 2027 (blind9), annotated blind for the rest of that round, scored once at its end (d4b91bd) and opened.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1].parent / "shared" / "data" / "news" / "saudinewsnet"
GOLD = HERE / "gold.jsonl"
SEED, SIZE, DEV, MAX_CHARS = 2015, 80, 50, 6000
# After the first 80 (dev, blind1), each split drawn from the rest in turn, with seeds 2016, 2017, …
LATER = (
    ("blind2", 30),
    ("blind3", 30),
    ("dev2", 30),
    ("blind4", 30),
    ("blind5", 30),
    ("dev3", 30),
    ("blind6", 30),
    ("blind7", 30),
    ("train1", 240),
    ("train2", 320),
    ("blind8", 30),
    ("blind9", 30),
)
# blind1 … blind4 were each scored blind once on 2026-12-07 (1ecd0d3, d74509e; blind3 and blind4 at 076b1b8),
# then opened, and so were blind5 and blind6 (scored once at 009fab9), blind7 (b144bbd) and blind8 (5df6cfc);
# blind9 (seed 2027), drawn and annotated blind then, was scored once at the round's end (d4b91bd) and opened;
# a next round draws and annotates its blind split (blind10) before any work
OPEN_SPLITS = (
    "dev",
    "blind1",
    "blind2",
    "dev2",
    "blind3",
    "blind4",
    "dev3",
    "blind5",
    "blind6",
    "blind7",
    "blind8",
    "blind9",
)
BLIND_SPLITS: tuple[str, ...] = ()
TRAIN_SPLITS = ("train1", "train2")  # a large unseen check, and data for learned components


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def key(article) -> str:
    """`2015-07-21#123`: the day's file and the record's index in it."""
    return article.origin.rsplit("/", 1)[-1].split(".zip:", 1)[0] + "#" + article.origin.rsplit("#", 1)[-1]


def corpus_articles(corpus: Path = CORPUS) -> dict:
    """Every article khabar ingests from the corpus, by key."""
    from khabar.ingest import iter_articles

    return {key(a): a for a in iter_articles(sorted(str(p) for p in corpus.glob("*.zip")), on_error=lambda e: None)}


def draw(articles: dict) -> list[dict]:
    """The set's articles in order: 80 drawn with seed 2015 (50 dev, 30 blind1), then each split of
    `LATER` drawn from the rest with the next seed (blind2 with 2016 … blind7 with 2023, train1 with
    2024, train2 with 2025, blind8 with 2026, blind9 with 2027): each blind split was drawn and annotated for the round
    after the one that scored its predecessor."""
    keys = sorted(k for k, a in articles.items() if len(a.text) <= MAX_CHARS)
    chosen = random.Random(SEED).sample(keys, SIZE)
    for extra, (_, size) in enumerate(LATER, start=1):
        rest = sorted(set(keys) - set(chosen))
        chosen += random.Random(SEED + extra).sample(rest, size)
    return [{"n": n, "article": k, "sha": digest(articles[k].text), "split": split_of(n)} for n, k in enumerate(chosen)]


def split_of(n: int) -> str:
    if n < SIZE:
        return "dev" if n < DEV else "blind1"
    n -= SIZE
    for name, size in LATER:
        if n < size:
            return name
        n -= size
    raise ValueError("past the set's last split")


def articles_of(gold: list[dict], articles: dict | None = None) -> list:
    """The gold lines' articles, each checked against its hash."""
    articles = articles or corpus_articles()
    out = []
    for line in gold:
        article = articles[line["article"]]
        if digest(article.text) != line["sha"]:
            raise SystemExit(f"{line['article']}: the corpus text changed (hash {digest(article.text)})")
        out.append(article)
    return out


def read_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


# ---- resolving annotations (text snippets) to offsets -------------------------------------------
def find(text: str, snippet: str, start: int = 0, near: tuple[int, int] | None = None) -> tuple[int, int]:
    """The snippet's offsets: the first occurrence at or after `start`, or the one nearest the span `near`."""
    snippet = snippet.strip()
    places = []
    i = text.find(snippet)
    while i >= 0:
        places.append(i)
        i = text.find(snippet, i + 1)
    if not places:
        raise ValueError(f"not in the text: {snippet!r}")
    if near is not None:
        at = min(places, key=lambda p: max(near[0] - (p + len(snippet)), p - near[1], 0))
    else:
        after = [p for p in places if p >= start]
        at = after[0] if after else places[-1]
    return at, at + len(snippet)


def content_span(text: str, item: dict, position: int) -> tuple[int, int]:
    """`content` (the exact words) or `from` … `to` (its first and last words); `after` (words before
    it) picks among repeated occurrences."""
    if item.get("after"):
        position = find(text, item["after"], position)[1]
    if "content" in item:
        return find(text, item["content"], position)
    start = find(text, item["from"], position)[0]
    end = find(text, item["to"], start)[1]
    if end - start > 4500:  # a reproduced report may run over most of an article; longer is a mistaken `to`
        raise ValueError(f"span over 4,500 characters: {item['from']!r} … {item['to']!r}")
    return start, end


def resolve_article(text: str, raw: dict) -> dict:
    out: dict = {"quotes": [], "claims": []}
    for part, who_key in (("quotes", "speaker"), ("claims", "source")):
        position = 0
        for item in raw.get(part, []):
            start, end = content_span(text, item, position)
            position = start
            record: dict = {"start": start, "end": end}
            if part == "quotes":
                record["kind"] = item["kind"]
            cue = item.get("cue")
            record["cue"] = list(find(text, cue, near=(start, end))) if cue else None
            who = item.get(who_key)
            record[who_key] = list(find(text, who)) if who else None
            record["type"] = item.get(f"{who_key}_type")
            out[part].append(record)
    return out


def resolve_into(gold: Path, lines: list[dict], corpus: dict, raw_dir: Path, resolve_one) -> list[dict]:
    """The drawn `lines` with annotators' RAW_DIR/<n>.json resolved by `resolve_one(text, raw) -> fields`;
    an article without a file keeps what `gold` held for it (same hash), one whose file fails is reported.
    Writes and returns the annotated lines."""
    kept = {line["n"]: line for line in read_gold(gold)} if gold.exists() else {}
    done, problems = [], 0
    for line in lines:
        path = raw_dir / f"{line['n']}.json"
        if not path.exists():
            if line["n"] in kept and kept[line["n"]]["sha"] == line["sha"]:
                done.append({**line, **kept[line["n"]]})
            continue
        try:
            done.append({**line, **resolve_one(corpus[line["article"]].text, json.loads(path.read_text("utf-8")))})
        except (ValueError, KeyError, json.JSONDecodeError) as exc:
            problems += 1
            print(f"{path}: {exc}", file=sys.stderr)
    gold.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in done), "utf-8")
    print(f"{gold}: {len(done)} articles, {problems} problems")
    return done


def export(lines: list[dict], corpus: dict, directory: Path) -> None:
    """The drawn articles' texts as DIRECTORY/<n>.txt, for annotators (never into the project)."""
    directory.mkdir(parents=True, exist_ok=True)
    for line, article in zip(lines, articles_of(lines, corpus)):
        (directory / f"{line['n']}.txt").write_text(article.text, "utf-8")
    print(f"{len(lines)} texts in {directory}")


def resolve(raw_dir: Path) -> None:
    """Annotators' RAW_DIR/<n>.json into gold.jsonl: the articles with a file there are (re)written,
    every other annotated article is kept as it is."""
    corpus = corpus_articles()
    resolve_into(GOLD, draw(corpus), corpus, raw_dir, resolve_article)


def score(split: str, errors: Path | None = None, pipeline=None, allow_blind: bool = False) -> dict:
    """Run khabar on the split's articles and score them against the annotation."""
    from khabar import Pipeline
    from khabar.quotes.evaluate import score_articles

    if (
        split not in (*OPEN_SPLITS, "open", *TRAIN_SPLITS)
        and not allow_blind
        and os.environ.get("KHABAR_SCORE_BLIND") != "1"
    ):
        raise SystemExit(f"the {split} split is scored once, when the work is done: set KHABAR_SCORE_BLIND=1")
    wanted = {"open": OPEN_SPLITS, "blind": BLIND_SPLITS}.get(split, (split,))
    gold = [line for line in read_gold() if split == "all" or line["split"] in wanted]
    pipeline = pipeline or Pipeline()
    analysed = [pipeline(article) for article in articles_of(gold)]
    result = score_articles(list(zip(analysed, gold)), errors=errors is not None)
    if errors is not None:
        errors.write_text(json.dumps(result.pop("errors"), ensure_ascii=False, indent=1), "utf-8")
    return result


def text_of(text: str, span: list[int] | None) -> str | None:
    return text[span[0] : span[1]] if span else None


def agree(raw_dir: Path, errors: Path | None = None) -> dict:
    """A second, independent annotation of some of the set's articles (RAW_DIR/<n>.json, made from the
    text and CONVENTIONS.md alone), scored against gold.jsonl exactly as khabar is: how far two careful
    annotators agree, the ceiling of any figure measured on this set."""
    from khabar.document import Article, Claim, Quote
    from khabar.quotes.evaluate import score_articles

    gold = [line for line in read_gold() if (raw_dir / f"{line['n']}.json").exists()]
    pairs = []
    for line, article in zip(gold, articles_of(gold)):
        second = resolve_article(article.text, json.loads((raw_dir / f"{line['n']}.json").read_text("utf-8")))
        as_found = Article(text=article.text)
        as_found.quotes = [
            Quote(
                start=q["start"],
                end=q["end"],
                kind=q["kind"],
                text=article.text[q["start"] : q["end"]],
                speaker_text=text_of(article.text, q["speaker"]),
            )
            for q in second["quotes"]
        ]
        as_found.claims = [
            Claim(
                start=c["start"],
                end=c["end"],
                text=article.text[c["start"] : c["end"]],
                source_text=text_of(article.text, c["source"]),
            )
            for c in second["claims"]
        ]
        pairs.append((as_found, line))
    result = score_articles(pairs, errors=errors is not None)
    if errors is not None:
        errors.write_text(json.dumps(result.pop("errors"), ensure_ascii=False, indent=1), "utf-8")
    return result


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("draw")
    sub.add_parser("export").add_argument("dir", type=Path)
    sub.add_parser("resolve").add_argument("raw_dir", type=Path)
    scoring = sub.add_parser("score")
    scoring.add_argument(
        "--split", choices=(*OPEN_SPLITS, "open", *TRAIN_SPLITS, *BLIND_SPLITS, "blind", "all"), default="open"
    )
    scoring.add_argument("--errors", type=Path, help="write every miss and false find here (never commit it)")
    agreeing = sub.add_parser("agree")
    agreeing.add_argument("raw_dir", type=Path)
    agreeing.add_argument("--errors", type=Path, help="write every disagreement here (never commit it)")
    args = parser.parse_args(argv)
    if args.command == "draw":
        for line in draw(corpus_articles()):
            print(json.dumps(line))
    elif args.command == "export":
        corpus = corpus_articles()
        export(draw(corpus), corpus, args.dir)
    elif args.command == "resolve":
        resolve(args.raw_dir)
    elif args.command == "agree":
        print(json.dumps(agree(args.raw_dir, args.errors), indent=1))
    else:
        print(json.dumps(score(args.split, args.errors), indent=1))


if __name__ == "__main__":
    main()
