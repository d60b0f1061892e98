"""GET /alerts and GET /alerts.atom over a real SQLite store filled with Arabic reports."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from storekit import MONDAY, scenario

from marsad.alerts.api import router
from marsad.config import Settings
from marsad.store import Store

WEEK14 = (MONDAY + dt.timedelta(weeks=14)).isoformat()


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path: Path = tmp_path_factory.mktemp("alerts-api") / "marsad.db"
    store = Store(f"sqlite:///{path}")
    store.ingest_documents(scenario())
    app = FastAPI()
    app.include_router(router)
    app.state.store = store
    app.state.settings = Settings()
    with TestClient(app) as c:
        yield c
    store.close()


def test_alerts_envelope_and_content(client: TestClient) -> None:
    r = client.get("/alerts")
    assert r.status_code == 200
    body = r.json()
    assert body["ok"] is True and body["meta"]["total"] == len(body["data"]) > 0
    assert body["meta"]["method"]["window"] == 8 and body["meta"]["skipped_events"] == 0
    spike = next(
        a
        for a in body["data"]
        if a["kind"] == "spike" and a["metric"] == "events" and a["key"]["dimension"] == "admin2"
    )
    assert spike["key"]["admin2"] == "Daquq" and spike["period_start"] == WEEK14
    assert spike["observed"] == 14 and spike["threshold"] < 14
    assert len(spike["event_ids"]) == 14 and len(spike["events"]) == 14
    assert spike["series"][-1]["value"] == 14 and spike["baseline"][-1] == spike["series"][-1]["baseline"]
    new = [a for a in body["data"] if a["kind"] == "new"]
    assert [(a["key"]["dimension"], a["key"]["admin2"]) for a in new] == [("admin2+event_type", "Al-Khalis")]
    assert {k["dimension"] for k in new[0]["also"]} == {"admin1+event_type", "admin2+actor", "admin1+actor"}


def test_filters(client: TestClient) -> None:
    diyala = client.get("/alerts", params={"place": "Diyala"}).json()["data"]
    assert diyala and all(a["key"]["admin1"] == "Diyala" for a in diyala)
    assert all(a["kind"] == "new" for a in diyala)  # one IED is never a spike
    isis = client.get("/alerts", params={"actor": "islamic state"}).json()["data"]
    assert isis and all(a["key"]["admin1"] != "Diyala" for a in isis)
    battles = client.get("/alerts", params={"event_type": "Battles", "kind": "spike"}).json()["data"]
    assert battles and all(a["kind"] == "spike" for a in battles)
    assert client.get("/alerts", params={"since": "2018-06-01"}).json()["data"] == []
    assert client.get("/alerts", params={"until": "2018-03-01"}).json()["data"] == []
    one = battles[0]
    by_id = client.get("/alerts", params={"id": one["id"]}).json()
    assert [a["id"] for a in by_id["data"]] == [one["id"]]
    assert client.get("/alerts", params={"limit": 2}).json()["meta"]["count"] == 2


@pytest.mark.parametrize(
    "params",
    [{"since": "last week"}, {"kind": "bogus"}, {"metric": "injured"}, {"limit": 0}],
)
def test_bad_parameters_get_a_coded_error(client: TestClient, params: dict[str, str]) -> None:
    r = client.get("/alerts", params=params)
    assert r.status_code == 400
    assert r.json() == {
        "ok": False,
        "error": {"code": "E_BAD_PARAMETER", "message": r.json()["error"]["message"]},
    }


def test_unknown_alert_is_not_found(client: TestClient) -> None:
    r = client.get("/alerts", params={"id": "al_nope"})
    assert r.status_code == 404 and r.json()["error"]["code"] == "E_NOT_FOUND"


def test_atom_feed(client: TestClient) -> None:
    r = client.get("/alerts.atom", params={"place": "Kirkuk"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(r.content)
    entries = root.findall("a:entry", ns)
    json_ids = {a["id"] for a in client.get("/alerts", params={"place": "Kirkuk"}).json()["data"]}
    assert {e.findtext("a:id", namespaces=ns) for e in entries} == {f"urn:marsad:alert:{i}" for i in json_ids}
    summary = entries[0].findtext("a:summary", namespaces=ns) or ""
    assert "Village" in summary and "Islamic State (Iraq)" in summary


def test_served_by_the_project_app(db_url: str) -> None:
    """The real app (marsad.api.app.create_app) includes the router; SQLite and PostgreSQL stores."""
    from marsad.api.app import create_app

    store = Store(db_url)
    store.ingest_documents(scenario())
    with TestClient(create_app(Settings(), store)) as c:
        body = c.get("/alerts", params={"place": "Kirkuk", "metric": "events"}).json()
        assert body["ok"] and [a["key"]["admin2"] for a in body["data"]] == ["Daquq"]
        assert c.get("/alerts.atom").status_code == 200
        spec = c.get("/openapi.json").json()["paths"]
        assert spec["/alerts"]["get"]["summary"] and spec["/alerts.atom"]["get"]["summary"]
    store.close()


def test_new_events_show_up_after_ingest(tmp_path: Path) -> None:
    """The app caches alerts between requests; an ingest changes the store, so the next request sees it."""
    docs = scenario()
    store = Store(f"sqlite:///{tmp_path / 'live.db'}")
    store.ingest_documents(docs[:-1])  # everything but the Diyala IED
    app = FastAPI()
    app.include_router(router)
    app.state.store = store
    app.state.settings = Settings()
    with TestClient(app) as c:
        assert c.get("/alerts", params={"kind": "new"}).json()["data"] == []
        store.ingest_documents(docs[-1:])
        new = c.get("/alerts", params={"kind": "new"}).json()["data"]
        assert [a["key"]["admin1"] for a in new] == ["Diyala"]
    store.close()


def test_trend_series(client: TestClient) -> None:
    body = client.get("/alerts/trends", params={"dimension": "admin1"}).json()
    assert body["ok"] and [s["key"]["admin1"] for s in body["data"]] == ["Kirkuk", "Diyala"]
    kirkuk = body["data"][0]
    assert kirkuk["events"] == [2] * 14 + [14] and kirkuk["fatalities"] == [4] * 14 + [28]
    assert kirkuk["periods"][0] == MONDAY.isoformat() and len(kirkuk["periods"]) == 15
    daily = client.get(
        "/alerts/trends", params={"dimension": "admin2", "grain": "day", "place": "Diyala"}
    ).json()
    assert [sum(s["events"]) for s in daily["data"]] == [16]  # 15 clashes and the IED
    assert client.get("/alerts/trends", params={"dimension": "galaxy"}).status_code == 400
