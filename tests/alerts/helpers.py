"""Synthetic event rows for the alert tests: weekly counts become dated events."""

from __future__ import annotations

import datetime as dt

from marsad.alerts.series import EventRow

MONDAY = dt.date(2018, 1, 1)  # a Monday


def events_from_counts(
    counts: list[int],
    *,
    prefix: str,
    country: str = "Iraq",
    admin1: str = "Kirkuk",
    admin2: str = "Daquq",
    actor1: str = "Islamic State (Iraq)",
    actor2: str = "Police Forces of Iraq (2020-)",
    event_type: str = "Battles",
    sub_event_type: str = "Armed clash",
    fatalities: int = 1,
    start: dt.date = MONDAY,
) -> list[EventRow]:
    rows = []
    for week, n in enumerate(counts):
        for j in range(n):
            rows.append(
                EventRow(
                    id=f"{prefix}-{week}-{j}",
                    date=start + dt.timedelta(weeks=week, days=j % 7),
                    country=country,
                    admin1=admin1,
                    admin2=admin2,
                    actor1=actor1,
                    actor2=actor2,
                    event_type=event_type,
                    sub_event_type=sub_event_type,
                    fatalities=fatalities,
                    location=admin2,
                )
            )
    return rows
