"""Recall cases: incidents told with a comparison, a later clause about the past, slogans, a
purpose, prices, a discourse link, a kidnapped worker, a march, a condemned crackdown; and the
evidence of an incident taken from its own sentence. Reports written for these tests."""

from __future__ import annotations

from datetime import datetime

from marsad.extract import extract_events
from marsad.model import Document
from marsad.record import EventRecord


def _events(text: str, published: str = "2022-05-10T12:00:00+00:00") -> list[EventRecord]:
    return extract_events(Document(id="r", text=text, published=datetime.fromisoformat(published)))


def test_deadliest_attack_since_is_a_comparison_not_a_total() -> None:
    text = "قتل 14 شخصا الثلاثاء في تفجير سيارة مفخخة بسوق في مدينة الحلة، في أعنف هجوم تشهده المدينة منذ بداية العام."
    (ev,) = _events(text)
    assert ev.sub_event_type == "Remote explosive/landmine/IED" and ev.fatalities == 14


def test_a_total_since_the_start_of_the_year_is_still_no_incident() -> None:
    assert _events("قتل أكثر من 300 مدني في الغارات على المدينة منذ بداية العام.") == []


def test_last_year_far_after_the_protest_dates_only_its_clause() -> None:
    text = (
        "نصب المتظاهرون من أنصار المعارضة خيامهم الثلاثاء أمام مقر البرلمان في عمان تحت شعارات تطالب "
        "بتنفيذ الإصلاحات التي وعدت بها الحكومة في العام الماضي."
    )
    (ev,) = _events(text)
    assert ev.event_type == "Protests"


def test_last_year_framing_the_incident_is_history() -> None:
    assert _events("وفي العام الماضي قتل 55 مدنيا في قصف على مدينة دوما.") == []


def test_an_old_date_after_a_noun_names_that_nouns_event() -> None:
    text = (
        "تظاهر المئات في نواكشوط رفضا لاعتقالات الرابع من يوليو الماضي، وطالب المحتجون بالإفراج عن الموقوفين."
    )
    (ev,) = _events(text, "2022-10-17T12:00:00+00:00")
    assert ev.event_type == "Protests" and ev.country == "Mauritania"


def test_an_old_date_framing_the_incident_is_history() -> None:
    text = "وفي السادس من أغسطس قتل مسلحون ثلاثة جنود في هجوم على حاجز قرب مدينة العريش."
    assert _events(text, "2022-10-17T12:00:00+00:00") == []


def test_a_crowd_chanting_slogans_is_a_protest() -> None:
    text = (
        "تجمع عدد من أنصار الحزب بعد ظهر الثلاثاء في ساحة النور بطرابلس شمال لبنان مرددين هتافات ضد الحكومة."
    )
    (ev,) = _events(text)
    assert ev.sub_event_type == "Peaceful protest" and ev.country == "Lebanon"


def test_a_demand_does_not_undo_the_protest_that_makes_it() -> None:
    text = (
        "إلى ذلك، تظاهر مئات الطلاب الثلاثاء في حي العامرية ببغداد للمطالبة بالإفراج عن زميلهم، "
        "وهتف المتظاهرون بشعارات ضد الحكومة."
    )
    (ev,) = _events(text)
    assert ev.event_type == "Protests" and ev.country == "Iraq"


def test_price_protesters_are_not_market_talk() -> None:
    text = "واصل آلاف المتظاهرين الثلاثاء مسيراتهم الاحتجاجية في مقديشو ضد ارتفاع الأسعار وتراجع العملة أمام الدولار."
    (ev,) = _events(text)
    assert ev.event_type == "Protests" and ev.country == "Somalia"


def test_market_talk_alone_is_no_protest() -> None:
    text = "تراجعت الليرة أمام الدولار وسط احتجاجات المستوردين على الرسوم الجمركية الجديدة."
    assert _events(text) == []


def test_a_kidnapped_engineer_is_a_victim() -> None:
    text = "اختطف مسلحون مجهولون مهندسا يعمل في شركة نفطية الثلاثاء في مدينة البصرة."
    (ev,) = _events(text)
    assert ev.sub_event_type == "Abduction/forced disappearance" and ev.country == "Iraq"


def test_people_marching_are_a_protest() -> None:
    text = "خرج آلاف الطلاب الثلاثاء في مسيرة جابت شوارع الرباط تضامنا مع الأساتذة المضربين."
    (ev,) = _events(text)
    assert ev.event_type == "Protests" and ev.country == "Morocco"


def test_a_crackdown_condemned_with_its_day_happened() -> None:
    text = "ندد الاتحاد الأوروبي بقمع قوات الأمن للمتظاهرين في الخرطوم أمس."
    (ev,) = _events(text)
    assert ev.event_type == "Protests" and ev.country == "Sudan"


def test_a_reaction_without_a_day_stays_talk() -> None:
    assert _events("أشاد الوزير بالمتظاهرين السلميين الذين يطالبون بالإصلاح في الخرطوم.") == []


def test_a_foiled_assassination_plot_is_no_event() -> None:
    text = "أحبط جهاز المخابرات محاولة اغتيال كان يعد لها مسلحون ضد الرئيس خلال زيارته إلى تونس."
    assert _events(text) == []


def test_evidence_comes_from_the_incidents_own_sentence() -> None:
    text = (
        "الحكومة تبحث هجوم الموصل\n"
        "عقد مجلس الوزراء الثلاثاء اجتماعا طارئا لبحث الهجوم الذي أدى أمس إلى مقتل 6 جنود في الموصل.\n"
        "وكان ستة جنود من الجيش العراقي قد قتلوا في هجوم على نقطة تفتيش قرب الموصل نفذه مسلحو داعش فجر الاثنين."
    )
    (ev,) = _events(text)
    assert ev.fatalities == 6 and ev.actor1 == "Islamic State (Iraq)"
    core = text.index("وكان ستة")
    for e in ev.evidence:
        assert e.start >= core, (e.field, e.text)
    assert ev.location_ar == "قرب الموصل" and ev.geo_precision == 2
    assert ev.event_date == "2022-05-09"


def test_worshippers_beaten_by_a_police_force() -> None:
    text = "قال سكان في تلعفر إن قوة من الشرطة داهمت جامعا بعد صلاة العشاء واعتدت على المصلين بالضرب."
    (ev,) = _events(text)
    assert ev.sub_event_type == "Attack" and ev.actor2 == "Civilians (Iraq)"


def test_an_assassination_attempt_on_a_minister_without_a_day() -> None:
    text = "تعرض وزير الداخلية الليبي لمحاولة اغتيال في ليبيا عندما أطلق مجهولون النار على موكبه."
    (ev,) = _events(text)
    assert ev.sub_event_type == "Attack" and ev.country == "Libya" and ev.fatalities == 0


def test_rape_by_soldiers_is_political_violence() -> None:
    (ev,) = _events("اغتصب جنود امرأة في قرية قرب مدينة الفاشر مساء الاثنين.")
    assert ev.sub_event_type == "Sexual violence" and ev.actor1.startswith("Military Forces of Sudan")


def test_police_investigating_a_rape_is_no_political_event() -> None:
    assert _events("تحقق الشرطة الفرنسية في واقعة اغتصاب فتاة قرب ناد ليلي في مدينة تولوز.") == []


def test_reports_as_the_source_of_the_news() -> None:
    (ev,) = _events("تحدثت تقارير عن اشتباكات عنيفة بين الجيش ومسلحين في ريف حلب صباح الثلاثاء.")
    assert ev.sub_event_type == "Armed clash" and ev.country == "Syria"


def test_answering_reports_is_still_talk() -> None:
    assert _events("ردت وزارة الدفاع على تقارير عن هجوم كيميائي في بلدة دوما.") == []


def test_aircraft_that_bombed_is_an_air_strike() -> None:
    (ev,) = _events("قصفت طائرات مجهولة مواقع لفصائل مسلحة في مدينة البوكمال.")
    assert ev.sub_event_type == "Air/drone strike" and ev.admin1 == "Deir-ez-Zor"


def test_gunmen_killing_a_count_of_victims() -> None:
    (ev,) = _events("قتل مسلحون مجهولون ثلاثة من عناصر الصحوة في بعقوبة مساء الاثنين.")
    assert ev.fatalities == 3 and ev.actor1 == "Unidentified Armed Group (Iraq)"


def test_stones_thrown_at_soldiers_are_a_riot() -> None:
    (ev,) = _events("رشق شبان فلسطينيون الجنود الإسرائيليين بالحجارة في الخليل الثلاثاء.")
    assert ev.sub_event_type == "Violent demonstration"


def test_a_strike_is_a_protest() -> None:
    (ev,) = _events("أضرب عمال الميناء عن العمل في مدينة العقبة الثلاثاء للمطالبة بزيادة الأجور.")
    assert ev.sub_event_type == "Peaceful protest" and ev.country == "Jordan"


def test_janjaweed_militia() -> None:
    (ev,) = _events("هاجمت ميليشيات الجنجويد قرية في شمال دارفور الثلاثاء وأحرقت منازلها.")
    assert ev.actor1 == "Janjaweed Militia" and ev.country == "Sudan"


def test_rockets_fired_on_a_town() -> None:
    (ev,) = _events("أطلق مسلحون ثلاثة صواريخ على مدينة عسقلان أمس دون وقوع إصابات.")
    assert ev.sub_event_type == "Shelling/artillery/missile attack" and ev.country == "Israel"


def test_a_patrol_fired_upon() -> None:
    (ev,) = _events("تعرضت دورية للجيش اللبناني لإطلاق نار في منطقة البقاع مساء الاثنين.")
    assert ev.event_type == "Battles" and ev.country == "Lebanon"


def test_a_cyber_attack_is_no_attack() -> None:
    assert _events("تعرض موقع وزارة الخارجية لهجوم إلكتروني مساء الاثنين.") == []


def test_dead_and_wounded_together_are_no_death_toll() -> None:
    (ev,) = _events("أسفرت المعارك عن سقوط أكثر من ثلاثين قتيلا وجريحا من الحوثيين في مديرية باقم أمس.")
    assert ev.fatalities == 0


def test_a_second_figure_of_the_wounded_is_not_added_to_the_dead() -> None:
    (ev,) = _events("سقط 11 قتيلا و10 جرحى في انفجار سيارة مفخخة بسوق في بغداد أمس.")
    assert (ev.fatalities, ev.injured) == (11, 10)


def test_a_stabbing_attack() -> None:
    (ev,) = _events("أصيب جنديان إسرائيليان بجروح في عملية طعن قرب الخليل الثلاثاء.")
    assert ev.injured == 2 and ev.country == "Palestine"


def test_protests_going_on_for_days() -> None:
    (ev,) = _events("تواصلت الاحتجاجات لليوم الثالث على التوالي في مدينة صفاقس.")
    assert ev.event_type == "Protests" and ev.country == "Tunisia"


def test_an_appeal_is_no_stabbing() -> None:
    assert _events("قدم المحامي طعنا في الحكم أمام المحكمة في تونس.") == []


# Lead sentences in the ways agencies tell them: each names one incident and must give one event of
# the right kind (written for these tests after reading how 2018 outlets open their reports).
LEADS = [
    ("أعلن الجيش المصري القضاء على ستة مسلحين في اشتباك بمدينة العريش.", "Battles", 6),
    ("أعلنت الشرطة العراقية تصفية أربعة من عناصر داعش في صحراء الأنبار.", "Battles", 4),
    ("انفجرت عبوة ناسفة في سوق بمدينة الموصل وراح ضحيتها تسعة أشخاص.", "Explosions/Remote violence", 9),
    ("أسفرت هجمات تفجيرية في مدينة السويداء عن مقتل 20 شخصا على الأقل.", "Explosions/Remote violence", 20),
    ("هزت عدة انفجارات صباح السبت مراكز اقتراع في مدينة كركوك.", "Explosions/Remote violence", 0),
    (
        "قصفت قوات النظام بالبراميل المتفجرة للمرة الأولى منذ عام أحياء في مدينة درعا.",
        "Explosions/Remote violence",
        0,
    ),
    ("قتل إسرائيليان حين دهس فلسطيني بسيارته مجموعة جنود قرب مدينة جنين.", "Violence against civilians", 2),
    ("لقي 3 عناصر من مليشيا الحوثي مصرعهم بنيران الجيش الوطني غربي تعز.", "Battles", 3),
    ("يواصل المحتجون في مدينة البصرة للأسبوع الثاني تظاهراتهم ضد تردي الخدمات.", "Protests", 0),
    ("شارك آلاف العمال في مظاهرات في مدينة صفاقس للمطالبة برفع الأجور.", "Protests", 0),
    ("فجر المهاجمون عبوتين ناسفتين قرب مركز للشرطة في مدينة بعقوبة.", "Explosions/Remote violence", 0),
]


def test_agency_leads_each_give_their_incident() -> None:
    for text, event_type, killed in LEADS:
        events = _events(text, "2018-03-01T09:00:00+00:00")
        assert [(e.event_type, e.fatalities) for e in events] == [(event_type, killed)], text


def test_the_same_words_as_talk_stay_no_event() -> None:
    # a recent past that frames the protest words, a plan, and a football forward are no incidents
    assert _events("وتقع الناصرية في محافظة ذي قار التي شهدت مؤخرا احتجاجات واسعة.") == []
    assert _events("تعتزم النقابات تنظيم مظاهرات في العاصمة الأسبوع المقبل.") == []
    assert _events("سجل المهاجمون ثلاثة أهداف في مرمى الفريق المنافس في الملعب البلدي.") == []


def test_a_place_inside_a_gapped_trigger_is_still_the_place() -> None:
    (ev,) = _events("نزل آلاف في البصرة إلى الشوارع مساء الأحد احتجاجا على انقطاع الكهرباء.")
    assert (ev.event_type, ev.admin1) == ("Protests", "Basrah")


def test_crowds_told_by_their_size_and_their_marches() -> None:
    for text in (
        "تجمع نحو عشرة آلاف شخص السبت في مدينة الحسكة للمطالبة بالإفراج عن المعتقلين.",
        "شاركت آلاف النساء الثلاثاء في فعاليات مسيرة على الحدود الشرقية لغزة.",
        "قاد نواب عرب احتجاجا جماهيريا في وسط مدينة حيفا ضد القانون.",
    ):
        assert [e.event_type for e in _events(text)] == ["Protests"], text


def test_verb_first_clause_names_who_struck() -> None:
    (ev,) = _events("استهدف الجيش السوري بالصواريخ مواقع للمسلحين في مدينة إدلب فجر اليوم.")
    assert ev.event_type == "Explosions/Remote violence" and ev.actor1.startswith("Military Forces of Syria")


def test_an_explosion_south_of_a_city_is_placed_near_it() -> None:
    (ev,) = _events("قال سكان إن انفجارات قوية هزت مستودعا للذخيرة جنوبي حماة.")
    assert (ev.location, ev.geo_precision) == ("Hamah", 2)


def test_militias_gunmen_and_speakers_take_their_roles() -> None:
    (ev,) = _events("هاجمت ميليشيات الحشد الشعبي مقرا لحزب معارض في مدينة البصرة.")
    assert ev.actor1.endswith("Popular Mobilization Forces")
    (ev,) = _events(
        "قالت الشرطة إن الصحفي قتل بعدما أطلق عليه مسلحون مجهولون النار أمام منزله في حي المنصور ببغداد."
    )
    assert ev.event_type == "Violence against civilians" and ev.actor1.startswith("Unidentified Armed Group")
    (ev,) = _events("اختطفت مليشيات مسلحة عضوا في المجلس البلدي من منزله في مدينة طرابلس.")
    assert ev.sub_event_type == "Abduction/forced disappearance"


def test_fighters_killed_while_repelling_an_advance() -> None:
    text = "أفاد مصدر ميداني بأن أكثر من عشرة مسلحين من الميليشيات الموالية لإيران قتلوا أثناء تصدي الفصائل المسلحة لمحاولة تقدم على جبهة ريف إدلب."
    (ev,) = _events(text)
    assert (ev.event_type, ev.fatalities) == ("Battles", 10)


def test_news_words_that_look_like_sport_space_or_weather() -> None:
    # "قناة ... الفضائية" is a satellite channel, "عاصفة الحزم" an operation, "هدفا لهجوم" a target
    for text, kind in (
        (
            "وأكدت الناشطة في مقابلة مع قناة الجزيرة الفضائية أن مسلحين اختطفوا شقيقها من منزله في مدينة سرت.",
            "Violence against civilians",
        ),
        (
            "قتل ثلاثة مدنيين في غارة لطيران عاصفة الحزم على سوق في مديرية صرواح.",
            "Explosions/Remote violence",
        ),
        ("وكان مقر الحزب في مدينة أربيل هدفا لهجوم بقذائف الهاون مساء الأحد.", "Explosions/Remote violence"),
    ):
        assert [e.event_type for e in _events(text)] == [kind], text
    assert _events("لقي عشرة أشخاص حتفهم بعد أن ضربت عاصفة رملية قوية مدينة الكويت.") == []


def test_self_immolation_and_a_students_march_are_protests() -> None:
    for text in (
        "أضرم شاب النار في نفسه أمام مقر المحافظة في مدينة سيدي بوزيد احتجاجا على مصادرة عربته.",
        "خرج طلاب الجامعة من الحرم الجامعي وساروا نحو مبنى البرلمان في العاصمة صنعاء صباح الأحد.",
    ):
        assert [e.event_type for e in _events(text)] == ["Protests"], text


def test_who_carried_it_out_names_the_attacker_and_old_or_possible_attacks_stay_out() -> None:
    text = "وكان نحو أربعين مدنيا، معظمهم من الأطفال، قد قضوا في بلدة كفرزيتا فجر الجمعة بهجوم كيماوي شنه النظام السوري."
    (ev,) = _events(text, "2018-04-08T09:00:00+00:00")
    assert (ev.sub_event_type, ev.actor1) == ("Chemical weapon", "Military Forces of Syria (2000-)")
    assert _events("عادت الناشطة إلى مدينة مينغورا للمرة الأولى منذ أن أطلق مسلحون النار عليها.") == []
    assert _events("صرح وزير الدفاع بأن حكومته لا تستبعد قصف قواعد المسلحين قرب الحدود الشمالية.") == []


def test_gunfire_bodies_strikes_and_gatherings_told_as_agencies_do() -> None:
    cases = [
        (
            "فتح مسلحون النار على سيارة تقل موظفين في حي الأعظمية ببغداد صباح اليوم.",
            "Violence against civilians",
            0,
        ),
        (
            "عثرت الشرطة على جثث خمسة رجال مقتولين بالرصاص في حي الشعلة ببغداد.",
            "Violence against civilians",
            5,
        ),
        ("لقي شرطي مصرعه وأصيب آخران في هجوم على نقطة تفتيش بمدينة العريش.", "Battles", 1),
        ("أضرب عمال مصنع الغزل عن العمل في مدينة المحلة للمطالبة بصرف العلاوات.", "Protests", 0),
        ("تجمهر مئات العمال أمام مقر الحكومة في عمان مطالبين بزيادة الأجور.", "Protests", 0),
    ]
    for text, kind, killed in cases:
        assert [(e.event_type, e.fatalities) for e in _events(text, "2007-05-03T09:00:00+00:00")] == [
            (kind, killed)
        ], text
    (ev,) = _events(cases[1][0], "2007-05-03T09:00:00+00:00")
    assert ev.actor2 != "Police Forces of Iraq (2006-2014)"  # the police found them; they were not hit
    (ev,) = _events(cases[2][0], "2007-05-03T09:00:00+00:00")
    assert ev.injured == 2


def test_what_a_protest_is_about_is_not_its_toll_and_gunmen_who_felled_someone() -> None:
    for text in (
        "تظاهر المئات احتجاجا على مقتل شاب برصاص الشرطة في مدينة القصرين.",
        "خرج المئات في مسيرة سلمية في مدينة نيالا للتنديد بمقتل طالب.",
    ):
        (ev,) = _events(text)
        assert (ev.sub_event_type, ev.fatalities) == ("Peaceful protest", 0), text
    (ev,) = _events("أردى مسلحون مجهولون ضابطا في الاستخبارات قتيلا أمام منزله في مدينة درنة.")
    assert ev.fatalities == 1
    (ev,) = _events("سقط جندي قتيلا وأصيب اثنان آخران بنيران قناص في حي جوبر بدمشق.")
    assert (ev.fatalities, ev.injured) == (1, 2)


def test_the_army_retaking_a_named_place_and_the_place_a_sentence_opens_with() -> None:
    (ev,) = _events("أعلن الجيش الوطني الليبي تحرير مدينة درنة بالكامل من الجماعات الإرهابية.")
    assert ev.sub_event_type == "Government regains territory"
    assert _events("استعادت الحكومة السيطرة على أسعار الخبز بعد أزمة طويلة.") == []
    (ev,) = _events("وفي الموصل، قتل شرطيان برصاص مسلحين مجهولين في حي النبي يونس.")
    assert (ev.location, ev.admin1) == ("Mosul", "Ninewa")
    (ev,) = _events("ونفذت طائرات التحالف غارتين على مخازن للأسلحة في مديرية سحار بمحافظة صعدة.")
    assert ev.sub_event_type == "Air/drone strike"


def test_dead_named_only_as_a_plural_count_three_but_make_no_incident_alone() -> None:
    text = "قال ناشطون الثلاثاء إن ضربات استهدفت مواقع للمسلحين في ريف حماة ما أسفر عن سقوط قتلى."
    (ev,) = _events(text)
    assert ev.sub_event_type == "Air/drone strike" and ev.fatalities == 3
    (fat,) = [e for e in ev.evidence if e.field == "fatalities"]
    assert fat.text == "قتلى"
    # talk that only mentions dead people is no incident
    assert _events("وتحدث الوزير عن التهديدات المتعلقة بالمطار وسقوط قتلى في الماضي.") == []


def test_a_count_before_the_plural_is_the_figure() -> None:
    (ev,) = _events("انفجرت سيارة مفخخة الثلاثاء في سوق بمدينة الحلة ما أسفر عن سقوط 5 قتلى على الأقل.")
    assert ev.fatalities == 5


def test_a_country_striking_is_its_forces() -> None:
    text = "شنت روسيا الثلاثاء غارات جوية على بلدات تسيطر عليها المعارضة في ريف إدلب الجنوبي."
    (ev,) = _events(text)
    assert ev.actor1 == "Military Forces of Russia (2000-)" and ev.sub_event_type == "Air/drone strike"
    (a1,) = [e for e in ev.evidence if e.field == "actor1"]
    assert a1.text == "روسيا"  # the verb is not part of the actor's words


def test_a_country_targeted_is_not_the_striker() -> None:
    # "استهدفت السعودية" may be passive (Saudi Arabia was targeted): no country-subject reading
    text = "استهدفت السعودية بصاروخ باليستي أطلق من اليمن الثلاثاء وسقط قرب مدينة جازان."
    for ev in _events(text):
        assert not any(e.field == "actor1" and e.text == "السعودية" for e in ev.evidence)


def test_dozens_of_militants_killed_by_the_army() -> None:
    text = (
        "لقي عشرات المسلحين مصرعهم الثلاثاء جراء عمليات لقوات الجيش والشرطة في مدن رفح والشيخ زويد والعريش."
    )
    events = _events(text)
    # one event per town the sentence lists; the toll (vague: 12) stays with the first
    assert [e.fatalities for e in events] == [12, 0, 0]
    for ev in events:
        assert ev.event_type == "Battles" and ev.country == "Egypt"
        assert "Civilians" not in ev.actor2  # "الشيخ" is part of the town's name, not a victim


def test_one_palestinian_killed_counts_one() -> None:
    (ev,) = _events("أعلن الجيش الإسرائيلي الثلاثاء مقتل فلسطيني قرب حاجز عسكري في الضفة الغربية.")
    assert ev.fatalities == 1 and ev.actor1 == "Military Forces of Israel"


def test_the_announcer_of_its_own_act_is_the_doer() -> None:
    text = "أعلنت القوات المسلحة، الأربعاء، القضاء على قيادي في تنظيم أنصار بيت المقدس بوسط سيناء."
    (ev,) = _events(text)
    assert ev.actor1.startswith("Military Forces of Egypt") and ev.event_type == "Battles"
    assert ev.actor2 == "Islamic State (Egypt) - Sinai Province"  # the group's name by the event's date
    # announcing someone's death says nothing of who killed: the announcer stays the teller
    (ev,) = _events("أعلنت الشرطة، الأربعاء، مقتل شاب برصاص مسلحين مجهولين في حي الكرادة ببغداد.")
    assert ev.actor1 == "Unidentified Armed Group (Iraq)"


def test_fighters_of_a_named_group_killed_in_a_security_operation() -> None:
    text = "قتل أكثر من عشرين مسلحا من تنظيم داعش الاثنين خلال عملية أمنية واسعة في صحراء محافظة صلاح الدين."
    (ev,) = _events(text)
    assert ev.event_type == "Battles" and ev.fatalities == 20
    assert {ev.actor1, ev.actor2} == {"Islamic State (Iraq)", "Military Forces of Iraq (2020-)"}


def test_gunfire_after_a_car_crash_is_no_accident() -> None:
    text = "قتل شاب برصاص الجنود الثلاثاء بعدما اصطدمت سيارته بحاجز عسكري قرب مدينة نابلس، وفق رواية الجيش."
    (ev,) = _events(text)
    assert ev.fatalities == 1 and "Military Forces of Israel" in (ev.actor1, ev.actor2)


def test_a_bare_army_word_is_the_army_the_report_names() -> None:
    text = (
        "أعلن الجيش الوطني الليبي الثلاثاء استعادة السيطرة على منطقة الهلال النفطي. "
        "وقال متحدث إن الجيش سيطر على ميناء رأس لانوف بعد اشتباكات عنيفة مع مجموعات مسلحة."
    )
    events = _events(text)
    assert events and all("Government of National Accord" not in e.actor1 + e.actor2 for e in events)
    assert any(e.actor1 == "Libyan National Army (LNA)" and e.admin1 == "Sirt" for e in events)


def test_a_relative_clause_is_no_judgement_and_the_statement_day_is_not_the_incident_day() -> None:
    text = (
        "نعت جماعة الحوثي الاثنين أحد قادتها الميدانيين الذي يعتبر من أبرز مسؤوليها، وقالت إنه قتل في غارة "
        "نفذتها طائرات التحالف مساء الخميس على محافظة صعدة."
    )
    (ev,) = _events(text, "2018-04-23T12:00:00+00:00")
    assert ev.sub_event_type == "Air/drone strike" and ev.event_date == "2018-04-19"


def test_a_siege_since_an_old_year_dates_the_siege_not_the_strikes() -> None:
    text = (
        "جددت طائرات النظام مساء الأحد غاراتها على الغوطة الشرقية، المحاصرة منذ عام 2013 والواقعة شرق العاصمة، "
        "فقتلت أربعة عشر مدنيا."
    )
    (ev,) = _events(text, "2018-03-05T12:00:00+00:00")
    assert ev.fatalities == 14 and ev.location == "Eastern Ghouta" and ev.admin1 == "Rural Damascus"


def test_strikes_a_country_carried_out_name_it() -> None:
    text = "عرض التلفزيون الرسمي الأحد لقطات لآثار الضربات الصاروخية التي شنتها الولايات المتحدة على مركز للبحوث في دمشق."
    (ev,) = _events(text, "2018-04-15T12:00:00+00:00")
    assert ev.actor1 == "Military Forces of the United States"


def test_a_mass_protest_may_leave_a_thousand_hurt_in_a_day() -> None:
    text = "أصيب أكثر من ألف متظاهر الجمعة خلال تظاهرات حاشدة قرب السياج الحدودي شرق مدينة غزة."
    (ev,) = _events(text, "2018-05-04T18:00:00+00:00")
    assert ev.event_type in ("Protests", "Riots")
    # a thousand dead is a campaign's toll, not a day's
    assert _events("قتل أكثر من 1500 مدني في الغارات على المدينة.", "2018-05-04T18:00:00+00:00") == []


def test_the_day_a_source_speaks_is_not_the_incidents_day() -> None:
    text = (
        "أفاد ناشطون معارضون، الجمعة، بأن نحو عشرين مدنيا قتلوا داخل قبو في بلدة حمورية بعد "
        "أن تعرض لقصف جوي بقنابل حارقة مساء أمس الخميس."
    )
    (ev,) = _events(text, "2018-03-23T06:00:00+00:00")
    assert ev.event_date == "2018-03-22" and ev.sub_event_type == "Air/drone strike"


def test_a_future_verb_is_a_plan() -> None:
    assert _events("قالت الوزارة الاثنين إن الجيش سيعلق الضربات الجوية على الغوطة الشرقية خلال الهدنة.") == []


def test_two_towns_of_a_country_set_the_report_there() -> None:
    text = (
        "قتل 12 شخصا على الأقل السبت في قصف صاروخي استهدف مقر حزب كردي إيراني معارض في مدينة كوي سنجق. "
        "وقال ممثل الحزب في أربيل إن الصواريخ أطلقت من داخل الأراضي الإيرانية."
    )
    (ev,) = _events(text, "2018-09-08T13:00:00+00:00")
    assert ev.country == "Iraq" and ev.admin1 == "Erbil" and ev.fatalities == 12


def test_whose_missiles_struck_is_the_attacker() -> None:
    text = (
        "استهدفت سبعة صواريخ حوثية فجر الاثنين أربعة مواقع في مدينة جازان. "
        "وقالت قوات التحالف إن دفاعاتها الجوية اعترضت الصواريخ."
    )
    (ev,) = _events(text, "2018-03-26T12:00:00+00:00")
    assert ev.actor1 == "Houthis (Ansar Allah)"


def test_a_word_after_the_place_of_a_gathering_qualifies_the_place_not_the_protest() -> None:
    text = "تجمع مئات من أنصار المعارضة الثلاثاء أمام مقر اللجنة الانتخابية في العاصمة نواكشوط."
    assert [e.event_type for e in _events(text)] == ["Protests"]
    # an election rally itself is still no protest
    rally = _events("أصيب المرشح بطعنة خلال مسيرة انتخابية في وسط نواكشوط الثلاثاء.")
    assert all(e.event_type != "Protests" for e in rally)


def test_a_group_that_protested_is_a_protest_an_official_objecting_is_not() -> None:
    text = "احتج مزارعون في محافظة المنيا الثلاثاء على ارتفاع أسعار الأسمدة بقطع الطريق وإشعال الإطارات."
    assert [e.event_type for e in _events(text)] == ["Protests"]
    assert _events("احتج الوزير في القاهرة الثلاثاء على تصريحات نظيره بشأن المياه.") == []


def test_an_attack_on_an_election_rally_is_an_attack_with_its_toll() -> None:
    text = (
        "قتل تسعة أشخاص وأصيب عشرون آخرون الثلاثاء في هجوم استهدف تجمعا انتخابيا لحزب معارض في مدينة بيشاور."
    )
    assert [(e.event_type, e.fatalities) for e in _events(text)] == [("Violence against civilians", 9)]
