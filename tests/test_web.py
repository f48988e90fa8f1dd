"""The JSON API and the pages, through FastAPI's TestClient: every endpoint, bad parameters,
unknown ids, one error shape, the bearer token, the body limit and escaping of article markup."""

import json

import pytest
from fastapi.testclient import TestClient

from khabar.web import create_app
from khabar.web.app import MAX_ANALYZE_BYTES

from conftest import sample_articles


@pytest.fixture(scope="module")
def client(corpus_db):
    return TestClient(create_app(corpus_db), raise_server_exceptions=False)


def assert_error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code and body["error"]["message"]


FIRST, SECOND, SCRIPTED = (a.id for a in sample_articles())


@pytest.mark.parametrize("url, total", [
    ("/api/articles", 3), ("/api/articles?q=لروسيا", 2), ("/api/articles?q=بوتن&source=نافذة الخليج", 1),
    ("/api/articles?from=2024-03-05&to=2024-03-07", 2), ("/api/articles?entity=Q7747", 2),
    ("/api/entities?q=بوتن", 1), ("/api/entities", 5), ("/api/quotes?speaker=Q7747", 1), ("/api/quotes?q=للحوار", 1),
    ("/api/events?type=CONSULT&actor=بوتين", 1), ("/api/events?from=2024-03-05", 1),
])
def test_lists_are_paginated_and_filtered(client, url, total):
    body = client.get(url).json()
    assert body["total"] == total and {"items", "page", "per_page", "pages"} <= set(body)


def test_pages_of_a_list(client):
    body = client.get("/api/articles?per_page=1&page=3").json()
    assert body["page"] == 3 and body["pages"] == 3 and len(body["items"]) == 1


def test_the_full_article_is_the_json_contract_tokens_included(client):
    import jsonschema
    from importlib import resources

    body = client.get(f"/api/articles/{FIRST}").json()
    schema = json.loads(resources.files("khabar.schema").joinpath("article.schema.json").read_text("utf-8"))
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(body))
    assert body == sample_articles()[0].to_dict() and body["tokens"] and body["events"][0]["cameo"] == "040"


def test_an_entity(client):
    body = client.get("/api/entities/Q7747").json()
    assert body["name_ar"] == "فلاديمير بوتين" and body["timeline"] and body["events"]


def test_sources(client):
    assert "items" in client.get("/api/sources").json()


@pytest.mark.parametrize("url, status, code", [
    ("/api/articles?from=2024-13-01", 400, "E804"), ("/api/articles?to=yesterday", 400, "E804"),
    ("/api/events?from=03/04/2024", 400, "E804"), ("/api/articles?page=0", 400, "E804"),
    ("/api/articles?per_page=1000", 400, "E804"), ("/api/quotes?page=x", 400, "E804"),
    ("/api/articles/0000000000000000", 404, "E803"), ("/api/entities/Q0", 404, "E803"),
    ("/api/nothing", 404, "E803"), ("/articles/nope", 404, "E803"),
])
def test_one_error_shape_everywhere(client, url, status, code):
    assert_error(client.get(url), status, code)


def test_wrong_method_has_the_error_shape(client):
    assert_error(client.delete("/api/articles"), 405, "E804")


def test_pages_render_errors_for_browsers(client):
    response = client.get("/articles/nope", headers={"accept": "text/html"})
    assert response.status_code == 404 and "E803" in response.text and 'dir="rtl"' in response.text


def test_analyze_without_storing(client):
    response = client.post("/api/analyze", json={"text": "قال وزير الخارجية المصري أمس إن المحادثات مستمرة.",
                                                 "published": "2024-05-02"})
    assert response.status_code == 200
    body = response.json()
    assert body["timexes"][0]["value"] == "2024-05-01" and body["quotes"]
    assert client.get("/api/articles").json()["total"] == 3


@pytest.mark.parametrize("body, kind", [(b"{not json", "application/json"), (b'{"title": "x"}', "application/json"),
                                        (b"   ", "text/plain"), (b'{"text": "x", "published": "soon"}', "application/json")])
def test_analyze_refuses_bad_bodies(client, body, kind):
    assert_error(client.post("/api/analyze", content=body, headers={"content-type": kind}), 400, "E804")


def test_analyze_body_size_limit(client):
    text = "خبر " * (MAX_ANALYZE_BYTES // 4)
    assert_error(client.post("/api/analyze", json={"text": text}), 413, "E806")


def test_a_token_guards_every_request(corpus_db):
    guarded = TestClient(create_app(corpus_db, token="s3cret"), raise_server_exceptions=False)
    for url in ("/api/articles", "/", "/static/khabar.css", "/openapi.json"):
        assert_error(guarded.get(url), 401, "E805")
    assert_error(guarded.get("/api/articles", headers={"Authorization": "Bearer wrong"}), 401, "E805")
    assert guarded.get("/api/articles", headers={"Authorization": "Bearer s3cret"}).status_code == 200


def test_openapi_and_own_docs(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/articles", "/api/articles/{article_id}", "/api/entities", "/api/quotes", "/api/events",
            "/api/analyze"} <= set(spec["paths"])
    docs = client.get("/docs").text
    assert "/api/events" in docs and "cdn" not in docs.lower()


def test_article_markup_is_escaped_everywhere(client):
    page = client.get(f"/articles/{SCRIPTED}").text
    assert "<script>window" not in page and "&lt;script&gt;window.__pwned" in page
    assert "<b>" not in page and "&lt;b&gt;" in page
    assert "<script>window" not in client.get("/?q=الطقس").text
    assert client.get(f"/api/articles/{SCRIPTED}").json()["text"].count("<script>") == 1


def test_article_page_highlights_and_fact_sheet(client):
    page = client.get(f"/articles/{FIRST}").text
    assert 'lang="ar" dir="rtl"' in page
    for css in ('class="hl ent ent-PERSON"', 'class="hl date"', 'class="hl quote"', 'class="hl trigger"'):
        assert css in page
    assert "بطاقة الخبر" in page and "CONSULT" in page


@pytest.mark.parametrize("url, needle", [
    ("/", "الأكثر ذكرا"), ("/?q=روسيا", "2 نتيجة"), ("/entities/Q7747", "<svg"), ("/entities?q=بوتن", "فلاديمير بوتين"),
    ("/quotes?speaker=بوتين", "بلاده مستعدة"), ("/events?type=CONSULT", "<svg"), ("/sources", "نافذة الخليج"),
])
def test_pages(client, url, needle):
    response = client.get(url)
    assert response.status_code == 200 and needle in response.text


def test_no_asset_comes_from_elsewhere(client):
    for url in ("/", f"/articles/{FIRST}", "/entities/Q7747", "/events", "/docs"):
        html = client.get(url).text
        assert "http://" not in html.replace("http://www.w3.org/2000/svg", "") and "https://" not in html
