"""Classes of entity errors seen on real news, each on text written for the test."""

from __future__ import annotations

import pytest

from marsad import extract_text
from marsad.entities import find_entities
from marsad.record import Entity

from .conftest import SHARED, need


def _entities(body: str, title: str = "") -> list[Entity]:
    return find_entities({"title": title, "lead": "", "body": body})


def _names(body: str, kind: str, title: str = "") -> list[str]:
    return [e.name for e in _entities(body, title) if e.type == kind]


def test_no_stage_fails_on_an_article_cut_anywhere() -> None:
    text = need(SHARED / "samples" / "kuwait-coalition-meeting.txt").read_text(encoding="utf-8")
    cuts = [i for i, ch in enumerate(text[:900]) if ch == " "]
    for cut in cuts:
        article = extract_text(text[:cut] + "\n\nنص")
        assert article.errors == [], (cut, text[max(cut - 30, 0) : cut], article.errors)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("وقال نجل الراحل معمر القذافي إن الأسرة ستعود.", "معمر القذافي"),
        ("وأكد اللواء طيار ركن يوسف الحربي أن التدريب انتهى.", "يوسف الحربي"),
        ("وحضر العميد البحري عبدالله بن حمد الغرير الحفل.", "عبدالله بن حمد الغرير"),
    ],
)
def test_descriptors_before_a_name_are_not_the_name(body: str, name: str) -> None:
    assert name in _names(body, "PER")


def test_words_after_a_name_are_not_the_name() -> None:
    names = _names("وألقى المدير هاني الخالدي كلمة ترحيبية بالضيوف في بداية الحفل.", "PER")
    assert names == ["هاني الخالدي"]


def test_a_genealogy_is_read_to_its_family_name() -> None:
    names = _names("وقال مدير التعليم فهد بن صالح القرناس إن العام الدراسي يبدأ غدا.", "PER")
    assert "فهد بن صالح القرناس" in names
    assert "فهد بن صالح" not in names


def test_titles_and_greetings_are_not_persons() -> None:
    body = (
        "ووجه خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز بصرف المكافآت. "
        "وقال مقدم البرنامج صباح الخير للمشاهدين."
    )
    names = _names(body, "PER")
    assert "سلمان بن عبدالعزيز" in names
    assert not any("خادم" in n or "صباح الخير" in n for n in names), names


def test_spellings_of_one_person_are_one_entity() -> None:
    body = (
        "وقال الدكتور عبد الناصر علام إن الموسم ناجح. وأضاف عبدالناصر علام أن النتائج جيدة. "
        "وشارك محمود عبد الحميد في اللقاء، وقال عبد الحميد إنه سعيد."
    )
    persons = [e for e in _entities(body) if e.type == "PER"]
    assert len(persons) == 2, [e.name for e in persons]
    assert {len(e.mentions) for e in persons} == {2}


def test_a_nationality_after_a_definite_noun_is_not_a_place() -> None:
    body = "وأعلنت الشركة السعودية للكهرباء أن الأندية السعودية ستشارك، وزار الوفد المملكة أمس."
    places = _names(body, "GPE") + _names(body, "LOC")
    assert "السعودية" not in places
    assert "المملكة" in places


@pytest.mark.parametrize(
    ("body", "organization"),
    [
        ("وأعلنت وزارة الشؤون الإسلامية بدء البرنامج.", "وزارة الشؤون الإسلامية"),
        ("ونظمت هيئة السياحة والآثار المعرض في المدينة.", "هيئة السياحة والآثار"),
        ("وقالت أمانة منطقة نجران إن العمل مستمر.", "أمانة منطقة نجران"),
        (
            "وقدم مركز الملك سلمان للإغاثة والأعمال الإنسانية مساعدات للاجئين.",
            "مركز الملك سلمان للإغاثة والأعمال الإنسانية",
        ),
        ("وتبرعت مؤسسة سليمان بن عبدالعزيز الراجحي الخيرية للمشروع.", None),
    ],
)
def test_institutions_are_named_by_their_head_noun(body: str, organization: str | None) -> None:
    organizations = _names(body, "ORG")
    if organization is not None:
        assert organization in organizations
    else:
        assert any(o.startswith("مؤسسة سليمان") for o in organizations), organizations
    assert not any(
        name in organization_words
        for name in _names(body, "PER")
        for organization_words in organizations
    ), "a name inside stays in it"


def test_an_organization_stops_before_the_person_after_it() -> None:
    body = "وقال مدير مكتب وزارة العمل بمنطقة نجران خالد بن علي العطا الله إن الحملة مستمرة."
    organizations = _names(body, "ORG")
    assert not any("خالد" in o for o in organizations), organizations


def test_ordinary_constructs_are_not_organizations() -> None:
    body = "وعقد الاجتماع في غرفة الاجتماعات، ومع مرور الوقت ناقش مجلس الإدارة حركة البيع."
    assert _names(body, "ORG") == []


def test_facilities_and_landmarks_are_named_by_their_head() -> None:
    body = "وسقطت القذيفة في حي التأميم، ونقل المصابون إلى مطار الأمير محمد بن عبدالعزيز الدولي."
    places = _names(body, "LOC") + _names(body, "GPE")
    assert "حي التأميم" in places
    assert "مطار الأمير محمد بن عبدالعزيز الدولي" in places
    assert "محمد بن عبدالعزيز" not in _names(body, "PER")


def test_a_province_is_named_without_its_head() -> None:
    body = "وأعلنت إمارة منطقة حائل أن الأمطار شملت منطقة تبوك."
    places = _names(body, "LOC") + _names(body, "GPE")
    assert "حائل" in places and "تبوك" in places
    assert not any(p.startswith("منطقة") for p in places), places


def test_a_name_is_not_cut_at_its_first_word() -> None:
    body = (
        "وشارك في العمل الفنانون هند صبري ومروة عبدالمنعم. "
        "وقال المقدم رائد بن عبدالرحمن الشهري إن الحملة مستمرة."
    )
    names = _names(body, "PER")
    assert "مروة عبدالمنعم" in names, names
    assert not any(n.startswith("بن ") for n in names), names


def test_a_proclitic_looking_letter_of_a_foreign_name_stays() -> None:
    body = "وسجل كارلوس تيفيز هدفين، بينما قال باراك أوباما إن فيكتور سيموس سيحضر."
    names = _names(body, "PER")
    assert "كارلوس تيفيز" in names and "باراك أوباما" in names, names


def test_a_lone_word_that_is_no_name_is_not_a_person() -> None:
    body = "وسيواصل اللاعب تمارينه غدا في الملعب، وقال المدرب خالد الشهري إن تمارينه قوية."
    assert "تمارينه" not in _names(body, "PER")


def test_a_quoted_outlet_is_an_organization() -> None:
    body = "وقال المدير لـ«الرائد» إن العمل مستمر، كما صرح لوكالة «رويترز» بأن الخطة جاهزة."
    organizations = _names(body, "ORG")
    assert "الرائد" in organizations and "رويترز" in organizations, organizations


def test_a_long_name_cut_in_two_by_the_tagger_is_one_name() -> None:
    body = "وقال الرئيس اليمني السابق علي عبدالله صالح إن نجله أحمد علي عبدالله صالح سيعود."
    names = _names(body, "PER")
    assert "علي عبدالله صالح" in names and "أحمد علي عبدالله صالح" in names, names


def test_an_acronym_in_brackets_is_the_organization_before_it() -> None:
    body = "وقالت وكالة السودان للأنباء (سونا) إن الوزير وصل. وأضافت سونا أن الزيارة تستمر."
    organizations = [e for e in _entities(body) if e.type == "ORG"]
    assert [o.name for o in organizations] == ["وكالة السودان للأنباء"]
    assert len(organizations[0].mentions) == 3


def test_adverbs_adjectives_and_sports_words_are_no_entities() -> None:
    body = (
        "وشهدت المباراة حضورا جماهيريا كبيرا في منطقة صحراوية، وتقدم منتخب الجزائر لكرة اليد "
        "في الشوط الأول. ويخدم المستشفى أحياء طارق والنصر."
    )
    entities = _entities(body)
    names = {e.name for e in entities}
    assert not names & {"جماهيريا", "صحراوية", "كرة اليد", "الشوط", "الشوط الأول"}, names
    assert "طارق والنصر" not in names


def test_a_role_after_a_name_ends_before_a_time_word() -> None:
    body = "واستقبل الوزير السفير خالد العمر، سفير المملكة لدى الدولة الصديقة اليوم في مكتبه."
    (person,) = [e for e in _entities(body) if e.type == "PER"]
    assert "سفير المملكة لدى الدولة الصديقة" in [r.title for r in person.roles]


def test_first_and_family_name_are_the_fuller_person() -> None:
    body = "وقال وزير التجارة ماجد بن عبدالله القصبي إن السوق مستقر. وأضاف ماجد القصبي أن الأسعار ثابتة."
    persons = [e for e in _entities(body) if e.type == "PER"]
    assert [p.name for p in persons] == ["ماجد بن عبدالله القصبي"]
    assert len(persons[0].mentions) == 2


def test_the_names_of_a_genealogy_stay_whole_even_when_they_are_words() -> None:
    body = (
        "وأشار مدير المرور العميد محمد بن شباب البقمي إلى أن الحملة مستمرة. "
        "وتم تكليف سالم بن عبدالرحمن القصير بمهام مدير عام الإدارة."
    )
    names = _names(body, "PER")
    assert "محمد بن شباب البقمي" in names and "سالم بن عبدالرحمن القصير" in names, names


def test_a_place_inside_an_organizations_name_is_a_place_too() -> None:
    body = "وأعلنت بورصة مصر ارتفاع المؤشر، وقالت الجمعية الفلكية بجدة إن القمر سيظهر."
    entities = _entities(body)
    places = [e.name for e in entities if e.type in ("GPE", "LOC")]
    organizations = [e.name for e in entities if e.type == "ORG"]
    assert "بورصة مصر" in organizations and "مصر" in places, (organizations, places)
    assert "جدة" in places


def test_an_organization_ends_before_the_verbs_object() -> None:
    body = "ودعت المديرية العامة للأرصاد الجوية المواطنين إلى الحذر."
    assert _names(body, "ORG") == ["المديرية العامة للأرصاد الجوية"]


def test_a_title_said_alone_is_the_person_who_bears_it_or_no_one() -> None:
    both = _entities(
        "وجاءت الحملة بتوجيه من خادم الحرمين الشريفين. وكان خادم الحرمين الشريفين الملك سلمان"
        " بن عبدالعزيز قد أمر بها."
    )
    persons = [e for e in both if e.type == "PER"]
    assert [e.name for e in persons] == ["سلمان بن عبدالعزيز"]
    assert len(persons[0].mentions) == 3
    alone = _entities("وجاءت الحملة بتوجيه من خادم الحرمين الشريفين لدعم الأسر المحتاجة.")
    assert all(e.name for e in alone)
    assert [e for e in alone if e.type == "PER"] == []


def test_two_persons_joined_by_and_are_two_persons() -> None:
    names = _names("ونعى الحزب القائد خالد يوسف ومالك عثمان في بيان صدر صباح اليوم.", "PER")
    assert "خالد يوسف" in names
    assert "مالك عثمان" in names
    assert "خالد يوسف ومالك عثمان" not in names


def test_a_name_after_a_noun_for_a_thing_names_the_thing() -> None:
    body = (
        "وارتفع المؤشر نيكي الياباني، بينما صعد سهم فولكس فاغن في فرانكفورت، وفاز الفيلم"
        " بجائزة جوردون وايت لأفضل إخراج، ووقف زبون أمام متجر للأجهزة."
    )
    persons = _names(body, "PER")
    assert persons == [], persons
    assert "فولكس فاغن" in _names(body, "ORG")


def test_an_ordinary_word_closing_given_names_is_their_family_name() -> None:
    body = "وضمت القائمة اللاعبين سعود إبراهيم المولد وأحمد المولد وفيصل خالد السالم."
    names = _names(body, "PER")
    assert "سعود إبراهيم المولد" in names
    assert "أحمد المولد" in names


def test_a_preposition_written_like_a_title_opens_no_name() -> None:
    assert _names("ووقف المسؤولون أمام مفترق صعب بعد القرار.", "PER") == []
    assert _names("وعين الوزير مستشار قانوني خارجي معتمد للنظر في القضية.", "PER") == []
    assert _names("وأم المصلين الإمام محمد الغامدي.", "PER") == ["محمد الغامدي"]


def test_a_genealogy_cut_short_is_the_fuller_person_not_the_father() -> None:
    persons = [
        e
        for e in _entities(
            "وأصدر الشيخ حمد بن سالم آل نهيان قرارا. وقال حمد بن سالم إن القرار نهائي."
            " وكان والده سالم بن خليفة قد زار الموقع، وحضر الأمير فهد بن سالم بن خليفة.",
            title="حمد بن سالم يصدر قرارا",
        )
        if e.type == "PER"
    ]
    names = [e.name for e in persons]
    assert "حمد بن سالم" not in names
    assert "حمد بن سالم آل نهيان" in names
    assert "سالم بن خليفة" in names
    assert "فهد بن سالم بن خليفة" in names


def test_a_lone_word_said_once_without_title_is_no_person_unless_listed_with_persons() -> None:
    body = (
        "وارتفع المؤشر داكس في فرانكفورت، ويحن الكبار إلى لعبة سوبر ماريو."
        " وشارك في الجلسة خالد العتيبي وفهد وسعد من الفريق الأول."
    )
    names = _names(body, "PER")
    assert "ماريو" not in names and "داكس" not in names
    assert {"خالد العتيبي", "فهد"} <= set(names)


def test_a_family_name_that_is_a_word_before_a_name_that_is_a_word() -> None:
    names = _names("وضمت القائمة فهد الحربي وأحمد المولد وغالب عكور.", "PER")
    assert "أحمد المولد" in names
    assert "غالب عكور" in names


@pytest.mark.parametrize(
    ("body", "organization"),
    [
        ("وقال عضو مجلس محافظة الزرقاء إن الطريق أغلق.", "مجلس محافظة الزرقاء"),
        ("وضبطت دوريات مرور جدة عددا من المخالفين.", "مرور جدة"),
        ("وأعلن جهاز مكافحة المخدرات ضبط الشحنة.", "جهاز مكافحة المخدرات"),
        ("وحقق منتخب كرة الطاولة المركز الثالث في البطولة.", "منتخب كرة الطاولة"),
    ],
)
def test_an_institution_of_a_place_or_an_activity_is_one_organization(
    body: str, organization: str
) -> None:
    assert organization in _names(body, "ORG")


def test_the_leadership_of_a_country_is_no_organization() -> None:
    body = "وأشاد الضيوف بما توليه قيادة المملكة من اهتمام بالتعليم."
    assert _names(body, "ORG") == []
    assert "المملكة" in _names(body, "GPE") + _names(body, "LOC")


def test_a_country_named_inside_an_organization_after_its_first_noun_is_a_place() -> None:
    body = "وحققت بعثة منتخبات الإمارات العربية المتحدة ثلاث ميداليات."
    places = _names(body, "GPE") + _names(body, "LOC")
    assert "الإمارات العربية المتحدة" in places
    assert "بعثة منتخبات الإمارات العربية المتحدة" in _names(body, "ORG")


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        ('وقال المتحدث لـ"الرأي" إن العمل مستمر.', "الرأي"),
        ("وأكد لـ”صوت الأمة” المتحدث الرسمي أن العمل مستمر.", "صوت الأمة"),
        ("وقال في تصريح خاص لـ»الحياة« إن العمل مستمر.", "الحياة"),
    ],
)
def test_an_outlet_quoted_after_li_is_an_organization_whatever_its_quotes(
    body: str, outlet: str
) -> None:
    assert outlet in _names(body, "ORG")


@pytest.mark.parametrize(
    ("body", "organization"),
    [
        ("وأجرى المنتخب الأردني للملاكمة أولى تدريباته أمس.", "المنتخب الأردني للملاكمة"),
        ("ووقع مدير الشركة المصرية لنقل الغاز العقد أمس.", "الشركة المصرية لنقل الغاز"),
        ("وأعلنت الجمعية الخيرية بالدمام توزيع السلال.", "الجمعية الخيرية بالدمام"),
        ("ونفذت مديرية الشؤون الصحية بمحافظة الطائف حملة.", "مديرية الشؤون الصحية بمحافظة الطائف"),
    ],
)
def test_an_institution_keeps_what_it_is_for_and_the_place_it_is_in(
    body: str, organization: str
) -> None:
    assert organization in _names(body, "ORG")


def test_what_an_institution_is_for_is_no_demonstrative() -> None:
    body = "وأشاد المتحدث بالهيئة الوطنية لهذه البلاد في كلمته."
    assert all("لهذه" not in name for name in _names(body, "ORG"))


def test_a_shorter_form_of_an_organization_is_the_same_organization() -> None:
    body = (
        "وتعاقد نادي ريفر بليت مع المدرب. وقال رئيس ريفر بليت إن الاتفاق تم."
        " وذكرت صحيفة الغارديان البريطانية أن المدرب وافق، وأضافت الغارديان أن العقد لعامين."
    )
    names = _names(body, "ORG")
    # one entity each; written bare as often as with its kind, the bare form names it
    assert sorted(names) == ["الغارديان", "ريفر بليت"], names


def test_a_command_is_not_the_force_it_commands() -> None:
    body = "وأعلنت قيادة حرس الحدود بمنطقة جازان أن حرس الحدود أحبط محاولة تهريب."
    assert "حرس الحدود" in _names(body, "ORG")


def test_a_nationality_closes_a_definite_head_before_and() -> None:
    body = "وأعلن اللاعبون انشقاقهم على النظام الليبي والانضمام إلى المعارضة."
    assert "النظام الليبي" in _names(body, "ORG")


def _places(body: str) -> list[str]:
    return _names(body, "GPE") + _names(body, "LOC")


def test_names_listed_after_a_plural_place_head_are_places() -> None:
    body = "وتقام الفعاليات في بلديات الروضة والنسيم والعزيزية وشمل ذلك الأحياء القديمة."
    assert {"الروضة", "النسيم", "العزيزية"} <= set(_places(body))
    verb = "وزار الوفد محافظات الخرج والمزاحمية وأضاف المتحدث أن الزيارة مثمرة."
    assert "أضاف" not in " ".join(_places(verb))


@pytest.mark.parametrize(
    ("body", "not_a_place"),
    [
        ("وهدم الجيش أكبر حي عشوائي في المدينة.", "حي عشوائي"),
        ("ووصل الوفد إلى أسوان الجنوبية صباح اليوم.", "الجنوبية"),
        ("وفاز المنتخب بكأس آسيا قبل عامين.", "آسيا"),
        ("لذا أصبح وجوباً استيعاب المشهد كاملا.", "جوبا"),
        ("وكشف التقرير عن مشهد جديد في السوق.", "مشهد"),
    ],
)
def test_adjectives_adverbs_and_event_names_are_no_places(body: str, not_a_place: str) -> None:
    assert all(not_a_place not in place for place in _places(body)), _places(body)


def test_a_currency_inside_a_longer_place_stays_in_it() -> None:
    body = "وارتفعت الأسهم في منطقة اليورو أمس."
    assert "منطقة اليورو" in _places(body)


@pytest.mark.parametrize(
    "body",
    [
        "وتوقفت حركة الملاحة البحرية في الميناء بسبب الرياح.",
        "وقال إن المتحف سيكون مؤسسة تعليمية للأطفال والطلاب.",
        "وتضمن البرنامج الثقافي للمعرض ندوات وأمسيات.",
        "وتقدم المنتخب الأردني الشوط الأول بهدفين.",
    ],
)
def test_activities_descriptions_and_programmes_are_no_organizations(body: str) -> None:
    assert all(
        word not in " ".join(_names(body, "ORG"))
        for word in ("الملاحة", "تعليمية", "الثقافي", "الشوط")
    ), _names(body, "ORG")


def test_a_definite_programme_with_an_official_adjective_is_an_organization() -> None:
    assert "البرنامج الوطني للتحول الرقمي" in _names(
        "وأطلق البرنامج الوطني للتحول الرقمي خدمات جديدة.", "ORG"
    )


@pytest.mark.parametrize(
    ("body", "organization"),
    [
        ("وتمكنت الشرطة الاتحادية من دخول المدينة.", "الشرطة الاتحادية"),
        ("وقال مدير البنك الإسلامي إن الأرباح ارتفعت.", "البنك الإسلامي"),
        ("ونقل المصاب إلى مستشفى الرس العام.", "مستشفى الرس العام"),
        ("ووصل وفد من وزارة النقل الأردنية إلى عمان.", "وزارة النقل الأردنية"),
    ],
)
def test_a_definite_head_with_an_official_adjective_names_a_body(
    body: str, organization: str
) -> None:
    assert organization in _names(body, "ORG")


def test_the_year_after_an_institution_is_not_its_adjective() -> None:
    names = _names("وافتتح مستشفى الرس العام الماضي قسما جديدا.", "ORG")
    assert all("الماضي" not in n and not n.endswith("العام") for n in names), names


def test_a_place_word_that_speaks_for_an_outlet_is_the_outlet() -> None:
    body = (
        "وذكرت وكالة الأناضول للأنباء أن الاجتماع انتهى. وأوضحت الأناضول أن الوفد غادر."
        " وكان الوفد قد وصل إلى الأناضول أمس."
    )
    entities = _entities(body)
    agency = next(e for e in entities if e.type == "ORG")
    assert len(agency.mentions) == 2
    assert [e.name for e in entities if e.type in ("GPE", "LOC")] == ["الأناضول"]
    place = next(e for e in entities if e.type in ("GPE", "LOC"))
    assert len(place.mentions) == 1


def test_an_outlet_named_after_a_place_names_no_place() -> None:
    assert _places("وقالت قناة الجزيرة إن المفاوضات مستمرة.") == []


def test_a_word_after_an_administrative_head_is_a_place_unless_an_ordinary_word() -> None:
    assert "القريات" in _places("وضبط مكتب العمل بمحافظة القريات عددا من المخالفين.")
    assert "طريف" in _places("وأنقذت فرقة الإنقاذ في قطاع طريف ثلاثة أشخاص.")
    assert _places("وخصص الفندق منطقة استرخاء للضيوف ومنطقة آمنة للأطفال.") == []


def test_a_place_written_short_is_the_fuller_place_but_not_a_part_of_it() -> None:
    entities = _entities(
        "وزار الوفد الإمارات العربية المتحدة أمس. وقال إن الإمارات شريك مهم."
        " وتقع لوزان في قلب أوروبا، قرب أكبر بحيرة في أوروبا الغربية."
    )
    places = [e for e in entities if e.type in ("GPE", "LOC")]
    emirates = [e for e in places if e.name.startswith("الإمارات")]
    assert [e.name for e in emirates] == ["الإمارات العربية المتحدة"]
    assert len(emirates[0].mentions) == 2
    assert {"أوروبا", "أوروبا الغربية"} <= {e.name for e in places}


def test_a_quoted_name_after_a_nationality_or_role_is_a_person() -> None:
    body = "وتدرب الفريق بقيادة البرتغالي «جوزيه مورينيو» على الكرات الثابتة."
    assert "جوزيه مورينيو" in _names(body, "PER")
    assert _names(body, "ORG") == []
    assert _names("وعرضت القناة فيلم «الطريق الطويل» مساء أمس.", "PER") == []


def test_a_name_the_news_writes_after_a_head_is_an_organization_alone() -> None:
    from marsad.entities.brands import brand_names

    known = brand_names()
    assert known["واتساب"] == "outlet" and known["الهلال"] == "club"
    assert "الخير" not in known and "ميزان" not in known  # ordinary nouns take the article
    body = "وحذر الأطباء من وصفات واتساب، وتغلب النصر على الهلال مساء أمس."
    assert {"واتساب", "الهلال"} <= set(_names(body, "ORG"))


def test_an_organization_fought_is_another_and_its_labels_are_not_its_name() -> None:
    body = "وتشارك المملكة في التحالف الدولي لمحاربة تنظيم داعش الإرهابي في سورية."
    names = _names(body, "ORG")
    assert "التحالف الدولي" in names
    assert "تنظيم داعش" in names


def test_a_head_alone_names_no_organization() -> None:
    assert "نادي" not in _names("وانتقل اللاعب إلى نادي آخر في الموسم الماضي.", "ORG")


def test_a_body_named_after_its_founders_is_an_organization_not_persons() -> None:
    body = "وشكر المنظمون الرعاة: مؤسسة سالم وخالد عمر الراشد الخيرية، وسعيد عمر الحربي المحدودة."
    orgs = _names(body, "ORG")
    assert "مؤسسة سالم وخالد عمر الراشد الخيرية" in orgs, orgs
    assert "سعيد عمر الحربي المحدودة" in orgs, orgs
    assert _names(body, "PER") == []
    two = _names("وشكر المنظمون سعيد عمر الحربي المحدودة ومجموعة الفهد.", "ORG")
    assert "سعيد عمر الحربي المحدودة" in two, two


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("وقال اللاعب في حديثه مع الإعلامي الزميل بسام الدخيل إنه سيغادر.", "بسام الدخيل"),
        ("ورفض ممثل الرئيس اللبناني السابق المنصف الشامي التوقيع.", "المنصف الشامي"),
        ("ودعا الملا أختر محمد في رسالة صوتية إلى الوحدة.", "أختر محمد"),
    ],
)
def test_a_name_after_what_a_person_is_or_was_is_a_person(body: str, name: str) -> None:
    assert name in _names(body, "PER"), _entities(body)


def test_led_by_a_person_is_no_organization() -> None:
    body = "وأوضح أن الحكومة السابقة، برئاسة عبد الرحيم الكيب، اتصلت بالوزير."
    assert "عبد الرحيم الكيب" in _names(body, "PER")
    assert all("برئاسة" not in n and "رئاسة" not in n for n in _names(body, "ORG"))


def test_a_construct_chain_of_a_rare_noun_is_one_organization_not_of_a_verb() -> None:
    assert "إدارة صوامع الغلال" in _names("وهنا يكون السؤال لإدارة صوامع الغلال اليوم.", "ORG")
    assert all("يحفظ" not in n for n in _names("وقال إن الجيش يحفظ الأمن في البلاد.", "ORG"))


def test_a_verb_after_a_name_is_not_the_name() -> None:
    names = _names("وقال إن الرئيس الأميركي دونالد ترمب يخاطر بحروب تجارية.", "PER")
    assert names == ["دونالد ترمب"], names


def test_a_long_organization_written_shorter_is_one_organization() -> None:
    body = (
        "وأعلن مركز الملك فهد للبحوث الطبية افتتاح مختبر جديد. وقال مدير مركز الملك فهد"
        " إن المختبر يخدم الباحثين."
    )
    orgs = [e for e in _entities(body) if e.type == "ORG"]
    assert [e.name for e in orgs] == ["مركز الملك فهد للبحوث الطبية"], [e.name for e in orgs]
    assert len(orgs[0].mentions) == 2


def test_a_head_alone_is_no_place_and_a_body_short_form_inside_its_name_is_the_body() -> None:
    assert _places("وشارك 48 فريقا من أحياء المحافظة وحضورا جماهيريا كبيرا.") == []
    body = "وتوقعت المديرية العامة للأرصاد الجوية أمطارا، ونصحت الأرصاد السائقين بالحذر."
    orgs = [e for e in _entities(body) if e.type == "ORG"]
    assert [e.name for e in orgs] == ["المديرية العامة للأرصاد الجوية"], [e.name for e in orgs]


def test_a_tagged_organization_grows_over_its_and_parts_only() -> None:
    body = "وتوقع الخبراء أن تحدث مبادرات منظمة التعاون الاقتصادي والتنمية تغييرا كبيرا."
    assert "منظمة التعاون الاقتصادي والتنمية" in _names(body, "ORG")
    assert "مطار" not in _places("وهبطت الطائرة في المطار ثم أقلعت إلى مطار آخر.")


def test_an_organization_written_mostly_without_its_kind_is_named_without_it() -> None:
    body = (
        "وأعلنت شركة يونيفرسو أرباحها. وقالت يونيفرسو إن المبيعات زادت، وتتوقع يونيفرسو نموا"
        " أكبر. ونقلت صحيفة ديلي تلغراف البريطانية الخبر، وقال متحدث للديلي تلغراف إن الشركة"
        " تتوسع."
    )
    organizations = {e.name: e for e in _entities(body) if e.type == "ORG"}
    assert set(organizations) == {"يونيفرسو", "ديلي تلغراف"}, list(organizations)
    assert len(organizations["يونيفرسو"].mentions) == 3  # the bare name found where untagged
    assert len(organizations["ديلي تلغراف"].mentions) == 2
    # written once, with its kind only, or named by an ordinary word: the name keeps its kind
    assert _names("وفاز نادي الرواد على ضيفه.", "ORG") == ["نادي الرواد"]
    body = "وتعاقد نادي الاتحاد مع المدرب، وقال رئيس الاتحاد إن الاتحاد سيفوز."
    assert "نادي الاتحاد" in _names(body, "ORG")


def test_a_name_joined_to_an_organization_or_given_to_one_is_no_person() -> None:
    body = (
        "ووقعت نوكيا وماستر كارد اتفاقا للدفع، وتعمل الخدمة الخاصة بماستر كارد في الهواتف."
        " وقال رئيس ريفر بليت إن نادي ريفر بليت تعاقد مع المدرب."
    )
    entities = _entities(body)
    assert [e.name for e in entities if e.type == "PER"] == [], entities
    organizations = {e.name: e for e in entities if e.type == "ORG"}
    assert {"ماستر كارد", "ريفر بليت"} <= set(organizations), list(organizations)
    assert len(organizations["ماستر كارد"].mentions) == 2
    assert len(organizations["ريفر بليت"].mentions) == 2
    # a person joined to an organization is still a person
    assert _names("واستقبل الأمير وفدا من سامسونج ومحمد العلي في مكتبه.", "PER") == ["محمد العلي"]


def test_an_organization_ends_at_a_noun_after_its_adjective() -> None:
    body = "ونقلت وكالة الأنباء الألمانية الخبر، وأعطت الشرطة الفرنسية الفرصة للمتظاهرين."
    organizations = _names(body, "ORG")
    assert "وكالة الأنباء الألمانية" in organizations, organizations
    assert all("الخبر" not in o and "الفرصة" not in o for o in organizations), organizations
    # adjectives go on after an adjective: a participle, another nisba, «العامة»
    body = "وأصدرت رابطة الصحفيين العراقيين الأحرار بيانا أمس."
    assert _names(body, "ORG") == ["رابطة الصحفيين العراقيين الأحرار"], _names(body, "ORG")
    body = "وأعلنت القيادة العربية الموحدة والهيئة السعودية العامة للغذاء عن خطة."
    organizations = _names(body, "ORG")
    assert "القيادة العربية الموحدة" in organizations, organizations
    body = "وناقش البرلمان الليبي وقانون العفو العام في جلسة أمس."
    assert _names(body, "ORG") == ["البرلمان الليبي"]


def test_an_organization_runs_to_the_end_of_what_it_is_for() -> None:
    # an official adjective after «و…» parts («العام»: public, not "the year")
    body = "وقال مدير مركز التميز للبحوث ودراسات الرأي العام، إن الدراسة اكتملت."
    assert "مركز التميز للبحوث ودراسات الرأي العام" in _names(body, "ORG")
    # a second verbal noun whose object is the plural before it
    body = "وزار فلان الجمعية الخيرية لرعاية الأيتام وتعليمهم، ثم سافر."
    assert "الجمعية الخيرية لرعاية الأيتام وتعليمهم" in _names(body, "ORG")
    # «للجنة»: «ل» + «اللجنة», the article's «ل» written once
    body = "وعقدت اجتماعات للجنة الوطنية العليا للمياه في الخرطوم."
    assert "اللجنة الوطنية العليا للمياه" in _names(body, "ORG")


def test_the_body_a_contest_is_named_after_is_an_organization() -> None:
    body = "وتأهل الفريق إلى الدور الثاني من بطولة الاتحاد الأفريقي بعد فوزه أمس."
    assert "الاتحاد الأفريقي" in _names(body, "ORG")
    # an organization phrase inside a longer one found first stays inside it
    body = "وأعلنت قوات التحالف العربي أنها دمرت مخازن للأسلحة."
    assert _names(body, "ORG") == ["قوات التحالف العربي"]


def test_a_foreign_word_after_a_noun_telling_a_company_is_its_name() -> None:
    body = "وارتفع سهم زيلاندو بعد النتائج، وأعلنت شركة زاجل أرباحها."
    assert _names(body, "ORG") == ["زيلاندو", "زاجل"], _names(body, "ORG")
    # an adjective, a common word or a site after such a noun names nothing
    body = "وزار الوفد موقع أثري ثم شركة كبرى، وانتظر في محطة مترو قريبة."
    assert _names(body, "ORG") == [], _names(body, "ORG")


def test_where_a_named_body_is_from_is_not_its_name() -> None:
    body = "ونقلت صحيفة لا ريبوبليكا الإيطالية عن مصادر أن وزارة العدل الأمريكية فتحت تحقيقا."
    assert _names(body, "ORG") == ["صحيفة لا ريبوبليكا", "وزارة العدل الأمريكية"]
    assert _names("وتغلب فريق ريال بيتيس الإسباني على ضيفه.", "ORG") == ["ريال بيتيس"]
    # «ريال» before a club's name is its first word, not a currency; after a sum it is one
    assert _names("ودفع مليون ريال سعودي للشركة.", "ORG") == []


def test_an_institution_named_in_quotation_marks_or_run_by_another_head() -> None:
    body = "وقالت إدارة جامعة «غنت» البلجيكية إنها ستعيد القطعة الأثرية إلى مصر."
    assert _names(body, "ORG") == ["جامعة غنت"], _names(body, "ORG")
    # a programme's title in quotation marks is no organization
    body = "وقدم المذيع برنامج «ليالي الخير» على القناة."
    assert all("ليالي" not in name for name in _names(body, "ORG"))


def test_a_second_body_joined_by_and_ends_the_first() -> None:
    body = "وتعاونت الهيئة السعودية للمواصفات والمقاييس والجودة والجمارك السعودية في ضبط الشحنة."
    assert "الهيئة السعودية للمواصفات والمقاييس والجودة" in _names(body, "ORG")
    body = "وأكد أن أمانة منطقة المدينة وشركاء النجاح أعدوا الفعاليات."
    assert _names(body, "ORG") == ["أمانة منطقة المدينة"], _names(body, "ORG")
    body = "ورعت الجمعية الوطنية للتراث العمراني وملتقى الحرف الفعالية."
    assert "الجمعية الوطنية للتراث العمراني" in _names(body, "ORG"), _names(body, "ORG")


def test_a_plan_an_office_sought_or_a_technology_is_no_organization() -> None:
    body = "وأطلق برنامج الأمم المتحدة الإنمائي مبادرة، وبدأ برنامج التدريب الصيفي للطلاب."
    assert _names(body, "ORG") == ["برنامج الأمم المتحدة الإنمائي"], _names(body, "ORG")
    body = "وترشح النائب لرئاسة حزب الخضر في الانتخابات."
    assert _names(body, "ORG") == ["حزب الخضر"], _names(body, "ORG")
    body = "وتوفر الغرف خدمة الواي فاي مجانا."
    assert _names(body, "ORG") == [], _names(body, "ORG")
    body = "ويضم البيت مجلس الرجال العلوي ومجلس النساء السفلي وغرفة النوم والمطبخ."
    assert _names(body, "ORG") == [], _names(body, "ORG")


def test_a_channel_in_latin_letters_or_a_brands_branch_is_an_organization() -> None:
    body = "وعمل مذيعا على قناة abc ثم انتقل إلى إذاعة xyz fm في دبي."
    organizations = _names(body, "ORG")
    assert "abc" in organizations and "xyz fm" in organizations, organizations
    # an adjective without the article after a brand names its branch
    body = "وقدم البرنامج على شاشة روتانا خليجية في رمضان."
    assert _names(body, "ORG") == ["روتانا خليجية"], _names(body, "ORG")


def test_where_a_body_is_said_once_is_not_its_name() -> None:
    body = "وضبط مكتب التموين بالمنطقة الشرقية مخالفات، وقال مدير مكتب التموين إن الحملة مستمرة."
    assert "مكتب التموين" in _names(body, "ORG"), _names(body, "ORG")
    # named only with its place, the body keeps it
    body = "ونظمت الجمعية الفلكية بجدة محاضرة عن الكسوف."
    assert _names(body, "ORG") == ["الجمعية الفلكية بجدة"], _names(body, "ORG")


def test_an_ordinary_word_with_its_own_adjective_is_not_the_organization_it_can_name() -> None:
    assert _names("وحذر الخبراء من تآكل القاعدة الضريبية في المنطقة.", "ORG") == []
    assert _names("وتبنى القاعدة الهجوم في بيان.", "ORG") == ["القاعدة"]


def test_a_body_named_with_and_without_its_area_head_is_one_body() -> None:
    body = (
        "وكثفت أمانة منطقة جازان جولاتها الرقابية. وقال المتحدث باسم أمانة جازان إن الجولات مستمرة."
    )
    organizations = [e for e in _entities(body) if e.type == "ORG"]
    assert [e.name for e in organizations] == ["أمانة منطقة جازان"], organizations
    assert len(organizations[0].mentions) == 2


def test_a_body_named_by_the_place_it_serves_ends_after_the_place() -> None:
    assert _names("وأعلن تعليم منطقة تبوك النتائج.", "ORG") == ["تعليم منطقة تبوك"]
    assert _names("وضبط مرور الرياض المخالفين.", "ORG") == ["مرور الرياض"]
    assert _names("ويهدف البرنامج إلى تعليم اللغة العربية للأطفال.", "ORG") == []


def test_a_described_body_keeps_the_place_it_is_in() -> None:
    body = "وذلك تحت رعاية السفارة الفرنسية بالرياض وبحضور ممثل عن الوزارة."
    assert _names(body, "ORG") == ["السفارة الفرنسية بالرياض"], _names(body, "ORG")
    assert "الرياض" in [e.name for e in _entities(body) if e.type in ("GPE", "LOC")]


def test_a_branch_names_the_body_it_belongs_to() -> None:
    body = "وقال مدير فرع هيئة الهلال الأحمر بمنطقة حائل إن الفرق جاهزة."
    assert _names(body, "ORG") == ["هيئة الهلال الأحمر"], _names(body, "ORG")


def test_the_office_of_a_role_is_no_organization() -> None:
    body = "وعمل مستشارا بمكتب وكيل الوزارة للشؤون الثقافية، ثم انتقل إلى جامعة الملك خالد."
    organizations = _names(body, "ORG")
    assert organizations == ["جامعة الملك خالد"], organizations


def test_a_long_sentence_is_cut_between_clauses_not_inside_a_name() -> None:
    # one sentence of well over a hundred tokens, a list of appointments joined by commas
    clauses = [
        f"وتكليف الموظف رقم {n} بمهام مدير عام الإدارة العامة لرعاية المسنين والأحداث"
        for n in range(14)
    ]
    body = "وأصدر وزير الشؤون الاجتماعية اليوم ثمانية قرارات جديدة " + "، ".join(clauses) + "."
    names = [e for e in _entities(body) if e.type == "ORG"]
    assert [e.name for e in names] == ["الإدارة العامة لرعاية المسنين والأحداث"], names
    assert len(names[0].mentions) == 14


def test_a_kind_of_body_and_its_nationality_describe_one_named_elsewhere() -> None:
    body = "وارتفع سهم البنك الفرنسي بعد النتائج، وتراجعت السوق الصينية، ورحبت الحكومة التركية."
    assert _names(body, "ORG") == ["الحكومة التركية"], _names(body, "ORG")


def test_a_name_ends_before_a_plural_noun_and_takes_the_form_the_article_uses_most() -> None:
    body = (
        "وتقدم حزب الخضر الألماني في الاستطلاع. وخسر حزب الخضر الانتخابات العامة الماضية،"
        " ويأمل حزب الخضر أن يعود، ويرى قادة حزب الخضر أن الفرصة قائمة."
    )
    organizations = [e for e in _entities(body) if e.type == "ORG"]
    assert [e.name for e in organizations] == ["حزب الخضر"], organizations
    assert len(organizations[0].mentions) == 4
    # written with its adjective at least as often, the adjective stays in the name
    body = "وهاجم حزب العمال الكردستاني موقعا، وقال حزب العمال الكردستاني إن حزب العمال مستعد."
    assert _names(body, "ORG") == ["حزب العمال الكردستاني"], _names(body, "ORG")


def test_a_persons_family_name_alone_or_a_number_after_a_name_is_no_organization_name() -> None:
    body = "وترشحت ليز كيندال لزعامة الحزب، وقالت كيندال إنها ستفوز."
    entities = _entities(body)
    assert [e.name for e in entities if e.type == "ORG"] == [], entities
    assert [e.name for e in entities if e.type == "PER"] == ["ليز كيندال"], entities
    body = "للتواصل أرسل رسالة إلى Mobily 737221 أو إلى الرقم المجاني."
    assert all(not any(c.isdigit() for c in n) for n in _names(body, "ORG")), _names(body, "ORG")


def test_the_body_a_committee_belongs_to_is_another_organization() -> None:
    body = "وكان عضوا في اللجنة التنفيذية للفيفا لمدة عشرين عاما."
    assert _names(body, "ORG") == ["الفيفا"], _names(body, "ORG")
    # a ministry's short name after «لل» is what the body is for, not its owner
    body = "وقالت المديرية العامة للدفاع المدني إن الفرق جاهزة."
    assert _names(body, "ORG") == ["المديرية العامة للدفاع المدني"], _names(body, "ORG")


def test_an_action_after_a_name_is_not_what_the_body_is_for() -> None:
    body = "ودفع ذلك المسؤولين عن المنتخب الأردني للتشديد أكثر على اللاعبين."
    assert _names(body, "ORG") == ["المنتخب الأردني"], _names(body, "ORG")
    body = "ويعد الدين معدوما عند عدم قدرة مصرف الإمارات للتنمية على تحصيله."
    assert _names(body, "ORG") == ["مصرف الإمارات للتنمية"], _names(body, "ORG")


def test_a_head_written_indefinite_opens_no_name() -> None:
    body = (
        "وأنجزت الهيئة ممثلة بصندوق التنمية الريفية مشاريع عدة، بعد إنشاء صندوقٍ للتنمية"
        " الريفية قبل أعوام."
    )
    organizations = [e for e in _entities(body) if e.type == "ORG"]
    assert [e.name for e in organizations] == ["صندوق التنمية الريفية"], organizations
    assert len(organizations[0].mentions) == 1


def test_a_word_the_article_writes_after_a_proclitic_keeps_its_first_letter() -> None:
    body = (
        "وسجل مهاجم بوكا جونيورز هدفا رائعا، ورفع الفوز رصيد لبوكا جونيورز إلى 37 نقطة،"
        " وقال مدرب بوكا جونيورز إن الفريق جاهز."
    )
    organizations = [e for e in _entities(body) if e.type == "ORG"]
    assert [e.name for e in organizations] == ["بوكا جونيورز"], organizations
    assert all(m.text.startswith(("بوكا", "جونيورز")) for m in organizations[0].mentions)


class _NothingTagger:
    """A tagger that finds no name: what the rules find alone."""

    def tag(self, words: list[str]) -> list[str]:
        return ["O"] * len(words)


def _rule_mentions(body: str) -> list[tuple[str, str]]:
    from marsad.entities.mentions import find_mentions, sentences_of

    found = find_mentions(sentences_of("body", body, _NothingTagger()), {"body": body})  # type: ignore[arg-type]
    return [(m.type, m.text) for m in found]


@pytest.mark.parametrize(
    ("body", "person"),
    [
        (
            "وأوضح المتحدث الرسمي لهيئة الطيران المدني سامر الدوسري أن الرحلات عادت.",
            "سامر الدوسري",
        ),
        (
            "وقال الرئيس التنفيذي لشركة الكهرباء الوطنية خالد الحربي إن الشبكة توسعت.",
            "خالد الحربي",
        ),
        ("وقال مدير مركز الأبحاث الزراعية سامي الشهري إن الموسم جيد.", "سامي الشهري"),
    ],
)
def test_a_name_after_the_body_a_role_is_of_is_a_person(body: str, person: str) -> None:
    assert ("PER", person) in _rule_mentions(body)


def test_a_word_after_the_body_a_role_is_of_needs_a_second_name_word() -> None:
    body = "وقال مدرب الفريق إن لاعب المنتخب البلجيكي جيل خاص تماما."
    assert not [m for m in _rule_mentions(body) if m[0] == "PER"]


@pytest.mark.parametrize(
    ("body", "person", "family"),
    [
        (
            "تعرض مدرب الفريق محسن أبو الخير لإصابة. وفضل أبو الخير أن يسافر إلى القاهرة للعلاج.",
            "محسن أبو الخير",
            "أبو الخير",
        ),
        (
            "أصيب اللاعب خالد أبو النجا. وفضل أبو النجا أن يغادر اليوم.",
            "خالد أبو النجا",
            "أبو النجا",
        ),
    ],
)
def test_a_verb_opening_a_clause_before_a_name_is_not_its_given_name(
    body: str, person: str, family: str
) -> None:
    people = [e for e in _entities(body) if e.type == "PER"]
    assert [e.name for e in people] == [person]
    assert family in [m.text for m in people[0].mentions]


@pytest.mark.parametrize(
    "body",
    [
        "وكان قائد كل فريق يردد بعض الأناشيد القديمة في الحفل.",
        "وظل الفريق ينافس على اللقب حتى الجولة الأخيرة.",
    ],
)
def test_a_verb_after_a_title_opens_no_name(body: str) -> None:
    assert _names(body, "PER") == []


def test_a_name_after_a_title_still_opens_a_person() -> None:
    assert "يوسف الحربي" in _names("وأكد الفريق يوسف الحربي أن الخطة نجحت.", "PER")
