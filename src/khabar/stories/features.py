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
from functools import cache

import numpy as np
from datasketch import LeanMinHash, MinHash

from khabar.document import Article
from khabar.text.tables import read_table_text, table_error
from khabar.text.words import index_words

IDF_TABLE = "data/idf.tsv"
SHINGLE_WORDS = 3  # near-duplicates compare runs of three words
NUM_PERM = 128  # MinHash permutations (the LSH index finds candidates; the hashes decide)
MINHASH_SEED = 17
MINHASH_SCHEME = "affine32"
HEADLINE_WEIGHT = 2.0  # a headline word counts as this many body words
LEAD_WORDS = 400  # the story vector reads this many body words (a wire story's substance comes first)
VECTOR_TERMS = 60  # the heaviest terms kept in an article's vector
COMMON_SHARE = 0.08  # words in more than this share of articles are stop words for stories


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
    documents: int
    df: dict[str, int]

    def weight(self, word: str) -> float:
        return math.log(self.documents / self.df.get(word, 1))

    @property
    def common(self) -> float:
        """The weight under which a word is too common to tell stories apart."""
        return math.log(1 / COMMON_SHARE)


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
    return Idf(documents, df)


def day_number(published: str | None) -> int | None:
    """The date ordinal of an ISO date or timestamp (None when there is none)."""
    try:
        return date.fromisoformat((published or "")[:10]).toordinal()
    except ValueError:
        return None


def shingle_hashes(words: list[str]) -> np.ndarray:
    """CRC-32 hashes (sorted, distinct) of the word triples of `words` that hold a word rarer than a stop
    word: formulas such as خادم الحرمين الشريفين, shared by every royal news item, are left out."""
    idf = idf_table()
    rare = [idf.weight(w) > idf.common for w in words]
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS])
        for i in range(len(words) - SHINGLE_WORDS + 1)
        if any(rare[i : i + SHINGLE_WORDS])
    }
    if not shingles and words:
        shingles = {" ".join(words)}
    return np.unique(np.fromiter((zlib.crc32(x.encode("utf-8")) for x in shingles), dtype=np.uint32))


def sketch(hashes: np.ndarray) -> LeanMinHash:
    """The MinHash of a set of shingle hashes (for the LSH index that finds candidate copies)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, hashfunc=int, scheme=MINHASH_SCHEME)
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
    for word, count in counts.items():
        if len(word) < 2 or word.isdigit():
            continue
        w = idf.weight(word)
        if w > idf.common:
            weights[word] = (1.0 + math.log(count)) * w
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
    body_words = index_words(body_text)
    shingles = shingle_hashes(body_words)
    return StoryDoc(
        id=article["id"],
        day=day_number(article.get("published")),
        source=article.get("source"),
        title=title or body_text[:120],
        shingles=shingles,
        minhash=sketch(shingles),
        vector=story_vector(index_words(title), body_words),
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
