"""The NER tag set (BIO over khabar's types), ORG subtypes, and corpus tag mappings (data/labels.json)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def label_config() -> dict:
    return json.loads(resources.files("khabar.ner").joinpath("data/labels.json").read_text("utf-8"))


def tag_names() -> list[str]:
    """"O", then B-/I- for every type."""
    return ["O"] + [f"{prefix}-{kind}" for kind in label_config()["types"] for prefix in "BI"]


def subtype_names() -> list[str]:
    return list(label_config()["subtypes"])
