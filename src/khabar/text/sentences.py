"""Sentence splitting that keeps quotations whole and does not split after abbreviations.

Sentences are found inside story blocks only (headline, body and the prose of captions), so a
sentence never crosses a block boundary. Rules live in `data/sentences.json`.
"""

from __future__ import annotations

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
    return rules


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


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    return any(a < pos < b - 1 for a, b in ranges)


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
        if _inside(quotes, m.start()):
            continue
        if m.group() == "." and _after_abbreviation(text, start, m.start(), rules):
            continue
        out.append((cur, p))
        cur = p
    out.append((cur, end))
    return [(a, b) for a, b in (trim(text, a, b) for a, b in out) if a < b]


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
