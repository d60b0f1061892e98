"""Cross-report merging as its own step over the event shards of a finished batch run.

The per-document stages are embarrassingly parallel; merging is the one step that needs several
documents. It reuses the rules of `marsad.merge` (the same the store applies incrementally) and
blocks the work so it scales: reports of different countries never merge, and within a country a
gap of more than `max_days` between consecutive event dates splits the timeline into independent
blocks (no report can match a cluster on the far side of such a gap). Each block is merged on its
own, in a deterministic order, so the result does not depend on which executor made the shards.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from marsad.batch.output import OutputDir, atomic_write_bytes, events_parquet_bytes, jsonl_bytes
from marsad.errors import ConfigError
from marsad.record import EventRecord

log = logging.getLogger(__name__)


@dataclass
class MergeResult:
    path: Path
    events_in: int
    events_out: int
    blocks: int
    multi_source: int  # merged events backed by more than one document


def _order(e: EventRecord) -> tuple[str, str, str]:
    return (e.event_date, e.doc_ids[0] if e.doc_ids else "", e.event_id_cnty)


def blocks_of(events: list[EventRecord], max_days: int) -> Iterator[list[EventRecord]]:
    """Independent blocks: same country, and dates chained by gaps of at most `max_days`."""
    by_country: dict[str, list[EventRecord]] = defaultdict(list)
    for e in events:
        by_country[e.country].append(e)
    for country in sorted(by_country):
        block: list[EventRecord] = []
        last: date | None = None
        for e in sorted(by_country[country], key=_order):
            day = date.fromisoformat(e.event_date)
            if last is not None and (day - last).days > max_days:
                yield block
                block = []
            block.append(e)
            last = day
        if block:
            yield block


def merge_run(out: str | Path, allow_incomplete: bool = False) -> MergeResult:
    from marsad.merge import DEFAULT_POLICY, merge_events

    run = OutputDir(out)
    stats_path = run.root / "stats.json"
    if not stats_path.is_file():
        raise ConfigError(f"{run.root} is not a finished `marsad batch` run (no stats.json)")
    if not json.loads(stats_path.read_text(encoding="utf-8")).get("complete") and not allow_incomplete:
        raise ConfigError(f"the batch run in {run.root} is not finished: re-run `marsad batch` first")
    events = [
        EventRecord.model_validate_json(line)
        for path in run.event_files()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    merged: list[EventRecord] = []
    n_blocks = 0
    for block in blocks_of(events, DEFAULT_POLICY.max_days):
        n_blocks += 1
        merged.extend(merge_events(block))
    merged.sort(key=_order)
    rows = [e.model_dump(mode="json") for e in merged]
    target = run.root / "merged"
    atomic_write_bytes(target / "events.jsonl", jsonl_bytes(rows))
    atomic_write_bytes(target / "events.parquet", events_parquet_bytes(rows))
    result = MergeResult(
        path=target / "events.jsonl",
        events_in=len(events),
        events_out=len(merged),
        blocks=n_blocks,
        multi_source=sum(1 for e in merged if len(set(e.doc_ids)) > 1),
    )
    summary = {k: (str(v) if isinstance(v, Path) else v) for k, v in result.__dict__.items()}
    atomic_write_bytes(target / "summary.json", (json.dumps(summary, indent=2) + "\n").encode())
    log.info("merged %d events into %d (%d blocks)", result.events_in, result.events_out, n_blocks)
    return result
