"""Time and memory of the timex, ner and entities stages on long single-line articles (no line breaks).

Each article repeats a handful of our own Arabic sentences (dates, times, durations, people, places)
up to the size asked, on one line, so that the whole story is one block. The cheap stages (layout,
sentences, tokens) run first; then, for each stage measured, its own time and its peak resident
memory above what the process held when the stage started (sampled every few milliseconds).
Every size and stage runs in a fresh process, so one measurement never inherits another's heap.

    .venv/bin/python benchmarks/long_article.py                      # 100, 400, 800 KB; timex, entities
    .venv/bin/python benchmarks/long_article.py --sizes 100 --stages ner timex entities
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Self

SENTENCES = [
    "أعلنت وزارة الإسكان يوم الثلاثاء 5 مارس 2024 أن المرحلة الأولى من المشروع ستنتهي قبل صيف العام المقبل.",
    "وقال الوزير خالد العتيبي للصحفيين في الرياض إن العمل سيستمر ثلاث سنوات على الأقل.",
    "وكانت الشركة قد وقعت العقد في 12 يناير الماضي بعد مفاوضات استمرت نحو ستة أشهر.",
    "ومن المقرر أن يزور وفد من البنك الدولي مدينة جدة الأسبوع المقبل عند الساعة العاشرة صباحا.",
    "وأشار التقرير الصادر في 1445/09/20 هـ إلى أن الأسعار ارتفعت خلال الربع الثالث من عام 2023.",
    "وتعقد اللجنة اجتماعها كل يوم أحد منذ مطلع التسعينيات، بحسب ما ذكرت وكالة الأنباء السعودية.",
]
STAGES = ("timex", "entities", "ner")
BEFORE = {
    "timex": ["layout", "sentences", "tokens"],
    "ner": ["layout", "sentences", "tokens"],
    "entities": ["layout", "sentences", "tokens", "ner", "timex"],
}


def long_text(kilobytes: int) -> str:
    """Our sentences, repeated on one line until the UTF-8 text reaches `kilobytes` KB."""
    unit = " ".join(SENTENCES)
    per_unit = len(unit.encode("utf-8")) + 1
    return " ".join([unit] * max(1, kilobytes * 1000 // per_unit))


def rss() -> int:
    """Resident memory of this process in bytes."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096


class PeakSampler:
    """The highest resident memory seen while the block runs, sampled every 2 ms."""

    def __enter__(self) -> Self:
        self.start = self.peak = rss()
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self) -> None:
        while self.running:
            self.peak = max(self.peak, rss())
            time.sleep(0.002)

    def __exit__(self, *exc) -> None:
        self.running = False
        self.thread.join()
        self.peak = max(self.peak, rss())


def measure(kilobytes: int, stage: str) -> str:
    """Run the stages before `stage`, then `stage` alone; one line of figures."""
    from khabar import Article, Pipeline
    from khabar.pipeline import REGISTRY, load_builtin_stages

    load_builtin_stages()
    article = Pipeline(BEFORE[stage])(Article(text=long_text(kilobytes)))
    info = REGISTRY[stage]
    if info.setup:
        info.setup()
    with PeakSampler() as memory:
        started = time.perf_counter()
        info.func(article)
        seconds = time.perf_counter() - started
    found = {"timex": "timexes", "ner": "mentions", "entities": "entities"}[stage]
    return (
        f"{kilobytes:>5} KB  {stage:<9} {seconds:8.2f} s  peak +{(memory.peak - memory.start) / 2**20:8.1f} MB"
        f"  ({len(getattr(article, found))} {found}, {len(article.sentences)} sentences)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 800], help="article sizes in KB")
    parser.add_argument("--stages", nargs="+", choices=STAGES, default=["timex", "entities"])
    parser.add_argument("--worker", nargs=2, metavar=("KB", "STAGE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(measure(int(args.worker[0]), args.worker[1]), flush=True)
        return
    for kilobytes in args.sizes:
        for stage in args.stages:
            subprocess.run([sys.executable, str(Path(__file__)), "--worker", str(kilobytes), stage], check=True)


if __name__ == "__main__":
    main()
