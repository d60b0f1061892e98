"""The same shards give the same output whichever executor runs them."""

from __future__ import annotations

import importlib
import importlib.util
import os
from pathlib import Path

import pytest

from marsad.batch import BatchOptions, run_batch
from marsad.batch.executors import PoolExecutor, make_executor
from marsad.batch.stages import WordSplitStage
from marsad.errors import ConfigError

from .conftest import write_corpus
from .helpers import outputs, pipelines


@pytest.mark.parametrize("pipeline", pipelines())
def test_process_pool_equals_in_process(corpus: Path, tmp_path: Path, pipeline: str) -> None:
    local = run_batch(
        BatchOptions([str(corpus)], tmp_path / "local", shard_size=30, pipeline=pipeline, progress="none")
    )
    pool = run_batch(
        BatchOptions(
            [str(corpus)],
            tmp_path / "pool",
            shard_size=30,
            pipeline=pipeline,
            engine="pool",
            workers=2,
            progress="none",
        )
    )
    assert outputs(tmp_path / "pool") == outputs(tmp_path / "local")
    assert pool.stats["events"] == local.stats["events"]
    # worker processes (not this one) did the work, each reporting its peak memory
    workers = pool.stats["peak_rss_mb_per_worker"]
    assert 1 <= len(workers) <= 2 and all(mb > 0 for mb in workers.values())
    assert all(not w.endswith(f":{os.getpid()}") for w in workers)


def test_engine_choice_and_bad_settings() -> None:
    assert make_executor("local", [WordSplitStage()]).name == "local"
    assert make_executor("local", [WordSplitStage()], workers=2).name == "pool"
    with pytest.raises(ConfigError):
        make_executor("spark", [WordSplitStage()])
    with pytest.raises(ConfigError):
        PoolExecutor([WordSplitStage()], workers=0)


@pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="ray extra not installed")
def test_ray_equals_in_process(tmp_path: Path) -> None:
    """One Ray start (slow: seconds) covers the real pipeline when it exists, else the bare one.
    Small on purpose: Ray's start-up dominates; equality on the whole corpus is a benchmark."""
    corpus = write_corpus(tmp_path / "small.jsonl", 36)
    opts = dict(shard_size=12, pipeline=pipelines()[-1], progress="none")
    local = run_batch(BatchOptions([str(corpus)], tmp_path / "local", **opts))  # type: ignore[arg-type]
    ray = run_batch(
        BatchOptions([str(corpus)], tmp_path / "ray", engine="ray", workers=2, **opts)  # type: ignore[arg-type]
    )
    assert ray.stats["this_run"]["engine"] == "ray"
    assert ray.shards_run == 3 and ray.stats["documents"] == local.stats["documents"] == 36
    assert outputs(tmp_path / "ray") == outputs(tmp_path / "local")
    again = run_batch(BatchOptions([str(corpus)], tmp_path / "ray", engine="ray", workers=2, **opts))  # type: ignore[arg-type]
    assert again.shards_run == 0 and again.shards_skipped == 3  # and Ray was not even started
