"""The Arabic search index: words folded (alef/hamza, ى/ي, ة/ه, diacritics, tatweel) and stripped
of attached proclitics, so `روسيا` finds `وروسيا` and `لروسيا`; the same folding applies to queries,
whose words are widened with every spelling the alias registry and knowledge base know."""

from __future__ import annotations

import html
import re

from khabar.text.tokens import TOKEN_RE, clitic_split, tokenize
from khabar.text.normalize import normalize

INDEXED_KINDS = ("word", "latin", "number")
SNIPPET_CHARS = 90


def index_word(norm: str) -> str:
    """A normalised word without its proclitics (و ف ب ل ك ال), lower-cased."""
    parts = clitic_split(norm) if len(norm) >= 3 else ()
    return (norm[parts[-1][1]:] if parts else norm).lower()


def index_words(text: str) -> list[str]:
    """The index form of every word, number and Latin word of `text`, in order."""
    return [index_word(normalize(m.group())) for m in TOKEN_RE.finditer(text) if m.lastgroup in INDEXED_KINDS]


def index_text(text: str) -> str:
    return " ".join(index_words(text))


def _phrase(words: list[str]) -> str:
    return '"' + " ".join(w.replace('"', "") for w in words) + '"'


def fts_query(query: str, variants) -> str | None:
    """An FTS5 MATCH expression: every word must occur (in any spelling `variants(words)` gives).

    `variants(text)` returns other names (strings) for an entity called `text`; the whole query is
    tried first as one name, then each word on its own.
    """
    words = index_words(query)
    if not words:
        return None
    whole = [index_words(v) for v in variants(query)]
    if whole:
        options = {_phrase(words)} | {_phrase(w) for w in whole if w}
        return "(" + " OR ".join(sorted(options)) + ")"
    terms = []
    for word, raw in zip(words, [m.group() for m in TOKEN_RE.finditer(query) if m.lastgroup in INDEXED_KINDS]):
        options = {_phrase([word])} | {_phrase(index_words(v)) for v in variants(raw) if index_words(v)}
        terms.append("(" + " OR ".join(sorted(options)) + ")")
    return " AND ".join(terms)


def highlight_terms(match: str) -> set[str]:
    """The single words of an FTS expression made by `fts_query` (for marking snippets)."""
    return {w for phrase in re.findall(r'"([^"]*)"', match) for w in phrase.split()}


def snippet(text: str, terms: set[str], width: int = SNIPPET_CHARS) -> str:
    """HTML: the passage of `text` around the first matching words, matches in <mark>, all else escaped."""
    hits = [(t.start, t.end) for t in tokenize(text) if t.kind in INDEXED_KINDS and index_word(t.norm) in terms]
    if not hits:
        return html.escape(text[: 2 * width].replace("\n", " ")) + ("…" if len(text) > 2 * width else "")
    start = max(0, hits[0][0] - width)
    end = min(len(text), hits[0][1] + width)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    out, pos = ["…" if start else ""], start
    for s, e in hits:
        if s < start or e > end:
            continue
        out += [html.escape(text[pos:s]), "<mark>", html.escape(text[s:e]), "</mark>"]
        pos = e
    out += [html.escape(text[pos:end]), "…" if end < len(text) else ""]
    return re.sub(r"</mark>(\s+)<mark>", r"\1", "".join(out)).replace("\n", " ")
