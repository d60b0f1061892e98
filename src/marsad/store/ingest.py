"""Ingest: read inputs -> extract events -> store (with cross-report merging), batch by batch.

Documents already stored with the same content are skipped BEFORE extraction, so re-running (or
resuming after a crash) costs a read and a lookup per document. Each batch is one transaction.
Bad documents go to the rejects table and, when asked, to a reject file (JSON Lines).

A document whose JSON line carries an `events` list (EventRecords, e.g. from `marsad extract
--format jsonl` joined to its document, or from `marsad batch`) is stored with those events and
not extracted again.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from marsad.config import Settings
from marsad.errors import ErrorCode, Reject
from marsad.model import Document
from marsad.record import EventRecord
from marsad.stage import Stage, run_stages
from marsad.store.core import Store
from marsad.store.write import IngestReport, content_hash

log = logging.getLogger(__name__)

Extractor = Callable[[list[Document]], Iterable[Document]]


def pipeline_extractor() -> Extractor | None:
    """The project's ONE extraction stage list (marsad.pipeline), or None until extraction exists.

    The stages are built on first use: a re-run that only skips stored documents, or an input
    with pre-extracted events, never loads the extraction resources.
    """
    if importlib.util.find_spec("marsad.extract") is None:
        return None
    stages: list[Stage] = []

    def run(docs: list[Document]) -> Iterable[Document]:
        if not stages:
            from marsad.pipeline import extraction_stages

            stages.extend(extraction_stages())
        return run_stages(stages, docs)

    return run


def category_filter(category: str) -> Callable[[Document], bool]:
    """ANT-style corpora: `category` field, or the category inside the id ("AL-middleEast-12-...")."""

    def keep(doc: Document) -> bool:
        return doc.meta.get("category") == category or f"-{category}-" in doc.id

    return keep


def _pre_extracted(doc: Document) -> list[EventRecord] | None:
    raw = doc.meta.get("events")
    if raw is None:
        return None
    if not isinstance(raw, list):
        raise ValueError("`events` is not a list")
    return [EventRecord.model_validate(e) for e in raw]


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while batch := list(islice(it, size)):
        yield batch


def ingest_documents(
    store: Store,
    docs: Iterable[Document],
    *,
    extractor: Extractor | None = None,
    batch_size: int = 100,
    on_reject: Callable[[Document], None] | None = None,
    on_batch: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    total = IngestReport()
    for batch in _batches(docs, batch_size):
        known = store.stored_hashes([d.id for d in batch if d.ok])
        todo: list[Document] = []
        for doc in batch:
            if not doc.ok or known.get(doc.id) == content_hash(doc):
                continue  # rejected by the reader, or already stored: nothing to extract
            try:
                events = _pre_extracted(doc)
            except (ValueError, ValidationError) as exc:
                doc.reject = Reject(
                    ErrorCode.PROCESSING, f"bad pre-extracted events: {exc}"[:500], doc.id, doc.origin
                )
                continue
            if events is not None:
                doc.events = events
            elif extractor is not None:
                todo.append(doc)
        if todo and extractor is not None:
            list(extractor(todo))  # stages fill doc.events, or set doc.reject (E_PROCESSING)
        if on_reject is not None:
            for doc in batch:
                if not doc.ok:
                    on_reject(doc)
        rep = store.ingest_batch(batch)
        total.add(rep)
        if on_batch is not None:
            on_batch(rep)
    if total.documents:
        store.optimize()
    return total


def ingest_paths(
    store: Store,
    inputs: Sequence[str | Path],
    *,
    settings: Settings | None = None,
    batch_size: int = 100,
    keep: Callable[[Document], bool] | None = None,
    limit: int | None = None,
    extractor: Extractor | Any | None = "pipeline",
    on_reject: Callable[[Document], None] | None = None,
    on_batch: Callable[[IngestReport], None] | None = None,
    exclude: Sequence[str | Path] = (),
) -> IngestReport:
    """Read `inputs` with marsad.io.read_inputs and ingest them (see module doc).

    `exclude`: files this run writes (the reject file), never read as inputs."""
    from marsad.io import read_inputs

    docs: Iterable[Document] = read_inputs(inputs, settings, exclude=exclude)
    if keep is not None:
        docs = (d for d in docs if keep(d))
    if limit is not None:
        docs = islice(docs, limit)
    ext = pipeline_extractor() if extractor == "pipeline" else extractor
    return ingest_documents(
        store, docs, extractor=ext, batch_size=batch_size, on_reject=on_reject, on_batch=on_batch
    )
