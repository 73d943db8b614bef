"""Word lists only the entities stage reads (the tagger's features do not depend on them).

From ``data/entities.toml``: the heads that open an organization's name in the construct
state (``institution_heads``), the words that end such a phrase (``phrase_stops``) and the
other lists of :class:`EntityWords`, each commented where it is defined there; from
``data/common_words.json`` (built by ``scripts/build_common_words.py`` from gold NER data):
words that news uses as ordinary words and almost never inside a person's name. All are
keyed by :func:`marsad.ner.lexicon.key`.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..ner.lexicon import key, name_key

__all__ = ["EntityWords", "entity_words"]


@dataclass(frozen=True, slots=True)
class EntityWords:
    institution_heads: frozenset[str]  # heads listed without the article: the construct state
    definite_heads: frozenset[str]  # heads listed with the article: they open a phrase so
    any_heads: frozenset[str]  # both: where a phrase may open at all
    place_heads: frozenset[str]  # heads of facility and landmark names («حي», «مطار»)
    weak_place_heads: frozenset[str]  # those that need a name after them, not a common word
    weak_heads: frozenset[str]  # heads that name an organization only with more after them
    person_openers: frozenset[str]  # «الإعلامي», «الملا», «برئاسة»: a person's name follows
    role_modifiers: frozenset[str]  # «السابق»: what stands between a role and the name
    company_tails: frozenset[str]  # «المحدودة»: what follows a founder's name in a company's
    directions: frozenset[str]  # «الغربية»: a part of a place, not the place
    area_heads: frozenset[str]  # «محافظة حبونا»: a head before the name of a place
    place_lists: frozenset[str]  # plural place heads before a list of names («بلديات»)
    activities: frozenset[tuple[str, ...]]  # «حركة الملاحة»: traffic, not a movement
    official_adjectives: frozenset[str]  # «الوطني»: a definite weak head names a body with it
    not_places: frozenset[str]  # ordinary words the tagger takes for places («مشهد»)
    name_heads: frozenset[str]  # «صحيفة», «شركة»: say what kind a name is, not which body
    kind_heads: frozenset[str]  # «شركة», «محطة»: a foreign word after them is the body's name
    managing_heads: frozenset[str]  # «إدارة» + «جامعة …»: the body after them, not theirs
    branch_heads: frozenset[str]  # «فرع»: a place after the body is the branch's
    plan_heads: frozenset[str]  # «برنامج»: a body only with an official adjective or a body
    place_bodies: frozenset[str]  # «مرور», «تعليم»: a body only with the place it serves
    kind_nouns: frozenset[str]  # «البنك» + «الفرنسي»: a description, not a name
    action_followers: frozenset[str]  # «للتضييق» + «أكثر»: an action, not a purpose
    office_heads: frozenset[str]  # «قيادة المملكة»: an office of a place, not an organization
    phrase_stops: frozenset[str]
    not_persons: frozenset[tuple[str, ...]]  # phrases never a person («صباح الخير»)
    not_honorifics: frozenset[str]  # as written, without clitics: «أمام» is not «إمام»
    things: dict[str, str]  # nouns a name after them names: a thing (""), a company ("ORG")
    not_organizations: frozenset[tuple[str, ...]]  # sports words («كرة اليد», «الشوط»)
    common: frozenset[str]
    also_names: frozenset[str]  # common words that are also given names («غالب», «مالك»)

    def is_common(self, word: str) -> bool:
        """Whether ``word`` is an ordinary word, not a name («كلمة», «مؤخرا», «يفتتح»)."""
        return key(word) in self.common

    def never_name(self, word: str) -> bool:
        """An ordinary word that is not a name either («يرغب», «كلمة»; not «غالب»)."""
        k = key(word)
        return k in self.common and k not in self.also_names


def _keys(words: list[str]) -> frozenset[str]:
    return frozenset(key(w) for w in words)


def _phrases(phrases: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(key(w) for w in p.split()) for p in phrases)


@cache
def entity_words() -> EntityWords:
    package = resources.files("marsad")
    data = tomllib.loads(package.joinpath("data/entities.toml").read_text("utf-8"))
    common = json.loads(package.joinpath("data/common_words.json").read_text("utf-8"))
    heads: list[str] = data["institution_heads"]
    return EntityWords(
        institution_heads=frozenset(key(h) for h in heads if not h.startswith("ال")),
        definite_heads=frozenset(key(h) for h in heads if h.startswith("ال")),
        any_heads=frozenset(key(h) for h in heads),
        place_heads=_keys(data["place_heads"]),
        weak_place_heads=_keys(data["weak_place_heads"]),
        weak_heads=_keys(data["weak_institution_heads"]),
        office_heads=_keys(data["office_heads"]),
        name_heads=_keys(data["name_heads"]),
        kind_heads=_keys(data["kind_heads"]),
        managing_heads=_keys(data["managing_heads"]),
        branch_heads=_keys(data["branch_heads"]),
        plan_heads=_keys(data["plan_heads"]),
        place_bodies=_keys(data["place_bodies"]),
        kind_nouns=_keys(data["kind_nouns"]),
        action_followers=_keys(data["action_followers"]),
        not_places=_keys(data["not_places"]),
        activities=_phrases(data["activities"]),
        official_adjectives=_keys(data["official_adjectives"]),
        place_lists=_keys(data["place_lists"]),
        area_heads=_keys(data["area_heads"]),
        company_tails=_keys(data["company_tails"]),
        person_openers=_keys(data["person_openers"]),
        role_modifiers=_keys(data["role_modifiers"]),
        directions=frozenset(f for w in data["directions"] for f in (key(w), name_key(w))),
        phrase_stops=_keys(data["phrase_stops"]),
        not_organizations=_phrases(data["not_organizations"]),
        not_persons=_phrases(data["not_persons"]),
        not_honorifics=frozenset(data["not_honorifics"]),
        things={
            **{key(w): "" for w in data["named_things"]},
            **{key(w): "ORG" for w in data["company_things"]},
        },
        common=frozenset(common["words"]),
        also_names=frozenset(common["also_names"]),
    )
