"""The cue tables of the quotes stage (`data/cues.toml`), folded with the normalisation view."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from khabar.text.tables import load_toml
from khabar.text.words import alternation, fold


def _alternation(words) -> str:
    """Folded words, longest first, with nothing required after them (a name may follow: لوكالة)."""
    return alternation(words, al_after_l=False, end="")


@dataclass(frozen=True)
class Cues:
    verbs: frozenset[str]
    negated: frozenset[str]
    colon_only: frozenset[str]
    clause_only: frozenset[str]
    relay_verbs: frozenset[str]
    gap_words: frozenset[str]
    name_nouns: frozenset[str]        # nouns before a quoted name: شركة "إنتل"، عملية «عاصفة الحزم»
    addressee: regex.Pattern          # لـ / في مقابلة مع … right after the subject
    addressee_any: regex.Pattern      # the same at any word start         # words that may stand between a verb and its clause
    introducer: regex.Pattern         # أن / إن / بأن / إلى أن (+ pronoun), a colon, or an opening mark
    according_to: regex.Pattern
    unnamed: regex.Pattern
    marks: dict[str, str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    raw = load_toml("khabar.quotes", "data/cues.toml")
    pronoun = r"(?:ه|ها|هم|هما|هن|ني|نا|كم)?"
    return Cues(
        verbs=frozenset(fold(v) for v in raw["speech_verbs"]),
        negated=frozenset(fold(v) for v in raw["negated"]),
        colon_only=frozenset(fold(v) for v in raw["colon_only"]),
        clause_only=frozenset(fold(v) for v in raw["clause_only"]),
        relay_verbs=frozenset(fold(v) for v in raw["relay_verbs"]),
        gap_words=frozenset(fold(w) for w in raw["gap_words"]),
        name_nouns=frozenset(fold(w) for w in raw["name_nouns"]),
        addressee=regex.compile(rf"\s*(?:(?:{_alternation(raw['addressee_intro'])})\s*|ل(?=[\p{{L}}«“\"])|ل\s*)"),
        addressee_any=regex.compile(rf"(?<![\p{{L}}])(?:(?:{_alternation(raw['addressee_intro'])})\s*|ل(?=[\p{{L}}«“\"]))"),
        introducer=regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?P<comp>{_alternation(raw['complementisers'])}){pronoun}"
                                 rf"(?![\p{{L}}\p{{M}}])\s*|\s*[:：]\s*|(?P<mark>(?=[«“\"‹]))"),
        according_to=regex.compile(rf"(?<![\p{{L}}\p{{M}}])[وف]?(?P<cue>{_alternation(raw['according_to'])})"
                                   rf"(?:(?<=ل)|(?![\p{{L}}\p{{M}}]))"),
        unnamed=regex.compile(rf"\s*(?P<src>{_alternation(raw['unnamed_sources'])}(?:\s+(?!(?:ان|إن|بان|انه|انها|بانه|بانها|الي|في|من|عن|ب)(?:\s|$))"
                              rf"\p{{L}}+){{0,3}})"),
        marks=dict(raw["quote_marks"]),
    )
