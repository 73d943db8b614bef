"""Turning an article into what the store writes: index terms, signature, bands.

This runs in the ingest workers, so that the main process only writes.
"""

from __future__ import annotations

from ..record import Article
from .analyzer import terms
from .dedup import bands, signature
from .model import Prepared

__all__ = ["prepare"]


def prepare(article: Article) -> Prepared:
    """Index terms of the title and of lead + body, and the MinHash signature of the whole."""
    title_terms = terms(article.title)
    body_terms = terms(f"{article.lead or ''}\n{article.body}")
    sig = signature(title_terms + body_terms)
    return Prepared(article, title_terms, body_terms, sig, bands(sig))
