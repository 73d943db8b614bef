"""What a reader hands to the pipeline: one document, decoded, not yet understood."""

from __future__ import annotations

import re
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
        for name in _TEXT_FIELDS:
            value = getattr(self, name)
            if value and _SURROGATE.search(value):
                setattr(self, name, _replace_surrogates(value, name, self.warnings))


#: A code point of half a UTF-16 pair, which no text may hold alone: a JSON escape such as
#: ``\udc06`` decodes to one, and nothing can encode it.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: The document's text fields, named as the record names them in a warning.
_TEXT_FIELDS = {
    "content": "body",
    "title": "title",
    "lead": "lead",
    "url": "url",
    "published": "published",
    "author": "author",
    "source": "source",
}


def _replace_surrogates(text: str, name: str, warnings: list[Salvage]) -> str:
    """``text`` with each lone surrogate made U+FFFD, the repair noted in ``warnings``."""
    from .record import Salvage  # the record module reads documents: imported when needed

    found = _SURROGATE.findall(text)
    warnings.append(
        Salvage(
            "replaced-bytes",
            f"{len(found)} lone surrogate code point{'s' if len(found) > 1 else ''} in the "
            f"{_TEXT_FIELDS[name]} (an escape that names half a character, such as "
            f"\\u{ord(found[0]):04x}) became U+FFFD",
        )
    )
    return _SURROGATE.sub("\ufffd", text)
