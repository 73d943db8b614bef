"""The archive schema, as numbered migrations per backend.

A store records the highest migration applied in ``schema_version``; opening an archive applies
the missing ones in one transaction, and refuses an archive from a newer Marsad. Add a migration
by appending to both lists: never edit one that has shipped.
"""

from __future__ import annotations

from typing import Final

__all__ = ["POSTGRES", "SQLITE"]

# Tables both backends share, written in the SQL both speak; {blob} is the binary type.
_COMMON = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    url TEXT,
    published TEXT,
    record TEXT NOT NULL,
    terms TEXT NOT NULL,
    doclen INTEGER NOT NULL,
    signature {blob},
    dup_group TEXT NOT NULL,
    story TEXT
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_group ON articles (dup_group);
CREATE INDEX articles_story ON articles (story);
CREATE TABLE article_sources (
    article_id TEXT NOT NULL REFERENCES articles (id),
    source TEXT NOT NULL,
    url TEXT NOT NULL DEFAULT '',
    published TEXT,
    PRIMARY KEY (article_id, source, url)
);
CREATE INDEX article_sources_source ON article_sources (source);
CREATE TABLE lsh_bands (
    bucket TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id),
    PRIMARY KEY (bucket, article_id)
);
CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles (id),
    idx INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    latin TEXT,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX entities_key ON entities (key);
CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles (id),
    idx INTEGER NOT NULL,
    speaker_key TEXT,
    speaker_text TEXT NOT NULL,
    verb TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes (speaker_key);
CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles (id),
    idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    trigger TEXT NOT NULL,
    agent_key TEXT,
    target_key TEXT,
    participant_keys TEXT NOT NULL,
    place_key TEXT,
    date TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_type ON events (type);
CREATE TABLE rejections (
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (source, reason)
);
"""

# Migration 2: watchlists (saved queries) and the articles each has matched, with when the
# archive first saw the match (what a watchlist's Atom feed lists, newest first).
_WATCHLISTS = """
CREATE TABLE watchlists (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    query TEXT NOT NULL,
    filters TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE watchlist_hits (
    watchlist_id TEXT NOT NULL REFERENCES watchlists (id),
    article_id TEXT NOT NULL REFERENCES articles (id),
    first_seen TEXT NOT NULL,
    PRIMARY KEY (watchlist_id, article_id)
);
CREATE INDEX watchlist_hits_seen ON watchlist_hits (watchlist_id, first_seen);
"""

# Migration 3: partitions of an ingest on a cluster (marsad.scale) already stored, so that a
# stopped or failed run, started again, skips them. Their articles are in ``articles`` whatever
# this table says: it saves work, the primary key keeps every article once.
_PARTITIONS = """
CREATE TABLE partitions_done (
    key TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    articles INTEGER NOT NULL,
    rejected INTEGER NOT NULL,
    finished TEXT NOT NULL
);
"""

# Migration 4: what the web pages read precomputed, one row per article by primary key.
# ``article_facets``: the values a search's facets count, per article (each list distinct, its
# items separated by char 30, the fields of an entity ``key, type, name`` by char 31; the name
# is the article's longest-sorting spelling, as the facet's ``max(name)``), so facets over a
# thousand matches read a thousand short rows instead of grouping every entity row they name.
# ``related_lists``: an article's «read also» candidates, ``[[id, score], ...]`` best first as
# JSON, written when stories are assigned (see :mod:`marsad.archive.stories`).
_PRECOMPUTED = """
CREATE TABLE article_facets (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    published TEXT,
    sources TEXT NOT NULL,
    entity_types TEXT NOT NULL,
    event_types TEXT NOT NULL,
    entities TEXT NOT NULL
);
CREATE TABLE related_lists (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    items TEXT NOT NULL
);
INSERT INTO article_facets (article_id, published, sources, entity_types, event_types, entities)
SELECT a.id, a.published,
    coalesce((SELECT {agg}(v, {rs}) FROM (SELECT DISTINCT {clean_source} AS v
        FROM article_sources WHERE article_id = a.id) s), ''),
    coalesce((SELECT {agg}(v, {rs}) FROM (SELECT DISTINCT type AS v
        FROM entities WHERE article_id = a.id) s), ''),
    coalesce((SELECT {agg}(v, {rs}) FROM (SELECT DISTINCT type AS v
        FROM events WHERE article_id = a.id) s), ''),
    coalesce((SELECT {agg}({clean_k} || {us} || type || {us} || {clean_n}, {rs})
        FROM (SELECT key AS k, type, max(name{binary}) AS n FROM entities WHERE article_id = a.id
        GROUP BY key, type) s), '')
FROM articles a
"""


# Migration 5: where each index term of an article's lead and body comes from
# (:func:`marsad.archive.snippets.pack_spans`), so that search snippets are cut from what ingest
# found instead of analyzing the text again for every hit. Articles archived before have none
# until ``fill_spans`` (run by ``marsad ingest``) stores them; snippets then analyze as before.
_SPANS = """
ALTER TABLE articles ADD COLUMN spans {blob};
CREATE INDEX articles_no_spans ON articles (id) WHERE spans IS NULL;
"""


# Migration 6: the parties of each event (its agent, target and participants: keys of its
# article's entities), one row each, so that an entity page reads the events it takes part in
# by key instead of every event of every article naming it.
_PARTIES = """
CREATE TABLE event_parties (
    key TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id),
    idx INTEGER NOT NULL,
    PRIMARY KEY (key, article_id, idx)
);
"""
#: SQLite: the parties split out of ``agent|target|participants`` by a recursive query.
_PARTIES_SQLITE = (
    _PARTIES
    + """
INSERT INTO event_parties (key, article_id, idx)
WITH RECURSIVE parts (article_id, idx, rest, key) AS (
    SELECT article_id, idx, coalesce(agent_key, '') || '|' || coalesce(target_key, '') || '|'
        || participant_keys || '|', ''
    FROM events
    UNION ALL
    SELECT article_id, idx, substr(rest, instr(rest, '|') + 1),
        substr(rest, 1, instr(rest, '|') - 1)
    FROM parts WHERE rest != ''
)
SELECT DISTINCT key, article_id, idx FROM parts WHERE key != ''
"""
)
#: PostgreSQL: the same, split by ``string_to_array``.
_PARTIES_POSTGRES = (
    _PARTIES
    + """
INSERT INTO event_parties (key, article_id, idx)
SELECT DISTINCT p, article_id, idx FROM events, unnest(string_to_array(
    coalesce(agent_key, '') || '|' || coalesce(target_key, '') || '|' || participant_keys, '|'
)) AS p WHERE p != ''
"""
)


# Migration 7: the entities index holds the article and the type beside the key, so the
# articles naming an entity are read from the index alone (an entity page of a name in
# thousands of articles read each of its rows from the table: 4.5 -> 0.7 ms on average for
# the 40 most named keys of the ANT archive).
_ENTITY_ARTICLES = """
CREATE INDEX entities_key_article ON entities (key, article_id, type);
DROP INDEX entities_key;
"""


def _precomputed(agg: str, char: str, binary: str = "") -> str:
    """Migration 4 in a backend's words: its string aggregate, its character function, and
    the collation comparing text by code point (SQLite's default)."""
    rs, us = f"{char}(30)", f"{char}(31)"

    def clean(column: str) -> str:  # the separators never occur inside a value
        return f"replace(replace({column}, {rs}, ' '), {us}, ' ')"

    return _PRECOMPUTED.format(
        agg=agg, rs=rs, us=us, clean_source=clean("source"), clean_k=clean("k"),
        clean_n=clean("n"), binary=binary,
    )  # fmt: skip


#: SQLite: FTS5 over the analyzer's terms (contentless: the text lives in ``articles``).
SQLITE: Final[list[str]] = [
    _COMMON.format(blob="BLOB")
    + """
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, content='', tokenize='unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE articles_vocab USING fts5vocab (articles_fts, 'row');
""",
    _WATCHLISTS,
    _PARTITIONS,
    _precomputed("group_concat", "char"),
    _SPANS.format(blob="BLOB"),
    _PARTIES_SQLITE,
    _ENTITY_ARTICLES,
]

#: PostgreSQL: a tsvector of the analyzer's terms ('simple' configuration) under a GIN index,
#: and document frequencies for bm25.
POSTGRES: Final[list[str]] = [
    _COMMON.format(blob="BYTEA")
    + """
ALTER TABLE articles ADD COLUMN tsv tsvector NOT NULL DEFAULT ''::tsvector;
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL);
""",
    _WATCHLISTS,
    _PARTITIONS,
    _precomputed("string_agg", "chr", ' COLLATE "C"'),
    _SPANS.format(blob="BYTEA"),
    _PARTIES_POSTGRES,
    _ENTITY_ARTICLES,
]
