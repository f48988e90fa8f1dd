"""Unnamed and collective actors (`data/agents.toml`): a head noun such as مسلحون، قوات الأمن، متظاهرون
read with its clitics, typed with a CAMEO agent code, and the modifiers that belong to its phrase.

The events stage finds the phrase's end, its nationality or place (which give the country) and
whether a name follows it as a genitive (عناصر داعش: the name acts); this module only reads words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from khabar.text.tables import load_toml
from khabar.text.words import conjunctions, fold


@lru_cache(maxsize=1)
def agent_tables() -> dict:
    """`data/agents.toml`, read once."""
    return load_toml("khabar.events", "data/agents.toml")


@lru_cache(maxsize=1)
def clitics() -> tuple[str, tuple[str, ...], str]:
    """The article, the prepositions written joined to a word, and لـ (`data/agents.toml`), folded."""
    raw = agent_tables()
    return fold(raw["article"]), tuple(fold(p) for p in raw["prepositions"]), fold(raw["lam"])


def canonical(word: str) -> str:
    """A folded word without its article (الشرطة → شرطة), the form the tables are keyed by."""
    article = clitics()[0]
    return word[len(article) :] if word.startswith(article) and len(word) > len(article) + 2 else word


def splits(word: str) -> list[tuple[str, str]]:
    """(proclitic, canonical rest) readings of a folded word, the bare word first: و/ف, then بـ/لـ/كـ
    (لل is لـ + ال), then ال."""
    article, prepositions, lam = clitics()
    out = [("", canonical(word))]
    for conj in ("", *conjunctions()):
        if not word.startswith(conj):
            continue
        rest = word[len(conj) :]
        for prep in ("", *prepositions):
            if (conj or prep) and rest.startswith(prep) and len(rest) - len(prep) >= 3:
                stem = rest[len(prep) :]
                if prep == lam and stem.startswith(lam):
                    stem = article + stem[len(lam) :]  # للإرهابيين = لـ + الإرهابيين
                out.append((conj + prep, canonical(stem)))
    return out


@dataclass(frozen=True)
class Head:
    """A head found at a word: how many words it spans, the clitics before it, its agent type."""

    words: int
    proclitic: str
    agent: str
    needs_modifier: bool
    adjective: bool  # also an adjective (الإرهابي): no actor right after a noun


class AgentLexicon:
    """The agent tables, read-only and shared by threads."""

    def __init__(self, raw: dict) -> None:
        self.heads: dict[tuple[str, ...], str] = {}
        for agent, words in raw["heads"].items():
            for entry in words:
                key = tuple(canonical(w) for w in fold(entry).split())
                self.heads.setdefault(key, agent)
        self.modifiers = {canonical(fold(k)): v for k, v in raw["modifiers"].items()}
        self.needs_modifier = frozenset(tuple(canonical(w) for w in fold(x).split()) for x in raw["needs_modifier"])
        self.not_after = frozenset(canonical(fold(x)) for x in raw["not_after"])
        self.adjectives = frozenset(canonical(fold(x)) for x in raw["also_adjectives"])
        self.sound_endings = tuple(fold(x) for x in raw["sound_endings"])

    def head(self, words: list[str], i: int) -> Head | None:
        """The head starting at word `i` (a two-word head before a one-word one), or None."""
        following = canonical(words[i + 1]) if i + 1 < len(words) else None
        for proclitic, stem in splits(words[i]):
            for key in ((stem, following), (stem,)):
                if None not in key and key in self.heads:
                    adjective = len(key) == 1 and stem in self.adjectives
                    return Head(len(key), proclitic, self.heads[key], key in self.needs_modifier, adjective)
        return None

    def bound(self, word: str) -> bool:
        """Whether a head word ends as a nominative or oblique plural or dual (الحوثيون، مسلحين): such a word
        takes no genitive, so a place after it is no part of its phrase (يتهم الحوثيون السعودية)."""
        return word.endswith(self.sound_endings)

    def modifier(self, word: str) -> str | None:
        """The agent type a modifier gives ("" to keep the head's), None for no modifier."""
        return self.modifiers.get(canonical(word))

    def governed(self, previous: str | None) -> bool:
        """Whether the word before a head makes it a genitive of something else (مجلس الأمن)."""
        return previous is not None and any(stem in self.not_after for _, stem in splits(previous))


@lru_cache(maxsize=1)
def agent_lexicon() -> AgentLexicon:
    return AgentLexicon(agent_tables())
