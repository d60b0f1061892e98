"""The stage interface shared by every executor (in-process, process pool, Ray).

Modelled on datatrove: a stage is a small picklable object with `run(docs) -> docs` over an
iterator. It loads heavy resources lazily in `setup()` (once per worker, never at import or in
`__init__`), keeps no global mutable state, and counts what it forwarded and what it dropped, by
reason. A document a stage cannot handle gets `doc.reject` set and is passed on, so a sink can
write it to the reject file: one bad document never stops a run.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from marsad.errors import ErrorCode, Reject
from marsad.model import Document

log = logging.getLogger(__name__)


@dataclass
class StageStats:
    name: str
    docs_in: int = 0
    docs_out: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    extra: Counter[str] = field(default_factory=Counter)  # stage-specific counts (e.g. events)

    def merge(self, other: StageStats) -> None:
        self.docs_in += other.docs_in
        self.docs_out += other.docs_out
        self.rejected.update(other.rejected)
        self.seconds += other.seconds
        self.extra.update(other.extra)

    def to_dict(self) -> dict[str, object]:
        return {
            "stage": self.name,
            "docs_in": self.docs_in,
            "docs_out": self.docs_out,
            "rejected": dict(self.rejected),
            "seconds": round(self.seconds, 3),
            **{k: v for k, v in self.extra.items()},
        }


class Stage:
    """Base class. Subclasses override `process` (one document) or `run` (the whole stream)."""

    name: str = "stage"
    version: str = "1"

    def __init__(self) -> None:
        self._ready = False
        self.stats = StageStats(self.name)

    def setup(self) -> None:
        """Load resources. Called once per worker before the first document."""

    def ensure_ready(self) -> None:
        if not self._ready:
            self.setup()
            self._ready = True

    def process(self, doc: Document) -> Document:
        return doc

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        self.ensure_ready()
        for doc in docs:
            self.stats.docs_in += 1
            if doc.reject is not None:
                yield doc
                continue
            t0 = time.perf_counter()
            try:
                doc = self.process(doc)
            except Exception as exc:  # a bug in a stage must not stop the run: reject and go on
                log.exception("stage %s failed on %s", self.name, doc.id)
                doc.reject = Reject(
                    code=ErrorCode.PROCESSING.value,
                    message=f"{self.name}: {type(exc).__name__}: {exc}",
                    doc_id=doc.id,
                    origin=doc.origin,
                )
            self.stats.seconds += time.perf_counter() - t0
            if doc.reject is not None:
                self.stats.rejected[doc.reject.code] += 1
            else:
                self.stats.docs_out += 1
            yield doc

    def __getstate__(self) -> dict[str, object]:
        # Resources are rebuilt per worker: never pickle what setup() loaded.
        state = {k: v for k, v in self.__dict__.items() if not k.startswith("_res_")}
        state["_ready"] = False
        return state


def run_stages(stages: list[Stage], docs: Iterable[Document]) -> Iterator[Document]:
    stream: Iterable[Document] = docs
    for stage in stages:
        stream = stage.run(stream)
    yield from stream
