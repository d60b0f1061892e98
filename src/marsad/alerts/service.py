"""What the API and the CLI share: settings -> detector, alert filters, store -> alerts -> outbox."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.alerts.detect import Alert, DetectorConfig, detect
from marsad.alerts.series import EventRow
from marsad.config import Settings
from marsad.errors import ErrorCode, MarsadError

KINDS = ("spike", "new")


def detector_config(settings: Settings) -> DetectorConfig:
    try:
        return DetectorConfig(
            window=settings.alert_window,
            quantile=settings.alert_quantile,
            min_count=settings.alert_min_count,
            min_fatalities=settings.alert_min_fatalities,
            new_weeks=settings.alert_new_weeks,
            new_min_history=settings.alert_new_min_history,
        )
    except ValueError as exc:
        raise MarsadError(ErrorCode.CONFIG, f"invalid alert settings: {exc}") from exc


def parse_day(value: str | None, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise MarsadError(
            ErrorCode.BAD_PARAMETER, f"{name} must be a date YYYY-MM-DD, got {value!r}"
        ) from None


@dataclass(frozen=True)
class AlertFilter:
    """Filters of `GET /alerts` and `marsad alerts`. Text filters ignore case."""

    place: str | None = None  # a country, admin1 or admin2 name (exact, any level)
    actor: str | None = None  # substring of the alert's actor or of an actor of its events
    event_type: str | None = None  # the alert's event type or one of its events' types
    kind: str | None = None  # spike | new
    metric: str | None = None  # events | fatalities
    since: dt.date | None = None  # alerts about periods ending on or after this day
    until: dt.date | None = None  # alerts about periods starting on or before this day
    id: str | None = None

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in KINDS:
            raise MarsadError(ErrorCode.BAD_PARAMETER, f"kind must be one of {KINDS}, got {self.kind!r}")
        if self.metric is not None and self.metric not in ("events", "fatalities"):
            raise MarsadError(
                ErrorCode.BAD_PARAMETER, f"metric must be events or fatalities, got {self.metric!r}"
            )

    def matches(self, a: Alert) -> bool:
        if self.id and a.id != self.id:
            return False
        if self.kind and a.kind != self.kind:
            return False
        if self.metric and a.metric != self.metric:
            return False
        if self.since and a.period_end < self.since:
            return False
        if self.until and a.period > self.until:
            return False
        if self.place:
            p = self.place.casefold()
            if p not in {a.key.country.casefold(), a.key.admin1.casefold(), a.key.admin2.casefold()}:
                return False
        if self.actor:
            needle = self.actor.casefold()
            actors = [a.key.actor] + [e[k] for e in a.events for k in ("actor1", "actor2")]
            if not any(needle in x.casefold() for x in actors if x):
                return False
        if self.event_type:
            t = self.event_type.casefold()
            types = {a.key.event_type.casefold()} | {str(e["event_type"]).casefold() for e in a.events}
            if t not in types:
                return False
        return True

    def to_dict(self) -> dict[str, Any]:
        return {
            k: (v.isoformat() if isinstance(v, dt.date) else v)
            for k, v in self.__dict__.items()
            if v is not None
        }


def select_alerts(alerts: Iterable[Alert], f: AlertFilter) -> list[Alert]:
    """Filtered, newest period first, strongest first within a period."""
    out = [a for a in alerts if f.matches(a)]
    out.sort(key=lambda a: (a.period, a.score), reverse=True)
    return out


def alerts_from_rows(
    rows: Sequence[EventRow], cfg: DetectorConfig, f: AlertFilter | None = None
) -> list[Alert]:
    """Run the detector over all rows (the baseline needs the history) and keep what `f` selects."""
    f = f or AlertFilter()
    # Only the periods the filter can select are tested, which keeps a narrow request cheap.
    found = detect(rows, cfg, since=_period_floor(f.since, cfg), until=f.until)
    return select_alerts(found, f)


def _period_floor(since: dt.date | None, cfg: DetectorConfig) -> dt.date | None:
    # An alert about the week starting up to 6 days before `since` still ends after it.
    if since is None:
        return None
    return since - dt.timedelta(days=0 if cfg.grain == "day" else 6)


def method(cfg: DetectorConfig) -> dict[str, Any]:
    """The detector's settings, echoed in API responses so an alert can be explained and reproduced."""
    return {
        "grain": cfg.grain,
        "window": cfg.window,
        "quantile": cfg.quantile,
        "min_count": cfg.min_count,
        "min_fatalities": cfg.min_fatalities,
        "min_mean": cfg.min_mean,
        "new_weeks": cfg.new_weeks,
        "new_min_history": cfg.new_min_history,
        "new_event_types": list(cfg.new_event_types),
    }
