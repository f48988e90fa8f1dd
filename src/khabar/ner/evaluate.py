"""`khabar eval ner`: tag the tokens of a CoNLL file with the shipped model and score the result."""

from __future__ import annotations

from pathlib import Path

from khabar.ner.conll import Sentence, read_conll, score, split_like
from khabar.ner.decode import viterbi
from khabar.ner.labels import label_config
from khabar.ner.model import NerModel, load_model

ANER_TYPES = {"PERS", "LOC", "ORG", "MISC"}


def evaluate_file(path: str | Path, model: NerModel | None = None) -> dict:
    """Entity-level scores of the model on a CoNLL file; ANERcorp-style gold gets our types mapped."""
    model = model or load_model()
    sentences = read_conll(path)
    (tagged,) = model.tag([[w for s in sentences for w in s.words]])  # running text, in windows
    return score_tags(sentences, tagged.tags)


def score_tags(sentences: list[Sentence], tags: list[str]) -> dict:
    """Score tags predicted over the sentences' running text against their gold tags."""
    gold_types = {t[2:] for s in sentences for t in s.tags if t != "O"}
    mapping = label_config()["eval_aner"] if gold_types <= ANER_TYPES else {}
    flat = [t if t == "O" else t[:2] + mapping.get(t[2:], t[2:]) for t in tags]
    result = score([s.tags for s in sentences], split_like(flat, sentences))
    result["mapped_to"] = "ANERcorp" if mapping else None
    return result


def crf_weight_curve(path: str | Path, model: NerModel, weights: list[float]) -> dict[float, dict]:
    """Scores on a CoNLL file for each CRF weight (the transformer runs once)."""
    sentences = read_conll(path)
    words = [w for s in sentences for w in s.words]
    ((log_probs, _),) = model.scores([words])
    if model.crf is None:  # the manifest names no weight yet: load the folder's CRF without mixing it in
        model.use_crf(0.0)
    crf = model.crf_scores(words)
    curve = {}
    for weight in weights:
        best = viterbi(log_probs + weight * crf, model.allowed, model.tags)
        curve[weight] = score_tags(sentences, [model.tags[k] for k in best])
    return curve
