"""Arabic normalisation as a *view* for matching, with an offset map back to the original text.

The article text is never changed: `NormalView(text)` holds the normalised string `norm` and,
for every position in it, the original offset it came from. Character maps live in
`data/charmap.json`, grouped so a caller can choose which foldings apply.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from khabar.text.tables import load_json

ALL_GROUPS = (
    "alef",
    "hamza_carriers",
    "ya",
    "ta_marbuta",
    "persian_urdu_letters",
    "tatweel",
    "diacritics",
    "format_controls",
    "arabic_indic_digits",
    "persian_digits",
    "punctuation",
    "lam_alef_ligatures",
)
# Matching view used by default: everything except punctuation folding.
DEFAULT_GROUPS = tuple(g for g in ALL_GROUPS if g != "punctuation")


@cache
def load_charmap(groups: tuple[str, ...] = DEFAULT_GROUPS) -> dict[str, str]:
    raw = load_json("khabar.text", "data/charmap.json")
    table: dict[str, str] = {}
    for group in groups:
        table.update(raw[group])
    for code in range(0xFB50, 0xFF00):  # Arabic presentation forms -> base letters
        ch = chr(code)
        if ch not in table and unicodedata.category(ch).startswith("L"):
            table[ch] = "".join(table.get(c, c) for c in unicodedata.normalize("NFKC", ch))
    return table


@cache
def _translation(groups: tuple[str, ...]) -> dict[int, str]:
    return str.maketrans(load_charmap(groups))


@dataclass(frozen=True)
class NormalView:
    """`norm` is the normalised text; `offsets[i]` is the original offset of `norm[i]`."""

    text: str
    norm: str
    offsets: Sequence[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `norm` back to the original text, keeping trailing diacritics."""
        if start >= len(self.norm):
            return len(self.text), len(self.text)
        orig_start = self.offsets[start]
        if end <= start:
            return orig_start, orig_start
        orig_end = self.offsets[end - 1] + 1
        limit = self.offsets[end] if end < len(self.norm) else len(self.text)
        while orig_end < limit and _is_dropped(self.text[orig_end]):
            orig_end += 1
        return orig_start, orig_end


def _is_dropped(ch: str) -> bool:
    return load_charmap().get(ch) == ""


@cache
def _length_changing(groups: tuple[str, ...]) -> re.Pattern:
    """Characters that fold to zero or several characters (so offsets shift)."""
    chars = [c for c, v in load_charmap(groups).items() if len(v) != 1]
    return re.compile("[" + re.escape("".join(chars)) + "]")


def normal_view(text: str, groups: tuple[str, ...] = DEFAULT_GROUPS) -> NormalView:
    """Build the normalised view of `text` with its offset map."""
    if not _length_changing(groups).search(text):  # fast path: one character for one
        return NormalView(text, text.translate(_translation(groups)), range(len(text)))
    table = load_charmap(groups)
    translation = _translation(groups)
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _length_changing(groups).finditer(text):
        i = m.start()
        out.append(text[pos:i].translate(translation))
        offsets.extend(range(pos, i))
        folded = table[text[i]]
        out.append(folded)
        offsets.extend([i] * len(folded))
        pos = i + 1
    out.append(text[pos:].translate(translation))
    offsets.extend(range(pos, len(text)))
    return NormalView(text, "".join(out), tuple(offsets))


def normalize(text: str, groups: tuple[str, ...] = DEFAULT_GROUPS) -> str:
    """The normalised string alone (for keys and lookups)."""
    return text.translate(_translation(groups))
