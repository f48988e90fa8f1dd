"""NER building blocks that need no model: CoNLL reading, conlleval scoring, BIO-valid decoding."""

import numpy as np
import pytest

from khabar.errors import KhabarError
from khabar.ner.conll import entity_spans, read_conll, score
from khabar.ner.decode import allowed_transitions, viterbi


def test_read_conll_tab_or_space(tmp_path):
    path = tmp_path / "gold.txt"
    path.write_text("زار\tO\nبوتين B-PERS\nموسكو\tB-LOC\n\nقال O\n", encoding="utf-8")
    sentences = read_conll(path)
    assert [s.words for s in sentences] == [["زار", "بوتين", "موسكو"], ["قال"]]
    assert sentences[0].tags == ["O", "B-PERS", "B-LOC"]


def test_read_conll_rejects_a_line_without_tag(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("زار O\nبوتين\n", encoding="utf-8")
    with pytest.raises(KhabarError) as info:
        read_conll(path)
    assert info.value.code == "E502" and ":2" in info.value.message


def test_entity_spans_follow_conlleval():
    assert entity_spans(["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC"]) == {
        (0, 2, "PER"),
        (3, 5, "LOC"),
        (5, 6, "LOC"),
    }


def test_score_micro_and_per_type():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PER", "I-PER", "O", "B-ORG"], ["B-ORG", "O"]]
    result = score(gold, pred)
    assert result["micro"] == {"p": 0.6667, "r": 0.6667, "f1": 0.6667, "support": 3}
    assert result["per_type"]["LOC"]["r"] == 0.0 and result["per_type"]["ORG"]["p"] == 0.5


def test_viterbi_never_starts_an_entity_with_i():
    tags = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
    log_probs = np.log(
        np.array(
            [
                [0.05, 0.3, 0.55, 0.05, 0.05],  # I-PER is likeliest but cannot start a sentence
                [0.1, 0.1, 0.6, 0.1, 0.1],
                [0.1, 0.1, 0.1, 0.1, 0.6],  # I-LOC cannot follow a PER tag
            ]
        )
    )
    path = [tags[i] for i in viterbi(log_probs, allowed_transitions(tags), tags)]
    assert path[:2] == ["B-PER", "I-PER"]
    assert path[2] != "I-LOC"


def test_crf_features_see_stems_kb_names_and_clusters():
    from khabar.ner.crf import features, sentence_pieces, stem

    words = "وصل وزير الخارجية إلى وموسكو وقال لوكالة تاس إن المحادثات مثمرة .".split()
    clusters = {"موسكو": ("3", "41"), "تاس": ("7", "300")}
    feats = features(words, clusters)
    assert stem("وبالمدينة") == "مدينه" and stem("وزير") == "وزير"
    moscow = feats[words.index("وموسكو")]
    assert moscow["s"] == "موسكو" and moscow["kb"] == "B-GPE" and moscow["c00"] == "3" and moscow["c10"] == "41"
    assert feats[words.index("تاس")]["kb"].endswith("-ORG") and feats[words.index("تاس")]["c10"] == "300"
    assert feats[0]["w-1"] == "<edge>" and feats[-1]["w1"] == "<edge>"
    assert sentence_pieces(["أ", "ب", ".", "ج"]) == [(0, 3), (3, 4)]
