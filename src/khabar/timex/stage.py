"""The `timex` stage: dates, times, durations and sets with values, anchored on the article's date.

The anchor is the publication date from metadata; else the date of a dateline; else the most
frequent full date written in the article (ties: the latest); else unknown, and values that
need it stay underspecified. Every timex whose value depends on the anchor records it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from khabar.document import Article, Timex
from khabar.ingest.dates import iso_date
from khabar.pipeline import stage
from khabar.text import normal_view
from khabar.timex.grammar import Parse, grammar
from khabar.timex.resolve import resolve

SKIPPED_BLOCKS = ("boilerplate",)


def _full_date(parse: Parse) -> dt.date | None:
    """The date a parse states outright (day, month and year written), else None."""
    f = parse.f
    try:
        if parse.kind == "date" and f.get("y") and f.get("yrel") is None:
            return dt.date(f["y"], f["m"], f["d"])
        if parse.kind == "hijri" and f.get("y") and f.get("d"):
            value = resolve(parse, None)
            return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
    return None


def choose_anchor(article: Article, found: list[tuple[Parse, int, int]]) -> dict:
    """`{"value", "source"}`: metadata, dateline, text or none."""
    published = iso_date(article.published) if article.published else None
    if published:
        return {"value": published, "source": "metadata"}
    datelines = [b for b in article.blocks if b.kind == "dateline"]
    for parse, start, end in found:
        if any(b.start <= start and end <= b.end for b in datelines):
            day = _full_date(parse)
            if day:
                return {"value": day.isoformat(), "source": "dateline"}
    days = Counter(d for d in (_full_date(p) for p, _, _ in found) if d)
    if days:
        day = max(days, key=lambda d: (days[d], d))
        return {"value": day.isoformat(), "source": "text"}
    return {"value": None, "source": "none"}


@dataclass
class Found:
    """A parse at original offsets; `future`: its sentence so far speaks of what is to come."""

    parse: Parse
    start: int
    end: int
    future: bool


def find_timexes(text: str, spans: list[tuple[int, int]], sentence_starts: list[int]) -> list[Found]:
    """Parses in each `(start, end)` region of `text`, with original offsets and their sentence's tense
    cue (looked up, never sliced out: a region may be one long line with thousands of expressions)."""
    g = grammar()
    out = []
    for start, end in spans:
        view = normal_view(text[start:end])
        parses = g.find(view.norm)
        cues = g.future_cues(view.norm) if parses else None  # one pass over the block, only when needed
        for parse in parses:
            s, e = view.to_original(parse.start, parse.end)
            sentence = bisect_right(sentence_starts, start + s) - 1
            sentence_start = max(sentence_starts[sentence] - start, 0) if sentence >= 0 else 0
            future = cues.within(bisect_left(view.offsets, sentence_start), parse.start)
            out.append(Found(parse, start + s, start + e, future))
    return out


@stage("timex", requires=("blocks", "sentences"), assigns=("timexes",), setup=grammar)
def timex_stage(article: Article) -> Article:
    """Find temporal expressions and normalise them against the article's date."""
    regions = []
    for block in article.blocks or []:
        if block.kind in SKIPPED_BLOCKS:
            continue
        regions.append((block.start, block.end))
    if not article.blocks:
        regions = [(0, len(article.text))]
    starts = [s.start for s in article.sentences]
    found = find_timexes(article.text, regions, starts)
    anchor = choose_anchor(article, [(f.parse, f.start, f.end) for f in found])
    day = dt.date.fromisoformat(anchor["value"]) if anchor["value"] else None

    def sentence_of(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    sentence_days: dict[int, str] = {}
    for f in found:  # the first day-level date of each sentence dates its clock times
        parse = f.parse
        if (parse.kind in ("date", "reld", "weekday") and parse.mod is None) or (
            parse.type == "TIME" and parse.f.get("day")
        ):
            sentence_days.setdefault(sentence_of(f.start), resolve(parse, day).split("T")[0])
    timexes = []
    for f in found:
        parse, start, end = f.parse, f.start, f.end
        value = resolve(parse, day, future=f.future, sentence_day=sentence_days.get(sentence_of(start)))
        unanchored = resolve(parse, None, future=f.future)
        extra = dict(parse.extra)
        if parse.f.get("tz") == "local":
            extra["timezone"] = "local"
        timexes.append(
            Timex(
                start=start,
                end=end,
                text=article.text[start:end],
                type=parse.type,
                value=value,
                mod=parse.mod,
                anchor=dict(anchor)
                if value != unanchored or (anchor["value"] is None and value and "X" in value)
                else None,
                extra=extra,
            )
        )
    for i, timex in enumerate(timexes):
        timex.id = f"t{i}"
    article.timexes = timexes
    return article
