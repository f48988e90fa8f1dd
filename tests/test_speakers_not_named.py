"""Speakers the cue's clause does not name (own examples): a dropped subject after the outlet that carried the
words, a group opening a plural verb's clause, a subject set off by a comma, a cue with a subject of its own past
a relay, a cue inside what was said, an impersonal relay, a comma after the verb, a participle's gender."""

from khabar import Article
from khabar.quotes.reading import Memory, Verb
from khabar.quotes.stage import QuoteFinder
from khabar.text import normalize


def speakers(pipeline, text):
    """(cue, speaker's name or words) of each quote, in order."""
    article = pipeline(Article(text=text, published="2023-09-13"))
    assert article.errors == []
    names = {e.id: e.name_ar for e in article.entities}
    return [(q.cue.text if q.cue else None, names.get(q.speaker) or q.speaker_text) for q in article.quotes]


def test_the_outlet_that_carried_the_words_is_no_speaker(pipeline):
    found = speakers(
        pipeline,
        "قال وزير الصحة الدكتور خالد المنصور إن المستشفى الجديد سيفتتح الشهر المقبل. "
        "وأضاف في تصريح نشرته وكالة الأنباء الرسمية أن المستشفى يضم خمسمئة سرير.",
    )
    assert [who for _, who in found] == ["خالد المنصور", "خالد المنصور"]


def test_a_group_opening_a_plural_verbs_clause_speaks(pipeline):
    found = speakers(pipeline, "نظمت الجمعية حملة لتنظيف الشاطئ.\nأعضاء الجمعية أكدوا أنهم سيواصلون العمل التطوعي.")
    assert found == [("أكدوا", "أعضاء الجمعية")]


def test_a_subject_set_off_by_a_comma_after_an_speaks(pipeline):
    found = speakers(
        pipeline,
        "شارك اللاعب ماجد الحربي في التدريبات أمس. يذكر أن مسؤولا في لجنة الانضباط، قال إن العقوبة ستصدر قريبا.",
    )
    assert found == [("قال", "مسؤولا في لجنة الانضباط")]


def test_a_cue_inside_what_was_said_does_not_take_the_turn(pipeline):
    found = speakers(
        pipeline,
        "وقال المدرب فهد السالم إن الفريق جاهز للمباراة، فإذا لم يكن اللاعب ماجد الحربي قد أكد أنه جاهز فسيغيب. "
        "وأضاف أن المباراة ستكون صعبة.",
    )
    assert found[0] == ("قال", "فهد السالم") and found[-1] == ("أضاف", "فهد السالم")


def test_an_impersonal_relay_gives_the_source(pipeline):
    found = speakers(
        pipeline, "اندلع حريق في مستودع بالمدينة. ونقل عن مصادر في الدفاع المدني تأكيدها أن الحريق أخمد بالكامل."
    )
    assert [who for _, who in found] == ["مصادر في الدفاع المدني"]


def test_a_comma_right_after_the_verb_leaves_no_subject_words(pipeline):
    found = speakers(
        pipeline,
        "أشاد المواطنون بالحملة. أما المواطن سعد العنزي فقال، إن الحملة نجحت في تنظيف الأحياء.",
    )
    assert found and found[-1][1] != "إن" and "سعد العنزي" in found[-1][1]


def test_a_participle_the_table_lacks_agrees_by_its_ending():
    finder, memory = QuoteFinder.shared(), Memory()
    memory.genders.update({"man": False, "woman": True})
    for word, man, woman in (("ذاكرة", False, True), ("ذاكرا", True, False)):
        verb = Verb(0, len(word), normalize(word))
        assert (finder.agrees(verb, "man", memory), finder.agrees(verb, "woman", memory)) == (man, woman)


def test_a_description_named_later_is_that_person(pipeline):
    found = speakers(
        pipeline,
        "وافقت الحكومة على خفض الرواتب، غير أن خبيرا قانونيا أكد أن القرار يحتاج إلى قانون. "
        "وقال رئيس اللجنة المالية محمود الحسن إن القرار صائب. "
        "لكن الخبير القانوني سامي الدوسري أوضح أن البرلمان وحده يملك هذا الحق.",
    )
    assert found[0] == ("أكد", "سامي الدوسري") and found[-1] == ("أوضح", "سامي الدوسري")


def test_a_plural_participle_goes_to_the_group_the_sentence_opens_with(pipeline):
    found = speakers(
        pipeline,
        "ينتظر عشاق نادي النصر بفارغ الصبر وصول المدرب الجديد، مطالبين بالإسراع في الإعلان عن اسمه. "
        "أكد عدد من سكان القرى الحدودية أن حياتهم طبيعية رغم هجمات المسلح سالم الأحمد، مشيرين إلى أن المدارس مفتوحة.",
    )
    assert [who for _, who in found] == ["عشاق نادي النصر", "عدد من سكان القرى الحدودية", "عدد من سكان القرى الحدودية"]


def test_a_participle_after_an_unnamed_source_opening_the_sentence(pipeline):
    found = speakers(
        pipeline,
        "كشفت مصادر مطلعة في وزارة النقل عزم الوزارة على توسعة الطريق الساحلي، مشيرة إلى أن العمل سيبدأ الشهر المقبل.",
    )
    assert found == [("مشيرة", "مصادر مطلعة في وزارة النقل")]


def test_a_plural_verb_opening_its_sentence_speaks_for_the_group_before(pipeline):
    found = speakers(
        pipeline,
        "انتقد عدد من شباب المدينة غياب الأماكن المخصصة للاحتفال بالعيد. "
        "وقالوا إنهم يقضون أوقاتهم في الشوارع، مشيرين إلى أنهم لم يجدوا فعاليات مناسبة.",
    )
    assert [who for _, who in found] == ["عدد من شباب المدينة"] * 2


def test_a_statement_of_its_own_speaks_for_the_one_who_issued_it(pipeline):
    found = speakers(
        pipeline,
        "قالت وزارة الصحة في بيان لها نشر على موقعها الإلكتروني إن حالات الإصابة تراجعت. "
        "وأضاف البيان أن ثلاث حالات شفيت تماما.",
    )
    assert [who for _, who in found] == ["وزارة الصحة", "وزارة الصحة"]


def test_a_first_person_verb_after_the_cue_is_no_subject(pipeline):
    found = speakers(
        pipeline,
        "قال النائب سعد الغامدي إن الأمن مستتب في المنطقة. وتابع أعتقد أن الأجهزة الأمنية قادرة على حماية الحدود.",
    )
    assert [who for _, who in found] == ["سعد الغامدي", "سعد الغامدي"]


def test_an_accusative_participle_ends_the_subject_words(pipeline):
    found = speakers(pipeline, "وأوضح الطبيب المناوب معللا التأخير أن قسم الطوارئ يستقبل عشرات الحالات يوميا.")
    assert [who for _, who in found] == ["الطبيب المناوب"]
