"""Same events, byte for byte: the extraction pipeline over a whole corpus, hashed.

The trigger gate (`marsad.extract.gate`) and every speed change must leave the events unchanged.
This script runs the project's extraction stage list (`marsad.pipeline.extraction_stages`) over
the corpus through the real reader, writes one line per event (`doc id <TAB> EventRecord JSON`)
and prints the SHA-256 of that file with the counts and the one-core speed. Run it with the gate
on and off (and on the base commit) and compare the hashes.

    .venv/bin/python benchmarks/check_events.py                 # gate on (the default pipeline)
    .venv/bin/python benchmarks/check_events.py --no-gate       # every document through the text layer
    .venv/bin/python benchmarks/check_events.py --out /tmp/ev.jsonl --limit 2000

Corpus: ../shared/corpus/ant-multisource-2018.jsonl.gz (31,525 articles, never copied into the repo).
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("MARSAD_SHARED", HERE.parent.parent / "shared"))
CORPUS = SHARED / "corpus" / "ant-multisource-2018.jsonl.gz"


def _stages(gate: bool) -> list:  # type: ignore[type-arg]
    from marsad.pipeline import extraction_stages

    if "gate" in inspect.signature(extraction_stages).parameters:
        return extraction_stages(gate=gate)  # type: ignore[call-arg]
    if not gate:
        return extraction_stages()
    raise SystemExit("this marsad has no trigger gate: run with --no-gate")


def _docs(limit: int | None) -> Iterator:  # type: ignore[type-arg]
    from marsad.config import Settings
    from marsad.io import read_inputs

    docs = read_inputs([CORPUS], Settings())
    return islice(docs, limit) if limit else docs


def run(gate: bool, limit: int | None, out: Path) -> dict[str, object]:
    from marsad.stage import run_stages

    stages = _stages(gate)
    for s in stages:
        s.ensure_ready()  # data files and gazetteer load outside the timed loop
    sha = hashlib.sha256()
    docs = events = with_events = rejected = 0
    c0, t0 = time.process_time(), time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        for doc in run_stages(stages, _docs(limit)):
            docs += 1
            if not doc.ok:
                rejected += 1
                line = f"{doc.id}\tREJECT\t{doc.reject.code if doc.reject else ''}\n"
                fh.write(line)
                sha.update(line.encode())
                continue
            if doc.events:
                with_events += 1
            for ev in doc.events:
                events += 1
                line = f"{doc.id}\t{ev.to_json()}\n"
                fh.write(line)
                sha.update(line.encode())
    cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    return {
        "gate": gate,
        "docs": docs,
        "rejected": rejected,
        "docs_with_events": with_events,
        "events": events,
        "sha256": sha.hexdigest(),
        "out": str(out),
        "docs_per_cpu_s": round(docs / cpu, 1),
        "docs_per_s": round(docs / wall, 1),
        "stats": [s.stats.to_dict() for s in stages],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-gate", action="store_true", help="run the text layer on every document")
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--out", type=Path, default=None, help="event lines (default: a temp file)")
    args = ap.parse_args()
    if not CORPUS.is_file():
        print(f"skipped: {CORPUS} is absent", file=sys.stderr)
        return 0
    gate = not args.no_gate
    out = args.out or Path(tempfile.gettempdir()) / f"marsad-events-{'gate' if gate else 'nogate'}.jsonl"
    print(json.dumps(run(gate, args.limit, out), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
