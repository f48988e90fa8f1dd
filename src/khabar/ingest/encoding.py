"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1256 and ISO-8859-6.

The decoded text is returned as it is, except that a leading BOM is dropped and CRLF / CR line
ends become "\\n".
"""

from __future__ import annotations

import codecs

import charset_normalizer

from khabar.errors import Errors, IngestError

BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x7fELF", "ELF executable"),
)

# C0 controls other than tab, newline, vertical tab, form feed and carriage return, plus DEL.
CONTROL_CODES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
CONTROL_TABLE = dict.fromkeys(CONTROL_CODES)
MAX_CONTROL_SHARE = 0.05

LEGACY_ARABIC = ("cp1256", "iso-8859-6")
# Non-ASCII characters that real Arabic text is made of, besides the Arabic block itself.
TYPOGRAPHY = frozenset("\u00a0«»–—…“”‘’•\u200c\u200d\u200e\u200f")
HARAKAT = frozenset(chr(c) for c in (*range(0x064B, 0x0660), 0x0670))
MIN_ARABIC_SHARE = 0.6
SCORED_PREFIX = 200_000  # characters; a long text is judged by its beginning
# Share of non-ASCII characters that must be valid UTF-8 for the bytes to count as broken UTF-8.
BROKEN_UTF8_SHARE = 0.9


def check_encoding(encoding: str) -> str:
    """The codec's canonical name, or `IngestError` E316 for a name Python does not know."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise IngestError(Errors.E316, what="--encoding", detail=repr(encoding)) from None


def reject_binary(head: bytes, what: str, *, nul_allowed: bool = False) -> None:
    """E303 when the first bytes of a file are a known binary signature or hold NUL bytes
    (UTF-16 with a BOM aside, or when `nul_allowed`: a codec named by the user may need them)."""
    for signature, kind in BINARY_SIGNATURES:
        if head.startswith(signature):
            raise IngestError(Errors.E303, what=what, detail=kind)
    if b"\x00" in head and not nul_allowed and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise IngestError(Errors.E303, what=what, detail="contains NUL bytes")


def decode_bytes(data: bytes, what: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode `data` (with `encoding` when given, else detected) and return (text, encoding name);
    raise `IngestError` (E302-E304, E310)."""
    if not data:
        raise IngestError(Errors.E302, what=what)
    reject_binary(data, what, nul_allowed=encoding is not None)
    if encoding is not None:
        text, encoding = _decode_as(data, encoding, what)
        _reject_controls(len(text) - len(text.translate(CONTROL_TABLE)), len(text), what)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _decode_utf16(data, what)
        _reject_controls(len(text) - len(text.translate(CONTROL_TABLE)), len(text), what)
    else:
        _reject_controls(len(data) - len(data.translate(None, CONTROL_CODES)), len(data), what)
        text, encoding = _decode_8bit(data, what)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(Errors.E310, what=what)
    return text, encoding


def _reject_controls(controls: int, total: int, what: str) -> None:
    if total and controls / total > MAX_CONTROL_SHARE:
        raise IngestError(Errors.E303, what=what, detail=f"{controls / total:.0%} control characters")


def _decode_as(data: bytes, encoding: str, what: str) -> tuple[str, str]:
    """`data` in the encoding the user named; a BOM of that encoding is dropped."""
    name = check_encoding(encoding)
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        raise IngestError(Errors.E304, what=what, detail=f"invalid {name} at byte {exc.start}") from None
    return text.removeprefix("\ufeff"), name


def _decode_utf16(data: bytes, what: str) -> tuple[str, str]:
    encoding = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
    try:
        return data[2:].decode(encoding), encoding
    except UnicodeDecodeError as exc:
        raise IngestError(Errors.E304, what=what, detail=f"invalid {encoding} at byte {exc.start + 2}") from None


def _decode_8bit(data: bytes, what: str) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise IngestError(Errors.E304, what=what, detail=f"invalid UTF-8 at byte {exc.start + 3}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data):
            raise IngestError(Errors.E304, what=what, detail=f"invalid UTF-8 at byte {exc.start}") from None
    guess = _guess_legacy_arabic(data)
    if guess is not None:
        return guess
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    raise IngestError(Errors.E304, what=what, detail="not UTF-8 and not Arabic in Windows-1256 or ISO-8859-6")


def _mostly_utf8(data: bytes) -> bool:
    """True for UTF-8 with a few damaged bytes, which a legacy decoding would turn into mojibake."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return non_ascii > 0 and (non_ascii - bad) / non_ascii >= BROKEN_UTF8_SHARE


def _guess_legacy_arabic(data: bytes) -> tuple[str, str] | None:
    """Decode with each legacy Arabic code page and keep the one that reads most like Arabic.

    Both agree on ASCII, so only non-ASCII characters are scored. Ties (short texts that avoid
    the letters where the two differ) go to the one with more "ال", then to Windows-1256.
    """
    best: tuple[tuple[float, int], str, str] | None = None
    for encoding in LEGACY_ARABIC:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:SCORED_PREFIX]
        score = (arabic_share(sample), sample.count("ال"))
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is None or best[0][0] < MIN_ARABIC_SHARE:
        return None
    return best[1], best[2]


def arabic_share(text: str) -> float:
    """Share of non-ASCII characters that belong in Arabic text.

    A haraka counts half, and only after an Arabic letter; nothing counts right after a Latin
    letter, as in "cafى", which is how Latin-1 text reads when decoded as Arabic.
    """
    total = 0
    score = 0.0
    previous = ""
    for ch in text:
        if ch > "\x7f":
            total += 1
            after_latin = previous.isascii() and previous.isalpha()
            if ch in HARAKAT:
                score += 0.5 if _is_arabic_letter(previous) else 0.0
            elif ("\u0600" <= ch <= "\u06ff" or ch in TYPOGRAPHY) and not after_latin:
                score += 1.0
        previous = ch
    return score / total if total else 0.0


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" or "\u0671" <= ch <= "\u06d3"
