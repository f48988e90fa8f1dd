"""A learned speaker ranker against the rules' speakers, on the attribution set's held-out split.

For every quote the rules found that matches an annotated one, the candidates are the article's named
entities near it (and the rules' own words when they gave no entity); a conditional-logit model (softmax
over one quote's candidates, numpy) scores each from 21 features: whether the rules chose it, its label,
distances from the cue to its mentions (before, right after the cue, right after the quotation, inside
it), its salience (mentions, order of first mention), whether it spoke the quote before, how many quotes
the rules gave it, the verb's feminine form against its label, and for a title the rules could not name,
a mention of it next to that title elsewhere. Trained on the open and train1 splits (the rules' development
data), scored on train2: right speakers among the matched quotes, rules against model, with and without
the rules' choice among the features, and the share an oracle picking among the candidates would get.

    python benchmarks/attribution_speaker_ranker.py [--cache FILE]
(--cache as in attribution_tagger.py: the analysed articles are kept between runs.)
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from pathlib import Path

import numpy as np

from attribution_tagger import analysed
from khabar.document import Article, Quote
from khabar.pipeline import get_stage
from khabar.quotes.evaluate import ArticleScore, names_speaker, speaker_names
from khabar.text import normalize
from khabar.text.words import strip_conjunction

LABELS = ("PERSON", "ORG", "GPE")
WORDS = "words"  # the candidate made of the rules' own words for an unnamed speaker
SIZE = 21


def feminine(quote: Quote) -> float:
    """A cue in a feminine form (قالت، تقول، مشيرة): a woman or an organisation speaks."""
    words = quote.cue.text.split() if quote.cue else []
    word = strip_conjunction(normalize(words[0])) if words else ""
    return float(word.endswith(("ت", "ة")) or word.startswith("ت"))


def near_title(text: str, title: str, mentions) -> float:
    """Whether one of the entity's mentions stands within 30 characters of the title elsewhere in the text."""
    at = text.find(title)
    while at >= 0:
        if any(abs(m.start - (at + len(title))) < 30 or abs(at - m.end) < 30 for m in mentions):
            return 1.0
        at = text.find(title, at + 1)
    return 0.0


def candidates(article: Article) -> list[tuple[Quote, list[tuple[str, list[float]]]]]:
    """Each quote with its candidate speakers and their features."""
    mentions: dict[str, list] = {}
    for m in article.mentions:
        if m.entity:
            mentions.setdefault(m.entity, []).append(m)
    entities = {e.id: e for e in article.entities}
    first = {k: min(m.start for m in ms) for k, ms in mentions.items()}
    order = {k: rank for rank, k in enumerate(sorted(first, key=first.get))}
    spoke = Counter(q.speaker for q in article.quotes if q.speaker)
    sentences = {s.id: s for s in article.sentences}
    out, previous = [], None
    for q in article.quotes:
        anchor, cue_end = (q.cue.start, q.cue.end) if q.cue else (q.start, q.start)
        sentence = sentences.get(q.sentence)
        s0, s1 = (sentence.start, sentence.end) if sentence else (anchor - 200, q.end + 100)
        found = []
        for k, ms in mentions.items():
            entity = entities.get(k)
            if entity is None or entity.label not in (*LABELS, "MISC"):
                continue
            before = [anchor - m.end for m in ms if m.end <= anchor]
            gap = min(before) if before else None
            after_cue = any(cue_end <= m.start < min(q.start, cue_end + 60) for m in ms)
            after_quote = any(q.end <= m.start < q.end + 60 and m.start < s1 + 5 for m in ms)
            if gap is None and not after_cue and not after_quote and q.speaker != k:
                continue
            f = [float(q.speaker == k), *(float(entity.label == label) for label in LABELS)]
            f += [float(gap is not None and lo <= gap < hi) for lo, hi in ((0, 50), (50, 150), (150, 400))]
            f += [float(gap is not None and gap >= 400), float(gap is None)]
            f += [float(any(s0 <= m.start and m.end <= anchor for m in ms)), float(after_cue), float(after_quote)]
            f += [float(any(q.start <= m.start < q.end for m in ms)), math.log1p(len(ms)), math.log1p(order[k])]
            f += [float(previous == k), math.log1p(spoke[k] - (q.speaker == k))]
            f += [feminine(q) * (entity.label == "PERSON"), feminine(q) * (entity.label != "PERSON")]
            titled = q.speaker is None and q.speaker_text
            f += [near_title(article.text, q.speaker_text, ms) if titled else 0.0, float(bool(entity.kb_id))]
            found.append((k, f))
        if q.speaker is None and q.speaker_text:
            found.append((WORDS, [1.0] + [0.0] * (SIZE - 1)))
        out.append((q, [(k, [*f, float(k == WORDS)]) for k, f in found]))
        previous = q.speaker
    return out


def groups(pairs: list[tuple[Article, dict]]) -> list[tuple[np.ndarray, np.ndarray, bool]]:
    """Per matched quote: candidate features, which candidates name the annotated speaker, whether the rules did."""
    out = []
    for article, gold in pairs:
        scored = ArticleScore(article, gold)
        for i, (q, found) in enumerate(candidates(article)):
            j = scored.quote_pairs.get(i)
            if j is None or not found:
                continue
            want = scored.name(gold["quotes"][j]["speaker"])
            right = [
                names_speaker([q.speaker_text] if k == WORDS else speaker_names(article, k, None), want)
                for k, _ in found
            ]
            out.append((np.array([f for _, f in found]), np.array(right), j in scored.right_speaker))
    return out


def train(data, epochs: int = 300, rate: float = 0.5, l2: float = 1e-3) -> np.ndarray:
    """Gradient descent on the log-likelihood of the right candidates (softmax per quote)."""
    usable = [(x, y) for x, y, _ in data if y.any()]
    w = np.zeros(usable[0][0].shape[1])
    for _ in range(epochs):
        grad = np.zeros_like(w)
        for x, y in usable:
            p = np.exp(x @ w - (x @ w).max())
            p /= p.sum()
            right = p * y
            grad += x.T @ p - x.T @ (right / right.sum())
        w -= rate * (grad / len(usable) + l2 * w)
    return w


def right(data, w: np.ndarray) -> int:
    return sum(int(y[int(np.argmax(x @ w))]) for x, y, _ in data)


def without_rules(data):
    return [(np.column_stack([np.zeros(len(x)), x[:, 1:]]), y, r) for x, y, r in data]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args(argv)
    articles, gold = analysed(args.cache)
    quotes = get_stage("quotes").func
    pairs = [(quotes(a) or a, g) for a, g in zip(articles, gold)]
    train_set = groups([p for p in pairs if p[1]["split"] != "train2"])
    test_set = groups([p for p in pairs if p[1]["split"] == "train2"])
    print(f"matched quotes: train {len(train_set)}, train2 {len(test_set)}")
    print(f"rules' speakers right on train2: {sum(r for _, _, r in test_set)}")
    print(f"oracle among the candidates:     {sum(int(y.any()) for _, y, _ in test_set)}")
    w = train(train_set)
    print(f"ranker with the rules' choice:   {right(test_set, w)}")
    w = train(without_rules(train_set))
    print(f"ranker without it:               {right(without_rules(test_set), w)}")


if __name__ == "__main__":
    main()
