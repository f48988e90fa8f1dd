"""A learned filter over the rules' events: keep an event an analyst would record, drop the rest.

The rules propose every event they find, with or without an actor. Each is described by the shipped
encoder's vector (multilingual-e5-small, `khabar.text.encoder`) of the words around its trigger and by what the rules
know of it (roles filled, named or unnamed actors, modality, PLOVER category, word class, place in the
article, inside a quote, casualty counts); a logistic regression trained on annotated real articles
(`benchmarks/events_learned_filter.py`) gives the chance that an analyst records it with that type, and
the events under the model's threshold are dropped (a higher one for proposals without an actor, which
the rules alone would drop). A proposal with both a source and a target is kept as the rules give it.
`KHABAR_EVENTS_FILTER` chooses: `on` (the default: the shipped model judges), `off` (the rules alone: an
event needs an actor) or `candidates` (every proposal kept: what the model is trained on).
"""

from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from importlib import resources

import numpy as np

from khabar.document import Article, Event
from khabar.errors import Errors, KhabarError
from khabar.events.lexicon import lexicon, morphology
from khabar.text.encoder import sentence_encoder
from khabar.text.words import fold, strip_conjunction

WINDOW = 60  # characters each side of the trigger, inside its sentence
MODALITIES = ("asserted", "planned", "negated", "hypothetical", "reported")


@lru_cache(maxsize=1)
def plovers() -> tuple[str, ...]:
    """The PLOVER categories of the event types, in a fixed order."""
    return tuple(sorted({t.plover for t in lexicon().types.values()}))


def feature_names() -> list[str]:
    """The names of the non-vector features, in order."""
    return [
        *("source", "target", "unnamed_source", "unnamed_target", "both", "actors"),
        *(f"modality_{m}" for m in MODALITIES),
        *("noun", "definite", "first_sentence", "position", "in_quote", "casualties", "events", "length"),
        *(f"plover_{p}" for p in plovers()),
    ]


def numeric(article: Article, event: Event, sentence_index: dict[str, int]) -> list[float]:
    """What the rules know of one event, as numbers (`feature_names`)."""
    unnamed = event.actors.get("unnamed", {})
    source, target = event.actors.get("source", []), event.actors.get("target", [])
    word = event.trigger.text.split()[0] if event.trigger else ""
    folded = fold(word)
    forms = lexicon().forms.get(folded) or lexicon().forms.get(strip_conjunction(folded)) or []
    at = event.trigger.start if event.trigger else 0
    index = sentence_index.get(event.sentence or "", 0)
    return [
        *(float(bool(source)), float(bool(target))),
        *(float(any(x in unnamed for x in source)), float(any(x in unnamed for x in target))),
        *(float(bool(source and target)), float(len(source) + len(target))),
        *(float(event.modality == m) for m in MODALITIES),
        float(any(f.kind == "noun" for f in forms) and not any(f.kind == "verb" for f in forms)),
        float(strip_conjunction(folded).startswith(morphology().article)),
        float(index == 0),
        index / max(1, len(sentence_index)),
        float(any(q.start <= at < q.end for q in article.quotes)),
        float(event.killed is not None or event.wounded is not None),
        math.log1p(len(article.events)),
        math.log1p(len(article.text)) / 10,
        *(float(event.plover == p) for p in plovers()),
    ]


def window(article: Article, event: Event, sentences: dict) -> str:
    """The words around the trigger inside its sentence (`sentences` by id)."""
    sentence = sentences.get(event.sentence)
    lo, hi = (sentence.start, sentence.end) if sentence else (0, len(article.text))
    start, end = event.trigger.start, event.trigger.end
    return " ".join(article.text[max(lo, start - WINDOW) : min(hi, end + WINDOW)].split())


def features(article: Article, events: list[Event]) -> np.ndarray:
    """One row per event: the encoder's vector of the words around its trigger, then `numeric`."""
    index = {s.id: k for k, s in enumerate(article.sentences)}
    sentences = {s.id: s for s in article.sentences}
    vectors = sentence_encoder()([window(article, e, sentences) for e in events])
    rows = np.asarray([numeric(article, e, index) for e in events], np.float32).reshape(len(events), -1)
    return np.hstack([vectors, rows])


def judged_by_model(event: Event) -> bool:
    """Whether the filter judges a proposal: not a statement, and not both its roles filled."""
    both = bool(event.actors.get("source")) and bool(event.actors.get("target"))
    return event.trigger is not None and event.type != "make_statement" and not both


class EventFilter:
    """The trained weights (`model/filter.json`): standardisation, coefficients, bias, and the thresholds for
    proposals with an actor and without one."""

    def __init__(self, spec: dict) -> None:
        self.mean = np.asarray(spec["mean"], np.float32)
        self.scale = np.asarray(spec["scale"], np.float32)
        self.weights = np.asarray(spec["weights"], np.float32)
        self.bias = float(spec["bias"])
        self.threshold = float(spec["threshold"])
        self.threshold_actorless = float(spec.get("threshold_actorless", spec["threshold"]))

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = ((x - self.mean) / self.scale) @ self.weights + self.bias
        return 1 / (1 + np.exp(-z))

    def __call__(self, article: Article, events: list[Event], has_actor) -> list[Event]:
        """The events the model gives at least their threshold (`has_actor(event)` picks which); statements and
        events with both a source and a target are left to the rules."""
        judged = [e for e in events if judged_by_model(e)]
        if not judged:
            return events
        chances = self.probabilities(features(article, judged))
        dropped = {
            id(e) for e, p in zip(judged, chances) if p < (self.threshold if has_actor(e) else self.threshold_actorless)
        }
        return [e for e in events if id(e) not in dropped]


CANDIDATES = object()  # `chosen_filter` for every proposal kept, judged by no one


def chosen_filter():
    """The shipped filter (`KHABAR_EVENTS_FILTER=on`, the default), None for the rules alone (`off`, or no
    model in the package), or `CANDIDATES` (`candidates`). Read at every article, so a test or a caller
    may switch it; the model is loaded once."""
    choice = os.environ.get("KHABAR_EVENTS_FILTER", "on")
    if choice not in ("on", "off", "candidates"):
        raise KhabarError(Errors.E605, what="KHABAR_EVENTS_FILTER", detail=repr(choice))
    if choice == "candidates":
        return CANDIDATES
    return shipped_filter() if choice == "on" else None


@lru_cache(maxsize=1)
def shipped_filter() -> EventFilter | None:
    """The model in the package, None when there is none."""
    path = resources.files("khabar.events") / "model" / "filter.json"
    if not path.is_file():
        return None
    try:
        spec = json.loads(path.read_text("utf-8"))
        names = spec["features"][-len(feature_names()) :]
        if names != feature_names() or len(spec["weights"]) != len(spec["features"]):
            raise ValueError("its features are not the ones khabar computes; retrain it (--fit)")
        return EventFilter(spec)
    except (ValueError, KeyError) as exc:
        raise KhabarError(Errors.E606, what=str(path), detail=str(exc)) from exc
