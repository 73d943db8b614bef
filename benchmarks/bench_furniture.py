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

from common import ant_rows, floors

from marsad.evaluation import furniture_report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles to read (default all)")
    parser.add_argument("--show", type=int, default=25, help="removed lines to print")
    args = parser.parse_args()

    rows = ant_rows(limit=args.limit)
    report = furniture_report((r.get("title") or "", r.get("text") or "") for r in rows)
    print(f"body lines {report.lines}  removed {sum(report.removed.values())}")
    print("removed by reason: " + ", ".join(f"{r} {n}" for r, n in report.removed.most_common()))
    print(
        f"lines that are another article's title: {report.links}, removed "
        f"{report.links_removed} (recall {report.link_recall:.3f}; "
        f"floor {floors()['ant_link_recall']:.3f})"
    )
    random.seed(7)
    for reason, line in random.sample(report.samples, min(args.show, len(report.samples))):
        print(f"  [{reason}] {line[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
