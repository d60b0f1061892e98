"""Query parameters shared by /events, /stats and the exports, checked before they reach SQL."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Query

from marsad.acled import EVENT_TYPE_OF, SUB_EVENT_TYPES
from marsad.errors import ErrorCode, MarsadError
from marsad.store import EventFilter

_TEXT = {"max_length": 200}


def _bad(msg: str) -> MarsadError:
    return MarsadError(ErrorCode.BAD_PARAMETER, msg)


async def event_filter(  # async: pure validation, no thread hop
    date_from: Annotated[date | None, Query(description="First event date (YYYY-MM-DD), inclusive.")] = None,
    date_to: Annotated[date | None, Query(description="Last event date (YYYY-MM-DD), inclusive.")] = None,
    country: Annotated[str | None, Query(description="Country as ACLED writes it (Iraq).", **_TEXT)] = None,
    admin1: Annotated[str | None, Query(description="First-level admin unit (Kirkuk).", **_TEXT)] = None,
    admin2: Annotated[str | None, Query(description="Second-level admin unit.", **_TEXT)] = None,
    event_type: Annotated[str | None, Query(description="ACLED event type.", **_TEXT)] = None,
    sub_event_type: Annotated[str | None, Query(description="ACLED sub-event type.", **_TEXT)] = None,
    actor: Annotated[str | None, Query(description="Substring of an actor name (EN or AR).", **_TEXT)] = None,
    min_fatalities: Annotated[
        int | None, Query(ge=0, le=1_000_000, description="At least this many.")
    ] = None,
    q: Annotated[
        str | None,
        Query(description="Words in a source text; hamza/alef/teh-marbuta insensitive.", max_length=300),
    ] = None,
) -> EventFilter:
    if date_from and date_to and date_from > date_to:
        raise _bad("date_from is after date_to")
    if event_type is not None and event_type not in SUB_EVENT_TYPES:
        raise _bad(f"unknown event_type; one of: {', '.join(SUB_EVENT_TYPES)}")
    if sub_event_type is not None and sub_event_type not in EVENT_TYPE_OF:
        raise _bad("unknown sub_event_type (see ACLED's list in /openapi.json description)")
    if q is not None and not q.strip():
        raise _bad("q is empty")
    return EventFilter(
        date_from=date_from,
        date_to=date_to,
        country=country or None,
        admin1=admin1 or None,
        admin2=admin2 or None,
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor=actor or None,
        min_fatalities=min_fatalities,
        q=q,
    )


Filters = Annotated[EventFilter, Depends(event_filter)]
