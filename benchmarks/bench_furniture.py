"""Page-furniture detection on real bodies: the ANT corpus keeps inline related headlines.

    python benchmarks/bench_furniture.py [--limit N] [--show K]

The corpus has no furniture labels, but it has ground truth for one kind: a body
line that is word for word the title of another article in the corpus is a link
to that article. Recall is measured on those lines. For what else is removed,
the script prints counts per reason and a random sample to read.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter

from common import ant_rows

from marsad.furniture import classify_lines
from marsad.segment import clean_lines
from marsad.text import normalize


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles to read (default all)")
    parser.add_argument("--show", type=int, default=25, help="removed lines to print")
    args = parser.parse_args()

    rows = list(ant_rows(limit=args.limit))
    titles = {normalize(r["title"]) for r in rows if r.get("title")}
    reasons: Counter[str] = Counter()
    linked = linked_removed = lines_total = 0
    removed: list[tuple[str, str, str]] = []
    for row in rows:
        lines = [line for line in clean_lines(row.get("text") or "") if line]
        own = normalize(row.get("title") or "")
        lines_total += len(lines)
        for line, reason in zip(lines, classify_lines(lines), strict=True):
            key = normalize(line)
            is_link = key in titles and key != own
            linked += is_link
            if reason is not None:
                reasons[reason] += 1
                linked_removed += is_link
                removed.append((row.get("src", "?"), reason, line))
    print(f"articles {len(rows)}  body lines {lines_total}  removed {sum(reasons.values())}")
    print("removed by reason: " + ", ".join(f"{r} {n}" for r, n in reasons.most_common()))
    recall = linked_removed / linked if linked else 0.0
    print(
        f"lines that are another article's title: {linked}, removed {linked_removed} "
        f"(recall {recall:.3f})"
    )
    random.seed(7)
    for src, reason, line in random.sample(removed, min(args.show, len(removed))):
        print(f"  [{src}/{reason}] {line[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
