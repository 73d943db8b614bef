"""Archive figures on ANT: ingest speed, search latency, duplicate groups, stories.

    python benchmarks/bench_archive.py [--limit N] [--workers W] [--db URL]

Writes the first N ANT articles (default 5,000) to a temporary JSON-lines file, ingests it into
a fresh SQLite archive (or the given PostgreSQL URL: use an empty database), then reports:
articles/s for ingest and for story placement, median/95th-percentile search latency over a
fixed query set, and how many groups of identical text and of near-duplicates were found
against the identical-text groups counted directly in the raw rows.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from common import ant_rows

from marsad.archive import Archive
from marsad.text import normalize

QUERIES = [
    "انتخابات", "الانتخابات البرلمانية", '"مجلس الأمن"', "ترامب", "النفط أسعار", "سوريا",
    "كأس العالم", "اقتصاد*", "الحوثيين اليمن", "ايران OR تركيا", "فلسطين القدس", "السعودية",
]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--db", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "ant.jsonl.gz"
        rows = list(ant_rows(limit=args.limit))
        with gzip.open(source, "wt", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        known = Counter(normalize(str(r.get("text") or "")) for r in rows if r.get("text"))
        identical = sum(1 for n in known.values() if n > 1)
        with Archive(args.db or Path(tmp) / "bench.db") as archive:
            report(archive, source, args.workers, len(rows), identical)


def report(archive: Archive, source: Path, workers: int | None, total: int, identical: int) -> None:
    began = time.monotonic()
    result = archive.ingest([source], workers=workers, stories=False)
    ingest_s = time.monotonic() - began
    print(f"ingest: {total} ANT rows in {ingest_s:.1f} s = {total / ingest_s:.0f} articles/s")
    print(result.summary())
    began = time.monotonic()
    placed = archive.build_stories()
    story_s = time.monotonic() - began
    print(f"stories: {placed} articles placed in {story_s:.1f} s = {placed / story_s:.0f}/s")
    store = archive.store
    times = []
    for query in QUERIES * 5:
        t = time.perf_counter()
        archive.search(query, limit=10)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(
        f"search: median {statistics.median(times):.1f} ms, "
        f"p95 {times[int(len(times) * 0.95)]:.1f} ms over {len(times)} queries (top 10, snippets)"
    )
    exact = store.select(
        "SELECT count(*) FROM (SELECT article_id FROM article_sources GROUP BY article_id"
        " HAVING count(*) > 1) x"
    )[0][0]
    near = store.select(
        "SELECT count(*), sum(n) FROM (SELECT dup_group, count(*) AS n FROM articles"
        " GROUP BY dup_group HAVING count(*) > 1) x"
    )[0]
    stories = store.select(
        "SELECT count(*), sum(n) FROM (SELECT story, count(*) AS n FROM articles"
        " GROUP BY story HAVING count(*) > 1) x"
    )[0]
    print(f"identical-body groups in the raw rows: {identical}")
    print(f"exact duplicates (same normalized title+body, several sources): {exact} groups")
    print(f"near-duplicate groups (MinHash-LSH, J >= 0.6): {near[0]} groups, {near[1]} articles")
    print(f"stories with 2+ articles: {stories[0]}, {stories[1]} articles")


if __name__ == "__main__":
    main()
