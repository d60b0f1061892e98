"""`marsad alerts` end to end: a real SQLite store, a real webhook receiver, event JSONL shards."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from receiver import Receiver
from storekit import scenario
from typer.testing import CliRunner

from marsad.cli.main import app
from marsad.store import Store

SECRET = "cli-secret"


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'marsad.db'}"
    with Store(url) as store:
        store.ingest_documents(scenario())
    return url


def _ids(output: str) -> list[str]:
    return [json.loads(line)["id"] for line in output.splitlines() if line.startswith("{")]


def test_lists_alerts_from_the_store_and_from_shards(db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(app, ["alerts", "--db", db, "--json"])
    assert r.exit_code == 0, r.output
    from_store = _ids(r.stdout)
    # Daquq (events, fatalities), Islamic State across Kirkuk and Diyala (events, fatalities), the IED.
    assert len(from_store) == 5
    shard = tmp_path / "events.jsonl"
    with Store(db) as store:
        shard.write_text(
            "\n".join(json.dumps(e, ensure_ascii=False, default=str) for e in store.iter_events())
            + "\n{broken json\n",
            encoding="utf-8",
        )
    r2 = runner.invoke(app, ["alerts", "--events", str(shard), "--json"])
    assert r2.exit_code == 0, r2.output
    assert sorted(_ids(r2.stdout)) == sorted(from_store)
    assert "E_JSON" in r2.stderr  # the broken line is reported, the rest is used
    text = runner.invoke(app, ["alerts", "--db", db, "--place", "Diyala"])
    assert text.exit_code == 0 and "New in Diyala / Al-Khalis" in text.stdout
    trends = runner.invoke(app, ["alerts", "--db", db, "--trends", "admin1"])
    assert "Iraq / Kirkuk: events 42" in trends.stdout


def test_bad_date_is_a_coded_error(db: str) -> None:
    r = CliRunner().invoke(app, ["alerts", "--db", db, "--since", "yesterday"])
    assert r.exit_code == 2 and "E_BAD_PARAMETER" in r.stderr


def test_deliver_sends_each_alert_once(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    receiver = Receiver(SECRET)
    receiver.start()
    try:
        config = tmp_path / "marsad.toml"
        config.write_text(
            f'webhook_retry_base = 0.05\n[[webhooks]]\nurl = "{receiver.url}"\nsecret = "{SECRET}"\n',
            encoding="utf-8",
        )
        monkeypatch.setenv("MARSAD_CONFIG", str(config))
        runner = CliRunner()
        first = runner.invoke(app, ["alerts", "--db", db, "--deliver", "--deliver-seconds", "5"])
        # All five alerts are about the last week of the record, the default delivery window.
        assert "delivering alerts about periods ending on or after 2018-04-02" in first.stderr
        assert first.exit_code == 0, first.output
        assert "queued 5 new deliveries; sent 5" in first.stderr
        again = runner.invoke(app, ["alerts", "--db", db, "--deliver", "--deliver-seconds", "1"])
        assert "queued 0 new deliveries; sent 0" in again.stderr
        assert len(receiver.posts) == 5 and receiver.duplicates == 0
        assert all(p["signed"] for p in receiver.posts)
    finally:
        receiver.stop()
