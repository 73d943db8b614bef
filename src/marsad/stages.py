"""The built-in stages of the extraction pipeline.

=========  =====================  ==============================================
stage      requires               assigns
=========  =====================  ==============================================
clean      raw                    title, lead, body, boilerplate, published,
                                  author, url
furniture  body                   body, boilerplate
identify   title, body            id
=========  =====================  ==============================================
"""

from __future__ import annotations

import hashlib
import re

from .document import Document
from .errors import EmptyInputError
from .furniture import default_rules, split_furniture
from .record import Article, Salvage, require_words
from .registry import stage
from .segment import clean_lines, lead_unless_repeated, segment_text
from .text import normalize
from .timestamps import to_iso

__all__ = ["PARAGRAPH_SEPARATOR", "content_id"]

PARAGRAPH_SEPARATOR = "\n\n"
_CLOSED_HTML = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)


@stage(
    "clean",
    requires=("raw",),
    assigns=("title", "lead", "body", "boilerplate", "published", "author", "url"),
)
def clean(article: Article) -> Article:
    """Turn the raw document into title, lead and body paragraphs."""
    doc = article.raw
    if doc is None:
        raise EmptyInputError(article.source, "no document to clean")
    article.warnings.extend(doc.warnings)
    if doc.kind == "html":
        _clean_html(article, doc)
    elif doc.kind == "text":
        _clean_text(article, doc)
    else:
        _clean_fields(article, doc)
    if not article.body.strip() and not article.title.strip():
        raise EmptyInputError(doc.origin, "no article text (neither title nor body)")
    require_words(article, doc.origin)
    return article


def _clean_text(article: Article, doc: Document) -> None:
    seg = segment_text(doc.content)
    article.title = doc.title or seg.title
    article.lead = doc.lead or seg.lead
    article.body = PARAGRAPH_SEPARATOR.join(seg.paragraphs)
    article.boilerplate.extend(seg.boilerplate)
    _container_metadata(article, doc)


def _clean_html(article: Article, doc: Document) -> None:
    from .htmltext import extract_page  # trafilatura and lxml: only pages need them

    page = extract_page(doc.content, doc.origin, doc.url)
    article.title = doc.title or page.title
    paragraphs = _without_repeated_title(page.paragraphs, article.title)
    article.lead = lead_unless_repeated(doc.lead or page.lead, paragraphs)
    article.body = PARAGRAPH_SEPARATOR.join(paragraphs)
    article.published = page.published
    article.author = page.author
    article.url = doc.url or page.url
    _container_metadata(article, doc)
    article.warnings.extend(page.warnings)
    if not _CLOSED_HTML.search(doc.content[-4096:]):
        article.warnings.append(
            Salvage(
                "truncated-html",
                "truncated HTML (no closing </body> or </html>): the text may be incomplete",
                None,
            )
        )


def _without_repeated_title(paragraphs: list[str], title: str) -> list[str]:
    """Pages often repeat the headline as the first line of the extracted text."""
    if paragraphs and title and normalize(paragraphs[0]) == normalize(title):
        return paragraphs[1:]
    return paragraphs


def _clean_fields(article: Article, doc: Document) -> None:
    if doc.body_is_html:
        from .htmltext import fragment_to_text

        paragraphs = fragment_to_text(doc.content)
    else:
        paragraphs = [line for line in clean_lines(doc.content) if line]
    article.title = " ".join((doc.title or "").split())
    article.lead = lead_unless_repeated(doc.lead, paragraphs)
    article.body = PARAGRAPH_SEPARATOR.join(paragraphs)
    _container_metadata(article, doc)


def _container_metadata(article: Article, doc: Document) -> None:
    """What the container (feed, JSON line, WARC header) said wins over guesses."""
    article.published = to_iso(doc.published) or article.published
    article.author = doc.author or article.author
    article.url = doc.url or article.url


@stage("furniture", requires=("body",), assigns=("body", "boilerplate", "author", "published"))
def furniture(article: Article) -> Article:
    """Move page furniture out of the body into ``boilerplate``; an author line names the
    author and a date line («آخر تحديث: 12/03/2024 10:30») the publication day, when the
    container said neither."""
    rules = default_rules()
    kept, removed = split_furniture(article.body.split(PARAGRAPH_SEPARATOR), rules)
    article.body = PARAGRAPH_SEPARATOR.join(kept)
    article.boilerplate.extend(removed)
    if article.author is None:
        named = (rules.author(line) for line in article.boilerplate)
        article.author = next((name for name in named if name), None)
    if article.published is None:
        stamps = (_numeric_date(line) for line in article.boilerplate)
        article.published = next((stamp for stamp in stamps if stamp), None)
    return article


_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")


def _numeric_date(line: str) -> str | None:
    """The day of a numeric date (day first, as Arab sites write it) in a date line."""
    match = _NUMERIC_DATE.search(normalize(line))
    if match is None:
        return None
    day, month, year = (
        match.group(1, 2, 3) if match.group(1) else tuple(reversed(match.group(4, 5, 6)))
    )
    return to_iso(f"{int(day):02d}/{int(month):02d}/{year}")


def content_id(title: str, body: str) -> str:
    """Identical text (after normalization) gives the identical id, whatever its source."""
    digest = hashlib.sha256(f"{normalize(title)}\n{normalize(body)}".encode()).hexdigest()
    return digest[:20]


@stage("identify", requires=("title", "body"), assigns=("id",))
def identify(article: Article) -> Article:
    """A stable id: the content hash of the normalized title and body."""
    article.id = content_id(article.title, article.body)
    return article
