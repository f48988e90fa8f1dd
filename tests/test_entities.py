"""The entities stage on our own sentences (mentions given, so each rule is tested alone), the
knowledge base, the corpus registry and their CLI commands."""

import json

import pytest
from click.testing import CliRunner

from khabar import Article, Pipeline
from khabar.cli import main
from khabar.entities.kb import knowledge_base, nisba_forms
from khabar.entities.registry import Registry
from khabar.entities.skeleton import skeleton
from khabar.entities.stage import entities_stage
from khabar.errors import KhabarError
from khabar.text import normalize


def article_with(text: str, names: list[tuple[str, str]], published: str | None = "2023-09-13") -> Article:
    """An article whose mentions are the given (surface, label) pairs, found left to right."""
    from khabar.document import Mention

    mentions, position = [], 0
    for surface, label in names:
        start = text.index(surface, position)
        mentions.append(Mention(start=start, end=start + len(surface), text=surface, label=label))
        position = start + len(surface)
    return entities_stage(Article(text=text, published=published, mentions=mentions))


def entity_of(article: Article, surface: str):
    mention = next(m for m in article.mentions if m.text == surface)
    return next(e for e in article.entities if e.id == mention.entity)


def test_skeleton_folds_transliteration_variants():
    assert skeleton("بوتن") == skeleton("بوتين")
    assert skeleton("بيونغ يانغ") == skeleton("بيونج يانج") == skeleton("بيونغيانغ")
    assert skeleton("فوستوتشني") == skeleton("فوستوشني")
    assert skeleton("موسكو") != skeleton("مينسك")


def test_spelling_variants_and_full_names_are_one_person():
    a = article_with(
        "استقبل فلاديمير بوتين ضيفه في موسكو، وقال بوتن إن المباحثات كانت مثمرة.",
        [("فلاديمير بوتين", "PERSON"), ("موسكو", "GPE"), ("بوتن", "PERSON")],
    )
    putin = entity_of(a, "بوتن")
    assert putin is entity_of(a, "فلاديمير بوتين")
    assert putin.kb_id == "Q7747" and putin.name_en == "Vladimir Putin"
    assert {"بوتن", "فلاديمير بوتين"} <= set(putin.aliases)


def test_unknown_names_merge_by_skeleton_and_short_form():
    a = article_with(
        "وصل المهندس يوري غاغارينوف إلى المصنع، وأكد جاجارينوف أن العمل سيبدأ قريبا، ثم غادر غاغارينوف.",
        [("يوري غاغارينوف", "PERSON"), ("جاجارينوف", "PERSON"), ("غاغارينوف", "PERSON")],
    )
    person = entity_of(a, "يوري غاغارينوف")
    assert entity_of(a, "جاجارينوف") is person and entity_of(a, "غاغارينوف") is person
    assert person.kb_id is None and person.name_ar == "يوري غاغارينوف" and person.name_en
    assert "المهندس" in person.roles


def test_titles_become_roles():
    a = article_with(
        "أوضحت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا أن موسكو ستدرس الرد، ولم تضف السيدة زاخاروفا تفاصيل.",
        [("الخارجية الروسية", "ORG"), ("ماريا زاخاروفا", "PERSON"), ("موسكو", "GPE"), ("زاخاروفا", "PERSON")],
    )
    spokeswoman = entity_of(a, "ماريا زاخاروفا")
    assert entity_of(a, "زاخاروفا") is spokeswoman
    assert "المتحدثة باسم الخارجية الروسية" in spokeswoman.roles and "السيدة" in spokeswoman.roles


def test_description_resolves_to_the_named_holder():
    a = article_with(
        "التقى الرئيس الروسي فلاديمير بوتين نظيره، ثم غادر الرئيس الروسي القاعة.", [("فلاديمير بوتين", "PERSON")]
    )
    description = [m for m in a.mentions if m.description]
    assert len(description) == 1 and description[0].text == "الرئيس الروسي"
    assert entity_of(a, "الرئيس الروسي") is entity_of(a, "فلاديمير بوتين")


def test_description_resolves_from_the_knowledge_base_on_the_article_date():
    a = article_with("وصل الزعيم الكوري الشمالي إلى المحطة بعد ظهر اليوم.", [])
    kim = entity_of(a, "الزعيم الكوري الشمالي")
    assert kim.kb_id == "Q56226" and kim.label == "PERSON"


def test_nationality_adjectives_point_at_their_country():
    a = article_with("وشرح الخبراء الروس للوفد تفاصيل المشروع، وزار الوفد روسيا الأسبوع الماضي.", [("روسيا", "GPE")])
    norp = next(m for m in a.mentions if m.text == "الروس")
    assert norp.label == "NORP"
    assert entity_of(a, "الروس") is entity_of(a, "روسيا")
    assert entity_of(a, "روسيا").kb_id == "Q159"


def test_country_name_is_not_an_adjective_after_a_preposition():
    a = article_with(
        "أعلنت السلطات السعودية أن الوزير سافر إلى السعودية أمس.", [("السعودية", "GPE"), ("السعودية", "GPE")]
    )
    labels = {(m.text, m.label) for m in a.mentions}
    assert ("السعودية", "NORP") in labels and ("السعودية", "GPE") in labels
    assert len({m.entity for m in a.mentions}) == 1


def test_tagger_adjective_mention_becomes_norp():
    a = article_with("وقالت الحكومة الكورية الشمالية إن التجربة نجحت.", [("الكورية الشمالية", "GPE")])
    mention = next(m for m in a.mentions if m.text == "الكورية الشمالية")
    assert mention.label == "NORP" and entity_of(a, "الكورية الشمالية").kb_id == "Q423"


def test_multiword_kb_names_the_tagger_missed_are_added():
    a = article_with("ونقلت وكالة الأنباء المركزية الكورية عن مصادرها أن الاجتماع انتهى.", [])
    kcna = entity_of(a, "وكالة الأنباء المركزية الكورية")
    assert kcna.label == "ORG" and kcna.name_en.startswith("Korean Central News Agency")
    assert next(m for m in a.mentions if m.entity == kcna.id).subtype == "MEDIA"


def test_one_span_over_two_people_is_split():
    a = article_with(
        "وقال كيم جونغ أون إن الوفد وصل، ثم صافح كيم جونغ أون وبوتين الحضور.",
        [("كيم جونغ أون", "PERSON"), ("كيم جونغ أون وبوتين", "PERSON")],
    )
    texts = [m.text for m in a.mentions if m.label == "PERSON"]
    assert texts.count("كيم جونغ أون") == 2 and "بوتين" in texts
    assert entity_of(a, "بوتين").kb_id == "Q7747"


def test_tagger_label_corrected_by_the_knowledge_base():
    a = article_with("وصل الوفد إلى بيونغ يانغ صباح اليوم.", [("بيونغ يانغ", "PERSON")])
    mention = next(m for m in a.mentions if m.text == "بيونغ يانغ")
    assert mention.label == "GPE" and mention.extra["ner_label"] == "PERSON"


def test_every_mention_has_an_entity_and_ids_are_unique():
    a = Pipeline()(
        Article(text="أعلنت وكالة تاس الروسية أن الرئيس فلاديمير بوتين زار مدينة فلاديفوستوك.", published="2023-09-13")
    )
    assert a.errors == [] and a.check_offsets() == []
    assert all(m.entity for m in a.mentions)
    assert len({e.id for e in a.entities}) == len(a.entities)
    assert Article.from_dict(a.to_dict()).entities == a.entities


def test_knowledge_base_content():
    kb = knowledge_base()
    assert len([e for e in kb.entries if e.type == "media"]) >= 150
    assert kb.by_id["Q159"].name_en == "Russia" and kb.by_id["Q159"].iso == "RU"
    assert normalize("الروسية") in nisba_forms("روسي")
    assert normalize("الكوريين الشماليين") in nisba_forms("كوري شمالي")
    assert kb.holder("head_of_state", "Q159", "2023-09-13").kb_id == "Q7747"


def test_kb_cli_lookup_add_export(tmp_path, monkeypatch):
    monkeypatch.setenv("KHABAR_KB_DIR", str(tmp_path))
    knowledge_base.cache_clear()
    runner = CliRunner()
    result = runner.invoke(main, ["kb", "lookup", "بوتن"])
    assert result.exit_code == 0 and json.loads(result.output.splitlines()[0])["kb_id"] == "Q7747"
    result = runner.invoke(
        main,
        [
            "kb",
            "add",
            "--kb-id",
            "kb:test-mayor",
            "--label",
            "PERSON",
            "--name-ar",
            "سليم حداد",
            "--name-en",
            "Salim Haddad",
            "--alias",
            "سليم الحداد",
            "--role",
            "mayor:kb:test-town",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "user.toml").exists()
    result = runner.invoke(main, ["kb", "lookup", "سليم الحداد"])
    assert json.loads(result.output)["name_en"] == "Salim Haddad"
    result = runner.invoke(main, ["kb", "export", "--label", "PERSON"])
    assert any(json.loads(line)["kb_id"] == "kb:test-mayor" for line in result.output.splitlines())
    result = runner.invoke(main, ["kb", "add", "--kb-id", "", "--label", "PERSON", "--name-ar", "س", "--name-en", "S"])
    assert result.exit_code != 0 and "E701" in result.output
    knowledge_base.cache_clear()


def test_registry_counts_merges_and_splits(tmp_path):
    articles = []
    for text in (
        "قال بوتين إن روسيا مستعدة.",
        "أكد بوتن أن المحادثات جرت، وقال غاغارينوف إن العمل بدأ.",
        "وصل جاجارينوف إلى المصنع.",
    ):
        names = [(w, "PERSON") for w in ("بوتين", "بوتن", "غاغارينوف", "جاجارينوف") if w in text]
        names += [("روسيا", "GPE")] if "روسيا" in text else []
        names.sort(key=lambda n: text.index(n[0]))
        articles.append(article_with(text, names).to_dict())
    db = tmp_path / "r.sqlite"
    registry = Registry(db)
    assert registry.add_articles(articles) == 3
    top = {row["key"]: row for row in registry.top(10)}
    assert set(top["Q7747"]["aliases"]) == {"بوتين", "بوتن"}
    unknown = next(row for row in top.values() if row["label"] == "PERSON" and row["kb_id"] is None)
    assert set(unknown["aliases"]) == {"غاغارينوف", "جاجارينوف"}
    assert any({a, b} == {"بوتين", "بوتن"} for _, a, b in registry.sample_merges(10))
    key = registry.split("جاجارينوف")
    assert registry.identity_of("جاجارينوف") == key != registry.identity_of("غاغارينوف")
    registry.merge("جاجارينوف", "غاغارينوف")
    assert registry.identity_of("جاجارينوف") == registry.identity_of("غاغارينوف")
    with pytest.raises(KhabarError):
        registry.merge("لا أحد", "بوتين")
    registry.close()
    result = CliRunner().invoke(main, ["entities", "top", "--db", str(db), "-n", "3"])
    assert result.exit_code == 0 and "Vladimir Putin" in result.output


def test_descriptions_follow_the_title_and_the_date():
    a = article_with(
        "وأشاد المرشد الأعلى الإيراني بالاتفاق، فيما قال الرئيس الإيراني إن التنفيذ يبدأ فورا.",
        [],
        published="2023-09-13",
    )
    assert entity_of(a, "المرشد الأعلى الإيراني").name_en == "Ali Khamenei"
    assert entity_of(a, "الرئيس الإيراني").name_en == "Ebrahim Raisi"
    b = article_with("وقال الرئيس الأمريكي للصحفيين إن الاتفاق تاريخي.", [], published="2015-07-21")
    assert entity_of(b, "الرئيس الأمريكي").name_en == "Barack Obama"


def test_the_stage_gives_each_thread_its_own_article():
    """The shared linker keeps nothing of an article: concurrent runs equal single-threaded ones."""
    import sys
    from concurrent.futures import ThreadPoolExecutor

    cases = [
        (
            "قال الرئيس الروسي فلاديمير بوتين إن بوتن سيزور بيونغ يانغ، وأكد الكرملين الموعد.",
            [("فلاديمير بوتين", "PERSON"), ("بوتن", "PERSON"), ("بيونغ يانغ", "GPE"), ("الكرملين", "ORG")],
        ),
        (
            "التقى وزير الخارجية المصري سامح شكري نظيره الأردني في عمان، وقال شكري إن المحادثات مثمرة.",
            [("سامح شكري", "PERSON"), ("عمان", "GPE"), ("شكري", "PERSON")],
        ),
        (
            "أعلنت وكالة الأنباء المركزية الكورية أن كيم جونغ أون زار موسكو، وأن كيم عاد إلى بيونج يانج.",
            [("كيم جونغ أون", "PERSON"), ("موسكو", "GPE"), ("كيم", "PERSON"), ("بيونج يانج", "GPE")],
        ),
    ]

    def outcome(case):
        article = article_with(*case)
        return (
            [(m.start, m.end, m.label, m.entity) for m in article.mentions],
            [(e.id, e.label, e.name_ar, e.kb_id, e.aliases, e.roles) for e in article.entities],
        )

    expected = [outcome(case) for case in cases]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(4) as pool:
            got = list(pool.map(outcome, cases * 100))
    finally:
        sys.setswitchinterval(interval)
    assert got == expected * 100


def test_spans_answer_overlap_and_cover_questions():
    from khabar.entities.stage import Spans

    spans = Spans([(10, 20), (0, 3), (12, 40), (50, 55)])
    assert spans.overlaps(19, 21) and spans.overlaps(39, 60) and spans.overlaps(0, 1) and not spans.overlaps(3, 10)
    assert not spans.overlaps(40, 50) and not spans.overlaps(55, 99) and not Spans([]).overlaps(0, 9)
    assert spans.covers(0) and spans.covers(39) and spans.covers(54) and not spans.covers(3) and not spans.covers(40)
    assert spans.overlapping(11, 13) == [0, 2] and spans.overlapping(0, 99) == [0, 1, 2, 3]
    assert spans.overlapping(3, 10) == [] and spans.overlapping(20, 41) == [2]
