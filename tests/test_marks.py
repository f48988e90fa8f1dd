"""Quotation marks: what in marks is speech, and how far a quotation runs."""

import pytest

from khabar import Article, Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def analyse(pipeline, text):
    article = pipeline(Article(text=text, published="2023-09-13"))
    assert article.errors == []
    names = {e.id: e.name_ar for e in article.entities}
    return article, names


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
        )
    )


def test_a_quoted_report_is_still_speech(pipeline):
    a, _ = analyse(pipeline, "وقال المتحدث باسم الوزارة: «سنفتح المعبر أمام المسافرين يوم السبت المقبل».")
    assert [q.text for q in a.quotes] == ["سنفتح المعبر أمام المسافرين يوم السبت المقبل"]
