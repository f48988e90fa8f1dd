"""The layout stage: tell the story apart from captions, bylines, datelines and page noise.

Every line of the article becomes one block (a dateline opening a line becomes its own block,
the rest of the line another); a line longer than `limits.max_block_chars` is first cut into
pieces no longer than that, at sentence ends or spaces, and each piece is a line. Rules live in
`data/layout.toml` and `data/agencies.toml`; they are matched on the normalised view of each line
and their named groups become sub-spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from khabar.document import Article, Block, Span
from khabar.pipeline import stage
from khabar.text import NormalView, normal_view, normalize, trim
from khabar.text.sentences import break_pattern, cap_ranges
from khabar.text.tables import load_toml
from khabar.text.words import alternation

FINAL_PUNCTUATION = tuple('.!?؟:؛…»"”')


@dataclass(frozen=True)
class Rule:
    kind: str
    name: str
    pattern: regex.Pattern
    edge_only: bool = False


@dataclass(frozen=True)
class LayoutRules:
    limits: dict[str, int]
    boilerplate: tuple[Rule, ...]
    caption: tuple[Rule, ...]
    byline: tuple[Rule, ...]
    dateline: tuple[Rule, ...]
    source_split: regex.Pattern
    block_break: regex.Pattern


# One to three words of letters: the place in a dateline.
PLACE = r"[\p{L}\p{M}\u0640]+(?:\s+[\p{L}\p{M}\u0640]+){0,2}"
# One to four words of letters: a person's name in a byline.
NAME = r"[\p{L}\p{M}\u0640]+(?:\s+[\p{L}\p{M}\u0640]+){0,3}"


@lru_cache(maxsize=1)
def outlet_names() -> frozenset[str]:
    """Normalised agency and outlet names from data/agencies.toml."""
    names = _read_toml("agencies.toml")
    return frozenset(normalize(n) for key in ("dateline", "outlet") for n in names[key])


def _read_toml(name: str) -> dict:
    return load_toml("khabar", f"data/{name}")


@lru_cache(maxsize=1)
def layout_rules() -> LayoutRules:
    data = _read_toml("layout.toml")
    names = _read_toml("agencies.toml")
    name_end = r"(?![\p{L}\p{M}])"  # a digit may follow a name (واس2024)
    slots = {
        "{agency}": alternation(names["dateline"], al_after_l=False, end=name_end),
        "{outlet}": alternation(names["outlet"], al_after_l=False, end=name_end),
        "{place}": PLACE,
        "{name}": NAME,
    }

    def compile_rules(kind: str) -> tuple[Rule, ...]:
        rules = []
        for r in data[kind]:
            pattern = normalize(r["pattern"])
            for slot, value in slots.items():
                pattern = pattern.replace(slot, value)
            rules.append(Rule(kind, r["name"], regex.compile(pattern, regex.IGNORECASE), r.get("edge_only", False)))
        return tuple(rules)

    return LayoutRules(
        limits=data["limits"],
        boilerplate=compile_rules("boilerplate"),
        caption=compile_rules("caption"),
        byline=compile_rules("byline"),
        dateline=compile_rules("dateline"),
        source_split=regex.compile(data["sources"]["split"]),
        block_break=break_pattern(data["breaks"]["block_break_marks"]),
    )


class _Line:
    """One trimmed line of the article with its normalised view."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.start, self.end = start, end
        self.view: NormalView = normal_view(text[start:end])
        self.norm = self.view.norm

    def span(self, article: Article, a: int, b: int) -> Span:
        """Span over `norm[a:b]` of this line, as offsets into the article text."""
        s, e = self.view.to_original(a, b)
        return article.span(self.start + s, self.start + e)

    def group(self, article: Article, m: regex.Match, name: str) -> Span | None:
        if m.groupdict().get(name) is None:
            return None
        a, b = trim(self.norm, *m.span(name))
        return self.span(article, a, b) if a < b else None


def _lines(text: str, rules: LayoutRules) -> list[tuple[int, int]]:
    """Non-empty lines as trimmed (start, end) offsets, a line over the block cap cut in pieces."""
    out = []
    pos = 0
    limit = rules.limits["max_block_chars"]
    for raw in text.split("\n"):
        a, b = trim(text, pos, pos + len(raw))
        pos += len(raw) + 1
        if b - a > limit:
            out.extend(cap_ranges(text, a, b, limit, rules.block_break))
        elif a < b:
            out.append((a, b))
    return out


def split_sources(article: Article, line: _Line, m: regex.Match, rules: LayoutRules) -> list[Span]:
    """The cited sources in a byline, split on commas and the conjunction و."""
    a, b = m.span("sources")
    spans = []
    cursor = a
    for sep in list(rules.source_split.finditer(line.norm, a, b)) + [None]:
        s, e = trim(line.norm, cursor, sep.start() if sep else b, extra='()«»."{}')
        cursor = sep.end() if sep else b
        if s < e:
            spans.append(line.span(article, s, e))
    return spans


def _match_first(rules: tuple[Rule, ...], norm: str, *, edge: bool = False):
    """The first rule that matches; `edge_only` rules apply to the first and last lines alone."""
    for rule in rules:
        if rule.edge_only and not edge:
            continue
        m = rule.pattern.search(norm)
        if m:
            return rule, m
    return None, None


def classify_line(
    article: Article, line: _Line, rules: LayoutRules, *, first: bool, edge: bool, title: str
) -> list[Block]:
    """The block (or dateline + body blocks) for one line."""
    limits = rules.limits
    n = len(line.norm)
    text = article.text
    base = dict(start=line.start, end=line.end, text=text[line.start : line.end])

    if n <= limits["boilerplate_max_chars"]:
        rule, m = _match_first(rules.boilerplate, line.norm)
        if rule:
            return [Block(kind="boilerplate", rule=rule.name, **base)]

    if n <= limits["byline_max_chars"]:
        rule, m = _match_first(rules.byline, line.norm, edge=edge)
        if rule:
            block = Block(
                kind="byline",
                rule=rule.name,
                author=line.group(article, m, "author"),
                place=line.group(article, m, "place"),
                credit=line.group(article, m, "credit"),
                **base,
            )
            if m.groupdict().get("sources") is not None:
                block.sources = split_sources(article, line, m, rules)
            return [block]

    if n <= limits["caption_max_chars"]:
        rule, m = _match_first(rules.caption, line.norm)
        if rule and m.start("clause") > 0:
            content_end = m.start("clause")
            content = line.span(article, 0, len(line.norm[:content_end].rstrip()))
            return [
                Block(
                    kind="caption",
                    rule=rule.name,
                    credit=line.group(article, m, "credit"),
                    content=content if content.text else None,
                    **base,
                )
            ]

    rule, m = _match_first(rules.dateline, line.norm[: limits["dateline_max_chars"] + 40])
    if rule and m.end("clause") <= limits["dateline_max_chars"] and (m.end() < n or n <= limits["dateline_max_chars"]):
        clause = line.span(article, *m.span("clause"))
        dateline = Block(
            kind="dateline",
            rule=rule.name,
            start=clause.start,
            end=clause.end,
            text=clause.text,
            place=line.group(article, m, "place"),
            agency=line.group(article, m, "agency"),
            date=line.group(article, m, "date"),
            author=line.group(article, m, "author"),
        )
        if clause.end >= line.end:
            return [dateline]
        rest = line.span(article, trim(line.norm, m.end(), n)[0], n)
        return [dateline, Block(kind="body", rule="after_dateline", start=rest.start, end=rest.end, text=rest.text)]

    if first and _is_headline(line, limits, title):
        return [Block(kind="headline", rule="first_line", **base)]
    return [Block(kind="body", rule="default", **base)]


def _is_headline(line: _Line, limits: dict, title: str) -> bool:
    if title:
        return line.norm.strip() == title
    words = line.norm.split()
    return (
        len(words) <= limits["headline_max_words"]
        and len(line.norm) <= limits["headline_max_chars"]
        and not line.norm.rstrip().endswith(FINAL_PUNCTUATION)
    )


@stage("layout", assigns=("blocks",), setup=layout_rules)
def layout_stage(article: Article) -> Article:
    """Classify every line as headline, body, caption, byline, dateline or boilerplate."""
    rules = layout_rules()
    lines = _lines(article.text, rules)
    title = normalize(article.title).strip() if article.title else ""
    blocks: list[Block] = []
    for i, (a, b) in enumerate(lines):
        first = i == 0 and len(lines) > 1
        edge = i < 2 or i >= len(lines) - 2
        blocks.extend(classify_line(article, _Line(article.text, a, b), rules, first=first, edge=edge, title=title))
    for i, block in enumerate(blocks):
        block.id = f"b{i}"
    article.blocks = blocks
    credits = [b.credit.text for b in blocks if b.credit]
    sources = [s.text for b in blocks if b.kind == "byline" for s in b.sources]
    sources += [b.agency.text for b in blocks if b.kind == "dateline" and b.agency]
    article.photo_credits = list(dict.fromkeys(credits))
    article.cited_sources = list(dict.fromkeys(sources))
    return article
