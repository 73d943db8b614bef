"""HTML to article text: trafilatura for whole pages, lxml for fragments.

libxml2 gives up on markup nested deeper than 256 elements (2048 with its huge-tree
option), dropping everything below: a page of a few thousand nested ``<div>`` then has
no text at all. Such a page is first flattened (:func:`flatten_html`, a tokenizer that
keeps no tree, so no depth limit) into its title, meta tags and paragraphs, and read
from that, with a ``deep-html`` warning on the record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape, unescape
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from .errors import EmptyInputError, MalformedInputError
from .record import Salvage
from .timestamps import to_iso

__all__ = ["PageText", "extract_page", "flatten_html", "fragment_to_text"]

#: Elements that end a line of text when converting a fragment.
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "section",
        "article",
        "tr",
        "table",
        "figure",
        "figcaption",
    ]
)
#: Where pages state their publication time with a time of day (tried in order);
#: trafilatura's htmldate gives the day, these add the hour and zone when they agree.
PUBLISHED_XPATHS: tuple[str, ...] = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@property='og:published_time' or @name='pubdate' or @name='publishdate']/@content",
    "//meta[@name='DC.date.issued' or @name='dcterms.created' or @name='date']/@content",
    "//time[@pubdate]/@datetime",
    "//article//time/@datetime",
    "//time/@datetime",
)
#: Elements whose text is never article text.
SKIP_TAGS = frozenset(["script", "style", "noscript", "iframe", "svg", "form", "button", "nav"])


@dataclass(slots=True)
class PageText:
    title: str = ""
    lead: str | None = None  # the page's description; may repeat the body's opening
    paragraphs: list[str] = field(default_factory=list)
    published: str | None = None
    author: str | None = None
    url: str | None = None
    warnings: list[Salvage] = field(default_factory=list)


def extract_page(html: str, source: str, url: str | None = None) -> PageText:
    """Title, lead, paragraphs, date and author of a whole page."""
    warnings: list[Salvage] = []
    tree, deep = _parse(html, source)
    if deep:
        html = flatten_html(html)
        tree, _ = _parse(html, source)
        warnings.append(
            Salvage(
                "deep-html",
                "the page's markup is nested too deep for the HTML parser: its text was read "
                "from a flattened copy (page furniture may remain in the body)",
                None,
            )
        )
    doc = _trafilatura(html, url, favor_recall=False)
    paragraphs = _lines(doc.get("text"))
    if not paragraphs:  # a short or unusual page: ask for recall, then for any text at all
        doc = _trafilatura(html, url, favor_recall=True) or doc
        paragraphs = _lines(doc.get("text")) or _lines(trafilatura.baseline(html)[1])
    if not paragraphs:
        raise EmptyInputError(source, "no article text found in the HTML page")
    return PageText(
        title=(doc.get("title") or "").strip(),
        lead=(doc.get("description") or "").strip() or None,
        paragraphs=paragraphs,
        published=_published(tree, to_iso(doc.get("date"))),
        author=(doc.get("author") or None),
        url=url or doc.get("url"),
        warnings=warnings,
    )


def _parse(html: str, source: str) -> tuple[Any, bool]:
    """The page's tree, and whether libxml2 cut it at its depth limit."""
    parser = lxml_html.HTMLParser()
    try:
        tree = lxml_html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise MalformedInputError(source, f"not parseable as HTML: {exc}") from exc
    deep = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    return tree, deep


def flatten_html(html: str) -> str:
    """A shallow copy of a page: its title, meta tags and one ``<p>`` per block of text.

    Regular expressions, not a parser (no tree, so no depth limit, and in C): what a skipped
    element holds goes, a block element's tags become line ends, other tags vanish.
    """
    head = _HEAD.search(html)
    title = _TITLE.search(head.group(0) if head else html[:65536])
    metas = _META.findall(head.group(0) if head else html[:65536])
    text = _HEAD.sub(" ", html, count=1)
    text = _SKIPPED.sub(" ", _COMMENT.sub(" ", text))
    text = _INLINE_TAG.sub("", _BLOCK_TAG.sub("\n", text))
    blocks = (" ".join(line.split()) for line in unescape(text).split("\n"))
    body = "".join(f"<p>{escape(b)}</p>\n" for b in blocks if b)
    name = escape(" ".join(unescape(title.group(1)).split())) if title else ""
    return (
        f"<html><head><title>{name}</title>{''.join(metas)}</head>"
        f"<body><article>{body}</article></body></html>"
    )


_HEAD = re.compile(r"<head\b.*?</head\s*>", re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_SKIPPED = re.compile(
    r"<(script|style|noscript|iframe|svg|form|button|nav)\b[^>]*>.*?(?:</\1\s*>|$)",
    re.IGNORECASE | re.DOTALL,
)
_BLOCK_TAG = re.compile(
    r"</?(?:" + "|".join(sorted(BLOCK_TAGS | {"body", "main", "header", "footer", "aside"}))
    + r")\b[^>]*>",
    re.IGNORECASE,
)  # fmt: skip
_INLINE_TAG = re.compile(r"</?[a-zA-Z!?][^>]*>")


def _trafilatura(html: str, url: str | None, *, favor_recall: bool) -> dict[str, Any]:
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_recall=favor_recall,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    if result is None:
        return {}
    return result if isinstance(result, dict) else dict(result.as_dict())


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def _published(tree: Any, day: str | None) -> str | None:
    """The most precise publication time the page states, consistent with ``day``."""
    for xpath in PUBLISHED_XPATHS:
        for value in tree.xpath(xpath):
            stamp = to_iso(str(value))
            if stamp and len(stamp) > 10 and (day is None or stamp.startswith(day)):
                return stamp
    return day


def fragment_to_text(fragment: str) -> list[str]:
    """Paragraphs of an HTML fragment (a feed entry's content)."""
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return [line.strip() for line in fragment.splitlines() if line.strip()]
    parts: list[str] = []
    _walk(root, parts)
    return [p.strip() for p in "".join(parts).split("\n") if p.strip()]


def _walk(element: Any, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in SKIP_TAGS:
        parts.append(element.tail or "")
        return
    if tag in BLOCK_TAGS:
        parts.append("\n")
    parts.append(element.text or "")
    for child in element:
        _walk(child, parts)
    if tag in BLOCK_TAGS:
        parts.append("\n")
    parts.append(element.tail or "")
