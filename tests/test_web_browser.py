"""The web UI in a real browser (Debian's Chromium, headless, through Playwright).

One server and one browser for the module. The flow a reader follows: search, open an article,
follow an entity, see «read also», create a watchlist and read its feed; screenshots of the
article and entity pages go to ``build/screenshots``. Then fifty XSS payloads, ingested into
titles, bodies, entity names, quotes, sources, links and watchlists, must not run anywhere.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote
from xml.etree import ElementTree as ET

import pytest

from marsad import Article, Entity, Event, Mention, Quote, Role
from marsad.archive import Archive, watchlists
from marsad.web import WebConfig, create_app
from marsad.web.highlight import clean_text

from .conftest import ROOT
from .web_support import (
    CHROMIUM_FLAGS,
    TOKEN,
    build_archive,
    ensure_chromium,
    finish,
    live_server,
    span,
)

playwright = pytest.importorskip("playwright.sync_api")

SCREENSHOTS = ROOT / "build" / "screenshots"
MARK = "window.__xss=1"

PAYLOADS = [
    f"<script>{MARK}</script>",
    f'<img src=x onerror="{MARK}">',
    f'<svg onload="{MARK}">',
    f"<svg><script>{MARK}</script></svg>",
    '<iframe src="javascript:top.__xss=1"></iframe>',
    f'<a href="javascript:{MARK}">اضغط</a>',
    f"<body onload={MARK}>",
    f"<input autofocus onfocus={MARK}>",
    f"<details open ontoggle={MARK}>",
    f'<video><source onerror="{MARK}"></video>',
    f"<audio src=x onerror={MARK}>",
    f'"><script>{MARK}</script>',
    f"'><img src=x onerror={MARK}>",
    f"</title><script>{MARK}</script>",
    f"</textarea><script>{MARK}</script>",
    f"</q><script>{MARK}</script>",
    f"<scr<script>ipt>{MARK}</scr</script>ipt>",
    f"<SCRIPT SRC=data:text/javascript,{MARK}></SCRIPT>",
    f"<script>/*<!--*/{MARK}//--></script>",
    f"&lt;script&gt;{MARK}&lt;/script&gt;",
    f"&#60;img src=x onerror={MARK}&#62;",
    f"%3Cscript%3E{MARK}%3C/script%3E",
    f"\\u003cscript\\u003e{MARK}\\u003c/script\\u003e",
    '<img src="x" onerror="&#119;indow.__xss=1">',
    f"<math><mtext><table><mglyph><style><img src=x onerror={MARK}>",
    f'<object data="javascript:{MARK}"></object>',
    f'<embed src="javascript:{MARK}">',
    f'<form action="javascript:{MARK}"><button>x</button></form>',
    f'<meta http-equiv="refresh" content="0;url=javascript:{MARK}">',
    f'<base href="javascript:{MARK}//">',
    f'<link rel=stylesheet href="javascript:{MARK}">',
    f'<style>@import "javascript:{MARK}";</style>',
    f'<div style="background:url(javascript:{MARK})">x</div>',
    f"<marquee onstart={MARK}>x</marquee>",
    f"<svg><animate onbegin={MARK} attributeName=x dur=1s>",
    f'<svg><a xlink:href="javascript:{MARK}"><text>x</text></a></svg>',
    "<img src=x:alert(1) onerror=eval(src)>",
    "<script>alert(document.domain)</script>",
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    f"\u202e<script>{MARK}</script>",
    "\u202egpj.exe المرفق",
    f"\u2066<img src=x onerror={MARK}>\u2069",
    f'<noscript><p title="</noscript><img src=x onerror={MARK}>">',
    f"<template><script>{MARK}</script></template>",
    f"<img src=`x` onerror={MARK}>",
    f"{{{{7*7}}}}<script>{MARK}</script>",
    '<a href="jav&#x09;ascript:window.__xss=1">x</a>',
    f"<svg><set attributeName=onmouseover to={MARK}>",
    f"<img srcset=x onerror={MARK}>",
]

# Whatever the page, nothing of this may be in its DOM: only our own script, no handlers.
_DOM_CHECK = """() => {
  const bad = [];
  for (const s of document.querySelectorAll('script')) {
    if (s.getAttribute('src') !== '/static/marsad.js') bad.push('script: ' + s.outerHTML.slice(0, 80));
  }
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const v = a.value.replace(/[\\s\\x00-\\x1f]/g, '').toLowerCase();
      if (a.name.startsWith('on')) bad.push('handler: ' + a.name);
      if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(a.name)
          && (v.startsWith('javascript:') || v.startsWith('data:text'))) bad.push('url: ' + a.value);
      if (a.name === 'style' || a.name === 'srcdoc') bad.push('attr: ' + a.name);
    }
  }
  for (const tag of ['iframe', 'object', 'embed', 'base', 'meta[http-equiv]', 'link[href^=java]',
                     'style', 'img', 'video', 'audio', 'math', 'template', 'form[action^=java]',
                     'animate', 'set', 'marquee', 'noscript', 'svg script']) {
    if (document.querySelector(tag)) bad.push('element: ' + tag);
  }
  if (document.body.innerText.includes('\\u202e')) bad.push('bidi override shown');
  if (window.__xss !== undefined || (top && top.__xss !== undefined)) bad.push('executed');
  return bad;
}"""


def _xss_article(i: int, payload: str) -> Article:
    a = Article(
        source=f"src{i} {payload}"[:80],
        url=payload if payload.startswith(("javascript:", "data:")) else f"javascript:{MARK}",
        published=f"2024-05-{1 + i % 28:02d}",
        title=f"اختبار أمني {i} {payload}",
        lead=f"مقدمة {payload}",
        body=f"هذا نص اختبار أمني رقم {i} للصفحات.\n\nقال المتحدث {payload} في البيان.\n\n"
        f"ورد الاسم {payload} مرة أخرى.",
    )
    where = span(a, "body", payload)
    m = Mention(*where)  # type: ignore[arg-type]
    a.entities = [
        Entity("e1", "PER", f"{payload} {i}", payload, [payload], [Role(payload, None, payload)],
               [m]),
        Entity("e2", payload[:10], "طرف آخر", None, [], [], [Mention(*span(a, "body", payload, 1))]),  # type: ignore[arg-type]
    ]  # fmt: skip
    a.quotes = [Quote("e1", payload, payload, "direct", False, payload, *where[:3])]  # type: ignore[arg-type]
    a.events = [Event(payload[:20], m, agent="e1", participants=["e1", "e2"], date=payload[:10])]
    return finish(a)


@pytest.fixture(scope="module")
def browser_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    chromium = ensure_chromium()
    _ensure_arabic_fonts()
    db = str(tmp_path_factory.mktemp("browser") / "archive.db")
    records = build_archive(db)
    xss = [_xss_article(i, p) for i, p in enumerate(PAYLOADS)]
    with Archive(db) as archive:
        archive.add(xss)
        archive.build_stories()
        for p in PAYLOADS[:5]:
            watchlists.create(archive, p, "اختبار", {"source": p[:20]})
    app = create_app(WebConfig(db=db, token=TOKEN))
    with live_server(app) as base, playwright.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(chromium),
            args=CHROMIUM_FLAGS,  # launch() gives each browser a fresh temporary profile
        )
        try:
            yield {"base": base, "browser": browser, "xss": xss, "db": db, **records}
        finally:
            browser.close()


def _ensure_arabic_fonts() -> None:
    if not shutil.which("fc-list"):
        return
    found = subprocess.run(["fc-list", ":lang=ar"], capture_output=True, text=True, check=False)
    if "Noto" not in found.stdout and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "fonts-noto-core"], capture_output=True,
                       check=False, timeout=600)  # fmt: skip


@pytest.fixture
def page(browser_site: dict[str, Any]) -> Iterator[Any]:
    context = browser_site["browser"].new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.csp = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: page.csp.append(m.text) if "Content Security" in m.text else None)
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_search_article_entity_related_watchlist_feed(
    browser_site: dict[str, Any], page: Any
) -> None:
    base, meet, follow = browser_site["base"], browser_site["meeting"], browser_site["follow"]
    page.goto(base + "/")
    page.fill(".bigsearch input[name=q]", "بغداد")
    page.click(".bigsearch button")
    page.wait_for_url("**/search?q=*")
    assert page.locator(".hit").count() == 3
    assert page.locator(".hit mark.hl").count() >= 3
    assert page.locator(".facet").count() >= 4
    page.click(f"a.headline[href='/article/{meet.id}']")
    page.wait_for_url(f"**/article/{meet.id}")
    assert page.locator("h1.title").inner_text() == meet.title
    assert page.locator("article q.quote").count() == 1
    assert page.locator("#events li").count() == 2
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "article.png"), full_page=True)
    related = page.locator("#related a", has_text=follow.title)
    assert related.count() == 1
    page.locator("article .body a.ent-per").first.click()
    page.wait_for_url("**/entity/**")
    assert "أحمد ناصر المحمد الصباح" in page.locator("h1").inner_text()
    assert page.locator("svg.chart rect.bar").count() >= 1
    assert page.locator("svg.network a").count() == 1
    page.screenshot(path=str(SCREENSHOTS / "entity.png"), full_page=True)
    page.go_back()
    page.locator("#related a", has_text=follow.title).click()
    page.wait_for_url(f"**/article/{follow.id}")

    page.goto(base + "/watchlists")
    page.fill("input[name=name]", "العلاقات مع العراق")
    page.fill("input[name=query]", "العلاقات")
    page.fill("input[name=token]", TOKEN)
    page.click(".watch-form button")
    page.wait_for_url("**/watchlists/*")
    feed_href = page.locator("a.feed").get_attribute("href")
    feed = page.request.get(base + feed_href)
    assert feed.ok and feed.headers["content-type"].startswith("application/atom+xml")
    atom = "{http://www.w3.org/2005/Atom}"
    titles = {e.findtext(f"{atom}title") for e in ET.fromstring(feed.body()).iter(f"{atom}entry")}
    assert titles == {meet.title, follow.title}
    assert not page.dialogs and not page.csp


def test_arabic_is_shaped(browser_site: dict[str, Any], page: Any) -> None:
    """Joined letters (shaped) are narrower than the same letters kept apart by ZWNJ."""
    page.goto(browser_site["base"] + "/")
    widths = page.evaluate("""() => {
      const make = (text) => { const s = document.createElement('span'); s.textContent = text;
        document.body.appendChild(s); return s.getBoundingClientRect().width; };
      return [make('محمد المستشفى'), make('م\\u200cح\\u200cم\\u200cد ا\\u200cل\\u200cم\\u200cس\\u200cت\\u200cش\\u200cف\\u200cى')];
    }""")  # fmt: skip
    assert widths[0] > 0 and abs(widths[0] - widths[1]) > 2, widths


def test_no_xss_payload_runs_anywhere(browser_site: dict[str, Any], page: Any) -> None:
    base, xss = browser_site["base"], browser_site["xss"]
    paths = ["/", "/stories", "/quotes", "/events", "/watchlists",
             "/search?q=" + quote("اختبار أمني"), "/search?q=" + quote("اختبار أمني") + "&page=2",
             "/search?q=" + quote("اختبار أمني") + "&page=3"]  # fmt: skip
    paths += [f"/article/{a.id}" for a in xss]
    paths += [f"/entity/{quote(a.entities[0].name, safe='')}" for a in xss]
    paths += [f"/watchlists/{w.id}" for w in _watchlists(browser_site)]
    problems = {}
    titles = {f"/article/{a.id}": a.title for a in xss}
    for path in paths:
        response = page.goto(base + path)
        assert response is not None and response.status == 200, path
        found = page.evaluate(_DOM_CHECK)
        if found:
            problems[path] = found
        if path in titles:  # the payload is there, shown as text
            shown = page.locator("h1.title").inner_text()
            assert shown == clean_text(titles[path]).strip(), path
    assert not problems
    assert not page.dialogs and not page.csp
    assert len(PAYLOADS) == 50


def _watchlists(site: dict[str, Any]) -> list[watchlists.Watchlist]:
    with Archive(site["db"]) as archive:
        return watchlists.list_all(archive.store)


def test_the_checker_sees_what_unescaped_payloads_would_do(page: Any) -> None:
    """The DOM check above is not blind: raw payloads in a page are caught."""
    for payload in (PAYLOADS[1], PAYLOADS[5], PAYLOADS[28], PAYLOADS[41]):
        page.set_content(f"<html><body><p>{payload}</p></body></html>")
        assert page.evaluate(_DOM_CHECK), payload
