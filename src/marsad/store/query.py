"""The read path: filters, keyset (cursor) pagination, detail views, statistics, change feed.

List queries are ordered newest first by (event_date, id) and paged with an opaque cursor that
holds the last row's key, so page N costs the same as page 1 and rows added meanwhile do not
shift the pages. Every filter has an index (see schema).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Select, and_, exists, func, or_, select

from marsad.errors import ErrorCode, MarsadError
from marsad.merge.text import search_key
from marsad.record import EventRecord
from marsad.store.schema import change_log, documents, event_sources, events, evidence

MAX_LIMIT = 500
# What an event row shows (internal bookkeeping columns stay in the database).
EVENT_COLS = [c for c in events.c if c.name not in ("updated_at", "created_seq", "actors_key")]


def bad(message: str) -> MarsadError:
    return MarsadError(ErrorCode.BAD_PARAMETER, message)


@dataclass
class EventFilter:
    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None  # substring of actor1 / actor2 / associated actors, case-insensitive
    min_fatalities: int | None = None
    q: str | None = None  # words that must all occur in a source text (Arabic-normalised)
    ids: list[str] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in self.__dict__.items() if v}


@dataclass
class EventPage:
    events: list[dict[str, Any]]
    next_cursor: str | None
    limit: int
    filters: dict[str, Any] = field(default_factory=dict)


def _like_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def apply_filters(q: Select[Any], f: EventFilter | None) -> Select[Any]:
    if f is None:
        return q
    e = events.c
    if f.date_from:
        q = q.where(e.event_date >= f.date_from.isoformat())
    if f.date_to:
        q = q.where(e.event_date <= f.date_to.isoformat())
    for name in ("country", "admin1", "admin2", "event_type", "sub_event_type"):
        value = getattr(f, name)
        if value:
            q = q.where(e[name] == value)
    if f.min_fatalities is not None:
        q = q.where(e.fatalities >= f.min_fatalities)
    if f.actor:
        q = q.where(e.actors_key.like(f"%{_like_escape(f.actor.lower())}%", escape="\\"))
    if f.ids:
        q = q.where(e.id.in_(f.ids))
    if f.q:
        words = search_key(f.q).split()
        if not words:
            raise bad("q has no searchable words")
        cond = and_(*(documents.c.text_norm.like(f"%{_like_escape(w)}%", escape="\\") for w in words[:10]))
        q = q.where(
            exists(
                select(1)
                .select_from(event_sources.join(documents, documents.c.id == event_sources.c.doc_id))
                .where(event_sources.c.event_id == e.id, cond)
            )
        )
    return q


def encode_cursor(event_date: str, event_id: str) -> str:
    raw = json.dumps([event_date, event_id], ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        d, i = json.loads(raw)
        date.fromisoformat(d)
        if not isinstance(i, str):
            raise TypeError(i)
        return d, i
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError) as exc:
        raise bad("cursor is not one this server issued") from exc


def event_dict(row: Any) -> dict[str, Any]:
    d = dict(row._mapping)
    d["event_id_cnty"] = d["id"]
    for k in ("updated_at", "created_seq"):
        d.pop(k, None)
    d.setdefault("evidence", [])
    return d


def query_events(conn: Connection, f: EventFilter | None, cursor: str | None, limit: int) -> EventPage:
    if not 1 <= limit <= MAX_LIMIT:
        raise bad(f"limit must be between 1 and {MAX_LIMIT}")
    q = apply_filters(select(*EVENT_COLS), f)
    if cursor:
        d, i = decode_cursor(cursor)
        q = q.where(or_(events.c.event_date < d, and_(events.c.event_date == d, events.c.id < i)))
    rows = conn.execute(q.order_by(events.c.event_date.desc(), events.c.id.desc()).limit(limit + 1)).all()
    more = len(rows) > limit
    items = [event_dict(r) for r in rows[:limit]]
    nxt = encode_cursor(items[-1]["event_date"], items[-1]["id"]) if more else None
    return EventPage(items, nxt, limit, f.to_dict() if f else {})


def iter_events(conn: Connection, f: EventFilter | None, chunk: int = 1000) -> Iterator[dict[str, Any]]:
    """Every matching event, oldest first, read in keyset chunks (constant memory)."""
    last: tuple[str, str] | None = None
    while True:
        q = apply_filters(select(*EVENT_COLS), f)
        if last:
            q = q.where(
                or_(
                    events.c.event_date > last[0], and_(events.c.event_date == last[0], events.c.id > last[1])
                )
            )
        rows = conn.execute(q.order_by(events.c.event_date, events.c.id).limit(chunk)).all()
        for r in rows:
            yield event_dict(r)
        if len(rows) < chunk:
            return
        last = (rows[-1].event_date, rows[-1].id)


def to_record(d: dict[str, Any]) -> EventRecord:
    data = {k: v for k, v in d.items() if k in EventRecord.model_fields}
    return EventRecord.model_validate(data)


def get_event(conn: Connection, event_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(*EVENT_COLS).where(events.c.id == event_id)).first()
    if row is None:
        return None
    d = event_dict(row)
    src = conn.execute(
        select(
            event_sources.c.doc_id,
            event_sources.c.position,
            event_sources.c.outlet,
            event_sources.c.event_date,
            event_sources.c.fatalities,
            event_sources.c.injured,
            event_sources.c.record,
            documents.c.title,
            documents.c.url,
            documents.c.published,
        )
        .join(documents, documents.c.id == event_sources.c.doc_id)
        .where(event_sources.c.event_id == event_id)
        .order_by(event_sources.c.seq)
    ).all()
    d["sources"] = [
        {
            "doc_id": s.doc_id,
            "position": s.position,
            "outlet": s.outlet,
            "title": s.title,
            "url": s.url,
            "published": s.published,
            "event_date": s.event_date,
            "fatalities": s.fatalities,
            "injured": s.injured,
            "sub_event_type": s.record.get("sub_event_type"),
            "location": s.record.get("location"),
            "notes": s.record.get("notes"),
        }
        for s in src
    ]
    ev = conn.execute(select(evidence).where(evidence.c.event_id == event_id).order_by(evidence.c.id)).all()
    d["evidence"] = [
        {"field": e.field, "doc_id": e.doc_id, "start": e.start_char, "end": e.end_char, "text": e.text}
        for e in ev
    ]
    return d


def merged_into(conn: Connection, event_id: str) -> str | None:
    """The event an id was merged into, following chains of merges."""
    seen = {event_id}
    current = event_id
    while True:
        row = conn.execute(
            select(change_log.c.into_id)
            .where(change_log.c.event_id == current, change_log.c.kind == "merged")
            .order_by(change_log.c.seq.desc())
            .limit(1)
        ).first()
        if row is None:
            return None if current == event_id else current
        current = row.into_id
        if current in seen:
            return None
        seen.add(current)


def get_document(conn: Connection, doc_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
    if row is None:
        return None
    d = dict(row._mapping)
    d.pop("text_norm", None)
    ids = conn.execute(
        select(event_sources.c.event_id)
        .where(event_sources.c.doc_id == doc_id)
        .order_by(event_sources.c.position)
    ).scalars()
    d["event_ids"] = list(dict.fromkeys(ids))
    return d


def _iso_week(day: str) -> str:
    y, w, _ = date.fromisoformat(day).isocalendar()
    return f"{y}-W{w:02d}"


def stats(conn: Connection, f: EventFilter | None) -> dict[str, Any]:
    """Counts and fatalities in total, by day / ISO week / month, by admin unit and by event type."""
    e = events.c
    n, fat = func.count(), func.coalesce(func.sum(e.fatalities), 0)
    total = conn.execute(apply_filters(select(n, fat), f)).one()
    by_day = conn.execute(
        apply_filters(select(e.event_date, n, fat), f).group_by(e.event_date).order_by(e.event_date)
    ).all()
    weeks: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for d, c, s in by_day:
        for key, acc in ((_iso_week(d), weeks), (d[:7], months)):
            acc[key][0] += c
            acc[key][1] += int(s)

    def grouped(*cols: Any) -> list[dict[str, Any]]:
        q = apply_filters(select(*cols, n.label("events"), fat.label("fatalities")), f).group_by(*cols)
        rows = conn.execute(q.order_by(n.desc())).all()
        return [dict(r._mapping) for r in rows]

    return {
        "events": int(total[0]),
        "fatalities": int(total[1]),
        "by_day": [{"period": d, "events": c, "fatalities": int(s)} for d, c, s in by_day],
        "by_week": [{"period": k, "events": v[0], "fatalities": v[1]} for k, v in sorted(weeks.items())],
        "by_month": [{"period": k, "events": v[0], "fatalities": v[1]} for k, v in sorted(months.items())],
        "by_country": grouped(e.country),
        "by_admin1": grouped(e.country, e.admin1),
        "by_admin2": grouped(e.country, e.admin1, e.admin2),
        "by_event_type": grouped(e.event_type),
    }


def changes(conn: Connection, since: int | datetime | None, limit: int) -> list[dict[str, Any]]:
    if not 1 <= limit <= 10_000:
        raise bad("limit must be between 1 and 10000")
    q = select(change_log)
    if isinstance(since, datetime):
        # Times are stored in UTC (SQLite keeps no offset): compare in UTC.
        q = q.where(change_log.c.at > (since.astimezone(UTC) if since.tzinfo else since))
    elif since is not None:
        q = q.where(change_log.c.seq > since)
    rows = conn.execute(q.order_by(change_log.c.seq).limit(limit)).all()
    return [dict(r._mapping) for r in rows]
