"""What the story tracker compares. Each article has the hashes of its body's word triples with their
MinHash, used to find near-duplicates, and a TF-IDF vector of its headline and body, used for story
similarity.

Words are index words (`khabar.text.words.index_word`: letter forms folded, proclitics off), so a wire
copy with other hamzas or a ب glued on is still the same text. Document frequencies come from
`data/idf.tsv` (`scripts/build_story_idf.py`). A word the table does not list weighs as if it were
seen once. The weights and sizes are tuned in `benchmarks/stories_eval.py`.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

import numpy as np
import regex
from datasketch import LeanMinHash, MinHash

from khabar.document import Article
from khabar.text.tables import read_table_text, table_error
from khabar.text.words import index_form

IDF_TABLE = "data/idf.tsv"
SHINGLE_WORDS = 3  # near-duplicates compare runs of three words
SHINGLE_MIX = (np.uint64(1_000_003), np.uint64(7_919))  # a triple's hash from its words' CRC-32s
NUM_PERM = 128  # MinHash permutations (the LSH index finds candidates; the hashes decide)
MINHASH_SEED = 17
MINHASH_SCHEME = "affine32"
HEADLINE_WEIGHT = 2.0  # a headline word counts as this many body words
LEAD_WORDS = 400  # the story vector reads this many body words (a wire story's substance comes first)
VECTOR_TERMS = 60  # the heaviest terms kept in an article's vector
COMMON_SHARE = 0.08  # words in more than this share of articles are stop words for stories
RUN = regex.compile(r"[\p{L}\p{M}\p{Nd}]+")


@dataclass(frozen=True)
class StoryDoc:
    """One article as the tracker sees it. `day` is a date ordinal (None when the article has no date)."""

    id: str
    day: int | None
    source: str | None
    title: str
    shingles: np.ndarray  # hashes of the body's word triples (`shingle_hashes`)
    minhash: LeanMinHash  # their MinHash
    vector: dict[str, float]  # unit length


@dataclass(frozen=True)
class Idf:
    """Word weights log(N / df); an unlisted word weighs as if seen once. `common` holds the words too
    frequent to tell stories apart (in more than `COMMON_SHARE` of the articles)."""

    documents: int
    weights: dict[str, float]
    common: frozenset[str]

    def weight(self, word: str) -> float:
        return self.weights.get(word, self.unseen)

    @property
    def unseen(self) -> float:
        return math.log(self.documents)


@cache
def idf_table() -> Idf:
    df: dict[str, int] = {}
    for number, line in enumerate(read_table_text("khabar.stories", IDF_TABLE).splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        word, sep, count = line.partition("\t")
        if not sep or not count.isdigit():
            raise table_error("khabar.stories", IDF_TABLE, f"line {number} is not WORD<TAB>COUNT")
        df[word] = int(count)
    documents = df.pop("__documents__", 0)
    if not documents:
        raise table_error("khabar.stories", IDF_TABLE, "no __documents__ line")
    common = frozenset(w for w, n in df.items() if n > COMMON_SHARE * documents)
    return Idf(documents, {w: math.log(documents / n) for w, n in df.items()}, common)


def day_number(published: str | None) -> int | None:
    """The date ordinal of an ISO date or timestamp (None when there is none)."""
    try:
        return date.fromisoformat((published or "")[:10]).toordinal()
    except ValueError:
        return None


def story_words(text: str) -> list[str]:
    """The index form (`khabar.text.words.index_form`) of every run of letters and digits: the search index's
    words, read with a simpler pattern than the tokenizer's (stories do not need URLs or decimals whole)."""
    return [index_form(w) for w in RUN.findall(text)]


@lru_cache(maxsize=1 << 18)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def shingle_hashes(words: list[str]) -> np.ndarray:
    """Hashes (sorted, distinct, 32-bit) of the word triples of `words` that hold a word rarer than a stop
    word: formulas such as خادم الحرمين الشريفين, shared by every royal news item, are left out."""
    n = len(words) - SHINGLE_WORDS + 1
    if n < 1:
        return np.unique(np.array([_word_hash(" ".join(words))] if words else [], dtype=np.uint32))
    common = idf_table().common
    h = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    rare = np.fromiter((w not in common for w in words), dtype=bool, count=len(words))
    mixed = (h[:n] * SHINGLE_MIX[0] + h[1 : n + 1] * SHINGLE_MIX[1] + h[2 : n + 2]) & 0xFFFFFFFF
    keep = rare[:n] | rare[1 : n + 1] | rare[2 : n + 2]
    return np.unique(mixed[keep].astype(np.uint32))


@cache
def _permutations():
    return MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME).permutations


def sketch(hashes: np.ndarray) -> LeanMinHash:
    """The MinHash of a set of shingle hashes (for the LSH index that finds candidate copies)."""
    minhash = MinHash(
        num_perm=NUM_PERM, seed=MINHASH_SEED, hashfunc=int, permutations=_permutations(), scheme=MINHASH_SCHEME
    )
    if len(hashes):
        minhash.update_batch(hashes.tolist())
    return LeanMinHash(minhash)


def story_vector(title_words: list[str], body_words: list[str]) -> dict[str, float]:
    """TF-IDF over the headline (weighted) and the body's first words, the heaviest terms, unit length."""
    idf = idf_table()
    counts: Counter = Counter()
    for word in body_words[:LEAD_WORDS]:
        counts[word] += 1.0
    for word in title_words:
        counts[word] += HEADLINE_WEIGHT
    weights = {}
    get, unseen, common = idf.weights.get, idf.unseen, idf.common
    for word, count in counts.items():
        if len(word) < 2 or word.isdigit() or word in common:
            continue
        weights[word] = (1.0 + math.log(count)) * get(word, unseen)
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:VECTOR_TERMS]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {word: w / norm for word, w in top}


def story_doc(article: dict | Article) -> StoryDoc:
    """The tracker's view of an article: an `Article`, or its JSON contract (`to_dict()`, a stored article)."""
    if isinstance(article, Article):
        article = {
            "id": article.id,
            "title": article.title,
            "text": article.text,
            "published": article.published,
            "source": article.source,
            "blocks": [{"kind": b.kind, "text": b.text} for b in article.blocks],
        }
    body = [b["text"] for b in article.get("blocks", ()) if b["kind"] == "body"]
    body_text = "\n".join(body) if body else article["text"]
    title = article.get("title") or next((b["text"] for b in article.get("blocks", ()) if b["kind"] == "headline"), "")
    body_words = story_words(body_text)
    shingles = shingle_hashes(body_words)
    return StoryDoc(
        id=article["id"],
        day=day_number(article.get("published")),
        source=article.get("source"),
        title=title or body_text[:120],
        shingles=shingles,
        minhash=sketch(shingles),
        vector=story_vector(story_words(title), body_words),
    )


def restored(row: dict) -> StoryDoc:
    """A StoryDoc from a stored row (id, day, source, title, shingles as bytes, vector)."""
    shingles = np.frombuffer(row["shingles"], dtype=np.uint32)
    return StoryDoc(
        id=row["id"],
        day=row["day"],
        source=row["source"],
        title=row["title"],
        shingles=shingles,
        minhash=sketch(shingles),
        vector=row["vector"],
    )
