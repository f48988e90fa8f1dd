from khabar.text import normal_view, normalize
from khabar.text.sentences import split_sentences
from khabar.text.tokens import tokenize


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_normalisation_folds_letters_digits_and_drops_marks():
    assert normalize("أُعلِنَ إنّ المستشفى ٢٠٢٤ مــدرسة") == "اعلن ان المستشفي 2024 مدرسه"


def test_normal_view_maps_back_to_original_offsets():
    text = "زار الرئيسُ مــدينةَ الإسكندرية"
    view = normal_view(text)
    i = view.norm.index("مدينه")
    start, end = view.to_original(i, i + len("مدينه"))
    assert text[start:end] == "مــدينةَ"
    j = view.norm.index("الاسكندريه")
    assert text[slice(*view.to_original(j, j + 10))] == "الإسكندرية"


def test_sentences_split_on_arabic_and_latin_punctuation():
    assert sentences("وصل الوفد. هل انتهى الاجتماع؟ نعم! بدأ الحوار؛ ثم توقف") == [
        "وصل الوفد.", "هل انتهى الاجتماع؟", "نعم!", "بدأ الحوار؛", "ثم توقف"]


def test_quoted_passage_of_several_sentences_is_not_cut():
    text = 'قال الوزير: "الوضع صعب. لكننا سنواصل العمل". وغادر القاعة.'
    assert sentences(text) == ['قال الوزير: "الوضع صعب. لكننا سنواصل العمل".', "وغادر القاعة."]
    text = "وأكد أن «المرحلة الأولى انتهت. والثانية تبدأ غدا» قبل أن يغادر. ثم عاد."
    assert len(sentences(text)) == 2


def test_abbreviations_and_decimals_do_not_split():
    text = "قال د. سامي إن النمو بلغ 3.5 في المئة. وأضاف م. خالد أن الرقم تحسن."
    assert sentences(text) == ["قال د. سامي إن النمو بلغ 3.5 في المئة.", "وأضاف م. خالد أن الرقم تحسن."]


def test_year_marker_ends_a_sentence():
    assert len(sentences("تأسست المدينة عام 1445 هـ. وتوسعت لاحقا.")) == 2


def test_unbalanced_quote_does_not_swallow_the_paragraph():
    assert len(sentences('قال "الوضع صعب. وغادر. ثم عاد.')) == 3


def test_tokens_carry_proclitic_sub_offsets():
    text = "وصل الوفد إلى وفلاديفوستوك والتقى بالرئيس للصحفيين وبروسيا"
    tokens = {t.text: t for t in tokenize(text)}
    vlad = tokens["وفلاديفوستوك"]
    assert [p["text"] for p in vlad.proclitics] == ["و"]
    assert vlad.stem.text == "فلاديفوستوك" and text[vlad.stem.start:vlad.stem.end] == "فلاديفوستوك"
    assert [(p["text"], p["tag"]) for p in tokens["بالرئيس"].proclitics] == [("ب", "prep"), ("ال", "det")]
    assert [(p["text"], p["tag"]) for p in tokens["للصحفيين"].proclitics] == [("ل", "prep"), ("ل", "det")]
    assert tokens["وبروسيا"].stem.text == "روسيا"
    assert tokens["وصل"].proclitics == [] and tokens["إلى"].proclitics == []


def test_words_whose_first_letter_is_part_of_the_stem_are_not_split():
    for word in ("وزير", "وكالة", "فلاديمير", "بوتين", "لبنان", "كوريا", "فرنسا", "بين", "كان"):
        assert tokenize(word)[0].proclitics == [], word


def test_token_kinds():
    kinds = [(t.text, t.kind) for t in tokenize("ارتفع 3.5% في ٢٠٢٤ حسب Reuters، انظر https://x.test/a")]
    assert ("3.5%", "number") in kinds and ("٢٠٢٤", "number") in kinds
    assert ("Reuters", "latin") in kinds and ("،", "punct") in kinds and ("https://x.test/a", "url") in kinds


def test_diacritised_word_keeps_its_marks_in_the_stem():
    token = tokenize("وَبِالتَّفْصِيل")[0]
    assert [p["tag"] for p in token.proclitics] == ["conj", "prep", "det"]
    assert token.stem.text == "تَّفْصِيل"
