"""Tables of the store out as JSON Lines, CSV or Parquet."""

from __future__ import annotations

import csv
import json
import sys
from contextlib import nullcontext

from khabar.errors import Errors, KhabarError
from khabar.store.db import Store
from khabar.store.schema import ARTICLE_TABLES

TABLES = ("articles", *ARTICLE_TABLES, "identities", "aliases", "entity_days", "stories", "ingest_runs")


def export(store: Store, table: str, fmt: str, out_path: str) -> int:
    """Write `table` to `out_path` ('-' for stdout); returns rows written. Articles in JSONL are full articles."""
    if table not in TABLES:
        raise KhabarError(Errors.E804, what="export", detail=f"unknown table {table!r}; one of {', '.join(TABLES)}")
    cursor = store.db.execute(f"SELECT * FROM {table}")
    columns = [c[0] for c in cursor.description]
    if fmt == "parquet":
        return _parquet(cursor, columns, out_path)
    n = 0
    with nullcontext(sys.stdout) if out_path == "-" else open(out_path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out) if fmt == "csv" else None
        if writer:
            writer.writerow(columns)
        for row in cursor:
            n += 1
            if writer:
                writer.writerow(row)
            elif table == "articles":
                out.write(json.dumps(store.article(row["id"]), ensure_ascii=False) + "\n")
            else:
                out.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n")
    return n


def _parquet(cursor, columns: list[str], out_path: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise KhabarError(
            Errors.E808, what="--format parquet", detail="needs pyarrow: pip install 'khabar[parquet]'"
        ) from None
    if out_path == "-":
        raise KhabarError(Errors.E808, what="--format parquet", detail="needs a file: pass --out FILE.parquet")
    rows = cursor.fetchall()
    pq.write_table(pa.table({c: [r[i] for r in rows] for i, c in enumerate(columns)}), out_path)
    return len(rows)
