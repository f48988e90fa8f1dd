"""The CLI, driven through click's runner."""

import json

from click.testing import CliRunner

from conftest import EXAMPLES
from khabar import __version__
from khabar.cli import main

RULES_ALONE = {"KHABAR_EVENTS_FILTER": "off"}  # the events stage without its learned filter


def run(*args, input=None, env=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False, env=env)


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_analyze_json_of_one_file():
    result = run("analyze", str(EXAMPLES / "cairo_agency.txt"), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["text"].startswith("مصر تبدأ")
    datelines = [b for b in data["blocks"] if b["kind"] == "dateline"]
    assert datelines[0]["agency"]["text"] == "رويترز"
    assert any(m["label"] == "GPE" and m["text"] == "مصر" for m in data["mentions"])
    assert {"text": "قبل صيف 2025", "type": "DATE", "value": "2025-SU", "mod": "BEFORE"}.items() <= next(
        t for t in data["timexes"] if t["text"] == "قبل صيف 2025"
    ).items()
    egypt = next(e for e in data["entities"] if e["name_ar"] == "مصر")
    assert egypt["label"] == "GPE" and egypt["name_en"] == "Egypt"
    assert any(q["kind"] == "indirect" and q["text"].startswith("بدأت التشغيل التجريبي") for q in data["quotes"])
    assert data["errors"] == []
    proposals = [
        ("tour_site", "جولة"),  # خلال جولة في موقع المحطة
        ("negotiate", "تفاوض"),  # أن الحكومة تفاوض بنوك تنمية: the government, an unnamed actor
    ]
    kept = [(e["type"], e["trigger"]["text"]) for e in data["events"]]
    assert set(kept) <= set(proposals)  # the learned filter keeps some of the rules' proposals
    rules = json.loads(run("analyze", str(EXAMPLES / "cairo_agency.txt"), "--json", env=RULES_ALONE).stdout)
    assert [(e["type"], e["trigger"]["text"]) for e in rules["events"]] == proposals


def test_analyze_json_of_a_directory_is_an_array():
    result = run("analyze", str(EXAMPLES), "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 7


def test_fact_sheet_shows_blocks_and_parts():
    result = run("analyze", str(EXAMPLES / "summit_report.txt"))
    assert result.exit_code == 0
    assert "caption" in result.output and "byline" in result.output and "credit: رويترز" in result.output


def test_date_option_sets_publication_date_and_is_checked():
    result = run("analyze", "-", "--json", "--date", "2024-03-05", input="أعلنت الحكومة خطة جديدة للنقل.")
    assert json.loads(result.stdout)["published"] == "2024-03-05"
    bad = run("analyze", "-", "--date", "05/03/2024", input="نص")
    assert bad.exit_code == 2 and "E401" in bad.output


def test_jsonl_output_and_failure_summary(tmp_path):
    tmp_path, out = tmp_path / "in", tmp_path / "out.jsonl"
    tmp_path.mkdir()
    good = tmp_path / "good.txt"
    good.write_text("أعلنت الحكومة خطة جديدة للنقل العام.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = run("analyze", str(tmp_path), "--jsonl", str(out))
    assert result.exit_code == 0
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["text"].startswith("أعلنت")
    assert "E302" in result.stderr and "empty.txt" in result.stderr
    assert "E303" in result.stderr and "image.txt" in result.stderr
    assert "1 articles analysed, 2 inputs skipped" in result.stderr


def test_missing_file_fails_with_code():
    result = run("analyze", "/nonexistent/article.txt")
    assert result.exit_code == 1 and "E301" in result.stderr


def test_stages_command_lists_requirements():
    result = run("stages")
    assert "tokens" in result.output and "requires: sentences" in result.output


def test_unknown_stage_is_a_usage_error():
    result = run("analyze", str(EXAMPLES / "cairo_agency.txt"), "--stages", "layout,nonesuch")
    assert result.exit_code == 2 and "E201" in result.output
