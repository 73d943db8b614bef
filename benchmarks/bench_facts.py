"""Facts (issue 4): pipeline speed, gold-fact precision/recall, TimeML date agreement.

    python benchmarks/bench_facts.py [--articles N] [--skip-speed]

1. Speed on one core over N ANT articles (default 500) as text dumps: the full default
   pipeline, and the four fact stages (amounts, dates, quotes, events) alone.
2. Precision/recall per category against ``gold/*.facts.json`` (ANT articles named by
   docno), separately for the files tuned on and the five held out.
3. Agreement with the TIMEX3 dates of ``../shared/data/timeml`` (type DATE with a calendar
   value): the share found (a date mention overlapping the TIMEX3) and, of those, the share
   with the same value; relative expressions are resolved against a reference day taken
   from the document's own «اليوم»/«أمس» TIMEX3 when it has one. dateparser alone, given
   the gold spans, is printed as a baseline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from pathlib import Path

from common import DATA, ROOT, ant_rows

from marsad import Document, Pipeline
from marsad.dates import find_dates
from marsad.facts import CATEGORIES, evaluate
from marsad.pipeline import get_stage

FACT_STAGES = ("amounts", "dates", "quotes", "events")
_TIMEX = re.compile(r'<TIMEX3[^>]*type="(\w+)"[^>]*value="([^"]*)"[^>]*>(.*?)</TIMEX3>', re.S)
_TAG = re.compile(r"<[^>]+>")
_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def speed(n: int) -> None:
    rows = [r for r in ant_rows(limit=n * 2) if r.get("title") and r.get("text")][:n]
    docs = [
        Document(
            origin=str(i),
            kind="text",
            content=f"{r['title']}\n\n{r.get('abstract') or ''}\n\n{r['text']}\n",
        )
        for i, r in enumerate(rows)
    ]
    full = Pipeline()
    full(docs[0])
    start = time.perf_counter()
    articles = [full(d) for d in docs]
    seconds = time.perf_counter() - start
    print(f"full pipeline {full.names}")
    print(f"  {len(docs)} ANT articles in {seconds:.2f} s: {len(docs) / seconds:.1f} articles/s")
    stages = [get_stage(name) for name in FACT_STAGES]
    start = time.perf_counter()
    for article in articles:
        for stage in stages:
            stage(article)
    seconds = time.perf_counter() - start
    print(f"  the fact stages alone: {len(docs) / seconds:.1f} articles/s")
    counts = {name: sum(len(getattr(a, name)) for a in articles) for name in FACT_STAGES}
    print(f"  found: {counts}")


def gold_scores() -> None:
    corpus = DATA / "news" / "ant-multisource-2018.jsonl.gz"
    report = evaluate(sorted((ROOT / "gold").glob("*.facts.json")), corpus)
    for failure in report.failures:
        print("not scored:", *failure)
    for label, held in (("tuned on", False), ("held out", True)):
        n = sum(1 for g, _ in report.files if g.held_out == held)
        print(f"gold facts, {label} ({n} files)")
        totals = report.totals(held_out=held)
        for category in CATEGORIES:
            s = totals[category]
            print(
                f"  {category:<14} gold {s.gold:>3}  P {s.precision:6.1%}  R {s.recall:6.1%}"
                f"  F1 {s.f1:6.1%}"
            )


def _reference(timexes: list[tuple[str, str, str, int, int]]) -> dt.date | None:
    for kind, value, text, _, _ in timexes:
        word = text.strip().replace("ال", "", 1) if text.strip() != "اليوم" else "اليوم"
        if kind == "DATE" and re.match(r"^\d{4}-\d{2}-\d{2}$", value):
            day = dt.date.fromisoformat(value)
            if word == "اليوم":
                return day
            if word in ("امس", "أمس"):
                return day + dt.timedelta(days=1)
    return None


def _parse_tml(path: Path) -> tuple[str, list[tuple[str, str, str, int, int]]]:
    raw = path.read_text("utf-8-sig").replace("\ufeff", "")
    raw = raw.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0]
    text_parts: list[str] = []
    timexes = []
    pos = 0
    length = 0
    for m in _TIMEX.finditer(raw):
        before = _TAG.sub("", raw[pos : m.start()])
        text_parts.append(before)
        length += len(before)
        inner = _TAG.sub("", m.group(3))
        timexes.append((m.group(1), m.group(2), inner, length, length + len(inner)))
        text_parts.append(inner)
        length += len(inner)
        pos = m.end()
    text_parts.append(_TAG.sub("", raw[pos:]))
    return "".join(text_parts), timexes


def timeml() -> None:
    import dateparser

    folder = DATA / "timeml"
    gold = found = same = base_same = compared = 0
    for path in sorted(folder.glob("*.tml")):
        text, timexes = _parse_tml(path)
        reference = _reference(timexes)
        ours = find_dates(text, "body", reference)
        for kind, value, span, start, end in timexes:
            if kind != "DATE" or not _VALUE.match(value):
                continue
            gold += 1
            hit = next((d for d in ours if d.start < end and start < d.end), None)
            found += hit is not None
            if hit is not None and (reference is not None or not hit.relative):
                compared += 1
                same += hit.value is not None and hit.value[: len(value)] == value
            settings = (
                {"RELATIVE_BASE": dt.datetime.combine(reference, dt.time())} if reference else {}
            )
            parsed = dateparser.parse(span, languages=["ar"], settings=settings)  # type: ignore[arg-type]
            base_same += parsed is not None and parsed.date().isoformat()[: len(value)] == value
    print(f"TimeML ({folder}): {gold} DATE expressions with a calendar value")
    print(f"  found (overlapping span): {found / gold:.1%}")
    print(
        f"  same value, of those whose value could be resolved: {same}/{compared} = {same / max(compared, 1):.1%}"
    )
    print(f"  dateparser alone on the gold spans, same value: {base_same / gold:.1%}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    if not args.skip_speed:
        speed(args.articles)
    gold_scores()
    timeml()
    return 0


if __name__ == "__main__":
    sys.exit(main())
