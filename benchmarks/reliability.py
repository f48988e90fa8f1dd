"""Reliability: real articles mixed with hostile input through `khabar ingest`, then hostile API requests.

Builds a batch in a temporary folder at run time (real SaudiNewsNet articles from ../shared, copied there and
deleted afterwards; nothing is committed) together with every bad input of issue 14, runs `khabar ingest` on it
into a fresh store in a subprocess, and prints: how many good articles were stored byte-identical to their
source text, how many bad inputs were reported with their path and the expected code, the ingest process's peak
RSS and time; then sends hostile requests to the web API (FastAPI's TestClient over the same store) and counts
the 500s. With --linearity it instead prints the time and peak RSS of the stages on one-line articles of
growing size.

    python benchmarks/reliability.py [--good 280] [--long-kb 800] [--stages layout,sentences,tokens,ner]
    python benchmarks/reliability.py --linearity [--stages layout,sentences,tokens]

Peak RSS is the child's own high-water mark (VmHWM in /proc/self/status, read at exit).
--stages runs the same ingest (khabar.store.ingest) with only those stages instead of the CLI's full pipeline.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from corpus_tools import CORPUS

ARABIC_LETTER = re.compile("[\u0621-\u064a]")
FAILURE_LINE = re.compile(r"^skipped \[(E\d{3})\] (.*?): ", re.MULTILINE)
PEAK_LINE = re.compile(r"^peak RSS (\d+) kB$", re.MULTILINE)
MB = 1024 * 1024
# Prefix of every measured child: at exit it prints its own peak RSS (VmHWM), which, unlike
# getrusage(RUSAGE_CHILDREN), does not count the parent's pages a child inherits before exec.
REPORT_PEAK = """
import atexit, sys
def _peak():
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    print("peak RSS", line.split()[1], "kB", file=sys.stderr)
atexit.register(_peak)
"""
INGEST_WITH_STAGES = """
import sys
from khabar.pipeline import Pipeline
from khabar.render import failure_lines
from khabar.store import Store, ingest
from rich.console import Console
db, stages, paths = sys.argv[1], sys.argv[2].split(","), sys.argv[3:]
store = Store(db)
summary = ingest(store, paths, pipeline=Pipeline(stages))
store.close()
err = Console(stderr=True, soft_wrap=True)
err.print(failure_lines(summary.failures))
err.print(f"{summary.added} added, {summary.updated} updated, {summary.unchanged} unchanged, "
          f"{len(summary.failures)} inputs skipped, {summary.stage_errors} with stage errors")
"""
LINEARITY_RUN = """
import sys, time
from khabar import Article
from khabar.pipeline import Pipeline
text, stages = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2].split(",")
pipeline = Pipeline(stages)
started = time.perf_counter()
article = pipeline(Article(text=text))
seconds = time.perf_counter() - started
peak = int(next(line for line in open("/proc/self/status") if line.startswith("VmHWM:")).split()[1]) / 1024
print(f"{len(text):>9,} chars  {seconds:7.2f} s  peak RSS {peak:7.0f} MB  blocks {len(article.blocks):>4}  "
      f"sentences {len(article.sentences):>6}  tokens {len(article.tokens):>7}  stage errors {len(article.errors)}")
"""


def real_records(count: int, seed: int) -> list[dict]:
    """`count` distinct SaudiNewsNet records with a real body (at least 200 Arabic letters, at most 30,000 chars)."""
    records, seen = [], set()
    for archive_path in sorted(CORPUS.glob("*.zip")):
        with zipfile.ZipFile(archive_path) as archive:
            for info in archive.infolist():
                for record in json.loads(archive.read(info)):
                    content = record.get("content") or ""
                    key = (record.get("source"), content)
                    if key in seen or len(content) > 30_000 or len(ARABIC_LETTER.findall(content)) < 200:
                        continue
                    seen.add(key)
                    records.append(record)
    random.Random(seed).shuffle(records)
    return records[:count]


def as_stored(text: str) -> str:
    """The text as ingest keeps it: only line ends are normalised."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def lying_zip(members: dict[str, bytes], declared: dict[str, int]) -> bytes:
    """A deflated zip of `members`, with the uncompressed sizes in `declared` written in place of the true ones."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    data = bytearray(buffer.getvalue())
    for signature, size_at, name_len_at, name_at in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        i = data.find(signature)
        while i >= 0:
            length = int.from_bytes(data[i + name_len_at : i + name_len_at + 2], "little")
            name = data[i + name_at : i + name_at + length].decode()
            if name in declared:
                data[i + size_at : i + size_at + 4] = declared[name].to_bytes(4, "little")
            i = data.find(signature, i + 1)
    return bytes(data)


class Batch:
    """The batch folder: good articles (origin -> text expected in the store) and bad inputs (origin -> code)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.good: dict[str, str] = {}
        self.bad: dict[str, str] = {}
        self.markup_free: list[str] = []  # broken HTML: must be stored, as text without markup
        self.extra_paths: list[str] = []

    def write(self, name: str, data: bytes | str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return path

    @property
    def files(self) -> int:
        return sum(1 for p in self.root.rglob("*") if p.is_file())


def build_batch(root: Path, n_good: int, long_kb: int, seed: int) -> Batch:
    batch = Batch(root)
    records = real_records(n_good + 12, seed)
    spare = records[n_good:]
    records = records[:n_good]
    n_json = n_good // 6
    n_jsonl = min(10, n_good // 10)
    n_txt = n_good - n_json - n_jsonl
    for i, record in enumerate(records[:n_txt]):
        path = batch.write(f"good/txt/{i:04d}.txt", record["content"])
        batch.good[str(path)] = as_stored(record["content"])
    for i, record in enumerate(records[n_txt : n_txt + n_json]):
        path = batch.write(f"good/json/{i:04d}.json", json.dumps(record, ensure_ascii=False))
        batch.good[str(path)] = as_stored(record["content"])
    lines = records[n_txt + n_json :]
    path = batch.write("good/feed.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines))
    batch.good.update({f"{path}#{i}": as_stored(r["content"]) for i, r in enumerate(lines)})

    if long_kb:
        pieces, size, i = [], 0, 0
        while size < long_kb * 1024:
            piece = " ".join(records[i % len(records)]["content"].split())
            pieces.append(piece)
            size += len(piece.encode("utf-8")) + 1
            i += 1
        text = " ".join(pieces).encode("utf-8")[: long_kb * 1024].decode("utf-8", "ignore").strip()
        path = batch.write("good/long_single_line.txt", text)
        batch.good[str(path)] = text

    story = spare[0]["content"]
    paragraph = " ".join(story.split())[:600]
    bad = batch.bad
    bad[str(batch.write("bad/deep.json", "[" * 100_000 + "]" * 100_000))] = "E313"
    deep_line = batch.write(
        "bad/deep_line.jsonl",
        json.dumps(spare[1], ensure_ascii=False) + "\n" + '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}\n",
    )
    batch.good[f"{deep_line}#0"] = as_stored(spare[1]["content"])
    bad[f"{deep_line}#1"] = "E313"
    spaces = b" " * (100 * MB)
    bombs = batch.write(
        "bad/bombs.zip",
        lying_zip(
            {"liar.txt": spaces, "bomb.json": b"[" + spaces + b"]", "bomb.jsonl": spaces + b"\n"}, {"liar.txt": 100}
        ),
    )
    bad[f"{bombs}:liar.txt"] = "E309"
    bad[f"{bombs}:bomb.json"] = "E315"
    bad[f"{bombs}:bomb.jsonl#0"] = "E305"
    bad[str(batch.write("bad/one_byte.txt", b"x"))] = "E314"
    bad[str(batch.write("bad/nbsp_rlm.txt", "\u00a0\u200f\u00a0\u200f\u200e\n\u200f"))] = "E314"
    latin = batch.write("bad/latin_only.txt", "Breaking: markets rallied today after the central bank's decision.")
    bad[str(latin)] = "E314"
    bad[str(batch.write("bad/binary.jsonl", random.Random(seed).randbytes(MB)))] = "E303"
    bad[str(batch.write("bad/image.txt", b"\x89PNG\r\n\x1a\n" + bytes(2048)))] = "E303"
    broken_utf8 = bytearray(paragraph.encode("utf-8"))
    broken_utf8[40] = 0xFF
    bad[str(batch.write("bad/undecodable.txt", bytes(broken_utf8)))] = "E304"
    huge = batch.root / "bad" / "huge.txt"
    with huge.open("wb") as sparse:
        sparse.truncate(30 * MB)
    bad[str(huge)] = "E305"
    bad[str(batch.write("bad/empty.txt", b""))] = "E302"
    bad[str(batch.write("bad/broken.json", '[{"text": "' + paragraph[:50]))] = "E306"
    bad[str(batch.write("bad/no_text.json", json.dumps({"title": paragraph[:40]}, ensure_ascii=False)))] = "E307"
    blank = batch.write("bad/blank_text.jsonl", json.dumps({"text": " \u00a0 "}) + "\n")
    bad[f"{blank}#0"] = "E312"

    from khabar.document import Article

    first = Article(text=as_stored(spare[2]["content"]), source="duplicate test")
    second = Article(text=as_stored(spare[3]["content"]), source="duplicate test")
    second.id = first.id
    dup_a = batch.write("bad/dup_a.json", first.to_json())
    batch.good[str(dup_a)] = first.text
    bad[str(batch.write("bad/dup_b.json", second.to_json()))] = "E318"
    repeat = batch.write("odd/repeat.jsonl", json.dumps(lines[0], ensure_ascii=False) + "\n")  # read after good/
    bad[f"{repeat}#0"] = "E318"
    missing = str(batch.root / "bad" / "missing.txt")
    bad[missing] = "E301"
    batch.extra_paths.append(missing)

    words = spare[4]["content"].split()
    broken_html = (
        "<html><body><div><p>"
        + " ".join(words[:30])
        + " <b "
        + " ".join(words[30:60])
        + "</i></p><p>"
        + " ".join(words[60:90])
        + "</div></span><script>var x = '<p>';"
    )
    batch.markup_free.append(str(batch.write("odd/malformed.html", broken_html)))
    batch.markup_free.append(str(batch.write("odd/fragment.txt", "<div><p>" + paragraph + "</p></div>")))
    return batch


def ingest_batch(batch: Batch, db: Path, stages: str | None) -> tuple[str, float, float]:
    """Run the ingest subprocess; (stderr, seconds, peak RSS in MB of the child)."""
    paths = [str(batch.root), *batch.extra_paths]
    if stages:
        command = [sys.executable, "-c", REPORT_PEAK + INGEST_WITH_STAGES, str(db), stages, *paths]
    else:
        command = [
            sys.executable,
            "-c",
            REPORT_PEAK + "from khabar.cli import main; main()",
            "ingest",
            "-q",
            "--db",
            str(db),
            *paths,
        ]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        print(done.stderr[-3000:])
    peaks = PEAK_LINE.findall(done.stderr)
    return done.stderr, seconds, int(peaks[-1]) / 1024 if peaks else float("nan")


def check_ingest(batch: Batch, db: Path, stderr: str) -> None:
    reported: dict[str, set[str]] = {}
    for code, origin in FAILURE_LINE.findall(stderr):
        reported.setdefault(origin, set()).add(code)
    stored = dict(sqlite3.connect(db).execute("SELECT origin, text FROM articles"))
    identical = [o for o, text in batch.good.items() if stored.get(o) == text]
    missing = [o for o in batch.good if o not in stored]
    differing = [o for o in batch.good if o in stored and stored[o] != batch.good[o]]
    right = [o for o, code in batch.bad.items() if code in reported.get(o, ())]
    wrong = {o: (code, sorted(reported.get(o, ()))) for o, code in batch.bad.items() if o not in right}
    unexpected = sorted(set(reported) - set(batch.bad))
    clean = [o for o in batch.markup_free if o in stored and "<" not in stored[o] and ARABIC_LETTER.search(stored[o])]

    print(
        f"batch: {batch.files} files; {len(batch.good)} good articles, {len(batch.bad)} bad inputs, "
        f"{len(batch.markup_free)} broken HTML pages"
    )
    print(
        f"good articles stored byte-identical: {len(identical)}/{len(batch.good)}"
        f" (missing {len(missing)}, different {len(differing)})"
    )
    for origin in (missing + differing)[:5]:
        print(f"  not identical: {origin}")
    print(f"bad inputs reported with path and expected code: {len(right)}/{len(batch.bad)}")
    for origin, (expected, got) in list(wrong.items())[:10]:
        print(f"  {origin}: expected {expected}, reported {got or 'nothing'}")
    print(f"broken HTML stored as text without markup: {len(clean)}/{len(batch.markup_free)}")
    if unexpected:
        print(f"other inputs reported: {len(unexpected)}, e.g. {unexpected[:3]}")


def probe_api(db: Path) -> None:
    from fastapi.testclient import TestClient

    from khabar.web.app import create_app

    client = TestClient(create_app(db), raise_server_exceptions=False)
    words = " ".join(["الرئيس", "الحكومة", "قال", "مفاوضات", "الرياض", "وزير"] * 84)  # ~500 words
    article = "أعلنت الهيئة العامة للطرق اليوم بدء أعمال توسعة الطريق الساحلي، وقال مديرها إن المشروع سيكتمل قريبا."
    json_headers = {"content-type": "application/json"}
    probes = [
        ("huge page", "GET", "/api/articles?page=1000000000000", None),
        ("page over int64", "GET", "/api/articles?page=99999999999999999999999999", None),
        ("huge page, HTML", "GET", "/?page=1000000000000", None),
        ("500-word search", "GET", f"/api/articles?q={words}", None),
        ("500-word search, HTML", "GET", f"/?q={words}", None),
        ("500-word quotes query", "GET", f"/api/quotes?q={words}", None),
        ("500-word quotes query, HTML", "GET", f"/quotes?q={words}", None),
        ("500-word entities query", "GET", f"/api/entities?q={words}", None),
        ("NaN and impossible dates", "GET", "/api/articles?from=NaN&to=2024-99-99", None),
        ("negative date, NUL", "GET", "/api/events?from=-1&to=%00", None),
        ("lone surrogate in a path", "GET", "/api/articles/%ud800", None),
        ("published as a number", "POST", "/api/analyze", json.dumps({"text": article, "published": 20240101})),
        ("published as a list", "POST", "/api/analyze", json.dumps({"text": article, "published": ["2024-01-01"]})),
        ("NaN in the body", "POST", "/api/analyze", '{"text": "%s", "published": NaN}' % article),
        ("deeply nested body", "POST", "/api/analyze", '{"text": %s}' % ("[" * 100_000 + "]" * 100_000)),
        ("lone surrogate in the text", "POST", "/api/analyze", '{"text": "\\ud800 %s"}' % article),
        ("title as an object", "POST", "/api/analyze", json.dumps({"text": article, "title": {"ar": "عنوان"}})),
        ("text as an object", "POST", "/api/analyze", json.dumps({"text": {"nested": article}})),
        ("an array body", "POST", "/api/analyze", "[1, 2, 3]"),
        ("truncated JSON", "POST", "/api/analyze", json.dumps({"text": article})[:-3]),
        ("10 MB body", "POST", "/api/analyze", "x" * (10 * MB)),
    ]
    failures = []
    statuses = []
    for label, method, url, body in probes:
        response = client.request(method, url, content=body, headers=json_headers if body else None)
        statuses.append(response.status_code)
        if response.status_code >= 500:
            failures.append(f"{label} ({method} {url[:40]}): {response.status_code}")
    print(f"API probes: {len(probes)}, answered 500 or more: {len(failures)} (statuses {sorted(set(statuses))})")
    for line in failures:
        print(f"  {line}")


def linearity(stages: str, sizes_kb: list[int], seed: int) -> None:
    records = real_records(400, seed)
    one_line = " ".join(" ".join(r["content"].split()) for r in records)
    print(f"stages {stages}; one-line articles cut from real text")
    with tempfile.TemporaryDirectory() as folder:
        for kb in sizes_kb:
            text = one_line.encode("utf-8")[: kb * 1024].decode("utf-8", "ignore").strip()
            path = Path(folder) / f"{kb}.txt"
            path.write_text(text, encoding="utf-8")
            done = subprocess.run(
                [sys.executable, "-c", LINEARITY_RUN, str(path), stages], capture_output=True, text=True
            )
            print(f"{kb:>5} KB: " + (done.stdout.strip() or done.stderr.strip()[-500:]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--good", type=int, default=280, help="real articles in the batch")
    parser.add_argument("--long-kb", type=int, default=800, help="size of the one-line article (0: none)")
    parser.add_argument("--stages", default=None, help="ingest with only these stages (default: the CLI, all)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--skip-api", action="store_true")
    parser.add_argument("--linearity", action="store_true", help="time and memory of the stages by article size")
    parser.add_argument("--sizes-kb", default="100,200,400,800")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"corpus not found: {CORPUS} (needs ../shared)")
    if args.linearity:
        linearity(args.stages or "layout,sentences,tokens", [int(s) for s in args.sizes_kb.split(",")], args.seed)
        return
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        batch = build_batch(root / "batch", args.good, args.long_kb, args.seed)
        db = root / "khabar.db"
        print(f"ingest: {'stages ' + args.stages if args.stages else 'khabar ingest (all stages)'}")
        stderr, seconds, peak = ingest_batch(batch, db, args.stages)
        check_ingest(batch, db, stderr)
        print(f"ingest: {seconds:.1f} s, peak RSS {peak:.0f} MB")
        summary = [line for line in stderr.splitlines() if " added, " in line]
        print("  " + (summary[-1] if summary else "(no summary line)"))
        if not args.skip_api:
            probe_api(db)


if __name__ == "__main__":
    main()
