"""Extraction on Arabic reports written for these tests (agency style, invented incidents)."""

from __future__ import annotations

from datetime import datetime

from marsad.eval import admin1_equal
from marsad.extract import ExtractStage, extract_events
from marsad.model import Document
from marsad.record import EventRecord

IED_REPORT = (
    "بغداد - وكالة المرصد: قتل ستة أشخاص وأصيب 11 آخرون بجروح مساء الثلاثاء بانفجار عبوة ناسفة "
    "في سوق شعبي بمدينة الحلة مركز محافظة بابل، بحسب ما أفاد مصدر في الشرطة.\n"
    "وقال المصدر إن العبوة كانت مزروعة قرب بسطة لبيع الخضار وانفجرت وقت الذروة.\n"
    "ولم تعلن أي جهة مسؤوليتها عن التفجير حتى الآن.\n"
    "وكان العراق قد أعلن أواخر عام 2017 النصر على تنظيم داعش."
)
PROTEST_REPORT = (
    "تظاهر مئات من أهالي مدينة الناصرية اليوم الأحد أمام مبنى المحافظة احتجاجا على انقطاع الكهرباء "
    "وشح مياه الشرب، ورفع المحتجون لافتات تطالب بمحاسبة المسؤولين.\n"
    "وانتهت التظاهرة دون تسجيل أي حوادث، بحسب مراسل الوكالة."
)
SPORT_REPORT = (
    "قاد المهاجم هجوما خطيرا في الدقيقة العشرين وسدد كرة قوية ارتطمت بالقائم، قبل أن يحسم الفريق "
    "المباراة بهدفين نظيفين في الدوري الممتاز.\nوقال مدرب النادي إن لاعبيه قتلوا المباراة مبكرا."
)
ACCIDENT_REPORT = (
    "لقي 12 شخصا مصرعهم وأصيب 20 آخرون في حادث تصادم بين حافلة وشاحنة على الطريق الدولي "
    "قرب مدينة الرمادي، بحسب مديرية الدفاع المدني.\nوقال مسؤول إن السرعة الزائدة سبب الحادث."
)
THREAT_REPORT = (
    "هدد التنظيم في بيان نشره على مواقع التواصل بشن هجمات جديدة على القوات الأمنية في محافظة ديالى، "
    "فيما دعا محافظ ديالى إلى تعزيز الإجراءات الأمنية لمنع أي هجوم محتمل."
)
TWO_INCIDENTS = (
    "الموصل - وكالة المرصد: قتل ثلاثة جنود عراقيين وأصيب اثنان آخران صباح الاثنين في هجوم شنه "
    "مسلحون من تنظيم داعش على نقطة تفتيش للجيش في قضاء الحضر جنوب الموصل بمحافظة نينوى.\n"
    "وفي محافظة الأنبار، قتل مدنيان الاثنين بانفجار عبوة ناسفة استهدفت سيارتهما في قضاء هيت، "
    "بحسب مصدر أمني."
)


def _doc(text: str, doc_id: str = "t1", published: str = "2022-03-15T09:00:00+00:00") -> Document:
    return Document(id=doc_id, text=text, published=datetime.fromisoformat(published), outlet="Marsad Wire")


def _check_evidence(doc: Document, ev: EventRecord) -> None:
    assert ev.evidence, "every event carries evidence"
    for e in ev.evidence:
        assert e.doc_id == doc.id
        assert doc.text[e.start : e.end] == e.text, e


def test_ied_report_is_one_explosion_with_tolls_and_evidence() -> None:
    doc = _doc(IED_REPORT)
    events = extract_events(doc)
    assert len(events) == 1
    ev = events[0]
    assert (ev.event_type, ev.sub_event_type) == (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    )
    assert ev.fatalities == 6 and ev.injured == 11
    assert ev.country == "Iraq" and ev.admin1 == "Babil"
    assert ev.event_date == "2022-03-15"  # "مساء الثلاثاء" = the publication day (a Tuesday)
    assert ev.actor2 == "Civilians (Iraq)"
    assert ev.doc_ids == ["t1"] and ev.source == "Marsad Wire"
    _check_evidence(doc, ev)
    fields = {e.field for e in ev.evidence}
    assert {"event_type", "fatalities", "injured", "location", "admin1"} <= fields
    fat = ev.evidence_for("fatalities")[0]
    assert fat.text == "ستة"
    assert doc.events == events


def test_protest_is_a_peaceful_protest() -> None:
    events = extract_events(_doc(PROTEST_REPORT, published="2022-03-13T10:00:00+00:00"))
    assert len(events) == 1
    ev = events[0]
    assert (ev.event_type, ev.sub_event_type) == ("Protests", "Peaceful protest")
    assert ev.actor1 == "Protesters (Iraq)" and ev.inter1 == 6
    assert admin1_equal(ev.admin1, "Dhi Qar")
    assert ev.fatalities == 0 and ev.injured is None


def test_sport_accident_and_threat_yield_nothing() -> None:
    for text in (SPORT_REPORT, ACCIDENT_REPORT, THREAT_REPORT):
        assert extract_events(_doc(text)) == [], text[:40]


def test_background_history_is_not_an_event() -> None:
    events = extract_events(_doc(IED_REPORT))
    assert all(e.event_date.startswith("2022") for e in events)


def test_two_incidents_in_two_governorates() -> None:
    doc = _doc(TWO_INCIDENTS, published="2022-03-14T18:00:00+00:00")
    events = extract_events(doc)
    assert len(events) == 2
    battle = next(e for e in events if admin1_equal(e.admin1, "Nineveh"))
    assert (battle.event_type, battle.sub_event_type) == ("Battles", "Armed clash")
    assert battle.actor1 == "Islamic State (Iraq)" and battle.actor2.startswith("Military Forces of Iraq")
    assert battle.fatalities == 3 and battle.injured == 2
    bomb = next(e for e in events if admin1_equal(e.admin1, "Anbar"))
    assert bomb.sub_event_type == "Remote explosive/landmine/IED" and bomb.fatalities == 2
    for ev in events:
        _check_evidence(doc, ev)


def test_ids_are_deterministic() -> None:
    a = [e.event_id_cnty for e in extract_events(_doc(TWO_INCIDENTS))]
    b = [e.event_id_cnty for e in extract_events(_doc(TWO_INCIDENTS))]
    assert a == b and len(set(a)) == 2 and all(x.startswith("IRQ") for x in a)


def test_stage_counts_events_and_passes_rejects_on() -> None:
    from marsad.errors import Reject

    bad = _doc("نص", doc_id="bad")
    bad.reject = Reject(code="E_EMPTY", message="empty", doc_id="bad")
    stage = ExtractStage()
    out = list(stage.run([_doc(IED_REPORT, doc_id="a"), bad, _doc(SPORT_REPORT, doc_id="b")]))
    assert [d.id for d in out] == ["a", "bad", "b"]
    assert len(out[0].events) == 1 and out[2].events == []
    assert stage.stats.extra["events"] == 1 and stage.stats.docs_out == 2


def test_report_without_any_date_gives_no_event() -> None:
    doc = Document(id="nodate", text=IED_REPORT.replace("مساء الثلاثاء ", "").replace("عام 2017", "العام"))
    assert extract_events(doc) == []
