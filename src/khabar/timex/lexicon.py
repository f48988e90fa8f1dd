"""The timex word tables: `data/lexicon.toml` plus CLDR's Arabic month and weekday names (Babel).

Every entry is folded with khabar's normalisation view, the same view the grammar matches on,
so `أيلول` and `ايلول`, `مئة` and `مائة`, `٢٠٢٣` and `2023` meet.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, localedata

from khabar.text.numbers import lexicon as numbers
from khabar.text.tables import load_toml
from khabar.text.words import fold, folded


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]  # folded name -> month number
    ambiguous_months: frozenset[str]
    hijri_months: dict[str, int]
    hijri_era: tuple[str, ...]
    gregorian_era: tuple[str, ...]
    weekdays: dict[str, int]  # folded name (with ال) -> ISO weekday
    numbers: dict[str, int]
    vague_numbers: tuple[str, ...]
    fractions: dict[str, float]
    ordinals: dict[str, int]
    hour_ordinals: dict[str, int]
    units: dict[str, dict[str, str]]  # folded form -> {"unit", "form"}
    modifiers: dict[str, str]
    post_modifiers: dict[str, str]
    date_signals: dict[str, str]
    period_parts: dict[str, str]
    relative_days: dict[str, int]
    period_units: dict[str, str]
    period_adjectives: dict[str, int]  # folded adjective -> offset (-1, 0, +1)
    period_this: tuple[str, ...]
    period_before_last: tuple[str, ...]
    past_n: tuple[str, ...]
    parts_of_day: dict[str, str]
    clock_parts: dict[str, str]
    clock_minutes: dict[str, int]
    time_zones: dict[str, str]
    seasons: dict[str, str]
    quarters: dict[str, int]
    decades: dict[str, int]
    references: dict[str, str]
    needs_fi: frozenset[str]
    sets: dict[str, str]
    not_today_before: tuple[str, ...]
    not_today_after: tuple[str, ...]
    not_weekday: tuple[str, ...]
    future_cues: tuple[str, ...]
    not_future_verbs: tuple[str, ...]


def _invert(table: dict[str, list[str]], cast=str) -> dict[str, object]:
    return {fold(word): cast(key) for key, words in table.items() for word in words}


def _cldr_names() -> tuple[dict[str, int], dict[str, int]]:
    """Gregorian month and weekday names of every Arabic locale in CLDR."""
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for ident in localedata.locale_identifiers():
        if not (ident == "ar" or ident.startswith("ar_")):
            continue
        locale = Locale.parse(ident)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months.get(context, {}).get(width, {}).items():
                    if any("\u0600" <= ch <= "\u06ff" for ch in name):
                        months[fold(name.replace("\xa0", " "))] = number
                for index, name in locale.days.get(context, {}).get(width, {}).items():
                    if any("\u0600" <= ch <= "\u06ff" for ch in name):
                        weekdays[fold(name)] = index + 1  # Babel: 0 = Monday
    return months, weekdays


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = load_toml("khabar.timex", "data/lexicon.toml")
    months, weekdays = _cldr_names()
    months.update(_invert(raw["months_extra"], int))
    weekdays.update(_invert(raw["weekdays"], int))
    units = {}
    for unit, forms in raw["units"].items():
        for form, words in forms.items():
            for word in words:
                units[fold(word)] = {"unit": unit, "form": form}
    rel = raw["relative_periods"]
    adjectives = (
        {fold(w): -1 for w in rel["past"]} | {fold(w): 1 for w in rel["future"]} | {fold(w): 0 for w in rel["current"]}
    )
    return Lexicon(
        months=months,
        ambiguous_months=folded(raw["ambiguous_months"]),
        hijri_months=_invert(raw["hijri_months"], int),
        hijri_era=tuple(fold(w) for w in raw["hijri_era"]),
        gregorian_era=tuple(fold(w) for w in raw["gregorian_era"]),
        weekdays=weekdays,
        numbers=numbers().numbers,
        vague_numbers=numbers().vague_numbers,
        fractions={fold(k): v for k, v in raw["fractions"].items()},
        ordinals={fold(k): v for k, v in raw["ordinals"].items()},
        hour_ordinals={fold(k): v for k, v in raw["hour_ordinals"].items()},
        units=units,
        modifiers=_invert(raw["modifiers"]),
        post_modifiers=_invert(raw["post_modifiers"]),
        date_signals=_invert(raw["date_signals"]),
        period_parts=_invert(raw["period_parts"]),
        relative_days={fold(k): v for k, v in raw["relative_days"].items()},
        period_units={fold(k): v for k, v in rel["units"].items()},
        period_adjectives=adjectives,
        period_this=tuple(fold(w) for w in rel["this"]),
        period_before_last=tuple(fold(w) for w in rel["before_last"]),
        past_n=tuple(fold(w) for w in raw["past_n"]),
        parts_of_day=_invert(raw["parts_of_day"]),
        clock_parts=_invert(raw["clock_parts"]),
        clock_minutes={fold(k): v for k, v in raw["clock_minutes"].items()},
        time_zones=_invert(raw["time_zones"]),
        seasons=_invert(raw["seasons"]),
        quarters=_invert(raw["quarters"], int),
        decades=_invert(raw["decades"], int),
        references=_invert({k: v for k, v in raw["references"].items() if k != "needs_fi"}),
        needs_fi=folded(raw["references"]["needs_fi"]),
        sets={fold(k): v for k, v in raw["sets"].items()},
        not_today_before=tuple(fold(w) for w in raw["not_today"]["before"]),
        not_today_after=tuple(fold(w) for w in raw["not_today"]["after"]),
        not_weekday=tuple(fold(w) for w in raw["not_weekday"]),
        future_cues=tuple(fold(w) for w in raw["future_cues"]),
        not_future_verbs=tuple(fold(w) for w in raw["not_future_verbs"]),
    )
