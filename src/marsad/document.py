"""What a reader hands to the pipeline: one document, decoded, not yet understood."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal
from urllib.parse import SplitResult, urlsplit

if TYPE_CHECKING:
    from .record import Salvage

__all__ = ["Document", "DocumentKind", "split_url", "url_host"]

#: ``text``: a plain-text dump (title, lead, paragraphs, furniture, all as lines);
#: ``html``: a whole web page; ``fields``: title/lead/body already separated
#: (JSON lines, feed entries), the body being plain text or, when
#: ``body_is_html``, an HTML fragment.
DocumentKind = Literal["text", "html", "fields"]


def split_url(url: str) -> SplitResult | None:
    """``url`` split into its parts, or None when it cannot be: a crawl's URLs can be
    damaged (``http://[abc/`` makes :func:`urllib.parse.urlsplit` raise ValueError)."""
    try:
        return urlsplit(url.strip())
    except ValueError:
        return None


def url_host(url: str | None) -> str:
    """The host part of ``url`` ("" when there is none or the address is damaged)."""
    parts = split_url(url) if url else None
    return parts.netloc if parts is not None else ""


@dataclass(slots=True)
class Document:
    """A decoded input document and what its container said about it."""

    origin: str  # where exactly, for messages: a path, path:line, path#record
    kind: DocumentKind
    content: str
    url: str | None = None
    title: str | None = None
    lead: str | None = None
    published: str | None = None
    author: str | None = None
    encoding: str | None = None
    body_is_html: bool = False
    source: str = ""  # the site or file it came from (defaults to origin)
    #: what the reader repaired to read it (a cut last character, a few invalid bytes)
    warnings: list[Salvage] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.source:
            self.source = self.origin
