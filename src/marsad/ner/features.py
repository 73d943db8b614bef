"""Token features for the CRF tagger.

For each token: its normalized form and clitic-stripped base, affixes of the
base, shape, word clusters learned without labels from the news corpus, lexicon
memberships (honorific, role noun, organization and place heads, speech verb,
nationality adjective, gazetteer place), and the same for its neighbours.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..text import normalize, split_proclitics
from .lexicon import Lexicon, lexicon

__all__ = ["TokenInfo", "sentence_features"]

_PUNCT = frozenset("،,.؛;:!?؟«»\"'()[]{}-–—/…")


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """What the features of a token and of its neighbours are made of."""

    norm: str
    base: str
    prefix: str
    shape: str
    clusters: tuple[str, ...]
    marks: tuple[str, ...]


def _shape(word: str) -> str:
    if word.isdigit() or word.replace(".", "").replace(",", "").isdigit():
        return "num"
    if all(ch in _PUNCT for ch in word):
        return "punct"
    if any("a" <= ch.lower() <= "z" for ch in word):
        return "latin"
    return "ar" if len(word) > 3 else "ar-short"


def _info(word: str, lex: Lexicon, clusters: Mapping[str, tuple[str, ...]]) -> TokenInfo:
    norm = normalize(word)
    prefix, base = split_proclitics(word)
    base_norm = normalize(base) if base else norm
    marks = []
    if base_norm in lex.role_heads:
        marks.append("role")
    if base_norm in lex.org_heads:
        marks.append("orghead")
    if base_norm in lex.loc_heads:
        marks.append("lochead")
    if base_norm in lex.speech_verbs or norm in lex.speech_verbs:
        marks.append("speech")
    if (base_norm,) in lex.honorifics or (norm,) in lex.honorifics:
        marks.append("honorific")
    if lex.nationality(word):
        marks.append("nationality")
    found = clusters.get(norm) or clusters.get(base_norm) or ()
    return TokenInfo(norm, base_norm, prefix, _shape(word), found, tuple(marks))


def sentence_features(
    words: Sequence[str],
    clusters: Mapping[str, tuple[str, ...]] | None = None,
    lex: Lexicon | None = None,
) -> list[list[str]]:
    """CRF features of every token of a sentence."""
    lex = lex or lexicon()
    infos = [_info(w, lex, clusters or {}) for w in words]
    places = _place_marks(list(words), lex)
    return [_features(infos, places, i) for i in range(len(infos))]


def _place_marks(words: list[str], lex: Lexicon) -> list[str]:
    marks = [""] * len(words)
    i = 0
    while i < len(words):
        n = lex.place_at(words, i)
        if n:
            marks[i] = "B"
            for j in range(i + 1, i + n):
                marks[j] = "I"
        i += max(n, 1)
    return marks


def _features(infos: list[TokenInfo], places: list[str], i: int) -> list[str]:
    me = infos[i]
    feats = [
        "bias",
        f"w={me.norm}",
        f"b={me.base}",
        f"p={me.prefix}",
        f"s={me.shape}",
        f"b3={me.base[-3:]}",
        f"b2={me.base[-2:]}",
        f"f2={me.base[:2]}",
        f"f3={me.base[:3]}",
        f"len={min(len(me.base), 8)}",
    ]
    feats += [f"c{k}={c}" for k, c in enumerate(me.clusters)]
    feats += [f"m={m}" for m in me.marks]
    if places[i]:
        feats.append(f"gaz={places[i]}")
    if me.base.startswith(("عبد", "ابو", "بن", "ابن", "ال")) and me.shape == "ar":
        feats.append(f"namepart={me.base[:3]}")
    for off in (-2, -1, 1, 2):
        j = i + off
        if not 0 <= j < len(infos):
            feats.append(f"{off}:edge")
            continue
        other = infos[j]
        feats += [f"{off}:b={other.base}", f"{off}:s={other.shape}"]
        if abs(off) == 1:
            feats += [f"{off}:c{k}={c}" for k, c in enumerate(other.clusters[:2])]
            feats += [f"{off}:p={other.prefix}", f"{off}:b2={other.base[-2:]}"]
            if places[j]:
                feats.append(f"{off}:gaz={places[j]}")
        feats += [f"{off}:m={m}" for m in other.marks]
    if i > 0:
        feats.append(f"-1|0={infos[i - 1].base}|{me.base}")
    if i + 1 < len(infos):
        feats.append(f"0|+1={me.base}|{infos[i + 1].base}")
    return feats
