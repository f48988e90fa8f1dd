"""Learn the proclitic exception table (src/khabar/text/data/clitic_exceptions.tsv) from word counts.

The rules in clitics.json split a leading و/ف off unknown words and leave ب/ل/ك attached unless
the article ال follows. Word counts show where that is wrong: وزير keeps its و because زير is
rare, بروسيا loses its ب because روسيا is common. Only frequent words whose learned split
differs from the rules are written. Counts come from the corpora in ../shared (NER training
files and SaudiNewsNet); the table holds single common words, no text.

    python scripts/build_clitic_exceptions.py [--shared ../shared] [--min-count 5]
"""

from __future__ import annotations

import argparse
import collections
import json
import zipfile
from pathlib import Path

import regex

from khabar.text import tokens
from khabar.text.normalize import normalize

WORD = regex.compile(r"[\p{Arabic}&&\p{L}]+", regex.V1)
CONJ_KEEP_RATIO = 0.25  # keep و/ف attached when the rest is this much rarer than the word
PREP_SPLIT_RATIO = 1.0  # split ب/ل/ك when the rest is at least this common
MIN_REST_COUNT = 20


def count_words(shared: Path) -> collections.Counter:
    counts: collections.Counter = collections.Counter()
    for path in sorted((shared / "data" / "ner").glob("*")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                counts.update(WORD.findall(normalize(line.split()[0])))
    for path in sorted((shared / "data" / "news" / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(path) as zf:
            for member in zf.namelist():
                for record in json.loads(zf.read(member)):
                    counts.update(WORD.findall(normalize(f"{record.get('title') or ''} {record.get('content') or ''}")))
    return counts


def learned_length(word: str, counts: collections.Counter, rules: dict) -> int:
    """Prefix length (conjunction + preposition) the counts support, for words without ال."""
    length = 0
    rest = word
    if (
        rest[0] in rules["conjunctions"]
        and len(rest) > 2
        and counts[rest[1:]] >= max(CONJ_KEEP_RATIO * counts[rest], 0 if rest[0] in rules["split_unknown"] else 5)
    ):
        length, rest = 1, rest[1:]
    if (
        rest[0] in rules["prepositions"]
        and not rest[1:].startswith("ال")
        and len(rest) >= 4
        and rest not in rules["keep"]
        and rest[1:] not in rules["keep"]
        and counts[rest[1:]] >= max(MIN_REST_COUNT, PREP_SPLIT_RATIO * counts[rest])
    ):
        length += 1
    return length


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    parser.add_argument("--min-count", type=int, default=5)
    args = parser.parse_args()
    counts = count_words(args.shared)
    rules = tokens.clitic_rules()
    rules["table"].clear()
    rows = []
    for word, count in counts.items():
        if count < args.min_count or len(word) < 3 or word in rules["keep"]:
            continue
        if word[0] not in rules["conjunctions"] + rules["prepositions"]:
            continue
        rest = word[1:] if word[0] in rules["conjunctions"] else word
        if rest.startswith(("ال", "لل")) or (rest[0] in rules["prepositions"] and rest[1:3] == "ال"):
            continue  # the article rules decide these
        by_rules = sum(e - s for s, e, tag in tokens.clitic_split(word) if tag != "det")
        learned = learned_length(word, counts, rules)
        if learned != by_rules:
            rows.append((word, learned))
    out = Path(__file__).resolve().parents[1] / "src" / "khabar" / "text" / "data" / "clitic_exceptions.tsv"
    header = "# word<TAB>proclitic length (conjunction + preposition); built by scripts/build_clitic_exceptions.py\n"
    out.write_text(header + "".join(f"{w}\t{n}\n" for w, n in sorted(rows)), "utf-8")
    print(f"{len(rows)} exceptions from {sum(counts.values()):,} words written to {out}")


if __name__ == "__main__":
    main()
