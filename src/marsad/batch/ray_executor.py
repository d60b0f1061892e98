"""Ray Data executor (`--engine ray`): the only module that imports ray (an optional extra).

Each row of the Ray dataset is one shard: `shard_id` and its documents as a JSON string (an Arrow
string column, so rows move between nodes without pickling Python objects). A stateful
`map_batches` callable class runs on an actor pool: the stage list is unpickled and set up once per
actor, then serves many shards. The driver feeds shards in windows so a huge input streams
instead of being materialised whole in the driver.
"""

from __future__ import annotations

import json
import logging
import pickle
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from marsad.batch.gc_policy import tune_worker
from marsad.batch.shard import Shard, ShardResult, process_shard
from marsad.errors import ConfigError
from marsad.stage import Stage

log = logging.getLogger(__name__)


class _ShardWorker:
    """Runs on a Ray actor: set up once, then one call per shard (batch_size=1)."""

    def __init__(self, stages_blob: bytes) -> None:
        self.stages: list[Stage] = pickle.loads(stages_blob)
        for stage in self.stages:
            stage.ensure_ready()
        tune_worker()  # this actor only runs shards: fewer collector passes (gc_policy.py)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        out = []
        for shard_id, payload in zip(batch["shard_id"], batch["payload"], strict=True):
            shard = Shard(shard_id=int(shard_id), docs=json.loads(str(payload)))
            out.append(process_shard(self.stages, shard).to_json())
        return {"result": out}


class RayExecutor:
    name = "ray"

    def __init__(
        self, stages: list[Stage], workers: int = 2, address: str | None = None, window: int = 64
    ) -> None:
        try:
            import ray  # noqa: F401
        except ImportError as exc:
            raise ConfigError("--engine ray needs the ray extra: pip install 'marsad[ray]'") from exc
        self.stages = stages
        self.workers = max(1, workers)
        self.address = address
        self.window = max(window, 2 * self.workers)

    def _init_ray(self) -> bool:
        """Connect to a cluster (address) or start a local Ray; return True when we started it."""
        import ray

        if ray.is_initialized():
            return False
        kwargs: dict[str, Any] = {
            "include_dashboard": False,
            "log_to_driver": False,
            "configure_logging": False,
        }
        if self.address:
            ray.init(address=self.address, **kwargs)
        else:
            ray.init(num_cpus=self.workers, **kwargs)
        return True

    def map(self, shards: Iterable[Shard]) -> Iterator[ShardResult]:
        import ray
        import ray.data

        it = iter(shards)
        window = list(islice(it, self.window))
        if not window:  # everything already done (a re-run): do not start Ray for nothing
            return
        started = self._init_ray()
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False  # marsad draws its own progress bar
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # per-dataset chatter, not ours
        blob = pickle.dumps(self.stages)
        try:
            while window:
                rows = [
                    {"shard_id": s.shard_id, "payload": json.dumps(s.docs, ensure_ascii=False)}
                    for s in window
                ]
                ds = ray.data.from_items(rows, override_num_blocks=len(rows))
                mapped = ds.map_batches(
                    _ShardWorker,
                    fn_constructor_args=(blob,),
                    batch_size=1,
                    compute=ray.data.ActorPoolStrategy(size=min(self.workers, len(rows))),
                    num_cpus=1,
                )
                for row in mapped.iter_rows():
                    yield ShardResult.from_json(str(row["result"]))
                window = list(islice(it, self.window))
        finally:
            if started:
                ray.shutdown()
