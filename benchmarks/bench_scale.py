"""The two ingest engines side by side on a synthetic corpus made from the real ANT articles.

    python benchmarks/bench_scale.py [--articles N] [--workers W] [--shard N] [--partition-mb MB] [--keep DIR]

Writes N articles (default 1,000,000) as gzipped JSON-lines shards of ``--shard`` articles
(Common Crawl style: many files), each a real ANT article varied so that no two texts are the
same (paragraphs rotated, a dateline, a numbered closing sentence, words swapped between
articles). Then ingests the corpus into a fresh SQLite archive twice, with the process-pool
engine and with the dask engine on a LocalCluster of the same number of worker processes, and
prints time, articles/s, the dask engine's overhead, peak RSS per worker, and a projection of
the worker-hours a 100 M-article year needs from the measured cost per article.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import tempfile
import time
from pathlib import Path

from common import ant_rows

from marsad.archive import Archive
from marsad.scale import ingest_dask

YEAR = 100_000_000
CITIES = ["بغداد", "القاهرة", "الكويت", "عمان", "بيروت", "الرياض", "الدوحة", "تونس", "الرباط"]


def corpus(folder: Path, articles: int, shard: int) -> list[Path]:
    """``articles`` varied ANT articles in shards of ``shard`` (streamed, never all in memory)."""
    base = [r for r in ant_rows() if r.get("text") and r.get("title")]
    rng = random.Random(20180201)
    paths: list[Path] = []
    for first in range(0, articles, shard):
        path = folder / f"news-{first // shard:05d}.jsonl.gz"
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            for i in range(first, min(first + shard, articles)):
                fh.write(json.dumps(_vary(base, i, rng), ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def _vary(base: list[dict[str, object]], i: int, rng: random.Random) -> dict[str, object]:
    row = dict(base[i % len(base)])
    paragraphs = [p for p in str(row["text"]).split("\n") if p.strip()]
    turn = (i // len(base)) % max(1, len(paragraphs))
    paragraphs = paragraphs[turn:] + paragraphs[:turn]
    other = str(base[rng.randrange(len(base))]["text"]).split()
    words = paragraphs[0].split()
    if other and words:
        words[rng.randrange(len(words))] = other[rng.randrange(len(other))]
    paragraphs[0] = f"{CITIES[i % len(CITIES)]} - " + " ".join(words)
    paragraphs.append(f"وهذا هو التقرير رقم {i} في السلسلة.")
    row["text"] = "\n".join(paragraphs)
    row["title"] = f"{row['title']} ({i // len(base) + 1})" if i >= len(base) else row["title"]
    return row


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--shard", type=int, default=2_000)
    parser.add_argument("--partition-mb", type=float, default=1.0)
    parser.add_argument("--keep", type=Path, help="Build the corpus here and keep it.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        began = time.monotonic()
        shards = corpus(folder, args.articles, args.shard)
        size = sum(p.stat().st_size for p in shards) / 2**20
        print(f"corpus: {args.articles:,} articles in {len(shards)} shards, {size:.0f} MB gzipped,"
              f" written in {time.monotonic() - began:.0f} s")  # fmt: skip
        pool = _pool(shards, Path(tmp) / "pool.db", args.workers)
        dask = _dask(shards, Path(tmp) / "dask.db", args.workers, args.partition_mb)
    _compare(args.articles, args.workers, pool, dask)


def _pool(shards: list[Path], db: Path, workers: int) -> float:
    began = time.monotonic()
    with Archive(db) as archive:
        report = archive.ingest(shards, workers=workers, stories=False)
    seconds = time.monotonic() - began
    print(f"process pool: {report.summary()}")
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  peak RSS: largest pool worker {rss:.0f} MB, writer (this process) "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")  # fmt: skip
    return seconds


def _dask(shards: list[Path], db: Path, workers: int, partition_mb: float) -> float:
    began = time.monotonic()
    report = ingest_dask(db, shards, workers=workers, partition_bytes=int(partition_mb * 2**20))
    seconds = time.monotonic() - began
    print(f"dask LocalCluster: {report.summary()}")
    for worker, rss in sorted(report.worker_rss.items()):
        print(f"  peak RSS of worker {worker}: {rss / 2**20:.0f} MB")
    return seconds


def _compare(articles: int, workers: int, pool: float, dask: float) -> None:
    print(f"\n| engine | {articles:,} articles, {workers} workers | articles/s |")
    print("|---|---|---|")
    print(f"| process pool | {pool:.1f} s | {articles / pool:.1f} |")
    print(f"| dask LocalCluster | {dask:.1f} s | {articles / dask:.1f} |")
    print(f"dask engine overhead: {100 * (dask - pool) / pool:+.1f} % (target < 15 %)")
    per_article = dask * workers / articles
    hours = YEAR * per_article / 3600
    print(f"measured cost: {1000 * per_article:.1f} ms of one worker per article (dask, all in);"
          f" a {YEAR:,}-article year needs {hours:,.0f} worker-hours"
          f" ({hours / 24 / 365:.1f} workers busy all year, {hours / 24 / 30:.0f} for a month)")  # fmt: skip


if __name__ == "__main__":
    main()
