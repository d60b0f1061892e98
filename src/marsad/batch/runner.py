"""`run_batch`: read inputs, cut the stream into shards, run them on an executor, write the shards.

Shard k is documents k*N .. k*N+N-1 of the input stream (inputs in the order given, directories
sorted by the readers), so the numbering is the same on every run and a resumed run can skip the
shards its manifest lists as finished. Skipped shards are still read -- reading is the cheap part --
but never sent to a worker.
"""

from __future__ import annotations

import glob
import gzip
import json
import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad import __version__
from marsad.batch.executors import make_executor
from marsad.batch.output import OutputDir
from marsad.batch.progress import Progress, make_progress
from marsad.batch.shard import Shard, ShardResult, doc_from_dict, doc_to_dict, merge_stats
from marsad.config import Settings
from marsad.errors import ConfigError, Reject
from marsad.model import Document
from marsad.pipeline import describe, stages_for
from marsad.record import EventRecord
from marsad.stage import Stage

log = logging.getLogger(__name__)


@dataclass
class BatchOptions:
    inputs: Sequence[str]
    out: Path
    engine: str = "local"  # local | pool | ray
    workers: int = 1
    shard_size: int = 1000
    pipeline: str = "extract"  # bare | analyze | extract | history
    ray_address: str | None = None
    restart: bool = False  # ignore (overwrite) a previous run in `out`
    progress: str = "auto"  # auto | bar | log | none
    max_shards: int | None = None  # stop after this many new shards (for trials; resumable)
    db_url: str | None = None  # also store documents + events (merged across reports) in this database


@dataclass
class BatchReport:
    out: Path
    shards_total: int = 0
    shards_run: int = 0
    shards_skipped: int = 0
    docs_run: int = 0
    events_run: int = 0
    seconds: float = 0.0
    # Start-up (worker processes, Ray, loading lexicons and gazetteer) shows in the time to the
    # first finished shard; the steady rate leaves it out.
    first_result_seconds: float = 0.0
    first_result_docs: int = 0
    driver_cpu_seconds: float = 0.0  # reading, sharding, writing (and the stages, for `local`)
    worker_cpu_seconds: float = 0.0  # the stages, summed over shards
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def docs_per_second(self) -> float:
        return self.docs_run / self.seconds if self.seconds > 0 else 0.0

    @property
    def steady_docs_per_second(self) -> float | None:
        """Rate after the first shard finished (None with fewer than two shards)."""
        span = self.seconds - self.first_result_seconds
        if self.shards_run < 2 or span <= 0:
            return None
        return (self.docs_run - self.first_result_docs) / span


def expand_inputs(patterns: Sequence[str]) -> list[str]:
    """Expand globs (sorted, for a stable shard numbering). A pattern matching nothing is passed on
    as is, so the reader rejects it with E_IO instead of the run silently reading less."""
    out: list[str] = []
    for pattern in patterns:
        if pattern != "-" and glob.has_magic(pattern):
            matches = sorted(glob.glob(pattern, recursive=True))
            out.extend(matches or [pattern])
        else:
            out.append(pattern)
    return out


def count_documents(inputs: Sequence[str]) -> int | None:
    """A quick total for the ETA: lines of JSONL inputs. None when some input cannot be counted."""
    total = 0
    for name in inputs:
        path = Path(name)
        lower = path.name.lower()
        if not path.is_file() or not (lower.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"))):
            return None
        opener: Any = gzip.open if lower.endswith(".gz") else open
        try:
            with opener(path, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    total += chunk.count(b"\n")
        except (OSError, EOFError):
            return None
    return total


def iter_shards(
    docs: Iterable[Document], shard_size: int, skip: set[int], read_stats: dict[str, Any]
) -> Iterator[Shard]:
    """Group the stream into shards; count what the readers yielded and rejected, and their time.

    Documents of a shard in `skip` are read (to keep the numbering) but not converted or kept."""
    buf: list[dict[str, Any]] = []
    n_in_shard = 0
    shard_id = 0
    rejected: Counter[str] = Counter()
    it = iter(docs)
    t_read = 0.0
    n_read = n_ok = 0
    while True:
        t0 = time.perf_counter()
        doc = next(it, None)
        t_read += time.perf_counter() - t0
        if doc is None:
            break
        n_read += 1
        if doc.reject is not None:
            rejected[doc.reject.code] += 1
        else:
            n_ok += 1
        if shard_id not in skip:
            buf.append(doc_to_dict(doc))
        n_in_shard += 1
        if n_in_shard >= shard_size:
            read_stats.update(
                docs_in=n_read, docs_out=n_ok, rejected=dict(rejected), seconds=round(t_read, 3)
            )
            if shard_id not in skip:
                yield Shard(shard_id, buf)
            buf = []
            n_in_shard = 0
            shard_id += 1
    read_stats.update(docs_in=n_read, docs_out=n_ok, rejected=dict(rejected), seconds=round(t_read, 3))
    if n_in_shard and shard_id not in skip:
        yield Shard(shard_id, buf)
    read_stats["shards"] = shard_id + (1 if n_in_shard else 0)


def run_batch(
    opts: BatchOptions, settings: Settings | None = None, stages: list[Stage] | None = None
) -> BatchReport:
    from marsad.io import read_inputs

    if opts.shard_size < 1:
        raise ConfigError(f"--shard-size must be at least 1, got {opts.shard_size}")
    settings = settings or Settings.load()
    stages = stages if stages is not None else stages_for(opts.pipeline)
    inputs = expand_inputs(opts.inputs)
    config = {
        "inputs": [str(Path(i).resolve()) if i != "-" else i for i in inputs],
        "shard_size": opts.shard_size,
        "stages": describe(stages),
        "marsad_version": __version__,
    }
    out = OutputDir(opts.out)
    done = out.open(config, restart=opts.restart)
    if done:
        log.info("resuming %s: %d shards already finished", opts.out, len(done))
    executor = make_executor(opts.engine, stages, opts.workers, opts.ray_address)
    total = count_documents(inputs) if opts.progress != "none" else None
    finished = out.finished()
    progress: Progress = make_progress(
        opts.progress, total, initial=sum(int(r.get("docs", 0)) for r in finished.values())
    )

    report = BatchReport(out=opts.out, shards_skipped=len(done))
    read_stats: dict[str, Any] = {"stage": "read", "docs_out": 0, "rejected": {}}
    shards: Iterator[Shard] = iter_shards(read_inputs(inputs, settings), opts.shard_size, done, read_stats)
    if opts.max_shards is not None:
        shards = _take(shards, opts.max_shards)
    sink = _DatabaseSink(opts.db_url) if opts.db_url else None
    if sink is not None:
        shards = sink.remember(shards)
    t0 = time.perf_counter()
    c0 = time.process_time()
    try:
        for result in executor.map(shards):
            if sink is not None:
                sink.store(result)  # before the manifest line: a crash in between redoes the shard
            out.write_shard(result)
            if report.shards_run == 0:
                report.first_result_seconds = time.perf_counter() - t0
                report.first_result_docs = result.n_docs
            report.shards_run += 1
            report.docs_run += result.n_docs
            report.events_run += len(result.events)
            report.worker_cpu_seconds += result.cpu_seconds
            progress.update(result.n_docs, len(result.events))
    finally:
        progress.close()
        if sink is not None:
            sink.close()
    report.seconds = time.perf_counter() - t0
    report.driver_cpu_seconds = time.process_time() - c0
    report.shards_total = int(read_stats.get("shards", 0))
    report.stats = _write_stats(out, report, read_stats, executor.name, executor.workers)
    return report


class _DatabaseSink:
    """Writes each finished shard's documents and events to the store (idempotent by content
    hash, so a shard redone after a crash changes nothing). The driver keeps the documents of the
    shards in flight -- a bounded number -- because workers return events, not texts."""

    def __init__(self, url: str) -> None:
        from marsad.store import Store

        self.store_ = Store(url)
        self.docs: dict[int, list[dict[str, Any]]] = {}

    def remember(self, shards: Iterator[Shard]) -> Iterator[Shard]:
        for shard in shards:
            self.docs[shard.shard_id] = shard.docs
            yield shard

    def store(self, result: ShardResult) -> None:
        events: dict[str, list[EventRecord]] = {}
        for e in result.events:
            rec = EventRecord.model_validate(e)
            events.setdefault(rec.doc_ids[0] if rec.doc_ids else "", []).append(rec)
        stage_rejects = {r["doc_id"]: r for r in result.rejects if r.get("doc_id")}
        docs = []
        for data in self.docs.pop(result.shard_id):
            doc = doc_from_dict(data)
            if doc.reject is None and doc.id in stage_rejects:
                doc.reject = Reject(**stage_rejects[doc.id])
            elif doc.reject is None:
                doc.events = events.get(doc.id, [])
            docs.append(doc)
        self.store_.ingest_batch(docs)

    def close(self) -> None:
        self.store_.close()


def _take(shards: Iterator[Shard], n: int) -> Iterator[Shard]:
    for i, shard in enumerate(shards):
        if i >= n:
            return
        yield shard


def _write_stats(
    out: OutputDir, report: BatchReport, read_stats: dict[str, Any], engine: str, workers: int
) -> dict[str, Any]:
    """Totals over every finished shard (including those of earlier, interrupted runs)."""
    stages: dict[str, dict[str, Any]] = {}
    peak: dict[str, float] = {}
    reject_codes: Counter[str] = Counter()
    docs = events = 0
    finished = out.finished()
    for shard_id, entry in sorted(finished.items()):
        shard = out.shard_stats(shard_id)
        merge_stats(stages, shard["stages"])
        peak[shard["worker"]] = max(peak.get(shard["worker"], 0.0), float(shard["peak_rss_mb"]))
        docs += int(entry["docs"])
        events += int(entry["events"])
    for path in sorted((out.root / "rejects").glob("part-*.jsonl")):
        if int(path.stem.split("-")[1]) in finished:
            for line in path.read_text(encoding="utf-8").splitlines():
                reject_codes[json.loads(line)["code"]] += 1
    for s in stages.values():
        if "seconds" in s:
            s["seconds"] = round(s["seconds"], 3)
            s["docs_per_second"] = round(s["docs_in"] / s["seconds"], 1) if s["seconds"] else None
    data = {
        "complete": len(finished) == report.shards_total and report.shards_total > 0,
        "shards": {"total": report.shards_total, "finished": len(finished), "run_now": report.shards_run},
        "documents": docs,
        "events": events,
        "rejected": dict(sorted(reject_codes.items())),
        "stages": [read_stats, *stages.values()],
        "this_run": {
            "engine": engine,
            "workers": workers,
            "docs": report.docs_run,
            "seconds": round(report.seconds, 3),
            "docs_per_second": round(report.docs_per_second, 1),
            "first_shard_seconds": round(report.first_result_seconds, 3),
            "driver_cpu_seconds": round(report.driver_cpu_seconds, 3),
            "worker_cpu_seconds": round(report.worker_cpu_seconds, 3),
            "steady_docs_per_second": (
                round(report.steady_docs_per_second, 1) if report.steady_docs_per_second else None
            ),
        },
        "peak_rss_mb_per_worker": peak,
    }
    out.write_json("stats.json", data)
    return data
