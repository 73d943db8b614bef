"""The ``quotes`` stage: who said what, direct and indirect, with the speaker linked.

In each sentence the first reporting verb (``speech_verbs`` of ``data/entities.toml`` and
``data/quotes.toml``) at the start of a clause opens a quote:

* ``وقال الناصر إن ...`` — a written subject, then a complementizer: indirect speech;
* ``وتابع: «...»`` — a colon or a quotation mark: direct speech, the text inside the marks;
* ``وأكد تقدير ...`` / ``وبين أنه ...`` — no subject: the speaker is implicit, the last one;
* ``«...»، قال X`` / ``«...»، بحسب X`` — the quotation first, the attribution after it;
* in the lead, a verb without subject (``شدد على ...``) belongs to the headline's person.

The speaker is the entity whose mention overlaps the subject (people first, then
organizations, then places); an unnamed source («مصدر مسؤول») gets ``speaker`` None and its
words in ``speaker_text``. Unbalanced or unclosed quotation marks end the quote at the end of
the sentence.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..entityindex import EntityIndex
from ..pipeline import stage
from ..record import TEXT_FIELDS, Article, Entity, Quote, TextField
from ..text import Token, normalize, split_sentences_cached
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


class _Finder:
    """Quotes of one article, field after field, remembering the last speaker."""

    def __init__(self, texts: Mapping[str, str], index: EntityIndex) -> None:
        self.w = quote_words()
        self.texts = texts
        self.index = index
        self.last: _Speaker | None = None
        self.quotes: list[Quote] = []

    def run(self) -> list[Quote]:
        for field in TEXT_FIELDS:
            text = self.texts.get(field) or ""
            if not text:
                continue
            tokens = field_tokens(text)
            starts = [t.start for t in tokens]
            for sentence in split_sentences_cached(text):
                lo = bisect_left(starts, sentence.start)
                hi = bisect_left(starts, sentence.end)
                self._sentence(field, text, tokens[lo:hi], sentence.end)
        return self.quotes

    # -- one sentence --------------------------------------------------------------------
    def _sentence(self, field: TextField, text: str, tokens: Sequence[Token], end: int) -> None:
        if not tokens:
            return
        if tokens[0].text in self.w.marks and self._quote_first(field, text, tokens, end):
            return
        for v, tok in enumerate(tokens[:-1]):
            verb = self._clause_start(tokens, v) and self.w.is_verb(tok)
            if verb and self._from_verb(field, text, tokens, v, end):
                return

    def _clause_start(self, tokens: Sequence[Token], v: int) -> bool:
        if v == 0:
            return True
        before = tokens[v - 1]
        return before.text in _CLAUSE_OPENERS or before.text in _ADVERBS

    def _from_verb(
        self, field: TextField, text: str, tokens: Sequence[Token], v: int, end: int
    ) -> bool:
        subject = self._subject(field, text, tokens, v)
        if subject is None or subject.content >= len(tokens):
            return False
        speaker = subject.speaker or self._implicit(field)
        first = tokens[subject.content]
        direct = first.text in self.w.marks or tokens[subject.content - 1].text == ":"
        span = self._content(text, tokens, subject.content, end)
        if span is None:
            return False
        start, stop = span
        _, verb = strip_conjunction(tokens[v])
        self._add(field, text, speaker, verb, direct, subject.speaker is None, start, stop)
        return True

    def _subject(
        self, field: TextField, text: str, tokens: Sequence[Token], v: int
    ) -> _Subject | None:
        """Who speaks after the verb at ``v`` (None: implicit) and where the content starts."""
        w = self.w
        s = v + 1
        marker = self._marker(tokens, s)
        if marker is not None:
            return _Subject(None, marker)
        if w.is_preposition(tokens[s]):
            return _Subject(None, s + 1)
        if w.is_manner(tokens[s]):
            content = self._after_gap(tokens, s + 1)
            return None if content is None else _Subject(None, content)
        bare = v == 0 and not _in_set(w.need_marker, tokens[v])
        if w.is_content_noun(tokens[s]):
            return _Subject(None, s) if bare else None
        k = s
        limit = min(len(tokens), s + w.max_subject)
        while k < limit and not (
            self._marker(tokens, k) is not None
            or w.is_stop(tokens[k])
            or w.is_manner(tokens[k])
            or tokens[k].text in "،,"
        ):
            k += 1
        m = next(
            (j for j in range(k, min(len(tokens), k + w.max_gap)) if self._marker(tokens, j)),
            None,
        )
        if m is None or k == s:
            first = tokens[s]
            known = (
                self.index.best(field, first.start, first.end) is not None
                or w.is_subject_head(first)
                or self._alias([first]) is not None
            )
            return _Subject(None, s) if bare and not known else None
        speaker = self._speaker(field, text, tokens, s, k, m)
        content = self._marker(tokens, m)
        return None if content is None else _Subject(speaker, content)

    def _speaker(
        self, field: TextField, text: str, tokens: Sequence[Token], s: int, k: int, m: int
    ) -> _Speaker:
        """The speaker named in ``tokens[s:m]`` (``tokens[s:k]`` before any comma)."""
        source = next((j + 1 for j in range(s, m) if normalize(tokens[j].text) == "عن"), None)
        if source is not None and source < m:  # «نقلت الوكالة عن الوزير قوله إن»
            s, k = source, max(k, source + 1)
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
        if self.w.is_unnamed(tokens[s]):
            last = self.last
            if len(words) == 1 and last is not None and last.entity is None and last.text:
                return last
            return _Speaker(None, written)
        entity = self._named_in(field, tokens, s, m, ("PER", "ORG"))
        if entity is None:
            entity = self._by_role(written) or self._alias(tokens[s:k])
        if entity is None:
            entity = self._named_in(field, tokens, s, m, ("GPE", "LOC"))
        if entity is None:
            return _Speaker(None, written)
        shown = self._mention_text(field, entity, tokens[s].start, tokens[m].start)
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
            for x in self.index.within(field, tokens[s].start, tokens[m].start)
            if any(a < x.end and x.start < b for a, b in allowed)
        ]
        found = [x for x in found if x.entity.type in order]
        if not found:
            return None
        found.sort(key=lambda x: (order.index(x.entity.type), x.start))
        return found[0].entity

    def _mention_text(self, field: str, entity: Entity, start: int, end: int) -> str | None:
        for x in self.index.within(field, start, end):
            if x.entity is entity:
                return self.texts.get(field, "")[x.start : x.end]
        return None

    def _alias(self, tokens: Sequence[Token]) -> Entity | None:
        """A person named by one word of their name (NER missed «ترامب», «كيمبف» here)."""
        words = {normalize(t.text[len(t.prefix) :]) for t in tokens if t.kind == "word"}
        for entity in self.index.by_id.values():
            parts = entity.name.split()
            if entity.type == "PER" and len(parts) > 1 and normalize(parts[-1]) in words:
                return entity
        return None

    def _by_role(self, written: str) -> Entity | None:
        """«الرئيس الأميركي» when one person of the article holds that role."""
        said = normalize(written)
        holders = [
            e
            for e in self.index.by_id.values()
            if e.type == "PER"
            and any(normalize(r.title) in said or said in normalize(r.text) for r in e.roles)
        ]
        return holders[0] if len(holders) == 1 else None

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
        if len(text[start:stop].split()) < 2:
            return None
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
            self._add(field, text, who, "", True, False, start, stop)
            return True
        if not self.w.is_verb(after[0]) or len(after) < 2:
            return False
        who = self._named(field, text, after[1:])
        speaker = who or self._implicit(field)
        _, verb = strip_conjunction(after[0])
        self._add(field, text, speaker, verb, True, who is None, start, stop)
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

    def _add(
        self,
        field: TextField,
        text: str,
        speaker: _Speaker,
        verb: str,
        direct: bool,
        implicit: bool,
        start: int,
        stop: int,
    ) -> None:
        shown = speaker.entity.name if implicit and speaker.entity else speaker.text
        self.quotes.append(
            Quote(
                speaker=speaker.entity.id if speaker.entity else None,
                speaker_text=shown,
                verb=verb,
                kind="direct" if direct else "indirect",
                implicit_speaker=implicit,
                text=text[start:stop],
                field=field,
                start=start,
                end=stop,
            )
        )
        if speaker.entity is not None or speaker.text:
            self.last = speaker


def _in_set(table: frozenset[str], token: Token) -> bool:
    from ..ner.lexicon import key

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
