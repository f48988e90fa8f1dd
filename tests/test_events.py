"""Events: the project's tables (floors only rise), behaviours spelled out, actor codes, export, the CLI."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from conftest import ROOT
from khabar import Article, Pipeline
from khabar.cli import main
from khabar.errors import KhabarError
from khabar.events.evaluate import read_table
from khabar.events.export import COLUMNS, GDELT_COLUMNS, quad_class, write_events
from khabar.events.lexicon import lexicon

TABLE = ROOT / "tests" / "events" / "events.jsonl"


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def events_of(pipeline, text, published="2023-11-15"):
    article = pipeline(Article(text=text, published=published))
    assert article.errors == []
    names = {e.id: e.name_ar for e in article.entities}
    return article, names


def test_table_covers_every_type():
    categories = {case["category"] for case in read_table(TABLE)}
    assert categories == set(lexicon().types)


def test_visit_with_place_time_codes_and_planned_modality(pipeline):
    article, names = events_of(pipeline, "ومن المقرر أن يزور الرئيس الروسي فلاديمير بوتين بكين يوم 20 نوفمبر.")
    (visit,) = [e for e in article.events if e.type == "make_visit"]
    assert visit.cameo == "042" and visit.plover == "CONSULT" and visit.modality == "planned"
    assert [names[x] for x in visit.actors["source"]] == ["فلاديمير بوتين"]
    assert visit.actors["codes"][visit.actors["source"][0]] == "RUSGOV"
    assert names[visit.location] == "بكين" and visit.actors["codes"][visit.location] == "CHN"
    assert next(t for t in article.timexes if t.id == visit.time).text == "20 نوفمبر"
    assert visit.date == "2023-11-20"


@pytest.mark.parametrize(
    "text,modality",
    [
        ("ولم يلتق وزير الخارجية الأمريكي أنتوني بلينكن نظيره الصيني وانغ يي.", None),
        ("ولن يلتقي بلينكن نظيره الصيني وانغ يي في بكين.", "negated"),
        ("وقد يلتقي بلينكن نظيره الصيني وانغ يي إذا سمحت الظروف.", "hypothetical"),
        ("وسيلتقي بلينكن نظيره الصيني وانغ يي في بكين.", "planned"),
        ("والتقى بلينكن نظيره الصيني وانغ يي في بكين.", "asserted"),
        ("وقالت الخارجية الأمريكية إن بلينكن التقى نظيره الصيني وانغ يي في بكين.", "reported"),
        ("ولا يزال بلينكن يلتقي نظيره الصيني وانغ يي كل شهر.", "asserted"),  # لا يزال: still
    ],
)
def test_modality(pipeline, text, modality):
    article, _ = events_of(pipeline, text)
    found = [e.modality for e in article.events if e.type == "meet"]
    assert found == ([modality] if modality else [])  # the jussive يلتق is not in the lexicon


def test_talks_and_their_later_mentions_are_one_event(pipeline):
    text = (
        "أجرى الرئيس المصري عبد الفتاح السيسي والرئيس الفرنسي إيمانويل ماكرون محادثات في القاهرة استمرت ثلاث ساعات. "
        "وتناولت المحادثات الوضع في غزة."
    )
    article, names = events_of(pipeline, text)
    (talks,) = [e for e in article.events if e.type == "negotiate"]
    assert {names[x] for x in talks.actors["source"] + talks.actors["target"]} == {
        "عبد الفتاح السيسي",
        "إيمانويل ماكرون",
    }
    assert next(t for t in article.timexes if t.id == talks.duration).value == "PT3H"
    assert len(talks.mentions) == 1 and talks.mentions[0]["sentence"] == "s1"


def test_invitation_accepted_and_dual_words(pipeline):
    text = (
        "ودعا الرئيس الصيني شي جين بينغ الرئيس البرازيلي لولا دا سيلفا لزيارة الصين، وقبل لولا دا سيلفا الدعوة. "
        "وتصافح الرئيسان أمام الصحفيين."
    )
    article, names = events_of(pipeline, text)
    by_type = {e.type: e for e in article.events}
    invite, accept, hands = by_type["invite"], by_type["accept_invitation"], by_type["shake_hands"]
    assert names[invite.location] == "الصين" and "make_visit" not in by_type  # لزيارة belongs to the invitation
    assert accept.actors["target"] == invite.actors["source"] and accept.actors["source"] == invite.actors["target"]
    assert set(hands.actors["source"] + hands.actors["target"]) == set(
        invite.actors["source"] + invite.actors["target"]
    )


def test_institution_with_nationality_is_an_actor(pipeline):
    article, _ = events_of(pipeline, "واعتقلت الشرطة التركية خمسة أشخاص في إسطنبول.")
    (arrest,) = article.events
    assert arrest.type == "arrest" and arrest.actors["codes"][arrest.actors["source"][0]] == "TURCOP"


def test_phone_call_source_is_the_caller(pipeline):
    article, names = events_of(
        pipeline, "وتلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الأمريكي جو بايدن."
    )
    (call,) = article.events
    assert [names[x] for x in call.actors["source"]] == ["جو بايدن"]
    assert [names[x] for x in call.actors["target"]] == ["عبد الفتاح السيسي"]


def test_no_event_without_actors_and_none_inside_names(pipeline):
    article, _ = events_of(
        pipeline, "وتناولت الصحف الزيارة. والتقى وزير الخارجية الروسي سيرغي لافروف نظيره السعودي فيصل بن فرحان."
    )
    assert [e.type for e in article.events] == ["meet"]  # no الزيارة without actors, no يصل inside فيصل


def test_events_round_trip_and_export(pipeline, tmp_path):
    article, _ = events_of(
        pipeline, "وزار وزير الخارجية الأمريكي أنتوني بلينكن القاهرة والتقى الرئيس عبد الفتاح السيسي."
    )
    again = Article.from_json(article.to_json())
    assert again.to_dict() == article.to_dict()
    out = io.StringIO()
    assert write_events([again], out, "csv") == len(article.events) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(COLUMNS) and rows[0]["source_codes"] == "USAGOV" and rows[0]["cameo"] == "042"
    out = io.StringIO()
    write_events([again], out, "gdelt")
    header, first, _ = out.getvalue().splitlines()
    row = dict(zip(header.split("\t"), first.split("\t")))
    assert tuple(header.split("\t")) == GDELT_COLUMNS
    assert (row["SQLDATE"], row["Actor1Code"], row["Actor2CountryCode"], row["EventRootCode"], row["QuadClass"]) == (
        "20231115",
        "USAGOV",
        "EGY",
        "04",
        "1",
    )


def test_quad_classes():
    assert [quad_class(c) for c in ("010", "046", "057", "070", "112", "130", "140", "190", None)] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
        None,
    ]


def test_export_events_cli(pipeline, tmp_path):
    article, _ = events_of(pipeline, "ووصل الرئيس التركي رجب طيب أردوغان إلى الرياض.")
    analysed = tmp_path / "out.jsonl"
    analysed.write_text(article.to_json() + '\n{"text": \n', encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["export", "events", str(analysed), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert [(x["type"], x["source_codes"], x["location_name"]) for x in lines] == [("travel", ["TURGOV"], "Riyadh")]
    assert "E604" in result.stderr and "out.jsonl:2" in result.stderr


def test_eval_events_cli_and_table_errors(tmp_path):
    table = tmp_path / "t.jsonl"
    table.write_text(
        json.dumps(
            {
                "category": "meet",
                "text": "والتقى بلينكن نظيره الصيني.",
                "published": "2023-11-15",
                "expect": {
                    "events": [
                        {
                            "type": "meet",
                            "trigger": "التقى",
                            "source": ["بلينكن"],
                            "target": [],
                            "place": None,
                            "modality": "asserted",
                        }
                    ]
                },
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["eval", "events", str(table), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["micro"]["support"] == 1
    table.write_text(json.dumps({"category": "meet", "text": "نص", "expect": {"events": [{"trigger": "غائب"}]}}) + "\n")
    with pytest.raises(KhabarError, match="E603"):
        read_table(table)


def unnamed_of(event, role):
    """The words of an event's unnamed actors of `role`."""
    return [event.actors["unnamed"][x]["text"] for x in event.actors[role] if x in event.actors.get("unnamed", {})]


def test_unnamed_and_collective_actors_with_agent_codes(pipeline):
    article, _ = events_of(
        pipeline, "وهاجم مسلحون مجهولون نقطة تفتيش في مدينة الرمادي، فيما اعتقلت قوات الأمن العراقية ثلاثة متهمين."
    )
    by_type = {e.type: e for e in article.events}
    assault, arrest = by_type["assault"], by_type["arrest"]
    assert unnamed_of(assault, "source") == ["مسلحون مجهولون"]
    assert assault.actors["unnamed"][assault.actors["source"][0]]["code"] == "UNK"
    assert unnamed_of(arrest, "source") == ["قوات الأمن العراقية"]
    (source,) = arrest.actors["source"]
    assert arrest.actors["codes"][source] == "IRQCOP" and arrest.actors["unnamed"][source]["agent"] == "COP"
    assert unnamed_of(arrest, "target") == ["متهمين"]
    span = arrest.actors["unnamed"][source]
    assert article.text[span["start"] : span["end"]] == span["text"]  # offsets into the original text


def test_a_bombing_without_a_stated_perpetrator_with_its_casualties(pipeline):
    article, _ = events_of(
        pipeline, "انفجرت عبوة ناسفة في سوق شعبي صباح اليوم، وأسفر التفجير عن مقتل 7 أشخاص وإصابة 12 آخرين."
    )
    (bombing,) = [e for e in article.events if e.type == "assault"]
    assert bombing.actors["source"] == [] and (bombing.killed, bombing.wounded) == (7, 12)
    assert bombing.casualties.text.startswith("مقتل 7") and bombing.casualties.text.endswith("12")
    assert (
        len([e for e in article.events if e.type in ("assault", "fight")]) == 1
    )  # مقتل is the toll, not a second event


def test_casualty_nouns_after_the_number(pipeline):
    article, _ = events_of(pipeline, "وشنت طائرات حربية غارات على مواقع المتمردين أدت إلى سقوط 15 قتيلا و20 جريحا.")
    (strike,) = [e for e in article.events if e.type in ("assault", "fight")]
    assert (strike.killed, strike.wounded) == (15, 20)


def test_armed_sides_make_a_fight_and_a_passive_agent_is_the_source(pipeline):
    article, _ = events_of(pipeline, "وقتل مسلح برصاص الشرطة بعد أن هاجم مركزا للشرطة في المدينة.")
    killing = next(e for e in article.events if e.trigger.text.endswith("قتل"))
    assert unnamed_of(killing, "source") == ["الشرطة"] and unnamed_of(killing, "target") == ["مسلح"]
    assert killing.type == "fight"  # the police on a gunman: both sides armed


@pytest.mark.parametrize(
    "text",
    [
        "وفاز الفريق بعد هجوم منظم في الشوط الثاني من المباراة وسجل اللاعب هدفين.",  # sport
        "وشهد المهرجان تظاهرة ثقافية كبيرة ولقاء بين الفنانين والجمهور.",  # culture
        "واتفق الطرفان على رفع العقوبات تدريجيا.",  # sanctions lifted, no sanction
        "ودعت الأمم المتحدة إلى وقف إطلاق النار في المدينة.",  # a ceasefire, no shooting
    ],
)
def test_other_senses_are_no_violent_events(pipeline, text):
    article, _ = events_of(pipeline, text)
    assert not [e for e in article.events if e.type in ("assault", "fight", "sanction", "meet")]


def test_pronoun_and_relative_clause_subjects(pipeline):
    article, names = events_of(
        pipeline,
        "وقالت الشرطة إنها اعتقلت خمسة أشخاص. ورد الوزير على رئيس الوزراء السابق نوري المالكي الذي اتهم السعودية بدعم الإرهاب.",
    )
    arrest = next(e for e in article.events if e.type == "arrest")
    assert unnamed_of(arrest, "source") == ["الشرطة"] and unnamed_of(arrest, "target") == ["أشخاص"]
    accuse = next(e for e in article.events if e.type == "accuse")
    assert [names[x] for x in accuse.actors["source"]] == ["نوري المالكي"]
    assert [names[x] for x in accuse.actors["target"]] == ["المملكة العربية السعودية"]  # the KB's name


def test_a_genitive_head_is_no_actor(pipeline):
    article, _ = events_of(pipeline, "وطالب مجلس الأمن بحماية المدنيين من القصف.")
    for e in article.events:
        assert "المدنيين" not in unnamed_of(e, "source") and "الأمن" not in unnamed_of(e, "source")


def test_unnamed_actors_reach_the_store_and_the_gdelt_export(pipeline, tmp_path):
    from khabar.store import Store

    article, _ = events_of(pipeline, "واعتقلت قوات الأمن التركية عشرة مشتبه بهم في إسطنبول.")
    (arrest,) = [e for e in article.events if e.type == "arrest"]
    assert arrest.actors["codes"][arrest.actors["source"][0]] == "TURCOP"
    out = io.StringIO()
    write_events([article], out, "gdelt")
    row = dict(zip(GDELT_COLUMNS, list(csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))[1]))
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("TURCOP", "TUR", "COP")
    assert row["Actor1Name"]
    store = Store(tmp_path / "k.db")
    store.upsert(article)
    (item,) = store.events(type="arrest")["items"]
    assert item["source"]["name_ar"] and item["source"]["code"] == "TURCOP"
    assert store.events(actor="TURCOP")["total"] == 1


@pytest.mark.parametrize(
    "text,kind",
    [
        ("وهاجم وزير الخارجية الإيراني المعارضة بشدة في تصريحاته أمس.", "disapprove"),  # words, not arms
        ("وهاجم مسلحون مجهولون حافلة للركاب في ولاية بورنو.", "assault"),
    ],
)
def test_an_attack_in_words_is_a_criticism(pipeline, text, kind):
    article, _ = events_of(pipeline, text)
    assert [e.type for e in article.events if e.trigger.text.endswith("هاجم")] == [kind]


def test_a_handset_and_a_student_are_no_events(pipeline):
    article, _ = events_of(pipeline, "واشترت الطالبة هاتف ذكي جديد من السوق.")
    assert [e.type for e in article.events] == []


def test_a_guest_named_past_a_comma_and_a_group_name_before_its_victim(pipeline):
    article, names = events_of(
        pipeline, "واستقبل الملك سلمان في قصره بجدة، مساء أمس، معالي وزير الخارجية الأمريكي جون كيري."
    )
    (host,) = [e for e in article.events if e.type == "host_visit"]
    assert [names[x] for x in host.actors["target"] if x in names] == ["جون كيري"]
    article, names = events_of(pipeline, "واختطف تنظيم داعش الصحفي أحمد الجبوري من منزله في الموصل.")
    (kidnap,) = [e for e in article.events if e.type == "assault"]
    assert "أحمد الجبوري" in [names.get(x) for x in kidnap.actors["target"]]
    assert kidnap.actors["source"] and "أحمد الجبوري" not in [names.get(x) for x in kidnap.actors["source"]]


def test_an_envoy_title_and_a_verb_that_goes_on_from_the_one_before(pipeline):
    article, names = events_of(
        pipeline,
        "وصل المبعوث الخاص للأمم المتحدة إلى ليبيا برناردينو ليون أمس إلى طرابلس حيث التقى رئيس البرلمان عقيلة صالح.",
    )
    by_type = {e.type: e for e in article.events}
    travel, meet = by_type["travel"], by_type["meet"]
    assert [names.get(x) for x in travel.actors["source"]] == ["برناردينو ليون"]
    assert [names.get(x) for x in travel.actors["target"]] == ["طرابلس"]  # not the UN of his title
    assert [names.get(x) for x in meet.actors["source"]] == ["برناردينو ليون"]
    assert [names.get(x) for x in meet.actors["target"]] == ["عقيلة صالح"]


def test_an_office_after_a_name_opens_another_person(pipeline):
    article, names = events_of(pipeline, "استقبل الملك سلمان الرئيس الفرنسي في قصر اليمامة.")
    (host,) = [e for e in article.events if e.type == "host_visit"]
    assert host.actors["source"] and host.actors["target"]
    assert not set(host.actors["source"]) & set(host.actors["target"])


def test_a_plural_verb_and_a_victim_after_a_violent_verb_are_objects(pipeline):
    article, _ = events_of(pipeline, "سيطر المسلحون على قرية وأعدموا أجانب.")
    (execution,) = [e for e in article.events if e.trigger.text.endswith("أعدموا")]
    assert unnamed_of(execution, "source") == ["المسلحون"] and unnamed_of(execution, "target") == ["أجانب"]
    article, _ = events_of(pipeline, "وفي الموصل أعدم مدنيون رميا بالرصاص على يد عناصر التنظيم.")
    (execution,) = [e for e in article.events if e.type in ("assault", "fight")]
    assert unnamed_of(execution, "target") == ["مدنيون"]


def test_a_count_before_its_killing_is_a_toll(pipeline):
    article, _ = events_of(pipeline, "وقال مسؤول إن سبعة أشخاص قتلوا في الهجوم على السوق.")
    (attack,) = [e for e in article.events if e.type in ("assault", "fight")]
    assert attack.killed == 7 and attack.trigger.text == "هجوم"  # the article is no part of the trigger
    article, _ = events_of(pipeline, "وقال المرصد إن 170 مدنيا قتلوا في الأسابيع الماضية.")
    (killing,) = [e for e in article.events if e.type in ("assault", "fight")]
    assert unnamed_of(killing, "target") == ["مدنيا"] and not killing.actors["source"] and killing.killed == 170


def test_a_body_in_a_title_and_the_speaker_of_judged_words(pipeline):
    article, names = events_of(
        pipeline,
        "استنكر الأمين العام لمجلس التعاون لدول الخليج العربية الدكتور عبداللطيف الزياني، بشدة، تصريحات نائب"
        " الرئيس العراقي نوري المالكي تجاه المملكة.",
    )
    (criticism,) = [e for e in article.events if e.type == "disapprove"]
    assert [names.get(x) for x in criticism.actors["source"]] == ["عبد اللطيف الزياني"]  # not the council
    assert [names.get(x) for x in criticism.actors["target"]] == ["نوري المالكي"]  # whose words are condemned


def test_the_sufferer_of_an_attack_the_owner_of_its_sites_and_the_dead_of_its_toll(pipeline):
    article, _ = events_of(pipeline, "تعرض الجنود لهجوم في المدينة.")
    (attack,) = [e for e in article.events if e.type in ("assault", "fight")]
    assert not attack.actors["source"] and unnamed_of(attack, "target") == ["الجنود"]
    article, _ = events_of(pipeline, "وسيطرت القوات على مواقع للمتمردين الحوثيين غرب المحافظة.")
    (capture,) = [e for e in article.events if e.type in ("assault", "fight")]
    assert [t for t in unnamed_of(capture, "target") if "متمردين" in t]  # the positions' owner
    article, _ = events_of(pipeline, "وأسفر الهجوم عن مقتل خمسة جنود عراقيين.")
    (attack,) = [e for e in article.events if e.type in ("assault", "fight")]
    assert attack.trigger.text == "هجوم" and attack.killed == 5 and unnamed_of(attack, "target") == ["جنود عراقيين"]


def test_an_office_of_a_country_is_an_actor_and_a_past_week_is_no_plan(pipeline):
    article, names = events_of(pipeline, "واستقبل أمير منطقة الرياض في مكتبه أمس سفير اليابان لدى المملكة.")
    (host,) = [e for e in article.events if e.type == "host_visit"]
    assert [names.get(x) for x in host.actors["target"]] == ["اليابان"]
    assert host.actors["codes"][host.actors["target"][0]] == "JPNGOV"  # the ambassador, not the country's soil
    article, _ = events_of(pipeline, "واعتقلت الشرطة المتهم الأسبوع الماضي.")
    (arrest,) = [e for e in article.events if e.type == "arrest"]
    assert arrest.modality == "asserted"  # 2023-W45 is before the day of publication
    article, names = events_of(pipeline, "وتعقد القمة الأسبوع المقبل في الرياض بين السعودية ومصر.")
    (summit,) = [e for e in article.events if e.type == "meet"]
    assert summit.modality == "planned" and summit.actors["source"] and summit.actors["target"]


def test_the_event_filter_switch(pipeline, monkeypatch):
    from khabar.events.filter import shipped_filter

    model = shipped_filter()
    assert model is not None and 0 < model.threshold <= model.threshold_actorless < 1
    text = "وقالت مصادر إن مفاوضات جرت. واعتقلت الشرطة التركية عشرة مشتبه بهم في إسطنبول."
    monkeypatch.setenv("KHABAR_EVENTS_FILTER", "candidates")
    proposals = {(e.type, e.trigger.text) for e in pipeline(Article(text=text)).events}
    monkeypatch.setenv("KHABAR_EVENTS_FILTER", "off")
    rules = {(e.type, e.trigger.text) for e in pipeline(Article(text=text)).events}
    monkeypatch.setenv("KHABAR_EVENTS_FILTER", "on")
    kept = {(e.type, e.trigger.text) for e in pipeline(Article(text=text)).events}
    assert ("negotiate", "مفاوضات") in proposals - rules  # no actor: the rules alone drop it
    assert ("arrest", "اعتقلت") in rules & kept  # both roles filled: kept as the rules give it
    assert kept <= proposals
    monkeypatch.setenv("KHABAR_EVENTS_FILTER", "maybe")
    article = pipeline(Article(text=text))
    assert article.errors and "E605" in str(article.errors[0])
