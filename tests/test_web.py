"""The JSON API and the pages, through FastAPI's TestClient: every endpoint, bad parameters,
unknown ids, one error shape, the bearer token, the body limit and escaping of article markup."""

import json

import pytest
from fastapi.testclient import TestClient

from conftest import sample_articles
from khabar.web import create_app
from khabar.web.app import MAX_ANALYZE_BYTES


@pytest.fixture(scope="module")
def client(corpus_db):
    return TestClient(create_app(corpus_db), raise_server_exceptions=False)


def assert_error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code and body["error"]["message"]


FIRST, SECOND, SCRIPTED = (a.id for a in sample_articles())


@pytest.mark.parametrize(
    "url, total",
    [
        ("/api/articles", 3),
        ("/api/articles?q=لروسيا", 2),
        ("/api/articles?q=بوتن&source=نافذة الخليج", 1),
        ("/api/articles?from=2024-03-05&to=2024-03-07", 2),
        ("/api/articles?entity=Q7747", 2),
        ("/api/entities?q=بوتن", 1),
        ("/api/entities", 5),
        ("/api/quotes?speaker=Q7747", 1),
        ("/api/quotes?q=للحوار", 1),
        ("/api/events?type=CONSULT&actor=بوتين", 1),
        ("/api/events?from=2024-03-05", 1),
    ],
)
def test_lists_are_paginated_and_filtered(client, url, total):
    body = client.get(url).json()
    assert body["total"] == total and {"items", "page", "per_page", "pages"} <= set(body)


def test_pages_of_a_list(client):
    body = client.get("/api/articles?per_page=1&page=3").json()
    assert body["page"] == 3 and body["pages"] == 3 and len(body["items"]) == 1


def test_the_full_article_is_the_json_contract_tokens_included(client):
    from importlib import resources

    import jsonschema

    body = client.get(f"/api/articles/{FIRST}").json()
    schema = json.loads(resources.files("khabar.schema").joinpath("article.schema.json").read_text("utf-8"))
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(body))
    assert body.pop("story") is None  # the store made by the fixture has no stories
    assert body == sample_articles()[0].to_dict() and body["tokens"] and body["events"][0]["cameo"] == "040"


def test_an_entity(client):
    body = client.get("/api/entities/Q7747").json()
    assert body["name_ar"] == "فلاديمير بوتين" and body["timeline"] and body["events"]


def test_sources(client):
    assert "items" in client.get("/api/sources").json()


@pytest.mark.parametrize(
    "url, status, code",
    [
        ("/api/articles?from=2024-13-01", 400, "E804"),
        ("/api/articles?to=yesterday", 400, "E804"),
        ("/api/events?from=03/04/2024", 400, "E804"),
        ("/api/articles?page=0", 400, "E804"),
        ("/api/articles?per_page=1000", 400, "E804"),
        ("/api/quotes?page=x", 400, "E804"),
        ("/api/articles/0000000000000000", 404, "E803"),
        ("/api/entities/Q0", 404, "E803"),
        ("/api/nothing", 404, "E803"),
        ("/articles/nope", 404, "E803"),
    ],
)
def test_one_error_shape_everywhere(client, url, status, code):
    assert_error(client.get(url), status, code)


def test_wrong_method_has_the_error_shape(client):
    assert_error(client.delete("/api/articles"), 405, "E804")


def test_pages_render_errors_for_browsers(client):
    response = client.get("/articles/nope", headers={"accept": "text/html"})
    assert response.status_code == 404 and "E803" in response.text and 'dir="rtl"' in response.text


def test_analyze_without_storing(client):
    response = client.post(
        "/api/analyze", json={"text": "قال وزير الخارجية المصري أمس إن المحادثات مستمرة.", "published": "2024-05-02"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["timexes"][0]["value"] == "2024-05-01" and body["quotes"]
    assert client.get("/api/articles").json()["total"] == 3


@pytest.mark.parametrize(
    "body, kind",
    [
        (b"{not json", "application/json"),
        (b'{"title": "x"}', "application/json"),
        (b"   ", "text/plain"),
        (b'{"text": "x", "published": "soon"}', "application/json"),
        (b'{"text": "x", "published": 20240101}', "application/json"),
        (b'{"text": "x", "published": ["2024-01-01"]}', "application/json"),
        (b'{"text": NaN}', "application/json"),
        (b'{"text": "x", "published": Infinity}', "application/json"),
        (b"[" * 99_000 + b"]" * 99_000, "application/json"),
        (b'{"text": "\\ud800 x"}', "application/json"),
        (b'{"text": "x", "title": {"a": 1}}', "application/json"),
        (b'{"text": "x", "title": ["x"]}', "application/json"),
        (b'{"text": "x", "source": 5}', "application/json"),
        (b'{"text": "x", "url": true}', "application/json"),
        (b'{"text": "x", "extra": 1}', "application/json"),
        (b'["text"]', "application/json"),
        (b'{"text": 12}', "application/json"),
        (b"\xff\xfe", "text/plain"),
    ],
)
def test_analyze_refuses_bad_bodies(client, body, kind):
    assert_error(client.post("/api/analyze", content=body, headers={"content-type": kind}), 400, "E810")


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
    assert {
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/entities",
        "/api/quotes",
        "/api/events",
        "/api/analyze",
    } <= set(spec["paths"])
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


@pytest.mark.parametrize(
    "url, needle",
    [
        ("/", "الأكثر ذكرا"),
        ("/?q=روسيا", "2 نتيجة"),
        ("/entities/Q7747", "<svg"),
        ("/entities?q=بوتن", "فلاديمير بوتين"),
        ("/quotes?speaker=بوتين", "بلاده مستعدة"),
        ("/events?type=CONSULT", "<svg"),
        ("/sources", "نافذة الخليج"),
    ],
)
def test_pages(client, url, needle):
    response = client.get(url)
    assert response.status_code == 200 and needle in response.text


def test_no_asset_comes_from_elsewhere(client):
    for url in ("/", f"/articles/{FIRST}", "/entities/Q7747", "/events", "/docs"):
        html = client.get(url).text
        assert "http://" not in html.replace("http://www.w3.org/2000/svg", "") and "https://" not in html


LONG_QUERY = " ".join(f"كلمة{i}" for i in range(500))


@pytest.mark.parametrize(
    "url",
    [
        "/?page=99999999999999999999999",
        "/entities?page=10000000000000000000",
        "/quotes?page=1e30",
        "/events?page=-1",
        "/api/articles?page=99999999999999999999",
    ],
)
def test_huge_or_bad_page_numbers_are_400(client, url):
    assert_error(client.get(url), 400, "E804")


@pytest.mark.parametrize(
    "url",
    [
        f"{path}{LONG_QUERY}"
        for path in (
            "/api/articles?q=",
            "/?q=",
            "/api/quotes?q=",
            "/quotes?q=",
            "/api/entities?q=",
            "/entities?q=",
            "/api/quotes?speaker=",
            "/api/events?actor=",
        )
    ],
)
def test_a_query_of_500_words_is_a_400(client, url):
    assert_error(client.get(url), 400, "E809")


@pytest.mark.parametrize(
    "url, total",
    [
        ("/api/entities?q=%25", 0),
        ("/api/entities?q=_", 0),
        ("/api/entities?q=%5C", 0),
        ("/api/quotes?speaker=%25", 0),
        ("/api/quotes?speaker=_", 0),
        ("/api/events?type=%25", 0),
        ("/api/events?type=0_0", 0),
        ("/api/events?type=04", 2),
    ],
)
def test_like_wildcards_are_matched_literally(client, url, total):
    assert client.get(url).json()["total"] == total


@pytest.mark.parametrize(
    "value",
    [
        "' OR 1=1 --",
        "'; DROP TABLE articles; --",
        '"',
        '"روسيا',
        "روسيا*",
        "NEAR(روسيا الصين)",
        "title:روسيا",
        "روسيا OR الصين",
        "روسيا AND NOT الصين",
        "^روسيا",
        "{title}: x",
        "(",
        ")",
        "*",
        "-روسيا",
        "روسيا + الصين",
        "\\",
        "%",
        "\x00",
        "' UNION SELECT json FROM articles --",
    ],
)
def test_fts_and_sql_injection_strings_are_harmless(client, value):
    for path, param in (
        ("/api/articles", "q"),
        ("/api/articles", "source"),
        ("/api/articles", "entity"),
        ("/api/entities", "q"),
        ("/api/entities", "label"),
        ("/api/quotes", "q"),
        ("/api/quotes", "speaker"),
        ("/api/events", "type"),
        ("/api/events", "actor"),
        ("/", "q"),
    ):
        response = client.get(path, params={param: value})
        assert response.status_code == 200, (path, param, response.text)
        if path.startswith("/api"):
            assert response.json()["total"] <= (5 if path == "/api/entities" else 3)
    assert client.get("/api/articles").json()["total"] == 3


SECURITY = {"content-security-policy", "x-content-type-options"}


def test_every_response_has_the_security_headers(corpus_db, client):
    guarded = TestClient(create_app(corpus_db, token="s3cret"), raise_server_exceptions=False)
    broken = TestClient(create_app(corpus_db), raise_server_exceptions=False)

    def fail():
        raise RuntimeError("a bug")

    broken.app.state.store = fail
    responses = [
        client.get("/"),
        client.get("/api/articles"),
        client.get("/static/khabar.css"),
        client.get("/api/nothing"),
        client.get("/nothing", headers={"accept": "text/html"}),
        client.get("/api/articles?page=0"),
        client.delete("/api/articles"),
        guarded.get("/api/articles"),
        guarded.get("/", headers={"accept": "text/html"}),
        broken.get("/api/articles"),
        broken.get("/", headers={"accept": "text/html"}),
        client.post("/api/analyze", content=b"x" * (MAX_ANALYZE_BYTES + 1)),
    ]
    assert [r.status_code for r in responses] == [200, 200, 200, 404, 404, 400, 405, 401, 401, 500, 500, 413]
    for response in responses:
        assert SECURITY <= set(response.headers), response.request.url
        assert response.headers["x-content-type-options"] == "nosniff"
    assert_error(responses[9], 500, "E808")


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer "},
        {"Authorization": "bearer s3cret"},
        {"Authorization": "Bearer s3cret "},
        {"Authorization": " Bearer s3cret"},
        {"Authorization": "Bearer s3cre"},
        {"Authorization": "Bearer s3cretX"},
        {"Authorization": "Basic czNjcmV0"},
        {"Authorization": "s3cret"},
        {"X-Token": "s3cret"},
        {"Cookie": "token=s3cret"},
    ],
)
def test_no_token_bypass(corpus_db, headers):
    guarded = TestClient(create_app(corpus_db, token="s3cret"), raise_server_exceptions=False)
    for method, url in (
        ("GET", "/api/articles"),
        ("GET", "//api/articles"),
        ("GET", "/static/../api/articles"),
        ("GET", "/api/articles?token=s3cret"),
        ("HEAD", "/"),
        ("OPTIONS", "/api/articles"),
        ("POST", "/api/analyze"),
        ("GET", "/docs"),
        ("GET", "/openapi.json"),
        ("GET", "/nothing"),
    ):
        response = guarded.request(method, url, headers=headers, content=b"x" if method == "POST" else None)
        assert response.status_code == 401, (method, url, headers)


def test_ten_megabyte_bodies_are_refused(client):
    ten_mb = b"x" * 10_000_000
    assert_error(client.post("/api/analyze", content=ten_mb, headers={"content-type": "text/plain"}), 413, "E806")

    def chunks():  # no content-length: the limit holds while reading
        for _ in range(100):
            yield b"x" * 100_000

    assert_error(client.post("/api/analyze", content=chunks(), headers={"content-type": "text/plain"}), 413, "E806")
    lying = client.post("/api/analyze", content=b"x" * 300_000, headers={"content-length": "5"})
    assert lying.status_code in (400, 413)


HOSTILE = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"


@pytest.fixture(scope="module")
def hostile_client(tmp_path_factory):
    """A store whose one article carries markup in every field: text, title, source, url, author, entity names,
    roles, quote, event type, codes and trigger."""
    from conftest import built_article
    from khabar.store import Store

    text = f"عنوان {HOSTILE}\n\nقال الوزير {HOSTILE} إن {HOSTILE} مستعد للحوار، وهاجم {HOSTILE} الخصوم."
    first = text.index(HOSTILE)
    article = built_article(
        text,
        source=HOSTILE,
        published="2024-03-04",
        title=HOSTILE,
        entities=[("e0", "PERSON", HOSTILE, HOSTILE, HOSTILE, [HOSTILE])],
        quotes=[(f"{HOSTILE} مستعد للحوار", "e0")],
        events=[
            {
                "type": HOSTILE,
                "cameo": HOSTILE,
                "plover": HOSTILE,
                "trigger": "وهاجم",
                "actors": {"source": ["e0"], "target": ["e0"], "codes": {"e0": HOSTILE}},
                "location": "e0",
                "modality": HOSTILE,
                "sentence": "s0",
            }
        ],
    )
    article.url, article.author = "javascript:alert(3)", HOSTILE
    article.entities[0].roles = [HOSTILE]
    article.quotes[0].extra["speaker_text"] = HOSTILE
    assert article.text[first : first + len(HOSTILE)] == HOSTILE
    path = tmp_path_factory.mktemp("hostile") / "k.db"
    store = Store(path)
    with store.transaction():
        store.upsert(article)
    store.close()
    return TestClient(create_app(path), raise_server_exceptions=False), article


def hostile_pages(article):
    from urllib.parse import quote

    key = quote(HOSTILE, safe="")
    pages = [
        f"/articles/{article.id}",
        f"/entities/{key}",
        "/",
        "/entities",
        "/quotes",
        "/events",
        "/sources",
        "/docs",
        "/nothing",
        f"/articles/{key}",
        f"/entities/{key}x",
    ]
    for param in ("q", "source", "entity", "from", "to"):
        pages.append(f"/?{param}={key}")
    for path, params in (
        ("/entities", ("q", "page")),
        ("/quotes", ("q", "speaker", "page")),
        ("/events", ("type", "actor", "from", "to", "page")),
    ):
        pages += [f"{path}?{param}={key}" for param in params]
    pages += [
        f"/?q={quote('مستعد')}",
        f"/events?type={key}&actor={key}",
        f"/quotes?speaker={key}&q={key}",
        f"/?q={key}&source={key}&entity={key}",
        "/static/..%2f",
        f"/{key}",
        f"/?page=2&q={key}",
        f"/?from=2024-03-01&to=2024-03-31&q={key}",
        f"/events?from=2024-03-01&to=2024-03-31&type={key}",
        f"/quotes?page=2&speaker={key}",
        f"/entities?q={key}&page=2",
    ]
    return pages


def test_markup_in_every_field_is_escaped_on_every_page(hostile_client):
    client, article = hostile_client
    pages = hostile_pages(article)
    assert len(pages) >= 36
    shown = 0
    for url in pages:
        response = client.get(url, headers={"accept": "text/html"})
        assert response.status_code in (200, 400, 404), url
        body = response.text
        assert "<script>alert" not in body and "<img src=x" not in body and 'href="javascript:' not in body, url
        shown += "&lt;script&gt;alert(1)" in body
    assert shown >= 10
    page = client.get(f"/articles/{article.id}").text
    assert page.count("&lt;script&gt;alert(1)") >= 5 and 'href="javascript' not in page


@pytest.mark.parametrize(
    "url, linked",
    [
        ("https://example.org/news/1", True),
        ("http://example.org/a?b=1&c=2", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:text/html,<b>x</b>", False),
        ("vbscript:msgbox", False),
        ("//evil.example/x", False),
        ("http:/no-host", False),
        ("ftp://example.org/x", False),
    ],
)
def test_the_article_link_is_http_only(tmp_path, url, linked):
    from khabar.store import Store

    article = sample_articles()[1]
    article.url = url
    store = Store(tmp_path / "u.db")
    with store.transaction():
        store.upsert(article)
    store.close()
    page = TestClient(create_app(tmp_path / "u.db")).get(f"/articles/{article.id}").text
    assert ('rel="noreferrer nofollow"' in page) == linked
    if linked:
        assert 'href="' + url.replace("&", "&amp;") + '"' in page
