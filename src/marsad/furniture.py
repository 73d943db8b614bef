"""Page furniture: telling the lines of an article from the page around it.

Share buttons, «اقرأ أيضا» blocks of related headlines, bylines such as
«الرياض - واس», photo captions, agency credits and comment-policy notices are
recognised by phrases and line features kept in ``data/furniture.toml``; this
module only reads those rules and applies them. Detection is line by line, with
one piece of context: a related-links marker makes the headline-like lines
right after it furniture too, and so are runs of headline-like lines at the end
of the text or in the middle of it.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import MarsadError
from .text import normalize, split_proclitics

__all__ = ["FurnitureRules", "classify_lines", "split_furniture"]

# Bullets, dashes, rules and quotes around a line, ignored when matching phrases.
_TRIM = "\u00d7\u2022\u00b7*\u25aa\u25a0\u25cf\u25ba\u2013\u2014-_=~+|:.\u00ab\u00bb\"'()[] \t\u200f\u200e\ufeff"
# What may follow a sentence's final punctuation: closing quotes and brackets.
_CLOSERS = "\"'\u00bb\u201d)] "


def trim(line: str) -> str:
    """A line's text for matching: bullets and punctuation off both ends, normalized."""
    return normalize(line.strip().strip(_TRIM))


@dataclass(frozen=True, slots=True)
class FurnitureRules:
    """The compiled furniture rules (see ``data/furniture.toml`` for their meaning)."""

    exact: frozenset[str]
    related_markers: tuple[str, ...]
    prefixes: tuple[str, ...]
    notice_words: tuple[str, ...]
    notice_min_hits: int
    patterns: tuple[re.Pattern[str], ...]
    headline_min_words: int
    headline_max_words: int
    sentence_endings: tuple[str, ...]
    continuation_prefixes: frozenset[str]
    continuation_words: tuple[str, ...]
    list_items: tuple[re.Pattern[str], ...]
    author_prefixes: tuple[str, ...]
    author_max_words: int
    date_line: re.Pattern[str]
    openings: tuple[re.Pattern[str], ...] = ()  # a whole first line that is furniture
    opening_prefixes: tuple[re.Pattern[str], ...] = ()  # the start of the first paragraph
    closing_markers: tuple[str, ...] = ()  # what follows one, at the end of the text, is a credit

    @classmethod
    def load(cls, path: str | Path | None = None) -> FurnitureRules:
        """Rules from a TOML file; the packaged ones by default."""
        try:
            if path is None:
                raw = resources.files("marsad").joinpath("data/furniture.toml").read_text("utf-8")
            else:
                raw = Path(path).read_text(encoding="utf-8")
            return cls.from_mapping(tomllib.loads(raw))
        except (OSError, tomllib.TOMLDecodeError, KeyError, re.error) as exc:
            raise MarsadError(f"furniture rules {path or '(packaged)'}: {exc}") from exc

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> FurnitureRules:
        agencies = "|".join(re.escape(a) for a in sorted(data["agencies"], key=len, reverse=True))
        return cls(
            exact=frozenset(trim(p) for p in data["exact"]),
            related_markers=tuple(trim(p) for p in data["related_markers"]),
            prefixes=tuple(trim(p) for p in data["prefixes"]),
            notice_words=tuple(normalize(w) for w in data["notice_words"]),
            notice_min_hits=int(data["notice_min_hits"]),
            patterns=tuple(
                re.compile(p.replace("{agencies}", agencies), re.IGNORECASE)
                for p in data["patterns"]
            ),
            headline_min_words=int(data["headline_min_words"]),
            headline_max_words=int(data["headline_max_words"]),
            sentence_endings=tuple(data["sentence_endings"]),
            continuation_prefixes=frozenset(data["continuation_openings"]),
            continuation_words=tuple(normalize(w) for w in data["continuation_words"]),
            list_items=tuple(re.compile(p) for p in data["list_item_patterns"]),
            author_prefixes=tuple(data["author_prefixes"]),
            author_max_words=int(data["author_max_words"]),
            date_line=_date_line(data["months"], data["date_words"]),
            openings=tuple(re.compile(p) for p in data.get("opening_patterns", [])),
            opening_prefixes=tuple(re.compile(p) for p in data.get("opening_prefixes", [])),
            closing_markers=tuple(data.get("closing_markers", [])),
        )

    def line_reason(self, line: str) -> str | None:
        """Why this line, on its own, is furniture (None when it may be text)."""
        if not line.strip():
            return "empty"
        key = trim(line)
        if not key:
            return "separator"
        if key.startswith(self.related_markers):
            return "related"
        if key in self.exact:
            return "widget"
        if key.startswith(self.prefixes):
            return "credit"
        stripped = line.strip()
        if self.author(stripped) is not None:
            return "byline"
        if self.date_line.fullmatch(stripped):
            return "dateline"
        if any(p.fullmatch(stripped) for p in self.patterns):
            return "byline"
        hits = sum(1 for w in self.notice_words if w in key)
        return "notice" if hits >= self.notice_min_hits else None

    def author(self, line: str) -> str | None:
        """The name in an author line («بقلم: ريم الشابي»), or None when it is not one."""
        stripped = line.strip()
        lowered = stripped.lower()
        for prefix in self.author_prefixes:
            if lowered.startswith(prefix.lower()):
                name = stripped[len(prefix) :].strip(" :-–—")
                if name and len(name.split()) <= self.author_max_words and not name.endswith("."):
                    return name
        return None

    def is_headline_like(self, line: str) -> bool:
        """Short, unpunctuated, not opening with و/ف: reads like a link to another story."""
        stripped = line.strip()
        words = stripped.split()
        if not self.headline_min_words <= len(words) <= self.headline_max_words:
            return False
        if stripped.rstrip(_CLOSERS).endswith(self.sentence_endings):
            return False
        if any(p.fullmatch(stripped) for p in self.list_items):
            return False
        prefix, _ = split_proclitics(words[0].strip(_TRIM + "،"))
        if prefix and prefix[0] in self.continuation_prefixes:
            return False
        opening = normalize(" ".join(words[:2]).replace("،", " "))
        return not any(opening == w or opening.startswith(w + " ") for w in self.continuation_words)


def _date_line(months: list[str], words: list[str]) -> re.Pattern[str]:
    """A line made only of dates, times, weekdays and publication words."""
    names = sorted((*months, *words), key=len, reverse=True)
    token = r"(?:{}|[\d٠-٩]{{1,4}}(?:[:/.\-][\d٠-٩]{{1,4}}){{0,2}})".format(
        "|".join(re.escape(n) for n in names)
    )
    return re.compile(rf"(?:{token}[\s,،:/\-–|()]*){{2,14}}", re.IGNORECASE)


@cache
def default_rules() -> FurnitureRules:
    """The packaged rules, loaded once."""
    return FurnitureRules.load()


def classify_lines(lines: Sequence[str], rules: FurnitureRules | None = None) -> list[str | None]:
    """For each line, why it is furniture, or None when it is article text."""
    rules = rules or default_rules()
    reasons = [rules.line_reason(line) for line in lines]
    _mark_openings(reasons, lines, rules)
    headline = [rules.is_headline_like(line) for line in lines]
    _keep_inner_dates(reasons)
    _extend_related_blocks(reasons, headline)
    _mark_headline_runs(reasons, headline, lines)
    return reasons


def _mark_openings(reasons: list[str | None], lines: Sequence[str], rules: FurnitureRules) -> None:
    """A reporter's line («حامد القرشي – جدة») opens an article: its first line only."""
    for i, line in enumerate(lines):
        if reasons[i] == "empty":
            continue
        if reasons[i] is None and any(p.fullmatch(line.strip()) for p in rules.openings):
            reasons[i] = "byline"
        return


def _keep_inner_dates(reasons: list[str | None]) -> None:
    """A date line is furniture above or below the text; inside it, it heads a timeline."""
    text = [i for i, reason in enumerate(reasons) if reason is None]
    if not text:
        return
    for i in range(text[0], text[-1]):
        if reasons[i] == "dateline":
            reasons[i] = None


def _extend_related_blocks(reasons: list[str | None], headline: list[bool]) -> None:
    """Headline-like lines right after a related-links marker are related links."""
    inside = False
    for i, reason in enumerate(reasons):
        if reason == "related":
            inside = True
        elif reason is None and inside and headline[i]:
            reasons[i] = "related"
        elif reason is None:
            inside = False


def _mark_headline_runs(
    reasons: list[str | None], headline: list[bool], lines: Sequence[str]
) -> None:
    """Two or more headline-like lines in a row are a list of links to other stories, unless
    they open alike: «اللاعب فلان (سباحة) ذهبية» line after line is the article's own list
    (links to other stories do not share their first word)."""
    i = 0
    while i < len(reasons):
        j = i
        while j < len(reasons) and reasons[j] is None and headline[j]:
            j += 1
        if j - i >= 2 and not _one_list(lines[i:j]):
            for k in range(i, j):
                reasons[k] = "related"
        i = max(j, i + 1)


#: The most words, on average, of a line in an article's own list (headlines run longer).
LIST_LINE_WORDS = 7


def _one_list(lines: Sequence[str]) -> bool:
    """Whether at least four short lines, all but one of them, open with the same word."""
    words = [line.split() for line in lines]
    if len(lines) < 4 or sum(map(len, words)) > LIST_LINE_WORDS * len(lines):
        return False
    firsts = Counter(normalize(w[0]) for w in words if w)
    return firsts.most_common(1)[0][1] >= len(lines) - 1


def split_furniture(
    paragraphs: Sequence[str], rules: FurnitureRules | None = None
) -> tuple[list[str], list[str]]:
    """Split paragraphs into (text, furniture), each keeping its order."""
    rules = rules or default_rules()
    reasons = classify_lines(paragraphs, rules)
    kept = [p for p, r in zip(paragraphs, reasons, strict=True) if r is None]
    removed = [
        p.strip() for p, r in zip(paragraphs, reasons, strict=True) if r not in (None, "empty")
    ]
    if kept:  # «علي حفول - سبق - نجران: ضبط …»: the reporter and place before the text
        first = kept[0].lstrip()
        for pattern in rules.opening_prefixes:
            match = pattern.match(first)
            if match and first[match.end() :].strip():
                removed.insert(0, match.group(0).strip())
                kept[0] = first[match.end() :].lstrip()
                break
    if kept:  # «… المشاكل. رابط الخبر بصحيفة الوئام: …»: a credit closing the last paragraph
        last = kept[-1]
        for marker in rules.closing_markers:
            at = last.rfind(marker)
            if at > 0 and last[:at].rstrip().endswith((".", "!", "؟", "»", '"')):
                removed.append(last[at:].strip())
                kept[-1] = last[:at].rstrip()
                break
    return kept, removed
