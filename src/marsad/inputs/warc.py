"""WARC files (gzipped or not, Common Crawl style), read with FastWARC.

Only ``response`` and ``resource`` records whose payload is an HTML or plain-text
page become documents; requests, metadata, redirects and images are skipped.
FastWARC was chosen over warcio for speed (it parses in C++); a broken record
ends the file with a rejection naming the byte offset of the last good one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastwarc.warc import ArchiveIterator, WarcRecordType

from ..document import Document, DocumentKind, url_host
from ..errors import InputError, MalformedInputError, TooLargeError
from ..record import Salvage
from .decode import decode_bytes

__all__ = ["read_warc"]

#: Payload media types read as pages (prefix match, lower case).
PAGE_TYPES: tuple[str, ...] = ("text/html", "application/xhtml", "text/plain")


def read_warc(path: Path, max_bytes: int) -> Iterator[Document | InputError]:
    """Pages in the WARC at ``path``; bad records yield errors, good ones still come."""
    position = 0
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(
                stream,
                record_types=WarcRecordType.response | WarcRecordType.resource,
                parse_http=True,
            )
            for record in records:
                position = record.stream_pos
                document = _document(record, path, max_bytes)
                if document is not None:
                    yield document
                if isinstance(document, MalformedInputError):
                    return
    except (OSError, ValueError, RuntimeError) as exc:
        yield MalformedInputError(
            f"{path}@{position}", f"malformed WARC after the record at byte {position}: {exc}"
        )


def _truncated(origin: str, present: int, declared: int) -> MalformedInputError | None:
    """A record whose block ends before its Content-Length: the file was cut."""
    if present >= declared:
        return None
    return MalformedInputError(
        origin, f"malformed WARC: truncated record ({present} of {declared} bytes present)"
    )


def _document(record: Any, path: Path, max_bytes: int) -> Document | InputError | None:
    uri = record.headers.get("WARC-Target-URI") or None
    origin = f"{path}@{record.stream_pos}" + (f" ({uri})" if uri else "")
    if record.is_http:
        if record.content_length and not record.is_http_parsed:
            return MalformedInputError(origin, "malformed WARC: unreadable HTTP headers")
        status = record.http_headers.status_code
        if status is not None and not 200 <= int(status) < 300:
            return None
        media = (record.http_content_type or "").lower()
    else:
        media = (record.headers.get("Content-Type") or "").lower()
    if not media.startswith(PAGE_TYPES):
        return _truncated(origin, record.reader.consume(), record.content_length)
    payload = record.reader.read(max_bytes + 1)
    if len(payload) > max_bytes:
        return TooLargeError(origin, "WARC payload over the size limit for one document")
    truncated = _truncated(origin, len(payload), record.content_length)
    if truncated is not None:
        return truncated
    warnings: list[Salvage] = []
    try:
        text, encoding = decode_bytes(
            payload, origin, declared=record.http_charset, warnings=warnings
        )
    except InputError as exc:
        return exc
    kind: DocumentKind = "text" if media.startswith("text/plain") else "html"
    return Document(
        origin=origin,
        kind=kind,
        content=text,
        url=uri,
        encoding=encoding,
        source=url_host(uri) or str(path),
        warnings=warnings,
    )
