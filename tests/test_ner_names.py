"""Names as real news writes them, on our own sentences: what the tagger takes for names but no entity list
should hold (currencies, God's names, particles, a caption's verb glued to the name before it, two people in one span),
and names it cuts short (a king's name inside a hospital's or a street's, a clitic-like first letter)."""

import pytest

from khabar import Article, Pipeline
from khabar.ner.model import TIERS

NER = ["layout", "sentences", "tokens", "ner"]


@pytest.fixture(scope="module", params=sorted(TIERS))
def tag(request):
    """Mentions (text, label) of a sentence, with each tier's model."""
    mp = pytest.MonkeyPatch()
    mp.setenv("KHABAR_NER", request.param)
    pipeline = Pipeline(NER)
    yield lambda text: [(m.text, m.label) for m in pipeline(Article(text=text)).mentions]
    mp.undo()


def test_currencies_are_no_entities(tag):
    found = tag("سجل الدولار الأمريكي ارتفاعا أمام الين الياباني، وبقي الريال السعودي مستقرا عند مستواه.")
    assert not [t for t, _ in found if any(c in t for c in ("الدولار", "الين", "الريال"))]
    assert not [t for t, _ in tag("وحصل الفائز على جائزة قيمتها مليون ريال، وعلى شهادة تقدير من الجامعة.")]


def test_gods_names_and_blessings_are_no_entities(tag):
    assert tag("نسأل الله أن يحفظ البلاد، وجزاهم الله خيرا على ما قدموا.") == []
    assert tag("إن رعاية خادم الحرمين الشريفين -أيده الله- لهذه الدورة دليل وفاء.") == []


def test_particles_are_no_names(tag):
    assert tag("ولعلي أجد في ذلك نموذجا للتربية المثالية.") == []


def test_a_caption_verb_is_not_part_of_the_name(tag):
    found = tag("أمير منطقة الرياض فيصل بن بندر يكرم الفائزين بجائزة التميز في حفل أقيم مساء أمس")
    assert ("فيصل بن بندر", "PERSON") in found
    assert not [t for t, _ in found if "يكرم" in t]


def test_a_report_verb_is_not_part_of_the_name(tag):
    assert not [t for t, _ in tag("1966 - ديغول يلغي زيارة إلى أوتاوا بعد غضب كندا.") if "يلغي" in t]


def test_an_honorific_inside_a_span_starts_a_second_person(tag):
    found = tag("ورد كيم السيد بوتن التحية بعد انتهاء المحادثات في القاعدة الفضائية.")
    assert not [t for t, _ in found if "السيد" in t]


def test_names_stay_whole(tag):
    found = tag("وصل الأمير محمد بن سلمان بن عبدالعزيز إلى جدة، وأعلنت الإمارات العربية المتحدة مشاركتها.")
    assert ("محمد بن سلمان بن عبدالعزيز", "PERSON") in found
    assert ("الإمارات العربية المتحدة", "GPE") in found
    found = tag("وقع الاتفاق رئيس جامعة الملك عبدالعزيز مع رئيس منظمة التعاون الإسلامي في جدة.")
    assert ("جامعة الملك عبدالعزيز", "ORG") in found and ("منظمة التعاون الإسلامي", "ORG") in found


def test_a_kings_name_inside_a_place_or_organisation_name(tag, request):
    if request.node.callspec.params["tag"] == "fast":
        pytest.skip("the student tags سعود بشارع as one name; the rule then takes in the next street")
    assert ("مستشفى الملك فيصل التخصصي", "ORG") in tag("توفيت طفلة في مستشفى الملك فيصل التخصصي بالرياض أمس.")
    assert ("مكتبة الملك عبدالعزيز", "ORG") in tag("افتتح المعرض في مكتبة الملك عبدالعزيز العامة بالرياض.")
    assert ("شارع الملك سعود", "FAC") in tag("يلتقي شارع الملك سعود بشارع الإمام النسائي قرب القلعة.")
    found = tag("تسلم الفائزون جائزة الأمير سلطان بن عبدالعزيز العالمية للمياه.")
    assert ("جائزة الأمير سلطان بن عبدالعزيز العالمية", "MISC") in found


def test_a_building_or_institution_takes_the_name_after_it(tag):
    assert ("قصر كونستانتين", "FAC") in tag("زار الوفد قصر كونستانتين في العاصمة الجزائرية.")
    assert ("سجن أبو غريب", "FAC") in tag("نقل المعتقلون إلى سجن أبو غريب غرب بغداد.")
    assert ("جامعة القاهرة", "ORG") in tag("تخرج في جامعة القاهرة عام 1990 وعمل في الصحافة.")
    assert ("مطار الملك خالد الدولي", "FAC") in tag("هبطت الطائرة في مطار الملك خالد الدولي.")
    # a city is not its own name's "city", and someone's house is not a building's name
    assert ("جدة", "GPE") in tag("وصل إلى مدينة جدة مساء أمس قادما من الرياض.")
    assert ("محمد العلي", "PERSON") in tag("زار منزل محمد العلي في الدمام.")


def test_a_names_first_letter_is_no_preposition(tag):
    found = tag("أقيم المهرجان في سانتا كلارا بولاية كاليفورنيا الأمريكية.")
    assert ("كاليفورنيا", "GPE") in found
