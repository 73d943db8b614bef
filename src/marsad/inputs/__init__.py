"""Readers: files, folders, WARC, feeds and JSON lines become documents.

:func:`read_sources` walks what it is given, detects each file's format from
its content, and yields :class:`~marsad.document.Document` objects, or a
:class:`Rejection` for each thing that could not be read, so that a batch goes on.
"""

from .detect import Format, detect_format
from .jsonl import JsonFields
from .reader import ReadOptions, Rejection, read_path, read_sources

__all__ = [
    "Format",
    "JsonFields",
    "ReadOptions",
    "Rejection",
    "detect_format",
    "read_path",
    "read_sources",
]
