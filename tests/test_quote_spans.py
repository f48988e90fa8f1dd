"""Which reported speech is found and where it ends: classes seen on real news, in sentences written here."""

import pytest

from khabar import Article


def quotes(pipeline, text):
    article = pipeline(Article(text=text, published="2023-09-13"))
    assert article.errors == []
    return [(q.kind, q.cue.text if q.cue else None, q.text) for q in article.quotes], article


@pytest.mark.parametrize(
    "text",
    [
        "ويأتي ذلك في رفض بعض النقاد للرواية الجديدة وتصويرها على أنها تقليد لما سبقها.",  # a verbal noun
        "ومن المتوقع أن تطالب الهيئة الشركة بإصدار بيان للمستثمرين خلال الأسبوع المقبل.",  # hypothetical
        "وتراجعت أسعار الأسهم في الجلسة الأخيرة، مما يؤكد أن المستثمرين قلقون من الركود.",  # a fact confirms
        "ويتوقع أن يحضر الحفل أكثر من ألف زائر من مختلف المدن.",  # impersonal passive
        "وقد لفت نظري أن الملعب كان ممتلئا قبل ساعة من بداية المباراة.",  # noticing
        "وقدم المهاجم الشاب أداء لافتا في مباراة الأمس، رغم أن الفريق خسر بهدفين.",  # an adjective
    ],
)
def test_speech_verb_forms_that_report_nothing(pipeline, text):
    found, _ = quotes(pipeline, text)
    assert found == []


def test_a_report_after_a_time_word_or_an_idiom_stays(pipeline):
    found, _ = quotes(pipeline, "وغادر الوزير القاعة قبل أن يضيف أن الحكومة ستعلن قرارها غدا.")
    assert ("indirect", "يضيف", "الحكومة ستعلن قرارها غدا") in found
    found, _ = quotes(pipeline, "وسأل الصحفيون اللاعب عن مستقبله فما كان منه إلا أن قال: «سأبقى مع فريقي».")
    assert ("direct", "قال", "سأبقى مع فريقي") in found


def test_a_participle_right_before_its_clause_needs_no_comma(pipeline):
    found, _ = quotes(pipeline, "وأعلنت الشركة عن أرباحها الفصلية مؤكدة أن المبيعات ارتفعت بنسبة كبيرة.")
    assert ("indirect", "مؤكدة", "المبيعات ارتفعت بنسبة كبيرة") in found


def test_short_definite_quotations_are_labels_not_partial_quotes(pipeline):
    found, _ = quotes(
        pipeline,
        "وقال المدرب إن اللاعبين يحبون التقاط صور «السيلفي» مع الجماهير وإن زملاءه «يملكون روحا عالية».",
    )
    kinds = {(kind, text) for kind, _, text in found}
    assert ("partial", "يملكون روحا عالية") in kinds
    assert ("partial", "السيلفي") not in kinds
    found, _ = quotes(pipeline, "واتهم المتحدث الحركة بأنها جماعة «متطرفة» تسعى إلى الفوضى.")
    assert ("partial", "متطرفة") in {(kind, text) for kind, _, text in found}


def test_a_label_after_a_case_noun_is_no_partial_quote(pipeline):
    found, _ = quotes(pipeline, "وأكد المحامي أن موكله برئ في قضية «تبييض أموال» المرفوعة ضده منذ عامين.")
    assert [kind for kind, _, _ in found] == ["indirect"]


def test_the_narrators_remark_ends_what_was_said(pipeline):
    found, _ = quotes(
        pipeline, "وأكد قائد الشرطة أن التحقيقات كشفت هوية المشتبه بهم دون أن يسمي أيا منهم أو يحدد جنسياتهم."
    )
    assert ("indirect", "أكد", "التحقيقات كشفت هوية المشتبه بهم") in found
    found, _ = quotes(pipeline, "وقال الوزير إن الجيش لن ينسحب من المدينة دون أن يحقق أهدافه كاملة.")
    assert ("indirect", "قال", "الجيش لن ينسحب من المدينة دون أن يحقق أهدافه كاملة") in found


def test_a_prepositional_object_is_not_looked_for_past_a_new_verb(pipeline):
    found, _ = quotes(pipeline, "كما أكد النادي الصفقة ونشر صورة للاعب في حسابه على موقع التواصل.")
    assert found == []
    found, _ = quotes(pipeline, "ودعا الدفاع المدني المتنزهين وزوار الشواطئ إلى التقيد بتعليمات السلامة.")
    assert ("indirect", "دعا", "التقيد بتعليمات السلامة") in found


def test_while_a_person_affirms_is_a_quote_while_sources_report_is_a_claim(pipeline):
    found, article = quotes(
        pipeline, "وتقدم النادي بعرض رسمي للاعب، فيما أكد مدير الكرة خالد العمري أن المفاوضات ما زالت مستمرة."
    )
    assert ("indirect", "أكد", "المفاوضات ما زالت مستمرة") in found and article.claims == []
    found, article = quotes(pipeline, "وتقدم النادي بعرض رسمي للاعب، فيما ذكرت مصادر أن المفاوضات ما زالت مستمرة.")
    assert found == [] and [c.text for c in article.claims] == ["المفاوضات ما زالت مستمرة"]


def test_a_noun_object_after_a_long_subject_and_an_addressee(pipeline):
    found, _ = quotes(
        pipeline,
        'وأكد المهندس سامي الحربي المتحدث الرسمي للهيئة العامة للطيران لـ"الوطن" استمرار الرحلات في موعدها.',
    )
    assert ("indirect", "أكد", "استمرار الرحلات في موعدها") in found


def test_a_relative_clause_reports_with_its_subject_and_min_anna(pipeline):
    found, _ = quotes(pipeline, "ورحب الحزب بما أكده الوزير من أن الانتخابات ستجري في موعدها.")
    assert ("indirect", "أكده", "الانتخابات ستجري في موعدها") in found
    found, _ = quotes(pipeline, "فهل يصدق أحد ما أعلنه المتحدث من أن الأسعار لن ترتفع هذا العام؟")
    assert ("indirect", "أعلنه", "الأسعار لن ترتفع هذا العام") in found
    found, _ = quotes(pipeline, "وهذا ما قاله لي صديقي في الأمس.")
    assert found == []


def test_only_the_word_right_before_a_verb_makes_it_a_noun(pipeline):
    found, _ = quotes(pipeline, "وارتفعت المبيعات في 2014، مؤكدا ارتفاع الطلب خلال العام الجاري.")
    assert ("indirect", "مؤكدا", "ارتفاع الطلب خلال العام الجاري") in found


def test_a_quoted_phrase_of_three_words_is_a_partial_quote(pipeline):
    found, _ = quotes(pipeline, "وحث الرئيس الحكومة على «الخروج من عزلتها» في أسرع وقت.")
    assert ("partial", None, "الخروج من عزلتها") in {(k, None, t) for k, _, t in found}


def test_no_noun_object_inside_the_speakers_title(pipeline):
    found, _ = quotes(
        pipeline,
        "وشدد السفير علي الحربي المتحدث الرسمي باسم وزارة الخارجية في تصريحات له، أمس، على تضامن بلاده مع جيرانها.",
    )
    assert ("indirect", "شدد", "تضامن بلاده مع جيرانها") in found


def test_a_promise_or_a_consequence_after_a_comma_ends_what_was_said(pipeline):
    found, _ = quotes(pipeline, "وأعلن الوزير أن الحكومة ستبني مدارس جديدة، واعدا بالعمل على تحسين الرواتب.")
    assert ("indirect", "أعلن", "الحكومة ستبني مدارس جديدة") in found
    found, _ = quotes(pipeline, "وقال مسؤول إن المحادثات ستستأنف الأسبوع المقبل، مما يعزز الآمال بالتوصل إلى اتفاق.")
    assert ("indirect", "قال", "المحادثات ستستأنف الأسبوع المقبل") in found


def test_words_after_a_colon_start_past_a_complementiser_not_a_condition(pipeline):
    found, _ = quotes(pipeline, 'وقال خالد العتيبي المحلل المالي: إن "مستوى الأسعار ما زال مرتفعا جدا".')
    assert found == [("direct", "قال", "مستوى الأسعار ما زال مرتفعا جدا")]
    found, _ = quotes(pipeline, "وقال خالد العتيبي: إن السوق سيستقر قبل نهاية العام.")
    assert ("indirect", "قال", "السوق سيستقر قبل نهاية العام") in found
    found, _ = quotes(pipeline, "وقال خالد العتيبي: إن كان السوق مستقرا فسنعود إلى الشراء.")
    assert ("indirect", "قال", "إن كان السوق مستقرا فسنعود إلى الشراء") in found
    found, _ = quotes(pipeline, 'وأضاف: إن "الغلاء" هو المشكلة الأولى في المدينة.')
    assert ("indirect", "أضاف", 'إن "الغلاء" هو المشكلة الأولى في المدينة') in found


def test_a_later_report_in_the_narrators_background_ends_what_was_said(pipeline):
    found, _ = quotes(
        pipeline, "وقال مسؤولون إن الطائرات قصفت مواقع المسلحين فجر اليوم بعد أن أعلنت وزارة الدفاع أنها ستشارك."
    )
    assert ("indirect", "قال", "الطائرات قصفت مواقع المسلحين فجر اليوم") in found
    assert ("indirect", "أعلنت", "ستشارك") in found


def test_a_past_verb_of_a_new_subject_after_a_comma_ends_what_was_said(pipeline):
    found, _ = quotes(
        pipeline, "وذكرت الصحيفة أن المدرب درس عروض اللاعبين الجدد مع الإدارة، وظهرت تقارير عن رغبته في الرحيل."
    )
    assert ("indirect", "ذكرت", "المدرب درس عروض اللاعبين الجدد مع الإدارة") in found
    found, _ = quotes(pipeline, "وقال الوزير إن البلاد تنعم بالأمن، وأثبت ذلك تماسك المجتمع في الأزمات.")
    assert ("indirect", "قال", "البلاد تنعم بالأمن، وأثبت ذلك تماسك المجتمع في الأزمات") in found


def test_a_negated_purpose_verb_reports_nothing(pipeline):
    found, _ = quotes(pipeline, "وتقام المهرجانات كل صيف كي لا يقال إن المدينة توقفت عن الاحتفال.")
    assert found == []
    found, _ = quotes(pipeline, "والحفلات تحدث كل أسبوع، كي لا يقال إنها توقفت.")
    assert found == []


@pytest.mark.parametrize(
    "text",
    [
        "وقال الطالب إنه يتمنى لو أن الجامعة طالبت كل الطلاب بحضور دورة في الإدارة المالية.",  # a wish
        "ووصف الاتحاد رحيل اللاعب بالخسارة الكبيرة، بعد أن قضى عشر سنوات مع النادي.",  # بعد أن: a time clause
        "ويبدو أن الخطة التي أعلن عنها المجلس أمس تتظاهر فقط بأنها تحل الأزمة.",  # a relative clause's verb
        "وقد يقول البعض إن هذه الخطوة جاءت متأخرة كثيرا عن موعدها.",  # a possibility
    ],
)
def test_no_report_in_a_wish_or_after_a_time_conjunction(pipeline, text):
    found, _ = quotes(pipeline, text)
    assert not any(cue in ("طالبت", "أعلن", "يقول") or said.startswith("قضى") for _, cue, said in found)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "وسألتها عن السبب، فقالت إن الجيران اشتكوا من الضجيج، فقلت إنني لم أسمع شيئا طوال الليل.",
            "الجيران اشتكوا من الضجيج",
        ),
        (
            "وأكد المحافظ أن المشروع سيخدم الأهالي، سائلا المولى عز وجل أن يوفق الجميع لما فيه الخير.",
            "المشروع سيخدم الأهالي",
        ),
        (
            "وقال الوزير إن عدد الزوار بلغ مليونا، ولكن المعارضة تقول إن العدد أقل من ذلك بكثير.",
            "عدد الزوار بلغ مليونا",
        ),
        (
            "وأكد المدير العام أن الخطة اكتملت، من جانبه أوضح نائب المدير خالد العمري أن التنفيذ يبدأ غدا.",
            "الخطة اكتملت",
        ),
        ("وأوضح رئيس البلدية أن الطريق سيفتتح قريبا مشيرا إلى أن الأعمال بلغت مراحلها الأخيرة.", "الطريق سيفتتح قريبا"),
        ("ووصفت المغنية الجمهور بأنه وفي ومحب. «لم أتوقع هذا الاستقبال الحار، وسأعود قريبا».", "وفي ومحب"),
        ("وأوضح المشرف أن القافلة زارت عشر قرى، مقدما شكره لكل المتطوعين على جهودهم.", "القافلة زارت عشر قرى"),
        (
            "وحذرت الهيئة من ارتفاع درجات الحرارة غدا، كما نصحت السكان بتجنب الخروج وقت الظهيرة.",
            "ارتفاع درجات الحرارة غدا",
        ),
        ("وأكد المدرب أن الفريق جاهز للمباراة, مؤكدا الثقة الكاملة في اللاعبين الشباب.", "الفريق جاهز للمباراة"),
        (
            "وقال الوزير إن المفاوضات ستستأنف الأسبوع المقبل، وأصدر مجلس الأمن الدولي أمس قرارا جديدا بشأن الأزمة.",
            "المفاوضات ستستأنف الأسبوع المقبل",
        ),
        (
            "وقال شهود إن القوات دخلت البلدة فجرا، إلا أنه لم يتسن التأكد من صحة هذه الروايات من مصدر مستقل.",
            "القوات دخلت البلدة فجرا",
        ),
        ("وأكد المسؤول أن الوفد سيزور العاصمة قريبا مشددا على أهمية الزيارة للبلدين.", "الوفد سيزور العاصمة قريبا"),
        (
            "ونفى المدير في الوقت ذاته وجود أي نية لبيع الشركة خلال العام الحالي.",
            "وجود أي نية لبيع الشركة خلال العام الحالي",
        ),
    ],
)
def test_what_was_said_ends_before_another_turn(pipeline, text, said):
    found, _ = quotes(pipeline, text)
    assert said in [t for _, _, t in found]


def test_a_quotation_holding_the_clause_is_what_was_said(pipeline):
    found, _ = quotes(
        pipeline, 'وقال المتحدث إنه "تم توقيف ثلاثة أشخاص يشتبه في تورطهم في الحادث ويجري التحقيق معهم" دون تفاصيل.'
    )
    assert ("direct", "قال", "تم توقيف ثلاثة أشخاص يشتبه في تورطهم في الحادث ويجري التحقيق معهم") in found


def test_what_was_said_starts_past_an_according_to_phrase_after_the_subject(pipeline):
    found, _ = quotes(pipeline, "وأوضحت الوزارة وفقا لما ذكرت صحيفة الوطن، أن التسجيل يبدأ الأسبوع المقبل.")
    assert ("indirect", "أوضحت", "التسجيل يبدأ الأسبوع المقبل") in found
    assert "ذكرت" not in [cue for _, cue, _ in found]  # the paper is the source of an according-to phrase


def test_a_word_with_a_madda_is_no_label(pipeline):
    found, _ = quotes(pipeline, "وقال المتحدث إن العملية ستتم بمشاركة «آلاف» المقاتلين من المحافظات المجاورة.")
    assert ("partial", "قال", "آلاف") in found


def test_a_past_speech_verb_after_qad_is_a_report(pipeline):
    found, _ = quotes(pipeline, "وقد قال الوزير إن الخطة ستنفذ على مراحل خلال العام المقبل.")
    assert ("indirect", "قال", "الخطة ستنفذ على مراحل خلال العام المقبل") in found


def test_a_participle_of_announcing_after_a_comma_ends_what_was_said(pipeline):
    found, _ = quotes(pipeline, "وأوضح الناقد أن هذا الأسلوب قديم في الشعر، معلنا أنه سينشر دراسة عنه في العام المقبل.")
    assert ("indirect", "أوضح", "هذا الأسلوب قديم في الشعر") in found
    found, _ = quotes(pipeline, "وقال الوزير إن الحكومة ستطلق حملة معلنة للجميع في الشهر المقبل.")
    assert ("indirect", "قال", "الحكومة ستطلق حملة معلنة للجميع في الشهر المقبل") in found


def test_a_song_or_text_title_in_marks_is_no_partial_quote(pipeline):
    found, _ = quotes(pipeline, "وقال الباحث إن نص «يا ليل الشتاء الطويل» يعود إلى مطلع القرن الماضي.")
    assert not [f for f in found if f[0] == "partial"]
    found, _ = quotes(pipeline, "وأكد المغني أنه سيؤدي أغنية «ليالي الصيف» في الحفل المقبل.")
    assert not [f for f in found if f[0] == "partial"]


@pytest.mark.parametrize(
    "text, said",
    [
        ("ووصفها أحد العاملين في السوق بأنها مهنة مربحة لمن يتفرغ لها.", ("وصفها", "مهنة مربحة لمن يتفرغ لها")),
        ("وزار المريض طبيبة جديدة. نصحته بمعالج متخصص في أمراض المفاصل.", ("نصحته", "معالج متخصص في أمراض المفاصل")),
        (
            "وحذرهم المدرب من الاستهانة بالفريق المنافس في مباراة الغد.",
            ("حذرهم", "الاستهانة بالفريق المنافس في مباراة الغد"),
        ),
    ],
)
def test_a_cue_with_its_object_as_attached_pronoun(pipeline, text, said):
    found, _ = quotes(pipeline, text)
    assert [(cue, words) for _, cue, words in found if cue == said[0]] == [said]


def test_an_attached_pronoun_on_a_verbal_noun_is_no_cue(pipeline):
    found, _ = quotes(pipeline, "وسأل الاستطلاع عن إمكانية نصحهم لأصدقائهم بشراء الجهاز، ووجد أن أغلبهم راضون عنه.")
    assert "نصحهم" not in [cue for _, cue, _ in found]


def test_a_participle_of_the_speakers_stance_after_a_comma_ends_what_was_said(pipeline):
    found, _ = quotes(pipeline, "وأكد الروائي على أهمية الترجمة بين الثقافتين، معبرا عن سعادته بصدور روايته الجديدة.")
    assert ("indirect", "أكد", "أهمية الترجمة بين الثقافتين") in found
    found, _ = quotes(pipeline, "وقال الوزير إن البيوت الحديثة واسعة أكثر من الحاجة، منتقدا كلفة صيانتها العالية.")
    assert ("indirect", "قال", "البيوت الحديثة واسعة أكثر من الحاجة") in found


def test_a_long_subject_after_an_opening_frame_or_with_many_titles(pipeline):
    found, _ = quotes(
        pipeline, "من جهة أخرى قال مصدر في مكتب رئيس البلدية، المسؤول عن ملف النقل، إن القرار سيصدر قريبا."
    )
    assert ("indirect", "قال", "القرار سيصدر قريبا") in found
    text = (
        "وأوضح مدير عام فرع هيئة السياحة بالمنطقة الشرقية أمين عام مجلس التنمية السياحية بالمنطقة "
        "المهندس سالم الخالدي، أن المعرض يهدف إلى دعم الحرفيين."
    )
    found, _ = quotes(pipeline, text)
    assert ("indirect", "أوضح", "المعرض يهدف إلى دعم الحرفيين") in found


def test_a_sentence_of_another_complementiser_goes_on_with_what_was_said(pipeline):
    found, _ = quotes(
        pipeline, "وقال المتحدث إن عدد المتطوعين زاد هذا العام. وإن أغلبهم من الطلاب. وكانت الحملة بدأت أمس."
    )
    assert ("indirect", "قال", "عدد المتطوعين زاد هذا العام. وإن أغلبهم من الطلاب") in found
    found, _ = quotes(pipeline, "وقال المتحدث إن عدد المتطوعين زاد هذا العام. وإن كان بعضهم قد انسحب لاحقا.")
    assert ("indirect", "قال", "عدد المتطوعين زاد هذا العام") in found


def test_what_was_said_in_a_relative_clause_ends_with_its_quotation(pipeline):
    found, _ = quotes(pipeline, "ويفرض المسلحون الذين تصفهم المنظمة الدولية بأنهم «عصابات» حصارا على القرية.")
    assert ("direct", "تصفهم", "عصابات") in found


def test_a_plural_participle_with_its_clause_ends_what_was_said_before_it(pipeline):
    text = "وقال الزوار إن السوق القديم يضم كل شيء من الماضي مؤكدين أن أهلهم يحدثونهم عن تاريخه."
    found, _ = quotes(pipeline, text)
    assert ("indirect", "قال", "السوق القديم يضم كل شيء من الماضي") in found
    assert ("indirect", "مؤكدين", "أهلهم يحدثونهم عن تاريخه") in found


def test_words_given_at_once_after_a_named_speaker(pipeline):
    found, _ = quotes(pipeline, "ويقول أبو حسين نقوم قبل نقل أي راكب بالتأكد من سلامة أوراقه.")
    assert ("indirect", "يقول", "نقوم قبل نقل أي راكب بالتأكد من سلامة أوراقه") in found


@pytest.mark.parametrize(
    "text",
    [
        "وقال محمد العتيبي الأسبوع الماضي كلاما كثيرا عن الموضوع.",  # a time after the name
        "وقال محمد العتيبي في حفل الافتتاح كلمة قصيرة شكر فيها الحضور.",  # a preposition
        "وقال محمد العتيبي لـ«الرياض» كلاما كثيرا عن الموضوع.",  # an addressee
    ],
)
def test_no_words_at_once_after_a_name_and_a_phrase(pipeline, text):
    found, _ = quotes(pipeline, text)
    assert found == []


def test_a_long_subject_stops_at_bayda_anna(pipeline):
    text = (
        "وكانت الإدارة الحالية المكلفة برئاسة رجل الأعمال المعروف في المدينة قد رفضت العقود التي أبرمتها الإدارة "
        "السابقة مع المدرب الجديد ومساعديه الثلاثة، بيد أن الأخيرين لم يضعوا شروطا في عقودهم."
    )
    found, _ = quotes(pipeline, text)
    assert found == []


def test_a_colon_after_a_title_word_opens_a_title(pipeline):
    found, _ = quotes(pipeline, "وألقى الوزير محاضرة بعنوان: نحن والتقنية في العقد المقبل.")
    assert found == []
    found, _ = quotes(pipeline, "وقال الوزير في كلمته بعنوان: نحن فخورون بما تحقق هذا العام.")
    assert found == []


@pytest.mark.parametrize(
    ("text", "cue", "words"),
    [
        (
            "وتتابع سارة العتيبي «سنفتتح فرعين جديدين في الشمال قبل نهاية الصيف».",
            "تتابع",
            "سنفتتح فرعين جديدين في الشمال قبل نهاية الصيف",
        ),
        ("وأشاد المدير بالموظفين، مردفا أن الشركة ستوزع مكافآت على الجميع.", "مردفا", "الشركة ستوزع مكافآت على الجميع"),
        ("وأجمع الزوار بقولهم إن الحديقة أجمل من العام الماضي.", "بقولهم", "الحديقة أجمل من العام الماضي"),
    ],
)
def test_other_persons_and_forms_of_known_speech_verbs(pipeline, text, cue, words):
    found, _ = quotes(pipeline, text)
    assert any(c == cue and w == words for _, c, w in found), found


def test_a_fact_reported_after_afada_bi(pipeline):
    found, _ = quotes(pipeline, "وأفادت مصادر محلية بوقوع انفجار قرب السوق الرئيسي في المدينة صباح اليوم.")
    assert ("indirect", "أفادت", "وقوع انفجار قرب السوق الرئيسي في المدينة صباح اليوم") in found


def test_a_verb_in_a_relative_clause_has_no_object_content(pipeline):
    found, _ = quotes(pipeline, "وانطلقت أمس أعمال القمة التي دعا الملك إلى عقدها في العاصمة بحضور الوزراء.")


def test_a_semicolon_does_not_end_what_was_said(pipeline):
    text = (
        "وأوضح مدير الجمعية أن التبرعات تراجعت هذا العام؛ فقد انخفض عدد المتبرعين إلى النصف؛ "
        "مشيرا إلى أن الجمعية ستطلق حملة جديدة."
    )
    found, _ = quotes(pipeline, text)
    assert ("indirect", "أوضح", "التبرعات تراجعت هذا العام؛ فقد انخفض عدد المتبرعين إلى النصف") in found
    assert ("indirect", "مشيرا", "الجمعية ستطلق حملة جديدة") in found
    found, _ = quotes(pipeline, "وقال المدرب إن الفريق جاهز للمباراة؛ مقدما شكره للجماهير على دعمها.")
    assert ("indirect", "قال", "الفريق جاهز للمباراة") in found


@pytest.mark.parametrize("noun", ["نظام", "بوابة", "منصة", "باقة", "خيمة"])
def test_a_word_in_marks_after_the_noun_of_a_named_thing_is_a_name(pipeline, noun):
    found, _ = quotes(pipeline, f"وأوضح المدير أن {noun} «مسار» سيكون متاحا للجميع الأسبوع المقبل.")
    assert [kind for kind, _, _ in found] == ["indirect"]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("وقال الوزير إن الأزمة انتهت، لكنه أكد أن الحذر ما زال واجبا.", "الأزمة انتهت", "الحذر ما زال واجبا"),
        (
            "وأوضح المدير أن المبيعات تراجعت، في الوقت الذي أكد فيه المحللون أن السوق ستتعافى قريبا.",
            "المبيعات تراجعت",
            "السوق ستتعافى قريبا",
        ),
    ],
)
def test_a_turn_opened_by_lakinnahu_or_fi_alwaqt_alladhi_ends_what_was_said(pipeline, text, first, second):
    found, _ = quotes(pipeline, text)
    assert [q for _, _, q in found] == [first, second]


@pytest.mark.parametrize(
    "inner",
    ["«الجودة أولا»", '"الجودة أولا"'],
)
def test_a_short_quotation_inside_a_quotation_does_not_end_it(pipeline, inner):
    mark, close = ("«", "»") if inner[0] == "«" else ('"', '"')
    words = f"المصنع يعمل بطاقته الكاملة، وشعارنا منذ البداية {inner} ولن نغيره مهما كانت الظروف"
    found, _ = quotes(pipeline, f"وقال المدير في حديثه للصحفيين {mark}{words}{close}. وغادر القاعة بعد ذلك.")
    assert ("direct", "قال", words) in found


@pytest.mark.parametrize(
    "rest",
    ["، فيما ارتفعت الواردات بنسبة طفيفة", "، وذلك بعد تراجع الطلب في الأسواق الآسيوية"],
)
def test_a_contrast_or_circumstance_after_a_comma_goes_on_with_what_was_said(pipeline, rest):
    said = "الصادرات تراجعت بنسبة عشرة في المائة" + rest
    found, _ = quotes(pipeline, f"وأوضح التقرير السنوي للهيئة أن {said}.")
    assert ("indirect", "أوضح", said) in found


@pytest.mark.parametrize(
    "text",
    [
        "وجدد الوزير التزام بلاده بالاتفاقية الدولية التي تؤكد على حماية التراث الثقافي للشعوب.",
        "ويأتي القرار تطبيقا للنظام الأساسي للمنظمة الذي يدعو إلى تعزيز التعاون بين الأعضاء.",
    ],
)
def test_what_a_text_or_policy_stands_for_is_no_quote(pipeline, text):
    found, _ = quotes(pipeline, text)
    assert found == []
