"""Snippets of the original text around what a query matched, with the matched words marked.

The index holds analyzed terms, but a reader wants to see the article's own words: the text is
analyzed again with offsets, the window of :data:`WINDOW` words holding the most distinct query
terms is cut from the original (diacritics, hamza and proclitics as written), and the spans of
the matching words are returned as offsets into the snippet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..text import normalize
from .analyzer import Term, analyze
from .analyzer import terms as analyze_terms
from .model import Hit, Query, StoredArticle

__all__ = ["ELLIPSIS", "WINDOW", "Snippet", "hit_of", "make_hit", "make_snippet"]

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


def _marks(terms: Sequence[Term], query: Query, words: set[str]) -> list[bool]:
    """Whether each term matches the query."""
    if not query.prefixes:  # the usual query: words only
        return [t.term in words for t in terms]
    return [_matches(t.term, query, words) for t in terms]


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
    start, end = window[0].start, window[-1].end
    if first == 0 and not skipped:
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
    hits: list[bool] = [False] * len(context)
    for n in range(after, len(pieces)):
        found = analyze(pieces[n], offsets[n])
        analyzed += found
        hits += _marks(found, query, words) if may_match else [False] * len(found)
        if not may_match and len(analyzed) >= WINDOW:
            return analyzed, hits, 0, begin > 0
        if most and n < len(pieces) - 1 and any(hits):
            first, score = _best_window(analyzed, hits)
            if score == most and first + WINDOW <= len(analyzed):
                return analyzed, hits, first, begin > 0
    if begin > 0 and not any(hits):  # a word held but never as a term: the opening after all
        return _analyzed_until_best(text, query, may_match=False)
    return analyzed, hits, _best_window(analyzed, hits)[0], begin > 0


#: How many terms before its first match a window may start (see :func:`_best_window`).
_BEFORE = 3


def _first_candidate(pieces: list[str], words: set[str]) -> int | None:
    """The first paragraph whose normalized text holds a query word as a substring."""
    for n, piece in enumerate(pieces):
        folded = normalize(piece)
        if any(w in folded for w in words):
            return n
    return None


def _best_window(analyzed: list[Term], hits: list[bool]) -> tuple[int, int]:
    """Where the window with the most distinct matching terms starts (earliest on ties), and
    how many it holds."""
    best, best_score = 0, 0
    for i in (i for i, hit in enumerate(hits) if hit):
        begin = max(0, i - _BEFORE)
        distinct = {
            t.term
            for t, h in zip(analyzed[begin : begin + WINDOW], hits[begin:], strict=False)
            if h
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
) -> Hit:
    """:func:`make_hit` from the record's fields (read without building an Article).

    ``terms``: the index terms the archive stored for the article (its title's, then its lead
    and body's), when known: if none of the text's matches the query (a match on the title
    alone), the snippet is the opening, found without analyzing the whole text.
    """
    text = "\n\n".join(filter(None, [lead, body]))
    may_match = True
    if terms is not None and text:
        words = query.words()
        body_terms = terms[len(analyze_terms(title)) :]
        may_match = _any_matches(body_terms, query, words)
        if not may_match and scan is not None and len(text) > scan:
            # a word cut at ``scan`` is a term of its own: the text's last run of non-spaces
            runs = text[:scan].rsplit(None, 1)
            may_match = _any_matches(analyze_terms(runs[-1] if runs else ""), query, words)
    snippet = make_snippet(
        (text[:scan] if scan is not None else text) or title, query, may_match=may_match
    )
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
