"""A learned quote tagger against the rules, on held-out splits of the attribution set.

A CRF (CRFsuite, as the NER's feature CRF) tags each sentence's tokens CUE / B-Q / I-Q / O (the reporting
word; the content of a direct or indirect quote). Its features: the word and its stem without proclitics,
affixes, the NER's word clusters (words it never saw share a cluster with cue verbs it saw), two words
either side, quotation-mark depth, a colon or أن/إن after a cue earlier in the sentence, cue-table
membership, the NER's labels, and the rules' own output (inside a rule quote, its first word, its cue,
inside a rule claim): rules as features.

Trained on every open and training split but one (never a blind one) and scored on that one with
`score_articles` (the scorer of `realnews.py score`), rotating over the held-out splits. Variants:
  rules        the quotes stage alone;
  tagger       the tagger's spans alone; a span matching a rule quote takes its speaker, any other the
               mention right after its cue, else the last quote's speaker, else the nearest name before;
  +add@c       rules' quotes plus the tagger's spans that overlap none of them, with a mean quote
               probability of at least c (none: any), speakers as above;
  re-end       rules' quotes (not direct ones) ending where the tagger's span from the same word ends;
  veto@t       rules' quotes minus those whose words the tagger gives a mean quote probability below t;
  (no rules)   the same with a tagger trained without the rules' output among its features.
    python benchmarks/attribution_tagger.py [--held-out blind5 blind6 train1] [--cache FILE]
With --cache FILE the analysed articles (pipeline up to the quotes stage) are kept between runs:
delete it after changing the pipeline or the attribution set. "articles/s" is the tagger's own cost
(features and tagging, one core).
"""

from __future__ import annotations

import argparse
import copy
import pickle
import sys
import tempfile
import time
from bisect import bisect_left
from pathlib import Path

from khabar.document import Article, Quote
from khabar.ner.clusters import read_clusters
from khabar.ner.crf import stem
from khabar.quotes.cues import cues, reporting
from khabar.quotes.evaluate import overlap, score_articles
from khabar.text.words import strip_conjunction

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "attribution"))
from realnews import OPEN_SPLITS, TRAIN_SPLITS, articles_of, read_gold  # noqa: E402

CLUSTERS = ROOT / "src" / "khabar" / "ner" / "model" / "clusters.tsv"
STAGES = ("layout", "sentences", "tokens", "ner", "timex", "entities", "quotes")
QUOTE_TAGS = ("B-Q", "I-Q")
SUBJECT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
SUBJECT_WINDOW = 4  # words after a cue where its subject may start
VETO = (0.05, 0.2)
CONFIDENT = (0.8, 0.95)


class Features:
    """The tagger's features for one analysed article, sentence by sentence (read-only tables)."""

    def __init__(self, rules: bool = True) -> None:
        self.rules = rules  # the rules' output as features
        self.clusters = read_clusters(CLUSTERS)
        self.cue_words = cues().verbs | reporting().verbs
        self.marks = cues().marks
        pronouns = ("", *reporting().attached_pronouns)  # أن، أنه، بأنها …
        self.complementisers = frozenset(c + p for c in cues().plain_complementisers for p in pronouns)

    def is_cue(self, word: str) -> bool:
        return strip_conjunction(word, self.cue_words) in self.cue_words

    def article(self, article: Article) -> list[tuple[list, list[dict]]]:
        """(tokens, feature dicts) per sentence."""
        by_sentence: dict[str, list] = {}
        for t in article.tokens:
            by_sentence.setdefault(t.sentence, []).append(t)
        starts = [t.start for t in article.tokens]
        marks: dict[int, dict[str, str | float]] = {}  # token start -> the NER's and the rules' labels
        layers = [("ner", [(m.start, m.end, m.label) for m in article.mentions])]
        if self.rules:
            layers += [
                ("rule", [(q.start, q.end, q.kind) for q in article.quotes]),
                ("rule_cue", [(q.cue.start, q.cue.end, "") for q in article.quotes if q.cue]),
                ("rule_claim", [(c.start, c.end, "") for c in article.claims]),
            ]
        for name, spans in layers:
            for start, end, label in spans:
                first = bisect_left(starts, start)
                for k in range(first, bisect_left(starts, end)):
                    if article.tokens[k].end <= end:
                        marks.setdefault(starts[k], {})[name] = ("B-" if k == first else "I-") + label
        out, depth, last_end = [], 0, 0
        for sentence in article.sentences:
            tokens = by_sentence.get(sentence.id, [])
            if not tokens:
                continue
            if "\n" in article.text[last_end : tokens[0].start]:
                depth = 0
            depths = []
            for t in tokens:
                depths.append(depth)
                if t.text in self.marks and (depth == 0 or t.text not in self.marks.values()):
                    depth = 1
                elif t.text in self.marks.values() and depth:
                    depth = 0
            last_end = tokens[-1].end
            out.append((tokens, self.sentence(tokens, depths, marks)))
        return out

    def sentence(self, tokens, depths, marks) -> list[dict]:
        norms = [t.norm or t.text for t in tokens]
        stems = [stem(t.text) for t in tokens]
        n = len(tokens)
        seen_cue = seen_colon = seen_comp = False
        out = []
        for i, t in enumerate(tokens):
            w, s = norms[i], stems[i]
            f: dict[str, str | float] = {
                "bias": 1.0,
                "w": w,
                "s": s,
                "p2": s[:2],
                "x2": s[-2:],
                "x3": s[-3:],
                "kind": t.kind,
                "depth": str(depths[i]),
                "cue": str(self.is_cue(w) or self.is_cue(s)),
                "seen": f"{seen_cue}|{seen_colon}|{seen_comp}",
                "first": str(i == 0),
                "last": str(i >= n - 2),
            }
            for level, cluster in enumerate(self.clusters.get(s, ())):
                f[f"c{level}"] = cluster
            for d in (-2, -1, 1, 2):
                j = i + d
                f[f"w{d}"] = norms[j] if 0 <= j < n else "<edge>"
                if 0 <= j < n and abs(d) == 1:
                    f[f"cue{d}"] = str(self.is_cue(norms[j]) or self.is_cue(stems[j]))
                    f[f"d{d}"] = str(depths[j])
                    if stems[j] in self.clusters:
                        f[f"c0{d}"] = self.clusters[stems[j]][0]
            f["w-1|w"] = f"{f['w-1']}|{w}"
            f.update(marks.get(t.start, {}))
            out.append(f)
            seen_cue = seen_cue or f["cue"] == "True"
            seen_colon = seen_colon or (seen_cue and t.text == ":")
            seen_comp = seen_comp or (seen_cue and w in self.complementisers)
        return out


def gold_tags(tokens, gold: dict) -> list[str]:
    """CUE / B-Q / I-Q / O for a sentence's tokens (direct and indirect quotes; partial ones lie inside)."""
    spans = [(q["start"], q["end"]) for q in gold["quotes"] if q["kind"] != "partial"]
    cue_spans = [tuple(q["cue"]) for q in gold["quotes"] if q.get("cue")]
    tags = []
    for k, t in enumerate(tokens):
        inside = next((s for s in spans if s[0] <= t.start and t.end <= s[1]), None)
        if inside is not None:
            first = inside[0] > tokens[k - 1].start if k else inside[0] >= t.start - 2
            tags.append("B-Q" if first else "I-Q")
        elif any(s <= t.start and t.end <= e for s, e in cue_spans):
            tags.append("CUE")
        else:
            tags.append("O")
    return tags


def train(items, out: Path) -> Path:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, tags in items:
        trainer.append(feats, tags)
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True})
    trainer.train(str(out))
    return out


class Tagged:
    """One article's tagger output: per sentence, tokens, tags and the probability of being quoted."""

    def __init__(self, tagger, sentences) -> None:
        self.sentences = []
        for tokens, feats in sentences:
            tags = tagger.tag(feats)
            quoted = [sum(tagger.marginal(q, i) for q in QUOTE_TAGS) for i in range(len(tokens))]
            self.sentences.append((tokens, tags, quoted))

    def spans(self) -> list[tuple[int, int, int | None]]:
        """(start, end, cue token index in the flat token list) of each tagged quote; a run that reaches
        a sentence's end and goes on with I-Q in the next one is one span."""
        flat = [(t, tag) for tokens, tags, _ in self.sentences for t, tag in zip(tokens, tags)]
        out, i = [], 0
        while i < len(flat):
            if flat[i][1] in QUOTE_TAGS:
                j = i
                while j + 1 < len(flat) and flat[j + 1][1] == "I-Q":
                    j += 1
                cue = next((k for k in range(i - 1, max(i - 12, -1), -1) if flat[k][1] == "CUE"), None)
                if cue is None:
                    cue = next((k for k in range(j + 1, min(j + 6, len(flat))) if flat[k][1] == "CUE"), None)
                out.append((flat[i][0].start, flat[j][0].end, cue))
                i = j + 1
            else:
                i += 1
        self.flat = flat
        return out

    def quoted(self, start: int, end: int) -> float:
        """Mean quote probability of the words inside [start, end)."""
        values = [
            p for tokens, _, probs in self.sentences for t, p in zip(tokens, probs) if start <= t.start and t.end <= end
        ]
        return sum(values) / len(values) if values else 0.0


def speaker_for(article: Article, tagged: Tagged, start: int, cue: int | None, before: list[Quote]):
    """The mention right after the cue, else the last quote's speaker before the span, else the nearest
    subject-like mention before it."""
    if cue is not None:
        cue_token = tagged.flat[cue][0]
        after = [
            m
            for m in article.mentions
            if m.label in SUBJECT_LABELS and 0 <= m.start - cue_token.end <= 2 + 8 * SUBJECT_WINDOW and m.start < start
        ]
        if after:
            m = min(after, key=lambda m: m.start)
            return m.entity, m.text
    earlier = [q for q in before if q.end <= start and (q.speaker or q.speaker_text)]
    if earlier:
        q = max(earlier, key=lambda q: q.end)
        return q.speaker, q.speaker_text
    near = [m for m in article.mentions if m.label in SUBJECT_LABELS and m.end <= start]
    if near:
        m = max(near, key=lambda m: m.end)
        return m.entity, m.text
    return None, None


def with_quotes(article: Article, quotes: list[Quote]) -> Article:
    out = copy.copy(article)
    out.quotes = sorted(quotes, key=lambda q: q.start)
    return out


def tagger_quotes(
    article: Article, tagged: Tagged, rules: list[Quote], only_new: bool = False, confident: float = 0.0
) -> list[Quote]:
    """Quotes of the tagger's spans; a span matching a rule quote takes its speaker (`only_new`: spans that
    overlap no rule quote, with a mean quote probability of at least `confident`)."""
    out: list[Quote] = []
    for start, end, cue in tagged.spans():
        if only_new and (
            any(overlap((start, end), (q.start, q.end)) > 0 for q in rules) or tagged.quoted(start, end) < confident
        ):
            continue
        same = [q for q in rules if overlap((start, end), (q.start, q.end)) >= 0.5]
        if same:
            speaker, words = same[0].speaker, same[0].speaker_text
        else:
            speaker, words = speaker_for(article, tagged, start, cue, rules + out)
        out.append(
            Quote(
                start=start, end=end, kind="indirect", text=article.text[start:end], speaker=speaker, speaker_text=words
            )
        )
    return out


def re_ended(article: Article, tagged: Tagged, rules: list[Quote]) -> list[Quote]:
    """Rules' quotes ending where the tagger's span starting at the same word ends."""
    ends = {start: end for start, end, _ in tagged.spans()}
    out = []
    for q in rules:
        end = next((ends[s] for s in range(q.start - 1, q.start + 2) if s in ends), q.end)
        if end != q.end and q.kind != "direct":
            q = copy.copy(q)
            q.end, q.text = end, article.text[q.start : end]
        out.append(q)
    return out


def variants(article: Article, tagged: Tagged, suffix: str = "") -> dict[str, Article]:
    rules = list(article.quotes)
    out = {
        "tagger": with_quotes(article, tagger_quotes(article, tagged, rules)),
        "+add": with_quotes(article, rules + tagger_quotes(article, tagged, rules, only_new=True)),
    }
    for t in CONFIDENT:
        out[f"+add@{t}"] = with_quotes(article, rules + tagger_quotes(article, tagged, rules, True, t))
    out["re-end"] = with_quotes(article, re_ended(article, tagged, rules))
    for t in VETO:
        out[f"veto@{t}"] = with_quotes(article, [q for q in rules if tagged.quoted(q.start, q.end) >= t])
    return {name + suffix: a for name, a in out.items()}


def analysed(cache: Path | None) -> tuple[list[Article], list[dict]]:
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    from khabar import Pipeline

    gold = [line for line in read_gold() if line["split"] in OPEN_SPLITS + TRAIN_SPLITS]
    pipeline = Pipeline(STAGES)
    articles = [pipeline(a) for a in articles_of(gold)]
    if cache is not None:
        cache.write_bytes(pickle.dumps((articles, gold)))
    return articles, gold


def fmt(result: dict, key: str) -> str:
    r = result[key]
    return f"{r['p']:.3f}/{r['r']:.3f} F{r['f1']:.3f}"


def main(argv=None) -> None:
    import pycrfsuite

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--held-out", nargs="+", default=["blind5", "blind6", "train1"], choices=OPEN_SPLITS + TRAIN_SPLITS
    )
    parser.add_argument("--cache", type=Path, help="keep the analysed articles here between runs")
    args = parser.parse_args(argv)
    articles, gold = analysed(args.cache)
    models = {"": Features(rules=True), " (no rules)": Features(rules=False)}
    sentences, examples, feature_time = {}, {}, {}
    for suffix, features in models.items():
        started = time.perf_counter()
        sentences[suffix] = [features.article(a) for a in articles]
        feature_time[suffix] = (time.perf_counter() - started) / len(articles)
        examples[suffix] = [[(f, gold_tags(tokens, g)) for tokens, f in s] for s, g in zip(sentences[suffix], gold)]
    totals: dict[str, list] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for split in args.held_out:
            test = [i for i, g in enumerate(gold) if g["split"] == split]
            by_variant: dict[str, list] = {"rules": [(articles[i], gold[i]) for i in test]}
            speed = []
            for suffix in models:
                training = [e for ex, g in zip(examples[suffix], gold) if g["split"] != split for e in ex]
                tagger = pycrfsuite.Tagger()
                tagger.open(str(train(training, Path(tmp) / f"{split}{len(suffix)}.crf")))
                started = time.perf_counter()
                tagged = {i: Tagged(tagger, sentences[suffix][i]) for i in test}
                speed.append(1 / ((time.perf_counter() - started) / len(test) + feature_time[suffix]))
                for i in test:
                    for name, art in variants(articles[i], tagged[i], suffix).items():
                        by_variant.setdefault(name, []).append((art, gold[i]))
            print(f"\n== held out: {split} ({len(test)} articles; features and tagging: {speed[0]:.0f} articles/s)")
            print(f"{'variant':22} {'span P/R':22} {'speaker P/R':22} claims")
            for name, pairs in by_variant.items():
                result = score_articles(pairs)
                totals.setdefault(name, []).extend(pairs)
                print(
                    f"{name:22} {fmt(result, 'quote_span'):22} {fmt(result, 'quote_speaker'):22} "
                    f"{fmt(result, 'claim_source')}"
                )
    print(f"\n== all held-out splits together ({', '.join(args.held_out)})")
    for name, pairs in totals.items():
        result = score_articles(pairs)
        print(f"{name:22} {fmt(result, 'quote_span'):22} {fmt(result, 'quote_speaker'):22}")


if __name__ == "__main__":
    main()
