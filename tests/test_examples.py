"""The bundled examples (written by the project) give what their README says."""

from __future__ import annotations

import pytest

from marsad import Article, extract

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    batch = extract(EXAMPLES)
    assert not batch.rejections, batch.rejections
    return {(a.url or a.source).rsplit("/", 1)[-1]: a for a in batch.articles}


def paragraphs(article: Article) -> list[str]:
    return article.body.split("\n\n")


def test_every_example_is_read_and_nothing_else(articles: dict[str, Article]) -> None:
    assert len(articles) == 15  # 3 text + 2 html + 3 rss + 2 atom + 3 jsonl + 2 warc


def test_text_dump_with_byline_caption_related_block_and_crosshead(
    articles: dict[str, Article],
) -> None:
    article = articles["amman-hospital.txt"]
    assert article.title == "افتتاح مستشفى حكومي جديد في شرق عمان بكلفة 48 مليون دينار"
    assert article.lead and article.lead.startswith("المستشفى يضم 320 سريرا")
    assert len(paragraphs(article)) == 8
    assert "خطة للتوسع" in paragraphs(article), "a crosshead is article text"
    assert article.boilerplate == [
        "عمان - بترا",
        "(صورة أرشيفية) وزير الصحة خلال جولة سابقة في أحد المستشفيات الحكومية",
        "اقرأ أيضا:",
        "تمديد ساعات عمل المراكز الصحية الشاملة خلال شهر رمضان",
        "ارتفاع أعداد المتبرعين بالدم في الأردن خلال عام 2023",
        "إطلاق حملة وطنية للكشف المبكر عن سرطان الثدي في المحافظات",
        "شارك",
        "• طباعة",
        "أرسل لصديق",
    ]


def test_text_dump_with_blank_lines_between_paragraphs(articles: dict[str, Article]) -> None:
    article = articles["rabat-rain.txt"]
    assert len(paragraphs(article)) == 8
    assert len(article.boilerplate) == 6
    assert article.boilerplate[-1] == "تابعونا على فيسبوك وتويتر"


def test_windows_1256_page(articles: dict[str, Article]) -> None:
    article = articles["oman-fisheries.html"]
    assert article.title.startswith("ارتفاع قيمة الصادرات السمكية العمانية")
    assert "جريدة الوطن" not in article.title
    assert article.published == "2024-03-26T09:30:00+04:00"
    assert len(paragraphs(article)) == 7
    assert article.lead and article.lead.startswith("وزارة الثروة الزراعية والسمكية")
    for furniture in ("الأكثر قراءة", "جميع الحقوق محفوظة", "أضف تعليقك", "مسقط - خالد الحارثي"):
        assert furniture not in article.body


def test_div_layout_page_with_related_box(articles: dict[str, Article]) -> None:
    article = articles["municipales-partielles"]
    assert article.published == "2024-02-05T18:40:00+01:00"
    assert len(paragraphs(article)) == 7
    assert "مشاهدة" not in article.body and not article.body.startswith(article.title)


def test_feeds(articles: dict[str, Article]) -> None:
    rss = [
        a for a in articles.values() if a.source == "example.org" and a.url and "/2024/03/" in a.url
    ]
    assert len(rss) >= 3
    assert all(a.lead and len(paragraphs(a)) == 5 for a in rss)


def test_jsonl_wire_with_inline_related_headlines(articles: dict[str, Article]) -> None:
    article = articles["karbala-solar-plant"]
    assert article.source == "example-wire"
    assert len(paragraphs(article)) == 6
    assert article.boilerplate == [
        "العراق والأردن يبحثان تسريع مشروع الربط الكهربائي",
        "انخفاض ساعات القطع المبرمج في بغداد مع اعتدال درجات الحرارة",
        "*نقلاً عن صحيفة «الرافدين» البغدادية",
    ]


def test_warc_pages(articles: dict[str, Article]) -> None:
    egypt, saudi = articles["non-oil-exports.html"], articles["jeddah-ramadan-cup-final"]
    assert egypt.source == "www.example.com" and saudi.source == "sport.example.net"
    assert len(paragraphs(egypt)) == len(paragraphs(saudi)) == 6
    assert not saudi.body.startswith(saudi.title)


def test_every_span_points_at_its_text(articles: dict[str, Article]) -> None:
    for article in articles.values():
        for where, field, start, end, text in article.spans():
            assert article.field_text(field)[start:end] == text, (article.source, where)
        assert article.to_dict() == Article.from_dict(article.to_dict()).to_dict()
