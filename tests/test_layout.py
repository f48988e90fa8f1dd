import pytest

from khabar import Article, Pipeline

TEXT_STAGES = Pipeline(["layout", "sentences", "tokens"])


def analyze(text, **meta):
    return TEXT_STAGES(Article(text=text, **meta))


def kinds(text, **meta):
    return [(b.kind, b.text) for b in analyze(text, **meta).blocks]


def only(article, kind):
    blocks = article.blocks_of(kind)
    assert len(blocks) == 1, [(b.kind, b.text) for b in article.blocks]
    return blocks[0]


@pytest.mark.parametrize(
    "line, credit",
    [
        ("وزير الخارجية يصافح نظيره في مطار الرياض، 2 مايو 2024. الصورة: واس", "واس"),
        ("جانب من الاجتماع في قصر الإليزيه (صورة: أ ف ب)", "أ ف ب"),
        ("الحشود تنتظر وصول الموكب أمام البرلمان. تصوير: سعيد خليل", "سعيد خليل"),
        ("آليات عسكرية على الطريق الساحلي (تصوير: نادر عيسى)", "نادر عيسى"),
        ("المتظاهرون في الساحة الرئيسية. مصدر الصورة: Getty Images", "Getty Images"),
    ],
)
def test_caption_with_credit(line, credit):
    article = analyze(f"بدأت القمة صباح اليوم في العاصمة بحضور الوفود.\n{line}")
    caption = only(article, "caption")
    assert caption.credit.text == credit
    assert caption.content.text and credit not in caption.content.text
    assert article.photo_credits == [credit]


def test_byline_with_author_and_cited_agencies():
    article = analyze("انتهت المحادثات مساء الأحد.\nسلمى يوسف (بحسب رويترز وفرانس برس، وتاس)")
    byline = only(article, "byline")
    assert byline.author.text == "سلمى يوسف"
    assert [s.text for s in byline.sources] == ["رويترز", "فرانس برس", "تاس"]
    assert article.cited_sources == ["رويترز", "فرانس برس", "تاس"]


@pytest.mark.parametrize("line, author", [("بقلم: هدى السويدي", "هدى السويدي"), ("كتب - عمر الفارس", "عمر الفارس")])
def test_author_label_byline(line, author):
    byline = only(analyze(f"{line}\nأعلنت الحكومة خطة جديدة للنقل العام في المدن الكبرى."), "byline")
    assert byline.author.text == author


@pytest.mark.parametrize(
    "line",
    [
        "[إعلان 2]",
        "إعلان",
        "مصدر",
        "تعليق (0)",
        "التعليقات (14)",
        "شارك هذا الخبر",
        "اقرأ أيضا: الحكومة تعلن خطة النقل",
        "© 2024 جميع الحقوق محفوظة",
        "الوسوم: اقتصاد، نقل",
        "تابعونا على تويتر",
    ],
)
def test_boilerplate_lines(line):
    article = analyze(f"أعلنت الحكومة خطة جديدة للنقل العام في المدن الكبرى.\n{line}")
    assert [b.kind for b in article.blocks] == ["body", "boilerplate"]


@pytest.mark.parametrize(
    "opening, place, date, agency",
    [
        ("القاهرة - 5 مارس (رويترز) -", "القاهرة", "5 مارس", "رويترز"),
        ("الرياض (واس) -", "الرياض", None, "واس"),
        ("دمشق - سانا:", "دمشق", None, "سانا"),
        ("بيروت – 12 يناير/كانون الثاني (أ ف ب) –", "بيروت", "12 يناير/كانون الثاني", "أ ف ب"),
        ("نيويورك - الأناضول -", "نيويورك", None, "الأناضول"),
    ],
)
def test_dateline_is_split_from_its_paragraph(opening, place, date, agency):
    text = f"{opening} قالت الحكومة إنها ستفتح المعابر أمام الشاحنات اعتبارا من الغد."
    article = analyze(text)
    dateline = only(article, "dateline")
    assert dateline.text == opening
    assert dateline.place.text == place and dateline.agency.text == agency
    assert (dateline.date.text if dateline.date else None) == date
    body = only(article, "body")
    assert body.text.startswith("قالت الحكومة")


def test_headline_first_short_line_or_metadata_title():
    text = "الحكومة تعلن خطة للنقل العام\n\nأعلنت الحكومة اليوم خطة جديدة للنقل العام في المدن الكبرى."
    assert kinds(text)[0] == ("headline", "الحكومة تعلن خطة للنقل العام")
    assert kinds(text, title="الحكومة تعلن خطة للنقل العام")[0][0] == "headline"
    assert kinds(text, title="عنوان آخر تماما")[0][0] == "body"


def test_first_line_ending_in_a_period_is_body():
    text = "أعلنت الحكومة اليوم خطة جديدة للنقل.\nوقال الوزير إن التنفيذ يبدأ الشهر المقبل."
    assert [k for k, _ in kinds(text)] == ["body", "body"]


def test_body_sentences_that_mention_sources_are_not_bylines():
    text = (
        "أعلنت الحكومة خطة جديدة للنقل العام.\n"
        "وقال مسؤول لرويترز إن الخطة تشمل ثلاث مدن بحسب وثيقة رسمية.\n"
        "ونقلت وكالة الأنباء عن الوزير قوله إن العمل يبدأ قريبا."
    )
    assert [k for k, _ in kinds(text)] == ["body", "body", "body"]


def test_block_offsets_point_into_the_original_text():
    text = "  العنوان المختصر للخبر  \r\n\nالقاهرة - 5 مارس (رويترز) - بدأ الاجتماع.\nالصورة الأولى للاجتماع. الصورة: رويترز\n"
    article = analyze(text)
    assert article.check_offsets() == []
    for block in article.blocks:
        assert text[block.start : block.end] == block.text and block.text == block.text.strip()


@pytest.mark.parametrize(
    "line, kind, parts",
    [
        ("سبق- تبوك: افتتح المحافظ معرضا للكتاب في مركز المدينة.", "dateline", {"place": "تبوك"}),
        (
            "سامي الخالدي - سبق - جدة: أعلنت البلدية إغلاق الطريق.",
            "dateline",
            {"author": "سامي الخالدي", "place": "جدة"},
        ),
        ("عين اليوم – متابعات", "dateline", {"agency": "متابعات"}),
        ("واس - الرياض: وصل الوفد إلى المطار.", "dateline", {"agency": "واس", "place": "الرياض"}),
        ("ريم الفيصل – عين اليوم", "byline", {"author": "ريم الفيصل"}),
        (
            "هالة سعيد – الدمام (تصوير: ماجد علي)",
            "byline",
            {"author": "هالة سعيد", "place": "الدمام", "credit": "ماجد علي"},
        ),
        ("* خدمة «واشنطن بوست»", "byline", {}),
        ("12345 - Zain", "boilerplate", {}),
        ("Next Previous", "boilerplate", {}),
        ("...المزيد", "boilerplate", {}),
    ],
)
def test_newspaper_openers_and_footers(line, kind, parts):
    article = analyze(f"{line}\nأعلنت الحكومة خطة جديدة للنقل العام في المدن الكبرى.\nوقال الوزير إن العمل يبدأ قريبا.")
    block = article.blocks[0]
    assert block.kind == kind, (block.kind, block.rule)
    for name, value in parts.items():
        assert getattr(block, name).text == value


def test_author_and_place_line_counts_as_byline_only_at_the_edges():
    body = ["أعلنت الحكومة خطة جديدة للنقل العام في المدن الكبرى."] * 3
    edge = analyze("\n".join(["منى العتيبي – جدة", *body]))
    middle = analyze("\n".join([*body[:2], "منى العتيبي – جدة", *body]))
    assert edge.blocks[0].kind == "byline" and edge.blocks[0].place.text == "جدة"
    assert middle.blocks[2].kind == "body"


# --- length cap: a line with no breaks becomes several blocks, nothing dropped ------------


def long_line(n_chars: int) -> str:
    words = [
        "أعلنت",
        "الهيئة",
        "اليوم",
        "بدء",
        "أعمال",
        "توسعة",
        "الطريق",
        "الساحلي",
        "وقال",
        "المدير",
        "إن",
        "المشروع",
        "سيكتمل",
        "خلال",
        "عامين",
    ]
    out, size = [], 0
    while size < n_chars:
        i = len(out)
        out.append(words[i % len(words)] + ("." if i % 37 == 36 else "،" if i % 11 == 10 else ""))
        size += len(out[-1]) + 1
    return " ".join(out)


def test_a_200_kb_single_line_article_is_cut_into_capped_blocks():
    from khabar.layout import layout_rules

    cap = layout_rules().limits["max_block_chars"]
    text = "توسعة الطريق الساحلي\n" + long_line(200_000)
    article = analyze(text)
    body = [b for b in article.blocks if b.kind != "headline"]
    assert len(body) >= 200_000 // cap
    assert all(0 < b.end - b.start <= cap and text[b.start : b.end] == b.text for b in article.blocks)
    assert all(b.text.endswith(".") for b in body[:-1])  # cut after a sentence end when there is one
    # nothing dropped: the blocks, in order, hold every character but the spaces between them
    assert "".join("".join(b.text.split()) for b in article.blocks) == "".join(text.split())
    assert all(a.end <= b.start for a, b in zip(article.blocks, article.blocks[1:]))


def test_a_line_without_spaces_is_cut_at_the_cap():
    from khabar.layout import layout_rules

    cap = layout_rules().limits["max_block_chars"]
    text = "ب" * (2 * cap + 5)
    blocks = analyze(text).blocks
    assert [(b.start, b.end) for b in blocks] == [(0, cap), (cap, 2 * cap), (2 * cap, 2 * cap + 5)]
