"""Executors: run the same stage list over shards in-process, in a local process pool, or on Ray.

Every executor has one method, `map(shards) -> Iterator[ShardResult]`, and yields results as
shards finish (not necessarily in order: each shard is written to its own files, so order does
not matter for the output). Only a bounded number of shards is in flight, so a huge input streams
through in constant memory.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import pickle
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Protocol

from marsad.batch.gc_policy import batch_gc, tune_worker
from marsad.batch.shard import Shard, ShardResult, process_shard
from marsad.errors import ConfigError
from marsad.stage import Stage

log = logging.getLogger(__name__)

ENGINES = ("local", "pool", "ray")


class Executor(Protocol):
    name: str
    workers: int

    def map(self, shards: Iterable[Shard]) -> Iterator[ShardResult]: ...


class LocalExecutor:
    """In-process, one core: the default, and the reference the other executors must agree with."""

    name = "local"

    def __init__(self, stages: list[Stage]) -> None:
        self.stages = stages
        self.workers = 1

    def map(self, shards: Iterable[Shard]) -> Iterator[ShardResult]:
        for stage in self.stages:
            stage.ensure_ready()
        with batch_gc():  # fewer collector passes while the shards run (gc_policy.py)
            for shard in shards:
                yield process_shard(self.stages, shard)


# The stage list of this pool worker process, unpickled once by the initializer. It lives in the
# worker process only (never in the parent), so stages themselves keep no global state.
_WORKER_STAGES: list[Stage] | None = None


def _init_worker(stages_blob: bytes) -> None:
    global _WORKER_STAGES
    _WORKER_STAGES = pickle.loads(stages_blob)
    for stage in _WORKER_STAGES:
        stage.ensure_ready()  # load lexicons, gazetteer ... once per worker, before the first shard
    tune_worker()  # this process only runs shards: fewer collector passes (gc_policy.py)


def _work(shard: Shard) -> ShardResult:
    assert _WORKER_STAGES is not None, "pool worker used before its initializer ran"
    return process_shard(_WORKER_STAGES, shard)


class PoolExecutor:
    """A local process pool. `spawn`/`forkserver` (never fork: a forked parent's threads and open
    database handles are not safe to copy); stages are pickled once and set up once per worker."""

    name = "pool"

    def __init__(self, stages: list[Stage], workers: int = 2, start_method: str = "forkserver") -> None:
        if workers < 1:
            raise ConfigError(f"--workers must be at least 1, got {workers}")
        if start_method not in ("spawn", "forkserver"):
            raise ConfigError(f"start method must be spawn or forkserver, got {start_method!r}")
        self.stages = stages
        self.workers = workers
        self.start_method = start_method
        self.max_in_flight = 2 * workers  # keeps every worker busy while bounding memory

    def map(self, shards: Iterable[Shard]) -> Iterator[ShardResult]:
        blob = pickle.dumps(self.stages)
        ctx = mp.get_context(self.start_method)
        with ProcessPoolExecutor(
            max_workers=self.workers, mp_context=ctx, initializer=_init_worker, initargs=(blob,)
        ) as pool:
            pending: set[Future[ShardResult]] = set()
            for shard in shards:
                pending.add(pool.submit(_work, shard))
                if len(pending) >= self.max_in_flight:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for fut in done:
                        yield fut.result()
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    yield fut.result()


def make_executor(
    engine: str, stages: list[Stage], workers: int = 1, ray_address: str | None = None
) -> Executor:
    if engine == "local":
        if workers > 1:
            log.info("--workers %d with the local engine: using the process pool", workers)
            return PoolExecutor(stages, workers)
        return LocalExecutor(stages)
    if engine == "pool":
        return PoolExecutor(stages, workers)
    if engine == "ray":
        from marsad.batch.ray_executor import RayExecutor  # ray is an optional extra

        return RayExecutor(stages, workers, address=ray_address)
    raise ConfigError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
