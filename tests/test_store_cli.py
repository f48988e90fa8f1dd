"""`khabar ingest / search / entities / quotes / events / export / serve` through click's runner,
and a crash-safety run: an ingest killed with SIGKILL midway, then resumed."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, sample_articles
from khabar.cli import main
from khabar.pipeline import Pipeline
from khabar.store.schema import ARTICLE_TABLES


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "k.db"
    result = run("ingest", EXAMPLES, "--db", db, "-q")
    assert result.exit_code == 0, result.output
    assert "7 added" in result.stderr
    return db


def test_ingest_twice_stores_once(examples_db):
    result = run("ingest", EXAMPLES, "--db", examples_db, "-q")
    assert "0 added, 0 updated, 7 unchanged" in result.stderr


def test_ingest_reports_failures_and_fails_only_when_nothing_is_ingested(tmp_path, examples_db):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "ok.txt").write_text("قال المتحدث إن الاجتماع انتهى دون اتفاق.", "utf-8")
    mixed = run("ingest", tmp_path / "empty.txt", tmp_path / "ok.txt", "--db", tmp_path / "m.db", "-q")
    assert mixed.exit_code == 0 and "E302" in mixed.stderr and "1 added" in mixed.stderr
    nothing = run("ingest", tmp_path / "empty.txt", tmp_path / "missing.txt", "--db", tmp_path / "n.db", "-q")
    assert nothing.exit_code == 1 and "E301" in nothing.stderr


def test_ingest_takes_analysed_jsonl_without_analysing_again(tmp_path):
    path = tmp_path / "analysed.jsonl"
    path.write_text("".join(a.to_json() + "\n" for a in sample_articles()), "utf-8")
    result = run("ingest", path, "--db", tmp_path / "j.db", "-q")
    assert "3 added" in result.stderr
    events = run("events", "--db", tmp_path / "j.db", "--type", "040", "--json")
    assert json.loads(events.stdout.splitlines()[0])["cameo"] == "040"


def test_search_from_the_command_line(examples_db):
    result = run("search", "المياه", "--db", examples_db, "--json")
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert hits and "<mark>" in hits[0]["snippet"]
    text = run("search", "مياه", "--db", examples_db)
    assert "*" in text.stdout and "1 in all" in text.stderr


def test_search_refuses_a_bad_date(examples_db):
    result = run("search", "مصر", "--db", examples_db, "--from", "tomorrow")
    assert result.exit_code == 2 and "E401" in result.output


def test_entities_quotes_and_export(examples_db, tmp_path):
    listed = run("entities", "list", "مصر", "--db", examples_db, "--json")
    assert json.loads(listed.stdout.splitlines()[0])["name_en"] == "Egypt"
    top = run("entities", "top", "--db", examples_db, "-n", "3")  # the registry's commands work on a store
    assert top.exit_code == 0 and len(top.stdout.splitlines()) == 3
    quotes = run("quotes", "--db", examples_db, "--json")
    assert quotes.stdout.strip()
    run("export", "table", "--db", examples_db, "--table", "mentions", "--format", "csv", "--out", tmp_path / "m.csv")
    assert (tmp_path / "m.csv").read_text("utf-8").startswith("article_id,id,start,end,label")
    articles = run("export", "table", "--db", examples_db)
    assert len(articles.stdout.splitlines()) == 7 and json.loads(articles.stdout.splitlines()[0])["schema_version"]
    events = run("export", "events", "--db", examples_db, "--format", "jsonl")
    rows = [json.loads(x) for x in events.stdout.splitlines() if x.startswith("{")]
    assert rows and all(r["type"] and r["cameo"] for r in rows)
    assert any((code or "").endswith("GOV") for r in rows for code in r["source_codes"])


def test_a_missing_store_is_a_clear_error(tmp_path):
    result = run("search", "مصر", "--db", tmp_path / "none.db")
    assert result.exit_code == 1 and "E802" in result.output


def test_serve_refuses_a_public_address_without_a_token(examples_db):
    result = CliRunner().invoke(main, ["serve", "--db", str(examples_db), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "E807" in result.output


def test_kill_9_midway_loses_nothing_committed_and_a_rerun_completes(tmp_path):
    cheap = Pipeline(["layout", "sentences", "tokens"])
    base = sample_articles()
    lines = []
    for i in range(1500):
        article = base[i % 3]
        copy = cheap(
            type(article)(text=f"{article.text}\n\nالعدد {i}", source=article.source, published=article.published)
        )
        lines.append(copy.to_json() + "\n")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(lines), "utf-8")
    db = tmp_path / "crash.db"
    command = [sys.executable, "-m", "khabar.cli", "ingest", str(corpus), "--db", str(db), "-q"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.time() + 120
    while stored < 200 and time.time() < deadline and process.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                stored = sqlite3.connect(db, timeout=5).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:  # the schema is not there yet
                pass
    assert process.poll() is None, "the ingest finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    kept = check.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert 200 <= kept < 1500
    assert check.execute("SELECT status FROM ingest_runs").fetchone()[0] == "running"
    check.close()
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{kept} unchanged" in rerun.stderr
    check = sqlite3.connect(db)
    assert check.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1500
    assert check.execute("SELECT COUNT(*) FROM article_fts").fetchone()[0] == 1500
    assert [r[0] for r in check.execute("SELECT status FROM ingest_runs ORDER BY id")] == ["interrupted", "done"]


def test_search_and_quotes_of_500_words_are_coded_errors(examples_db):
    words = " ".join(f"كلمة{i}" for i in range(500))
    for args in (
        ("search", words),
        ("quotes", "--query", words),
        ("quotes", "--speaker", words),
        ("entities", "list", words),
        ("events", "--actor", words),
    ):
        result = CliRunner().invoke(main, [*args, "--db", str(examples_db)])
        assert result.exit_code == 1 and "E809" in result.output and "Traceback" not in result.output, args


def test_quiet_means_quiet(examples_db, tmp_path):
    for args in (
        ("search", "مصر"),
        ("quotes",),
        ("events",),
        ("entities", "list"),
        ("export", "table", "--out", tmp_path / "a.jsonl"),
    ):
        result = run(*args, "--db", examples_db, "-q")
        assert result.exit_code == 0 and result.stderr == "", args


def test_every_command_has_help():
    import click

    def commands(group, prefix=()):
        for name, command in group.commands.items():
            yield (*prefix, name)
            if isinstance(command, click.Group):
                yield from commands(command, (*prefix, name))

    seen = list(commands(main))
    assert len(seen) >= 20
    for path in seen:
        result = run(*path, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output, path
        if "--db" in result.output:
            assert "khabar.db" in result.output and "KHABAR_DB" in result.output, path
        for line in result.output.splitlines():
            if line.strip().startswith("-q,"):
                assert "--quiet" in line, path
            if line.strip().startswith("-n,"):
                assert "--n-process" in line or "--count" in line, path


def test_ingest_force_analyses_again(examples_db):
    result = run("ingest", EXAMPLES, "--db", examples_db, "-q", "--force")
    assert result.exit_code == 0 and "0 added, 7 updated, 0 unchanged" in result.stderr
    assert "0 added, 0 updated, 7 unchanged" in run("ingest", EXAMPLES, "--db", examples_db, "-q").stderr


def _records(tmp_path, name, title):
    path = tmp_path / name
    path.write_text(
        "".join(
            json.dumps({"text": a.text, "source": a.source, "title": title}, ensure_ascii=False) + "\n"
            for a in sample_articles()
        ),
        "utf-8",
    )
    return str(path)


def test_repeated_ids_first_seen_wins_and_a_rerun_is_a_no_op(tmp_path):
    from khabar.store import Store, ingest

    paths = [_records(tmp_path, "a.jsonl", "العنوان الأول"), _records(tmp_path, "b.jsonl", "العنوان الثاني")]
    cheap = Pipeline(["layout", "sentences", "tokens", "timex"])
    store = Store(tmp_path / "d.db")
    first = ingest(store, paths, pipeline=cheap)
    assert (first.added, first.updated) == (3, 0)
    assert [f.code for f in first.failures] == ["E318"] * 3 and all("b.jsonl" in f.origin for f in first.failures)
    origins = {r[0] for r in store.db.execute("SELECT origin FROM articles")}
    titles = {r[0] for r in store.db.execute("SELECT title FROM articles")}
    for _ in range(2):
        again = ingest(store, paths, pipeline=cheap)
        assert (again.added, again.updated, again.unchanged, len(again.failures)) == (0, 0, 3, 3)
    assert {r[0] for r in store.db.execute("SELECT origin FROM articles")} == origins
    assert all("a.jsonl" in o for o in origins) and titles == {"العنوان الأول"}


def test_a_newer_khabar_analyses_unchanged_articles_again(tmp_path, monkeypatch):
    import khabar
    from khabar.store import Store, ingest

    paths = [_records(tmp_path, "a.jsonl", "عنوان")]
    cheap = Pipeline(["layout", "sentences", "tokens"])
    store = Store(tmp_path / "v.db")
    assert ingest(store, paths, pipeline=cheap).added == 3
    assert ingest(store, paths, pipeline=cheap).unchanged == 3
    monkeypatch.setattr(khabar, "__version__", "99.0")
    assert ingest(store, paths, pipeline=cheap).updated == 3
    assert ingest(store, paths, pipeline=cheap).unchanged == 3


def _snapshot(db) -> dict:
    """Everything a store holds but ingest bookkeeping (runs, times, rowids)."""
    con = sqlite3.connect(db)
    out = {
        "articles": sorted(
            con.execute(
                "SELECT id, content_hash, title, url, source, author, published, day, "
                "language, origin, text, n_errors, json FROM articles"
            )
        ),
        "fts": sorted(
            con.execute("SELECT a.id, f.title, f.body FROM article_fts f JOIN articles a ON a.rowid = f.rowid")
        ),
    }
    for table in (
        *ARTICLE_TABLES,
        "identities",
        "aliases",
        "entity_days",
        "entity_names",
        "overrides",
    ):
        out[table] = sorted(con.execute(f"SELECT * FROM {table}"), key=repr)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    return out


def test_kill_9_several_times_then_the_rerun_equals_a_clean_run(tmp_path):
    import random

    rng = random.Random(14)
    cheap = Pipeline(["layout", "sentences", "tokens"])
    base = sample_articles()
    lines = []
    for i in range(1200):
        article = base[i % 3]
        lines.append(
            cheap(
                type(article)(text=f"{article.text}\n\nالعدد {i}", source=article.source, published=article.published)
            ).to_json()
            + "\n"
        )
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(lines), "utf-8")

    def command(db):
        return [sys.executable, "-m", "khabar.cli", "ingest", str(corpus), "--db", str(db), "-q"]

    def stored(db):
        try:
            con = sqlite3.connect(db, timeout=1)
            try:
                return con.execute("SELECT count(*) FROM articles").fetchone()[0]
            finally:
                con.close()
        except sqlite3.Error:  # not created yet
            return 0

    killed = tmp_path / "killed.db"
    kills = 0
    for _ in range(4):
        # kill once the run has stored a random number more articles (not after a fixed time: machines differ)
        target = stored(killed) + rng.randint(1, 150)
        process = subprocess.Popen(command(killed), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while process.poll() is None and stored(killed) < target:
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.05))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            kills += 1
        process.wait()
        check = sqlite3.connect(killed)
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        check.close()
    assert kills >= 3
    for db in (killed, tmp_path / "clean.db"):
        done = subprocess.run(command(db), capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
    assert _snapshot(killed) == _snapshot(tmp_path / "clean.db")
