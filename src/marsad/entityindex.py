"""Which entity a span of text names: mentions by field and offset, for linking facts.

The quotes and events stages link speakers, agents, targets and places to entity ids by
overlapping spans with the mentions of ``article.entities``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from .record import Entity

__all__ = ["EntityIndex", "Located"]

#: When several entities overlap a span, the first type in this order wins.
TYPE_ORDER = ("PER", "ORG", "GPE", "LOC", "MISC")
_LONGEST_MENTION = 200


@dataclass(frozen=True, slots=True)
class Located:
    """One mention of an entity: where it is and which entity it belongs to."""

    field: str
    start: int
    end: int
    entity: Entity


class EntityIndex:
    """The mentions of an article's entities, sorted by position within each field."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.by_field: dict[str, list[Located]] = {}
        self.by_id: dict[str, Entity] = {}
        for entity in entities:
            self.by_id[entity.id] = entity
            for m in entity.mentions:
                self.by_field.setdefault(m.field, []).append(
                    Located(m.field, m.start, m.end, entity)
                )
        for located in self.by_field.values():
            located.sort(key=lambda x: (x.start, x.end))
        self._starts = {f: [x.start for x in xs] for f, xs in self.by_field.items()}

    def within(self, field: str, start: int, end: int) -> list[Located]:
        """Mentions that overlap ``[start, end)`` in ``field``, in text order."""
        located = self.by_field.get(field, [])
        if not located:
            return []
        starts = self._starts[field]
        i = bisect_left(starts, start - _LONGEST_MENTION)
        j = bisect_left(starts, end, i)  # the mentions from j on start at or after the end
        return [x for x in located[i:j] if start < x.end]

    def best(
        self, field: str, start: int, end: int, types: Iterable[str] = TYPE_ORDER
    ) -> Entity | None:
        """The entity named in a span: the first of the preferred types, earliest first."""
        order = list(types)
        found = [x for x in self.within(field, start, end) if x.entity.type in order]
        if not found:
            return None
        found.sort(key=lambda x: (order.index(x.entity.type), x.start))
        return found[0].entity

    def first_of_type(self, kind: str, fields: Iterable[str]) -> Entity | None:
        """The first entity of a type mentioned in the given fields, in that field order."""
        for field in fields:
            for x in self.by_field.get(field, []):
                if x.entity.type == kind:
                    return x.entity
        return None
