"""Writers: JSONL, ACLED CSV, GeoJSON and Parquet, over real records from a real extraction."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from marsad.acled import ACLED_COLUMNS, EXTENSION_COLUMNS
from marsad.export import write, write_csv, write_geojson, write_jsonl, write_parquet
from marsad.extract import extract_events
from marsad.model import Document
from marsad.record import EventRecord

REPORT = (
    "الموصل - وكالة المرصد: قتل ثلاثة جنود عراقيين وأصيب اثنان آخران صباح الاثنين في هجوم شنه "
    "مسلحون من تنظيم داعش على نقطة تفتيش للجيش في قضاء الحضر بمحافظة نينوى.\n"
    "وفي محافظة الأنبار، قتل مدنيان الاثنين بانفجار عبوة ناسفة استهدفت سيارتهما في قضاء هيت."
)


@pytest.fixture(scope="module")
def events() -> list[EventRecord]:
    doc = Document(id="exp-1", text=REPORT, published=datetime.fromisoformat("2022-03-14T18:00:00+00:00"))
    evs = extract_events(doc)
    assert len(evs) == 2
    # one event without coordinates, as when a place is unknown
    return [evs[0], evs[1].model_copy(update={"latitude": None, "longitude": None})]


def test_jsonl_round_trip(events: list[EventRecord]) -> None:
    buf = io.StringIO()
    assert write_jsonl(events, buf) == 2
    back = [EventRecord.model_validate_json(line) for line in buf.getvalue().splitlines()]
    assert back == events


def test_csv_has_acleds_31_columns_in_order(events: list[EventRecord]) -> None:
    buf = io.StringIO()
    write_csv(events, buf)
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows[0]) == 31
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["event_id_cnty"] == events[0].event_id_cnty
    assert first["fatalities"] == str(events[0].fatalities)
    assert rows[2][ACLED_COLUMNS.index("latitude")] == ""  # None is an empty cell


def test_csv_all_columns_adds_extensions_as_json(events: list[EventRecord]) -> None:
    buf = io.StringIO()
    write_csv(events, buf, all_columns=True)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(rows[0]) == [*ACLED_COLUMNS, *EXTENSION_COLUMNS]
    ev = json.loads(rows[0]["evidence"])
    assert ev and {"field", "doc_id", "start", "end", "text"} <= set(ev[0])
    assert json.loads(rows[0]["doc_ids"]) == ["exp-1"]


def test_geojson_points_and_null_geometry(events: list[EventRecord]) -> None:
    buf = io.StringIO()
    write_geojson(events, buf)
    fc = json.loads(buf.getvalue())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    f0, f1 = fc["features"]
    assert f0["geometry"]["type"] == "Point"
    assert f0["geometry"]["coordinates"] == [events[0].longitude, events[0].latitude]
    assert f1["geometry"] is None
    assert f0["properties"]["sub_event_type"] == events[0].sub_event_type


def test_geojson_empty_collection_is_valid() -> None:
    buf = io.StringIO()
    assert write_geojson([], buf) == 0
    assert json.loads(buf.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_parquet_round_trip(events: list[EventRecord], tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    with path.open("wb") as fh:
        assert write_parquet(events, fh) == 2
    table = pq.read_table(path)
    assert table.column_names == [*ACLED_COLUMNS, *EXTENSION_COLUMNS]
    rows = table.to_pylist()
    assert rows[0]["event_id_cnty"] == events[0].event_id_cnty
    assert rows[0]["doc_ids"] == ["exp-1"]
    assert rows[0]["evidence"][0]["text"] == events[0].evidence[0].text
    assert rows[1]["latitude"] is None


def test_unknown_format_is_refused(events: list[EventRecord]) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        write(events, "xml", io.StringIO())
