"""Exports that load straight into pandas: JSON lines, CSV, Parquet.

JSON lines: one full record per line (the contract of ``shared/RECORD.md``), with the archive's
``sources``, ``duplicate_group`` and ``story`` added. CSV and Parquet: one table per kind of row,
each in its own file of a folder — ``articles`` (one row per article) and the long tables
``entities``, ``quotes`` and ``events`` (one row per fact, ``article_id`` joining them).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ..errors import StoreError
from .model import Filters, StoredArticle
from .sqlbase import filter_sql, name_key
from .store import Store

__all__ = ["EXPORT_FORMATS", "TABLES", "export_jsonl", "export_tables", "iter_stored", "table_rows"]

EXPORT_FORMATS = ("jsonl", "csv", "parquet")

#: The columns of each exported table, in order.
TABLES: dict[str, tuple[str, ...]] = {
    "articles": (
        "id",
        "title",
        "lead",
        "body",
        "source",
        "sources",
        "url",
        "published",
        "author",
        "duplicate_group",
        "story",
        "entities",
        "quotes",
        "events",
    ),
    "entities": (
        "article_id",
        "entity_id",
        "name",
        "key",
        "type",
        "latin",
        "honorifics",
        "roles",
        "mentions",
    ),
    "quotes": (
        "article_id",
        "speaker",
        "speaker_name",
        "speaker_text",
        "verb",
        "kind",
        "implicit_speaker",
        "text",
        "field",
        "start",
        "end",
    ),
    "events": (
        "article_id",
        "type",
        "trigger",
        "agent",
        "target",
        "participants",
        "place",
        "date",
        "amount",
        "mode",
    ),
}


def iter_stored(
    store: Store, filters: Filters | None = None, chunk: int = 200
) -> Iterator[StoredArticle]:
    """Every archived article ``filters`` allows, by publication date then id."""
    where, params = filter_sql(filters or Filters())
    ids = [
        str(r[0])
        for r in store.select(
            f"SELECT a.id FROM articles a WHERE {where} ORDER BY a.published, a.id", params
        )
    ]
    for i in range(0, len(ids), chunk):
        yield from store.get(ids[i : i + chunk])


def _record(stored: StoredArticle) -> dict[str, Any]:
    data = stored.article.to_dict()
    data["sources"] = [
        {"source": s.source, "url": s.url, "published": s.published} for s in stored.sources
    ]
    data["duplicate_group"] = stored.group
    data["story"] = stored.story
    return data


def export_jsonl(store: Store, out: TextIO, filters: Filters | None = None) -> int:
    """Write JSON lines; returns how many articles."""
    count = 0
    for stored in iter_stored(store, filters):
        out.write(json.dumps(_record(stored), ensure_ascii=False) + "\n")
        count += 1
    return count


def table_rows(stored: StoredArticle) -> dict[str, list[dict[str, Any]]]:
    """The rows one article contributes to each table."""
    a = stored.article
    names = {e.id: e.name for e in a.entities}
    article = {
        "id": a.id,
        "title": a.title,
        "lead": a.lead,
        "body": a.body,
        "source": a.source,
        "sources": "|".join(s.source for s in stored.sources),
        "url": a.url,
        "published": a.published,
        "author": a.author,
        "duplicate_group": stored.group,
        "story": stored.story,
        "entities": len(a.entities),
        "quotes": len(a.quotes),
        "events": len(a.events),
    }
    entities = [
        {
            "article_id": a.id,
            "entity_id": e.id,
            "name": e.name,
            "key": name_key(e.name),
            "type": e.type,
            "latin": e.latin,
            "honorifics": "|".join(e.honorifics),
            "roles": "|".join(r.title for r in e.roles),
            "mentions": len(e.mentions),
        }
        for e in a.entities
    ]
    quotes = [
        {
            "article_id": a.id,
            "speaker": q.speaker,
            "speaker_name": names.get(q.speaker or ""),
            "speaker_text": q.speaker_text,
            "verb": q.verb,
            "kind": q.kind,
            "implicit_speaker": q.implicit_speaker,
            "text": q.text,
            "field": q.field,
            "start": q.start,
            "end": q.end,
        }
        for q in a.quotes
    ]
    events = [
        {
            "article_id": a.id,
            "type": ev.type,
            "trigger": ev.trigger.text,
            "agent": names.get(ev.agent or ""),
            "target": names.get(ev.target or ""),
            "participants": "|".join(names.get(p, p) for p in ev.participants),
            "place": names.get(ev.place or ""),
            "date": ev.date,
            "amount": ev.amount,
            "mode": ev.mode,
        }
        for ev in a.events
    ]
    return {"articles": [article], "entities": entities, "quotes": quotes, "events": events}


def export_tables(
    store: Store, folder: Path, fmt: str, filters: Filters | None = None
) -> dict[str, Path]:
    """Write ``articles``, ``entities``, ``quotes`` and ``events`` as CSV or Parquet files."""
    if fmt not in ("csv", "parquet"):
        raise StoreError(str(folder), f"unknown table format {fmt!r} (csv or parquet)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(str(folder), f"cannot create the export folder: {exc}") from exc
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for stored in iter_stored(store, filters):
        for name, rows in table_rows(stored).items():
            tables[name].extend(rows)
    write = _write_csv if fmt == "csv" else _write_parquet
    return {name: write(folder / f"{name}.{fmt}", name, rows) for name, rows in tables.items()}


def _write_csv(path: Path, name: str, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=TABLES[name])
        writer.writeheader()
        writer.writerows(rows)
    return path


def _write_parquet(path: Path, name: str, rows: list[dict[str, Any]]) -> Path:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow is in the parquet extra
        raise StoreError(str(path), "Parquet needs pyarrow: pip install 'marsad[parquet]'") from exc
    columns = {col: [row.get(col) for row in rows] for col in TABLES[name]}
    pq.write_table(pa.table(columns), path)
    return path
