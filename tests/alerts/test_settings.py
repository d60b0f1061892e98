"""Alert settings: from the TOML file and MARSAD_* variables into the detector and retry policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.alerts.service import detector_config
from marsad.config import Settings
from marsad.errors import MarsadError


def test_settings_reach_the_detector(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg_file = tmp_path / "marsad.toml"
    cfg_file.write_text(
        'alert_window = 12\nalert_quantile = 0.995\n[[webhooks]]\nurl = "http://127.0.0.1:9/x"\nsecret = "k"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("MARSAD_ALERT_MIN_COUNT", "4")
    monkeypatch.setenv("MARSAD_ALERT_NEW_MIN_HISTORY", "0")
    monkeypatch.setenv("MARSAD_WEBHOOK_RETRY_BASE", "2.5")
    s = Settings.load(cfg_file)
    cfg = detector_config(s)
    assert (cfg.window, cfg.quantile, cfg.min_count, cfg.new_weeks, cfg.new_min_history) == (
        12,
        0.995,
        4,
        12,
        0,
    )
    assert s.webhook_retry_base == 2.5 and s.webhooks[0].secret == "k"


def test_impossible_settings_are_a_config_error() -> None:
    with pytest.raises(MarsadError) as info:
        detector_config(Settings(alert_quantile=1.5))
    assert info.value.code == "E_CONFIG"
