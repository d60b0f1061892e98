"""Progress of a long run: a tqdm bar (docs/s, ETA) on a terminal, plain log lines otherwise."""

from __future__ import annotations

import logging
import sys
import time
from typing import Protocol

log = logging.getLogger(__name__)


class Progress(Protocol):
    def update(self, docs: int, events: int) -> None: ...

    def close(self) -> None: ...


class NoProgress:
    def update(self, docs: int, events: int) -> None:
        pass

    def close(self) -> None:
        pass


class BarProgress:
    def __init__(self, total: int | None, initial: int = 0) -> None:
        from tqdm import tqdm

        self.events = 0
        self.bar = tqdm(
            total=total, initial=initial, unit="doc", unit_scale=True, dynamic_ncols=True, file=sys.stderr
        )

    def update(self, docs: int, events: int) -> None:
        self.events += events
        self.bar.set_postfix(events=self.events, refresh=False)
        self.bar.update(docs)

    def close(self) -> None:
        self.bar.close()


class LogProgress:
    """For logs and CI: one line every `every` seconds with the rate and, when known, the ETA."""

    def __init__(self, total: int | None, initial: int = 0, every: float = 10.0) -> None:
        self.total = total
        self.done = initial
        self.start_done = initial
        self.events = 0
        self.every = every
        self.t0 = self.last = time.monotonic()

    def update(self, docs: int, events: int) -> None:
        self.done += docs
        self.events += events
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            log.info("%s", self.line(now))

    def line(self, now: float) -> str:
        rate = (self.done - self.start_done) / max(now - self.t0, 1e-9)
        eta = ""
        if self.total and rate > 0:
            eta = f", ETA {max(self.total - self.done, 0) / rate:.0f} s"
        of = f"/{self.total}" if self.total else ""
        return f"batch: {self.done}{of} docs, {self.events} events, {rate:.0f} docs/s{eta}"

    def close(self) -> None:
        log.info("%s (done)", self.line(time.monotonic()))


def make_progress(mode: str, total: int | None, initial: int = 0) -> Progress:
    """mode: "auto" (a bar on a terminal, log lines otherwise), "bar", "log" or "none"."""
    if mode == "auto":
        mode = "bar" if sys.stderr.isatty() else "log"
    if mode == "bar":
        return BarProgress(total, initial)
    if mode == "log":
        return LogProgress(total, initial)
    return NoProgress()
