"""`POST /api/analyze` under threads, through the full default pipeline (NER transformer included).

Each article's single-threaded answer is taken first; then THREADS threads send REQUESTS requests
(the articles in turn) and every answer is compared with its article's. Prints how many answers
failed and how many were mixed (differ from the single-threaded answer), with the layers that differ.
    python benchmarks/api_threads.py [--requests 400] [--threads 4]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fastapi.testclient import TestClient

from khabar.web import create_app

ARTICLES = [  # written for this script
    {
        "text": "قال الرئيس الروسي فلاديمير بوتين يوم الاثنين إن روسيا مستعدة للحوار مع الصين.",
        "published": "2024-03-04",
    },
    {
        "text": "القاهرة - أعلنت وزارة الخارجية المصرية أمس أن الوزير سامح شكري سيزور موسكو الأسبوع المقبل.",
        "published": "2024-05-02",
        "title": "زيارة مرتقبة",
    },
    {
        "text": "وقال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن المنظمة ستعقد اجتماعا طارئا غدا لبحث الأزمة.",
        "published": "2023-11-20",
    },
    {
        "text": "التقى الرئيس الصيني شي جين بينغ نظيره الروسي في موسكو، وأكد الجانبان أن العلاقات قوية.",
        "published": "2024-03-21",
    },
    {"text": "أكدت وزارة الخارجية السعودية أن الرياض تستضيف قمة عربية في 15 مايو 2024.", "source": "نافذة الخليج"},
    {
        "text": "نفت موسكو اليوم أنها هاجمت أي هدف مدني، بحسب ما قاله المتحدث باسم الكرملين دميتري بيسكوف.",
        "published": "2024-01-09",
    },
    {
        "text": "ذكرت وكالة رويترز أن مصر والصين وقعتا اتفاقا تجاريا جديدا مساء الأحد في بكين.",
        "published": "2022-08-14",
    },
    {
        "text": "يزور ولي العهد الأمير محمد بن سلمان القاهرة بعد غد لبحث التعاون مع الرئيس عبد الفتاح السيسي.",
        "published": "2024-02-27",
    },
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    client = TestClient(create_app(Path(tempfile.gettempdir()) / "no-store.db"), raise_server_exceptions=False)
    expected = [client.post("/api/analyze", json=a).json() for a in ARTICLES]
    jobs = [i % len(ARTICLES) for i in range(args.requests)]

    def ask(i: int):
        response = client.post("/api/analyze", json=ARTICLES[i])
        return i, response.status_code, response.json()

    start = time.perf_counter()
    with ThreadPoolExecutor(args.threads) as pool:
        answers = list(pool.map(ask, jobs))
    seconds = time.perf_counter() - start
    failed = [body for _, status, body in answers if status != 200]
    layers: Counter = Counter()
    mixed = 0
    for i, status, body in answers:
        if status == 200 and body != expected[i]:
            mixed += 1
            layers.update(k for k in body if body[k] != expected[i].get(k))
    print(
        f"{args.requests} requests, {args.threads} threads, {seconds:.1f} s ({args.requests / seconds:.1f}/s): "
        f"{len(failed)} failed, {mixed} mixed" + (f" (layers differing: {dict(layers)})" if layers else "")
    )
    for body in failed[:3]:
        print("  failed:", body)


if __name__ == "__main__":
    main()
