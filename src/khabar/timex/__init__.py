"""Temporal expressions: dates, times, durations and sets, normalised TIMEX3-style.

`tag(text, anchor)` finds them in a piece of text; the `timex` stage does it for an article,
choosing the anchor from its metadata, dateline or own full dates. Word tables live in
`data/lexicon.toml`; conventions are spelled out in tests/timex/CONVENTIONS.md.
"""

from __future__ import annotations

from khabar.document import Article, Timex


def tag(text: str, anchor: str | None = None) -> list[Timex]:
    """Timexes of `text`, resolved against `anchor` (`YYYY-MM-DD`, the publication date) if given."""
    from khabar.timex.stage import timex_stage

    return timex_stage(Article(text=text, published=anchor)).timexes


__all__ = ["tag"]
