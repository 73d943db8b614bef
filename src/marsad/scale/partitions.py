"""Partitions: the input cut into pieces that one worker reads alone.

The driver defines partitions without ever holding the input in memory:

* small files (pages, text dumps, feeds, small WARC or JSON-lines files) are grouped in walk
  order until a group reaches ``size`` bytes or :data:`MAX_FILES` files;
* a WARC file (gzipped or not) is one partition: Common Crawl writes files of about 1 GB, so a
  crawl is already cut, and a record's origin (``path@offset``) stays what the local engine says;
* a plain JSON-lines file larger than ``size`` is cut at line boundaries found by one streaming
  pass: each partition is a byte range a worker seeks to, with the number of its first line so
  that origins (``path:line``) are the local engine's;
* a gzipped JSON-lines file larger than ``size`` cannot be sought into, so the driver
  decompresses it as a stream and ships each chunk of lines with its partition.

A partition's :attr:`~Partition.key` names its pieces (absolute path, size, modification time,
range): a partition already stored by an earlier run is skipped, and a changed file is read again.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal, cast

from ..document import Document
from ..errors import InputError
from ..inputs import ReadOptions, Rejection, read_path
from ..inputs.detect import read_head, sniff_format
from ..inputs.jsonl import _parse_line

__all__ = ["DEFAULT_PARTITION_BYTES", "MAX_FILES", "Partition", "Piece", "partitions", "read"]

#: Input bytes per partition, uncompressed: about 1,200 ANT-sized articles, half a minute of
#: one worker running the whole pipeline.
DEFAULT_PARTITION_BYTES = 4 * 2**20
#: What a gzipped file is taken to hold per byte when files are grouped (Arabic news text
#: compresses about 4:1); large gzipped JSON lines are then cut by their real, uncompressed size.
GZIP_RATIO = 4
#: Files grouped into one partition at most (folders of single pages).
MAX_FILES = 1000
_GLOB = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Piece:
    """Part of one file: the whole of it, a byte range of JSON lines, or lines shipped along."""

    path: str
    start: int = 0
    end: int | None = None
    first_line: int = 1
    lines: bytes | None = None

    def describe(self) -> str:
        if self.lines is not None:
            last = self.first_line + self.lines.count(b"\n") - 1
            return f"{self.path} lines {self.first_line}-{last}"
        return self.path if self.end is None else f"{self.path} bytes {self.start}-{self.end}"


@dataclass(frozen=True, slots=True)
class Partition:
    """One task: pieces of input read, run through the pipeline and stored together."""

    key: str
    pieces: tuple[Piece, ...]
    size: int

    @property
    def label(self) -> str:
        first = self.pieces[0].describe()
        more = len(self.pieces) - 1
        return f"{first} (+{more} files)" if more else first


def partitions(
    sources: Iterable[str | os.PathLike[str]],
    options: ReadOptions | None = None,
    size: int = DEFAULT_PARTITION_BYTES,
) -> Iterator[Partition | Rejection]:
    """The partitions of ``sources`` (files, folders, glob patterns), lazily, in input order."""
    options = options or ReadOptions()
    group: list[tuple[Piece, int]] = []
    for item in _files(sources, options):
        if isinstance(item, Rejection):
            yield item
            continue
        length = _size(item)
        if group and (
            sum(n for _, n in group) + length > size or len(group) >= MAX_FILES or length > size
        ):
            yield _partition(group)
            group = []
        if length <= size:
            group.append((Piece(str(item)), length))
            continue
        kind = _splittable(item)
        if kind is None:
            yield _partition([(Piece(str(item)), length)])
        else:
            yield from _split(item, kind, size)
    if group:
        yield _partition(group)


def read(partition: Partition, options: ReadOptions) -> Iterator[Document | Rejection]:
    """The documents of a partition (in a worker), exactly as the local engine reads them."""
    for piece in partition.pieces:
        if piece.end is None and piece.lines is None:
            yield from read_path(Path(piece.path), options)
            continue
        try:
            yield from _lines(piece, options)
        except OSError as exc:
            yield Rejection(piece.path, "unreadable", f"cannot read: {exc.strerror or exc}")


# -- the driver's side ----------------------------------------------------------------------


def _files(
    sources: Iterable[str | os.PathLike[str]], options: ReadOptions
) -> Iterator[Path | Rejection]:
    """Every file named, found in a folder walk (as the local engine walks) or by a pattern."""
    for source in sources:
        text = os.fspath(source)
        paths = [Path(text)]
        if not paths[0].exists() and _GLOB & set(text):
            paths = [Path(p) for p in sorted(glob.glob(text, recursive=True))]
            if not paths:
                yield Rejection(text, InputError.reason, "no file matches this pattern")
        for path in paths:
            if not path.is_dir():
                yield path
                continue
            for child in _walk(path):
                if child.suffix.lower() not in options.skip_suffixes:
                    yield child


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _size(path: Path) -> int:
    """The file's size, uncompressed as far as its name tells."""
    try:
        size = path.stat().st_size
    except OSError:
        return 0  # read_path, in the worker, says what is wrong with it
    return size * GZIP_RATIO if path.suffix.lower() == ".gz" else size


def _splittable(path: Path) -> Literal["plain", "gzip"] | None:
    """Whether a large file is JSON lines, which can be cut between lines."""
    try:
        head, gzipped = read_head(path)
        if sniff_format(head, str(path)) != "jsonl":
            return None
    except (InputError, OSError):
        return None
    return "gzip" if gzipped else "plain"


def _split(path: Path, kind: Literal["plain", "gzip"], size: int) -> Iterator[Partition]:
    stat = path.stat()
    stamp = f"{os.path.abspath(path)}|{stat.st_size}|{stat.st_mtime_ns}"
    shipped = kind == "gzip"
    with gzip.open(path) if shipped else path.open("rb") as raw:
        for start, end, first, text in _chunks(cast(IO[bytes], raw), size, keep=shipped):
            if shipped:
                piece = Piece(str(path), first_line=first, lines=text)
                key = _key(f"{stamp}|lines {first}|{start}-{end}")
            else:
                piece = Piece(str(path), start, end, first)
                key = _key(f"{stamp}|{start}-{end}")
            yield Partition(key, (piece,), end - start)


def _chunks(stream: IO[bytes], size: int, *, keep: bool) -> Iterator[tuple[int, int, int, bytes]]:
    """``(start, end, first line, lines)`` of runs of whole lines of about ``size`` bytes."""
    start = position = 0
    first = line_no = 1
    kept: list[bytes] = []
    for line in stream:
        position += len(line)
        line_no += 1
        if keep:
            kept.append(line)
        if position - start >= size:
            yield start, position, first, b"".join(kept)
            start, first, kept = position, line_no, []
    if position > start:
        yield start, position, first, b"".join(kept)


def _partition(group: list[tuple[Piece, int]]) -> Partition:
    stamps = []
    for piece, length in group:
        try:
            mtime = Path(piece.path).stat().st_mtime_ns
        except OSError:
            mtime = 0
        stamps.append(f"{os.path.abspath(piece.path)}|{length}|{mtime}")
    return Partition(_key("\n".join(stamps)), tuple(p for p, _ in group), sum(n for _, n in group))


def _key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


# -- the worker's side ----------------------------------------------------------------------


def _lines(piece: Piece, options: ReadOptions) -> Iterator[Document | Rejection]:
    """The JSON lines of a range or a shipped chunk, numbered as in the whole file."""
    fields, limit = options.json_fields, options.max_bytes
    stream: IO[bytes]
    if piece.lines is not None:
        stream = io.BytesIO(piece.lines)
    else:
        stream = open(piece.path, "rb")  # noqa: SIM115 - closed below
        stream.seek(piece.start)
    with stream:
        position = piece.start
        for line_no, line in enumerate(stream, start=piece.first_line):
            if piece.end is not None and position >= piece.end:
                break
            position += len(line)
            if line.strip():
                item = _parse_line(line, f"{piece.path}:{line_no}", fields, limit)
                yield Rejection.of(item) if isinstance(item, InputError) else item
