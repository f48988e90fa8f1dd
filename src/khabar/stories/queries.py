"""Reading stories from a store: lists, one story with its articles, timeline, entities and merged facts,
and the story of an article. Each function takes an open `khabar.store.Store`.

Facts carried by several articles of a story become one: quotes by the same speaker whose words
match (rapidfuzz token-set ratio ≥ `SAME_QUOTE`), and events of one type between the same actors.
Each merged fact lists the outlets that carried it (`reported_by`) and its `count` of articles.
"""

from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz

SAME_QUOTE = 85  # rapidfuzz token_set_ratio of two quotes' index words: one statement
SORTS = {"size": "s.outlets DESC, s.articles DESC, s.last_day DESC", "recent": "s.last_day DESC, s.articles DESC"}
MEMBERS_SHOWN = 200


def story_list(
    store,
    q: str | None = None,
    source: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    min_articles: int = 1,
    sort: str = "size",
    page: int = 1,
    per_page: int = 20,
):
    """Stories, largest first (`sort="recent"`: newest first); `q` keeps those with an article matching the
    search, `source` those an outlet carried, `date_from`/`date_to` those reported within the days."""
    from khabar.store.db import Page

    where, params = ["s.articles >= ?"], [min_articles]
    if q and q.strip():
        match = store.match_expression(q)  # the article search's words, spellings and aliases
        if match is None:
            return Page([], 0, page, per_page)
        where.append(
            "s.id IN (SELECT m.story_id FROM article_fts f JOIN articles a ON a.rowid = f.rowid "
            "JOIN story_articles m ON m.article_id = a.id WHERE article_fts MATCH ?)"
        )
        params.append(match)
    if source:
        where.append("EXISTS (SELECT 1 FROM story_articles m WHERE m.story_id = s.id AND m.source = ?)")
        params.append(source)
    if date_from:
        where.append("s.last_day >= ?")
        params.append(date_from)
    if date_to:
        where.append("s.first_day <= ?")
        params.append(date_to)
    clause = "FROM stories s WHERE " + " AND ".join(where)
    total = store.db.execute(f"SELECT COUNT(*) {clause}", params).fetchone()[0]
    rows = store.db.execute(
        f"SELECT s.* {clause} ORDER BY {SORTS.get(sort, SORTS['size'])}, s.id LIMIT ? OFFSET ?",
        (*params, per_page, (page - 1) * per_page),
    ).fetchall()
    items = []
    for r in rows:
        item = dict(r)
        item["outlet_counts"] = outlet_counts(store, r["id"])
        items.append(item)
    return Page(items, total, page, per_page)


def outlet_counts(store, story_id: str) -> list[dict]:
    return [
        {"source": r[0], "articles": r[1]}
        for r in store.db.execute(
            "SELECT COALESCE(source, ''), COUNT(*) n FROM story_articles WHERE story_id = ? GROUP BY 1 "
            "ORDER BY n DESC, 1",
            (story_id,),
        )
    ]


def story_detail(store, story_id: str) -> dict | None:
    """One story: its summary, articles (oldest first, each with its nearest copy), outlets, coverage per
    day, most mentioned identities, and its quotes and events merged across articles."""
    row = store.db.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    out = dict(row)
    members = store.db.execute(
        "SELECT s.article_id id, COALESCE(a.title, s.title) title, s.source, a.published, s.day, s.similarity, "
        "s.duplicate_of, "
        "s.duplicate_share, a.url FROM story_articles s JOIN articles a ON a.id = s.article_id "
        "WHERE s.story_id = ? ORDER BY s.day IS NULL, s.day, a.rowid LIMIT ?",
        (story_id, MEMBERS_SHOWN),
    ).fetchall()
    out["articles_list"] = [dict(m) for m in members]
    out["outlet_counts"] = outlet_counts(store, story_id)
    ids = [m["id"] for m in members]
    marks = ",".join("?" * len(ids))
    mentions_by_day = dict(
        store.db.execute(
            f"SELECT a.day, COUNT(*) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.article_id IN "
            f"({marks}) AND m.entity_key IS NOT NULL AND m.label != 'NORP' GROUP BY a.day",
            ids,
        ).fetchall()
    )
    per_day = Counter(m["day"] for m in members if m["day"])
    out["timeline"] = [
        {"day": d, "articles": n, "mentions": mentions_by_day.get(d, 0)} for d, n in sorted(per_day.items())
    ]
    top = store.db.execute(
        f"SELECT entity_key, COUNT(*) n, COUNT(DISTINCT article_id) articles FROM mentions WHERE article_id IN "
        f"({marks}) AND entity_key IS NOT NULL AND label NOT IN ('NORP') AND COALESCE(subtype, '') != 'MEDIA' "
        "GROUP BY entity_key ORDER BY articles DESC, n DESC LIMIT 15",
        ids,
    ).fetchall()
    names = store.names(r[0] for r in top)
    out["entities"] = [{**names.get(r[0], {"key": r[0]}), "mentions": r[1], "articles": r[2]} for r in top]
    source_of = {m["id"]: m["source"] for m in members}
    out["merged_quotes"] = merged_quotes(store, ids, source_of)
    out["merged_events"] = merged_events(store, ids, source_of)
    return out


def _fact_rows(store, table: str, position: str, ids: list[str]) -> list:
    """The rows of `table` (quotes, events) from the articles `ids`, in the order the articles came out,
    each with its article's day."""
    marks = ",".join("?" * len(ids))
    return store.db.execute(
        f"SELECT x.*, a.day article_day FROM {table} x JOIN articles a ON a.id = x.article_id "
        f"WHERE x.article_id IN ({marks}) ORDER BY a.day, a.rowid, x.{position}",
        ids,
    ).fetchall()


def merged_quotes(store, ids: list[str], source_of: dict[str, str]) -> list[dict]:
    """The story's quotes, one per statement (`_same_quote`), most carried first."""
    rows = _fact_rows(store, "quotes", "start", ids)
    names = store.names(r["speaker_key"] for r in rows)
    merged: list[dict] = []
    for r in rows:
        for item in merged:
            if _same_quote(item, r):
                _carried(item, r["article_id"], source_of)
                item["speaker"] = item["speaker"] or names.get(r["speaker_key"])
                item["speaker_key"] = item["speaker_key"] or r["speaker_key"]
                break
        else:
            item = {
                "text": r["text"],
                "kind": r["kind"],
                "speaker": names.get(r["speaker_key"]),
                "speaker_key": r["speaker_key"],
                "speaker_text": r["speaker_text"],
                "cue": r["cue"],
                "article_id": r["article_id"],
                "day": r["article_day"],
                "search": r["search"] or "",
                "articles": [],
                "reported_by": [],
            }
            _carried(item, r["article_id"], source_of)
            merged.append(item)
    for item in merged:
        del item["search"]
    return sorted(merged, key=lambda x: -x["count"])


def _same_quote(item: dict, row) -> bool:
    """One statement: matching words, and the same speaker unless one of the two has no identity."""
    speakers = item["speaker_key"], row["speaker_key"]
    if all(speakers) and speakers[0] != speakers[1]:
        return False
    return fuzz.token_set_ratio(item["search"], row["search"] or "") >= SAME_QUOTE


def merged_events(store, ids: list[str], source_of: dict[str, str]) -> list[dict]:
    """The story's events, one per type and pair of actors."""
    rows = _fact_rows(store, "events", "trigger_start", ids)
    names = store.names(k for r in rows for k in (r["source_key"], r["target_key"], r["location_key"]))
    by_key: dict[tuple, dict] = {}
    for r in rows:
        key = (r["type"], r["source_key"] or r["source_text"], r["target_key"] or r["target_text"])
        item = by_key.get(key)
        if item is None:
            item = by_key[key] = {
                "type": r["type"],
                "cameo": r["cameo"],
                "plover": r["plover"],
                "trigger_text": r["trigger_text"],
                "source": names.get(r["source_key"]) or _unnamed(r["source_text"]),
                "target": names.get(r["target_key"]) or _unnamed(r["target_text"]),
                "location": names.get(r["location_key"]),
                "day": r["day"],
                "article_id": r["article_id"],
                "articles": [],
                "reported_by": [],
            }
        _carried(item, r["article_id"], source_of)
    return sorted(by_key.values(), key=lambda x: -x["count"])


def _unnamed(text: str | None) -> dict | None:
    return {"key": None, "name_ar": text} if text else None


def _carried(item: dict, article_id: str, source_of: dict[str, str]) -> None:
    """Record that `article_id` carried the fact: its outlet joins `reported_by`, `count` counts articles."""
    if article_id not in item["articles"]:
        item["articles"].append(article_id)
    source = source_of.get(article_id)
    if source and source not in item["reported_by"]:
        item["reported_by"].append(source)
    item["count"] = len(item["articles"])


def article_story(store, article_id: str) -> dict | None:
    """The story of an article: id, label, sizes, the article's nearest copy, and the story's other articles."""
    row = store.db.execute(
        "SELECT s.story_id, s.similarity, s.duplicate_of, s.duplicate_share, t.label, t.articles, t.outlets, "
        "t.first_article, t.first_source, t.first_day, t.last_day FROM story_articles s "
        "JOIN stories t ON t.id = s.story_id WHERE s.article_id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    out = {k: row[k] for k in row.keys() if k != "story_id"}
    out["id"] = row["story_id"]
    out["others"] = other_articles(store, row["story_id"], article_id)
    return out


def other_articles(store, story_id: str, article_id: str, limit: int = 50) -> list[dict]:
    """The story's articles other than `article_id`, oldest first."""
    return [
        dict(o)
        for o in store.db.execute(
            "SELECT s.article_id id, COALESCE(a.title, s.title) title, s.source, s.day, s.duplicate_of "
            "FROM story_articles s JOIN articles a ON a.id = s.article_id "
            "WHERE s.story_id = ? AND s.article_id != ? ORDER BY s.day, a.rowid LIMIT ?",
            (story_id, article_id, limit),
        )
    ]


def stories_of(store, article_ids: list[str]) -> dict[str, dict]:
    """Article id -> {id, label, articles, outlets} of its story, for lists of articles."""
    out: dict[str, dict] = {}
    for i in range(0, len(article_ids), 500):
        chunk = article_ids[i : i + 500]
        for r in store.db.execute(
            "SELECT s.article_id, t.id, t.label, t.articles, t.outlets FROM story_articles s JOIN stories t "
            f"ON t.id = s.story_id WHERE s.article_id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            out[r[0]] = {"id": r[1], "label": r[2], "articles": r[3], "outlets": r[4]}
    return out
