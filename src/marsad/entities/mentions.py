"""Finding entity mentions: the CRF tagger, then rules from the lexicon.

Each sentence of each field is tokenized with offsets and tagged; BIO runs
become mentions with character spans into the field. Rules then add what the
tagger misses and the lexicon knows for certain: gazetteer places, and the name
that follows an honorific («الشيخ الدكتور أحمد الناصر»).
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from ..ner.lexicon import Lexicon, key, lexicon, name_key
from ..ner.names import name_lexicon
from ..ner.tagger import Tagger
from ..record import TextField
from ..text import Token, normalize, normalize_word, split_sentences_cached, tokenize_cached
from .brands import brand_names, brand_of
from .words import EntityWords, entity_words

__all__ = [
    "Found",
    "SentenceTokens",
    "find_mentions",
    "indefinite",
    "keys_of",
    "name_cut",
    "name_keys_of",
    "prefix_cut",
    "sentences_of",
    "thing_cut",
    "whole_words",
]


#: Proclitics that cannot start a name inside an honorific's name run.
CUT_PREFIXES = ("و", "ف", "ب", "ل", "ك")
TYPE_OF_LABEL = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
_LINE_BREAK = re.compile(r"(?<!\n)\n(?!\n)")
#: Longer "sentences" (a page without punctuation) are tagged in windows of this many
#: tokens, which keeps every later step linear in the text's length.
MAX_SENTENCE_TOKENS = 120
#: The most name tokens an honorific rule takes after the honorific.
MAX_NAME_TOKENS = 4


@dataclass(slots=True)
class SentenceTokens:
    field: TextField
    tokens: list[Token]  # offsets into the field
    labels: list[str]
    # the tokens' lookup keys, made once for the rules, roles and name search (keys_of)
    keys: list[str] = dataclasses.field(default_factory=list, repr=False, compare=False)
    name_keys: list[str] = dataclasses.field(default_factory=list, repr=False, compare=False)


def keys_of(sent: SentenceTokens) -> list[str]:
    """:func:`~marsad.ner.lexicon.key` of every token of the sentence."""
    if len(sent.keys) != len(sent.tokens):
        # a token the article shows has no proclitic (:func:`whole_words`) keeps its letters
        sent.keys = [key(t.text) if t.prefix else normalize(t.text) for t in sent.tokens]
    return sent.keys


def name_keys_of(sent: SentenceTokens) -> list[str]:
    """:func:`~marsad.ner.lexicon.name_key` of every token of the sentence."""
    if len(sent.name_keys) != len(sent.tokens):
        sent.name_keys = [name_key(t.text) if t.prefix else normalize(t.text) for t in sent.tokens]
    return sent.name_keys


#: Proclitics of one letter, which a name can begin with as a letter of its own.
_ONE_LETTER_CLITICS = frozenset({"و", "ف", "ب", "ل", "ك"})


def whole_words(sentences: list[SentenceTokens]) -> None:
    """«بوكا جونيورز» where the article also writes «لبوكا»: a word the article writes after
    a proclitic of its own is a word, so its first letter is its own, not «ب» + «وكا»; such
    tokens lose the prefix the tokenizer gave them (for these sentences only)."""
    bases = {
        normalize(t.base)
        for sent in sentences
        for t in sent.tokens
        if t.prefix and t.base[:1] in _ONE_LETTER_CLITICS and len(t.base) > 3
    }
    if not bases:
        return
    for sent in sentences:
        for i, t in enumerate(sent.tokens):
            if t.prefix in _ONE_LETTER_CLITICS and normalize(t.text) in bases:
                sent.tokens[i] = dataclasses.replace(t, prefix="")
                sent.keys, sent.name_keys = [], []


@dataclass(slots=True)
class Found:
    """A mention: token range of one sentence, its type and character span."""

    sentence: SentenceTokens
    first: int
    last: int  # exclusive
    type: str
    start: int
    end: int
    text: str


def sentences_of(field: TextField, text: str, tagger: Tagger) -> list[SentenceTokens]:
    """Tokenized, tagged sentences of one field, offsets shifted to the field.

    A single line break is read as a space (same length, so offsets hold): a name
    wrapped across two lines is still one name; a blank line still ends a sentence.
    """
    out: list[SentenceTokens] = []
    field_tokens = tokenize_cached(text)  # shared with the other stages of the article
    starts = [t.start for t in field_tokens]
    ends = [t.end for t in field_tokens]
    k = 0
    # without single line breaks (the usual case) this is the split the later stages read
    for sentence in split_sentences_cached(_LINE_BREAK.sub(" ", text)):
        first = bisect_left(starts, sentence.start, k)
        k = bisect_right(ends, sentence.end, first)
        tokens = list(field_tokens[first:k])
        for chunk in _chunks(tokens):
            out.append(SentenceTokens(field, chunk, tagger.tag([t.text for t in chunk])))
    return out


#: Marks a long sentence is cut after, so that no name is cut in two («، وتكليف …»).
_CLAUSE_MARKS = frozenset({"،", ",", "؛", ";"})


def _chunks(tokens: list[Token]) -> Iterator[list[Token]]:
    """A sentence in pieces of at most :data:`MAX_SENTENCE_TOKENS`, each cut after the last
    comma or semicolon in its second half when there is one, else at the limit."""
    start = 0
    while len(tokens) - start > MAX_SENTENCE_TOKENS:
        limit = start + MAX_SENTENCE_TOKENS
        end = next(
            (
                j + 1
                for j in range(limit - 1, start + MAX_SENTENCE_TOKENS // 2, -1)
                if tokens[j].text in _CLAUSE_MARKS
            ),
            limit,
        )
        yield tokens[start:end]
        start = end
    if start < len(tokens):
        yield tokens[start:]


def find_mentions(sentences: list[SentenceTokens], text_of: Mapping[str, str]) -> list[Found]:
    """Every mention in the tagged sentences, after the lexicon rules."""
    lex = lexicon()
    found: list[Found] = []
    for sent in sentences:
        _apply_rules(sent, lex)
        for first, last, label in _runs(sent.labels):
            mention = _mention(sent, first, last, label, text_of[sent.field], lex)
            if mention is not None:
                found.append(mention)
            if label == "ORG" and last - first > 1:
                found += _places_inside(sent, first, last, text_of[sent.field], lex)
    return found


def _places_inside(
    sent: SentenceTokens, first: int, last: int, text: str, lex: Lexicon
) -> list[Found]:
    """Gazetteer places named inside an organization's name («جامعة الأنبار», «الجمعية
    الفلكية بجدة»): the organization is of or in them, and they are places of the article too."""
    tokens = sent.tokens
    if key(tokens[first].text) in entity_words().name_heads:
        return []  # «وكالة الأناضول», «قناة الجزيرة»: a brand's name, no place of the story
    words = [t.text for t in tokens[:last]]
    out: list[Found] = []
    j = first + 1
    while j < last:
        # what the head is of («جامعة الأنبار»), or where it is («بجدة»); not an adjective
        where = (
            j == first + 1
            or tokens[j].prefix in ("ب", "بال")
            or (j == first + 2 and not tokens[first + 1].prefix)  # «بعثة منتخبات المملكة»
        )
        n = lex.place_at(words, j) if where and not lex.nationality(tokens[j].text) else 0
        at = j
        if not n and where and key(tokens[j].text) in lex.loc_heads and j + 1 < last:
            at = j + 1  # «بمحافظة جدة», «بمحافظة حبونا»: the place after its head
            n = lex.place_at(words, at) or int(
                _area_name(sent, keys_of(sent), at, lex, entity_words())
            )
        if n:
            place = _mention(sent, at, at + n, "LOC", text, lex)
            if place is not None:
                out.append(place)
            j = at + n
        else:
            j += 1
    return out


def _runs(labels: list[str]) -> Iterator[tuple[int, int, str]]:
    start, kind = -1, ""
    for i, tag in enumerate([*labels, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind and start >= 0
        if not continues and start >= 0:
            yield start, i, kind
            start, kind = -1, ""
        if prefix in ("B", "I") and not continues:
            start, kind = i, label


def _apply_rules(sent: SentenceTokens, lex: Lexicon) -> None:
    keys = keys_of(sent)
    words = [t.text for t in sent.tokens]
    place_openers, organization_openers = _openers(words, lex)
    _gazetteer(sent, words, lex.place_at, place_openers, "LOC")
    places = [label.endswith("LOC") for label in sent.labels]  # before organizations take them
    _gazetteer(sent, words, lex.organization_at, organization_openers, "ORG")
    ew = entity_words()
    _institutions(sent, keys, words, lex, ew)
    _headed_places(sent, keys, words, lex, ew)
    _listed_places(sent, keys, lex, ew)
    _named_areas(sent, keys, lex, ew)
    _quoted_outlets(sent, keys)
    _brand_names(sent)
    _named_after_kind(sent, keys, lex, ew)
    _organization_phrases(sent, keys, lex)
    _honorific_names(sent, keys, lex)
    for i, k in enumerate(keys):
        label = sent.labels[i]
        if k in lex.not_names and label != "O" and label not in ("I-LOC", "I-ORG"):
            if label == "B-ORG" and i + 1 < len(keys) and sent.labels[i + 1] == "I-ORG":
                continue  # «ريال بيتيس»: the first word of a club's name, not a currency
            _unlabel(sent.labels, i)  # not inside a longer place («منطقة اليورو»)
        elif (
            label.endswith("LOC")
            and _run_end(sent.labels, i) == i + 1
            and (k in ew.not_places or (k in lex.loc_heads and not lex.place_at(words, i)))
        ):
            _unlabel(sent.labels, i)  # «مشهد»: a scene, not Mashhad; «المحافظة» alone
    _adjective_places(sent, lex)
    _role_names(sent, keys, lex, ew)
    _quoted_names(sent, keys, lex, ew)
    _person_bounds(sent, keys, lex, ew)
    _organization_bounds(sent, keys, lex, ew, places)
    _conjoined_organizations(sent)


def _set(labels: list[str], first: int, last: int, kind: str) -> None:
    labels[first:last] = [f"B-{kind}"] + [f"I-{kind}"] * (last - first - 1)
    if last < len(labels) and labels[last].startswith("I-"):
        labels[last] = "B-" + labels[last][2:]


def _clear(labels: list[str], first: int, end: int) -> None:
    """Unlabel ``first:end``; a run going on after it starts anew."""
    labels[first:end] = ["O"] * (end - first)
    if end < len(labels) and labels[end].startswith("I-"):
        labels[end] = "B-" + labels[end][2:]


def _unlabel(labels: list[str], i: int) -> None:
    labels[i] = "O"
    if i + 1 < len(labels) and labels[i + 1].startswith("I-"):
        labels[i + 1] = "B-" + labels[i + 1][2:]


def _free(labels: list[str], first: int, last: int, kind: str) -> bool:
    return all(label == "O" or label.endswith(kind) for label in labels[first:last])


def _gazetteer(
    sent: SentenceTokens,
    words: list[str],
    longest: Callable[[list[str], int], int],
    openers: list[int],
    kind: str,
) -> None:
    """Label the longest entries found by ``longest`` at the words that can open one."""
    after = 0  # the word after the last entry labelled
    for i in openers:
        if i < after:
            continue
        n = longest(words, i)
        if n == 1 and kind == "ORG" and _common_described(sent, i):
            n = 0  # «القاعدة الضريبية»: a tax base, not al-Qaeda
        if n and (
            _free(sent.labels, i, i + n, kind) or (n > 1 and _free(sent.labels, i, i + n, "PERS"))
        ):
            _set(sent.labels, i, i + n, kind)
        after = i + max(n, 1)


def _common_described(sent: SentenceTokens, i: int) -> bool:
    """Whether word ``i``, an ordinary word, has an adjective of its own after it («القاعدة»
    + «الضريبية», «العسكرية»): the word, not the organization it can name alone; a word
    telling what the organization is («الإرهابي») is no such adjective."""
    tokens = sent.tokens
    if i + 1 >= len(tokens) or not entity_words().is_common(tokens[i].text):
        return False
    after = tokens[i + 1]
    return _nisba(after) and key(after.text) not in entity_words().phrase_stops


#: How many words :func:`_openers` remembers the answer for.
_OPENERS_SIZE = 200_000
_OPENERS: dict[str, tuple[bool, bool]] = {}
_OPENERS_LEXICON: list[Lexicon] = []


def _openers(words: list[str], lex: Lexicon) -> tuple[list[int], list[int]]:
    """Indices of the words that can open a gazetteer place, and a known organization.

    An entry opens with one of ``place_starts`` (``organization_starts``) read as a name or
    whole, which is the first thing ``place_at`` (``organization_at``) checks; most words
    open neither, and the answer is remembered per word.
    """
    if not _OPENERS_LEXICON or _OPENERS_LEXICON[0] is not lex:
        _OPENERS.clear()
        _OPENERS_LEXICON[:] = [lex]
    places: list[int] = []
    organizations: list[int] = []
    for i, word in enumerate(words):
        opens = _OPENERS.get(word)
        if opens is None:
            if len(_OPENERS) >= _OPENERS_SIZE:
                _OPENERS.clear()
            forms = (name_key(word), normalize(word))
            opens = _OPENERS[word] = (
                any(f in lex.place_starts for f in forms),
                any(f in lex.organization_starts for f in forms),
            )
        if opens[0]:
            places.append(i)
        if opens[1]:
            organizations.append(i)
    return places, organizations


def _organization_phrases(sent: SentenceTokens, keys: list[str], lex: Lexicon) -> None:
    """«الحكومة العراقية», «التحالف الدولي ضد داعش», «الخارجية» standing alone."""
    tokens = sent.tokens
    words = [t.text for t in tokens]
    for i, k in enumerate(keys):
        if k in lex.ministries and tokens[i].prefix in ("ال", "") and _alone(tokens, i):
            if _free(sent.labels, i, i + 1, "ORG"):
                _set(sent.labels, i, i + 1, "ORG")
            continue
        if k not in lex.org_heads or not tokens[i].prefix.endswith(("ال", "لل")):
            continue
        if sent.labels[i] == "B-ORG" and _run_end(sent.labels, i) > i + 2:
            continue  # «الشركة السودانية لنقل الكهرباء»: an institution already found whole
        if sent.labels[i] == "I-ORG":
            continue  # «قوات» + «التحالف العربي»: inside an organization already found
        end = i + 1
        while end < len(tokens) and end - i <= 4 and tokens[end].prefix == "ال":
            end += 1
            if lex.nationality(tokens[end - 1].text) is not None:
                break
        if end + 1 < len(tokens) and keys[end] in lex.org_connectors:
            # «الجبهة الشعبية لتحرير فلسطين»: a place it is for is in its name; an organization
            # it fights is another one («التحالف الدولي» + «لمحاربة تنظيم داعش»)
            n = lex.place_at(words, end + 1)
            end = end + 1 + n if n else end
        described = any(lex.nationality(t.text) is not None for t in tokens[i + 1 : end])
        described = described or end - i >= 3
        if end > i + 1 and described and _in_contest(sent, keys, i, end, lex):
            _clear(sent.labels, i - 1, end)  # «بطولة» + «الاتحاد الآسيوي»: the body holding it
        if end > i + 1 and described and _free(sent.labels, i, end, "ORG"):
            if end < len(tokens) and tokens[end].prefix in ("ب", "بال"):
                end += _place_after(words, keys, end, lex)  # «السفارة المصرية» + «ببروكسل»
            _set(sent.labels, i, end, "ORG")


def _in_contest(sent: SentenceTokens, keys: list[str], i: int, end: int, lex: Lexicon) -> bool:
    """Whether the organization phrase ``i:end`` is what a contest the tagger found is named
    after: «بطولة الاتحاد الآسيوي», «كأس الاتحاد السعودي» (a head of ``misc_heads`` before it,
    the phrase inside the contest's run and ending it)."""
    labels = sent.labels
    return (
        i > 0
        and labels[i - 1] == "B-MISC"
        and keys[i - 1] in lex.misc_heads
        and all(label == "I-MISC" for label in labels[i:end])
        and not (end < len(labels) and labels[end] == "I-MISC")
    )


#: The most tokens an organization phrase opened by an institution head runs to.
MAX_INSTITUTION_TOKENS = 9
_DEFINITE = ("ال", "لل")
#: The article, alone or after «و» / «ل»: a word continuing a name («الشؤون», «للسياحة»,
#: «والآثار»), not one after «ب» / «ك» («بالرياض»: where, not what).
_NAME_DEFINITE = frozenset({"ال", "لل", "وال", "ولل"})
_NAME_LINKS = frozenset({"بن", "بنت", "ابن", "ابو", "ام", "ال", "اب"})


def _institutions(
    sent: SentenceTokens, keys: list[str], words: list[str], lex: Lexicon, ew: EntityWords
) -> None:
    """«وزارة الشؤون الإسلامية», «هيئة السياحة والآثار», «مركز الملك سلمان للإغاثة»,
    «أمانة جدة», «نادي أم صلال»: a head noun of an institution and what it is of.

    An indefinite head (the construct state) takes a definite word, a name (a tagged run, a
    gazetteer place, or a word after «أم»/«أبو»/«بن»); a definite head («الهيئة العامة …»)
    needs a definite adjective after it and, without a nationality or a third word, is left
    to the tagger. The phrase goes on over definite words (و/لل before them included) and
    names, and ends at punctuation, particles, honorifics, roles, verbs and the words of
    ``phrase_stops``. A person or place inside the phrase becomes part of the organization.
    """
    tokens, labels = sent.tokens, sent.labels
    after = 0  # the token after the last organization set
    branch = -1  # the head of a body whose branch («فرع») the text names
    for i in [i for i, k in enumerate(keys) if k in ew.any_heads]:
        if i < after:
            continue
        k = keys[i]
        definite = tokens[i].prefix.endswith(_DEFINITE)
        heads = ew.definite_heads if definite else ew.institution_heads
        if k not in heads or tokens[i].kind != "word":
            continue
        if indefinite(tokens[i]):
            continue  # «إنشاء صندوقٍ للخدمة»: a fund, indefinite; a name's head never is
        if (
            i + 1 < len(keys)
            and keys[i + 1] in ew.institution_heads
            and (
                k in ew.managing_heads or (k in ew.office_heads and tokens[i].prefix in ("ل", "ول"))
            )
        ):
            # «إدارة» + «جامعة لوفن», «بعثة» + «جامعة …»: the body it manages or sends;
            # «ترشح لرئاسة» + «حزب العمال»: the office sought, in the body after it
            branch = i + 1 if k in ew.branch_heads else branch
            continue
        # «فرع» + «هيئة السياحة والآثار» + «بالمنطقة»: where the branch is, not the body
        end = _institution_end(sent, keys, words, i, definite, lex, ew, local=i != branch)
        # an organization right after the head is taken in, and one the tagger began at
        # what the institution is for («المنتخب السعودي» + «للتايكوندو»)
        inner = [
            label
            for label, token in zip(labels[i + 2 : end], tokens[i + 2 : end], strict=True)
            if not token.prefix.startswith(("ل", "ول"))
        ]
        # (a head is never a person's first word: «مؤسسة» + «سالم …» tagged as one person)
        # a tagged organization grown only by «و…» parts («… الاقتصادي» + «والتنمية»)
        run = _run_end(labels, i) if labels[i] == "B-ORG" else end
        longer = run < end and (
            all(t.prefix.startswith("و") for t in tokens[run:end])
            or run == i + 1  # «جامعة» tagged alone, its name after it
        )
        if end > i + 1 and (labels[i] in ("O", "B-PERS") or longer) and "B-ORG" not in inner:
            _set(labels, i, end, "ORG")
            after = end


def _institution_end(
    sent: SentenceTokens,
    keys: list[str],
    words: list[str],
    i: int,
    definite: bool,
    lex: Lexicon,
    ew: EntityWords,
    local: bool = True,
) -> int:
    tokens, labels = sent.tokens, sent.labels
    j = i + 1
    adjectives = 0
    named = nationality = conjoined = purposed = chained = False
    placed = -1  # the token after a place the name is of
    while j < len(tokens) and j - i < MAX_INSTITUTION_TOKENS:
        token, k = tokens[j], keys[j]
        titled = (  # «جامعة الملك سعود»; not «مكتب» + «وكيل الوزارة», an office of a role
            j == i + 1
            and not definite
            and (k,) in lex.honorifics
            and not (j + 1 < len(tokens) and tokens[j + 1].prefix.endswith(_DEFINITE))
        )
        # «مجلس محافظة الأنبار»: a place head and its place, though «محافظة» is a role too
        located = k in lex.loc_heads and j + 1 < len(words) and lex.place_at(words, j + 1) > 0
        purpose = (  # «لنقل الكهرباء»: a verbal noun with «ل», not the verb «نقل»
            token.prefix in ("ل", "ول")
            and j + 1 < len(tokens)
            and tokens[j + 1].prefix in _NAME_DEFINITE
            and normalize_word(token.base) not in lex.name_stops  # «لهذه البلاد»
        )
        # «مستشفى البدع العام»: «العام» its adjective, not "the year" («العام الماضي», «العام 2015»)
        adjective = k in ew.official_adjectives and not _time_after(tokens, keys, j, ew)
        if j == i + 1 and not definite and token.text in _OPENING and keys[i] not in ew.weak_heads:
            close = _closing_quote(tokens, j + 2, j + 5)
            if close is not None and all(t.kind == "word" for t in tokens[j + 1 : close]):
                j = close + 1  # «جامعة «لوفن»»: the name in quotation marks (not «برنامج «…»»)
                adjectives += 1
                named = True
                continue
        if token.kind != "word" or (
            _ends_phrase(k, token, lex, ew) and not (titled or located or purpose or adjective)
        ):
            break
        if k in ew.institution_heads and token.prefix.startswith("و"):
            break  # «مؤسسة … ومؤسسة …»: a second organization
        if token.prefix in ("ب", "بال") and j > i + 1 and (adjectives or named):
            n = _place_after(words, keys, j, lex)
            if n:
                j += n if local else 0  # «الجمعية الفلكية بجدة», «مديرية … بمحافظة جدة»
                break
        if (conjoined or purposed) and not (token.prefix in ("وال", "ولل") or _nisba(token)):
            break  # «هيئة السياحة والآثار المعرض», «… للأرصاد الجوية المواطنين»: after «و…»
            # or «لل…» only more «و…» parts and adjectives
        if token.prefix.startswith("و") and lex.nationality(tokens[j - 1].text) is not None:
            break  # «النظام السوري» + «والانضمام»: a nationality closes the name
        if (
            nationality
            and token.prefix == "وال"
            and j + 1 < len(tokens)
            and lex.nationality(tokens[j + 1].text) is not None
        ):
            break  # «الهيئة السعودية للمواصفات …» + «والجمارك السعودية»: a second body
        if token.prefix in ("لل", "ولل") and lex.organization_at([token.text], 0):
            if definite and not (named or nationality) and j - i < 3:
                return i  # «اللجنة التنفيذية» of «الفيفا»: one of its organs, not a body
            break  # «مجلس إدارة الشركة» + «للفيفا»: the body it belongs to is another
        if token.prefix == "لل" and _action_after(tokens, keys, j, ew):
            break  # «المنتخب السوري» + «للتضييق أكثر على»: what it did, not what it is for
        if token.prefix == "ال" and _plural_noun_after(tokens, j):
            break  # «حزب العمال» + «الانتخابات العامة»: the verb's object, not an adjective
        if j == placed and token.prefix == "ال":
            if not _adjective_after(tokens, keys, j, lex, ew):
                break  # «مرور الرياض» + «المخالفين»: after its place, the verb's object
            placed = j + 1  # «مكة» + «المكرمة»: the place's adjective; what follows, as after it
        if token.prefix == "ال" and _after_adjective(tokens, keys, j, lex, ew):
            break  # «الميليشيات الحوثية» + «الفرصة»: after an adjective, a noun is the verb's
        if token.prefix in _NAME_DEFINITE or (
            token.prefix == "و"
            and j + 1 < len(tokens)
            and tokens[j + 1].prefix in _NAME_DEFINITE
            and adjectives
        ):
            if token.prefix in _NAME_DEFINITE:
                adjectives += 1
                nationality = nationality or lex.nationality(token.text) is not None
                if (
                    j == i + 1
                    and not definite
                    and keys[i] not in ew.office_heads
                    and (n := lex.place_at(words, j))
                ):
                    named = True  # «مرور الرياض»: the place it is of
                    j += n
                    placed = j
                    continue
                if (
                    chained
                    and adjectives > 1
                    and not _adjective_like(token)
                    and j + 1 < len(keys)
                    and keys[j + 1] in ew.phrase_stops
                ):
                    break  # «منتخب تنس الطاولة» + «المركز الثاني»: a noun with its ordinal
            conjoined = conjoined or token.prefix.startswith("و")
            purposed = purposed or token.prefix == "لل"
            j += 1
            continue
        if (
            token.prefix in ("ل", "ول")
            and j + 1 < len(tokens)
            and tokens[j + 1].prefix in _NAME_DEFINITE
            and adjectives
        ):
            purposed = True
            j += 2  # «المركز السعودي لكفاءة الطاقة», «الشركة السودانية لنقل الكهرباء»
            continue
        if definite and j == i + 1:
            return i
        if (
            j == i + 1
            and not token.prefix
            and k not in ew.weak_heads
            and j + 1 < len(tokens)
            and tokens[j + 1].prefix in ("ال", "لل")
            and labels[j] == "O"
            and (ew.is_common(token.text) or not name_lexicon().is_name(token.text))
            and not token.text.startswith("ي")  # «جيش يحفظ النصوص»: a verb, not a noun
        ):
            chained = True
            j += 1  # «جهاز مكافحة الإرهاب», «رئاسة هيئة الأركان»: a construct chain
            continue
        # a name without the article: right after the head, or after a title («الملك»)
        if token.prefix or not (j == i + 1 or (keys[j - 1],) in lex.honorifics):
            break
        if labels[j][2:] in ("PERS", "LOC", "ORG"):
            j = _run_end(labels, j)
            placed = j if labels[j - 1].endswith("LOC") else placed
            while j < len(tokens) and tokens[j].prefix == "و" and labels[j] == "B-PERS":
                j = _run_end(labels, j)  # «مؤسسة محمد وعبدالله إبراهيم السبيعي»: its founders
            while j < len(tokens) and _nisba(tokens[j]) and labels[j] == "O":
                j += 1  # «… الخيرية»
        elif (keys[j - 1],) in lex.honorifics and _name_word(token, lex, ew):
            j += 1
        elif n := lex.place_at(words, j):
            j += n
            placed = j
        elif keys[j] in lex.loc_heads and (
            n := lex.place_at(words, j + 1) if j + 1 < len(words) else 0
        ):
            j += 1 + n  # «أمانة منطقة نجران»
            placed = j
        elif normalize_word(token.text) in _NAME_LINKS and j + 1 < len(tokens):
            j += 2
        else:
            break
        adjectives += 1
        named = True
    if j - 1 > i and tokens[j - 1].prefix in ("و", "وب"):
        j -= 1  # «و» + a word with nothing after it: not part of the name
    if not adjectives:
        return i
    if keys[i] in ew.office_heads and (
        (not named and nationality and j - i == 2) or labels[i + 1].endswith("PERS")
    ):
        return i  # «بقيادة اليوناني», «برئاسة عبد الرحيم الكيب»: led by a person, no body
    weak = definite or keys[i] in ew.weak_heads
    official = any(k in ew.official_adjectives for k in keys[i + 1 : j])
    if keys[i] in ew.place_bodies and not _place_after(words, keys, i + 1, lex):
        return i  # «تعليم اللغة العربية»: teaching, not «تعليم منطقة مكة المكرمة»
    if keys[i] in ew.plan_heads and not (
        nationality or official or any(label.endswith("ORG") for label in labels[i + 1 : j])
    ):
        return i  # «برنامج الفرسان الذهبي»: a plan, not «البرنامج الوطني للحرف»
    if weak and not (named or nationality or (definite and official)) and j - i < 3:
        return i  # «الشرطة الاتحادية», «البنك الإسلامي» name a body; «المجلس الجديد» no
    if definite and keys[i] in ew.weak_heads and not (named or nationality) and not official:
        return i  # «البرنامج الثقافي للمعرض»: a programme, not «البرنامج الوطني للحرف»
    return j


_NISBA_ENDINGS = ("ي", "يه", "ية", "يين", "يون", "يات")
#: The marks of an indefinite noun («صندوقٍ», «مركزٌ», «مشروعاً»).
_TANWEEN_MARKS = ("\u064b", "\u064c", "\u064d")


def indefinite(token: Token) -> bool:
    """Whether the word is written with tanween: an indefinite noun, which opens no name."""
    return any(mark in token.text for mark in _TANWEEN_MARKS)


def _after_adjective(
    tokens: list[Token], keys: list[str], j: int, lex: Lexicon, ew: EntityWords
) -> bool:
    """Whether definite word ``j`` is a noun after an adjective closing a name («صحيفة ذا ستار
    البريطانية» + «الخبر»): adjectives go on after one («العربية» + «السعودية», «العامة»,
    «المشتركة»), a noun does not (it is the object of the verb before the name)."""
    before = tokens[j - 1]
    if not (_nisba(before) or lex.nationality(before.text) is not None):
        return False
    if _broken_plural(tokens[j]) and normalize_word(before.base).endswith(("ين", "يون")):
        return False  # «الرياضيين السوريين» + «الأحرار»: a plural adjective agrees with them
    return not _adjective_after(tokens, keys, j, lex, ew)


def _broken_plural(token: Token) -> bool:
    """A word of the plural pattern أفعال («الأحرار», «الأشراف»)."""
    base = normalize_word(token.base)
    return len(base) == 5 and base[0] == "ا" and base[3] == "ا"


def _action_after(tokens: list[Token], keys: list[str], j: int, ew: EntityWords) -> bool:
    """Whether «لل» + verbal noun ``j`` tells an action, not a purpose: a verbal noun of the
    form تفعيل followed by an adverb of degree or repetition («للتضييق» + «أكثر»)."""
    base = normalize_word(tokens[j].base)
    if not (len(base) == 5 and _tafil(base)) or j + 1 >= len(tokens):
        return False
    return keys[j + 1] in ew.action_followers


def _tafil(base: str) -> bool:
    """Whether a word has the shape of the verbal noun تفعيل («تضييق», «تأهيل», «تدريب»)."""
    return len(base) >= 5 and base[0] == "ت" and base[3] == "ي"


def _plural_noun_after(tokens: list[Token], j: int) -> bool:
    """Whether definite word ``j`` is a feminine plural («الانتخابات») after a definite word
    that is none («العمال»): an adjective agrees with its noun, so this is a new noun."""
    before, token = tokens[j - 1], tokens[j]
    return (
        before.prefix.endswith(_DEFINITE)
        and normalize_word(token.base).endswith("ات")
        and not normalize_word(before.base).endswith("ات")
    )


def _adjective_after(
    tokens: list[Token], keys: list[str], j: int, lex: Lexicon, ew: EntityWords
) -> bool:
    """Whether definite word ``j`` can be an adjective of the name before it: a nisba, an
    official adjective, a feminine participle («المشتركة», «المتحدة», «المنورة») or a
    nationality."""
    token = tokens[j]
    return (
        _nisba(token)
        or keys[j] in ew.official_adjectives
        or (token.base.startswith("م") and token.base.endswith(("ة", "ه")))  # not «المخالفين»
        or lex.nationality(token.text) is not None
    )


def _time_after(tokens: list[Token], keys: list[str], j: int, ew: EntityWords) -> bool:
    """Whether the word after ``j`` makes it a time («العام» + «الماضي», «العام» + «2015»)."""
    if j + 1 >= len(tokens):
        return False
    after = tokens[j + 1]
    return after.kind == "number" or after.text[:1].isdigit() or keys[j + 1] in ew.phrase_stops


def _place_after(words: list[str], keys: list[str], j: int, lex: Lexicon) -> int:
    """How many words from ``j`` name a gazetteer place, or a place head and its place
    («بجدة»: 1, «بمحافظة جدة»: 2); 0 when they name none."""
    n = lex.place_at(words, j)
    if not n and keys[j] in lex.loc_heads and j + 1 < len(words):
        after = lex.place_at(words, j + 1)
        n = 1 + after if after else 0
    return n


def _adjective_like(token: Token) -> bool:
    """A definite word that can be an adjective of the phrase before it: a nisba or a
    feminine form («الإسلامية», «العامة»), not a masculine noun («المركز»)."""
    return _nisba(token) or token.text.endswith(("ة", "ه"))


def _nisba(token: Token) -> bool:
    """A relative adjective («الإنسانية», «الخيرية»): it describes the noun before it."""
    return token.prefix == "ال" and token.base.endswith(_NISBA_ENDINGS) and len(token.base) > 3


#: Words before a quoted name of a newspaper, site, channel or agency («لـ«الوطن»»,
#: «لوكالة «رويترز»»): the name in the quotation marks is an organization.
_OUTLET_WORDS = frozenset({"ل", "صحيفه", "جريده", "موقع", "قناه", "وكاله", "مجله", "اذاعه"})
#: Quotation marks, either way round: «لـ”عين اليوم”», «لـ»المدينة»» are written too.
_OPENING = _CLOSING = frozenset({"«", "»", '"', "“", "”"})


def _brand_names(sent: SentenceTokens) -> None:
    """«خلطات واتساب», «أمام الهلال»: a name the news writes after a head of its kind
    («تطبيق واتساب», «نادي الهلال»; :mod:`marsad.entities.brands`) is an organization alone."""
    known = brand_names()
    names = name_keys_of(sent)  # computed once per sentence: most words are looked up there
    labels = sent.labels
    for i, token in enumerate(sent.tokens):
        if names[i] not in known and (not token.prefix or "ال" in token.prefix):
            continue  # neither the word without its clitics nor, for «و»+name, its base
        if token.kind == "word" and labels[i] in ("O", "B-MISC") and brand_of(token, known):
            if i + 1 < len(labels) and labels[i + 1].startswith("I-"):
                continue  # part of a longer name the tagger found
            after = sent.tokens[i + 1] if i + 1 < len(labels) else None
            # «روتانا خليجية», «سكاي نيوز عربية»: an adjective without the article after a
            # name, which has it of itself, is the name of one of its branches
            branch = (
                after is not None
                and labels[i + 1] == "O"
                and not after.prefix
                and lexicon().nationality(after.text) is not None
            )
            _set(labels, i, i + 2 if branch else i + 1, "ORG")


#: The most words of a name told by the noun before it («سهم سوسيتيه جنرال»).
MAX_KIND_NAME_TOKENS = 3


def _named_after_kind(sent: SentenceTokens, keys: list[str], lex: Lexicon, ew: EntityWords) -> None:
    """«سهم سوسيتيه جنرال», «شركة زاجل», «قناة زين»: after a noun that says a company is
    named (``company_things``) or what kind of body a name is (``kind_heads``), bare words
    that are no ordinary word, place or nationality, or words in Latin letters («قناة mbc»),
    name an organization the tagger missed (the name itself: «زاجل», as
    :func:`marsad.entities.resolve` names «شركة موبايلي»)."""
    tokens, labels = sent.tokens, sent.labels
    for i, k in enumerate(keys[:-1]):
        thing = ew.things.get(k) == "ORG"
        if not (thing or (k in ew.kind_heads and tokens[i].prefix in ("", "و", "ب", "ل"))):
            continue
        if labels[i] != "O":
            continue
        end = i + 1
        latin = tokens[end].kind == "latin"  # «قناة mbc», «إذاعة mbc fm»
        while (
            end < len(tokens)
            and end - i <= MAX_KIND_NAME_TOKENS
            and labels[end] == "O"
            and (
                tokens[end].kind == "latin"
                if latin
                else _foreign_word(tokens[end], keys[end], lex, ew)
            )
        ):
            end += 1
        if end > i + 1:
            _set(labels, i + 1, end, "ORG")


def _foreign_word(token: Token, k: str, lex: Lexicon, ew: EntityWords) -> bool:
    """A word that can only be part of a name: bare (no clitic, no article), no ordinary
    word, particle, place or nationality («سوسيتيه», «زاجل»; not «كبرى», «في»)."""
    return (
        token.kind == "word"
        and not token.prefix
        and len(token.text) > 2
        and not token.text.endswith(("ي", "ى"))  # «أثري», «كبرى»: adjectives
        and not token.text.endswith(("ها", "هم", "هما", "كم"))  # «أرباحها»: a noun with its own
        and not ew.is_common(token.text)
        and k not in ew.any_heads
        and normalize_word(token.text) not in lex.name_stops
        and not _ends_phrase(k, token, lex, ew)
        and lex.nationality(token.text) is None
        and not lex.place_at([token.text], 0)
    )


def _closing_quote(tokens: list[Token], first: int, end: int) -> int | None:
    """The first closing quotation mark among tokens ``first:end``, if any."""
    return next(
        (j for j in range(first, min(end, len(tokens))) if tokens[j].text in _CLOSING), None
    )


def _quoted_outlets(sent: SentenceTokens, keys: list[str]) -> None:
    tokens, labels = sent.tokens, sent.labels
    for i in [i for i, k in enumerate(keys[:-3]) if k in _OUTLET_WORDS]:
        if tokens[i + 1].text not in _OPENING:
            continue
        close = _closing_quote(tokens, i + 3, i + 6)
        if close is None or any(t.kind != "word" for t in tokens[i + 2 : close]):
            continue
        if not any(label.endswith("ORG") for label in labels[i + 2 : close]):
            _set(labels, i + 2, close, "ORG")


def _headed_places(
    sent: SentenceTokens, keys: list[str], words: list[str], lex: Lexicon, ew: EntityWords
) -> None:
    """«حي التأميم», «مخيم الأفغان», «مطار الأمير محمد بن عبدالعزيز الدولي»: a place head in
    the construct state and the name after it (a gazetteer place after it is named alone)."""
    tokens, labels = sent.tokens, sent.labels
    for i in [i for i, k in enumerate(keys[:-1]) if k in ew.place_heads]:
        if tokens[i].prefix.endswith(_DEFINITE):
            continue
        if labels[i] != "O" or lex.place_at(words, i + 1):
            continue
        j = i + 1
        token = tokens[j]
        if token.prefix in _NAME_DEFINITE and not _ends_phrase(keys[j], token, lex, ew):
            if keys[i] in ew.weak_place_heads and ew.is_common(token.text):
                continue  # «قاعدة العائدات», «سوق الأسهم»
            j += 1
        elif (
            labels[j][2:] == "LOC"
            and _run_end(labels, j) == j + 1
            and not token.prefix
            and token.text.endswith(_NISBA_ENDINGS)
            and not lex.place_at(words, j)
            and not name_lexicon().is_name(token.text)
        ):
            labels[j] = "O"
            continue  # «حي عشوائي»: an adjective, not a name
        elif (keys[j],) in lex.honorifics or labels[j][2:] in ("PERS", "LOC"):
            j = _run_end(labels, j + 1) if (keys[j],) in lex.honorifics else _run_end(labels, j)
        elif normalize_word(token.text) in _NAME_LINKS and j + 1 < len(tokens) and not token.prefix:
            j += 2
        else:
            continue
        while j < len(tokens) and _nisba(tokens[j]) and labels[j] == "O":
            j += 1
        if all(label == "O" or label[2:] in ("PERS", "LOC") for label in labels[i:j]):
            _set(labels, i, j, "LOC")


def _named_areas(sent: SentenceTokens, keys: list[str], lex: Lexicon, ew: EntityWords) -> None:
    """«بمحافظة حبونا», «قطاع مقناء»: after an administrative head in the construct state, a
    word that is no ordinary word, title or adjective is the name of the place."""
    tokens, labels = sent.tokens, sent.labels
    for i in [i for i, k in enumerate(keys[:-1]) if k in ew.area_heads]:
        j = i + 1
        if tokens[i].prefix.endswith(_DEFINITE) or labels[j] != "O":
            continue
        if _area_name(sent, keys, j, lex, ew):
            _set(labels, j, j + 1, "LOC")


def _area_name(
    sent: SentenceTokens, keys: list[str], j: int, lex: Lexicon, ew: EntityWords
) -> bool:
    """Whether the word ``j``, after an administrative head, can be a place's name: no
    ordinary word («منطقة آمنة»), title, adjective or verbal noun («منطقة استرخاء»)."""
    token = sent.tokens[j]
    return not (
        token.kind != "word"
        or token.prefix not in ("", "ال")
        or ew.is_common(token.text)
        or (keys[j],) in lex.honorifics
        or token.text.endswith(_NISBA_ENDINGS)
        or (keys[j].startswith("است") and len(keys[j]) > 5)
        or len(keys[j]) < 3
    )


def _listed_places(sent: SentenceTokens, keys: list[str], lex: Lexicon, ew: EntityWords) -> None:
    """«بلديات أحد والبيداء والعوالي», «محافظات الحرث والطوال»: after a plural place head
    in the construct state, the names joined by «و» are places, one each."""
    tokens, labels = sent.tokens, sent.labels
    for i in [i for i, k in enumerate(keys[:-2]) if k in ew.place_lists]:
        if tokens[i].prefix.endswith(_DEFINITE):
            continue
        items: list[tuple[int, int]] = []
        j = i + 1
        while j < len(tokens) and tokens[j].kind == "word":
            token = tokens[j]
            if (
                (items and not token.prefix.startswith("و"))
                or (not items and token.prefix.startswith("و"))
                or keys[j] in ew.place_lists
                or keys[j] in lex.loc_heads  # «أحياء المحافظة»: the governorate's, no list
                or (items and not token.prefix.endswith("ال") and ew.never_name(token.text))
                or (
                    not token.prefix.endswith("ال")
                    and token.text.endswith(_ACCUSATIVE)
                    and ew.is_common(token.base)
                )
            ):
                break  # «… والعوالي» + «وأضاف»: a verb after the list ends it
            end = _run_end(labels, j) if labels[j] == "B-LOC" else j + 1
            items.append((j, end))
            j = end
        if len(items) < 2:
            continue
        for first, end in items:  # the list says what they are, whatever the tagger said
            if labels[first] != "B-LOC":
                _set(labels, first, end, "LOC")


def _ends_phrase(k: str, token: Token, lex: Lexicon, ew: EntityWords) -> bool:
    return (
        k in ew.phrase_stops
        or (k in lex.speech_verbs and not token.prefix.endswith(_DEFINITE))  # «النقل» no verb
        or k in lex.role_heads
        or (k,) in lex.honorifics
        or normalize_word(token.text) in lex.name_stops
        or normalize_word(token.base) in lex.name_stops
    )


def _run_end(labels: list[str], j: int) -> int:
    end = j + 1
    while end < len(labels) and labels[end].startswith("I-"):
        end += 1
    return end


#: Endings of indefinite relative adjectives and adverbs («صحراوية», «جماهيريا», «دوليًا»).
_ADVERB_ENDINGS = ("ية", "يه", "يا", "يًا", "ياً", "اً", "ًا")
#: The accusative ending an adverb takes and a place name does not.
_TANWEEN = ("اً", "ًا")
#: The accusative endings of an indefinite noun, written with or without its tanween.
_ACCUSATIVE = ("ا", "اً", "ًا")


def _organization_bounds(
    sent: SentenceTokens, keys: list[str], lex: Lexicon, ew: EntityWords, places: list[bool]
) -> None:
    """Organization runs cut and grown to their name: words after the name dropped («الديوان
    الملكي المكلف»), what it is for taken in («الهيئة السعودية للمواصفات والمقاييس», «…
    للسياحة والتراث الوطني»)."""
    tokens, labels = sent.tokens, sent.labels
    i = 0
    while "B-ORG" in labels[i:]:
        i = labels.index("B-ORG", i)
        end = _run_end(labels, i)
        last = end if _quoted(tokens, i, end) else _purpose_end(tokens, i, end)
        while last > i + 1 and tokens[last - 1].kind == "number" and len(tokens[last - 1].text) > 3:
            last -= 1  # «Mobily 737221»: a number to write to, not part of the name («موقع 24»)
        while (
            last > i + 1
            and _ends_phrase(keys[last - 1], tokens[last - 1], lex, ew)
            and not _quoted(tokens, i, last)  # «لـ”عين اليوم”»
            and not (  # «مستشفى البدع العام», not «الديوان الملكي المشرف العام»
                keys[last - 1] in ew.official_adjectives
                and not _time_after(tokens, keys, last - 1, ew)
                and not _ends_phrase(keys[last - 2], tokens[last - 2], lex, ew)
            )
        ):
            last -= 1
        if (
            (
                tuple(keys[i:last]) in ew.not_organizations
                or (last - i == 1 and keys[i] in ew.any_heads)  # «نادي» alone names no club
                or _described_kind(tokens, keys, i, last, lex, ew)
                or tuple(keys[i : i + 2]) in ew.activities
                or _described(tokens, keys, i, last, ew)
            )
            or (
                last - i == 1
                and ew.never_name(tokens[i].text)
                and not _known_org(tokens[i], lex)
                and not _quoted(tokens, i, last)  # «لـ"الوطن"»: the outlet's name
            )
        ):
            labels[i:end] = ["O"] * (end - i)
            i = end
            continue
        grown = last
        if last == end and end - i > 1:  # «داعش الإرهابي»: a one-word name is not grown
            grown = _organization_tail(tokens, keys, labels, last, i, lex, ew, places)
        labels[last:end] = ["O"] * (end - last)
        if grown > last:
            labels[last:grown] = ["I-ORG"] * (grown - last)
        if grown < len(labels) and labels[grown].startswith("I-"):
            labels[grown] = "B-" + labels[grown][2:]
        i = max(grown, i + 1)


def _conjoined_organizations(sent: SentenceTokens) -> None:
    """«أعلنت سامسونج وماستر كارد»: a name joined by «و» to an organization, and not opened
    by a person's given name, is a second organization, not a person."""
    tokens, labels = sent.tokens, sent.labels
    names = name_lexicon()
    for i in range(1, len(tokens)):
        if labels[i] != "B-PERS" or tokens[i].prefix != "و" or not labels[i - 1].endswith("ORG"):
            continue
        if not names.is_given(tokens[i].base):
            _set(labels, i, _run_end(labels, i), "ORG")


def _described_kind(
    tokens: list[Token], keys: list[str], first: int, last: int, lex: Lexicon, ew: EntityWords
) -> bool:
    """«البنك الفرنسي», «النادي الكويتي»: a kind of body and a nationality, no name."""
    return (
        last - first == 2
        and keys[first] in ew.kind_nouns
        and tokens[first].prefix.endswith(_DEFINITE)
        and lex.nationality(tokens[first + 1].text) is not None
    )


def _described(
    tokens: list[Token], keys: list[str], first: int, last: int, ew: EntityWords
) -> bool:
    """«مؤسسة تعليمية للأطفال»: a head and an indefinite adjective describe a kind of body,
    they name none («شركة أرامكو السعودية» does)."""
    if last - first < 2 or tokens[first].prefix.endswith(_DEFINITE):
        return False
    second = tokens[first + 1]
    return (
        keys[first] in ew.any_heads
        and not second.prefix
        and second.text.endswith(_NISBA_ENDINGS)
        and ew.is_common(second.text)
        and not name_lexicon().is_name(second.text)
    )


def _quoted(tokens: list[Token], first: int, last: int) -> bool:
    """Whether tokens ``first:last`` stand between quotation marks."""
    return (
        first > 0
        and last < len(tokens)
        and tokens[first - 1].text in _OPENING
        and tokens[last].text in _CLOSING
    )


def _purpose_end(tokens: list[Token], first: int, end: int) -> int:
    """Where a run stops after a «لل…» part: at the first plain definite word that is no
    adjective («… للأرصاد الجوية» + «المواطنين», the verb's object)."""
    purposed = False
    for j in range(first + 1, end):
        prefix = tokens[j].prefix
        if purposed and prefix == "ال" and not _nisba(tokens[j]):
            return j
        if purposed and not prefix and tokens[j].text.endswith(_ACCUSATIVE):
            return j  # «… للأرصاد الجوية» + «أمطارا»: the verb's object
        purposed = purposed or prefix == "لل"
    return end


#: Pronouns a verbal noun takes for those the name is for («وتأهيلهم», «وتدريبها»).
_OBJECT_PRONOUNS = ("هم", "ها", "هن")


def _tafil_of_them(tokens: list[Token], first: int, j: int) -> bool:
    """«لرعاية المعوقين» + «وتأهيلهم»: a second verbal noun of the form تفعيل with «و», its
    object the definite noun before it as a pronoun, is what the body is for too."""
    token = tokens[j]
    base = normalize_word(token.base)
    return (
        token.prefix == "و"
        and _tafil(base)
        and base.endswith(_OBJECT_PRONOUNS)
        and len(base) >= 7
        and any(t.prefix in ("ل", "لل") for t in tokens[first + 1 : j])
        and tokens[j - 1].prefix == "ال"
    )


def _known_org(token: Token, lex: Lexicon) -> bool:
    k = key(token.text)
    return k in lex.ministries or bool(lex.organization_at([token.text], 0))


def _organization_tail(
    tokens: list[Token],
    keys: list[str],
    labels: list[str],
    j: int,
    first: int,
    lex: Lexicon,
    ew: EntityWords,
    places: list[bool],
) -> int:
    grew = False
    while j < len(tokens) and j - first < MAX_INSTITUTION_TOKENS and labels[j] == "O":
        token = tokens[j]
        # «… واستطلاعات الرأي» + «العام»: the name's adjective, not "the year"
        adjective = keys[j] in ew.official_adjectives and not _time_after(tokens, keys, j, ew)
        if token.kind != "word" or (_ends_phrase(keys[j], token, lex, ew) and not adjective):
            break
        if keys[j] in ew.any_heads and token.prefix.startswith("و"):
            break  # «… المحدودة» + «ومجموعة الفهد»: another body
        if token.prefix.startswith("و") and lex.nationality(tokens[j - 1].text) is not None:
            break  # «البرلمان الليبي» + «وقانون العفو»: a nationality closes the name
        if token.prefix == "و" and (_nisba(tokens[j - 1]) or places[j - 1]):
            # «الندوة العالمية للشباب الإسلامي» + «ومثلث الألعاب», «أمانة منطقة المدينة» +
            # «وشركاء النجاح»: after an adjective or the place closing a name, a second one
            break
        if token.prefix == "لل" and _action_after(tokens, keys, j, ew):
            break  # «المنتخب السوري» + «للتضييق أكثر»: what it did
        pair = j + 1 < len(tokens) and tokens[j + 1].prefix in _NAME_DEFINITE
        definite = token.prefix in ("لل", "ولل") or (grew and token.prefix == "وال")
        if definite or _nisba(token) or (adjective and grew):
            j += 1
        elif _tafil_of_them(tokens, first, j):
            j += 1  # «الإدارة العامة لرعاية المعوقين» + «وتأهيلهم»: and their training
            break
        elif token.prefix in ("ل", "و") and pair and labels[j + 1] == "O":
            j += 2  # «لنقل الكهرباء», «وتقنية المعلومات»
        else:
            break
        grew = True
    return j


def _adjective_places(sent: SentenceTokens, lex: Lexicon) -> None:
    """«الشركة السعودية», «الأندية السعودية»: a nationality adjective right after a definite
    noun describes it; it is not the country, whatever the tagger or gazetteer said. An
    indefinite relative adjective or adverb the gazetteer does not know («صحراوية»,
    «جماهيريا») is no place either."""
    tokens, labels = sent.tokens, sent.labels
    alone = [i for i, label in enumerate(labels) if label == "B-LOC"]
    if not alone:
        return
    words = [t.text for t in tokens]
    for i in alone:
        token = tokens[i]
        if (i + 1 == len(labels) or not labels[i + 1].startswith("I-")) and (
            (
                not token.prefix
                and token.text.endswith(_ADVERB_ENDINGS)
                and not lex.place_at(words, i)
            )
            or token.text.endswith(_TANWEEN)  # «وجوباً»: not «و» + «جوبا»
        ):
            labels[i] = "O"
    for i in alone:
        if i and labels[i] == "B-LOC" and key(tokens[i - 1].text) in lex.misc_heads:
            end = _run_end(labels, i)
            labels[i:end] = ["O"] * (end - i)  # «كأس آسيا»: the event's name, not a place
            continue
        if (
            not i
            or labels[i] != "B-LOC"
            or (i + 1 < len(labels) and labels[i + 1].startswith("I-"))
        ):
            continue
        before = tokens[i - 1]
        if (
            tokens[i].prefix == "ال"
            and before.kind == "word"
            and before.prefix.endswith(_DEFINITE)
            and labels[i - 1][2:] in ("", "ORG")
            and lex.nationality(tokens[i].text) is not None
        ):
            labels[i] = "I-ORG" if labels[i - 1].endswith("ORG") else "O"  # «الخطوط السعودية»
        elif (
            tokens[i].prefix == "ال"
            and labels[i - 1].endswith("LOC")
            and _nisba(tokens[i])
            and lex.nationality(tokens[i].text) is None
            and not lex.place_at(words, i)
        ):
            labels[i] = "O"  # «سوهاج» + «الجنوبية»: the place's adjective, not a place


def _person_bounds(sent: SentenceTokens, keys: list[str], lex: Lexicon, ew: EntityWords) -> None:
    """Person runs cut to the name: ordinary words glued after it dropped («… الخالدي كلمة
    ترحيبية»), a run of ordinary words or titles alone unlabelled («صباح الخير»), and a name
    cut at «بن» / «بنت» extended over the genealogy («فهد بن صالح» + «القرناس»)."""
    labels, tokens = sent.labels, sent.tokens
    starts = [j for j, label in enumerate(labels) if label == "B-PERS"]
    if not starts:
        return
    for j in starts:  # «أحمد علي» + «عبدالله صالح»: one name cut in two
        if j and labels[j - 1][2:] == "PERS" and not name_cut(tokens[j]):
            labels[j] = "I-PERS"
    i = starts[0]
    while "B-PERS" in labels[i:]:
        i = labels.index("B-PERS", i)
        end = _run_end(labels, i)
        first = i
        while (
            first > 1
            and keys[first - 1] in ("بن", "بنت")
            and _name_word(tokens[first - 2], lex, ew)
        ):
            first -= 2
        if first > 0 and keys[first] in _GENEALOGY and _after_name(tokens[first - 1], lex):
            first -= 1  # «رائد بن عبدالرحمن …»: no name opens with «بن»
        if (
            first > 0
            and labels[first - 1] == "O"
            and not name_cut(tokens[first])  # «دنيا وسامي»: «و» opens another name
            and _given_before(tokens[first - 1], lex, ew)
            and not _clause_verb(tokens, first - 1, ew)
        ):
            first -= 1  # «ومروة عبدالمنعم», «وعبدالإله يحيى عسيري»
        while True:  # «محمد بن» + «شباب» + «البقمي»: whatever follows «بن» is a name
            if (
                end + 1 < len(tokens)
                and keys[end] in _GENEALOGY
                and _after_name(tokens[end + 1], lex)
            ):
                end += 2
            elif (
                end < len(tokens) and keys[end - 1] in _GENEALOGY and _after_name(tokens[end], lex)
            ):
                end += 1
            else:
                break
        while (
            end < len(tokens)
            and end - first < MAX_NAME_TOKENS
            and _known_next(tokens[end], labels[end], ew)
        ):
            end += 1  # «باراك» + «أوباما»: a name the lists know goes on the name
        if end < len(tokens) and labels[end] == "O" and _family_close(tokens, first, end, lex, ew):
            end += 1  # «أحمد» + «المولد» before «وغالب …»: an ordinary word as the family name
        if (
            end < len(tokens)
            and end - first >= 3
            and _after_genealogy(keys, end)
            and _family_after_genealogy(tokens[end], keys[end], lex, ew)
        ):
            end += 1  # «محمد بن عبدالرحمن» + «القصير»
        opens_place = keys[i] in lex.loc_heads
        start = min(first, i)
        while first < end - 1 and (
            ew.never_name(tokens[first].text)
            or tokens[first].prefix in _DEFINITE_PREPOSITIONS
            or (normalize_word(tokens[first].base) in lex.name_stops and not _ali(tokens[first]))
            or (tokens[first].prefix == "ال" and lex.nationality(tokens[first].text))
        ):
            first += 1  # «سيترك بلاتر», «المصري بالخرطوم أسامة …»: not the name
        last = _name_end(tokens, keys, first, end, lex, ew)
        labels[start:first] = ["O"] * (first - start)
        names = [
            t
            for t in tokens[first:last]
            if not ew.never_name(t.text) and key(t.text) not in ew.things
        ]
        thing = _thing_named(tokens, keys, first, ew)
        if names and last < len(tokens) and keys[last] in ew.company_tails:
            thing = "ORG"  # «عبدالله هاشم المحدودة»: a company named after its founder
            last += 1
            end = max(end, last)
        if thing == "ORG" and names:
            _set(labels, first, last, "ORG")  # «سهم رينو»: the company
            _clear(labels, last, end)
        elif (
            not names
            or thing is not None
            or tuple(keys[first:last]) in ew.not_persons
            or all((key(t.text),) in lex.honorifics for t in names)
            or opens_place
        ):
            _clear(labels, first, end)
        else:
            labels[first:last] = ["B-PERS"] + ["I-PERS"] * (last - first - 1)
            if last < end and _and_name(tokens[last]):  # «محمد عمر» + «ومالك إسحاق»
                labels[last:end] = ["B-PERS"] + ["I-PERS"] * (end - last - 1)
                i = last
                continue
            _clear(labels, last, end)
        i = end


#: A preposition with the article: what follows it is a place or thing, not a name's start.
_DEFINITE_PREPOSITIONS = frozenset({"بال", "لل", "كال", "وبال", "ولل", "فبال", "فلل"})
#: Proclitics that never stand inside a name: a preposition opens what follows it.
_PREPOSITIONS = ("ب", "ل", "ك", "لل", "بال", "كال", "وب", "ول", "فب", "فل", "ولل", "وبال")


def _name_end(
    tokens: list[Token], keys: list[str], first: int, end: int, lex: Lexicon, ew: EntityWords
) -> int:
    """Where the name starting at ``first`` ends inside a run ending at ``end``: before a word
    with a preposition («عبد العزيز للحوار»), before an ordinary word after two name words
    («هاني الخالدي كلمة»), and without ordinary words at its end."""
    last = first + 1
    while last < end:
        token = tokens[last]
        if keys[last - 1] in _GENEALOGY or (
            last >= first + 3 and _after_genealogy(keys, last) and token.prefix == "ال"
        ):
            last += 1  # «بن شباب», «بن عبدالرحمن القصير»: the genealogy's names stay
            continue
        # the key: «للحوار» is «حوار», «كوربين» no word; «علي» (dotted) is the name
        common = ew.never_name(token.text) and not _ali(token)
        if common and _family_close(tokens, first, last, lex, ew):
            common = False  # «أحمد المولد»: the family name, before a stop or another name
        if token.prefix in ("وال", "ولل"):
            break  # «طارق والنصر»: «و» with the article joins another thing
        if _and_name(token):
            break  # «محمد عمر ومالك إسحاق»: «و» and a given name open the next person
        if last - first >= 2 and _verb_like(token):
            break  # «دونالد ترمب» + «يخاطر»
        titled = token.prefix in _PREPOSITIONS and keys[last] in _honorific_firsts(lex)
        if titled or (token.prefix in _PREPOSITIONS and common) or (last - first >= 2 and common):
            break  # «… لخادم الحرمين»: a preposition and a title open what comes next
        last += 1
    while (
        last > first + 1
        and ew.never_name(tokens[last - 1].text)
        and not _ali(tokens[last - 1])
        and keys[last - 2] not in _GENEALOGY
        and not (last >= first + 3 and _after_genealogy(keys, last - 1))
        and not _family_close(tokens, first, last - 1, lex, ew)
    ):
        last -= 1
    return last


def _after_genealogy(keys: list[str], j: int) -> bool:
    """Whether word ``j`` follows the name after «بن» («بن صالح» + j, «بن عبد الرحمن» + j)."""
    return (j >= 2 and keys[j - 2] in _GENEALOGY) or (
        j >= 3 and keys[j - 3] in _GENEALOGY and keys[j - 2] == "عبد"
    )


def _and_name(token: Token) -> bool:
    """«ومالك», «وعبدالله»: «و» and a given name, which open another person."""
    if token.kind != "word" or name_cut(token) != 1 or token.text[:1] != "و":
        return False
    word = token.text[1:]
    return (
        _compound(word) or name_lexicon().is_given(word) or key(word) in entity_words().also_names
    )


def _family_close(tokens: list[Token], first: int, j: int, lex: Lexicon, ew: EntityWords) -> bool:
    """An ordinary definite word closing given names («أحمد المولد», «سعود إبراهيم المولد»):
    the family name when a stop, the sentence's end or «و» and another name follows it."""
    if j <= first or j >= len(tokens) or j - first > 3:
        return False
    token = tokens[j]
    k = key(token.text)
    if (
        token.prefix != "ال"
        or not _name_like(token, lex)
        or k in ew.phrase_stops
        or k in ew.any_heads
        or k in lex.role_heads
        or lex.nationality(token.text) is not None
    ):
        return False
    names = name_lexicon()
    for t in tokens[first:j]:
        word = t.base if t.prefix else t.text
        if not (_compound(word) or names.is_given(word) or key(t.text) == "عبد"):
            return False
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    return after is None or after.kind != "word" or _and_name(after)


def _thing_named(tokens: list[Token], keys: list[str], first: int, ew: EntityWords) -> str | None:
    """What a name right after a noun for a thing names: the thing ("": «المؤشر نيكي»,
    «جائزة جوردون أووردز», «جامعة «لوفن»») or a company ("ORG": «سهم رينو»); None: no such noun."""
    j = first - 1
    while j >= 0 and tokens[j].kind != "word" and tokens[j].text in _QUOTE_MARKS:
        j -= 1
    return ew.things.get(keys[j]) if j >= 0 else None


_QUOTE_MARKS = frozenset({"«", '"', "“", "(", "'"})


def _compound(word: str) -> bool:
    """«عبدالإله», «عبدالرحمن»: a name joined to «عبد»."""
    return word.startswith("عبد") and len(word) > 5


def _role_names(sent: SentenceTokens, keys: list[str], lex: Lexicon, ew: EntityWords) -> None:
    """«اللاعب عبدالله الغامدي», «الرئيس الأمريكي باراك أوباما»: after a role noun with the
    article (and a nationality), words the name lists know as a given name open a person; so
    they do after the body or place the role is of («مدير مركز الأبحاث سامي …»)."""
    tokens, labels = sent.tokens, sent.labels
    names = name_lexicon()
    openers = [
        i
        for i, k in enumerate(keys[:-1])
        if (k in lex.role_heads and tokens[i].prefix.endswith("ال"))
        or (k in ew.person_openers and tokens[i].prefix in ("ال", "ب"))
        or (k in lex.role_heads and tokens[i].prefix in ("", "و") and labels[i + 1] in _BODY_STARTS)
    ]
    for i in openers:
        j = i + 1
        # «الرئيس التونسي السابق», «الإعلامي الزميل»: what the role says of the person
        while (
            j + 1 < len(tokens)
            and j - i <= 2
            and (
                lex.nationality(tokens[j].text) is not None
                or keys[j] in ew.role_modifiers
                or (keys[j] in ew.person_openers and tokens[j].prefix == "ال")
            )
        ):
            j += 1
        of_body = labels[j] in _BODY_STARTS
        if of_body:
            # «المتحدث الرسمي لمركز الملك سلمان للإغاثة رأفت الصباغ»: whose role it is
            j = _run_end(labels, j)
            if j >= len(tokens) or tokens[j].prefix:
                continue
        first = tokens[j]
        given = names.is_given(first.text) or (not first.prefix and names.is_given(first.base))
        # «المنصف المرزوقي»: two words the lists know as names, the first no given name
        paired = (
            names.is_name(first.text) and j + 1 < len(tokens) and names.is_name(tokens[j + 1].text)
        )
        if labels[j] != "O" or not (given or paired):
            continue
        end = j + 1
        while end < len(tokens) and end - j < MAX_NAME_TOKENS and labels[end] == "O":
            token = tokens[end]
            if (not _name_word(token, lex, ew) and not names.is_name(token.text)) or _verb_like(
                token
            ):
                break
            end += 1
        if of_body and not (end - j > 1 and _surname_like(tokens[j + 1])):
            continue  # «لاعب المنتخب البلجيكي جيل خاص»: a word, not a name, after the body
        _set(labels, j, end, "PERS")


def _surname_like(token: Token) -> bool:
    """A second name word: one the name lists know, or a family name with its article."""
    return name_lexicon().is_name(token.text) or (token.prefix == "ال" and len(token.text) > 4)


#: The first labels of a body or place a role is of («مدير مركز …», «المتحدث باسم وزارة …»).
_BODY_STARTS = frozenset({"B-ORG", "B-LOC"})


def _verb_like(token: Token) -> bool:
    """«يخاطر»: an imperfect verb after a name, which the name lists do not know (not «ت»,
    which opens foreign names as often: «ترمب»)."""
    return (
        not token.prefix
        and token.text[:1] == "ي"
        and len(token.text) >= 4
        and not name_lexicon().is_name(token.text)
    )


def _quoted_names(sent: SentenceTokens, keys: list[str], lex: Lexicon, ew: EntityWords) -> None:
    """«بقيادة اليوناني «جيورجيوس دونيس»»: names in quotation marks right after a role,
    title or nationality are a person, when the name lists know one of them and none is an
    ordinary word."""
    tokens, labels = sent.tokens, sent.labels
    names = name_lexicon()
    for i in [i for i, t in enumerate(tokens[:-2]) if t.text in _OPENING and i > 0]:
        close = _closing_quote(tokens, i + 2, i + 5)
        if close is None:
            continue
        inner = tokens[i + 1 : close]
        before = tokens[i - 1]
        introduced = (
            keys[i - 1] in lex.role_heads
            or (keys[i - 1],) in lex.honorifics
            or (before.prefix.endswith("ال") and lex.nationality(before.text) is not None)
        )
        if (
            introduced
            and all(t.kind == "word" and not ew.never_name(t.text) for t in inner)
            and any(names.is_name(t.text) for t in inner)
            and all(
                label == "O" or label.endswith(("PERS", "MISC")) for label in labels[i + 1 : close]
            )
        ):
            _set(labels, i + 1, close, "PERS")


_GENEALOGY = ("بن", "بنت", "ابن")


def _family_after_genealogy(token: Token, k: str, lex: Lexicon, ew: EntityWords) -> bool:
    """A definite word closing «فلان بن فلان» is the family name, even an ordinary word
    («القصير», «المخرج»), unless it is a title, role, head, nationality or time word."""
    return (
        token.prefix == "ال"
        and _name_like(token, lex)
        and k not in ew.phrase_stops
        and k not in ew.institution_heads
        and lex.nationality(token.text) is None
    )


def _after_name(token: Token, lex: Lexicon) -> bool:
    """A word that can stand next to «بن»: any word but a particle, verb of speech or stop."""
    return (
        token.kind == "word"
        and normalize_word(token.text) not in lex.name_stops
        and key(token.text) not in lex.speech_verbs
    )


def _ali(token: Token) -> bool:
    """«علي» written with the dotted ya: the name; the preposition is written «على»."""
    return (token.base if token.prefix else token.text) == "علي"


def _known_next(token: Token, label: str, ew: EntityWords) -> bool:
    return (
        label == "O"
        and token.kind == "word"
        and not token.prefix
        and not ew.is_common(token.text)
        and name_lexicon().is_name(token.text)
    )


def _clause_verb(tokens: list[Token], i: int, ew: EntityWords) -> bool:
    """«و» + an ordinary word opening a clause, before a name: the verb and its subject
    («وفضل أبو الخير أن يغادر»: he preferred), though the lists know «فضل» as a name too."""
    token = tokens[i]
    opens = i == 0 or tokens[i - 1].kind != "word"
    return opens and token.prefix == "و" and ew.is_common(token.text)


def _given_before(token: Token, lex: Lexicon, ew: EntityWords) -> bool:
    """A given name the tagger left out before a person («و» + «مروة» + «عبدالمنعم»)."""
    if token.kind != "word" or token.prefix not in ("", "و"):
        return False
    if _ali(token):
        return True
    word = token.base if token.prefix else token.text
    if _compound(word):
        return True
    k = key(token.text)
    if k in lex.role_heads or (k,) in lex.honorifics or ew.never_name(token.text):
        return False
    return name_lexicon().is_given(word)


def _name_word(token: Token, lex: Lexicon, ew: EntityWords) -> bool:
    return token.kind == "word" and _name_like(token, lex) and not ew.never_name(token.text)


def _alone(tokens: list[Token], i: int) -> bool:
    """A word set off by quotation marks or brackets: «الخارجية»."""
    before = tokens[i - 1].text if i else ""
    after = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return before in ("«", '"', "(") and after in ("»", '"', ")")


def _honorific_names(sent: SentenceTokens, keys: list[str], lex: Lexicon) -> None:
    """Name tokens right after an honorific are a person, whatever the tagger said."""
    firsts = _honorific_firsts(lex)
    ew = entity_words()
    tokens = sent.tokens
    for i in range(len(keys)):
        width = _honorific_width(keys, i, lex) if keys[i] in firsts else 0
        if not width or (tokens[i].base or tokens[i].text) in ew.not_honorifics:
            continue
        j = i + width
        while j < len(keys) and _honorific_width(keys, j, lex):
            j += _honorific_width(keys, j, lex)
        if j < len(keys) and (ew.never_name(tokens[j].text) or _verb_like(tokens[j])):
            continue  # «مستشار قانوني»: a title and what kind, no name; «فريق يردد»: a verb
        end = j
        while end < len(keys) and end - j < MAX_NAME_TOKENS and _name_like(sent.tokens[end], lex):
            end += 1
        if j < len(keys) and sent.labels[j][2:] in ("LOC", "ORG"):
            continue  # «أمير منطقة مكة المكرمة»: a place or organization, not a name
        if end > j and not sent.labels[j].endswith("PERS"):
            sent.labels[j:end] = ["B-PERS"] + ["I-PERS"] * (end - j - 1)
        elif end > j:
            k = j + 1
            while k < end and sent.labels[k] in ("O", "I-PERS"):
                sent.labels[k] = "I-PERS"
                k += 1


_HONORIFIC_FIRSTS: list[tuple[Lexicon, frozenset[str]]] = []


def _honorific_firsts(lex: Lexicon) -> frozenset[str]:
    """The first words of the honorifics (no honorific starts at any other word)."""
    if not _HONORIFIC_FIRSTS or _HONORIFIC_FIRSTS[0][0] is not lex:
        _HONORIFIC_FIRSTS[:] = [(lex, frozenset(h[0] for h in lex.honorifics if h))]
    return _HONORIFIC_FIRSTS[0][1]


def _honorific_width(keys: list[str], i: int, lex: Lexicon) -> int:
    for n in (3, 2, 1):
        if tuple(keys[i : i + n]) in lex.honorifics:
            return n
    return 0


def _name_like(token: Token, lex: Lexicon) -> bool:
    if token.kind != "word" or token.prefix in CUT_PREFIXES:
        return False
    k = key(token.text)
    return not (
        k in lex.speech_verbs
        or k in lex.role_heads
        or k in lex.org_heads
        or k in lex.loc_heads
        or normalize_word(token.text) in lex.name_stops
        or len(k) < 2
    )


def prefix_cut(prefix: str) -> int:
    """How many leading characters of a token are clitics, not name: و، ب، ل... but not ال.

    «وال» leaves «الكويت»; «لل» and «ولل» have swallowed the article's alef, so all goes.
    """
    if not prefix:
        return 0
    if prefix.endswith("لل"):
        return len(prefix)
    if prefix.endswith("ال"):
        return len(prefix) - 2
    return len(prefix)


#: Proclitics seldom written before a person's name: a name the lists do not know keeps them.
_RARE_BEFORE_NAMES = frozenset({"ف", "ك"})


def _clitic_cut(token: Token) -> int:
    return prefix_cut(token.prefix)


def thing_cut(token: Token) -> int:
    """:func:`prefix_cut` for the first token of an organization, except a «ف» or
    «ك» before what is no word of the language («فولكس فاغن», «كوكاكولا»): their letter."""
    if token.prefix in _RARE_BEFORE_NAMES and not entity_words().is_common(token.base):
        return 0
    return prefix_cut(token.prefix)


def name_cut(token: Token) -> int:
    """How many leading characters of a token starting a person's name are not the name.

    The tokenizer's proclitic, unless the name lists know the whole word as a name and not
    what is left («كارلوس», «باراك», «فيكتور»: nothing cut), or it left a conjunction the
    lists see before a name («وسامي» read as a word: «و» cut)."""
    cut = prefix_cut(token.prefix)
    text = token.text
    names = name_lexicon()
    if 0 < cut < 3 and not token.prefix.endswith(("ال", "لل")):
        if names.is_name(text) and not names.is_name(text[cut:]):
            return 0
        if (
            names.is_given(text)
            and not names.is_foreign(text)
            and names.is_foreign(text[cut:])
            and token.prefix != "و"
        ):
            return 0  # «بتال», «بسام»: an Arabic given name whole, not «ب» + «تال», «سام»
        if token.prefix in _RARE_BEFORE_NAMES and not names.is_name(text[cut:]):
            return 0  # «فينبار»: «ف» and «ك» seldom stand before a name
    elif (
        not cut
        and text[:1] == "و"
        and len(text) > 3
        and not names.is_name(text)
        and names.is_name(text[1:])
    ):
        return 1
    return cut


def _mention(
    sent: SentenceTokens, first: int, last: int, label: str, text: str, lex: Lexicon
) -> Found | None:
    kind = TYPE_OF_LABEL.get(label)
    if kind is None:
        return None
    token = sent.tokens[first]
    cut = {"PER": name_cut, "ORG": thing_cut}.get(kind, _clitic_cut)(token)
    start = token.start + cut
    end = sent.tokens[last - 1].end
    if start >= end:
        return None
    keys = [key(t.text) for t in sent.tokens[first:last]]
    if kind == "LOC":
        place = lex.places.get(tuple(name_key(t.text) for t in sent.tokens[first:last]))
        kind = place[1] if place else "LOC"
    if keys[0] in lex.misc_heads:
        kind = "MISC"
    return Found(sent, first, last, kind, start, end, text[start:end])
