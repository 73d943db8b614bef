"""Article text as safe HTML, with spans (entities, quotes, amounts, dates) marked from offsets.

The text is untrusted. It is cut at the spans' offsets and every piece is escaped on its own;
the only markup is what :class:`Mark` describes, with tag and class names chosen by this code
and attribute values escaped. Spans that do not fit the text (out of range, empty) are dropped,
and a span that crosses another one already kept (rather than nesting in it) is dropped too, so
the markup is always well formed. Bidirectional embedding and override controls (U+202A-E,
U+2066-9) are removed from what is shown: they could make text read differently than it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

__all__ = ["Mark", "clean_text", "render_paragraphs", "render_spans"]

_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_ALLOWED_TAGS = frozenset({"a", "span", "q", "mark"})
_PARAGRAPH = re.compile(r"\n\s*\n")
_ATTRIBUTE_NAME = re.compile(r"[a-z][a-z0-9-]*")


def clean_text(text: str) -> str:
    """``text`` without bidi embedding/override controls (escaping is left to the caller)."""
    return _BIDI_CONTROLS.sub("", text)


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to mark: ``text[start:end]`` inside ``<tag class=... attrs...>``."""

    start: int
    end: int
    tag: str
    classes: str
    attrs: tuple[tuple[str, str], ...] = ()
    #: Among spans starting at the same place, the longer opens first; then lower priority first.
    priority: int = 0

    def open(self) -> Markup:
        if self.tag not in _ALLOWED_TAGS:
            raise ValueError(f"tag {self.tag!r} is not allowed")
        # escape() on each value (quotes included): what Markup.format does, at a fraction of
        # the cost for an article's hundreds of marks
        attrs = "".join(
            f' {name}="{escape(clean_text(value))}"'
            for name, value in self.attrs
            if _ATTRIBUTE_NAME.fullmatch(name)
        )
        return Markup(f'<{self.tag} class="{escape(self.classes)}"{attrs}>')

    def close(self) -> Markup:
        return Markup(f"</{self.tag}>")


def _nested(marks: Iterable[Mark], length: int) -> list[Mark]:
    """The marks that fit the text and nest, in document order (outer before inner)."""
    valid = [m for m in marks if 0 <= m.start < m.end <= length]
    valid.sort(key=lambda m: (m.start, -m.end, m.priority))
    kept: list[Mark] = []
    stack: list[Mark] = []
    for mark in valid:
        while stack and stack[-1].end <= mark.start:
            stack.pop()
        if stack and mark.end > stack[-1].end:
            continue  # crosses the enclosing mark
        kept.append(mark)
        stack.append(mark)
    return kept


def render_spans(text: str, marks: Sequence[Mark]) -> Markup:
    """``text`` escaped, with ``marks`` as nested elements."""
    out: list[str] = []
    stack: list[Mark] = []
    position = 0

    def emit(upto: int) -> None:
        nonlocal position
        if upto > position:
            out.append(escape(clean_text(text[position:upto])))
            position = upto

    for mark in _nested(marks, len(text)):
        while stack and stack[-1].end <= mark.start:
            emit(stack[-1].end)
            out.append(stack.pop().close())
        emit(mark.start)
        out.append(mark.open())
        stack.append(mark)
    while stack:
        emit(stack[-1].end)
        out.append(stack.pop().close())
    emit(len(text))
    return Markup("".join(out))


def render_paragraphs(text: str, marks: Sequence[Mark]) -> list[Markup]:
    """The paragraphs of ``text`` (split at blank lines), each rendered with its marks.

    A mark crossing a paragraph break is cut at it: each part marks its own paragraph.
    """
    out = []
    start = 0
    bounds = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)] + [(len(text), len(text))]
    for stop, resume in bounds:
        inside = [
            Mark(
                max(m.start, start) - start, min(m.end, stop) - start,
                m.tag, m.classes, m.attrs, m.priority,
            )
            for m in marks
            if m.start < stop and m.end > start
        ]  # fmt: skip
        if text[start:stop].strip():
            out.append(render_spans(text[start:stop], inside))
        start = resume
    return out
