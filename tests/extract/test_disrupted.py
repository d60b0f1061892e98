"""ACLED's "Disrupted weapons use": a missile or drone intercepted in the air. The reports are
written for these tests in agency style."""

from __future__ import annotations

from datetime import datetime

from marsad.extract import extract_events
from marsad.model import Document

DAY = datetime(2021, 3, 8, 9)


def _one(text: str) -> tuple[str, str, str, str, int]:
    (e,) = extract_events(Document(id="t", text=text, published=DAY))
    return (e.sub_event_type, e.actor1, e.actor2, e.country, e.fatalities)


def test_an_interception_is_disrupted_weapons_use_by_the_side_that_intercepted() -> None:
    text = "أعلن التحالف بقيادة السعودية، الأحد، اعتراض وتدمير طائرة مسيرة مفخخة أطلقها الحوثيون باتجاه مدينة نجران."
    sub, a1, a2, country, dead = _one(text)
    assert (sub, country) == ("Disrupted weapons use", "Saudi Arabia")
    # (the coalition's air defences over Saudi soil are the Saudi military for ACLED: host_forces.tsv)
    assert (a1, a2) == ("Military Forces of Saudi Arabia (2015-)", "Houthis (Ansar Allah)")
    assert dead == 0


def test_without_forces_named_the_countrys_military_intercepted() -> None:
    text = "اعترضت، مساء الأحد، صاروخا باليستيا أطلقه الحوثيون باتجاه مدينة جازان السعودية دون وقوع إصابات."
    sub, a1, a2, country, _ = _one(text)
    assert (sub, country) == ("Disrupted weapons use", "Saudi Arabia")
    assert a1.startswith("Military Forces of Saudi Arabia") and a2 == "Houthis (Ansar Allah)"


def test_an_interception_that_hurt_people_is_the_attack() -> None:
    text = (
        "اعترضت الدفاعات السعودية، الأحد، صاروخا باليستيا أطلقه الحوثيون باتجاه مدينة جازان، وسقطت شظاياه "
        "على حي سكني ما أدى إلى إصابة ثلاثة مدنيين."
    )
    sub, a1, _a2, _country, _ = _one(text)
    assert (sub, a1) == ("Shelling/artillery/missile attack", "Houthis (Ansar Allah)")


def test_protesters_who_bring_down_a_drone_stay_a_protest() -> None:
    text = (
        "أسقط متظاهرون فلسطينيون، الجمعة، طائرة مسيرة إسرائيلية بالحجارة خلال مسيرة قرب السياج الفاصل شرق "
        "مدينة غزة، وأصيب 40 متظاهرا برصاص الجيش الإسرائيلي."
    )
    events = extract_events(Document(id="t", text=text, published=DAY))
    assert events and all(e.event_type == "Protests" for e in events), [e.sub_event_type for e in events]


def test_a_defused_bomb_and_a_seized_cache_are_disrupted_weapons_use() -> None:
    defused = "فككت قوات الأمن، الأحد، عبوة ناسفة زرعها مسلحون على طريق رئيسي جنوب مدينة العريش."
    sub, a1, a2, country, _ = _one(defused)
    assert (sub, country) == ("Disrupted weapons use", "Egypt") and a1.startswith("Military Forces of Egypt")
    cache = "عثرت القوات الأمنية، الأحد، على مضافة لتنظيم داعش تحتوي على أسلحة وعبوات ناسفة في صحراء الأنبار."
    sub, a1, a2, country, _ = _one(cache)
    assert (sub, a2, country) == ("Disrupted weapons use", "Islamic State (Iraq)", "Iraq")
    # demining as a programme stays a plan
    assert (
        extract_events(
            Document(id="t", text="أعلن المركز إزالة أكثر من ألفي لغم في المناطق المحررة.", published=DAY)
        )
        == []
    )


def test_an_interception_is_placed_where_the_weapon_was_going() -> None:
    text = (
        "اعترضت الدفاعات السعودية، الأحد، صاروخا باليستيا أطلقه الحوثيون من محافظة صعدة باتجاه مدينة جازان."
    )
    (e,) = extract_events(Document(id="t", text=text, published=DAY))
    assert (e.sub_event_type, e.country, e.location) == ("Disrupted weapons use", "Saudi Arabia", "Jizan")


def test_a_strike_told_beside_an_interception_is_the_strike() -> None:
    # the interception of the rockets and the strike that answered them share a sentence: the strike,
    # higher in ACLED's order, is the event; a drone shot down next to its words stays an interception
    text = (
        "اعترضت منظومة الدفاع الجوي صاروخين أطلقا من القطاع فجر الأحد، بحسب بيان للجيش الذي أضاف أنه "
        "بعد ساعة واحدة قصف الطيران الحربي ثلاثة مواقع لحركة حماس في مدينة خان يونس."
    )
    sub, a1, _a2, country, _ = _one(text)
    assert (sub, country) == ("Air/drone strike", "Palestine")
    assert a1.startswith("Military Forces of Israel")
    downed = (
        "أسقطت الدفاعات الجوية السعودية، الأحد، طائرة مسيرة مفخخة أطلقها الحوثيون باتجاه مدينة خميس مشيط."
    )
    assert _one(downed)[0] == "Disrupted weapons use"


def test_an_interception_told_with_no_side_named_is_still_the_countrys() -> None:
    # a detail sentence naming neither side: the interception is the country's forces' act
    text = (
        "أعلن التحالف بقيادة السعودية، مساء الخميس، أن الدفاعات الجوية اعترضت صاروخا باليستيا أطلقه "
        "الحوثيون باتجاه مدينة جازان. وأضاف أنه جرى اعتراض ثلاث طائرات مسيرة مفخخة أطلقت باتجاه مدينة أبها."
    )
    events = extract_events(Document(id="t", text=text, published=DAY))
    assert sorted((e.sub_event_type, e.admin1) for e in events) == [
        ("Disrupted weapons use", "Asir"),
        ("Disrupted weapons use", "Jizan"),
    ]


def test_fighters_sent_to_intercept_bombers_are_no_weapon_use() -> None:
    text = (
        "أعلنت اليابان، الجمعة، أنها أرسلت مقاتلات لاعتراض طائرتين قاذفتين روسيتين اقتربتا من مجالها الجوي."
    )
    assert extract_events(Document(id="t", text=text, published=DAY)) == []


def test_a_drone_without_a_pilot_intercepted_is_disrupted_weapons_use() -> None:
    text = "أعلن التحالف، صباح الخميس، اعتراض وتدمير طائرة دون طيار مفخخة أطلقها الحوثيون باتجاه مدينة نجران."
    sub, _a1, a2, country, _ = _one(text)
    assert (sub, a2, country) == ("Disrupted weapons use", "Houthis (Ansar Allah)", "Saudi Arabia")


def test_an_interception_told_again_with_its_pronoun_and_no_one_hurt() -> None:
    # the second sentence retells the interception ("من اعتراضه") and says nobody was hurt
    text = (
        "أطلقت جماعة الحوثي، مساء الأحد، صاروخا باليستيا باتجاه مدينة نجران السعودية.\n"
        "وتمكنت قوات الدفاع الجوي السعودي من اعتراضه، وتناثرت شظاياه على مناطق سكنية دون أن يسفر ذلك "
        "عن أية إصابات."
    )
    (e,) = extract_events(Document(id="t", text=text, published=DAY))
    assert e.sub_event_type == "Disrupted weapons use" and e.injured == 0 and e.fatalities == 0
