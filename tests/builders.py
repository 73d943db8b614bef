"""Realistic inputs made by the tests themselves: pages, WARC files, feeds."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad import Article
from marsad.stages import content_id

TITLE = "وزير الصحة يفتتح مستشفى جديدا في الزرقاء"
PARAGRAPHS = [
    "افتتح وزير الصحة الدكتور سامر الخطيب، اليوم الأحد، مستشفى الزرقاء الجديد بسعة 300 سرير.",
    "وقال الخطيب إن المستشفى سيخدم أكثر من مليون مواطن في المحافظة والمناطق المحيطة بها.",
    "وأضاف: «كلفة المشروع بلغت 45 مليون دينار، وتم تمويله بالشراكة مع الصندوق الكويتي للتنمية».",
    "ومن المقرر أن يبدأ المستشفى استقبال المرضى مطلع أيار/مايو المقبل بعد استكمال تجهيزاته.",
]


def page(charset: str = "utf-8", *, meta: bool = True, closed: bool = True) -> str:
    """A news page with navigation, share bar, related links and a comment notice."""
    head = f'<meta charset="{charset}">' if meta else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head>{head}
<title>{TITLE} - صحيفة الأنباء</title>
<meta name="description" content="المستشفى يضم 300 سرير ويخدم محافظة الزرقاء">
<meta property="article:published_time" content="2024-03-10T08:00:00+03:00">
</head><body>
<nav><a href="/">الرئيسية</a> <a href="/local">محليات</a> <a href="/sport">رياضة</a></nav>
<article><h1>{TITLE}</h1><div class="byline">عمان - بترا</div>
<div class="article-body">{paragraphs}</div></article>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/1">ارتفاع أسعار الذهب في السوق المحلية</a></li>
<li><a href="/2">منتخب النشامى يستعد لمباراة الحسم</a></li></ul></aside>
<div class="share">شارك: فيسبوك تويتر واتساب</div>
<footer>جميع الحقوق محفوظة © 2024 صحيفة الأنباء</footer>
"""
    return html + ("</body></html>" if closed else "")


def warc_bytes(pages: list[tuple[str, str, bytes]], *, gzipped: bool = True) -> bytes:
    """A WARC with a request and a response per (url, content type, payload) page."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for url, content_type, payload in pages:
        request = StatusAndHeaders(
            "GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True
        )
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def art(title: str, body: str, *, source: str = "wire", published: str | None = "2024-03-10",
        **facts: object) -> Article:  # fmt: skip
    """An article record with its archive id, facts given by field (entities=[...], ...)."""
    a = Article(source=source, title=title, body=body, published=published, **facts)  # type: ignore[arg-type]
    a.id = content_id(a.title, a.body)
    return a
