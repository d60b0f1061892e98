"""Spike and first-appearance detection over trend series.

The method, in the words an analyst would use:

* **spike** — for every place, actor and event type, this week's count is compared with the same
  series over the previous `window` weeks. Those weeks give a mean (and, if the counts swing more
  than chance alone would make them, a negative-binomial spread instead of a Poisson one). The
  alert threshold is the `quantile` (e.g. 99 %) of that distribution: a count above it would happen
  by chance in fewer than 1 week in 100. A spike also needs at least `min_count` events in the
  week (and, for the fatalities series, at least `min_fatalities` deaths), so one event in a quiet
  village — or one incident with a large toll — is never a trend alarm. The score is -log10 of
  the chance of seeing this many or more (3 = one in a thousand).
* **new** — the first violent event (`new_event_types`) of an event type, or of an armed actor,
  in a place after `new_weeks` weeks without one, in a place that had at least `new_min_history`
  other events in those weeks (a place being watched, not one the sources mention once a
  season). It is raised once, in the week it appears, and only where the data reach back
  `new_weeks` weeks (otherwise everything would look new on the first day of the record).

Every alert carries the series around it, the rolling baseline and threshold for a chart, the
observed value, the score and the ids of the events behind it, and a stable id (a hash of what,
where and when) so a delivery system can deduplicate it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from marsad.alerts.series import EventRow, Series, SeriesKey, build_series, pair_keys, series_keys
from marsad.alerts.stats import CountModel, fit

# A tail probability this small is reported as this score; it keeps scores finite in JSON.
MAX_SCORE = 30.0


@dataclass(frozen=True)
class DetectorConfig:
    grain: str = "week"
    window: int = 8  # trailing periods that form the baseline
    quantile: float = 0.99  # the threshold is this quantile of the baseline distribution
    min_count: int = 3  # a spike in events needs at least this many events in the period
    min_fatalities: int = 5  # a spike in fatalities needs at least this many deaths in the period
    min_mean: float = 0.25  # floor of the baseline mean (per period): "about one a month"
    new_weeks: int = 12  # "new" = first in this many periods in that place
    new_min_count: int = 1
    new_min_history: int = 3  # events the place itself had in those periods (it is being watched)
    # "New" is about violence appearing: a first protest or arrest in a district is not a warning.
    # Empty = every type.
    new_event_types: tuple[str, ...] = ("Battles", "Explosions/Remote violence", "Violence against civilians")
    # Actors that are the victims or the crowd rather than an armed actor "appearing" somewhere.
    new_ignore_actor_prefixes: tuple[str, ...] = ("Civilians", "Protesters", "Rioters")
    metrics: tuple[str, ...] = ("events", "fatalities")
    chart_periods: int = 16  # how much series history an alert carries for its chart

    def __post_init__(self) -> None:
        if self.window < 2:
            raise ValueError("window must be at least 2 periods")
        if not 0.5 <= self.quantile < 1.0:
            raise ValueError("quantile must be in [0.5, 1)")
        if self.min_count < 1 or self.new_weeks < 1:
            raise ValueError("min_count and new_weeks must be at least 1")

    def minimum(self, metric: str) -> int:
        return self.min_count if metric == "events" else self.min_fatalities


@dataclass
class Alert:
    id: str
    kind: str  # "spike" | "new"
    metric: str  # "events" | "fatalities"
    key: SeriesKey
    grain: str
    period: dt.date  # first day of the period the alert is about
    observed: int
    baseline_mean: float
    threshold: int
    score: float
    p_value: float
    model: str
    dispersion: float | None
    event_ids: list[str]
    chart_periods: list[dt.date]
    chart_values: list[int]
    chart_baseline: list[float]
    chart_threshold: list[int]
    events: list[dict[str, Any]] = field(default_factory=list)
    # Other series the very same events raised the same alert in (admin1 when the alert is about
    # one of its districts, the actor, the event type): listed, not sent as separate alerts.
    also: list[SeriesKey] = field(default_factory=list)
    quiet_periods: int = 0  # for "new": how many periods before it had none

    @property
    def period_end(self) -> dt.date:
        return self.period + dt.timedelta(days=(0 if self.grain == "day" else 6))

    @property
    def title(self) -> str:
        if self.kind == "new":
            what = self.key.event_type or self.key.actor
            place = " / ".join(p for p in (self.key.admin1, self.key.admin2) if p)
            return f"New in {place} ({self.key.country}): {what}, first in at least {self.quiet_periods} {self.grain}s"
        noun = "events" if self.metric == "events" else "fatalities"
        return (
            f"Rise in {noun}: {self.key.label}: {self.observed} in the {self.grain} of "
            f"{self.period.isoformat()} (baseline {self.baseline_mean:.1f}, threshold {self.threshold})"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "metric": self.metric,
            "title": self.title,
            "key": self.key.to_dict(),
            "grain": self.grain,
            "period_start": self.period.isoformat(),
            "period_end": self.period_end.isoformat(),
            "observed": self.observed,
            "baseline_mean": round(self.baseline_mean, 4),
            "threshold": self.threshold,
            "score": round(self.score, 3),
            "p_value": self.p_value,
            "model": self.model,
            "dispersion": None if self.dispersion is None else round(self.dispersion, 4),
            "also": [k.to_dict() for k in self.also],
            "quiet_periods": self.quiet_periods,
            "event_ids": self.event_ids,
            "events": self.events,
            # For the dashboard's chart: one point per period (oldest first, the alert's period
            # last) and the rolling baseline aligned with it.
            "series": [
                {"date": p.isoformat(), "value": v, "baseline": round(b, 4), "threshold": th}
                for p, v, b, th in zip(
                    self.chart_periods,
                    self.chart_values,
                    self.chart_baseline,
                    self.chart_threshold,
                    strict=True,
                )
            ],
            "baseline": [round(b, 4) for b in self.chart_baseline],
        }


def alert_id(kind: str, metric: str, key: SeriesKey, grain: str, period: dt.date) -> str:
    """A stable id: the same alert computed again (any process, any day) has the same id."""
    parts = [
        kind,
        metric,
        grain,
        key.dimension,
        key.country,
        key.admin1,
        key.admin2,
        key.actor,
        key.event_type,
        period.isoformat(),
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"al_{digest[:20]}"


def score_of(p_value: float) -> float:
    return MAX_SCORE if p_value <= 0 else min(MAX_SCORE, -math.log10(p_value))


def _baseline(
    values: Sequence[int], t: int, cfg: DetectorConfig, exposure: Sequence[float] | None = None
) -> CountModel:
    """The trailing-window model for period t.

    With `exposure` (how many reports were read in each period), the expected count is scaled by
    this period's volume over the window's average: a week in which the sources published twice
    as much is expected to yield twice the events, so more reporting alone is not a rise (and a
    thin week is not a lull).
    """
    model = fit([float(v) for v in values[t - cfg.window : t]], min_mean=cfg.min_mean)
    if exposure is None:
        return model
    base = sum(exposure[t - cfg.window : t]) / cfg.window
    if base <= 0 or exposure[t] <= 0:
        return model
    return CountModel(mean=max(cfg.min_mean, model.mean * exposure[t] / base), size=model.size)


def _chart(
    series: Series, metric: str, t: int, cfg: DetectorConfig, exposure: Sequence[float] | None = None
) -> tuple[list[dt.date], list[int], list[float], list[int]]:
    """The periods up to t that have a full baseline window, with the rolling baseline and threshold."""
    values = series.values(metric)
    lo = max(cfg.window, t - cfg.chart_periods + 1)
    baseline: list[float] = []
    threshold: list[int] = []
    for i in range(lo, t + 1):
        m = _baseline(values, i, cfg, exposure)
        baseline.append(m.mean)
        threshold.append(m.quantile(cfg.quantile))
    return series.periods[lo : t + 1], values[lo : t + 1], baseline, threshold


def _make_alert(
    kind: str,
    series: Series,
    metric: str,
    t: int,
    model: CountModel,
    threshold: int,
    p_value: float,
    cfg: DetectorConfig,
    rows_by_id: dict[str, EventRow],
    exposure: Sequence[float] | None = None,
) -> Alert:
    periods, values, baseline, thresholds = _chart(series, metric, t, cfg, exposure)
    ids = series.event_ids(t)
    return Alert(
        id=alert_id(kind, metric, series.key, series.grain, series.periods[t]),
        kind=kind,
        metric=metric,
        key=series.key,
        grain=series.grain,
        period=series.periods[t],
        observed=series.values(metric)[t],
        baseline_mean=model.mean,
        threshold=threshold,
        score=score_of(p_value),
        p_value=p_value,
        model=model.name,
        dispersion=model.size,
        event_ids=list(ids),
        chart_periods=periods,
        chart_values=values,
        chart_baseline=baseline,
        chart_threshold=thresholds,
        events=[rows_by_id[i].to_dict() for i in ids if i in rows_by_id],
    )


def _in_range(day: dt.date, since: dt.date | None, until: dt.date | None) -> bool:
    return (since is None or day >= since) and (until is None or day <= until)


def detect_spikes(
    series: Iterable[Series],
    cfg: DetectorConfig,
    rows_by_id: dict[str, EventRow],
    since: dt.date | None = None,
    until: dt.date | None = None,
    exposure: Sequence[float] | None = None,
) -> list[Alert]:
    """Spikes; `exposure` (reports read per period, aligned with the series' periods) is optional."""
    alerts: list[Alert] = []
    for s in series:
        for metric in cfg.metrics:
            values = s.values(metric)
            floor = cfg.minimum(metric)
            for t in range(cfg.window, len(values)):
                # Cheap tests first: most cells are below the minimum and need no fit at all.
                # Both metrics need `min_count` events: deaths from one single incident are an
                # event to read, not a trend (and one misread toll must not raise an alarm).
                if values[t] < floor or s.events[t] < cfg.min_count:
                    continue
                if not _in_range(s.periods[t], since, until):
                    continue
                model = _baseline(values, t, cfg, exposure)
                threshold = model.quantile(cfg.quantile)
                if values[t] <= threshold:
                    continue
                p = model.sf(values[t])
                alerts.append(
                    _make_alert("spike", s, metric, t, model, threshold, p, cfg, rows_by_id, exposure)
                )
    return alerts


def unit_of(key: SeriesKey) -> SeriesKey:
    """The admin unit series of a place × type / place × actor key."""
    return SeriesKey(key.dimension.split("+", 1)[0], key.country, key.admin1, key.admin2)


def detect_new(
    series: Iterable[Series],
    cfg: DetectorConfig,
    rows_by_id: dict[str, EventRow],
    since: dt.date | None = None,
    until: dt.date | None = None,
    units: dict[SeriesKey, Series] | None = None,
) -> list[Alert]:
    """First appearances. With `units` (the admin unit series), only in units that had at least
    `new_min_history` events in the quiet periods: something new in a place we have been
    watching, not the first report ever from a place the sources rarely cover."""
    alerts: list[Alert] = []
    n = cfg.new_weeks
    for s in series:
        if s.key.actor and s.key.actor.startswith(cfg.new_ignore_actor_prefixes):
            continue
        values = s.events
        unit = units.get(unit_of(s.key)) if units is not None else None
        for t in range(n, len(values)):
            if values[t] < cfg.new_min_count or not _in_range(s.periods[t], since, until):
                continue
            if any(values[t - n : t]):
                continue
            if units is not None and (unit is None or sum(unit.events[t - n : t]) < cfg.new_min_history):
                continue
            # The score uses the rate "half an event over the quiet periods" (a standard estimate for a
            # count of zero), so three new events in a week score higher than one.
            model = CountModel(mean=0.5 / n)
            p = model.sf(values[t])
            alert = _make_alert("new", s, "events", t, model, 0, p, cfg, rows_by_id)
            alert.quiet_periods = n
            alerts.append(alert)
    return alerts


# Most specific first: when one set of events raises the same alert in several series, the alert
# is reported once, on the first of these, with the others in `also`.
SPECIFICITY = (
    "admin2",
    "admin1",
    "admin2+event_type",
    "admin1+event_type",
    "admin2+actor",
    "admin1+actor",
    "actor",
    "event_type",
)


def consolidate(alerts: Iterable[Alert]) -> list[Alert]:
    groups: dict[tuple[str, str, dt.date, tuple[str, ...]], list[Alert]] = {}
    for a in alerts:
        groups.setdefault((a.kind, a.metric, a.period, tuple(sorted(a.event_ids))), []).append(a)
    out = []
    for group in groups.values():
        group.sort(key=lambda a: (SPECIFICITY.index(a.key.dimension), -a.score, a.id))
        primary = group[0]
        primary.also = [a.key for a in group[1:]]
        out.append(primary)
    return out


def detect(
    rows: Iterable[EventRow],
    cfg: DetectorConfig | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    first: dt.date | None = None,
    exposure: Mapping[dt.date, float] | None = None,
) -> list[Alert]:
    """All alerts whose period starts in [since, until], strongest first.

    `first` is where the record begins (default: the earliest event). The baseline needs the weeks
    before `since`, so pass all rows, not only those after `since`. `exposure` maps a period's
    first day to the number of reports read in it (see `_baseline`); periods missing count as 0.
    """
    cfg = cfg or DetectorConfig()
    rows = list(rows)
    rows_by_id = {r.id: r for r in rows}
    if not rows:
        return []
    last = until
    # Both families on the same calendar, from the start of the whole record.
    first = first or min(r.date for r in rows)
    spikes = build_series(rows, cfg.grain, series_keys, first=first, last=last)
    # "New" looks only at the types it is about: the quiet weeks are quiet of violence, and the
    # place's own history (new_min_history) is still counted over all its events, in `spikes`.
    violent = [r for r in rows if not cfg.new_event_types or r.event_type in cfg.new_event_types]
    pairs = build_series(violent, cfg.grain, pair_keys, first=first, last=last)
    aligned = None
    if exposure is not None and spikes:
        periods = next(iter(spikes.values())).periods
        aligned = [float(exposure.get(p, 0.0)) for p in periods]
    alerts = detect_spikes(spikes.values(), cfg, rows_by_id, since, until, aligned)
    alerts += detect_new(pairs.values(), cfg, rows_by_id, since, until, units=spikes)
    alerts = consolidate(alerts)
    alerts.sort(key=lambda a: (-a.score, a.period, a.id))
    return alerts
