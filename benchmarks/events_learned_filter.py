"""A learned filter over the rules' events (khabar.events.filter) against the rules alone, on real articles.

Every event the rules propose in the event set's articles (tests/events/realnews, CONVENTIONS.md), with or
without an actor (KHABAR_EVENTS_FILTER=candidates), is an example: 1 when it pairs with an annotated event
of its type, 0 when it pairs with none or has another type (one paired with an annotated repeat is left
out, as the scorer leaves it out). A logistic regression (numpy, L2) over the encoder's vector and the
rules' facts (khabar.events.filter.features) learns which to keep. Reported: type P/R and type + source +
target P/R of the rules alone (an event needs an actor) and of the filter at several pairs of thresholds
(for proposals with an actor, and without one; one with both roles is kept), trained on one group of splits
and scored on another:

    python benchmarks/events_learned_filter.py [--cache FILE]          # train → open splits, open → train
    python benchmarks/events_learned_filter.py --fit [--threshold T] [--threshold-actorless T]  # all: the model
    KHABAR_SCORE_BLIND=1 python benchmarks/events_learned_filter.py --blind   # the shipped model on blind3
(--cache keeps the analysed articles, every proposal kept, between runs: never commit it.)
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import pickle
import sys
from pathlib import Path

import numpy as np

os.environ["KHABAR_EVENTS_FILTER"] = "candidates"  # before any events stage is built: every proposal kept
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "events" / "realnews"))
import event_set  # noqa: E402

from khabar.events.filter import EventFilter, feature_names, features, judged_by_model  # noqa: E402
from khabar.events.stage import EventFinder  # noqa: E402

OPEN = ("dev", "dev2", "blind", "blind2")
TRAIN = ("train",)
MODEL = ROOT / "src" / "khabar" / "events" / "model" / "filter.json"
THRESHOLDS = ((0.2, 0.2), (0.2, 0.5), (0.25, 0.25), (0.25, 0.5), (0.3, 0.3), (0.3, 0.5), (0.4, 0.6))


def analysed(splits: tuple[str, ...], cache: Path | None) -> list[tuple[dict, object]]:
    """The splits' gold lines with their articles analysed by the rules (no filter)."""
    if cache is not None and cache.exists():
        done = pickle.loads(cache.read_bytes())
    else:
        done = {}
    wanted = [line for line in event_set.read_gold() if line["split"] in splits]
    missing = [line for line in wanted if line["n"] not in done]
    if missing:
        from khabar import Pipeline

        pipeline = Pipeline(("layout", "sentences", "tokens", "ner", "timex", "entities", "quotes", "events"))
        for line, article in zip(missing, event_set.articles_of(missing)):
            done[line["n"]] = pipeline(article)
        if cache is not None:
            cache.write_bytes(pickle.dumps(done))
    return [(line, done[line["n"]]) for line in wanted]


def labelled(pairs) -> tuple[list, np.ndarray, np.ndarray]:
    """(article index, event) of every judged event, its features, and its label (-1: left out)."""
    keys, rows, labels = [], [], []
    for k, (line, article) in enumerate(pairs):
        judged = [e for e in article.events if e.trigger is not None and e.type != "make_statement"]
        if not judged:
            continue
        sentence_of = {s.id: (s.start, s.end) for s in article.sentences}
        x = features(article, judged)
        for e, row in zip(judged, x):
            span = sentence_of.get(e.sentence, (0, 0))
            match = [
                g
                for g in line["events"]
                if event_set.overlaps((e.trigger.start, e.trigger.end), g["trigger"])
                or (event_set.same_type(e, g) and event_set.overlaps(span, g["trigger"]))
            ]
            right = any(event_set.same_type(e, g) and not g["repeat"] for g in match)
            label = 1 if right else (-1 if any(g["repeat"] for g in match) else 0)
            keys.append((k, e))
            rows.append(row)
            labels.append(label)
    return keys, np.asarray(rows, np.float32), np.asarray(labels)


def fit(x: np.ndarray, y: np.ndarray, strength: float = 1.0, steps: int = 3000) -> dict:
    """Standardised L2 logistic regression by gradient descent: mean, scale, weights, bias."""
    mean, scale = x.mean(0), x.std(0) + 1e-6
    z = (x - mean) / scale
    w, b, n = np.zeros(z.shape[1]), 0.0, len(y)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        w -= 0.1 * (z.T @ (p - y) / n + strength * w / n)
        b -= 0.1 * float((p - y).mean())
    return {"mean": mean.tolist(), "scale": scale.tolist(), "weights": w.tolist(), "bias": b}


def scored(pairs, dropped: set[int]) -> dict:
    """The event-set scores of the articles with the `dropped` events (by id) taken out."""
    totals = dict.fromkeys(event_set.COUNTS, 0)
    for line, article in pairs:
        view = copy.copy(article)
        view.events = [e for e in article.events if id(e) not in dropped]
        s = event_set.score_article(view, line)
        for k in totals:
            totals[k] += s[k]
    return event_set.summary(totals, len(pairs))


def row(name: str, s: dict) -> str:
    t, f = s["type"], s["type_source_target"]
    f1 = 2 * t["p"] * t["r"] / (t["p"] + t["r"]) if t["p"] + t["r"] else 0
    return f"{name:<24} type {t['p']:.3f} / {t['r']:.3f} (F1 {f1:.3f})   full {f['p']:.3f} / {f['r']:.3f}"


def rules_alone(pairs) -> set[int]:
    """The proposals the rules drop by themselves: those without an actor where the type needs one."""
    finder = EventFinder.shared()
    return {id(e) for _, a in pairs for e in a.events if not finder.has_actor(e)}


def judged(keys, chances, with_actor: float, actorless: float) -> set[int]:
    """The proposals a filter with these thresholds drops."""
    finder = EventFinder.shared()
    return {
        id(e)
        for (_, e), p in zip(keys, chances)
        if judged_by_model(e) and p < (with_actor if finder.has_actor(e) else actorless)
    }


def compare(train_pairs, test_pairs, strength: float) -> None:
    _, x, y = labelled(train_pairs)
    keys, tx, _ = labelled(test_pairs)
    use = y >= 0
    model = EventFilter({**fit(x[use], y[use].astype(float), strength), "threshold": 0.5})
    p = model.probabilities(tx)
    print(row("rules", scored(test_pairs, rules_alone(test_pairs))))
    for with_actor, actorless in THRESHOLDS:
        print(row(f"filter @{with_actor}/{actorless}", scored(test_pairs, judged(keys, p, with_actor, actorless))))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--strength", type=float, default=200.0, help="L2 strength (on standardised features)")
    parser.add_argument("--fit", action="store_true", help="train on train + open splits, write the model")
    parser.add_argument("--threshold", type=float, default=0.25, help="for proposals with an actor")
    parser.add_argument("--threshold-actorless", type=float, default=0.5, help="for proposals without one")
    parser.add_argument("--blind", action="store_true", help="score the shipped model on blind3 (once)")
    args = parser.parse_args(argv)
    if args.blind:
        if os.environ.get("KHABAR_SCORE_BLIND") != "1":
            raise SystemExit("blind3 is scored once, when the work is done: set KHABAR_SCORE_BLIND=1")
        spec = json.loads(MODEL.read_text("utf-8"))
        pairs = analysed(("blind3",), None)
        keys, x, _ = labelled(pairs)
        model = EventFilter(spec)
        p = model.probabilities(x)
        print(row("rules", scored(pairs, rules_alone(pairs))))
        dropped = judged(keys, p, model.threshold, model.threshold_actorless)
        print(row(f"filter @{model.threshold}/{model.threshold_actorless}", scored(pairs, dropped)))
        return
    pairs = analysed(OPEN + TRAIN, args.cache)
    open_pairs = [(line, a) for line, a in pairs if line["split"] in OPEN]
    train_pairs = [(line, a) for line, a in pairs if line["split"] in TRAIN]
    if args.fit:
        _, x, y = labelled(pairs)
        use = y >= 0
        spec = fit(x[use], y[use].astype(float), args.strength)
        spec.update(
            threshold=args.threshold,
            threshold_actorless=args.threshold_actorless,
            features=["window vector"] * (x.shape[1] - len(feature_names())) + feature_names(),
            trained_on={"splits": list(OPEN + TRAIN), "examples": int(use.sum()), "kept": int(y[use].sum())},
            strength=args.strength,
            version="filter-1",
        )
        MODEL.parent.mkdir(exist_ok=True)
        MODEL.write_text(json.dumps(spec), "utf-8")
        print(f"{MODEL}: {int(use.sum())} examples, thresholds {args.threshold} / {args.threshold_actorless}")
        return
    print("trained on train, scored on the open splits:")
    compare(train_pairs, open_pairs, args.strength)
    print("trained on the open splits, scored on train:")
    compare(open_pairs, train_pairs, args.strength)


if __name__ == "__main__":
    main()
