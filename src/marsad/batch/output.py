"""The batch output directory: shard files written atomically, and an append-only manifest.

Layout of `--out DIR`:
    manifest.jsonl             line 1: the run's configuration; then one line per finished shard
    events/part-NNNNN.jsonl    EventRecords, one JSON object per line
    events/part-NNNNN.parquet  the same events as Parquet (schema derived from EventRecord)
    rejects/part-NNNNN.jsonl   documents that were rejected, with code and reason
    stats/part-NNNNN.json      per-stage counts and timings of the shard
    stats.json                 per-stage totals for the whole run (rewritten at the end)

A shard counts as finished only once its manifest line exists; its files are renamed into place
before that line is appended, so a run killed at any moment leaves either a finished shard or
one that a re-run redoes (overwriting any renamed files). A torn last manifest line (killed
mid-write) is dropped when the manifest is next opened.
"""

from __future__ import annotations

import json
import os
import types
import typing
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from marsad.batch.shard import ShardResult
from marsad.errors import ConfigError
from marsad.record import EventRecord, Evidence

MANIFEST = "manifest.jsonl"


def part_name(shard_id: int) -> str:
    return f"part-{shard_id:05d}"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _arrow_type(annotation: Any) -> pa.DataType:
    """Arrow type for an EventRecord field annotation (None in a union just means nullable)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _arrow_type(args[0]) if len(args) == 1 else pa.string()
    if origin is list:
        (item,) = typing.get_args(annotation)
        return pa.list_(_arrow_type(item))
    if annotation is Evidence:
        return pa.struct([(name, _arrow_type(f.annotation)) for name, f in Evidence.model_fields.items()])
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}.get(
        annotation, pa.string()
    )


EVENT_SCHEMA = pa.schema(
    [(name, _arrow_type(field.annotation)) for name, field in EventRecord.model_fields.items()]
)


def events_parquet_bytes(events: list[dict[str, Any]]) -> bytes:
    table = pa.Table.from_pylist(events, schema=EVENT_SCHEMA)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())


def jsonl_bytes(rows: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


class OutputDir:
    """Owns `--out DIR`. Only the driver process writes here (workers return results)."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.manifest = self.root / MANIFEST

    def open(self, config: dict[str, Any], restart: bool = False) -> set[int]:
        """Start or resume a run; return the ids of shards already finished.

        A resumed run must have the same configuration (inputs, shard size, stages): otherwise
        the shard numbering would not mean the same documents.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        for stale in self.root.rglob(".*.tmp-*"):  # left by a killed run; never renamed into place
            stale.unlink(missing_ok=True)
        records = self.read_manifest()
        if restart or not records:
            atomic_write_bytes(self.manifest, jsonl_bytes([{"config": config}]))
            return set()
        old = records[0].get("config")
        if old != config:
            raise ConfigError(
                f"{self.root} holds a run with another configuration; use a new --out or --restart",
                old=old,
                new=config,
            )
        # Rewrite without a torn tail so later appends start on a fresh line.
        atomic_write_bytes(self.manifest, jsonl_bytes(records))
        return {int(r["shard"]) for r in records[1:] if "shard" in r}

    def read_manifest(self) -> list[dict[str, Any]]:
        if not self.manifest.is_file():
            return []
        records = []
        for line in self.manifest.read_text(encoding="utf-8").splitlines():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                break  # a torn last line from a killed run: that shard is simply not finished
        return records

    def finished(self) -> dict[int, dict[str, Any]]:
        return {int(r["shard"]): r for r in self.read_manifest()[1:] if "shard" in r}

    def write_shard(self, result: ShardResult) -> dict[str, Any]:
        part = part_name(result.shard_id)
        atomic_write_bytes(self.root / "events" / f"{part}.jsonl", jsonl_bytes(result.events))
        atomic_write_bytes(self.root / "events" / f"{part}.parquet", events_parquet_bytes(result.events))
        atomic_write_bytes(self.root / "rejects" / f"{part}.jsonl", jsonl_bytes(result.rejects))
        shard_stats = {
            "shard": result.shard_id,
            "docs": result.n_docs,
            "seconds": round(result.seconds, 3),
            "cpu_seconds": round(result.cpu_seconds, 3),
            "worker": result.worker,
            "peak_rss_mb": result.peak_rss_mb,
            "stages": result.stats,
        }
        atomic_write_bytes(
            self.root / "stats" / f"{part}.json", json.dumps(shard_stats, ensure_ascii=False).encode()
        )
        entry = {
            "shard": result.shard_id,
            "docs": result.n_docs,
            "events": len(result.events),
            "rejects": len(result.rejects),
        }
        # The commit point of the shard: one short line appended and synced.
        with open(self.manifest, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        return entry

    def shard_stats(self, shard_id: int) -> dict[str, Any]:
        path = self.root / "stats" / f"{part_name(shard_id)}.json"
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data

    def event_files(self) -> list[Path]:
        return [self.root / "events" / f"{part_name(s)}.jsonl" for s in sorted(self.finished())]

    def write_json(self, name: str, data: dict[str, Any]) -> Path:
        path = self.root / name
        atomic_write_bytes(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode())
        return path
