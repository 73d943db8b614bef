"""The archive: ingest, storage (SQLite or PostgreSQL), Arabic search, duplicates, stories, views.

:class:`Archive` is the front door; :class:`Store` the storage interface its two backends speak.
"""

from .analyzer import Term, analyze, stem, terms
from .archive import Archive
from .ingest import IngestReport, ingest
from .model import Filters, Hit, Outcome, Prepared, Query, Source, StoredArticle
from .query import parse_query
from .store import DEFAULT_LOCATION, Store, open_store
from .stories import Related, assign_stories, related
from .views import EntityProfile, Meeting, Name, QuoteRow, entity_profile, merge_variants

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
