"""The archive: ingest, storage (SQLite or PostgreSQL), Arabic search, duplicates, stories, views.

:class:`Archive` is the front door; :class:`Store` the storage interface its two backends speak.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from .._lazy import lazy_attribute

if TYPE_CHECKING:
    from .analyzer import Term, analyze, stem, terms
    from .archive import Archive
    from .ingest import IngestReport, ingest
    from .model import Filters, Hit, Outcome, Prepared, Query, Source, StoredArticle
    from .query import parse_query
    from .store import DEFAULT_LOCATION, Store, open_store
    from .stories import Related, assign_stories, related
    from .views import EntityProfile, Meeting, Name, QuoteRow, entity_profile, merge_variants

# The archive's modules are imported on first use: ``marsad ingest --help`` (which imports
# :mod:`marsad.archive.cli`, inside this package) need not load the pipeline or datasketch.
_LAZY = {
    "Term": "analyzer", "analyze": "analyzer", "stem": "analyzer", "terms": "analyzer",
    "Archive": "archive",
    "IngestReport": "ingest", "ingest": "ingest",
    "Filters": "model", "Hit": "model", "Outcome": "model", "Prepared": "model",
    "Query": "model", "Source": "model", "StoredArticle": "model",
    "parse_query": "query",
    "DEFAULT_LOCATION": "store", "Store": "store", "open_store": "store",
    "Related": "stories", "assign_stories": "stories", "related": "stories",
    "EntityProfile": "views", "Meeting": "views", "Name": "views", "QuoteRow": "views",
    "entity_profile": "views", "merge_variants": "views",
}  # fmt: skip


def __getattr__(name: str) -> object:
    value = lazy_attribute(__name__, globals(), _LAZY, name)
    _keep_ingest_the_function()
    return value


def _keep_ingest_the_function() -> None:
    """``marsad.archive.ingest`` is the function, as when this package imported it at once;
    importing the module of the same name (as :mod:`marsad.archive.archive` does) rebinds it."""
    module = sys.modules.get(f"{__name__}.ingest")
    if module is not None:
        globals()["ingest"] = module.ingest


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "DEFAULT_LOCATION",
    "Archive",
    "EntityProfile",
    "Filters",
    "Hit",
    "IngestReport",
    "Meeting",
    "Name",
    "Outcome",
    "Prepared",
    "Query",
    "QuoteRow",
    "Related",
    "Source",
    "Store",
    "StoredArticle",
    "Term",
    "analyze",
    "assign_stories",
    "entity_profile",
    "ingest",
    "merge_variants",
    "open_store",
    "parse_query",
    "related",
    "stem",
    "terms",
]
