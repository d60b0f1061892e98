"""Early warning: trend series, spike and first-appearance alerts, and their delivery.

series  -> trend series per admin unit, actor and event type (pure functions over event rows)
stats   -> Poisson / negative-binomial quantiles and tails (no scipy)
detect  -> spike and "new" alerts with their evidence (series, baseline, events)
atom    -> Atom feed; outbox + webhook -> persistent, signed, retried delivery; api -> FastAPI router
"""

from marsad.alerts.detect import Alert, DetectorConfig, detect
from marsad.alerts.series import EventRow, SeriesKey, as_row, build_series, trends

__all__ = ["Alert", "DetectorConfig", "EventRow", "SeriesKey", "as_row", "build_series", "detect", "trends"]
