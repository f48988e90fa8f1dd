"""The timex grammar: regular expressions over the normalisation view, built from the lexicon.

`find(norm)` returns `Parse`s — what an expression says (a day and month, an offset in days,
an amount of hours…) at offsets into the normalised text; `resolve` turns them into values.
Rules propose candidates, the leftmost-longest win, then modifier words around a winner
(أكثر من، منذ، منتصف، تقريبا) widen it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from khabar.text.numbers import number_pattern, parse_number
from khabar.text.tables import load_toml
from khabar.text.words import alternation, fold
from khabar.timex.lexicon import lexicon

B = r"(?<![\p{L}\p{M}\d])"  # word start
E = r"(?![\p{L}\p{M}\d])"  # word end
PC = r"(?:[وف]?[بل]?)"  # proclitics left out of the span
MAX_GAP = 40  # characters scanned before/after a winner for modifiers
DIGIT = "<digit>"  # a rule that can start at a number
AL_DIGIT = "<al-digit>"  # ... or at ال fused to a number (الـ24)
WORD = regex.compile(r"[\p{L}\p{M}\d]+")


def lookup(table: dict, text: str):
    """`table[text]` for a matched phrase: spaces collapsed, a ل-fused form (لعام) read as العام."""
    key = " ".join(text.split())
    if key in table:
        return table[key]
    return table["ا" + key] if key.startswith("ل") and "ا" + key in table else table[key]


@dataclass
class Parse:
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    kind: str  # what the fields describe (see resolve.py)
    f: dict = field(default_factory=dict)
    mod: str | None = None
    extra: dict = field(default_factory=dict)


# Slots filled with an alternation of lexicon words; PLAIN_SLOTS do not also match ل-fused forms.
SLOTS = {
    "month",
    "hmonth",
    "weekday",
    "weekday_bare",
    "adjective",
    "gera",
    "hera",
    "unit_any",
    "unit_singular",
    "unit_dual",
    "unit_plural",
    "unit_plural_al",
    "decade_al",
    "past_n",
    "ordinal_day",
    "relday",
    "this",
    "punit",
    "pod",
    "clock_part",
    "clock_min",
    "hour_word",
    "tz",
    "season",
    "decade",
    "quarter",
    "period_part",
    "signal",
    "not_today_before",
    "not_today_after",
    "not_weekday",
    "modifier",
    "fraction",
    "reference",
    "set_adverb",
}
PLAIN_SLOTS = {"gera", "hera", "clock_part", "clock_min", "tz", "modifier", "fraction", "set_adverb"}


def _fill(template: str, slots: dict[str, str]) -> str:
    """Replace `{name}` (lowercase) by its slot; regex quantifiers like {4} and \\p{L} stay."""
    return regex.sub(r"\{([a-z_]+)\}", lambda m: slots[m.group(1)], template)


def _ordinal_days() -> dict[str, int]:
    """الأول … الحادي والثلاثين, folded, for days of the month and centuries."""
    lex = lexicon()
    units = {v: k for k, v in lex.ordinals.items() if v < 10 and k != fold("الحادي")}
    out = {k: v for k, v in lex.ordinals.items() if k != fold("الحادي")}
    for n in range(11, 20):
        out[("الحادي" if n == 11 else units[n - 10]) + " عشر"] = n
    for tens, name in ((20, "العشرين"), (30, "الثلاثين")):
        for unit in range(1, 10):
            word = "الحادي" if unit == 1 else units[unit]
            out[f"{word} و{name}"] = tens + unit
    return {fold(k): v for k, v in out.items()}


@dataclass
class Rule:
    name: str
    pattern: regex.Pattern
    build: Callable[[regex.Match], list[Parse]]


class Grammar:
    def __init__(self) -> None:
        lex = self.lex = lexicon()
        self.ordinal_days = _ordinal_days()
        classes = self._word_classes()
        slots = {
            name: alternation(words, al_after_l=name not in PLAIN_SLOTS)
            for name, words in classes.items()
            if name in SLOTS
        }
        slots.update(
            b=B,
            e=E,
            number=number_pattern(),
            month_clear=alternation([m for m in lex.months if m not in lex.ambiguous_months]),
            half_noun=rf"(?:\s+ال(?:{'|'.join(classes['unit_singular'])}){E})?",
        )
        spec = load_toml("khabar.timex", "data/grammar.toml")
        for name, template in spec["fragments"].items():
            slots[name] = _fill(template, slots)
        self.rules = []
        self.by_first: dict[str, list[int]] = {}  # first word -> rules that can start there
        for index, rule in enumerate(spec["rule"]):
            pattern = regex.compile(B + PC + "(?P<x>" + _fill(rule["pattern"], slots) + ")" + E)
            self.rules.append(Rule(rule["name"], pattern, getattr(self, "_" + rule["build"])))
            firsts = [w for item in rule["first"] for w in (classes[item[1:]] if item.startswith("@") else [item])]
            for word in {w.split()[0] for w in firsts}:
                for form in {word, "ل" + word[2:] if word.startswith("ال") and len(word) > 3 else word}:
                    self.by_first.setdefault(form, []).append(index)
        self.future_cue = regex.compile(
            rf"{B}{PC}(?:{alternation(lex.future_cues)}|"
            rf"(?!{alternation(lex.not_future_verbs)})س[يتن]\p{{L}}{{3,}})"
        )
        # modifier words around a winning candidate (see _widen)
        self.modifier = regex.compile(rf"{B}(?P<w>{slots['modifier']})\s*(?:ال)?$")
        self.post_modifier = regex.compile(rf"^\s*(?P<w>{alternation(lex.post_modifiers, al_after_l=False)})")
        self.signal = regex.compile(rf"{B}{PC}(?P<w>{slots['signal']})\s+$")
        self.period_part = regex.compile(rf"{B}{PC}(?P<w>{slots['period_part']})\s+(?:من\s+)?(?:(?:عام|شهر)\s+)?$")

    def _word_classes(self) -> dict[str, list[str]]:
        """Lexicon word lists by slot name (also the @classes of a rule's first words)."""
        lex = self.lex
        units = lambda *forms: [w for w, u in lex.units.items() if u["form"] in forms]  # noqa: E731
        return {
            "month": list(lex.months),
            "hmonth": list(lex.hijri_months),
            "weekday": list(lex.weekdays),
            "weekday_bare": [w[2:] for w in lex.weekdays],
            "adjective": list(lex.period_adjectives),
            "gera": list(lex.gregorian_era),
            "hera": list(lex.hijri_era),
            "unit_any": list(lex.units),
            "unit_singular": units("singular"),
            "unit_dual": units("dual"),
            "unit_plural": units("plural"),
            "unit_plural_al": ["ال" + w for w in units("plural", "dual")],
            "decade_al": ["ال" + w for w, u in lex.units.items() if u["unit"] == "DE" and u["form"] == "singular"],
            "past_n": list(lex.past_n),
            "ordinal_day": list(self.ordinal_days),
            "relday": list(lex.relative_days),
            "this": list(lex.period_this),
            "punit": list(lex.period_units),
            "pod": list(lex.parts_of_day),
            "clock_part": list(lex.clock_parts),
            "clock_min": list(lex.clock_minutes),
            "hour_word": list(lex.hour_ordinals),
            "tz": list(lex.time_zones),
            "season": list(lex.seasons),
            "decade": list(lex.decades),
            "quarter": list(lex.quarters),
            "period_part": list(lex.period_parts),
            "signal": list(lex.date_signals),
            "not_today_before": list(lex.not_today_before),
            "not_today_after": list(lex.not_today_after),
            "not_weekday": list(lex.not_weekday),
            "modifier": list(lex.modifiers),
            "fraction": list(lex.fractions),
            "reference": list(lex.references),
            "set_adverb": list(lex.sets),
            # first-word classes only
            "hijri_month": list(lex.hijri_months),
            "relative_day": list(lex.relative_days),
            "period_unit": list(lex.period_units),
            "part_of_day": list(lex.parts_of_day),
            "number": list(lex.numbers),
            "vague_number": list(lex.vague_numbers),
        }

    # ---- builders: each returns the parses of one match --------------------------------------
    def _p(self, match, type_, kind, **f) -> list[Parse]:
        return [Parse(match.start("x"), match.end("x"), type_, kind, f)]

    def _year_rel(self, m) -> int | None:
        """Year offset of `العام الماضي` / `هذا العام` inside a match, None if absent."""
        text = m.group("yrel")
        if not text:
            return None
        if any(text.startswith(t) for t in self.lex.period_this):
            return 0
        return self.lex.period_adjectives[text.split()[-1]]

    def _day_date(self, m):
        day = int(m.group("day")) if m.group("day") else lookup(self.ordinal_days, m.group("dayw"))
        if not 1 <= day <= 31:
            return []
        month = lookup(self.lex.months, m.group("month"))
        year = int(m.group("year")) if m.group("year") else None
        wd = lookup(self.lex.weekdays, m.group("wd")) if m.group("wd") else None
        rel = lookup(self.lex.period_adjectives, m.group("rel")) if m.group("rel") else None
        return self._p(m, "DATE", "date", y=year, m=month, d=day, wd=wd, yrel=self._year_rel(m), rel=rel)

    def _numeric_date(self, m):
        d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        if not (1 <= d <= 31 and 1 <= mo <= 12) or (m.group("gera") and y < 1800):
            return []
        if 1300 <= y <= 1500 or m.group("era"):  # 1436/10/30: a Hijri date
            return self._p(m, "DATE", "hijri", y=y, m=mo, d=d, rel=None)
        return self._p(m, "DATE", "date", y=y, m=mo, d=d, wd=None, yrel=None, rel=None)

    def _month(self, m):
        month = lookup(self.lex.months, m.group("month"))
        year = int(m.group("year")) if m.groupdict().get("year") else None
        rel = m.groupdict().get("rel")
        return self._p(
            m,
            "DATE",
            "month",
            y=year,
            m=month,
            yrel=self._year_rel(m) if "yrel" in m.groupdict() else None,
            rel=lookup(self.lex.period_adjectives, rel) if rel else None,
        )

    def _year(self, m):
        year = int(m.group("year"))
        if not 1000 <= year <= 2200:
            return []
        return self._p(m, "DATE", "year", y=year)

    def _year_pair(self, m):
        out = []
        for g in ("y1", "y2"):
            y = int(m.group(g))
            start = m.start(g) if g == "y2" else m.start("x")
            out.append(Parse(start, m.end(g), "DATE", "year", {"y": y}))
        return out

    def _hijri(self, m):
        g = m.groupdict()
        if g.get("era") is None and g.get("year") and not g.get("hm"):
            return []
        day = None
        if g.get("day") or g.get("dayw"):
            day = int(g["day"]) if g.get("day") else lookup(self.ordinal_days, g["dayw"])
        month = lookup(self.lex.hijri_months, g["hm"]) if g.get("hm") else None
        year = int(g["year"]) if g.get("year") else None
        if year is not None and not 1300 <= year <= 1600:
            return []
        if (
            day is None
            and month is not None
            and year is None
            and not g.get("rel")
            and not m.group("x").startswith("شهر")
        ):
            return []
        rel = lookup(self.lex.period_adjectives, g["rel"]) if g.get("rel") else None
        return self._p(m, "DATE", "hijri", y=year, m=month, d=day, rel=rel)

    def _relative_day(self, m):
        wd = lookup(self.lex.weekdays, m.group("wd")) if m.group("wd") else None
        return self._p(m, "DATE", "reld", offset=lookup(self.lex.relative_days, m.group("rel")), wd=wd)

    def _weekday(self, m):
        g = m.groupdict()
        if g.get("dir"):
            direction = {-1: "past", 1: "future", 0: "this"}[lookup(self.lex.period_adjectives, g["dir"])]
        else:
            direction = None
        return self._p(m, "DATE", "weekday", wd=lookup(self.lex.weekdays, g["wd"]), dir=direction)

    def _relative_period(self, m):
        g = m.groupdict()
        unit = lookup(self.lex.period_units, g["unit"])
        if g.get("before_last"):
            offset = -2
        elif g.get("adj"):
            offset = lookup(self.lex.period_adjectives, g["adj"])
        else:
            offset = 0
        return self._p(m, "DATE", "relp", unit=unit, offset=offset)

    def _quarter(self, m):
        g = m.groupdict()
        q = lookup(self.lex.quarters, g["q"])
        if g["qh"] == "النصف" and q > 2:
            return []
        return self._p(
            m,
            "DATE",
            "quarter",
            half=g["qh"] == "النصف",
            q=q,
            y=int(g["year"]) if g.get("year") else None,
            yrel=self._year_rel(m),
        )

    def _season(self, m):
        g = m.groupdict()
        offset = lookup(self.lex.period_adjectives, g["adj"]) if g.get("adj") else (0 if g.get("this") else None)
        if offset is None and g.get("yrel"):
            offset = self._year_rel(m)
        return self._p(
            m,
            "DATE",
            "season",
            season=lookup(self.lex.seasons, g["season"]),
            y=int(g["year"]) if g.get("year") else None,
            yrel=offset,
        )

    def _decade(self, m):
        century = None
        if m.group("cent"):
            parsed = self._century_value(m.group("cent").split(None, 1)[1])
            if parsed is None:
                return [
                    Parse(
                        m.start("x"),
                        m.start("x") + len(m.group("dec")),
                        "DATE",
                        "decade",
                        {"dec": lookup(self.lex.decades, m.group("dec")), "cent": None},
                    )
                ]
            century = parsed
        return self._p(m, "DATE", "decade", dec=lookup(self.lex.decades, m.group("dec")), cent=century)

    def _century_value(self, words: str):
        """('abs', 21) for العشرين/21/الحادي والعشرين ordinal, ('rel', -1) for الماضي."""
        words = " ".join(words.split())
        if words.isdigit():
            return ("abs", int(words))
        if words in self.ordinal_days:
            return ("abs", self.ordinal_days[words])
        if words in self.lex.period_adjectives:
            return ("rel", self.lex.period_adjectives[words])
        return None

    def _century(self, m):
        g = m.groupdict()
        value = self._century_value(g.get("n") or g.get("ord") or g.get("adj"))
        return self._p(m, "DATE", "century", cent=value) if value else []

    def _reference(self, m):
        ref = " ".join(m.group("ref").split())
        ref = ref if ref in self.lex.references else "ا" + ref
        if ref in self.lex.needs_fi and not regex.search(
            r"(?:^|\s)في\s+$", m.string[max(0, m.start("x") - 6) : m.start("x")]
        ):
            return []
        return self._p(m, "DATE", "ref", ref=self.lex.references[ref])

    def _dayref(self, m) -> dict | None:
        g = m.groupdict()
        if g.get("r_rel"):
            return {"kind": "reld", "offset": lookup(self.lex.relative_days, g["r_rel"])}
        if g.get("r_wd"):
            direction = None
            if g.get("r_dir"):
                direction = {-1: "past", 1: "future", 0: "this"}[lookup(self.lex.period_adjectives, g["r_dir"])]
            return {"kind": "weekday", "wd": lookup(self.lex.weekdays, g["r_wd"]), "dir": direction}
        if g.get("r_day"):
            return {
                "kind": "date",
                "y": int(g["r_year"]) if g.get("r_year") else None,
                "m": lookup(self.lex.months, g["r_month"]),
                "d": int(g["r_day"]),
                "wd": None,
                "yrel": None,
                "rel": None,
            }
        return None

    def _clock(self, m):
        g = m.groupdict()
        if g.get("hw"):
            hour = lookup(self.lex.hour_ordinals, g["hw"])
            if not (g.get("sa") or g.get("part") or g.get("tz") or g.get("mw")):
                return []
        else:
            hour = int(g["h"])
            if g.get("sep") == "." and not (
                m.group("x").startswith(("الساعه", "تمام", "في")) or g.get("part") or g.get("tz")
            ):
                return []
        minute = 0
        if g.get("mi"):
            minute = int(g["mi"])
        elif g.get("mw"):
            if g.get("mn"):
                value = parse_number(" ".join(g["mn"].split()))
                minute = value if isinstance(value, int) else 0
            else:
                minute = self.lex.clock_minutes[" ".join(g["mw"].split())]
        if minute < 0:
            hour, minute = hour - 1, 60 + minute
        if not (0 <= hour <= 24 and 0 <= minute < 60):
            return []
        part = self.lex.clock_parts.get(" ".join(g["part"].split())) if g.get("part") else None
        pod = self.lex.parts_of_day.get(" ".join(g["pod"].split())) if g.get("pod") else None
        if part is None and pod:
            part = {"MO": "morning", "AF": "noon", "EV": "evening", "NI": "evening"}[pod]
        if part == "noon" and hour < 12 and (hour <= 6 or "عصر" in (g.get("part") or "")):
            hour += 12
        elif part == "evening" and hour < 12 and not (hour <= 4 and "ليل" in (g.get("part") or g.get("pod") or "")):
            hour += 12
        elif part == "morning" and hour == 12:
            hour = 0
        tz = self.lex.time_zones.get(" ".join(g["tz"].split())) if g.get("tz") else None
        return self._p(m, "TIME", "clock", h=hour, mi=minute, day=self._dayref(m), tz=tz)

    def _midnight(self, m):
        return self._p(m, "TIME", "clock", h=24, mi=0, day=None, tz=None)

    def _part_of_day(self, m):
        return self._p(m, "TIME", "pod", pod=lookup(self.lex.parts_of_day, m.group("pod")), day=self._dayref(m))

    def _amount(self, m) -> float | str | None:
        g = m.groupdict()
        unit = self._unit_entry(m)
        if g.get("num"):
            amount = parse_number(" ".join(g["num"].split()))
        elif g.get("frac"):
            amount = self.lex.fractions[" ".join(g["frac"].split())]
        elif unit["form"] == "dual":
            amount = 2
        elif unit["form"] == "plural":
            amount = "X"
        else:
            amount = 1
        if amount is None:
            return None
        if g.get("half") and amount != "X":
            amount += 0.25 if g["half"] == "وربع" else 0.5
        return amount

    def _unit_entry(self, m) -> dict:
        """The unit table entry of a matched unit word (its ال, if any, set aside)."""
        word = " ".join(m.group("unit").split())
        if word not in self.lex.units:
            word = word[2:] if word.startswith("ال") else word[1:]  # العقد, لسنوات (للسنوات)
        return self.lex.units[word]

    def _unit(self, m) -> str:
        return self._unit_entry(m)["unit"]

    def _duration(self, m):
        amount = self._amount(m)
        if amount is None or amount == 0:
            return []
        unit = self._unit(m)
        if (
            m.groupdict().get("num")
            and isinstance(amount, (int, float))
            and unit in ("Y", "DE", "CE")
            and m.group("num").isdigit()
            and len(m.group("num")) == 4
            and 1900 <= amount <= 2100
        ):
            return []  # "2016 عام" is not 2016 years
        return self._p(m, "DURATION", "duration", amount=amount, unit=unit)

    def _set(self, m):
        g = m.groupdict()
        if g.get("adv"):
            return self._p(m, "SET", "set", value=self.lex.sets[" ".join(g["adv"].split())])
        if g.get("wd"):
            name = g["wd"] if g["wd"].startswith("ال") else "ال" + g["wd"]
            return self._p(m, "SET", "set", value=f"XXXX-WXX-{self.lex.weekdays[name]}")
        if g.get("pod"):
            code = self.lex.parts_of_day[g["pod"]]
            return self._p(m, "SET", "set", value=f"XXXX-XX-XXT{code}")
        amount = self._amount(m)
        if amount is None or amount == "X":
            return []
        return self._p(m, "SET", "set", amount=amount, unit=self._unit(m))

    # ---- search ----------------------------------------------------------------------------
    def _starts(self, norm: str) -> list[tuple[int, int]]:
        """(rule, offset) pairs worth trying: rules whose first word opens a word here."""
        out = []
        for m in WORD.finditer(norm):
            word = m.group()
            keys = {word}
            if word[0] in "وفبل":
                keys.add(word[1:])
                if len(word) > 2 and word[1] in "بل":
                    keys.add(word[2:])
            for key in list(keys):
                if key[:1].isdigit():
                    keys.add(DIGIT)
                elif key.startswith("ال") and key[2:3].isdigit():  # ال18 من شهر رمضان, الـ24 ساعة
                    keys.update((AL_DIGIT, DIGIT))
            rules = {r for key in keys for r in self.by_first.get(key, ())}
            out.extend((r, m.start()) for r in rules)
        return out

    def find(self, norm: str) -> list[Parse]:
        candidates: list[tuple[int, int, int, Parse]] = []
        for order, pos in self._starts(norm):
            rule = self.rules[order]
            m = rule.pattern.match(norm, pos)
            if m:
                for parse in rule.build(m):
                    if parse.end > parse.start:
                        candidates.append((parse.start, parse.end, order, parse))
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
        taken: list[Parse] = []
        occupied = bytearray(len(norm))  # 1 where a taken parse lies (one byte a character: linear)
        for start, end, _, parse in candidates:
            if occupied.find(1, start, end) < 0:
                taken.append(parse)
                occupied[start:end] = b"\x01" * (end - start)
        taken.sort(key=lambda p: p.start)
        for i, parse in enumerate(taken):
            floor = taken[i - 1].end if i else 0
            ceiling = taken[i + 1].start if i + 1 < len(taken) else len(norm)
            self._widen(norm, parse, floor, ceiling)
        return taken

    def _widen(self, norm: str, parse: Parse, floor: int, ceiling: int) -> None:
        """Take in a modifier before (أكثر من، منذ، منتصف) or after (تقريبا) the expression."""
        before = norm[max(floor, parse.start - MAX_GAP) : parse.start]
        if parse.type == "DURATION":
            m = self.modifier.search(before)
            if m:
                parse.start -= len(before) - m.start("w")
                parse.mod = self.lex.modifiers[" ".join(m.group("w").split())]
            after = norm[parse.end : min(ceiling, parse.end + MAX_GAP)]
            m = self.post_modifier.search(after)
            if m:
                parse.end += m.end("w")
                parse.mod = parse.mod or self.lex.post_modifiers[" ".join(m.group("w").split())]
            return
        if parse.type != "DATE" or parse.kind == "ref":
            return
        coarse = parse.kind in ("month", "year", "relp", "season", "decade", "century", "hijri") and not (
            parse.kind == "hijri" and parse.f.get("d")
        )
        if coarse:
            m = self.period_part.search(before)
            if m:
                parse.start -= len(before) - m.start("w")
                parse.mod = self.lex.period_parts[" ".join(m.group("w").split())]
                before = norm[max(floor, parse.start - MAX_GAP) : parse.start]
        if parse.mod is None:
            m = self.signal.search(before)
            if m and not (parse.kind == "reld" and m.group("w") == "بعد"):
                parse.start -= len(before) - m.start("w")
                parse.mod = self.lex.date_signals[" ".join(m.group("w").split())]

    def future_cues(self, norm: str) -> FutureCues:
        """Where the future cues (سوف، سيعقد …) of a normalised text are."""
        return FutureCues([(m.start(), m.end()) for m in self.future_cue.finditer(norm, overlapped=True)])


class FutureCues:
    """The future cues of one normalised text, found in one pass, so that asking whether a stretch of
    it (a sentence so far) holds one costs a binary search, not a scan of the stretch."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [start for start, _ in spans]
        self.first_end = [end for _, end in spans]  # the earliest end among cues starting here or later
        for i in range(len(spans) - 2, -1, -1):
            self.first_end[i] = min(self.first_end[i], self.first_end[i + 1])

    def within(self, start: int, end: int) -> bool:
        """Whether a whole cue lies in `norm[start:end]`."""
        i = bisect_left(self.starts, start)
        return i < len(self.starts) and self.first_end[i] <= end


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    return Grammar()
