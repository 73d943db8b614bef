"""Which format a file is in, from its first bytes (names can lie)."""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path
from typing import Literal

from ..errors import EmptyInputError, MalformedInputError, TooLargeError
from .decode import sniff_binary

__all__ = ["HEAD_BYTES", "Format", "check_size", "detect_format", "read_head", "sniff_format"]

Format = Literal["warc", "jsonl", "feed", "html", "text"]
HEAD_BYTES = 65536

_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article)[\s>/]", re.IGNORECASE
)


def read_head(path: Path) -> tuple[bytes, bool]:
    """The first bytes of ``path`` (decompressed when gzipped) and whether it is gzipped."""
    with path.open("rb") as fh:
        raw = fh.read(HEAD_BYTES)
    if not raw.startswith(b"\x1f\x8b"):
        return raw, False
    try:
        with gzip.open(path, "rb") as gz:
            return gz.read(HEAD_BYTES), True
    except (OSError, EOFError, zlib.error) as exc:
        raise MalformedInputError(str(path), f"broken gzip data: {exc}") from exc


def detect_format(path: Path) -> Format:
    """Detect the format of one file; raises InputError for empty or binary files."""
    head, _ = read_head(path)
    if not head.strip():
        raise EmptyInputError(str(path), "empty file")
    return sniff_format(head, str(path))


def sniff_format(head: bytes, source: str) -> Format:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"WARC/"):
        return "warc"
    if text.startswith(b"{"):
        return "jsonl"
    if text.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"
    sniff_binary(text, source)
    feed, html = _FEED.search(text[:8192]), _HTML.search(text[:8192])
    if feed and (html is None or feed.start() < html.start()):
        return "feed"
    if html or text.startswith(b"<"):
        return "html"
    return "text"


def check_size(path: Path, limit: int) -> None:
    """Raise TooLargeError when a one-document file is over ``limit`` bytes."""
    size = path.stat().st_size
    if size > limit:
        raise TooLargeError(
            str(path),
            f"{size / 2**20:.1f} MB is over the {limit / 2**20:.0f} MB limit for one document",
        )
