"""Shards: the unit of work every executor runs, and what comes back from a worker.

A shard is a run of consecutive documents from the input stream. Workers receive documents as
plain dicts (cheap to pickle, and the same rows Ray Data moves between nodes) and return only
what the sinks need -- events, rejects and per-stage counts -- never the heavy per-document
analysis (tokens, spans), which would cost more to ship back than to compute.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from marsad.errors import Reject
from marsad.model import Document
from marsad.stage import Stage, StageStats, run_stages


@dataclass
class Shard:
    shard_id: int
    docs: list[dict[str, Any]]


@dataclass
class ShardResult:
    shard_id: int
    n_docs: int
    events: list[dict[str, Any]] = field(default_factory=list)  # EventRecord.model_dump(mode="json")
    rejects: list[dict[str, Any]] = field(default_factory=list)  # Reject.to_dict()
    stats: list[dict[str, Any]] = field(default_factory=list)  # one StageStats dict per stage
    seconds: float = 0.0  # wall time spent in the worker on this shard
    cpu_seconds: float = 0.0  # CPU time of the worker on this shard (wall time lies on a busy machine)
    worker: str = ""  # "host:pid" of the worker that ran it
    peak_rss_mb: float = 0.0  # the worker's peak resident memory so far

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> ShardResult:
        return cls(**json.loads(line))


def doc_to_dict(doc: Document) -> dict[str, Any]:
    """The reader's view of a document (no analysis, no events) as JSON-able values."""
    return {
        "id": doc.id,
        "text": doc.text,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "outlet": doc.outlet,
        "url": doc.url,
        "reader": doc.reader,
        "origin": doc.origin,
        "meta": doc.meta,
        "reject": doc.reject.to_dict() if doc.reject is not None else None,
    }


def doc_from_dict(data: dict[str, Any]) -> Document:
    published = data.get("published")
    reject = data.get("reject")
    return Document(
        id=data["id"],
        text=data["text"],
        title=data.get("title"),
        published=datetime.fromisoformat(published) if published else None,
        outlet=data.get("outlet"),
        url=data.get("url"),
        reader=data.get("reader") or "jsonl",
        origin=data.get("origin"),
        meta=dict(data.get("meta") or {}),
        reject=Reject(**reject) if reject else None,
    )


def peak_rss_mb() -> float:
    # ru_maxrss is KiB on Linux and bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def process_shard(stages: list[Stage], shard: Shard) -> ShardResult:
    """Run the stage list over one shard. Stage stats are reset so the result holds this shard only."""
    t0 = time.perf_counter()
    c0 = time.process_time()
    for stage in stages:
        stage.stats = StageStats(stage.name)
    docs: Iterable[Document] = (doc_from_dict(d) for d in shard.docs)
    result = ShardResult(shard_id=shard.shard_id, n_docs=len(shard.docs))
    for doc in run_stages(stages, docs):
        if doc.reject is not None:
            result.rejects.append(doc.reject.to_dict())
            continue
        for event in doc.events:
            result.events.append(event.model_dump(mode="json"))
    result.stats = [stage.stats.to_dict() for stage in stages]
    result.seconds = time.perf_counter() - t0
    result.cpu_seconds = time.process_time() - c0
    result.worker = f"{os.uname().nodename}:{os.getpid()}"
    result.peak_rss_mb = round(peak_rss_mb(), 1)
    return result


def merge_stats(total: dict[str, dict[str, Any]], stats: list[dict[str, Any]]) -> None:
    """Add one shard's per-stage stats (StageStats.to_dict() form) into running totals by stage."""
    for s in stats:
        name = str(s["stage"])
        acc = total.setdefault(name, {"stage": name, "docs_in": 0, "docs_out": 0, "rejected": {}})
        for key, value in s.items():
            if key == "stage":
                continue
            if key == "rejected":
                for code, n in dict(value).items():
                    acc["rejected"][code] = acc["rejected"].get(code, 0) + n
            elif isinstance(value, int | float):
                acc[key] = acc.get(key, 0) + value
