"""The event inventory: event types, triggers and argument patterns, read from TOML.

The packaged inventory is ``data/events.toml``; :meth:`Inventory.load` reads a user's
file the same way (its ``[defaults]`` and ``[[event]]`` tables, documented there), and
:meth:`Inventory.merged` adds its types to another inventory's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import MarsadError
from ..ner.lexicon import key
from ..text import normalize
from ..wordforms import PhraseTable, load_data, load_path, phrase_key, phrase_table

__all__ = ["EventType", "Inventory", "InventoryError", "Trigger", "default_inventory"]

_STRATEGIES = frozenset(
    {"cue", "after_verb", "after_noun", "support", "before", "speaker", "clause_subject"}
)


class InventoryError(MarsadError):
    """An event inventory file that does not say what it must."""


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger word of an event type, and what it needs to count."""

    type: str
    verbal: bool
    needs: str = ""  # "money", "count", "any": an amount of that kind in the sentence;
    # "target": a target found for it
    near: frozenset[str] = frozenset()  # one of these words within `window` words after it
    window: int = 4
    unless: frozenset[str] = frozenset()  # none of these within `window` words after it
    participle: bool = False  # «مشيدا», «مقدما شكره»: hangs on the sentence's subject
    plain: bool = True  # listed as it is, not under conditions


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    agent: tuple[str, ...]
    agent_cues: PhraseTable[bool]
    agent_types: frozenset[str]
    target_types: frozenset[str]
    target: bool
    participants: bool
    amount: str
    max_before: int
    max_after: int
    blockers: frozenset[str]
    place_cues: frozenset[str]
    anaphora: frozenset[str]
    place_window: int
    modes: PhraseTable[str] = field(default_factory=dict)
    bare: bool = False  # kept with neither agent nor target
    subject_window: int = 12
    prepositions: frozenset[str] = frozenset()
    preposition_clitics: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    party_words: frozenset[str] = frozenset()
    support_verbs: frozenset[str] = frozenset()
    cue_window: int = 40
    relatives: frozenset[str] = frozenset()
    unnamed: frozenset[str] = frozenset()
    cue_reach: int = 4
    needs_agent: bool = False  # not kept with a target alone
    undergo_verbs: frozenset[str] = frozenset()
    fresh_only: bool = False  # a plain noun with the article or after a preposition: known
    negations: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Inventory:
    types: dict[str, EventType]
    triggers: PhraseTable[tuple[Trigger, ...]]
    frames: frozenset[str] = frozenset()  # types that report others («statement»)

    @classmethod
    def load(cls, path: Path) -> Inventory:
        """An inventory from a user's TOML file."""
        try:
            return cls.from_data(load_path(path))
        except (OSError, ValueError) as exc:
            raise InventoryError(f"{path}: {exc}") from exc

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Inventory:
        defaults = dict(load_data("events.toml").get("defaults", {}))
        defaults.update(data.get("defaults", {}))
        types: dict[str, EventType] = {}
        triggers: dict[tuple[str, ...], list[Trigger]] = {}
        for entry in data.get("event", []):
            if "type" not in entry:
                raise InventoryError(f"an [[event]] without a type: {sorted(entry)}")
            spec = {**defaults, **entry}
            types[entry["type"]] = _event_type(spec)
            _add_triggers(triggers, entry)
        frames = frozenset(defaults.get("frames", ()))
        return cls(types, {k: tuple(v) for k, v in triggers.items()}, frames)

    def merged(self, other: Inventory) -> Inventory:
        """This inventory with ``other``'s types added (``other`` wins on a name clash)."""
        triggers = {k: v for k, v in self.triggers.items()}
        for k, v in other.triggers.items():
            triggers[k] = tuple(t for t in triggers.get(k, ()) if t.type not in other.types) + v
        return Inventory({**self.types, **other.types}, triggers, self.frames | other.frames)


def _words(items: Iterable[str]) -> frozenset[str]:
    return frozenset({normalize(w) for w in items} | {key(w) for w in items})


def _event_type(spec: Mapping[str, Any]) -> EventType:
    agent = tuple(spec.get("agent", ()))
    unknown = set(agent) - _STRATEGIES
    if unknown:
        raise InventoryError(f"event {spec['type']!r}: unknown agent strategies {sorted(unknown)}")
    modes: PhraseTable[str] = {}
    for mode, phrases in spec.get("modes", {}).items():
        modes.update(phrase_table(phrases, mode))
    return EventType(
        name=spec["type"],
        agent=agent,
        agent_cues=phrase_table(spec.get("agent_cues", []), True),
        agent_types=frozenset(spec.get("agent_types", ())),
        target_types=frozenset(spec.get("target_types", ())),
        target=bool(spec.get("target", False)),
        participants=bool(spec.get("participants", False)),
        amount=str(spec.get("amount", "")),
        max_before=int(spec.get("max_before", 8)),
        max_after=int(spec.get("max_after", 8)),
        blockers=_words(spec.get("blockers", ())),
        place_cues=_words(spec.get("place_cues", ())),
        anaphora=_words(spec.get("anaphora", ())),
        place_window=int(spec.get("place_window", 12)),
        modes=modes,
        bare=bool(spec.get("bare", False)),
        subject_window=int(spec.get("subject_window", 12)),
        prepositions=_words(spec.get("prepositions", ())),
        preposition_clitics=frozenset(spec.get("preposition_clitics", ())),
        titles=_words(spec.get("titles", ())),
        party_words=_words(spec.get("party_words", ())),
        support_verbs=_words(spec.get("support_verbs", ())),
        cue_window=int(spec.get("cue_window", 40)),
        relatives=_words(spec.get("relatives", ())),
        unnamed=_words(spec.get("unnamed", ())),
        cue_reach=int(spec.get("cue_reach", 4)),
        needs_agent=bool(spec.get("needs_agent", False)),
        fresh_only=bool(spec.get("fresh_only", False)),
        undergo_verbs=_words(spec.get("undergo_verbs", ())),
        negations=_words(spec.get("negations", ())),
        complementizers=_words(spec.get("complementizers", ())),
    )


def _add_triggers(table: dict[tuple[str, ...], list[Trigger]], entry: Mapping[str, Any]) -> None:
    name = entry["type"]
    groups: list[tuple[list[str], Trigger]] = [
        (entry.get("verbs", []), Trigger(name, True)),
        (entry.get("nouns", []), Trigger(name, False)),
        (entry.get("participles", []), Trigger(name, False, participle=True)),
    ]
    for cond in entry.get("conditional", []):
        form = cond.get("kind", "verb")
        trigger = Trigger(
            name,
            form == "verb",
            str(cond.get("needs", "")),
            _words(cond.get("near", ())),
            int(cond.get("window", 4)),
            _words(cond.get("unless", ())),
            participle=form == "participle",
            plain=False,
        )
        groups.append((cond.get("words", []), trigger))
    for words, trigger in groups:
        for word in words:
            # as written only: the text's words are looked up with and without their
            # proclitics, and stripping one from an entry cuts a root letter («بارك»)
            table.setdefault(phrase_key(word), []).append(trigger)


@cache
def default_inventory() -> Inventory:
    """The packaged inventory (``data/events.toml``)."""
    return Inventory.from_data(load_data("events.toml"))
