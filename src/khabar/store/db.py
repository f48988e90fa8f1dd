"""The corpus store: analysed articles in one SQLite file (WAL, a single writer), searchable.

`Store.upsert` writes an article and every annotation layer in the caller's transaction; an
article is keyed by its id and stored again only when its content hash changes. Queries return
plain dicts (what the CLI, the JSON API and the web pages show).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import khabar
from khabar.document import Article
from khabar.entities.registry import Registry, alias_counts, identity_key
from khabar.errors import Errors, KhabarError
from khabar.store.schema import ARTICLE_TABLES, SCHEMA_VERSION, current_version, migrate
from khabar.store.search import MAX_QUERY_WORDS, fts_query, highlight_terms, snippet
from khabar.stories.queries import article_story, other_articles, stories_of, story_detail, story_list
from khabar.text import normalize
from khabar.text.words import index_text, index_words

DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")
MAX_PER_PAGE = 100


def analysis_version() -> str:
    """What the analysis depends on besides the article: khabar's version and the NER model's."""
    from khabar.ner.model import model_version

    return f"khabar {khabar.__version__}; ner {model_version()}"


def content_hash(article: Article) -> str:
    """SHA-1 of what an article is made of (its text and metadata) and of the analysis version, so that an article
    is analysed again by a newer khabar or model."""
    parts = [article.text] + [str(getattr(article, k) or "") for k in ("title", "url", "source", "author", "published")]
    return hashlib.sha1("\x1f".join([analysis_version(), *parts]).encode("utf-8")).hexdigest()


def like_pattern(text: str, before: str = "%", after: str = "%") -> str:
    """A LIKE pattern (with ESCAPE '\\') matching `text` literally between `before` and `after`."""
    return before + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + after


def _check_words(what: str, query: str | None) -> None:
    """Refuse a query of more than MAX_QUERY_WORDS words (E809): SQLite cannot evaluate such an expression."""
    count = len(index_words(query or ""))
    if count > MAX_QUERY_WORDS:
        raise KhabarError(Errors.E809, what=what, detail=count, limit=MAX_QUERY_WORDS)


def _day(value: str | None) -> str | None:
    return value[:10] if value and DAY_RE.match(value) else None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Page(dict):
    """One page of a list: items, total, page, per_page, pages."""

    def __init__(self, items: list, total: int, page: int, per_page: int) -> None:
        super().__init__(items=items, total=total, page=page, per_page=per_page, pages=max(1, -(-total // per_page)))


class Store:
    """An open store. `readonly=True` for servers and queries: no migration, no writes."""

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = Path(path)
        if readonly and not self.path.is_file():
            raise KhabarError(Errors.E802, what=str(path), detail="no such file")
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA busy_timeout = 30000")
            if readonly:
                self.db.execute("PRAGMA query_only = 1")
                version = current_version(self.db)
                if version != SCHEMA_VERSION:
                    raise KhabarError(
                        Errors.E802, what=str(path), detail=f"schema version {version}, expected {SCHEMA_VERSION}"
                    )
            else:
                _switch_to_wal(self.db)
                self.db.execute("PRAGMA synchronous = NORMAL")
                migrate(self.db, str(path))
        except sqlite3.DatabaseError as exc:
            raise KhabarError(Errors.E802, what=str(path), detail=str(exc)) from None
        self.registry = Registry(self.db)

    def close(self) -> None:
        self.db.close()

    # writing -------------------------------------------------------------------------------------

    def transaction(self):
        """`with store.transaction():` one batch, committed together (BEGIN IMMEDIATE: one writer)."""
        return _Transaction(self.db)

    def begin_run(self, paths: Iterable[str]) -> int:
        self.db.execute("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'")
        cur = self.db.execute(
            "INSERT INTO ingest_runs (started, paths, status) VALUES (?, ?, 'running')",
            (_now(), json.dumps(list(paths), ensure_ascii=False)),
        )
        return cur.lastrowid

    def update_run(self, run_id: int, status: str = "running", **counts: int) -> None:
        sets = ", ".join(f"{k} = ?" for k in counts)
        self.db.execute(
            f"UPDATE ingest_runs SET status = ?, finished = ?{', ' + sets if sets else ''} WHERE id = ?",
            (status, _now() if status != "running" else None, *counts.values(), run_id),
        )

    def stored_hash(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def upsert(self, article: Article, run_id: int | None = None, force: bool = False) -> str:
        """Store `article` (inside a transaction); returns 'added', 'updated' or 'unchanged' (an article stored
        with the same content hash is left alone, unless `force`)."""
        digest = content_hash(article)
        old = self.db.execute("SELECT rowid, content_hash, json FROM articles WHERE id = ?", (article.id,)).fetchone()
        if old and old["content_hash"] == digest and not force:
            return "unchanged"
        data = replace(article, tokens=[]).to_dict()  # tokens are recomputed on reading (see `article`)
        if old:
            self._forget(article.id, old["rowid"], json.loads(old["json"]))
        row = (
            article.id,
            digest,
            article.title,
            article.url,
            article.source,
            article.author,
            article.published,
            _day(article.published),
            article.language,
            article.origin,
            article.text,
            len(article.errors),
            run_id,
            _now(),
            json.dumps(data, ensure_ascii=False),
        )
        rowid = self.db.execute(
            "INSERT INTO articles (id, content_hash, title, url, source, author, published, day, language, origin, "
            "text, n_errors, run_id, stored_at, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT (id) DO UPDATE SET content_hash = excluded.content_hash, title = excluded.title, "
            "url = excluded.url, source = excluded.source, author = excluded.author, published = excluded.published, "
            "day = excluded.day, language = excluded.language, origin = excluded.origin, text = excluded.text, "
            "n_errors = excluded.n_errors, run_id = excluded.run_id, stored_at = excluded.stored_at, "
            "json = excluded.json RETURNING rowid",
            row,
        ).fetchone()[0]
        self.db.execute(
            "INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)",
            (rowid, index_text(article.title or ""), index_text(article.text)),
        )
        self._write_layers(article, data)
        counts: Counter = Counter()
        names: dict = {}
        alias_counts(data, counts, names)
        self.registry.add_counts(counts, names)
        return "updated" if old else "added"

    def _forget(self, article_id: str, rowid: int, old: dict) -> None:
        rows = self.db.execute(
            "SELECT entity_key, label, COUNT(*) FROM mentions WHERE article_id = ? AND "
            "entity_key IS NOT NULL AND label != 'NORP' GROUP BY entity_key",
            (article_id,),
        )
        self._count_days(_day(old.get("published")), [(key, label, -n) for key, label, n in rows])
        for table in ARTICLE_TABLES:
            self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self.db.execute("DELETE FROM article_fts WHERE rowid = ?", (rowid,))
        counts: Counter = Counter()
        alias_counts(old, counts, {})
        self.registry.add_counts(counts, {}, sign=-1)

    def _write_layers(self, article: Article, data: dict) -> None:
        aid = article.id
        day = _day(article.published)
        keys = {e["id"]: identity_key(e) for e in data["entities"]}
        timex_values = {t.id: t.value for t in article.timexes}
        ex = self.db.executemany
        ex(
            "INSERT INTO blocks VALUES (?,?,?,?,?,?)",
            [(aid, b.id, b.kind, b.start, b.end, b.text) for b in article.blocks],
        )
        ex(
            "INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (aid, m.id, m.start, m.end, m.label, m.subtype, m.text, keys.get(m.entity), m.proclitic, m.score)
                for m in article.mentions
            ],
        )
        ex(
            "INSERT INTO article_entities VALUES (?,?,?,?,?,?)",
            [
                (aid, e.id, keys[e.id], e.label, e.name_ar, json.dumps(e.roles, ensure_ascii=False))
                for e in article.entities
            ],
        )
        ex(
            "INSERT OR IGNORE INTO identities VALUES (?, ?, ?, ?, ?)",
            [(keys[e.id], e.label, e.name_ar, e.name_en, e.kb_id) for e in article.entities],
        )
        ex(
            "INSERT OR IGNORE INTO entity_names VALUES (?, ?)",
            [(normalize(name), keys[e.id]) for e in article.entities for name in {e.name_ar} if name]
            + [
                (normalize(m.text), keys[m.entity])
                for m in article.mentions  # names, not descriptions or adjectives
                if m.entity in keys and m.label != "NORP" and not m.description
            ],
        )
        named = Counter((keys[m.entity], m.label) for m in article.mentions if m.entity in keys and m.label != "NORP")
        self._count_days(day, [(key, label, n) for (key, label), n in named.items()])
        ex(
            "INSERT INTO timexes VALUES (?,?,?,?,?,?,?,?)",
            [(aid, t.id, t.start, t.end, t.type, t.text, t.value, t.mod) for t in article.timexes],
        )
        ex(
            "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    aid,
                    q.id,
                    q.kind,
                    q.start,
                    q.end,
                    q.text,
                    keys.get(q.speaker),
                    q.speaker_text,
                    q.cue.text if q.cue else None,
                    q.addressee,
                    json.dumps([keys.get(r, r) for r in q.reported_by]),
                    int(q.negated),
                    day,
                    index_text(q.text),
                )
                for q in article.quotes
            ],
        )
        ex(
            "INSERT INTO claims VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    aid,
                    c.id,
                    c.start,
                    c.end,
                    c.text,
                    keys.get(c.source),
                    c.source_text or (None if c.source in keys else c.source),
                    c.cue.text if c.cue else None,
                )
                for c in article.claims
            ],
        )
        rows, actor_rows = [], []
        for e in article.events:
            sides = {role: _actors(e.actors, role, keys) for role in ("source", "target")}
            actor_rows += [
                (aid, e.id, role, key, code, words) for role, found in sides.items() for key, code, words in found
            ]
            (src_key, src_code, src_text), (tgt_key, tgt_code, tgt_text) = (
                sides[r][0] if sides[r] else (None, None, None) for r in ("source", "target")
            )
            time_value = timex_values.get(e.time, e.time) if e.time else None
            rows.append(
                (
                    aid,
                    e.id,
                    e.type,
                    e.cameo,
                    e.plover,
                    e.trigger.start if e.trigger else None,
                    e.trigger.end if e.trigger else None,
                    e.trigger.text if e.trigger else None,
                    src_key,
                    src_code,
                    tgt_key,
                    tgt_code,
                    keys.get(e.location, e.location),
                    time_value,
                    timex_values.get(e.duration, e.duration) if e.duration else None,
                    e.modality,
                    json.dumps([keys.get(r, r) for r in e.reported_by]),
                    e.sentence,
                    _day(time_value) or day,
                    src_text,
                    tgt_text,
                )
            )
        ex("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        ex("INSERT INTO event_actors VALUES (?,?,?,?,?,?)", actor_rows)
        ex(
            "INSERT INTO citations VALUES (?,?,?,?,?)",
            [(aid, article.source, name, key, via) for name, key, via in _citations(article, data, keys)],
        )

    def _count_days(self, day: str | None, counts: list[tuple[str, str, int]]) -> None:
        """Add mention counts per identity for one day ('' when unknown); drop counts that reach nothing."""
        self.db.executemany(
            "INSERT INTO entity_days VALUES (?, ?, ?, ?) ON CONFLICT (entity_key, day) DO UPDATE "
            "SET mentions = mentions + excluded.mentions",
            [(k, day or "", lab, n) for k, lab, n in counts],
        )
        if any(n < 0 for _, _, n in counts):
            self.db.execute("DELETE FROM entity_days WHERE mentions <= 0")

    # reading -------------------------------------------------------------------------------------

    def count(self, table: str = "articles") -> int:
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def article(self, article_id: str, tokens: bool = True) -> dict | None:
        """The stored article as JSON; its tokens (not stored: they are most of an article's size and
        cheap to make) are recomputed unless `tokens=False`."""
        row = self.db.execute("SELECT json FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        if tokens and "tokens" in data["stages"]:
            from khabar.text.tokens import tokens_stage

            data["tokens"] = [t.to_dict() for t in tokens_stage(Article.from_dict(data)).tokens]
        return data

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, in ingest order, without tokens."""
        for (raw,) in self.db.execute("SELECT json FROM articles ORDER BY rowid"):
            yield Article.from_dict(json.loads(raw))

    def variants(self, name: str) -> list[str]:
        """Other spellings of the entity (or entities) called `name`: the registry's and the KB's."""
        from khabar.entities.kb import knowledge_base

        norm = normalize(name.strip())
        keys = {r[0] for r in self.db.execute("SELECT entity_key FROM entity_names WHERE norm = ?", (norm,))}
        entries = knowledge_base().lookup(name.strip()) if len(norm) >= 3 else []
        found = {n for entry in entries for n in (entry.name_ar, *entry.aliases_ar)}
        keys |= {entry.kb_id for entry in entries}
        if keys:
            marks = ",".join("?" * len(keys))
            found |= {
                r[0]
                for r in self.db.execute(f"SELECT norm FROM entity_names WHERE entity_key IN ({marks})", tuple(keys))
            }
        return sorted({normalize(f) for f in found} - {norm})

    def entity_keys(self, name: str) -> list[str]:
        """Identity keys for an entity id or a name (any registry or KB spelling)."""
        if self.db.execute("SELECT 1 FROM identities WHERE key = ?", (name,)).fetchone():
            return [name]
        norms = [normalize(name.strip()), *self.variants(name)]
        marks = ",".join("?" * len(norms))
        return [
            r[0]
            for r in self.db.execute(f"SELECT DISTINCT entity_key FROM entity_names WHERE norm IN ({marks})", norms)
        ]

    def match_expression(self, q: str | None) -> str | None:
        """The FTS5 MATCH expression of a search query (None for no query, or one no article can match);
        a query of too many words is refused (E809)."""
        _check_words("search query", q)
        return fts_query(q, self.variants) if q and q.strip() else None

    def search(
        self,
        q: str | None = None,
        source: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        entity: str | None = None,
        page: int = 1,
        per_page: int = 20,
    ) -> Page:
        """Articles matching the query and filters, best first (newest first without a query), with snippets."""
        where, params = [], []
        match = self.match_expression(q)
        if q and q.strip() and match is None:
            return Page([], 0, page, per_page)
        if source:
            where.append("a.source = ?")
            params.append(source)
        _day_range(where, params, "a.day", date_from, date_to)
        if entity:
            keys = self.entity_keys(entity)
            where.append(f"a.id IN (SELECT article_id FROM mentions WHERE entity_key IN ({','.join('?' * len(keys))}))")
            params += keys
        if match:
            base = "FROM article_fts f JOIN articles a ON a.rowid = f.rowid WHERE article_fts MATCH ?"
            params.insert(0, match)
            order = "f.rank"
        else:
            base, order = "FROM articles a WHERE 1", "a.day DESC, a.rowid DESC"
        clause = base + "".join(" AND " + w for w in where)
        total = self.db.execute(f"SELECT COUNT(*) {clause}", params).fetchone()[0]
        rows = self.db.execute(
            f"SELECT a.id, a.title, a.source, a.published, a.day, a.text {clause} ORDER BY {order} LIMIT ? OFFSET ?",
            (*params, per_page, (page - 1) * per_page),
        ).fetchall()
        terms = highlight_terms(match) if match else set()
        story_of = stories_of(self, [r["id"] for r in rows])
        items = [
            {
                "id": r["id"],
                "title": r["title"] or r["text"].split("\n", 1)[0][:120],
                "source": r["source"],
                "published": r["published"],
                "snippet": snippet(r["text"], terms),
                "story": story_of.get(r["id"]),
            }
            for r in rows
        ]
        return Page(items, total, page, per_page)

    # stories (khabar.stories) -------------------------------------------------------------------

    def stories(self, **filters) -> Page:
        """Stories, largest first; see `khabar.stories.queries.story_list` for the filters."""
        return story_list(self, **filters)

    def story(self, story_id: str) -> dict | None:
        return story_detail(self, story_id)

    def article_story(self, article_id: str) -> dict | None:
        return article_story(self, article_id)

    def story_others(self, story_id: str, article_id: str) -> list[dict]:
        """A story's articles other than `article_id` (the ones a grouped result unfolds to)."""
        return other_articles(self, story_id, article_id)

    def sources(self) -> list[str]:
        return [
            r[0] for r in self.db.execute("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY 1")
        ]

    def names(self, keys: Iterable[str | None]) -> dict[str, dict]:
        """Identity key -> {key, label, name_ar, name_en, kb_id}."""
        keys = list({k for k in keys if k})
        out: dict[str, dict] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            for r in self.db.execute(f"SELECT * FROM identities WHERE key IN ({','.join('?' * len(chunk))})", chunk):
                out[r["key"]] = dict(r)
        return out

    def top_entities(self, n: int = 15, days: int | None = 7, label: str | None = None) -> list[dict]:
        """Most mentioned identities over the `days` up to the newest stored article (all time with None)."""
        return self.entities(label=label, per_page=n, days=days, with_total=False)["items"]

    def entities(
        self,
        q: str | None = None,
        label: str | None = None,
        page: int = 1,
        per_page: int = 20,
        days: int | None = None,
        with_total: bool = True,
    ) -> Page:
        """Identities, most mentioned first: those with a name containing `q` (in any spelling), of `label`
        (one, or several joined with commas),
        mentioned in the last `days` up to the newest article."""
        where, params = ["1"], []
        _check_words("entity name", q)
        if q and q.strip():
            norms = [normalize(q.strip()), *self.variants(q)]
            where.append(
                "entity_key IN (SELECT entity_key FROM entity_names WHERE "
                + " OR ".join("norm LIKE ? ESCAPE '\\'" for _ in norms)
                + ")"
            )
            params += [like_pattern(n) for n in norms]
        if label:
            labels = label.split(",")
            where.append(f"label IN ({','.join('?' * len(labels))})")
            params += labels
        newest = self.db.execute("SELECT MAX(day) FROM articles").fetchone()[0] if days else None
        if newest:
            where.append("day > ?")
            params.append((date.fromisoformat(newest) - timedelta(days=days)).isoformat())
        clause = f"FROM entity_days WHERE {' AND '.join(where)}"
        total = (
            self.db.execute(f"SELECT COUNT(DISTINCT entity_key) {clause}", params).fetchone()[0] if with_total else 0
        )
        rows = self.db.execute(
            f"SELECT entity_key, SUM(mentions) n {clause} GROUP BY entity_key "
            "ORDER BY n DESC, entity_key LIMIT ? OFFSET ?",
            (*params, per_page, (page - 1) * per_page),
        ).fetchall()
        names = self.names(r[0] for r in rows)
        return Page([{**names.get(r[0], {"key": r[0]}), "mentions": r[1]} for r in rows], total, page, per_page)

    def entity(self, key: str) -> dict | None:
        """An identity with its aliases, roles, mentions per day, co-occurring identities, quotes and events."""
        row = self.db.execute("SELECT * FROM identities WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["aliases"] = [
            dict(r)
            for r in self.db.execute(
                "SELECT alias, SUM(count) count FROM aliases WHERE key = ? GROUP BY alias ORDER BY count DESC", (key,)
            )
        ]
        roles = Counter(
            role
            for (r,) in self.db.execute("SELECT roles FROM article_entities WHERE entity_key = ?", (key,))
            for role in json.loads(r or "[]")
        )
        out["roles"] = [role for role, _ in roles.most_common(20)]
        out["mentions"] = self.db.execute("SELECT COUNT(*) FROM mentions WHERE entity_key = ?", (key,)).fetchone()[0]
        out["articles"] = self.db.execute(
            "SELECT COUNT(DISTINCT article_id) FROM mentions WHERE entity_key = ?", (key,)
        ).fetchone()[0]
        articles_by_day = dict(
            self.db.execute(
                "SELECT a.day, COUNT(DISTINCT e.article_id) FROM article_entities e JOIN articles a "
                "ON a.id = e.article_id WHERE e.entity_key = ? AND a.day IS NOT NULL GROUP BY a.day",
                (key,),
            ).fetchall()
        )
        out["timeline"] = [
            {"day": r[0], "mentions": r[1], "articles": articles_by_day.get(r[0], 0)}
            for r in self.db.execute(
                "SELECT day, mentions FROM entity_days WHERE entity_key = ? AND day != '' ORDER BY day", (key,)
            )
        ]
        co = self.db.execute(
            "SELECT b.entity_key, COUNT(DISTINCT b.article_id) n FROM article_entities a JOIN article_entities b "
            "ON a.article_id = b.article_id WHERE a.entity_key = ? AND b.entity_key != ? AND b.label != 'NORP' "
            "GROUP BY b.entity_key ORDER BY n DESC LIMIT 15",
            (key, key),
        ).fetchall()
        names = self.names(r[0] for r in co)
        out["cooccurring"] = [{**names.get(r[0], {"key": r[0]}), "articles": r[1]} for r in co]
        out["quotes_by"] = self.quotes(speaker=key, per_page=20)["items"]
        out["quotes_about"] = self._quotes_rows(
            "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE EXISTS (SELECT 1 FROM mentions m WHERE "
            'm.article_id = q.article_id AND m.entity_key = ? AND m.start >= q.start AND m."end" <= q."end")',
            [key],
            1,
            20,
        )["items"]
        out["events"] = self.events(actor=key, per_page=20)["items"]
        out["recent"] = self.search(entity=key, per_page=10)["items"]
        return out

    def _quotes_rows(self, clause: str, params: list, page: int, per_page: int) -> Page:
        total = self.db.execute(f"SELECT COUNT(*) {clause}", params).fetchone()[0]
        rows = self.db.execute(
            f"SELECT q.*, a.title, a.source FROM {clause[5:]} ORDER BY q.day DESC, q.rowid DESC LIMIT ? OFFSET ?",
            (*params, per_page, (page - 1) * per_page),
        ).fetchall()
        names = self.names(r["speaker_key"] for r in rows)
        items = []
        for r in rows:
            item = {k: r[k] for k in r.keys() if k != "search"}
            item["reported_by"] = json.loads(r["reported_by"] or "[]")
            item["speaker"] = names.get(r["speaker_key"])
            items.append(item)
        return Page(items, total, page, per_page)

    def quotes(self, speaker: str | None = None, q: str | None = None, page: int = 1, per_page: int = 20) -> Page:
        """Quotes, newest first; `speaker` is an identity key or a name, `q` words of the quote."""
        where, params = [], []
        _check_words("speaker", speaker)
        _check_words("quote query", q)
        if speaker:
            keys = self.entity_keys(speaker)
            where.append(f"(q.speaker_key IN ({','.join('?' * len(keys))}) OR q.speaker_text LIKE ? ESCAPE '\\')")
            params += [*keys, like_pattern(speaker)]
        for word in index_words(q or ""):
            where.append("(' ' || q.search || ' ') LIKE ? ESCAPE '\\'")
            params.append(like_pattern(word, "% ", " %"))
        clause = "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE 1" + "".join(" AND " + w for w in where)
        return self._quotes_rows(clause, params, page, per_page)

    def events(
        self,
        type: str | None = None,
        actor: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        page: int = 1,
        per_page: int = 20,
    ) -> Page:
        """Events, newest first; `type` matches the type, CAMEO or PLOVER code (a prefix), `actor` either side."""
        where, params = [], []
        _check_words("actor", actor)
        if type:
            where.append("(e.type = ? OR e.cameo LIKE ? ESCAPE '\\' OR e.plover = ?)")
            params += [type, like_pattern(type, ""), type]
        if actor:
            keys = self.entity_keys(actor)
            marks = ",".join("?" * len(keys))
            where.append(
                f"EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = e.article_id AND "
                f"x.event_id = e.id AND (x.entity_key IN ({marks}) OR x.code = ?))"
            )
            params += [*keys, actor]
        _day_range(where, params, "e.day", date_from, date_to)
        clause = "FROM events e JOIN articles a ON a.id = e.article_id WHERE 1" + "".join(" AND " + w for w in where)
        total = self.db.execute(f"SELECT COUNT(*) {clause}", params).fetchone()[0]
        rows = self.db.execute(
            f"SELECT e.*, a.title, a.source {clause} ORDER BY e.day DESC, e.rowid DESC LIMIT ? OFFSET ?",
            (*params, per_page, (page - 1) * per_page),
        ).fetchall()
        names = self.names(k for r in rows for k in (r["source_key"], r["target_key"], r["location_key"]))
        items = []
        for r in rows:
            item = dict(r)
            item["reported_by"] = json.loads(r["reported_by"] or "[]")
            for side in ("source", "target", "location"):
                item[side] = names.get(r[f"{side}_key"])
            for side in ("source", "target"):
                if item[side] is None and r[f"{side}_text"]:
                    item[side] = {"key": None, "name_ar": r[f"{side}_text"], "code": r[f"{side}_code"]}
            items.append(item)
        page_out = Page(items, total, page, per_page)
        page_out["timeline"] = [
            {"day": r[0], "events": r[1]}
            for r in self.db.execute(
                f"SELECT e.day, COUNT(*) {clause} AND e.day IS NOT NULL GROUP BY e.day ORDER BY e.day", params
            )
        ]
        return page_out

    def citations(self) -> list[dict]:
        """Which outlets cite which agencies and media: (outlet, cited name, identity, how, articles)."""
        rows = self.db.execute(
            "SELECT COALESCE(c.outlet, '') outlet, COALESCE(i.name_ar, c.name) name, c.entity_key, "
            "GROUP_CONCAT(DISTINCT c.via) via, COUNT(DISTINCT c.article_id) articles FROM citations c "
            "LEFT JOIN identities i ON i.key = c.entity_key GROUP BY outlet, COALESCE(c.entity_key, c.name) "
            "ORDER BY outlet, articles DESC"
        ).fetchall()
        return [dict(r) for r in rows]

    def stats(self) -> dict[str, int]:
        return {
            t: self.count(t)
            for t in ("articles", "stories", "mentions", "identities", "quotes", "claims", "events", "timexes")
        }


def _switch_to_wal(db: sqlite3.Connection, wait: float = 30.0) -> None:
    """PRAGMA journal_mode = WAL, retried while another connection holds the lock: SQLite answers 'database is
    locked' at once here (without its busy handler) when a new file is being switched by another process."""
    deadline = time.monotonic() + wait
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind, value, tb) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def _day_range(where: list[str], params: list, column: str, date_from: str | None, date_to: str | None) -> None:
    """Add `column` >= date_from and <= date_to conditions (either may be None)."""
    for value, op in ((date_from, ">="), (date_to, "<=")):
        if value:
            where.append(f"{column} {op} ?")
            params.append(value)


def _actors(actors: dict, role: str, keys: dict[str, str]) -> list[tuple[str | None, str | None, str | None]]:
    """(identity key, actor code, words) of each `role` actor of an event: `actors[role]` lists entity ids
    and unnamed actors' ids, `actors["codes"]` maps them to CAMEO actor codes, `actors["unnamed"]` gives an
    unnamed actor's words (it has no identity key)."""
    codes, unnamed = actors.get("codes") or {}, actors.get("unnamed") or {}
    return [
        (None, codes.get(x), unnamed[x]["text"]) if x in unnamed else (keys.get(x, x), codes.get(x), None)
        for x in actors.get(role) or []
    ]


def _citations(article: Article, data: dict, keys: dict[str, str]) -> set[tuple[str, str | None, str]]:
    """(name, identity key, how) for every outlet or agency the article cites."""
    entity_of = {e["id"]: e for e in data["entities"]}
    found: set[tuple[str, str | None, str]] = set()
    for via, items in (("byline", article.cited_sources), ("photo", article.photo_credits)):
        for item in items:
            name, entity = (item.get("name"), item.get("entity")) if isinstance(item, dict) else (str(item), None)
            if name:
                found.add((name, keys.get(entity), via))
    at = {(m.start, m.end): keys.get(m.entity) for m in article.mentions}
    for block in article.blocks_of("dateline"):
        if block.agency:
            found.add((block.agency.text, at.get((block.agency.start, block.agency.end)), "dateline"))
    for quote in article.quotes:
        for ref in quote.reported_by:
            if ref in entity_of:
                found.add((entity_of[ref]["name_ar"], keys[ref], "quote"))
    media = {m.entity for m in article.mentions if m.subtype == "MEDIA"}
    for claim in article.claims:
        if claim.source in media and claim.source in entity_of:
            found.add((entity_of[claim.source]["name_ar"], keys[claim.source], "claim"))
    return found
