"""Golden files: what must and must not be found in the project's own sample articles."""

import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT
from khabar import Pipeline
from khabar.ingest import read_path

GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.json"))
PARTS = ("credit", "author", "place", "agency", "date")


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.stem)
def test_golden(golden: Path, pipeline):
    spec = json.loads(golden.read_text("utf-8"))
    (article,) = read_path(str(ROOT / spec["file"]))
    article = pipeline(article)
    assert article.errors == []
    assert article.check_offsets() == []
    counts = Counter(b.kind for b in article.blocks)
    for kind, n in spec["counts"].items():
        assert counts[kind] == n, f"{kind}: {counts[kind]} != {n}: {[b.text for b in article.blocks_of(kind)]}"
    for item in spec["must"]:
        candidates = [b for b in article.blocks_of(item["kind"]) if item["contains"] in b.text]
        assert candidates, f"no {item['kind']} block contains {item['contains']!r}"
        block = candidates[0]
        for part in PARTS:
            if part in item:
                span = getattr(block, part)
                assert span is not None and span.text == item[part], f"{part} of {block.text!r}"
        if "sources" in item:
            assert [s.text for s in block.sources] == item["sources"]
    for item in spec["must_not"]:
        if item.get("any"):
            assert item["contains"] not in article.text
        else:
            assert not [b.text for b in article.blocks_of(item["kind"]) if item["contains"] in b.text], item
    sentences = spec.get("sentences")
    if sentences:
        assert sentences["count_min"] <= len(article.sentences) <= sentences["count_max"]
        for piece in sentences["unsplit"]:
            assert any(piece in s.text for s in article.sentences), piece
    timexes = spec.get("timexes")
    if timexes:
        found = [[t.text, t.type, t.value, t.mod] for t in article.timexes]
        for item in timexes["must"]:
            assert item in found, (item, found)
        anchored = [t.anchor for t in article.timexes if t.anchor]
        assert anchored and all(a == timexes["anchor"] for a in anchored)
