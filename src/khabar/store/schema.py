"""The store's SQLite schema, versioned: `MIGRATIONS[i]` takes a database from version i to i + 1.

Plain tables with readable columns (any SQLite tool or Datasette can browse them); the full
analysed article is kept as JSON beside them. The alias registry's tables (`aliases`,
`identities`, `overrides`) are part of the schema, so `khabar entities top --db` works on a store.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from khabar.entities.registry import SCHEMA as REGISTRY_SCHEMA
from khabar.errors import Errors, KhabarError

ARTICLE_TABLES = (
    "blocks",
    "mentions",
    "article_entities",
    "timexes",
    "quotes",
    "claims",
    "events",
    "event_actors",
    "citations",
)

MIGRATIONS: tuple[str, ...] = (
    REGISTRY_SCHEMA
    + """
CREATE TABLE ingest_runs (id INTEGER PRIMARY KEY, started TEXT, finished TEXT, paths TEXT, status TEXT,
    added INTEGER DEFAULT 0, updated INTEGER DEFAULT 0, unchanged INTEGER DEFAULT 0, failed INTEGER DEFAULT 0);
CREATE TABLE articles (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, content_hash TEXT NOT NULL,
    title TEXT, url TEXT, source TEXT, author TEXT, published TEXT, day TEXT, language TEXT, origin TEXT,
    text TEXT NOT NULL, n_errors INTEGER, run_id INTEGER, stored_at TEXT, json TEXT NOT NULL);
CREATE INDEX articles_day ON articles (day);
CREATE INDEX articles_source ON articles (source);
CREATE TABLE blocks (article_id TEXT, id TEXT, kind TEXT, start INTEGER, "end" INTEGER, text TEXT);
CREATE INDEX blocks_article ON blocks (article_id);
CREATE TABLE mentions (article_id TEXT, id TEXT, start INTEGER, "end" INTEGER, label TEXT, subtype TEXT,
    text TEXT, entity_key TEXT, proclitic TEXT, score REAL);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX mentions_entity ON mentions (entity_key, article_id);
CREATE TABLE article_entities (article_id TEXT, id TEXT, entity_key TEXT, label TEXT, name_ar TEXT, roles TEXT);
CREATE INDEX article_entities_article ON article_entities (article_id);
CREATE INDEX article_entities_key ON article_entities (entity_key);
CREATE TABLE entity_days (entity_key TEXT, day TEXT, label TEXT, mentions INTEGER,
    PRIMARY KEY (entity_key, day)) WITHOUT ROWID;
CREATE INDEX entity_days_day ON entity_days (day);
CREATE TABLE entity_names (norm TEXT, entity_key TEXT, PRIMARY KEY (norm, entity_key));
CREATE TABLE timexes (article_id TEXT, id TEXT, start INTEGER, "end" INTEGER, type TEXT, text TEXT, value TEXT,
    mod TEXT);
CREATE INDEX timexes_article ON timexes (article_id);
CREATE TABLE quotes (article_id TEXT, id TEXT, kind TEXT, start INTEGER, "end" INTEGER, text TEXT,
    speaker_key TEXT, speaker_text TEXT, cue TEXT, addressee TEXT, reported_by TEXT, negated INTEGER, day TEXT, search TEXT);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX quotes_speaker ON quotes (speaker_key);
CREATE TABLE claims (article_id TEXT, id TEXT, start INTEGER, "end" INTEGER, text TEXT, source_key TEXT,
    source_text TEXT, cue TEXT);
CREATE INDEX claims_article ON claims (article_id);
CREATE TABLE events (article_id TEXT, id TEXT, type TEXT, cameo TEXT, plover TEXT,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text TEXT,
    source_key TEXT, source_code TEXT, target_key TEXT, target_code TEXT,
    location_key TEXT, time_value TEXT, duration_value TEXT, modality TEXT, reported_by TEXT, sentence TEXT,
    day TEXT);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_type_day ON events (type, day);
CREATE TABLE citations (article_id TEXT, outlet TEXT, name TEXT, entity_key TEXT, via TEXT);
CREATE INDEX citations_article ON citations (article_id);
CREATE VIRTUAL TABLE article_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
""",
    # every actor of an event, each side may have several (بوتين وكيم); events.source_key/target_key keep the first
    """
CREATE TABLE event_actors (article_id TEXT, event_id TEXT, role TEXT, entity_key TEXT, code TEXT);
CREATE INDEX event_actors_article ON event_actors (article_id, event_id);
CREATE INDEX event_actors_entity ON event_actors (entity_key);
CREATE INDEX event_actors_code ON event_actors (code);
""",
    # 2: unnamed and collective actors (مسلحون مجهولون، قوات الأمن) keep their words; their entity_key is NULL
    """
ALTER TABLE events ADD COLUMN source_text TEXT;
ALTER TABLE events ADD COLUMN target_text TEXT;
ALTER TABLE event_actors ADD COLUMN text TEXT;
""",
    # 3: stories (khabar.stories): each article's story and nearest copy, with the word-triple hashes and
    # vector that reload the tracker's window; one summary row per story
    """
CREATE TABLE story_articles (article_id TEXT PRIMARY KEY, story_id TEXT NOT NULL, day TEXT, day_number INTEGER,
    source TEXT, title TEXT, similarity REAL, duplicate_of TEXT, duplicate_share REAL, shingles BLOB,
    vector TEXT);
CREATE INDEX story_articles_story ON story_articles (story_id);
CREATE INDEX story_articles_day ON story_articles (day_number);
CREATE INDEX story_articles_duplicate ON story_articles (duplicate_of);
CREATE TABLE stories (id TEXT PRIMARY KEY, label TEXT, label_article TEXT, first_article TEXT, first_source TEXT,
    first_day TEXT, last_day TEXT, articles INTEGER, outlets INTEGER, quotes INTEGER, events INTEGER,
    mentions INTEGER);
CREATE INDEX stories_last_day ON stories (last_day, articles);
CREATE INDEX stories_size ON stories (outlets, articles);
""",
)

SCHEMA_VERSION = len(MIGRATIONS)


def current_version(db: sqlite3.Connection) -> int:
    """The schema version of `db` (0 for a new file)."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_version'").fetchone():
        return 0
    return db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0


def migrate(db: sqlite3.Connection, what: str) -> int:
    """Bring the database to `SCHEMA_VERSION` in one write transaction (BEGIN IMMEDIATE), so that several
    processes opening the same new file wait for each other and only the first one creates the schema."""
    if current_version(db) == SCHEMA_VERSION:
        return SCHEMA_VERSION
    db.execute("BEGIN IMMEDIATE")
    try:
        version = current_version(db)  # again, under the write lock: another process may have migrated meanwhile
        if version > SCHEMA_VERSION:
            raise KhabarError(
                Errors.E801, what=what, detail=f"schema version {version}, this khabar knows {SCHEMA_VERSION}"
            )
        db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied TEXT NOT NULL)")
        for number in range(version, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[number]):
                db.execute(statement)
            db.execute(
                "INSERT INTO schema_version VALUES (?, ?)",
                (number + 1, datetime.now(UTC).isoformat(timespec="seconds")),
            )
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    return SCHEMA_VERSION


def _statements(script: str) -> list[str]:
    """The statements of a migration script, one by one (executescript would commit the open transaction)."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    return statements
