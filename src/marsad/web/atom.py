"""A watchlist's Atom feed (RFC 4287): its matches, the most recently seen first.

Each entry carries its article's own publication time (``published`` and ``updated``); the
feed's ``updated`` is when the watchlist last matched something new.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from ..archive.watchlists import FeedEntry, Watchlist
from .highlight import clean_text

__all__ = ["ATOM_TYPE", "atom_feed"]

ATOM_TYPE = "application/atom+xml; charset=utf-8"
_NS = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value: str) -> str:
    return _NOT_XML.sub("", clean_text(value))


def _timestamp(value: str | None) -> str | None:
    """An RFC 3339 date-time from an ISO date or date-time (None when it is neither)."""
    if not value or not re.match(r"\d{4}-\d{2}-\d{2}", value):
        return None
    if "T" not in value:
        return value[:10] + "T00:00:00Z"
    return value if re.search(r"(Z|[+-]\d{2}:\d{2})$", value) else value + "Z"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{_NS}}}{tag}", attrs)
    if text is not None:
        element.text = _text(text)
    return element


def atom_feed(watch: Watchlist, entries: list[FeedEntry], base: str) -> bytes:
    """The feed document; ``base`` is the server's address (links are absolute)."""
    ET.register_namespace("", _NS)
    feed = ET.Element(f"{{{_NS}}}feed")
    _add(feed, "id", f"urn:marsad:watchlist:{watch.id}")
    _add(feed, "title", f"Marsad — {watch.name}")
    _add(feed, "subtitle", watch.query)
    _add(feed, "updated", _timestamp(max([e.first_seen for e in entries], default=watch.created)))
    _add(feed, "link", rel="self", href=f"{base}/api/watchlists/{watch.id}/feed.atom")
    _add(feed, "link", rel="alternate", href=f"{base}/watchlists/{watch.id}")
    author = _add(feed, "author")
    _add(author, "name", "Marsad")
    _add(feed, "generator", "Marsad")
    for entry in entries:
        a = entry.article
        item = _add(feed, "entry")
        _add(item, "id", f"urn:marsad:article:{a.id}")
        _add(item, "title", a.title or a.id)
        # the article's own time, so that readers order the entries of a new watchlist (all
        # matched at one moment) as the news came; records carry no later modification time,
        # so ``updated`` is the publication time, and the match's time only when it has none
        published = _timestamp(a.published)
        _add(item, "updated", published or _timestamp(entry.first_seen))
        if published:
            _add(item, "published", published)
        _add(item, "link", rel="alternate", href=f"{base}/article/{a.id}")
        source = _add(item, "author")
        _add(source, "name", a.source or "unknown")
        summary = a.lead or a.body.split("\n\n")[0]
        _add(item, "summary", summary[:600])
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return body
