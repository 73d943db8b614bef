"""Walking sources: files and folders to documents or rejections."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Document
from ..errors import EmptyInputError, InputError, MalformedInputError, TooLargeError
from ..record import Salvage
from .decode import decode_bytes
from .detect import check_size, gunzip_prefix, read_head, sniff_format
from .jsonl import JsonFields, read_jsonl

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READER_ERROR",
    "ReadOptions",
    "Rejection",
    "read_path",
    "read_sources",
]

#: The reason of a rejection when a reader itself failed (a bug: please report it).
READER_ERROR = "reader error"

#: Largest single document (a page, a text dump, a feed, one JSON line, one WARC payload).
DEFAULT_MAX_BYTES = 32 * 2**20


#: Files a folder walk passes over: code, docs and configuration that sit beside news
#: in real folders (a file named on the command line is always read).
SKIPPED_IN_FOLDERS: frozenset[str] = frozenset(
    [
        ".py",
        ".pyc",
        ".md",
        ".rst",
        ".toml",
        ".cfg",
        ".ini",
        ".yml",
        ".yaml",
        ".css",
        ".js",
        ".sh",
        ".lock",
        ".log",
    ]
)


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read sources: the size limit, the JSON field mapping, what folder walks skip."""

    max_bytes: int = DEFAULT_MAX_BYTES
    json_fields: JsonFields = field(default_factory=JsonFields)
    skip_suffixes: frozenset[str] = SKIPPED_IN_FOLDERS


@dataclass(frozen=True, slots=True)
class Rejection:
    """Something that did not become an article, and why."""

    source: str
    reason: str
    message: str

    @classmethod
    def of(cls, error: InputError) -> Rejection:
        return cls(error.source, error.reason, error.message)

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def read_sources(
    sources: Iterable[str | os.PathLike[str]], options: ReadOptions | None = None
) -> Iterator[Document | Rejection]:
    """Documents from every file, folder (recursively, in name order) or glob result given."""
    options = options or ReadOptions()
    for source in sources:
        path = Path(source)
        if path.is_dir():
            for child in _walk(path):
                if child.suffix.lower() not in options.skip_suffixes:
                    yield from read_path(child, options)
        else:
            yield from read_path(path, options)


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_path(path: Path, options: ReadOptions | None = None) -> Iterator[Document | Rejection]:
    """Documents in one file; whatever goes wrong becomes a Rejection naming the source."""
    options = options or ReadOptions()
    try:
        for item in _read(path, options):
            yield Rejection.of(item) if isinstance(item, InputError) else item
    except InputError as exc:
        yield Rejection.of(exc)
    except OSError as exc:
        yield Rejection(str(path), "unreadable", f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a reader's bug must not end the batch: it is named instead
        yield Rejection(
            str(path), READER_ERROR, f"the reader failed on it: {type(exc).__name__}: {exc}"
        )


def _read(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    if not path.exists():
        raise InputError(str(path), "no such file or folder")
    head, gzipped = read_head(path)
    if not head.strip():
        raise EmptyInputError(str(path), "empty file")
    fmt = sniff_format(head, str(path))
    if fmt == "warc":
        from .warc import read_warc  # fastwarc, only for WARC files

        yield from read_warc(path, options.max_bytes)
    elif fmt == "jsonl":
        yield from read_jsonl(path, options.json_fields, options.max_bytes)
    else:
        warnings: list[Salvage] = []
        data = _read_whole(path, gzipped, options.max_bytes, warnings)
        if fmt == "feed":
            from .feed import read_feed  # feedparser and the HTML reader, only for feeds

            yield from read_feed(path, data, warnings)
        else:
            text, encoding = decode_bytes(data, str(path), warnings=warnings)
            yield Document(
                origin=str(path), kind=fmt, content=text, encoding=encoding, warnings=warnings
            )


def _read_whole(path: Path, gzipped: bool, limit: int, warnings: list[Salvage]) -> bytes:
    if not gzipped:
        check_size(path, limit)
        return path.read_bytes()
    data, cut = gunzip_prefix(path, limit + 1)
    if len(data) > limit:
        raise TooLargeError(str(path), f"over the {limit / 2**20:.0f} MB limit once decompressed")
    if cut is not None:
        if not data.strip():
            raise MalformedInputError(str(path), f"broken gzip data: {cut}")
        warnings.append(
            Salvage(
                "truncated-gzip",
                f"the compressed file was cut short ({cut}): the text ends where it was cut",
                len(data),
            )
        )
    return data
