"""Merging as its own step over the shards of a finished batch run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.batch import OutputDir, ShardResult
from marsad.batch.merge import blocks_of, merge_run
from marsad.errors import ConfigError
from marsad.record import EventRecord, Evidence


def event(doc: str, day: str, country: str = "Iraq", fatalities: int = 13, **kw: object) -> EventRecord:
    trigger = kw.pop("trigger", "مقتل 13 شرطيا في هجوم لداعش على نقطة تفتيش جنوب غربي كركوك")
    base: dict[str, object] = dict(
        event_id_cnty=f"IRQ-{doc}",
        event_date=day,
        year=int(day[:4]),
        time_precision=1,
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Islamic State (Iraq)",
        actor2="Police Forces of Iraq (2020-) Federal Police",
        country=country,
        admin1="Kirkuk",
        location="Kirkuk",
        latitude=35.47,
        longitude=44.39,
        geo_precision=2,
        fatalities=fatalities,
        source="agency",
        doc_ids=[doc],
        evidence=[
            Evidence(field="event_type", doc_id=doc, start=0, end=len(str(trigger)), text=str(trigger))
        ],
    )
    base.update(kw)
    return EventRecord.model_validate(base)


def finished_run(root: Path, shards: list[list[EventRecord]]) -> Path:
    out = OutputDir(root)
    out.open({"inputs": ["test"], "shard_size": 1, "stages": [], "marsad_version": "test"})
    for i, events in enumerate(shards):
        out.write_shard(
            ShardResult(i, n_docs=len(events), events=[e.model_dump(mode="json") for e in events])
        )
    out.write_json("stats.json", {"complete": True})
    return root


def test_blocks_split_by_country_and_date_gaps() -> None:
    events = [
        event("a", "2021-09-05"),
        event("b", "2021-09-06"),  # chained to a (1 day)
        event("c", "2021-09-09"),  # gap of 3 days: new block
        event("d", "2021-09-05", country="Syria"),
    ]
    blocks = [[e.doc_ids[0] for e in b] for b in blocks_of(events, max_days=1)]
    assert blocks == [["a", "b"], ["c"], ["d"]]


def test_merge_run_merges_reports_of_one_incident_across_shards(tmp_path: Path) -> None:
    first = event("doc-1", "2021-09-05", fatalities=13, source="Agency A")
    second = event(
        "doc-2",
        "2021-09-05",
        fatalities=11,
        source="Agency B",
        trigger="مقتل 11 من الشرطة الاتحادية بهجوم لداعش على نقطة تفتيش جنوب غرب كركوك",
    )
    other = event(
        "doc-3",
        "2021-09-05",
        country="Somalia",
        admin1="Banadir",
        location="Mogadishu",
        actor1="Al Shabaab",
        actor2="Civilians (Somalia)",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        trigger="انفجار سيارة مفخخة قرب فندق في مقديشو",
    )
    root = finished_run(tmp_path / "run", [[first, other], [second]])
    result = merge_run(root)
    assert (result.events_in, result.events_out, result.multi_source) == (3, 2, 1)
    merged = [
        json.loads(x) for x in (root / "merged" / "events.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    kirkuk = next(e for e in merged if e["country"] == "Iraq")
    assert sorted(kirkuk["doc_ids"]) == ["doc-1", "doc-2"]
    assert kirkuk["fatalities"] == 11  # ACLED: the lowest figure
    assert (root / "merged" / "events.parquet").stat().st_size > 0


def test_merge_refuses_an_unfinished_run(tmp_path: Path) -> None:
    root = finished_run(tmp_path / "run", [[event("a", "2021-09-05")]])
    (root / "stats.json").write_text(json.dumps({"complete": False}), encoding="utf-8")
    with pytest.raises(ConfigError):
        merge_run(root)
    assert merge_run(root, allow_incomplete=True).events_out == 1
