"""Cross-report merging: one incident told twice merges; different incidents the same day and town
stay apart; ACLED's lowest-figure rule; stable ids; bridging reports fold events together."""

from __future__ import annotations

from reportkit import HAWIJA, doc, event, hawija_docs, protest_doc  # type: ignore[import-not-found]

from marsad.merge import Report, match_text, merge_events, same_incident, score
from marsad.store import Store


def _reports() -> dict[str, Report]:
    return {d.id: Report(d.events[0], match_text(d.events[0], d.text)) for d in hawija_docs()}


def test_one_incident_two_tellings_merge() -> None:
    r = _reports()
    a, b = r["agency-a-0314"], r["outlet-b-7731"]
    assert same_incident(a, b) and same_incident(b, a)


def test_different_incidents_same_day_same_town_stay_apart() -> None:
    r = _reports()
    a, b, c, d = r["agency-a-0314"], r["outlet-b-7731"], r["agency-a-0315"], r["outlet-c-0099"]
    for x, y in ((a, c), (a, d), (b, c), (b, d), (c, d)):
        assert not same_incident(x, y), (x.record.doc_ids, y.record.doc_ids, score(x, y))


def test_hard_constraints() -> None:
    r = _reports()
    a, b = r["agency-a-0314"], r["outlet-b-7731"]
    moved = b.record.model_copy(update={"event_date": "2021-03-16"})  # two days later
    assert score(a, Report(moved, b.text)) is None
    syria = b.record.model_copy(update={"country": "Syria"})
    assert score(a, Report(syria, b.text)) is None
    far = b.record.model_copy(
        update={
            "location": "Basra",
            "location_ar": "البصرة",
            "admin1": "Basra",
            "latitude": 30.5,
            "longitude": 47.8,
        }
    )
    assert score(a, Report(far, b.text)) is None
    other_group = b.record.model_copy(update={"actor1": "Military Forces of Turkey", "actor2": "PKK"})
    assert (
        score(Report(a.record.model_copy(update={"actor2": ""}), a.text), Report(other_group, b.text)) is None
    )
    same_doc = Report(b.record.model_copy(update={"doc_ids": ["agency-a-0314"]}), b.text)
    assert score(a, same_doc) is None


def test_nested_place_and_next_day() -> None:
    r = _reports()
    a, b = r["agency-a-0314"], r["outlet-b-7731"]
    province = b.record.model_copy(
        update={
            "location": "Kirkuk",
            "location_ar": "كركوك",
            "admin2": "",
            "geo_precision": 3,
            "event_date": "2021-03-15",
        }
    )
    assert same_incident(a, Report(province, b.text))
    # a report coded at Kirkuk CITY is not a report of the province: no nesting
    city = province.model_copy(update={"geo_precision": 1, "latitude": 35.4681, "longitude": 44.3922})
    assert not same_incident(a, Report(city, b.text))


def test_merge_events_in_memory() -> None:
    docs = [*hawija_docs(), protest_doc()]
    texts = {d.id: d.text for d in docs}
    merged = merge_events([e for d in docs for e in d.events], texts)
    assert len(merged) == 4
    ev = merged[0]
    assert ev.event_id_cnty == "IRQ-agency-a-0314-0" and ev.doc_ids == ["agency-a-0314", "outlet-b-7731"]
    assert ev.source == "Agency A; Outlet B" and ev.fatalities == 3 and ev.fatalities_range == [3, 4]
    assert {e.doc_id for e in ev.evidence} == {"agency-a-0314", "outlet-b-7731"}
    # the order of the reports does not change which reports end up together
    again = merge_events([e for d in reversed(docs) for e in d.events], texts)
    assert sorted(sorted(e.doc_ids) for e in again) == sorted(sorted(e.doc_ids) for e in merged)


def _telling(
    doc_id: str, outlet: str, day: str, killed: int, text: str, target: str = "Police Forces of Iraq (2021-)"
):  # type: ignore[no-untyped-def]
    d = doc(doc_id, text, outlet)
    d.events = [
        event(
            d,
            "Remote explosive/landmine/IED",
            {"sub_event_type": "عبوة ناسفة", "location": "الحويجة"},
            event_date=day,
            actor2=target,
            inter1=2,
            inter2=1,
            fatalities=killed,
            **{k: v for k, v in HAWIJA.items() if k == "geo_precision"},
        )
    ]
    return d


def test_a_bridging_report_merges_two_events_into_the_earliest(db_url: str) -> None:
    # x and y may be one incident (same town, a day apart, nothing contradicts) but say too little
    # in common to merge; z, told in words close to both, shows they are one.
    x = _telling(
        "x", "Agency A", "2021-03-14", 3, "انفجرت عبوة ناسفة بدورية للشرطة في الحويجة ليلة السبت فقتل ثلاثة."
    )
    y = _telling(
        "y",
        "Outlet B",
        "2021-03-15",
        0,
        "أعلنت خلية الإعلام الأمني انفجار عبوة ناسفة قرب الحويجة وفتح تحقيق.",
        "",
    )
    z = _telling(
        "z",
        "Outlet C",
        "2021-03-14",
        3,
        "مقتل ثلاثة منتسبين للشرطة بانفجار عبوة ناسفة قرب الحويجة ليلة السبت، وفتح تحقيق.",
    )
    with Store(db_url) as store:
        store.ingest_documents([x, y])
        assert store.counts()["events"] == 2
        rep = store.ingest_documents([z])
        assert rep.events_merged == 1 and rep.events_updated == 1
        events = store.query_events().events
        assert [e["id"] for e in events] == ["IRQ-x-0"]  # the earliest id survives
        assert events[0]["doc_ids"] == ["x", "y", "z"] and events[0]["fatalities_range"] == [3, 3]
        log = [(c["event_id"], c["kind"], c["into_id"]) for c in store.changes()]
        assert ("IRQ-y-0", "merged", "IRQ-x-0") in log and log[-1] == ("IRQ-x-0", "updated", None)
        assert store.merged_into("IRQ-y-0") == "IRQ-x-0"
        assert store.get_event("IRQ-y-0") is None


def test_no_chaining_across_days(db_url: str) -> None:
    # Reports a day apart, each close to the next: one cluster must not stretch over three days.
    days = ["2021-03-13", "2021-03-14", "2021-03-15", "2021-03-16"]
    docs = [
        _telling(f"d{i}", f"Outlet {i}", day, 3, "انفجرت عبوة ناسفة بدورية للشرطة في الحويجة فقتل ثلاثة.")
        for i, day in enumerate(days)
    ]
    with Store(db_url) as store:
        store.ingest_documents(docs)
        spans = []
        for e in store.iter_events():
            dates = sorted({s["event_date"] for s in (store.get_event(e["id"]) or {})["sources"]})
            spans.append((dates[0], dates[-1]))
        assert all((int(b[-2:]) - int(a[-2:])) <= 1 for a, b in spans), spans


def test_police_and_army_of_one_state_are_one_side() -> None:
    r = _reports()
    a, b = r["agency-a-0314"], r["outlet-b-7731"]
    army = b.record.model_copy(update={"actor2": "Military Forces of Iraq (2020-)", "inter2": 1})
    assert same_incident(a, Report(army, b.text))
    rebels = b.record.model_copy(update={"actor2": "Kurdistan Workers Party", "inter2": 2})
    assert not same_incident(
        Report(a.record.model_copy(update={"actor1": ""}), a.text), Report(rebels, b.text)
    )


def test_a_report_without_a_figure_does_not_zero_the_event() -> None:
    from marsad.merge import combine

    r = _reports()
    a, b = r["agency-a-0314"], r["outlet-b-7731"]
    silent = Report(b.record.model_copy(update={"fatalities": 0, "injured": None}), b.text)
    ev = combine([a, silent])
    assert ev.fatalities == 3 and ev.fatalities_range == [3, 3] and ev.injured == 5
    assert ev.source == "Agency A; Outlet B" and ev.doc_ids == ["agency-a-0314", "outlet-b-7731"]
    none = combine([Report(a.record.model_copy(update={"fatalities": 0}), a.text), silent])
    assert none.fatalities == 0 and none.fatalities_range is None
