"""Events as flat records: JSON Lines, CSV, or GDELT 2.0 event-table columns (`khabar export events`).

Everything works over an iterable of analysed `Article`s, whether read back from `khabar analyze
--jsonl` output (`read_analysed`) or from a store. Columns:

csv / jsonl (one record per event; lists are `;`-joined in CSV):
  article_id, event_id, date, type, cameo, plover, quad_class, trigger, source_ids, source_names,
  source_codes, target_ids, target_names, target_codes, location_id, location_name, time, duration,
  modality, reported_by, sentence, url
gdelt (tab-separated, header line first; GDELT's names, first source and target only):
  GLOBALEVENTID (article id-event id), SQLDATE (YYYYMMDD), MonthYear, Year, Actor1Code, Actor1Name,
  Actor1CountryCode, Actor1Type1Code, Actor2Code, Actor2Name, Actor2CountryCode, Actor2Type1Code,
  IsRootEvent (1 in the headline or first body sentence), EventCode, EventBaseCode, EventRootCode,
  QuadClass, NumMentions, ActionGeo_FullName, ActionGeo_CountryCode, SOURCEURL, and khabar's own
  EventType, Modality, Trigger.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from khabar.document import Article
from khabar.errors import Errors, KhabarError
from khabar.events.actors import actor_coder, split_code

COLUMNS = (
    "article_id",
    "event_id",
    "date",
    "type",
    "cameo",
    "plover",
    "quad_class",
    "trigger",
    "source_ids",
    "source_names",
    "source_codes",
    "target_ids",
    "target_names",
    "target_codes",
    "location_id",
    "location_name",
    "time",
    "duration",
    "modality",
    "reported_by",
    "sentence",
    "url",
)
GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "NumMentions",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "SOURCEURL",
    "EventType",
    "Modality",
    "Trigger",
)
FORMATS = ("jsonl", "csv", "gdelt")


def quad_class(cameo: str | None) -> int | None:
    """GDELT's QuadClass: 1 verbal cooperation (01–04), 2 material cooperation (05–08), 3 verbal
    conflict (09–13), 4 material conflict (14–20)."""
    if not cameo:
        return None
    root = int(cameo[:2])
    return 1 if root <= 4 else 2 if root <= 8 else 3 if root <= 13 else 4


def read_analysed(paths: Iterable[str], on_error: Callable[[KhabarError], None]) -> Iterator[Article]:
    """Articles from JSON Lines written by `khabar analyze --jsonl`; a bad line goes to `on_error`."""
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    yield Article.from_json(line)
                except (ValueError, KeyError, TypeError) as exc:
                    on_error(KhabarError(Errors.E604, what=f"{path}:{number}", detail=str(exc)[:200]))


def event_records(articles: Iterable[Article]) -> Iterator[dict]:
    """One flat record per event, names and codes resolved (the `csv`/`jsonl` columns)."""
    for article in articles:
        entities = {e.id: e for e in article.entities}
        timexes = {t.id: t for t in article.timexes}
        sentences = {s.id: s.text for s in article.sentences}

        def name(entity_id, entities=entities, unnamed=None):
            if unnamed and entity_id in unnamed:
                return unnamed[entity_id]["text"]  # an unnamed actor's words (مسلحون مجهولون)
            e = entities.get(entity_id)
            return (e.name_en or e.name_ar) if e else None

        for ev in article.events:
            codes, unnamed = ev.actors.get("codes", {}), ev.actors.get("unnamed", {})
            source, target = ev.actors.get("source", []), ev.actors.get("target", [])
            time, duration = timexes.get(ev.time or ""), timexes.get(ev.duration or "")
            yield {
                "article_id": article.id,
                "event_id": ev.id,
                "date": ev.date,
                "type": ev.type,
                "cameo": ev.cameo,
                "plover": ev.plover,
                "quad_class": quad_class(ev.cameo),
                "trigger": ev.trigger.text if ev.trigger else None,
                "source_ids": source,
                "source_names": [name(x, unnamed=unnamed) for x in source],
                "source_codes": [codes.get(x) for x in source],
                "target_ids": target,
                "target_names": [name(x, unnamed=unnamed) for x in target],
                "target_codes": [codes.get(x) for x in target],
                "location_id": ev.location,
                "location_name": name(ev.location),
                "time": time.value if time else None,
                "duration": duration.value if duration else None,
                "modality": ev.modality,
                "reported_by": [name(x) for x in ev.reported_by],
                "sentence": sentences.get(ev.sentence or ""),
                "url": article.url,
                "_root": _is_root(article, ev.sentence),
                "_mentions": 1 + len(ev.mentions),
                "_location_code": codes.get(ev.location) or _country(article, ev.location),
            }


def _is_root(article: Article, sentence_id: str | None) -> int:
    firsts = []
    for kind in ("headline", "body"):
        block = next((b.id for b in article.blocks if b.kind == kind), None)
        first = next((s.id for s in article.sentences if s.block == block), None) if block else None
        firsts.append(first)
    return int(sentence_id in firsts)


def _country(article: Article, entity_id: str | None) -> str | None:
    return actor_coder().code(article, entity_id, None) if entity_id else None


def _gdelt_row(r: dict) -> list:
    day = (r["date"] or "")[:10]
    sqldate = day.replace("-", "") if len(day) == 10 and day[0].isdigit() else ""

    def actor(prefix: str) -> list:
        code = r[f"{prefix}_codes"][0] if r[f"{prefix}_codes"] else None
        names = r[f"{prefix}_names"]
        country, role = split_code(code)
        return [code or "", (names[0] or "").upper() if names else "", country, role]

    cameo = r["cameo"] or ""
    return [
        f"{r['article_id']}-{r['event_id']}",
        sqldate,
        sqldate[:6],
        sqldate[:4],
        *actor("source"),
        *actor("target"),
        r["_root"],
        cameo,
        cameo[:3],
        cameo[:2],
        r["quad_class"] or "",
        r["_mentions"],
        r["location_name"] or "",
        (r["_location_code"] or "")[:3],
        r["url"] or "",
        r["type"],
        r["modality"],
        r["trigger"] or "",
    ]


def write_events(articles: Iterable[Article], out: IO[str], fmt: str = "jsonl") -> int:
    """Write every event of `articles` to `out` in `fmt` (jsonl, csv, gdelt); returns the count."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: one of {', '.join(FORMATS)}")
    n = 0
    writer = csv.writer(out, delimiter="\t" if fmt == "gdelt" else ",", lineterminator="\n")
    if fmt != "jsonl":
        writer.writerow(GDELT_COLUMNS if fmt == "gdelt" else COLUMNS)
    for record in event_records(articles):
        n += 1
        if fmt == "gdelt":
            writer.writerow(_gdelt_row(record))
            continue
        public = {k: record[k] for k in COLUMNS}
        if fmt == "jsonl":
            out.write(json.dumps(public, ensure_ascii=False) + "\n")
        else:
            writer.writerow(
                [
                    ";".join(str(x or "") for x in v) if isinstance(v, list) else ("" if v is None else v)
                    for v in public.values()
                ]
            )
    return n
