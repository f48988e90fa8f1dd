"""Sentence splitting that keeps quotations whole and does not split after abbreviations.

Sentences are found inside story blocks only (headline, body and the prose of captions), so a
sentence never crosses a block boundary. Rules live in `data/sentences.json`; a sentence is never
longer than its `max_sentence_chars` (2,000): a longer one is cut, at a clause mark or a space, by
`cap_ranges`, which layout uses for its block cap too. Time and memory are linear in the text.
"""

from __future__ import annotations

import bisect
import unicodedata
from functools import lru_cache

import regex

from khabar.document import Article, Sentence
from khabar.pipeline import stage
from khabar.text import trim
from khabar.text.tables import load_json

STORY_KINDS = ("headline", "body", "caption")


@lru_cache(maxsize=1)
def sentence_rules() -> dict:
    rules = load_json("khabar.text", "data/sentences.json")
    rules["terminator_re"] = regex.compile("[" + regex.escape("".join(rules["terminators"])) + "]+|\n")
    rules["abbreviations"] = set(rules["abbreviations"])
    rules["openers"] = {o: c for o, c in rules["quote_pairs"]}
    marks = "".join({c for pair in rules["quote_pairs"] for c in pair} | set(rules["symmetric_quotes"]))
    rules["quote_re"] = regex.compile("[" + regex.escape(marks) + "\n]")
    rules["clause_break"] = break_pattern(rules["clause_marks"])
    return rules


def break_pattern(marks: list[str]) -> regex.Pattern:
    """A backward-searching pattern for one of `marks` (a run of them) followed by whitespace."""
    return regex.compile("[" + regex.escape("".join(marks)) + "]+\\s", regex.REVERSE)


LAST_SPACE = regex.compile(r"\s", regex.REVERSE)


def cap_ranges(text: str, start: int, end: int, limit: int, preferred: regex.Pattern) -> list[tuple[int, int]]:
    """`text[start:end]` in trimmed pieces of at most `limit` characters, covering all its non-space text.

    Each cut is made after the last `preferred` break (see `break_pattern`) in the second half of
    the allowed length, else after the last whitespace, else at the limit (moved back off combining
    marks). Every character is looked at a bounded number of times, so the cost is linear.
    """
    pieces = []
    start, end = trim(text, start, end)
    while end - start > limit:
        window = start + limit
        found = preferred.search(text, start + limit // 2, window) or LAST_SPACE.search(text, start + 1, window)
        if found:
            cut = found.end()
        else:
            cut = window
            while cut > start + 1 and unicodedata.category(text[cut]) in ("Mn", "Me", "Cf"):
                cut -= 1
        a, b = trim(text, start, cut)
        if a < b:
            pieces.append((a, b))
        start = trim(text, cut, end)[0]
    if start < end:
        pieces.append((start, end))
    return pieces


def quotation_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Balanced quotations in `text[start:end]` as (open, close + 1); unclosed quotes are ignored."""
    rules = sentence_rules()
    openers, symmetric = rules["openers"], set(rules["symmetric_quotes"])
    closers = {c: o for o, c in openers.items()}
    stack: list[tuple[str, int]] = []
    ranges = []
    for m in rules["quote_re"].finditer(text, start, end):
        i, ch = m.start(), m.group()
        if ch == "\n":
            stack.clear()
        elif ch in symmetric:
            if stack and stack[-1][0] == ch:
                ranges.append((stack.pop()[1], i + 1))
            else:
                stack.append((ch, i))
        elif ch in closers and (ch not in openers or (stack and stack[-1][0] == closers[ch])):
            while stack and stack[-1][0] != closers[ch]:
                stack.pop()
            if stack:
                ranges.append((stack.pop()[1], i + 1))
        elif ch in openers:
            stack.append((ch, i))
    limit = rules["max_quote_chars"]
    return sorted(r for r in ranges if r[1] - r[0] <= limit)


class _Quotations:
    """Sorted quotation ranges, asked whether a position is strictly inside one in O(log n)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.starts = [a for a, _ in ranges]
        self.reach: list[int] = []  # the furthest `end - 1` among ranges[: i + 1]
        for _, b in ranges:
            self.reach.append(max(b - 1, self.reach[-1] if self.reach else b - 1))

    def inside(self, pos: int) -> bool:
        i = bisect.bisect_left(self.starts, pos)  # ranges[:i] start before pos
        return i > 0 and self.reach[i - 1] > pos


def _after_abbreviation(text: str, start: int, dot: int, rules: dict) -> bool:
    m = regex.search(r"([\p{L}\u0640.]+)\s*$", text[max(start, dot - 12) : dot])
    if not m:
        return False
    word = m.group(1).strip(".")
    if word not in rules["abbreviations"] and not (len(word) == 1 and word.isupper()):
        return False
    if word in rules["year_markers"]:  # "عام 1445 هـ." ends a sentence
        before = text[max(start, dot - 12 - 8) : dot - len(m.group(0))].rstrip()
        return not (before[-1:].isdigit())
    return True


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence ranges inside `text[start:end]`, trimmed of surrounding whitespace."""
    rules = sentence_rules()
    end = len(text) if end is None else end
    quotes = quotation_ranges(text, start, end)
    quote_ends = {b for _, b in quotes}
    inside = _Quotations(quotes).inside
    closers = set(rules["closers"])
    out: list[tuple[int, int]] = []
    cur = start
    for m in rules["terminator_re"].finditer(text, start, end):
        if m.group() == "\n":
            out.append((cur, m.start()))
            cur = m.end()
            continue
        p = m.end()
        while p < end and text[p] in closers and (text[p] not in "\"'" or p + 1 in quote_ends):
            p += 1
        if p < end and not text[p].isspace():
            continue
        if inside(m.start()):
            continue
        if m.group() == "." and _after_abbreviation(text, start, m.start(), rules):
            continue
        out.append((cur, p))
        cur = p
    out.append((cur, end))
    limit, breaks = rules["max_sentence_chars"], rules["clause_break"]
    return [piece for a, b in out for piece in cap_ranges(text, a, b, limit, breaks)]


@stage("sentences", requires=("blocks",), assigns=("sentences",), setup=sentence_rules)
def sentences_stage(article: Article) -> Article:
    """Split headline, body and caption blocks into sentences."""
    sentences = []
    for block in article.blocks:
        if block.kind not in STORY_KINDS:
            continue
        region = block.content or block
        for a, b in split_sentences(article.text, region.start, region.end):
            sentences.append(Sentence(start=a, end=b, text=article.text[a:b], id=f"s{len(sentences)}", block=block.id))
    article.sentences = sentences
    return article
