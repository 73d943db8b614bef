"""Token features for the CRF tagger.

For each token: its normalized form and clitic-stripped base, affixes of the
base, shape, word clusters learned without labels from the news corpus, lexicon
memberships (honorific, role noun, organization and place heads, speech verb,
nationality adjective, gazetteer place or known organization, given name or surname
in the name lexicon), and the same for its neighbours.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..text import normalize, split_proclitics
from .lexicon import Lexicon, lexicon, name_key
from .names import NameLexicon, name_lexicon

__all__ = ["EMPTY_TABLES", "TokenInfo", "WordTables", "sentence_features"]

_PUNCT = frozenset("،,.؛;:!?؟«»\"'()[]{}-–—/…")


@dataclass(frozen=True, slots=True)
class WordTables:
    """What the tagger learned about words without labels, from the news corpus.

    ``clusters``: word -> cluster ids at several granularities (fastText + k-means).
    ``news_types``: word -> its usual entity type in news and how often it is one,
    as "PERS:h" (mostly), "PERS:m" (often) or "PERS:l" (sometimes).
    ``known``: when tagging with a trained model, the attributes it has weights for; the
    others are left out of the features at once (the CRF ignores them anyway, and handing
    them over costs a quarter of the tagging time). None while training: every feature.
    """

    clusters: Mapping[str, tuple[str, ...]]
    news_types: Mapping[str, str]
    known: frozenset[str] | None = None
    info_cache: dict[str, TokenInfo] = field(default_factory=dict, compare=False, repr=False)


EMPTY_TABLES = WordTables({}, {})


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """What the features of a token and of its neighbours are made of."""

    norm: str
    base: str
    prefix: str
    shape: str
    clusters: tuple[str, ...]
    marks: tuple[str, ...]
    news: str
    place_start: bool = False  # a gazetteer place may start here (Lexicon.may_start_place)
    org_start: bool = False  # a known organization may start here
    own: tuple[str, ...] = ()
    near: dict[int, tuple[str, ...]] = field(default_factory=dict)


def _shape(word: str) -> str:
    if word.isdigit() or word.replace(".", "").replace(",", "").isdigit():
        return "num"
    if all(ch in _PUNCT for ch in word):
        return "punct"
    if any("a" <= ch.lower() <= "z" for ch in word):
        return "latin"
    return "ar" if len(word) > 3 else "ar-short"


def _info(word: str, lex: Lexicon, tables: WordTables, names: NameLexicon) -> TokenInfo:
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
    marks += _name_marks(word, names)
    found = tables.clusters.get(norm) or tables.clusters.get(base_norm) or ()
    news = tables.news_types.get(norm) or tables.news_types.get(base_norm) or ""
    info = TokenInfo(
        norm,
        base_norm,
        prefix,
        _shape(word),
        found,
        tuple(marks),
        news,
        lex.may_start_place(word),
        name_key(word) in lex.organization_starts or norm in lex.organization_starts,
    )
    info.near.update({off: _kept(_seen_from(info, off), tables.known) for off in _OFFSETS})
    return replace(info, own=_kept(_own(info), tables.known))


def _name_marks(word: str, names: NameLexicon) -> list[str]:
    """Whether the name lexicon knows the token as a given name or a surname. Asked of the
    token as written, then without a conjunction («وكارلوس»), then without its proclitics
    but with its article («والقحطاني» -> «القحطاني»)."""
    forms = [word]
    if word[:1] in _CONJUNCTIONS and len(word) > 3:
        forms.append(word[1:])
    forms.append(name_key(word))
    for form in forms:
        kind = names.kind(form)
        if kind in _NAME_KINDS:
            return [f"name={kind}"]
    return []


_CONJUNCTIONS = frozenset("وف")
#: The lexicon's kinds the tagger is told of. "name" (seen as given name and surname alike,
#: as most foreign names are) is left out: with it the tagger scored a little higher on
#: ANERcorp dev but took more club and company names for persons in real news («سان
#: لورينزو»), and the entities stage found fewer organizations.
_NAME_KINDS = frozenset({"given", "surname"})


def _kept(feats: Iterable[str], known: frozenset[str] | None) -> tuple[str, ...]:
    """``feats`` the model has weights for (all of them when ``known`` is None: training)."""
    return tuple(feats) if known is None else tuple(f for f in feats if f in known)


def sentence_features(
    words: Sequence[str], tables: WordTables = EMPTY_TABLES, lex: Lexicon | None = None
) -> list[list[str]]:
    """CRF features of every token of a sentence."""
    lex = lex or lexicon()
    cache = tables.info_cache
    names = name_lexicon()
    if len(cache) > _INFO_CACHE_SIZE:
        cache.clear()
    infos = []
    for word in words:
        info = cache.get(word)
        if info is None:
            info = cache[word] = _info(word, lex, tables, names)
        infos.append(info)
    places = _place_marks(list(words), infos, lex)
    return [_features(infos, places, i, tables.known) for i in range(len(infos))]


#: How many words' token information a WordTables keeps (words repeat across a corpus).
_INFO_CACHE_SIZE = 200_000


def _place_marks(words: list[str], infos: list[TokenInfo], lex: Lexicon) -> list[str]:
    """B/I of the gazetteer's places (``gaz``) and known organizations (``org``) in the sentence."""
    marks = [""] * len(words)
    i = 0
    while i < len(words):
        kind, n = "gaz", lex.place_at(words, i) if infos[i].place_start else 0
        if not n and infos[i].org_start:
            kind, n = "org", lex.organization_at(words, i)
        if n:
            marks[i] = f"{kind}=B"
            for j in range(i + 1, i + n):
                marks[j] = f"{kind}=I"
        i += max(n, 1)
    return marks


def _own(me: TokenInfo) -> tuple[str, ...]:
    """A word's features of itself (computed once per word)."""
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
    if me.news:
        feats.append(f"news={me.news}")
    if me.base.startswith(("عبد", "ابو", "بن", "ابن", "ال")) and me.shape == "ar":
        feats.append(f"namepart={me.base[:3]}")
    return tuple(feats)


def _seen_from(other: TokenInfo, off: int) -> tuple[str, ...]:
    """What a word contributes to the features of the token ``off`` positions away."""
    feats = [f"{off}:b={other.base}", f"{off}:s={other.shape}"]
    if abs(off) == 1:
        feats += [f"{off}:c{k}={c}" for k, c in enumerate(other.clusters[:2])]
        feats += [f"{off}:p={other.prefix}", f"{off}:b2={other.base[-2:]}"]
        if other.news:
            feats.append(f"{off}:news={other.news}")
    feats += [f"{off}:m={m}" for m in other.marks]
    return tuple(feats)


_OFFSETS = (-2, -1, 1, 2)


def _features(
    infos: list[TokenInfo], places: list[str], i: int, known: frozenset[str] | None
) -> list[str]:
    """A token's features: its own and its neighbours' (cached per word, filtered by
    ``known`` already) and those of this very context (filtered here)."""
    me = infos[i]
    feats = list(me.own)
    context = []
    if places[i]:
        context.append(places[i])
    for off in _OFFSETS:
        j = i + off
        if not 0 <= j < len(infos):
            context.append(f"{off}:edge")
            continue
        feats += infos[j].near[off]
        if abs(off) == 1 and places[j]:
            context.append(f"{off}:{places[j]}")
    if i > 0:
        context.append(f"-1|0={infos[i - 1].base}|{me.base}")
    if i + 1 < len(infos):
        context.append(f"0|+1={me.base}|{infos[i + 1].base}")
    feats += _kept(context, known)
    return feats
