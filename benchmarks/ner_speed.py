"""Speed and memory of the NER stage on reference-sized articles (about 550 words each).

Uses the project's own sample articles, repeated and lightly varied, or ../shared's reference
article when present. Prints articles/s, tokens/s and peak resident memory.
    python benchmarks/ner_speed.py [--articles 40] [--model-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

from khabar import Article, Pipeline
from khabar.ingest import read_path
from khabar.ner.model import load_model
from khabar.pipeline import get_stage

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_aa3050b82a50909d.txt"


def sample_texts() -> list[str]:
    if SEED.exists():
        return [SEED.read_text("utf-8")]
    return [read_path(str(p))[0].text for p in sorted((ROOT / "examples").glob("*.txt"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--model-dir", default=None, help="another model folder (e.g. an unquantised export)")
    parser.add_argument("--no-crf", action="store_true", help="the transformer alone, without the CRF mixed in")
    args = parser.parse_args()
    if args.model_dir:
        os.environ["KHABAR_NER_MODEL"] = args.model_dir
    texts = sample_texts()
    t0 = time.perf_counter()
    model = load_model()
    if args.no_crf:
        model.use_crf(0.0)
    load_s = time.perf_counter() - t0
    prepared = Pipeline(["layout", "sentences", "tokens"])
    articles = [prepared(Article(text=texts[i % len(texts)] + f"\n{i}")) for i in range(args.articles)]
    words = sum(len(a.tokens) for a in articles)
    ner = get_stage("ner").func
    ner(prepared(Article(text=texts[0])))  # warm-up: the CRF's knowledge-base gazetteer is built on first use
    t0 = time.perf_counter()
    mentions = sum(len(ner(a).mentions) for a in articles)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"model load         {load_s:.1f} s")
    print(f"articles           {len(articles)} x ~{words // len(articles)} tokens, {mentions} mentions")
    print(f"ner stage          {len(articles) / seconds:.1f} articles/s, {words / seconds:,.0f} tokens/s")
    print(f"peak RSS           {peak:,.0f} MB")


if __name__ == "__main__":
    main()
