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
    assert lines[0].startswith("1 training chunks, 1 dev chunks") and lines[-1].startswith("epoch 1: dev micro F1")
