"""Stories kept in step with a corpus store: a `StoryTracker` whose window is loaded from the store's
`story_articles` rows, which assigns stored articles that have no story yet and writes the result in
the caller's transaction.

An article is assigned once. Re-ingesting it, even changed, keeps its story. Ingest assigns each
batch as it stores it, so a run killed midway resumes with the stories of every committed batch.
`assign_pending` first takes up stored articles without a story, oldest first: those of a store
made before stories existed, or of an interrupted assignment.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date

from khabar.document import Article
from khabar.stories.features import StoryDoc, restored, story_doc
from khabar.stories.tracker import Assignment, StoryTracker

PENDING_BATCH = 500


def day_text(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day is not None else None


class StoryIndex:
    """The stories of one open `khabar.store.Store` (its single writer)."""

    def __init__(self, store, tracker: StoryTracker | None = None) -> None:
        self.store, self.db = store, store.db
        self.tracker = tracker or StoryTracker()
        self.loaded_days: set[int | None] = set()

    def assign(self, articles: Iterable[dict | Article]) -> list[Assignment]:
        """Assign stored articles (`Article`s or their JSON) that have no story, in the order given; write
        their rows and refresh the stories they touched. Call inside the transaction that stored them."""
        docs = [story_doc(a) for a in articles]
        known = self._assigned({d.id for d in docs})
        out = []
        for doc in docs:
            if doc.id in known:
                continue
            self._load_window(doc.day)
            assignment = self.tracker.add(doc)
            self._write(doc, assignment)
            known.add(doc.id)
            out.append(assignment)
        self.refresh({a.story_id for a in out})
        return out

    def assign_pending(self) -> int:
        """Assign every stored article without a story, oldest first (each chunk in its own transaction)."""
        done = 0
        while True:
            rows = self.db.execute(
                "SELECT a.json FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id "
                "WHERE s.article_id IS NULL ORDER BY a.day IS NULL, a.day, a.rowid LIMIT ?",
                (PENDING_BATCH,),
            ).fetchall()
            if not rows:
                return done
            with self.store.transaction():
                done += len(self.assign(json.loads(r[0]) for r in rows))

    def _assigned(self, ids: set[str]) -> set[str]:
        found: set[str] = set()
        ids_list = list(ids)
        for i in range(0, len(ids_list), 500):
            chunk = ids_list[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0]
                for r in self.db.execute(f"SELECT article_id FROM story_articles WHERE article_id IN ({marks})", chunk)
            )
        return found

    def _load_window(self, day: int | None) -> None:
        """Bring the stored articles within the window around `day` into the tracker (once per day)."""
        span, latest = self.tracker.window_days, self.tracker.latest
        if latest is not None:  # the tracker has let older days go
            self.loaded_days = {d for d in self.loaded_days if d is None or d >= latest - span}
        days = [None] if day is None else list(range(day - span, day + span + 1))
        wanted = [d for d in days if d not in self.loaded_days]
        if not wanted:
            return
        self.loaded_days.update(wanted)
        dated = [d for d in wanted if d is not None]
        clauses, params = [], []
        if dated:
            clauses.append(f"day_number IN ({','.join('?' * len(dated))})")
            params += dated
        if None in wanted:
            clauses.append("day_number IS NULL")
        rows = self.db.execute(
            "SELECT article_id id, story_id, day_number day, source, title, shingles, vector "
            f"FROM story_articles WHERE {' OR '.join(clauses)} ORDER BY rowid",
            params,
        ).fetchall()
        for r in rows:
            if r["id"] not in self.tracker:
                row = dict(r)
                row["vector"] = json.loads(row["vector"])
                self.tracker.remember(restored(row), r["story_id"])

    def _write(self, doc: StoryDoc, a: Assignment) -> None:
        self.db.execute(
            "INSERT INTO story_articles (article_id, story_id, day, day_number, source, title, similarity, "
            "duplicate_of, duplicate_share, shingles, vector) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.id,
                a.story_id,
                day_text(doc.day),
                doc.day,
                doc.source,
                doc.title,
                a.similarity,
                a.duplicate_of,
                a.duplicate_share or None,
                doc.shingles.tobytes(),
                json.dumps({t: round(w, 5) for t, w in doc.vector.items()}, ensure_ascii=False),
            ),
        )

    def refresh(self, story_ids: Iterable[str]) -> None:
        """Recompute the summary row of each story: label, first report, span, outlets and fact counts."""
        for story_id in story_ids:
            members = self.db.execute(
                "SELECT s.article_id, s.source, s.day, s.title FROM story_articles s "
                "JOIN articles a ON a.id = s.article_id WHERE s.story_id = ? ORDER BY s.day IS NULL, s.day, a.rowid",
                (story_id,),
            ).fetchall()
            if not members:
                self.db.execute("DELETE FROM stories WHERE id = ?", (story_id,))
                continue
            first = members[0]
            label = self._central(story_id, members)
            days = [m["day"] for m in members if m["day"]]
            counts = self.db.execute(
                "SELECT (SELECT COUNT(*) FROM quotes WHERE article_id IN (SELECT article_id FROM story_articles "
                "WHERE story_id = :s)), (SELECT COUNT(*) FROM events WHERE article_id IN (SELECT article_id FROM "
                "story_articles WHERE story_id = :s)), (SELECT COUNT(*) FROM mentions WHERE entity_key IS NOT NULL "
                "AND label != 'NORP' AND article_id IN (SELECT article_id FROM story_articles WHERE story_id = :s))",
                {"s": story_id},
            ).fetchone()
            self.db.execute(
                "INSERT INTO stories (id, label, label_article, first_article, first_source, first_day, last_day, "
                "articles, outlets, quotes, events, mentions) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
                "ON CONFLICT (id) DO UPDATE SET label = excluded.label, label_article = excluded.label_article, "
                "first_article = excluded.first_article, first_source = excluded.first_source, "
                "first_day = excluded.first_day, last_day = excluded.last_day, articles = excluded.articles, "
                "outlets = excluded.outlets, quotes = excluded.quotes, events = excluded.events, "
                "mentions = excluded.mentions",
                (
                    story_id,
                    label["title"],
                    label["article_id"],
                    first["article_id"],
                    first["source"],
                    min(days) if days else None,
                    max(days) if days else None,
                    len(members),
                    len({m["source"] for m in members if m["source"]}),
                    *counts,
                ),
            )

    def _central(self, story_id: str, members: list) -> dict:
        """The member whose vector is nearest the story's centroid (its headline labels the story); the first
        report when the story is no longer in the window."""
        story = self.tracker.stories.get(story_id)
        best, best_similarity = members[0], -1.0
        if story is not None:
            for m in members:
                doc = self.tracker.docs.get(m["article_id"])
                if doc is not None:
                    similarity = story.similarity(doc.vector)
                    if similarity > best_similarity + 1e-9:
                        best, best_similarity = m, similarity
        return best
