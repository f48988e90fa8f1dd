"""The Arabic search index: words folded (alef/hamza, ى/ي, ة/ه, diacritics, tatweel) and stripped of
attached proclitics (`khabar.text.words.index_word`), so `روسيا` finds `وروسيا` and `لروسيا`; the same
folding applies to queries, whose words are widened with every spelling the alias registry and knowledge
base know."""

from __future__ import annotations

import html
import re

from khabar.text.normalize import normal_view
from khabar.text.tokens import ARABIC_LETTER, TOKEN_RE, tokenize
from khabar.text.words import INDEXED_KINDS, index_word, index_words

SNIPPET_CHARS = 90
MAX_QUERY_WORDS = 64


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


def _first_hit(text: str, terms: set[str]) -> int | None:
    """Where in `text` a word whose index form may be one of `terms` first occurs (a quick scan)."""
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    pattern = re.compile(
        rf"(?<![{ARABIC_LETTER}\w])[وف]?(?:[بلك]?ال|لل|[بلك])?(?:{alternatives})(?![{ARABIC_LETTER}\w])"
    )
    view = normal_view(text)
    match = pattern.search(view.norm.lower()) if len(view.norm.lower()) == len(view.norm) else pattern.search(view.norm)
    return view.to_original(match.start(), match.end())[0] if match else None


def snippet(text: str, terms: set[str], width: int = SNIPPET_CHARS) -> str:
    """HTML: the passage of `text` around the first matching word, matches in <mark>, all else escaped."""
    first = _first_hit(text, terms) if terms else None
    if first is None:
        return html.escape(text[: 2 * width].replace("\n", " ")) + ("…" if len(text) > 2 * width else "")
    start, end = max(0, first - width), min(len(text), first + width)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    hits = [
        (t.start, t.end) for t in tokenize(text, start, end) if t.kind in INDEXED_KINDS and index_word(t.norm) in terms
    ]
    out, pos = ["…" if start else ""], start
    for s, e in hits:
        out += [html.escape(text[pos:s]), "<mark>", html.escape(text[s:e]), "</mark>"]
        pos = e
    out += [html.escape(text[pos:end]), "…" if end < len(text) else ""]
    return re.sub(r"</mark>(\s+)<mark>", r"\1", "".join(out)).replace("\n", " ")
