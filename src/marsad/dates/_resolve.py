"""Turning what a date expression says into an ISO 8601 value (TIMEX3 conventions).

Values have the precision the text gives: ``2020-05-15`` (a day), ``2020-W20`` (a week),
``2020-05`` (a month), ``2020`` (a year). Relative expressions are resolved against the
publication day; without one they stay unresolved (``None``).
"""

from __future__ import annotations

import datetime as dt

from hijridate import Hijri

__all__ = [
    "day_value",
    "hijri_value",
    "month_in_context",
    "month_value",
    "parse_published",
    "shift",
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
