"""The timex stage: the expression tables, anchors, Hijri dates, speed-free behaviour on own text."""

import json

import pytest
from click.testing import CliRunner

from conftest import ROOT
from khabar import Article, Pipeline
from khabar.cli import main
from khabar.errors import KhabarError
from khabar.timex import tag
from khabar.timex.evaluate import read_table, score

TABLE = ROOT / "tests" / "timex" / "expressions.jsonl"


def values(text, anchor=None):
    return [(t.text, t.type, t.value, t.mod) for t in tag(text, anchor)]


def test_expression_table_is_large_enough():
    # its precision and recall floors are pinned in tests/eval_baseline.json (tests/test_eval_gate.py)
    assert score(read_table(TABLE))["n_expressions"] >= 200


def test_anchor_from_metadata_beats_dates_in_the_text():
    article = Pipeline(["layout", "sentences", "timex"])(
        Article(text="افتتح الوزير المعرض أمس بعد تأجيله من 2 مارس 2021 إلى موعد لاحق.", published="2024-02-10")
    )
    yesterday = next(t for t in article.timexes if t.text == "أمس")
    assert yesterday.value == "2024-02-09"
    assert yesterday.anchor == {"value": "2024-02-10", "source": "metadata"}


def test_anchor_from_dateline():
    text = (
        "الرباط - 4 يونيو 2022 (خاص) - أعلنت الحكومة المغربية يوم الخميس الماضي عن برنامج جديد للسكن.\n"
        "وكان البرنامج السابق قد انطلق في 12 يناير 2019."
    )
    article = Pipeline(["layout", "sentences", "timex"])(Article(text=text))
    thursday = next(t for t in article.timexes if "الخميس" in t.text)
    assert thursday.anchor["source"] in ("dateline", "text")
    assert thursday.value == "2022-06-02"


def test_unknown_anchor_leaves_values_underspecified():
    found = values("التقى الوفدان في 13 سبتمبر ثم عادا أمس إلى بلديهما.")
    assert ("13 سبتمبر", "DATE", "XXXX-09-13", None) in found
    assert ("أمس", "DATE", "XXXX-XX-XX", None) in found
    timex = tag("التقى الوفدان في 13 سبتمبر.")[0]
    assert timex.anchor == {"value": None, "source": "none"}


def test_absolute_values_do_not_record_an_anchor():
    (timex,) = tag("صدر القرار عام 1998 بعد مفاوضات.", "2023-09-13")
    assert timex.value == "1998" and timex.anchor is None


def test_hijri_dates_keep_both_calendars():
    (timex,) = tag("وصدر المرسوم الملكي في 15 صفر 1445 هـ بعد موافقة المجلس.")
    assert timex.value == "2023-08-31"
    assert timex.extra["hijri"] == "1445-02-15"
    (year,) = tag("وتبدأ الخطة في عام 1446هـ وفق الجدول المعلن.")
    assert year.value == "2024-07-07/2025-06-25" and year.extra["hijri"] == "1446"


def test_numeric_hijri_date():
    (timex,) = tag("ويستمر التسجيل حتى 1436/10/30 في جميع المراكز.")
    assert timex.extra["hijri"] == "1436-10-30" and timex.mod == "ON_OR_BEFORE"


def test_durations_with_number_words_and_duals():
    found = values("استمر الاجتماع ساعتين ونصف، بعد رحلة دامت خمسة وعشرين يوما، ومفاوضات تجاوزت ثلاثمائة ساعة.")
    assert ("ساعتين ونصف", "DURATION", "PT2H30M", None) in found
    assert ("خمسة وعشرين يوما", "DURATION", "P25D", None) in found
    assert ("ثلاثمائة ساعة", "DURATION", "PT300H", None) in found


def test_arabic_indic_digits():
    found = values("وقع الاتفاق في ١٣ سبتمبر ٢٠٢٣ لمدة ٤٠ ثانية فقط.")
    assert ("١٣ سبتمبر ٢٠٢٣", "DATE", "2023-09-13", None) in found
    assert ("٤٠ ثانية", "DURATION", "PT40S", None) in found


def test_proclitic_is_left_out_of_the_span():
    found = values("ونشر التقرير لعام 2016 وأمس أعيد نشره.", "2023-09-13")
    assert ("عام 2016", "DATE", "2016", None) in found
    assert ("أمس", "DATE", "2023-09-12", None) in found


def test_not_temporal():
    assert (
        values("قال الأمين العام إن الرأي العام يؤيد القرار، وأكدت صحيفة اليوم أن خمسة لاعبين غابوا.", "2023-09-13")
        == []
    )


def test_weekday_tense():
    anchor = "2023-09-13"  # a Wednesday
    assert values("وقال الوزير الاثنين إن المحادثات مستمرة.", anchor)[0][2] == "2023-09-11"
    assert values("ومن المقرر أن يصل الوفد السبت إلى العاصمة.", anchor)[0][2] == "2023-09-16"
    assert values("وصل الوفد أمس (الثلاثاء) إلى العاصمة.", anchor) == [("أمس (الثلاثاء)", "DATE", "2023-09-12", None)]


def test_clock_time_takes_the_day_of_its_sentence():
    found = values("وانطلقت المسيرة صباح اليوم ووصلت إلى الميدان عند الساعة العاشرة والنصف صباحا.", "2023-09-13")
    assert ("صباح اليوم", "TIME", "2023-09-13TMO", None) in found
    assert ("الساعة العاشرة والنصف صباحا", "TIME", "2023-09-13T10:30", None) in found


def test_a_future_cue_counts_only_in_its_own_sentence_of_a_long_line():
    """One line, hundreds of sentences: each weekday and month takes the tense of its own sentence."""
    pair = "قال الوزير إن اللجنة ستجتمع يوم الخميس في أكتوبر. وكانت اللجنة قد اجتمعت يوم الخميس في أكتوبر. "
    article = Pipeline(["layout", "sentences", "timex"])(Article(text=(pair * 400).strip(), published="2024-06-15"))
    assert len(article.sentences) == 800  # the line is cut into blocks at sentence ends (the block cap)
    assert [t.value for t in article.timexes] == ["2024-06-20", "2024-10", "2024-06-13", "2023-10"] * 400


def test_future_cues_are_looked_up_whole_within_a_stretch():
    from khabar.timex.grammar import FutureCues

    cues = FutureCues([(10, 15), (12, 30), (40, 45)])
    assert cues.within(0, 15) and cues.within(10, 15) and cues.within(11, 45)
    assert not cues.within(0, 14) and not cues.within(13, 44) and not cues.within(41, 99)


def test_every_kind_of_parse_has_a_value_and_an_unknown_one_is_an_error():
    import datetime as dt

    from khabar.timex.grammar import Parse
    from khabar.timex.resolve import VALUES, resolve

    assert resolve(Parse(0, 4, "DATE", "year", {"y": 2020}), None) == "2020"
    assert resolve(Parse(0, 4, "DATE", "reld", {"offset": -1}), dt.date(2024, 3, 1)) == "2024-02-29"
    assert {
        "date",
        "month",
        "year",
        "hijri",
        "reld",
        "weekday",
        "relp",
        "quarter",
        "season",
        "decade",
        "century",
        "ref",
        "clock",
        "pod",
        "duration",
        "set",
    } == set(VALUES)
    with pytest.raises(ValueError, match="unknown timex kind"):
        resolve(Parse(0, 4, "DATE", "fortnight", {}), None)


def test_timexes_in_the_default_pipeline_and_json():
    article = Pipeline()(Article(text="عقد المجلس جلسته الأسبوع الماضي واستمرت ثلاث ساعات.", published="2023-09-13"))
    data = article.to_dict()
    assert [(t["text"], t["type"], t["value"]) for t in data["timexes"]] == [
        ("الأسبوع الماضي", "DATE", "2023-W36"),
        ("ثلاث ساعات", "DURATION", "PT3H"),
    ]
    assert Article.from_dict(data).timexes == article.timexes


def test_eval_timex_cli(tmp_path):
    table = tmp_path / "t.jsonl"
    table.write_text(
        json.dumps(
            {
                "category": "duration",
                "anchor": None,
                "sentence": "استمر الحفل ساعتين.",
                "expect": [{"text": "ساعتين", "type": "DURATION", "value": "P2H", "mod": None}],
            },
            ensure_ascii=False,
        )
        + "\n",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["eval", "timex", str(table), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["micro"]["r"] == 0.0 and data["errors"][0]["kind"] == "missed"  # PT2H, not P2H
    table.write_text('{"category": "x", "sentence": "نص", "expect": [{"text": "غائب"}]}\n', "utf-8")
    result = CliRunner().invoke(main, ["eval", "timex", str(table)])
    assert result.exit_code != 0 and "E601" in result.output


def test_bad_table_error_names_the_line(tmp_path):
    table = tmp_path / "bad.jsonl"
    table.write_text("{not json\n", "utf-8")
    with pytest.raises(KhabarError) as info:
        read_table(table)
    assert info.value.code == "E601" and "bad.jsonl:1" in info.value.message
