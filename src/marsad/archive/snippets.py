"""Snippets of the original text around what a query matched, with the matched words marked.

The index holds analyzed terms, but a reader wants to see the article's own words: the text is
analyzed again with offsets, the window of :data:`WINDOW` words holding the most distinct query
terms is cut from the original (diacritics, hamza and proclitics as written), and the spans of
the matching words are returned as offsets into the snippet.
"""

from __future__ import annotations

from dataclasses import dataclass

from .analyzer import Term, analyze
from .model import Hit, Query, StoredArticle

__all__ = ["ELLIPSIS", "WINDOW", "Snippet", "make_hit", "make_snippet"]

WINDOW = 28
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Snippet:
    text: str
    highlights: list[tuple[int, int]]

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The snippet with each highlight wrapped in ``before``/``after``."""
        out, last = [], 0
        for start, end in self.highlights:
            out += [self.text[last:start], before, self.text[start:end], after]
            last = end
        out.append(self.text[last:])
        return "".join(out)


def _matches(term: str, query: Query, words: set[str]) -> bool:
    return term in words or any(term.startswith(p) for p in query.prefixes)


def make_snippet(text: str, query: Query) -> Snippet:
    """The best window of ``text`` for ``query`` (its opening when nothing matches)."""
    analyzed = analyze(text)
    if not analyzed:
        return Snippet(text[:200], [])
    words = query.words()
    hits = [_matches(t.term, query, words) for t in analyzed]
    first = _best_window(analyzed, hits)
    window = analyzed[first : first + WINDOW]
    start, end = window[0].start, window[-1].end
    if first == 0:
        start = 0
    lead = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(text.rstrip()) else ""
    body = text[start:end]
    shift = len(lead) - start
    marks = [
        (t.start + shift, t.end + shift)
        for t, hit in zip(window, hits[first : first + WINDOW], strict=True)
        if hit
    ]
    return Snippet(lead + body.replace("\n\n", " ¶ ") + tail, _merge(marks, body, shift))


def _best_window(analyzed: list[Term], hits: list[bool]) -> int:
    """Where the window with the most distinct matching terms starts (earliest on ties)."""
    best, best_score = 0, 0
    for i in (i for i, hit in enumerate(hits) if hit):
        begin = max(0, i - 3)
        distinct = {
            t.term
            for t, h in zip(analyzed[begin : begin + WINDOW], hits[begin:], strict=False)
            if h
        }
        if len(distinct) > best_score:
            best, best_score = begin, len(distinct)
    return best


def _merge(marks: list[tuple[int, int]], body: str, shift: int) -> list[tuple[int, int]]:
    """Highlights as given; the ``¶`` replacement keeps lengths unequal, so offsets are remapped."""
    if "\n\n" not in body:
        return sorted(set(marks))
    out = []
    for start, end in sorted(set(marks)):
        before = body[: start - shift].count("\n\n")
        inside = body[start - shift : end - shift].count("\n\n")
        out.append((start + before, end + before + inside))
    return out


def make_hit(
    article_id: str, stored: StoredArticle, score: float, query: Query, *, scan: int | None = None
) -> Hit:
    """A search result for an archived article: its snippet from the lead and body (their
    first ``scan`` characters when given), the title when both are empty."""
    a = stored.article
    text = "\n\n".join(filter(None, [a.lead, a.body]))
    snippet = make_snippet((text[:scan] if scan is not None else text) or a.title, query)
    return Hit(
        article_id,
        a.title,
        a.source,
        a.published,
        a.url,
        score,
        snippet.text,
        snippet.highlights,
        len(stored.sources),
    )
