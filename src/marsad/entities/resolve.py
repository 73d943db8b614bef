"""From mentions to entities: grouping name variants, canonical names, roles and their «of».

Within one article, mentions with the same normalized name are one entity; a
one-word person mention that is the last name of exactly one fuller person
(«الناصر» and «أحمد الناصر») joins it, wherever it stands (a surname in the
title is linked to the full name in the body); a one-word organization that ends a
fuller one («الخارجية», «وزارة الخارجية») joins it. A shared first name never merges.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..ner.lexicon import Lexicon, key, lexicon, name_key
from ..ner.names import name_lexicon
from ..record import Entity, Mention, Role
from ..text import join_name_words, normalize
from .brands import brand_names
from .latin import latin_name
from .mentions import (
    Found,
    SentenceTokens,
    indefinite,
    name_cut,
    name_keys_of,
    prefix_cut,
    thing_cut,
)
from .roles import PersonContext, person_context
from .words import entity_words

__all__ = ["build_entities"]

_PLACE = frozenset({"GPE", "LOC"})


@dataclass(slots=True)
class _Group:
    type: str
    keys: tuple[str, ...]
    found: list[Found] = field(default_factory=list)
    contexts: list[PersonContext] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


def build_entities(
    found: list[Found], sentences: list[SentenceTokens], texts: Mapping[str, str], lex: Lexicon
) -> list[Entity]:
    """Group mentions into entities; names found once are looked for again everywhere."""
    read: dict[int, _Read] = {}  # what each mention says, read once for both groupings
    groups = _group(found, texts, lex, read)
    extra = _propagate(groups, sentences, texts)
    if extra:
        groups = _group(sorted([*found, *extra], key=_position), texts, lex, read)
    groups = _merge_short_forms(_merge_area_forms(_organizations_named_as_persons(groups)))
    groups = _brand_places(_fold_titles(_merge_acronyms(groups)), lex)
    groups = [g for g in groups if not _head_alone(g, lex)]
    whole = "\n".join(texts.values())  # where a name is looked for written alone
    entities = [_entity(f"e{i + 1}", g, whole) for i, g in enumerate(groups)]
    _link_roles(entities, groups, lex, texts)
    return entities


def _position(mention: Found) -> tuple[int, int]:
    return ("title", "lead", "body").index(mention.sentence.field), mention.start


#: A mention's person context (None: not a person), name keys and name as written.
_Read = tuple[PersonContext | None, tuple[str, ...], str]


def _read(mention: Found, texts: Mapping[str, str], lex: Lexicon) -> _Read:
    context = (
        person_context(mention, lex, texts[mention.sentence.field])
        if mention.type == "PER"
        else None
    )
    first = context.name_first if context else mention.first
    keys = join_name_words(name_keys_of(mention.sentence)[first : mention.last])
    return context, keys, _written_name(mention, first, texts, lex)


def _group(
    found: list[Found], texts: Mapping[str, str], lex: Lexicon, read: dict[int, _Read]
) -> list[_Group]:
    groups: list[_Group] = []
    by_key: dict[tuple[str, tuple[str, ...]], _Group] = {}
    for mention in found:
        said = read.get(id(mention))
        if said is None:
            said = read[id(mention)] = _read(mention, texts, lex)
        context, keys, name = said
        coarse = "PLACE" if mention.type in _PLACE else mention.type
        group = by_key.get((coarse, keys))
        if group is None:
            group = by_key[(coarse, keys)] = _Group(mention.type, keys)
            groups.append(group)
        group.found.append(mention)
        group.names.append(name)
        if context:
            group.contexts.append(context)
    return groups


def _propagate(
    groups: list[_Group], sentences: list[SentenceTokens], texts: Mapping[str, str]
) -> list[Found]:
    """Untagged occurrences of a found name (or of a person's surname) are mentions too."""
    wanted: dict[tuple[str, ...], str] = {}
    surnames: dict[str, list[str]] = {}
    heads = entity_words().name_heads
    for group in groups:
        if len(group.keys) > 1 or group.type != "PER":
            wanted.setdefault(group.keys, group.type)
        if group.type == "ORG" and _named_by_head(group.keys, heads):
            wanted.setdefault(group.keys[1:], "ORG")  # «شركة زاجل» … «وقالت زاجل»
        if group.type == "PER" and len(group.keys) > 1 and group.keys[-1].startswith("ال"):
            surnames.setdefault(group.keys[-1], []).append(group.type)
    for surname, kinds in surnames.items():
        if len(kinds) == 1:
            wanted.setdefault((surname,), "PER")
    extra: list[Found] = []
    firsts = frozenset(k[0] for k in wanted)
    for sent in sentences:
        extra += _occurrences(sent, wanted, firsts, texts[sent.field])
    return extra


def _occurrences(
    sent: SentenceTokens, wanted: dict[tuple[str, ...], str], firsts: frozenset[str], text: str
) -> list[Found]:
    keys = name_keys_of(sent)
    out: list[Found] = []
    i = 0
    while i < len(keys):
        if keys[i] not in firsts:
            i += 1
            continue
        unnamed = indefinite(sent.tokens[i])
        for n in (4, 3, 2, 1):
            kind = wanted.get(tuple(keys[i : i + n])) if i + n <= len(keys) else None
            if kind == "ORG" and unnamed:
                continue  # «صندوقٍ للخدمة الشاملة»: a fund, not «صندوق الخدمة الشاملة»
            if kind and all(label == "O" for label in sent.labels[i : i + n]):
                sent.labels[i : i + n] = [f"B-{kind}"] + [f"I-{kind}"] * (n - 1)
                token = sent.tokens[i]
                cuts = {"PER": name_cut, "ORG": thing_cut}
                cut = cuts[kind](token) if kind in cuts else prefix_cut(token.prefix)
                start = token.start + cut
                end = sent.tokens[i + n - 1].end
                out.append(Found(sent, i, i + n, kind, start, end, text[start:end]))
                i += n - 1
                break
        i += 1
    return out


def _fold(target: _Group, group: _Group, contexts: bool = True) -> None:
    """``group``'s mentions, names and (for a person) contexts become ``target``'s."""
    target.found.extend(group.found)
    target.names.extend(group.names)
    if contexts:
        target.contexts.extend(group.contexts)


def _organizations_named_as_persons(groups: list[_Group]) -> list[_Group]:
    """«وأعلنت سامسونج وماستر كارد» … «الخاصة بماستر كارد», «نادي ريفر بليت» … «رئيس ريفر
    بليت»: a name the article gives an organization (or, after a head saying what kind it is,
    its name) is that organization wherever the tagger took it for a person; and the one
    word of an «organization» that is the family name of one person of the article and no
    known body is that person («ليز كيندال» … «كيندال»)."""
    heads = entity_words().name_heads
    named: dict[tuple[str, ...], _Group] = {}
    surnames: dict[str, list[_Group]] = {}
    for group in groups:
        if group.type == "ORG":
            named.setdefault(group.keys, group)
            if len(group.keys) > 1 and group.keys[0] in heads:
                named.setdefault(group.keys[1:], group)
        elif group.type == "PER" and len(group.keys) > 1:
            surnames.setdefault(group.keys[-1], []).append(group)
    brands = brand_names()
    kept: list[_Group] = []
    for group in groups:
        target = named.get(group.keys) if group.type == "PER" else None
        if (
            group.type == "ORG"
            and len(group.keys) == 1
            and len(surnames.get(group.keys[0], [])) == 1
            and group.keys[0] not in brands
            and not lexicon().organization_at([group.keys[0]], 0)
        ):
            target = surnames[group.keys[0]][0]  # «ليز كيندال» … «كيندال»: her, not a body
        if target is None:
            kept.append(group)
        else:
            _fold(target, group, contexts=target.type == "PER")
    return kept


def _merge_area_forms(groups: list[_Group]) -> list[_Group]:
    """«أمانة نجران» and «أمانة منطقة نجران», «مرور الرياض» and «مرور منطقة الرياض»: one
    body, named with or without the head of its area; the fuller form names it."""
    fullest: dict[tuple[str, ...], _Group] = {}
    for group in groups:
        bare = _without_area_head(group)
        if group.type == "ORG" and len(bare) > 1:
            best = fullest.get(bare)
            if best is None or len(group.keys) > len(best.keys):
                fullest[bare] = group
    kept: list[_Group] = []
    for group in groups:
        target = fullest.get(_without_area_head(group)) if group.type == "ORG" else None
        if target is None or target is group:
            kept.append(group)
        else:
            _fold(target, group)
    return kept


def _without_area_head(group: _Group) -> tuple[str, ...]:
    """The keys of an organization's name without the area head written after its own head
    («أمانة» + «منطقة» + «نجران»; not «المدينة» of «أمانة المدينة المنورة»)."""
    words = group.names[0].split() if group.names else []
    if len(words) > 2 and normalize(words[1]) in entity_words().area_heads:
        return (group.keys[0], *group.keys[2:])
    return group.keys


def _merge_short_forms(groups: list[_Group]) -> list[_Group]:
    """Fold short persons into the one fuller person they end or start («الناصر», «عبد
    الحميد» after «محمود عبد الحميد», «رودريغو» before «رودريغو بالاسيو»), or whose first
    and family names they are («ماجد القصبي», «ماجد بن عبدالله القصبي»); same for one-word
    organizations ending a fuller one); a lone word that names nobody fuller and is no
    name is not a person (:func:`_lone_non_name`)."""
    kept: list[_Group] = []
    for group in groups:
        long_ok = group.type != "PER" or _genealogy(group)  # an organization or place of any length
        target = _fuller(group, groups) if len(group.keys) < 3 or long_ok else None
        if target is None:
            if not _lone_non_name(group):
                kept.append(group)
        else:
            _fold(target, group)
    return kept


def _merge_acronyms(groups: list[_Group]) -> list[_Group]:
    """«وكالة السودان للأنباء (سونا)»: a one-word organization in brackets right after a
    fuller one is its short name, here and wherever else the article uses it."""
    ends: dict[tuple[int, int], _Group] = {}
    for group in groups:
        if group.type == "ORG" and len(group.keys) > 1:
            for f in group.found:
                ends[(id(f.sentence), f.last)] = group
    kept: list[_Group] = []
    for group in groups:
        target = None
        if group.type == "ORG" and len(group.keys) == 1:
            for f in group.found:
                tokens = f.sentence.tokens
                if f.first > 0 and tokens[f.first - 1].text == "(":
                    target = ends.get((id(f.sentence), f.first - 1))
                    if target is not None:
                        break
        if target is None:
            kept.append(group)
        else:
            target.found.extend(group.found)
            target.contexts.extend(group.contexts)  # its names stay out of the canonical one
    return kept


def _head_alone(group: _Group, lex: Lexicon) -> bool:
    """«مطار», «نادي»: a head noun alone names no place or body, wherever it came from."""
    if len(group.keys) != 1:
        return False
    k = key(group.keys[0])
    if group.type in _PLACE:
        return k in lex.loc_heads and not lex.place_at([group.keys[0]], 0)
    return group.type == "ORG" and k in entity_words().institution_heads


def _brand_places(groups: list[_Group], lex: Lexicon) -> list[_Group]:
    """«وأوضحت الأناضول» after «وكالة الأناضول»: a place word said to speak, where the article
    names a brand with that word (a kind head and it), is the brand, not the place."""
    heads = entity_words().name_heads
    brands = {
        g.keys[1]: g for g in groups if g.type == "ORG" and len(g.keys) >= 2 and g.keys[0] in heads
    }
    if not brands:
        return groups
    kept: list[_Group] = []
    for group in groups:
        brand = brands.get(group.keys[0]) if len(group.keys) == 1 else None
        if group.type in _PLACE and brand is not None:
            place: list[Found] = []
            for mention in group.found:
                (brand.found if _after_speech(mention, lex) else place).append(mention)
            group.found = place
            if not place:
                continue
        kept.append(group)
    return kept


def _after_speech(mention: Found, lex: Lexicon) -> bool:
    return mention.first > 0 and key(mention.sentence.tokens[mention.first - 1].text) in (
        lex.speech_verbs
    )


def _fold_titles(groups: list[_Group]) -> list[_Group]:
    """A title said without the name («خادم الحرمين الشريفين» alone) names the one person
    of the article who bears that title elsewhere; naming nobody there, it is no entity
    (never a person without a name)."""
    kept: list[_Group] = []
    for group in groups:
        if group.type != "PER" or group.keys:
            kept.append(group)
            continue
        titles = {h for c in group.contexts for h in c.honorifics}
        bearers = [
            g
            for g in groups
            if g.type == "PER" and g.keys and any(titles & set(c.honorifics) for c in g.contexts)
        ]
        if len(bearers) == 1:
            bearers[0].found.extend(group.found)
            bearers[0].contexts.extend(group.contexts)
    return kept


def _lone_non_name(group: _Group) -> bool:
    """A one-word person that is no name: a definite word («الأهلاوي»), or a word the name
    lists do not know, said with no title or role («تمارينه», «متجر»)."""
    if group.type != "PER" or len(group.keys) != 1:
        return False
    if group.keys[0].startswith("ال"):
        return True
    titled = any(c.honorifics or c.roles for c in group.contexts)
    if titled:
        return False
    if not any(name_lexicon().is_name(n) for n in group.names):
        return True
    # one word said once, with no title or role and not in a list of persons («سوبر ماريو»,
    # «المؤشر داكس», «غذاء صالح»): too little to call it a person
    return len(group.found) == 1 and not _listed(group.found[0])


def _listed(mention: Found) -> bool:
    """Whether a person stands next to the mention, with at most a comma between
    («سعود كريري، إدواردو», «فضل درويش وحسين ومحمد وسعد»)."""
    labels, tokens = mention.sentence.labels, mention.sentence.tokens

    def person(j: int) -> bool:
        return 0 <= j < len(labels) and labels[j].endswith("PERS")

    def comma(j: int) -> bool:
        return 0 <= j < len(tokens) and tokens[j].text in ("،", ",")

    first, last = mention.first, mention.last
    return (
        person(first - 1)
        or person(last)
        or (comma(first - 1) and person(first - 2))
        or (comma(last) and person(last + 1))
    )


def _fuller(short: _Group, groups: list[_Group]) -> _Group | None:
    if short.type in _PLACE:  # «مطار الأمير محمد بن عبدالعزيز» + «الدولي», «المدينة» + «المنورة»
        n = len(short.keys)
        directions = entity_words().directions  # «أوروبا الغربية» is not «أوروبا»
        starts = [
            g
            for g in groups
            if g.type in _PLACE
            and len(g.keys) > n
            and g.keys[:n] == short.keys
            and g.keys[n] not in directions
        ]
        return starts[0] if len(starts) == 1 else None
    if short.type not in ("PER", "ORG"):
        return None
    n = len(short.keys)
    if short.type == "ORG":
        return _fuller_organization(short, groups)
    longer = [g for g in groups if g.type == "PER" and len(g.keys) > n]
    # «سلمان بن عبدالعزيز» ending «محمد بن سلمان بن عبدالعزيز» is the father, not him
    ends = [g for g in longer if g.keys[-n:] == short.keys and n < 3]
    if ends:
        return ends[0] if len(ends) == 1 else None
    starts = [g for g in longer if g.keys[:n] == short.keys]
    if len(starts) == 1 and (
        _genealogy(short)  # «محمد بن راشد» before «محمد بن راشد آل مكتوم»
        or not any(g is not starts[0] and short.keys[0] in g.keys for g in longer)
    ):
        return starts[0]
    if n == 2:  # «ماجد القصبي»: the first and family names of «ماجد بن عبدالله القصبي»
        both = [g for g in longer if (g.keys[0], g.keys[-1]) == short.keys]
        return both[0] if len(both) == 1 else None
    return None


def _fuller_organization(short: _Group, groups: list[_Group]) -> _Group | None:
    """The one fuller organization a shorter one names: the last word of it («الخارجية»,
    «وزارة الخارجية»), its start («بوكا», «بوكا جونيورز»; «أمانة المدينة», «أمانة المدينة
    المنورة»), or it without its head noun («الدايلي ميل», «صحيفة دايلي ميل البريطانية»).
    A head noun alone («الاتحاد») names none: it may be another body."""
    n = len(short.keys)
    longer = [g for g in groups if g.type == "ORG" and len(g.keys) > n]
    if n == 1:
        candidates = [g for g in longer if g.keys[-1] == short.keys[0]]
        if len(candidates) > 1:  # «داعش»: «تنظيم داعش», not «التحالف ضد داعش»
            candidates = [g for g in candidates if len(g.keys) == 2]
        if candidates:
            return candidates[0] if len(candidates) == 1 else None
        if short.keys[0] in entity_words().any_heads:
            return None
        inside = [g for g in longer if short.keys[0] in g.keys[1:]]
        if len(inside) == 1:  # «الأرصاد», «إدارة الأرصاد الجوية»
            return inside[0]
    heads = entity_words().name_heads
    bare = (_without_article(short.keys[0]), *short.keys[1:])  # «الدايلي ميل»
    candidates = [
        g
        for g in longer
        if g.keys[:n] == short.keys
        or _without_area_head(g)[:n] == short.keys  # «أمانة المدينة»: «أمانة منطقة المدينة …»
        or (g.keys[0] in heads and g.keys[1 : n + 1] in (short.keys, bare))
    ]
    return candidates[0] if len(candidates) == 1 else None


def _without_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _genealogy(group: _Group) -> bool:
    """«محمد بن راشد»: a person named with «بن»/«بنت», whose start names no one else."""
    return group.type == "PER" and len(group.keys) >= 3 and group.keys[1] in ("بن", "بنت")


def _entity(ident: str, group: _Group, text: str) -> Entity:
    mentions = sorted(
        (Mention(f.sentence.field, f.start, f.end, f.text) for f in group.found),
        key=lambda m: (("title", "lead", "body").index(m.field), m.start),
    )
    name = _canonical(group)
    if group.type == "ORG":
        name = _without_local_tail(name, text)
    honorifics: list[str] = []
    for context in group.contexts:
        honorifics += [h for h in context.honorifics if h not in honorifics]
    return Entity(
        id=ident,
        type=group.type,
        name=name,
        latin=latin_name(name, group.type),
        honorifics=honorifics,
        mentions=mentions,
    )


_QUOTES = str.maketrans("", "", '«»"“”')


def _canonical(group: _Group) -> str:
    """The fullest form written in the article: most name words (a name written apart or
    joined, «عبد الله» / «عبدالله», counts once), then the spelling written most often,
    then most letters, then the first written."""
    # «جامعة «لوفن»»: quotation marks set a name off in the text; they are not in the name
    names = [" ".join(n.translate(_QUOTES).split()) for n in group.names]
    counts = Counter(names)
    first: dict[str, int] = {}
    for i, n in enumerate(names):
        first.setdefault(n, -i)
    best = max(names, key=lambda n: (len(join_name_words(n.split())), counts[n], len(n), first[n]))
    return _unheaded(best, counts) if group.type == "ORG" else best


#: Heads of the names of teams: what follows them is a name, whatever its words.
_TEAM_HEADS = frozenset({"نادي", "فريق"})
#: The article, alone or after a proclitic: a word of an ordinary phrase, not a proper name.
_ARTICLE_FORMS = ("ال", "لل", "وال", "ولل", "بال")


def _without_origin(name: str, counts: Counter[str]) -> str:
    """«كوينز بارك» for «كوينز بارك اللندني», «نادي الاتحاد» for «نادي الاتحاد المصري»: a
    nationality or a place's adjective after a proper name says where the body is from, not
    which it is, and so does one the article mostly leaves out («حزب العمال»); after ordinary
    words it is part of the name («وزارة العدل الأمريكية», «البنك المركزي الياباني»)."""
    words = name.split()
    if len(words) < 2 or not words[-1].startswith("ال") or not _of_place(words[-1]):
        return name  # «سكاي نيوز عربية»: an adjective without the article is in the name
    ew = entity_words()
    rest = words[:-1]
    proper = (
        counts[" ".join(rest)] > counts[name]  # «حزب العمال» eight times, once «… البريطاني»
        or normalize(rest[0]) in _TEAM_HEADS  # «نادي الاتحاد المصري», not «النادي الكويتي»
        or any(not normalize(w).startswith(_ARTICLE_FORMS) and not ew.is_common(w) for w in rest)
        or (len(rest) == 1 and name_key(rest[0]) in brand_names())  # «الهلال السعودي»
    )
    return " ".join(rest) if proper else name


def _of_place(word: str) -> bool:
    """A nationality («المصري») or the adjective of a place («اللندني», «الجداوي»)."""
    lex = lexicon()
    if lex.nationality(word) is not None:
        return True
    stem = normalize(word)
    if not stem.startswith("ال"):
        return False
    stem = stem[2:]
    for ending in ("يه", "ي"):
        if stem.endswith(ending) and len(stem) > len(ending) + 2:
            return bool(lex.place_at([stem[: -len(ending)]], 0))
    return False


def _named_by_head(keys: tuple[str, ...], heads: frozenset[str]) -> bool:
    """«شركة موبايلي», «صحيفة دايلي ميل»: a head saying what kind of body, then a name that is
    no ordinary word; in «نادي الاتحاد», «قناة الجزيرة» the head is what makes it a name."""
    return len(keys) > 1 and keys[0] in heads and not entity_words().is_common(keys[1])


def _without_local_tail(name: str, text: str) -> str:
    """«مكتب العمل» for «مكتب العمل بالمنطقة الشرقية» where the article also writes «مكتب
    العمل» alone: where the body is, said once, is not its name; a body the article only
    names with its place keeps it («الجمعية الفلكية بجدة»). ``text``: all the article's."""
    words = name.split()
    lex = lexicon()
    for k in range(2, len(words)):
        word = words[k]
        if not word.startswith("ب") or normalize(word) in ("بن", "بنت"):
            continue
        tail = [word[1:], *words[k + 1 :]]
        place = lex.place_at(tail, 0) == len(tail) or (
            len(tail) > 1
            and key(tail[0]) in lex.loc_heads
            and lex.place_at(tail, 1) == len(tail) - 1
        )
        if not place:
            continue
        short = " ".join(words[:k])
        alone = text.count(short) - text.count(name)
        return short if alone > 0 else name
    return name


def _unheaded(best: str, counts: Counter[str]) -> str:
    """An organization's name without what the article adds to it: where it is from
    (:func:`_without_origin`), and the head saying what kind it is when the article writes
    the name (:func:`_named_by_head`) without it at least as often as with it: «داعش» for
    «تنظيم داعش», «دايلي ميل» for «صحيفة دايلي ميل البريطانية» then «للدايلي ميل»."""
    name = _without_origin(best, counts)
    words = name.split()
    if not _named_by_head(tuple(key(w) for w in words), entity_words().name_heads):
        return name
    rest = words[1:]
    if len(rest) > 1 and _of_place(rest[-1]):
        rest = rest[:-1]  # «صحيفة الغارديان البريطانية» and «الغارديان»
    bare = " ".join(rest)
    # «للدايلي ميل» is written «الدايلي ميل»: the article a preposition brought counts too
    alone = counts[bare] + (counts["ال" + bare] if not bare.startswith("ال") else 0)
    headed = counts[name] + (counts[best] if best != name else 0)
    return bare if alone >= headed else name


def _written_name(mention: Found, first: int, texts: Mapping[str, str], lex: Lexicon) -> str:
    """The name as written from token ``first``: clitics off, an article swallowed by لل back."""
    token = mention.sentence.tokens[first]
    cuts = {"PER": name_cut, "ORG": thing_cut}
    cut = cuts[mention.type](token) if mention.type in cuts else prefix_cut(token.prefix)
    start = max(token.start + cut, mention.start)
    name = texts[mention.sentence.field][start : mention.end]
    if token.prefix.endswith("لل") or _article_merged(mention, first):
        name = "ال" + name
    if mention.type == "ORG" and " " not in name and key(name) in lex.ministries:
        name = f"{lex.ministry_word} {name}"
    return name


def _article_merged(mention: Found, first: int) -> bool:
    """«للجنة الوطنية»: «ل» + «اللجنة», the article's «ل» written once with the word's own; a
    definite adjective after it shows the organization's name has the article."""
    tokens = mention.sentence.tokens
    token = tokens[first]
    return (
        mention.type == "ORG"
        and token.prefix in ("ل", "ول")
        and token.base.startswith("ل")
        and first + 1 < mention.last
        and tokens[first + 1].prefix == "ال"
    )


def _link_roles(
    entities: list[Entity], groups: list[_Group], lex: Lexicon, texts: Mapping[str, str]
) -> None:
    places = {key(w): e.id for e in entities if e.type in _PLACE for w in [e.name]}
    place_of_found = {
        (id(f.sentence), f.first): e.id
        for e, g in zip(entities, groups, strict=True)
        if e.type in _PLACE
        for f in g.found
    }
    for entity, group in zip(entities, groups, strict=True):
        seen: set[str] = set()
        for mention, context in zip(group.found, group.contexts, strict=False):
            for title, first, last in context.roles:
                if title in seen:
                    continue
                seen.add(title)
                of = _role_of(mention, first, last, lex, places, place_of_found)
                entity.roles.append(Role(title=title, of=of, text=title))


def _role_of(
    mention: Found,
    first: int,
    last: int,
    lex: Lexicon,
    places: dict[str, str],
    place_of_found: dict[tuple[int, int], str],
) -> str | None:
    """What the role is of: a nationality or place in the role, else the nearest in the sentence."""
    tokens = mention.sentence.tokens
    inside = range(first, last)
    order = sorted(range(len(tokens)), key=lambda i: (i not in inside, abs(i - mention.first)))
    for i in order:
        country = lex.nationality(tokens[i].text)
        if country and key(country) in places:
            return places[key(country)]
        place = place_of_found.get((id(mention.sentence), i))
        if place is not None:
            return place
    return None
