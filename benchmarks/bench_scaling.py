"""Scaling of `marsad batch` from 1 to 2 workers, with the local process pool and with Ray, plus a
cost model: cores needed for 10 million articles a day.

    .venv/bin/python benchmarks/bench_scaling.py [--corpus ant] [--limit 8000] [--pipeline extract]
        [--engines pool,ray] [--shard-size 250]

Each run is a separate `marsad batch` process over the same file; documents/s counts the whole
run (reading, the stages, writing shards), not start-up. Throughput on this machine is bounded by
its 2 cores, which other work shares: the load average is printed beside each figure.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_bare import SHARED, limited_jsonl

ROOT = Path(__file__).resolve().parent.parent
ARTICLES_PER_DAY = 10_000_000


def run(path: Path, engine: str, workers: int, pipeline: str, shard_size: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        cmd = [
            sys.executable, "-m", "marsad.cli.main", "batch", str(path), "--out", str(out),
            "--engine", engine, "--workers", str(workers), "--pipeline", pipeline,
            "--shard-size", str(shard_size), "--progress", "none",
        ]  # fmt: skip
        load = os.getloadavg()[0]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if not (out / "stats.json").is_file():
            return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"}
        stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    this = stats["this_run"]
    return {
        "engine": engine,
        "workers": workers,
        "docs": stats["documents"],
        "events": stats["events"],
        "seconds": this["seconds"],
        "docs_per_s": this["docs_per_second"],
        "steady_docs_per_s": this["steady_docs_per_second"],
        "first_shard_seconds": this["first_shard_seconds"],
        "driver_cpu_seconds": this["driver_cpu_seconds"],
        "worker_cpu_seconds": this["worker_cpu_seconds"],
        "peak_rss_mb_per_worker": max(stats["peak_rss_mb_per_worker"].values()),
        "load_before": round(load, 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="ant", choices=["ant", "saudinewsnet"])
    ap.add_argument("--limit", type=int, default=8000)
    ap.add_argument("--pipeline", default="extract")
    ap.add_argument("--engines", default="pool,ray")
    ap.add_argument("--shard-size", type=int, default=250)
    ap.add_argument("--repeat", type=int, default=2, help="runs per setting; the fastest counts (noise)")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"skip: {SHARED} is absent", file=sys.stderr)
        return
    path = limited_jsonl(args.corpus, args.limit)
    print(
        f"{args.corpus}, first {args.limit} documents, pipeline {args.pipeline}, shard size {args.shard_size}\n"
    )
    print(
        "| engine | workers | docs | events | seconds | docs/s (whole run) | speed-up | first shard s "
        "| steady docs/s | steady speed-up | peak RSS MB/worker | load before |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    results = []
    for engine in args.engines.split(","):
        base = steady_base = None
        for workers in (1, 2):
            tries = [run(path, engine, workers, args.pipeline, args.shard_size) for _ in range(args.repeat)]
            good = [t for t in tries if "error" not in t]
            # Other work on the machine only ever slows a run down: the fastest run is the truest.
            r = min(good, key=lambda t: float(t["seconds"])) if good else tries[0]  # type: ignore[arg-type]
            results.append(r)
            if "error" in r:
                print(f"| {engine} | {workers} | unavailable: {r['error']} |")
                continue
            rate = float(r["docs_per_s"])  # type: ignore[arg-type]
            steady = float(r["steady_docs_per_s"] or 0)  # type: ignore[arg-type]
            base = base or rate
            steady_base = steady_base or steady
            print(
                f"| {engine} | {workers} | {r['docs']} | {r['events']} | {r['seconds']} | {rate:.0f} | "
                f"{rate / base:.2f}x | {r['first_shard_seconds']} | {steady:.0f} | "
                f"{steady / steady_base if steady_base else 0:.2f}x | {r['peak_rss_mb_per_worker']} | "
                f"{r['load_before']} |"
            )
            sys.stdout.flush()
    for r in results:
        if "error" in r or r["workers"] != 2:
            continue
        d, w = float(r["driver_cpu_seconds"]), float(r["worker_cpu_seconds"])  # type: ignore[arg-type]
        # On 2 cores the driver (reading, writing shards) and 2 workers share the CPU; with 1 worker
        # the driver has the other core to itself. The CPU-bound speed-up is therefore 2w/(d+w).
        print(
            f"\n{r['engine']}: CPU per document: driver {1000 * d / float(r['docs']):.2f} ms, "  # type: ignore[arg-type]
            f"workers {1000 * w / float(r['docs']):.2f} ms -> speed-up bound on 2 cores "  # type: ignore[arg-type]
            f"{2 * w / (d + w):.2f}x (when nothing else runs on the machine)"
        )
    ok = [r for r in results if "error" not in r]
    if ok:
        # CPU time, not wall time: on a shared machine wall time measures the neighbours too.
        cpu_per_doc = min(
            (float(r["driver_cpu_seconds"]) + float(r["worker_cpu_seconds"])) / float(r["docs"])  # type: ignore[arg-type]
            for r in ok
            if r["engine"] != "local"
        )
        need = ARTICLES_PER_DAY / 86_400
        print(
            f"\nCost model: 10M articles/day = {need:.0f} docs/s sustained. At {1000 * cpu_per_doc:.2f} ms of CPU "
            f"per document (reader + stages + shard writing) that is {need * cpu_per_doc:.1f} cores fully busy; "
            f"at 85% parallel efficiency (1.7x on 2 workers) {need * cpu_per_doc / 0.85:.1f} cores."
        )


if __name__ == "__main__":
    main()
