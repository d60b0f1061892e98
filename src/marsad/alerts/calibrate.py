"""False-alarm rate of the spike test on random series that have no rise in them.

Seeded, so the figure in the tests and in benchmarks/results/alerts.md is reproducible. The
baseline is estimated from only `window` periods, so the realised rate is somewhat above
1 - quantile; this function is how an analyst sees that before choosing the quantile.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

from marsad.alerts.detect import DetectorConfig, detect_spikes
from marsad.alerts.series import Series, SeriesKey, period_range


def poisson(rng: random.Random, mean: float) -> int:
    """A Poisson draw (Knuth's method for small means, normal approximation above 50)."""
    if mean <= 0:
        return 0
    if mean > 50:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, prod = math.exp(-mean), 0, rng.random()
    while prod > limit:
        k += 1
        prod *= rng.random()
    return k


def noise(rng: random.Random, mean: float, length: int, size: float | None = None) -> list[int]:
    """Counts at a constant mean: Poisson, or negative binomial (gamma-Poisson) with `size`."""
    out = []
    for _ in range(length):
        rate = mean if size is None else rng.gammavariate(size, mean / size)
        out.append(poisson(rng, rate))
    return out


@dataclass(frozen=True)
class FalseAlarms:
    series: int
    cells: int  # periods that were tested (after the warm-up window)
    alerts: int

    @property
    def rate(self) -> float:
        return self.alerts / self.cells if self.cells else 0.0


def false_alarm_rate(
    cfg: DetectorConfig,
    n_series: int = 400,
    length: int = 40,
    mean: float = 4.0,
    size: float | None = None,
    seed: int = 7,
) -> FalseAlarms:
    rng = random.Random(seed)
    start = dt.date(2018, 1, 1)
    periods = period_range(start, start + dt.timedelta(weeks=length - 1), "week")
    alerts = 0
    for i in range(n_series):
        values = noise(rng, mean, length, size)
        s = Series(
            key=SeriesKey("admin1", "Testland", f"unit-{i}"),
            grain="week",
            periods=periods,
            events=values,
            fatalities=[0] * length,
        )
        alerts += len(detect_spikes([s], cfg, {}))
    return FalseAlarms(series=n_series, cells=n_series * (length - cfg.window), alerts=alerts)


def detection_rate(
    cfg: DetectorConfig,
    mean: float,
    factor: float,
    n_series: int = 400,
    size: float | None = None,
    seed: int = 7,
) -> float:
    """Share of series in which a one-week rise to `factor` × the mean is flagged that week."""
    rng = random.Random(seed)
    length = cfg.window + 1
    start = dt.date(2018, 1, 1)
    periods = period_range(start, start + dt.timedelta(weeks=length - 1), "week")
    hits = 0
    for i in range(n_series):
        values = noise(rng, mean, length - 1, size) + noise(rng, mean * factor, 1, size)
        s = Series(
            key=SeriesKey("admin1", "Testland", f"unit-{i}"),
            grain="week",
            periods=periods,
            events=values,
            fatalities=[0] * length,
        )
        hits += bool(detect_spikes([s], cfg, {}))
    return hits / n_series
