"""Turning an article into what the store writes: index terms, signature, bands.

This runs in the ingest workers, so that the main process only writes.
"""

from __future__ import annotations

import json

from ..record import Article
from .analyzer import analyze, terms
from .dedup import bands, signature
from .model import Prepared
from .snippets import hit_text, pack_spans
from .store import Store

__all__ = ["fill_spans", "prepare"]


def prepare(article: Article) -> Prepared:
    """Index terms of the title and of lead + body (with where each comes from, for snippets),
    and the MinHash signature of the whole."""
    title_terms = terms(article.title)
    analyzed = analyze(hit_text(article.lead, article.body))
    body_terms = [t.term for t in analyzed]
    sig = signature(title_terms + body_terms)
    return Prepared(article, title_terms, body_terms, sig, bands(sig), pack_spans(analyzed))


#: What :func:`fill_spans` stores when an article's stored terms are not those the analyzer
#: gives today (an archive from an older Marsad): snippets analyze its text as before.
_NO_SPANS = b"-"


def fill_spans(store: Store, batch: int = 500) -> int:
    """Store the term spans of the articles archived before they were kept (migration 5),
    ``batch`` per transaction; how many articles were filled."""
    done = 0
    while rows := store.select(
        "SELECT id, record, terms FROM articles WHERE spans IS NULL LIMIT ?", [batch]
    ):
        updates: list[tuple[str, list[object]]] = []
        for aid, record, stored in rows:
            data = json.loads(str(record))
            analyzed = analyze(hit_text(data.get("lead"), data.get("body") or ""))
            kept = str(stored).split()
            fresh = [t.term for t in analyzed]
            same = len(fresh) <= len(kept) and kept[len(kept) - len(fresh) :] == fresh
            spans = pack_spans(analyzed) if same else _NO_SPANS
            updates.append(("UPDATE articles SET spans = ? WHERE id = ?", [spans, aid]))
        if not any(store.write(updates)):
            break
        done += len(rows)
    return done
