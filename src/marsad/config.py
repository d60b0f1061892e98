"""Settings: defaults < a TOML file (MARSAD_CONFIG or ./marsad.toml) < environment variables (MARSAD_*).

Every setting is documented here; `marsad` commands take the most common ones as options too.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError


@dataclass
class Webhook:
    url: str
    secret: str = ""  # HMAC-SHA256 key for the X-Marsad-Signature header


@dataclass
class Settings:
    db_url: str = (
        "sqlite:///marsad.db"  # SQLite file by default; postgresql://user@host:port/db for PostgreSQL
    )
    api_token: str = ""  # bearer token required by write endpoints (POST /documents); empty = writes disabled
    max_document_bytes: int = 2_000_000  # larger documents are rejected with E_TOO_LARGE
    min_arabic_ratio: float = 0.3  # share of letters that must be Arabic script, else E_NOT_ARABIC
    host: str = "127.0.0.1"
    port: int = 8000
    webhooks: list[Webhook] = field(default_factory=list)
    alert_min_count: int = 3  # an alert needs at least this many events in the window
    alert_min_fatalities: int = 5  # a fatalities spike needs at least this many deaths in the week
    alert_window: int = 8  # weeks of trailing baseline each week is compared with
    alert_quantile: float = 0.99  # threshold = this quantile of the baseline (Poisson / neg. binomial)
    alert_new_weeks: int = 12  # "new" = first event of a type / actor in a place for this many weeks
    alert_new_min_history: int = 3  # ... in a place with at least this many other events in those weeks
    webhook_retry_base: float = 30.0  # seconds before the first webhook retry, doubled each time
    webhook_max_attempts: int = 25  # then the delivery is kept in the outbox as "dead"

    @classmethod
    def load(cls, path: str | Path | None = None) -> Settings:
        data: dict[str, Any] = {}
        candidate = (
            path
            or os.environ.get("MARSAD_CONFIG")
            or ("marsad.toml" if Path("marsad.toml").is_file() else None)
        )
        if candidate:
            try:
                data = tomllib.loads(Path(candidate).read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"cannot read configuration {candidate}: {exc}") from exc
        known = {f.name: f for f in fields(cls)}
        unknown = set(data) - set(known)
        if unknown:
            raise ConfigError(f"unknown settings in {candidate}: {', '.join(sorted(unknown))}")
        for name in known:
            env = os.environ.get(f"MARSAD_{name.upper()}")
            if env is not None and name != "webhooks":
                data[name] = env
        hooks = [Webhook(**h) if isinstance(h, dict) else h for h in data.pop("webhooks", [])]
        try:
            settings = cls(**data, webhooks=hooks)
            settings.max_document_bytes = int(settings.max_document_bytes)
            settings.min_arabic_ratio = float(settings.min_arabic_ratio)
            settings.port = int(settings.port)
            settings.alert_min_count = int(settings.alert_min_count)
            for name in (
                "alert_min_fatalities",
                "alert_window",
                "alert_new_weeks",
                "alert_new_min_history",
                "webhook_max_attempts",
            ):
                setattr(settings, name, int(getattr(settings, name)))
            for name in ("alert_quantile", "webhook_retry_base"):
                setattr(settings, name, float(getattr(settings, name)))
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"invalid setting: {exc}") from exc
        return settings
