"""Exports of the stored events through the project's writers (`marsad.export`): ACLED CSV (31
columns in ACLED's order), GeoJSON points, Parquet — the same files `marsad extract` writes.

CSV and GeoJSON are streamed: the writers run over chunks of events, so memory stays flat for any
number of events. Parquet is columnar and is written in one piece.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from itertools import islice

from marsad import export
from marsad.record import EventRecord

CHUNK = 500


def _chunks(records: Iterable[EventRecord]) -> Iterator[list[EventRecord]]:
    it = iter(records)
    while chunk := list(islice(it, CHUNK)):
        yield chunk


def csv_chunks(records: Iterable[EventRecord]) -> Iterator[str]:
    first = True
    for chunk in _chunks(records):
        buf = io.StringIO()
        export.write_csv(chunk, buf)
        text = buf.getvalue()
        yield text if first else text.split("\n", 1)[1]  # the header only once
        first = False
    if first:  # no events: the header alone
        buf = io.StringIO()
        export.write_csv([], buf)
        yield buf.getvalue()


def geojson_chunks(records: Iterable[EventRecord]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": [\n'
    n = 0
    for chunk in _chunks(records):
        parts = [json.dumps(export.feature(ev), ensure_ascii=False) for ev in chunk]
        yield (",\n" if n else "") + ",\n".join(parts)
        n += len(parts)
    yield "\n]}\n"


def parquet_bytes(records: Iterable[EventRecord]) -> bytes:
    buf = io.BytesIO()
    export.write_parquet(records, buf)
    return buf.getvalue()
