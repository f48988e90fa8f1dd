"""Output validates against the shipped JSON Schema, and JSON -> Article -> JSON is lossless."""

import json
from dataclasses import MISSING, fields
from importlib import resources

import jsonschema
import pytest

from conftest import EXAMPLES
from khabar import Article, Pipeline
from khabar.document import GROUPS, Claim, Event, Quote, Span
from khabar.ingest import read_path


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(resources.files("khabar.schema").joinpath("article.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html")))
def test_examples_validate_and_round_trip(name, validator):
    (article,) = read_path(str(EXAMPLES / name))
    data = Pipeline()(article).to_dict()
    errors = sorted(validator.iter_errors(data), key=str)
    assert not errors, errors[0].message
    assert Article.from_json(json.dumps(data, ensure_ascii=False)).to_dict() == data


def test_schema_rejects_a_block_of_unknown_kind(validator):
    data = Pipeline()(Article(text="نص قصير للتجربة.")).to_dict()
    data["blocks"][0]["kind"] = "sidebar"
    assert list(validator.iter_errors(data))


@pytest.fixture(scope="module")
def schema():
    return json.loads(resources.files("khabar.schema").joinpath("article.schema.json").read_text("utf-8"))


def _definition(schema: dict, group: str) -> dict:
    items = schema["properties"][group]["items"]
    return schema["$defs"][items["$ref"].rsplit("/", 1)[1]] if "$ref" in items else items


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_schema_declares_exactly_the_fields_of_each_annotation(group, schema):
    kind = GROUPS[group]
    definition = _definition(schema, group)
    declared = {f.name for f in fields(kind)} - {"extra"}
    assert set(definition["properties"]) == declared, f"{group}: schema and {kind.__name__} differ"
    required = set(definition.get("required", ()))
    without_default = {f.name for f in fields(kind) if f.default is MISSING and f.default_factory is MISSING}
    assert without_default <= required, f"{group}: fields without a default must be required"
    assert not required & set(kind._when_set), f"{group}: fields written only when set cannot be required"


def test_schema_declares_the_article_and_span_fields(schema):
    store_only = {"story"}  # a store's API adds the article's story
    assert set(schema["properties"]) == set(Article(text="نص").to_dict()) | store_only
    assert set(schema["required"]) <= set(schema["properties"])
    assert set(schema["$defs"]["span"]["properties"]) == {f.name for f in fields(Span)}


def test_declared_fields_round_trip_and_keep_their_keys():
    text = "قال مسؤول إن المحادثات انتهت، بحسب مصادر مطلعة."
    article = Article(text=text, published="2024-03-11")
    article.quotes.append(
        Quote(
            start=13,
            end=29,
            kind="indirect",
            text=text[13:29],
            speaker_text="مسؤول",
            negated=True,
            reported_by_text=["مصادر مطلعة"],
        )
    )
    article.quotes.append(Quote(start=13, end=29, kind="indirect", text=text[13:29]))
    article.claims.append(Claim(start=0, end=29, text=text[:29], source_text="مصادر مطلعة"))
    article.events.append(Event(type="meet", date="2024-03-11", date_source="published", settings=["private"]))
    article.events.append(Event(type="meet"))
    data = article.to_dict()
    assert {"negated", "speaker_text", "reported_by_text"} <= set(data["quotes"][0])
    assert not {"negated", "speaker_text", "reported_by_text", "extra"} & set(data["quotes"][1])
    assert data["claims"][0]["source_text"] == "مصادر مطلعة"
    assert {"date", "date_source", "settings"} <= set(data["events"][0])
    assert not {"date", "date_source", "settings", "since", "mentions", "locations"} & set(data["events"][1])
    again = Article.from_dict(data)
    assert again.quotes[0].negated and again.quotes[0].speaker_text == "مسؤول" and not again.quotes[0].extra
    assert again.events[0].date == "2024-03-11" and again.to_dict() == data
