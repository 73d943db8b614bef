"""The article record: Marsad's one data model, and its JSON contract.

Every stage reads and writes an :class:`Article`; :meth:`Article.to_dict` gives the
JSON of ``shared/RECORD.md`` and :meth:`Article.from_dict` reads it back without loss.
Spans are Python string offsets (code points, end exclusive) into one field of the
same record: ``getattr(article, span.field)[span.start:span.end] == span.text``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

from .document import Document
from .errors import EmptyInputError, RecordError

__all__ = [
    "SALVAGE_CODES",
    "SALVAGE_NOTICES",
    "Amount",
    "Article",
    "DateMention",
    "Entity",
    "Event",
    "Mention",
    "Quote",
    "Role",
    "Salvage",
    "StageFailure",
    "TextField",
    "has_words",
    "require_words",
]

TextField = Literal["title", "lead", "body"]
TEXT_FIELDS: tuple[TextField, ...] = ("title", "lead", "body")


@dataclass(slots=True)
class Mention:
    """A span of text in one field of the record."""

    field: TextField
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Role:
    """A role an entity holds (``وزير الخارجية``), and of what entity, when the text says."""

    title: str
    of: str | None
    text: str


@dataclass(slots=True)
class Entity:
    id: str
    type: str
    name: str
    latin: str | None = None
    honorifics: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    speaker: str | None
    speaker_text: str
    verb: str
    kind: Literal["direct", "indirect"]
    implicit_speaker: bool
    text: str
    field: TextField
    start: int
    end: int


@dataclass(slots=True)
class Amount:
    text: str
    value: float
    unit: str
    qualifier: Literal["exact", "more_than", "less_than", "about"]
    field: TextField
    start: int
    end: int


@dataclass(slots=True)
class DateMention:
    text: str
    value: str | None
    calendar: Literal["gregorian", "hijri"]
    relative: bool
    field: TextField
    start: int
    end: int


@dataclass(slots=True)
class Event:
    type: str
    trigger: Mention
    agent: str | None = None
    target: str | None = None
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    amount: int | None = None
    mode: str | None = None


@dataclass(slots=True)
class StageFailure:
    """A stage that failed on this article; the other stages still ran."""

    stage: str
    message: str


@dataclass(slots=True)
class Salvage:
    """Damage in the input that a reader steps over, repaired, and where: the record is kept.

    ``code`` is one of :data:`SALVAGE_CODES` (``truncated-character``, ``replaced-bytes``,
    ``truncated-gzip``, ``truncated-html``, ``deep-html``); ``offset`` is the byte offset in
    the input where the damage starts, when there is one.
    """

    code: str
    message: str
    offset: int | None = None

    def notice(self, lang: str = "ar") -> str:
        """What the repair means to a reader of the article, in Arabic (``ar``) or English."""
        arabic, english = SALVAGE_NOTICES.get(self.code, _UNKNOWN_NOTICE)
        return english if lang == "en" else arabic


#: The kinds of repair a reader makes, each with what it means to a reader of the article
#: (Arabic, English): shown on the article page and given by the API.
SALVAGE_NOTICES: dict[str, tuple[str, str]] = {
    "truncated-character": (
        "نص منقوص: انقطع الملف في آخره، فحُذف حرف ناقص",
        "Truncated text: the file was cut at its end, and a half character was dropped",
    ),
    "replaced-bytes": (
        "أحرف تالفة: استُبدل بعلامة \ufffd ما تعذّرت قراءته من أحرف قليلة",
        "Damaged characters: a few unreadable characters were replaced by \ufffd",
    ),
    "truncated-gzip": (
        "نص منقوص: انقطع الملف المضغوط، فينتهي النص حيث انقطع",
        "Truncated text: the compressed file was cut, so the text ends where it was cut",
    ),
    "truncated-html": (
        "نص قد يكون منقوصا: انقطعت الصفحة قبل نهايتها",
        "Possibly incomplete text: the page was cut before its end",
    ),
    "deep-html": (
        "صفحة معقدة البنية: قُرئ نصها بطريقة مبسطة، وقد تبقى فيه أجزاء من الصفحة ليست من المقال",
        "Unusually built page: its text was read in a simpler way and may keep bits of "
        "the page that are not the article",
    ),
}
SALVAGE_CODES: tuple[str, ...] = tuple(SALVAGE_NOTICES)
_UNKNOWN_NOTICE = (
    "أُصلح خلل في الملف الأصلي لقراءة هذا المقال",
    "Damage in the original file was repaired to read this article",
)


@dataclass(slots=True)
class Article:
    """One news article as Marsad understands it (see ``shared/RECORD.md``)."""

    id: str = ""
    url: str | None = None
    source: str = ""
    published: str | None = None
    language: str = "ar"
    title: str = ""
    lead: str | None = None
    body: str = ""
    boilerplate: list[str] = field(default_factory=list)
    author: str | None = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[StageFailure] = field(default_factory=list)
    #: Damage in the input that was repaired to keep the article (empty for a sound input).
    warnings: list[Salvage] = field(default_factory=list)
    #: The input the stages work from; never serialized, dropped when the pipeline ends.
    raw: Document | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-ready data, keys in contract order."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self) if f.name != "raw"}

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Read a record back; unknown keys are ignored, wrong shapes raise RecordError."""
        try:
            article: Article = _build(cls, data)
            return article
        except (KeyError, TypeError, ValueError) as exc:
            raise RecordError(f"not an article record: {exc}") from exc

    @classmethod
    def from_json(cls, text: str) -> Article:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RecordError(f"not JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise RecordError("not an article record: top level is not an object")
        return cls.from_dict(data)

    def field_text(self, name: str) -> str:
        """The text of ``title``, ``lead`` or ``body`` ('' for a missing lead)."""
        if name not in TEXT_FIELDS:
            raise RecordError(f"{name!r} is not a text field")
        value: str | None = getattr(self, name)
        return value or ""

    def spans(self) -> Iterator[tuple[str, TextField, int, int, str]]:
        """Every span in the record as (where, field, start, end, text)."""
        for i, ent in enumerate(self.entities):
            for j, m in enumerate(ent.mentions):
                yield f"entities[{i}].mentions[{j}]", m.field, m.start, m.end, m.text
        flat: tuple[tuple[str, Sequence[Quote | Amount | DateMention]], ...] = (
            ("quotes", self.quotes),
            ("amounts", self.amounts),
            ("dates", self.dates),
        )
        for name, items in flat:
            for i, s in enumerate(items):
                yield f"{name}[{i}]", s.field, s.start, s.end, s.text
        for i, ev in enumerate(self.events):
            t = ev.trigger
            yield f"events[{i}].trigger", t.field, t.start, t.end, t.text


#: A real word: two letters or more (no digits, no underscore).
_WORD = re.compile(r"[^\W\d_]{2,}")


def has_words(text: str | None) -> bool:
    """Whether ``text`` holds at least one real word (two letters or more)."""
    return bool(text) and _WORD.search(text or "") is not None


def require_words(article: Article, origin: str) -> None:
    """Raise EmptyInputError unless ``article`` reads as text: a body with real words, and a
    title (when there is one) with at least one. What is left of noise or binary data once
    decoded (a title «u», an empty body) is not an article."""
    if not has_words(article.body):
        what = "empty" if not article.body.strip() else "without a word of two letters"
        raise EmptyInputError(origin, f"no article text: the body is {what}")
    if article.title.strip() and not has_words(article.title):
        raise EmptyInputError(
            origin, f"no article text: the title {article.title.strip()[:20]!r} has no word"
        )


_NESTED: dict[str, type[Any]] = {
    "entities": Entity,
    "roles": Role,
    "mentions": Mention,
    "quotes": Quote,
    "amounts": Amount,
    "dates": DateMention,
    "events": Event,
    "errors": StageFailure,
    "warnings": Salvage,
    "trigger": Mention,
}


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    return value


def _build(cls: type[Any], data: dict[str, Any]) -> Any:
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__} must be an object, got {type(data).__name__}")
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data or f.name == "raw":
            continue
        value = data[f.name]
        nested = _NESTED.get(f.name)
        if nested is not None and isinstance(value, list):
            value = [_build(nested, item) for item in value]
        elif nested is not None and value is not None:
            value = _build(nested, value)
        kwargs[f.name] = value
    return cls(**kwargs)
