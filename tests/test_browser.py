"""The pages in headless Chromium (Debian's `chromium`, driven by Playwright; no browser download):
article and entity pages, their highlights and right-to-left layout, a search from the home page, search
results grouped by story, a story page and its timeline charts.
Skipped when chromium or Playwright is absent."""

import shutil
import socket
import subprocess
import sys
import time

import pytest

from conftest import EXAMPLES, sample_articles

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed")
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server(corpus_db):
    yield from serve(corpus_db)


@pytest.fixture(scope="module")
def story_server(tmp_path_factory):
    """A store of the project's one-story example (examples/port_story.jsonl): three outlets, one sports item."""
    from click.testing import CliRunner

    from khabar.cli import main

    db = tmp_path_factory.mktemp("stories") / "k.db"
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES / "port_story.jsonl"), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    yield from serve(db)


def serve(db):
    """`khabar serve` in its own process (no server thread is left in the test process, which later forks)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "khabar.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(10)


@pytest.fixture(scope="module")
def page(server):
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        yield page
        browser.close()


def background(page, selector):
    return page.eval_on_selector(selector, "el => getComputedStyle(el).backgroundColor")


def test_article_page_highlights_in_distinct_colours_right_to_left(server, page):
    first = sample_articles()[0]
    page.goto(f"{server}/articles/{first.id}")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.eval_on_selector("#story", "el => getComputedStyle(el).direction") == "rtl"
    assert page.inner_text("#story .hl.ent.ent-PERSON") == "فلاديمير بوتين"
    assert page.inner_text("#story .hl.trigger") == "محادثات"
    assert "2024" in page.inner_text("#story .hl.date")
    colours = {
        background(page, f"#story {s}")
        for s in (".hl.ent-PERSON", ".hl.ent-GPE", ".hl.date", ".hl.quote", ".hl.trigger")
    }
    assert len(colours) == 5 and "rgba(0, 0, 0, 0)" not in colours
    assert "بلاده مستعدة للحوار" in page.inner_text("#facts")
    page.uncheck("#legend input[data-layer=ent]")
    assert background(page, "#story .hl.ent-PERSON") == "rgba(0, 0, 0, 0)"


def test_markup_in_an_article_is_shown_not_run(server, page):
    page.goto(f"{server}/articles/{sample_articles()[2].id}")
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned = 1</script>" in page.inner_text("#story")


def test_entity_page_from_a_highlight(server, page):
    page.goto(f"{server}/articles/{sample_articles()[0].id}")
    page.click("#story .hl.ent.ent-PERSON")
    page.wait_for_url("**/entities/Q7747")
    assert page.inner_text("h1").startswith("فلاديمير بوتين")
    assert page.locator("svg.chart").count() == 2 and page.locator("svg.chart").first.locator("rect").count() == 2
    assert "بوتين" in page.inner_text(".aliases")


def test_search_from_the_home_page(server, page):
    page.goto(server)
    page.fill("#search-form input[name=q]", "بوتن")
    page.click("#search-form button")
    page.wait_for_selector(".hits li")
    assert page.locator(".hits li").count() == 2
    assert "بوتين" in page.inner_text(".hits mark")


def test_search_results_are_grouped_by_story(story_server, page):
    page.goto(f"{story_server}/?q=ينبع")
    hits = page.locator(".hits > li.hit")
    assert hits.count() == 1  # three outlets' articles, one story
    summary = page.locator(".hits details.story-group summary")
    assert "نشرته 3 منافذ" in summary.inner_text()
    assert not page.locator(".hits details.story-group ul").is_visible()
    summary.click()
    assert page.locator(".hits details.story-group ul li").count() == 2
    page.click(".hits details.story-group summary a")
    page.wait_for_url("**/stories/*")
    assert "ينبع" in page.inner_text("h1")


def test_story_page_shows_outlets_side_by_side_and_merged_quotes(story_server, page):
    page.goto(f"{story_server}/stories")
    page.click(".stories .story-item a.title")
    page.wait_for_url("**/stories/*")
    assert page.locator(".outlet-columns .outlet").count() == 3
    tops = {round(box["y"]) for box in (o.bounding_box() for o in page.locator(".outlet-columns .outlet").all())}
    assert len(tops) == 1  # side by side
    first_quote = page.locator(".quotes.merged li").first.inner_text()
    assert "نقله 3" in first_quote and "هذه المحطة تضع ينبع" in first_quote
    assert page.locator(".story-timeline li").count() == 3


def test_timeline_charts_have_a_time_axis_and_labels_inside(story_server, page):
    page.goto(f"{story_server}/stories")
    page.click(".stories .story-item a.title")
    page.wait_for_url("**/stories/*")
    charts = page.locator("svg.chart")
    assert charts.count() == 2
    for chart in charts.all():
        box = chart.bounding_box()
        for text in chart.locator("text").all():
            t = text.bounding_box()
            assert box["x"] - 1 <= t["x"] and t["x"] + t["width"] <= box["x"] + box["width"] + 1
            assert box["y"] - 1 <= t["y"] and t["y"] + t["height"] <= box["y"] + box["height"] + 1
        bars = [r.bounding_box() for r in chart.locator("rect").all()]
        assert len(bars) == 2 and bars[0]["x"] < bars[1]["x"]  # 12 then 13 May, left to right
        assert bars[0]["width"] < box["width"] / 3  # two days are two bars, not one solid block
    labels = charts.first.locator("text").all_text_contents()
    assert "12 مايو" in labels and "13 مايو" in labels
