"""Kill a real `marsad batch` process (SIGKILL) mid-run, re-run it: only the missing shards are
done, and the output equals an uninterrupted run's."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from marsad.batch import BatchOptions, run_batch

from .conftest import write_corpus
from .helpers import outputs

SHARD = 200
DOCS = 8000  # 40 shards: long enough (seconds) to be killed in the middle


def finished_shards(out: Path) -> list[int]:
    manifest = out / "manifest.jsonl"
    if not manifest.is_file():
        return []
    done = []
    for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
        try:
            done.append(json.loads(line)["shard"])
        except (json.JSONDecodeError, KeyError):
            pass
    return done


def batch_cmd(corpus: Path, out: Path) -> list[str]:
    return [
        sys.executable, "-m", "marsad.cli.main", "batch", str(corpus), "--out", str(out),
        "--shard-size", str(SHARD), "--pipeline", "bare", "--progress", "none",
    ]  # fmt: skip


def test_sigkill_then_rerun_finishes_only_missing_shards(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "big.jsonl", DOCS)
    out = tmp_path / "out"
    proc = subprocess.Popen(batch_cmd(corpus, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while len(finished_shards(out)) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    before = finished_shards(out)
    total = DOCS // SHARD
    assert 3 <= len(before) < total
    mtimes = {s: (out / "events" / f"part-{s:05d}.jsonl").stat().st_mtime_ns for s in before}

    rerun = subprocess.run(batch_cmd(corpus, out), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total - len(before)} shards run, {len(before)} already done" in rerun.stderr
    # finished shards were not redone
    assert all((out / "events" / f"part-{s:05d}.jsonl").stat().st_mtime_ns == m for s, m in mtimes.items())
    assert sorted(finished_shards(out)) == list(range(total))

    reference = tmp_path / "reference"
    run_batch(BatchOptions([str(corpus)], reference, shard_size=SHARD, pipeline="bare", progress="none"))
    assert outputs(out) == outputs(reference)
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    assert stats["complete"] is True and stats["documents"] == DOCS
