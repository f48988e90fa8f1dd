"""The timex expression table scored for khabar and for dateparser (`pip install dateparser`).

dateparser returns datetimes for the strings it finds, with no type, duration or period, so it
is scored leniently: a DATE or TIME expression counts as found when a string dateparser
returns overlaps it and the datetime agrees with the expected value as far as that value goes
(`2016` agrees with any day of 2016). Durations and sets it cannot express count as misses.
    python benchmarks/timex_vs_dateparser.py [TABLE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import warnings
from pathlib import Path

from khabar.timex.evaluate import read_table, score

TABLE = Path(__file__).resolve().parents[1] / "tests" / "timex" / "expressions.jsonl"


def dateparser_tagger(sentence: str, anchor: str | None):
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": dt.datetime.fromisoformat(anchor)} if anchor else {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(sentence, languages=["ar"], settings=settings) or []
    out = []
    for text, when in found:
        value = when.strftime("%Y-%m-%d") + (when.strftime("T%H:%M") if (when.hour, when.minute) != (0, 0) else "")
        out.append((text, "DATE", value, None))
    return out


def lenient(gold, found) -> bool:
    text, kind, value, _ = gold
    if kind not in ("DATE", "TIME") or not value or (found[0] not in text and text not in found[0]):
        return False
    digits = value.replace("XXXX", found[2][:4]).split("T")[0]
    return found[2].startswith(digits) if digits[:1].isdigit() else False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("table", nargs="?", type=Path, default=TABLE)
    args = parser.parse_args()
    cases = read_table(args.table)
    ours = score(cases)
    theirs = score(cases, dateparser_tagger, match=lenient)
    print(f"{len(cases)} sentences, {ours['n_expressions']} expressions")
    print(f"{'category':20} {'khabar P':>9} {'khabar R':>9} {'dateparser P':>13} {'dateparser R':>13}")
    for category in ours["per_type"]:
        a, b = ours["per_type"][category], theirs["per_type"][category]
        print(f"{category:20} {a['p']:9.3f} {a['r']:9.3f} {b['p']:13.3f} {b['r']:13.3f}")
    a, b = ours["micro"], theirs["micro"]
    print(f"{'all':20} {a['p']:9.3f} {a['r']:9.3f} {b['p']:13.3f} {b['r']:13.3f}")
    print("(khabar: text, type, value and mod exact; dateparser: lenient, see the docstring)")


if __name__ == "__main__":
    main()
