"""A watchlist's Atom feed: each entry carries its own article's time, so readers can sort.

All the matches of a new watchlist are recorded at one moment; the entries must still say
when each article was published (``published``, and ``updated`` the same until it changes),
not that moment. Parsed with feedparser, as a feed reader would.
"""

from __future__ import annotations

import calendar
from datetime import datetime
from pathlib import Path

import feedparser
import pytest

from marsad.archive import Archive, watchlists
from marsad.web.atom import atom_feed

from .conftest import EXAMPLES

BASE = "http://marsad.example"


def _epoch(iso: str) -> int:
    return int(datetime.fromisoformat(iso).timestamp())


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("feeds")
    undated = folder / "undated.txt"
    undated.write_text(
        "مصر تفتتح معرضا للكتاب\n\nالمعرض يستمر أسبوعا.\n\nافتتحت مصر معرضا للكتاب في القاهرة.",
        encoding="utf-8",
    )
    db = folder / "archive.db"
    with Archive(str(db)) as store:
        store.ingest([EXAMPLES / "feeds", undated], workers=1, stories=False)
    return db


def _feed(db: Path) -> tuple[feedparser.FeedParserDict, dict[str, str | None]]:
    with Archive(str(db)) as store:
        watch = watchlists.create(store, "مصر", "مصر")
        entries = watchlists.feed_entries(store, watch)
        published = {f"urn:marsad:article:{e.article.id}": e.article.published for e in entries}
        body = atom_feed(watch, entries, BASE)
    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed, published


def test_entries_of_a_new_watchlist_carry_their_articles_times(archive: Path) -> None:
    parsed, published = _feed(archive)
    dated = [e for e in parsed.entries if published[e.id]]
    assert len(dated) >= 3, [e.title for e in parsed.entries]
    for entry in dated:
        own = _epoch(str(published[entry.id]))
        assert calendar.timegm(entry.published_parsed) == own, entry.title
        assert calendar.timegm(entry.updated_parsed) == own, entry.title
    # distinct times, as the articles were published: a reader can order them
    assert len({calendar.timegm(e.updated_parsed) for e in dated}) == len(dated)


def test_entries_come_newest_first_and_the_feed_says_when_it_last_matched(archive: Path) -> None:
    parsed, published = _feed(archive)
    times = [calendar.timegm(e.updated_parsed) for e in parsed.entries if published[e.id]]
    assert times == sorted(times, reverse=True)
    assert parsed.feed.updated_parsed is not None


def test_an_article_without_a_date_is_dated_by_the_match(archive: Path) -> None:
    parsed, published = _feed(archive)
    undated = [e for e in parsed.entries if not published[e.id]]
    assert [e.title for e in undated] == ["مصر تفتتح معرضا للكتاب"]
    assert "published_parsed" not in undated[0]
    assert undated[0].updated_parsed == parsed.feed.updated_parsed
