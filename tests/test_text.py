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
        "وصل الوفد.",
        "هل انتهى الاجتماع؟",
        "نعم!",
        "بدأ الحوار؛",
        "ثم توقف",
    ]


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
    assert vlad.stem.text == "فلاديفوستوك" and text[vlad.stem.start : vlad.stem.end] == "فلاديفوستوك"
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


# --- length cap: long sentences are cut, never dropped, offsets kept ----------------------


def test_a_long_sentence_is_cut_at_clause_marks_and_spaces():
    from khabar.text.sentences import sentence_rules

    cap = sentence_rules()["max_sentence_chars"]
    clause = "وقال المتحدث باسم الوزارة إن الأعمال ستبدأ في الأسبوع المقبل، "
    text = clause * (3 * cap // len(clause)) + "ثم انتهى الاجتماع."
    ranges = split_sentences(text)
    assert len(ranges) >= 3
    assert all(0 < b - a <= cap for a, b in ranges)
    assert all(text[a:b].endswith("،") for a, b in ranges[:-1])
    assert "".join("".join(text[a:b].split()) for a, b in ranges) == "".join(text.split())


def test_a_200_kb_single_line_gets_capped_sentences_and_tokens_with_true_offsets():
    from khabar import Article, Pipeline
    from khabar.text.sentences import sentence_rules

    cap = sentence_rules()["max_sentence_chars"]
    words = ["أعلنت", "الهيئة", "اليوم", "بدء", "أعمال", "توسعة", "الطريق", "الساحلي", "بمشاركة", "واسعة"]
    text = " ".join(words[i % len(words)] for i in range(30_000))[:200_000]
    article = Pipeline(["layout", "sentences", "tokens"])(Article(text=text))
    assert all(0 < s.end - s.start <= cap and text[s.start : s.end] == s.text for s in article.sentences)
    assert "".join(s.text.replace(" ", "") for s in article.sentences) == text.replace(" ", "")
    assert all(text[t.start : t.end] == t.text for t in article.tokens)
    assert len(article.tokens) == len(text.split())


def test_cap_ranges_never_splits_a_letter_from_its_marks():
    import regex

    from khabar.text.sentences import cap_ranges

    text = "بَ" * 10  # letter + fatha, no spaces
    pieces = cap_ranges(text, 0, len(text), 5, regex.compile(r"[.]\s", regex.REVERSE))
    assert "".join(text[a:b] for a, b in pieces) == text
    assert all(b - a <= 5 and text[a] != "\u064e" for a, b in pieces)
