"""`khabar eval quotes`: score quotes and claims on a table of sentences with expected records.

Table lines: `{"category", "text", "published", "expect": {"quotes": [{"kind", "text", "speaker",
"addressee", "reported_by"}], "claims": [{"text", "source", "cue"}]}}` (tests/quotes/CONVENTIONS.md).
A quote is found when kind and span agree and its speaker is the expected one (any of the
entity's names, or the words that stood for it); a claim when span and source agree.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from khabar import evaluation
from khabar.document import Article
from khabar.errors import Errors
from khabar.evaluation import prf, refers, same
from khabar.quotes.cues import cue_table, cues
from khabar.text import normalize
from khabar.text.words import WORD, conjunctions, fold


def read_table(path: str | Path) -> list[dict]:
    return evaluation.read_table(
        path,
        Errors.E602,
        lambda case: [item["text"] for item in case["expect"]["quotes"] + case["expect"]["claims"]],
        "text",
    )


def score(cases: list[dict], pipeline=None) -> dict:
    from khabar import Pipeline

    pipeline = pipeline or Pipeline()

    def predict(case: dict):
        article = pipeline(Article(text=case["text"], published=case.get("published")))
        return [("quote", q) for q in article.quotes] + [("claim", c) for c in article.claims], article

    return evaluation.score(
        cases,
        "text",
        expected=lambda case: (
            [("quote", q) for q in case["expect"]["quotes"]] + [("claim", c) for c in case["expect"]["claims"]]
        ),
        predict=predict,
        match=lambda want, got, article: want[0] == got[0] and _matches(article, want[0], want[1], got[1]),
        show=lambda got, article: _show(article, *got),
    )


def _matches(article: Article, kind: str, want: dict, got) -> bool:
    if not same(want["text"], got.text):
        return False
    if kind == "claim":
        return refers(article, got.source, got.source_text, want.get("source"))
    if want["kind"] != got.kind:
        return False
    if not refers(article, got.speaker, got.speaker_text, want.get("speaker")):
        return False
    if want.get("addressee") and not (
        same(want["addressee"], got.addressee) or refers(article, got.addressee, None, want["addressee"])
    ):
        return False
    texts = got.reported_by_text
    return all(
        any(refers(article, r, None, name) for r in got.reported_by) or any(same(name, t) for t in texts)
        for name in want.get("reported_by") or []
    )


def _show(article: Article, kind: str, item) -> dict:
    names = {e.id: e.name_ar for e in article.entities}
    if kind == "claim":
        return {"claim": item.text, "source": names.get(item.source) or item.source_text}
    return {
        "quote": item.text,
        "kind": item.kind,
        "speaker": names.get(item.speaker) or item.speaker_text,
        "addressee": names.get(item.addressee, item.addressee),
        "reported_by": [names.get(r) for r in item.reported_by],
    }


# ---- whole annotated articles (tests/attribution/CONVENTIONS.md) --------------------------------
OVERLAP = 0.5  # a found span matches an annotated one covering at least half of their union


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return max(inter, 0) / (max(a[1], b[1]) - min(a[0], b[0]))


def _words(text: str) -> set[str]:
    """Normalised words without a leading conjunction before the article, and without the article."""
    article = cues().article
    out = set()
    for w in WORD.findall(normalize(text)):
        w = w[1:] if w[1:].startswith(article) and w[:1] in conjunctions() else w
        w = w.removeprefix(article) if len(w) > 4 and w.startswith(article) else w
        if len(w) > 1:
            out.add(w)
    return out


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    raw = cue_table()["evaluation"]
    article = cues().article
    return frozenset(w2 for w in raw["generic_words"] for w2 in (fold(w), fold(w).removeprefix(article)))


def names_speaker(found: list[str], want: str | None) -> bool:
    """Whether the words standing for a found speaker name the annotated one: by a distinctive word
    in common (a name, `عسكري` of `مصدر عسكري في حلب`); an annotation made only of generic words
    (`الوزير`, `مصادر`) by two of its words, or all when it has fewer. `المصدر` alone does not
    name `مصدر عسكري في حلب`."""
    if want is None:
        return not found
    wanted = _words(want)
    distinctive = wanted - _generic_words()
    for text in found:
        got = _words(text)
        if distinctive and got & distinctive:
            return True
        if not distinctive and len(got & wanted) >= min(2, len(wanted)):
            return True
    return False


def speaker_names(article: Article, entity_id: str | None, words: str | None) -> list[str]:
    """The texts standing for a found speaker: its entity's names and mentions, and its own words."""
    out = [words] if words else []
    entity = next((e for e in article.entities if e.id == entity_id), None)
    if entity is not None:
        out += [entity.name_ar, *entity.aliases]
        out += [m.text for m in article.mentions if m.entity == entity_id]
    return [t for t in out if t]


def score_articles(pairs: list[tuple[Article, dict]], errors: bool = False) -> dict:
    """Quote spans, quotes with their speaker, and claims with their source over analysed articles
    and their annotation (`{"quotes": [{start, end, kind, speaker: [s, e] | null, type}], "claims": …}`)."""
    counts = {k: [0, 0, 0] for k in ("quote_span", "quote_speaker", "claim_source")}  # tp, found, annotated
    by_kind: dict[str, list[int]] = {}
    shown: list[dict] = []
    for article, gold in pairs:
        scored = ArticleScore(article, gold)
        for key, values in scored.counts().items():
            counts[key] = [a + b for a, b in zip(counts[key], values)]
        for g in gold["quotes"]:
            by_kind.setdefault(g["kind"], [0, 0])[1] += 1
        for j in scored.quote_pairs.values():
            by_kind[gold["quotes"][j]["kind"]][0] += 1
        if errors:
            shown += scored.errors()
    out: dict = {k: prf(*v) for k, v in counts.items()}
    out["recall_by_kind"] = {k: round(v[0] / v[1], 4) for k, v in sorted(by_kind.items())}
    out["articles"] = len(pairs)
    if errors:
        out["errors"] = shown
    return out


class ArticleScore:
    """One analysed article against its annotation: which found quotes and claims match which annotated ones."""

    def __init__(self, article: Article, gold: dict) -> None:
        self.article, self.gold = article, gold
        self.quote_pairs = dict(_pair([(q.start, q.end) for q in article.quotes], _spans(gold["quotes"])))
        self.right_speaker = {
            j
            for i, j in self.quote_pairs.items()
            if names_speaker(
                speaker_names(article, article.quotes[i].speaker, article.quotes[i].speaker_text),
                self.name(gold["quotes"][j]["speaker"]),
            )
        }
        claim_pairs = dict(_pair([(c.start, c.end) for c in article.claims], _spans(gold["claims"])))
        self.found_claims = {
            j
            for i, j in claim_pairs.items()
            if names_speaker(
                speaker_names(article, article.claims[i].source, article.claims[i].source_text),
                self.name(gold["claims"][j]["source"]),
            )
        }
        self.claims_as_quotes = {
            j for j, g in enumerate(gold["claims"]) if j not in self.found_claims and self.reported(g)
        }

    def name(self, span: list[int] | None) -> str | None:
        return self.article.text[span[0] : span[1]] if span else None

    def reported(self, claim: dict) -> bool:
        """An annotated claim found as a quote's reporting outlet (`reported_by`)."""
        for q in self.article.quotes:
            reporters = [n for r in q.reported_by for n in speaker_names(self.article, r, None)] + q.reported_by_text
            if overlap((q.start, q.end), (claim["start"], claim["end"])) >= OVERLAP and names_speaker(
                reporters, self.name(claim["source"])
            ):
                return True
        return False

    def counts(self) -> dict[str, list[int]]:
        found, wanted = len(self.article.quotes), len(self.gold["quotes"])
        via_quotes = len(self.claims_as_quotes)
        return {
            "quote_span": [len(self.quote_pairs), found, wanted],
            "quote_speaker": [len(self.right_speaker), found, wanted],
            "claim_source": [
                len(self.found_claims) + via_quotes,
                len(self.article.claims) + via_quotes,
                len(self.gold["claims"]),
            ],
        }

    def errors(self) -> list[dict]:
        """Every miss, wrong speaker and false find, with its text (for reading, never for committing)."""
        text, gold, out = self.article.text, self.gold, []
        names = {e.id: e.name_ar for e in self.article.entities}
        matched = {j: i for i, j in self.quote_pairs.items()}
        for j, g in enumerate(gold["quotes"]):
            wanted = {"text": text[g["start"] : g["end"]], "speaker": self.name(g["speaker"]), "type": g["type"]}
            if j not in matched:
                out.append({"error": "missed quote", "kind": g["kind"], "cue": self.name(g.get("cue")), **wanted})
            elif j not in self.right_speaker:
                q = self.article.quotes[matched[j]]
                out.append({"error": "wrong speaker", **wanted, "found": names.get(q.speaker) or q.speaker_text})
        for i, q in enumerate(self.article.quotes):
            if i not in self.quote_pairs:
                found = names.get(q.speaker) or q.speaker_text
                out.append({"error": "false quote", "kind": q.kind, "text": q.text, "found": found})
        for j, g in enumerate(gold["claims"]):
            if j not in self.found_claims | self.claims_as_quotes:
                source = self.name(g["source"])
                out.append({"error": "missed claim", "text": text[g["start"] : g["end"]], "source": source})
        for c in self.article.claims:
            if not any(overlap((c.start, c.end), (g["start"], g["end"])) >= OVERLAP for g in gold["claims"]):
                out.append({"error": "false claim", "text": c.text, "found": names.get(c.source) or c.source_text})
        for e in out:
            e["article"] = gold.get("article")
        return out


def _spans(items: list[dict]) -> list[tuple[int, int]]:
    return [(g["start"], g["end"]) for g in items]


def _pair(found: list[tuple[int, int]], wanted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one matches (found index, annotated index), best overlap first."""
    scored = sorted(((overlap(f, w), i, j) for i, f in enumerate(found) for j, w in enumerate(wanted)), reverse=True)
    used_f, used_w, out = set(), set(), []
    for value, i, j in scored:
        if value < OVERLAP:
            break
        if i not in used_f and j not in used_w:
            used_f.add(i)
            used_w.add(j)
            out.append((i, j))
    return out
