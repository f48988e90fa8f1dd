"""Reading the packaged data tables (TOML, JSON, TSV) with errors that name the file and line.

Every stage family keeps its Arabic tables as data files; they are read through these helpers so
that a broken table fails when a pipeline is built, with a coded error, not on every article.
"""

from __future__ import annotations

import json
import tomllib
from importlib import resources
from typing import Any

from khabar.errors import Errors, KhabarError


def table_path(package: str, name: str) -> str:
    """The file a packaged table is read from, for error messages."""
    return str(resources.files(package).joinpath(name))


def read_table_text(package: str, name: str) -> str:
    try:
        return resources.files(package).joinpath(name).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KhabarError(Errors.E205, what=table_path(package, name), detail=f"{type(exc).__name__}: {exc}") from exc


def load_toml(package: str, name: str) -> dict[str, Any]:
    """Parse a packaged TOML table; a syntax error names the file, line and column (E205)."""
    text = read_table_text(package, name)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = str(exc).replace("at end of document", f"at end of document, line {text.count(chr(10)) + 1}")
        raise KhabarError(Errors.E205, what=table_path(package, name), detail=where) from exc


def load_json(package: str, name: str) -> Any:
    """Parse a packaged JSON table; a syntax error names the file and line (E205)."""
    text = read_table_text(package, name)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise KhabarError(
            Errors.E205, what=table_path(package, name), detail=f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc


def table_error(package: str, name: str, problem: str) -> KhabarError:
    """A coded error for a table that parses but holds a wrong entry (E205)."""
    return KhabarError(Errors.E205, what=table_path(package, name), detail=problem)
