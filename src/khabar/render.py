"""Terminal rendering of an analysed article (a fact sheet) and of ingest failures, with rich.

Arabic is printed in logical order; terminals with bidi support (most modern ones, e.g. GNOME
Terminal, Konsole, iTerm2, Windows Terminal) shape and order it correctly.
"""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from khabar.document import Article

KIND_STYLE = {
    "headline": "bold",
    "body": "",
    "caption": "italic cyan",
    "byline": "green",
    "dateline": "magenta",
    "boilerplate": "dim strike",
}
EXCERPT = 110


def _name(source) -> str:
    return source["name"] if isinstance(source, dict) else str(source)


def _excerpt(text: str, limit: int = EXCERPT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fact_sheet(article: Article) -> Panel:
    """A panel with the article's metadata, its blocks and what each block carries."""
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column()
    for key in ("title", "source", "author", "published", "url"):
        value = getattr(article, key)
        if value:
            meta.add_row(key, str(value))
    if article.photo_credits:
        meta.add_row("photo credits", "، ".join(_name(c) for c in article.photo_credits))
    if article.cited_sources:
        meta.add_row("cited sources", "، ".join(_name(c) for c in article.cited_sources))
    meta.add_row(
        "counts",
        f"{len(article.blocks)} blocks, {len(article.sentences)} sentences, "
        f"{len(article.tokens)} tokens, {len(article.mentions)} mentions, "
        f"{len(article.timexes)} timexes, {len(article.entities)} entities",
    )

    blocks = Table(show_header=True, header_style="bold", expand=True, box=None)
    blocks.add_column("kind", no_wrap=True)
    blocks.add_column("offsets", no_wrap=True, style="dim")
    blocks.add_column("text", ratio=1)
    blocks.add_column("parts", style="yellow")
    for block in article.blocks:
        parts = []
        for name in ("credit", "author", "place", "date", "agency"):
            span = getattr(block, name)
            if span is not None:
                parts.append(f"{name}: {span.text}")
        if block.sources:
            parts.append("sources: " + "، ".join(s.text for s in block.sources))
        blocks.add_row(
            Text(block.kind, style=KIND_STYLE.get(block.kind, "")),
            f"{block.start}–{block.end}",
            Text(_excerpt(block.text), style=KIND_STYLE.get(block.kind, "")),
            "\n".join(parts),
        )

    items = [meta, Text(), blocks]
    if article.entities:
        items += [Text(), entity_table(article)]
    elif article.mentions:
        items += [Text(), mention_table(article)]
    if article.timexes:
        items += [Text(), timex_table(article)]
    for error in article.errors:
        items.append(Text(f"[{error.code}] {error.stage}: {error.message}", style="red"))
    title = article.origin or article.id
    return Panel(Group(*items), title=f"[bold]{title}[/]", subtitle=article.id, title_align="left")


def mention_table(article: Article) -> Table:
    """Distinct mentions per label, with how often each occurs."""
    seen: dict[tuple[str, str], list] = {}
    for m in article.mentions:
        entry = seen.setdefault((m.label, m.text), [0, m.subtype, []])
        entry[0] += 1
        entry[2].append(m.score or 0.0)
    table = Table(show_header=True, header_style="bold", box=None, title="mentions", title_justify="left")
    for column in ("label", "mention", "×", "subtype", "score"):
        table.add_column(column)
    for (label, text), (count, subtype, scores) in sorted(seen.items(), key=lambda kv: (kv[0][0], -kv[1][0])):
        table.add_row(label, text, str(count), subtype or "", f"{sum(scores) / len(scores):.2f}")
    return table


def entity_table(article: Article) -> Table:
    """One row per entity: label, names, knowledge-base id, how often and how it is called, roles."""
    counts: dict[str, int] = {}
    for m in article.mentions:
        if m.entity:
            counts[m.entity] = counts.get(m.entity, 0) + 1
    table = Table(show_header=True, header_style="bold", box=None, title="entities", title_justify="left")
    for column in ("label", "name", "English", "kb", "×", "aliases", "roles"):
        table.add_column(column)
    for e in sorted(article.entities, key=lambda e: (e.label, -counts.get(e.id, 0))):
        table.add_row(
            e.label,
            e.name_ar,
            e.name_en,
            e.kb_id or "",
            str(counts.get(e.id, 0)),
            "، ".join(a for a in e.aliases if a != e.name_ar)[:80],
            "، ".join(e.roles),
        )
    return table


def timex_table(article: Article) -> Table:
    """Temporal expressions in reading order with type, value, modifier and the anchor used."""
    table = Table(show_header=True, header_style="bold", box=None, title="timexes", title_justify="left")
    for column in ("type", "expression", "value", "mod", "anchor"):
        table.add_column(column)
    for t in article.timexes:
        anchor = f"{t.anchor['value'] or '?'} ({t.anchor['source']})" if t.anchor else ""
        table.add_row(t.type, t.text, t.value or "", t.mod or "", anchor)
    return table


def failure_lines(failures) -> Text:
    """Inputs that were skipped, one per line: where, code and what to do."""
    text = Text()
    for failure in failures:
        text.append("skipped ", style="bold red")
        text.append(f"[{failure.code}] ", style="red")
        text.append(f"{failure.message}\n")
    return text


def score_table(result: dict, title: str, first: str = "type") -> Table:
    """Per-type (or per-category) and micro precision, recall and F1."""
    table = Table(title=title, title_justify="left")
    for column in (first, "precision", "recall", "F1", "support"):
        table.add_column(column, justify="left" if column == first else "right")
    for kind, s in result["per_type"].items():
        table.add_row(kind, f"{s['p']:.4f}", f"{s['r']:.4f}", f"{s['f1']:.4f}", str(s["support"]))
    m = result["micro"]
    table.add_row("[bold]micro[/]", f"{m['p']:.4f}", f"{m['r']:.4f}", f"[bold]{m['f1']:.4f}[/]", str(m["support"]))
    table.caption = result.get("caption") or f"{result['n_sentences']} sentences, {result['n_tokens']} tokens"
    return table
