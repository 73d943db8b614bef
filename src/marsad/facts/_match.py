"""Does a fact of the record match a gold fact? One predicate per category.

Names are compared after Arabic normalization (:func:`marsad.text.normalize`) with
punctuation such as « » dropped; a name matches when one is the other or contains it word
for word («الشيخ أحمد الناصر» / «أحمد الناصر»), or is one of the gold's other forms.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..record import Article, Entity, Event, Quote
from ..text import normalize

__all__ = [
    "EVENT_ALIASES",
    "amount_matches",
    "entity_matches",
    "event_matches",
    "names_match",
    "norm",
    "quote_matches",
]

_PUNCT = re.compile(r"[^\w\s]")

#: Gold event type names that are the record's types under another name.
EVENT_ALIASES = {
    "endorsement": "endorse",
    "welcome": "endorse",
    "congratulate": "endorse",
    "donation": "aid",
    "funding": "aid",
    "signing": "agreement",
    "visit": "meeting",
    "reception": "meeting",
    "call": "meeting",
    "dismiss": "appointment",
    "dismissal": "appointment",
}


def norm(text: str) -> str:
    """Normalized, punctuation dropped, one space between words."""
    return " ".join(_PUNCT.sub(" ", normalize(text)).split())


def _contains(longer: str, shorter: str) -> bool:
    return bool(shorter) and f" {shorter} " in f" {longer} "


def names_match(gold: Iterable[str], predicted: Iterable[str]) -> bool:
    """Whether any gold form and any predicted form are one name (or one contains the other)."""
    golds = [norm(g) for g in gold if g]
    for p in (norm(x) for x in predicted if x):
        for g in golds:
            if g == p or (_contains(g, p) and len(p) > 3) or _contains(p, g):
                return True
    return False


def _forms(entity: Entity) -> list[str]:
    return [entity.name, *(m.text for m in entity.mentions)]


def entity_matches(gold: Mapping[str, Any], entity: Entity) -> bool:
    forms = [gold["name"], *gold.get("also", []), *gold.get("surface_forms", [])]
    return names_match(forms, [entity.name])


def quote_matches(gold: Mapping[str, Any], quote: Quote, article: Article) -> bool:
    if norm(gold.get("contains", "")) not in norm(quote.text):
        return False
    speaker = gold.get("speaker")
    if not speaker:
        return True
    said = [quote.speaker_text]
    entity = next((e for e in article.entities if e.id == quote.speaker), None)
    if entity is not None:
        said.extend(_forms(entity))
    return names_match([speaker], said)


def amount_matches(gold: Mapping[str, Any], value: float, unit: str, qualifier: str) -> bool:
    if not math.isclose(float(gold["value"]), float(value), rel_tol=1e-6):
        return False
    if "unit" in gold and gold["unit"] != unit:
        return False
    return "qualifier" not in gold or gold["qualifier"] == qualifier


def _entity_names(article: Article, ids: Iterable[str | None]) -> list[str]:
    by_id = {e.id: e for e in article.entities}
    names: list[str] = []
    for i in ids:
        if i in by_id:
            names.extend(_forms(by_id[i]))
    return names


def event_matches(gold: Mapping[str, Any], event: Event, article: Article) -> bool:
    """Type, then every argument the gold gives: agent (donor), target (who), conveners and
    participants (among agent and participants), amount (count), mode."""
    kind = EVENT_ALIASES.get(gold["type"], gold["type"])
    if kind != event.type:
        return False
    everyone = _entity_names(article, [event.agent, *event.participants])
    checks: list[bool] = []
    agent = gold.get("agent") or gold.get("donor")
    if agent:
        checks.append(names_match([agent], _entity_names(article, [event.agent])))
    target = gold.get("target") or gold.get("who")
    if target:
        checks.append(names_match([target], _entity_names(article, [event.target])))
    for name in [*gold.get("convened_by", []), *gold.get("participants_include", [])]:
        checks.append(names_match([name], everyone))
    amount = gold.get("amount") or gold.get("count")
    if amount:
        got = article.amounts[event.amount] if event.amount is not None else None
        checks.append(
            got is not None and amount_matches(amount, got.value, got.unit, got.qualifier)
        )
    if gold.get("mode"):
        checks.append(norm(gold["mode"]).replace(" ", "_") == (event.mode or ""))
    return all(checks)
