"""Body extraction quality on a real Arabic page: token F1 against the reader's text.

    python benchmarks/bench_html.py

Prints precision, recall and F1 of Marsad's body, and of trafilatura alone for
comparison, against ../shared/data/html/cnn-arabic-2013/expected.txt.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import trafilatura  # noqa: E402

from benchmarks.common import DATA, floors, need  # noqa: E402
from marsad import extract  # noqa: E402
from marsad.evaluation import token_f1  # noqa: E402


def main() -> int:
    folder = need(DATA / "html" / "cnn-arabic-2013")
    expected = (folder / "expected.txt").read_text(encoding="utf-8")
    (article,) = extract(folder / "page.html").articles
    ours = token_f1(article.body, expected)
    plain = trafilatura.extract((folder / "page.html").read_text(encoding="utf-8")) or ""
    print(f"cnn-arabic-2013  marsad       {ours}")
    print(f"cnn-arabic-2013  trafilatura  {token_f1(plain, expected)}")
    floor = floors()["html_cnn_token_f1"]
    print(f"floor {floor:.3f}: {'ok' if ours.f1 >= floor else 'BELOW FLOOR'}")
    return 0 if ours.f1 >= floor else 1


if __name__ == "__main__":
    sys.exit(main())
