"""The ``events`` stage: a typed inventory of what happened, with its arguments linked.

Event types, trigger words and argument patterns are data (``data/events.toml``, see
:mod:`marsad.events._inventory`). In each sentence a trigger opens an event of its type;
its agent, target, participants and place are named entities of the sentence found by the
type's patterns, its date the sentence's first date, its amount the nearest amount of the
kind it takes. Events of one type that do not contradict each other (same agent and amount
or none) are one event told several times, and are merged.

To add an event type, add an ``[[event]]`` table to a TOML file and run
``EventStage(default_inventory().merged(Inventory.load(path)))`` in a pipeline.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..entityindex import EntityIndex, Located
from ..pipeline import register_stage
from ..record import TEXT_FIELDS, Amount, Article, DateMention, Event, Mention, Quote, TextField
from ..text import Token, split_sentences_cached
from ..wordforms import field_tokens, first_words, form_positions, forms, match_phrase
from ._inventory import EventType, Inventory, InventoryError, Trigger, default_inventory

__all__ = [
    "EventStage",
    "EventType",
    "Inventory",
    "InventoryError",
    "default_inventory",
    "find_events",
]


_CLAUSE_ENDS = frozenset({"،", ",", "؛", ";", ":", "«", "»", "(", ")"})


def _finished(draft: Event) -> Event:
    """A draft event as recorded: its agent is not also listed among the participants."""
    return replace(draft, participants=[p for p in draft.participants if p != draft.agent])


@dataclass(frozen=True, slots=True)
class _Sentence:
    field: TextField
    text: str
    tokens: Sequence[Token]
    start: int
    end: int
    named: list[tuple[int, Located]]  # (token index, mention)


class _Finder:
    def __init__(self, article: Article, inventory: Inventory) -> None:
        self.article = article
        self.inv = inventory
        self.index = EntityIndex(article.entities)

    def run(self) -> list[Event]:
        drafts: list[Event] = []
        for name in TEXT_FIELDS:
            text = self.article.field_text(name)
            if not text:
                continue
            tokens = field_tokens(text)
            starts = [t.start for t in tokens]
            for s in split_sentences_cached(text):
                lo, hi = bisect_left(starts, s.start), bisect_left(starts, s.end)
                sentence = self._sentence(name, text, tokens[lo:hi], s.start, s.end)
                drafts.extend(self._events(sentence))
        return [_finished(d) for d in _merge(drafts)]

    def _sentence(
        self, name: TextField, text: str, tokens: Sequence[Token], start: int, end: int
    ) -> _Sentence:
        starts = [t.start for t in tokens]
        named = [
            (max(0, bisect_right(starts, m.start) - 1), m)
            for m in self.index.within(name, start, end)
        ]
        return _Sentence(name, text, tokens, start, end, named)

    def _events(self, s: _Sentence) -> list[Event]:
        found: dict[str, Event] = {}
        after = 0  # the token after the last trigger
        for i in form_positions(s.tokens, first_words(self.inv.triggers)):
            if i < after:
                continue
            hit = match_phrase(self.inv.triggers, s.tokens, i, 3)
            if hit is None:
                continue
            triggers, n = hit
            for trigger in triggers:
                kind = self.inv.types.get(trigger.type)
                if kind is None or kind.name in found or not self._holds(s, trigger, i, n):
                    continue
                found[kind.name] = self._draft(s, kind, trigger, i, i + n)
            after = i + n
        return list(found.values())

    def _holds(self, s: _Sentence, trigger: Trigger, i: int, n: int) -> bool:
        if trigger.near and not any(
            f in trigger.near for t in s.tokens[i + n : i + n + 4] for f in forms(t)
        ):
            return False
        return not trigger.needs or self._amount(s, trigger.needs, s.tokens[i].start) is not None

    # -- arguments -----------------------------------------------------------------------
    def _draft(self, s: _Sentence, kind: EventType, trigger: Trigger, i: int, j: int) -> Event:
        first, last = s.tokens[i], s.tokens[j - 1]
        start = first.start + (len(first.prefix) if not first.prefix.endswith("ال") else 0)
        mention = Mention(s.field, start, last.end, s.text[start : last.end])
        draft = Event(kind.name, mention)
        if i > 0 and any(f in kind.anaphora for f in forms(s.tokens[i - 1])):
            return draft
        draft.agent = self._agent(s, kind, trigger, i, j)
        if kind.target:
            draft.target = self._target(s, kind, j, draft.agent)
        draft.place = self._place(s, kind, {draft.agent, draft.target}, i)
        if kind.participants:
            draft.participants = self._participants(s, kind, draft.place)
        draft.date = next(
            (d.value for d in self._dates(s) if d.value is not None),
            None,
        )
        if kind.amount:
            draft.amount = self._amount(s, kind.amount, first.start)
        draft.mode = self._mode(s, kind)
        return draft

    def _agent(self, s: _Sentence, kind: EventType, trigger: Trigger, i: int, j: int) -> str | None:
        for strategy in kind.agent:
            found: str | None = None
            if strategy == "cue":
                found = self._after_cue(s, kind, j)
            elif strategy == "after_verb" and trigger.verbal:
                found = self._first_after(s, kind.agent_types, j, j + 5, kind)
            elif strategy == "before":
                found = self._last_before(s, kind, i)
            elif strategy == "speaker":
                found = self._speaker(s, s.tokens[i].start)
            if found:
                return found
        return None

    def _blocked(self, s: _Sentence, ti: int, kind: EventType) -> bool:
        k = ti - 1
        while k >= 0 and s.tokens[k].kind == "punct":
            k -= 1
        return k >= 0 and any(f in kind.blockers for f in forms(s.tokens[k]))

    def _first_after(
        self,
        s: _Sentence,
        types: frozenset[str],
        lo: int,
        hi: int,
        kind: EventType,
        skip: set[str | None] | None = None,
    ) -> str | None:
        for ti, m in s.named:
            wanted = lo <= ti < hi and m.entity.type in types and m.entity.id not in (skip or set())
            if wanted and (types is kind.target_types or not self._blocked(s, ti, kind)):
                return m.entity.id
        return None

    def _last_before(self, s: _Sentence, kind: EventType, i: int) -> str | None:
        floor = max(0, i - kind.max_before)
        for k in range(i - 1, floor - 1, -1):
            if s.tokens[k].text in _CLAUSE_ENDS:
                floor = k + 1
                break
        for ti, m in reversed(s.named):
            wanted = floor <= ti < i and m.entity.type in kind.agent_types
            if wanted and not self._blocked(s, ti, kind):
                return m.entity.id
        return None

    def _after_cue(self, s: _Sentence, kind: EventType, after: int) -> str | None:
        for k in range(after, len(s.tokens)):
            cue = match_phrase(kind.agent_cues, s.tokens, k, 4)
            if cue is not None:
                end = k + cue[1]
                for ti, m in s.named:
                    if end <= ti < end + kind.max_after and m.entity.type in kind.agent_types:
                        return m.entity.id
        return None

    def _target(self, s: _Sentence, kind: EventType, j: int, agent: str | None) -> str | None:
        return self._first_after(s, kind.target_types, j, j + kind.max_after, kind, {agent})

    def _place(self, s: _Sentence, kind: EventType, taken: set[str | None], i: int) -> str | None:
        for ti, m in s.named:
            if m.entity.type not in ("GPE", "LOC") or m.entity.id in taken:
                continue
            if abs(ti - i) > kind.place_window:
                continue
            tok = s.tokens[ti]
            cue = ti > 0 and any(f in kind.place_cues for f in forms(s.tokens[ti - 1]))
            if cue or tok.prefix.startswith("ب"):
                return m.entity.id
        return None

    def _participants(self, s: _Sentence, kind: EventType, place: str | None) -> list[str]:
        found: list[str] = []
        for ti, m in s.named:
            entity = m.entity
            wanted = entity.type in kind.agent_types and entity.id not in (place, *found)
            if wanted and not self._blocked(s, ti, kind):
                found.append(entity.id)
        return found

    def _speaker(self, s: _Sentence, offset: int) -> str | None:
        """The speaker of the quote the trigger is in, else of the sentence's first quote."""
        quote: Quote
        inside = [
            q for q in self.article.quotes if q.field == s.field and s.start <= q.start < s.end
        ]
        for quote in inside:
            if quote.start <= offset < quote.end:
                return quote.speaker
        return inside[0].speaker if inside else None

    def _dates(self, s: _Sentence) -> list[DateMention]:
        return [d for d in self.article.dates if d.field == s.field and s.start <= d.start < s.end]

    def _amount(self, s: _Sentence, need: str, offset: int) -> int | None:
        best: tuple[int, int] | None = None
        for index, amount in enumerate(self.article.amounts):
            if amount.field != s.field or not s.start <= amount.start < s.end:
                continue
            if not _kind_ok(amount, need):
                continue
            distance = abs(amount.start - offset) + (1000 if amount.start < offset else 0)
            if best is None or distance < best[0]:
                best = (distance, index)
        return None if best is None else best[1]

    def _mode(self, s: _Sentence, kind: EventType) -> str | None:
        if not kind.modes:
            return None
        for k in range(len(s.tokens)):
            hit = match_phrase(kind.modes, s.tokens, k, 4)
            if hit is not None:
                return hit[0]
        return None


def _kind_ok(amount: Amount, need: str) -> bool:
    money = len(amount.unit) == 3 and amount.unit.isupper()
    if need == "money":
        return money
    if need == "count":
        return not money and amount.unit != "percent"
    return True


def _merge(drafts: list[Event]) -> list[Event]:
    """One event told several times (title, lead, body) becomes one."""
    merged: list[Event] = []
    for draft in drafts:
        same = next((m for m in merged if _compatible(m, draft)), None)
        if same is None:
            merged.append(draft)
            continue
        for name in ("agent", "target", "place", "date", "amount", "mode"):
            if getattr(same, name) is None:
                setattr(same, name, getattr(draft, name))
        same.participants.extend(p for p in draft.participants if p not in same.participants)
    return merged


def _compatible(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    return all(
        x is None or y is None or x == y
        for x, y in ((a.agent, b.agent), (a.amount, b.amount), (a.target, b.target))
    )


def find_events(article: Article, inventory: Inventory | None = None) -> list[Event]:
    """Events of an article whose entities, amounts, dates and quotes are filled."""
    return _Finder(article, inventory or default_inventory()).run()


@dataclass(frozen=True, slots=True)
class EventStage:
    """The ``events`` stage, with the packaged inventory or one given."""

    inventory: Inventory | None = None
    name: str = "events"
    requires: tuple[str, ...] = ("title", "lead", "body", "entities", "amounts", "dates", "quotes")
    assigns: tuple[str, ...] = ("events",)

    def __call__(self, article: Article) -> Article:
        article.events = find_events(article, self.inventory)
        return article


register_stage(EventStage())
