"""The NER tag set (BIO over khabar's types), ORG subtypes, and corpus tag mappings (data/labels.json)."""

from __future__ import annotations

from functools import lru_cache

from khabar.text.tables import load_json


@lru_cache(maxsize=1)
def label_config() -> dict:
    return load_json("khabar.ner", "data/labels.json")


def tag_names() -> list[str]:
    """ "O", then B-/I- for every type."""
    return ["O"] + [f"{prefix}-{kind}" for kind in label_config()["types"] for prefix in "BI"]


def subtype_names() -> list[str]:
    return list(label_config()["subtypes"])
