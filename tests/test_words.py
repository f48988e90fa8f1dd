"""The shared text layer: folding, alternations, the conjunction, and no Arabic literals in stage code."""

import ast
from pathlib import Path

import pytest
import regex

from conftest import ROOT
from khabar.text.words import WORD, alternation, conjunctions, fold, strip_conjunction

STAGE_CODE = sorted((ROOT / "src" / "khabar" / "quotes").glob("*.py")) + sorted(
    (ROOT / "src" / "khabar" / "events").glob("*.py")
)


def test_fold_meets_the_normalised_text():
    assert fold("على  إلى") == "علي الي"
    assert fold("مــدرسة") == "مدرسه"


def test_alternation_longest_first_with_or_without_a_word_end():
    bounded = regex.compile(alternation(["في", "في حال"]))
    assert bounded.match(fold("في حال")).group() == "في حال"
    assert bounded.match("فيه") is None
    open_ended = regex.compile(alternation(["وفقا لـ"], al_after_l=False, end=""))
    assert open_ended.match(fold("وفقا لوكالة")).group() == "وفقا ل"
    after_lam = regex.compile(alternation(["العام"]))
    assert after_lam.search("للعام").group() == "لعام"


def test_strip_conjunction():
    assert set(conjunctions()) == {"و", "ف"}
    assert strip_conjunction("وقال") == "قال" and strip_conjunction("قال") == "قال"
    assert strip_conjunction("وفي", {"في"}) == "في" and strip_conjunction("وزير", {"في"}) == "وزير"
    assert strip_conjunction("وب", shortest=2) == "وب" and strip_conjunction("و") == "و"
    assert WORD.findall("قال: «نعم»") == ["قال", "نعم"]


def _literals(path: Path):
    """String constants of a module that are no docstrings (comments are not in the tree)."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


@pytest.mark.parametrize("path", STAGE_CODE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_arabic_literals_in_quotes_and_events_code(path):
    found = [(line, value) for line, value in _literals(path) if regex.search(r"\p{Arabic}|\u0640", value)]
    assert not found, f"{path.name}: Arabic in code, move it to the data tables: {found[:3]}"
