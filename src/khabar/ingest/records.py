"""JSON records to articles, with configurable field names."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import Any

from khabar.document import Article
from khabar.errors import Errors, IngestError, KhabarError
from khabar.ingest.dates import iso_date

RECORD_LISTS = ("articles", "data", "items")
JSON_KINDS = {dict: "an object", list: "an array", str: "a string", type(None): "null"}


@dataclass
class JsonFields:
    """Field names tried in order for each article attribute; a single string is accepted too."""

    text: tuple[str, ...] = ("text", "content", "body", "article")
    title: tuple[str, ...] = ("title", "headline")
    url: tuple[str, ...] = ("url", "link")
    source: tuple[str, ...] = ("source", "outlet", "site")
    author: tuple[str, ...] = ("author", "byline")
    published: tuple[str, ...] = ("published", "date", "date_published", "published_at", "date_extracted")

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            setattr(self, f.name, (value,) if isinstance(value, str) else tuple(value))


def json_records(text: str, what: str) -> Iterator[tuple[str, Any]]:
    """(origin, record) for a JSON object, an array of objects, or an object listing them
    under "articles", "data" or "items". Origins are `what#index`, or `what` for a lone object."""
    data = parse_json(text, what)
    if isinstance(data, dict):
        listed = next((data[key] for key in RECORD_LISTS if isinstance(data.get(key), list)), None)
        if listed is None:
            yield what, data
            return
        data = listed
    if not isinstance(data, list):
        raise IngestError(Errors.E306, what=what, detail=f"expected an object or an array, got {_kind(data)}")
    for index, record in enumerate(data):
        yield f"{what}#{index}", record


def looks_like_json_lines(text: str) -> bool:
    """True when the first line is a whole JSON value and more lines follow."""
    first, _, rest = text.lstrip().partition("\n")
    if not rest.strip():
        return False
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        return False
    return True


def parse_json(text: str, what: str) -> Any:
    """The JSON value of `text`: E306 when it is not JSON, E313 when nested deeper than Python's
    recursion limit (about 1,000 levels) lets the parser go."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(Errors.E306, what=what, detail=f"line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise IngestError(Errors.E313, what=what, detail="more levels than the parser can follow") from None
    except ValueError as exc:  # an integer with more digits than Python converts
        raise IngestError(Errors.E306, what=what, detail=str(exc)) from None


def record_to_article(record: Any, origin: str, fields: JsonFields, max_bytes: int) -> Article:
    """One record as an `Article`; a khabar article JSON (with "schema_version") is loaded as is.

    The text is taken from the first text field holding a string, as it is (only line ends are
    normalised); E307 when there is none, E312 when it is blank.
    """
    if not isinstance(record, dict):
        raise IngestError(Errors.E306, what=origin, detail=f"expected an object, got {_kind(record)}")
    if "schema_version" in record and "text" in record:
        return _load_khabar_article(record, origin)
    name = next((name for name in fields.text if isinstance(record.get(name), str)), None)
    if name is None:
        raise IngestError(Errors.E307, what=origin, detail=", ".join(map(repr, fields.text)))
    text = record[name]
    if not text.strip():
        raise IngestError(Errors.E312, what=origin, detail=repr(name))
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise IngestError(Errors.E305, what=origin, detail=size, limit=max_bytes)
    published = _first_value(record, fields.published)
    return Article(
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        title=_first_value(record, fields.title),
        url=_first_value(record, fields.url),
        source=_first_value(record, fields.source),
        author=_first_value(record, fields.author),
        published=iso_date(published) or published,
        origin=origin,
    )


def _load_khabar_article(record: dict[str, Any], origin: str) -> Article:
    try:
        article = Article.from_dict(record)
    except KhabarError as exc:
        raise IngestError(exc.code, what=origin, detail=exc.params.get("detail", "")) from None
    if article.origin is None:
        article.origin = origin
    article.meta.setdefault("format", "khabar")
    return article


def _first_value(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    """The first non-blank string (or list of strings, joined with "، ") among `names`."""
    for name in names:
        value = record.get(name)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = "، ".join(v.strip() for v in value if v.strip())
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _kind(value: Any) -> str:
    return JSON_KINDS.get(type(value), type(value).__name__)
