"""Shared fixtures: paths to the project's examples and to ../shared (absent in a user's clone)."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_aa3050b82a50909d.txt"
SAUDINEWSNET = SHARED / "data" / "news" / "saudinewsnet"

needs_shared = pytest.mark.skipif(not SEED.exists(), reason="../shared (reference article and corpora) not present")


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("../shared not present")
    return SEED.read_text("utf-8")
