"""The REST API over a real store: envelope, filters, paging, details, stats, changes, exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta, timezone

import pyarrow.parquet as pq
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from marsad.acled import ACLED_COLUMNS

MERGED = "IRQ-agency-a-0314-0"


def data(r: object) -> object:
    body = r.json()  # type: ignore[attr-defined]
    assert body["ok"] is True, body
    return body["data"]


def err(r: object, status: int, code: str) -> str:
    assert r.status_code == status, r.text  # type: ignore[attr-defined]
    body = r.json()  # type: ignore[attr-defined]
    assert body["ok"] is False and body["error"]["code"] == code, body
    assert "Traceback" not in r.text  # type: ignore[attr-defined]
    return str(body["error"]["message"])


def test_events_filters_and_envelope(client: TestClient) -> None:
    r = client.get("/events")
    body = r.json()
    assert r.status_code == 200 and body["ok"] is True and body["meta"]["count"] == 4
    assert {e["id"] for e in body["data"]} >= {MERGED}
    r = client.get("/events", params={"event_type": "Protests"})
    assert [e["id"] for e in data(r)] == ["IRQ-agency-a-0316-0"]  # type: ignore[union-attr]
    r = client.get("/events", params={"q": "إغتال", "date_to": "2021-03-14", "country": "Iraq"})
    assert [e["id"] for e in data(r)] == ["IRQ-agency-a-0315-0"]  # type: ignore[union-attr]
    r = client.get("/events", params={"min_fatalities": 3, "admin1": "Kirkuk", "actor": "Islamic"})
    assert [e["id"] for e in data(r)] == [MERGED]  # type: ignore[union-attr]


def test_cursor_pagination(client: TestClient) -> None:
    ids, cursor = [], None
    for _ in range(10):
        params: dict[str, object] = {"limit": 3}
        if cursor:
            params["cursor"] = cursor
        body = client.get("/events", params=params).json()
        ids += [e["id"] for e in body["data"]]
        cursor = body["meta"]["next_cursor"]
        if not cursor:
            break
    assert len(ids) == len(set(ids)) == 4


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 100000},
        {"limit": 0},
        {"limit": "abc"},
        {"limit": "99999999999999999999999999"},
        {"date_from": "2021-13-45"},
        {"date_from": "2021-03-15", "date_to": "2021-03-01"},
        {"cursor": "garbage!!"},
        {"cursor": "WyJ4IiwxXQ"},  # base64 of ["x",1]: well-formed base64, not our cursor
        {"event_type": "Battles'; DROP TABLE events; --"},
        {"sub_event_type": "nope"},
        {"min_fatalities": -1},
        {"q": "   "},
        {"country": "x" * 5000},
    ],
)
def test_hostile_parameters(client: TestClient, params: dict[str, object]) -> None:
    err(client.get("/events", params=params), 400, "E_BAD_PARAMETER")


def test_sql_looking_values_are_just_values(client: TestClient) -> None:
    for value in ("' OR 1=1 --", 'Iraq"; DELETE FROM events; --', "%", "_"):
        assert data(client.get("/events", params={"country": value})) == []
        assert data(client.get("/events", params={"actor": value})) == []
        if value != "_":
            assert data(client.get("/events", params={"q": value})) == []
    # in text search "_" joins hashtag words ("#الولايات_المتحدة"): alone it is no word, like spaces
    err(client.get("/events", params={"q": "_"}), 400, "E_BAD_PARAMETER")
    assert client.get("/events").json()["meta"]["count"] == 4


def test_event_detail_sources_evidence_and_merged_ids(client: TestClient) -> None:
    ev = data(client.get(f"/events/{MERGED}"))
    assert isinstance(ev, dict)
    assert ev["source"] == "Agency A; Outlet B" and ev["fatalities"] == 3 and ev["fatalities_range"] == [3, 4]
    assert [s["doc_id"] for s in ev["sources"]] == ["agency-a-0314", "outlet-b-7731"]
    spans = [e for e in ev["evidence"] if e["doc_id"] == "outlet-b-7731"]
    doc = data(client.get("/documents/outlet-b-7731"))
    assert isinstance(doc, dict)
    assert spans and all(doc["text"][s["start"] : s["end"]] == s["text"] for s in spans)
    assert doc["event_ids"] == [MERGED]
    err(client.get("/events/nope"), 404, "E_NOT_FOUND")
    err(client.get("/documents/nope"), 404, "E_NOT_FOUND")


def test_stats_and_changes(client: TestClient) -> None:
    st = data(client.get("/stats", params={"country": "Iraq"}))
    assert isinstance(st, dict) and st["events"] == 4
    assert [w["period"] for w in st["by_week"]] == ["2021-W10", "2021-W11"]
    body = client.get("/changes").json()
    kinds = [c["kind"] for c in body["data"]]
    assert kinds.count("created") == 4 and kinds.count("updated") == 1
    last = body["meta"]["last_seq"]
    assert data(client.get("/changes", params={"since": last})) == []
    assert len(data(client.get("/changes", params={"since": "2000-01-01T00:00:00Z"}))) == 5  # type: ignore[arg-type]
    future = (datetime.now(UTC) + timedelta(minutes=30)).astimezone(timezone(timedelta(hours=3)))
    assert data(client.get("/changes", params={"since": future.isoformat()})) == []
    past = (datetime.now(UTC) - timedelta(minutes=30)).astimezone(timezone(timedelta(hours=-5)))
    assert len(data(client.get("/changes", params={"since": past.isoformat()}))) == 5  # type: ignore[arg-type]
    err(client.get("/changes", params={"since": "yesterday"}), 400, "E_BAD_PARAMETER")
    err(client.get("/changes", params={"since": "2021-03-01T00:00:00"}), 400, "E_BAD_PARAMETER")


def test_exports(client: TestClient) -> None:
    r = client.get("/export.csv", params={"country": "Iraq"})
    rows = list(csv.reader(io.StringIO(r.text)))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) == 5
    merged = next(row for row in rows[1:] if row[0] == MERGED)
    assert merged[ACLED_COLUMNS.index("source")] == "Agency A; Outlet B"
    gj = json.loads(client.get("/export.geojson").text)
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 4
    assert gj["features"][0]["geometry"]["type"] == "Point"
    table = pq.read_table(
        io.BytesIO(client.get("/export.parquet", params={"event_type": "Protests"}).content)
    )
    assert table.num_rows == 1 and table.column("event_type").to_pylist() == ["Protests"]
    # nothing matches: a header alone, an empty collection
    assert client.get("/export.csv", params={"country": "Nowhere"}).text.strip() == ",".join(ACLED_COLUMNS)
    assert json.loads(client.get("/export.geojson", params={"country": "Nowhere"}).text)["features"] == []


def test_unknown_routes_and_methods(client: TestClient) -> None:
    err(client.get("/no/such/route"), 404, "E_NOT_FOUND")
    err(client.post("/events"), 405, "E_METHOD_NOT_ALLOWED")
    err(client.delete(f"/events/{MERGED}"), 405, "E_METHOD_NOT_ALLOWED")


def test_withdrawing_documents_updates_and_deletes_events(client: TestClient) -> None:
    auth = {"Authorization": "Bearer s3cret-token"}
    err(client.delete("/documents/outlet-b-7731"), 401, "E_UNAUTHORIZED")
    err(client.delete("/documents/nope", headers=auth), 404, "E_NOT_FOUND")
    last = client.get("/changes").json()["meta"]["last_seq"]
    r = data(client.delete("/documents/outlet-b-7731", headers=auth))
    assert r == {"deleted": [], "updated": [MERGED]}
    ev = data(client.get(f"/events/{MERGED}"))
    assert isinstance(ev, dict) and ev["source"] == "Agency A" and ev["fatalities_range"] is None
    r = data(client.delete("/documents/agency-a-0314", headers=auth))
    assert r == {"deleted": [MERGED], "updated": []}
    err(client.get(f"/events/{MERGED}"), 404, "E_NOT_FOUND")
    feed = [(c["event_id"], c["kind"]) for c in data(client.get("/changes", params={"since": last}))]  # type: ignore[union-attr]
    assert feed == [(MERGED, "updated"), (MERGED, "deleted")]


def test_post_documents_needs_token_and_merges(client: TestClient) -> None:
    ev = data(client.get(f"/events/{MERGED}"))
    assert isinstance(ev, dict)
    record = {k: v for k, v in ev.items() if k not in ("sources", "evidence", "id")}
    text = (
        "كركوك - ارتفعت حصيلة انفجار العبوة الناسفة التي استهدفت دورية للشرطة في الحويجة أمس إلى خمسة قتلى."
    )
    record.update(
        event_id_cnty="IRQ-outlet-d-1",
        doc_ids=["outlet-d-1"],
        source="Outlet D",
        fatalities=5,
        fatalities_range=None,
        actor1="Unidentified Armed Group (Iraq)",
        event_date="2021-03-15",
    )
    doc = {"id": "outlet-d-1", "text": text, "outlet": "Outlet D", "events": [record]}
    err(client.post("/documents", json=doc), 401, "E_UNAUTHORIZED")
    err(client.post("/documents", json=doc, headers={"Authorization": "Bearer wrong"}), 401, "E_UNAUTHORIZED")
    auth = {"Authorization": "Bearer s3cret-token"}
    err(client.post("/documents", content=b"{not json", headers=auth), 400, "E_JSON")
    r = client.post("/documents", json={"documents": [doc, {"text": "بلا معرف"}, 7]}, headers=auth)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["data"]["documents"] == 1 and body["data"]["events_updated"] == 1
    assert {x["code"] for x in body["meta"]["rejects"]} == {"E_MISSING_FIELD", "E_JSON"}
    ev = data(client.get(f"/events/{MERGED}"))
    assert isinstance(ev, dict)
    assert ev["source"] == "Agency A; Outlet B; Outlet D" and ev["fatalities_range"] == [3, 5]
    again = client.post("/documents", json=doc, headers=auth).json()
    assert again["data"]["unchanged"] == 1 and again["data"]["documents"] == 0


def test_internal_errors_are_enveloped_without_details(client: TestClient) -> None:
    store = client.app.state.store  # type: ignore[attr-defined]
    with store.engine.begin() as conn:  # a real failure: the table the route reads is gone
        conn.exec_driver_sql("DROP TABLE evidence")
    msg = err(client.get(f"/events/{MERGED}"), 500, "E_INTERNAL")
    assert "evidence" not in msg and "DROP" not in msg


def test_every_route_is_documented(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    documented = {(p, m.upper()) for p, ops in spec["paths"].items() for m in ops}
    for route in client.app.routes:  # type: ignore[attr-defined]
        if isinstance(route, APIRoute) and route.include_in_schema:
            for method in route.methods:
                assert (route.path, method) in documented, route.path
    for path in ("/events", "/events/{event_id}", "/documents/{doc_id}", "/stats", "/changes", "/export.csv"):
        assert path in spec["paths"]
        for op in spec["paths"][path].values():
            assert op.get("summary"), path
    page = client.get("/docs")
    assert page.status_code == 200 and "/events" in page.text
    assert "<script" not in page.text and "cdn" not in page.text.lower()


def test_a_merged_away_id_answers_with_the_survivor(client: TestClient) -> None:
    from reportkit import doc, event  # type: ignore[import-not-found]

    def telling(doc_id: str, day: str, killed: int, text: str, target: str) -> object:
        d = doc(doc_id, text, "Agency " + doc_id)
        d.events = [
            event(
                d,
                "Remote explosive/landmine/IED",
                {"sub_event_type": "عبوة ناسفة", "location": "الحويجة"},
                event_date=day,
                actor2=target,
                inter1=2,
                inter2=1 if target else 0,
                fatalities=killed,
            )
        ]
        return d

    police = "Police Forces of Iraq (2021-)"
    x = telling(
        "x", "2021-04-14", 3, "انفجرت عبوة ناسفة بدورية للشرطة في الحويجة ليلة السبت فقتل ثلاثة.", police
    )
    y = telling(
        "y", "2021-04-15", 0, "أعلنت خلية الإعلام الأمني انفجار عبوة ناسفة قرب الحويجة وفتح تحقيق.", ""
    )
    z = telling(
        "z",
        "2021-04-14",
        3,
        "مقتل ثلاثة منتسبين للشرطة بانفجار عبوة ناسفة قرب الحويجة ليلة السبت، وفتح تحقيق.",
        police,
    )
    store = client.app.state.store  # type: ignore[attr-defined]
    store.ingest_documents([x, y])
    store.ingest_documents([z])
    body = client.get("/events/IRQ-y-0").json()
    assert body["ok"] and body["data"]["id"] == "IRQ-x-0" and body["meta"] == {"merged_from": "IRQ-y-0"}
    assert [s["doc_id"] for s in body["data"]["sources"]] == ["x", "y", "z"]
