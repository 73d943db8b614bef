"""Build examples/warc/crawl.warc.gz, the small WARC file that ``make demo`` reads.

The file imitates a Common Crawl segment: WARC/1.1, every record gzipped as its own
member. It holds a ``warcinfo`` record; a ``request``/``response`` pair for each of two
Arabic news pages (one served as windows-1256, one as UTF-8); a ``response`` for an
image; and a ``response`` for a page that answered 404 (Marsad must skip the last two).

The articles are fictional and were written for these examples. The output is
deterministic (fixed record ids, dates and gzip headers), so running the script again
gives the same bytes with the same Python and zlib. Standard library only.

    python examples/make_warc.py
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import uuid
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent / "warc" / "crawl.warc.gz"
NAMESPACE = uuid.UUID("6f1c2a9e-4b1d-4c55-9a63-0d2f4e8b7a10")
CRAWLER = "marsad-examples/0.1 (+https://example.org/marsad)"

EGYPT_URL = "https://www.example.com/eg/economy/2024/03/24/non-oil-exports.html"
EGYPT_HTML = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>صادرات مصر غير البترولية ترتفع إلى 3.4 مليار دولار في فبراير - بوابة الاقتصاد</title>
<meta name="description" content="المجالس التصديرية تتوقع استمرار النمو مع تحسن الطلب في الأسواق الأفريقية والعربية">
<meta name="author" content="هبة السيد">
<meta property="article:published_time" content="2024-03-24T12:00:00+02:00">
</head>
<body>
<div id="header">
  <a href="/" class="logo">بوابة الاقتصاد</a>
  <ul class="nav">
    <li><a href="/">الرئيسية</a></li>
    <li><a href="/eg/economy">اقتصاد مصري</a></li>
    <li><a href="/markets">أسواق</a></li>
    <li><a href="/banks">بنوك</a></li>
  </ul>
</div>
<div id="content">
  <h1>صادرات مصر غير البترولية ترتفع إلى 3.4 مليار دولار في فبراير</h1>
  <div class="byline">القاهرة - هبة السيد</div>
  <div class="date">الأحد 24 مارس 2024</div>
  <div class="story">
    <p>ارتفعت قيمة الصادرات المصرية غير البترولية إلى نحو 3.4 مليار دولار خلال شهر فبراير الماضي، مقابل 2.9 مليار دولار في الشهر نفسه من العام السابق، بزيادة نسبتها 17 بالمئة، وفقا لبيانات أولية أصدرتها وزارة التجارة والصناعة الأحد.</p>
    <p>وأوضحت الوزارة في بيانها أن مواد البناء والصناعات الكيماوية والأسمدة تصدرت قائمة القطاعات الأكثر نموا، تلتها الصناعات الغذائية والحاصلات الزراعية، فيما سجلت صادرات الملابس الجاهزة تراجعا طفيفا بسبب تباطؤ الطلب في الأسواق الأوروبية.</p>
    <p>وقال رئيس أحد المجالس التصديرية، محمود عبد الحميد، إن الشركات المصرية «استفادت من تحسن القدرة التنافسية للمنتج المحلي في الأسواق الأفريقية والعربية»، مشيرا إلى أن الصادرات إلى دول القارة الأفريقية ارتفعت بنحو 25 بالمئة.</p>
    <p>وأضاف عبد الحميد: «ما زلنا نواجه تحديات في تكاليف الشحن ومدة الإفراج الجمركي عن مستلزمات الإنتاج، ونأمل أن تسهم الإجراءات الحكومية الأخيرة في تسريع دورة التصدير».</p>
    <p>وكانت الحكومة قد أعلنت في وقت سابق صرف 1.5 مليار جنيه من مستحقات المصدرين المتأخرة ضمن برنامج رد الأعباء التصديرية، إلى جانب خفض رسوم بعض الخدمات في الموانئ بنسبة 15 بالمئة.</p>
    <p>وتستهدف الحكومة رفع قيمة الصادرات غير البترولية إلى 100 مليار دولار سنويا خلال السنوات المقبلة، عبر جذب استثمارات صناعية جديدة وتوسيع الاتفاقيات التجارية مع الأسواق الناشئة.</p>
  </div>
  <div class="share">شارك: <a href="#">فيسبوك</a> | <a href="#">تويتر</a> | <a href="#">واتساب</a></div>
  <div class="related">
    <h3>أخبار ذات صلة</h3>
    <a href="/eg/economy/2024/03/20/inflation.html">تراجع معدل التضخم السنوي في المدن المصرية</a>
    <a href="/eg/economy/2024/03/18/suez.html">إيرادات قناة السويس خلال الأسبوع الماضي</a>
  </div>
</div>
<div id="footer">جميع الحقوق محفوظة © 2024 بوابة الاقتصاد</div>
</body>
</html>
"""

SAUDI_URL = "https://sport.example.net/saudi/2024/03/26/jeddah-ramadan-cup-final"
SAUDI_HTML = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>«نجوم البلد» يتوج بلقب بطولة جدة الرمضانية لكرة القدم | الملاعب</title>
<meta name="description" content="البطولة شهدت مشاركة 48 فريقا من أحياء المحافظة وحضورا جماهيريا تجاوز 20 ألف متفرج على مدى أسبوعين">
<meta property="article:published_time" content="2024-03-26T01:15:00+03:00">
</head>
<body>
<header class="masthead">
  <a href="/" class="brand">الملاعب</a>
  <nav><a href="/saudi">الكرة السعودية</a> <a href="/arab">عربية</a> <a href="/world">عالمية</a> <a href="/videos">فيديو</a></nav>
</header>
<main>
  <article>
    <h1>«نجوم البلد» يتوج بلقب بطولة جدة الرمضانية لكرة القدم</h1>
    <p class="meta">جدة - سلطان المطيري | <time datetime="2024-03-26T01:15:00+03:00">26 مارس 2024</time></p>
    <section class="content">
      <p>توج فريق «نجوم البلد» بلقب بطولة جدة الرمضانية لكرة القدم في نسختها الحادية عشرة، بعد فوزه على فريق «شباب الصفا» بثلاثة أهداف مقابل هدف واحد، في المباراة النهائية التي أقيمت مساء الاثنين 15 رمضان 1445هـ الموافق 25 مارس 2024.</p>
      <p>وتقدم «شباب الصفا» بهدف مبكر في الدقيقة السابعة، قبل أن يعادل «نجوم البلد» النتيجة قبل نهاية الشوط الأول، ثم يضيف هدفين في الشوط الثاني، وسط حضور جماهيري ملأ مدرجات الملعب حتى ساعة متأخرة من الليل.</p>
      <p>وقال مدير البطولة عبدالرحمن الغامدي إن نسخة هذا العام شهدت مشاركة 48 فريقا من أحياء محافظة جدة، وإن عدد الحضور على مدى أسبوعين تجاوز 20 ألف متفرج، وهو رقم قياسي منذ انطلاق البطولة.</p>
      <p>وأضاف الغامدي: «البطولات الرمضانية أصبحت جزءا من ليالي جدة، وهي فرصة حقيقية لاكتشاف المواهب الشابة التي لم تجد طريقها بعد إلى الأندية».</p>
      <p>وبلغ مجموع جوائز البطولة 500 ألف ريال، حصل الفريق البطل منها على 200 ألف ريال، فيما نال لاعب «نجوم البلد» فيصل العمري جائزة أفضل لاعب في البطولة بعد تسجيله تسعة أهداف.</p>
      <p>وأكدت اللجنة المنظمة أن 15 بالمئة من إيرادات التذاكر ستخصص لدعم جمعيات خيرية في المحافظة، وأن التحضير للنسخة المقبلة سيبدأ مبكرا بمشاركة أندية من مدن أخرى في منطقة مكة المكرمة.</p>
    </section>
    <div class="share-tools"><span>شارك الخبر</span> <a href="#">X</a> <a href="#">سناب شات</a> <a href="#">واتساب</a></div>
  </article>
  <aside><h2>الأكثر مشاهدة</h2><a href="/saudi/2024/03/25/schedule">جدول مباريات الجولة المقبلة من دوري الدرجة الأولى</a></aside>
</main>
<footer>© 2024 الملاعب. جميع الحقوق محفوظة</footer>
</body>
</html>
"""

IMAGE_URL = "https://www.example.com/uploads/2024/03/port-containers.jpg"
IMAGE_BYTES = (
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    b"\xff\xdb\x00C\x00" + bytes(range(64)) + b"\xff\xd9"
)

MISSING_URL = "https://www.example.com/eg/economy/2024/03/23/removed-story.html"
MISSING_HTML = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>الصفحة غير موجودة</title></head>
<body><h1>عذرا، الصفحة التي تبحث عنها غير موجودة</h1>
<p>ربما تم حذف الصفحة أو تغيير عنوانها. <a href="/">العودة إلى الصفحة الرئيسية</a></p></body>
</html>
"""


def record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(NAMESPACE, name)}>"


def digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def http_response(status: str, content_type: str, body: bytes, date: str) -> tuple[bytes, bytes]:
    head = (
        f"HTTP/1.1 {status}\r\n"
        f"Date: {date}\r\n"
        "Server: nginx\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Connection: close\r\n"
        "\r\n"
    )
    return head.encode("ascii") + body, body


def http_request(url: str) -> bytes:
    host, _, path = url.partition("://")[2].partition("/")
    head = (
        f"GET /{path} HTTP/1.1\r\n"
        f"Host: {host}\r\n"
        f"User-Agent: {CRAWLER}\r\n"
        "Accept: text/html,application/xhtml+xml,*/*;q=0.8\r\n"
        "Accept-Language: ar,en;q=0.5\r\n"
        "Connection: close\r\n"
        "\r\n"
    )
    return head.encode("ascii")


def warc_record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    lines = ["WARC/1.1", *(f"{name}: {value}" for name, value in headers)]
    lines.append(f"Content-Length: {len(block)}")
    head = "\r\n".join(lines) + "\r\n\r\n"
    record = head.encode("utf-8") + block + b"\r\n\r\n"
    return gzip.compress(record, compresslevel=9, mtime=0)


def build() -> bytes:
    info_id = record_id("warcinfo")
    info_block = (
        b"software: marsad-examples make_warc.py\r\n"
        b"format: WARC File Format 1.1\r\n"
        b"conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
        b"isPartOf: marsad-examples\r\n"
        b"description: Fictional Arabic news pages for the Marsad demo\r\n"
        b"robots: obey\r\n"
    )
    out = [
        warc_record(
            [
                ("WARC-Type", "warcinfo"),
                ("WARC-Date", "2024-03-26T08:00:00Z"),
                ("WARC-Record-ID", info_id),
                ("WARC-Filename", "crawl.warc.gz"),
                ("Content-Type", "application/warc-fields"),
            ],
            info_block,
        )
    ]

    pages = [
        (
            EGYPT_URL,
            "2024-03-26T08:01:12Z",
            "Tue, 26 Mar 2024 08:01:12 GMT",
            "text/html; charset=windows-1256",
            EGYPT_HTML.encode("cp1256"),
            "200 OK",
            True,
        ),
        (
            SAUDI_URL,
            "2024-03-26T08:02:40Z",
            "Tue, 26 Mar 2024 08:02:40 GMT",
            "text/html; charset=utf-8",
            SAUDI_HTML.encode("utf-8"),
            "200 OK",
            True,
        ),
        (
            IMAGE_URL,
            "2024-03-26T08:03:05Z",
            "Tue, 26 Mar 2024 08:03:05 GMT",
            "image/jpeg",
            IMAGE_BYTES,
            "200 OK",
            False,
        ),
        (
            MISSING_URL,
            "2024-03-26T08:03:30Z",
            "Tue, 26 Mar 2024 08:03:30 GMT",
            "text/html; charset=utf-8",
            MISSING_HTML.encode("utf-8"),
            "404 Not Found",
            False,
        ),
    ]
    for url, warc_date, http_date, content_type, body, status, with_request in pages:
        response_id = record_id(f"response {url}")
        if with_request:
            request = http_request(url)
            out.append(
                warc_record(
                    [
                        ("WARC-Type", "request"),
                        ("WARC-Target-URI", url),
                        ("WARC-Date", warc_date),
                        ("WARC-Record-ID", record_id(f"request {url}")),
                        ("WARC-Concurrent-To", response_id),
                        ("WARC-Warcinfo-ID", info_id),
                        ("Content-Type", "application/http; msgtype=request"),
                        ("WARC-Block-Digest", digest(request)),
                    ],
                    request,
                )
            )
        block, payload = http_response(status, content_type, body, http_date)
        out.append(
            warc_record(
                [
                    ("WARC-Type", "response"),
                    ("WARC-Target-URI", url),
                    ("WARC-Date", warc_date),
                    ("WARC-Record-ID", response_id),
                    ("WARC-Warcinfo-ID", info_id),
                    ("WARC-IP-Address", "192.0.2.10"),
                    ("Content-Type", "application/http; msgtype=response"),
                    ("WARC-Block-Digest", digest(block)),
                    ("WARC-Payload-Digest", digest(payload)),
                ],
                block,
            )
        )
    return b"".join(out)


def main() -> None:
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(build())
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
