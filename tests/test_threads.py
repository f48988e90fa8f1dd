"""The quotes and events stages under threads: shared finders hold tables only, so two threads reading
different articles at once give exactly the answers one thread gives."""

import copy
import json
import sys
import threading

import pytest

from conftest import EXAMPLES
from khabar import Article, Pipeline
from khabar.events.stage import events_stage
from khabar.ingest import read_path
from khabar.quotes.stage import quotes_stage

# Our own articles, each with other speakers, actors, places and institutions.
ARTICLES = [
    "قال وزير الخارجية الروسي سيرغي لافروف للصحفيين في موسكو يوم الاثنين إن بلاده مستعدة للحوار. "
    "وزار لافروف الصين الأسبوع الماضي حيث التقى نظيره الصيني وانغ يي في بكين.",
    "أعلنت وزارة الداخلية السعودية أن الشرطة اعتقلت ثلاثة أشخاص في الرياض أمس. "
    "وأكد المتحدث باسم الوزارة أن التحقيقات مستمرة، بحسب وكالة الأنباء السعودية.",
    "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة أمس رئيس الوزراء الإثيوبي آبي أحمد، وبحث الزعيمان "
    "أزمة سد النهضة. وقال السيسي: «نريد اتفاقا عادلا يحفظ حقوق كل الأطراف في المنطقة».",
    "أدانت تركيا الهجوم على قافلة المساعدات في غزة، ودعت الأمم المتحدة إلى تحقيق عاجل. ونفى المتحدث "
    "باسم الجيش الإسرائيلي أن تكون القوات قد استهدفت القافلة، فيما ذكرت مصادر طبية أن عشرة أشخاص أصيبوا.",
    "وقع الرئيس الأمريكي جو بايدن والرئيس الفرنسي إيمانويل ماكرون اتفاقية للتعاون في باريس يوم الجمعة. "
    "وقال بايدن إن الاتفاقية «تفتح صفحة جديدة بين البلدين»، وأشاد ماكرون بالشراكة.",
    "اعتقلت الشرطة التركية صحفيا في إسطنبول، ونددت منظمة العفو الدولية بالاعتقال. وقالت المنظمة في بيان "
    "إن الصحفي «لم يرتكب أي جريمة»، بحسب ما أوردت وكالة رويترز.",
]
ANALYSES = 2100  # quotes + events runs in all, over every thread
THREADS = 3


def answer(article: Article) -> str:
    found = {group: [x.to_dict() for x in getattr(article, group)] for group in ("quotes", "claims", "events")}
    return json.dumps([found, article.cited_sources, article.photo_credits], ensure_ascii=False, sort_keys=True)


@pytest.fixture(scope="module")
def prepared() -> list[Article]:
    """Every article through the slow stages once (layout … entities)."""
    slow = Pipeline(("layout", "sentences", "tokens", "ner", "timex", "entities"))
    articles = [slow(Article(text=t, published="2024-03-11")) for t in ARTICLES]
    articles += [slow(a) for a in read_path(str(EXAMPLES / "summit_report.txt"))]  # one long article is enough
    return articles


def analyse(article: Article) -> Article:
    return events_stage(quotes_stage(copy.deepcopy(article)))


def test_articles_differ_in_what_they_find(prepared):
    answers = [answer(analyse(a)) for a in prepared]
    assert len(set(answers)) == len(answers)
    assert all(analyse(a).events for a in prepared[: len(ARTICLES)])
    assert all(analyse(a).quotes or analyse(a).claims for a in prepared[: len(ARTICLES)])


def test_threads_give_the_single_thread_answers(prepared):
    reference = [answer(analyse(a)) for a in prepared]
    wrong: list[tuple[int, str]] = []
    done = [0] * THREADS

    def work(k: int) -> None:
        for n in range(ANALYSES // THREADS):
            i = (n * THREADS + k) % len(prepared)
            try:
                got = answer(analyse(prepared[i]))
            except Exception as exc:  # noqa: BLE001 - a failed answer is a wrong answer
                got = repr(exc)
            if got != reference[i]:
                wrong.append((i, got[:200]))
            done[k] += 1

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        threads = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert sum(done) == ANALYSES // THREADS * THREADS
    assert not wrong, f"{len(wrong)} of {sum(done)} answers differ from one thread's; first: {wrong[0]}"
