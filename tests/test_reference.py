"""The reference article in ../shared: exact layout, offsets, and the same result from Windows-1256."""

import re
from collections import Counter

import pytest

from conftest import needs_shared
from khabar import Article, Pipeline
from khabar.ingest import read_path
from khabar.ner.model import TIERS

pytestmark = needs_shared


def test_reference_article_layout(seed_text):
    article = Pipeline()(Article(text=seed_text))
    counts = Counter(b.kind for b in article.blocks)
    assert counts == {"body": 15, "caption": 4, "byline": 1, "boilerplate": 3}
    captions = article.blocks_of("caption")
    assert [c.credit.text for c in captions] == ["سبوتنيك", "سبوتنيك", "سبوتنيك", "سكاي نيوز"]
    byline = article.blocks_of("byline")[0]
    assert byline.author.text == "مينه دوك"
    assert [s.text for s in byline.sources] == ["تاس", "سبوتنيك", "تشوسون إلبو"]
    assert [b.text for b in article.blocks_of("boilerplate")] == ["[إعلان 2]", "مصدر", "تعليق (0)"]
    lines = [line.strip() for line in seed_text.split("\n") if line.strip()]
    assert len(article.blocks) == len(lines)
    assert article.check_offsets() == []


def test_reference_tokens_report_place_without_conjunction(seed_text):
    article = Pipeline()(Article(text=seed_text))
    token = next(t for t in article.tokens if t.text == "وفلاديفوستوك")
    assert token.stem.text == "فلاديفوستوك"
    assert seed_text[token.stem.start : token.stem.end] == "فلاديفوستوك"


def test_reference_quote_is_one_sentence(seed_text):
    article = Pipeline()(Article(text=seed_text))
    quoted = [s for s in article.sentences if "هناك قيود معينة" in s.text]
    assert len(quoted) == 1 and "آفاق واعدة هنا" in quoted[0].text


def test_windows_1256_copy_gives_the_same_result(seed_text, tmp_path):
    utf8 = tmp_path / "utf8.txt"
    legacy = tmp_path / "legacy.txt"
    utf8.write_bytes(seed_text.encode("utf-8"))
    legacy.write_bytes(seed_text.encode("cp1256"))
    (a,) = read_path(str(utf8))
    (b,) = read_path(str(legacy))
    assert b.meta["encoding"] in ("cp1256", "windows-1256")
    pipeline = Pipeline()
    da, db = pipeline(a).to_dict(), pipeline(b).to_dict()
    for key in ("meta", "origin"):
        da.pop(key), db.pop(key)
    assert da == db


PEOPLE = ["بوتن", "بوتين", "كيم جونج أون", "دميتري بيسكوف"]
PLACES = ["روسيا", "كوريا الشمالية", "موسكو", "خاباروفسك", "فلاديفوستوك"]
NOT_NAMES = ["الصواريخ", "الفضاء", "العدالة الدولية", "الروسي"]


def test_reference_named_entities(seed_text):
    article = Pipeline(["layout", "sentences", "tokens", "ner"])(Article(text=seed_text))
    found = {(m.label, m.text) for m in article.mentions}
    texts = {m.text for m in article.mentions}
    for name in PEOPLE:
        assert any(label == "PERSON" and name in text for label, text in found), name
    for name in PLACES:
        assert ("GPE", name) in found, name
    for word in NOT_NAMES:
        assert word not in texts, word
    vladivostok = [m for m in article.mentions if m.text == "فلاديفوستوك"]
    assert vladivostok and vladivostok[0].proclitic == "و"


def test_reference_timexes(seed_text):
    article = Pipeline(["layout", "sentences", "timex"])(Article(text=seed_text))
    found = [(t.text, t.type, t.value, t.mod) for t in article.timexes]
    assert found.count(("13 سبتمبر", "DATE", "2023-09-13", None)) == 1
    assert ("13 سبتمبر/أيلول 2023", "DATE", "2023-09-13", None) in found
    assert ("منذ عام 2019", "DATE", "2019", "ON_OR_AFTER") in found
    assert ("عام 2016", "DATE", "2016", None) in found
    assert found.count(("أكثر من خمس ساعات", "DURATION", "PT5H", "MORE_THAN")) == 2
    assert ("40 ثانية", "DURATION", "PT40S", None) in found
    assert ("30 دقيقة", "DURATION", "PT30M", None) in found
    assert ("100 عام", "DURATION", "P100Y", None) in found
    assert len(found) == 9  # nothing else: no "قرن" in "من قرن إلى قرن", no "الآن"-like noise
    bare = next(t for t in article.timexes if t.text == "13 سبتمبر")
    assert bare.anchor == {"value": "2023-09-13", "source": "text"}  # inferred from the caption's full date
    assert article.check_offsets() == []


REFERENCE_ENTITIES = {  # English name -> label; each must be exactly one entity
    "Vladimir Putin": "PERSON",
    "Kim Jong Un": "PERSON",
    "Dmitry Peskov": "PERSON",
    "Russia": "GPE",
    "North Korea": "GPE",
    "South Korea": "GPE",
    "Vostochny Cosmodrome": "FAC",
    "Amur Oblast": "GPE",
    "Russian Far East": "LOC",
    "Moscow Kremlin (Russian presidency)": "ORG",
    "TASS": "ORG",
    "Sputnik": "ORG",
    "Korean Central News Agency": "ORG",
    "Voice of Korea": "ORG",
    "The Chosun Ilbo": "ORG",
    "Sky News": "ORG",
    "Khabarovsk Krai": "GPE",
    "Komsomolsk-on-Amur": "GPE",
    "Vladivostok": "GPE",
    "Primorsky Krai": "GPE",
    "Pyongyang": "GPE",
    "Moscow": "GPE",
}


def test_reference_entities(seed_text):
    article = Pipeline()(Article(text=seed_text))
    by_name = {}
    for entity in article.entities:
        by_name.setdefault(entity.name_en, []).append(entity)
    for name, label in REFERENCE_ENTITIES.items():
        assert len(by_name.get(name, [])) == 1, (name, [e.name_en for e in article.entities])
        assert by_name[name][0].label == label and by_name[name][0].kb_id, name
    putin = by_name["Vladimir Putin"][0]
    assert putin.kb_id == "Q7747" and by_name["Kim Jong Un"][0].kb_id == "Q56226"
    assert {"بوتن", "بوتين", "فلاديمير بوتن", "الرئيس الروسي"} <= set(putin.aliases)
    assert "المتحدث باسم الكرملين" in by_name["Dmitry Peskov"][0].roles
    author = next(e for e in article.entities if e.name_ar == "مينه دوك")
    assert author.label == "PERSON"
    assert len({e.name_en for e in article.entities}) == len(article.entities)  # no duplicates
    assert all(m.entity for m in article.mentions)


def test_reference_quotes_and_claims(seed_text):
    article = Pipeline()(Article(text=seed_text))
    name = {e.id: e.name_en for e in article.entities}

    def said(fragment, kind=None):
        found = [q for q in article.quotes if fragment in q.text and (kind is None or q.kind == kind)]
        assert found, fragment
        return found[0]

    assert name[said("القيادة الكورية الشمالية مهتمة للغاية", "direct").speaker] == "Vladimir Putin"
    limits = said("هناك قيود معينة", "direct")
    assert name[limits.speaker] == "Vladimir Putin" and limits.addressee == "الصحفيين"
    assert name[said("جوهرية للغاية", "partial").speaker] == "Dmitry Peskov"
    assert name[said("جرت في أجواء ودية وبناءة").speaker] == "Voice of Korea"
    for fragment in ("حدثا فاصلا", "إلهام نضال عادل ضد الإمبريالية", "اختبار التاريخ من قرن إلى قرن"):
        assert name[said(fragment, "partial").speaker] == "Korean Central News Agency", fragment
    plan = said("خطة مدتها 100 عام", "partial")
    assert name[plan.speaker] == "Kim Jong Un" and [name[x] for x in plan.reported_by] == ["Korean Central News Agency"]
    assert name[said("التعاون الاقتصادي والإنساني").speaker] == "TASS"
    assert name[said("قبل 30 دقيقة").speaker] == "The Chosun Ilbo"
    assert name[said("تبادلا الهدايا").speaker] == "Korean Central News Agency"
    assert [(s["name"], name[s["entity"]]) for s in article.cited_sources] == [
        ("تاس", "TASS"),
        ("سبوتنيك", "Sputnik"),
        ("تشوسون إلبو", "The Chosun Ilbo"),
    ]
    assert [name[c["entity"]] for c in article.photo_credits] == ["Sputnik", "Sky News"]
    assert not [q for q in article.quotes if "قبل السيد بوتن الدعوة" in q.text]  # an invitation, not a quote


def test_reference_events(seed_text):
    article = Pipeline()(Article(text=seed_text))
    name = {e.id: e.name_en for e in article.entities}
    timex = {t.id: t for t in article.timexes}

    def events(kind):
        return [e for e in article.events if e.type == kind]

    def sides(event):
        return [name[x] for x in event.actors["source"]], [name[x] for x in event.actors["target"]]

    (talks,) = events("negotiate")  # every later mention of the talks adds to one event
    assert talks.cameo.startswith("04") and sides(talks) == (["Vladimir Putin"], ["Kim Jong Un"])
    assert talks.actors["codes"] == {talks.actors["source"][0]: "RUSGOV", talks.actors["target"][0]: "PRKGOV"}
    assert name[talks.location] == "Vostochny Cosmodrome" and talks.date == "2023-09-13"
    assert (timex[talks.time].value, timex[talks.duration].value, timex[talks.duration].mod) == (
        "2023-09-13",
        "PT5H",
        "MORE_THAN",
    )
    assert talks.settings == ["delegations", "private"] and len(talks.mentions) >= 3
    (summit,) = events("meet")
    assert sides(summit) == (["Russia"], ["North Korea"]) and timex[summit.since].value == "2019"
    tours = events("tour_site")
    assert (
        sides(tours[0]) == (["Vladimir Putin"], ["Kim Jong Un"]) and name[tours[0].location] == "Vostochny Cosmodrome"
    )
    (hosting,) = events("host_visit")
    assert sides(hosting) == (["Vladimir Putin"], ["Kim Jong Un"]) and hosting.modality == "reported"
    handshake = events("shake_hands")[0]
    assert sides(handshake) == (["Vladimir Putin"], ["Kim Jong Un"]) and timex[handshake.duration].value == "PT40S"
    (gifts,) = events("exchange_gifts")
    assert set(sum(sides(gifts), [])) == {"Vladimir Putin", "Kim Jong Un"}
    assert [name[x] for x in gifts.reported_by] == ["Korean Central News Agency"] and gifts.modality == "reported"
    (invite,) = events("invite")
    (accept,) = events("accept_invitation")
    assert sides(invite) == (["Kim Jong Un"], ["Vladimir Putin"]) and name[invite.location] == "North Korea"
    assert sides(accept) == (["Vladimir Putin"], ["Kim Jong Un"]) and accept.modality == "asserted"
    (depart,) = events("depart")
    assert sides(depart) == (["Kim Jong Un"], []) and name[depart.location] == "Vostochny Cosmodrome"
    visits = events("make_visit")
    assert [(sides(v)[0], name[v.location], v.modality) for v in visits] == [
        (["Kim Jong Un"], "Komsomolsk-on-Amur", "planned"),
        (["Kim Jong Un"], "Vladivostok", "planned"),
    ]
    assert article.check_offsets() == []


@pytest.mark.parametrize("tier", sorted(TIERS))
def test_putin_is_one_entity_in_every_caption_and_body_mention(seed_text, tier, monkeypatch):
    monkeypatch.setenv("KHABAR_NER", tier)
    article = Pipeline(["layout", "sentences", "tokens", "ner", "timex", "entities"])(Article(text=seed_text))
    putin = [e for e in article.entities if e.name_en == "Vladimir Putin"]
    assert len(putin) == 1
    named = [m for m in article.mentions if {"بوتن", "بوتين"} & set(m.text.split())]
    in_captions = [m for m in named if any(b.kind == "caption" and b.start <= m.start < b.end for b in article.blocks)]
    assert in_captions and len(named) > len(in_captions)
    assert all(m.entity == putin[0].id for m in named), [(m.text, m.entity) for m in named]
    # every occurrence of the name in the text (after a conjunction or preposition too) is such a mention
    occurrences = [x.start(1) for x in re.finditer(r"(?<!\w)[وبلف]?(بوتي?ن)(?!\w)", seed_text)]
    assert len(occurrences) > 5
    assert all(any(m.start <= o < m.end for m in named) for o in occurrences)
