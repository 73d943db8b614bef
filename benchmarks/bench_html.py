"""Body extraction quality on a real Arabic page: token F1 against the reader's text.

    python benchmarks/bench_html.py

Prints precision, recall and F1 of Marsad's body, and of trafilatura alone for
comparison, against ../shared/data/html/cnn-arabic-2013/expected.txt.
"""

from __future__ import annotations

import sys

import trafilatura
from common import DATA, floors, need

from marsad import extract
from marsad.evaluation import token_f1


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
