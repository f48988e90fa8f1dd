"""HTML pieces built in Python: the highlighted article text and the SVG time chart. Every piece of
article text goes through `html.escape`; only the markup made here is trusted."""

from __future__ import annotations

import html
from datetime import date, timedelta
from urllib.parse import quote, urlsplit

from babel.dates import get_month_names
from markupsafe import Markup

from khabar.entities.registry import identity_key

PROSE = ("headline", "dateline", "body")
MONTHS_AR = [get_month_names("wide", locale="ar")[m] for m in range(1, 13)]  # CLDR's Arabic month names


WEB_SCHEMES = ("http", "https")


def entity_url(key: str) -> str:
    return "/entities/" + quote(key, safe="")


def web_link(url: str | None) -> str | None:
    """`url` when it is an http(s) address with a host (safe as a link's href), else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in WEB_SCHEMES and parts.netloc else None


def _inner_spans(article: dict, start: int, end: int) -> list[tuple[int, int, str, dict]]:
    """Non-overlapping (start, end, kind, attrs) for mentions, dates and event triggers in [start, end)."""
    keys = {e["id"]: identity_key(e) for e in article["entities"]}
    spans = [
        (m["start"], m["end"], "ent", {"label": m["label"], "key": keys.get(m.get("entity"))})
        for m in article["mentions"]
    ]
    spans += [
        (t["start"], t["end"], "date", {"value": t.get("value") or "", "label": t["type"]}) for t in article["timexes"]
    ]
    spans += [
        (e["trigger"]["start"], e["trigger"]["end"], "trigger", {"label": e["type"], "value": e.get("cameo") or ""})
        for e in article["events"]
        if e.get("trigger")
    ]
    chosen, last = [], start
    for s, e, kind, attrs in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if s >= last and s >= start and e <= end:
            chosen.append((s, e, kind, attrs))
            last = e
    return chosen


def _open(kind: str, attrs: dict) -> tuple[str, str]:
    title = html.escape(f"{attrs['label']} {attrs.get('value', '')}".strip(), quote=True)
    if kind == "ent" and attrs.get("key"):
        return (
            f'<a class="hl ent ent-{html.escape(attrs["label"])}" href="{html.escape(entity_url(attrs["key"]))}" '
            f'data-entity="{html.escape(attrs["key"], quote=True)}" title="{title}">',
            "</a>",
        )
    css = f"ent ent-{html.escape(attrs['label'])}" if kind == "ent" else kind
    return f'<mark class="hl {css}" title="{title}">', "</mark>"


def highlighted(article: dict, start: int, end: int) -> Markup:
    """`text[start:end]` as HTML with entities, dates, event triggers and quotes marked."""
    text = article["text"]
    inner = _inner_spans(article, start, end)
    quotes = [
        (max(q["start"], start), min(q["end"], end))
        for q in article["quotes"]
        if q["start"] < end and q["end"] > start and q["kind"] != "partial"
    ]
    cuts = sorted({start, end, *(p for s, e, _, _ in inner for p in (s, e)), *(p for s, e in quotes for p in (s, e))})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:b]).replace("\n", "<br>")
        span = next((x for x in inner if x[0] <= a and b <= x[1]), None)
        if span:
            opening, closing = _open(span[2], span[3])
            piece = opening + piece + closing
        if any(s <= a and b <= e for s, e in quotes):
            piece = f'<span class="hl quote">{piece}</span>'
        out.append(piece)
    return Markup("".join(out))


def article_blocks(article: dict) -> dict[str, list[dict]]:
    """Blocks grouped into the story (headline, dateline, body) and what stands apart."""
    groups: dict[str, list[dict]] = {"story": [], "apart": []}
    for block in article["blocks"]:
        html_text = highlighted(article, block["start"], block["end"])
        groups["story" if block["kind"] in PROSE else "apart"].append({**block, "html": html_text})
    return groups


def time_chart(series: list[tuple[str, int]], label: str, width: int = 640, height: int = 150) -> Markup:
    """An inline SVG bar chart of counts per day on a real time axis: a day without counts is a gap, one day
    is one bar of normal width, and every label sits inside the box. Time runs left to right (the SVG
    is `direction: ltr` whatever the page's direction); ticks fall on at most eight days."""
    days = [(date.fromisoformat(d), n) for d, n in series if d]
    if not days:
        return Markup("")
    first, last = min(d for d, _ in days), max(d for d, _ in days)
    span = (last - first).days + 1
    left, right, top, bottom = 34, 10, 12, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    slot = plot_w / max(span, 1)
    bar = min(slot * 0.8, 48)
    peak = max(n for _, n in days) or 1
    parts = [
        f'<line class="axis" x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}"/>',
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end">{peak}</text>',
        f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end">0</text>',
    ]
    for day, n in days:
        x = left + (day - first).days * slot + (slot - bar) / 2
        h = max(1.0, plot_h * n / peak)
        parts.append(
            f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar:.1f}" height="{h:.1f}">'
            f"<title>{day.isoformat()}: {n}</title></rect>"
        )
    step = max(1, -(-span // 8))
    for i in range(0, span, step):
        day = first + timedelta(days=i)
        x = left + i * slot + slot / 2
        anchor = "start" if span > 1 and i == 0 and x - 20 < left else "middle"
        month = MONTHS_AR[day.month - 1]
        parts.append(
            f'<text x="{x:.1f}" y="{height - 16}" text-anchor="{anchor}" direction="rtl">{day.day} {month}</text>'
        )
    parts.append(f'<text x="{width - right}" y="{height - 3}" text-anchor="end">{first.year}</text>')
    return Markup(
        f'<svg class="chart" viewBox="0 0 {width} {height}" direction="ltr" role="img" '
        f'aria-label="{html.escape(label)}" xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>'
    )


def fact_sheet(article: dict) -> dict[str, list]:
    """The fact sheet: who, where, when, what, who said what, according to whom."""
    entities = {e["id"]: e for e in article["entities"]}
    counts: dict[str, int] = {}
    for m in article["mentions"]:
        if m.get("entity"):
            counts[m["entity"]] = counts.get(m["entity"], 0) + 1

    def named(ids, labels):
        return [
            {
                "name": entities[i]["name_ar"],
                "en": entities[i]["name_en"],
                "key": identity_key(entities[i]),
                "label": entities[i]["label"],
                "roles": entities[i]["roles"],
                "n": counts.get(i, 0),
            }
            for i in sorted(ids, key=lambda i: -counts.get(i, 0))
            if entities[i]["label"] in labels
        ]

    def name_of(ref, fallback=None):
        return entities[ref]["name_ar"] if ref in entities else (fallback or ref or "—")

    def actor_names(event, role):
        """An event's actors of `role`: names, and the words of unnamed ones (مسلحون مجهولون)."""
        actors = event.get("actors") or {}
        unnamed = actors.get("unnamed") or {}
        return " و".join(unnamed[i]["text"] if i in unnamed else name_of(i) for i in actors.get(role, [])) or "—"

    return {
        "who": named(entities, ("PERSON", "ORG")),
        "where": named(entities, ("GPE", "LOC", "FAC")),
        "when": [t for t in article["timexes"] if t["type"] in ("DATE", "TIME")],
        "what": [
            {
                "type": e["type"],
                "cameo": e.get("cameo"),
                "trigger": (e.get("trigger") or {}).get("text", ""),
                "source": actor_names(e, "source"),
                "target": actor_names(e, "target"),
            }
            for e in article["events"]
        ],
        "said": [
            {
                "speaker": name_of(q.get("speaker"), q.get("speaker_text")),
                "kind": q["kind"],
                "text": q["text"],
                "via": [name_of(r) for r in q.get("reported_by", [])],
            }
            for q in article["quotes"]
        ],
        "according": [
            {"source": name_of(c.get("source"), c.get("source_text")), "text": c["text"]} for c in article["claims"]
        ],
    }
