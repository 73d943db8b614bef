"""Marsad's exceptions: one rooted hierarchy, each carrying what it concerns.

::

    MarsadError                      anything Marsad raises on purpose
    ├── InputError                   a document or file that cannot become an article (has .source)
    │   ├── EmptyInputError          nothing in it (0 bytes, whitespace, no text after extraction)
    │   ├── BinaryInputError         not text: an image, an archive, an executable
    │   ├── EncodingError            bytes that no Arabic-capable encoding decodes
    │   ├── TooLargeError            over the configured size limit
    │   └── MalformedInputError      a broken container: WARC record, feed XML, JSON line, HTML
    │       └── TruncatedInputError  a container cut short: what came before the cut was read
    ├── PipelineError                a pipeline that cannot be built (unknown stage, unmet requirement)
    ├── StageError                   a stage that broke its contract on an article (has .stage)
    ├── RecordError                  JSON that is not an article record
    └── StoreError                   the archive cannot be opened, read or written (has .location)
        ├── ArchiveLockedError       another process holds the archive's write lock
        ├── ArchiveFullError         the disk holding the archive is full (what was stored stays)
        ├── ReadOnlyArchiveError     the archive (or its folder) cannot be written
        └── CorruptArchiveError      not an archive, damaged, or a schema newer than this Marsad

In a batch, an :class:`InputError` becomes a :class:`~marsad.inputs.Rejection`
and the batch goes on; a stage failure becomes an entry in ``Article.errors``.
Damage that a reader steps over is no error: the article is kept with a
:class:`~marsad.record.Salvage` in ``Article.warnings`` saying what was repaired.
"""

from __future__ import annotations

__all__ = [
    "ArchiveFullError",
    "ArchiveLockedError",
    "BinaryInputError",
    "CorruptArchiveError",
    "EmptyInputError",
    "EncodingError",
    "InputError",
    "MalformedInputError",
    "MarsadError",
    "PipelineError",
    "ReadOnlyArchiveError",
    "RecordError",
    "StageError",
    "StoreError",
    "TooLargeError",
    "TruncatedInputError",
]


class MarsadError(Exception):
    """Root of every error Marsad raises on purpose."""


class InputError(MarsadError):
    """A source that cannot become an article. ``source`` names it (path, URL, path#record)."""

    reason = "bad input"

    def __init__(self, source: str, message: str) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}")


class EmptyInputError(InputError):
    reason = "empty"


class BinaryInputError(InputError):
    reason = "binary"


class EncodingError(InputError):
    reason = "encoding"


class TooLargeError(InputError):
    reason = "too large"


class MalformedInputError(InputError):
    reason = "malformed"


class TruncatedInputError(MalformedInputError):
    """A file cut short (a gzip member, a WARC record): the documents before the cut were read."""

    reason = "truncated"


class PipelineError(MarsadError):
    """A pipeline that cannot be built as asked."""


class StageError(MarsadError):
    """A stage that broke its contract (e.g. returned something other than an Article)."""

    def __init__(self, stage: str, message: str) -> None:
        self.stage = stage
        super().__init__(f"stage {stage!r}: {message}")


class RecordError(MarsadError):
    """JSON that does not follow the article record contract."""


class StoreError(MarsadError):
    """The archive cannot be opened, read or written. ``location`` names it (path or URL)."""

    def __init__(self, location: str, message: str) -> None:
        self.location = location
        self.message = message
        super().__init__(f"{location}: {message}")


class ArchiveLockedError(StoreError):
    """Another process holds the archive's write lock for longer than we waited."""


class ArchiveFullError(StoreError):
    """The disk (or quota) holding the archive is full: the transaction in flight was rolled
    back, everything committed before is kept and readable."""


class ReadOnlyArchiveError(StoreError):
    """The archive file, its journal or its folder cannot be written."""


class CorruptArchiveError(StoreError):
    """Not a Marsad archive, a damaged file, or a schema newer than this version knows."""
