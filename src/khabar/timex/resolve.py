"""Values for parses: TIMEX3-style strings, resolved against the article's anchor date.

With no anchor, whatever depends on it stays underspecified (`XXXX-09-13`, `XXXX-XX-XX`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from hijridate import Gregorian, Hijri

from khabar.timex.grammar import Parse

UNKNOWN_DAY = "XXXX-XX-XX"


def _nearest_year(anchor: dt.date, month: int, day: int | None, rel: int | None) -> int:
    """The year that puts month/day nearest the anchor; past/future when الماضي/المقبل says so."""
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = dt.date(year, month, day or 15)
        except ValueError:
            continue
        if day is None and (year, month) == (anchor.year, anchor.month):
            candidate = anchor
        distance = (candidate - anchor).days
        if (rel == -1 and distance > 0) or (rel == 1 and distance < 0):
            continue
        if rel == -1 and distance == 0 and day is None:
            continue
        key = (abs(distance), distance > 0)  # ties go to the past
        if best is None or key < best[0]:
            best = (key, year)
    return best[1] if best else anchor.year


def _year(f: dict, anchor: dt.date | None) -> int | None:
    if f.get("y") is not None:
        return f["y"]
    if f.get("yrel") is not None and anchor:
        return anchor.year + f["yrel"]
    return None


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_month(anchor: dt.date, months: int) -> str:
    index = anchor.year * 12 + anchor.month - 1 + months
    return f"{index // 12}-{index % 12 + 1:02d}"


def _weekday(f: dict, anchor: dt.date | None, future: bool) -> str:
    if anchor is None:
        return UNKNOWN_DAY
    delta = f["wd"] - anchor.isoweekday()
    direction = f.get("dir")
    if direction == "today":
        return anchor.isoformat()
    if direction == "future" or (direction is None and future):
        delta = delta % 7 or (7 if direction == "future" else 0)
    elif direction == "past":
        delta = -((-delta) % 7 or 7)
    else:  # bare weekday, past sentence: on or before the anchor
        delta = -((-delta) % 7)
    return (anchor + dt.timedelta(days=delta)).isoformat()


def _date(f: dict, anchor: dt.date | None) -> str:
    year = _year(f, anchor)
    if year is None and anchor is not None:
        year = _nearest_year(anchor, f["m"], f["d"], f.get("rel"))
    value = f"{year:04d}" if year is not None else "XXXX"
    return f"{value}-{f['m']:02d}-{f['d']:02d}"


def _hijri(f: dict, anchor: dt.date | None, extra: dict) -> str | None:
    year, month, day = f.get("y"), f.get("m"), f.get("d")
    if year is None and anchor is not None:
        h = Gregorian(anchor.year, anchor.month, anchor.day).to_hijri()
        year = h.year
        if month is not None:
            rel = f.get("rel")
            if (rel == -1 and month >= h.month) or (rel is None and month - h.month > 6):
                year -= 1
            elif (rel == 1 and month <= h.month) or (rel is None and h.month - month > 6):
                year += 1
    if year is None:
        extra["hijri"] = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "") if month else None
        return None
    extra["hijri"] = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
    try:
        if day:
            return Hijri(year, month, day).to_gregorian().isoformat()
        if month:
            first = Hijri(year, month, 1).to_gregorian()
            last = Hijri(year, month, Hijri(year, month, 1).month_length()).to_gregorian()
            return f"{first.isoformat()}/{last.isoformat()}"
        first = Hijri(year, 1, 1).to_gregorian()
        last = Hijri(year + 1, 1, 1).to_gregorian() - dt.timedelta(days=1)
        return f"{first.isoformat()}/{last.isoformat()}"
    except (ValueError, OverflowError):
        return None


def _duration(amount, unit: str) -> str:
    """ISO 8601 duration; a fraction goes to the next smaller unit (ساعة ونصف → PT1H30M)."""
    if amount == "X":
        return {"S": "PTXS", "MIN": "PTXM", "H": "PTXH", "DE": "PXDE", "CE": "PXCE"}.get(unit, f"PX{unit}")
    if unit in ("DE", "CE"):
        amount, unit = amount * (10 if unit == "DE" else 100), "Y"
    whole = int(amount)
    fraction = amount - whole
    if fraction and unit in SMALLER:
        factor, lower = SMALLER[unit]
        rest = round(fraction * factor)
        if unit == "Y":
            return f"P{whole * 12 + rest}M"
        parts = [(whole, unit), (rest, lower)]
    else:
        parts = [(amount if fraction else whole, unit)]
    date = "".join(f"{n:g}{u}" for n, u in parts if n and u in ("Y", "M", "W", "D"))
    time = "".join(f"{n:g}{'M' if u == 'MIN' else u}" for n, u in parts if n and u in ("H", "MIN", "S"))
    return "P" + date + (f"T{time}" if time else "")


SMALLER = {"Y": (12, "M"), "M": (30, "D"), "D": (24, "H"), "H": (60, "MIN"), "MIN": (60, "S")}


def _day_value(day: dict | None, anchor: dt.date | None, future: bool) -> str | None:
    if not day:
        return None
    if day["kind"] == "reld":
        return (anchor + dt.timedelta(days=day["offset"])).isoformat() if anchor else UNKNOWN_DAY
    if day["kind"] == "weekday":
        return _weekday(day, anchor, future)
    return _date(day, anchor)


@dataclass(frozen=True)
class Context:
    """What a value may depend on besides the parse: the anchor date, whether the sentence speaks of
    the future, and the day its first day-level date names (for clock times)."""

    anchor: dt.date | None
    future: bool = False
    sentence_day: str | None = None


def _date_value(parse: Parse, at: Context) -> str:
    return _date(parse.f, at.anchor)


def _month_value(parse: Parse, at: Context) -> str:
    f, anchor = parse.f, at.anchor
    year = _year(f, anchor)
    if year is None and anchor is not None:
        rel = f.get("rel")
        if rel is None:  # a bare month: the latest one so far, the coming one in future sentences
            rel = 1 if at.future else -1
            year = (
                anchor.year
                + (1 if rel == 1 and f["m"] < anchor.month else 0)
                - (1 if rel == -1 and f["m"] > anchor.month else 0)
            )
        else:
            year = _nearest_year(anchor, f["m"], None, rel)
    return f"{year:04d}-{f['m']:02d}" if year is not None else f"XXXX-{f['m']:02d}"


def _year_value(parse: Parse, at: Context) -> str:
    return f"{parse.f['y']:04d}"


def _hijri_value(parse: Parse, at: Context) -> str | None:
    return _hijri(parse.f, at.anchor, parse.extra)


def _relative_day_value(parse: Parse, at: Context) -> str:
    f, anchor = parse.f, at.anchor
    if anchor is None:
        return UNKNOWN_DAY
    day = anchor + dt.timedelta(days=f["offset"])
    if f.get("wd"):  # أمس (الاثنين): the named weekday nearest that day wins
        delta = (f["wd"] - day.isoweekday()) % 7
        day += dt.timedelta(days=delta if delta <= 3 else delta - 7)
    return day.isoformat()


def _weekday_value(parse: Parse, at: Context) -> str:
    return _weekday(parse.f, at.anchor, at.future)


def _relative_period_value(parse: Parse, at: Context) -> str:
    f, anchor = parse.f, at.anchor
    if anchor is None:
        return {"W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}[f["unit"]]
    if f["unit"] == "W":
        return _iso_week(anchor + dt.timedelta(weeks=f["offset"]))
    if f["unit"] == "M":
        return _shift_month(anchor, f["offset"])
    return f"{anchor.year + f['offset']:04d}"


def _quarter_value(parse: Parse, at: Context) -> str:
    f = parse.f
    year = _year(f, at.anchor)
    if year is None and at.anchor is not None:
        year = at.anchor.year
    prefix = f"{year:04d}" if year is not None else "XXXX"
    return f"{prefix}-{'H' if f['half'] else 'Q'}{f['q']}"


def _season_value(parse: Parse, at: Context) -> str:
    f = parse.f
    year = f.get("y")
    if year is None and f.get("yrel") is not None and at.anchor is not None:
        year = at.anchor.year + f["yrel"]
    return f"{year:04d}-{f['season']}" if year is not None else f"XXXX-{f['season']}"


def _decade_value(parse: Parse, at: Context) -> str:
    f = parse.f
    cent = f.get("cent")
    if cent and cent[0] == "abs":
        century = cent[1] - 1
    elif cent and at.anchor is not None:
        century = at.anchor.year // 100 + cent[1]
    elif cent:
        return f"XX{f['dec']}"
    else:
        century = 19
    return f"{century:02d}{f['dec']}"


def _century_value(parse: Parse, at: Context) -> str:
    kind, n = parse.f["cent"]
    if kind == "abs":
        return f"{n - 1:02d}"
    return f"{at.anchor.year // 100 + n:02d}" if at.anchor else "XX"


def _reference_value(parse: Parse, at: Context) -> str:
    return parse.f["ref"]


def _clock_value(parse: Parse, at: Context) -> str:
    f = parse.f
    day = _day_value(f.get("day"), at.anchor, at.future) or at.sentence_day or UNKNOWN_DAY
    value = f"{day}T{f['h']:02d}:{f['mi']:02d}"
    return value + "Z" if f.get("tz") == "utc" else value


def _part_of_day_value(parse: Parse, at: Context) -> str:
    day = _day_value(parse.f.get("day"), at.anchor, at.future) or UNKNOWN_DAY
    return f"{day}T{parse.f['pod']}"


def _duration_value(parse: Parse, at: Context) -> str:
    return _duration(parse.f["amount"], parse.f["unit"])


def _set_value(parse: Parse, at: Context) -> str:
    return parse.f.get("value") or _duration(parse.f["amount"], parse.f["unit"])


# How each kind of parse (grammar.py's builders) becomes a value.
VALUES: dict[str, Callable[[Parse, Context], str | None]] = {
    "date": _date_value,
    "month": _month_value,
    "year": _year_value,
    "hijri": _hijri_value,
    "reld": _relative_day_value,
    "weekday": _weekday_value,
    "relp": _relative_period_value,
    "quarter": _quarter_value,
    "season": _season_value,
    "decade": _decade_value,
    "century": _century_value,
    "ref": _reference_value,
    "clock": _clock_value,
    "pod": _part_of_day_value,
    "duration": _duration_value,
    "set": _set_value,
}


def resolve(
    parse: Parse, anchor: dt.date | None, *, future: bool = False, sentence_day: str | None = None
) -> str | None:
    """The value of one parse; `future` says its sentence speaks of what is to come."""
    value_of = VALUES.get(parse.kind)
    if value_of is None:
        raise ValueError(f"unknown timex kind {parse.kind}")
    return value_of(parse, Context(anchor, future, sentence_day))
