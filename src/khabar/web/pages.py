"""The server-rendered right-to-left pages."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from khabar.web.api import MAX_PAGE, iso_date
from khabar.web.errors import found
from khabar.web.render import article_blocks, bar_chart, fact_sheet

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PageNumber = Query(1, alias="page", ge=1, le=MAX_PAGE)


def render(request: Request, name: str, **context):
    return request.app.state.templates.TemplateResponse(request, name, context)


@router.get("/")
def home(
    request: Request,
    q: str = "",
    source: str = "",
    from_: str = Query("", alias="from"),
    to: str = "",
    entity: str = "",
    page_number: int = PageNumber,
):
    store = request.app.state.store()
    searched = bool(q or source or from_ or to or entity)
    results = (
        store.search(q, source or None, iso_date("from", from_), iso_date("to", to), entity or None, page_number, 20)
        if searched
        else None
    )
    return render(
        request,
        "home.html",
        q=q,
        source=source,
        date_from=from_,
        date_to=to,
        entity=entity,
        results=results,
        sources=store.sources(),
        latest=store.search(per_page=10)["items"],
        top=store.top_entities(15, label="PERSON,ORG,GPE,LOC,FAC"),
        stats=store.stats(),
    )


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str):
    data = found(request.app.state.store().article(article_id, tokens=False), f"/articles/{article_id}", "article")
    return render(request, "article.html", a=data, blocks=article_blocks(data), facts=fact_sheet(data))


@router.get("/entities/{key:path}")
def entity_page(request: Request, key: str):
    entity = found(request.app.state.store().entity(key), f"/entities/{key}", "entity")
    chart = bar_chart([(d["day"], d["mentions"]) for d in entity["timeline"]], label="mentions per day")
    return render(request, "entity.html", e=entity, chart=chart)


@router.get("/entities")
def entities_page(request: Request, q: str = "", page_number: int = PageNumber):
    return render(
        request, "entities.html", q=q, results=request.app.state.store().entities(q or None, None, page_number, 50)
    )


@router.get("/quotes")
def quotes_page(request: Request, speaker: str = "", q: str = "", page_number: int = PageNumber):
    return render(
        request,
        "quotes.html",
        speaker=speaker,
        q=q,
        results=request.app.state.store().quotes(speaker or None, q or None, page_number, 30),
    )


@router.get("/events")
def events_page(
    request: Request,
    type: str = "",
    actor: str = "",
    from_: str = Query("", alias="from"),
    to: str = "",
    page_number: int = PageNumber,
):
    results = request.app.state.store().events(
        type or None, actor or None, iso_date("from", from_), iso_date("to", to), page_number, 30
    )
    chart = bar_chart([(d["day"], d["events"]) for d in results["timeline"]], label="events per day")
    return render(
        request, "events.html", type=type, actor=actor, date_from=from_, date_to=to, results=results, chart=chart
    )


@router.get("/sources")
def sources_page(request: Request):
    by_outlet: dict[str, list] = {}
    for row in request.app.state.store().citations():
        by_outlet.setdefault(row["outlet"] or "—", []).append(row)
    return render(request, "sources.html", outlets=by_outlet)


@router.get("/docs")
def docs_page(request: Request):
    return render(request, "docs.html", spec=request.app.openapi())
