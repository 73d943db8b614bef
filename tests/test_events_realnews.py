"""Events as real news tells them: sports results, accidents, arguments linked to each
trigger, and the one-word triggers that are not events."""

from __future__ import annotations

import pytest

from marsad import Document, Pipeline
from marsad.errors import EmptyInputError
from marsad.record import Article, Event


def article_of(body: str, title: str = "خبر") -> Article:
    return Pipeline()(Document(origin="m", kind="text", content=f"{title}\n\n{body}"))


def name(article: Article, entity_id: str | None) -> str:
    return next((e.name for e in article.entities if e.id == entity_id), "")


def of_type(article: Article, kind: str) -> list[Event]:
    return [e for e in article.events if e.type == kind]


def test_an_entry_is_not_cut_to_a_root_it_does_not_have() -> None:
    # «هنأ» normalized is «هنا» (here); «بارك» and «فجرت» lose a root letter without
    # their first one («ارك», «جرت»); «فجر» is also dawn
    article = article_of(
        "ونحن هنا في نادي كوينز بارك لا نفكر إلا في المباراة، وجرت فعاليات الحفل فجر اليوم."
    )
    assert not of_type(article, "endorse")
    assert not of_type(article, "attack")


def test_sports_results_with_winner_and_other_side() -> None:
    article = article_of(
        "فاز المنتخب السعودي على منتخب الكويت بهدفين مقابل هدف في مباراة ودية أمس، "
        "فيما تعادل المنتخب العراقي مع منتخب الأردن."
    )
    results = of_type(article, "sports_result")
    assert len(results) == 2
    assert any("الكويت" in name(article, e.target) for e in results)
    assert all(e.agent is not None and e.agent != e.target for e in results)


def test_a_win_in_an_election_or_a_loss_of_money_is_no_sports_result() -> None:
    article = article_of("خسرت الشركة ملايين الريالات هذا العام بعد أن فاز منافسها بثقة السوق.")
    assert not of_type(article, "sports_result")


def test_an_accident_is_kept_without_an_agent() -> None:
    article = article_of("لقي شاب مصرعه في حادث مروري على طريق الرياض الدمام.")
    (accident,) = of_type(article, "accident")
    assert accident.agent is None
    assert article.field_text(accident.trigger.field)[
        accident.trigger.start : accident.trigger.end
    ].startswith("حادث")


def test_an_incident_or_a_collision_of_particles_is_no_accident() -> None:
    article = article_of(
        "حادثة التحرش ليست الأولى، والشهب تتكون من اصطدام جسيمات صغيرة بالغلاف الجوي."
    )
    assert not of_type(article, "accident")


def test_one_word_with_no_participant_is_no_event() -> None:
    article = article_of("وقال المتحدث إن الزيارة كانت مثمرة وإن الاجتماع المقبل سيعقد في أكتوبر.")
    assert not of_type(article, "meeting")


def test_each_appointment_of_a_list_is_an_event_with_the_agent_of_the_first() -> None:
    article = article_of(
        "أصدر الوزير الدكتور خالد العتيبي قرارات بتكليف سالم بن أحمد الحربي مديرا عاما "
        "للمستشفيات، وتكليف فهد بن علي الشمري مستشارا للوزير."
    )
    appointments = of_type(article, "appointment")
    assert len(appointments) == 2
    first, second = (name(article, e.target) for e in appointments)
    assert first.startswith("سالم") and second.startswith("فهد")
    agents = {e.agent for e in appointments}
    assert len(agents) == 1 and None not in agents


def test_a_dismissal_is_an_appointment_ended() -> None:
    article = article_of("أعفى الملك سلمان بن عبدالعزيز وزير الإعلام عادل الطريفي من منصبه.")
    (event,) = of_type(article, "appointment")
    assert event.mode == "dismissal"
    assert name(article, event.agent) == "سلمان بن عبدالعزيز"
    assert name(article, event.target) == "عادل الطريفي"


def test_the_subject_past_a_title_and_the_target_past_the_subject() -> None:
    article = article_of(
        "استنكر الأمين العام لمجلس التعاون الخليجي الدكتور عبداللطيف الزياني، "
        "تصريحات نائب الرئيس العراقي."
    )
    (event,) = of_type(article, "condemn")
    assert "الزياني" in name(article, event.agent)


def test_a_person_after_a_preposition_is_not_the_agent() -> None:
    article = article_of(
        "وافتتح رئيس البلدية المهندس سعد الغامدي الحديقة الجديدة أمس.\n"
        "ونوه بدعم الأمير خالد الفيصل للمشروعات."
    )
    for event in of_type(article, "endorse"):
        assert name(article, event.agent) != "خالد الفيصل"


def test_the_agent_of_a_noun_is_the_subject_of_the_verb_that_carries_it() -> None:
    article = article_of(
        "وعقد ولي العهد الأمير محمد بن سلمان، في مكتبه بجدة، اجتماعا مع وزير الدفاع "
        "الأمريكي آشتون كارتر."
    )
    (meeting,) = of_type(article, "meeting")
    assert name(article, meeting.agent) == "محمد بن سلمان"


def test_before_a_relative_pronoun_the_agent_is_its_antecedent_or_none() -> None:
    article = article_of("وأدانت الكويت الهجوم الذي استهدف مسجدا في القطيف وأسفر عن مقتل 20 شخصا.")
    (condemn,) = of_type(article, "condemn")
    assert name(article, condemn.agent) == "الكويت"
    for attack in of_type(article, "attack"):
        assert name(article, attack.agent) != "الكويت"


def test_seizing_people_is_an_arrest_seizing_violations_is_not() -> None:
    held = article_of("ضبطت شرطة منطقة الرياض 25 متخلفا لنظام الإقامة.")
    assert of_type(held, "arrest")
    fined = article_of("وضبط رجال المرور في الرياض مخالفات السرعة خلال الشهر الماضي.")
    assert not of_type(fined, "arrest")


def test_a_trigger_word_inside_a_name_triggers_nothing() -> None:
    article = article_of("زار وفد من مركز الإغاثة الدولي مدينة جدة أمس.", title="وفد")
    for event in article.events:
        assert "إغاثة" not in event.trigger.text and "اغاثة" not in event.trigger.text


def test_no_stage_raises_on_odd_text() -> None:
    for text in ["فاز", "حادث،،،", "«تكليف»", "عقد ، ، اجتماعا", "الذي فاز"]:
        assert article_of(text, title=text).errors == []
    with pytest.raises(EmptyInputError):  # no words at all: a rejection, not a record
        article_of("", title="x")


def test_a_word_with_the_article_is_no_verbal_trigger() -> None:
    article = article_of(
        "وأنقذت فرق البحث والإنقاذ في جدة ثلاثة أشخاص بعد مكالمة مع مستشفى الملك فهد."
    )
    assert not [e for e in of_type(article, "meeting") if "بحث" in e.trigger.text]


def test_a_subject_with_no_name_leaves_the_agent_unknown() -> None:
    article = article_of(
        "وقال الوزير سعد الحربي في كلمته إن الموسم ناجح، وأشاد عدد من المسؤولين بتنظيم المهرجان."
    )
    for event in of_type(article, "endorse"):
        assert event.agent is None or name(article, event.agent) != "سعد الحربي"


def test_of_coordinated_subjects_before_a_verb_the_first_is_the_agent() -> None:
    article = article_of(
        "السودان وإثيوبيا يوقعان اتفاقا للربط الكهربائي", title="السودان وإثيوبيا يوقعان اتفاقا"
    )
    agreements = of_type(article, "agreement")
    assert agreements and name(article, agreements[0].agent) == "السودان"


def test_a_person_named_in_short_is_the_fuller_person() -> None:
    article = article_of(
        "أصدر وزير العمل الدكتور سالم بن عبدالله الغامدي قرارا بتنظيم الإجازات.\n"
        "ونصت القرارات التي أصدرها الدكتور سالم الغامدي على تكليف خالد بن سعد العمري "
        "مديرا عاما للفرع."
    )
    (event,) = of_type(article, "appointment")
    assert name(article, event.agent) == "سالم بن عبدالله الغامدي"


def test_a_participle_takes_the_subject_of_its_sentence() -> None:
    article = article_of(
        "وقال المدرب محسن الحربي إنه سيعود إلى الملاعب قريبا، مقدما شكره للجماهير."
    )
    (event,) = of_type(article, "endorse")
    assert name(article, event.agent).startswith("محسن")


def test_praise_with_no_one_praising_is_dropped() -> None:
    article = article_of("وتقلل الإصلاحات من الانتقادات الموجهة للاتحاد الدولي لكرة القدم.")
    assert not of_type(article, "condemn")


def test_retaking_a_place_by_force_is_an_attack() -> None:
    article = article_of("واستعادت القوات العراقية مدينة الرمادي من تنظيم داعش بعد معارك عنيفة.")
    assert of_type(article, "attack")


def test_a_subject_right_before_its_verb_is_the_agent() -> None:
    article = article_of(
        "وأفادت الأنباء بأن القوات العراقية تستعيد مدينة الرمادي من تنظيم داعش.",
        title="القوات العراقية تستعيد الرمادي",
    )
    (attack,) = of_type(article, "attack")
    assert name(article, attack.agent) == "القوات العراقية"


def test_a_denied_event_is_no_event() -> None:
    article = article_of("ونفى وزير المالية خالد العتيبي وجود أي صفقة مع الشركة الأمريكية.")
    assert not of_type(article, "agreement")


def test_two_meetings_told_as_news_stay_two() -> None:
    article = article_of(
        "وعقد الأمير محمد بن سلمان في مكتبه اجتماعا ثنائيا مع وزير الدفاع الأمريكي آشتون كارتر.\n"
        "وعقب ذلك عقد الأمير محمد بن سلمان اجتماعا موسعا بحضور الوفدين."
    )
    assert len(of_type(article, "meeting")) == 2


def test_investigating_is_no_meeting() -> None:
    article = article_of("ويبحث مدعون سويسريون في فساد محتمل داخل الاتحاد الدولي لكرة القدم.")
    assert not of_type(article, "meeting")


def test_a_noun_joined_by_and_shares_the_agent_of_the_previous_event() -> None:
    article = article_of(
        "وأكد أن مباحثات الرياض بين الأمير سعود بن خالد الفيصل والرئيس التونسي الباجي "
        "قائد السبسي والاتفاق على تشكيل لجنة مشتركة خطوة مهمة."
    )
    (agreement,) = of_type(article, "agreement")
    (meeting,) = of_type(article, "meeting")
    assert agreement.agent is not None and agreement.agent == meeting.agent


def test_the_person_of_a_title_is_the_target_not_the_country_of_it() -> None:
    article = article_of(
        "والتقى الأمير سعود بن خالد الفيصل في جدة أمس رئيس جمهورية مصر العربية عبد الفتاح السيسي."
    )
    (meeting,) = of_type(article, "meeting")
    assert name(article, meeting.target) == "عبد الفتاح السيسي"


def test_no_agent_is_borrowed_from_before_a_that_clause() -> None:
    article = article_of(
        "ونقلت وكالة الأنباء السعودية عن مصدر أن مدير الشركة وقع اتفاقية للتعاون مع نظيره."
    )
    for event in of_type(article, "agreement"):
        assert "وكالة" not in name(article, event.agent)


def test_what_a_statement_reports_does_not_take_its_speaker() -> None:
    article = article_of(
        "وأكد السفير محمد الحربي في تصريحات صحفية تعرض الصحفيين لموجة من القمع والاعتقالات."
    )
    for event in of_type(article, "arrest"):
        assert name(article, event.agent) != "محمد الحربي"


def test_owing_or_exempting_is_neither_condemning_nor_dismissing() -> None:
    article = article_of(
        "ويدين النادي بالفضل في هذا الفوز لمهاجمه سالم الدوسري، "
        "وأعفى القرار الكويت والبحرين من الرسوم الجديدة."
    )
    assert not of_type(article, "condemn")
    assert not of_type(article, "appointment")


def test_after_a_relative_the_place_visited_is_no_agent() -> None:
    article = article_of(
        "وقال المستشار الاقتصادي للرئيس الصيني والذي زار واشنطن مؤخرا إن التجارة ستنمو."
    )
    for event in of_type(article, "meeting"):
        assert name(article, event.agent) != "واشنطن"


def test_stopping_a_policy_is_no_arrest_holding_people_is() -> None:
    stopped = article_of("وأوقفت الولايات المتحدة منح التأشيرات في هافانا.")
    assert not of_type(stopped, "arrest")
    held = article_of("وأوقفت دوريات حرس الحدود في قطاع حالة عمار أمس 6 أشخاص متسللين.")
    assert of_type(held, "arrest")


def test_signing_a_register_is_no_agreement() -> None:
    article = article_of("وبعد التوقيع في كشف الناخبين يدلي المواطن أحمد علي بصوته.")
    assert not of_type(article, "agreement")


def test_an_agreement_made_before_is_no_new_agreement() -> None:
    article = article_of(
        "وقال الوزير سعد الحربي إن الخلاف مستمر بشأن الاتفاق النووي مع إيران، "
        "وإن بلاده متمسكة باتفاق الطائف."
    )
    assert not of_type(article, "agreement")


def test_pointing_out_is_no_praise_nor_sharing_out_wealth_aid() -> None:
    article = article_of("ونوه الوزير سعد الحربي إلى أنه يتم توزيع الثروة على قلة من المسؤولين.")
    assert not of_type(article, "endorse")
    assert not of_type(article, "aid")


def test_distributing_food_baskets_is_aid() -> None:
    article = article_of("ووزع مركز الملك سلمان للإغاثة 100 ألف سلة غذائية على المتضررين في عدن.")
    assert of_type(article, "aid")


def test_laying_blame_is_no_arrest() -> None:
    article = article_of("وأعلن الرئيس دونالد ترامب إلغاء القمة وألقى باللائمة على كوريا الشمالية.")
    assert not of_type(article, "arrest")


def test_an_accident_takes_no_agent() -> None:
    article = article_of("واندلع حريق في هاتف المسافر أحمد علي داخل مطار برشلونة.")
    (accident,) = of_type(article, "accident")
    assert accident.agent is None


def test_who_undergoes_criticism_is_not_its_agent() -> None:
    article = article_of("وتعرض المدرب أنطونيو كونتي لانتقادات بسبب أسلوبه الدفاعي.")
    for event in of_type(article, "condemn"):
        assert name(article, event.agent) != "أنطونيو كونتي"


def test_an_agent_is_not_its_own_target() -> None:
    article = article_of("وكان أول رئيس زار بيونغيانغ الرئيس كيم داي جونغ الذي التقى كيم جونغ إيل.")
    for event in article.events:
        assert event.target is None or event.target != event.agent


def test_an_unnamed_subject_after_that_leaves_the_agent_unknown() -> None:
    article = article_of(
        "ونقلت الوكالة عن السفير أسامة شلتوت أن الوفد سيوقع مذكرة تفاهم للتعاون في النقل."
    )
    for event in of_type(article, "agreement"):
        assert name(article, event.agent) != "أسامة شلتوت"


def test_seizing_goods_is_no_arrest() -> None:
    article = article_of("وضبطت الفرق الرقابية في الدمام 500 جهاز تكييف مخالف.")
    assert not of_type(article, "arrest")


def test_a_donor_is_named_right_after_the_aid_not_far_away() -> None:
    article = article_of(
        "وشهد المشرف العام تدشين القوافل الإغاثية بالتعاون مع الهيئات المحلية، "
        "والتي ستصل تباعا إلى المحتاجين من الأسر في محافظة حضرموت."
    )
    for event in of_type(article, "aid"):
        assert name(article, event.agent) != "حضرموت"


def test_a_noun_with_the_article_takes_no_agent_from_before_it() -> None:
    article = article_of("فاز فريق الهلال على النصر بهدفين مقابل هدف في اللقاء المتأخر من الجولة.")
    assert not of_type(article, "meeting")


def test_time_passing_is_no_collision() -> None:
    article = article_of("وتوقع العالم ستيفن مايرز اصطدام الأرض بالمريخ بعد مرور مليار عام.")
    assert not of_type(article, "accident")


def test_extending_a_partnership_is_an_agreement() -> None:
    article = article_of("وأعلنت شركة سامسونج وشركة ماستر كارد عن تمديد شراكتهما العالمية.")
    (agreement,) = of_type(article, "agreement")
    assert "سامسونج" in name(article, agreement.agent)


def test_a_title_after_the_verb_is_the_person_holding_it() -> None:
    article = article_of(
        "وصل وزير الخارجية عادل الجبير إلى القاهرة أمس.\n"
        "ورحب الوزير بنتائج المباحثات مع الجانب المصري."
    )
    (event,) = of_type(article, "endorse")
    assert name(article, event.agent) == "عادل الجبير"


def test_a_congratulation_sent_is_the_sender_s() -> None:
    article = article_of(
        "وبعث الرئيس عبد الفتاح السيسي برقية تهنئة إلى الرئيس التونسي بمناسبة العيد الوطني."
    )
    (event,) = of_type(article, "endorse")
    assert name(article, event.agent) == "عبد الفتاح السيسي"


def test_a_support_verb_does_not_reach_past_a_relative_clause() -> None:
    article = article_of(
        "وكانت الطائرة تشارك في ملاحقة العناصر التي فرت أثناء تعرضها لغارات جوية "
        "شنتها مقاتلات التحالف العربي."
    )
    (attack,) = of_type(article, "attack")
    assert "التحالف" in name(article, attack.agent)
