"""Tests of `khabar.ingest`; every text here is invented for the tests."""

from __future__ import annotations

import io
import json
import random
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from khabar.document import Article
from khabar.errors import IngestError
from khabar.ingest import JsonFields, decode_bytes, iter_articles, read_html, read_path

SHARED = Path(__file__).parent.parent.parent / "shared"
SAUDINEWSNET = SHARED / "data" / "news" / "saudinewsnet"

SENTENCES = [
    "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في شمال المدينة.",
    "قال المتحدث باسم الحكومة إن المفاوضات ستستأنف الأسبوع المقبل.",
    "سجل الفريق هدفين في الشوط الثاني وفاز بالمباراة.",
    "ارتفعت أسعار الذهب في السوق المحلية صباح الأحد",
    "هطلت أمطار غزيرة على الساحل مساء الخميس، وحذرت السلطات من السيول.",
    "تراجعت البطالة إلى سبعة بالمئة خلال الربع الأول من العام.",
    "وقعت الشركتان اتفاقية شراكة لإنشاء مصنع للطاقة الشمسية قرب الحدود.",
    "أكد مدير الميناء أن حركة الشحن عادت إلى طبيعتها بعد العاصفة",
    "أعلن الوزير اليوم",
    "من هو الرئيس؟",
    "الطقس حار",
    "وصل الوفد إلى العاصمة",
]
BRIEF_A = "أعلنت البلدية افتتاح حديقة جديدة"
BRIEF_B = "بدأ موسم الحصاد في القرى الجنوبية"
STORY = "افتتحت البلدية حديقة عامة جديدة في الحي الشرقي.\nوتضم الحديقة ملاعب للأطفال ومسارا للمشي."


def code_of(excinfo: pytest.ExceptionInfo[IngestError]) -> str:
    return excinfo.value.code


def ingest(paths, **kw):
    stream = iter_articles([str(p) for p in paths], **kw)
    return list(stream), stream.report


# --- decoding ---------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("encoding", ["cp1256", "iso-8859-6"])
def test_legacy_arabic_encodings_are_told_apart(sentence, encoding):
    assert decode_bytes(sentence.encode(encoding), "t") == (sentence, encoding)


def test_legacy_detection_on_a_longer_text():
    text = "\n".join(SENTENCES)
    for encoding in ("cp1256", "iso-8859-6"):
        assert decode_bytes(text.encode(encoding), "t") == (text, encoding)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (STORY.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + STORY.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + STORY.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + STORY.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_encodings_and_bom(data, encoding):
    assert decode_bytes(data, "t") == (STORY, encoding)


def test_only_line_ends_change():
    raw = "  سطر أول\r\nسطر ثان\rسطر ثالث\t \n\n"
    assert decode_bytes(raw.encode("utf-8"), "t")[0] == "  سطر أول\nسطر ثان\nسطر ثالث\t \n\n"
    assert decode_bytes(raw.encode("cp1256"), "t")[0] == "  سطر أول\nسطر ثان\nسطر ثالث\t \n\n"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "E302"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E303"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "E303"),
        (b"\x1f\x8b\x08\x00", "E303"),
        (random.Random(1).randbytes(4096), "E303"),
        ("نص".encode() + b"\x01\x02\x03\x04\x05\x06" * 10, "E303"),
        (bytes(b | 0x80 for b in random.Random(2).randbytes(2000)), "E304"),
        (STORY.encode("utf-8") + b"\xff" + STORY.encode("utf-8"), "E304"),
        (b" \n\t\r\n ", "E310"),
    ],
)
def test_decoding_errors(data, code):
    with pytest.raises(IngestError) as excinfo:
        decode_bytes(data, "f.txt")
    assert code_of(excinfo) == code
    assert "f.txt" in excinfo.value.message


def test_broken_utf8_names_the_byte():
    data = STORY.encode("utf-8")
    with pytest.raises(IngestError, match=f"byte {len(data)}"):
        decode_bytes(data + b"\xff" + data, "f.txt")


# --- text files, limits, directories -----------------------------------------------------


def test_text_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(STORY.replace("\n", "\r\n").encode("cp1256"))
    [article] = read_path(str(path))
    assert article.text == STORY
    assert article.origin == str(path)
    assert article.meta == {"format": "text", "encoding": "cp1256"}


def test_unknown_extension_is_text_and_html_is_sniffed(tmp_path):
    (tmp_path / "note.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    assert read_path(str(tmp_path / "note.md"))[0].text == STORY
    assert read_path(str(tmp_path / "page.txt"))[0].meta["format"] == "html"


def test_missing_path(tmp_path):
    with pytest.raises(IngestError) as excinfo:
        read_path(str(tmp_path / "nothing.txt"))
    assert code_of(excinfo) == "E301"


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(STORY, encoding="utf-8")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(IngestError) as excinfo:
        read_path(str(path))
    assert code_of(excinfo) == "E311" and "Permission denied" in excinfo.value.message


def test_file_over_the_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: never read
    with pytest.raises(IngestError) as excinfo:
        read_path(str(path))
    assert code_of(excinfo) == "E305"
    small = tmp_path / "small.txt"
    small.write_text(STORY, encoding="utf-8")
    with pytest.raises(IngestError, match="E305"):
        read_path(str(small), max_bytes=10)


def test_directory_reports_the_bad_file_and_keeps_the_rest(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("الخبر الأول: انطلاق معرض الكتاب.", encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_bytes("الخبر الثالث: افتتاح مكتبة.".encode("iso-8859-6"))
    (tmp_path / "b" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "b" / "empty.txt").write_bytes(b"")
    (tmp_path / "b2.txt").write_text("الخبر الرابع: مهرجان للتمور.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    articles, report = ingest([tmp_path])
    assert [Path(a.origin).name for a in articles] == ["a.txt", "c.txt", "b2.txt"]
    assert articles[1].meta["encoding"] == "iso-8859-6"
    assert report.count == 3
    assert [(f.origin, f.code) for f in report.failures] == [
        (str(tmp_path / "b" / "empty.txt"), "E302"),
        (str(tmp_path / "b" / "image.txt"), "E303"),
    ]
    assert str(tmp_path / "b" / "image.txt") in report.failures[1].message


def test_batch_goes_on_after_a_missing_path_and_calls_on_error(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    seen = []
    articles, report = ingest([tmp_path / "missing.txt", good], on_error=seen.append)
    assert [a.text for a in articles] == [STORY]
    assert [e.code for e in seen] == ["E301"] and report.failures[0].code == "E301"


def test_published_fills_in_missing_dates_only(tmp_path):
    records = [
        {"text": "خبر بلا تاريخ عن افتتاح مدرسة جديدة"},
        {"text": "خبر مؤرخ عن افتتاح مكتبة عامة جديدة", "date": "2020-02-03"},
    ]
    (tmp_path / "r.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    articles, _ = ingest([tmp_path / "r.json"], published="2024-01-05")
    assert [a.published for a in articles] == ["2024-01-05", "2020-02-03"]


# --- JSON, JSON Lines, zip -------------------------------------------------------------


def test_json_array_with_bad_records(tmp_path):
    records = [
        {"title": "عنوان أول", "content": "نص الخبر الأول عن هطول الأمطار.", "published_at": "2015-07-21 02:51:32"},
        "ليس كائنا",
        {"title": "بلا نص"},
        {"body": "نص الخبر الرابع عن معرض الكتاب.", "author": ["سعاد علي", "مازن فهد"], "site": "وكالة النخيل"},
    ]
    path = tmp_path / "records.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    articles, report = ingest([path])
    assert [a.text for a in articles] == ["نص الخبر الأول عن هطول الأمطار.", "نص الخبر الرابع عن معرض الكتاب."]
    assert articles[0].title == "عنوان أول" and articles[0].published == "2015-07-21"
    assert articles[0].origin == f"{path}#0" and articles[0].meta == {"format": "json", "encoding": "utf-8"}
    assert articles[1].author == "سعاد علي، مازن فهد" and articles[1].source == "وكالة النخيل"
    assert [(f.origin, f.code) for f in report.failures] == [(f"{path}#1", "E306"), (f"{path}#2", "E307")]


def test_json_object_with_article_list_and_invalid_json(tmp_path):
    listed = tmp_path / "listed.json"
    listed.write_text(json.dumps({"count": 1, "items": [{"text": "خبر واحد عن افتتاح حديقة عامة"}]}), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('[{"text": "خبر"', encoding="utf-8")
    articles, report = ingest([listed, broken])
    assert [a.origin for a in articles] == [f"{listed}#0"]
    assert [(f.origin, f.code) for f in report.failures] == [(str(broken), "E306")]


def test_khabar_article_json_is_loaded_as_is(tmp_path):
    original = Article(text=STORY, title="حديقة جديدة", published="2022-05-01", meta={"format": "text"})
    path = tmp_path / "analysed.json"
    path.write_text(original.to_json(), encoding="utf-8")
    [article] = read_path(str(path))
    assert article.to_dict() | {"origin": None, "meta": {}} == original.to_dict() | {"origin": None, "meta": {}}
    assert article.origin == str(path) and article.meta["format"] == "text"


def test_jsonl_with_a_broken_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": "الخبر الأول عن افتتاح الجسر الجديد", "date": "2021-03-04T10:00:00Z"}, ensure_ascii=False),
        '{"text": "سطر مكسور',
        "",
        json.dumps({"text": "الخبر الثالث عن الطقس\r\nسطره الثاني"}, ensure_ascii=False),
        "[1, 2]",
    ]
    path.write_bytes("\n".join(lines).encode("utf-8"))
    articles, report = ingest([path])
    assert [(a.origin, a.text, a.published) for a in articles] == [
        (f"{path}#0", "الخبر الأول عن افتتاح الجسر الجديد", "2021-03-04"),
        (f"{path}#3", "الخبر الثالث عن الطقس\nسطره الثاني", None),
    ]
    assert articles[0].meta == {"format": "jsonl", "encoding": "utf-8"}
    assert [(f.origin, f.code) for f in report.failures] == [(f"{path}#1", "E306"), (f"{path}#4", "E306")]


def test_json_file_holding_json_lines(tmp_path):
    path = tmp_path / "lines.json"
    path.write_text(
        json.dumps({"text": BRIEF_A}, ensure_ascii=False) + "\n" + json.dumps({"text": BRIEF_B}) + "\n",
        encoding="utf-8",
    )
    articles, report = ingest([path])
    assert [(a.origin, a.text, a.meta["format"]) for a in articles] == [
        (f"{path}#0", BRIEF_A, "jsonl"),
        (f"{path}#1", BRIEF_B, "jsonl"),
    ]
    assert not report.failures


def test_custom_field_names(tmp_path):
    record = {
        "story": "نص القصة عن افتتاح مستشفى جديد",
        "headline_ar": "العنوان",
        "link_url": "https://example.org/n/1",
        "agency": "وكالة الشروق",
        "writer": "هدى سالم",
        "pub": "2019/11/02",
    }
    path = tmp_path / "custom.ndjson"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    fields = JsonFields(
        text="story", title="headline_ar", url="link_url", source="agency", author="writer", published="pub"
    )
    [article] = read_path(str(path), fields=fields)
    assert (article.text, article.title, article.url, article.source, article.author, article.published) == (
        "نص القصة عن افتتاح مستشفى جديد",
        "العنوان",
        "https://example.org/n/1",
        "وكالة الشروق",
        "هدى سالم",
        "2019-11-02",
    )
    with pytest.raises(IngestError, match="E307"):
        read_path(str(path))


def test_record_text_over_the_limit(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"text": "خبر قصير عن افتتاح مدرسة"}\n{"text": "%s"}\n' % ("طويل " * 100), encoding="utf-8")
    articles, report = ingest([path], max_bytes=100)
    assert [a.text for a in articles] == ["خبر قصير عن افتتاح مدرسة"]
    assert [(f.origin, f.code) for f in report.failures] == [(f"{path}#1", "E305")]


def saudinewsnet_zip(path: Path) -> Path:
    """A zip laid out like SaudiNewsNet: one JSON array per day, invented records."""
    day = [
        {
            "source": "sabq",
            "url": "http://sabq.example/a1",
            "date_extracted": "2016-03-01 08:15:00",
            "title": "انطلاق موسم الزراعة",
            "author": "",
            "content": " بدأ المزارعون موسم الزراعة.\n\n وتوقعوا محصولا وفيرا.",
        },
        {
            "source": "okaz",
            "url": "http://okaz.example/b2",
            "date_extracted": "2016-03-01 09:40:12",
            "title": "صورة اليوم",
            "author": "",
            "content": " ",
        },
        {
            "source": "okaz",
            "url": "http://okaz.example/b3",
            "date_extracted": "2016-03-01 11:05:59",
            "title": "مباراة ودية",
            "author": "فهد ناصر",
            "content": "فاز المنتخب في مباراة ودية.",
        },
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("2016-03-01.json", json.dumps(day, ensure_ascii=False))
        archive.writestr("__MACOSX/._2016-03-01.json", b"\x00\x05\x16\x07")
        archive.writestr("readme.pdf", b"%PDF-1.4")
    return path


def test_saudinewsnet_zip(tmp_path):
    path = saudinewsnet_zip(tmp_path / "2016-03-01.zip")
    articles, report = ingest([path])
    assert [a.origin for a in articles] == [f"{path}:2016-03-01.json#0", f"{path}:2016-03-01.json#2"]
    first = articles[0]
    assert first.text == " بدأ المزارعون موسم الزراعة.\n\n وتوقعوا محصولا وفيرا."
    assert (first.title, first.source, first.url, first.published, first.author) == (
        "انطلاق موسم الزراعة",
        "sabq",
        "http://sabq.example/a1",
        "2016-03-01",
        None,
    )
    assert articles[1].author == "فهد ناصر"
    assert [(f.origin, f.code) for f in report.failures] == [(f"{path}:2016-03-01.json#1", "E312")]


def test_bad_zip(tmp_path):
    path = tmp_path / "bad.zip"
    path.write_bytes(b"PK\x03\x04 this is no archive")
    with pytest.raises(IngestError) as excinfo:
        read_path(str(path))
    assert code_of(excinfo) == "E309"


# --- stdin -------------------------------------------------------------------------------


def feed_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize(
    ("data", "texts", "format_name"),
    [
        (STORY.encode("cp1256"), [STORY], "text"),
        (json.dumps([{"text": BRIEF_A}, {"text": BRIEF_B}]).encode(), [BRIEF_A, BRIEF_B], "json"),
        (f"{json.dumps({'text': BRIEF_A})}\n{json.dumps({'text': BRIEF_B})}\n".encode(), [BRIEF_A, BRIEF_B], "jsonl"),
        (json.dumps({"text": BRIEF_A, "title": "عنوان"}, indent=2).encode(), [BRIEF_A], "json"),
    ],
)
def test_stdin_is_sniffed(monkeypatch, data, texts, format_name):
    feed_stdin(monkeypatch, data)
    articles = read_path("-")
    assert [a.text for a in articles] == texts
    assert {a.meta["format"] for a in articles} == {format_name}
    assert articles[0].origin.startswith("<stdin>")


def test_stdin_html_and_zip(monkeypatch, tmp_path):
    feed_stdin(monkeypatch, PAGE.encode("utf-8"))
    [article] = read_path("-")
    assert article.meta["format"] == "html" and article.title == "افتتاح جسر جديد فوق نهر الوادي"
    feed_stdin(monkeypatch, saudinewsnet_zip(tmp_path / "s.zip").read_bytes())
    assert len(list(iter_articles(["-"]))) == 2


# --- HTML --------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="ar-SA" dir="rtl">
<head>
<meta charset="utf-8">
<title>افتتاح جسر جديد فوق نهر الوادي | صحيفة الأفق</title>
<meta property="og:title" content="افتتاح جسر جديد فوق نهر الوادي">
<meta property="og:site_name" content="صحيفة الأفق">
<meta property="article:published_time" content="2023-04-12T09:30:00+03:00">
<link rel="canonical" href="https://alofoq.example/news/2023/04/bridge">
</head>
<body>
<header><nav class="main-menu"><ul>
  <li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li>
  <li><a href="/economy">اقتصاد</a></li><li><a href="/sports">رياضة</a></li>
</ul></nav></header>
<div class="ad ad-top">إعلان: اشترك الآن في باقة الإنترنت السريع بخصم خاص</div>
<main>
<article>
  <h1>افتتاح جسر جديد فوق نهر الوادي</h1>
  <div class="byline">بقلم: سلمى الراشد</div>
  <time datetime="2023-04-12">12 أبريل 2023</time>
  <p>افتتح محافظ المدينة صباح اليوم الأربعاء جسرا جديدا يربط ضفتي نهر الوادي، بعد أعمال استمرت ثلاث سنوات.</p>
  <p>وقال المحافظ في كلمة خلال الحفل إن الجسر سيخفف الازدحام المروري في وسط المدينة بنسبة كبيرة.</p>
  <figure>
    <img src="/img/bridge.jpg" alt="الجسر">
    <figcaption>المحافظ يقص شريط افتتاح الجسر بحضور عدد من المسؤولين
      <span class="credit">أحمد السالم</span></figcaption>
  </figure>
  <p>وأوضح مدير مشروعات الطرق أن الجسر يضم أربعة مسارات للسيارات وممرا للمشاة والدراجات الهوائية.</p>
  <figure><img src="/img/river.jpg"><figcaption>النهر من أعلى الجسر الجديد (تصوير: نورة العلي)</figcaption></figure>
  <p>ومن المنتظر أن تبدأ الحركة المرورية على الجسر بشكل كامل مطلع الأسبوع المقبل.</p>
  <div class="related">
    <h3>أخبار ذات صلة</h3>
    <ul><li><a href="/n/1">إغلاق مؤقت لطريق الكورنيش</a></li><li><a href="/n/2">خطة جديدة للنقل العام</a></li></ul>
    <figure><img src="/img/n1.jpg"><figcaption>طريق الكورنيش مغلقا أمام السيارات</figcaption></figure>
  </div>
</article>
<section id="comments" class="comments">
  <h3>التعليقات</h3>
  <div class="comment"><span class="comment-author">خالد</span><p>مشروع رائع طال انتظاره، شكرا للقائمين عليه.</p></div>
  <div class="comment"><span class="comment-author">منى</span><p>نتمنى الاهتمام بالطرق الفرعية أيضا.</p></div>
</section>
</main>
<aside class="sidebar"><div class="advertisement">إعلان: عروض الصيف على تذاكر الطيران</div></aside>
<footer><p>جميع الحقوق محفوظة لصحيفة الأفق 2023</p></footer>
</body>
</html>
"""

BOILERPLATE = [
    "الرئيسية",
    "اقتصاد",
    "إعلان",
    "اشترك الآن",
    "أخبار ذات صلة",
    "إغلاق مؤقت",
    "الكورنيش",
    "التعليقات",
    "مشروع رائع",
    "الطرق الفرعية",
    "خالد",
    "عروض الصيف",
    "جميع الحقوق",
]


def test_html_page(tmp_path):
    path = tmp_path / "bridge.html"
    path.write_bytes(PAGE.encode("cp1256"))
    [article] = read_path(str(path))
    lines = article.text.split("\n")
    assert lines[:2] == ["افتتاح جسر جديد فوق نهر الوادي", ""]
    assert lines[2].startswith("افتتح محافظ المدينة")
    assert lines[4] == "المحافظ يقص شريط افتتاح الجسر بحضور عدد من المسؤولين. الصورة: أحمد السالم"
    assert lines[5].startswith("وأوضح مدير")
    assert lines[6] == "النهر من أعلى الجسر الجديد (تصوير: نورة العلي)"
    assert lines[-1] == "بقلم: سلمى الراشد"
    assert len(lines) == 9
    for phrase in BOILERPLATE:
        assert phrase not in article.text, phrase
    assert (article.title, article.author, article.published, article.url, article.source, article.language) == (
        "افتتاح جسر جديد فوق نهر الوادي",
        "سلمى الراشد",
        "2023-04-12",
        "https://alofoq.example/news/2023/04/bridge",
        "صحيفة الأفق",
        "ar",
    )
    assert article.origin == str(path)
    assert article.meta == {"format": "html", "encoding": "cp1256"}


def test_html_caption_before_any_paragraph_goes_after_the_body():
    page = """<html><head><title>مطر</title></head><body><article><h1>أمطار في الجنوب</h1>
    <figure><img src="x.jpg"><figcaption>غيوم فوق الجبال</figcaption></figure>
    <p>هطلت أمطار متوسطة على المناطق الجنوبية صباح اليوم، وسط توقعات باستمرارها حتى المساء.</p>
    <p>ودعا الدفاع المدني السائقين إلى الحذر على الطرق الجبلية وتجنب الأودية.</p>
    <p class="meta">كتب: <a rel="author" href="/a/1">ماجد الحربي</a></p>
    </article></body></html>"""
    article = read_html(page, "rain.html")
    assert article.text.split("\n")[-2:] == ["غيوم فوق الجبال", "كتب: ماجد الحربي"]
    assert article.language == "ar"


def test_html_without_article_text():
    with pytest.raises(IngestError) as excinfo:
        read_html("<html><head><title>صفحة</title></head><body><script>var a;</script></body></html>", "e.html")
    assert code_of(excinfo) == "E308"


# --- the real corpus ---------------------------------------------------------------------


@pytest.mark.shared
@pytest.mark.skipif(not SHARED.exists(), reason="../shared not present")
def test_real_saudinewsnet_corpus():
    """All 11,427 records are accounted for: 164 have a blank "content" (E312), 50 hold a lone name or
    word, under 20 Arabic letters (E314), and 298 repeat an earlier record's source and text (E318)."""
    articles, report = ingest([SAUDINEWSNET])
    assert report.count + len(report.failures) == 11_427
    assert Counter(f.code for f in report.failures) == {"E312": 164, "E314": 50, "E318": 298}
    assert report.count == len(articles) == 10_915
    assert all(a.published and a.source and a.url for a in articles)


# --- hostile and odd input (issue 14) ----------------------------------------------------

LONG_STORY = "أعلنت الهيئة العامة للطرق اليوم بدء أعمال توسعة الطريق الساحلي، وقال مديرها إن المشروع سيكتمل خلال عامين."


def deep_json(levels: int) -> str:
    return "[" * levels + "]" * levels


def test_deeply_nested_json_is_one_coded_failure_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a_deep.json").write_text(deep_json(100_000), encoding="utf-8")
    (tmp_path / "b_deep_meta.json").write_text(
        '{"text": "%s", "meta": %s}' % (LONG_STORY, deep_json(100_000)), encoding="utf-8"
    )
    (tmp_path / "c_good.txt").write_text(LONG_STORY, encoding="utf-8")
    articles, report = ingest([tmp_path])
    assert [a.origin for a in articles] == [str(tmp_path / "c_good.txt")]
    assert [(f.origin, f.code) for f in report.failures] == [
        (str(tmp_path / "a_deep.json"), "E313"),
        (str(tmp_path / "b_deep_meta.json"), "E313"),
    ]


def test_deeply_nested_json_line_fails_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": LONG_STORY}, ensure_ascii=False),
        '{"text": %s}' % deep_json(50_000),
        json.dumps({"text": STORY}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, report = ingest([path])
    assert [a.origin for a in articles] == [f"{path}#0", f"{path}#2"]
    assert [(f.origin, f.code) for f in report.failures] == [(f"{path}#1", "E313")]


def test_an_unforeseen_failure_is_coded_for_its_file_and_the_batch_goes_on(tmp_path, monkeypatch):
    from khabar.ingest import readers

    def broken(html, what):
        raise TypeError("a bug in the HTML reader")

    monkeypatch.setattr(readers, "read_html", broken)
    (tmp_path / "a.html").write_text("<html><body><p>%s</p></body></html>" % LONG_STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(LONG_STORY, encoding="utf-8")
    articles, report = ingest([tmp_path])
    assert [a.origin for a in articles] == [str(tmp_path / "b.txt")]
    assert [(f.origin, f.code) for f in report.failures] == [(str(tmp_path / "a.html"), "E317")]
    assert "a bug in the HTML reader" in report.failures[0].message


def patch_zip_sizes(data: bytes, name: str, size: int) -> bytes:
    """The archive with `name`'s uncompressed size declared as `size` (local header and central directory)."""
    data = bytearray(data)
    for signature, size_at, name_len_at, name_at in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        i = data.find(signature)
        while i >= 0:
            length = int.from_bytes(data[i + name_len_at : i + name_len_at + 2], "little")
            if data[i + name_at : i + name_at + length] == name.encode():
                data[i + size_at : i + size_at + 4] = size.to_bytes(4, "little")
            i = data.find(signature, i + 1)
    return bytes(data)


def test_zip_member_lying_about_its_size_is_never_read_whole(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b" " * 5_000_000)  # deflates to a few KB
        archive.writestr("bomb.json", b"[" + b" " * 5_000_000 + b"]")
        archive.writestr("good.txt", LONG_STORY.encode("utf-8"))
    data = patch_zip_sizes(buffer.getvalue(), "bomb.txt", 100)
    path = tmp_path / "bombs.zip"
    path.write_bytes(data)
    articles, report = ingest([path], max_bytes=10_000)
    assert [a.origin for a in articles] == [f"{path}:good.txt"]
    assert [(f.origin, f.code) for f in report.failures] == [
        (f"{path}:bomb.txt", "E309"),
        (f"{path}:bomb.json", "E315"),
    ]


def test_zip_members_are_read_with_a_bound(tmp_path, monkeypatch):
    """No member is decompressed whole: every read of a member asks for at most the limit + 1 bytes."""
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", (LONG_STORY + " ") * 100)
        archive.writestr("b.json", json.dumps([{"text": f"{LONG_STORY} {i}"} for i in range(10)], ensure_ascii=False))
    asked = []
    original = zipfile.ZipExtFile.read

    def read(self, n=-1):
        asked.append(n)
        return original(self, n)

    monkeypatch.setattr(zipfile.ZipExtFile, "read", read)
    articles, report = ingest([path], max_bytes=50_000)
    assert len(articles) == 11 and not report.failures
    assert asked and all(0 <= n <= 3 * 50_000 + 1 for n in asked)


def test_jsonl_is_streamed_with_a_bound_on_each_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    huge = json.dumps({"text": "كلمة " * 20_000}, ensure_ascii=False)
    path.write_text(
        "\n".join(
            [
                json.dumps({"text": LONG_STORY}, ensure_ascii=False),
                huge,
                json.dumps({"text": STORY}, ensure_ascii=False),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    archive_path = tmp_path / "feed.zip"
    with zipfile.ZipFile(archive_path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(path, "feed.jsonl")
    for source, prefix in ((path, str(path)), (archive_path, f"{archive_path}:feed.jsonl")):
        articles, report = ingest([source], max_bytes=1_000)
        assert [a.origin for a in articles] == [f"{prefix}#0", f"{prefix}#2"]
        assert [(f.origin, f.code) for f in report.failures] == [(f"{prefix}#1", "E305")]
        assert str(len(huge.encode("utf-8"))) in report.failures[0].message


def test_json_document_over_its_limit(tmp_path):
    path = tmp_path / "many.json"
    records = [{"text": f"{LONG_STORY} {i}"} for i in range(50)]
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    articles, report = ingest([path], max_bytes=1_000)
    assert not articles and [(f.origin, f.code) for f in report.failures] == [(str(path), "E315")]
    assert len(ingest([path], max_bytes=10_000)[0]) == 50


@pytest.mark.parametrize(
    "data",
    [
        b"x",
        b"\xd8",
        "\u00a0\u200f\u200f\n".encode("utf-8"),
        "\u200f\u200e\u061c".encode("utf-8"),
        "خبر قصير جدا".encode(),
        b"Breaking news: markets are up today, analysts say.",
    ],
)
def test_too_few_arabic_letters_is_no_article(tmp_path, data):
    path = tmp_path / "short.txt"
    path.write_bytes(data)
    articles, report = ingest([path])
    assert not articles
    assert [f.code for f in report.failures] == ["E314"]


def test_the_minimum_is_twenty_arabic_letters(tmp_path):
    nineteen = "خبر عن افتتاح مدرسة"  # 3 + 2 + 6 + 5 = 16 letters
    (tmp_path / "a.txt").write_text(nineteen + " جدي", encoding="utf-8")  # 19
    (tmp_path / "b.txt").write_text(nineteen + " جديدة", encoding="utf-8")  # 21
    (tmp_path / "c.txt").write_text("\u200f" * 5 + "a", encoding="utf-8")
    articles, report = ingest([tmp_path])
    assert [a.origin for a in articles] == [str(tmp_path / "b.txt")]
    assert [(f.origin, f.code) for f in report.failures] == [
        (str(tmp_path / "a.txt"), "E314"),
        (str(tmp_path / "c.txt"), "E314"),
    ]
    assert "only 19 Arabic letters" in report.failures[0].message


def test_binary_jsonl_is_reported_once(tmp_path):
    path = tmp_path / "noise.jsonl"
    path.write_bytes(random.Random(7).randbytes(200_000))
    archive_path = tmp_path / "noise.zip"
    with zipfile.ZipFile(archive_path, "w") as archive:
        archive.write(path, "noise.jsonl")
    articles, report = ingest([path, archive_path])
    assert not articles
    assert [(f.origin, f.code) for f in report.failures] == [
        (str(path), "E303"),
        (f"{archive_path}:noise.jsonl", "E303"),
    ]


def test_encoding_option_decodes_every_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(LONG_STORY.encode("utf-16-le"))  # no BOM: detection calls it binary
    articles, report = ingest([path])
    assert not articles and report.failures[0].code == "E303"
    [article] = read_path(str(path), encoding="utf-16-le")
    assert article.text == LONG_STORY and article.meta["encoding"] == "utf-16-le"
    lines = tmp_path / "feed.jsonl"
    lines.write_bytes(json.dumps({"text": LONG_STORY}, ensure_ascii=False).encode("cp1256") + b"\n")
    [article] = read_path(str(lines), encoding="windows-1256")
    assert article.text == LONG_STORY and article.meta["encoding"] == "cp1256"
    with pytest.raises(IngestError, match="E304"):
        read_path(str(lines), encoding="utf-8")
    with pytest.raises(IngestError, match="E316"):
        read_path(str(lines), encoding="no-such-codec")


def test_encoding_option_through_the_cli(tmp_path):
    from click.testing import CliRunner

    from khabar.cli import main

    path = tmp_path / "story.txt"
    path.write_bytes(LONG_STORY.encode("utf-16-le"))
    runner = CliRunner()
    result = runner.invoke(main, ["analyze", "--json", "--stages", "layout", "--encoding", "utf-16-le", str(path)])
    assert result.exit_code == 0 and json.loads(result.stdout)["text"] == LONG_STORY
    result = runner.invoke(main, ["analyze", "--json", "--stages", "layout", str(path)])
    assert result.exit_code == 1 and "E303" in result.output
    result = runner.invoke(main, ["analyze", "--encoding", "klingon", str(path)])
    assert result.exit_code == 2 and "E316" in result.output
    db = tmp_path / "k.db"
    result = runner.invoke(main, ["ingest", "-q", "--db", str(db), "--encoding", "utf-16-le", str(path)])
    assert result.exit_code == 0 and "1 added" in result.output


def test_repeated_ids_are_reported_and_skipped(tmp_path):
    first = Article(text=LONG_STORY, source="وكالة النخيل")
    other = Article(text=STORY + " " + LONG_STORY, source="وكالة النخيل")
    other.id = first.id
    (tmp_path / "a.json").write_text(first.to_json(), encoding="utf-8")
    (tmp_path / "b.json").write_text(other.to_json(), encoding="utf-8")
    record = json.dumps({"text": LONG_STORY, "source": "وكالة النخيل"}, ensure_ascii=False)
    (tmp_path / "c.jsonl").write_text(record + "\n" + record + "\n", encoding="utf-8")
    articles, report = ingest([tmp_path])
    assert [a.origin for a in articles] == [str(tmp_path / "a.json")]
    assert [(f.origin, f.code) for f in report.failures] == [
        (str(tmp_path / "b.json"), "E318"),
        (f"{tmp_path / 'c.jsonl'}#0", "E318"),
        (f"{tmp_path / 'c.jsonl'}#1", "E318"),
    ]
    assert f"has another text under the id of {tmp_path / 'a.json'}" in report.failures[0].message
    assert f"repeats {tmp_path / 'a.json'}" in report.failures[1].message


def test_a_file_given_twice_is_read_once(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(LONG_STORY, encoding="utf-8")
    articles, report = ingest([path, path])
    assert [a.origin for a in articles] == [str(path)]
    assert [(f.origin, f.code) for f in report.failures] == [(str(path), "E318")]


def test_broken_html_yields_its_text_never_markup(tmp_path):
    fragment = "<div class='story'><p>%s</p><p>وأضاف أن الأعمال تبدأ الشهر المقبل.</p></div>" % LONG_STORY
    (tmp_path / "a_fragment.txt").write_text(fragment, encoding="utf-8")
    broken = (
        "<html><body><p>أعلنت الهيئة العامة للطرق <b اليوم بدء أعمال توسعة الطريق الساحلي</i></p>"
        "<script>var x = '<p>';</script></div></span>"
    )
    (tmp_path / "b_broken.html").write_text(broken, encoding="utf-8")
    (tmp_path / "c_unparsed.html").write_text("<p>" + LONG_STORY, encoding="utf-8")
    articles, report = ingest([tmp_path])
    assert not report.failures
    texts = [a.text for a in articles]
    assert all("<" not in t and ">" not in t for t in texts)
    assert texts[0].split("\n") == [LONG_STORY, "وأضاف أن الأعمال تبدأ الشهر المقبل."]
    assert texts[1] == "أعلنت الهيئة العامة للطرق اليوم بدء أعمال توسعة الطريق الساحلي"
    assert texts[2] == LONG_STORY
    assert {a.meta["format"] for a in articles} == {"html"}


def test_lenient_html_fallback_when_trafilatura_finds_nothing(monkeypatch):
    from khabar.ingest import html

    monkeypatch.setattr(html.trafilatura, "load_html", lambda page: None)
    page = "<html><head><title>عنوان</title></head><body><h1>توسعة الطريق</h1><p>%s<br>سطر ثان</p></body>" % LONG_STORY
    article = read_html(page, "p.html")
    assert article.text.split("\n") == ["توسعة الطريق", LONG_STORY, "سطر ثان"]
    assert article.meta == {"format": "html", "extraction": "lenient"}
    with pytest.raises(IngestError, match="E308"):
        read_html("<html><body><script>var a = 1;</script></body></html>", "empty.html")
