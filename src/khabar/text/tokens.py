"""Tokens with sub-offsets for attached proclitics (و ف ب ل ك and the article ال).

`وفلاديفوستوك` becomes one token whose `proclitics` hold `و` and whose `stem` is `فلاديفوستوك`,
so later stages can report the place without the conjunction. Segmentation follows rules in
`data/clitics.json` plus a table of exceptions learned from word counts
(`scripts/build_clitic_exceptions.py`): words such as وزير whose first letter is not a clitic,
and words such as بروسيا whose ب is one although the rest is not a common pattern.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from khabar.document import Article, Span, Token
from khabar.pipeline import stage
from khabar.text.normalize import normal_view, normalize
from khabar.text.tables import load_json, read_table_text, table_error

ARABIC_LETTER = (
    "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06e5\u06e6\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc"
)
ARABIC_MARK = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0640\u200c\u200d"
DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
TOKEN_RE = re.compile(
    rf"""
    (?P<url>https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+)
  | (?P<number>[{DIGIT}]+(?:[.,٫٬:/\-][{DIGIT}]+)*%?)
  | (?P<word>[{ARABIC_LETTER}][{ARABIC_LETTER}{ARABIC_MARK}]*)
  | (?P<latin>[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f\u0300-\u036f]*(?:['’\-][A-Za-z\u00c0-\u024f]+)*)
  | (?P<punct>\.{{2,}}|[!?؟]+|[^\w\s])
  | (?P<other>\S)
    """,
    re.VERBOSE,
)


@lru_cache(maxsize=1)
def clitic_rules() -> dict:
    data = load_json("khabar.text", "data/clitics.json")
    table: dict[str, int] = {}
    for number, line in enumerate(read_table_text("khabar.text", "data/clitic_exceptions.tsv").splitlines(), 1):
        if line and not line.startswith("#"):
            word, _, length = line.partition("\t")
            if not length.isdigit():
                problem = f"line {number}: expected WORD<tab>LENGTH"
                raise table_error("khabar.text", "data/clitic_exceptions.tsv", problem)
            table[word] = int(length)
    data["table"] = table
    data["keep"] = {normalize(w) for w in data["keep"]}
    return data


def _split_prep_det(word: str, rules: dict) -> int:
    """Length of the preposition/article prefix of a word with no conjunction (normalised form)."""
    table = rules["table"]
    if word in table:
        return table[word]
    if word in rules["keep"]:
        return 0
    if len(word) >= 4 and word.startswith("لل"):  # ل + ال with the alef elided
        return 2
    if len(word) >= 5 and word[0] in rules["prepositions"] and word[1:3] == "ال":
        return 3
    if len(word) >= 4 and word.startswith("ال"):
        return 2
    return 0


@lru_cache(maxsize=200_000)
def clitic_split(norm_word: str) -> tuple[tuple[int, int, str], ...]:
    """Proclitics of a normalised word as (start, end, tag) ranges over the word."""
    rules = clitic_rules()
    word = norm_word
    parts: list[tuple[int, int, str]] = []
    offset = 0
    if word in rules["keep"]:
        return ()
    table_len = rules["table"].get(word)
    conj_ok = (
        word[:1] in rules["conjunctions"]
        and len(word) - 1 >= rules["min_stem_after_conjunction"]
        and (word[0] in rules["split_unknown"] or _split_prep_det(word[1:], rules) >= 2)
    )
    if table_len is not None:
        if table_len and word[0] in rules["conjunctions"]:
            parts.append((0, 1, "conj"))
            offset, word = 1, word[1:]
            table_len -= 1
        return tuple(parts + _prep_det_parts(word, offset, table_len))
    if conj_ok:
        parts.append((0, 1, "conj"))
        offset, word = 1, word[1:]
    return tuple(parts + _prep_det_parts(word, offset, _split_prep_det(word, rules)))


def _prep_det_parts(word: str, offset: int, length: int) -> list[tuple[int, int, str]]:
    if length == 0:
        return []
    if length == 1:
        return [(offset, offset + 1, "prep")]
    if length == 2 and word.startswith("لل"):
        return [(offset, offset + 1, "prep"), (offset + 1, offset + 2, "det")]
    if length == 2:
        return [(offset, offset + 2, "det")]
    return [(offset, offset + 1, "prep"), (offset + 1, offset + 3, "det")]


def tokenize(text: str, start: int = 0, end: int | None = None, sentence: str = "") -> list[Token]:
    """Tokens of `text[start:end]`, offsets into `text`."""
    end = len(text) if end is None else end
    tokens = []
    for m in TOKEN_RE.finditer(text, start, end):
        kind = m.lastgroup or "other"
        s, e = m.span()
        surface = text[s:e]
        if kind == "other" or (kind == "punct" and not unicodedata.category(surface[0]).startswith("P")):
            kind = "symbol"
        token = Token(start=s, end=e, text=surface, kind=kind, norm=_normalize_word(surface), sentence=sentence)
        if kind == "word" and len(token.norm) >= 3:
            _attach_proclitics(token)
        tokens.append(token)
    return tokens


CLITIC_INITIALS = frozenset("وفبلكا")


@lru_cache(maxsize=200_000)
def _normalize_word(surface: str) -> str:
    return normalize(surface)


def _attach_proclitics(token: Token) -> None:
    if token.norm[0] not in CLITIC_INITIALS:
        return
    parts = clitic_split(token.norm)
    if not parts:
        return
    view = normal_view(token.text) if len(token.norm) != len(token.text) else None
    for ps, pe, tag in parts:
        os, oe = view.to_original(ps, pe) if view else (ps, pe)
        token.proclitics.append(
            {"start": token.start + os, "end": token.start + oe, "text": token.text[os:oe], "tag": tag}
        )
    stem_start = token.start + (view.to_original(parts[-1][1], parts[-1][1] + 1)[0] if view else parts[-1][1])
    token.stem = Span(stem_start, token.end, token.text[stem_start - token.start :])


@stage("tokens", requires=("sentences",), assigns=("tokens",), setup=clitic_rules)
def tokens_stage(article: Article) -> Article:
    """Split every sentence into tokens with proclitic sub-offsets."""
    article.tokens = [t for s in article.sentences for t in tokenize(article.text, s.start, s.end, s.id)]
    return article
