"""Report-level rules: a protest of its own in another town, the day it inherits, and ACLED's one
event per type, actors, place and day. The texts are written for these tests in agency style."""

from __future__ import annotations

from datetime import datetime

import pytest

from marsad.extract import _one_per_actors_place_day, extract_events
from marsad.model import Document
from marsad.record import EventRecord


def _coded(text: str, when: datetime, title: str | None = None) -> list[EventRecord]:
    """The events of one report written for these tests, published at `when`."""
    return extract_events(Document(id="report", text=text, title=title, published=when))


TWO_TOWNS = (
    "خرج آلاف المتظاهرين، أمس الجمعة، في مسيرات حاشدة وسط العاصمة عمان للمطالبة بإسقاط قانون الضريبة، "
    "وأطلقت الشرطة الغاز المسيل للدموع لتفريقهم قرب الدوار الرابع.\n"
    "وقال مسؤول في مديرية الأمن العام إن الشرطة تعاملت مع المحتجين بضبط النفس.\n"
    "وفي مدينة إربد شمال البلاد، خرج مئات المتظاهرين في مسيرة سلمية جابت شوارع وسط المدينة "
    "ورددوا هتافات ضد الحكومة.\n"
)


def test_a_crowd_in_another_town_is_a_protest_of_its_own_on_the_reports_day() -> None:
    events = _coded(TWO_TOWNS, datetime(2018, 6, 2, 9))
    assert [(e.event_type, e.location) for e in events] == [("Protests", "Amman"), ("Protests", "Irbid")]
    # Irbid's sentence names no day: it happened on the day of the report's first incident
    assert {e.event_date for e in events} == {"2018-06-01"}


def _key(e: EventRecord) -> tuple[str, ...]:
    return (e.event_type, e.actor1, e.actor2, e.admin1, e.location, e.event_date)


def test_the_same_incident_told_twice_is_one_event_with_the_fuller_toll() -> None:
    day = datetime(2018, 8, 8, 9)
    once = extract_events(
        Document(id="a", text="هاجم مسلحو داعش مواقع الجيش في قضاء الطارمية فجر الاثنين.", published=day)
    )
    again = extract_events(
        Document(
            id="a",
            text="اندلعت اشتباكات بين الجيش ومسلحي داعش في قضاء الطارمية فجر الاثنين أسفرت عن مقتل ثلاثة مسلحين.",
            published=day,
        )
    )
    assert len(once) == len(again) == 1

    # (the same two sides, named in either order)
    assert _key(once[0])[3:] == _key(again[0])[3:]
    assert {once[0].actor1, once[0].actor2} == {again[0].actor1, again[0].actor2}
    merged = _one_per_actors_place_day(once + again)
    assert len(merged) == 1 and merged[0].fatalities == 3
    # a place known only near a named town is never merged: it may be another town
    near = once[0].model_copy(update={"geo_precision": 2})
    assert len(_one_per_actors_place_day([near, near])) == 2


SCENES = (
    "أطلقت قوات الأمن الغاز المسيل للدموع، مساء أمس الأربعاء، على مئات المحتجين الذين حاولوا اقتحام "
    "مبنى المحافظة في مدينة صيدا، ما أدى إلى إصابة 12 شخصا.\n"
    "وقال مصدر أمني إن المحتجين رشقوا العناصر بالحجارة.\n"
    "وفي زحلة، نظم عشرات الناشطين وقفة احتجاجية أمام السراي مساء الأربعاء، تضامنا مع صيدا ورفضا "
    "لرفع الأسعار.\n"
    "وفي طرابلس، جابت مسيرة سيارة شوارع المدينة دون تسجيل أي حوادث.\n"
)


def test_a_sentence_opening_on_its_town_is_set_there_and_its_crowd_is_its_own() -> None:
    events = _coded(SCENES, datetime(2020, 2, 13, 9))
    # "تضامنا مع صيدا" names the town the vigil is for, not where it stood; a march with no
    # crowd named is a protest of its own when its sentence opens on its own town
    assert [e.location for e in events] == ["Sidon", "Zahle", "Tripoli"]
    assert [e.event_type for e in events][1:] == ["Protests", "Protests"]


def test_protests_in_two_towns_of_one_sentence_are_two_events() -> None:
    text = (
        "تظاهر آلاف الطلاب، أمس السبت، في مدينة فاس احتجاجا على نظام التعاقد، كما شهدت مدينة مكناس "
        "مسيرة مماثلة شارك فيها المئات.\n"
    )
    events = _coded(text, datetime(2019, 3, 31, 9))
    assert [(e.event_type, e.location) for e in events] == [("Protests", "Fes"), ("Protests", "Meknes")]
    # without a town of its own, the second clause is the same protest
    same = text.replace("كما شهدت مدينة مكناس مسيرة مماثلة", "كما نظم الطلاب مسيرة جابت الشوارع")
    assert len(_coded(same, datetime(2019, 3, 31, 9))) == 1


def test_arrests_told_as_a_new_report_are_an_event_of_their_own() -> None:
    text = (
        "قتل جنديان وأصيب ثلاثة آخرون، صباح اليوم الثلاثاء، بانفجار عبوة ناسفة استهدفت دورية للجيش "
        "قرب مدينة العريش في شمال سيناء، بحسب مصدر أمني.\n"
        "وقال المصدر إن قوات الأمن فرضت طوقا حول مكان الانفجار.\n"
        "وفي سياق متصل، ألقت قوات الأمن القبض على خمسة مطلوبين خلال مداهمات في مدينة بئر العبد.\n"
    )
    events = _coded(text, datetime(2019, 4, 9, 14))
    assert [(e.event_type, e.location) for e in events] == [
        ("Explosions/Remote violence", "Arish"),
        ("Strategic developments", "Bir al Abd"),
    ]
    # the same arrests told as a detail of the bombing (no new report) stay a detail
    detail = text.replace("وفي سياق متصل، ألقت", "وألقت")
    assert len(_coded(detail, datetime(2019, 4, 9, 14))) == 1


def test_a_place_after_wafi_opens_another_scene() -> None:
    text = (
        "قتل متظاهر وأصيب اثنان آخران، الجمعة، برصاص حراس مقر حزبي في محافظة المثنى جنوبي العراق، "
        "خلال احتجاجات عمت مدن الجنوب، وفي العاصمة بغداد.\n"
    )
    events = _coded(text, datetime(2018, 7, 21, 9))
    assert events and events[0].admin1 == "Muthanna", [(e.admin1, e.location) for e in events]


def test_two_incidents_in_one_sentence_each_in_its_own_town() -> None:
    head = "بغداد - وكالة الأنباء: "
    two = (
        head
        + "قتل ثلاثة مدنيين بانفجار عبوة ناسفة في الموصل، فيما أصيب جنديان بهجوم مسلح في كركوك، بحسب مصادر أمنية."
    )
    events = _coded(two, datetime(2019, 5, 2, 9))
    assert [(e.location, e.fatalities) for e in events] == [("Mosul", 3), ("Kirkuk", 0)]
    # the dead and the wounded of one blast, the town named once: one incident
    one = head + "قتل ستة أشخاص، فيما جرح أكثر من عشرين، بانفجار سيارة مفخخة وسط مدينة الموصل."
    (e,) = _coded(one, datetime(2019, 5, 2, 9))
    assert (e.location, e.fatalities, e.injured) == ("Mosul", 6, 20)


def test_clauses_on_days_of_their_own_or_joined_by_fi_hin_are_two_events() -> None:
    head = "تعز - وكالة الأنباء: "
    days = head + (
        "قتل طفل برصاص قناص، أمس الأربعاء، في حي الروضة وسط مدينة تعز، فيما أصيبت ثلاث نساء اليوم الخميس "
        "بقذيفة هاون سقطت على منزل في حي آخر شرقي المدينة."
    )
    events = _coded(days, datetime(2018, 7, 12, 9))
    assert sorted(e.event_date for e in events) == ["2018-07-11", "2018-07-12"]
    hin = "الفاشر - وكالة الأنباء: " + (
        "قتل تسعة مدنيين، أمس الاثنين، جراء قصف مدفعي على أحياء سكنية في مدينة الفاشر، في حين شن الطيران "
        "الحربي للجيش غارات على مواقع للمتمردين في مدينة نيالا."
    )
    events = _coded(hin, datetime(2024, 5, 14, 9))
    assert [e.location for e in events] == ["El Fasher", "Nyala"]


def test_a_sentence_opening_on_kama_may_tell_its_own_incident() -> None:
    text = (
        "الخرطوم - وكالة الأنباء: قتل سبعة محتجين وأصيب العشرات، أمس الاثنين، برصاص قوات الأمن في العاصمة "
        "الخرطوم خلال احتجاجات رافضة للحكم العسكري.\n"
        "وقالت لجنة الأطباء إن بين الجرحى حالات خطرة.\n"
        "كما خرج الآلاف في مدينة ود مدني بولاية الجزيرة في موكب سلمي جاب شوارع المدينة.\n"
        "كما دعا تجمع المهنيين إلى الاستجابة لمطالب المحتجين في كل المدن.\n"
    )
    events = _coded(text, datetime(2022, 1, 18, 9))
    # a march with "كما" is a protest of its own; a call that names "the protesters" is not
    assert [(e.event_type, e.location) for e in events] == [
        ("Protests", "Khartoum"),
        ("Protests", "Wad Medani"),
    ]


def test_the_army_that_retakes_a_town_is_actor_one() -> None:
    text = (
        "مقديشو - وكالة الأنباء: قتل ثمانية أشخاص صباح اليوم في تفجير انتحاري بسيارة مفخخة في العاصمة مقديشو.\n"
        "وفي إقليم شبيلي السفلى، استعادت قوات الجيش الوطني اليوم السيطرة على بلدة صغيرة بعد معارك مع مسلحي "
        "الشباب أسفرت عن مقتل 11 منهم، بحسب ما أعلنه قائد القوات البرية في تصريح لإذاعة مقديشو.\n"
    )
    events = _coded(text, datetime(2019, 7, 23, 12))
    retake = [e for e in events if e.event_type == "Battles"]
    assert len(retake) == 1 and retake[0].sub_event_type == "Government regains territory"
    assert retake[0].actor1.startswith("Military Forces of Somalia") and retake[0].actor2 == "Al Shabaab"
    # "لإذاعة مقديشو" names a broadcaster, not where the town was retaken
    assert retake[0].admin1 == "Lower Shabelle"


def test_the_forces_that_arrest_are_actor_one() -> None:
    text = "تمكنت الأجهزة الأمنية، اليوم، من ضبط ثلاثة عناصر ينتمون لتنظيم داعش في مدينة الموصل."
    (e,) = _coded(text, datetime(2019, 9, 11, 12))
    assert e.sub_event_type == "Arrests"
    assert e.actor1.startswith("Military Forces of Iraq") or e.actor1.startswith("Police Forces of Iraq"), (
        e.actor1
    )
    assert e.actor2 == "Islamic State (Iraq)"


def test_a_recalled_envoy_s_post_is_not_where_the_incident_happened() -> None:
    text = (
        "قالت مصادر إن الأردن استدعت سفيريها في بيروت ودمشق للتشاور، في أعقاب المواجهات العنيفة "
        "بين المحتجين وقوات الأمن في محافظة حلب، والتي أسفرت عن مقتل 4 أشخاص."
    )
    (e,) = _coded(text, datetime(2019, 7, 14, 12))
    assert e.country == "Syria" and e.admin1 == "Aleppo", (e.country, e.admin1)
    # an ambassador killed at his post is still placed there
    text = "اغتال مسلح السفير الروسي في أنقرة خلال افتتاح معرض فني اليوم."
    (e,) = _coded(text, datetime(2016, 12, 19, 20))
    assert e.location == "Ankara"


def test_a_round_up_of_fronts_gives_one_incident_per_governorate() -> None:
    # the second front is told without a day or an opener, in another governorate
    text = (
        "شنت مقاتلات التحالف غارات مكثفة على مواقع لميليشيات الحوثي في مديرية حيدان بمحافظة صعدة اليوم الاثنين.\n"
        "وأفادت مصادر عسكرية بمقتل 9 من عناصر الميليشيات في قصف مدفعي لقوات الجيش استهدف مواقعهم "
        "في جبهة صرواح بمحافظة مأرب.\n"
    )
    events = _coded(text, datetime(2019, 4, 8, 12))
    assert sorted(e.admin1 for e in events) == ["Marib", "Sa'dah"], [(e.admin1, e.location) for e in events]
    marib = next(e for e in events if e.admin1 == "Marib")
    assert marib.fatalities == 9 and marib.event_date == "2019-04-08"


def test_an_undated_incident_after_old_dates_is_history() -> None:
    text = (
        "مددت الحكومة حالة الطوارئ ثلاثة أشهر أخرى اليوم السبت، بعد أن قتل مسلحون جنديين في هجوم على "
        "حاجز في مدينة العريش صباح اليوم.\n"
        "وكانت حالة الطوارئ قد فرضت أول مرة في نيسان 2017.\n"
        "ويعد هذا سادس تمديد للقرار الذي اتخذ بعد هجومين انتحاريين خلفا 35 قتيلا في مسجدين بمدينة الإسماعيلية.\n"
    )
    events = _coded(text, datetime(2019, 4, 13, 12))
    assert [e.admin1 for e in events] == ["North Sinai"], [(e.admin1, e.location) for e in events]


def test_the_forces_whose_guns_fired_are_actor_one_even_when_fighters_fell() -> None:
    # "قصف مدفعي لقوات الجيش": the army's shelling; the dead militiamen were its targets
    text = (
        "أفادت مصادر عسكرية بمقتل ما لا يقل عن 9 من مسلحي الحوثي في قصف مدفعي لقوات الجيش "
        "استهدف مواقعهم في مديرية صرواح بمحافظة مأرب اليوم."
    )
    (e,) = _coded(text, datetime(2019, 4, 8, 12))
    assert e.sub_event_type == "Shelling/artillery/missile attack", e.sub_event_type
    assert e.actor1.startswith("Military Forces of Yemen") and e.actor2 == "Houthis (Ansar Allah)"
    assert e.fatalities == 9


def test_two_leaders_who_met_their_death_are_two() -> None:
    text = "لقي قياديان بارزان في جماعة الحوثي مصرعهما في غارة جوية على موقع في محافظة صعدة اليوم."
    (e,) = _coded(text, datetime(2019, 4, 8, 12))
    assert e.fatalities == 2 and e.admin1 == "Sa'dah"


def test_a_later_toll_of_shelling_on_a_camp_is_an_incident_of_its_own() -> None:
    text = (
        "تتواصل حملة القصف التي تشنها القوات الحكومية على الأحياء الشرقية من مدينة حلب منذ أيام.\n"
        "وقتلت عائلة من أربعة أشخاص في وقت متأخر الأحد إثر قصف القوات الحكومية مخيم اليرموك "
        "الفلسطيني جنوب العاصمة، بحسب ناشطين.\n"
    )
    events = _coded(text, datetime(2018, 4, 23, 12))
    camp = [e for e in events if e.admin1 == "Damascus"]
    assert len(camp) == 1 and camp[0].fatalities == 4 and camp[0].event_date == "2018-04-22", [
        (e.admin1, e.location, e.event_date, e.fatalities) for e in events
    ]


def test_a_lead_that_retells_an_attack_of_last_week_is_no_new_event() -> None:
    text = (
        "قتل 12 شخصا في هجوم استهدف سوقا في مدينة الموصل في الخامس من الشهر الجاري، بحسب ما أعلنت الشرطة.\n"
    )
    assert _coded(text, datetime(2019, 4, 16, 12)) == []
    # the same lead a day after the attack is the news itself
    (e,) = _coded(text, datetime(2019, 4, 6, 12))
    assert e.event_date == "2019-04-05" and e.fatalities == 12


def test_a_country_in_the_speaker_s_title_does_not_move_the_incident() -> None:
    text = (
        "قال المتحدث باسم التحالف العسكري في اليمن، إن قوات الدفاع الجوي اعترضت صاروخا باليستيا "
        "فوق مدينة جازان مساء اليوم.\nوأكدت السعودية أن الصاروخ لم يسفر عن أي أضرار."
    )
    (e,) = _coded(text, datetime(2018, 5, 9, 20))
    assert e.sub_event_type == "Disrupted weapons use" and e.country == "Saudi Arabia", (
        e.country,
        e.location,
    )


def test_coalition_air_strikes_and_a_ground_battle_in_one_district_are_two_events() -> None:
    text = (
        "شنت مقاتلات التحالف العربي غارات على مواقع لميليشيات الحوثي في مديرية التحيتا بمحافظة الحديدة اليوم.\n"
        "ودارت اشتباكات عنيفة بين قوات الجيش اليمني وميليشيات الحوثي في المديرية أسفرت عن مقتل 7 من المسلحين.\n"
    )
    events = _coded(text, datetime(2018, 7, 9, 12))
    assert sorted(e.sub_event_type for e in events) == ["Air/drone strike", "Armed clash"], [
        (e.sub_event_type, e.actor1) for e in events
    ]


def test_the_detention_of_an_activist_is_an_arrest_event_but_not_a_theft_arrest() -> None:
    text = "اعتقلت السلطات، الخميس، ناشطا حقوقيا بارزا في مدينة مشهد بعد نشره مقطعا ينتقد الحكومة."
    (e,) = _coded(text, datetime(2018, 4, 19, 18))
    assert e.sub_event_type == "Arrests" and e.actor1.startswith("Police Forces of Iran"), (
        e.actor1,
        e.location,
    )
    text = "اعتقلت الشرطة، الخميس، مسؤولا سابقا في مدينة مشهد بتهمة سرقة أموال من مصرف."
    assert _coded(text, datetime(2018, 4, 19, 18)) == []
    # a detention recalled in a relative clause is no news
    text = "أفرجت السلطات عن الصحفي الذي اعتقل عاما كاملا في مدينة مشهد دون توجيه تهمة له."
    assert _coded(text, datetime(2018, 4, 19, 18)) == []


def test_an_incident_placed_only_in_a_country_deep_in_a_report_is_talk() -> None:
    text = (
        "قال وزير الخارجية في مؤتمر صحفي اليوم إن بلاده تدعم الحل السياسي في المنطقة.\n"
        "وأضاف أن الحكومة تعمل مع الشركاء لتعزيز الاستقرار.\n"
        "وأشار إلى أن الطائرات الإسرائيلية شنت غارات جوية على أهداف في سوريا أمس.\n"
    )
    assert _coded(text, datetime(2018, 5, 22, 12)) == []
    # told in the lead, the same strike with only a country is the report's news
    lead = "شنت الطائرات الإسرائيلية غارات جوية على أهداف في سوريا أمس، بحسب ما أعلن الجيش.\n"
    (e,) = _coded(lead, datetime(2018, 5, 22, 12))
    assert e.country == "Syria" and e.sub_event_type == "Air/drone strike"


def test_missiles_intercepted_over_three_cities_are_three_events() -> None:
    text = (
        "أعلن التحالف اليوم اعتراض الدفاع الجوي السعودي ثلاثة صواريخ باليستية أطلقها الحوثيون من "
        "محافظة صعدة باتجاه الرياض ونجران وجازان."
    )
    events = _coded(text, datetime(2018, 4, 12, 12))
    assert sorted(e.location for e in events) == ["Jizan", "Najran", "Riyadh"], [e.location for e in events]
    assert all(e.sub_event_type == "Disrupted weapons use" for e in events)


def test_nobody_hurt_said_outright_is_zero_injured() -> None:
    text = "سقطت قذيفة صاروخية أطلقها مسلحون على مدينة سديروت اليوم ولم تسفر عن وقوع أي إصابات."
    (e,) = _coded(text, datetime(2018, 7, 8, 12))
    assert e.injured == 0 and e.fatalities == 0
    text = "سقطت قذيفة صاروخية أطلقها مسلحون على مدينة سديروت اليوم."
    (e,) = _coded(text, datetime(2018, 7, 8, 12))
    assert e.injured is None


def test_where_a_monitor_sits_is_not_where_the_fighting_is() -> None:
    text = (
        "وذكر المرصد السوري لحقوق الإنسان، وهو منظمة مقرها في بريطانيا، أن معظم مدينة البوكمال عاد اليوم "
        "إلى سيطرة قوات النظام إثر معارك ضارية مع مسلحي تنظيم الدولة الإسلامية قتل فيها 15 منهم."
    )
    (e,) = _coded(text, datetime(2018, 6, 9, 16))
    assert e.country == "Syria" and e.location == "Al-Bukamal", (e.country, e.location)


def test_paired_countries_examples_are_placed_in_the_second_country() -> None:
    from marsad.extract.lexicon import DATA_DIR
    from marsad.extract.locate import country_info

    rows = [
        line.split("\t")
        for line in (DATA_DIR / "paired_countries.tsv").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert rows
    for _first, second, example in rows:
        info = country_info(second)
        assert info is not None
        events = _coded(example, datetime(2018, 5, 14, 12))
        assert events and all(e.country == info.name for e in events), (example, [e.country for e in events])


def test_under_a_statement_headline_an_attack_days_old_is_what_the_talk_is_about() -> None:
    title = "الحكومة تؤكد أنها ستلاحق المسؤولين أينما كانوا"
    text = "قتل 12 شخصا في هجوم استهدف سوقا في مدينة الموصل في الخامس من الشهر الجاري، بحسب الشرطة."
    (e,) = _coded(text, datetime(2019, 4, 6, 12), title=title)
    assert e.fatalities == 12
    assert _coded(text, datetime(2019, 4, 9, 12), title=title) == []


def test_the_embassy_s_new_seat_is_the_occasion_not_the_scene() -> None:
    text = (
        "قتل 40 فلسطينيا بنيران القوات الإسرائيلية أثناء مظاهرات قرب السياج الفاصل شرق قطاع غزة، تزامنا "
        "مع افتتاح السفارة الأمريكية في القدس."
    )
    (e,) = _coded(text, datetime(2018, 5, 14, 18))
    assert e.country == "Palestine" and e.admin1 == "Gaza Strip", (e.country, e.admin1)
    # cars smashed outside the embassy: the incident is where it stands
    text = "هاجم محتجون غاضبون مبنى السفارة الأمريكية في بيروت وحطموا نوافذه اليوم."
    (e,) = _coded(text, datetime(2018, 5, 14, 18))
    assert e.location == "Beirut"


def test_the_place_a_strike_answered_is_not_where_it_struck() -> None:
    text = (
        "قصفت طائرات إسرائيلية فجر الخميس مواقع تابعة لحركة الجهاد الإسلامي في قطاع غزة، ردا على "
        "إطلاق نار على دورية قرب مدينة سديروت، حسبما أعلن الجيش."
    )
    (e,) = _coded(text, datetime(2018, 5, 17, 9))
    assert e.country == "Palestine" and e.admin1 == "Gaza Strip", (e.country, e.location)


def test_the_lead_s_suicide_bombing_keeps_its_type_when_clashes_follow() -> None:
    text = (
        "فجر انتحاري سيارة مفخخة قرب مقر لقوات الأمن في مدينة عدن اليوم فقتل 12 شخصا.\n"
        "وتبنى تنظيم داعش العملية، فيما اندلعت اشتباكات بين مسلحين والقوات الأمنية عقب الانفجار."
    )
    events = _coded(text, datetime(2018, 3, 13, 12))
    assert [e.sub_event_type for e in events] == ["Suicide bomb"], [
        (e.sub_event_type, e.fatalities) for e in events
    ]


def test_the_ground_attack_beside_air_strikes_is_a_battle_where_its_front_is() -> None:
    text = (
        "تواصلت المعارك العنيفة في مديرية صرواح غرب مأرب اليوم.\n"
        "وأفادت مصادر عسكرية بأن قوات الجيش الوطني صدت هجوما واسعا لميليشيات الحوثي على جبهة الكسارة "
        "في المديرية.\n"
        "كما أعلن التحالف أن مقاتلاته استهدفت بغارات جوية مواقع لميليشيات الحوثي في محافظة صعدة.\n"
    )
    events = _coded(text, datetime(2021, 2, 17, 12))
    battles = [e for e in events if e.event_type == "Battles"]
    assert battles and all(e.admin1 == "Marib" for e in battles), [(e.event_type, e.admin1) for e in events]


HASHTAGS = (
    "أعلنت القيادة العسكرية الأميركية في أفريقيا يوم الثلاثاء أنها شنت غارة جوية قتلت أربعة مسلحين "
    "في جنوب #الصومال.\n"
    "وقالت القيادة الأميركية إن الغارة نفذت بالتنسيق مع الحكومة، وإن #الولايات_المتحدة نفذت غارات "
    "مماثلة ضد #حركة_الشباب منذ العام الماضي.\n"
    "وقال مسؤول أميركي إن التقييم الأولي لا يشير إلى سقوط مدنيين.\n"
)


def test_a_hashtag_names_the_country_as_a_plain_word_would() -> None:
    # "في جنوب #الصومال" sets the strike in Somalia, though the United States is named more often
    events = _coded(HASHTAGS, datetime(2018, 4, 3, 15))
    assert [(e.event_type, e.country) for e in events] == [("Explosions/Remote violence", "Somalia")]
    plain = _coded(HASHTAGS.replace("#", "").replace("_", " "), datetime(2018, 4, 3, 15))
    assert [e.country for e in plain] == ["Somalia"]


STRIKES_IN_TWO_DISTRICTS = (
    "شنت مقاتلات التحالف العربي، فجر الثلاثاء، سلسلة غارات على مواقع للحوثيين في محافظة الحديدة.\n"
    "وقالت مصادر محلية إن غارتين استهدفتا معسكرا للحوثيين في مديرية زبيد.\n"
    "كما استهدفت غارات أخرى مخازن أسلحة في مديرية بيت الفقيه.\n"
)


def test_strikes_told_town_by_town_are_one_event_per_town() -> None:
    events = extract_events(
        Document(id="two-districts", text=STRIKES_IN_TWO_DISTRICTS, published=datetime(2018, 4, 10, 12))
    )
    assert [(e.event_type, e.admin1) for e in events] == [("Explosions/Remote violence", "Al Hudaydah")] * 2
    assert len({e.location for e in events}) == 2


STRIKES_BY_DISTRICT = (
    "شنت مقاتلات التحالف العربي، فجر الأحد، غارات جوية على مواقع متفرقة للحوثيين في محافظة صعدة.\n"
    "وأفادت مصادر عسكرية بأن غارتين استهدفتا مخزنا للأسلحة تابعا للحوثيين في مديرية الصفراء.\n"
    "كما استهدفت غارة أخرى تجمعا لعناصر الميليشيا في مديرية الظاهر الحدودية.\n"
)


def test_strikes_told_district_by_district_are_one_event_per_district() -> None:
    # districts the text calls districts ("مديرية الصفراء") are ACLED's locations of a round-up, like towns
    events = _coded(STRIKES_BY_DISTRICT, datetime(2018, 4, 15, 12))
    assert sorted(e.location for e in events) == ["As Safra", "Az Zahir"]
    assert {(e.event_type, e.admin1, e.event_date) for e in events} == {
        ("Explosions/Remote violence", "Sa'dah", "2018-04-15")
    }


@pytest.mark.parametrize(
    ("text", "published", "sites"),
    [
        pytest.param(
            # each area named with its own district ("بمديرية الصفراء" … "في مديرية الظاهر"), far apart
            "استهدفت غارات لمقاتلات التحالف العربي، صباح الأربعاء، تجمعات للحوثيين في منطقة آل الصيفي بمديرية "
            "الصفراء، ومخزنا للذخيرة قرب سوق الخميس في مديرية الظاهر بمحافظة صعدة.\n",
            datetime(2018, 5, 16, 12),
            ["As Safra", "Az Zahir"],
            id="areas-of-two-districts",
        ),
        pytest.param(
            # each site named with its own type word; the governorate named again at the end is no third site
            "قصفت مقاتلات التحالف العربي، مساء الاثنين، أهدافا عسكرية في معسكر بضواحي مدينة صعدة، كما استهدفت "
            "غارات أخرى تجمعات للحوثيين في منطقة جبلية بمديرية سحار وسط صعدة.\n",
            datetime(2018, 5, 22, 12),
            ["Sadah", "Sahar"],
            id="a-city-and-a-district",
        ),
        pytest.param(
            # "في مديريتي رازح وغمر": struck sites, unlike two districts named as one front of a battle
            "شنت مقاتلات التحالف العربي، صباح الثلاثاء، غارات على مواقع وتجمعات للحوثيين في مديريتي رازح وغمر "
            "الحدوديتين بمحافظة صعدة.\n",
            datetime(2018, 5, 1, 12),
            ["Ghamr", "Razih"],
            id="two-districts-with-one-dual-word",
        ),
    ],
)
def test_strikes_on_several_sites_in_one_sentence_are_one_event_per_site(
    text: str, published: datetime, sites: list[str]
) -> None:
    events = _coded(text, published)
    assert sorted(e.location for e in events) == sites


@pytest.mark.parametrize(
    ("text", "published", "field", "kind"),
    [
        pytest.param(
            # the town after "فيما" is where another incident (abductions) took place, not a third site struck
            "شنت مقاتلات التحالف العربي، الأحد، غارات على مواقع للحوثيين بمديرية الصفراء في صعدة، فيما نفذ "
            "الحوثيون حملة اختطاف لأبناء مدينة صعدة.\n",
            datetime(2018, 7, 15, 12),
            "sub_event_type",
            "Air/drone strike",
            id="a-town-in-the-clause-after-fima",
        ),
        pytest.param(
            # a region (الغوطة الشرقية) holds the towns struck in it: no second site
            "شنت طائرات حربية، صباح الاثنين، غارات مكثفة على بلدات الغوطة الشرقية قرب دمشق.\n"
            "وقال ناشطون إن إحدى الغارات استهدفت سوقا شعبية في مدينة دوما.\n",
            datetime(2018, 3, 5, 14),
            "event_type",
            "Explosions/Remote violence",
            id="a-town-inside-a-named-region",
        ),
        pytest.param(
            # a strike retold with another source's toll
            "أكدت وزارة الدفاع الأميركية الخميس مقتل أربعة متشددين في غارة جوية قرب مدينة البيضاء في اليمن.\n"
            "وكانت مصادر محلية قالت إن ثلاثة متشددين قتلوا في غارة لطائرة مسيرة في مديرية الصومعة بمحافظة البيضاء.\n",
            datetime(2018, 3, 29, 12),
            "event_type",
            "Explosions/Remote violence",
            id="retold-with-another-sources-toll",
        ),
    ],
)
def test_strikes_that_are_one_site_stay_one_event(
    text: str, published: datetime, field: str, kind: str
) -> None:
    events = _coded(text, published)
    assert len([e for e in events if getattr(e, field) == kind]) == 1


def test_booby_trapped_drones_intercepted_on_their_way_to_two_cities_are_two_events() -> None:
    # "مسيرة مفخخة" is a drone and a bomb at once; each city it was aimed at is a site
    text = (
        "أعلن التحالف، مساء الأحد، اعتراض أربع طائرات مسيرة مفخخة أطلقت باتجاه خميس مشيط، وطائرتين أخريين "
        "كانتا في طريقهما إلى نجران.\n"
    )
    events = _coded(text, datetime(2021, 3, 7, 20))
    assert sorted(e.location for e in events) == ["Khamis Mushait", "Najran"]
    assert {e.sub_event_type for e in events} == {"Disrupted weapons use"}


def test_a_toll_told_as_last_months_is_not_the_strikes() -> None:
    # the second sentence tells last month's dead: no details for today's strike
    text = (
        "شنت مقاتلات التحالف العربي، اليوم الجمعة، غارات استهدفت مخزن أسلحة للحوثيين في مديرية الصفراء "
        "بمحافظة صعدة.\n"
        "وكشف الجيش اليمني، الخميس، عن مصرع 35 عنصرا من الميليشيا في المحافظة في يناير الماضي خلال "
        "المواجهات.\n"
    )
    events = _coded(text, datetime(2018, 2, 16, 12))
    assert [(e.location, e.fatalities) for e in events] == [("As Safra", 0)]


def test_a_town_named_only_in_an_older_incident_does_not_place_the_lead() -> None:
    # the lead's town (بلدة فالدوريا) is unknown to the gazetteer; Lyon is named only for an attack
    # of months before, so the event stays in the country the lead names
    text = (
        "قتل شخصان وأصيب خمسة آخرون، صباح الثلاثاء، في هجوم بسكين نفذه رجل داخل محطة قطارات في "
        "بلدة فالدوريا شرق فرنسا، قبل أن تعتقله الشرطة.\n"
        "وقال المدعي العام إن التحقيق ما زال جاريا لمعرفة دوافع المهاجم.\n"
        "وفي 12 آذار/مارس الماضي، قتل رجل ثلاثة أشخاص طعنا في وسط مدينة ليون.\n"
    )
    events = _coded(text, datetime(2019, 6, 4, 16))
    assert [(e.country, e.admin1, e.location) for e in events] == [("France", "", "")]


def test_a_sentence_opening_on_bil_tazamun_tells_another_incident() -> None:
    text = (
        "قتل 12 عنصرا من ميليشيات الحوثي، صباح الخميس، في مواجهات مع قوات الجيش الوطني في مديرية "
        "حيس جنوب محافظة الحديدة، وفق مصادر عسكرية.\n"
        "وبالتزامن، سيطرت وحدات من ألوية الجيش الوطني على سلسلة تلال استراتيجية في محافظة الضالع.\n"
    )
    events = _coded(text, datetime(2019, 3, 7, 18))
    assert [(e.sub_event_type, e.admin1) for e in events] == [
        ("Armed clash", "Al Hudaydah"),
        ("Government regains territory", "Al Dhale'e"),
    ]
    # "بالتزامن مع": the occasion of the incident told, not another one
    same = text.replace("وبالتزامن، سيطرت", "وبالتزامن مع زيارة وزير الدفاع، سيطرت")
    assert len(_coded(text.replace("وبالتزامن،", "وبالتزامن مع ذلك"), datetime(2019, 3, 7, 18))) == 2
    assert len(_coded(same, datetime(2019, 3, 7, 18))) == 1


def test_a_direction_before_a_governorate_is_a_part_of_it_not_a_point_off_it() -> None:
    # "غربي محافظة تعز" is the west of the governorate; the front's name is unknown to the gazetteer,
    # and the clash told next in another governorate is an incident of its own
    text = (
        "قتل 14 مسلحا من ميليشيات الحوثي في مواجهات مع قوات العمالقة في جبهة الكدحة غربي محافظة تعز "
        "خلال الساعات الماضية.\n"
        "وقالت مصادر ميدانية في الحديدة إن اشتباكات عنيفة جرت بين المقاومة التهامية والحوثيين في مديرية حيس.\n"
    )
    events = _coded(text, datetime(2019, 2, 12, 10))
    assert [e.admin1 for e in events] == ["Ta'izz", "Al Hudaydah"]
    # a distance from a governorate's name is still a point off it: the town named next places it
    off = "قتل ثلاثة جنود في هجوم على نقطة تفتيش على بعد 20 كم من محافظة مأرب قرب مدينة عتق."
    (e,) = _coded(off, datetime(2019, 2, 12, 10))
    assert e.admin1 == "Shabwah"


def test_a_sentence_telling_when_and_where_a_leader_was_killed_dates_and_places_the_lead() -> None:
    text = (
        "قتل قيادي بارز في جماعة الحوثي في غارة جوية للتحالف، حسبما أعلنت قناة تابعة للجماعة.\n"
        "وذكرت القناة أن القيادي أبو علي الحمزي قُتل يوم السبت الماضي في محافظة الحديدة.\n"
    )
    (e,) = _coded(text, datetime(2019, 7, 16, 9))  # a Tuesday
    assert (e.event_date, e.admin1) == ("2019-07-13", "Al Hudaydah")


def test_an_incident_told_in_a_list_of_towns_is_one_event_per_town() -> None:
    text = (
        "اختطفت ميليشيات الحوثي، الأحد، أكثر من عشرين شابا من منازلهم في مديريات بيت الفقيه وزبيد "
        "والدريهمي بمحافظة الحديدة، بحسب مصادر محلية.\n"
    )
    events = _coded(text, datetime(2019, 9, 2, 9))
    assert [e.location for e in events] == ["Bayt al Faqih", "Zabid", "Ad Durayhimi"]
    assert {e.sub_event_type for e in events} == {"Abduction/forced disappearance"}
    # two districts named as one front, a road between two towns: one event
    front = "قتل 9 مسلحين حوثيين، الأحد، في مواجهات مع قوات الجيش في مديريتي حيس والخوخة جنوب الحديدة."
    assert len(_coded(front, datetime(2019, 9, 2, 9))) == 1
    road = "شنت مقاتلات التحالف، الأحد، غارات على تعزيزات للحوثيين على الطريق الرابط بين زبيد والجراحي."
    assert len(_coded(road, datetime(2019, 9, 2, 9))) == 1


def test_field_news_after_talk_opens_an_incident_of_its_own() -> None:
    text = (
        "قتل أربعة من عناصر ميليشيا الحوثي، السبت، في اشتباكات بينهم على خلفية تقاسم عائدات الوقود في "
        "مدينة دمت شمالي محافظة الضالع، وفق مصادر محلية.\n"
        "وميدانيا، سيطرت القوات الحكومية، بغطاء جوي من مقاتلات التحالف العربي، على تلال "
        "استراتيجية شمالي محافظة لحج بعد معارك مع الحوثيين.\n"
    )
    events = _coded(text, datetime(2019, 4, 6, 20))
    assert [(e.admin1, e.sub_event_type) for e in events] == [
        ("Al Dhale'e", "Armed clash"),
        ("Lahij", "Government regains territory"),
    ]


def test_a_crowd_celebrating_a_win_is_no_protest_wherever_the_sentence_says_so() -> None:
    text = (
        "خرج آلاف المشجعين إلى شوارع العاصمة الرباط، وخصوصا في الساحات الكبرى وسط المدينة، مساء الأربعاء "
        "للاحتفال بتأهل المنتخب إلى الدور الثاني من البطولة.\n"
    )
    assert _coded(text, datetime(2019, 6, 27, 8)) == []
    # a protest that names its own demand stays one
    protest = text.replace("للاحتفال بتأهل المنتخب إلى الدور الثاني من البطولة", "للمطالبة بإقالة الحكومة")
    assert [e.event_type for e in _coded(protest, datetime(2019, 6, 27, 8))] == ["Protests"]


def test_another_matter_opened_with_min_jiha_ukhra_is_an_incident_of_its_own() -> None:
    text = (
        "قتل قائد ميداني في ميليشيا الحوثي، الأحد، مع عدد من مرافقيه في مواجهات مع قوات الجيش الوطني في "
        "مديرية الملاجم بمحافظة البيضاء.\n"
        "من جهة أخرى، تمكن الجيش الوطني من استعادة السيطرة على عدة مواقع من قبضة الحوثيين في محافظة تعز.\n"
    )
    events = _coded(text, datetime(2019, 5, 13, 9))
    assert [(e.admin1, e.sub_event_type) for e in events] == [
        ("Al Bayda", "Armed clash"),
        ("Ta'izz", "Government regains territory"),
    ]
    # the retaker is the army named before the verb, not the group the sites were taken from
    assert events[1].actor1.startswith("Military Forces of Yemen")
    assert events[1].actor2 == "Houthis (Ansar Allah)"
    # violence in a relative clause after the opener is no incident of its own
    talk = text.replace(
        "تمكن الجيش الوطني من استعادة السيطرة على عدة مواقع من قبضة الحوثيين في محافظة تعز",
        "طالب نواب بإعمار المناطق التي استعادت الدولة السيطرة عليها في محافظة تعز",
    )
    assert [e.admin1 for e in _coded(talk, datetime(2019, 5, 13, 9))] == ["Al Bayda"]


def test_an_attack_two_days_before_the_news_is_news_of_that_day() -> None:
    text = (
        "أعلنت الشرطة النيجيرية، الأربعاء، فقدان عشرات التلميذات في ولاية بورنو، بعد يومين من هجوم "
        "نفذه مسلحو جماعة بوكو حرام على مدرسة داخلية للبنات.\n"
    )
    events = _coded(text, datetime(2019, 3, 6, 15))
    assert [(e.actor1, e.admin1, e.event_date) for e in events] == [("Boko Haram", "Borno", "2019-03-04")]
    # a week or more before is background
    older = text.replace("بعد يومين من", "بعد شهرين من")
    assert _coded(older, datetime(2019, 3, 6, 15)) == []


def test_the_town_the_wounded_were_taken_to_is_not_where_they_were_hurt() -> None:
    text = (
        "قتل ستة أشخاص وأصيب العشرات، مساء الجمعة، حين ألقى مجهول قنبلة يدوية على حفل زفاف في قرية نائية "
        "بجنوب السودان، وقالت الشرطة إنه تم نقل الجرحى إلى العاصمة جوبا لتلقي العلاج.\n"
    )
    (event,) = _coded(text, datetime(2018, 10, 1, 9))
    assert event.country == "South Sudan" and event.location != "Juba"


def test_a_front_with_both_sides_named_in_a_new_item_is_an_incident_of_its_own() -> None:
    text = (
        "قتل خمسة من مسلحي الحوثي، الأحد، في غارات لمقاتلات التحالف على مواقعهم في مديرية باقم بمحافظة "
        "صعدة.\n"
        "وفي السياق، واصلت قوات الجيش الوطني تقدمها في معاركها ضد الحوثيين بمديرية حيران في محافظة حجة.\n"
    )
    events = _coded(text, datetime(2019, 7, 22, 9))
    assert [(e.admin1, e.sub_event_type) for e in events] == [
        ("Sa'dah", "Air/drone strike"),
        ("Hajjah", "Armed clash"),
    ]
    # the army alone, with no enemy named, is told as context
    alone = text.replace(" ضد الحوثيين", "")
    assert [e.admin1 for e in _coded(alone, datetime(2019, 7, 22, 9))] == ["Sa'dah"]


def test_mali_is_where_an_incident_happens_only_after_a_locative_word() -> None:
    from marsad.extract.locate import FRAMED, default_locator, framed_countries

    loc = default_locator()
    for raw in FRAMED.read_text("utf-8").splitlines():  # every example of framed_countries.tsv
        if raw.strip() and not raw.startswith("#"):
            word, _form, example = raw.split("\t")
            assert [p.text for p in framed_countries(example, loc)] == [word], example
    found = framed_countries("قتل جنديان في كمين شمال مالي، وأعلنت الحكومة دعما ماليا للأسر.", loc)
    assert [(p.country_code, p.text) for p in found] == [("ML", "مالي")]
    assert framed_countries("قدمت الدولة دعم مالي للمزارعين وفساد مالي في الوزارة.", loc) == []
    text = (
        "قتل أربعة جنود فرنسيين، الأحد، في هجوم بسيارة ملغومة على دورية عسكرية في بلدة غاو بشمال مالي، "
        "وفق بيان لوزارة الدفاع الفرنسية.\n"
    )
    assert [(e.country, e.location) for e in _coded(text, datetime(2018, 7, 2, 9))] == [("Mali", "Gao")]


def test_an_incident_off_a_capital_that_is_its_own_governorate_lies_in_the_one_around_it() -> None:
    from marsad.extract.locate import SURROUNDINGS

    for raw in SURROUNDINGS.read_text("utf-8").splitlines():  # every example of surroundings.tsv
        if raw.strip() and not raw.startswith("#"):
            _cc, _city, around, _airport, example = raw.split("\t")
            assert [e.admin1 for e in _coded(example, datetime(2018, 5, 9, 12))] == [around], example
    # Damascus airport lies in Rural Damascus; Sanaa's in the capital's own admin-1
    airport = "سقطت صواريخ إسرائيلية على مطار دمشق الدولي فجر اليوم ما أدى إلى مقتل ثلاثة عسكريين."
    assert [e.admin1 for e in _coded(airport, datetime(2018, 5, 9, 12))] == ["Rural Damascus"]
    sanaa = "شنت مقاتلات التحالف غارات على مطار صنعاء الدولي فجر اليوم."
    assert [e.admin1 for e in _coded(sanaa, datetime(2018, 5, 9, 12))] == ["Amanat al Asimah"]
    # in the city itself it stays the city's
    inside = "قتل خمسة أشخاص في انفجار سيارة مفخخة في حي المزة وسط دمشق الثلاثاء."
    assert [e.admin1 for e in _coded(inside, datetime(2018, 5, 9, 12))] == ["Damascus"]


def test_clashes_beside_a_protest_of_the_same_place_and_day_are_the_protest_met_with_force() -> None:
    text = (
        "أعلنت وزارة الصحة، السبت، وفاة شاب متأثرا بجروح أصيب بها الجمعة خلال مواجهات بين الشبان والجنود "
        "الإسرائيليين شرق مدينة خان يونس.\n"
        "وقتل خمسة متظاهرين برصاص الجيش الإسرائيلي، الجمعة، حين تظاهر آلاف الفلسطينيين قرب السياج الفاصل "
        "شرق مدينة خان يونس.\n"
    )
    events = _coded(text, datetime(2018, 4, 7, 9))
    assert [(e.event_type, e.sub_event_type, e.fatalities) for e in events] == [
        ("Protests", "Excessive force against protesters", 5)
    ]


def test_air_strikes_and_a_ground_battle_told_in_one_sentence_are_two_events() -> None:
    text = (
        "قتل 23 مسلحا من ميليشيا الحوثي، الأحد، في غارات لمقاتلات التحالف واشتباكات مع قوات الجيش الوطني في "
        "مديرية حيس جنوب محافظة الحديدة.\n"
    )
    events = _coded(text, datetime(2019, 6, 10, 9))
    assert sorted((e.sub_event_type, e.fatalities) for e in events) == [
        ("Air/drone strike", 0),
        ("Armed clash", 23),
    ]


def test_a_country_named_after_the_incident_words_is_where_it_happened() -> None:
    # the speaker's country comes first in the sentence; the strikes' country after their words
    events = _coded(
        "طهران - أدان الرئيس الإيراني، المقيم في إيران، السبت، الضربات التي نفذتها طائرات أمريكية "
        "وفرنسية في سوريا فجر اليوم، ووصفها بالعدوان.\n",
        datetime(2018, 4, 14, 10),
    )
    assert [(e.event_type, e.country) for e in events] == [("Explosions/Remote violence", "Syria")]
    # in a reported clause the country before the verb is where it happened, not one in its history
    events = _coded(
        "أعلن قيادي كردي الأربعاء أن قوات كردية في شمال سوريا اشتبكت مع مسلحين من تنظيم داعش وقتلت "
        "ثلاثة منهم، بينهم قيادي مطلوب في بلجيكا.\n",
        datetime(2018, 4, 18, 10),
    )
    assert [(e.event_type, e.country) for e in events] == [("Battles", "Syria")]


CALENDAR_DAY = (
    "قال وزير الخارجية إنه سيبحث اليوم الخميس مع نظيره الفرنسي الهجوم بالغاز السام على بلدة خان شيخون.\n"
    "وأضاف الوزير أن بلاده تدرس الرد مع حلفائها.\n"
    "وكانت منظمات إغاثة قد قالت إن الهجوم الكيمياوي الذي استهدف في 6 مايو سكان بلدة خان شيخون "
    "أدى إلى اختناق العشرات.\n"
)


def test_a_calendar_date_told_at_the_place_dates_an_incident_the_lead_only_talks_about() -> None:
    events = _coded(CALENDAR_DAY, datetime(2018, 5, 10, 12))
    assert [(e.sub_event_type, e.event_date) for e in events] == [("Chemical weapon", "2018-05-06")]


def test_a_lead_with_its_own_dead_keeps_its_day_whatever_earlier_day_it_recalls() -> None:
    events = _coded(
        "أعلنت الشرطة، الخميس، مقتل اثنين من عناصرها في تبادل لإطلاق النار مع مسلحين في بلدة خان شيخون.\n"
        "وكان المسلحون قد هاجموا في 6 مايو حاجزا للشرطة في بلدة خان شيخون.\n",
        datetime(2018, 5, 10, 12),
    )
    assert [e.event_date for e in events][:1] == ["2018-05-10"]


def test_another_kind_of_violence_days_before_neither_joins_nor_dates_the_leads_incident() -> None:
    events = _coded(
        "أعلنت الشرطة، الخميس، مقتل اثنين من عناصرها في تبادل لإطلاق النار مع مسلحين وسط مدينة الرمادي.\n"
        "ووقع تبادل إطلاق النار بعدما حاصرت قوة أمنية منزلا يختبئ فيه المسلحون.\n"
        "وانفجرت الثلاثاء الماضي عبوة ناسفة قرب دورية للجيش في المدينة، فيما أصيب عدد من الجنود.\n",
        datetime(2018, 5, 10, 12),
    )
    battles = [e for e in events if e.event_type == "Battles"]
    assert [(e.event_date, e.fatalities) for e in battles] == [("2018-05-10", 2)]


def test_a_separate_incident_said_outright_is_its_own_event_however_far_from_the_last() -> None:
    events = _coded(
        "تجددت الاشتباكات العنيفة بين مجموعات مسلحة في جنوب العاصمة الليبية طرابلس، الأحد.\n"
        "وقال شهود إن الاشتباكات استخدمت فيها الأسلحة الثقيلة.\n"
        "ويقبع في سجون المدينة مئات المحكومين بالقتل خلال أحداث عام 2011.\n"
        "وفي حادث منفصل، قتل ثلاثة مدنيين الأحد حين سقطت قذيفة على مخيم للنازحين في طرابلس.\n",
        datetime(2018, 9, 3, 8),
    )
    assert sorted((e.event_type, e.fatalities) for e in events) == [
        ("Battles", 0),
        ("Explosions/Remote violence", 3),
    ]


def test_a_full_telling_deep_in_the_report_of_the_incident_the_lead_speaks_of_is_its_news() -> None:
    # the town is unknown to the gazetteer: only the country places it; the lead is too thin to
    # make the incident, but it says the report is about it
    events = _coded(
        "قالت صحيفة محلية إن منفذ الهجوم الذي استهدف متجرا جنوب فرنسا اليوم الجمعة كان يردد هتافات.\n"
        "وأضافت الصحيفة أن المهاجم كان يحمل سكينا ومسدسا.\n"
        "ووقع الهجوم في بلدة زيرفيل الصغيرة، حيث أطلق المهاجم النار على المتسوقين، فيما أكدت السلطات "
        "مقتل شخصين في الهجوم.\n",
        datetime(2018, 3, 23, 14),
    )
    assert [(e.country, e.fatalities) for e in events] == [("France", 2)]


def test_a_strike_placed_only_off_another_town_is_an_incident_of_its_own() -> None:
    events = _coded(
        "قصفت جماعة الحوثي بصواريخ الكاتيوشا، الجمعة، منازل المواطنين في مدينة حيس جنوب محافظة الحديدة، "
        "ما أدى إلى مقتل مواطن وإصابة اثنين.\n"
        "وفي جريمة جديدة، قتل طفل بقذيفة أطلقها الحوثيون، مساء الخميس، على حي سكني شرق مدينة تعز.\n",
        datetime(2018, 4, 14, 8),
    )
    assert sorted((e.admin1, e.event_date) for e in events) == [
        ("Al Hudaydah", "2018-04-13"),
        ("Ta'izz", "2018-04-12"),
    ]


def test_kurdish_forces_in_syria_are_the_sdf() -> None:
    events = _coded(
        "اعتقلت قوات كردية في شمال سوريا، الأربعاء، قياديا في تنظيم داعش متهما بالتخطيط لهجمات في أوروبا.\n",
        datetime(2018, 4, 18, 10),
    )
    assert [(e.sub_event_type, e.actor1) for e in events] == [("Arrests", "QSD: Syrian Democratic Forces")]


def test_a_country_in_the_clause_of_an_old_attack_does_not_place_an_arrest() -> None:
    events = _coded(
        "اعتقلت قوات كردية في شمال سوريا، الأربعاء، قياديا متهما بالتخطيط لاعتداءات وقعت عام 2004 في إسبانيا.\n"
        "وكان القيادي قد فر من مدريد إلى تركيا ثم إلى سوريا قبل سنوات.\n",
        datetime(2018, 4, 18, 10),
    )
    assert [(e.sub_event_type, e.country) for e in events] == [("Arrests", "Syria")]


def test_a_front_told_as_going_on_meanwhile_in_another_governorate_is_an_event_of_its_own() -> None:
    events = _coded(
        "شنت مقاتلات التحالف العربي، الأحد، غارات على تجمعات الحوثيين في مديرية باقم بمحافظة صعدة.\n"
        "يأتي ذلك فيما تدور اشتباكات عنيفة بين الجيش اليمني والحوثيين في مديرية حرض بمحافظة حجة.\n",
        datetime(2018, 5, 20, 12),
    )
    assert sorted((e.event_type, e.admin1) for e in events) == [
        ("Battles", "Hajjah"),
        ("Explosions/Remote violence", "Sa'dah"),
    ]


def test_a_clause_whose_strong_word_comes_after_its_verb_tells_a_strike_of_its_own() -> None:
    # "كما استهدفت غارات أخرى ...": the clause's first violent word is the weak verb, its strike word
    # follows; each clause names its own town, so the sentence tells two strikes
    events = _coded(
        "صعدة - وكالة الأنباء: قصفت مقاتلات التحالف العربي، الأحد، مخازن أسلحة في مدينة حرض بمحافظة حجة، "
        "كما استهدفت غارات أخرى تجمعات للمليشيات الحوثية في مدينة عبس المجاورة.\n",
        datetime(2018, 5, 21, 8),
    )
    # (the first clause names no target: the Houthis the report names are the raids' other side)
    assert [(e.location, e.actor2) for e in events] == [
        ("Harad", "Houthis (Ansar Allah)"),
        ("Abs", "Houthis (Ansar Allah)"),
    ]
    # one clause naming no town of its own stays one strike
    (one,) = _coded(
        "صعدة - وكالة الأنباء: قصفت مقاتلات التحالف العربي، الأحد، مخازن أسلحة في مدينة حرض بمحافظة حجة، "
        "كما استهدفت غارات أخرى تجمعات للمليشيات الحوثية قرب المخازن.\n",
        datetime(2018, 5, 21, 8),
    )
    assert one.location == "Harad"


def test_a_toll_of_its_own_on_the_day_before_is_an_event_of_that_day() -> None:
    head = "غزة - وكالة الأنباء: "
    lead = "قتل ثلاثة فلسطينيين، الأربعاء، برصاص الجيش الإسرائيلي شرق مدينة خان يونس، بحسب وزارة الصحة.\n"
    before = "وشهد الثلاثاء مواجهات عنيفة قرب السياج الفاصل شرق خان يونس قتل خلالها 17 فلسطينيا بالرصاص.\n"
    events = _coded(head + lead + before, datetime(2019, 4, 11, 9))
    assert sorted((e.event_date, e.fatalities) for e in events) == [("2019-04-09", 17), ("2019-04-10", 3)]
    # the same toll told with another day ("أمس" of the report, "فجر الثلاثاء" of its details) is one
    # incident retold, and so is a close figure from another source
    for later in (
        "وكان ثلاثة فلسطينيين قد قتلوا فجر الثلاثاء في مواجهات قرب السياج شرق خان يونس.\n",
        "وقالت مصادر محلية إن أربعة فلسطينيين قتلوا في مواجهات شرق خان يونس فجر الثلاثاء.\n",
    ):
        (one,) = _coded(head + lead + later, datetime(2019, 4, 11, 9))
        assert one.event_date == "2019-04-10"
    # the day a side speaks is not the incident's ("وقالت حماس، الثلاثاء، إن ...")
    said = "وقالت حركة حماس، الثلاثاء، إن المواجهات شرق خان يونس أوقعت 17 قتيلا.\n"
    (one,) = _coded(head + lead + said, datetime(2019, 4, 11, 9))
    assert one.event_date == "2019-04-10"


def test_where_an_embassy_moved_is_not_where_the_days_violence_took_place() -> None:
    events = _coded(
        "غزة - وكالة الأنباء: قتل فلسطينيان، الثلاثاء، برصاص الجيش الإسرائيلي شرق مدينة غزة.\n"
        "وكان يوم الاثنين، الذي انتقلت فيه سفارة واشنطن إلى القدس، قد شهد مواجهات دامية قتل خلالها 41 فلسطينيا "
        "برصاص الجيش.\n",
        datetime(2019, 5, 15, 9),
    )
    # the day before, placed no closer than its country: not in Jerusalem, where the embassy went
    assert sorted((e.event_date, e.country, e.admin1, e.fatalities) for e in events) == [
        ("2019-05-13", "Palestine", "", 41),
        ("2019-05-14", "Palestine", "Gaza Strip", 2),
    ]


def test_the_toll_of_the_strikes_told_after_a_battle_is_the_strikes_toll() -> None:
    events = _coded(
        "صعدة - وكالة الأنباء: كبدت قوات الجيش الوطني ميليشيا الحوثي، الثلاثاء، خسائر فادحة في معارك عنيفة "
        "على عدة جبهات.\n"
        "وقتل العشرات من عناصر الميليشيا في المواجهات.\n"
        "من جهة ثانية، شن طيران التحالف العربي عدة غارات على تعزيزات للحوثيين في مديرية حيدان بمحافظة صعدة.\n"
        "وأسفرت الغارات عن تدمير ثلاث آليات ومصرع 14 من عناصر الميليشيا.\n",
        datetime(2019, 8, 14, 9),
    )
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    battles = [e for e in events if e.event_type == "Battles"]
    assert [(e.location, e.fatalities) for e in strikes] == [("Haydan", 14)]
    # the battle keeps its own vague toll ("العشرات": ACLED's 12)
    assert [e.fatalities for e in battles] == [12]


def test_the_dead_of_the_fighting_for_a_retaken_hill_are_the_retakings_toll() -> None:
    (retaken,) = _coded(
        "تعز - وكالة الأنباء: أعلنت قوات الجيش الوطني، السبت، استعادة السيطرة على تلة الصراهم الاستراتيجية "
        "غربي مدينة تعز.\n"
        "وقال قائد ميداني إن أكثر من 20 مسلحا من ميليشيا الحوثي لقوا مصرعهم خلال المعارك.\n",
        datetime(2019, 3, 10, 9),
    )
    assert (retaken.sub_event_type, retaken.fatalities) == ("Government regains territory", 20)
    assert retaken.actor1.startswith("Military Forces of Yemen")
    # the fighting and the air support told after a lead of a retaking are its details
    events = _coded(
        "صعدة - وكالة الأنباء: استعاد الجيش الوطني، الاثنين، منطقة الملاحيظ الحدودية في محافظة صعدة.\n"
        "وأكد مصدر عسكري أن الجيش قتل 12 حوثيا خلال معارك عنيفة، كما دمرت مروحيات الأباتشي آليتين "
        "للميليشيا.\n",
        datetime(2019, 3, 12, 9),
    )
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Government regains territory", 12)]
    # not a retaking told as the time before the news
    (shelled,) = _coded(
        "دمشق - وكالة الأنباء: بعد استعادة السيطرة على الغوطة الشرقية، كثفت قوات النظام قصفها المدفعي على "
        "مخيم اليرموك جنوبي دمشق، ما أدى إلى مقتل سبعة مدنيين.\n",
        datetime(2019, 4, 28, 9),
    )
    assert shelled.sub_event_type == "Shelling/artillery/missile attack"


def test_a_group_named_right_before_its_verb_of_taking_took_the_place() -> None:
    (taken,) = _coded(
        "دمشق - وكالة الأنباء: أفاد المرصد السوري بأن مقاتلي تنظيم داعش الإرهابي سيطروا، مساء الاثنين، "
        "على حي العسالي جنوبي دمشق بعد هجوم مباغت.\n"
        "وقتل 25 من عناصر القوات الحكومية في الاشتباكات.\n"
        "ويأتي ذلك فيما تركز القوات الحكومية جهودها على استعادة بلدات الغوطة الشرقية.\n",
        datetime(2019, 3, 19, 9),
    )
    assert (taken.sub_event_type, taken.actor1) == (
        "Non-state actor overtakes territory",
        "Islamic State (Syria)",
    )
    assert taken.fatalities == 25


@pytest.mark.parametrize(
    ("sentence", "dead"),
    [
        # a second side's count joined further than right after the first count's noun
        ("أسفرت المعارك عن مقتل 17 من عناصر التنظيم و6 من مقاتلي قوات سوريا الديمقراطية.", 23),
        # the other side's dead told after "فيما", or with the verb of losing
        ("خلفت المعارك 20 قتيلا من عناصر الميليشيا، فيما قتل 4 من أفراد الجيش.", 24),
        ("وقالت القيادة إن القوات قتلت 26 من مسلحي الحركة، وخسرت جنديين في المعارك.", 28),
        # not the wounded after the dead, nor a part of the first count
        ("قتل ضابط وثلاثة جنود وأصيب ضابطان وخمسة مجندين في الاشتباك.", 4),
        ("أسفر الاشتباك عن 12 قتيلا هم خمسة من الجنود وسبعة من المسلحين.", 12),
    ],
)
def test_the_dead_of_both_sides_add_up_once(sentence: str, dead: int) -> None:
    (event,) = _coded(
        "الموصل - وكالة الأنباء: دارت، الاثنين، اشتباكات عنيفة بين القوات الحكومية ومسلحين قرب بلدة "
        "تلعفر غربي الموصل.\n" + sentence + "\n",
        datetime(2019, 5, 14, 9),
    )
    assert event.fatalities == dead


def test_a_toll_told_again_town_by_town_is_the_towns_events() -> None:
    events = _coded(
        "إدلب - وكالة الأنباء: قتل ثمانية مدنيين، الثلاثاء، في غارات جوية شنتها طائرات حربية على بلدات في "
        "ريف إدلب الجنوبي، بحسب الدفاع المدني.\n"
        "وقال الدفاع المدني إن خمسة مدنيين قتلوا في غارات على بلدة معرة النعمان، بينما قتل ثلاثة آخرون "
        "في خان شيخون.\n",
        datetime(2019, 6, 12, 9),
    )
    # the others died in the same strikes, in a town named bare after "بينما"; the lead's total is
    # not an event of its own
    assert sorted((e.location, e.sub_event_type, e.fatalities) for e in events) == [
        ("Khan Shaykhun", "Air/drone strike", 3),
        ("Ma'arrat An Nu'man", "Air/drone strike", 5),
    ]


def test_kidnappers_asking_a_ransom_in_dollars_are_no_market_talk() -> None:
    (taken,) = _coded(
        "بعقوبة - وكالة الأنباء: خطف مسلحون، صباح الأحد، طبيبا أثناء خروجه من عيادته في قضاء الخالص، "
        "وطالبوا عائلته بفدية قدرها مئة ألف دولار.\n",
        datetime(2007, 3, 4, 12),
    )
    assert taken.sub_event_type == "Abduction/forced disappearance"
    # a ransom paid years ago, told among sums of money, is still no incident of the day
    assert not _coded(
        "الدوحة - وكالة الأنباء: كشفت وثائق أن الحكومة دفعت فدية بمئات ملايين الدولارات لإطلاق سراح "
        "رهائن خطفوا قبل عامين.\n",
        datetime(2018, 4, 28, 12),
    )


def test_a_monitors_monthly_toll_tells_no_incident_in_its_details() -> None:
    report = (
        "بيروت - وكالة الأنباء: وثقت الشبكة السورية لحقوق الإنسان مقتل 640 شخصا في سوريا خلال شهر "
        "أكتوبر الماضي، بينهم 210 مدنيين.\n"
        "وأوضحت الشبكة أن معظم الضحايا المدنيين سقطوا في غارات جوية على بلدات ريف إدلب الجنوبي.\n"
        "كما وثقت مقتل 31 شخصا في انفجار عبوات ناسفة في مدينة الباب بريف حلب.\n"
    )
    assert not _coded(report, datetime(2019, 11, 2, 9))
    # a sentence with a day of its own is still news
    fresh = report + "وفي سياق آخر، قتل ثلاثة مدنيين، الجمعة، في غارة جوية على بلدة كفرنبل.\n"
    assert [e.location for e in _coded(fresh, datetime(2019, 11, 2, 9))] == ["Kafranbel"]


def test_a_statement_condemning_an_attack_dates_it_by_the_attack_not_the_statement() -> None:
    (attack,) = _coded(
        "نيويورك - وكالة الأنباء: دان الأمين العام للأمم المتحدة، الأربعاء، الهجوم الذي استهدف قرية قرب "
        "مدينة دامبوا بولاية بورنو في الرابع من مارس الجاري وأسفر عن مقتل 19 مزارعا.\n",
        datetime(2021, 3, 10, 9),
    )
    assert attack.event_date == "2021-03-04"


def test_a_report_on_an_anniversary_tells_no_incident_in_its_undated_details() -> None:
    report = (
        "موبتي - وكالة الأنباء: أحيا سكان قرية في وسط مالي، الأحد، الذكرى الثانية للهجوم الذي استهدف سوقها "
        "الأسبوعي وأودى بحياة 37 شخصا.\n"
        "واقتحم مسلحون على دراجات نارية السوق المكتظ وقتلوا 37 شخصا بالرصاص.\n"
        "ولم تتبن أي جهة الهجوم، لكن السكان يتهمون جماعات متشددة تنشط في المنطقة.\n"
    )
    assert not _coded(report, datetime(2021, 11, 14, 9))


def test_a_yearly_report_over_a_past_year_tells_no_incident_in_its_details() -> None:
    assert not _coded(
        "تعز - وكالة الأنباء: كشف تقرير حقوقي عن سقوط 530 ضحية مدنية، بين قتيل وجريح، في محافظة تعز خلال "
        "العام 2020.\n"
        "وأوضح التقرير السنوي أن 120 مدنيا قتلوا جراء القصف المدفعي والقنص في أحياء المدينة الشرقية.\n",
        datetime(2021, 1, 5, 9),
    )


def test_fighters_leaving_a_town_under_a_deal_hand_it_over_beside_the_deal() -> None:
    events = _coded(
        "دمشق - وكالة الأنباء: دخل وقف لإطلاق النار حيز التنفيذ، الجمعة، في بلدات القطاع الأوسط من الغوطة "
        "الشرقية بعد اتفاق بين فيلق الرحمن والقوات الروسية.\n"
        "من جانب آخر، بدأ مقاتلو جيش الإسلام صباح اليوم الخروج من مدينة حرستا بموجب اتفاق يقضي بتسليمها "
        "للحكومة.\n",
        datetime(2018, 3, 23, 12),
    )
    assert ("Non-violent transfer of territory", "Harasta") in {
        (e.sub_event_type, e.location) for e in events
    }
    assert "Agreement" in {e.sub_event_type for e in events}
    # talks about a deal are no event
    assert not _coded(
        "عمان - وكالة الأنباء: قال مفاوضون من المعارضة إن محادثات بدأت مع ضباط روس بشأن اتفاق لاستعادة "
        "سيطرة الحكومة على بلدات في ريف درعا.\n",
        datetime(2018, 6, 30, 12),
    )


def test_the_coalition_backing_the_army_is_no_side_of_the_battle() -> None:
    (retaken,) = _coded(
        "حجة - وكالة الأنباء: أعلن الجيش الوطني، الأحد، تحرير آخر مناطق مديرية حيران، بإسناد جوي ومدفعي من "
        "قوات التحالف، بعد معارك مع ميليشيا الحوثي.\n",
        datetime(2018, 5, 6, 12),
    )
    assert retaken.sub_event_type == "Government regains territory"
    assert (retaken.actor1.startswith("Military Forces of Yemen"), retaken.actor2) == (
        True,
        "Houthis (Ansar Allah)",
    )
    # no group named: no second side rather than the army's own backer
    (alone,) = _coded(
        "حجة - وكالة الأنباء: أعلن الجيش الوطني، الأحد، تحرير آخر مناطق مديرية حيران، بإسناد جوي ومدفعي من "
        "قوات التحالف.\n",
        datetime(2018, 5, 6, 12),
    )
    assert "Coalition" not in alone.actor2


def test_allies_examples_never_set_one_force_against_its_ally() -> None:
    from marsad.extract.lexicon import DATA_DIR, allied

    rows = [
        line.split("\t")
        for line in (DATA_DIR / "allies.tsv").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(rows) >= 5
    for one, other, example in rows:
        assert allied(one, other) and allied(other, one)
        events = _coded(example, datetime(2018, 5, 14, 12))
        assert events, example
        for e in events:
            assert not (e.actor2 and allied(e.actor1, e.actor2)), (example, e.actor1, e.actor2)


def test_host_forces_examples_name_the_hosts_own_forces() -> None:
    from marsad.extract.lexicon import DATA_DIR, host_forces

    rows = [
        line.split("\t")
        for line in (DATA_DIR / "host_forces.tsv").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert rows and len(host_forces()) == len(rows)
    for name, _cc, force, example in rows:
        events = _coded(example, datetime(2018, 3, 26, 12))
        assert events, example
        for e in events:
            assert name not in (e.actor1, e.actor2), (example, e.actor1, e.actor2)
        want = "Military Forces of" if force == "military" else "Police Forces of"
        assert any(e.actor1.startswith(want) and e.inter1 == 1 for e in events), example


SAID_THEN_TOLD = (
    "قتل 30 مقاتلا من قوات النظام وحلفائها بهجوم لمسلحي داعش قبل أيام استهدف موقعا لهم بشرق سوريا، "
    "حسبما ذكر المرصد السوري يوم الأحد.\n"
    "وذكر المرصد أن مسلحي التنظيم هاجموا الخميس رتلا للقوات أثناء توقفه في البادية، ما أسفر عن مقتل "
    "24 من قوات النظام بالإضافة إلى 6 جنود روس.\n"
)


def test_a_toll_told_again_as_the_sum_of_its_parts_is_counted_once_on_the_day_it_happened() -> None:
    # the lead's 30 fighters are the 24 soldiers and 6 Russians of the next sentence (not 60); the
    # day is the Thursday the attack took place, not the Sunday the monitor spoke
    (event,) = _coded(SAID_THEN_TOLD, datetime(2018, 5, 27, 10))
    assert (event.event_date, event.fatalities) == ("2018-05-24", 30)


STRIKES_AND_THEIR_TARGET_BEFORE = (
    "صنعاء - شنت مقاتلات التحالف العربي، صباح الأحد، سلسلة غارات جوية على مديرية نهم شرق العاصمة.\n"
    "وكانت المقاتلات قد استهدفت في الشهر الماضي مواقع ميليشيات الحوثي في المديرية ذاتها.\n"
)


def test_a_strike_with_no_target_named_was_against_the_one_group_the_report_names_as_a_target() -> None:
    # the raids of last month are history, but they name whom the campaign strikes
    (event,) = _coded(STRIKES_AND_THEIR_TARGET_BEFORE, datetime(2018, 6, 3, 12))
    assert (event.actor1, event.actor2) == (
        "Operation Restoring Hope (Saudi-led Coalition)",
        "Houthis (Ansar Allah)",
    )
    assert any(x.field == "actor2" and "الحوثي" in x.text for x in event.evidence)
