"""Which format a file is in, from its first bytes (names can lie)."""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Any, Literal

from ..errors import EmptyInputError, MalformedInputError, TooLargeError
from .decode import sniff_binary

__all__ = [
    "HEAD_BYTES",
    "Format",
    "check_size",
    "detect_format",
    "gunzip_prefix",
    "read_head",
    "sniff_format",
]

Format = Literal["warc", "jsonl", "feed", "html", "text"]
HEAD_BYTES = 65536
_CHUNK = 1 << 16

_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article)[\s>/]", re.IGNORECASE
)


def read_head(path: Path) -> tuple[bytes, bool]:
    """The first bytes of ``path`` (decompressed when gzipped) and whether it is gzipped.

    A gzip file cut short gives the bytes before the cut (its reader says where it ends).
    """
    with path.open("rb") as fh:
        raw = fh.read(HEAD_BYTES)
    if not raw.startswith(b"\x1f\x8b"):
        return raw, False
    head, cut = gunzip_prefix(path, HEAD_BYTES)
    if cut is not None and not head.strip():
        raise MalformedInputError(str(path), f"broken gzip data: {cut}")
    return head, True


def gunzip_prefix(path: Path, limit: int) -> tuple[bytes, str | None]:
    """Up to ``limit`` decompressed bytes of the gzip file ``path`` (all its members), and
    what cut it short: None for a whole file (or one read to ``limit``), else the problem
    (the file ends inside a member, or its data is corrupt from some point on)."""
    out = bytearray()
    unzip: Any = zlib.decompressobj(wbits=31)
    fed = False  # whether the current member has had any input
    pending = b""
    with path.open("rb") as fh:
        while len(out) < limit:
            chunk = pending or fh.read(_CHUNK)
            if not chunk:
                if fed:
                    return bytes(
                        out
                    ), f"the file ends inside compressed data, after {len(out)} bytes"
                break
            fed = True
            try:
                out += unzip.decompress(chunk, limit - len(out))
            except zlib.error as exc:
                return bytes(out), f"corrupt compressed data after {len(out)} bytes ({exc})"
            pending = unzip.unconsumed_tail
            if unzip.eof:  # the member ends; another may follow
                pending = unzip.unused_data
                unzip, fed = zlib.decompressobj(wbits=31), False
    return bytes(out), None


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
    if text.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 or UTF-32: sniff the text
        text = _unicode_probe(text)
        if text.startswith((b"WARC/", b"{")):
            return "text"  # the WARC and JSON readers read bytes as UTF-8, not as these
    else:
        sniff_binary(text, source)
    feed, html = _FEED.search(text[:8192]), _HTML.search(text[:8192])
    if feed and (html is None or feed.start() < html.start()):
        return "feed"
    if html or text.startswith(b"<"):
        return "html"
    return "text"


def _unicode_probe(head: bytes) -> bytes:
    """The start of a UTF-16 or UTF-32 text (byte-order mark first), as UTF-8."""
    wide = head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"))
    codec, unit = ("utf-32", 4) if wide else ("utf-16", 2)
    text = head[: len(head) // unit * unit].decode(codec, "replace")
    return text.lstrip("\ufeff \t\r\n").encode()


def check_size(path: Path, limit: int) -> None:
    """Raise TooLargeError when a one-document file is over ``limit`` bytes."""
    size = path.stat().st_size
    if size > limit:
        raise TooLargeError(
            str(path),
            f"{size / 2**20:.1f} MB is over the {limit / 2**20:.0f} MB limit for one document",
        )
