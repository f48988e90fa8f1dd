"""`POST /api/analyze` from several threads at once: one pipeline, built once, and every answer the same
as the single-threaded answer for that article (no answer mixed with another request's, none failed).

NER's transformer is swapped for a small gazetteer stage so that the test is quick; the other stages
run as they do in `khabar serve` (`benchmarks/api_threads.py` runs the full default pipeline)."""

import re
import sys
from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient

import khabar.web.app
from khabar.document import Mention
from khabar.pipeline import Pipeline, stage
from khabar.web import create_app

NAMES = {
    "بوتين": "PERSON",
    "عبد الله": "PERSON",
    "روسيا": "GPE",
    "مصر": "GPE",
    "القاهرة": "GPE",
    "موسكو": "GPE",
    "الأمم المتحدة": "ORG",
    "وزارة الخارجية": "ORG",
    "الرياض": "GPE",
    "شي جين بينغ": "PERSON",
    "الصين": "GPE",
}
NAME_RE = re.compile("|".join(sorted(NAMES, key=len, reverse=True)))


@stage("test_gazetteer", requires=("tokens",), assigns=("mentions",))
def gazetteer(article):
    """Mentions of a few names (a stand-in for the NER stage)."""
    for i, match in enumerate(NAME_RE.finditer(article.text)):
        article.mentions.append(
            Mention(start=match.start(), end=match.end(), label=NAMES[match.group()], text=match.group(), id=f"m{i}")
        )
    return article


LIGHT = ("layout", "sentences", "tokens", "test_gazetteer", "timex", "entities", "quotes")

ARTICLES = [
    {"text": "قال الرئيس بوتين يوم الاثنين إن روسيا مستعدة للحوار مع الصين.", "published": "2024-03-04"},
    {
        "text": "القاهرة - أعلنت وزارة الخارجية في مصر أمس أن الوزير سيزور موسكو الأسبوع المقبل.",
        "published": "2024-05-02",
        "title": "زيارة مرتقبة",
    },
    {"text": "وقال عبد الله إن الأمم المتحدة ستعقد اجتماعا طارئا غدا لبحث الأزمة.", "published": "2023-11-20"},
    {"text": "التقى شي جين بينغ بوتين في موسكو، وأكد الجانبان أن العلاقات قوية.", "published": "2024-03-21"},
    {"text": "أكدت وزارة الخارجية أن الرياض تستضيف قمة عربية في 15 مايو 2024.", "source": "نافذة الخليج"},
    {"text": "نفت روسيا اليوم أنها هاجمت أي هدف مدني، بحسب ما قاله المتحدث باسم الكرملين.", "published": "2024-01-09"},
    {"text": "ذكرت مصادر أن مصر والصين وقعتا اتفاقا تجاريا جديدا مساء الأحد.", "published": "2022-08-14"},
    {"text": "يزور عبد الله القاهرة بعد غد لبحث التعاون مع مصر، وفق بيان رسمي.", "published": "2024-02-27"},
]


def light_client(corpus_db, stages):
    return TestClient(create_app(corpus_db, pipeline=Pipeline(stages)), raise_server_exceptions=False)


def test_the_default_pipeline_is_built_once(corpus_db, monkeypatch):
    built = []

    class Counted(Pipeline):
        def __init__(self, *args, **kwargs):
            built.append(1)
            super().__init__(LIGHT)

    monkeypatch.setattr(khabar.web.app, "Pipeline", Counted)
    client = TestClient(create_app(corpus_db), raise_server_exceptions=False)
    with ThreadPoolExecutor(4) as pool:
        statuses = list(pool.map(lambda a: client.post("/api/analyze", json=a).status_code, ARTICLES * 2))
    assert statuses == [200] * 16 and len(built) == 1


def check_concurrent_answers(client, layers):
    expected = []
    for article in ARTICLES:
        response = client.post("/api/analyze", json=article)
        assert response.status_code == 200, response.text
        expected.append(response.json())
    assert all(any(a[layer] for a in expected) for layer in layers)
    jobs = [i % len(ARTICLES) for i in range(2000)]

    def ask(i):
        response = client.post("/api/analyze", json=ARTICLES[i])
        return i, response.status_code, response.json()

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, so that shared state would show
    try:
        with ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(ask, jobs))
    finally:
        sys.setswitchinterval(interval)
    failed = [i for i, status, _ in answers if status != 200]
    mixed = [i for i, status, body in answers if status == 200 and body != expected[i]]
    assert not failed and not mixed, f"{len(failed)} failed, {len(mixed)} mixed of {len(jobs)}"


def test_concurrent_requests_get_their_own_answers(corpus_db):
    layers = ("mentions", "entities", "timexes", "quotes", "events")
    check_concurrent_answers(light_client(corpus_db, (*LIGHT, "events")), layers)
