"""Claims (according-to attributions): which phrases make one, its scope and its source."""

import pytest

from conftest import analyse


@pytest.mark.parametrize(
    "text",
    [
        "وستوزع المساعدات على الأسر حسب الحاجة في كل حي.",
        "وتم التعامل مع المخالفين وفقا للإجراءات النظامية المتبعة.",
        "ويصرف البدل للموظف حسب المؤهل الذي يحمله.",
        "وسينفذ المشروع على مراحل وفق جدولة زمنية محددة.",
        "وسنعمل وفق خطة واضحة تشمل جميع المحافظات.",
        "ويقيم أداء الموظف حسب البيانات الواردة عن إنجازه خلال العام.",
    ],
)
def test_a_rule_plan_or_need_is_no_source(pipeline, text):
    a, _ = analyse(pipeline, text)
    assert a.claims == [] and all(not q.reported_by_text for q in a.quotes)


def test_source_after_the_content_and_before_it(pipeline):
    a, _ = analyse(
        pipeline,
        "وأسفر الحريق عن إصابة أربعة عمال في المصنع، بحسب مصادر في الدفاع المدني. "
        "ووفقا لتقرير نشرته الهيئة، فإن نسبة البطالة انخفضت إلى ثمانية في المئة.",
    )
    after, before = a.claims
    assert after.text == "أسفر الحريق عن إصابة أربعة عمال في المصنع" and after.source_text.startswith("مصادر")
    assert before.text == "نسبة البطالة انخفضت إلى ثمانية في المئة" and before.cue.text.startswith("وفقا")


def test_verbal_phrases_make_claims(pipeline):
    a, _ = analyse(
        pipeline,
        "وتوقف العمل في الميناء ثلاثة أيام، حسبما أوضح مدير الميناء. "
        "وضبطت الشرطة شحنة كبيرة من المخدرات قرب الحدود، كما أعلنت وزارة الداخلية أمس.",
    )
    first, second = a.claims
    assert first.text == "توقف العمل في الميناء ثلاثة أيام" and first.source_text == "مدير الميناء"
    assert first.cue.text == "حسبما أوضح"
    assert second.text == "ضبطت الشرطة شحنة كبيرة من المخدرات قرب الحدود"
    assert "وزارة الداخلية" in second.source_text and second.cue.text == "كما أعلنت"


def test_kama_with_its_own_clause_is_a_quote_not_a_claim(pipeline):
    a, _ = analyse(pipeline, "وافتتح الأمير المعرض. كما أعلنت الوزارة أن المعرض سيستمر عشرة أيام.")
    assert a.claims == [] and [q.text for q in a.quotes] == ["المعرض سيستمر عشرة أيام"]


def test_a_phrase_between_commas_qualifies_its_whole_sentence(pipeline):
    a, _ = analyse(pipeline, "وستصبح، وفق التقديرات الأولية، الشركة الأكبر في المنطقة خلال عامين.")
    (claim,) = a.claims
    assert claim.text == "ستصبح، وفق التقديرات الأولية، الشركة الأكبر في المنطقة خلال عامين"


def test_a_sentence_pointing_back_at_an_outlet(pipeline):
    a, names = analyse(
        pipeline,
        "وارتفعت أسعار الذهب إلى أعلى مستوى لها منذ عامين في الأسواق العالمية.. ورد ذلك في صحيفة الاقتصادية أمس.",
    )
    (claim,) = a.claims
    assert claim.text == "ارتفعت أسعار الذهب إلى أعلى مستوى لها منذ عامين في الأسواق العالمية"
    assert "الاقتصادية" in (names.get(claim.source) or claim.source_text)


def test_relayed_words_keep_the_outlet_as_reporter(pipeline):
    a, names = analyse(pipeline, "ونقلت صحيفة الرياض عن مصدر في أمانة المدينة قوله إن المشروع سيكتمل قبل نهاية العام.")
    (quote,) = a.quotes
    assert quote.text == "المشروع سيكتمل قبل نهاية العام" and quote.speaker_text == "مصدر في أمانة المدينة"
    assert [names.get(x) for x in quote.reported_by] + quote.reported_by_text in (["صحيفة الرياض"], ["الرياض"])


def test_the_agency_is_the_one_named_before(pipeline):
    a, names = analyse(
        pipeline,
        "وقالت وكالة الأنباء الفرنسية إن الوفد وصل إلى جنيف. واجتمع الوفد بالمبعوث الأممي ساعتين، بحسب الوكالة.",
    )
    (claim,) = a.claims
    assert claim.text == "اجتمع الوفد بالمبعوث الأممي ساعتين" and claim.source is not None
    assert claim.source == a.quotes[0].speaker


def test_an_unnamed_source_keeps_its_description(pipeline):
    a, _ = analyse(pipeline, "وقتل خمسة مسلحين في الاشتباكات، بحسب مصادر في وزارة الداخلية العراقية.")
    (claim,) = a.claims
    assert claim.source_text == "مصادر في وزارة الداخلية العراقية" and claim.text == "قتل خمسة مسلحين في الاشتباكات"


def test_a_quoted_outlet_name_is_a_source(pipeline):
    a, _ = analyse(pipeline, "ووفقا لـ«الوطن»، فإن المجلس البلدي سيعقد جلسته المقبلة في المحافظة.")
    (claim,) = a.claims
    assert claim.text == "المجلس البلدي سيعقد جلسته المقبلة في المحافظة" and "الوطن" in claim.source_text


def test_whose_data_makes_data_a_source(pipeline):
    a, _ = analyse(pipeline, "وارتفع عدد الزوار إلى مليون زائر بحسب بيانات وزارة السياحة.")
    (claim,) = a.claims
    assert claim.text == "ارتفع عدد الزوار إلى مليون زائر" and claim.source_text.startswith("بيانات")


def test_a_phrase_between_commas_inside_a_clause_qualifies_that_clause(pipeline):
    a, _ = analyse(pipeline, "وتواصل الشركة خفض الأسعار في كل فروعها مما سيؤدي، حسب المتابعين، إلى خسائر كبيرة.")
    (claim,) = a.claims
    assert claim.source_text == "المتابعين"
    assert claim.text == "مما سيؤدي، حسب المتابعين، إلى خسائر كبيرة"


def test_the_narrators_inference_after_a_claim_is_no_part_of_it(pipeline):
    a, _ = analyse(pipeline, "وحسب آخر الإحصاءات فإن عدد سكان القرية تجاوز ألفين وبذلك تعد أكبر قرى الوادي.")
    (claim,) = a.claims
    assert claim.text == "عدد سكان القرية تجاوز ألفين"


def test_sources_by_rank_press_and_interview_and_a_phrase_closing_its_clause(pipeline):
    a, _ = analyse(
        pipeline,
        "إذ إن عدد المتدربين لا يتجاوز مئتي مقاتل بحسب الكولونيل جون سميث، الذي تحدث أمس. "
        "وبحسب الصحافة الفرنسية فإن الحكومة تدرس خفض الضرائب. "
        "وانقطعت الكهرباء عن ثلاثة أحياء بحسب صحافي في المدينة، في ثاني انقطاع هذا الشهر.",
    )
    found = [(c.text, c.source_text or "") for c in a.claims]
    assert found[0][0] == "عدد المتدربين لا يتجاوز مئتي مقاتل" and "سميث" in found[0][1]
    assert found[1] == ("الحكومة تدرس خفض الضرائب", "الصحافة الفرنسية")
    assert found[2] == ("انقطعت الكهرباء عن ثلاثة أحياء", "صحافي في المدينة")


def test_a_phrase_alone_puts_the_sentence_before_on_its_source(pipeline):
    a, _ = analyse(pipeline, "ويحتاج الفريق لضم مهاجم آخر قبل بداية الموسم. وفقا للألمانية.")
    assert [c.text for c in a.claims] == ["يحتاج الفريق لضم مهاجم آخر قبل بداية الموسم"]


def test_the_same_source_is_the_one_named_before(pipeline):
    a, _ = analyse(
        pipeline,
        "وقتل ثلاثة مدنيين في قصف على السوق، بحسب مصدر في مستشفى المدينة. "
        "وأصيب عشرة آخرون بجروح متفاوتة، بحسب المصدر نفسه. "
        "واحترقت سيارتان قرب الجسر، وفقا لنفس المصدر.",
    )
    first, second, third = a.claims
    assert first.source_text == second.source_text == third.source_text == "مصدر في مستشفى المدينة"
    assert second.text == "أصيب عشرة آخرون بجروح متفاوتة"


def test_the_same_source_introduced_as_a_speaker(pipeline):
    a, _ = analyse(
        pipeline,
        "وأكد مسؤول في وزارة الصحة وصول الشحنة الأولى من الأدوية. "
        "وستوزع الأدوية على المستشفيات خلال أسبوع، حسب المسؤول ذاته.",
    )
    (claim,) = a.claims
    assert claim.text == "ستوزع الأدوية على المستشفيات خلال أسبوع" and "وزارة الصحة" in claim.source_text


def test_a_phrase_over_the_speakers_own_quote_is_a_claim(pipeline):
    a, names = analyse(pipeline, "وبحسب خالد العتيبي عن خطط الشركة قال: «سنفتتح ثلاثة فروع جديدة هذا العام».")
    (quote,), (claim,) = a.quotes, a.claims
    assert quote.text == "سنفتتح ثلاثة فروع جديدة هذا العام" and quote.reported_by == []
    assert claim.source == quote.speaker and quote.text in claim.text


def test_a_claim_on_one_clause_of_a_longer_quote(pipeline):
    a, _ = analyse(
        pipeline,
        "وأشار المدير إلى أن الشركات المحلية تملك حضورا قويا في قطاع البناء عبر عشرات المشاريع الكبرى في "
        "المدن الرئيسية، واستثماراتها مجتمعة وفقا للهيئة العامة للإحصاء تجاوزت 5 مليارات دولار.",
    )
    (claim,) = a.claims
    assert claim.text == "استثماراتها مجتمعة وفقا للهيئة العامة للإحصاء تجاوزت 5 مليارات دولار"
    assert claim.source_text.endswith("هيئة العامة للإحصاء")


def test_a_source_named_by_a_role_and_a_name(pipeline):
    a, names = analyse(
        pipeline,
        "وبحسب المتحدث الرسمي باسم الدفاع المدني في المنطقة الشرقية العقيد سالم بن محمد الدوسري فقد "
        "تمت السيطرة على الحريق دون إصابات.",
    )
    (claim,) = a.claims
    assert claim.text == "قد تمت السيطرة على الحريق دون إصابات" and claim.source_text.endswith("الدوسري")


def test_a_document_source_runs_to_its_issuers_name(pipeline):
    a, _ = analyse(
        pipeline,
        "وستخفض الدولة الدعم على الكهرباء بنسبة الربع بحسب تقرير صادر عن البنك الدولي وستوجه الوفورات إلى التعليم.",
    )
    (claim,) = a.claims
    assert claim.text == "ستخفض الدولة الدعم على الكهرباء بنسبة الربع"
    assert claim.source_text == "تقرير صادر عن البنك الدولي"


def test_a_source_ends_before_the_clause_it_opens(pipeline):
    a, _ = analyse(pipeline, "وبحسب البيان ستغلق المدارس أبوابها ثلاثة أيام في المحافظات الشمالية.")
    (claim,) = a.claims
    assert claim.source_text == "البيان" and claim.text == "ستغلق المدارس أبوابها ثلاثة أيام في المحافظات الشمالية"


def test_chained_phrases_share_one_clause(pipeline):
    a, _ = analyse(
        pipeline,
        "وقد ينتقل المدافع إلى ناد إيطالي خلال الصيف، وذلك بحسب ما ذكرت صحيفة محلية نقلا عن مقربين من اللاعب.",
    )
    first, second = a.claims
    assert first.text == second.text and first.text.endswith("قد ينتقل المدافع إلى ناد إيطالي خلال الصيف")
    assert "صحيفة" in first.source_text and second.source_text.startswith("مقربين")


def test_a_demonstrative_source_is_the_one_named_before(pipeline):
    a, _ = analyse(
        pipeline,
        "وأغلقت السلطات المعبر الحدودي مساء أمس، بحسب مصادر أمنية مطلعة. "
        "وحسب تلك المصادر فإن المعبر سيبقى مغلقا حتى نهاية الأسبوع.",
    )
    first, second = a.claims
    assert second.source_text == first.source_text and first.source_text.startswith("مصادر أمنية")
    assert second.text == "المعبر سيبقى مغلقا حتى نهاية الأسبوع"


def test_a_source_with_a_relative_clause(pipeline):
    a, _ = analyse(
        pipeline,
        "وبحسب الدراسة التي اطلعت عليها الصحيفة أن نصف الطلاب يقضون أكثر من أربع ساعات يوميا أمام الشاشات.",
    )
    (claim,) = a.claims
    assert claim.text == "نصف الطلاب يقضون أكثر من أربع ساعات يوميا أمام الشاشات"


def test_a_second_phrase_qualifies_the_clause_after_the_first(pipeline):
    a, _ = analyse(
        pipeline,
        "وارتفعت أسعار الوقود بنسبة عشرة في المئة، بحسب الوزارة، وتراجع الطلب على السيارات الكبيرة في "
        "الأسواق المحلية، كما أعلنت الغرفة التجارية.",
    )
    first, second = a.claims
    assert first.text == "ارتفعت أسعار الوقود بنسبة عشرة في المئة"
    assert second.text == "تراجع الطلب على السيارات الكبيرة في الأسواق المحلية"


def test_a_claim_starts_past_the_closing_mark_of_its_source(pipeline):
    a, _ = analyse(pipeline, 'وحسب وكالة أنباء "النهار"، أغلقت السلطات ثلاثة مصانع مخالفة في المنطقة الصناعية.')
    (claim,) = a.claims
    assert claim.text == "أغلقت السلطات ثلاثة مصانع مخالفة في المنطقة الصناعية"


def test_a_phrase_inside_a_clause_qualifies_it_up_to_the_next_clause(pipeline):
    a, _ = analyse(
        pipeline,
        "وستضم القمة المقبلة في باريس بحسب الرئيس الفرنسي إيمانويل ماكرون ثلاثين دولة أوروبية وأفريقية، "
        "وتستثني الدول التي لم توقع على الاتفاق.",
    )
    (claim,) = a.claims
    assert claim.text.endswith("ثلاثين دولة أوروبية وأفريقية") and "ماكرون" in claim.source_text


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "ووفقا لعاملين في قطاع البناء، فإن كثيرا من المقاولين سيغادرون السوق هذا العام.",
            "كثيرا من المقاولين سيغادرون السوق هذا العام",
            "عاملين في قطاع البناء",
        ),
        (
            "وبحسب بعض المطلعين على شؤون النادي، فإن المدرب سيرحل بعد نهاية الموسم.",
            "المدرب سيرحل بعد نهاية الموسم",
            "المطلعين",
        ),
        (
            "وبحسب عدد من طلابها، فإن الكلية تفتقر إلى مختبر للعلوم منذ سنوات.",
            "الكلية تفتقر إلى مختبر للعلوم منذ سنوات",
            "طلابها",
        ),
    ],
)
def test_groups_of_people_are_sources(pipeline, text, content, source):
    """A sound plural of people (عاملين، المطلعين), possessed too (طلابها), is a source."""
    a, _ = analyse(pipeline, text)
    (claim,) = a.claims
    assert claim.text == content and source in claim.source_text


def test_a_phrase_between_dashes_inside_its_clause(pipeline):
    a, _ = analyse(pipeline, "وخلت القرية -بحسب سكانها- من أي مركز صحي منذ عشر سنوات.")
    (claim,) = a.claims
    assert claim.text == "خلت القرية -بحسب سكانها- من أي مركز صحي منذ عشر سنوات"


def test_a_title_with_a_preposition_before_the_source_name(pipeline):
    a, names = analyse(
        pipeline,
        "والمشروع الجديد سيوفر ألف وظيفة في المنطقة وفقا للنائب سمير الخطيب ويضيف التقرير أن العمل سيبدأ قريبا.",
    )
    claim = next(c for c in a.claims if c.cue.text.startswith("وفقا"))
    assert claim.text == "المشروع الجديد سيوفر ألف وظيفة في المنطقة" and "الخطيب" in names[claim.source]


@pytest.mark.parametrize(
    "text",
    [
        "ويحدد حجم المسكن وفقا لعدد أفراد الأسرة المقيمين فيه.",
        "وتطبق العقوبات على المخالفين وفقا للقوانين المعمول بها.",
    ],
)
def test_a_number_of_people_or_a_plural_of_things_is_no_source(pipeline, text):
    a, _ = analyse(pipeline, text)
    assert a.claims == []


def test_a_date_between_the_verb_and_the_source(pipeline):
    a, _ = analyse(pipeline, "وارتفعت أسعار القمح في الأسواق المحلية، حسبما ذكرت أمس الخميس وكالة الأنباء الرسمية.")
    (claim,) = a.claims
    assert claim.text == "ارتفعت أسعار القمح في الأسواق المحلية" and "وكالة الأنباء" in claim.source_text


def test_a_relaying_phrase_with_a_pronoun_between_verb_and_quotation(pipeline):
    a, names = analyse(
        pipeline, "وقال المدرب سامي العلي فيما نقلته وكالة الأنباء الكويتية: «الفريق جاهز للمباراة المقبلة»."
    )
    (quote,) = a.quotes
    assert quote.text == "الفريق جاهز للمباراة المقبلة"
    assert any("الكويتية" in t for t in [*quote.reported_by_text, *(names.get(r, "") for r in quote.reported_by)])


def test_a_verb_with_its_object_after_a_date_is_no_source(pipeline):
    a, _ = analyse(pipeline, "وضم النادي ثلاثة لاعبين جدد هذا الصيف، كما كشف الثلاثاء عن مدربه الجديد.")
    assert a.claims == []


def test_a_relaying_phrase_between_commas_before_the_clause(pipeline):
    a, _ = analyse(
        pipeline,
        "وذكر موقع «الخليج اليوم» الإخباري، نقلا عن مسؤول كبير بـ«أرامكو»، أن الشركة ستفتتح مصفاة جديدة العام المقبل.",
    )
    (quote,) = a.quotes
    assert quote.text == "الشركة ستفتتح مصفاة جديدة العام المقبل"
    assert any("أرامكو" in t for t in quote.reported_by_text) and a.claims == []


def test_an_unnamed_source_goes_on_over_a_name_in_marks(pipeline):
    a, _ = analyse(pipeline, 'وارتفع عدد الأطفال المصابين إلى ثلاثمئة، وفقا لتقرير أصدرته منظمة "أطفال العالم".')
    (claim,) = a.claims
    assert claim.source_text.endswith('"أطفال العالم"')


def test_a_source_by_title_is_the_person_the_next_quote_gives_it(pipeline):
    a, names = analyse(
        pipeline,
        "وأغلقت السلطات الطريق الساحلي أمس، حسبما أعلن محافظ المدينة. "
        "وقال المحافظ سالم الراشد إن الطريق سيفتح أمام السيارات بعد يومين.",
    )
    (claim,) = a.claims
    assert claim.text == "أغلقت السلطات الطريق الساحلي أمس" and "الراشد" in names.get(claim.source, "")


def test_a_document_owned_by_a_name_ends_at_the_name(pipeline):
    a, names = analyse(
        pipeline,
        "وتحسنت نتائج الطلاب في الرياضيات، وفقا لتحليل جامعة الملك سعود لنتائج ما يقرب من أربعمئة ألف طالب في "
        "المدارس الثانوية الحكومية.",
    )
    (claim,) = a.claims
    assert claim.text == "تحسنت نتائج الطلاب في الرياضيات"
    assert "جامعة الملك سعود" in (names.get(claim.source) or claim.source_text)


def test_a_source_ends_before_a_time_clause(pipeline):
    a, _ = analyse(
        pipeline,
        "وارتفع عدد زوار الموقع إلى مليون زائر، حسب الإحصائيات الرسمية للشركة بعد أن أطلقت خدماتها الجديدة.",
    )
    (claim,) = a.claims
    assert claim.text == "ارتفع عدد زوار الموقع إلى مليون زائر" and claim.source_text == "الإحصائيات الرسمية للشركة"
