"""Arabic cardinal numbers in digits or words (خمسة وعشرين، ثلاثمائة، ألفين) as values
(`data/numbers.toml`; the timex and events stages both read them)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from khabar.text.tables import load_toml
from khabar.text.words import alternation, fold

VAGUE = "X"


@dataclass(frozen=True)
class Numbers:
    numbers: dict[str, int]  # folded cardinal word -> value
    vague_numbers: tuple[str, ...]  # عدة، عشرات …


@lru_cache(maxsize=1)
def lexicon() -> Numbers:
    raw = load_toml("khabar.text", "data/numbers.toml")
    return Numbers({fold(k): v for k, v in raw["numbers"].items()}, tuple(fold(w) for w in raw["vague_numbers"]))


def number_pattern() -> str:
    """Digits, or number words joined by spaces and و (`خمسة وعشرين`, `ثلاث مئة`), or a vague word."""
    lex = lexicon()
    word = alternation(list(lex.numbers), al_after_l=False)
    words = rf"{word}(?:\s+(?:و\s*)?{word})*"
    vague = alternation(lex.vague_numbers, al_after_l=False)
    return rf"(?:\d+(?:[.,،٫]\d+)?|{words}|{vague})"


def parse_number(text: str) -> float | str | None:
    """Value of a folded number phrase; `VAGUE` for عدة/بضعة; None if it is not a number."""
    lex = lexicon()
    text = text.strip()
    if regex.fullmatch(r"\d+", text):
        return int(text)
    if regex.fullmatch(r"\d+[.,،٫]\d+", text):
        return float(regex.sub(r"[,،٫]", ".", text))
    if text in lex.vague_numbers:
        return VAGUE
    total = 0
    current = 0
    for token in regex.findall(r"[^\s]+", text):
        if token.startswith("و") and token not in lex.numbers:
            token = token[1:]
        if not token:
            continue
        value = lex.numbers.get(token)
        if value is None:
            return None
        if value == 1000:  # ألف, ثلاثة آلاف
            total += (current or 1) * 1000
            current = 0
        elif value == 100 and current and current < 10:  # ثلاث مئة
            current *= 100
        elif value == 10 and 0 < current < 10:  # teens: خمسة عشر
            current += 10
        else:
            current += value
    return total + current
