"""RSS and Atom feed files, parsed with feedparser.

Each entry becomes a document with its title, summary (as lead), content (as
HTML body; the summary when there is no content), link, date and author.
feedparser recovers what it can from broken XML; the entries it recovers are
kept, and the breakage is reported as a rejection of the feed naming the error.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from ..document import Document, url_host
from ..errors import EmptyInputError, InputError, MalformedInputError
from ..htmltext import fragment_to_text
from ..record import Salvage

__all__ = ["read_feed"]


def read_feed(
    path: Path, data: bytes, warnings: list[Salvage] | None = None
) -> Iterator[Document | InputError]:
    """The entries of the feed in ``data`` (read from ``path``); ``warnings`` (what reading
    the file repaired, e.g. a cut gzip) go with each entry."""
    try:
        parsed = feedparser.parse(data)
    except (UnicodeError, LookupError, ValueError) as exc:  # e.g. an undecodable XML encoding
        yield MalformedInputError(str(path), f"broken feed XML: {type(exc).__name__}: {exc}")
        return
    entries: list[Any] = list(parsed.get("entries", []))
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        yield MalformedInputError(
            str(path), f"broken feed XML ({problem}); {len(entries)} entries recovered"
        )
    if not entries and not parsed.get("bozo"):
        yield EmptyInputError(str(path), "a feed with no entries")
    link = str(parsed.get("feed", {}).get("link") or "")
    site = url_host(link) or str(path)
    for i, entry in enumerate(entries):
        document = _document(entry, f"{path}#entry{i + 1}", site)
        if isinstance(document, Document) and warnings:
            document.warnings.extend(warnings)
        yield document


def _document(entry: Any, origin: str, site: str) -> Document | InputError:
    content = entry.get("content") or []
    body = content[0].get("value", "") if content else ""
    summary = entry.get("summary") or ""
    if not body:
        body, summary = summary, ""
    title = entry.get("title") or ""
    if not body.strip() and not title.strip():
        return EmptyInputError(origin, "a feed entry with neither title nor text")
    lead = " ".join(fragment_to_text(summary)) if summary else None
    return Document(
        origin=origin,
        kind="fields",
        content=body,
        body_is_html=True,
        url=entry.get("link"),
        title=" ".join(fragment_to_text(title)) if "<" in title else title,
        lead=lead,
        published=entry.get("published") or entry.get("updated"),
        author=entry.get("author"),
        source=site,
    )
