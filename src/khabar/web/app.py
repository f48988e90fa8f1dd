"""The FastAPI application: the JSON API under /api and the server-rendered pages.

Every error, from either, has one JSON shape `{"error": {"code", "message"}}` (pages render the
same code and message as HTML for browsers). With a token every request needs `Authorization:
Bearer TOKEN`.
"""

from __future__ import annotations

import datetime as dt
import hmac
import threading
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from khabar import __version__
from khabar.document import Article
from khabar.errors import KhabarError
from khabar.store import Store
from khabar.web.render import article_blocks, bar_chart, entity_url

MAX_ANALYZE_BYTES = 200_000
WEB = resources.files("khabar.web")
STATUS_CODES = {404: "E803", 405: "E804", 401: "E805", 413: "E806"}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _error(status: int, code: str, what: str, **params: Any) -> ApiError:
    return ApiError(status, code, KhabarError(code, what=what, **params).message)


def _found(value: Any, path: str, what: str) -> Any:
    """`value`, or a 404 (E803) when there is no such `what`."""
    if value is None:
        raise _error(404, "E803", path, detail=what)
    return value


def _date(name: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise _error(400, "E804", name, detail=f"{value!r} is not a date; use YYYY-MM-DD")


PageNumber = Query(1, ge=1, le=100_000, description="Page number, from 1.")
PerPage = Query(20, ge=1, le=100, description="Items per page (1–100).")


def create_app(db: str | Path, token: str | None = None) -> FastAPI:
    """The app over the store at `db` (opened read-only, one connection per thread)."""
    app = FastAPI(title="khabar", version=__version__, docs_url=None, redoc_url=None,
                  description="Arabic news, analysed: articles, entities, quotes, events.")
    templates = Jinja2Templates(directory=str(WEB / "templates"))
    templates.env.globals.update(entity_url=entity_url, version=__version__)
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")
    local = threading.local()
    analyzer: dict[str, Any] = {}

    def store() -> Store:
        if getattr(local, "store", None) is None:
            try:
                local.store = Store(db, readonly=True)
            except KhabarError as exc:
                raise ApiError(503, exc.code, exc.message)
        return local.store

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")

    def error_response(request: Request, status: int, code: str, message: str):
        if wants_html(request):
            return templates.TemplateResponse(request, "error.html", {"code": code, "message": message},
                                              status_code=status)
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status,
                            headers={"WWW-Authenticate": "Bearer"} if status == 401 else None)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return error_response(request, exc.status, exc.code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code = STATUS_CODES.get(exc.status_code, "E808")
        message = f"{request.url.path}: no such page" if exc.status_code == 404 else str(exc.detail)
        return error_response(request, exc.status_code, code, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        return error_response(request, 400, "E804", KhabarError("E804", what=request.url.path, detail=problems).message)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):
        return error_response(request, 500, "E808", f"internal error: {type(exc).__name__}")

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if token:
            given = request.headers.get("authorization", "")
            if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
                return error_response(request, 401, "E805", KhabarError("E805", what=request.url.path).message)
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self'"
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    # JSON API ------------------------------------------------------------------------------------

    @app.get("/api/articles", tags=["articles"])
    def api_articles(q: str | None = None, source: str | None = None, from_: str | None = Query(None, alias="from"),
                     to: str | None = None, entity: str | None = None, page: int = PageNumber, per_page: int = PerPage):
        """Search articles (`q`: words in any spelling, proclitics and aliases folded); snippets are HTML."""
        return store().search(q, source, _date("from", from_), _date("to", to), entity, page, per_page)

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def api_article(article_id: str):
        """The full analysed article (the JSON contract)."""
        return _found(store().article(article_id), f"/api/articles/{article_id}", "article")

    @app.get("/api/entities", tags=["entities"])
    def api_entities(q: str | None = None, label: str | None = None, page: int = PageNumber, per_page: int = PerPage):
        """Identities, most mentioned first; `q` matches any part of any spelling, `label` is one or more
        (PERSON,ORG) labels."""
        return store().entities(q, label, page, per_page)

    @app.get("/api/entities/{key:path}", tags=["entities"])
    def api_entity(key: str):
        """One identity: aliases, roles, mentions per day, co-occurring identities, quotes, events."""
        return _found(store().entity(key), f"/api/entities/{key}", "entity")

    @app.get("/api/quotes", tags=["quotes"])
    def api_quotes(speaker: str | None = None, q: str | None = None, page: int = PageNumber, per_page: int = PerPage):
        """Quotes, newest first; `speaker` is an entity id or name, `q` words of the quote."""
        return store().quotes(speaker, q, page, per_page)

    @app.get("/api/events", tags=["events"])
    def api_events(type: str | None = None, actor: str | None = None, from_: str | None = Query(None, alias="from"),
                   to: str | None = None, page: int = PageNumber, per_page: int = PerPage):
        """Events with their actors, place and time; `timeline` counts them per day."""
        return store().events(type, actor, _date("from", from_), _date("to", to), page, per_page)

    @app.get("/api/sources", tags=["sources"])
    def api_sources():
        """Which outlets cite which agencies and media, in how many articles."""
        return {"items": store().citations()}

    @app.post("/api/analyze", tags=["analyze"])
    async def api_analyze(request: Request):
        """Analyse a posted article without storing it: JSON `{"text", "title"?, "published"?}` or plain text."""
        size = int(request.headers.get("content-length") or 0)
        if size > MAX_ANALYZE_BYTES:
            raise _error(413, "E806", "/api/analyze", detail=size, limit=MAX_ANALYZE_BYTES)
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_ANALYZE_BYTES:
                raise _error(413, "E806", "/api/analyze", detail=f"over {len(body)}", limit=MAX_ANALYZE_BYTES)
        fields = _analyze_fields(body, request.headers.get("content-type", ""))
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(_analyze, analyzer, fields)

    # pages ---------------------------------------------------------------------------------------

    def page(request: Request, name: str, **context):
        return templates.TemplateResponse(request, name, context)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, q: str = "", source: str = "", from_: str = Query("", alias="from"), to: str = "",
             entity: str = "", page_number: int = Query(1, alias="page", ge=1)):
        s = store()
        searched = bool(q or source or from_ or to or entity)
        results = s.search(q, source or None, _date("from", from_), _date("to", to), entity or None, page_number, 20) \
            if searched else None
        return page(request, "home.html", q=q, source=source, date_from=from_, date_to=to, entity=entity,
                    results=results, sources=s.sources(), latest=s.search(per_page=10)["items"],
                    top=s.top_entities(15, label="PERSON,ORG,GPE,LOC,FAC"), stats=s.stats())

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str):
        data = _found(store().article(article_id, tokens=False), f"/articles/{article_id}", "article")
        return page(request, "article.html", a=data, blocks=article_blocks(data), facts=_facts(data))

    @app.get("/entities/{key:path}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, key: str):
        entity = _found(store().entity(key), f"/entities/{key}", "entity")
        chart = bar_chart([(d["day"], d["mentions"]) for d in entity["timeline"]], label="mentions per day")
        return page(request, "entity.html", e=entity, chart=chart)

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(request: Request, q: str = "", page_number: int = Query(1, alias="page", ge=1)):
        return page(request, "entities.html", q=q, results=store().entities(q or None, None, page_number, 50))

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, speaker: str = "", q: str = "", page_number: int = Query(1, alias="page", ge=1)):
        return page(request, "quotes.html", speaker=speaker, q=q,
                    results=store().quotes(speaker or None, q or None, page_number, 30))

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, type: str = "", actor: str = "", from_: str = Query("", alias="from"),
                    to: str = "", page_number: int = Query(1, alias="page", ge=1)):
        results = store().events(type or None, actor or None, _date("from", from_), _date("to", to), page_number, 30)
        chart = bar_chart([(d["day"], d["events"]) for d in results["timeline"]], label="events per day")
        return page(request, "events.html", type=type, actor=actor, date_from=from_, date_to=to, results=results,
                    chart=chart)

    @app.get("/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_page(request: Request):
        by_outlet: dict[str, list] = {}
        for row in store().citations():
            by_outlet.setdefault(row["outlet"] or "—", []).append(row)
        return page(request, "sources.html", outlets=by_outlet)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page(request: Request):
        return page(request, "docs.html", spec=app.openapi())

    return app


def _analyze_fields(body: bytes, content_type: str) -> dict[str, Any]:
    import json

    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise _error(400, "E804", "/api/analyze", detail="the body is not UTF-8")
    if "json" in content_type:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _error(400, "E804", "/api/analyze", detail=f"invalid JSON: {exc.msg}")
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise _error(400, "E804", "/api/analyze", detail="send a JSON object with a string 'text'")
    else:
        data = {"text": text}
    if not data["text"].strip():
        raise _error(400, "E804", "/api/analyze", detail="the text is empty")
    published = data.get("published")
    if published is not None:
        _date("published", published)
    return {k: data.get(k) for k in ("text", "title", "published", "source", "url")}


def _analyze(analyzer: dict, fields: dict[str, Any]) -> dict:
    from khabar.pipeline import Pipeline

    pipeline = analyzer.setdefault("pipeline", Pipeline())
    return pipeline(Article(**{k: v for k, v in fields.items() if v is not None})).to_dict()


def _facts(article: dict) -> dict[str, list]:
    """The fact sheet: who, where, when, what, who said what, according to whom."""
    from khabar.entities.registry import identity_key

    entities = {e["id"]: e for e in article["entities"]}
    counts: dict[str, int] = {}
    for m in article["mentions"]:
        if m.get("entity"):
            counts[m["entity"]] = counts.get(m["entity"], 0) + 1

    def named(ids, labels):
        return [{"name": entities[i]["name_ar"], "en": entities[i]["name_en"], "key": identity_key(entities[i]),
                 "label": entities[i]["label"],
                 "roles": entities[i]["roles"], "n": counts.get(i, 0)}
                for i in sorted(ids, key=lambda i: -counts.get(i, 0)) if entities[i]["label"] in labels]

    def name_of(ref, fallback=None):
        return entities[ref]["name_ar"] if ref in entities else (fallback or ref or "—")

    return {
        "who": named(entities, ("PERSON", "ORG")),
        "where": named(entities, ("GPE", "LOC", "FAC")),
        "when": [t for t in article["timexes"] if t["type"] in ("DATE", "TIME")],
        "what": [{"type": e["type"], "cameo": e.get("cameo"), "trigger": (e.get("trigger") or {}).get("text", ""),
                  "source": " و".join(name_of(i) for i in (e.get("actors") or {}).get("source", [])) or "—",
                  "target": " و".join(name_of(i) for i in (e.get("actors") or {}).get("target", [])) or "—"}
                 for e in article["events"]],
        "said": [{"speaker": name_of(q.get("speaker"), q.get("speaker_text")), "kind": q["kind"], "text": q["text"],
                  "via": [name_of(r) for r in q.get("reported_by", [])]} for q in article["quotes"]],
        "according": [{"source": name_of(c.get("source"), c.get("source_text")), "text": c["text"]}
                      for c in article["claims"]],
    }
