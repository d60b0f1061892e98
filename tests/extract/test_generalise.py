"""Not-events and multi-place reports found in a check on random real articles (the reports here
are invented for the tests, in the style of agency news; places are real)."""

from __future__ import annotations

from datetime import datetime

from marsad.eval import admin1_equal
from marsad.extract import extract_events
from marsad.model import Document


def _events(text: str, published: str = "2022-05-10T12:00:00+00:00"):  # type: ignore[no-untyped-def]
    return extract_events(Document(id="g", text=text, published=datetime.fromisoformat(published)))


def test_a_speaker_judging_a_chemical_attack_report_is_no_event() -> None:
    text = (
        "اعتبرت الحكومة الإيرانية الثلاثاء أن المعلومات المتداولة عن استخدام أسلحة كيماوية في ريف دمشق "
        "مكيدة غربية.\n"
        "وقال المتحدث باسم الخارجية إن الادعاءات عن استخدام الجيش السوري للأسلحة الكيماوية لا أساس لها."
    )
    assert _events(text) == []


def test_praise_for_air_defences_is_no_event() -> None:
    text = (
        "أشاد مجلس الوزراء السعودي الثلاثاء في جلسته بمدينة جدة بكفاءة الدفاع الجوي في اعتراض الصواريخ "
        "البالستية التي تطلق من الأراضي اليمنية."
    )
    assert _events(text) == []


def test_a_killed_figure_after_a_reaction_verb_still_makes_the_event() -> None:
    text = "استنكرت الوزارة الثلاثاء الهجوم الذي أسفر عن مقتل خمسة مدنيين في قصف على مدينة تعز."
    (ev,) = _events(text)
    assert ev.fatalities == 5 and admin1_equal(ev.admin1, "Ta'izz")


def test_in_protest_at_is_no_protest() -> None:
    text = "أعلنت الحكومة الثلاثاء انسحابها من الاتفاقية الدولية احتجاجا على نقل السفارة إلى القدس."
    assert _events(text) == []


def test_a_campaign_total_in_the_thousands_is_no_event() -> None:
    text = (
        "تقول منظمات حقوقية إن الغارات الجوية والقصف المدفعي على الغوطة الشرقية أسفرت عن مقتل 1500 مدني، "
        "بينما فر آلاف السكان."
    )
    assert _events(text) == []


def test_a_hashtag_is_no_shooting() -> None:
    text = (
        "أكدت شرطة جدة الأربعاء أن الأصوات التي سمعت في حي سكني كانت ألعابا نارية، بعد تداول وسم "
        '"مسلحون يطلقون النار في حي الروضة" على منصات التواصل.'
    )
    assert _events(text) == []


def test_a_feared_attack_and_manoeuvres_are_no_events() -> None:
    assert _events("تتزايد المخاوف من احتمالية استخدام السلاح الكيماوي ضد آخر معاقل المعارضة في إدلب.") == []
    assert _events("أجرت القوات الثلاثاء مناورات في بولندا للتدرب على صد هجوم محتمل.") == []


def test_an_attack_abroad_is_placed_in_the_country_the_sentence_names() -> None:
    text = (
        "قالت وكالة أنباء إيرانية الثلاثاء إن عدد القتلى الإيرانيين ارتفع إلى 7 جراء الغارات الإسرائيلية "
        "على مطار عسكري في سوريا.\n"
        "وأضافت أن القتلى من مدينة تبريز."
    )
    (ev,) = _events(text)
    assert ev.country == "Syria" and ev.fatalities == 7


def test_a_failed_assassination_kills_nobody() -> None:
    text = "نجا محافظ عدن الثلاثاء من محاولة اغتيال فاشلة استهدفت موكبه في مدينة عدن."
    evs = _events(text)
    assert all(e.fatalities == 0 for e in evs)


def test_thin_talk_of_targeting_is_no_event() -> None:
    text = "أعلنت وزارة الداخلية الثلاثاء رصدها استهدافا ممنهجا للمملكة عبر حسابات وهمية على مواقع التواصل."
    assert _events(text) == []


def test_two_towns_with_their_own_tolls_in_one_sentence_are_two_events() -> None:
    text = (
        "قتل 20 مدنيا على الأقل الجمعة في غارات جوية على محافظتي إدلب وحلب، بحسب المرصد.\n"
        "وأوضح المرصد أن سبعة مدنيين قتلوا في قصف على مدينة معرة النعمان فيما قتل أربعة آخرون في قصف "
        "لبلدة مجاورة.\n"
        "وفي محافظة حلب، أسفرت ضربات جوية على مدينة الأتارب عن مقتل تسعة مدنيين."
    )
    evs = _events(text)
    assert sorted(e.fatalities for e in evs) == [4, 7, 9], [(e.location, e.fatalities) for e in evs]
    assert all(e.sub_event_type == "Air/drone strike" for e in evs)
    assert sum(admin1_equal(e.admin1, "Idleb") for e in evs) == 2


def test_a_question_headline_keeps_only_incidents_with_casualties() -> None:
    text = (
        "يقع المطار العسكري غرب العاصمة، وقد شهد في الأسابيع الماضية غارات جوية متكررة.\n"
        "وتعرض المطار أمس لقصف صاروخي بحسب وسائل إعلام محلية في دمشق."
    )
    doc = Document(
        id="q",
        text=text,
        title="ما هو مطار المزة؟",
        published=datetime.fromisoformat("2022-05-10T12:00:00+00:00"),
    )
    assert extract_events(doc) == []


def test_a_statement_headline_without_an_incident_keeps_only_casualties() -> None:
    text = "أكد الناطق باسم الحكومة الثلاثاء أن المعلومات تؤكد مبدئيا استخدام أسلحة كيميائية في دوما."
    doc = Document(
        id="s",
        text=text,
        title="فرنسا تحذر من رد إذا تجاوز النظام الخط الأحمر",
        published=datetime.fromisoformat("2022-05-10T12:00:00+00:00"),
    )
    assert extract_events(doc) == []
    # the same body under an incident headline keeps the incident
    doc2 = Document(
        id="s2",
        text="قتل خمسة مدنيين الثلاثاء في قصف على مدينة دوما.",
        title="فرنسا تدين القصف على دوما",
        published=datetime.fromisoformat("2022-05-10T12:00:00+00:00"),
    )
    assert len(extract_events(doc2)) == 1


def test_an_incident_told_deep_in_the_report_and_dated_weeks_earlier_is_background() -> None:
    text = (
        "قتل ثلاثة جنود الثلاثاء في هجوم على حاجز للجيش في مدينة العريش.\n"
        "وأعلن الجيش أنه يلاحق المهاجمين.\n"
        "وقالت مصادر إن الحاجز تعرض لهجمات سابقة.\n"
        "وأضافت أن المنطقة تشهد توترا.\n"
        "وكان الجيش قد أعلن أن القوات تواصل عملياتها.\n"
        "وفي 20 أبريل قتل مسلحون أربعة شرطيين في هجوم على دورية في مدينة رفح."
    )
    evs = _events(text)
    assert [e.fatalities for e in evs] == [3]


def test_a_word_in_scare_quotes_is_no_clash() -> None:
    text = 'شهد مؤتمر ميونخ للأمن، الأحد، "اشتباكا" كلاميا بين وزيري الخارجية التركي والعراقي.'
    assert _events(text) == []


def test_a_toll_over_the_past_days_is_not_the_incident_toll() -> None:
    text = (
        "يتواصل القتال الثلاثاء في الغوطة الشرقية بين القوات الحكومية والفصائل المسلحة.\n"
        "وقتل 568 شخصا على الأقل في الغارات الجوية والقصف المدفعي على الغوطة الشرقية في الأيام التسعة "
        "الماضية، بحسب المرصد."
    )
    assert all(e.fatalities < 100 for e in _events(text))


def test_the_place_a_missile_was_fired_from_is_not_where_it_struck() -> None:
    text = (
        "اعترضت الدفاعات الجوية السعودية مساء الاثنين صاروخا بالستيا أطلقته الميليشيات الحوثية من محافظة "
        "صعدة باتجاه مدينة نجران، بحسب التحالف."
    )
    (ev,) = _events(text)
    assert ev.country == "Saudi Arabia" and admin1_equal(ev.admin1, "Najran"), (ev.country, ev.admin1)
