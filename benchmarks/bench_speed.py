"""Extraction speed on one core: text dumps, HTML pages and JSON lines from the ANT corpus.

    python benchmarks/bench_speed.py [--articles N]

Writes N real ANT articles (default 2000) as text dumps and as HTML pages (a
news-site template with navigation, share bar, related links and footer around
the article) into a temporary folder, then times ``marsad.extract`` over each
folder and over the JSON lines themselves, in this one process (one core), after a
warm-up over 200 other articles (word-level caches fill over the start of any batch); the
tagger forgets its recently tagged sentences before each format, so no format gains from
the one before (a real stream of syndicated copies does gain from it). The word-level
caches are kept: the formats after the first (HTML, JSON lines) read the words of the same
articles again, which spares them the first reading of each new word (JSON lines of other,
unseen articles ran about 15-20 % slower than the figure printed here in our measurements).
Prints articles/s per format (by the clock, and by the process's CPU time, which other
work on a busy machine disturbs less) and the peak resident memory.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import ant_rows

from marsad import Pipeline, extract
from marsad.ner.tagger import default_tagger

PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title} | الموقع</title><meta name="description" content="{abstract}"></head><body>
<nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a> <a href="/sport">رياضة</a></nav>
<article><h1>{title}</h1><div class="author">{author}</div>{paragraphs}</article>
<aside><h3>اقرأ أيضا</h3><ul>{related}</ul></aside>
<div class="share">شارك فيسبوك تويتر</div><footer>جميع الحقوق محفوظة</footer></body></html>"""


def as_text(row: dict[str, Any]) -> str:
    return f"{row['title']}\n\n{row.get('abstract') or ''}\n\n{row['text']}\n\nشارك\nاقرأ أيضا\n"


def as_html(row: dict[str, Any], related: list[str]) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in row["text"].split("\n") if p.strip())
    links = "".join(f'<li><a href="/x">{html.escape(t)}</a></li>' for t in related)
    return PAGE.format(
        title=html.escape(row["title"]),
        abstract=html.escape(row.get("abstract") or ""),
        author=html.escape(row.get("author") or ""),
        paragraphs=paragraphs,
        related=links,
    )


def timed(label: str, pipeline: Pipeline, *sources: Path) -> None:
    default_tagger().forget_recent()  # each format is fresh text to the tagger
    start, cpu_start = time.perf_counter(), time.process_time()
    batch = extract(*sources, pipeline=pipeline)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    n = len(batch.articles)
    print(
        f"{label:<6} {n:>6} articles  {seconds:7.2f} s  {n / seconds:8.1f} articles/s"
        f"  (CPU time {cpu:.2f} s: {n / cpu:.1f} articles/s; {len(batch.rejections)} rejected)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument(
        "--stages",
        default=None,
        help="comma-separated stages (default: the whole default pipeline)",
    )
    args = parser.parse_args()
    pipeline = Pipeline(args.stages.split(",") if args.stages else None)
    print("stages: " + ", ".join(pipeline.names))
    rows = [r for r in ant_rows(limit=args.articles * 2 + 400) if r.get("title") and r.get("text")]
    rows, warm_up = rows[: args.articles], rows[args.articles : args.articles + 200]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "text").mkdir()
        (folder / "html").mkdir()
        for i, row in enumerate(rows):
            (folder / "text" / f"{i:06}.txt").write_text(as_text(row), "utf-8")
            related = [r["title"] for r in rows[i + 1 : i + 4]]
            (folder / "html" / f"{i:06}.html").write_text(as_html(row, related), "utf-8")
        with gzip.open(folder / "rows.jsonl.gz", "wt", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        # warm up on other articles: word-level caches fill over the start of any long batch
        (folder / "warm").mkdir()
        for i, row in enumerate(warm_up):
            (folder / "warm" / f"{i:06}.txt").write_text(as_text(row), "utf-8")
        extract(folder / "warm", pipeline=pipeline)
        timed("text", pipeline, folder / "text")
        timed("html", pipeline, folder / "html")
        timed("jsonl", pipeline, folder / "rows.jsonl.gz")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS) {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
