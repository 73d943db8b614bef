"""Turning what a date expression says into an ISO 8601 value (TIMEX3 conventions).

Values have the precision the text gives: ``2020-05-15`` (a day), ``2020-W20`` (a week),
``2020-05`` (a month), ``2020`` (a year). Relative expressions are resolved against the
publication day; without one they stay unresolved (``None``).
"""

from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri

__all__ = [
    "day_in_context",
    "day_value",
    "hijri_day_near",
    "hijri_value",
    "hijri_year",
    "month_in_context",
    "month_value",
    "parse_published",
    "shift",
    "weekday_ahead",
    "weekday_near",
    "weekday_value",
]

_MIN_YEAR, _MAX_YEAR = 1000, 2200


def parse_published(published: str | None) -> dt.date | None:
    """The publication day of an ISO date or datetime, or None."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def day_value(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` if that day exists (no 31/02), else None."""
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def month_value(year: int, month: int) -> str | None:
    if not (_MIN_YEAR <= year <= _MAX_YEAR and 1 <= month <= 12):
        return None
    return f"{year:04d}-{month:02d}"


def hijri_value(year: int, month: int, day: int) -> str | None:
    """The Gregorian day of a Hijri (Umm al-Qura) date, or None outside 1343-1500 AH."""
    try:
        return Hijri(year, month, day).to_gregorian().isoformat()
    except (ValueError, OverflowError):
        return None


def shift(base: dt.date, unit: str, count: int) -> str | None:
    """``base`` moved by ``count`` units, at the precision of the unit."""
    try:
        if unit == "day":
            return (base + dt.timedelta(days=count)).isoformat()
        if unit == "week":
            year, week, _ = (base + dt.timedelta(weeks=count)).isocalendar()
            return f"{year:04d}-W{week:02d}"
        if unit == "month":
            index = base.year * 12 + base.month - 1 + count
            return month_value(index // 12, index % 12 + 1)
        if unit == "year":
            year = base.year + count
            return f"{year:04d}" if _MIN_YEAR <= year <= _MAX_YEAR else None
    except OverflowError:
        return None
    return None


def weekday_value(base: dt.date, weekday: int, direction: int | None) -> str:
    """The day named ``weekday`` (Monday 0) nearest ``base``: the last one on or before it,
    or the next one after it when the text says «المقبل»."""
    if direction == 1:
        ahead = (weekday - base.weekday()) % 7 or 7
        return (base + dt.timedelta(days=ahead)).isoformat()
    back = (base.weekday() - weekday) % 7
    if direction == -1 and back == 0:
        back = 7
    return (base - dt.timedelta(days=back)).isoformat()


def month_in_context(base: dt.date, month: int, direction: int | None) -> str | None:
    """«مايو الماضي» / «مايو المقبل» / «في مايو» relative to the publication day."""
    year = base.year
    if direction == -1 and month >= base.month:
        year -= 1
    elif direction == 1 and month <= base.month:
        year += 1
    return month_value(year, month)


def weekday_ahead(base: dt.date, weekday: int) -> str:
    """The day named ``weekday`` on or after ``base``."""
    return (base + dt.timedelta(days=(weekday - base.weekday()) % 7)).isoformat()


def weekday_near(day: dt.date, weekday: int) -> str:
    """The day named ``weekday`` within three days of ``day``: «أمس الثلاثاء» is the Tuesday
    nearest the day before publication, which corrects a publication day off by one."""
    ahead = (weekday - day.weekday()) % 7
    return (day + dt.timedelta(days=ahead - 7 if ahead > 3 else ahead)).isoformat()


def hijri_year(base: dt.date) -> int | None:
    """The Hijri (Umm al-Qura) year of a Gregorian day, or None outside the tables."""
    try:
        return int(Gregorian.fromdate(base).to_hijri().year)
    except (ValueError, OverflowError):
        return None


def day_in_context(
    base: dt.date, month: int, day: int, direction: int | None, hijri: bool = False
) -> str | None:
    """A day and month without a year («27 أغسطس المقبل», «السابع من مايو الماضي»): the next
    such day on or after ``base`` for «المقبل», the last one on or before it for «الماضي»,
    else the one in the year of ``base`` (in its calendar)."""
    year = hijri_year(base) if hijri else base.year
    if year is None:
        return None
    make = hijri_value if hijri else day_value
    if direction not in (1, -1):
        return make(year, month, day)
    days = [make(y, month, day) for y in (year - 1, year, year + 1)]
    found = [d for d in days if d is not None]
    if direction == 1:
        return next((d for d in found if d >= base.isoformat()), None)
    return next((d for d in reversed(found) if d <= base.isoformat()), None)


def hijri_day_near(base: dt.date, days: tuple[tuple[int, int], ...], offset: int) -> str | None:
    """Of the Hijri days (month, day) moved by ``offset`` days, in the Hijri years around
    ``base``, the one nearest ``base`` («ثالث أيام العيد»: the third day of the nearest Eid)."""
    year = hijri_year(base)
    if year is None:
        return None
    best: tuple[int, str] | None = None
    for y in (year - 1, year, year + 1):
        for month, day in days:
            first = hijri_value(y, month, day)
            if first is None:
                continue
            when = dt.date.fromisoformat(first) + dt.timedelta(days=offset)
            distance = abs((when - base).days)
            if best is None or distance < best[0]:
                best = (distance, when.isoformat())
    return None if best is None else best[1]
