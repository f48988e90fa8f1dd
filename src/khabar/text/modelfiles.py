"""Model folders shipped with khabar: a manifest that checksums every file, checked when the model loads."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from khabar.errors import Errors, KhabarError


def checked_manifest(folder: Path, restore: str) -> dict:
    """The folder's manifest.json, after checking every file it lists (E503 naming the file, with `restore`)."""
    path = folder / "manifest.json"
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise KhabarError(Errors.E503, what=str(path), detail=exc, reason=restore) from None
    for name, digest in manifest.get("files", {}).items():
        file = folder / name
        if not file.is_file():
            raise KhabarError(Errors.E503, what=str(file), detail="missing", reason=restore)
        if hashlib.sha256(file.read_bytes()).hexdigest() != digest:
            raise KhabarError(
                Errors.E503, what=str(file), detail="checksum mismatch (corrupt or changed)", reason=restore
            )
    return manifest


THREADS_ENV = "KHABAR_ONNX_THREADS"  # set for worker processes: the cores shared out among them


def onnx_threads() -> int | None:
    """ONNX Runtime intra-op threads for this process's models ($KHABAR_ONNX_THREADS), None for its default."""
    threads = os.environ.get(THREADS_ENV)
    return int(threads) if threads else None
