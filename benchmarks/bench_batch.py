"""Documents/s on ONE core for analyze, extract (with geocoding) and the full `marsad batch`, beside
the bare read-and-split pass, with peak memory. Each measurement runs in its own process so its
peak memory (ru_maxrss) is its own.

    .venv/bin/python benchmarks/bench_batch.py [--corpus ant|saudinewsnet] [--limit N]
        [--modes bare,analyze,extract,batch]

Prints a Markdown table (for benchmarks/results/batch.md) and the raw JSON of each measurement.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_bare import SHARED, bare_raw, limited_jsonl

MODES = ("bare", "analyze", "extract", "batch")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker_gc() -> None:
    """Every pass runs with the collector settings of a `marsad batch` worker (the batch pass gets
    them from its executor); MARSAD_BATCH_GC=default keeps Python's. Older code has no policy."""
    try:
        from marsad.batch.gc_policy import tune_worker
    except ImportError:
        return
    tune_worker()


class _GcClock:
    """Wall time spent in the cyclic garbage collector (gc.callbacks), per generation."""

    def __init__(self) -> None:
        import gc

        self.seconds = [0.0, 0.0, 0.0]
        self.count = [0, 0, 0]
        self._t0 = 0.0
        gc.callbacks.append(self._tick)

    def _tick(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._t0 = time.perf_counter()
        else:
            g = info["generation"]
            self.seconds[g] += time.perf_counter() - self._t0
            self.count[g] += 1

    def report(self) -> dict[str, object]:
        return {"gc_seconds": round(sum(self.seconds), 3), "gc_passes": self.count}


def measure(mode: str, path: Path) -> dict[str, object]:
    """One mode over one corpus file, in this process (called in a child process)."""
    clock = _GcClock()
    result = _measure(mode, path)
    result.update(clock.report())
    return result


def _measure(mode: str, path: Path) -> dict[str, object]:
    from marsad.config import Settings
    from marsad.io import read_inputs
    from marsad.pipeline import stages_for
    from marsad.stage import run_stages

    settings = Settings()
    if mode == "batch":
        from marsad.batch import BatchOptions, run_batch

        with tempfile.TemporaryDirectory() as tmp:
            c0 = time.process_time()
            t0 = time.perf_counter()
            report = run_batch(
                BatchOptions([str(path)], Path(tmp) / "out", pipeline="extract", progress="none"), settings
            )
            dt = time.perf_counter() - t0
            cpu = time.process_time() - c0
        return {
            "docs": report.stats["documents"],
            "events": report.stats["events"],
            "seconds": dt,
            "cpu_seconds": cpu,
            "docs_per_s": report.stats["documents"] / dt,
            "docs_per_cpu_s": report.stats["documents"] / cpu,
            "stages": report.stats["stages"],
            "peak_rss_mb": peak_mb(),
        }
    stages = stages_for("bare" if mode == "bare" else mode)
    for s in stages:
        s.ensure_ready()  # setup (lexicons, gazetteer) is a once-per-worker cost: timed apart
    _worker_gc()
    t_setup = time.perf_counter()
    docs = events = 0
    c0 = time.process_time()
    t0 = time.perf_counter()
    for doc in run_stages(stages, read_inputs([path], settings)):
        docs += 1
        events += len(doc.events)
        doc.analysis = None  # as the batch does: keep nothing per document once it is done
    dt = time.perf_counter() - t0
    cpu = time.process_time() - c0
    return {
        "docs": docs,
        "events": events,
        "seconds": dt,
        "cpu_seconds": cpu,
        "docs_per_s": docs / dt,
        "docs_per_cpu_s": docs / cpu,
        "setup_seconds": t0 - t_setup,
        "stages": [s.stats.to_dict() for s in stages],
        "peak_rss_mb": peak_mb(),
    }


def profile(mode: str, path: Path, top: int = 30) -> None:
    """Where the time goes: functions by own time and by cumulative time."""
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    result = measure(mode, path)
    prof.disable()
    print(
        f"{mode} over {path.name}: {result['docs']} docs, {float(result['docs_per_cpu_s']):.0f} docs/CPU-s under cProfile"
    )  # type: ignore[arg-type]
    stats = pstats.Stats(prof, stream=sys.stdout)
    stats.strip_dirs().sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def run_child(mode: str, path: Path) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--child", mode, "--path", str(path)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"}
    result: dict[str, object] = json.loads(proc.stdout)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=["ant", "saudinewsnet"], action="append")
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--profile", metavar="MODE", help="cProfile one mode in-process and print the hot paths")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--path", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, Path(args.path))))
        return
    if not SHARED.is_dir():
        print(f"skip: {SHARED} is absent", file=sys.stderr)
        return
    if args.profile:
        profile(args.profile, limited_jsonl((args.corpus or ["ant"])[0], args.limit or 3000))
        return
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores shared with other work)")
    import importlib.util

    policy = importlib.util.find_spec("marsad.batch.gc_policy") is not None
    gc_mode = os.environ.get("MARSAD_BATCH_GC", "tuned") if policy else "(no policy in this code: Python's)"
    print(f"collector: MARSAD_BATCH_GC={gc_mode}")
    print(
        "| corpus | pass | docs | events | docs per CPU-second (1 core) | x slower than raw bare "
        "| docs/s wall | peak RSS MB | collector s (whole child, setup included) |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    raw_all = {}
    for corpus in args.corpus or ["ant", "saudinewsnet"]:
        path = limited_jsonl(corpus, args.limit)
        raw = bare_raw(path)
        raw_all[corpus] = raw
        raw_rate = raw["docs"] / raw["cpu_seconds"]
        print(
            f"| {corpus} | raw read+split | {raw['docs']:.0f} | - | {raw_rate:.0f} | 1.0 "
            f"| {raw['docs_per_s']:.0f} | - | - |"
        )
        for mode in args.modes.split(","):
            r = run_child(mode, path)
            raw_all[f"{corpus}/{mode}"] = r
            if "error" in r:
                print(f"| {corpus} | {mode} | - | - | unavailable: {r['error']} | - | - | - | - |")
                continue
            rate = float(r["docs_per_cpu_s"])  # type: ignore[arg-type]
            wall = float(r["docs_per_s"])  # type: ignore[arg-type]
            print(
                f"| {corpus} | {mode} | {r['docs']} | {r['events']} | {rate:.0f} | "
                f"{raw_rate / rate:.1f} | {wall:.0f} | {float(r['peak_rss_mb']):.0f} "  # type: ignore[arg-type]
                f"| {r.get('gc_seconds', '-')} |"
            )
            if mode == "extract":
                # each stage on its own (wall time inside the stage, over every document in)
                for st in r.get("stages") or []:  # type: ignore[attr-defined]
                    secs = float(st["seconds"]) or 1e-9
                    gated = st.get("gated: no trigger") or st.get("skipped: gated") or 0
                    note = f", {gated} gated" if gated else ""
                    print(
                        f"| {corpus} | · stage {st['stage']}{note} | {st['docs_in']} | - | "
                        f"({st['docs_in'] / secs:.0f} per stage-second) | - | - | - | - |"
                    )
            sys.stdout.flush()
    print("\n```json")
    print(json.dumps(raw_all, indent=1, default=str))
    print("```")


if __name__ == "__main__":
    main()
