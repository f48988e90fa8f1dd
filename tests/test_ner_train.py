"""One tiny training run of the NER transformer (needs the `train` extra: skipped without torch)."""

import json

import pytest

torch = pytest.importorskip("torch")

from khabar.ner.train import train  # noqa: E402 - after the skip

TRAIN = """زار\tO
الرئيس\tO
خالد\tB-PERS
العتيبي\tI-PERS
مدينة\tO
جدة\tB-LOC
.\tO

وقعت\tO
شركة\tO
أرامكو\tB-ORG
اتفاقا\tO
في\tO
الرياض\tB-LOC
.\tO

قال\tO
سامي\tB-PERS
إن\tO
الوفد\tO
وصل\tO
.\tO
"""

DEV = """التقى\tO
سامي\tB-PERS
وفدا\tO
في\tO
جدة\tB-LOC
.\tO
"""


@pytest.fixture
def shared(tmp_path):
    folder = tmp_path / "shared" / "data" / "ner"
    folder.mkdir(parents=True)
    (folder / "aner_train.conll").write_text(TRAIN, encoding="utf-8")
    (folder / "aner_dev.conll").write_text(DEV, encoding="utf-8")
    return tmp_path / "shared"


def test_one_epoch_on_three_sentences_writes_a_checkpoint_and_its_record(shared, tmp_path):
    lines = []
    best = train(shared, tmp_path / "out", epochs=1, batch_size=2, corpora=("aner",), log=lines.append)
    saved = torch.load(tmp_path / "out" / "model.pt", map_location="cpu", weights_only=False)
    record = json.loads((tmp_path / "out" / "training.json").read_text("utf-8"))
    assert best["epoch"] == 1 and 0.0 <= best["f1"] <= 1.0
    assert record["best"] == json.loads(json.dumps(best)) and [h["epoch"] for h in record["history"]] == [1]
    assert record["corpora"] == ["aner"] and set(record["data"]) == {"aner"}
    assert saved["delta"].shape == (len(saved["touched"]), saved["config"]["H"])
    assert lines[0].startswith("1 training chunks, 0 teacher-labelled chunks, 1 dev chunks")
    assert lines[-1].startswith("epoch 1: dev micro F1")


def test_a_student_learns_from_a_teachers_soft_labels(shared, tmp_path):
    """Distillation: the shipped model labels a story of ours, a two-layer student trains on it and the gold."""
    from khabar.ner.distill import soft_chunks
    from khabar.ner.model import NerModel

    words = "وقال الرئيس الروسي فلاديمير بوتين في موسكو إن شركة غازبروم ستوقع الاتفاق مع الصين".split()
    chunks = soft_chunks(NerModel(), words)
    assert len(chunks) == 1 and chunks[0].soft.shape == (len(words), 13)
    assert abs(float(chunks[0].soft.astype("float32").sum(1).mean()) - 1) < 0.01
    torch.save({"chunks": chunks, "recipe": {"articles": 1}}, tmp_path / "soft.pt")
    lines = []
    train(
        shared,
        tmp_path / "student",
        epochs=1,
        batch_size=2,
        corpora=("aner",),
        layers=[0, 11],
        distill=tmp_path / "soft.pt",
        log=lines.append,
    )
    saved = torch.load(tmp_path / "student" / "model.pt", map_location="cpu", weights_only=False)
    record = json.loads((tmp_path / "student" / "training.json").read_text("utf-8"))
    assert saved["config"]["NL"] == 2 and saved["config"]["layers"] == [0, 11]
    assert not any(k.startswith("layers.2.") for k in saved["net"])
    assert record["layers"] == [0, 11] and record["distill"]["recipe"] == {"articles": 1}
    assert lines[0].startswith("1 training chunks, 1 teacher-labelled chunks")
