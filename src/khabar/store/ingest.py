"""`khabar ingest`: read, analyse and store articles, a batch per transaction, resumable.

Articles already stored with the same content hash (text, metadata, khabar's and the NER model's
versions) are skipped before analysis, so a run killed midway (even with kill -9) resumes where its
last committed batch ended, and a newer khabar or model analyses everything again (`force` does so
regardless). When several inputs hold articles with the same id, the first one read wins and the
reader reports the others (E318), so that a rerun is a no-op. Each batch's new articles join their
stories (`khabar.stories`) in the batch's transaction. Articles that are already
khabar JSON (from `khabar analyze --jsonl`, recognised by their `schema_version`) are stored
without being analysed again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from khabar.document import Article
from khabar.ingest import Failure, iter_articles
from khabar.pipeline import Pipeline
from khabar.store.db import Store, content_hash
from khabar.stories.index import StoryIndex

BATCH = 64


@dataclass
class IngestSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    stage_errors: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.added + self.updated

    @property
    def ok(self) -> bool:
        """False only when nothing could be ingested (every input failed)."""
        return bool(self.stored or self.unchanged or not self.failures)


def is_analysed(article: Article) -> bool:
    """True for khabar article JSON that went through the pipeline (it lists the stages it ran)."""
    return bool(article.stages)


def ingest(
    store: Store,
    paths: Iterable[str],
    *,
    pipeline: Pipeline | None = None,
    workers: int = 1,
    batch_size: int = BATCH,
    on_article: Callable[[IngestSummary], None] | None = None,
    limit: int | None = None,
    force: bool = False,
    **read_options,
) -> IngestSummary:
    """Analyse and store every article of `paths` (the first `limit`); `on_article` is called after each one.
    `force` analyses and stores again articles whose content hash is already stored."""
    paths = list(paths)
    summary = IngestSummary()
    articles = iter_articles(paths, **read_options)
    summary.failures = articles.report.failures
    run_id = store.begin_run(paths)
    stories = StoryIndex(store)
    stories.assign_pending()
    pending: list[Article] = []

    def flush() -> None:
        with store.transaction():
            for article in pending:
                result = store.upsert(article, run_id, force=force)
                setattr(summary, result, getattr(summary, result) + 1)
                summary.stage_errors += bool(article.errors)
            stories.assign(pending)
            store.update_run(run_id, added=summary.added, updated=summary.updated)
        pending.clear()

    def keep(article: Article) -> None:
        pending.append(article)
        if len(pending) >= batch_size:
            flush()
        if on_article:
            on_article(summary)

    def skip(kind: str) -> None:
        setattr(summary, kind, getattr(summary, kind) + 1)
        if on_article:
            on_article(summary)

    def to_analyse() -> Iterator[Article]:
        for article in islice(articles, limit):
            if not force and store.stored_hash(article.id) == content_hash(article):
                skip("unchanged")
            elif is_analysed(article):
                keep(article)
            else:
                yield article

    raw = to_analyse()
    stream = (pipeline or Pipeline()).pipe(raw, batch_size=16, n_process=workers)
    for article in stream:
        keep(article)
    if pending:
        flush()
    store.update_run(run_id, "done", unchanged=summary.unchanged, failed=len(summary.failures))
    return summary
