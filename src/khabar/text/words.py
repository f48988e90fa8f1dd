"""Words as the stages compare them: folding table entries, regex alternations of them, the word
pattern, and a leading conjunction (و، ف) taken off.

Table entries are folded with `fold`, the same normalisation view the stages read text through,
so an entry written `على` meets the text's `علي`. The conjunctions are those of `data/clitics.json`.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from functools import lru_cache

import regex

from khabar.text.normalize import normalize
from khabar.text.tables import load_json
from khabar.text.tokens import TOKEN_RE, clitic_split

WORD = regex.compile(r"[\p{L}\p{M}]+")  # a word of letters and marks
WORD_END = r"(?![\p{L}\p{M}\d])"  # no letter, mark or digit follows


def fold(word: str) -> str:
    """A table entry in the normalisation view, spaces collapsed (tanween alef kept: عاما، غدا)."""
    return " ".join(normalize(word).split())


def folded(words: Iterable[str]) -> frozenset[str]:
    """A table's words folded (`fold`), as a set to look words up in."""
    return frozenset(fold(w) for w in words)


def alternation(words: Iterable[str], *, al_after_l: bool = True, end: str = WORD_END) -> str:
    """A regex alternation of folded words, longest first, spaces matching any run of whitespace,
    followed by `end` (by default a word boundary; "" for none).

    With `al_after_l`, a word starting with ال also matches its form after a prefixed ل
    (للعام → لعام), so the span can start past the proclitic.
    """
    forms = sorted({fold(w) for w in words}, key=len, reverse=True)
    parts = []
    for form in forms:
        escaped = regex.escape(form).replace(r"\ ", r"\s+").replace(" ", r"\s+")
        if al_after_l and form.startswith("ال") and len(form) > 3:
            escaped = r"(?:ال|(?<=ل)ل)" + regex.escape(form[2:]).replace(r"\ ", r"\s+").replace(" ", r"\s+")
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")" + end


@lru_cache(maxsize=1)
def conjunctions() -> tuple[str, ...]:
    """The conjunctions a word may carry in front (و، ف), folded, in the table's order."""
    return tuple(dict.fromkeys(fold(c) for c in load_json("khabar.text", "data/clitics.json")["conjunctions"]))


@lru_cache(maxsize=1)
def conjunction_pattern() -> str:
    """A regex character class of the conjunctions, for patterns that allow one in front of a word."""
    return "[" + regex.escape("".join(sorted(conjunctions()))) + "]"


def strip_conjunction(word: str, known: Container[str] | None = None, shortest: int = 1) -> str:
    """`word` without its leading conjunction (وقال → قال) when at least `shortest` letters remain
    and, given `known`, the rest is one of them; else `word` unchanged."""
    rest = word[1:]
    if word[:1] in conjunctions() and len(rest) >= shortest and (known is None or rest in known):
        return rest
    return word


INDEXED_KINDS = ("word", "latin", "number")  # token kinds that are words for search and stories


def index_word(norm: str) -> str:
    """A normalised word without its proclitics (و ف ب ل ك ال), lower-cased."""
    parts = clitic_split(norm) if len(norm) >= 3 else ()
    return (norm[parts[-1][1] :] if parts else norm).lower()


@lru_cache(maxsize=1 << 18)
def index_form(surface: str) -> str:
    """`index_word` of a word as written (normalised first), remembered: words repeat across articles."""
    return index_word(normalize(surface))


def index_words(text: str) -> list[str]:
    """The index form of every word, number and Latin word of `text`, in order."""
    return [index_form(m.group()) for m in TOKEN_RE.finditer(text) if m.lastgroup in INDEXED_KINDS]


def index_text(text: str) -> str:
    return " ".join(index_words(text))
