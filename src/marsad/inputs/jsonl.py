"""JSON lines (and JSON arrays) of articles, with a configurable field mapping."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any, cast

from ..document import Document
from ..errors import (
    EmptyInputError,
    InputError,
    MalformedInputError,
    TooLargeError,
    TruncatedInputError,
)
from ..record import Salvage
from .salvage import repair_utf8

__all__ = ["JsonFields", "read_jsonl"]


@dataclass(frozen=True, slots=True)
class JsonFields:
    """Which JSON key holds what; the defaults fit the ANT corpus.

    Each value may list alternatives separated by ``|``, tried in order
    (``"text|body|content"``).
    """

    title: str = "title|headline"
    body: str = "text|body|content"
    lead: str = "abstract|description|summary|lead"
    url: str = "url|link"
    published: str = "time|published|date|pubDate"
    author: str = "author|byline"
    source: str = "src|source|site"
    body_is_html: bool = False

    @classmethod
    def parse(cls, spec: str) -> JsonFields:
        """From ``"title=headline,body=content"`` (CLI style); unnamed fields keep defaults."""
        values: dict[str, Any] = {}
        for item in filter(None, (part.strip() for part in spec.split(","))):
            name, sep, key = item.partition("=")
            if not sep or name not in cls.__dataclass_fields__ or name == "body_is_html":
                raise ValueError(f"bad field mapping {item!r} (expected e.g. body=content)")
            values[name] = key.strip()
        return replace(cls(), **values)

    def pick(self, record: dict[str, Any], name: str) -> str | None:
        for key in str(getattr(self, name)).split("|"):
            value = record.get(key)
            if value is not None and str(value).strip():
                return str(value)
        return None


#: What a gzip stream cut short or corrupted raises while it is read.
_CUT = (EOFError, zlib.error, gzip.BadGzipFile)


def _open(path: Path) -> IO[bytes]:
    with path.open("rb") as fh:
        gzipped = fh.read(2) == b"\x1f\x8b"
    return cast(IO[bytes], gzip.open(path, "rb")) if gzipped else path.open("rb")


def read_jsonl(path: Path, fields: JsonFields, max_bytes: int) -> Iterator[Document | InputError]:
    """One document per line, streamed; a bad line yields its error and reading goes on.

    A gzip file cut short yields the lines before the cut, then an error saying where.
    """
    lineno = 0
    try:
        with _open(path) as fh:
            first = fh.read(1)
            while first in (b" ", b"\n", b"\r", b"\t", b"\xef"):
                first = fh.read(1)
            fh.seek(0)
            if first == b"[":
                yield from _read_array(fh, path, fields, max_bytes)
                return
            for lineno, line in enumerate(fh, start=1):
                if line.strip():
                    yield _parse_line(line, f"{path}:{lineno}", fields, max_bytes)
    except _CUT as exc:
        yield TruncatedInputError(
            f"{path}:{lineno + 1}",
            f"the compressed file is cut short or corrupt after line {lineno} ({exc}): "
            f"the {lineno} lines before the cut were read",
        )


def _read_array(
    fh: IO[bytes], path: Path, fields: JsonFields, max_bytes: int
) -> Iterator[Document | InputError]:
    data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield TooLargeError(str(path), "JSON array over the size limit; use JSON lines")
        return
    try:
        items = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
        yield MalformedInputError(str(path), f"broken JSON: {exc}")
        return
    for i, item in enumerate(items):
        yield _document(item, f"{path}[{i}]", fields)


def _parse_line(
    line: bytes, origin: str, fields: JsonFields, max_bytes: int
) -> Document | InputError:
    if len(line) > max_bytes:
        return TooLargeError(origin, f"a {len(line) / 2**20:.1f} MB line is over the size limit")
    warnings: list[Salvage] = []
    try:
        item = json.loads(line)
    except UnicodeDecodeError as exc:
        repaired = repair_utf8(line, warnings)
        if repaired is None:
            return MalformedInputError(origin, f"not UTF-8 JSON: {exc}")
        try:
            item = json.loads(repaired)
        except (json.JSONDecodeError, RecursionError) as bad:
            return MalformedInputError(origin, f"broken JSON line: {bad}")
    except json.JSONDecodeError as exc:
        return MalformedInputError(origin, f"broken JSON line: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return MalformedInputError(origin, "broken JSON line: nested too deep to be an article")
    return _document(item, origin, fields, warnings)


def _document(
    item: Any, origin: str, fields: JsonFields, warnings: list[Salvage] | None = None
) -> Document | InputError:
    if not isinstance(item, dict):
        return MalformedInputError(origin, f"a JSON {type(item).__name__}, not an object")
    body = fields.pick(item, "body")
    title = fields.pick(item, "title")
    if body is None and title is None:
        return EmptyInputError(
            origin, f"no title or body (looked for {fields.title!r}, {fields.body!r})"
        )
    return Document(
        origin=origin,
        kind="fields",
        content=body or "",
        url=fields.pick(item, "url"),
        title=title,
        lead=fields.pick(item, "lead"),
        published=fields.pick(item, "published"),
        author=fields.pick(item, "author"),
        body_is_html=fields.body_is_html,
        source=fields.pick(item, "source") or str(path_of(origin)),
        warnings=warnings or [],
    )


def path_of(origin: str) -> str:
    return origin.rsplit(":", 1)[0].split("[", 1)[0]
