"""Readers for files, directories, zip archives and stdin.

Each reader is a generator of items: an `Article`, or the `IngestError` of a file or record that
cannot become one. Errors are yielded as values, not raised, so that the rest of a batch goes on.
Origins: `path` for one document, `path#index` for the records of a JSON array or the lines of
JSON Lines (0-based), `archive.zip:member` and `archive.zip:member#index` inside a zip.
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from khabar.document import Article
from khabar.errors import IngestError
from khabar.ingest.encoding import decode_bytes
from khabar.ingest.html import read_html
from khabar.ingest.records import JsonFields, json_records, looks_like_json_lines, parse_json, record_to_article

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


@dataclass(frozen=True)
class ReadOptions:
    fields: JsonFields = field(default_factory=JsonFields)
    max_bytes: int = MAX_BYTES  # per text or HTML document, and per record text


def read_items(path: str, options: ReadOptions) -> Iterator[Item]:
    """Items from a file, a directory (recursively) or "-" for stdin."""
    if path == STDIN:
        yield from _guarded(_stdin_items(options))
    elif not Path(path).exists():
        yield IngestError("E301", what=path)
    elif Path(path).is_dir():
        yield from _guarded(_directory_items(Path(path), options))
    else:
        yield from _guarded(_file_items(Path(path), options))


def _guarded(items: Iterator[Item]) -> Iterator[Item]:
    """The items, with the error that ends them, if any, yielded as the last one."""
    try:
        yield from items
    except IngestError as error:
        yield error


def _directory_items(directory: Path, options: ReadOptions) -> Iterator[Item]:
    """Files with a known extension, sorted, recursively; hidden entries and symlinked
    directories (which could loop) are skipped."""
    try:
        entries = sorted(directory.iterdir())
    except OSError as exc:
        raise IngestError("E311", what=str(directory), detail=exc.strerror or exc) from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                yield from _guarded(_directory_items(entry, options))
        elif entry.suffix.lower() in KNOWN_SUFFIXES:
            yield from _guarded(_file_items(entry, options))


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
            raise IngestError("E311", what=what, detail=exc.strerror or exc) from None
    elif suffix == ".json":
        yield from _json_items(_read(path, limit=None), what, options)
    else:
        data = _read(path, limit=options.max_bytes)
        yield _document(data, what, html=True if suffix in HTML_SUFFIXES else None)


def _check_size(path: Path, limit: int | None) -> None:
    """E311 unless a regular file, E302 if empty, E305 if over `limit` bytes."""
    try:
        if not path.is_file():
            raise IngestError("E311", what=str(path), detail="not a regular file")
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError("E311", what=str(path), detail=exc.strerror or exc) from None
    if size == 0:
        raise IngestError("E302", what=str(path))
    if limit is not None and size > limit:
        raise IngestError("E305", what=str(path), detail=size, limit=limit)


def _read(path: Path, limit: int | None) -> bytes:
    _check_size(path, limit)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError("E311", what=str(path), detail=exc.strerror or exc) from None


def _document(data: bytes, what: str, html: bool | None) -> Article:
    """One text or HTML document; `html=None` sniffs the content for an HTML start."""
    text, encoding = decode_bytes(data, what)
    if html or (html is None and _looks_like_html(text)):
        article = read_html(text, what)
    else:
        article = Article(text=text, meta={"format": "text"})
    article.origin = what
    article.meta["encoding"] = encoding
    return article


def _looks_like_html(text: str) -> bool:
    return text.lstrip()[:14].lower().startswith(("<!doctype html", "<html"))


def _json_items(data: bytes, what: str, options: ReadOptions) -> Iterator[Item]:
    """A JSON document, or JSON Lines when its first line is a whole JSON value and more follow."""
    text, encoding = decode_bytes(data, what)
    if looks_like_json_lines(text):
        yield from _jsonl_items(io.BytesIO(data), what, options)
        return
    for origin, record in json_records(text, what):
        yield _record_item(record, origin, options, format_name="json", encoding=encoding)


def _jsonl_items(lines: BinaryIO, what: str, options: ReadOptions) -> Iterator[Item]:
    """One record per line, decoded line by line so that a corpus streams; blank lines are skipped."""
    blank = True
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        blank = False
        origin = f"{what}#{index}"
        try:
            text, encoding = decode_bytes(line, origin)
            record = parse_json(text, origin)
        except IngestError as error:
            yield error
            continue
        yield _record_item(record, origin, options, format_name="jsonl", encoding=encoding)
    if blank:
        raise IngestError("E310", what=what)


def _record_item(record: object, origin: str, options: ReadOptions, *, format_name: str, encoding: str) -> Item:
    try:
        article = record_to_article(record, origin, options.fields, options.max_bytes)
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
        raise IngestError("E309", what=what, detail=exc) from None
    with archive:
        for info in archive.infolist():
            member = PurePosixPath(info.filename)
            hidden = any(part.startswith(".") or part == "__MACOSX" for part in member.parts)
            if info.is_dir() or hidden or member.suffix.lower() not in MEMBER_SUFFIXES:
                continue
            yield from _guarded(_member_items(archive, info, f"{what}:{info.filename}", options))


def _member_items(archive: zipfile.ZipFile, info: zipfile.ZipInfo, what: str, options: ReadOptions) -> Iterator[Item]:
    suffix = PurePosixPath(info.filename).suffix.lower()
    if suffix not in RECORD_SUFFIXES and info.file_size > options.max_bytes:
        raise IngestError("E305", what=what, detail=info.file_size, limit=options.max_bytes)
    try:
        data = archive.read(info)
    except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError) as exc:
        raise IngestError("E309", what=what, detail=exc) from None
    if not data:
        raise IngestError("E302", what=what)
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_items(io.BytesIO(data), what, options)
    elif suffix == ".json":
        yield from _json_items(data, what, options)
    else:
        yield _document(data, what, html=True if suffix in HTML_SUFFIXES else None)


def _stdin_items(options: ReadOptions) -> Iterator[Item]:
    """Standard input, sniffed: a zip archive, JSON or JSON Lines, HTML, or else plain text."""
    data = sys.stdin.buffer.read()
    if data.startswith(ZIP_MAGIC):
        yield from _zip_items(io.BytesIO(data), STDIN_ORIGIN, options)
        return
    text, _ = decode_bytes(data, STDIN_ORIGIN)
    if text.lstrip().startswith(("{", "[")):
        yield from _json_items(data, STDIN_ORIGIN, options)
        return
    if len(data) > options.max_bytes:
        raise IngestError("E305", what=STDIN_ORIGIN, detail=len(data), limit=options.max_bytes)
    yield _document(data, STDIN_ORIGIN, html=None)
