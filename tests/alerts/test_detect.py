"""Spike and first-appearance detection on synthetic series."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from helpers import MONDAY, events_from_counts

from marsad.alerts.calibrate import detection_rate, false_alarm_rate, noise
from marsad.alerts.detect import DetectorConfig, detect
from marsad.alerts.series import SeriesKey


def _week(n: int) -> dt.date:
    return MONDAY + dt.timedelta(weeks=n)


def test_clear_rise_is_flagged_with_its_evidence() -> None:
    rng = random.Random(1)
    counts = [*noise(rng, 2.0, 14), 14]  # two a week for 14 weeks, then fourteen
    rows = events_from_counts(counts, prefix="kir")
    # The record starts on MONDAY even if the first random week happens to be empty.
    alerts = [a for a in detect(rows, first=MONDAY) if a.kind == "spike" and a.metric == "events"]
    kirkuk = [a for a in alerts if SeriesKey("admin1", "Iraq", "Kirkuk") in (a.key, *a.also)]
    assert [a.period for a in kirkuk] == [_week(14)]
    a = kirkuk[0]
    assert a.observed == 14 and a.threshold < 14 and a.baseline_mean < 4
    assert a.score > 3  # rarer than one in a thousand under the baseline
    assert sorted(a.event_ids) == sorted(r.id for r in rows if r.date >= _week(14))
    assert {e["id"] for e in a.events} == set(a.event_ids)
    d = a.to_dict()
    assert d["series"][-1] == {
        "date": _week(14).isoformat(),
        "value": 14,
        "baseline": round(a.baseline_mean, 4),
        "threshold": a.threshold,
    }
    # Every charted period has a full baseline window behind it: weeks 8 … 14.
    assert [p["date"] for p in d["series"]] == [_week(i).isoformat() for i in range(8, 15)]
    assert d["baseline"] == [p["baseline"] for p in d["series"]]
    # The same events raise it in admin2, both actors and the event type too: one alert, on the
    # most specific series, lists the others.
    assert a.key.dimension == "admin2"
    assert {k.dimension for k in a.also} == {"admin1", "actor", "event_type"} and len(a.also) == 4
    assert len([x for x in alerts if x.period == _week(14)]) == 1


def test_noise_at_the_same_mean_is_not_flagged() -> None:
    rng = random.Random(2)
    rows = events_from_counts(noise(rng, 2.0, 40), prefix="calm")
    spikes = [
        a
        for a in detect(rows, DetectorConfig(metrics=("events",)))
        if a.kind == "spike" and a.key.admin1 == "Kirkuk"
    ]
    assert spikes == []


def test_false_alarm_rate_on_many_random_series() -> None:
    cfg = DetectorConfig(metrics=("events",))
    poisson = false_alarm_rate(cfg, n_series=300, length=30, mean=4.0, seed=11)
    # With a 99 % quantile a Poisson series should alarm about 1 week in 100 (the discrete
    # quantile makes it less); bursty series estimated from 8 weeks alarm more often.
    assert poisson.cells == 300 * 22
    assert poisson.rate < 0.015
    bursty = false_alarm_rate(cfg, n_series=300, length=30, mean=4.0, size=3.0, seed=11)
    assert bursty.rate < 0.05
    assert bursty.rate > poisson.rate


def test_one_event_in_a_quiet_village_is_not_an_alarm() -> None:
    rows = events_from_counts([0] * 15 + [1], prefix="v1", admin2="Al-Rashad")
    rows += events_from_counts([0] * 20 + [2], prefix="v2", admin2="Al-Rashad")
    assert not [a for a in detect(rows) if a.kind == "spike"]
    # Three is the configured minimum: a quiet place with three events at once is flagged.
    rows += events_from_counts([0] * 25 + [3], prefix="v3", admin2="Taza")
    flagged = [
        (a.key.admin2, a.period) for a in detect(rows) if a.kind == "spike" and a.key.dimension == "admin2"
    ]
    assert flagged == [("Taza", _week(25))]


def test_fatalities_spike_needs_deaths_and_several_events() -> None:
    base = events_from_counts([2] * 12, prefix="b", fatalities=0)
    hit = events_from_counts([0] * 12 + [3], prefix="h", fatalities=5)
    fat = [a for a in detect(base + hit) if a.metric == "fatalities" and a.key.dimension == "admin2"]
    assert [(a.period, a.observed) for a in fat] == [(_week(12), 15)]
    # Three events but only three deaths: under the fatalities minimum.
    small = events_from_counts([0] * 12 + [3], prefix="s", fatalities=1, admin1="Diyala", admin2="Khanaqin")
    assert not [a for a in detect(base + small) if a.metric == "fatalities" and a.key.admin1 == "Diyala"]
    # One incident with a large toll is an event to read, not a trend alarm (nor a misread toll).
    one = events_from_counts([0] * 12 + [1], prefix="o", fatalities=40, admin1="Babil", admin2="Hilla")
    assert not [a for a in detect(base + one) if a.kind == "spike" and a.key.admin1 == "Babil"]


def test_first_appearance_is_flagged_once() -> None:
    battles = events_from_counts([2] * 20, prefix="bat")
    ied = events_from_counts(
        [0] * 14 + [1, 1, 2],
        prefix="ied",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        actor1="Unidentified Armed Group (Iraq)",
        actor2="",
    )
    alerts = [a for a in detect(battles + ied) if a.kind == "new"]
    # One alert (the district and the type), the wider unit and the new actor listed with it.
    assert len(alerts) == 1
    a = alerts[0]
    etype = "Explosions/Remote violence"
    actor = "Unidentified Armed Group (Iraq)"
    assert (a.period, a.event_ids) == (_week(14), ["ied-14-0"])
    assert a.key == SeriesKey("admin2+event_type", "Iraq", "Kirkuk", "Daquq", event_type=etype)
    assert set(a.also) == {
        SeriesKey("admin1+event_type", "Iraq", "Kirkuk", event_type=etype),
        SeriesKey("admin2+actor", "Iraq", "Kirkuk", "Daquq", actor=actor),
        SeriesKey("admin1+actor", "Iraq", "Kirkuk", actor=actor),
    }
    assert "first in at least 12 weeks" in a.title


def test_nothing_is_new_before_the_record_reaches_back_far_enough() -> None:
    rows = events_from_counts([1] * 5, prefix="early")
    assert not [a for a in detect(rows) if a.kind == "new"]


def test_a_returning_type_after_a_long_quiet_is_new_again() -> None:
    battles = events_from_counts([2] * 40, prefix="bat")
    ied = events_from_counts(
        [0] * 13 + [1] + [0] * 14 + [1],
        prefix="ied",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
    )
    cfg = DetectorConfig(new_weeks=12)
    periods = [
        a.period
        for a in detect(battles + ied, cfg)
        if a.kind == "new" and a.key.dimension == "admin2+event_type"
    ]
    assert periods == [_week(13), _week(28)]


def test_ids_are_stable_and_since_until_select_periods() -> None:
    rows = events_from_counts([2] * 14 + [14] + [2] * 12 + [15], prefix="k")
    a1 = {a.id for a in detect(rows)}
    a2 = {a.id for a in detect(list(reversed(rows)))}
    assert a1 == a2 and len(a1) == len({(a.kind, a.metric, a.key, a.period) for a in detect(rows)})
    late = detect(rows, since=_week(15))
    assert late and all(a.period >= _week(15) for a in late)
    early = detect(rows, until=_week(14) + dt.timedelta(days=6))
    assert early and all(a.period <= _week(14) for a in early)
    assert {a.id for a in late} | {a.id for a in early} == a1


def test_bigger_rises_are_caught_more_often() -> None:
    cfg = DetectorConfig(metrics=("events",))
    rates = [detection_rate(cfg, 4.0, k, n_series=200) for k in (1.0, 2.0, 3.0, 5.0)]
    assert rates == sorted(rates) and rates[0] < 0.03 and rates[-1] > 0.9


def test_new_is_about_violence_in_a_watched_place() -> None:
    battles = events_from_counts([2] * 20, prefix="bat")
    protest = events_from_counts(
        [0] * 14 + [1],
        prefix="pro",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        actor1="Protesters (Iraq)",
        actor2="",
    )
    assert not [a for a in detect(battles + protest) if a.kind == "new"]
    # A first IED in a district the sources never covered before is not "new" there either.
    lone = events_from_counts(
        [0] * 14 + [1],
        prefix="lone",
        admin1="Muthanna",
        admin2="Al-Salman",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
    )
    assert not [a for a in detect(battles + lone) if a.kind == "new"]


def test_exposure_separates_more_reporting_from_more_violence() -> None:
    # Two events a week; in week 12 the sources publish three times as much and seven events appear.
    rows = events_from_counts([2] * 12 + [7], prefix="cov")
    volume = {_week(i): 300.0 for i in range(12)} | {_week(12): 900.0}
    plain = [a for a in detect(rows, first=MONDAY) if a.kind == "spike" and a.metric == "events"]
    assert [a.period for a in plain] == [_week(12)]  # on counts alone: a rise
    adjusted = detect(rows, first=MONDAY, exposure=volume)
    assert not [a for a in adjusted if a.kind == "spike" and a.metric == "events"]
    # Same volume, eighteen events: still a rise once the volume is accounted for.
    more = events_from_counts([2] * 12 + [18], prefix="esc")
    hits = [
        a for a in detect(more, first=MONDAY, exposure=volume) if a.kind == "spike" and a.metric == "events"
    ]
    assert [a.period for a in hits] == [_week(12)] and hits[0].baseline_mean == pytest.approx(6.0)
