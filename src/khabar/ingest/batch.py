"""Batch ingestion: many paths in, articles out, every failure reported and skipped."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from khabar.document import Article
from khabar.errors import Errors, IngestError
from khabar.ingest.encoding import check_encoding
from khabar.ingest.readers import MAX_BYTES, Item, ReadOptions, read_items
from khabar.ingest.records import JsonFields

ErrorHandler = Callable[[IngestError], None]


class Failure(NamedTuple):
    origin: str
    code: str
    message: str


@dataclass
class IngestReport:
    """How many articles came out, and each file or record that did not."""

    count: int = 0
    failures: list[Failure] = field(default_factory=list)

    def add_failure(self, error: IngestError) -> None:
        self.failures.append(Failure(str(error.params.get("what", "")), error.code, error.message))


class ArticleStream(Iterator[Article]):
    """The articles of `iter_articles`, read lazily; `report` is up to date as they come.

    An article whose id an earlier one of the same stream had is reported (E318) and skipped,
    whether it repeats that article or has another text under the same id.
    """

    def __init__(self, items: Iterator[Item], on_error: ErrorHandler | None, published: str | None) -> None:
        self.report = IngestReport()
        self._items = items
        self._on_error = on_error
        self._published = published
        self._seen: dict[str, tuple[str, bytes]] = {}  # id -> (origin, digest of the text)

    def __next__(self) -> Article:
        for item in self._items:
            if isinstance(item, Article):
                item = self._first_of_its_id(item)
            if isinstance(item, IngestError):
                self.report.add_failure(item)
                if self._on_error is not None:
                    self._on_error(item)
                continue
            if self._published and not item.published:
                item.published = self._published
            self.report.count += 1
            return item
        raise StopIteration

    def _first_of_its_id(self, article: Article) -> Article | IngestError:
        digest = hashlib.blake2b(article.text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        origin = article.origin or "?"
        first = self._seen.get(article.id)
        if first is None:
            self._seen[article.id] = (origin, digest)
            return article
        same = "repeats" if first[1] == digest else "has another text under the id of"
        return IngestError(Errors.E318, what=origin, detail=f"{same} {first[0]} (id {article.id})")


def iter_articles(
    paths: Iterable[str],
    *,
    fields: JsonFields | None = None,
    max_bytes: int = MAX_BYTES,
    on_error: ErrorHandler | None = None,
    published: str | None = None,
    encoding: str | None = None,
) -> ArticleStream:
    """Articles from files, directories and "-" (stdin), in order.

    A file or record that fails is skipped: its `IngestError` goes to `report.failures` of the
    returned stream and, if given, to `on_error`. `published` fills in missing publication dates;
    `encoding` (a Python codec name) decodes every file instead of detecting each one's (E316 if
    unknown, raised at once).
    """
    if isinstance(paths, str):
        paths = [paths]
    options = ReadOptions(
        fields=fields or JsonFields(), max_bytes=max_bytes, encoding=check_encoding(encoding) if encoding else None
    )
    items = (item for path in paths for item in read_items(str(path), options))
    return ArticleStream(items, on_error, published)


def read_path(
    path: str,
    *,
    fields: JsonFields | None = None,
    max_bytes: int = MAX_BYTES,
    published: str | None = None,
    encoding: str | None = None,
) -> list[Article]:
    """All articles of one path; the first failure is raised as `IngestError`."""
    return list(
        iter_articles(
            [path], fields=fields, max_bytes=max_bytes, on_error=_raise, published=published, encoding=encoding
        )
    )


def _raise(error: IngestError) -> None:
    raise error
