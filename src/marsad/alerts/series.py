"""Trend series: daily and weekly counts of events and fatalities per place, actor and event type.

Pure functions over event rows. A row can be an `EventRecord`, a dict from the store or from an
event JSONL shard, or any object with the same attribute names; `as_row` reads what it needs.
Weeks start on Monday (ISO weeks), so a weekly value is the sum of the seven days from that Monday.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

# The series families. "unit" series are per admin1 and per admin2; "pair" keys (a unit crossed
# with an event type or an actor) are used only by the "new" signal, where the question is whether
# something was seen there before, not how many.
DIMENSIONS = ("admin1", "admin2", "actor", "event_type")
METRICS = ("events", "fatalities")
GRAINS = ("day", "week")


@dataclass(frozen=True, slots=True)
class EventRow:
    """The fields of an event the alert layer needs."""

    id: str
    date: dt.date
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    actor1: str = ""
    actor2: str = ""
    event_type: str = ""
    sub_event_type: str = ""
    fatalities: int = 0
    location: str = ""
    notes: str = ""

    @property
    def actors(self) -> tuple[str, ...]:
        a1, a2 = self.actor1, self.actor2
        if a1 and a2:
            return (a1,) if a1 == a2 else (a1, a2)
        return (a1,) if a1 else ((a2,) if a2 else ())

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_date": self.date.isoformat(),
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "location": self.location,
            "actor1": self.actor1,
            "actor2": self.actor2,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "fatalities": self.fatalities,
        }


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def as_row(obj: Any) -> EventRow:
    """Read an event (EventRecord, store row mapping, JSON dict) into an `EventRow`.

    Raises ValueError when the event has no usable id or date: such a row cannot be placed on a
    series, and the caller decides whether to skip it (and count it) or fail.
    """
    if isinstance(obj, EventRow):
        return obj
    ident = _get(obj, "id") or _get(obj, "event_id_cnty")
    if not ident:
        raise ValueError("event has no id")
    raw_date = _get(obj, "event_date")
    if isinstance(raw_date, dt.datetime):
        day = raw_date.date()
    elif isinstance(raw_date, dt.date):
        day = raw_date
    elif isinstance(raw_date, str) and raw_date:
        day = dt.date.fromisoformat(raw_date[:10])
    else:
        raise ValueError(f"event {ident} has no event_date")
    fatalities = _get(obj, "fatalities") or 0
    return EventRow(
        id=str(ident),
        date=day,
        country=str(_get(obj, "country") or ""),
        admin1=str(_get(obj, "admin1") or ""),
        admin2=str(_get(obj, "admin2") or ""),
        actor1=str(_get(obj, "actor1") or ""),
        actor2=str(_get(obj, "actor2") or ""),
        event_type=str(_get(obj, "event_type") or ""),
        sub_event_type=str(_get(obj, "sub_event_type") or ""),
        fatalities=max(0, int(fatalities)),
        location=str(_get(obj, "location") or ""),
        notes=str(_get(obj, "notes") or ""),
    )


class SeriesKey(NamedTuple):
    """What a series counts: one place (country/admin1/admin2), actor or event type, or a pair.

    Empty strings mean "any". Actors and event types are counted per country because ACLED actor
    names already carry the country ("Islamic State (Iraq)") and a country-wide type series is
    what an analyst compares a rise against. A named tuple: hashed and compared at C speed, which
    matters when every event is counted in a dozen series.
    """

    dimension: str
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    actor: str = ""
    event_type: str = ""

    @property
    def label(self) -> str:
        place = " / ".join(p for p in (self.country, self.admin1, self.admin2) if p)
        what = " · ".join(p for p in (self.event_type, self.actor) if p)
        return f"{place} — {what}" if what and place else (what or place)

    def to_dict(self) -> dict[str, str]:
        return {
            "dimension": self.dimension,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "actor": self.actor,
            "event_type": self.event_type,
            "label": self.label,
        }


def unit_keys(row: EventRow) -> list[SeriesKey]:
    """The admin1 and admin2 series an event belongs to (none when it has no admin1)."""
    keys: list[SeriesKey] = []
    if row.admin1:
        keys.append(SeriesKey("admin1", row.country, row.admin1))
        if row.admin2:
            keys.append(SeriesKey("admin2", row.country, row.admin1, row.admin2))
    return keys


def series_keys(row: EventRow) -> list[SeriesKey]:
    """Every spike series an event counts in: its units, each of its actors, its event type."""
    keys = unit_keys(row)
    keys.extend(SeriesKey("actor", row.country, actor=a) for a in row.actors)
    if row.event_type:
        keys.append(SeriesKey("event_type", row.country, event_type=row.event_type))
    return keys


def pair_keys(row: EventRow) -> list[SeriesKey]:
    """Unit × event type and unit × actor keys, for the "first seen in N weeks" signal."""
    keys: list[SeriesKey] = []
    for unit in unit_keys(row):
        if row.event_type:
            keys.append(
                SeriesKey(
                    f"{unit.dimension}+event_type",
                    unit.country,
                    unit.admin1,
                    unit.admin2,
                    event_type=row.event_type,
                )
            )
        for actor in row.actors:
            keys.append(
                SeriesKey(f"{unit.dimension}+actor", unit.country, unit.admin1, unit.admin2, actor=actor)
            )
    return keys


def period_start(day: dt.date, grain: str) -> dt.date:
    if grain == "day":
        return day
    if grain == "week":
        return day - dt.timedelta(days=day.weekday())
    raise ValueError(f"unknown grain {grain!r} (use one of {GRAINS})")


def period_range(first: dt.date, last: dt.date, grain: str) -> list[dt.date]:
    """Every period start from the period of `first` to the period of `last`, gaps included."""
    step = dt.timedelta(days=1 if grain == "day" else 7)
    start, end = period_start(first, grain), period_start(last, grain)
    out = []
    while start <= end:
        out.append(start)
        start += step
    return out


@dataclass
class Series:
    """One key's values over consecutive periods (zeros included), and the events per period."""

    key: SeriesKey
    grain: str
    periods: list[dt.date]
    events: list[int]
    fatalities: list[int]
    # period index -> ids of the events counted there; only non-empty periods are present.
    ids: dict[int, list[str]] = field(default_factory=dict)

    def event_ids(self, t: int) -> list[str]:
        return sorted(self.ids.get(t, ()))

    def values(self, metric: str) -> list[int]:
        if metric == "events":
            return self.events
        if metric == "fatalities":
            return self.fatalities
        raise ValueError(f"unknown metric {metric!r} (use one of {METRICS})")

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key.to_dict(),
            "grain": self.grain,
            "periods": [p.isoformat() for p in self.periods],
            "events": self.events,
            "fatalities": self.fatalities,
        }


def build_series(
    rows: Iterable[EventRow],
    grain: str = "week",
    keys_of: Callable[[EventRow], list[SeriesKey]] = series_keys,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> dict[SeriesKey, Series]:
    """Group events into series on a common calendar from `first` to `last` (default: the data's span).

    All series share the same periods so that a unit with no events in a week shows a zero there,
    which is what a trailing baseline must see.
    """
    kept = [r for r in rows if (first is None or r.date >= first) and (last is None or r.date <= last)]
    if not kept:
        return {}
    lo = first or min(r.date for r in kept)
    hi = last or max(r.date for r in kept)
    periods = period_range(lo, hi, grain)
    index = {p: i for i, p in enumerate(periods)}
    n = len(periods)
    out: dict[SeriesKey, Series] = {}
    # Many events share place, actors and type: compute their keys once per combination (so
    # `keys_of` must depend on nothing else).
    key_cache: dict[tuple[str, ...], list[SeriesKey]] = {}
    for row in kept:
        sig = (row.country, row.admin1, row.admin2, row.actor1, row.actor2, row.event_type)
        keys = key_cache.get(sig)
        if keys is None:
            keys = key_cache[sig] = keys_of(row)
        i = index[period_start(row.date, grain)]
        for key in keys:
            s = out.get(key)
            if s is None:
                s = out[key] = Series(key, grain, periods, [0] * n, [0] * n)
            s.events[i] += 1
            s.fatalities[i] += row.fatalities
            s.ids.setdefault(i, []).append(row.id)
    return out


def trends(
    rows: Iterable[EventRow],
    grain: str = "week",
    dimension: str | None = None,
) -> list[Series]:
    """Trend series for the API and the CLI, optionally only one dimension (admin1, actor …)."""
    if dimension is not None and dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r} (use one of {DIMENSIONS})")
    series = build_series(rows, grain)
    return [s for k, s in series.items() if dimension is None or k.dimension == dimension]
