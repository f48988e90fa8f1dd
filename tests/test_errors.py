"""Error codes: every code used exists, every message formats, no bare code strings, the README lists them all."""

import re
import string

import pytest

from conftest import ROOT
from khabar.errors import MESSAGES, PARAMS, Errors, KhabarError

SOURCES = {
    p: p.read_text("utf-8")
    for p in (ROOT / "src" / "khabar").rglob("*.py")
    if p != ROOT / "src" / "khabar" / "errors.py"
}


def test_every_code_used_in_the_sources_exists():
    used = {code for text in SOURCES.values() for code in re.findall(r"Errors\.(E\d{3})", text)}
    assert used, "no Errors.Exxx found"
    assert sorted(used - set(MESSAGES)) == []


def test_codes_are_attributes_not_bare_strings():
    bare = [
        f"{p.relative_to(ROOT)}: {m}"
        for p, text in SOURCES.items()
        for m in re.findall(r"(?<![\w.])[\"'](E\d{3})[\"']", text)
    ]
    assert bare == []


def test_every_code_is_used():
    used = {code for text in SOURCES.values() for code in re.findall(r"Errors\.(E\d{3})", text)}
    assert sorted(set(MESSAGES) - used) == []


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_formats_and_names_only_known_parameters(code):
    fields = {name for _, name, _, _ in string.Formatter().parse(MESSAGES[code]) if name}
    assert fields <= set(PARAMS), fields - set(PARAMS)
    error = KhabarError(getattr(Errors, code), **{name: f"<{name}>" for name in fields})
    assert error.code == code and str(error).startswith(f"[{code}] ")
    assert "{" not in error.message and "}" not in error.message


def test_the_readme_lists_every_code():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert sorted(c for c in MESSAGES if c not in readme) == []


def test_an_unknown_parameter_is_a_programming_error():
    with pytest.raises(TypeError):
        KhabarError(Errors.E301, wht="typo")
