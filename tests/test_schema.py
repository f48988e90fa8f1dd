"""Output validates against the shipped JSON Schema, and JSON -> Article -> JSON is lossless."""

import json
from importlib import resources

import jsonschema
import pytest

from khabar import Article, Pipeline
from khabar.ingest import read_path

from conftest import EXAMPLES


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(resources.files("khabar.schema").joinpath("article.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html")))
def test_examples_validate_and_round_trip(name, validator):
    article, = read_path(str(EXAMPLES / name))
    data = Pipeline()(article).to_dict()
    errors = sorted(validator.iter_errors(data), key=str)
    assert not errors, errors[0].message
    assert Article.from_json(json.dumps(data, ensure_ascii=False)).to_dict() == data


def test_schema_rejects_a_block_of_unknown_kind(validator):
    data = Pipeline()(Article(text="نص قصير للتجربة.")).to_dict()
    data["blocks"][0]["kind"] = "sidebar"
    assert list(validator.iter_errors(data))
