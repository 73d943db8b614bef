"""The ``entities`` stage: people with honorifics and roles, organizations and places.

A CRF tagger trained by the project (``marsad.ner``) finds mentions; lexicon rules
add what it misses for certain (gazetteer places, names after honorifics); mentions
are grouped into entities with canonical names, name variants, roles and Latin forms.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..ner.lexicon import lexicon
from ..ner.tagger import default_tagger
from ..record import TEXT_FIELDS, Article, Entity
from ..registry import stage
from .mentions import find_mentions, sentences_of, whole_words
from .resolve import build_entities

__all__ = ["find_entities"]


def find_entities(texts: Mapping[str, str]) -> list[Entity]:
    """Entities of an article given as ``{"title": ..., "lead": ..., "body": ...}``."""
    tagger = default_tagger()
    sentences = [
        sentence
        for field in TEXT_FIELDS
        if texts.get(field)
        for sentence in sentences_of(field, texts[field], tagger)
    ]
    whole_words(sentences)
    return build_entities(find_mentions(sentences, texts), sentences, texts, lexicon())


@stage("entities", requires=("title", "lead", "body"), assigns=("entities",))
def entities(article: Article) -> Article:
    """Fill ``entities`` with typed, grouped mentions, honorifics, roles and Latin names."""
    texts: dict[str, str] = {name: article.field_text(name) for name in TEXT_FIELDS}
    article.entities = find_entities(texts)
    return article
