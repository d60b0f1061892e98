"""Exports of the stored events: ACLED CSV (31 columns, ACLED's order), GeoJSON points, Parquet.

CSV and GeoJSON are streamed row by row from the store (constant memory); Parquet is columnar and
is built in memory one row group per 10,000 events.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from marsad.acled import ACLED_COLUMNS

EXTRA_COLUMNS = (
    "doc_ids",
    "injured",
    "fatalities_range",
    "location_ar",
    "actor1_ar",
    "actor2_ar",
    "confidence",
)


def _acled_row(e: dict[str, Any]) -> list[Any]:
    row = {**e, "event_id_cnty": e["id"]}
    return ["" if row.get(c) is None else row.get(c) for c in ACLED_COLUMNS]


def csv_chunks(events: Iterable[dict[str, Any]], chunk: int = 500) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(ACLED_COLUMNS)
    for i, e in enumerate(events, 1):
        w.writerow(_acled_row(e))
        if i % chunk == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def geojson_chunks(events: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    first = True
    for e in events:
        lat, lon = e.get("latitude"), e.get("longitude")
        props = {c: e.get(c) for c in ACLED_COLUMNS if c not in ("latitude", "longitude")}
        props["event_id_cnty"] = e["id"]
        props.update({c: e.get(c) for c in EXTRA_COLUMNS})
        feature = {
            "type": "Feature",
            "id": e["id"],
            "geometry": {"type": "Point", "coordinates": [lon, lat]}
            if lat is not None and lon is not None
            else None,
            "properties": props,
        }
        yield ("" if first else ",") + json.dumps(feature, ensure_ascii=False)
        first = False
    yield "]}"


def _schema() -> pa.Schema:
    ints = {
        "year",
        "time_precision",
        "inter1",
        "inter2",
        "interaction",
        "iso",
        "geo_precision",
        "fatalities",
        "timestamp",
    }
    floats = {"latitude", "longitude"}
    fields = [
        pa.field(c, pa.int64() if c in ints else pa.float64() if c in floats else pa.string())
        for c in ACLED_COLUMNS
    ]
    fields += [
        pa.field("doc_ids", pa.list_(pa.string())),
        pa.field("injured", pa.int64()),
        pa.field("fatalities_range", pa.list_(pa.int64())),
        pa.field("location_ar", pa.string()),
        pa.field("actor1_ar", pa.string()),
        pa.field("actor2_ar", pa.string()),
        pa.field("confidence", pa.float64()),
    ]
    return pa.schema(fields)


def parquet_bytes(events: Iterable[dict[str, Any]], group: int = 10_000) -> bytes:
    schema = _schema()
    sink = io.BytesIO()
    names = schema.names
    with pq.ParquetWriter(sink, schema) as writer:
        batch: list[dict[str, Any]] = []
        wrote = False

        def flush() -> None:
            cols = {n: [r.get(n) for r in batch] for n in names}
            writer.write_table(pa.Table.from_pydict(cols, schema=schema))

        for e in events:
            batch.append({**e, "event_id_cnty": e["id"]})
            if len(batch) >= group:
                flush()
                batch, wrote = [], True
        if batch or not wrote:
            flush()
    return sink.getvalue()
