"""`Store(url)`: the one object the ingest, the API, alerts and the dashboard talk to."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, select

from marsad.merge.rules import DEFAULT_POLICY, MergePolicy
from marsad.model import Document
from marsad.record import EventRecord
from marsad.store import query, write
from marsad.store.db import make_engine, migrate
from marsad.store.query import EventFilter, EventPage
from marsad.store.schema import change_log, documents, event_sources, events, rejects
from marsad.store.write import IngestReport

log = logging.getLogger(__name__)


class Store:
    """SQLite file (default) or PostgreSQL (`postgresql://…`), migrated to the newest schema on open.

    Reads may come from many threads; writes are serialised by the database (one writer).
    """

    def __init__(
        self,
        url: str = "sqlite:///marsad.db",
        *,
        policy: MergePolicy = DEFAULT_POLICY,
        replace_changed: bool = False,
    ) -> None:
        self.url = url
        self.policy = policy
        self.replace_changed = replace_changed  # a changed document replaces its stored version
        self.engine: Engine = make_engine(url)
        migrate(self.engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- writes ----
    def ingest_documents(self, docs: Iterable[Document], batch_size: int = 100) -> IngestReport:
        """Store documents with their `events` (already extracted), merging across reports.

        One transaction per batch: a crash loses at most the batch in flight, never half of it.
        Rejected documents (`doc.reject`) go to the rejects table.
        """
        total = IngestReport()
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                total.add(self.ingest_batch(batch))
                batch = []
        if batch:
            total.add(self.ingest_batch(batch))
        if total.documents:
            self.optimize()
        return total

    def optimize(self) -> None:
        """Refresh the query planner's statistics (SQLite has none until ANALYZE runs; without
        them it may pick the event-type index for a rare admin1 and scan thousands of rows)."""
        with self.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")

    def ingest_batch(self, docs: list[Document]) -> IngestReport:
        with self.engine.begin() as conn:
            return write.ingest_batch(conn, docs, self.policy, self.replace_changed)

    def delete_document(self, doc_id: str) -> dict[str, list[str]] | None:
        """Withdraw a document: its reports leave their events (deleted when none is left)."""
        with self.engine.begin() as conn:
            return write.delete_document(conn, doc_id, self.policy)

    def stored_hashes(self, ids: list[str]) -> dict[str, str]:
        """{doc_id: content hash} for the ids already stored (lets ingest skip extraction)."""
        with self.engine.connect() as conn:
            return write.known_hashes(conn, ids)

    # ---- reads ----
    def query_events(
        self, filters: EventFilter | None = None, cursor: str | None = None, limit: int = 100
    ) -> EventPage:
        with self.engine.connect() as conn:
            return query.query_events(conn, filters, cursor, limit)

    def iter_events(self, filters: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        """Every matching event as a dict (EventRecord fields + `id`), oldest first."""
        with self.engine.connect() as conn:
            yield from query.iter_events(conn, filters)

    def iter_records(self, filters: EventFilter | None = None) -> Iterator[EventRecord]:
        for d in self.iter_events(filters):
            yield query.to_record(d)

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """The event with `sources` (each report's own figures) and `evidence` spans."""
        with self.engine.connect() as conn:
            return query.get_event(conn, event_id)

    def merged_into(self, event_id: str) -> str | None:
        with self.engine.connect() as conn:
            return query.merged_into(conn, event_id)

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            return query.get_document(conn, doc_id)

    def stats(self, filters: EventFilter | None = None) -> dict[str, Any]:
        with self.engine.connect() as conn:
            return query.stats(conn, filters)

    def changes(self, since: int | datetime | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return query.changes(conn, since, limit)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for t in (documents, events, event_sources, rejects, change_log)
            }

    def rejects(self, limit: int = 1000) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(rejects).order_by(rejects.c.id).limit(limit)).all()
            return [dict(r._mapping) for r in rows]
