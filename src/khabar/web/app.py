"""The FastAPI application: the JSON API under /api (`khabar.web.api`) and the server-rendered pages
(`khabar.web.pages`).

Every error, from either, has one JSON shape `{"error": {"code", "message"}}` (pages render the
same code and message as HTML for browsers), and every response carries the security headers
(`khabar.web.errors`). With a token every request needs `Authorization: Bearer TOKEN`.
"""

from __future__ import annotations

import hmac
import threading
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from khabar import __version__
from khabar.errors import Errors, KhabarError
from khabar.pipeline import Pipeline
from khabar.store import Store
from khabar.web import api, pages
from khabar.web.api import MAX_ANALYZE_BYTES
from khabar.web.errors import ApiError, error_response, install_error_handlers, secure
from khabar.web.render import entity_url, web_link

WEB = resources.files("khabar.web")

__all__ = ["MAX_ANALYZE_BYTES", "create_app"]


def create_app(db: str | Path, token: str | None = None, pipeline: Pipeline | None = None) -> FastAPI:
    """The app over the store at `db` (opened read-only, one connection per thread). `POST /api/analyze` runs
    `pipeline` (the default pipeline, built on the first request, when None), one for every request and thread."""
    app = FastAPI(
        title="khabar",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        description="Arabic news, analysed: articles, entities, quotes, events.",
    )
    templates = Jinja2Templates(directory=str(WEB / "templates"))
    templates.env.globals.update(entity_url=entity_url, version=__version__)
    templates.env.filters["web_link"] = web_link
    app.state.templates = templates
    app.state.store = _store_per_thread(db)
    app.state.pipeline = _shared_pipeline(pipeline)
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")
    install_error_handlers(app)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if token:
            given = request.headers.get("authorization", "")
            if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
                return error_response(
                    request, 401, Errors.E805, KhabarError(Errors.E805, what=request.url.path).message
                )
        return secure(await call_next(request))

    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def _store_per_thread(db: str | Path):
    """A function giving this thread's read-only connection to the store (a 503 when it cannot be opened)."""
    local = threading.local()

    def store() -> Store:
        if getattr(local, "store", None) is None:
            try:
                local.store = Store(db, readonly=True)
            except KhabarError as exc:
                raise ApiError(503, exc.code, exc.message) from None
        return local.store

    return store


def _shared_pipeline(pipeline: Pipeline | None):
    """A function giving the one pipeline every analyze request shares, built once (under a lock) when not given."""
    built: list[Pipeline] = [pipeline] if pipeline else []
    lock = threading.Lock()

    def shared() -> Pipeline:
        if not built:
            with lock:
                if not built:
                    built.append(Pipeline())
        return built[0]

    return shared
