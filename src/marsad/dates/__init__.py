"""The ``dates`` stage: explicit, Hijri and relative date expressions with ISO values.

Found (word lists in ``data/dates.toml``, month and day names from CLDR via babel):

* explicit Gregorian dates in every month tradition, both at once too («15 أيار/مايو 2020»),
  months with a year, numeric dates (``15/5/2020``, ``2020-05-15``), years after «عام»;
* Hijri dates («15 رمضان 1441 هـ»), converted to the Gregorian day with hijridate
  (Umm al-Qura);
* weekdays («يوم الثلاثاء», «الثلاثاء الماضي»), relative days («اليوم», «مساء أمس», «غدا»),
  units («الأسبوع الماضي», «العام المقبل», «قبل ثلاثة أيام», «منذ عامين»), months in context
  («مايو الماضي»), all resolved against ``published`` when it is known, else ``value`` None.

Impossible dates (31/02) give nothing; see :mod:`marsad.dates._resolve` for the values.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..amounts._words import amount_words
from ..record import TEXT_FIELDS, Article, DateMention, TextField
from ..registry import stage
from ..text import Token, normalize
from ..wordforms import field_tokens, form_positions, forms, match_phrase
from ._context import not_a_date
from ._resolve import (
    day_in_context,
    day_value,
    hijri_day_near,
    hijri_value,
    month_in_context,
    month_value,
    parse_published,
    shift,
    weekday_ahead,
    weekday_near,
    weekday_value,
)
from ._words import DateWords, date_words, starters

__all__ = ["find_dates", "parse_published"]

Calendar = Literal["gregorian", "hijri"]

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_EASTERN_DIGIT = re.compile("[٠-٩۰-۹]")
_HIJRI_YEARS = (1300, 1500)  # a numeric date with such a year is Hijri («25/10/1436هـ»)
_FUTURE_WINDOW = 8  # words looked at before a weekday for a word of the future
_SENTENCE_ENDS = frozenset(".!?؟\n")
_NUMERIC = re.compile(r"(?<![\d/.\-])(\d{1,4})([/.\-])(\d{1,2})\2(\d{2,4})(?![\d/.\-]|\.\d)")


@dataclass(frozen=True, slots=True)
class _Hit:
    end: int  # token index after the expression
    value: str | None
    calendar: Calendar = "gregorian"
    relative: bool = False
    drop: bool = False  # an impossible date («31 فبراير 2020»): skipped, and nothing inside it
    span: bool = False  # a range of days («2 - 11 شوال»), which has no single value
    shift: int | None = None  # days from the publication day its weekday says («أمس الثلاثاء»)


def find_dates(
    text: str, field: TextField = "body", published: dt.date | None = None
) -> list[DateMention]:
    """The date expressions of one text field, in order; spans point into ``text``.

    When the text's own weekdays («أمس الثلاثاء») all say that ``published`` is off by some
    days, the relative expressions are resolved against the day they say instead.
    """
    found, shifts = _scan(text, field, published)
    moved = _moved(published, shifts)
    return found if moved is None else _scan(text, field, moved)[0]


def _moved(base: dt.date | None, shifts: Sequence[int]) -> dt.date | None:
    """The publication day the anchored weekdays agree on, when it is not ``base``."""
    if base is None or not shifts or shifts[0] == 0 or any(s != shifts[0] for s in shifts):
        return None
    return base + dt.timedelta(days=shifts[0])


def _scan(
    text: str, field: TextField, published: dt.date | None
) -> tuple[list[DateMention], list[int]]:
    """The date expressions, and by how many days each anchored weekday moves ``published``."""
    found = _numeric_dates(text, field)
    taken = [(d.start, d.end) for d in found]
    scanner = _Scanner(date_words(), field_tokens(text), published)
    tokens = scanner.tokens
    # where a date may start: a number, or a word of the lists
    candidates = [i for i, t in enumerate(tokens) if t.kind == "number"]
    candidates += form_positions(tokens, starters(scanner.w))
    after = 0  # the token after the last expression read
    for i in sorted(set(candidates)):
        if i < after:
            continue
        hit = scanner.at(i)
        if hit is None:
            continue
        start, end = _lead(tokens[i], scanner.w.known), tokens[hit.end - 1].end
        if hit.relative and not_a_date(text, tokens, i, hit.end):
            hit = _Hit(hit.end, None, drop=True)
        if not hit.drop and not any(a < end and start < b for a, b in taken):
            found.append(
                DateMention(
                    text[start:end], hit.value, hit.calendar, hit.relative, field, start, end
                )
            )
            if hit.shift is not None:
                scanner.shifts.append(hit.shift)
        after = hit.end
    return sorted(found, key=lambda d: d.start), scanner.shifts


def _definite(token: Token) -> bool:
    """Whether the word has the article: «اليوم», «بالأمس» (not «أمس», «غدا»)."""
    return normalize(token.prefix).endswith("ال")


def _lead(token: Token, known: frozenset[str]) -> int:
    """Start of a token without a conjunction or preposition, but with its article."""
    prefix = "" if normalize(token.text) in known else token.prefix
    if prefix.endswith("لل"):
        prefix = ""
    elif prefix.endswith("ال"):
        prefix = prefix[:-2]
    return token.start + len(prefix)


def _numeric_dates(text: str, field: TextField) -> list[DateMention]:
    """``15/5/2020``, ``2020-05-15``; a year of the Hijri era («25/10/1436هـ») is Hijri."""
    found = []
    # translating looks up every character: only texts with Eastern digits need it
    western = text.translate(_DIGITS) if _EASTERN_DIGIT.search(text) else text
    for m in _NUMERIC.finditer(western):
        a, b, c = int(m.group(1)), int(m.group(3)), int(m.group(4))
        days: tuple[tuple[int, int], ...]  # (month, day) readings, the usual first
        if len(m.group(1)) == 4:
            year, days = a, ((b, c),)
        elif len(m.group(4)) == 4:
            year, days = c, ((b, a), (a, b)) if b > 12 else ((b, a),)
        else:
            continue
        calendar: Calendar = "hijri" if _HIJRI_YEARS[0] <= year <= _HIJRI_YEARS[1] else "gregorian"
        make = hijri_value if calendar == "hijri" else day_value
        value = next((v for v in (make(year, mm, dd) for mm, dd in days) if v), None)
        if value:
            s, e = m.span()
            found.append(DateMention(text[s:e], value, calendar, False, field, s, e))
    return found


class _Scanner:
    def __init__(self, words: DateWords, tokens: Sequence[Token], base: dt.date | None) -> None:
        self.w = words
        self.tokens = tokens
        self.base = base
        self.anchored: dict[int, str] = {}  # weekday -> its day, once the text has fixed it
        self.shifts: list[int] = []  # of the anchored relative days, as _Hit.shift

    # -- helpers -----------------------------------------------------------------------
    def _in(self, j: int, table: frozenset[str] | dict[str, object]) -> bool:
        return j < len(self.tokens) and any(f in table for f in forms(self.tokens[j]))

    def _get(self, j: int, table: dict[str, int] | dict[str, str]) -> int | str | None:
        if j >= len(self.tokens):
            return None
        for f in forms(self.tokens[j]):
            if f in table:
                return table[f]
        return None

    def _int(self, j: int, low: int, high: int) -> int | None:
        if j >= len(self.tokens) or self.tokens[j].kind != "number":
            return None
        digits = normalize(self.tokens[j].text)
        if not digits.isdigit() or len(digits) > 4:
            return None
        value = int(digits)
        return value if low <= value <= high else None

    def _month(self, j: int) -> tuple[int, Calendar, int] | None:
        """Month number, calendar and end index; «أيار/مايو», «مايو (أيار)» and «فبراير شباط»
        count once."""
        if j >= len(self.tokens) or self.tokens[j].kind != "word":
            return None
        hit = match_phrase(self.w.months, self.tokens, j, 2)
        if hit is None:
            return None
        (month, calendar), n = hit
        end = self._second_name(j + n, hit[0])
        return month, "hijri" if calendar == "hijri" else "gregorian", end

    def _second_name(self, end: int, month: tuple[int, str]) -> int:
        """The end of the month's name in another tradition right after it, if there is one."""
        for opener, closer in (("/", ""), ("(", ")"), ("-", ""), ("", "")):
            at = end + 1 if opener else end
            if opener and (end >= len(self.tokens) or self.tokens[end].text != opener):
                continue
            if at >= len(self.tokens) or self.tokens[at].kind != "word":
                continue
            alt = match_phrase(self.w.months, self.tokens, at, 2)
            if alt is not None and alt[0] == month:
                after = at + alt[1]
                closed = closer and after < len(self.tokens) and self.tokens[after].text == closer
                return after + 1 if closed else after
        return end

    def _year(self, j: int, calendar: Calendar) -> tuple[int, int] | None:
        """A year at ``j`` and the index after it (and after «هـ» or «م»)."""
        low, high = (1300, 1600) if calendar == "hijri" else (1000, 2200)
        year = self._int(j, low, high)
        if year is None:
            return None
        markers = self.w.hijri_markers if calendar == "hijri" else self.w.gregorian_markers
        return year, j + 2 if self._in(j + 1, markers) else j + 1

    # -- matchers ----------------------------------------------------------------------
    def at(self, i: int) -> _Hit | None:
        for matcher in (
            self._weekday,
            self._explicit,
            self._month_phrase,
            self._relative_day,
            self._occasion_day,
            self._relative_unit,
            self._bare_year,
        ):
            hit = matcher(i)
            if hit is not None:
                return hit
        return None

    def _explicit(self, i: int) -> _Hit | None:
        """«15 مايو 2020», «15 أيار/مايو», «15 رمضان 1441 هـ», «الثالث من يونيو», «14 من شهر
        أغسطس الجاري»; a range «2 - 11 شوال» is one expression without a value, and of «13 و14
        أغسطس» the «13» is one date and «14 أغسطس» another."""
        first = self._day(i)
        if first is None:
            return None
        day, j, ordinal = first
        second = self._second_day(j)
        k = j if second is None else second[1]
        links = k
        while links < min(k + 2, len(self.tokens)) and self._in(links, self.w.day_month_links):
            links += 1
        month = self._month(links) if links > k or not ordinal else None
        if month is None:
            return None
        number, calendar, end = month
        hit = self._day_of_month(day, number, calendar, end)
        if second is not None and second[0] == "and":
            return _Hit(j, hit.value, calendar, hit.relative, hit.drop)
        if second is not None:
            return _Hit(hit.end, None, calendar, hit.relative, hit.drop, span=True)
        return hit

    def _day(self, i: int) -> tuple[int, int, bool] | None:
        """A day of the month at ``i``, a number or an ordinal: (day, index after, ordinal);
        «أول يناير» is its first day."""
        day = self._int(i, 1, 31)
        if day is not None:
            return day, i + 1, False
        if i >= len(self.tokens) or self.tokens[i].kind != "word":
            return None
        if (
            i > 0
            and self.tokens[i - 1].kind == "word"
            and not self._in(i - 1, self.w.ordinal_day_cues)
        ):
            return None  # after a noun: «الربع الأول من رمضان», «مدينة السادس من أكتوبر»
        if self._get(i, self.w.construct_ordinals) == 1 and self._month(i + 1) is not None:
            return 1, i + 1, False
        hit = match_phrase(self.w.ordinal_days, self.tokens, i, 3)
        return None if hit is None else (hit[0], i + hit[1], True)

    def _second_day(self, j: int) -> tuple[str, int] | None:
        """«- 11» or «و14» after a day: ("range" or "and", the index after the second day)."""
        if j + 1 >= len(self.tokens) or self._int(j + 1, 1, 31) is None:
            return None
        mark = normalize(self.tokens[j].text)
        if mark in self.w.range_marks:
            return "range", j + 2
        if mark in self.w.and_words:
            return "and", j + 2
        return None

    def _day_of_month(self, day: int, month: int, calendar: Calendar, end: int) -> _Hit:
        """The value of a day and month, with the year or direction that follows them."""
        year = self._year(end, calendar)
        if year is not None:
            make = hijri_value if calendar == "hijri" else day_value
            value = make(year[0], month, day)
            return _Hit(year[1], value, calendar, drop=value is None)
        direction = self._get(end, self.w.directions)
        if direction is not None:
            end += 1
        if self.base is None:
            return _Hit(end, None, calendar, True)
        value = day_in_context(
            self.base,
            month,
            day,
            direction if isinstance(direction, int) else None,
            calendar == "hijri",
        )
        return _Hit(end, value, calendar, True, drop=value is None)

    def _month_phrase(self, i: int) -> _Hit | None:
        """«مايو 2020», «مايو الماضي», «في مايو»."""
        month = self._month(i)
        if month is None:
            return None
        number, calendar, end = month
        year = self._year(end, calendar)
        if year is not None:
            value = month_value(year[0], number) if calendar == "gregorian" else None
            return _Hit(year[1], value, calendar)
        direction = self._get(end, self.w.directions)
        cued = i > 0 and self._in(i - 1, self.w.month_cues)
        if calendar == "hijri" or (direction is None and not cued):
            return None
        value = None
        if self.base is not None:
            value = month_in_context(
                self.base, number, direction if isinstance(direction, int) else None
            )
        return _Hit(end + (direction is not None), value, calendar, True)

    def _weekday(self, i: int) -> _Hit | None:
        """«يوم الثلاثاء», «الثلاثاء الماضي», «الثلاثاء 15 مايو 2020»; a weekday named again
        («الأحد المقبل» … «يصل الأحد») is the day it was the first time."""
        j = i + 1 if self._in(i, self.w.day_word) else i
        day = self._get(j, self.w.weekdays)
        if not isinstance(day, int):
            return None
        end = j + 1
        k = end + 1 if self._in(end, self.w.weekday_joiners) else end
        explicit = self._explicit(k)
        if explicit is not None and not explicit.span:
            return explicit
        direction = self._get(end, self.w.directions)
        if direction is not None:
            end += 1
        if j == i and not self.tokens[i].text.startswith(("ال", "وال", "بال", "يوم")):
            return None
        head = i - 1 if j == i and i > 0 else None
        if (
            head is not None
            and self._in(head, self.w.weekday_name_heads)
            and not _definite(self.tokens[head])
        ):
            return _Hit(end, None, "gregorian", True, drop=True)  # «صلاة الجمعة»
        value = None
        if self.base is not None and not self._recurring(i, end):
            value = self._weekday_day(i, day, direction if isinstance(direction, int) else None)
        return _Hit(end, value, "gregorian", True)

    def _recurring(self, i: int, end: int) -> bool:
        """«كل يوم خميس», «يوم الاثنين من كل أسبوع»: every such day, no one day."""
        if i > 0 and self._in(i - 1, self.w.every):
            return True
        return self._in(end, self.w.day_month_links) and self._in(end + 1, self.w.every)

    def _weekday_day(self, i: int, day: int, direction: int | None) -> str:
        """The day a weekday names: by its direction; else the day the text fixed for it; else
        the next one when a word before it in the sentence speaks of the future («المباراة
        المرتقبة مساء يوم الأربعاء»); else the last one."""
        assert self.base is not None
        if direction is not None:
            value = weekday_value(self.base, day, direction)
            self.anchored.setdefault(day, value)
            return value
        if day in self.anchored:
            return self.anchored[day]
        if self._future(i):
            return weekday_ahead(self.base, day)
        return weekday_value(self.base, day, None)

    def _future(self, i: int) -> bool:
        """Whether one of the few words before ``i`` in its sentence speaks of the future."""
        for k in range(i - 1, max(i - 1 - _FUTURE_WINDOW, -1), -1):
            if self.tokens[k].text in _SENTENCE_ENDS:
                return False
            if self._in(k, self.w.future_cues):
                return True
        return False

    def _relative_day(self, i: int) -> _Hit | None:
        """«اليوم», «أمس», «مساء أمس», «بعد غد»; «أمس الثلاثاء», «اليوم (الأحد)» are the named
        day nearest the relative one; «اليوم الذي», «ذلك اليوم» have no value, «صحيفة اليوم»
        is not a date."""
        j = i
        part = match_phrase(self.w.day_parts, self.tokens, i, 2)
        if part is not None:
            j = i + part[1]
        if j >= len(self.tokens):
            return None
        hit = match_phrase(self.w.relative_days, self.tokens, j, 3)
        if hit is None:
            return None
        offset, n = hit
        end = j + n
        if i > 0 and self._in(i - 1, self.w.name_heads) and not _definite(self.tokens[i - 1]):
            return _Hit(end, None, "gregorian", True, drop=True)
        if _definite(self.tokens[j]) and self._noun_day(i, end):
            return _Hit(end, None, "gregorian", True)
        named = self._named_weekday(end)
        if named is not None:
            end = named[1]
        if self.base is None:
            return _Hit(end, None, "gregorian", True)
        if named is None:
            return _Hit(end, shift(self.base, "day", offset), "gregorian", True)
        meant = self.base + dt.timedelta(days=offset)
        value = weekday_near(meant, named[0])
        self.anchored.setdefault(named[0], value)
        moved = (dt.date.fromisoformat(value) - meant).days
        return _Hit(end, value, "gregorian", True, shift=moved)

    def _noun_day(self, i: int, end: int) -> bool:
        """A relative day as a noun: «اليوم الذي», «ذلك اليوم», «في اليوم ذاته», «الأمس القريب»."""
        before = i > 0 and self._in(i - 1, self.w.noun_day_before)
        return before or self._in(end, self.w.noun_day_after)

    def _named_weekday(self, j: int) -> tuple[int, int] | None:
        """A weekday at ``j``, bare or in brackets: (weekday, index after)."""
        k = j + 1 if j < len(self.tokens) and self.tokens[j].text == "(" else j
        day = self._get(k, self.w.weekdays)
        if not isinstance(day, int):
            return None
        k += 1
        if j < k - 1 and k < len(self.tokens) and self.tokens[k].text == ")":
            k += 1
        return day, k

    def _occasion_day(self, i: int) -> _Hit | None:
        """«أول أيام العيد», «ثالث أيام عيد الفطر المبارك», «أول أيام رمضان»: that day of the
        occasion or Hijri month nearest the publication day."""
        ordinal = self._get(i, self.w.construct_ordinals)
        if not isinstance(ordinal, int) or not self._in(i + 1, self.w.days_of):
            return None
        j = i + 2 + self._in(i + 2, self.w.day_month_links)
        if j >= len(self.tokens) or self.tokens[j].kind != "word":
            return None
        days: tuple[tuple[int, int], ...]
        occasion = match_phrase(self.w.occasions, self.tokens, j, 2)
        if occasion is not None:
            days, end = occasion[0], j + occasion[1]
            end += self._in(end, self.w.occasion_tail)
        else:
            month = self._month(j)
            if month is None or month[1] != "hijri":
                return None
            days, end = ((month[0], 1),), month[2]
        value = hijri_day_near(self.base, days, ordinal - 1) if self.base else None
        return _Hit(end, value, "hijri", True)

    def _relative_unit(self, i: int) -> _Hit | None:
        """«الأسبوع الماضي», «هذا العام», «قبل ثلاثة أيام», «منذ عامين»; a plural unit alone
        («الأيام الماضية», «هذه الأيام») and «هذا اليوم» have no value."""
        offset = self._get(i, self.w.offsets)
        if isinstance(offset, int):
            return self._counted(i + 1, offset)
        j = i + 1 if self._in(i, self.w.this_words) else i
        unit = self._get(j, self.w.units)
        if not isinstance(unit, str) or not normalize(self.tokens[j].text).lstrip("وفب").startswith(
            "ال"
        ):
            return None
        if j > i:
            direction: int | str | None = 0
        else:
            direction = self._get(j + 1, self.w.directions)
        if not isinstance(direction, int):
            return None
        vague = self._in(j, self.w.plural_units) or (j > i and unit == "day")
        value = shift(self.base, unit, direction) if self.base and not vague else None
        return _Hit(j + 1 + (j == i), value, "gregorian", True)

    def _counted(self, j: int, sign: int) -> _Hit | None:
        dual = self._get(j, self.w.dual_units)
        if isinstance(dual, str):
            return self._unit_hit(j + 1, dual, 2 * sign)
        unit = self._get(j, self.w.units)
        if isinstance(unit, str):
            if self._in(j, self.w.plural_units):  # «بعد سنوات»: no count, no value
                return _Hit(j + 1, None, "gregorian", True)
            return self._unit_hit(j + 1, unit, sign)
        count = self._int(j, 1, 1000) or self._count_word(j)
        unit = self._get(j + 1, self.w.units)
        if count is None or not isinstance(unit, str):
            return None
        return self._unit_hit(j + 2, unit, count * sign)

    def _count_word(self, j: int) -> int | None:
        if j >= len(self.tokens):
            return None
        numbers = amount_words().numbers
        for f in forms(self.tokens[j]):
            value = numbers.get(f)
            if value is not None and value >= 1 and value.is_integer():
                return int(value)
        return None

    def _unit_hit(self, end: int, unit: str, count: int) -> _Hit:
        value = shift(self.base, unit, count) if self.base else None
        return _Hit(end, value, "gregorian", True)

    def _bare_year(self, i: int) -> _Hit | None:
        """«عام 2018», «1441 هـ»."""
        if self._in(i, self.w.year_cues):
            year = self._year(i + 1, "gregorian")
            if year is not None and 1800 <= year[0] <= 2100:
                return _Hit(year[1], f"{year[0]:04d}")
            return None
        hijri = self._int(i, 1300, 1600)
        if hijri is not None and self._in(i + 1, self.w.hijri_markers):
            return _Hit(i + 2, None, "hijri")
        return None


@stage("dates", requires=("title", "lead", "body", "published"), assigns=("dates",))
def dates(article: Article) -> Article:
    """Fill ``dates``; relative expressions are resolved against ``published`` when known,
    or against the day the article's anchored weekdays agree on (see :func:`find_dates`).

    Each date expression is listed once, where the article first gives it: «أمس» written
    three times for one day is one date («أمس» and «مساء أمس» are two).
    """
    base = parse_published(article.published)
    fields = [(name, article.field_text(name)) for name in TEXT_FIELDS if article.field_text(name)]
    scans = [_scan(text, name, base) for name, text in fields]
    moved = _moved(base, [shift for _, shifts in scans for shift in shifts])
    if moved is not None:
        scans = [_scan(text, name, moved) for name, text in fields]
    article.dates = _distinct(mention for found, _ in scans for mention in found)
    return article


def _distinct(mentions: Iterable[DateMention]) -> list[DateMention]:
    seen: set[tuple[str, str | None]] = set()
    found = []
    for mention in mentions:
        key = (normalize(mention.text), mention.value)
        if key not in seen:
            seen.add(key)
            found.append(mention)
    return found
