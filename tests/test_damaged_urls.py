"""A damaged address (``http://[abc/``, which urllib refuses as an IPv6 host) is only an
address: the article around it is read, its source named by the file, no link is made."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad import extract
from marsad.document import url_host
from marsad.web.present import safe_url

from .builders import PARAGRAPHS, TITLE, page, warc_bytes, write

BAD = "http://[abc/news/1"


def _feed() -> str:
    items = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        f"<link>{BAD}</link><item><title>{TITLE}</title><link>http://[q/</link>"
        f"<description><![CDATA[{items}]]></description></item></channel></rss>"
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("feed.rss", _feed()),
        ("crawl.warc", warc_bytes([(BAD, "text/html; charset=utf-8", page().encode())])),
        ("lines.jsonl", json.dumps({"title": TITLE, "body": "\n".join(PARAGRAPHS), "url": BAD})),
    ],
)
def test_an_article_with_a_damaged_address_is_read(
    tmp_path: Path, name: str, data: str | bytes
) -> None:
    """Each reader keeps the article; before, a feed was a reader failure and a WARC
    record was rejected as malformed."""
    path = write(tmp_path / name, data)
    batch = extract(path)
    assert not batch.rejections, batch.rejections
    (article,) = batch.articles
    assert PARAGRAPHS[1] in article.body
    assert article.source == str(path)  # no host to name, so the file


def test_url_host_is_empty_for_a_damaged_or_missing_address() -> None:
    assert url_host(BAD) == ""
    assert url_host("http://a]b/") == ""
    assert url_host(None) == ""
    assert url_host("https://www.spa.gov.sa/x?y=1") == "www.spa.gov.sa"
    assert url_host("http://[::1]:8000/") == "[::1]:8000"


def test_a_damaged_address_is_not_made_a_link() -> None:
    assert safe_url(BAD) is None
    assert safe_url("https://example.org/a") == "https://example.org/a"
