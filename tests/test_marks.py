"""Quotation marks: what in marks is speech, and how far a quotation runs."""

import pytest

from conftest import analyse


@pytest.mark.parametrize(
    "text",
    [
        "وفي روايته المعنونة بـ«الطريق إلى المدينة البعيدة»، يصف الكاتب حياة القرية بتفاصيلها.",
        "وأطلقت الجمعية حملة بعنوان «معا نحمي بيئتنا من التلوث» في جميع المدارس.",
        'وتمكنت الفرق الميدانية "الأربعاء" من إخماد الحريق، وأوضح المتحدث أن الأضرار محدودة.',
        "وهو ما يذكر بالمثل القديم الذي يقول إن «الوقت كالسيف إن لم تقطعه قطعك».",
        "قال تعالى: «وتعاونوا على البر والتقوى».",
        "وقال رسول الله صلى الله عليه وسلم: «المسلم أخو المسلم».",
        "ودعا الإمام الله عز وجل أن يحفظ البلاد من كل سوء.",
        "وقد أشار نبينا صلى الله عليه وآله وسلم إلى فضل الصدقة في أحاديث كثيرة.",
        "وذكّر الخطيب بالأحاديث النبوية التي تحث على صلة الأرحام في الأعياد.",
    ],
)
def test_titles_dates_citations_and_prayers_are_not_speech(pipeline, text):
    a, _ = analyse(pipeline, text)
    quoted = [q.text for q in a.quotes]
    assert not any(
        t in quoted
        for t in (
            "الطريق إلى المدينة البعيدة",
            "معا نحمي بيئتنا من التلوث",
            "الأربعاء",
            "الوقت كالسيف إن لم تقطعه قطعك",
            "وتعاونوا على البر والتقوى",
            "المسلم أخو المسلم",
            "يحفظ البلاد من كل سوء",
            "فضل الصدقة في أحاديث كثيرة",
            "صلة الأرحام في الأعياد",
        )
    )


def test_a_quoted_report_is_still_speech(pipeline):
    a, _ = analyse(pipeline, "وقال المتحدث باسم الوزارة: «سنفتح المعبر أمام المسافرين يوم السبت المقبل».")
    assert [q.text for q in a.quotes] == ["سنفتح المعبر أمام المسافرين يوم السبت المقبل"]


def test_a_quotation_over_paragraphs_is_one_span(pipeline):
    a, _ = analyse(
        pipeline,
        "وقال رئيس البلدية: «سنفتتح الحديقة الجديدة الشهر المقبل.\nوستكون مفتوحة للعائلات طوال أيام الأسبوع».\n",
    )
    (quote,) = a.quotes
    assert quote.kind == "direct"
    assert quote.text == "سنفتتح الحديقة الجديدة الشهر المقبل.\nوستكون مفتوحة للعائلات طوال أيام الأسبوع"


@pytest.mark.parametrize(
    "text, words",
    [
        ("وقالت المديرة: ”سنبدأ التسجيل في المدارس الأسبوع المقبل”.", "سنبدأ التسجيل في المدارس الأسبوع المقبل"),
        ("وقال المدرب: “لعبنا مباراة صعبة أمام فريق قوي„.", "لعبنا مباراة صعبة أمام فريق قوي"),
        ("وقال المتحدث: «سنواصل العمل بلا توقف حتى النهاية\nوافتتح المعرض أمس.", "سنواصل العمل بلا توقف حتى النهاية"),
    ],
)
def test_curly_mixed_and_unclosed_marks_open_a_direct_quote(pipeline, text, words):
    a, _ = analyse(pipeline, text)
    assert [(q.kind, q.text) for q in a.quotes] == [("direct", words)]


def test_a_quotation_closed_before_the_next_sentence_ends_the_quote(pipeline):
    a, _ = analyse(
        pipeline,
        "وقالت الشرطة في بيان انه «تم ضبط ثلاثة متهمين في الحي الشرقي للمدينة».واوضحت ان التحقيق مستمر.",
    )
    assert a.quotes[0].kind == "direct" and a.quotes[0].text == "تم ضبط ثلاثة متهمين في الحي الشرقي للمدينة"


def test_a_quote_after_a_phrase_with_an_addressee(pipeline):
    a, _ = analyse(
        pipeline,
        "وقال الوزير في تصريحات هاتفية للتلفزيون الرسمي «الأعمال ستنتهي قبل الموعد المحدد بثلاثة أشهر».",
    )
    assert [(q.kind, q.text) for q in a.quotes] == [("direct", "الأعمال ستنتهي قبل الموعد المحدد بثلاثة أشهر")]


def test_a_noun_object_before_marks_is_no_quote(pipeline):
    a, _ = analyse(pipeline, "وأعلنت السلطات أمس تفكيك «شبكة تضم ثمانية أشخاص ناشطين في ثلاث مدن».")
    assert a.quotes == []


def test_an_honorific_prayer_does_not_stop_a_quote(pipeline):
    a, _ = analyse(pipeline, "وأكد الأمير رعاه الله أن المشروع سيكتمل قبل نهاية العام.")
    assert [q.text for q in a.quotes] == ["المشروع سيكتمل قبل نهاية العام"]


@pytest.mark.parametrize(
    ("text", "name", "said"),
    [
        (
            "وقال مدير «المركز الوطني للأرصاد» إن الأمطار ستستمر حتى يوم الخميس.",
            "المركز الوطني للأرصاد",
            "الأمطار ستستمر حتى يوم الخميس",
        ),
        ("وأكد الممثل أنه شارك في حلقة «ليلة في الصحراء» العام الماضي.", "ليلة في الصحراء", None),
        ("وقال المحلل إن الحكومة تواجه «حزب الأمة» الليبرالي في الانتخابات المقبلة.", "حزب الأمة", None),
        ("وأضاف المدير أن المشروع يتماشى مع «خطة التنمية 2030» في مراحلها كلها.", "خطة التنمية 2030", None),
        ("وأوضح المشرف أن الرحلات ستنطلق ضمن حملة تحت عنوان « صيفنا أجمل» في جميع المدن.", "صيفنا أجمل", None),
        ('وأوضح المهندس أن الفحص يكشف الشقوق "cracks" في جدران المبنى القديم.', "cracks", None),
        (
            "وأكد المدير التنفيذي لـ«شركة الواحة لتجارة الأثاث» أن المبيعات ارتفعت هذا الصيف.",
            "شركة الواحة لتجارة الأثاث",
            "المبيعات ارتفعت هذا الصيف",
        ),
    ],
)
def test_a_name_in_marks_is_no_quotation(pipeline, text, name, said):
    a, _ = analyse(pipeline, text)
    quoted = [q.text for q in a.quotes]
    assert name not in quoted
    assert said is None or said in quoted


def test_an_adjective_in_marks_after_a_name_noun_is_a_partial_quote(pipeline):
    a, _ = analyse(pipeline, "واتهم المتحدث الحركة بأنها جماعة «متطرفة» تسعى إلى نشر الفوضى في البلاد.")
    assert "متطرفة" in [q.text for q in a.quotes if q.kind == "partial"]


def test_an_unclosed_quotation_ends_where_the_narrator_takes_over(pipeline):
    a, _ = analyse(
        pipeline,
        "وأضاف المدير: «نعمل على خطة متكاملة لتطوير الخدمات في جميع الفروع، مبينا أن التنفيذ يبدأ الشهر المقبل.\n",
    )
    said = {(q.kind, q.text) for q in a.quotes}
    assert ("direct", "نعمل على خطة متكاملة لتطوير الخدمات في جميع الفروع") in said


def test_a_quotation_opening_before_its_complementiser_ends_at_its_closing_mark(pipeline):
    a, _ = analyse(
        pipeline, "وأعرب المدير عن رضاه معلنا «أن النتائج مرضية للغاية.» وتطرق المدير بعد ذلك إلى خطط العام المقبل."
    )
    assert "النتائج مرضية للغاية." in [q.text for q in a.quotes]


def test_a_description_in_marks_before_a_verb_with_its_own_words_is_no_quote(pipeline):
    a, _ = analyse(pipeline, 'أما سلمى أحمد "إحدى العارضات في المعرض" فقالت: إن الإقبال كان كبيرا طوال أيام المهرجان.')
    said = [q.text for q in a.quotes]
    assert "إحدى العارضات في المعرض" not in said
    assert "الإقبال كان كبيرا طوال أيام المهرجان" in said


def test_a_quotation_between_two_full_stops_continues_the_speaker(pipeline):
    a, _ = analyse(
        pipeline,
        "وقال المدرب للصحفيين: ”لسنا قلقين من الإصابات”.“لدينا لاعبون شباب جاهزون للمشاركة في المباريات القادمة”."
        "“سنرى ما يحدث في الأسابيع المقبلة”.",
    )
    assert "لدينا لاعبون شباب جاهزون للمشاركة في المباريات القادمة" in [q.text for q in a.quotes]


def test_an_emphasis_word_is_no_loose_word_before_a_quotation(pipeline):
    a, _ = analyse(
        pipeline, "وقال رئيس مجلس الإدارة في البيان نفسه «نحن فخورون بهذه الشراكة التي ستفتح آفاقا جديدة للشركتين»."
    )
    assert ("direct", "نحن فخورون بهذه الشراكة التي ستفتح آفاقا جديدة للشركتين") in {(q.kind, q.text) for q in a.quotes}


def test_a_preposition_written_alone_before_marks_is_no_loose_word(pipeline):
    a, _ = analyse(
        pipeline,
        "وأوصى المدير، بحسب البيان، بـ«ضرورة الإسراع في إنجاز أعمال الصيانة في جميع المدارس قبل بداية العام»، "
        "داعيا إلى متابعة التنفيذ.",
    )
    assert "ضرورة الإسراع في إنجاز أعمال الصيانة في جميع المدارس قبل بداية العام" in [q.text for q in a.quotes]


def test_a_mark_after_a_colon_opens_a_new_quotation_when_the_one_before_was_left_open(pipeline):
    a, _ = analyse(
        pipeline,
        'وقالت المعلمة: "اشتقت إلى أيام الدراسة الأولى. وأوضح المدير أن العام الجديد يبدأ الأحد، مضيفا: '
        '"نحن جاهزون لاستقبال الطلاب".',
    )
    said = [q.text for q in a.quotes]
    assert "نحن جاهزون لاستقبال الطلاب" in said
    assert not any("وأوضح المدير" in t for t in said)


@pytest.mark.parametrize("verb", ["وقال", "ويقول", "وتقول"])
def test_straight_marks_right_after_a_verb_ending_in_lam(pipeline, verb):
    a, _ = analyse(pipeline, f'وفي حديثه عن المشروع {verb} "الأعمال تسير وفق الجدول ولن يتأخر التسليم".')
    found = [(q.kind, q.text) for q in a.quotes]
    assert ("direct", "الأعمال تسير وفق الجدول ولن يتأخر التسليم") in found


def test_a_name_in_marks_inside_a_long_subject_before_a_colon(pipeline):
    text = (
        "وقال خالد العمري رئيس مجلس إدارة شركة النخبة للتطوير العقاري والاستثمار في بيان تلقت «المدينة» "
        "نسخة منه: «نتوقع طلبا "
        "كبيرا على الوحدات السكنية الجديدة. وسنطرح المرحلة الثانية قبل نهاية العام»."
    )
    a, _ = analyse(pipeline, text)
    found = [(q.kind, q.text) for q in a.quotes]
    assert (
        "direct",
        "نتوقع طلبا كبيرا على الوحدات السكنية الجديدة. وسنطرح المرحلة الثانية قبل نهاية العام",
    ) in found


def test_a_quotation_by_telephone_closed_after_its_full_stop(pipeline):
    a, _ = analyse(
        pipeline,
        "وقال مسؤول محلي لوكالة الأنباء عبر الهاتف «الطرق إلى المدينة مفتوحة الآن أمام الشاحنات.» "
        "وتنتظر القوافل على الحدود منذ أيام.",
    )
    assert ("direct", "الطرق إلى المدينة مفتوحة الآن أمام الشاحنات.") in [(q.kind, q.text) for q in a.quotes]
