"""Extracting a text file loads neither the HTML reader nor the feed or WARC parsers."""

from __future__ import annotations

import subprocess
import sys

from .conftest import EXAMPLES


def test_a_text_file_is_extracted_without_the_html_feed_and_warc_readers() -> None:
    code = (
        "import sys\n"
        "from marsad import extract\n"
        f"batch = extract({str(EXAMPLES / 'text' / 'amman-hospital.txt')!r})\n"
        "assert batch.articles and batch.articles[0].entities\n"
        "print(sorted(m for m in ('trafilatura', 'feedparser', 'fastwarc', 'lxml') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
