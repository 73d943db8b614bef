"""Quotes the way Saudi news writes them: several reporting verbs to a sentence, participles,
asides, pronoun honorifics, back references, addressees and speakers resolved in the article."""

from __future__ import annotations

from marsad.quotes import find_quotes
from marsad.record import Entity, Mention, Quote, Role


def entity(name: str, body: str, eid: str, kind: str = "PER", **extra: list[str]) -> Entity:
    mentions = []
    start = body.find(name)
    while start >= 0:
        mentions.append(Mention("body", start, start + len(name), name))
        start = body.find(name, start + 1)
    return Entity(eid, kind, name, mentions=mentions, honorifics=extra.get("honorifics", []))


def quotes(body: str, *entities: Entity, title: str = "") -> list[Quote]:
    found = find_quotes({"title": title, "lead": "", "body": body}, list(entities))
    for q in found:
        assert {"body": body, "title": title}[q.field][q.start : q.end] == q.text
    return found


def speakers(found: list[Quote]) -> list[str]:
    return [q.speaker_text for q in found]


def test_each_reporting_verb_of_a_sentence_is_its_own_quote() -> None:
    body = (
        "وقال مدير الإدارة سامي الحربي إن المشروع اكتمل في موعده، مشيراً إلى أن التشغيل يبدأ"
        " الشهر المقبل، داعياً السكان إلى الاستفادة من الخدمات الجديدة."
    )
    found = quotes(body, entity("سامي الحربي", body, "e1"))
    assert [q.verb for q in found] == ["قال", "مشيراً", "داعياً"]
    assert all(q.speaker == "e1" for q in found)
    assert found[0].text == "المشروع اكتمل في موعده"
    assert found[1].text == "التشغيل يبدأ الشهر المقبل"
    assert found[2].text.startswith("السكان إلى الاستفادة")
    assert [q.implicit_speaker for q in found] == [False, True, True]


def test_a_participle_without_a_complementizer_goes_on_its_clause() -> None:
    body = "وأكد سامي الحربي أن العمل مستمر، مؤكداً استمرار الدعم للمشروع."
    found = quotes(body, entity("سامي الحربي", body, "e1"))
    assert len(found) == 1
    assert "استمرار الدعم" in found[0].text


def test_a_verb_inside_the_clause_continues_the_speaker() -> None:
    body = "وأوضح سامي الحربي أن الإشاعة انتشرت بسرعة وذكر أنها لا أساس لها من الصحة."
    found = quotes(body, entity("سامي الحربي", body, "e1"))
    assert [q.verb for q in found] == ["أوضح", "ذكر"]
    assert found[0].text == "الإشاعة انتشرت بسرعة"
    assert found[1].text == "أنها لا أساس لها من الصحة"
    assert found[1].speaker == "e1"


def test_asides_and_fronted_subjects_are_not_speakers() -> None:
    body = (
        "وقال فهد العتيبي إن الأسعار ارتفعت.\n"
        "من جانبه أكد ماجد السالم أن الطلب تراجع هذا العام.\n"
        "ناصر الدوسري - صاحب متجر - يقول من جانبه «المبيعات ضعيفة جدا هذا الموسم»."
    )
    found = quotes(
        body,
        entity("فهد العتيبي", body, "e1"),
        entity("ماجد السالم", body, "e2"),
        entity("ناصر الدوسري", body, "e3"),
    )
    assert [q.speaker for q in found] == ["e1", "e2", "e3"]
    assert "جانبه" not in " ".join(speakers(found))
    assert found[2].text == "المبيعات ضعيفة جدا هذا الموسم"


def test_a_pronoun_honorific_is_the_person_with_that_honorific() -> None:
    body = (
        "افتتح سمو الأمير سعود بن خالد المعرض أمس.\n"
        "وشدد سموه على أن المعرض منصة للمبدعين من أبناء المنطقة."
    )
    prince = entity("سعود بن خالد", body, "e1", honorifics=["سمو", "الأمير"])
    (q,) = quotes(body, prince)
    assert q.speaker == "e1"
    assert q.text == "المعرض منصة للمبدعين من أبناء المنطقة"


def test_that_verb_with_this_object_reports_the_previous_sentence() -> None:
    body = (
        "ضبطت فرق الرقابة عشرين مخالفة في الأسواق الشعبية خلال الأسبوع.\n"
        "أوضح ذلك لسبق مدير فرع الوزارة علي القحطاني، مشيراً إلى أن الجولات مستمرة يوميا."
    )
    found = quotes(body, entity("علي القحطاني", body, "e1"))
    assert [q.speaker for q in found] == ["e1", "e1"]
    assert found[0].text.startswith("ضبطت فرق الرقابة عشرين مخالفة")
    assert found[1].text == "الجولات مستمرة يوميا"
    assert "ذلك" not in speakers(found)


def test_an_addressee_is_skipped_and_its_quoted_name_is_no_content() -> None:
    body = "أكد لـ«الصحيفة» المتحدث الرسمي للبلدية خالد الشهري أن الحديقة تفتح للجميع مجانا."
    (q,) = quotes(body, entity("خالد الشهري", body, "e1"))
    assert q.speaker == "e1"
    assert q.text == "الحديقة تفتح للجميع مجانا"
    body = 'وبين المنتج سعد الفهد لـ"الوطن" أن التصوير يبدأ الأسبوع المقبل.'
    (q,) = quotes(body, entity("سعد الفهد", body, "e1"))
    assert q.text == "التصوير يبدأ الأسبوع المقبل"


def test_a_person_at_the_end_of_a_long_title_is_the_speaker() -> None:
    body = (
        "وأوضح مدير إدارة العلاقات العامة والإعلام المتحدث الرسمي لأمانة المنطقة سلمان"
        " الغامدي، أن الحملة تستمر أسبوعين."
    )
    org = Entity("e2", "ORG", "أمانة المنطقة", mentions=[])
    start = body.find("أمانة المنطقة")
    org.mentions.append(Mention("body", start, start + len("أمانة المنطقة"), "أمانة المنطقة"))
    (q,) = quotes(body, entity("سلمان الغامدي", body, "e1"), org)
    assert q.speaker == "e1"


def test_a_definite_head_noun_is_the_body_named_before() -> None:
    body = (
        "أطلقت هيئة النقل العام خدمة جديدة للحافلات.\n"
        "وأوضحت الهيئة في بيان أن الخدمة تغطي عشرين حيا."
    )
    (q,) = quotes(body, entity("هيئة النقل العام", body, "e1", kind="ORG"))
    assert (q.speaker, q.text) == ("e1", "الخدمة تغطي عشرين حيا")


def test_passive_report_and_document_subject_go_to_the_issuer() -> None:
    body = (
        "قالت وزارة الداخلية في بيان، إن الأمن مستتب في المدينة.\n"
        'وجاء في البيان "نطمئن المواطنين إلى أن الوضع تحت السيطرة الكاملة".\n'
        "كما أكمل البيان أن الدوريات تنتشر في الأحياء كلها."
    )
    found = quotes(body, entity("وزارة الداخلية", body, "e1", kind="ORG"))
    assert [q.speaker for q in found] == ["e1", "e1", "e1"]
    assert found[1].kind == "direct"
    assert found[2].text == "الدوريات تنتشر في الأحياء كلها"


def test_a_named_subject_then_a_verbal_noun_or_preposition_starts_the_content() -> None:
    body = "فيما أكد فهد العتيبي حرص بلاده على تعزيز التعاون.\nودعا فهد العتيبي إلى الحوار بين الطرفين."
    found = quotes(body, entity("فهد العتيبي", body, "e1"))
    assert [q.text for q in found] == ["حرص بلاده على تعزيز التعاون", "إلى الحوار بين الطرفين"]


def test_an_object_with_no_subject_is_content() -> None:
    body = "وقال فهد العتيبي إن البحر هائج.\nودعا المصطافين إلى توخي الحذر عند السباحة."
    found = quotes(body, entity("فهد العتيبي", body, "e1"))
    assert found[1].speaker == "e1" and found[1].implicit_speaker
    assert found[1].text.startswith("المصطافين إلى توخي الحذر")


def test_a_name_then_a_comma_then_the_words() -> None:
    body = "وذكر الناطق الإعلامي العقيد سالم المطيري، تمكنت الدوريات من ضبط المتسللين."
    (q,) = quotes(body, entity("سالم المطيري", body, "e1"))
    assert q.speaker == "e1" and q.text.startswith("تمكنت الدوريات")


def test_a_name_in_quotes_inside_the_subject_is_no_content() -> None:
    body = 'وأكد سامي الحربي، عقب نشر استطلاع "المرصد" الأخير، أن «النتائج مشجعة للغاية هذا العام».'
    (q,) = quotes(body, entity("سامي الحربي", body, "e1"))
    assert q.text == "النتائج مشجعة للغاية هذا العام"
    body = "وقال سامي الحربي في مؤتمر صحفي “مهمتنا هي إصلاح المنظمة قبل نهاية العام” أمس."
    (q,) = quotes(body, entity("سامي الحربي", body, "e1"))
    assert q.text == "مهمتنا هي إصلاح المنظمة قبل نهاية العام"


def test_the_source_named_before_is_the_source_again() -> None:
    body = "وأوضحت وكالة الأنباء أن القرار نافذ، وأضاف المصدر أن التنفيذ يبدأ غدا."
    found = quotes(body, entity("وكالة الأنباء", body, "e1", kind="ORG"))
    assert [q.speaker for q in found] == ["e1", "e1"]


def test_a_surname_with_the_article_finds_the_person() -> None:
    body = "قال عمر السالم إن الفريق جاهز.\nونفى السالم أن يكون قد تلقى عرضا من ناد آخر."
    sallem = Entity("e1", "PER", "عمر السالم", mentions=[Mention("body", 4, 13, "عمر السالم")])
    found = quotes(body, sallem)
    assert [q.speaker for q in found] == ["e1", "e1"]


def test_odd_text_never_breaks_the_new_triggers() -> None:
    for body in [
        "، مشيراً",
        "مشيراً إلى أن",
        "وجاء في",
        "أوضح ذلك",
        "أكد لـ",
        "وشدد سموه",
        "و أوضح أن",
        "قال فلان، ",
        "مؤكداً: «",
        "وأضاف المصدر أن",
    ]:
        for q in quotes(body):
            assert q.text


def test_a_short_quoted_title_inside_the_subject_is_no_content() -> None:
    body = 'كشف المخرج سعد الفهد عن بدء تصوير مسلسل "ليالي الصيف" الذي يعرض في رمضان المقبل.'
    assert all(q.text != "ليالي الصيف" for q in quotes(body, entity("سعد الفهد", body, "e1")))


def test_let_us_say_is_no_reporting_verb() -> None:
    assert quotes("ولنقل إن هذا العنف لا يبرره أي دين أو عرف.") == []


def test_the_person_inside_a_body_name_is_not_the_speaker() -> None:
    body = "وأوضح المتحدث باسم مركز الملك فهد للأبحاث ماجد الزهراني، أن الدراسة اكتملت هذا العام."
    king = entity("الملك فهد", body, "e1")
    centre = entity("مركز الملك فهد للأبحاث", body, "e2", kind="ORG")
    (q,) = quotes(body, king, centre, entity("ماجد الزهراني", body, "e3"))
    assert q.speaker == "e3"


def test_a_person_named_short_is_the_one_named_in_full() -> None:
    body = "وقال الدكتور نايف الحربي إن النتائج جيدة.\nوأكد الدكتور الحربي أن العمل مستمر."
    full = entity("نايف الحربي", body, "e1")
    short = Entity("e2", "PER", "الدكتور الحربي", mentions=[])
    at = body.find("الدكتور الحربي")
    short.mentions.append(Mention("body", at, at + len("الدكتور الحربي"), "الدكتور الحربي"))
    found = quotes(body, full, short)
    assert [q.speaker for q in found] == ["e1", "e1"]


def test_a_plural_verb_does_not_go_on_with_one_person() -> None:
    body = "وقال فهد العتيبي إن الأسعار ارتفعت.\nوذكروا أن الإقبال ضعيف هذا العام."
    found = quotes(body, entity("فهد العتيبي", body, "e1"))
    assert [q.speaker for q in found] == ["e1"]


def test_a_judging_verb_takes_its_content_after_the_subject() -> None:
    body = "وعد الأمين العام الدكتور سالم الراشد في بيانه الاتفاق خطوة كبيرة نحو الاستقرار."
    (q,) = quotes(body, entity("سالم الراشد", body, "e1"))
    assert q.speaker == "e1" and "الاتفاق خطوة كبيرة نحو الاستقرار" in q.text


def test_a_named_subject_without_content_still_speaks_next() -> None:
    body = (
        "ونبه الدكتور سالم الراشد من مخاطر الإشاعات الطبية.\nوشدد على أن الوعي هو خط الدفاع الأول."
    )
    found = quotes(body, entity("سالم الراشد", body, "e1"))
    assert found[-1].speaker == "e1"
    assert found[-1].text == "الوعي هو خط الدفاع الأول"


def test_an_unnamed_body_at_the_start_speaks_before_its_preposition() -> None:
    body = "حذرت ندوة طبية من وصفات الأعشاب المنتشرة في وسائل التواصل الاجتماعي."
    (q,) = quotes(body)
    assert q.speaker_text == "ندوة طبية"
    assert q.text.startswith("من وصفات الأعشاب")


def test_a_title_ending_in_a_name_then_a_comma_then_the_words() -> None:
    body = "وذكر الناطق الإعلامي في قيادة الدوريات العقيد سالم المطيري، تمكنت الفرق من الإنقاذ."
    (q,) = quotes(body, entity("سالم المطيري", body, "e1"))
    assert q.speaker == "e1" and q.text.startswith("تمكنت الفرق")
    body = "ونقل سالم المطيري لرئيس البلدية تحيات الأهالي، فيما شكره الرئيس على الزيارة."
    assert quotes(body, entity("سالم المطيري", body, "e1")) == []


def test_a_body_in_a_role_is_not_the_speaker() -> None:
    body = "دعا زعيم حركة النهضة الجديد الشيخ سالم الأحمد في رسالة صوتية إلى الوحدة بين الأعضاء."
    movement = entity("حركة النهضة", body, "e1", kind="ORG")
    (q,) = quotes(body, movement)
    assert q.speaker is None and "سالم الأحمد" in q.speaker_text
    assert q.text.startswith("إلى الوحدة")


def test_another_clause_ends_the_search_for_the_content() -> None:
    body = "كشف المنتج سعد الفهد بدء تصوير المسلسل الجديد، فيما تقرر أن يعرض في رمضان المقبل."
    (q,) = quotes(body, entity("سعد الفهد", body, "e1"))
    assert q.text.startswith("بدء تصوير المسلسل الجديد")


def test_a_title_in_quotes_inside_a_long_role_before_the_name() -> None:
    body = (
        'وأكد رئيس اللجنة العليا لاحتفالات "عيد المدينة 36" الدكتور سالم الراشد أن الاحتفالات نجحت.'
    )
    (q,) = quotes(body, entity("سالم الراشد", body, "e1"))
    assert q.speaker == "e1"


def test_a_feminine_participle_does_not_go_on_with_the_last_man() -> None:
    body = (
        "وقال سالم الراشد إن الجولات مستمرة.\n"
        "وأسفرت الجولات عن إغلاق أربعة محال، مهيبةً بجميع التجار إلى الالتزام بالأنظمة."
    )
    found = quotes(body, entity("سالم الراشد", body, "e1"))
    assert [q.verb for q in found] == ["قال"]


def test_text_cut_anywhere_never_breaks_the_stage() -> None:
    body = (
        "وأوضح المتحدث الرسمي لأمانة المنطقة سلمان الغامدي، أن الحملة تستمر أسبوعين، مشيراً إلى"
        ' أن الفرق جاهزة. وجاء في البيان "نطمئن الجميع إلى سلامة الإجراءات كلها". أوضح ذلك لـ«الصحيفة»'
        " مدير الفرع فهد العتيبي، داعياً السكان إلى التعاون. وشدد سموه على أن العمل مستمر."
    )
    people = [entity("سلمان الغامدي", body, "e1"), entity("فهد العتيبي", body, "e2")]
    for cut in range(0, len(body), 7):
        for piece in (body[:cut], body[cut:]):
            for q in find_quotes({"body": piece}, people):
                assert q.text and piece[q.start : q.end] == q.text


def test_a_participle_opening_a_sentence_goes_on_with_the_last_speaker() -> None:
    body = "وقال فهد العتيبي إن الفرق وصلت إلى الموقع. مشيراً إلى أن عمليات البحث مستمرة حتى الآن."
    found = quotes(body, entity("فهد العتيبي", body, "e1"))
    assert [q.speaker for q in found] == ["e1", "e1"]
    assert found[1].text == "عمليات البحث مستمرة حتى الآن"


def test_a_surname_before_the_verb_is_its_subject() -> None:
    body = "ويذكر أن العتيبي حذر من أن «الوضع قد يتدهور خلال الأيام المقبلة»."
    (q,) = quotes(body, entity("فهد العتيبي", body + " فهد العتيبي", "e1"))
    assert q.speaker == "e1" and q.text == "الوضع قد يتدهور خلال الأيام المقبلة"


def test_a_title_alone_is_the_one_person_with_that_title() -> None:
    body = "وقال المتحدث الرسمي إن التحقيقات مستمرة."
    spokesman = Entity(
        "e1", "PER", "سالم الراشد", roles=[Role("المتحدث الرسمي للوزارة", None, "")], mentions=[]
    )
    (q,) = quotes(body, spokesman)
    assert q.speaker == "e1"


def test_a_title_and_a_name_the_tagger_missed_stay_together() -> None:
    body = "وأوضح المتحدث الرسمي لمركز الإغاثة رامي الصالح، أن القوافل وصلت إلى المدينة."
    (q,) = quotes(body)
    assert q.speaker is None and q.speaker_text.endswith("رامي الصالح")


def test_an_before_an_imperfect_verb_is_part_of_the_content() -> None:
    body = "ونفى فهد العتيبي أن يكون قد تلقى أي عرض من الأندية."
    (q,) = quotes(body, entity("فهد العتيبي", body, "e1"))
    assert q.text.startswith("أن يكون قد تلقى")


def test_a_definite_body_then_its_object() -> None:
    body = "ودعت الوزارة عموم المواطنين إلى الإبلاغ عن المخالفات عبر الرقم الموحد."
    ministry = Entity("e1", "ORG", "وزارة التجارة", mentions=[])
    (q,) = quotes(body, ministry)
    assert q.speaker == "e1" and q.text.startswith("عموم المواطنين إلى الإبلاغ")


def test_a_trailing_attribution_reports_the_clause_before_it() -> None:
    body = "جمدت الحكومة أموال عدد من قادة الجماعة المسلحة، بحسب ما أعلنت وكالة الأنباء الرسمية."
    agency = entity("وكالة الأنباء الرسمية", body, "e1", kind="ORG")
    (q,) = quotes(body, agency)
    assert (q.speaker, q.verb) == ("e1", "أعلنت")
    assert q.text == "جمدت الحكومة أموال عدد من قادة الجماعة المسلحة"


def test_a_time_adjunct_after_the_verb_is_not_its_subject() -> None:
    body = "وكان فهد العتيبي قد قال قبل أيام إن المناورات يجب أن تستمر."
    (q,) = quotes(body, entity("فهد العتيبي", body, "e1"))
    assert q.speaker == "e1" and q.text.startswith("المناورات يجب")
    body = "وقالت الحكومة العام الماضي إن تكلفة المشروع ستبلغ مليار دولار."
    (q,) = quotes(body, entity("الحكومة", body, "e1", kind="ORG"))
    assert q.speaker == "e1" and "العام" not in q.speaker_text


def test_a_participle_with_a_preposition_is_a_noun() -> None:
    body = "وقال الجيش إن آلاف المتظاهرين تجمعوا للمطالبة برفع الحصار المفروض على المدينة."
    found = quotes(body, entity("الجيش", body, "e1", kind="ORG"))
    assert [q.verb for q in found] == ["قال"]


def test_a_passive_report_names_its_issuer() -> None:
    body = (
        "وقالت حركة العدالة إن الاتفاق تم بوساطة إقليمية.\n"
        "وجاء في بيان صادر عن الجيش الوطني أنه نفذ غارات على مواقع عدة في الشمال."
    )
    movement = entity("حركة العدالة", body, "e1", kind="ORG")
    army = entity("الجيش الوطني", body, "e2", kind="ORG")
    found = quotes(body, movement, army)
    assert [q.speaker for q in found] == ["e1", "e2"]


def test_a_place_inside_the_subject_is_not_the_speaker() -> None:
    body = "وذكرت الوكالة التي مقرها فيينا أن المفتش استقال من منصبه فجأة."
    vienna = entity("فيينا", body, "e1", kind="GPE")
    (q,) = quotes(body, vienna)
    assert q.speaker is None
    body = "وأعلنت السعودية أن الحدود ستفتح أمام المسافرين غدا."
    (q,) = quotes(body, entity("السعودية", body, "e1", kind="GPE"))
    assert q.speaker == "e1"


def test_an_aside_ends_the_subject_and_a_quantity_is_a_source() -> None:
    body = "وذكر شهود عيان من جهتهم أن الغارات استهدفت موقعين في الشمال."
    (q,) = quotes(body)
    assert q.speaker_text == "شهود عيان"
    body = "وقال فهد العتيبي إن السوق هادئ.\nوأكدت العديد من وسائل الإعلام أن الصفقة اكتملت أمس."
    found = quotes(body, entity("فهد العتيبي", body, "e1"))
    assert found[1].speaker is None and found[1].speaker_text.startswith("العديد")


def test_approving_or_confessing_is_no_speech() -> None:
    body = "وأقر مجلس الشورى مشروع نظام المعادن الثمينة بعد مناقشة استمرت ساعتين.\n"
    body += "وأقر سامي الحربي بالذنب في سلسلة من التهم المتعلقة بالرشوة."
    assert quotes(body, entity("سامي الحربي", body, "e1")) == []


def test_a_title_is_the_holder_named_last_before_it() -> None:
    body = (
        "وقال مدير التعليم سالم الراشد إن الدراسة تبدأ الأحد.\n"
        "وأكد مدير الصحة فهد العتيبي أن المستشفيات جاهزة.\n"
        "وأوضح المدير أن الطواقم الطبية اكتملت."
    )
    rashid = entity("سالم الراشد", body, "e1")
    rashid.roles.append(Role("مدير التعليم", None, "مدير التعليم"))
    otaibi = entity("فهد العتيبي", body, "e2")
    otaibi.roles.append(Role("مدير الصحة", None, "مدير الصحة"))
    found = quotes(body, rashid, otaibi)
    assert [q.speaker for q in found] == ["e1", "e2", "e2"]


def test_a_quote_nobody_can_be_named_for_is_left_out() -> None:
    assert quotes("فقد قال في عدة مواضع «ليس هناك هدية أفضل من كلمة طيبة تهديها»") == []


def test_a_definite_title_is_the_one_person_quoted_so_far() -> None:
    body = "وقال أليكس سانشو إن الانتقال كان مفاجئا.\nوأضاف اللاعب البالغ من العمر 29 عاما أن الفريق سيتحسن."
    (_, second) = quotes(body, entity("أليكس سانشو", body, "e1"))
    assert second.speaker == "e1"
    body += "\nوقال سعد الفهد إن الموسم طويل.\nوأضاف اللاعب أن المنافسة قوية."
    found = quotes(body, entity("أليكس سانشو", body, "e1"), entity("سعد الفهد", body, "e2"))
    assert found[-1].speaker is None  # two persons quoted: «اللاعب» stays a title


def test_a_reason_given_for_that_is_the_content() -> None:
    body = (
        "وقال سعد الفهد إنه ابتعد عن المسرح سنوات.\n"
        "وبرر ذلك في لقاءات صحفية بعدم وجود النص الملائم الذي يعيده إلى الخشبة."
    )
    found = quotes(body, entity("سعد الفهد", body, "e1"))
    assert found[-1].speaker == "e1"
    assert found[-1].text.startswith("بعدم وجود النص الملائم")


def test_the_addressee_is_never_the_speaker() -> None:
    body = 'وبين المنتج الفهد لـ"الوطن" أن التصوير يبدأ الأسبوع المقبل.'
    paper = Entity("e2", "ORG", "الوطن", mentions=[])
    at = body.find("الوطن")
    paper.mentions.append(Mention("body", at, at + len("الوطن"), "الوطن"))
    (q,) = quotes(body, paper)
    assert q.speaker is None and "الوطن" not in q.speaker_text


def test_a_short_object_names_a_topic_not_what_was_said() -> None:
    body = (
        "وقال سعد الفهد إن الادعاءات باطلة. ونفى وجود أي صفقة، مؤكدا أنه لم يتسلم أي مبلغ من أحد."
    )
    found = quotes(body, entity("سعد الفهد", body, "e1"))
    assert [q.verb for q in found] == ["قال", "مؤكدا"]
    body = "وقال سعد الفهد إن الإقبال ضعيف.\nوأرجع ذلك إلى غلاء الأسعار."
    assert len(quotes(body, entity("سعد الفهد", body, "e1"))) == 1
