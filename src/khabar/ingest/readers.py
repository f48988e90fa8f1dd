"""Readers for files, directories, zip archives and stdin.

Each reader is a generator of items: an `Article`, or the `IngestError` of a file or record that
cannot become one. Errors are yielded as values, not raised, so that the rest of a batch goes on.
Origins: `path` for one document, `path#index` for the records of a JSON array or the lines of
JSON Lines (0-based), `archive.zip:member` and `archive.zip:member#index` inside a zip.

Nothing is read whole without a bound: a text or HTML document may be `max_bytes` long, a JSON
document or one line of JSON Lines `JSON_OVERHEAD` times that (escapes such as \\u0627 take six
bytes for a letter's two); JSON Lines are streamed line by line, from files and zip members alike,
and a zip member is read only up to its limit, whatever size the archive declares for it. An
article needs `MIN_ARABIC_LETTERS` Arabic letters.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from khabar.document import Article
from khabar.errors import Errors, IngestError
from khabar.ingest.encoding import decode_bytes, reject_binary
from khabar.ingest.html import read_html
from khabar.ingest.records import JsonFields, json_records, looks_like_json_lines, parse_json, record_to_article
from khabar.text.tokens import ARABIC_LETTER as ARABIC_LETTERS

Item = Article | IngestError

MAX_BYTES = 20 * 1024 * 1024
STDIN = "-"
STDIN_ORIGIN = "<stdin>"
TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
RECORD_SUFFIXES = JSONL_SUFFIXES | {".json"}
MEMBER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
KNOWN_SUFFIXES = MEMBER_SUFFIXES | {".zip"}
ZIP_MAGIC = b"PK\x03\x04"
JSON_OVERHEAD = 3
SNIFFED_BYTES = 8192
SKIP_CHUNK = 1 << 20
# Fewer letters than a short headline is no article: a stray byte, a file of NBSP or RLM marks, a
# lone word. The shortest real news items (a one-line brief) have several times more.
MIN_ARABIC_LETTERS = 20
ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
MARKUP_START = re.compile(
    r"\s*<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|section|h[1-6]|span"
    r"|table|ul|br)[\s>/]",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ReadOptions:
    fields: JsonFields = field(default_factory=JsonFields)
    max_bytes: int = MAX_BYTES  # per text or HTML document, and per record text
    encoding: str | None = None  # None: detected per file

    @property
    def max_json_bytes(self) -> int:
        """Largest JSON document, or line of JSON Lines."""
        return self.max_bytes * JSON_OVERHEAD


def read_items(path: str, options: ReadOptions) -> Iterator[Item]:
    """Items from a file, a directory (recursively) or "-" for stdin."""
    if path == STDIN:
        yield from _guarded(_stdin_items(options), STDIN_ORIGIN)
    elif not Path(path).exists():
        yield IngestError(Errors.E301, what=path)
    elif Path(path).is_dir():
        yield from _guarded(_directory_items(Path(path), options), path)
    else:
        yield from _guarded(_file_items(Path(path), options), path)


def _guarded(items: Iterator[Item], what: str) -> Iterator[Item]:
    """The items, with the error that ends them, if any, yielded as the last one; a failure this
    module did not foresee becomes E317 for `what`, so that the rest of a batch goes on."""
    try:
        yield from items
    except IngestError as error:
        yield error
    except (RecursionError, MemoryError, ValueError, LookupError, TypeError, zipfile.BadZipFile, OSError) as exc:
        yield IngestError(Errors.E317, what=what, detail=f"{type(exc).__name__}: {exc}")


def _directory_items(directory: Path, options: ReadOptions) -> Iterator[Item]:
    """Files with a known extension, sorted, recursively; hidden entries and symlinked
    directories (which could loop) are skipped."""
    try:
        entries = sorted(directory.iterdir())
    except OSError as exc:
        raise IngestError(Errors.E311, what=str(directory), detail=exc.strerror or exc) from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                yield from _guarded(_directory_items(entry, options), str(entry))
        elif entry.suffix.lower() in KNOWN_SUFFIXES:
            yield from _guarded(_file_items(entry, options), str(entry))


def _file_items(path: Path, options: ReadOptions) -> Iterator[Item]:
    what = str(path)
    suffix = path.suffix.lower()
    if suffix == ".zip":
        _check_size(path, limit=None)
        yield from _zip_items(path, what, options)
    elif suffix in JSONL_SUFFIXES:
        _check_size(path, limit=None)
        try:
            with path.open("rb") as lines:
                yield from _jsonl_items(lines, what, options)
        except OSError as exc:
            raise IngestError(Errors.E311, what=what, detail=exc.strerror or exc) from None
    elif suffix == ".json":
        yield from _json_items(_read(path, options.max_json_bytes, code=Errors.E315), what, options)
    else:
        data = _read(path, options.max_bytes)
        yield _document(data, what, options, html=True if suffix in HTML_SUFFIXES else None)


def _check_size(path: Path, limit: int | None, code: str = Errors.E305) -> None:
    """E311 unless a regular file, E302 if empty, `code` (E305 or E315) if over `limit` bytes."""
    try:
        if not path.is_file():
            raise IngestError(Errors.E311, what=str(path), detail="not a regular file")
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(Errors.E311, what=str(path), detail=exc.strerror or exc) from None
    if size == 0:
        raise IngestError(Errors.E302, what=str(path))
    if limit is not None and size > limit:
        raise IngestError(code, what=str(path), detail=size, limit=limit)


def _read(path: Path, limit: int, code: str = Errors.E305) -> bytes:
    """The file's bytes, never more than `limit + 1` of them read (a file may grow after its stat)."""
    _check_size(path, limit, code)
    try:
        with path.open("rb") as stream:
            return _read_bounded(stream, str(path), limit, code)
    except OSError as exc:
        raise IngestError(Errors.E311, what=str(path), detail=exc.strerror or exc) from None


def _read_bounded(stream: BinaryIO, what: str, limit: int, code: str) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise IngestError(code, what=what, detail=f"more than {limit}", limit=limit)
    return data


def _document(data: bytes, what: str, options: ReadOptions, html: bool | None) -> Article:
    """One text or HTML document; `html=None` sniffs the content for markup at its start."""
    text, encoding = decode_bytes(data, what, options.encoding)
    if html or (html is None and MARKUP_START.match(text[:200])):
        article = read_html(text, what)
    else:
        article = Article(text=text, meta={"format": "text"})
    article.origin = what
    article.meta["encoding"] = encoding
    return _checked(article, what)


def _checked(article: Article, what: str) -> Article:
    """The article, or E314 when its text has fewer than `MIN_ARABIC_LETTERS` Arabic letters."""
    letters = sum(1 for _ in islice(ARABIC_LETTER.finditer(article.text), MIN_ARABIC_LETTERS))
    if letters < MIN_ARABIC_LETTERS:
        raise IngestError(Errors.E314, what=what, detail=letters, limit=MIN_ARABIC_LETTERS)
    return article


def _json_items(data: bytes, what: str, options: ReadOptions) -> Iterator[Item]:
    """A JSON document, or JSON Lines when its first line is a whole JSON value and more follow."""
    text, encoding = decode_bytes(data, what, options.encoding)
    if looks_like_json_lines(text):
        del text
        yield from _jsonl_items(io.BytesIO(data), what, options)
        return
    for origin, record in json_records(text, what):
        yield _record_item(record, origin, options, format_name="json", encoding=encoding)


def _jsonl_items(stream: BinaryIO, what: str, options: ReadOptions) -> Iterator[Item]:
    """One record per line, read and decoded line by line so that a corpus streams; blank lines
    are skipped, a line over the limit is reported (E305) without being kept, and a file that
    starts like a binary one is reported once (E303)."""
    head = stream.peek(SNIFFED_BYTES)[:SNIFFED_BYTES] if hasattr(stream, "peek") else b""
    reject_binary(head, what, nul_allowed=options.encoding is not None)
    blank = True
    for index, line in enumerate(_bounded_lines(stream, options.max_json_bytes)):
        origin = f"{what}#{index}"
        if isinstance(line, int):
            blank = False
            yield IngestError(Errors.E305, what=origin, detail=line, limit=options.max_json_bytes)
            continue
        if not line.strip():
            continue
        blank = False
        try:
            text, encoding = decode_bytes(line, origin, options.encoding)
            record = parse_json(text, origin)
        except IngestError as error:
            yield error
            continue
        yield _record_item(record, origin, options, format_name="jsonl", encoding=encoding)
    if blank:
        raise IngestError(Errors.E310, what=what)


def _bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | int]:
    """The lines of `stream`; a line longer than `limit` bytes is skipped and yielded as its length."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):
            line = stream.readline(SKIP_CHUNK)
            size += len(line)
        yield size - line.endswith(b"\n")


def _record_item(record: object, origin: str, options: ReadOptions, *, format_name: str, encoding: str) -> Item:
    try:
        article = _checked(record_to_article(record, origin, options.fields, options.max_bytes), origin)
    except IngestError as error:
        return error
    article.meta.setdefault("format", format_name)
    article.meta.setdefault("encoding", encoding)
    return article


def _zip_items(source: Path | BinaryIO, what: str, options: ReadOptions) -> Iterator[Item]:
    """Members with a known extension (nested zips aside), each read like a file of that kind."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise IngestError(Errors.E309, what=what, detail=exc) from None
    with archive:
        for info in archive.infolist():
            member = PurePosixPath(info.filename)
            hidden = any(part.startswith(".") or part == "__MACOSX" for part in member.parts)
            if info.is_dir() or hidden or member.suffix.lower() not in MEMBER_SUFFIXES:
                continue
            member_what = f"{what}:{info.filename}"
            yield from _guarded(_member_items(archive, info, member_what, options), member_what)


def _member_items(archive: zipfile.ZipFile, info: zipfile.ZipInfo, what: str, options: ReadOptions) -> Iterator[Item]:
    """One member, checked against its limit by its declared size and again while it is read."""
    suffix = PurePosixPath(info.filename).suffix.lower()
    limit, code = (
        (options.max_json_bytes, Errors.E315) if suffix in RECORD_SUFFIXES else (options.max_bytes, Errors.E305)
    )
    if suffix not in JSONL_SUFFIXES and info.file_size > limit:
        raise IngestError(code, what=what, detail=info.file_size, limit=limit)
    if info.file_size == 0:
        raise IngestError(Errors.E302, what=what)
    try:
        with archive.open(info) as stream:
            if suffix in JSONL_SUFFIXES:
                yield from _jsonl_items(stream, what, options)
                return
            data = _read_bounded(stream, what, limit, code)
    except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError, EOFError) as exc:
        raise IngestError(Errors.E309, what=what, detail=exc) from None
    if not data:
        raise IngestError(Errors.E302, what=what)
    if suffix == ".json":
        yield from _json_items(data, what, options)
    else:
        yield _document(data, what, options, html=True if suffix in HTML_SUFFIXES else None)


def _stdin_items(options: ReadOptions) -> Iterator[Item]:
    """Standard input, sniffed: a zip archive, JSON or JSON Lines, HTML, or else plain text."""
    data = _read_bounded(sys.stdin.buffer, STDIN_ORIGIN, options.max_json_bytes, Errors.E305)
    if data.startswith(ZIP_MAGIC):
        yield from _zip_items(io.BytesIO(data), STDIN_ORIGIN, options)
        return
    text, _ = decode_bytes(data, STDIN_ORIGIN, options.encoding)
    if text.lstrip().startswith(("{", "[")):
        del text
        yield from _json_items(data, STDIN_ORIGIN, options)
        return
    if len(data) > options.max_bytes:
        raise IngestError(Errors.E305, what=STDIN_ORIGIN, detail=len(data), limit=options.max_bytes)
    yield _document(data, STDIN_ORIGIN, options, html=None)
