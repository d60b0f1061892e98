"""Writers for event records: JSON Lines, ACLED CSV, GeoJSON and Parquet.

Pure functions over an iterable of `EventRecord` writing to a stream the caller owns (the CLI, the
API and the batch layer all reuse them). Each returns the number of events written.

- JSONL: one full record per line (ACLED columns + extensions, evidence included).
- CSV: ACLED's 31 columns in ACLED's order; `all_columns=True` appends marsad's extensions
  (lists and evidence as JSON text in their cells).
- GeoJSON: a FeatureCollection of points (lon, lat); events without coordinates get a null
  geometry so nothing is silently dropped.
- Parquet: one row per event with a fixed schema (evidence as a list of structs).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, BinaryIO, TextIO

from marsad.acled import ACLED_COLUMNS, EXTENSION_COLUMNS
from marsad.record import EventRecord

FORMATS = ("jsonl", "csv", "geojson", "parquet")


def write_jsonl(events: Iterable[EventRecord], out: TextIO) -> int:
    n = 0
    for ev in events:
        out.write(ev.to_json())
        out.write("\n")
        n += 1
    return n


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_csv(events: Iterable[EventRecord], out: TextIO, *, all_columns: bool = False) -> int:
    columns = list(ACLED_COLUMNS) + (list(EXTENSION_COLUMNS) if all_columns else [])
    w = csv.writer(out, lineterminator="\n")
    w.writerow(columns)
    n = 0
    for ev in events:
        data = ev.model_dump(mode="json")
        w.writerow([_cell(data[c]) for c in columns])
        n += 1
    return n


def feature(ev: EventRecord) -> dict[str, Any]:
    props = ev.model_dump(mode="json")
    geom = None
    if ev.latitude is not None and ev.longitude is not None:
        geom = {"type": "Point", "coordinates": [ev.longitude, ev.latitude]}
    return {"type": "Feature", "id": ev.event_id_cnty, "geometry": geom, "properties": props}


def write_geojson(events: Iterable[EventRecord], out: TextIO) -> int:
    """Streams the collection: one feature per line inside the FeatureCollection."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for ev in events:
        if n:
            out.write(",\n")
        out.write(json.dumps(feature(ev), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def parquet_schema() -> Any:
    import pyarrow as pa

    evidence = pa.struct(
        [
            ("field", pa.string()),
            ("doc_id", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("text", pa.string()),
        ]
    )
    types: dict[str, Any] = {
        "year": pa.int32(),
        "time_precision": pa.int8(),
        "inter1": pa.int8(),
        "inter2": pa.int8(),
        "interaction": pa.int16(),
        "iso": pa.int32(),
        "latitude": pa.float64(),
        "longitude": pa.float64(),
        "geo_precision": pa.int8(),
        "fatalities": pa.int32(),
        "timestamp": pa.int64(),
        "doc_ids": pa.list_(pa.string()),
        "injured": pa.int32(),
        "fatalities_range": pa.list_(pa.int32()),
        "evidence": pa.list_(evidence),
        "confidence": pa.float32(),
    }
    return pa.schema([(c, types.get(c, pa.string())) for c in (*ACLED_COLUMNS, *EXTENSION_COLUMNS)])


def write_parquet(events: Iterable[EventRecord], out: BinaryIO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    rows = [ev.model_dump(mode="json") for ev in events]
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, out)
    return len(rows)


def write(events: Iterable[EventRecord], fmt: str, out: Any, *, all_columns: bool = False) -> int:
    """Dispatch on the format name (parquet needs a binary stream, the others a text stream)."""
    if fmt == "jsonl":
        return write_jsonl(events, out)
    if fmt == "csv":
        return write_csv(events, out, all_columns=all_columns)
    if fmt == "geojson":
        return write_geojson(events, out)
    if fmt == "parquet":
        return write_parquet(events, out)
    raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
