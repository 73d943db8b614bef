"""Latin-script names: English names of places from CLDR, known organizations, transliteration."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from babel import Locale

from ..text import normalize

__all__ = ["latin_name", "transliterate"]


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    english = Locale("en").territories
    places = {
        normalize(name): english[code]
        for code, name in Locale("ar").territories.items()
        if code in english
    }
    raw = resources.files("marsad").joinpath("data/latin.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    places.update({normalize(k): v for k, v in data["places"].items()})
    orgs = {normalize(k): v for k, v in data["organizations"].items()}
    letters = dict(data["letters"])
    letters.update({normalize(k): v for k, v in data["names"].items()})
    return places, orgs, letters


def latin_name(name: str, kind: str) -> str | None:
    """A known English name for places and organizations, a transliteration for persons."""
    places, orgs, _ = _tables()
    norm = normalize(name)
    if kind in ("GPE", "LOC"):
        return places.get(norm) or places.get(norm.removeprefix("ال"))
    if kind == "ORG":
        return orgs.get(norm) or orgs.get(norm.removeprefix("ال"))
    if kind == "PER":
        return transliterate(name)
    return None


def transliterate(name: str) -> str:
    """A readable Latin form: known given names as usually written, letters otherwise."""
    _, _, table = _tables()
    words = []
    for word in normalize(name).split():
        if word in table:
            words.append(table[word])
            continue
        article = word.startswith("ال") and len(word) > 3
        body = word[2:] if article else word
        latin = "".join(table.get(ch, "") for ch in body)
        latin = latin[:1].upper() + latin[1:]
        words.append(("al-" + latin) if article else latin)
    return " ".join(w for w in words if w)
