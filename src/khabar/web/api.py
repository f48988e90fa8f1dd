"""The JSON API under /api: lists, single records, and `POST /api/analyze`."""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from khabar.document import Article
from khabar.errors import Errors
from khabar.web.errors import api_error, found

MAX_ANALYZE_BYTES = 200_000
ANALYZE_FIELDS = ("text", "title", "published", "source", "url")
MAX_PAGE = 100_000

PageNumber = Query(1, ge=1, le=MAX_PAGE, description="Page number, from 1.")
PerPage = Query(20, ge=1, le=100, description="Items per page (1–100).")

router = APIRouter(prefix="/api")


def iso_date(name: str, value: str | None) -> str | None:
    """`value` as YYYY-MM-DD (None when empty), or a 400 (E804)."""
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise api_error(400, Errors.E804, name, detail=f"{value!r} is not a date; use YYYY-MM-DD") from None


@router.get("/articles", tags=["articles"])
def api_articles(
    request: Request,
    q: str | None = None,
    source: str | None = None,
    from_: str | None = Query(None, alias="from"),
    to: str | None = None,
    entity: str | None = None,
    page: int = PageNumber,
    per_page: int = PerPage,
):
    """Search articles (`q`: words in any spelling, proclitics and aliases folded); snippets are HTML."""
    store = request.app.state.store()
    return store.search(q, source, iso_date("from", from_), iso_date("to", to), entity, page, per_page)


@router.get("/articles/{article_id}", tags=["articles"])
def api_article(request: Request, article_id: str):
    """The full analysed article (the JSON contract), with `story`: its story (id, label, sizes, the copy it
    most resembles and that copy's share of its word triples, the story's other articles)."""
    store = request.app.state.store()
    article = found(store.article(article_id), f"/api/articles/{article_id}", "article")
    article["story"] = store.article_story(article_id)
    return article


@router.get("/entities", tags=["entities"])
def api_entities(
    request: Request, q: str | None = None, label: str | None = None, page: int = PageNumber, per_page: int = PerPage
):
    """Identities, most mentioned first; `q` matches any part of any spelling, `label` is one or more
    (PERSON,ORG) labels."""
    return request.app.state.store().entities(q, label, page, per_page)


@router.get("/entities/{key:path}", tags=["entities"])
def api_entity(request: Request, key: str):
    """One identity: aliases, roles, mentions per day, co-occurring identities, quotes, events."""
    return found(request.app.state.store().entity(key), f"/api/entities/{key}", "entity")


@router.get("/quotes", tags=["quotes"])
def api_quotes(
    request: Request, speaker: str | None = None, q: str | None = None, page: int = PageNumber, per_page: int = PerPage
):
    """Quotes, newest first; `speaker` is an entity id or name, `q` words of the quote."""
    return request.app.state.store().quotes(speaker, q, page, per_page)


@router.get("/events", tags=["events"])
def api_events(
    request: Request,
    type: str | None = None,
    actor: str | None = None,
    from_: str | None = Query(None, alias="from"),
    to: str | None = None,
    page: int = PageNumber,
    per_page: int = PerPage,
):
    """Events with their actors, place and time; `timeline` counts them per day."""
    store = request.app.state.store()
    return store.events(type, actor, iso_date("from", from_), iso_date("to", to), page, per_page)


@router.get("/stories", tags=["stories"])
def api_stories(
    request: Request,
    q: str | None = Query(None, description="Only stories with an article matching these words."),
    source: str | None = Query(None, description="Only stories this outlet carried."),
    from_: str | None = Query(None, alias="from", description="Reported on or after this day (YYYY-MM-DD)."),
    to: str | None = Query(None, description="Reported on or before this day (YYYY-MM-DD)."),
    min_articles: int = Query(1, ge=1, description="Only stories with at least this many articles."),
    sort: Literal["size", "recent"] = Query("size", description="size: most outlets first; recent: newest first."),
    page: int = PageNumber,
    per_page: int = PerPage,
):
    """Stories: the same news across outlets and days, grouped; each with its label (the most central
    headline), first report, span of days, outlets with counts, and its quotes, events and mentions counted."""
    store = request.app.state.store()
    return store.stories(
        q=q,
        source=source,
        date_from=iso_date("from", from_),
        date_to=iso_date("to", to),
        min_articles=min_articles,
        sort=sort,
        page=page,
        per_page=per_page,
    )


@router.get("/stories/{story_id}", tags=["stories"])
def api_story(request: Request, story_id: str):
    """One story: its articles (each with the copy it most resembles), outlets, coverage per day, most
    mentioned identities, and its quotes and events merged across articles (`reported_by`, `count`)."""
    return found(request.app.state.store().story(story_id), f"/api/stories/{story_id}", "story")


@router.get("/sources", tags=["sources"])
def api_sources(request: Request):
    """Which outlets cite which agencies and media, in how many articles."""
    return {"items": request.app.state.store().citations()}


@router.post("/analyze", tags=["analyze"])
async def api_analyze(request: Request):
    """Analyse a posted article without storing it: JSON `{"text", "title"?, "published"?, "source"?, "url"?}`
    (strings; `published` as YYYY-MM-DD) or plain text. Bodies over 200 kB are refused (413)."""
    size = request.headers.get("content-length") or "0"
    if not size.isdigit() or int(size) > MAX_ANALYZE_BYTES:
        raise api_error(413, Errors.E806, "/api/analyze", detail=size[:20], limit=MAX_ANALYZE_BYTES)
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_ANALYZE_BYTES:
            raise api_error(413, Errors.E806, "/api/analyze", detail=f"over {len(body)}", limit=MAX_ANALYZE_BYTES)
    article = analyze_request(body, request.headers.get("content-type", ""))
    pipeline = request.app.state.pipeline()
    return await run_in_threadpool(lambda: pipeline(article).to_dict())


def _refuse(detail: str):
    return api_error(400, Errors.E810, "/api/analyze", detail=detail)


def _no_constants(name: str):
    raise _refuse(f"{name} is not JSON")


def analyze_request(body: bytes, content_type: str) -> Article:
    """The article a `POST /api/analyze` body describes, every field checked (400, E810, otherwise)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise _refuse("the body is not UTF-8") from None
    if "json" in content_type:
        try:
            data = json.loads(text, parse_constant=_no_constants)
        except json.JSONDecodeError as exc:
            raise _refuse(f"invalid JSON: {exc.msg} at character {exc.pos}") from None
        except RecursionError:
            raise _refuse("the JSON is nested too deeply") from None
        if not isinstance(data, dict):
            raise _refuse(f"the JSON is a {type(data).__name__}, not an object")
    else:
        data = {"text": text}
    unknown = sorted(set(data) - set(ANALYZE_FIELDS))
    if unknown:
        raise _refuse(f"unknown field {unknown[0]!r}; the fields are {', '.join(ANALYZE_FIELDS)}")
    for name, value in data.items():
        if value is not None and not isinstance(value, str):
            raise _refuse(f"{name!r} must be a string, not {type(value).__name__}")
        if value is not None and not _encodable(value):
            raise _refuse(f"{name!r} holds a lone surrogate (\\ud800–\\udfff), which is not text")
    if not isinstance(data.get("text"), str) or not data["text"].strip():
        raise _refuse("'text' is missing or empty")
    if data.get("published"):
        try:
            data["published"] = dt.date.fromisoformat(data["published"]).isoformat()
        except ValueError:
            raise _refuse(f"'published' is {data['published']!r}, not a date; use YYYY-MM-DD") from None
    return Article(**{k: v for k, v in data.items() if v})


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
