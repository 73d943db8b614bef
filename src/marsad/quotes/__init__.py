"""The ``quotes`` stage: who said what, direct and indirect, with the speaker linked.

Every reporting verb of a sentence (``speech_verbs`` of ``data/entities.toml`` and
``data/quotes.toml``) at the start of a clause opens a quote, and an indirect quote ends where
the next one of its sentence begins (one quote per reporting verb):

* ``وقال الناصر إن ...`` — a written subject, then a complementizer: indirect speech;
* ``وتابع: «...»`` — a colon or a quotation mark: direct speech, the text inside the marks;
* ``وأكد تقدير ...`` / ``وبين أنه ...`` — no subject: the speaker is implicit, the last one;
* ``، مشيراً إلى أن ...`` / ``، داعياً الجميع إلى ...`` — a participle goes on with the
  clause's speaker; ``... وذكر أنها ...`` — a verb inside the clause does too;
* ``أكد كارتر حرص ...`` / ``دعا فلان إلى ...`` — a named subject, then a verbal noun or the
  verb's preposition; ``وعدّ فلان ... خطوة`` — judging verbs take what follows the subject;
* ``أوضح ذلك لسبق المدير فلان`` — the previous sentence is what the named one said;
* ``وجاء في البيان: «...»`` — the words of whoever issued it;
* ``«...»، قال X`` / ``«...»، بحسب X`` / ``...، بحسب ما أعلنت X`` — the attribution after it;
* in the lead, a verb without subject (``شدد على ...``) belongs to the headline's person.

Speakers are resolved in the article: the person a subject names (the last one before an
adjunct, never one inside a body's name; a short form is the fullest person of that surname),
else the body it names, unless the subject opens with a role (``زعيم حركة ...``); a title alone
is the one person holding it; a definite head noun (``الهيئة``) the body with that head; a
pronoun honorific (``سموه``) the person with that honorific; a document (``البيان``) or a
source named again (``المصدر``) whoever was quoted last. Asides (``من جانبه``), addressees
(``لـ«الصحيفة»``), time adjuncts and short quoted titles are never speakers nor content. An
unnamed source («مصدر مسؤول») gets ``speaker`` None and its words in ``speaker_text``.
Unbalanced or unclosed quotation marks end the quote at the end of the sentence.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..entityindex import EntityIndex, Located
from ..ner.lexicon import key, lexicon
from ..record import TEXT_FIELDS, Article, Entity, Quote, TextField
from ..registry import stage
from ..text import Token, normalize, normalize_word, split_sentences_cached
from ..wordforms import field_tokens, match_phrase, strip_conjunction
from ._words import quote_words

__all__ = ["find_quotes"]


_CLAUSE_OPENERS = frozenset({"،", ",", "؛", ";", "«", "»", "(", ")", ":", "-", "–", '"', "“", "”"})
_ADVERBS = frozenset(
    {
        "كما",
        "فيما",
        "بينما",
        "حيث",
        "ثم",
        "وقد",
        "قد",
        "فقد",
        "كذلك",
        "أيضا",
        "لكنه",
        "لكنها",
        "ولكنه",
        "ولكنها",
        "و",
    }
)
_TRAILING = " \t\n.،,؛;:!؟?»”\"'"


@dataclass(slots=True)
class _Speaker:
    entity: Entity | None
    text: str


@dataclass(frozen=True, slots=True)
class _Subject:
    speaker: _Speaker | None  # None: implicit
    content: int  # token index where the content starts


@dataclass(frozen=True, slots=True)
class _Found:
    """A quote a trigger opens, before it is added."""

    speaker: _Speaker
    verb: str
    direct: bool
    implicit: bool
    start: int
    stop: int
    resume: int  # the token index the sentence's scan goes on from
    open: bool  # whether a later reporting verb of the sentence ends it
    bare: bool = False  # content with no إن/أن, colon or mark before it


class _Finder:
    """Quotes of one article, field after field, remembering the last speaker."""

    def __init__(self, texts: Mapping[str, str], index: EntityIndex) -> None:
        self.w = quote_words()
        self.texts = texts
        self.index = index
        self.last: _Speaker | None = None
        self.here: _Speaker | None = None  # the speaker of the sentence's last quote
        self.previous: tuple[int, int] | None = None  # the previous sentence of the field
        self.quotes: list[Quote] = []
        self.text = ""
        self.quoted: set[str] = set()  # the persons quoted so far
        self.field: TextField = "body"

    def run(self) -> list[Quote]:
        for field in TEXT_FIELDS:
            text = self.texts.get(field) or ""
            if not text:
                continue
            tokens = field_tokens(text)
            starts = [t.start for t in tokens]
            triggers, according = self.w.scan(tokens)
            self.previous = None
            self.text = text
            self.field = field
            for sentence in split_sentences_cached(text):
                lo = bisect_left(starts, sentence.start)
                hi = bisect_left(starts, sentence.end)
                self._sentence(
                    field,
                    text,
                    tokens[lo:hi],
                    sentence.end,
                    _within(triggers, lo, hi),
                    _within(according, lo, hi),
                )
                self.previous = (sentence.start, sentence.end)
        return self.quotes

    # -- one sentence --------------------------------------------------------------------
    def _sentence(
        self,
        field: TextField,
        text: str,
        tokens: Sequence[Token],
        end: int,
        triggers: Sequence[int] | None = None,
        according: Sequence[int] | None = None,
    ) -> None:
        """The quotes of one sentence. ``triggers``, ``according``: the indices of its tokens
        that may open one and of its «بحسب» words (:meth:`QuoteWords.scan`; found here when
        not given)."""
        if not tokens:
            return
        if triggers is None or according is None:
            triggers, according = self.w.scan(tokens)
        self.here = None
        if tokens[0].text in self.w.marks and self._quote_first(field, text, tokens, end):
            return
        opened: Quote | None = None
        bare = False
        before = len(self.quotes)
        last = len(tokens) - 1
        v = 0
        for t in triggers:
            if t >= last:
                break
            if t < v:
                continue
            found = self._trigger(field, text, tokens, t, end)
            if found is None:
                continue
            if opened is not None:
                _cut(opened, text, tokens[t].start)
                short = bare and len(opened.text.split()) < self.w.min_words
                if short and self.quotes and self.quotes[-1] is opened:
                    self.quotes.pop()  # «ونفى وجود أي صفقة، مؤكداً ...»: a topic
            quote = self._add(field, text, found)
            opened = quote if found.open and quote is not None else None
            bare = found.bare
            v = max(found.resume, t + 1)
        if len(self.quotes) == before and according:
            self._attributed(field, text, tokens, according)

    def _attributed(
        self, field: TextField, text: str, tokens: Sequence[Token], according: Sequence[int]
    ) -> None:
        """«جمدت تركيا أموال ...، بحسب ما أعلنت وكالة الأناضول»: the clause before it is
        what the named one reported. ``according``: where the sentence has «بحسب» and kin."""
        for b in according:
            if b < 4 or b >= len(tokens) - 3:
                continue
            if normalize_word(tokens[b + 1].text) not in ("ما", "لما"):
                continue
            if not self.w.is_verb(tokens[b + 2]):
                continue
            who = self._named(field, text, tokens[b + 3 :])
            if who is None:
                return
            stop = tokens[b - 1].end
            while stop > tokens[0].start and text[stop - 1] in _TRAILING:
                stop -= 1
            _, verb = strip_conjunction(tokens[b + 2])
            start = tokens[0].start
            self._add(field, text, _Found(who, verb, False, False, start, stop, 0, False))
            return

    def _trigger(
        self, field: TextField, text: str, tokens: Sequence[Token], v: int, end: int
    ) -> _Found | None:
        """The quote the token at ``v`` opens, if it is a reporting verb or participle."""
        w = self.w
        tok = tokens[v]
        if not w.may_trigger(tok):
            return None
        if w.is_verb(tok):
            if self._clause_start(tokens, v):
                found = self._from_verb(field, text, tokens, v, end)
                if found is not None:
                    return found
            return self._continued(field, text, tokens, v, end)
        if w.is_participle(tok) and (v == 0 or tokens[v - 1].kind != "word"):
            return self._from_participle(field, text, tokens, v, end)
        if w.is_passive(tok) and self._clause_start(tokens, v):
            return self._passive(field, text, tokens, v, end)
        return None

    def _clause_start(self, tokens: Sequence[Token], v: int) -> bool:
        if v == 0:
            return True
        before = tokens[v - 1]
        if before.text in _CLAUSE_OPENERS or before.text in _ADVERBS:
            return True
        return any(
            match_phrase(self.w.asides, tokens, j, 3) == (True, v - j)
            for j in range(max(0, v - 3), v)
        )

    def _continued(
        self, field: TextField, text: str, tokens: Sequence[Token], v: int, end: int
    ) -> _Found | None:
        """A verb inside a clause: «... وذكر أنها ...» (the same speaker) or «أن بلير أشار إلى
        أن ...» (the subject written before the verb)."""
        c = v + 1
        prep = self.w.is_preposition(tokens[c]) or normalize_word(tokens[c].text) == "من"
        if prep and c + 1 < len(tokens):
            c += 1
        marker = self._marker(tokens, c)
        if marker is None or marker >= len(tokens):
            return None
        before = self._entity_ending_at(field, tokens[v - 1]) if v > 0 else None
        if before is None and v > 0 and tokens[v - 1].kind == "word":
            named = self._alias([tokens[v - 1]])  # «ويذكر أن كيندال حذرت من أن ...»
            before = _Speaker(named, tokens[v - 1].text) if named is not None else None
        if before is not None:
            speaker, implicit = before, False
        elif tokens[v].text.startswith("و") and (self.here is not None or self.last is not None):
            speaker, implicit = self.here or self._implicit(field), True
        else:
            return None
        return self._found(text, tokens, v, marker, end, speaker, implicit)

    def _entity_ending_at(self, field: TextField, tok: Token) -> _Speaker | None:
        for x in self.index.within(field, tok.start, tok.end):
            if x.end == tok.end and x.entity.type in ("PER", "ORG"):
                return _Speaker(x.entity, self.texts.get(field, "")[x.start : x.end])
        return None

    def _found(
        self,
        text: str,
        tokens: Sequence[Token],
        v: int,
        c: int,
        end: int,
        speaker: _Speaker,
        implicit: bool,
    ) -> _Found | None:
        """The quote of the verb at ``v`` whose content starts at token ``c``."""
        person = speaker.entity is not None and speaker.entity.type == "PER"
        if implicit and person and self.w.is_plural(tokens[v]):
            return None  # «وذكروا أن ...» is not the one person named before
        span = self._content(text, tokens, c, end)
        if span is None:
            return None
        first = tokens[c]
        marked = c > 0 and (tokens[c - 1].text == ":" or self.w.is_complementizer(tokens[c - 1]))
        bare = not marked and first.text not in self.w.marks
        if bare and len(text[span[0] : span[1]].split()) < self.w.min_words:
            return None  # «ونفى وجود أي صفقة»: a short object names a topic, not what was said
        direct = first.text in self.w.marks or tokens[c - 1].text == ":"
        _, verb = strip_conjunction(tokens[v])
        start, stop = span
        if first.text in self.w.marks:
            resume = bisect_left([t.start for t in tokens], stop, c)
            return _Found(speaker, verb, True, implicit, start, stop, resume, False)
        if c > 0 and (
            self.w.is_subject_complementizer(tokens[c - 1]) or self._masdar(tokens, c - 1)
        ):
            start = tokens[c - 1].start + len(tokens[c - 1].prefix)  # «أنها إشاعات»: its subject
        return _Found(speaker, verb, direct, implicit, start, stop, c, True, bare)

    def _masdar(self, tokens: Sequence[Token], i: int) -> bool:
        """«أن يكون»: أن before an imperfect verb is the content itself («نفى أن يكون»)."""
        if i < 0 or i + 1 >= len(tokens) or tokens[i].text not in ("أن", "ان"):
            return False  # not «إن», which is never a masdar
        nxt = tokens[i + 1]
        return nxt.kind == "word" and not nxt.prefix and nxt.text[:1] in ("ي", "ت")

    def _from_verb(
        self, field: TextField, text: str, tokens: Sequence[Token], v: int, end: int
    ) -> _Found | None:
        back = self._back_reference(field, text, tokens, v)
        if back is not None:
            return back
        subject = self._subject(field, text, tokens, v)
        if subject is None or subject.content >= len(tokens):
            return None
        implicit = subject.speaker is None
        speaker = subject.speaker
        if speaker is None:
            fronted = self._fronted(field, tokens, v)
            if fronted is not None:
                speaker, implicit = fronted, False
            else:
                speaker = (
                    self.here
                    or (self._sentence_subject(field, tokens, v) if v > 0 else None)
                    or self._implicit(field)
                )
        return self._found(text, tokens, v, subject.content, end, speaker, implicit)

    def _fronted(self, field: TextField, tokens: Sequence[Token], v: int) -> _Speaker | None:
        """«حسين عطية - بائع عطور - يقول: ...»: the subject named before the verb."""
        if v == 0:
            return None
        head = tokens[: min(v, 3)]
        for x in self.index.within(field, tokens[0].start, tokens[v].start):
            if x.entity.type in ("PER", "ORG") and any(t.start <= x.start < t.end for t in head):
                return _Speaker(x.entity, self.texts.get(field, "")[x.start : x.end])
        return None

    def _back_reference(
        self, field: TextField, text: str, tokens: Sequence[Token], v: int
    ) -> _Found | None:
        """«أوضح ذلك لسبق المدير فلان»: the previous sentence is what the named one said."""
        s = v + 1
        if not self.w.is_back_reference(tokens[s]) or self.previous is None:
            return None
        s = self._skip_addressee(tokens, s + 1)
        if s >= len(tokens) or self.w.is_preposition(tokens[s]):
            return None
        k = s
        while k < len(tokens) and tokens[k].text not in "،,.:" and k < s + self.w.max_subject:
            k += 1
        if k == s:
            return None
        speaker = self._speaker(field, text, tokens, s, k, min(k, len(tokens) - 1))
        if speaker.entity is None and not self.w.is_subject_head(tokens[s]):
            return None
        start, stop = self.previous
        while stop > start and text[stop - 1] in _TRAILING:
            stop -= 1
        _, verb = strip_conjunction(tokens[v])
        return _Found(speaker, verb, False, False, start, stop, k, False)

    def _skip_addressee(self, tokens: Sequence[Token], s: int) -> int:
        """Past «لـ"الصحيفة"» / «لسبق» right after the verb: whom it was said to."""
        if s >= len(tokens):
            return s
        tok = tokens[s]
        if normalize_word(tok.text) in ("لـ", "ل"):
            if s + 1 < len(tokens) and tokens[s + 1].kind == "punct":
                closing = next(
                    (j for j in range(s + 2, min(len(tokens), s + 6)) if tokens[j].kind == "punct"),
                    None,
                )
                return s + 2 if closing is None else closing + 1
            return s + 2
        if tok.kind == "word" and tok.prefix == "ل" and not self.w.is_subject_head(tok):
            return s + 1
        return s

    def _from_participle(
        self, field: TextField, text: str, tokens: Sequence[Token], p: int, end: int
    ) -> _Found | None:
        """«، مشيراً إلى أن ...» / «، داعياً الجميع إلى ...»: the clause's speaker goes on."""
        c = p + 1
        if (
            c + 1 < len(tokens)
            and (self.w.is_preposition(tokens[c]) or normalize_word(tokens[c].text) == "من")
            and self._marker(tokens, c + 1) is not None
        ):
            c += 1
        marker = self._marker(tokens, c)
        if marker is None and not self.w.is_appeal(tokens[p]):
            marker = self._near_marker(tokens, c)  # «واصفاً تلك التصريحات بأنها ...»
            if marker is None:
                return None
        content = marker if marker is not None else c
        if content >= len(tokens):
            return None
        speaker = self.here or self._sentence_subject(field, tokens, p)
        if speaker is None:
            speaker = self._implicit(field)
            person = speaker.entity is not None and speaker.entity.type == "PER"
            if person and normalize_word(tokens[p].text).endswith("ه"):
                return None  # «، مهيبةً بـ...»: a body of the sentence, not the last man quoted
        return self._found(text, tokens, p, content, end, speaker, True)

    def _near_marker(self, tokens: Sequence[Token], c: int) -> int | None:
        for j in range(c, min(len(tokens), c + 5)):
            if tokens[j].text in "،,.":
                return None
            if self.w.is_complementizer(tokens[j]) or tokens[j].text == ":":
                return j + 1
        return None

    def _sentence_subject(
        self, field: TextField, tokens: Sequence[Token], p: int
    ) -> _Speaker | None:
        """The person or body the sentence opens with (its first verb's subject), before ``p``:
        «والتقى المهندس فلان بالزوار ..., وأكد أن ...»; none after a prepositional object."""
        if p > 1:
            second = tokens[1]
            opens_object = second.prefix.startswith(("ب", "ل")) or self.w.is_preposition(second)
            person = None if opens_object else self._person_in(field, tokens, 1, min(p, 16))
            if person is not None:
                return _Speaker(person, person.name)
        limit = min(p, 6)
        for i in range(1, limit):
            tok = tokens[i]
            if tok.kind != "word" or tok.prefix.startswith(("ب", "ل")) or self.w.is_stop(tok):
                return None
            if self.w.is_preposition(tok) or normalize_word(tok.text) == "من":
                return None
            for x in self.index.within(field, tok.start, tok.end):
                if x.entity.type in ("PER", "ORG") and x.start >= tok.start:
                    return _Speaker(x.entity, self.texts.get(field, "")[x.start : x.end])
        return None

    def _passive(
        self, field: TextField, text: str, tokens: Sequence[Token], v: int, end: int
    ) -> _Found | None:
        """«وجاء في البيان: «...»»: the words of whoever issued it, the one the phrase names
        («وجاء في بيان للجيش أن ...») or else the last speaker."""
        if v + 1 >= len(tokens) or normalize_word(tokens[v + 1].text) != "في":
            return None
        for j in range(v + 2, min(len(tokens), v + 2 + self.w.max_gap)):
            if tokens[j].text in "،,":
                continue
            marker = self._marker(tokens, j)
            if marker is None:
                continue
            named = self.index.best(field, tokens[v + 2].start, tokens[j].start, ("PER", "ORG"))
            if named is not None:
                shown = self._mention_text(field, named, tokens[v + 2].start, tokens[j].start)
                return self._found(
                    text, tokens, v, marker, end, _Speaker(named, shown or named.name), False
                )
            who = self.here or self.last
            return None if who is None else self._found(text, tokens, v, marker, end, who, True)
        return None

    def _subject(
        self, field: TextField, text: str, tokens: Sequence[Token], v: int
    ) -> _Subject | None:
        """Who speaks after the verb at ``v`` (None: implicit) and where the content starts."""
        w = self.w
        s = self._skip_addressee(tokens, v + 1)
        aside = match_phrase(w.asides, tokens, s, 3) if s < len(tokens) else None
        if aside is not None:
            s += aside[1]
        if s >= len(tokens):
            return None
        marker = self._marker(tokens, s)
        if marker is not None:
            return _Subject(None, marker)
        if w.is_preposition(tokens[s]) or (w.takes_ba(tokens[v]) and tokens[s].prefix == "ب"):
            after = self._marker(tokens, s + 1) if s + 1 < len(tokens) else None
            return _Subject(None, after if after is not None else s)
        if w.is_manner(tokens[s]):
            content = self._after_gap(tokens, s + 1)
            return None if content is None else _Subject(None, content)
        honorific = w.honorific_of(tokens[s])
        if honorific is not None:
            return self._honorific_subject(field, tokens, s + 1, honorific)
        bare = v == 0 and not _in_set(w.need_marker, tokens[v])
        if w.is_stop(tokens[s]) or w.is_temporal(tokens[s]):
            content = self._after_gap(tokens, s + 1)  # «قد قال قبل أيام إن ...»: no subject here
            if (
                content is None
                and self.last is not None
                and (bare or w.takes_preposition(tokens[v]))
            ):
                content = s  # «وأكد في تصريحات خاصة تعرض الحريات ...»: the adjunct, then the words
            return None if content is None else _Subject(None, content)
        if w.is_content_noun(tokens[s]):
            return _Subject(None, s) if bare else None
        if w.is_back_reference(tokens[s]):
            return self._reason(tokens, v, s + 1)
        if w.is_not_speaker(tokens[s]):
            return None
        if w.takes_preposition(tokens[v]) and self._head_alone(field, tokens, s):
            speaker = self._speaker(field, text, tokens, s, s + 1, s + 1)
            return _Subject(speaker, s + 1)  # «ودعت الوزارة عموم المستهلكين إلى ...»
        k = s
        limit = min(len(tokens), s + w.max_subject)
        prepositional = w.takes_preposition(tokens[v])
        while k < limit:
            named = self._name_in_marks(text, tokens, k, s)
            if named is not None:
                k = named  # «مسرحية "كدب في كدب"»: part of the phrase
                continue
            if (
                self._marker(tokens, k) is not None
                or (k > s and match_phrase(w.asides, tokens, k, 3) is not None)
                or w.is_stop(tokens[k])
                or w.is_manner(tokens[k])
                or tokens[k].text in "،,"
                or normalize_word(tokens[k].text) in ("لـ", "ل")
                or (
                    k > s
                    and w.is_content_noun(tokens[k])
                    and normalize_word(tokens[k].text) != "ان"
                )
                or (prepositional and k > s and self._is_object_start(field, tokens, v, s, k))
            ):
                break
            k += 1
        k = min(k, len(tokens))
        early = self._object_after_subject(field, text, tokens, v, s, k)
        if early is not None:
            return early
        m = self._gap_marker(tokens, k, prepositional)
        if m is None or k == s:
            return self._no_marker(field, text, tokens, v, s, k, bare or prepositional)
        if k - s > 3 and self.last is not None and not self._known(field, tokens[s]):
            return _Subject(None, s)  # «كما بيّن حقيقة إشاعة ... وأنه ...»: an object first
        speaker = self._speaker(field, text, tokens, s, k, m)
        content = self._marker(tokens, m)
        if content is None and prepositional:
            content = m  # «دعا فلان في رسالته إلى الوحدة»
        return None if content is None else _Subject(speaker, content)

    def _reason(self, tokens: Sequence[Token], v: int, c: int) -> _Subject | None:
        """«وبرر ذلك في لقاءات صحفية بعدم وجود ...», «وأرجع ذلك إلى ...»: the object of the
        verb's preposition, past an adjunct, is the content; the speaker is the one before."""
        ba, prep = self.w.takes_ba(tokens[v]), self.w.takes_preposition(tokens[v])
        for j in range(c, min(len(tokens), c + 6)):
            tok = tokens[j]
            if tok.kind != "word" or self._marker(tokens, j) is not None:
                return None
            if (ba and tok.prefix.startswith("ب")) or (prep and normalize_word(tok.text) == "الي"):
                return _Subject(None, j)
        return None

    def _head_alone(self, field: TextField, tokens: Sequence[Token], s: int) -> bool:
        """«الوزارة» then an indefinite word that names no one: a definite noun takes no
        genitive, so the subject ends there and the object begins."""
        if s + 1 >= len(tokens) or not tokens[s].prefix.endswith("ال"):
            return False
        nxt = tokens[s + 1]
        return (
            self.w.is_subject_head(tokens[s])
            and nxt.kind == "word"
            and not nxt.prefix
            and not self.w.is_subject_head(nxt)
            and not self.w.is_stop(nxt)
            and not self.w.is_preposition(nxt)
            and self._marker(tokens, s + 1) is None
            and not self.index.within(field, nxt.start, nxt.end)
        )

    def _object_after_subject(
        self, field: TextField, text: str, tokens: Sequence[Token], v: int, s: int, k: int
    ) -> _Subject | None:
        """«أكد كارتر حرص بلاده ...», «دعا الوزير فلان إلى ...»: the content right after a
        named subject, a verbal noun or the verb's preposition."""
        if not (s < k < len(tokens)):
            return None
        tok = tokens[k]
        content_noun = self.w.is_content_noun(tok) and normalize_word(tok.text) != "ان"
        objective = self.w.takes_preposition(tokens[v]) and self._is_object_start(
            field, tokens, v, s, k
        )
        if not (content_noun or objective):
            return None
        speaker = self._speaker(field, text, tokens, s, k, k)
        if speaker.entity is None and not self.w.is_subject_head(tokens[s]):
            return None
        after = self._marker(tokens, k + 1) if objective and k + 1 < len(tokens) else None
        return _Subject(speaker, after if after is not None else k)

    def _no_marker(
        self,
        field: TextField,
        text: str,
        tokens: Sequence[Token],
        v: int,
        s: int,
        k: int,
        objective: bool,
    ) -> _Subject | None:
        """A subject with no إن/أن, colon or quotation mark after it."""
        if not self._known(field, tokens[s]):
            if objective and self.last is not None:
                return _Subject(None, s)  # «ودعا المتنزهين إلى ...»: the object, no subject
            return self._unknown_subject(field, text, tokens, v, s) if objective else None
        if k > s:
            speaker = self._speaker(field, text, tokens, s, k, k)
            if speaker.entity is not None:
                self.here = self.last = speaker  # «ونبه الدكتور فلان من ...»: still the speaker
                if self.w.is_opinion(tokens[v]) and k < len(tokens):
                    return _Subject(speaker, k)  # «وعد فلان في بيان الزيارة خطوة كبيرة»
        return self._comma_content(field, tokens, s)

    def _unknown_subject(
        self, field: TextField, text: str, tokens: Sequence[Token], v: int, s: int
    ) -> _Subject | None:
        """«حذرت ندوة طبية من وصفات ...» at the start: the words before the verb's
        preposition are who speaks, though no entity names it."""
        for j in range(s + 1, min(len(tokens), s + 5)):
            if (
                self._is_object_start(field, tokens, v, j, j)
                or normalize_word(tokens[j].text) == "من"
            ):
                return _Subject(_Speaker(None, text[tokens[s].start : tokens[j - 1].end]), j)
            if tokens[j].kind != "word":
                return None
        return None

    def _comma_content(self, field: TextField, tokens: Sequence[Token], s: int) -> _Subject | None:
        """«وذكر الناطق ... العميد فلان، رصدت الدوريات ...»: a title ending in a person's
        name, a comma, and the words said."""
        c = next(
            (
                j
                for j in range(s + 1, min(len(tokens), s + self.w.max_gap))
                if tokens[j].text in "،,"
            ),
            None,
        )
        if c is None or c + 1 >= len(tokens):
            return None
        if any(t.prefix.startswith("ل") or normalize(t.text) == "لـ" for t in tokens[s:c]):
            return None  # «ونقل فلان لخادم الحرمين تحيات ...، فيما ...»
        before = tokens[c - 1]
        for x in self.index.within(field, before.start, before.end):
            if x.entity.type == "PER" and x.end == before.end:
                text = self.texts.get(field, "")
                return _Subject(_Speaker(self._fullest(x.entity), text[x.start : x.end]), c + 1)
        return None

    def _is_object_start(
        self, field: TextField, tokens: Sequence[Token], v: int, s: int, k: int
    ) -> bool:
        """Whether ``tokens[k]`` («إلى», «من», «بضرورة») begins the object of a verb like
        «دعا», once the subject before it names someone."""
        tok = tokens[k]
        warns = normalize_word(tok.text) == "من" and (
            self.w.is_warning(tokens[v])
            or (k + 1 < len(tokens) and self.w.is_complementizer(tokens[k + 1]))
        )
        if not (self.w.is_preposition(tok) or warns):
            return False
        if s >= k:
            return True
        return (
            self.index.best(field, tokens[s].start, tokens[k - 1].end, ("PER", "ORG")) is not None
        )

    def _gap_marker(
        self, tokens: Sequence[Token], k: int, prepositional: bool = False
    ) -> int | None:
        """The complementizer, colon or opening mark that starts the content after ``k``
        (past an adjunct such as «في كلمته»); for «دعا» and its kin, also its preposition
        («في أول رسالة له إلى الوحدة»). A short quotation within is a name, skipped."""
        i = k
        if i < len(tokens) and normalize_word(tokens[i].text) in ("لـ", "ل"):
            i = self._skip_addressee(tokens, i)
        j = i
        limit = min(len(tokens), k + self.w.max_gap)
        while i < limit:
            named = self._name_in_marks(self.text, tokens, i, j)
            if named is not None:
                i = named
                continue
            if self._marker(tokens, i) is not None:
                return i
            if prepositional and i > k and normalize_word(tokens[i].text) in ("الي", "علي"):
                return i
            if i > k and (tokens[i].text in _ADVERBS or tokens[i].text in ".؛;"):
                return None  # «... فيما تقرر أن ...»: another clause
            i += 1
        return None

    def _name_in_marks(self, text: str, tokens: Sequence[Token], i: int, s: int) -> int | None:
        """Past the closing mark when the quotation mark at ``i`` quotes a name or a title
        within a phrase («مسرحية "كدب في كدب"», «استطلاع «يو غوف»») rather than opening the
        words said; None otherwise."""
        tok = tokens[i]
        if tok.text not in self.w.marks or i <= s or tokens[i - 1].text in ":،,":
            return None
        close = _closing(text, tok.start, self.w.marks[tok.text], tok.end + 200)
        if close is None or len(text[tok.end : close].split()) >= self.w.min_words:
            return None
        return bisect_left([t.start for t in tokens], close + 1, i)

    def _honorific_subject(
        self, field: TextField, tokens: Sequence[Token], c: int, honorific: str
    ) -> _Subject | None:
        """«وشدد سموه على أن ...»: the person with that honorific, or the last speaker."""
        if c >= len(tokens):
            return None
        if self.w.is_preposition(tokens[c]):
            after = self._marker(tokens, c + 1) if c + 1 < len(tokens) else None
            content = after if after is not None else c
        else:
            found = self._after_gap(tokens, c)
            if found is None:
                return None
            content = found
        return _Subject(self._with_honorific(honorific), content)

    def _with_honorific(self, honorific: str) -> _Speaker:
        want = normalize(honorific)
        last = self.last
        if (
            last is not None
            and last.entity is not None
            and any(normalize(h).startswith(want) for h in last.entity.honorifics)
        ):
            return last
        holders = [
            e
            for e in self.index.by_id.values()
            if e.type == "PER" and any(want in normalize(h) for h in e.honorifics)
        ]
        holders.sort(key=lambda e: (not e.roles, not any(h.startswith("ال") for h in e.honorifics)))
        if holders:
            return _Speaker(holders[0], holders[0].name)
        return last or _Speaker(None, "")

    def _speaker(
        self, field: TextField, text: str, tokens: Sequence[Token], s: int, k: int, m: int
    ) -> _Speaker:
        """The speaker named in ``tokens[s:m]`` (``tokens[s:k]`` before any comma)."""
        source = next((j + 1 for j in range(s, m) if normalize_word(tokens[j].text) == "عن"), None)
        if source is not None and source < m and self._known(field, tokens[source]):
            s, k = source, max(k, source + 1)  # «نقلت الوكالة عن الوزير قوله إن»
        words = [tokens[s]]
        for t in tokens[s + 1 : k]:
            starts_entity = any(
                x.start == t.start + len(t.prefix) or x.start == t.start
                for x in self.index.within(field, t.start, t.end)
            )
            if (
                t.prefix.startswith(("ل", "ب"))
                or self.w.is_manner(t)
                or (self.w.is_unnamed(tokens[s]) and starts_entity)
            ):
                break
            words.append(t)
        written = text[words[0].start : words[-1].end].strip(_TRAILING)
        m = next((j for j in range(s + 1, m) if normalize_word(tokens[j].text) in ("لـ", "ل")), m)
        if self.w.is_unnamed(tokens[s]):
            last = self.last
            if (
                len(words) == 1
                and last is not None
                and (last.entity is None or last.entity.type != "PER")
                and last.text
            ):
                return last
            return _Speaker(None, written)
        if self.w.is_document(tokens[s]):
            if len(words) == 1 and self.last is not None:
                return self.last  # «وأكمل البيان أن ...»: whoever issued it
            if len(words) > 1:
                return _Speaker(None, written)  # «التقرير الأسبوعي للبورصة»: the report
        entity = self._person_in(field, tokens, s, m)
        role = key(tokens[s].text) in lexicon().role_heads
        if entity is None and not role:  # «زعيم حركة طالبان ...»: the body is the role's
            entity = self._named_in(field, tokens, s, m, ("ORG",))
        if entity is None:
            entity = self._by_role(written, field, tokens[s].start) or self._alias(tokens[s:k])
        if entity is None and len(words) <= 2:
            entity = self._by_head(field, tokens[s])
        if entity is None and not role:
            entity = self.index.best(field, tokens[s].start, tokens[s].end, ("GPE", "LOC"))
        if entity is None and role and len(self.quoted) == 1 and tokens[s].prefix.endswith("ال"):
            entity = self.index.by_id.get(next(iter(self.quoted)))  # «وقال اللاعب ...»: the one
        if entity is None and role and k > s:
            whole = text[tokens[s].start : tokens[min(k, len(tokens)) - 1].end]
            return _Speaker(None, whole.strip(_TRAILING))  # «المتحدث الرسمي لمركز ... فلان»
        if entity is None:
            return _Speaker(None, written)
        shown = self._mention_text(field, entity, tokens[s].start, _start_of(tokens, m))
        return _Speaker(entity, shown or written)

    def _named_in(
        self, field: TextField, tokens: Sequence[Token], s: int, m: int, order: tuple[str, ...]
    ) -> Entity | None:
        """The entity of a subject: near its start, or in apposition after a comma."""
        allowed: list[tuple[int, int]] = []
        for j in range(s, m):
            near = j < s + 6 or tokens[j - 1].text in "،,"
            if near and not (j > s and tokens[j].prefix.startswith("ل")):
                allowed.append((tokens[j].start, tokens[j].end))
        found = [
            x
            for x in self.index.within(field, tokens[s].start, _start_of(tokens, m))
            if any(a < x.end and x.start < b for a, b in allowed)
        ]
        found = [x for x in found if x.entity.type in order]
        if not found:
            return None
        found.sort(key=lambda x: (order.index(x.entity.type), x.start))
        return found[0].entity

    def _person_in(
        self, field: TextField, tokens: Sequence[Token], s: int, k: int
    ) -> Entity | None:
        """The person a subject names: the last one before an adjunct or the content, as in
        «مدير إدارة ... لأمانة نجران فلان» or «مدير الفرع، أمين عام المجلس فلان،»; never one
        inside a body's name («المتحدث باسم مركز الملك سلمان ...») or an adjunct
        («في كلمته أمام ...»)."""
        found: Entity | None = None
        j = s - 1
        while j + 1 < min(k, len(tokens)):
            j += 1
            tok = tokens[j]
            named = self._name_in_marks(self.texts.get(field, ""), tokens, j, s)
            if named is not None:
                j = named - 1  # «رئيس لجنة احتفالات "عيد طيبة" د. فلان»
                continue
            if self.w.is_stop(tok) or self.w.is_manner(tok) or self._marker(tokens, j) is not None:
                break
            if tok.text in "،," and found is not None:
                break
            located = self.index.within(field, tok.start, tok.end)
            bodies = [x for x in located if x.entity.type == "ORG"]
            for x in located:
                inside = any(b.start <= x.start and x.end <= b.end for b in bodies)
                if x.entity.type == "PER" and x.start >= tok.start and not inside:
                    found = x.entity
        return self._fullest(found) if found is not None else None

    def _fullest(self, entity: Entity) -> Entity:
        """The fullest person of the article with the same last name («الدكتور العربي» ->
        «نبيل العربي»): one person named in short after in full."""
        parts = [key(p) for p in entity.name.split() if key(p) not in self.w.subject_heads]
        if not parts:
            return entity
        fuller = [
            e
            for e in self.index.by_id.values()
            if e.type == "PER"
            and e is not entity
            and len(e.name.split()) > len(parts)
            and key(e.name.split()[-1]) == parts[-1]
            and set(parts) <= {key(p) for p in e.name.split()}
        ]
        return fuller[0] if len(fuller) == 1 else entity

    def _known(self, field: TextField, tok: Token) -> bool:
        """Whether a word can begin a subject: a name, a role, a source or a body."""
        return (
            self.index.best(field, tok.start, tok.end) is not None
            or self.w.is_subject_head(tok)
            or self.w.is_unnamed(tok)
            or self._alias([tok]) is not None
        )

    def _by_head(self, field: TextField, tok: Token) -> Entity | None:
        """«الهيئة» for «هيئة الاتصالات ...» named before: the last body with that head noun."""
        if not tok.prefix.endswith("ال"):
            return None
        head = key(tok.text)
        best: Located | None = None
        for located in self.index.by_field.get(field, []):
            if located.start >= tok.start:
                break
            parts = located.entity.name.split()
            if located.entity.type == "ORG" and len(parts) > 1 and key(parts[0]) == head:
                best = located
        if best is None:
            for entity in self.index.by_id.values():
                parts = entity.name.split()
                if entity.type == "ORG" and len(parts) > 1 and key(parts[0]) == head:
                    return entity
        return best.entity if best is not None else None

    def _mention_text(self, field: str, entity: Entity, start: int, end: int) -> str | None:
        for x in self.index.within(field, start, end):
            if x.entity is entity:
                return self.texts.get(field, "")[x.start : x.end]
        return None

    def _alias(self, tokens: Sequence[Token]) -> Entity | None:
        """A person named by one word of their name (NER missed «ترامب», «كيمبف» here)."""
        words = {normalize(t.text[len(t.prefix) :]) for t in tokens if t.kind == "word"}
        words |= {key(t.text) for t in tokens if t.kind == "word"}
        found = [
            entity
            for entity in self.index.by_id.values()
            if entity.type == "PER"
            and len(entity.name.split()) > 1
            and (
                normalize(entity.name.split()[-1]) in words or key(entity.name.split()[-1]) in words
            )
        ]
        if len(found) <= 1 or not tokens:
            return found[0] if found else None
        last = self.last.entity if self.last is not None else None
        if last is not None and last in found:
            return last  # «وبين الإبياري» after «كشف أحمد الإبياري»: the one quoted
        return self._named_last(found, self.field, tokens[0].start) or found[0]

    def _by_role(self, written: str, field: TextField, at: int) -> Entity | None:
        """«الرئيس الأميركي» for the person of the article holding that role; of several, the
        one named last before ``at``."""
        words = written.split()
        if not words or key(words[0]) not in lexicon().role_heads:
            return None
        said = normalize(written)
        holders = [
            e
            for e in self.index.by_id.values()
            if e.type == "PER"
            and any(normalize(r.title) in said or said in normalize(r.text) for r in e.roles)
        ]
        if holders:
            return self._named_last(holders, field, at)
        head = key(words[0])
        titled = [  # «المتحدث الرسمي» for the spokesman named before
            e
            for e in self.index.by_id.values()
            if e.type == "PER" and any(r.title and key(r.title.split()[0]) == head for r in e.roles)
        ]
        return self._named_last(titled, field, at) if titled else None

    def _named_last(self, people: list[Entity], field: TextField, at: int) -> Entity | None:
        """The one of ``people`` named last before ``at`` (in ``field`` or an earlier field);
        the only one when none of them is named before."""
        order = {f: i for i, f in enumerate(TEXT_FIELDS)}
        here = order.get(field, 0)

        def last_seen(e: Entity) -> tuple[int, int]:
            seen = [
                (order.get(m.field, 0), m.start)
                for m in e.mentions
                if order.get(m.field, 0) < here or (m.field == field and m.start < at)
            ]
            return max(seen, default=(-1, -1))

        best = max(people, key=last_seen)
        if last_seen(best) == (-1, -1):
            return people[0] if len(people) == 1 else None
        return best

    def _marker(self, tokens: Sequence[Token], k: int) -> int | None:
        """Content start when ``tokens[k]`` opens content: a complementizer, colon or mark."""
        if k >= len(tokens):
            return None
        tok = tokens[k]
        if self.w.is_complementizer(tok):
            return k + 1
        if tok.text == ":":
            return k + 1
        if tok.text in self.w.marks:
            return k
        return None

    def _after_gap(self, tokens: Sequence[Token], k: int) -> int | None:
        """After a subject, skip «في كلمته خلال الاجتماع» up to the content marker."""
        for j in range(k, min(len(tokens), k + self.w.max_gap)):
            marker = self._marker(tokens, j)
            if marker is not None:
                return marker
        return None

    def _content(
        self, text: str, tokens: Sequence[Token], c: int, end: int
    ) -> tuple[int, int] | None:
        first = tokens[c]
        if first.text in self.w.marks:
            close = _closing(text, first.start, self.w.marks[first.text], end)
            start = first.end
            stop = close if close is not None and close <= end else end
        else:
            start, stop = first.start, end
        while stop > start and text[stop - 1] in _TRAILING:
            stop -= 1
        while start < stop and text[start].isspace():
            start += 1
        least = self.w.min_words if first.text in self.w.marks else 2
        if len(text[start:stop].split()) < least:
            return None  # a name or a title in quotation marks
        return start, stop

    def _quote_first(self, field: TextField, text: str, tokens: Sequence[Token], end: int) -> bool:
        """«...»، قال X / «...»، بحسب X."""
        opening = tokens[0]
        close = _closing(text, opening.start, self.w.marks[opening.text], end)
        if close is None:
            return False
        after = [t for t in tokens if t.start > close and t.text not in "،,"]
        if not after:
            return False
        start, stop = opening.end, close
        attribution = match_phrase(self.w.attributions, after, 0, 3)
        if attribution is not None:
            rest = after[attribution[1] :]
            who = self._named(field, text, rest)
            if who is None:
                return False
            self._add(field, text, _Found(who, "", True, False, start, stop, 0, False))
            return True
        if not self.w.is_verb(after[0]) or len(after) < 2:
            return False
        who = self._named(field, text, after[1:])
        speaker = who or self._implicit(field)
        _, verb = strip_conjunction(after[0])
        self._add(field, text, _Found(speaker, verb, True, who is None, start, stop, 0, False))
        return True

    def _named(self, field: TextField, text: str, tokens: Sequence[Token]) -> _Speaker | None:
        words = [t for t in tokens[: self.w.max_subject] if t.kind == "word"]
        if not words:
            return None
        cut = next((i for i, t in enumerate(words) if self.w.is_stop(t)), len(words))
        words = words[: max(cut, 1)]
        entity = self.index.best(field, words[0].start, words[-1].end)
        if entity is None and not self.w.is_subject_head(words[0]):
            return None
        written = text[words[0].start : words[-1].end].strip(_TRAILING)
        if entity is not None:
            written = self._mention_text(field, entity, words[0].start, words[-1].end) or written
        return _Speaker(entity, written)

    # -- speakers ------------------------------------------------------------------------
    def _implicit(self, field: TextField) -> _Speaker:
        if self.last is not None:
            return self.last
        headline = self.index.first_of_type("PER", ("title", "lead", "body"))
        return _Speaker(headline, headline.name if headline else "")

    def _add(self, field: TextField, text: str, found: _Found) -> Quote | None:
        """Record a quote; none when nobody at all can be named as its speaker."""
        speaker = found.speaker
        shown = speaker.entity.name if found.implicit and speaker.entity else speaker.text
        if speaker.entity is None and not shown.strip():
            return None
        quote = Quote(
            speaker=speaker.entity.id if speaker.entity else None,
            speaker_text=shown,
            verb=found.verb,
            kind="direct" if found.direct else "indirect",
            implicit_speaker=found.implicit,
            text=text[found.start : found.stop],
            field=field,
            start=found.start,
            end=found.stop,
        )
        self.quotes.append(quote)
        if speaker.entity is not None and speaker.entity.type == "PER":
            self.quoted.add(speaker.entity.id)
        if speaker.entity is not None or speaker.text:
            self.last = speaker
            self.here = speaker
        return quote


def _start_of(tokens: Sequence[Token], i: int) -> int:
    """Where token ``i`` starts, or the end of the last one when ``i`` is past them."""
    return tokens[i].start if i < len(tokens) else tokens[-1].end


def _cut(quote: Quote, text: str, at: int) -> None:
    """End an indirect quote where the next reporting verb of its sentence begins."""
    stop = min(quote.end, at)
    while stop > quote.start and (text[stop - 1] in _TRAILING or text[stop - 1] == "و"):
        if text[stop - 1] == "و" and stop - 2 >= quote.start and not text[stop - 2].isspace():
            break
        stop -= 1
    if len(text[quote.start : stop].split()) >= 2:  # never cut to nothing
        quote.end = stop
        quote.text = text[quote.start : stop]


def _within(positions: list[int], lo: int, hi: int) -> list[int]:
    """The positions in ``[lo, hi)``, counted from ``lo``."""
    return [p - lo for p in positions[bisect_left(positions, lo) : bisect_left(positions, hi)]]


def _in_set(table: frozenset[str], token: Token) -> bool:
    return key(token.text) in table


def _closing(text: str, opening_at: int, closer: str, end: int) -> int | None:
    """Offset of the mark closing the one at ``opening_at``, nested pairs counted, or None."""
    opener = text[opening_at]
    depth = 0
    limit = min(len(text), max(end, opening_at + 1) + 2000)
    for i in range(opening_at + 1, limit):
        ch = text[i]
        if ch == closer and (depth == 0 or opener == closer):
            return i
        if ch == closer:
            depth -= 1
        elif ch == opener:
            depth += 1
        elif ch == "\n" and i > end:
            return None
    return None


def find_quotes(texts: Mapping[str, str], entities: Sequence[Entity] = ()) -> list[Quote]:
    """Quotes of an article given as ``{"title": ..., "lead": ..., "body": ...}``."""
    return _Finder(texts, EntityIndex(entities)).run()


@stage("quotes", requires=("title", "lead", "body", "entities"), assigns=("quotes",))
def quotes(article: Article) -> Article:
    """Fill ``quotes``, speakers linked to ``entities``."""
    texts: dict[str, str] = {name: article.field_text(name) for name in TEXT_FIELDS}
    article.quotes = find_quotes(texts, article.entities)
    return article
