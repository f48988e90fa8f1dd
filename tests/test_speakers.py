"""The quotes stage's speaker model on whole short articles (own examples): honorific pronouns,
titles, unnamed sources and documents resolved across the article; participles; gender; SVO frames."""

from khabar import Article
from khabar.quotes.cues import cues
from khabar.quotes.speakers import verb_form


def speakers(pipeline, text):
    """(cue, speaker's name or words) of each quote, in order."""
    article = pipeline(Article(text=text, published="2023-09-13"))
    assert article.errors == []
    names = {e.id: e.name_ar for e in article.entities}
    return [(q.cue.text if q.cue else None, names.get(q.speaker) or q.speaker_text) for q in article.quotes]


def test_honorific_pronoun_and_title_name_the_prince(pipeline):
    found = speakers(
        pipeline,
        "افتتح صاحب السمو الملكي الأمير فيصل بن خالد بن سلطان أمير منطقة الحدود الشمالية معرض الكتاب في عرعر. "
        "وأكد سموه أن القراءة أساس نهضة الأمم. وأشار أمير منطقة الحدود الشمالية إلى أن المعرض يستقبل الزوار "
        "حتى نهاية الشهر.",
    )
    assert found == [("أكد", "فيصل بن خالد بن سلطان"), ("أشار", "فيصل بن خالد بن سلطان")]


def test_unnamed_source_keeps_the_description_it_was_introduced_with(pipeline):
    found = speakers(
        pipeline,
        "كشف مصدر مطلع في وزارة الصحة أن الوزارة ستفتتح ثلاثة مستشفيات جديدة قبل نهاية العام. "
        "وأضاف المصدر أن العمل في المستشفيات بلغ مراحله الأخيرة.",
    )
    assert found == [("كشف", "مصدر مطلع في وزارة الصحة"), ("أضاف", "مصدر مطلع في وزارة الصحة")]


def test_one_unnamed_source_in_either_number(pipeline):
    found = speakers(
        pipeline,
        "ذكرت مصادر مطلعة في الاتحاد أن المدرب الجديد يصل الأسبوع المقبل. وأوضح المصدر أن العقد يمتد لموسمين.",
    )
    assert found == [("ذكرت", "مصادر مطلعة في الاتحاد"), ("أوضح", "مصادر مطلعة في الاتحاد")]


def test_a_document_speaks_for_its_issuer(pipeline):
    found = speakers(
        pipeline,
        "أصدرت وزارة التجارة والصناعة بيانا حول أسعار الأرز. وأوضح البيان أن الأسعار ستبقى مستقرة خلال الأشهر المقبلة.",
    )
    assert found == [("أوضح", "وزارة التجارة والصناعة")]


def test_a_short_form_names_the_organisation_introduced(pipeline):
    found = speakers(
        pipeline,
        "قالت الإدارة العامة للمرور إن الحملة ستستمر أسبوعين. وقالت المرور أيضا إن المخالفات تضاعفت.",
    )
    assert found == [("قالت", "الإدارة العامة للمرور"), ("قالت", "الإدارة العامة للمرور")]


def test_participle_continues_the_speaker_not_its_object(pipeline):
    found = speakers(
        pipeline,
        "وقال الدكتور سامي العتيبي إن المشروع سينتهي قريبا، مشيرا إلى أن التكلفة تجاوزت مليار ريال، "
        "لافتا الانتباه إلى أن العمل يجري على مدار الساعة.",
    )
    assert [who for _, who in found] == ["سامي العتيبي"] * 3


def test_a_feminine_verb_goes_back_to_the_woman(pipeline):
    found = speakers(
        pipeline,
        "قالت الفنانة نوال الكويتية إن ألبومها الجديد سيصدر في الصيف. وقال الملحن خالد الشيخ إن التحضيرات "
        "مستمرة. وأضافت أن الألبوم يضم عشر أغنيات.",
    )
    assert [who for _, who in found] == ["نوال", "خالد الشيخ", "نوال"]


def test_subject_before_the_verb_in_a_frame(pipeline):
    assert speakers(pipeline, "وكانت جماعة أنصار الشريعة المسلحة قد أعلنت أن مقاتليها سيطروا على المدينة.") == [
        ("أعلنت", "جماعة أنصار الشريعة المسلحة")
    ]
    assert speakers(pipeline, "أما شرطة العاصمة فأكدت أن التحقيقات ما زالت جارية.") == [("أكدت", "شرطة العاصمة")]


def test_verb_form_reads_gender_and_number_off_the_table():
    verbs = cues().verbs
    assert verb_form("قالت", verbs) == (True, False) and verb_form("قال", verbs) == (False, False)
    assert verb_form("تقول", verbs)[0] is True and verb_form("مشيره", verbs)[0] is True
    assert verb_form("قالوا", verbs)[1] and verb_form("يقولون", verbs)[1]


def test_demonstrative_source_and_feminine_participle(pipeline):
    found = speakers(
        pipeline,
        "قالت مصادر دبلوماسية غربية إن المفاوضات ستستأنف في جنيف. وتضيف هذه المصادر أن الوفود وصلت أمس.",
    )
    assert [who for _, who in found] == ["مصادر دبلوماسية غربية"] * 2
    found = speakers(
        pipeline,
        "استقبلت الوزيرة فاطمة الزهراني السفير أحمد الشمري، قائلة إن التعاون بين البلدين يتوسع.",
    )
    assert found[-1] == ("قائلة", "فاطمة الزهراني")


def test_an_outlet_relays_an_unnamed_speaker(pipeline):
    article = pipeline(
        Article(
            text="ونقلت صحيفة الحياة عن مسؤولين في وزارة العمل أن القرار سيطبق الشهر المقبل.", published="2023-09-13"
        )
    )
    (quote,) = article.quotes
    names = {e.id: e.name_ar for e in article.entities}
    assert quote.speaker_text == "مسؤولين في وزارة العمل" and [names[r] for r in quote.reported_by] == ["صحيفة الحياة"]


def test_the_statement_and_the_ministry_are_the_ministry_introduced(pipeline):
    found = speakers(
        pipeline,
        "أعلنت وزارة الصحة السعودية تسجيل حالات جديدة. وقالت الوزارة في بيان إن المصابين في حالة مستقرة. "
        "وأضاف البيان أن الفحوص مستمرة.",
    )
    assert [who for _, who in found] == ["وزارة الصحة السعودية"] * 2


def test_the_paper_is_the_articles_outlet_unless_another_was_named(pipeline):
    article = pipeline(Article(text="وكشفت الصحيفة أن المشروع سيكتمل العام المقبل.", source="alwatan"))
    assert [q.speaker_text for q in article.quotes] == ["صحيفة الوطن"]
    found = speakers(pipeline, "ذكرت صحيفة الحياة أن الاجتماع تأجل. وأضافت الصحيفة أن الموعد الجديد لم يحدد.")
    assert [who for _, who in found] == ["صحيفة الحياة"] * 2


def test_an_honorific_pronoun_is_the_person_so_styled(pipeline):
    found = speakers(
        pipeline,
        "استقبل صاحب السمو الملكي الأمير سعود بن نايف أمير المنطقة الشرقية وزير الصحة الدكتور توفيق الربيعة. "
        "وقال الربيعة إن المستشفيات جاهزة. وأكد سموه أن الدولة تدعم القطاع الصحي.",
    )
    assert [who for _, who in found] == ["توفيق الربيعة", "سعود بن نايف"]


def test_an_unnamed_source_described_by_a_name_is_the_source(pipeline):
    assert speakers(pipeline, "قال مسؤول في وزارة الخارجية الأمريكية إن المحادثات بناءة.") == [
        ("قال", "مسؤول في وزارة الخارجية الأمريكية")
    ]
    assert speakers(pipeline, "وقالت مصادر في حركة حماس إن الوفد سيغادر غدا.") == [("قالت", "مصادر في حركة حماس")]


def test_a_definite_noun_names_the_organisation_named_before(pipeline):
    article = pipeline(
        Article(
            text="أعلن الاتحاد الدولي لكرة القدم إيقاف اللاعب ستة أشهر. وقال الاتحاد أيضا إن العقوبة نهائية.",
            published="2023-09-13",
        )
    )
    (quote,) = article.quotes
    assert quote.speaker and quote.speaker == next(m.entity for m in article.mentions if m.label == "ORG")


def test_a_dropped_subject_after_a_new_topic_is_that_person(pipeline):
    found = speakers(
        pipeline,
        "قال وزير المالية محمد الجدعان إن الميزانية متوازنة. "
        "واستقبل الأمير خالد الفيصل وفدا من رجال الأعمال في جدة. وقال إن المنطقة تشهد نموا كبيرا.",
    )
    assert [who for _, who in found] == ["محمد الجدعان", "خالد الفيصل"]


def test_the_subject_of_a_relative_clause(pipeline):
    assert speakers(pipeline, "وكان في استقبال الوفد وزير الخارجية سامح شكري، الذي أكد أن العلاقات متينة.") == [
        ("أكد", "سامح شكري")
    ]


def test_subject_words_stop_at_an_addressee(pipeline):
    assert speakers(pipeline, 'وقال عدد من السكان لـ"عين اليوم" إن المصنع قريب من المدرسة.') == [
        ("قال", "عدد من السكان")
    ]
    assert speakers(pipeline, "وكشف لـ «الاقتصادية» أن الاتفاقيات جاهزة.") == [("كشف", None)]


def test_a_dropped_subject_keeps_the_person_its_sentence_opened_with(pipeline):
    found = speakers(
        pipeline,
        "قال مصدر في الشرطة إن التحقيق مستمر. واستنكرت النائبة في البرلمان سلوى الحربي ما جرى، "
        "وقالت: «هذا اعتداء على الحريات».",
    )
    assert [who for _, who in found] == ["مصدر في الشرطة", "سلوى الحربي"]


def test_svo_with_a_definite_speaker_noun_and_a_paper_named_in_marks(pipeline):
    found = speakers(pipeline, "أعلنت وزارة التعليم خطة جديدة. والوزارة أكدت أن الدراسة ستبدأ في موعدها.")
    assert found == [("أكدت", "وزارة التعليم")]
    found = speakers(
        pipeline,
        "ذكرت صحيفة «نيويورك تايمز» أن الاتفاق قريب. ونقلت الصحيفة تصريحات أصدرها مسؤولون بأن التوقيع سيتم قريبا.",
    )
    assert len(found) == 2 and found[0][1] == found[1][1] and "نيويورك تايمز" in found[0][1]


def test_the_person_named_after_an_organisation_in_the_title_speaks(pipeline):
    found = speakers(
        pipeline,
        "حث رئيس مجلس إدارة مجموعة «سامسونغ» لي جاي يونغ موظفي الشركة على الابتكار، قائلا إن المنافسة تشتد.",
    )
    assert found[-1][0] == "قائلا" and "لي جاي يونغ" in found[-1][1]


def test_a_participle_skips_names_inside_the_reported_words(pipeline):
    found = speakers(
        pipeline,
        "قال الدكتور فهد السالم إن الوزير خالد العمري وافق على الخطة، مضيفا أن التنفيذ يبدأ الشهر المقبل.",
    )
    assert [who for _, who in found] == ["فهد السالم", "فهد السالم"]


def test_the_addressee_after_a_calling_verb_is_no_speaker(pipeline):
    found = speakers(
        pipeline,
        "وقاد المدرب الهولندي مارتن يول الحصة التدريبية المسائية في ملعب النادي، وطالب اللاعبين بالتركيز على "
        "الكرات الثابتة.",
    )
    assert found == [("طالب", "مارتن يول")]
    found = speakers(pipeline, "وأصدرت جماعة الإخوان «فتوى» تدعو كل الأعضاء إلى مقاطعة الانتخابات المقبلة.")
    assert found[0][0] == "تدعو" and "الإخوان" in found[0][1]
    found = speakers(pipeline, "ويتهم «حزب العمال» الرئيس رجب طيب أردوغان بأنه يسعى إلى احتكار السلطة.")
    assert found == [("يتهم", "حزب العمال")]


def test_a_cue_in_a_document_speaks_for_its_issuer(pipeline):
    found = speakers(
        pipeline,
        "وأصدرت وزارة البيئة بيانا رسميا أمس طالبت فيه بوقف الصيد في المحميات، وحذرت من العقوبات.",
    )
    assert found == [("طالبت", "وزارة البيئة"), ("حذرت", "وزارة البيئة")]
    found = speakers(pipeline, "وكان المكتب الإعلامي قد أصدر بيانا جاء فيه: «سيعود الرئيس إلى العاصمة مساء الغد».")
    assert found == [("جاء فيه", "المكتب الإعلامي")]


def test_a_title_subject_is_the_person_holding_it(pipeline):
    found = speakers(
        pipeline,
        "وصل زعيم الحزب الوطني خالد المنصور إلى المدينة. وأكد الزعيم الشاب للحزب الذي يلقبه أنصاره بالقائد أن "
        "الحزب سيشارك في الانتخابات.",
    )
    assert found == [("أكد", "خالد المنصور")]


def test_a_currency_is_no_speaker(pipeline):
    found = speakers(
        pipeline,
        "ضبطت الشرطة مواطنا حول 300 مليون ريال إلى حسابات في الخارج. ودافع المتهم عن نفسه، قائلا إنه يعمل في التجارة.",
    )
    assert found == [("قائلا", None)]


def test_a_dropped_subject_is_its_clauses_subject(pipeline):
    found = speakers(
        pipeline,
        "عقد رئيس النادي سعد الحربي اجتماعا مع أعضاء الشرف، فيما خصص المدرب فهد العتيبي حصته للتدريبات البدنية "
        "مع التنبيه على اللاعبين بالالتزام بالمواعيد.",
    )
    assert found == [("التنبيه", "فهد العتيبي")]


def test_a_speaker_noun_opening_the_clause_and_cues_inside_the_words_said(pipeline):
    found = speakers(
        pipeline,
        "ولم يعد السؤال مطروحا لأن التقارير الواردة من جنيف تؤكد كلها أن الطرفين اقتربا من الاتفاق.",
    )
    assert found == [("تؤكد", "التقارير الواردة من جنيف")]
    found = speakers(
        pipeline,
        "وأشار سامي الدوسري إلى أن الشركة تتوقع نمو المبيعات هذا العام، مبينا أن المصنع الجديد سيفتتح قريبا.",
    )
    assert found == [("أشار", "سامي الدوسري"), ("مبينا", "سامي الدوسري")]


def test_a_masculine_verb_does_not_go_on_from_a_paper(pipeline):
    found = speakers(
        pipeline,
        "قال رئيس نادي برشلونة جوسيب بارتوميو إن الفريق جاهز. وكشفت صحيفة سبورت أن الصفقة اكتملت. وأكد أن اللاعب "
        "سيصل غدا.",
    )
    assert found == [("قال", "جوسيب بارتوميو"), ("كشفت", "سبورت"), ("أكد", "جوسيب بارتوميو")]


def test_a_title_built_on_a_name_is_the_person_not_the_name(pipeline):
    found = speakers(
        pipeline, "فيما أعرب وزير الزراعة الأردني عن أمله في تحسن الموسم، لافتا إلى أن الأمطار كانت غزيرة هذا العام."
    )
    assert found == [("لافتا", "وزير الزراعة الأردني")]
    assert speakers(pipeline, "وقال مدير شركة أرامكو إن الإنتاج سيرتفع العام المقبل.") == [("قال", "مدير شركة أرامكو")]


def test_a_plural_verb_takes_no_name_after_it_as_subject(pipeline):
    found = speakers(
        pipeline,
        "دعا خبراء في الطاقة إلى ترشيد الاستهلاك. وقالوا ضمن حملة «وفر» التي أطلقتها الوزارة إن التكييف يستهلك "
        "نصف الكهرباء.",
    )
    assert found == [("دعا", "خبراء في الطاقة"), ("قالوا", "خبراء في الطاقة")]


def test_a_paper_named_in_marks_is_the_outlet(pipeline):
    article = pipeline(
        Article(text="وعلمت «عكاظ» أن اللجنة رفعت توصياتها إلى الوزير.", published="2023-09-13", source="okaz")
    )
    assert [q.speaker_text for q in article.quotes] == ["صحيفة عكاظ"]


def test_the_addresser_not_the_addressee_speaks(pipeline):
    found = speakers(
        pipeline,
        "التقى الوزير خالد الفالح بنظيره الروسي ألكسندر نوفاك في موسكو. وأبلغ الفالح نظيره أن المملكة ملتزمة بالاتفاق.",
    )
    assert found == [("أبلغ", "خالد الفالح")]
    found = speakers(pipeline, "وحث الأمير فيصل بن سلمان المواطنين على الالتزام بالأنظمة.")
    assert found == [("حث", "فيصل بن سلمان")]


def test_a_speaker_given_by_title_and_named_at_the_next_turn(pipeline):
    found = speakers(
        pipeline,
        "أكد عضو مجلس إدارة النادي والمرشح لمنصب الرئيس أن الفريق يحتاج إلى دعم الجماهير. وقال: «سنعمل ليلا ونهارا "
        "من أجل النادي». \nوكشف الشمري عن خطة لتطوير الملعب، وقال إن العمل سيبدأ الشهر المقبل.",
    )
    assert found == [("أكد", "الشمري"), ("قال", "الشمري"), ("قال", "الشمري")]
    found = speakers(
        pipeline, "قال مدير المدرسة إن الدراسة تبدأ الأحد. وقال رئيس النقابة محمد العلي إن المعلمين مستعدون."
    )
    assert found == [("قال", "مدير المدرسة"), ("قال", "محمد العلي")]


def test_a_participle_agreeing_with_the_relaying_paper_is_the_papers(pipeline):
    text = "ونقلت صحيفة الحياة عن مسؤولين في الوزارة أن القرار نهائي، {} إلى أنه سيطبق الشهر المقبل."
    assert speakers(pipeline, text.format("مشيرة"))[1] == ("مشيرة", "صحيفة الحياة")
    assert speakers(pipeline, text.format("مشيرين"))[1] == ("مشيرين", "مسؤولين في الوزارة")


def test_a_name_with_its_nationality_right_before_the_verb(pipeline):
    found = speakers(pipeline, 'وصدر تقرير آخر نشره بنك "يو بي إس" السويسري يفيد أن الأسعار سترتفع.')
    assert found == [("يفيد", "يو بي إس")]


def test_a_plural_verb_goes_back_to_the_group_the_story_opened_with(pipeline):
    found = speakers(
        pipeline,
        "أشاد مواطنون في مدينة الدمام بسرعة إنجاز مشروع الجسر. وقالوا لـ«اليوم» إن المشروع خفف الزحام، مؤكدين أن "
        "الطريق أصبح أكثر أمانا.",
    )
    assert found == [("قالوا", "مواطنون في مدينة الدمام"), ("مؤكدين", "مواطنون في مدينة الدمام")]


def test_the_source_opening_a_sentence_goes_on(pipeline):
    found = speakers(
        pipeline,
        "وبحسب المرصد الوطني للحريات العامة، فإن الشرطة اعتقلت عشرين متظاهرا، وأضاف في بيان أن بعضهم أصيب بجروح.",
    )
    assert found[-1] == ("أضاف", "المرصد الوطني للحريات العامة")


def test_a_bare_title_in_a_frame_keeps_the_speaker_going_on(pipeline):
    found = speakers(
        pipeline,
        "قال وزير الزراعة في الحكومة الانتقالية سالم العبيدي إن موسم الحصاد بدأ مبكرا هذا العام. "
        "وكان الوزير قد قال في وقت سابق إن المخازن جاهزة لاستقبال القمح.",
    )
    assert found == [("قال", "سالم العبيدي"), ("قال", "سالم العبيدي")]


def test_a_bare_title_then_the_addressed_object(pipeline):
    found = speakers(
        pipeline,
        "قال وزير الزراعة في الحكومة الانتقالية سالم العبيدي إن موسم الحصاد بدأ مبكرا. "
        "ودعا الوزير المزارعين الصغار والتجار إلى الالتزام بالأسعار المعلنة.",
    )
    assert found[-1] == ("دعا", "سالم العبيدي")


def test_a_relay_with_a_pronoun_gives_the_person_going_on(pipeline):
    found = speakers(
        pipeline,
        "وعبر كريم الحداد مدرب الفريق عن سعادته بالفوز، ونقل موقع النادي عنه قوله للصحفيين "
        '"كان اللاعبون رائعين اليوم".',
    )
    assert found[-1][1] == "كريم الحداد"


def test_an_accusative_word_after_the_verb_is_no_speaker(pipeline):
    found = speakers(
        pipeline,
        "تحدث رئيس الجمعية خالد المطيري عن أوضاع الأسر المحتاجة، وأورد رقماً يثير القلق وهو أن عدد الأسر تضاعف.",
    )
    assert found[-1][1] == "خالد المطيري"


def test_a_person_a_body_is_named_after_is_no_speaker(pipeline):
    found = speakers(
        pipeline,
        "صرح المتحدث باسم مستشفى الملك فهد التخصصي أن المستشفى أجرى مئة عملية جراحية خلال الأسبوع الماضي.",
    )
    assert found and found[0][1] != "الملك فهد"


def test_a_bare_title_no_one_was_given_speaks_for_itself(pipeline):
    found = speakers(
        pipeline,
        "قال مصدر في الشرطة إن الانفجار وقع قرب السوق. ودعا الرئيس السكان إلى الهدوء والتعاون مع قوات الأمن.",
    )
    assert found[-1] == ("دعا", "الرئيس")


def test_a_participle_goes_back_to_the_subject_after_an_opening_kana(pipeline):
    found = speakers(
        pipeline,
        "ذكرت صحيفة الرياض أن النادي جدد عقد مدربه. وكانت الجماهير الهلالية استقبلت القرار بارتياح، مؤكدة أن "
        "الفريق يحتاج إلى الاستقرار.",
    )
    assert found[-1] == ("مؤكدة", "الجماهير الهلالية")


def test_a_place_ending_in_ma_is_no_with_before_the_subject(pipeline):
    found = speakers(
        pipeline,
        "دعا رئيس بلدية محافظة رجال ألمع سعيد أحمد القحطاني السكان إلى المحافظة على نظافة الحدائق العامة.",
    )
    assert found == [("دعا", "سعيد أحمد القحطاني")]


def test_a_source_named_again_is_the_one_heard_last_with_that_noun(pipeline):
    found = speakers(
        pipeline,
        "قال مصدر أمني في الميناء إن السفينة غادرت فجرا. وقال مصدر ملاحي إن الرياح أخرت إبحار سفينتين أخريين. "
        "وأوضح المصدر أن الإبحار سيستأنف غدا. وأكدت ذات المصادر أن الحمولة سليمة.",
    )
    assert [who for _, who in found] == ["مصدر أمني في الميناء"] + ["مصدر ملاحي"] * 3


def test_sources_introduced_with_a_paper_in_marks(pipeline):
    found = speakers(
        pipeline,
        "ورجحت مصادر «المسار» تأجيل افتتاح المعرض إلى الشهر المقبل. وقالت المصادر إن اللجنة لم تنه أعمالها.",
    )
    assert found == [("قالت", "مصادر «المسار»")]


def test_the_subject_after_an_addressee(pipeline):
    found = speakers(
        pipeline,
        "عقدت اللجنة اجتماعها الأول أمس. وأوضح لـ«المسار» مسؤول في اللجنة، أن الاجتماع ناقش خطة العام المقبل.",
    )
    assert found == [("أوضح", "مسؤول في اللجنة")]


def test_a_long_subject_is_the_description_it_opens(pipeline):
    found = speakers(
        pipeline,
        "زار الوزير خالد المنصور السوق القديم. وقالت مواطنة في حي الشرفية شمال غربي المدينة القديمة إن الأسعار "
        "ارتفعت كثيرا. وقال رئيس جمعية الصيادين في محافظة البحر الأحمر إن الموسم كان جيدا.",
    )
    assert [cue for cue, _ in found] == ["قالت", "قال"]
    assert found[0][1].startswith("مواطنة في حي الشرفية") and found[1][1].startswith("رئيس جمعية الصيادين")


def test_a_channel_spoken_to_is_no_speaker(pipeline):
    found = speakers(
        pipeline,
        "زار رئيس الوزراء الكندي جاستن ترودو العاصمة أمس. وقال في مقابلة مع تلفزيون «النهار»: «نريد شراكة طويلة». "
        "وأضاف: «سنعود قريبا».",
    )
    assert [who for _, who in found] == ["جاستن ترودو"] * 2


def test_a_feminine_body_after_a_masculine_verb_is_its_object(pipeline):
    found = speakers(
        pipeline,
        "دعا النائب سالم الحربي الوزارة إلى مراجعة الرسوم، كما دعا الحكومة إلى دعم المزارعين.",
    )
    assert [who for _, who in found] == ["سالم الحربي"] * 2


def test_a_statement_speaks_for_the_body_it_is_given_to(pipeline):
    found = speakers(
        pipeline,
        "أصدرت الوزارة بيانا حول الأسعار الشهر الماضي. وقال بيان للمكتب الإعلامي للنقابة وتلقت «المسار» نسخة منه إن "
        "الإضراب سيستمر.",
    )
    assert found[-1][0] == "قال" and "المكتب الإعلامي" in found[-1][1]


def test_a_pronoun_phrase_or_manner_after_the_verb_is_no_speaker(pipeline):
    found = speakers(
        pipeline,
        "زرنا الكتيبة في الجبهة الشمالية. وقال لي قائد الكتيبة إن الجنود مستعدون. "
        "والتقيت الجندي فهد الشمري في الخندق. وقال بصوته الهادئ: «نحن هنا منذ شهرين».",
    )
    assert found == [("قال", "قائد الكتيبة"), ("قال", "فهد الشمري")]


def test_a_title_with_its_country_is_not_another_countrys_holder(pipeline):
    found = speakers(
        pipeline,
        "يصل الرئيس الفرنسي إيمانويل ماكرون إلى نيروبي غدا. وصرح الرئيس الكيني أمس: «نرحب بضيفنا الكبير». "
        "وكان البرلمان قد دعا الرئيس الكيني صامويل روتو إلى إلقاء كلمة.",
    )
    assert found[0] == ("صرح", "صامويل روتو")


def test_a_chain_of_titles_leads_to_the_name_at_its_end(pipeline):
    found = speakers(
        pipeline,
        "أكد الأمين العام للاتحاد العربي لكرة السلة عضو اللجنة الأولمبية الدولية الدكتور منصور الحارثي أهمية "
        "التنظيم، مشيرا إلى أن البطولة ستقام في موعدها.",
    )
    assert found and all(who == "منصور الحارثي" for _, who in found)


def test_an_object_or_a_phrase_after_the_verb_leaves_the_speaker_going_on(pipeline):
    found = speakers(
        pipeline,
        "قال المهندس ناصر الدوسري إن المشروع اكتمل. ولفت النظر إلى أن الافتتاح الشهر المقبل. "
        "وطالب بمزيد من الدعم للمقاولين المحليين.",
    )
    assert found and all(who == "ناصر الدوسري" for _, who in found)


def test_a_body_before_a_relative_is_the_subject(pipeline):
    found = speakers(
        pipeline,
        "التقى المراسل سعيد الغامدي بعدد من السكان أمس. ووصلنا إلى نقطة تفتيش تابعة للشرطة التي قالت إن الطريق مغلق.",
    )
    assert found == [("قالت", "الشرطة")]


def test_a_cue_after_a_preposition_is_a_noun_and_no_speaker(pipeline):
    found = speakers(
        pipeline,
        "قال مصدر في مكتب رئيس البرلمان إن الرئيس لم يحسم موقفه حول دعوة نبيل الحمدان مرة أخرى إلى الجلسة. "
        "وأوضح أن القرار سيصدر الأسبوع المقبل.",
    )
    assert found[-1] == ("أوضح", "مصدر في مكتب رئيس البرلمان")


def test_a_group_named_as_a_source_speaks_on(pipeline):
    found = speakers(
        pipeline,
        "التقى السفير كمال العمري أعضاء في المجلس. وحسب بعض الأعضاء فإن العمري طلب دعم المشروع. "
        "وقالوا إن ردود الفعل كانت متباينة.",
    )
    assert found[-1] == ("قالوا", "بعض الأعضاء")


def test_a_title_with_or_without_its_article_names_its_holder(pipeline):
    found = speakers(
        pipeline,
        "اجتمع رئيس بلدية محافظة الخرج المهندس سامي الزهراني بالمقاولين أمس. وأكد رئيس البلدية لـ(المسار) أن "
        "المشاريع ستسلم في موعدها.",
    )
    assert found == [("أكد", "سامي الزهراني")]


def test_a_description_stops_before_what_the_source_said(pipeline):
    found = speakers(
        pipeline,
        "أفادت مصادر طبية بوقوع ثلاث إصابات في الحادث. وأضافت المصادر أن المصابين نقلوا إلى المستشفى.",
    )
    assert found[-1] == ("أضافت", "مصادر طبية")


def test_the_paper_an_article_is_about_speaks_for_itself(pipeline):
    found = speakers(
        pipeline,
        "أعلنت المجموعة بيع الصحيفة البريطانية «الغارديان» أمس. وتصف الصحيفة نفسها بأنها «صوت المستقلين».",
    )
    assert found[-1][0] == "تصف" and "الغارديان" in found[-1][1]


def test_a_name_misspelt_by_a_letter_is_the_same_person(pipeline):
    found = speakers(
        pipeline,
        "انتقد السيناتور بوب كوركر الاتفاق بشدة. وقال كوركر إن الاتفاق يمنح إيران الكثير. "
        "وعاد كوكر وقال إن الكونغرس سيصوت ضده.",
    )
    assert [who for _, who in found] == ["بوب كوركر"] * 2


def test_a_plural_cue_goes_to_the_group_not_the_person_named_near_it(pipeline):
    found = speakers(
        pipeline,
        "أقام مدير المستشفى الدكتور هشام العنزي حفل معايدة أمس، حيث تبادل الموظفون التهاني بالعيد مؤكدين أن "
        "العمل سيستمر بالروح نفسها.",
    )
    assert found == [("مؤكدين", "الموظفون")]


def test_a_body_introduced_with_its_city_is_not_the_city(pipeline):
    found = speakers(
        pipeline,
        "قالت شرطة مدينة سان دييغو إن الحادث وقع فجرا. وأضافت الشرطة أن التحقيق مستمر.",
    )
    assert [cue for cue, _ in found] == ["قالت", "أضافت"] and "شرطة" in found[1][1]


def test_a_statement_given_to_a_body_with_lam_speaks_for_it(pipeline):
    found = speakers(
        pipeline,
        "شنت قوات الأمن حملة مداهمات في عدة مدن. وأفاد بيان لوزارة الداخلية الأردنية اليوم أنه تم توقيف 12 شخصا.",
    )
    assert found[0][0] == "أفاد" and "وزارة الداخلية" in found[0][1]


def test_people_speaking_for_a_name_are_the_speaker_not_the_name(pipeline):
    found = speakers(
        pipeline,
        "وصل الوفد إلى المدينة أمس. ورد محاميا خالد السالم بالقول: «لا نثق بهذه الإجراءات على الإطلاق». "
        "وطالبت جماهير نادي الهلال إدارة النادي بضرورة التعاقد مع مهاجم جديد قبل نهاية فترة الانتقالات.",
    )
    assert found == [("رد", "محاميا خالد السالم"), ("طالبت", "جماهير نادي الهلال")]


def test_an_unnamed_source_keeps_its_adjective(pipeline):
    found = speakers(
        pipeline,
        "وقالت مصادر صحفية، إن الاتفاق الجديد جاء بعد مفاوضات طويلة بين الطرفين استمرت عدة أشهر. "
        "وذكر مصدر صحفي أن التوقيع سيجري الأسبوع المقبل في العاصمة.",
    )
    assert found == [("قالت", "مصادر صحفية"), ("ذكر", "مصدر صحفي")]


def test_a_participle_after_a_person_opening_the_sentence_is_theirs(pipeline):
    found = speakers(
        pipeline,
        "زار الوزير المعرض أمس. واستنكر المواطن تصرف الموظف أمام الحضور، قائلاً: «هذا الكلام لا يليق بالضيوف»، "
        "ثم غادر القاعة.",
    )
    assert found == [("قائلاً", "المواطن")]


def test_a_subject_ends_before_the_object_or_a_restricting_word(pipeline):
    found = speakers(
        pipeline,
        "وأكد الاجتماع أهمية تكثيف الجهود لإنجاح الموسم، مشيرا إلى أن الاستعدادات اكتملت. "
        "ورأى اثنان في المئة فقط أن الاتفاق إيجابي.",
    )
    assert found == [("أكد", "الاجتماع"), ("مشيرا", "الاجتماع"), ("رأى", "اثنان في المئة")]


def test_a_verb_with_its_object_after_ba_keeps_the_speaker_going_on(pipeline):
    found = speakers(
        pipeline,
        "وأوضح المتحدث باسم الدفاع المدني العقيد سالم المطيري أن فرق الإنقاذ انتشلت الغريق. "
        "ونوه بوقوع حادثتين مشابهتين الأسبوع الماضي، لافتا إلى أن حالة المصابين مستقرة.",
    )
    assert found[-1] == ("لافتا", "سالم المطيري")


def test_an_addressing_verbs_subject_ends_before_the_people_addressed(pipeline):
    found = speakers(
        pipeline,
        "وطالب مجلس الإدارة كل الأعضاء بضرورة الحضور، مؤكدا أن الاجتماع مهم.",
    )
    assert found == [("طالب", "مجلس الإدارة"), ("مؤكدا", "مجلس الإدارة")]


def test_a_person_a_place_is_named_after_is_no_speaker(pipeline):
    found = speakers(pipeline, "احتشد أهالي من ضاحية السيدة رقية في حلب أمس، مطالبين بإصلاح شبكة المياه.")
    assert all(who != "رقية" for _, who in found)
    found = speakers(pipeline, "تجمع طلاب أمام جامعة الملك سعود صباح أمس، مؤكدين أن القرار سيعيق دراستهم.")
    assert all(who != "سعود" and who != "الملك سعود" for _, who in found)


def test_a_verb_opening_the_sentence_before_a_participle_is_no_name(pipeline):
    found = speakers(pipeline, "وشرحت قائلة: «الغناء على المسرح يتطلب تدريبا يوميا على التنفس».")
    assert all(who != "شرحت" for _, who in found)


def test_an_indefinite_subject_before_its_verb_is_the_description(pipeline):
    found = speakers(
        pipeline,
        "أعلن الوزير سامي العتيبي زيادة الرسوم. غير أن مسؤولا في غرفة التجارة بالمدينة، قال إن الزيادة ستضر "
        "بالتجار الصغار. وكان مصدر مطلع في البلدية أكد أن القرار لم يصدر بعد.",
    )
    assert found == [("قال", "مسؤولا في غرفة التجارة بالمدينة"), ("أكد", "مصدر مطلع في البلدية")]


def test_an_indefinite_description_is_the_person_named_with_it(pipeline):
    found = speakers(
        pipeline,
        "وافق البرلمان على القانون الجديد، لكن خبيرا قانونيا أكد أن القانون يخالف الدستور. "
        "ويرى الخبير القانوني خالد منصور أن الطعن عليه مسألة وقت.",
    )
    assert found[0] == ("أكد", "خالد منصور")


def test_a_title_with_a_name_the_tagger_missed_keeps_the_name(pipeline):
    found = speakers(
        pipeline, "وأوضح المتحدث الرسمي باسم الهيئة العامة للطيران المدني زكوان شبيب أن الرحلات ستعود غدا."
    )
    assert found[0][0] == "أوضح" and "شبيب" in found[0][1]


def test_a_shorter_form_of_a_title_is_the_person_given_the_full_one(pipeline):
    found = speakers(
        pipeline,
        "قال المهندس سامي العتيبي مدير عام فرع هيئة السياحة والتراث الوطني بمنطقة القصيم إن الفعاليات تستمر أسبوعا. "
        "وأشار مدير فرع السياحة في منطقة القصيم إلى أن عدد الزوار تجاوز عشرة آلاف.",
    )
    assert found == [("قال", "سامي العتيبي"), ("أشار", "سامي العتيبي")]


def test_a_definite_source_of_another_kind_is_not_the_one_heard_before(pipeline):
    found = speakers(
        pipeline,
        "قال مصدر في وزارة الداخلية إن الانفجار نتج عن عبوة ناسفة. غير أن المصدر الطبي قال إن الضحايا كلهم مدنيون. "
        "وأضاف المصدر الأمني في وزارة الداخلية أن التحقيق جار.",
    )
    assert found[:2] == [("قال", "مصدر في وزارة الداخلية"), ("قال", "المصدر الطبي")]


def test_the_outlet_that_carried_a_statement_is_not_its_speaker(pipeline):
    found = speakers(
        pipeline,
        "أعلن الناطق باسم الحكومة سالم الزهراني عودة الوزراء إلى العاصمة. "
        "وقال في تصريح بثته وكالة الأنباء الرسمية إن الوزراء سيباشرون أعمالهم من هناك.",
    )
    assert found[-1] == ("قال", "سالم الزهراني")


def test_a_common_noun_after_a_verb_with_no_content_is_its_object(pipeline):
    found = speakers(
        pipeline,
        "قال المهندس خالد السبيعي إن المشروع يكتمل العام المقبل. وذكر تفاصيل تنفيذه على ثلاث مراحل. "
        "وأضاف أن المرحلة الأولى تنتهي في الربيع.",
    )
    assert found[-1] == ("أضاف", "خالد السبيعي")


def test_an_official_with_an_adjective_of_origin_is_the_person_named_with_it(pipeline):
    found = speakers(
        pipeline,
        "التقى رئيس الوزراء الأردني عمر الخطيب وزير الخارجية الكويتي ناصر العنزي في عمان. "
        "وقال الخطيب إن العلاقات بين البلدين متينة. من جانبه، أكد المسؤول الكويتي أن بلاده تدعم الأردن.",
    )
    assert found[-1] == ("أكد", "ناصر العنزي")


def test_the_name_after_a_title_and_its_body_with_a_name_inside_speaks(pipeline):
    found = speakers(
        pipeline,
        "وأكد المتحدث الرسمي لمركز الملك فهد للأبحاث الطبية حمدان الشمراني، أن النتائج ستنشر قريبا.",
    )
    assert found[0][0] == "أكد" and "الشمراني" in found[0][1]


def test_subject_words_stop_at_the_object_of_a_verb_of_pointing(pipeline):
    found = speakers(
        pipeline,
        "افتتح وزير الصحة سالم القحطاني المستشفى الجديد. ولفت وزير الصحة النظر إلى أن المستشفى يضم مئتي سرير.",
    )
    assert found[-1] == ("لفت", "سالم القحطاني")


def test_a_verbal_noun_after_the_verb_is_its_object_not_its_subject(pipeline):
    found = speakers(
        pipeline,
        "استقبل مدير الجمارك سعيد الكعبي وفدا تجاريا. وأكد حرص الجمارك على تسهيل حركة البضائع. "
        "ورفض بحجة أن القانون لا يسمح بذلك.",
    )
    assert [who for _, who in found] == ["سعيد الكعبي", "سعيد الكعبي"]


def test_subject_words_stop_at_a_verbal_noun_after_a_title(pipeline):
    found = speakers(pipeline, "وطالب المدرب إنهاء عقد اللاعب، مشيرا إلى أن الفريق يحتاج إلى لاعب وسط.")
    assert found == [("مشيرا", "المدرب")]


def test_a_title_tagged_as_a_person_is_the_person_named_after_it(pipeline):
    found = speakers(pipeline, "وقال أمين الأحساء المهندس عادل الملحم، إن المهرجان يستقبل الزوار يوميا.")
    assert found == [("قال", "عادل الملحم")]


def test_a_long_title_with_one_word_more_is_the_person_given_the_shorter_one(pipeline):
    found = speakers(
        pipeline,
        "قال ماجد الحربي مدير المكتب التنفيذي لمجلس وزراء الصحة في دول الخليج، إن التعاون يتزايد. "
        "إلا أن المدير العام للمكتب التنفيذي لمجلس وزراء الصحة، أكد أن التحديات كبيرة.",
    )
    assert found == [("قال", "ماجد الحربي"), ("أكد", "ماجد الحربي")]


def test_a_company_by_its_description_is_the_one_named_before_in_its_sentence(pipeline):
    found = speakers(
        pipeline,
        "وتراجع سهم مجموعة سيمنس 2 في المائة بعدما قالت الشركة الألمانية المتخصصة في الصناعات الهندسية إن "
        "أرباحها انخفضت.",
    )
    assert found[0][0] == "قالت" and "سيمنس" in found[0][1]


def test_a_phrase_or_a_question_word_after_the_verb_is_no_subject(pipeline):
    found = speakers(
        pipeline,
        "قال وزير النقل خالد العمر إن المشروع يكتمل العام المقبل. وأضاف بهذا الصدد أن التكلفة تجاوزت مليار ريال. "
        "وأوضح ما يجري في الموقع، مشيرا إلى أن العمل مستمر.",
    )
    assert [who for _, who in found] == ["وزير النقل خالد العمر"] * 3


def test_the_former_is_the_first_of_the_people_named_before(pipeline):
    found = speakers(pipeline, "التقى الوزير خالد العمر بالسفير سامي الحربي. وقال الأول إن العلاقات قوية.")
    assert found == [("قال", "خالد العمر")]
