"""Publication timestamps as containers write them, turned into ISO 8601.

Feeds use RFC 822 dates, JSON exports ISO 8601 or day/month/year; what cannot
be read is returned as None rather than guessed.
"""

from __future__ import annotations

from datetime import datetime
from email.utils import parsedate_to_datetime

__all__ = ["to_iso"]

#: strptime formats tried after RFC 822 and ISO 8601, day before month (Arab world usage).
FORMATS: tuple[tuple[str, bool], ...] = (
    ("%d/%m/%Y", True),
    ("%d-%m-%Y", True),
    ("%Y/%m/%d", True),
    ("%Y-%m-%dT%H%M%S", False),
    ("%Y-%m-%d %H:%M", False),
    ("%d/%m/%Y %H:%M", False),
)


def to_iso(value: str | None) -> str | None:
    """``value`` as an ISO 8601 date or datetime, or None when it is not a timestamp."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return _by_formats(text)
    return parsed.date().isoformat() if len(text) == 10 else parsed.isoformat()


def _by_formats(text: str) -> str | None:
    for fmt, date_only in FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return parsed.date().isoformat() if date_only else parsed.isoformat()
    return None
