"""The server-rendered right-to-left pages."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from khabar.web.api import MAX_PAGE, iso_date
from khabar.web.errors import found
from khabar.web.render import article_blocks, fact_sheet, time_chart

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
        groups=by_story(store, results["items"]) if results else [],
        sources=store.sources(),
        latest=by_story(store, store.search(per_page=20)["items"])[:10],
        stories=store.stories(min_articles=2, per_page=8)["items"],
        top=store.top_entities(15, label="PERSON,ORG,GPE,LOC,FAC"),
        stats=store.stats(),
    )


def by_story(store, hits: list[dict]) -> list[dict]:
    """Hits grouped by story, in the order of each story's best hit: {lead, story, hits (the other hits of
    the page), others (the story's other articles)}."""
    groups: dict[str, dict] = {}
    out = []
    for hit in hits:
        key = hit["story"]["id"] if hit.get("story") else hit["id"]
        if key in groups:
            groups[key]["hits"].append(hit)
            continue
        group = groups[key] = {"lead": hit, "story": hit.get("story"), "hits": [], "others": []}
        if hit.get("story") and hit["story"]["articles"] > 1:
            group["others"] = store.story_others(hit["story"]["id"], hit["id"])
        out.append(group)
    return out


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str):
    store = request.app.state.store()
    data = found(store.article(article_id, tokens=False), f"/articles/{article_id}", "article")
    return render(
        request,
        "article.html",
        a=data,
        blocks=article_blocks(data),
        facts=fact_sheet(data),
        story=store.article_story(article_id),
    )


@router.get("/stories")
def stories_page(
    request: Request,
    q: str = "",
    source: str = "",
    from_: str = Query("", alias="from"),
    to: str = "",
    sort: str = "size",
    page_number: int = PageNumber,
):
    store = request.app.state.store()
    results = store.stories(
        q=q or None,
        source=source or None,
        date_from=iso_date("from", from_),
        date_to=iso_date("to", to),
        min_articles=1 if q else 2,
        sort=sort,
        page=page_number,
        per_page=30,
    )
    return render(
        request,
        "stories.html",
        q=q,
        source=source,
        date_from=from_,
        date_to=to,
        sort=sort,
        results=results,
        sources=store.sources(),
    )


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str):
    story = found(request.app.state.store().story(story_id), f"/stories/{story_id}", "story")
    by_outlet: dict[str, list] = {}
    for a in story["articles_list"]:
        by_outlet.setdefault(a["source"] or "—", []).append(a)
    return render(
        request,
        "story.html",
        s=story,
        by_outlet=by_outlet,
        articles_chart=time_chart([(d["day"], d["articles"]) for d in story["timeline"]], label="المقالات في اليوم"),
        mentions_chart=time_chart(
            [(d["day"], d["mentions"]) for d in story["timeline"]], label="ذكر الكيانات في اليوم"
        ),
    )


@router.get("/entities/{key:path}")
def entity_page(request: Request, key: str):
    entity = found(request.app.state.store().entity(key), f"/entities/{key}", "entity")
    return render(
        request,
        "entity.html",
        e=entity,
        mentions_chart=time_chart([(d["day"], d["mentions"]) for d in entity["timeline"]], label="الذكر في اليوم"),
        articles_chart=time_chart([(d["day"], d["articles"]) for d in entity["timeline"]], label="المقالات في اليوم"),
    )


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
    chart = time_chart([(d["day"], d["events"]) for d in results["timeline"]], label="الأحداث في اليوم")
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
