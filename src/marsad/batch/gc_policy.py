"""Garbage-collector settings for a process that runs the stage list over many documents.

CPython's cyclic collector runs a young-generation pass every 700 net allocations and, as the
long-lived heap grows by a quarter, a full pass over EVERY tracked object. A batch worker holds
large read-only resources (gazetteer, lexicons) and bounded per-word caches (hundreds of thousands
of tuples and sets) and allocates millions of short-lived tuples per shard (tokens, spans), yet
creates almost no cyclic garbage: over the first 10,000 ANT articles the collector freed ≈ 600
objects while its passes took ≈ 9 % of the CPU time (11 full passes ≈ 1.4 s, 2,200 young ones).

So a worker, once its stages are set up:
- freezes what is loaded (`gc.freeze`: the resources are never scanned again; they are never
  freed before the process ends anyway), and
- runs the young pass every `YOUNG_THRESHOLD` allocations instead of 700 (older generations keep
  their ratios, so full passes still happen, far less often).

Reference counting frees everything else exactly as before: only WHEN cycles are looked for
changes, never what a stage computes (the events are the same byte for byte). The settings are
process-wide, so they belong to worker processes (pool, Ray) and to the in-process executor only
for the duration of its run (`batch_gc` restores them). `MARSAD_BATCH_GC=default` keeps Python's
own settings (for a stage list that does make cyclic garbage, or to measure the difference).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 10_000


def enabled() -> bool:
    return os.environ.get("MARSAD_BATCH_GC", "tuned").strip().lower() != "default"


def tune_worker() -> tuple[int, ...]:
    """Apply the batch settings to this process; returns the previous thresholds."""
    before = gc.get_threshold()
    if not enabled():
        return before
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *before[1:])
    return before


@contextmanager
def batch_gc() -> Iterator[None]:
    """The batch settings for the duration of a run in a process that goes on afterwards."""
    before = tune_worker()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        if enabled():
            gc.unfreeze()
