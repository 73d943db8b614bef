"""The interface's words in Arabic (the default) and English (``?lang=en``).

Labels are data: each key maps to its Arabic and English text. Entity and event types, whose
codes come from the record (``PER``, ``meeting``...), have names of their own; an unknown code is
shown as it is.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["LANGS", "Lang", "entity_type_name", "event_type_name", "labels"]

Lang = Literal["ar", "en"]
LANGS: tuple[Lang, ...] = ("ar", "en")

_LABELS: dict[str, tuple[str, str]] = {
    "site": ("مرصد", "Marsad"),
    "tagline": ("مرصد الأخبار العربية", "Arabic news observatory"),
    "home": ("الرئيسية", "Home"),
    "search": ("بحث", "Search"),
    "search_placeholder": ("ابحث في الأرشيف…", "Search the archive…"),
    "latest_stories": ("آخر القصص", "Latest stories"),
    "stories": ("القصص", "Stories"),
    "story": ("قصة", "Story"),
    "articles_in_story": ("مقالات في القصة", "articles in the story"),
    "quotes": ("الاقتباسات", "Quotes"),
    "events": ("الأحداث", "Events"),
    "watchlists": ("قوائم المتابعة", "Watchlists"),
    "results": ("نتيجة", "results"),
    "results_more": ("أكثر من", "more than"),
    "no_results": ("لا نتائج.", "No results."),
    "filters": ("تصفية", "Filters"),
    "sources": ("المصادر", "Sources"),
    "source": ("المصدر", "Source"),
    "entities": ("الكيانات", "Entities"),
    "entity_types": ("أنواع الكيانات", "Entity types"),
    "event_types": ("أنواع الأحداث", "Event types"),
    "dates": ("التواريخ", "Dates"),
    "since": ("من تاريخ", "Since"),
    "until": ("إلى تاريخ", "Until"),
    "entity": ("كيان", "Entity"),
    "speaker": ("المتحدث", "Speaker"),
    "agent": ("الفاعل", "Agent"),
    "type": ("النوع", "Type"),
    "all": ("الكل", "All"),
    "clear_filters": ("إزالة التصفية", "Clear filters"),
    "previous": ("السابق", "Previous"),
    "next": ("التالي", "Next"),
    "published": ("تاريخ النشر", "Published"),
    "also_at": ("نُشر أيضا في", "Also published by"),
    "read_also": ("اقرأ أيضا", "Read also"),
    "same_story": ("القصة نفسها", "same story"),
    "share": ("مشاركة", "Share"),
    "permalink": ("الرابط الدائم", "Permalink"),
    "copy_link": ("نسخ الرابط", "Copy link"),
    "copied": ("نُسخ", "Copied"),
    "email": ("بريد إلكتروني", "E-mail"),
    "original": ("المصدر الأصلي", "Original"),
    "json": ("JSON", "JSON"),
    "entities_in_article": ("الكيانات في المقال", "Entities in this article"),
    "quotes_in_article": ("الاقتباسات", "Quotes"),
    "amounts": ("الأرقام والمبالغ", "Amounts"),
    "dates_in_article": ("التواريخ", "Dates"),
    "events_panel": ("الأحداث", "Events"),
    "evidence": ("الدليل", "Evidence"),
    "said": ("قال", "said"),
    "direct": ("مباشر", "direct"),
    "indirect": ("غير مباشر", "indirect"),
    "honorifics": ("الألقاب", "Honorifics"),
    "roles": ("المناصب", "Roles"),
    "variants": ("صيغ الاسم", "Name variants"),
    "mentions_over_time": ("الذكر عبر الزمن", "Mentions over time"),
    "articles": ("مقالات", "articles"),
    "recent_articles": ("مقالات حديثة", "Recent articles"),
    "quotes_by": ("اقتباسات", "Quotes"),
    "meets": ("يلتقي", "Meets"),
    "cooccurring": ("يرد معه", "Mentioned with"),
    "meetings": ("اللقاءات والأحداث", "Meetings and events"),
    "quote_text": ("نص الاقتباس", "Quote text"),
    "name": ("الاسم", "Name"),
    "query": ("الاستعلام", "Query"),
    "token": ("رمز الكتابة", "Write token"),
    "create": ("إنشاء", "Create"),
    "delete": ("حذف", "Delete"),
    "feed": ("خلاصة Atom", "Atom feed"),
    "new_watchlist": ("قائمة متابعة جديدة", "New watchlist"),
    "no_watchlists": ("لا قوائم متابعة بعد.", "No watchlists yet."),
    "created": ("أنشئت", "Created"),
    "matches": ("المطابقات", "Matches"),
    "error": ("خطأ", "Error"),
    "language_toggle": ("English", "العربية"),
    "api": ("واجهة البرمجة", "API"),
    "latin": ("بالحروف اللاتينية", "Latin"),
    "none_yet": ("لا شيء بعد.", "Nothing yet."),
    "untitled": ("(بلا عنوان)", "(untitled)"),
}

_ENTITY_TYPES: dict[str, tuple[str, str]] = {
    "PER": ("شخص", "Person"),
    "ORG": ("منظمة", "Organization"),
    "GPE": ("دولة أو مدينة", "Country or city"),
    "LOC": ("مكان", "Place"),
    "MISC": ("أخرى", "Other"),
}

_EVENT_TYPES: dict[str, tuple[str, str]] = {
    "meeting": ("لقاء", "Meeting"),
    "statement": ("تصريح", "Statement"),
    "aid": ("مساعدة", "Aid"),
    "agreement": ("اتفاق", "Agreement"),
    "endorse": ("تأييد", "Endorsement"),
    "condemn": ("إدانة", "Condemnation"),
    "attack": ("هجوم", "Attack"),
    "arrest": ("اعتقال", "Arrest"),
    "protest": ("احتجاج", "Protest"),
    "appointment": ("تعيين", "Appointment"),
    "evacuation": ("إجلاء", "Evacuation"),
}


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "ar" else pair[1]


def labels(lang: Lang) -> dict[str, str]:
    return {key: _pick(pair, lang) for key, pair in _LABELS.items()}


def entity_type_name(code: str, lang: Lang) -> str:
    pair = _ENTITY_TYPES.get(code)
    return _pick(pair, lang) if pair else code


def event_type_name(code: str, lang: Lang) -> str:
    pair = _EVENT_TYPES.get(code)
    return _pick(pair, lang) if pair else code
