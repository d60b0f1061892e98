"""The write path: documents, their events, cross-report merging and the change log.

Everything for one batch of documents happens in ONE transaction (the caller's `engine.begin()`),
so a killed process leaves either the whole batch or none of it. A document already stored with
the same content is skipped, which makes a re-run (or a resumed run) change nothing.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from marsad.errors import ErrorCode, Reject
from marsad.merge.combine import combine
from marsad.merge.rules import DEFAULT_POLICY, MergePolicy, Report, cluster_score, clusters_compatible
from marsad.merge.text import match_text, search_key
from marsad.model import Document
from marsad.record import EventRecord
from marsad.store.schema import change_log, documents, event_sources, events, evidence, rejects

log = logging.getLogger(__name__)

# EventRecord fields stored as event columns (event_id_cnty is the `id`; evidence has its table).
EVENT_COLUMNS = tuple(
    f for f in EventRecord.model_fields if f not in ("event_id_cnty", "evidence") and f in events.c
)


@dataclass
class IngestReport:
    documents: int = 0  # new documents stored
    unchanged: int = 0  # already stored with the same content (re-run / resume)
    rejected: int = 0
    events_created: int = 0
    events_updated: int = 0  # a new report joined an existing event
    events_merged: int = 0  # existing events folded into another one
    replaced: int = 0  # stored documents whose content changed, stored again (replace_changed)
    reject_codes: dict[str, int] = field(default_factory=dict)

    def add(self, other: IngestReport) -> None:
        for k in (
            "documents",
            "unchanged",
            "rejected",
            "events_created",
            "events_updated",
            "events_merged",
            "replaced",
        ):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        for code, n in other.reject_codes.items():
            self.reject_codes[code] = self.reject_codes.get(code, 0) + n

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def content_hash(doc: Document) -> str:
    h = hashlib.sha256()
    h.update((doc.title or "").encode("utf-8"))
    h.update(b"\x00")
    h.update(doc.text.encode("utf-8"))
    return h.hexdigest()


def now() -> datetime:
    return datetime.now(UTC)


def stable_event_id(record: EventRecord, doc_id: str, position: int) -> str:
    """The extractor's deterministic id; a hash of (document, position) when it gives none."""
    if record.event_id_cnty:
        return record.event_id_cnty[:64]
    return "MRS" + hashlib.sha1(f"{doc_id}#{position}".encode()).hexdigest()[:12].upper()


def add_reject(conn: Connection, rej: Reject, report: IngestReport) -> None:
    key = hashlib.sha1(f"{rej.origin}\x00{rej.doc_id}\x00{rej.code}".encode()).hexdigest()
    exists = conn.execute(select(rejects.c.id).where(rejects.c.key == key)).first()
    report.rejected += 1
    report.reject_codes[rej.code] = report.reject_codes.get(rej.code, 0) + 1
    if exists:
        return
    conn.execute(
        insert(rejects).values(
            key=key,
            doc_id=rej.doc_id,
            origin=rej.origin,
            code=rej.code,
            message=rej.message,
            excerpt=(rej.excerpt or "")[:500] or None,
            at=now(),
        )
    )


ACTOR_FIELDS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "actor1_ar", "actor2_ar")


def actors_key(values: dict[str, Any]) -> str:
    """The `actors_key` column: all actor names, lower-cased, for the API's actor filter."""
    return "|".join(str(values.get(f) or "") for f in ACTOR_FIELDS).lower()


def _event_values(rec: EventRecord) -> dict[str, Any]:
    data = rec.model_dump(mode="json")
    values = {c: data[c] for c in EVENT_COLUMNS}
    values["actors_key"] = actors_key(values)
    return values


def _source_report(row: Any) -> Report:
    rec = EventRecord.model_validate(row.record)
    return Report(rec, row.match_text or "", frozenset([row.doc_id]))


class _BatchWriter:
    """Writes one batch inside the caller's transaction, with as few round trips as it can:
    sequence counters are read once per batch and the change log is written in one statement."""

    def __init__(self, conn: Connection, policy: MergePolicy, report: IngestReport) -> None:
        self.conn, self.policy, self.report = conn, policy, report
        self.source_seq = self._max(event_sources.c.seq)
        self.created_seq = self._max(events.c.created_seq)
        self.log_rows: list[dict[str, Any]] = []

    def _max(self, column: Any) -> int:
        return int(self.conn.execute(select(func.coalesce(func.max(column), 0))).scalar_one())

    def log(self, event_id: str, kind: str, into: str | None = None) -> None:
        self.log_rows.append({"event_id": event_id, "kind": kind, "into_id": into, "at": now()})

    def flush(self) -> None:
        if self.log_rows:
            self.conn.execute(insert(change_log), self.log_rows)
            self.log_rows = []

    def candidates(self, rec: EventRecord) -> dict[str, tuple[int, list[Report]]]:
        """Reports of existing events in the same block: same country, event date within the window."""
        d = date.fromisoformat(rec.event_date)
        lo = (d - timedelta(days=self.policy.max_days)).isoformat()
        hi = (d + timedelta(days=self.policy.max_days)).isoformat()
        q = (
            select(
                event_sources.c.event_id,
                events.c.created_seq,
                event_sources.c.doc_id,
                event_sources.c.record,
                event_sources.c.match_text,
            )
            .join(events, events.c.id == event_sources.c.event_id)
            .where(events.c.country == rec.country, events.c.event_date.between(lo, hi))
            .order_by(events.c.created_seq, event_sources.c.seq)
        )
        out: dict[str, tuple[int, list[Report]]] = {}
        for row in self.conn.execute(q):
            out.setdefault(row.event_id, (row.created_seq, []))[1].append(_source_report(row))
        return out

    def refresh_event(self, event_id: str) -> None:
        """Recompute a merged event from all its reports (earliest first)."""
        rows = self.conn.execute(
            select(event_sources.c.doc_id, event_sources.c.record, event_sources.c.match_text)
            .where(event_sources.c.event_id == event_id)
            .order_by(event_sources.c.seq)
        ).all()
        merged = combine([_source_report(r) for r in rows], event_id=event_id)
        values = _event_values(merged)
        values["updated_at"] = now()
        values["timestamp"] = int(values["updated_at"].timestamp())
        self.conn.execute(update(events).where(events.c.id == event_id).values(**values))

    def store_event(self, doc: Document, position: int, rec: EventRecord) -> str:
        conn, report = self.conn, self.report
        # The report as this document told it; outlet/doc_ids filled in if the extractor left them out.
        rec = rec.model_copy(
            update={"doc_ids": rec.doc_ids or [doc.id], "source": rec.source or doc.outlet or doc.id}
        )
        text = match_text(rec, doc.text)
        mine = Report(rec, text, frozenset([doc.id]))
        matches: list[tuple[int, str]] = []
        found = self.candidates(rec)
        for event_id, (created, members) in found.items():
            sc = cluster_score(mine, members, self.policy)
            if sc is not None and sc >= self.policy.threshold:
                matches.append((created, event_id))
        self.source_seq += 1
        if matches:
            matches.sort()
            event_id = matches[0][1]
            group = [*found[event_id][1], mine]
            folded = []
            for _, other in matches[1:]:
                if clusters_compatible(group, found[other][1], self.policy):
                    folded.append(other)
                    group += found[other][1]
            for other in folded:  # this report bridges several events: fold them into the earliest
                conn.execute(
                    update(event_sources).where(event_sources.c.event_id == other).values(event_id=event_id)
                )
                conn.execute(update(evidence).where(evidence.c.event_id == other).values(event_id=event_id))
                conn.execute(delete(events).where(events.c.id == other))
                self.log(other, "merged", event_id)
                report.events_merged += 1
        else:
            event_id = stable_event_id(rec, doc.id, position)
            if conn.execute(select(events.c.id).where(events.c.id == event_id)).first():
                event_id = stable_event_id(rec.model_copy(update={"event_id_cnty": ""}), doc.id, position)
            self.created_seq += 1
            values = _event_values(rec)
            values.update(id=event_id, created_seq=self.created_seq, updated_at=now())
            values["timestamp"] = int(values["updated_at"].timestamp())
            conn.execute(insert(events).values(**values))
        conn.execute(
            insert(event_sources).values(
                doc_id=doc.id,
                position=position,
                event_id=event_id,
                seq=self.source_seq,
                outlet=doc.outlet,
                event_date=rec.event_date,
                fatalities=rec.fatalities,
                injured=rec.injured,
                record=json.loads(rec.model_dump_json(exclude={"evidence"})),
                match_text=text,
            )
        )
        spans = [
            {
                "event_id": event_id,
                "doc_id": doc.id,
                "position": position,
                "field": ev.field,
                "start_char": ev.start,
                "end_char": ev.end,
                "text": ev.text,
            }
            for ev in rec.evidence
        ]
        if spans:
            conn.execute(insert(evidence), spans)
        if matches:
            self.refresh_event(event_id)
            self.log(event_id, "updated")
            report.events_updated += 1
        else:
            self.log(event_id, "created")
            report.events_created += 1
        return event_id


def _check_events(doc: Document) -> str | None:
    """What the write path relies on beyond EventRecord's own validation (None when fine)."""
    for i, rec in enumerate(doc.events):
        try:
            date.fromisoformat(rec.event_date)
        except ValueError:
            return f"event {i}: event_date {rec.event_date!r} is not YYYY-MM-DD"
        for ev in rec.evidence:
            if not 0 <= ev.start <= ev.end <= len(doc.text):
                return f"event {i}: evidence for {ev.field!r} [{ev.start}, {ev.end}) is outside the text"
    return None


def known_hashes(conn: Connection, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = conn.execute(select(documents.c.id, documents.c.content_hash).where(documents.c.id.in_(ids)))
    return {r.id: r.content_hash for r in rows}


def ingest_batch(
    conn: Connection,
    docs: list[Document],
    policy: MergePolicy = DEFAULT_POLICY,
    replace_changed: bool = False,
) -> IngestReport:
    """Store one batch inside the caller's transaction.

    A document whose id is stored with other content is rejected (E_DUPLICATE_ID), or, with
    `replace_changed`, withdrawn and stored again (an outlet updated its article): its old reports
    leave their events, the new ones merge as usual, and the change log shows both.
    """
    report = IngestReport()
    writer = _BatchWriter(conn, policy, report)
    stored = known_hashes(conn, [d.id for d in docs if d.reject is None])
    for doc in docs:
        if doc.reject is not None:
            add_reject(conn, doc.reject, report)
            continue
        h = content_hash(doc)
        if doc.id in stored and stored[doc.id] == h:
            report.unchanged += 1
            continue
        if doc.id in stored and not replace_changed:
            msg = "a document with this id is already stored with different content"
            add_reject(conn, Reject(ErrorCode.DUPLICATE_ID, msg, doc.id, doc.origin), report)
            continue
        problem = _check_events(doc)
        if problem:  # checked before any write: a bad record must not abort the whole batch
            add_reject(conn, Reject(ErrorCode.PROCESSING, problem, doc.id, doc.origin), report)
            continue
        if doc.id in stored:
            writer.flush()  # keep the change log in order
            delete_document(conn, doc.id, policy)
            report.replaced += 1
        conn.execute(
            insert(documents).values(
                id=doc.id,
                outlet=doc.outlet,
                url=doc.url,
                published=doc.published.isoformat() if doc.published else None,
                title=doc.title,
                text=doc.text,
                text_norm=search_key(f"{doc.title or ''}\n{doc.text}"),
                content_hash=h,
                reader=doc.reader,
                origin=doc.origin,
                n_events=len(doc.events),
                ingested_at=now(),
            )
        )
        stored[doc.id] = h
        report.documents += 1
        for position, rec in enumerate(doc.events):
            writer.store_event(doc, position, rec)
    writer.flush()
    return report


def delete_document(
    conn: Connection, doc_id: str, policy: MergePolicy = DEFAULT_POLICY
) -> dict[str, list[str]] | None:
    """Remove a document and its reports. An event left without reports is deleted; an event that
    still has others is recomputed from them. Both go to the change log. None if unknown."""
    if conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first() is None:
        return None
    writer = _BatchWriter(conn, policy, IngestReport())
    touched = list(
        dict.fromkeys(
            conn.execute(
                select(event_sources.c.event_id)
                .where(event_sources.c.doc_id == doc_id)
                .order_by(event_sources.c.seq)
            ).scalars()
        )
    )
    conn.execute(delete(evidence).where(evidence.c.doc_id == doc_id))
    conn.execute(delete(event_sources).where(event_sources.c.doc_id == doc_id))
    conn.execute(delete(documents).where(documents.c.id == doc_id))
    out: dict[str, list[str]] = {"deleted": [], "updated": []}
    for event_id in touched:
        left = conn.execute(select(func.count()).where(event_sources.c.event_id == event_id)).scalar_one()
        if left:
            writer.refresh_event(event_id)
            writer.log(event_id, "updated")
            out["updated"].append(event_id)
        else:
            conn.execute(delete(events).where(events.c.id == event_id))
            writer.log(event_id, "deleted")
            out["deleted"].append(event_id)
    writer.flush()
    return out
