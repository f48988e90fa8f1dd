"""Quotes and claims: the project's tables (floors only rise), a few behaviours spelled out, the CLI."""

import json

import pytest
from click.testing import CliRunner

from conftest import analyse
from khabar.cli import main
from khabar.errors import KhabarError
from khabar.quotes.evaluate import read_table


def test_direct_quote_with_addressee_and_continuing_speaker(pipeline):
    a, names = analyse(
        pipeline,
        "وقال وزير الخارجية الروسي سيرغي لافروف للصحفيين: «لن نقبل بأي شروط مسبقة». وأضاف أن موسكو مستعدة للحوار.",
    )
    direct, indirect = a.quotes
    assert direct.kind == "direct" and direct.text == "لن نقبل بأي شروط مسبقة" and direct.addressee == "الصحفيين"
    assert names[direct.speaker] == "سيرغي لافروف" and indirect.speaker == direct.speaker
    assert indirect.kind == "indirect" and indirect.text == "موسكو مستعدة للحوار" and indirect.cue.text == "أضاف"


def test_outlet_as_speaker_is_a_quote_not_a_claim(pipeline):
    a, names = analyse(pipeline, "وذكرت وكالة رويترز أن المحادثات ستستأنف الأسبوع المقبل.")
    assert [(q.kind, names[q.speaker]) for q in a.quotes] == [("indirect", "رويترز")]
    assert a.claims == []


def test_according_to_makes_a_claim_or_a_reported_quote(pipeline):
    a, _ = analyse(pipeline, "وقتل ثلاثة أشخاص في الانفجار، بحسب مصادر أمنية.")
    (claim,) = a.claims
    assert claim.text == "قتل ثلاثة أشخاص في الانفجار" and claim.source is None
    assert claim.source_text == "مصادر أمنية" and claim.cue.text == "بحسب"
    b, names = analyse(pipeline, "وقال أردوغان إن بلاده ستواصل الوساطة، حسبما ذكرت وكالة الأناضول.")
    (quote,) = b.quotes
    assert quote.text == "بلاده ستواصل الوساطة" and b.claims == []
    assert [names[x] for x in quote.reported_by] == ["وكالة الأناضول"]


def test_partial_quote_and_denial(pipeline):
    a, _ = analyse(pipeline, "ونفى المتحدث باسم الحكومة أن تكون الانتخابات «مزورة بالكامل».")
    kinds = {(q.kind, q.text) for q in a.quotes}
    assert ("partial", "مزورة بالكامل") in kinds
    assert all(q.negated for q in a.quotes)


def test_names_in_quotation_marks_are_not_quotes(pipeline):
    a, _ = analyse(pipeline, "وأطلق التحالف عملية «عاصفة الحزم» في مارس، وشاركت فيها قوات من «درع الجزيرة».")
    assert a.quotes == [] and a.claims == []


def test_eval_quotes_cli_and_table_errors(tmp_path):
    table = tmp_path / "q.jsonl"
    table.write_text(
        json.dumps(
            {
                "category": "x",
                "text": "قال الوزير إن الاتفاق وشيك.",
                "published": None,
                "expect": {"quotes": [{"kind": "indirect", "text": "الاتفاق وشيك", "speaker": None}], "claims": []},
            },
            ensure_ascii=False,
        )
        + "\n",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["eval", "quotes", str(table), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["n_expected"] == 1
    table.write_text(
        '{"category": "x", "text": "نص", "expect": {"quotes": [{"text": "غائب"}], "claims": []}}\n', "utf-8"
    )
    result = CliRunner().invoke(main, ["eval", "quotes", str(table)])
    assert result.exit_code != 0 and "E602" in result.output
    with pytest.raises(KhabarError):
        read_table(table)


def test_a_place_phrase_after_the_verb_is_no_speaker(pipeline):
    # على is folded to علي like the text it is compared with: the phrase is not taken for the speaker
    a, names = analyse(
        pipeline,
        "أعلن وزير الخارجية الأردني أيمن الصفدي عن مبادرة جديدة. وقال على هامش الاجتماع إن بلاده ستدعم الحوار.",
    )
    (quote,) = a.quotes
    assert names[quote.speaker] == "أيمن الصفدي" and quote.speaker_text is None


def quotes_of(pipeline, text):
    a, names = analyse(pipeline, text)
    return [(q.cue.text if q.cue else None, q.text, names.get(q.speaker) or q.speaker_text) for q in a.quotes]


def test_mined_reporting_verbs_and_participles(pipeline):
    found = quotes_of(pipeline, "وبيّنت هيئة الإحصاء أن عدد السكان ارتفع، مبيناً أن النمو تركز في المدن.")
    assert [(cue, text) for cue, text, _ in found] == [
        ("بيّنت", "عدد السكان ارتفع"),
        ("مبيناً", "النمو تركز في المدن"),
    ]
    found = quotes_of(pipeline, "وأظهرت بيانات البنك المركزي أن التضخم تراجع إلى اثنين في المئة.")
    assert [text for _, text, _ in found] == ["التضخم تراجع إلى اثنين في المئة"]
    found = quotes_of(pipeline, "وأصدرت الوزارة بيانا جاء فيه: «ستبدأ الدراسة في موعدها المحدد».")
    assert [(cue, text) for cue, text, _ in found] == [("جاء فيه", "ستبدأ الدراسة في موعدها المحدد")]


def test_content_after_a_preposition_or_a_noun_object(pipeline):
    found = quotes_of(
        pipeline,
        "وشدد وزير الصحة فهد الجلاجل على ضرورة الالتزام بالإجراءات الوقائية، داعيا المواطنين إلى أخذ اللقاح مبكرا.",
    )
    assert [(cue, text) for cue, text, _ in found] == [
        ("شدد", "ضرورة الالتزام بالإجراءات الوقائية"),
        ("داعيا", "أخذ اللقاح مبكرا"),
    ]
    found = quotes_of(pipeline, "وحذرت هيئة الأرصاد من أمطار غزيرة على المرتفعات، مؤكدة استمرار الحالة حتى الجمعة.")
    assert [text for _, text, _ in found] == ["أمطار غزيرة على المرتفعات", "استمرار الحالة حتى الجمعة"]
    found = quotes_of(pipeline, "وطالب الاتحاد الأندية بتسليم قوائم اللاعبين قبل نهاية الشهر.")
    assert [text for _, text, _ in found] == ["تسليم قوائم اللاعبين قبل نهاية الشهر"]
    found = quotes_of(pipeline, "وشدد أخصائي التغذية على أهمية تناول الخضروات يوميا.")
    assert [text for _, text, _ in found] == ["أهمية تناول الخضروات يوميا"]
    found = quotes_of(pipeline, "وأكد مدير التعليم في اجتماعه بالمعلمين على بدء الدراسة في موعدها.")
    assert [text for _, text, _ in found] == ["بدء الدراسة في موعدها"]


def test_announcements_adjectives_and_questions_are_not_quotes(pipeline):
    assert quotes_of(pipeline, "وأعلنت الشركة إطلاق منتجها الجديد في الأسواق الخليجية.") == []
    assert quotes_of(pipeline, "وسط إجراءات أمنية مشددة وبيانات من الشرطة انطلقت المباراة في موعدها.") == []
    assert quotes_of(pipeline, "لماذا ينصح الأطباء بشرب الماء قبل النوم؟") == []
    assert quotes_of(pipeline, "دعا الرئيس نظيره لزيارة العاصمة في أي وقت.") == []
    assert quotes_of(pipeline, "وتراجعت الأسعار إبان ارتفاع المعروض في الأسواق العالمية خلال الصيف.") == []
    assert quotes_of(pipeline, "ويدرس المدرب عروضا من أندية أوروبية حسبما أكد مصدر مقرب منه.") == []


def test_content_ends_before_the_next_statement_or_a_remark(pipeline):
    found = quotes_of(
        pipeline, "وأكد المدرب أن الفريق جاهز للمباراة وقال: «سنلعب للفوز»، في إشارة إلى مواجهة الأحد المقبل."
    )
    assert [(cue, text) for cue, text, _ in found] == [("أكد", "الفريق جاهز للمباراة"), ("قال", "سنلعب للفوز")]
    found = quotes_of(pipeline, "وقال الوزير إن المشروع سينتهي العام المقبل، وذلك خلال زيارته لموقع العمل أمس.")
    assert [text for _, text, _ in found] == ["المشروع سينتهي العام المقبل"]


def test_a_denial_of_a_definite_thing_after_a_named_speaker(pipeline):
    a, names = analyse(pipeline, "ونفى المدرب البرتغالي جوزيه مورينيو الأنباء المتداولة عن رحيله عن النادي.")
    [quote] = a.quotes
    assert quote.text == "الأنباء المتداولة عن رحيله عن النادي"
    assert quote.negated and "مورينيو" in names[quote.speaker]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # a long subject: a name with titles, an apposition between commas, a study with its relative clause
        (
            "وأوضح سالم الحربي مدير عام فرع وزارة المياه بالمنطقة الشرقية ورئيس لجنة الطوارئ أن الضخ سيعود غدا.",
            "أوضح",
            "الضخ سيعود غدا",
        ),
        (
            "أعلن العداء الكيني ديفيد روديشا، بطل العالم في سباق 800 متر، اليوم الاثنين، أنه سيعتزل بعد الموسم.",
            "أعلن",
            "سيعتزل بعد الموسم",
        ),
        (
            "وتوصلت الدراسة التي أجراها باحثون في جامعة تورنتو على ألفي متطوع، أن القيلولة تحسن التركيز.",
            "توصلت",
            "القيلولة تحسن التركيز",
        ),
        # frames: تساءل عن، a preposition written apart (بـ «…»), a participle of estimating
        ("وتساءل النائب عن أسباب تأخر صرف التعويضات للمزارعين.", "تساءل", "أسباب تأخر صرف التعويضات للمزارعين"),
        ("وطالبت النقابة الشركة بـ «احترام العقود الموقعة» مع العمال.", "طالبت", "«احترام العقود الموقعة» مع العمال"),
        ("وقال المتحدث إن الحصار مستمر، مقدرا عدد المحاصرين بنحو ألف.", "مقدرا", "عدد المحاصرين بنحو ألف"),
        # a verbal noun (بعد قول X إن) and the narrator's own words in a story
        ("وجاء القرار بعد يومين من قول مسؤولين في الميناء إن الرصيف جاهز.", "قول", "الرصيف جاهز"),
        ("قلت لصاحب المتجر: أغلق الباب قبل أن يدخل الغبار.", "قلت", "أغلق الباب قبل أن يدخل الغبار"),
    ],
)
def test_long_subjects_frames_and_more_cues(pipeline, text, cue, content):
    a, _ = analyse(pipeline, text)
    assert (cue, content) in {(q.cue.text, q.text) for q in a.quotes if q.cue}


@pytest.mark.parametrize(
    "text",
    [
        "وأضاف الموقع الرسمي للشركة صفحة جديدة للتوظيف، إلا أن المعلومات فيها قليلة.",
        "وأصدر المجلس تقريره السنوي عن الأسعار، علما بأن التقرير السابق تأخر شهرين.",
        "وتوصل الطرفان إلى اتفاق مبدئي على أن يعرض على البرلمان.",
        "وقلت في نفسي إن الرحلة لن تنتهي أبدا.",
        "ولا أبالغ إن قلت إن الحي تغير كثيرا.",
        "ولا يعني الاتفاق الذي توصلت إليه الأطراف في الدوحة أن الخلافات انتهت.",
        "واستبعد المدرب ثلاثة لاعبين من القائمة بسبب الإصابة.",
    ],
)
def test_no_report_across_another_clause_or_in_thought(pipeline, text):
    a, _ = analyse(pipeline, text)
    assert a.quotes == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "وقال مسؤول في لجنة الانتخابات في مدينة الرقة، المدينة التي شهدت إقبالا كبيرا: «نتوقع أن ترتفع نسبة "
            "المشاركة في المساء».",
            "نتوقع أن ترتفع نسبة المشاركة في المساء",
        ),
        (
            'وصرح سامي الجابر في مؤتمر صحفي بالعاصمة الإيطالية روما اليوم قبل مباراة الغد "سنلعب من أجل الفوز وحده".',
            "سنلعب من أجل الفوز وحده",
        ),
        ("ولم يستبعد وزير المالية فرض ضرائب جديدة خلال العام المقبل.", "فرض ضرائب جديدة خلال العام المقبل"),
        ("ونفى الوزير ما يتم تداوله عن تأجيل الدراسة.", "ما يتم تداوله عن تأجيل الدراسة"),
        ("وأكدت الدراسة الجديدة، أنك لا تستطيع إخفاء مشاعرك عن هاتفك.", "لا تستطيع إخفاء مشاعرك عن هاتفك"),
    ],
)
def test_long_quotation_after_a_long_subject_and_noun_objects(pipeline, text, content):
    a, _ = analyse(pipeline, text)
    assert content in {q.text for q in a.quotes}


def test_a_name_in_marks_after_la_is_no_quotation(pipeline):
    a, _ = analyse(
        pipeline, "وأكد خالد السالم، المدير العام لـ«شركة الخليج لبيع مواد البناء الحديثة»، أن حجم السوق يتسع."
    )
    assert [(q.kind, q.text) for q in a.quotes] == [("indirect", "حجم السوق يتسع")]


def test_names_that_look_like_cues_and_clauses_that_end_a_statement(pipeline):
    a, names = analyse(
        pipeline,
        "ودعا الأمين العام للأمم المتحدة بان كي مون الأطراف المتنازعة إلى «وقف إطلاق النار فورا والعودة إلى الحوار».",
    )
    assert [q.text for q in a.quotes] == ["وقف إطلاق النار فورا والعودة إلى الحوار"]
    a, _ = analyse(
        pipeline,
        "وأوضح سالم العمري الناطق الرسمي باسم «جمعية البر الخيرية بالمدينة» لـ«الشرق الأوسط»، أن الجمعية وزعت "
        "ألف سلة غذائية.",
    )
    assert [q.text for q in a.quotes] == ["الجمعية وزعت ألف سلة غذائية"]
    a, _ = analyse(
        pipeline,
        "وبين المدير أن المشروع الأول يشمل تعبيد الطرق في الأحياء الشمالية، أما المشروع الثاني فيشمل إنارة الشوارع.",
    )
    assert [q.text for q in a.quotes] == ["المشروع الأول يشمل تعبيد الطرق في الأحياء الشمالية"]
    a, _ = analyse(
        pipeline,
        "وأكد مدير البلدية أن العمل يسير وفق الخطة، وأهاب بالمقاولين الالتزام بالمواعيد المحددة.",
    )
    assert a.quotes[0].text == "العمل يسير وفق الخطة"
    a, _ = analyse(pipeline, "وارتفاع المبيعات مؤشر يشير إلى أن السوق تتعافى من الركود.")
    assert a.quotes == []


def test_a_promise_with_its_content_is_a_quote(pipeline):
    a, _ = analyse(pipeline, "ووعدت البلدية السكان بأن الطريق الجديد سيفتح قبل نهاية العام.")
    assert [q.text for q in a.quotes] == ["الطريق الجديد سيفتح قبل نهاية العام"]
    a, _ = analyse(pipeline, "وتعهد رئيس النادي بأن الفريق سينافس على البطولة في الموسم المقبل.")
    assert [q.text for q in a.quotes] == ["الفريق سينافس على البطولة في الموسم المقبل"]
    # what was promised after بـ is its content (as annotated on real news); a colon after it is no quote
    a, _ = analyse(pipeline, "ووعد المحافظ بتوفير مساكن للأسر المتضررة من السيول.")
    assert [q.text for q in a.quotes] == ["توفير مساكن للأسر المتضررة من السيول"]
    a, _ = analyse(pipeline, "وتعهدت الشركة: مشاريع جديدة في الأحياء الجنوبية.")
    assert a.quotes == []


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # cues mined from the corpus (scripts/mine_cues.py), reviewed by hand: complaining, justifying,
        # a participle going on; a verb with an object pronoun
        ("واشتكت الأسر من أن الحافلات لا تصل إلى الحي.", "اشتكت", "الحافلات لا تصل إلى الحي"),
        ("وبررت الإدارة التأخير بأن المعدات لم تصل بعد.", "بررت", "المعدات لم تصل بعد"),
        ("وقال المدرب إن الفريق لعب جيدا، مستدركا أن الدفاع يحتاج إلى تحسين.", "مستدركا", "الدفاع يحتاج إلى تحسين"),
        ("ووصفها المدرب بأنها أصعب مباراة في الموسم.", "وصفها", "أصعب مباراة في الموسم"),
        ("وأبلغه الطبيب أن العملية ستجرى غدا.", "أبلغه", "العملية ستجرى غدا"),
    ],
)
def test_mined_cues(pipeline, text, cue, content):
    a, _ = analyse(pipeline, text)
    assert (cue, content) in {(q.cue.text, q.text) for q in a.quotes if q.cue}


@pytest.mark.parametrize(
    "text",
    [
        "واشتكى المرضى من طول الانتظار في المستشفى.",  # a complaint about a thing, no clause
        "ووصفته الصحيفة بـ«المحترم».",  # a description in marks, not its words
    ],
)
def test_mined_cues_without_a_report(pipeline, text):
    a, _ = analyse(pipeline, text)
    assert a.quotes == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a long subject headed by a title (نائب، عميد), the name far from the verb
        (
            "وأوضح نائب المتحدث الرسمي لإدارة المرور بمنطقة تبوك العقيد فهد بن سالم الحربي أن الطريق أعيد فتحه.",
            "الطريق أعيد فتحه",
            "فهد بن سالم الحربي",
        ),
        # بيّن written with its shadda is the verb, whatever stands before أن
        ("وبيّن المشرف على المهرجان أن الفعاليات تستمر أسبوعين.", "الفعاليات تستمر أسبوعين", "المشرف"),
        # a bare بين inside the subject is the preposition, not a second cue
        ("وقالت مصادر بين السكان المحليين إن المياه عادت إلى الحي.", "المياه عادت إلى الحي", "مصادر"),
    ],
)
def test_long_and_ambiguous_subjects(pipeline, text, content, speaker):
    a, _ = analyse(pipeline, text)
    assert [q.text for q in a.quotes] == [content]
    names = {e.id: e.name_ar for e in a.entities}
    assert speaker in (names.get(a.quotes[0].speaker) or a.quotes[0].speaker_text or "")


def test_a_straight_mark_stuck_to_a_word_closes_a_lost_quotation(pipeline):
    # the opening mark was lost: the mark after التلة closes, so the next sentence's cue still reports
    text = (
        'وقال قائد ميداني، إن المقاتلين سيطروا على التلة"، مشيرا إلى أنهم صدوا هجوما. '
        'وذكر القائد أن القوات حاولت التقدم نحو قرية "بيت جن" أمس.'
    )
    a, _ = analyse(pipeline, text)
    assert 'القوات حاولت التقدم نحو قرية "بيت جن" أمس' in [q.text for q in a.quotes]


def test_a_name_ending_like_a_title_word_and_an_untagged_name_before_a_whole_quotation(pipeline):
    # محلب ends like محل + بـ, yet it is a name: the quotation after it is words said
    text = 'وقال رئيس الوزراء إبراهيم محلب "جميعنا نواجه تحديات كبيرة، وهو ما يتطلب التعاون بين الدول".'
    a, _ = analyse(pipeline, text)
    assert [q.text for q in a.quotes] == ["جميعنا نواجه تحديات كبيرة، وهو ما يتطلب التعاون بين الدول"]
    # a short name the tagger may miss stands between قال and the quotation that ends the sentence
    a, _ = analyse(pipeline, 'وقال زيدان "لقد لعبنا مباراة كبيرة أمام خصم قوي ونستحق الفوز".')
    assert [(q.kind, q.text) for q in a.quotes] == [("direct", "لقد لعبنا مباراة كبيرة أمام خصم قوي ونستحق الفوز")]
