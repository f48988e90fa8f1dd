"""Name tables of the entities stage: titles and honorifics, nationality adjectives, romanisation."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from khabar.text import normalize
from khabar.text.tables import load_json, load_toml


@dataclass(frozen=True)
class NameTables:
    honorifics: tuple[str, ...]  # normalised
    titles: dict[str, str]  # normalised title -> role key
    nisba_forms: dict[str, str]  # broken plural -> masculine singular (normalised)
    not_nisba: frozenset[str]
    before_country: frozenset[str]
    name_particles: frozenset[str]  # ابن، آل، أبو … alone are no one's short name
    letters: dict[str, str]
    vowels: dict[str, str]
    consonant_at_start: dict[str, str]


@lru_cache(maxsize=1)
def name_tables() -> NameTables:
    raw = load_toml("khabar.entities", "data/titles.toml")
    roman = load_json("khabar.entities", "data/romanize.json")
    return NameTables(
        honorifics=tuple(sorted({normalize(h) for h in raw["honorifics"]}, key=len, reverse=True)),
        titles={normalize(k): v for k, v in raw["titles"].items()},
        nisba_forms={normalize(k): normalize(v) for k, v in raw["nisba_forms"].items()},
        not_nisba=frozenset(normalize(w) for w in raw["not_nisba"]),
        before_country=frozenset(normalize(w) for w in raw["before_country"]),
        name_particles=frozenset(normalize(w) for w in raw["name_particles"]),
        letters=roman["letters"],
        vowels=roman["vowels"],
        consonant_at_start=roman["consonant_at_start"],
    )


def romanize(name: str) -> str:
    """A readable Latin form of an Arabic name the knowledge base does not know (مينه دوك → Minh Duk)."""
    t = name_tables()
    words = []
    for word in name.split():
        out = []
        for i, ch in enumerate(word):
            if i == 0 and ch in t.consonant_at_start:
                out.append(t.consonant_at_start[ch])
            elif ch in t.vowels:
                out.append(t.vowels[ch])
            else:
                out.append(t.letters.get(ch, "" if "\u064b" <= ch <= "\u0652" or ch == "\u0640" else ch))
        latin = "".join(out).strip("'")
        words.append(latin[:1].upper() + latin[1:])
    return " ".join(w for w in words if w)
