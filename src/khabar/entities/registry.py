"""The corpus alias registry: every surface form seen for every identity, across articles.

An identity's key is its KB id, else its label and the consonant skeleton of its Arabic name when
that is long enough to be telling (so بيونغ يانغ and بيونج يانج meet across articles), else its
normalised name. Hand overrides win: `merge` sends an alias
to another identity, `split` gives it one of its own. Stored in SQLite, built from analysed JSONL.
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from khabar.entities.skeleton import fold_foreign, skeleton
from khabar.errors import Errors, KhabarError
from khabar.text import normalize

SCHEMA = """
CREATE TABLE IF NOT EXISTS aliases (alias TEXT, label TEXT, key TEXT, count INTEGER, PRIMARY KEY (alias, label, key));
CREATE TABLE IF NOT EXISTS identities (key TEXT PRIMARY KEY, label TEXT, name_ar TEXT, name_en TEXT, kb_id TEXT);
CREATE TABLE IF NOT EXISTS overrides (alias TEXT, label TEXT, key TEXT, kind TEXT, PRIMARY KEY (alias, label));
"""


def identity_key(entity: dict) -> str:
    if entity.get("kb_id"):
        return entity["kb_id"]
    name = normalize(entity["name_ar"])
    sk = skeleton(name)  # a long skeleton is telling for places and organisations; people's names must match
    if len(sk) >= 6 and entity["label"] != "PERSON":
        return f"{entity['label']}:{sk}"
    return f"{entity['label']}:{' '.join(w.removeprefix('ال') for w in fold_foreign(name).split())}"


class Registry:
    """The registry in its own SQLite file, or (given a connection) inside a corpus store."""

    def __init__(self, path: str | Path | sqlite3.Connection) -> None:
        if isinstance(path, sqlite3.Connection):
            self.path, self.db = Path("store"), path
        else:
            self.path = Path(path)
            self.db = sqlite3.connect(self.path)
            self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    def add_articles(self, articles: Iterable[dict]) -> int:
        """Count every mention's surface form under its entity's identity; returns articles read."""
        counts: Counter = Counter()
        names: dict[str, tuple] = {}
        n = 0
        for article in articles:
            n += 1
            alias_counts(article, counts, names)
        self.add_counts(counts, names)
        self.db.commit()
        return n

    def add_counts(self, counts: Counter, names: dict[str, tuple], sign: int = 1) -> None:
        """Add (or with `sign=-1` take away) alias counts; aliases counted down to nothing are dropped."""
        self.db.executemany(
            "INSERT INTO aliases VALUES (?, ?, ?, ?) ON CONFLICT (alias, label, key) "
            "DO UPDATE SET count = count + excluded.count",
            [(a, label, key, sign * c) for (a, label, key), c in counts.items()],
        )
        if sign < 0:
            self.db.execute("DELETE FROM aliases WHERE count <= 0")
        self.db.executemany(
            "INSERT OR IGNORE INTO identities VALUES (?, ?, ?, ?, ?)", [(k, *v) for k, v in names.items()]
        )

    def _resolved(self) -> dict[str, list[tuple[str, str, int]]]:
        """identity key -> [(alias, label, count)], overrides applied."""
        overrides = {(a, label): key for a, label, key in self.db.execute("SELECT alias, label, key FROM overrides")}
        groups: dict[str, list] = defaultdict(list)
        for alias, label, key, count in self.db.execute("SELECT alias, label, key, count FROM aliases"):
            groups[overrides.get((alias, label), key)].append((alias, label, count))
        return groups

    def identity_of(self, alias: str) -> str | None:
        row = (
            self.db.execute("SELECT key FROM overrides WHERE alias = ?", (alias,)).fetchone()
            or self.db.execute("SELECT key FROM aliases WHERE alias = ? ORDER BY count DESC", (alias,)).fetchone()
        )
        return row[0] if row else None

    def merge(self, alias: str, target: str) -> str:
        """Send `alias` to the identity of `target` (an alias or an identity key)."""
        key = (
            target
            if self.db.execute("SELECT 1 FROM identities WHERE key = ?", (target,)).fetchone()
            else self.identity_of(target)
        )
        if key is None or self.identity_of(alias) is None:
            raise KhabarError(
                Errors.E702,
                what=str(self.path),
                detail=f"unknown alias or identity {target if key is None else alias!r}",
            )
        for (label,) in self.db.execute("SELECT DISTINCT label FROM aliases WHERE alias = ?", (alias,)).fetchall():
            self.db.execute("INSERT OR REPLACE INTO overrides VALUES (?, ?, ?, 'merge')", (alias, label, key))
        self.db.commit()
        return key

    def split(self, alias: str) -> str:
        """Give `alias` an identity of its own."""
        labels = self.db.execute("SELECT DISTINCT label FROM aliases WHERE alias = ?", (alias,)).fetchall()
        if not labels:
            raise KhabarError(Errors.E702, what=str(self.path), detail=f"unknown alias {alias!r}")
        for (label,) in labels:
            key = f"alias:{label}:{normalize(alias)}"
            self.db.execute("INSERT OR REPLACE INTO overrides VALUES (?, ?, ?, 'split')", (alias, label, key))
            self.db.execute("INSERT OR IGNORE INTO identities VALUES (?, ?, ?, '', NULL)", (key, label, alias))
        self.db.commit()
        return key

    def top(self, n: int = 50, label: str | None = None) -> list[dict]:
        """The most mentioned identities with their aliases (most frequent first)."""
        info = {k: (lab, ar, en, kb) for k, lab, ar, en, kb in self.db.execute("SELECT * FROM identities")}
        rows = []
        for key, aliases in self._resolved().items():
            lab, ar, en, kb = info.get(key, (aliases[0][1], aliases[0][0], "", None))
            if label and lab != label:
                continue
            total = sum(c for _, _, c in aliases)
            rows.append(
                {
                    "key": key,
                    "label": lab,
                    "name_ar": ar,
                    "name_en": en,
                    "kb_id": kb,
                    "mentions": total,
                    "aliases": [a for a, _, _ in sorted(aliases, key=lambda x: -x[2])],
                }
            )
        return sorted(rows, key=lambda r: -r["mentions"])[:n]

    def sample_merges(self, n: int = 100, seed: int = 7) -> list[tuple[str, str, str]]:
        """Random pairs of different surface forms the registry treats as one identity."""
        pairs = []
        for key, aliases in self._resolved().items():
            forms = sorted({a for a, _, _ in aliases})
            pairs += [
                (key, forms[i], forms[j])
                for i in range(len(forms))
                for j in range(i + 1, len(forms))
                if normalize(forms[i]) != normalize(forms[j])
            ]
        random.Random(seed).shuffle(pairs)
        return pairs[:n]


def alias_counts(article: dict, counts: Counter, names: dict[str, tuple]) -> None:
    """Add one analysed article's (surface form, label, identity key) counts and identity names."""
    entities = {e["id"]: e for e in article.get("entities", [])}
    for m in article.get("mentions", []):
        entity = entities.get(m.get("entity"))
        if entity is None or m["label"] == "NORP" or m.get("description"):
            continue
        key = identity_key(entity)
        counts[(m["text"], entity["label"], key)] += 1
        names.setdefault(key, (entity["label"], entity["name_ar"], entity["name_en"], entity.get("kb_id")))


def read_jsonl(paths: Iterable[str | Path]) -> Iterable[dict]:
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)
