"""Online story clustering over a sliding window of days.

Each article, taken in publication order, is first compared with the window's articles: a MinHash LSH
index (datasketch) finds candidates, and their word-triple hashes are compared exactly. The copy it
shares the most with is recorded, and an article that shares enough, and is itself mostly that copy,
joins its copy's story. Otherwise it joins the story whose centroid (the sum of its members' TF-IDF
vectors) is most similar to its own vector, provided it is also similar enough to the story's first
article (so a story does not drift from topic to topic), or it starts a new story. Stories and
articles older than the window fall out of memory: memory grows with the window, not with the corpus.
The thresholds were chosen on the labelled set (`tests/stories/story_set.py`).
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass, field, replace

import numpy as np
from datasketch import MinHashLSH

from khabar.stories.features import NUM_PERM, StoryDoc

WINDOW_DAYS = 3  # a story gathers articles published up to this many days after its last one
LSH_THRESHOLD = 0.2  # Jaccard similarity the LSH index is built for: candidates for a near-duplicate
DUPLICATE_SHARE = 0.45  # share of the shorter article's word triples found in the other: a near-duplicate
STORY_SIMILARITY = 0.2  # cosine similarity of an article and a story's centroid to join it
SEED_SIMILARITY = 0.2  # ... and of the article and the story's first article (a story does not drift away)
CENTROID_TERMS = 150  # terms kept in a story's centroid
INDEXED_TERMS = 25  # a story's heaviest centroid terms, by which articles find it
SEARCH_TERMS = 15  # an article's heaviest terms that look up candidate stories
CANDIDATES = 8  # stories compared in full with an article


@dataclass(frozen=True)
class Assignment:
    """Where an article went: its story, its cosine similarity to that story at joining, and the
    near-duplicate it most resembles with the share of its word triples found there."""

    article_id: str
    story_id: str
    similarity: float
    new_story: bool
    duplicate_of: str | None = None
    duplicate_share: float = 0.0


@dataclass
class Story:
    id: str
    first_day: int | None
    last_day: int | None
    seed: dict[str, float] = field(default_factory=dict)  # the first article's vector
    centroid: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0

    def add(self, vector: dict[str, float], day: int | None) -> None:
        if not self.seed:
            self.seed = vector
        centroid, square = self.centroid, self.norm * self.norm
        for term, weight in vector.items():
            old = centroid.get(term, 0.0)
            centroid[term] = old + weight
            square += weight * (2.0 * old + weight)
        if len(centroid) > 2 * CENTROID_TERMS:
            self.centroid = dict(heapq.nlargest(CENTROID_TERMS, centroid.items(), key=lambda kv: kv[1]))
            square = sum(w * w for w in self.centroid.values())
        self.norm = math.sqrt(max(square, 0.0))
        if day is not None:
            self.first_day = day if self.first_day is None else min(self.first_day, day)
            self.last_day = day if self.last_day is None else max(self.last_day, day)

    def indexed_terms(self) -> set[str]:
        return {t for t, _ in heapq.nlargest(INDEXED_TERMS, self.centroid.items(), key=lambda kv: kv[1])}

    def similarity(self, vector: dict[str, float]) -> float:
        """Cosine similarity of `vector` (unit length) and the centroid."""
        if not self.norm:
            return 0.0
        get = self.centroid.get
        return sum([w * get(t, 0.0) for t, w in vector.items()]) / self.norm

    def seed_similarity(self, vector: dict[str, float]) -> float:
        get = self.seed.get
        return sum([w * get(t, 0.0) for t, w in vector.items()])


def shared_share(a: StoryDoc, b: StoryDoc) -> float:
    """The share of the shorter article's word triples that the other one has too."""
    smaller = min(len(a.shingles), len(b.shingles))
    if not smaller:
        return 0.0
    return len(np.intersect1d(a.shingles, b.shingles, assume_unique=True)) / smaller


class StoryTracker:
    """The window's articles and stories; `add` assigns one article. One writer at a time."""

    def __init__(
        self,
        window_days: int = WINDOW_DAYS,
        story_similarity: float = STORY_SIMILARITY,
        seed_similarity: float = SEED_SIMILARITY,
        duplicate_share: float = DUPLICATE_SHARE,
    ) -> None:
        self.window_days = window_days
        self.story_similarity = story_similarity
        self.seed_similarity = seed_similarity
        self.duplicate_share = duplicate_share
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.docs: dict[str, StoryDoc] = {}
        self.story_of: dict[str, str] = {}
        self.stories: dict[str, Story] = {}
        self.postings: dict[str, set[str]] = defaultdict(set)  # term -> stories indexed by it
        self.indexed: dict[str, set[str]] = {}  # story -> its indexed terms
        self.latest: int | None = None

    def __contains__(self, article_id: str) -> bool:
        return article_id in self.docs

    def add(self, doc: StoryDoc) -> Assignment:
        """Assign `doc` to a story (an existing one or a new one) and remember it."""
        day = doc.day if doc.day is not None else self.latest
        duplicate, share = self.nearest_copy(doc, day)
        best, similarity = self.best_story(doc, day)
        if duplicate is not None and share >= self.duplicate_share and self.mostly_copied(doc, duplicate):
            story_id = self.story_of[duplicate]
            story = self.stories.get(story_id)
            similarity = story.similarity(doc.vector) if story else 1.0
        elif best is not None and similarity >= self.story_similarity:
            story_id = best
        else:
            story_id, similarity = doc.id, 1.0
        new = story_id not in self.stories
        self.remember(doc, story_id)
        return Assignment(doc.id, story_id, round(similarity, 4), new, duplicate, round(share, 4))

    def remember(self, doc: StoryDoc, story_id: str) -> None:
        """Add `doc` to the window as a member of `story_id` (also used to reload a stored window)."""
        if doc.id in self.docs:
            return
        if doc.day is None and self.latest is not None:  # an undated article lives in the window of its arrival
            doc = replace(doc, day=self.latest)
        day = doc.day
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = Story(story_id, day, day)
        before = self.indexed.get(story_id, set())
        story.add(doc.vector, day)
        after = self.indexed[story_id] = story.indexed_terms()
        for term in before - after:
            self.postings[term].discard(story_id)
        for term in after - before:
            self.postings[term].add(story_id)
        self.docs[doc.id] = doc
        self.story_of[doc.id] = story_id
        self.lsh.insert(doc.id, doc.minhash, check_duplication=False)
        if day is not None and (self.latest is None or day > self.latest):
            self.latest = day
            self.forget_before(day - self.window_days)

    def nearest_copy(self, doc: StoryDoc, day: int | None) -> tuple[str | None, float]:
        best, best_share = None, 0.0
        for other_id in self.lsh.query(doc.minhash):
            other = self.docs[other_id]
            if not self.in_window(other.day, day):
                continue
            share = shared_share(doc, other)
            if share > best_share or (share == best_share and best is not None and other_id < best):
                best, best_share = other_id, share
        return best, best_share

    def mostly_copied(self, doc: StoryDoc, other_id: str) -> bool:
        """True when most of `doc` itself is in the other article: a copy, not a digest that holds it among
        other items (a digest joins the story of its main item by similarity instead)."""
        other = self.docs[other_id]
        if not len(doc.shingles):
            return False
        common = len(np.intersect1d(doc.shingles, other.shingles, assume_unique=True))
        return common / len(doc.shingles) >= self.duplicate_share

    def best_story(self, doc: StoryDoc, day: int | None) -> tuple[str | None, float]:
        partial: dict[str, float] = defaultdict(float)
        for term, weight in heapq.nlargest(SEARCH_TERMS, doc.vector.items(), key=lambda kv: kv[1]):
            for story_id in self.postings.get(term, ()):
                partial[story_id] += weight * self.stories[story_id].centroid.get(term, 0.0)
        best, best_similarity = None, 0.0
        for story_id in heapq.nlargest(CANDIDATES, partial, key=lambda s: (partial[s], s)):
            story = self.stories[story_id]
            if not self.in_window(story.last_day, day) and not self.in_window(story.first_day, day):
                continue
            if story.seed_similarity(doc.vector) < self.seed_similarity:
                continue
            similarity = story.similarity(doc.vector)
            if similarity > best_similarity:
                best, best_similarity = story_id, similarity
        return best, best_similarity

    def in_window(self, other: int | None, day: int | None) -> bool:
        return other is None or day is None or abs(other - day) <= self.window_days

    def forget_before(self, day: int) -> None:
        """Drop articles and stories last seen before `day` (keeping stories that still have members)."""
        old = [d.id for d in self.docs.values() if d.day is not None and d.day < day]
        for article_id in old:
            self.lsh.remove(article_id)
            del self.docs[article_id]
            del self.story_of[article_id]
        for story_id in [s.id for s in self.stories.values() if s.last_day is not None and s.last_day < day]:
            del self.stories[story_id]
            for term in self.indexed.pop(story_id, ()):
                self.postings[term].discard(story_id)
