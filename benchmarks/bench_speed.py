"""Extraction speed on one core: text dumps, HTML pages and JSON lines from the ANT corpus.

    python benchmarks/bench_speed.py [--articles N] [--warm-up W] [--stages a,b,c]

Takes 3 x N real ANT articles (default N = 1000) and W others (default 1000) for a warm-up.
Writes the first N as text dumps, the next N as HTML pages (a news-site template with
navigation, share bar, related links and footer around the article) into a temporary folder,
keeps the last N as gzipped JSON lines, then times ``marsad.extract`` over each, in this one
process (one core). Every format reads articles that no format read before, so none is
flattered by the one before it; the warm-up first runs the W other articles, as a long
batch would have by then (word-level caches fill over the start of any batch). The tagger
forgets its recently tagged sentences before each format. Prints articles/s per format (by
the clock, and by the process's CPU time, which other work on a busy machine disturbs less)
and the peak resident memory.
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
    parser.add_argument("--articles", type=int, default=1000, help="articles per format")
    parser.add_argument("--warm-up", type=int, default=1000, help="other articles run first")
    parser.add_argument(
        "--stages",
        default=None,
        help="comma-separated stages (default: the whole default pipeline)",
    )
    args = parser.parse_args()
    pipeline = Pipeline(args.stages.split(",") if args.stages else None)
    print("stages: " + ", ".join(pipeline.names))
    n, w = args.articles, args.warm_up
    rows = [
        r for r in ant_rows(limit=(3 * n + w) * 11 // 10 + 100) if r.get("title") and r.get("text")
    ]
    if len(rows) < 3 * n + w:
        raise SystemExit(f"the corpus has only {len(rows)} usable rows; ask for fewer articles")
    warm_up, rows = rows[:w], rows[w:]
    text_rows, html_rows, json_rows = rows[:n], rows[n : 2 * n], rows[2 * n : 3 * n]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "text").mkdir()
        (folder / "html").mkdir()
        for i, row in enumerate(text_rows):
            (folder / "text" / f"{i:06}.txt").write_text(as_text(row), "utf-8")
        for i, row in enumerate(html_rows):
            related = [r["title"] for r in html_rows[i + 1 : i + 4]]
            (folder / "html" / f"{i:06}.html").write_text(as_html(row, related), "utf-8")
        with gzip.open(folder / "rows.jsonl.gz", "wt", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in json_rows)
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
