"""Pages from the server (no browser): marked-up article text, escaping, languages, forms."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from markupsafe import Markup

from marsad.web import WebConfig, create_app
from marsad.web.highlight import Mark, render_paragraphs, render_spans

from .web_support import TOKEN, build_archive


def test_marks_nest_and_everything_is_escaped() -> None:
    text = "قال <b>زيد</b>: «نعم & لا»"
    marks = [
        Mark(0, len(text), "q", "quote", (("title", '"><script>x</script>'),)),
        Mark(4, 14, "a", "ent", (("href", "/entity/x"),)),
        Mark(8, 20, "span", "date"),  # crosses the link: dropped
        Mark(50, 60, "span", "date"),  # out of range: dropped
    ]
    html = render_spans(text, marks)
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert "<script>" not in html and 'title="&#34;&gt;&lt;script&gt;' in html
    assert html.count("<span") == 0 and html.startswith('<q class="quote"')
    assert Markup(re.sub(r"<[^>]+>", "", str(html))).unescape() == text


def test_bidi_overrides_are_removed_and_paragraphs_split() -> None:
    text = "فقرة \u202eأولى\u202c\n\nفقرة ثانية"
    paragraphs = render_paragraphs(text, [Mark(0, len(text), "q", "quote")])
    assert len(paragraphs) == 2 and all(p.startswith("<q") for p in paragraphs)
    assert "\u202e" not in "".join(paragraphs)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, dict[str, Any]]]:
    db = str(tmp_path_factory.mktemp("pages") / "archive.db")
    records = build_archive(db)
    with TestClient(create_app(WebConfig(db=db, token=TOKEN))) as client:
        yield client, records


def test_article_page_marks_entities_quotes_amounts_dates_events(
    site: tuple[TestClient, dict[str, Any]],
) -> None:
    client, records = site
    meet = records["meeting"]
    page = client.get(f"/article/{meet.id}").text
    assert 'lang="ar" dir="rtl"' in page
    href = "/entity/%D8%A3%D8%AD%D9%85%D8%AF%20%D9%86%D8%A7%D8%B5%D8%B1"  # أحمد ناصر…
    assert f'<a class="ent ent-per" href="{href}' in page
    assert '<q class="quote quote-direct" id="q0"' in page
    assert '<span class="amount" title="10,000,000 USD">10 ملايين دولار</span>' in page
    assert '<span class="date" title="2024-03-12">12 مارس 2024</span>' in page
    assert 'class="evidence"' in page and "Ahmad Nasser Al-Mohammad Al-Sabah" in page
    assert "اقرأ أيضا" in page and records["follow"].title in page
    assert f"http://testserver/article/{meet.id}" in page  # permalink
    assert "mailto:?" in page and "https://t.me/share/url?url=" in page
    assert "<script" not in page.split("</head>")[1]


def test_english_labels_on_request_and_kept(site: tuple[TestClient, dict[str, Any]]) -> None:
    client, _ = site
    english = client.get("/?lang=en")
    assert 'lang="en" dir="ltr"' in english.text and "Latest stories" in english.text
    assert "Latest stories" in client.get("/").text  # the cookie keeps it
    assert "آخر القصص" in client.get("/?lang=ar").text


def test_search_page_highlights_and_facets(site: tuple[TestClient, dict[str, Any]]) -> None:
    client, _ = site
    page = client.get("/search", params={"q": "بغداد"}).text
    assert '<mark class="hl">' in page
    assert "/search?q=%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF&amp;source=kuna.example" in page
    assert "event_type=meeting" in page and "since=2024-03-01" in page


def test_entity_page_has_a_chart_and_a_network(site: tuple[TestClient, dict[str, Any]]) -> None:
    client, _ = site
    page = client.get("/entity/أحمد ناصر المحمد الصباح", params={"type": "PER"}).text
    assert '<svg class="chart"' in page and '<rect class="bar"' in page
    assert '<svg class="network"' in page and "فؤاد حسين (1)" in page
    assert "الشيخ" in page and "وزير الخارجية الكويتي" in page


def test_watchlist_forms_need_the_token(site: tuple[TestClient, dict[str, Any]]) -> None:
    client, _ = site
    form = {"name": "بغداد", "query": "بغداد", "token": "wrong"}
    assert client.post("/watchlists", data=form).status_code == 401
    made = client.post("/watchlists", data={**form, "token": TOKEN}, follow_redirects=False)
    assert made.status_code == 303
    page = client.get(made.headers["location"])
    assert page.status_code == 200 and "feed.atom" in page.text
    gone = client.post(made.headers["location"] + "/delete", data={"token": TOKEN},
                       follow_redirects=False)  # fmt: skip
    assert gone.status_code == 303
