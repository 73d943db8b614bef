"""Names of organizations the news writes after a head of their kind, read once on first use.

``marsad/models/names/organizations.tsv.gz`` is built by ``scripts/build_org_lexicon.py``
from the unlabelled news in ``../shared/data/news``: a word the news writes after «نادي»,
«شركة», «صحيفة», «تطبيق», «تنظيم»... often enough, and that the entity word lists do not know
as an ordinary word, a place or a person's name («الهلال», «واتساب», «أرامكو», «داعش»). The
entities stage takes such a word alone for an organization.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

from ..ner.lexicon import name_key
from ..text import Token, normalize

__all__ = ["BRANDS_FILE", "brand_names", "brand_of"]

BRANDS_FILE = "models/names/organizations.tsv.gz"


@cache
def brand_names() -> dict[str, str]:
    """Name key -> kind («club», «company», «outlet», «group», «party»)."""
    data = resources.files("marsad").joinpath(BRANDS_FILE).read_bytes()
    rows = gzip.decompress(data).decode("utf-8").splitlines()
    return {name: kind for name, kind, *_ in (row.split("\t") for row in rows if row)}


def brand_of(token: Token, known: dict[str, str]) -> str | None:
    """The kind of the brand a token names: the word as written, or without a proclitic
    before the article («للهلال») or before a name («وواتساب»)."""
    text = token.text
    kind = known.get(normalize(text))
    if kind is None and token.prefix:
        kind = known.get(name_key(text) if "ال" in token.prefix else normalize(token.base))
    return kind
