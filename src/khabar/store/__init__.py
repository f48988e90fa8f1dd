"""The corpus store: SQLite (WAL, one writer, versioned schema), FTS5 Arabic search, ingest."""

from khabar.store.db import Page, Store, content_hash
from khabar.store.ingest import IngestSummary, ingest

__all__ = ["IngestSummary", "Page", "Store", "content_hash", "ingest"]
