"""`khabar eval events`: score the events stage on a table of sentences with expected events.

Table lines: `{"category", "text", "published", "expect": {"events": [{"type", "trigger", "source":
[names], "target": [names], "place", "modality"}]}}` (tests/events/CONVENTIONS.md); a name may be an
unnamed actor's words (مسلحون مجهولون), matched against its span. An event is
found when its type and modality agree, its trigger is the expected word, its sources and targets
are the expected names (either way round for symmetric types) and, when a place is expected, its
location is that place.
"""

from __future__ import annotations

from pathlib import Path

from khabar import evaluation
from khabar.document import Article
from khabar.errors import Errors
from khabar.evaluation import EDGE, refers
from khabar.events.lexicon import lexicon
from khabar.text import normalize


def read_table(path: str | Path) -> list[dict]:
    return evaluation.read_table(
        path, Errors.E603, lambda case: [e["trigger"] for e in case["expect"]["events"]], "text"
    )


def score(cases: list[dict], pipeline=None) -> dict:
    from khabar import Pipeline

    pipeline = pipeline or Pipeline()

    def predict(case: dict):
        article = pipeline(Article(text=case["text"], published=case.get("published")))
        return list(article.events), article

    return evaluation.score(
        cases, "text", expected=lambda case: case["expect"]["events"], predict=predict, match=matches, show=show
    )


def _same_people(article: Article, ids: list[str], names: list[str], unnamed: dict) -> bool:
    def names_it(i: str, name: str) -> bool:
        if i in unnamed:
            words, want = normalize(unnamed[i]["text"]), normalize(name)
            return want in words or words in want
        return refers(article, i, None, name)

    return len(ids) == len(names) and all(any(names_it(i, n) for i in ids) for n in names)


def matches(want: dict, got, article: Article) -> bool:
    if want["type"] != got.type or want.get("modality", "asserted") != got.modality:
        return False
    trigger = normalize(want["trigger"]).strip(EDGE)
    found = normalize(got.trigger.text).strip(EDGE)
    if not (trigger in found or found in trigger):
        return False
    source, target, unnamed = got.actors["source"], got.actors["target"], got.actors.get("unnamed", {})
    roles = _same_people(article, source, want["source"], unnamed) and _same_people(
        article, target, want["target"], unnamed
    )
    if not roles and lexicon().types[got.type].symmetric:
        both = source + target
        roles = _same_people(article, both, want["source"] + want["target"], unnamed)
    if not roles:
        return False
    return not want.get("place") or refers(article, got.location, None, want["place"])


def show(got, article: Article) -> dict:
    names = {e.id: e.name_ar for e in article.entities}
    names.update({i: u["text"] for i, u in got.actors.get("unnamed", {}).items()})
    return {
        "type": got.type,
        "trigger": got.trigger.text,
        "source": [names.get(x) for x in got.actors["source"]],
        "target": [names.get(x) for x in got.actors["target"]],
        "place": names.get(got.location),
        "modality": got.modality,
    }
