"""Batch processing: shards, executors (in-process, process pool, Ray), resumable output, merging.

`run_batch(BatchOptions(...))` is what `marsad batch` calls; the executors are usable on their own
(`make_executor(engine, stages, workers).map(shards)`).
"""

from marsad.batch.executors import ENGINES, LocalExecutor, PoolExecutor, make_executor
from marsad.batch.output import OutputDir
from marsad.batch.runner import BatchOptions, BatchReport, expand_inputs, run_batch
from marsad.batch.shard import Shard, ShardResult, doc_from_dict, doc_to_dict, process_shard

__all__ = [
    "ENGINES",
    "BatchOptions",
    "BatchReport",
    "LocalExecutor",
    "OutputDir",
    "PoolExecutor",
    "Shard",
    "ShardResult",
    "doc_from_dict",
    "doc_to_dict",
    "expand_inputs",
    "make_executor",
    "process_shard",
    "run_batch",
]
