"""A persistent outbox: one row per (alert, webhook), kept until the receiver acknowledged it.

The outbox lives in a table of the marsad database (SQLite file or PostgreSQL, same URL as the
store), so a pending delivery survives a restart of the process, and an alert computed again is
not queued twice (the primary key is the alert id and the webhook URL). Rows are never deleted by
delivery: a delivered row keeps `delivered_at`, a row that gave up keeps `state = 'dead'` and its
last error, so nothing is lost and an operator can requeue it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    and_,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from marsad.errors import ErrorCode, MarsadError
from marsad.store.db import make_engine
from marsad.store.schema import alert_outbox

# The table belongs to the store's schema (migration 0005); a database that is not a store (an
# outbox of its own) gets just this table on first use.
outbox_table = alert_outbox


@dataclass(frozen=True)
class OutboxItem:
    alert_id: str
    webhook_url: str
    payload: str
    state: str
    attempts: int
    next_attempt_at: float
    delivered_at: float | None
    last_status: int | None
    last_error: str | None


def _item(row: Any) -> OutboxItem:
    m = row._mapping
    return OutboxItem(
        alert_id=m["alert_id"],
        webhook_url=m["webhook_url"],
        payload=m["payload"],
        state=m["state"],
        attempts=m["attempts"],
        next_attempt_at=m["next_attempt_at"],
        delivered_at=m["delivered_at"],
        last_status=m["last_status"],
        last_error=m["last_error"],
    )


class Outbox:
    def __init__(self, url_or_engine: str | Engine) -> None:
        try:
            # The store's engine rules: postgresql:// -> psycopg 3, a bare path or sqlite:/// -> SQLite
            # in WAL mode with a busy timeout, so the outbox and the store share one file safely.
            self.engine = make_engine(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
            outbox_table.create(self.engine, checkfirst=True)
        except SQLAlchemyError as exc:
            raise MarsadError(ErrorCode.DATABASE, f"cannot open the alert outbox: {exc}") from exc

    def add(self, alert_id: str, webhook_url: str, payload: dict[str, Any], now: float | None = None) -> bool:
        """Queue one delivery; False when this alert is already queued (or sent) to this webhook."""
        now = time.time() if now is None else now
        body = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        try:
            with self.engine.begin() as conn:
                exists = conn.execute(
                    select(outbox_table.c.alert_id).where(
                        and_(
                            outbox_table.c.alert_id == alert_id,
                            outbox_table.c.webhook_url == webhook_url,
                        )
                    )
                ).first()
                if exists:
                    return False
                conn.execute(
                    insert(outbox_table).values(
                        alert_id=alert_id,
                        webhook_url=webhook_url,
                        payload=body,
                        state="pending",
                        attempts=0,
                        created_at=now,
                        next_attempt_at=now,
                    )
                )
        except IntegrityError:
            # Another process queued it between our check and our insert: same outcome.
            return False
        return True

    def add_many(self, items: Iterable[tuple[str, str, dict[str, Any]]], now: float | None = None) -> int:
        return sum(self.add(a, u, p, now) for a, u, p in items)

    def due(
        self, now: float | None = None, limit: int = 100, urls: Iterable[str] | None = None
    ) -> list[OutboxItem]:
        """Pending deliveries whose retry time has come (only to `urls` when given)."""
        now = time.time() if now is None else now
        q = (
            select(outbox_table)
            .where(and_(outbox_table.c.state == "pending", outbox_table.c.next_attempt_at <= now))
            .order_by(outbox_table.c.next_attempt_at, outbox_table.c.alert_id)
            .limit(limit)
        )
        if urls is not None:
            q = q.where(outbox_table.c.webhook_url.in_(list(urls)))
        with self.engine.connect() as conn:
            return [_item(r) for r in conn.execute(q)]

    def next_due_at(self, urls: Iterable[str] | None = None) -> float | None:
        q = select(outbox_table.c.next_attempt_at).where(outbox_table.c.state == "pending")
        if urls is not None:
            q = q.where(outbox_table.c.webhook_url.in_(list(urls)))
        with self.engine.connect() as conn:
            times = [r[0] for r in conn.execute(q)]
        return min(times) if times else None

    def _set(self, item: OutboxItem, **values: Any) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(outbox_table)
                .where(
                    and_(
                        outbox_table.c.alert_id == item.alert_id,
                        outbox_table.c.webhook_url == item.webhook_url,
                    )
                )
                .values(**values)
            )

    def claim(self, item: OutboxItem, lease_until: float) -> bool:
        """Take a due delivery for this worker until `lease_until`.

        A conditional update on the retry time the worker read: if another worker (another
        `marsad alerts --deliver`, a second API process) claimed or changed the row since, nothing
        is updated and this worker skips it, so two senders never post the same row at once.
        """
        with self.engine.begin() as conn:
            res = conn.execute(
                update(outbox_table)
                .where(
                    and_(
                        outbox_table.c.alert_id == item.alert_id,
                        outbox_table.c.webhook_url == item.webhook_url,
                        outbox_table.c.state == "pending",
                        outbox_table.c.next_attempt_at == item.next_attempt_at,
                    )
                )
                .values(next_attempt_at=lease_until)
            )
            return int(res.rowcount or 0) == 1

    def mark_delivered(self, item: OutboxItem, status: int, now: float | None = None) -> None:
        now = time.time() if now is None else now
        self._set(
            item,
            state="delivered",
            attempts=item.attempts + 1,
            delivered_at=now,
            last_status=status,
            last_error=None,
        )

    def mark_failed(
        self, item: OutboxItem, next_at: float, status: int | None, error: str, dead: bool
    ) -> None:
        self._set(
            item,
            state="dead" if dead else "pending",
            attempts=item.attempts + 1,
            next_attempt_at=next_at,
            last_status=status,
            last_error=error[:2000],
        )

    def requeue_dead(self, now: float | None = None) -> int:
        """Put every dead delivery back in the queue (after the operator fixed the receiver)."""
        now = time.time() if now is None else now
        with self.engine.begin() as conn:
            res = conn.execute(
                update(outbox_table)
                .where(outbox_table.c.state == "dead")
                .values(state="pending", attempts=0, next_attempt_at=now)
            )
            return int(res.rowcount or 0)

    def items(self, state: str | None = None) -> list[OutboxItem]:
        q = select(outbox_table).order_by(outbox_table.c.created_at, outbox_table.c.alert_id)
        if state is not None:
            q = q.where(outbox_table.c.state == state)
        with self.engine.connect() as conn:
            return [_item(r) for r in conn.execute(q)]

    def counts(self) -> dict[str, int]:
        out = {"pending": 0, "delivered": 0, "dead": 0}
        for item in self.items():
            out[item.state] = out.get(item.state, 0) + 1
        return out
