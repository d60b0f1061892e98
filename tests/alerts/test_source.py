"""Reading alert rows from event shards: JSONL (plain, gzip), Parquet, bad rows counted."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from storekit import scenario

from marsad.alerts.source import RowReader
from marsad.errors import InputError


def _records() -> list[dict[str, object]]:
    return [json.loads(e.to_json()) for d in scenario() for e in d.events]


def test_jsonl_gzip_and_parquet_give_the_same_rows(tmp_path: Path) -> None:
    recs = _records()
    (tmp_path / "a").mkdir()
    plain = tmp_path / "a" / "part-00000.jsonl"
    plain.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs[:20]) + "\n", encoding="utf-8")
    with gzip.open(tmp_path / "a" / "part-00001.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(r, ensure_ascii=False) for r in recs[20:]) + "\n")
    flat = [
        {k: v for k, v in r.items() if k in ("event_id_cnty", "event_date", "admin1", "fatalities")}
        for r in recs
    ]
    pq.write_table(pa.Table.from_pylist(flat), tmp_path / "events.parquet")

    reader, other = RowReader(), RowReader()
    from_jsonl = list(reader.paths([tmp_path / "a"]))
    from_parquet = list(other.paths([tmp_path / "events.parquet"]))
    assert not reader.skipped and not other.skipped
    assert [r.id for r in from_jsonl] == [r["event_id_cnty"] for r in recs]
    assert [(r.id, r.date, r.admin1, r.fatalities) for r in from_parquet] == [
        (r.id, r.date, r.admin1, r.fatalities) for r in from_jsonl
    ]


def test_bad_rows_are_counted_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    good = json.dumps(_records()[0], ensure_ascii=False)
    path.write_text(
        "\n".join(
            [
                good,
                "{not json",
                "[1, 2]",
                '{"event_id_cnty": "X1"}',
                '{"id": "X2", "event_date": "2018-13-40"}',
            ]
        ),
        encoding="utf-8",
    )
    reader = RowReader()
    rows = list(reader.jsonl(path))
    assert len(rows) == 1
    reasons = [r for _, r in reader.skipped]
    assert len(reasons) == 4 and reasons[0].startswith("E_JSON") and reasons[1].startswith("E_JSON")
    assert "no event_date" in reasons[2] and "month must be in 1..12" in reasons[3]
    assert [o.rsplit(":", 1)[-1] for o, _ in reader.skipped] == ["2", "3", "4", "5"]


def test_missing_file_is_a_coded_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        list(RowReader().jsonl(tmp_path / "nope.jsonl"))
    assert info.value.code == "E_IO"


def test_batch_output_twins_and_duplicates_are_read_once(tmp_path: Path) -> None:
    recs = _records()
    events = tmp_path / "events"
    events.mkdir()
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n"
    (events / "part-00000.jsonl").write_text(lines, encoding="utf-8")
    flat = [{k: r[k] for k in ("event_id_cnty", "event_date", "admin1")} for r in recs]
    pq.write_table(pa.Table.from_pylist(flat), events / "part-00000.parquet")  # the shard's twin
    (tmp_path / "again.jsonl").write_text(lines, encoding="utf-8")  # the same events once more
    reader = RowReader()
    rows = list(reader.paths([events, tmp_path / "again.jsonl"]))
    assert len(rows) == len(recs) == len({r.id for r in rows})
    assert len(reader.skipped) == len(recs) and all("E_DUPLICATE_ID" in why for _, why in reader.skipped)
