"""Shared fixtures: paths to the project's examples and to ../shared (absent in a user's clone)."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_aa3050b82a50909d.txt"
SAUDINEWSNET = SHARED / "data" / "news" / "saudinewsnet"

needs_shared = pytest.mark.skipif(not SEED.exists(), reason="../shared (reference article and corpora) not present")


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("../shared not present")
    return SEED.read_text("utf-8")


def built_article(text, *, source=None, published=None, title=None, entities=(), quotes=(), events=()):
    """An article through the cheap stages, with entities, quotes and events added by hand.

    `entities`: (id, label, name_ar, name_en, kb_id, [surface forms found in the text]);
    `quotes`: (text in the article, speaker id); `events`: dicts of Event fields with "trigger" a surface.
    """
    from khabar.document import Entity, Event, Mention, Quote
    from khabar.pipeline import Pipeline

    article = Pipeline(["layout", "sentences", "tokens", "timex"])(
        __import__("khabar").Article(text=text, source=source, published=published, title=title)
    )
    for eid, label, name_ar, name_en, kb_id, forms in entities:
        article.entities.append(
            Entity(id=eid, label=label, name_ar=name_ar, name_en=name_en, kb_id=kb_id, aliases=list(forms))
        )
        for form in forms:
            start = text.index(form)
            article.mentions.append(
                Mention(
                    start=start,
                    end=start + len(form),
                    label=label,
                    text=form,
                    id=f"m{len(article.mentions)}",
                    entity=eid,
                )
            )
    for i, (said, speaker) in enumerate(quotes):
        start = text.index(said)
        article.quotes.append(
            Quote(start=start, end=start + len(said), kind="indirect", text=said, id=f"q{i}", speaker=speaker)
        )
    for i, fields in enumerate(events):
        fields = dict(fields)
        trigger = fields.pop("trigger")
        start = text.index(trigger)
        article.events.append(Event(id=f"ev{i}", trigger=article.span(start, start + len(trigger)), **fields))
    article.stages += ["ner", "entities", "quotes", "events"]
    return article


PUTIN = ("e0", "PERSON", "فلاديمير بوتين", "Vladimir Putin", "Q7747", ["فلاديمير بوتين"])


def sample_articles():
    """Three articles written for the tests: proclitics, name variants, events, and markup in the text."""
    first = (
        "موسكو تستضيف محادثات جديدة\n\nقال الرئيس فلاديمير بوتين يوم الاثنين 4 مارس 2024 إن بلاده مستعدة "
        "للحوار مع جيرانها. وأضاف أن العلاقات بين الصين وروسيا قوية ومتينة."
    )
    second = (
        "وزير الخارجية يزور بكين\n\nبكين - 6 مارس (رويترز) - أعلنت الوزارة أن الوزير سيسافر لروسيا الأسبوع المقبل لبحث التعاون "
        "التجاري. وقالت الوكالة إن بوتين سيستقبله في قصر الكرملين."
    )
    third = (
        "تقرير الطقس <script>window.__pwned = 1</script>\n\nتشهد الرياض اليوم أجواء حارة "
        "<b>وغبارا</b> خفيفا بحسب الأرصاد."
    )
    return [
        built_article(
            first,
            source="صحيفة الأمس",
            published="2024-03-04",
            entities=[
                PUTIN,
                ("e1", "GPE", "روسيا", "Russia", "Q159", ["روسيا"]),
                ("e2", "GPE", "موسكو", "Moscow", "Q649", ["موسكو"]),
                ("e3", "GPE", "الصين", "China", "Q148", ["الصين"]),
            ],
            quotes=[("بلاده مستعدة للحوار مع جيرانها", "e0")],
            events=[
                {
                    "type": "CONSULT",
                    "cameo": "040",
                    "plover": "CONSULT",
                    "trigger": "محادثات",
                    "actors": {"source": ["e0"], "target": ["e3"], "codes": {"e0": "RUSGOV"}},
                    "location": "e2",
                    "modality": "asserted",
                    "sentence": "s0",
                }
            ],
        ),
        built_article(
            second,
            source="نافذة الخليج",
            published="2024-03-06",
            entities=[
                ("e0", "PERSON", "بوتين", "Vladimir Putin", "Q7747", ["بوتين"]),
                ("e1", "GPE", "روسيا", "Russia", "Q159", ["روسيا"]),
            ],
            events=[
                {
                    "type": "VISIT",
                    "cameo": "042",
                    "plover": "CONSULT",
                    "trigger": "يزور",
                    "actors": {"source": [], "target": ["e1"], "codes": {"e1": "RUS"}},
                    "modality": "planned",
                }
            ],
        ),
        built_article(
            third,
            source="نافذة الخليج",
            published="2024-03-07",
            entities=[("e0", "GPE", "الرياض", "Riyadh", "Q3692", ["الرياض"])],
        ),
    ]


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory):
    """A store holding `sample_articles()`."""
    from khabar.store import Store

    path = tmp_path_factory.mktemp("store") / "khabar.db"
    store = Store(path)
    with store.transaction():
        for article in sample_articles():
            store.upsert(article)
    store.close()
    return path


@pytest.fixture(scope="session")
def pipeline():
    """The default pipeline, built once for the quote, claim and speaker tests."""
    from khabar import Pipeline

    return Pipeline()


def analyse(pipeline, text: str, published: str = "2023-09-13"):
    """An analysed text that raised no stage error, and its entities' Arabic names by id."""
    from khabar import Article

    article = pipeline(Article(text=text, published=published))
    assert article.errors == []
    return article, {e.id: e.name_ar for e in article.entities}
