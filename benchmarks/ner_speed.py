"""Speed of the NER stage, the accurate and fast models side by side on the same articles.

Reference-sized articles (about 550 words each): ../shared's reference article when present, else the
project's own sample articles, repeated and lightly varied. Prints articles/s, tokens/s and peak
resident memory for each tier, the CRF's share of the time, and the speed-up of the fast tier.
    python benchmarks/ner_speed.py [--articles 40] [--threads N]
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

from khabar import Article, Pipeline
from khabar.ingest import read_path
from khabar.ner.model import TIERS, load_model
from khabar.pipeline import get_stage

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_aa3050b82a50909d.txt"


def sample_texts() -> list[str]:
    if SEED.exists():
        return [SEED.read_text("utf-8")]
    return [read_path(str(p))[0].text for p in sorted((ROOT / "examples").glob("*.txt"))]


def ner_rate(articles: list[Article], crf: bool) -> tuple[float, int]:
    """Articles/s of the NER stage (with or without the CRF mixed in), and the mentions found."""
    model = load_model()
    weight = model.crf_weight
    model.use_crf(weight if crf else 0.0)
    ner = get_stage("ner").func
    ner(articles[0])  # warm-up: the CRF's knowledge-base gazetteer is built on first use
    t0 = time.perf_counter()
    mentions = sum(len(ner(a).mentions) for a in articles)
    seconds = time.perf_counter() - t0
    model.use_crf(weight)
    return len(articles) / seconds, mentions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--threads", type=int, default=None, help="ONNX Runtime intra-op threads [its default]")
    args = parser.parse_args()
    if args.threads:
        os.environ["KHABAR_ONNX_THREADS"] = str(args.threads)
    texts = sample_texts()
    prepared = Pipeline(["layout", "sentences", "tokens"])
    articles = [prepared(Article(text=texts[i % len(texts)] + f"\n{i}")) for i in range(args.articles)]
    words = sum(len(a.tokens) for a in articles) // len(articles)
    print(f"{len(articles)} articles x ~{words} tokens, ONNX threads {args.threads or 'default'}")
    rates = {}
    for tier in sorted(TIERS):
        os.environ["KHABAR_NER"] = tier
        t0 = time.perf_counter()
        load_model()
        load_s = time.perf_counter() - t0
        rates[tier], mentions = ner_rate(articles, crf=True)
        bare, _ = ner_rate(articles, crf=False)
        print(
            f"{tier:9} load {load_s:.1f} s | {rates[tier]:5.1f} articles/s, {rates[tier] * words:6,.0f} tokens/s, "
            f"{mentions} mentions | without the CRF {bare:5.1f} articles/s (the CRF takes "
            f"{1 - rates[tier] / bare:.0%} of the time)"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"fast / accurate: {rates['fast'] / rates['accurate']:.2f}x; peak RSS {peak:,.0f} MB (both models loaded)")


if __name__ == "__main__":
    main()
