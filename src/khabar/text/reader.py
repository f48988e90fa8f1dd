"""One sentence of an article as the quotes and events stages read it: its normalisation view, its
mentions, and offsets mapped between the view and the article text."""

from __future__ import annotations

from bisect import bisect_left

from khabar.document import Article, Sentence
from khabar.text.normalize import normal_view


class SentenceReader:
    """One sentence with the article's mentions, in original offsets; a per-call object."""

    def __init__(self, article: Article, sentence: Sentence) -> None:
        self.article, self.sentence = article, sentence
        self.text = article.text
        self.view = normal_view(article.text[sentence.start : sentence.end])
        self.base = sentence.start
        self.mentions = [m for m in article.mentions if sentence.start <= m.start < sentence.end]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """A span of the sentence's view as article offsets."""
        s, e = self.view.to_original(start, end)
        return self.base + s, self.base + e

    def normal_offset(self, original: int) -> int:
        """An article offset as an offset into the sentence's view."""
        return bisect_left(self.view.offsets, original - self.base)
