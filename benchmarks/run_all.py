"""Run every benchmark script in benchmarks/ that exists (`make bench`), one after the other.

    .venv/bin/python benchmarks/run_all.py [--only NAME ...] [--list]

A script is any `bench_*.py`, `compare_*.py`, `eval_*.py` or `backtest_*.py` file beside this one.
Each runs as its own process with default arguments; a failing script is reported and the rest
still run. The exit status is 1 when any script failed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PATTERNS = ("bench_*.py", "compare_*.py", "eval_*.py", "backtest_*.py")


def scripts() -> list[Path]:
    found = {p for pattern in PATTERNS for p in HERE.glob(pattern)}
    return sorted(found)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", help="script names (with or without .py) to run")
    ap.add_argument("--list", action="store_true", help="list the scripts and exit")
    args = ap.parse_args()
    todo = scripts()
    if args.only:
        wanted = {n.removesuffix(".py") for n in args.only}
        todo = [p for p in todo if p.stem in wanted]
    if args.list:
        for p in todo:
            print(p.name)
        return 0
    failed = []
    for path in todo:
        print(f"\n=== {path.name}", flush=True)
        t0 = time.perf_counter()
        rc = subprocess.run([sys.executable, str(path)], cwd=HERE.parent).returncode
        print(f"=== {path.name}: exit {rc} in {time.perf_counter() - t0:.0f} s", flush=True)
        if rc != 0:
            failed.append(path.name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
