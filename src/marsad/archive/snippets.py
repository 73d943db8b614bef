"""Snippets of the original text around what a query matched, with the matched words marked.

The index holds analyzed terms, but a reader wants to see the article's own words: the text is
analyzed again with offsets, the window of :data:`WINDOW` words holding the most distinct query
terms is cut from the original (diacritics, hamza and proclitics as written), and the spans of
the matching words are returned as offsets into the snippet.
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..text import normalize
from .analyzer import Term, analyze
from .analyzer import terms as analyze_terms
from .model import Hit, Query, StoredArticle

__all__ = [
    "ELLIPSIS",
    "WINDOW",
    "Snippet",
    "hit_of",
    "hit_text",
    "make_hit",
    "make_snippet",
    "pack_spans",
    "snippet_from_spans",
    "unpack_spans",
]

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


def _marks(terms: Sequence[str], query: Query, words: set[str]) -> list[bool]:
    """Whether each term matches the query."""
    if not query.prefixes:  # the usual query: words only
        return [t in words for t in terms]
    return [_matches(t, query, words) for t in terms]


def _any_matches(terms: Sequence[str], query: Query, words: set[str]) -> bool:
    if not query.prefixes:
        return not words.isdisjoint(terms)
    return any(_matches(t, query, words) for t in terms)


def make_snippet(text: str, query: Query, *, may_match: bool = True) -> Snippet:
    """The best window of ``text`` for ``query`` (its opening when nothing matches).

    ``may_match=False``: the caller knows that no word of ``text`` matches (from the terms the
    archive stored), so only the opening is analyzed.
    """
    analyzed, hits, first, skipped = _analyzed_until_best(text, query, may_match)
    if not analyzed:
        return Snippet(text[:200], [])
    window = analyzed[first : first + WINDOW]
    spans = [(t.start, t.end) for t in window]
    return _cut(text, spans, hits[first : first + WINDOW], from_start=first == 0 and not skipped)


def _cut(
    text: str, window: list[tuple[int, int]], hits: Sequence[bool], *, from_start: bool
) -> Snippet:
    """The snippet of the terms at ``window`` (their spans in ``text``, those matching marked),
    from the text's beginning when ``from_start``."""
    start, end = window[0][0], window[-1][1]
    if from_start:
        start = 0
    lead = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(text.rstrip()) else ""
    body = text[start:end]
    shift = len(lead) - start
    marks = [(a + shift, b + shift) for (a, b), hit in zip(window, hits, strict=True) if hit]
    return Snippet(lead + body.replace("\n\n", " ¶ ") + tail, _merge(marks, body, shift))


def hit_text(lead: str | None, body: str) -> str:
    """The text a hit's snippet is cut from: the lead, a blank line, the body."""
    return "\n\n".join(filter(None, [lead, body]))


def pack_spans(terms: Sequence[Term]) -> bytes:
    """The ``start, end`` offsets of ``terms`` (:func:`analyze` of a :func:`hit_text`) as the
    archive stores them: a type code, then unsigned integers, little-endian (two bytes each
    while the text is shorter than 65,536 characters, else four)."""
    flat = [x for t in terms for x in (t.start, t.end)]
    code = "H" if max(flat, default=0) <= 0xFFFF else "I"
    packed = array(code, flat)
    if sys.byteorder == "big":
        packed.byteswap()
    return code.encode() + packed.tobytes()


def unpack_spans(blob: bytes | None) -> array[int] | None:
    """What :func:`pack_spans` wrote, read back (None for anything else)."""
    if not blob or blob[:1] not in (b"H", b"I"):
        return None
    spans = array(blob[:1].decode())
    if (len(blob) - 1) % (2 * spans.itemsize):
        return None
    spans.frombytes(blob[1:])
    if sys.byteorder == "big":
        spans.byteswap()
    return spans


def snippet_from_spans(
    text: str, terms: Sequence[str], spans: Sequence[int], query: Query, *, scan: int | None = None
) -> Snippet:
    """:func:`make_snippet` of ``text[:scan]`` from the terms of ``text`` and their spans
    (``start, end`` pairs, as stored at ingest: :func:`pack_spans`), without analyzing it
    again, but for a word that the cut at ``scan`` goes through (a term of its own)."""
    n = len(terms)
    starts, ends = spans[0::2], spans[1::2]
    extra: list[Term] = []
    if scan is not None and len(text) > scan:
        text = text[:scan]
        cut = bisect_right(ends, scan)  # the terms the cut leaves whole
        if cut < n and starts[cut] < scan:
            extra = analyze(text[starts[cut] :], starts[cut])
        n = cut
    every = [*terms[:n], *(t.term for t in extra)]
    if not every:
        return Snippet(text[:200], [])
    hits = _marks(every, query, query.words())
    first = _best_window(every, hits)[0] if True in hits else 0
    window = [
        (starts[i], ends[i]) if i < n else (extra[i - n].start, extra[i - n].end)
        for i in range(first, min(first + WINDOW, len(every)))
    ]
    return _cut(text, window, hits[first : first + WINDOW], from_start=first == 0)


def _analyzed_until_best(
    text: str, query: Query, may_match: bool = True
) -> tuple[list[Term], list[bool], int, bool]:
    """The terms of ``text`` (as :func:`analyze` gives them), whether each matches, where the
    best window starts, and whether opening paragraphs were left out; analyzing paragraph by
    paragraph only as far as needed.

    No token spans a blank line, so the paragraphs' terms, shifted, are the text's. A window
    holding every word of the query is the best possible (an earlier one would have been
    found first): once one is found whole, the rest of the text cannot change the answer.
    Every term is a substring of its paragraph's :func:`~marsad.text.normalize` form (a
    stem is the folded word less a suffix), so the paragraphs before the first one holding a
    query word as a substring cannot match: they are left out but for the few terms a window
    may take before its first match. With prefixes (any number of distinct words may match)
    the whole text is analyzed, unless nothing can match: then the opening window is the
    answer.
    """
    words = query.words()
    most = None if query.prefixes else len(words)
    pieces = text.split("\n\n")
    offsets = [0]
    for piece in pieces[:-1]:
        offsets.append(offsets[-1] + len(piece) + 2)
    begin = _first_candidate(pieces, words) if may_match and most else 0
    if begin is None:  # no paragraph holds a query word: the opening, as when nothing matches
        begin, may_match = 0, False
    # a window starts up to _BEFORE terms before its first match: keep enough paragraphs
    context: list[Term] = []
    after = begin
    while begin > 0 and len(context) < _BEFORE:
        begin -= 1
        context = analyze(pieces[begin], offsets[begin]) + context
    analyzed: list[Term] = context
    names = [t.term for t in context]
    hits: list[bool] = [False] * len(context)
    for n in range(after, len(pieces)):
        found = analyze(pieces[n], offsets[n])
        found_names = [t.term for t in found]
        analyzed += found
        names += found_names
        hits += _marks(found_names, query, words) if may_match else [False] * len(found)
        if not may_match and len(analyzed) >= WINDOW:
            return analyzed, hits, 0, begin > 0
        if most and n < len(pieces) - 1 and any(hits):
            first, score = _best_window(names, hits)
            if score == most and first + WINDOW <= len(analyzed):
                return analyzed, hits, first, begin > 0
    if begin > 0 and not any(hits):  # a word held but never as a term: the opening after all
        return _analyzed_until_best(text, query, may_match=False)
    return analyzed, hits, _best_window(names, hits)[0], begin > 0


#: How many terms before its first match a window may start (see :func:`_best_window`).
_BEFORE = 3


def _first_candidate(pieces: list[str], words: set[str]) -> int | None:
    """The first paragraph whose normalized text holds a query word as a substring."""
    for n, piece in enumerate(pieces):
        folded = normalize(piece)
        if any(w in folded for w in words):
            return n
    return None


def _best_window(terms: Sequence[str], hits: list[bool]) -> tuple[int, int]:
    """Where the window with the most distinct matching terms starts (earliest on ties), and
    how many it holds."""
    best, best_score = 0, 0
    for i in (i for i, hit in enumerate(hits) if hit):
        begin = max(0, i - _BEFORE)
        distinct = {
            t for t, h in zip(terms[begin : begin + WINDOW], hits[begin:], strict=False) if h
        }
        if len(distinct) > best_score:
            best, best_score = begin, len(distinct)
    return best, best_score


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
    return hit_of(article_id, a.title, a.source, a.published, a.url, a.lead, a.body,
                  len(stored.sources), score, query, scan=scan)  # fmt: skip


def hit_of(
    article_id: str,
    title: str,
    source: str,
    published: str | None,
    url: str | None,
    lead: str | None,
    body: str,
    sources: int,
    score: float,
    query: Query,
    *,
    scan: int | None = None,
    terms: Sequence[str] | None = None,
    spans: bytes | None = None,
) -> Hit:
    """:func:`make_hit` from the record's fields (read without building an Article).

    ``terms``: the index terms the archive stored for the article (its title's, then its lead
    and body's), when known: if none of the text's matches the query (a match on the title
    alone), the snippet is the opening, found without analyzing the whole text. ``spans``:
    the stored offsets of the lead and body's terms (:func:`pack_spans`), with ``terms``: the
    snippet is then cut without analyzing the text at all.
    """
    snippet = _snippet(hit_text(lead, body), title, query, scan, terms, spans)
    return Hit(
        article_id,
        title,
        source,
        published,
        url,
        score,
        snippet.text,
        snippet.highlights,
        sources,
    )


def _snippet(
    text: str,
    title: str,
    query: Query,
    scan: int | None,
    terms: Sequence[str] | None,
    spans: bytes | None,
) -> Snippet:
    """A hit's snippet (see :func:`hit_of`): cut from the stored spans when there are any,
    else by analyzing as much of the text as needed (the title when there is no text)."""
    found = unpack_spans(spans) if terms is not None and text else None
    if found is not None and terms is not None and len(found) // 2 <= len(terms):
        n = len(found) // 2
        return snippet_from_spans(text, terms[len(terms) - n :], found, query, scan=scan)
    may_match = True
    if terms is not None and text:
        words = query.words()
        body_terms = terms[len(analyze_terms(title)) :]
        may_match = _any_matches(body_terms, query, words)
        if not may_match and scan is not None and len(text) > scan:
            # a word cut at ``scan`` is a term of its own: the text's last run of non-spaces
            runs = text[:scan].rsplit(None, 1)
            may_match = _any_matches(analyze_terms(runs[-1] if runs else ""), query, words)
    return make_snippet(
        (text[:scan] if scan is not None else text) or title, query, may_match=may_match
    )
