"""`GET /alerts` (JSON, the API envelope) and `GET /alerts.atom` (Atom feed). Included by the app.

Where the events come from, in order: `app.state.store` (the app's `Store`), else a Store opened on
`app.state.settings.db_url`, else on `Settings.load().db_url`. Detector settings come from
`app.state.settings` (or `Settings.load()`). Alerts are computed from the stored events on each
request that finds the stored events changed (cached on the app otherwise), so an alert always
shows the events the store has now.

Query parameters (both routes): `place` (country, admin1 or admin2 name), `actor` (substring),
`event_type`, `kind` (spike|new), `metric` (events|fatalities), `since` / `until` (YYYY-MM-DD),
`id` (one alert), `limit` (1..1000, default 100).

`GET /alerts/trends`: the weekly (or daily) series themselves, per admin1, admin2, actor or type.

One alert in `data` (newest period first):
  {"id": "al_…" (stable: same what/where/when -> same id), "kind": "spike"|"new",
   "metric": "events"|"fatalities", "title": "Rise in events: Iraq / Kirkuk / Daquq: 14 in …",
   "key": {"dimension": "admin2", "country", "admin1", "admin2", "actor", "event_type", "label"},
   "also": [other keys the same events raised it in], "grain": "week",
   "period_start", "period_end", "observed", "baseline_mean", "threshold", "score", "p_value",
   "model": "poisson"|"negative-binomial", "dispersion", "quiet_periods" (for "new"),
   "event_ids": [...], "events": [{"id", "event_date", "country", "admin1", "admin2", "location",
   "actor1", "actor2", "event_type", "sub_event_type", "fatalities"}],
   "series": [{"date", "value", "baseline", "threshold"}, …] (oldest first, the alert's period last),
   "baseline": [the same baselines as a list]}
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from marsad.alerts.atom import feed
from marsad.alerts.detect import Alert, DetectorConfig
from marsad.alerts.series import DIMENSIONS, GRAINS, trends
from marsad.alerts.service import (
    AlertFilter,
    alerts_from_rows,
    detector_config,
    method,
    parse_day,
    select_alerts,
)
from marsad.alerts.source import RowReader
from marsad.config import Settings
from marsad.errors import ErrorCode, MarsadError

log = logging.getLogger(__name__)

router = APIRouter(tags=["alerts"])

MAX_LIMIT = 1000


def _settings(request: Request) -> Settings:
    settings = getattr(request.app.state, "settings", None)
    return settings if isinstance(settings, Settings) else Settings.load()


def _store_version(store: Any) -> tuple[str, int, int]:
    """Changes whenever events change: the change log is append-only (created/updated/merged/deleted)."""
    counts = store.counts()
    return (str(getattr(store, "url", "")), int(counts.get("change_log", 0)), int(counts.get("events", 0)))


def _all_alerts(request: Request, cfg: DetectorConfig) -> tuple[list[Alert], int]:
    """Every alert over the whole record, cached on the app until the stored events change.

    The detector costs seconds on tens of thousands of events (benchmarks/results/alerts.md), so
    requests with different filters share one computation; the cache lives on `app.state`, not in
    a module global, and is replaced (never grown) when the data or the settings change.
    """
    store = getattr(request.app.state, "store", None)
    own = None
    if store is None:
        from marsad.store import Store

        store = own = Store(_settings(request).db_url)
    try:
        version = (_store_version(store), cfg)
        cached = getattr(request.app.state, "alerts_cache", None)
        if cached is not None and cached[0] == version:
            return cached[1], cached[2]
        reader = RowReader()
        rows = list(reader.rows(store.iter_events(), "store"))
        alerts = alerts_from_rows(rows, cfg)
        request.app.state.alerts_cache = (version, alerts, len(reader.skipped))
        return alerts, len(reader.skipped)
    finally:
        if own is not None:
            own.close()


def _error(code: ErrorCode, message: str, status: int) -> JSONResponse:
    return JSONResponse({"ok": False, "error": {"code": str(code), "message": message}}, status_code=status)


def _status(code: ErrorCode) -> int:
    return {ErrorCode.BAD_PARAMETER: 400, ErrorCode.NOT_FOUND: 404, ErrorCode.CONFIG: 500}.get(code, 500)


def _compute(
    request: Request,
    place: str | None,
    actor: str | None,
    event_type: str | None,
    kind: str | None,
    metric: str | None,
    since: str | None,
    until: str | None,
    id: str | None,
) -> tuple[list[Alert], AlertFilter, DetectorConfig, int]:
    f = AlertFilter(
        place=place or None,
        actor=actor or None,
        event_type=event_type or None,
        kind=kind or None,
        metric=metric or None,
        since=parse_day(since, "since"),
        until=parse_day(until, "until"),
        id=id or None,
    )
    cfg = detector_config(_settings(request))
    alerts, skipped = _all_alerts(request, cfg)
    return select_alerts(alerts, f), f, cfg, skipped


@router.get("/alerts", summary="Spike and first-appearance alerts (JSON), with series, baseline and events.")
def get_alerts(
    request: Request,
    place: str | None = Query(None, description="country, admin1 or admin2 name"),
    actor: str | None = Query(None, description="substring of an actor name"),
    event_type: str | None = Query(None, description="ACLED event type"),
    kind: str | None = Query(None, description="spike | new"),
    metric: str | None = Query(None, description="events | fatalities"),
    since: str | None = Query(None, description="YYYY-MM-DD: alerts about periods ending on or after it"),
    until: str | None = Query(None, description="YYYY-MM-DD: alerts about periods starting on or before it"),
    id: str | None = Query(None, description="one alert by id"),
    limit: int = Query(100, description="at most this many alerts (1..1000)"),
) -> Response:
    """Spike and first-appearance alerts, newest period first, with series, baseline and events."""
    if not 1 <= limit <= MAX_LIMIT:
        return _error(ErrorCode.BAD_PARAMETER, f"limit must be in 1..{MAX_LIMIT}", 400)
    try:
        alerts, f, cfg, skipped = _compute(request, place, actor, event_type, kind, metric, since, until, id)
    except MarsadError as exc:
        return _error(exc.code, exc.message, _status(exc.code))
    if id and not alerts:
        return _error(ErrorCode.NOT_FOUND, f"no alert {id!r}", 404)
    return JSONResponse(
        {
            "ok": True,
            "data": [a.to_dict() for a in alerts[:limit]],
            "meta": {
                "count": min(limit, len(alerts)),
                "total": len(alerts),
                "limit": limit,
                "filters": f.to_dict(),
                "method": method(cfg),
                "skipped_events": skipped,
            },
        }
    )


@router.get("/alerts.atom", summary="The same alerts as an Atom feed.")
def get_alerts_atom(
    request: Request,
    place: str | None = None,
    actor: str | None = None,
    event_type: str | None = None,
    kind: str | None = None,
    metric: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 100,
) -> Response:
    """The same alerts as an Atom feed (newest first)."""
    if not 1 <= limit <= MAX_LIMIT:
        return _error(ErrorCode.BAD_PARAMETER, f"limit must be in 1..{MAX_LIMIT}", 400)
    try:
        alerts, _f, _cfg, _skipped = _compute(
            request, place, actor, event_type, kind, metric, since, until, None
        )
    except MarsadError as exc:
        return _error(exc.code, exc.message, _status(exc.code))
    base = str(request.base_url).rstrip("/")
    return Response(feed(alerts[:limit], base_url=base), media_type="application/atom+xml; charset=utf-8")


@router.get(
    "/alerts/trends", summary="Daily or weekly counts of events and fatalities per place, actor or type."
)
def get_trends(
    request: Request,
    dimension: str = Query("admin1", description="admin1 | admin2 | actor | event_type"),
    grain: str = Query("week", description="day | week"),
    place: str | None = Query(None, description="country, admin1 or admin2 name"),
    date_from: str | None = Query(None, description="YYYY-MM-DD"),
    date_to: str | None = Query(None, description="YYYY-MM-DD"),
    limit: int = Query(50, description="the busiest series first, at most this many (1..1000)"),
) -> Response:
    """The trend series the alerts are computed on, busiest first (zeros included, common calendar)."""
    if dimension not in DIMENSIONS:
        return _error(ErrorCode.BAD_PARAMETER, f"dimension must be one of {DIMENSIONS}", 400)
    if grain not in GRAINS:
        return _error(ErrorCode.BAD_PARAMETER, f"grain must be one of {GRAINS}", 400)
    if not 1 <= limit <= MAX_LIMIT:
        return _error(ErrorCode.BAD_PARAMETER, f"limit must be in 1..{MAX_LIMIT}", 400)
    try:
        lo, hi = parse_day(date_from, "date_from"), parse_day(date_to, "date_to")
    except MarsadError as exc:
        return _error(exc.code, exc.message, 400)
    store = request.app.state.store
    filters = None
    if lo or hi:
        from marsad.store import EventFilter

        filters = EventFilter(date_from=lo, date_to=hi)
    rows = list(RowReader().rows(store.iter_events(filters), "store"))
    wanted = place.casefold() if place else None
    series = [
        s
        for s in trends(rows, grain, dimension)
        if wanted is None
        or wanted in {s.key.country.casefold(), s.key.admin1.casefold(), s.key.admin2.casefold()}
    ]
    series.sort(key=lambda s: (-sum(s.events), s.key))
    return JSONResponse(
        {
            "ok": True,
            "data": [s.to_dict() for s in series[:limit]],
            "meta": {
                "count": min(limit, len(series)),
                "total": len(series),
                "dimension": dimension,
                "grain": grain,
            },
        }
    )
