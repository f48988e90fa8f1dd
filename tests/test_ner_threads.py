"""The NER stage's shared model under threads: each thread's results equal the single-threaded ones."""

import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from khabar import Article, Pipeline
from khabar.ner.model import load_model

# Our own sentences, different lengths so that one thread's sequence is out of range for another's.
SENTENCES = [
    "التقى وزير الخارجية السعودي نظيره المصري في القاهرة يوم الأحد .",
    "قال المتحدث باسم الأمم المتحدة إن القافلة وصلت إلى غزة .",
    "أعلنت شركة أرامكو عن أرباحها .",
    (
        "وصل الرئيس الفرنسي إيمانويل ماكرون إلى بيروت صباح الاثنين في زيارة تستمر يومين يلتقي خلالها "
        "رئيس الحكومة اللبنانية وعددا من النواب ."
    ),
    "فاز الهلال على النصر .",
    "افتتح أمير منطقة الرياض معرض الكتاب الدولي بحضور وزير الثقافة وسفراء عدد من الدول العربية والأجنبية .",
]

ARTICLES = [
    "الرياض - أعلنت وزارة الصحة السعودية اليوم افتتاح مستشفى جديد في مدينة جدة بسعة ثلاثمئة سرير.",
    (
        "بيروت - التقى رئيس الوزراء اللبناني في السراي الحكومي سفير الاتحاد الأوروبي وبحث معه دعم الجيش.\n\n"
        "وقال المكتب الإعلامي إن اللقاء تناول أوضاع اللاجئين السوريين."
    ),
    "القاهرة - استقبل الرئيس عبد الفتاح السيسي ملك الأردن عبد الله الثاني في قصر الاتحادية.",
    "دبي - قالت شركة طيران الإمارات إنها ستسير رحلات جديدة إلى طوكيو ونيروبي اعتبارا من الشهر المقبل.",
]


@pytest.fixture
def fine_switching():
    """Switch threads as often as the interpreter allows, so that races show up in a short test."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(interval)


def run_threads(work, items, threads=4, rounds=1):
    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(work, items * rounds))


def attempt(work, item):
    """`work(item)`, or the exception it raised (so that every failure is counted)."""
    try:
        return work(item)
    except Exception as exc:  # noqa: BLE001 - the test counts any failure
        return exc


def test_crf_marginals_are_the_same_in_concurrent_threads(fine_switching):
    crf = load_model().crf
    assert crf is not None
    words = [s.split() for s in SENTENCES]
    expected = [crf.log_marginals(w) for w in words]
    rounds = 400  # 2,400 calls per run, each sentence many times in each of four threads
    got = run_threads(lambda w: attempt(crf.log_marginals, w), words, threads=4, rounds=rounds)
    wrong = sum(
        not isinstance(g, np.ndarray) or not np.array_equal(g, expected[i % len(words)]) for i, g in enumerate(got)
    )
    assert wrong == 0, f"{wrong} of {len(got)} threaded CRF results differ from the single-threaded ones"


def test_the_ner_stage_gives_the_same_mentions_in_concurrent_threads(fine_switching):
    pipeline = Pipeline(["layout", "sentences", "tokens", "ner"])

    def mentions(text):
        article = pipeline(Article(text=text))
        if article.errors:
            return [e.code for e in article.errors]
        return [(m.start, m.end, m.label, m.subtype, m.score) for m in article.mentions]

    expected = [mentions(text) for text in ARTICLES]
    assert all(expected)
    rounds = 10
    got = run_threads(mentions, ARTICLES, threads=4, rounds=rounds)
    wrong = sum(g != expected[i % len(ARTICLES)] for i, g in enumerate(got))
    assert wrong == 0, f"{wrong} of {len(got)} threaded articles differ from the single-threaded ones"
