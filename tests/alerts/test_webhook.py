"""Webhook delivery against a real local HTTP receiver that goes down and comes back."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import events_from_counts
from receiver import Receiver

from marsad.alerts.detect import Alert, detect
from marsad.alerts.outbox import Outbox
from marsad.alerts.webhook import Deliverer, RetryPolicy, sign, verify
from marsad.config import Webhook

SECRET = "s3cret-كركوك"
FAST = RetryPolicy(base_delay=0.05, factor=2.0, max_delay=0.4, max_attempts=50, timeout=2.0)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver(SECRET)
    r.start()
    yield r
    r.stop()


@pytest.fixture
def alerts() -> list[Alert]:
    rows = events_from_counts([2] * 14 + [14], prefix="kir")
    rows += events_from_counts([1] * 14 + [9], prefix="diy", admin1="Diyala", admin2="Khanaqin")
    found = detect(rows)
    assert len(found) >= 4
    return found


def test_signature_round_trip() -> None:
    body = '{"a": "كركوك"}'.encode()
    header = sign(SECRET, body)
    assert header.startswith("sha256=") and verify(SECRET, body, header)
    assert not verify(SECRET, body + b" ", header) and not verify("other", body, header)


def test_receiver_down_then_back(db_url: str, receiver: Receiver, alerts: list[Alert]) -> None:
    db = db_url  # the outbox on a real SQLite file, and on PostgreSQL when one is configured
    hook = Webhook(url=receiver.url, secret=SECRET)
    receiver.stop()  # the receiver is down before anything is sent

    d1 = Deliverer(Outbox(db), [hook], FAST)
    assert d1.enqueue(alerts) == len(alerts)
    t0 = time.time()
    first = d1.deliver_due()
    assert first.sent == 0 and first.failed == len(alerts)
    pending = d1.outbox.items("pending")
    assert len(pending) == len(alerts)
    assert all(i.attempts == 1 and i.next_attempt_at >= t0 + FAST.base_delay for i in pending)
    assert all("ConnectError" in (i.last_error or "") for i in pending)

    # The sending process restarts: a new outbox object on the same file still has everything,
    # and recomputing the same alerts queues nothing new.
    d2 = Deliverer(Outbox(db), [hook], FAST)
    assert d2.enqueue(alerts) == 0
    down = d2.run(max_seconds=0.5)
    assert down.sent == 0 and down.failed >= len(alerts)
    attempts = [i.attempts for i in d2.outbox.items("pending")]
    # Exponential backoff: 0.05, 0.1, 0.2, 0.4 … so at most a handful of tries in half a second.
    assert all(2 <= a <= 6 for a in attempts), attempts

    receiver.start()  # back, on the same port
    up = d2.run(max_seconds=10)
    assert up.sent == len(alerts)
    assert d2.outbox.counts() == {"pending": 0, "delivered": len(alerts), "dead": 0}
    assert receiver.duplicates == 0 and len(receiver.posts) == len(alerts)
    assert set(receiver.accepted) == {a.id for a in alerts}
    assert all(p["signed"] for p in receiver.posts)
    body = receiver.accepted[alerts[0].id]
    assert body["type"] == "marsad.alert" and body["alert"]["event_ids"] == alerts[0].event_ids

    # Nothing delivered is ever sent again, whatever is recomputed or rerun.
    assert d2.enqueue(alerts) == 0
    again = Deliverer(Outbox(db), [hook], FAST).run(max_seconds=0.2)
    assert again.sent == 0 and len(receiver.posts) == len(alerts)


def test_lost_acknowledgement_is_retried_and_deduplicated(
    tmp_path: Path, receiver: Receiver, alerts: list[Alert]
) -> None:
    d = Deliverer(Outbox(f"sqlite:///{tmp_path / 'o.db'}"), [Webhook(receiver.url, SECRET)], FAST)
    d.enqueue(alerts[:2])
    receiver.fail_next = 2  # handles both, but the answers say 503
    report = d.run(max_seconds=10)
    assert report.sent == 2 and report.failed == 2
    assert len(receiver.posts) == 4  # each sent twice, with the same key
    assert receiver.duplicates == 2 and set(receiver.accepted) == {a.id for a in alerts[:2]}


def test_permanent_rejection_is_kept_and_can_be_requeued(
    tmp_path: Path, receiver: Receiver, alerts: list[Alert]
) -> None:
    outbox = Outbox(f"sqlite:///{tmp_path / 'o.db'}")
    d = Deliverer(outbox, [Webhook(receiver.url, "wrong secret")], FAST)
    d.enqueue(alerts[:1])
    report = d.run(max_seconds=2)
    assert report.dead == 1 and report.sent == 0
    dead = outbox.items("dead")
    assert len(dead) == 1 and dead[0].last_status == 401 and dead[0].attempts == 1
    # The operator fixes the secret and requeues: it goes through.
    assert outbox.requeue_dead() == 1
    fixed = Deliverer(outbox, [Webhook(receiver.url, SECRET)], FAST).run(max_seconds=5)
    assert fixed.sent == 1 and outbox.counts()["delivered"] == 1


def test_two_webhooks_each_get_each_alert_once(tmp_path: Path, alerts: list[Alert]) -> None:
    a, b = Receiver(SECRET), Receiver(SECRET)
    a.start()
    b.start()
    try:
        hooks = [Webhook(a.url, SECRET), Webhook(b.url, SECRET)]
        d = Deliverer(Outbox(f"sqlite:///{tmp_path / 'o.db'}"), hooks, FAST)
        assert d.enqueue(alerts) == 2 * len(alerts)
        assert d.run(max_seconds=10).sent == 2 * len(alerts)
        assert len(a.accepted) == len(b.accepted) == len(alerts)
        assert a.duplicates == b.duplicates == 0
    finally:
        a.stop()
        b.stop()


def test_two_senders_at_once_post_each_alert_once(
    tmp_path: Path, receiver: Receiver, alerts: list[Alert]
) -> None:
    """Two delivery processes on one outbox (two cron runs overlapping): no row is posted twice."""
    import threading

    db = f"sqlite:///{tmp_path / 'o.db'}"
    hook = Webhook(receiver.url, SECRET)
    Deliverer(Outbox(db), [hook], FAST).enqueue(alerts)
    receiver.delay = 0.1  # slow enough that both senders see the same due rows
    reports = []

    # A short request timeout keeps the lease short: the sender that lost a row waits for the lease
    # to end, sees the row delivered and stops.
    policy = RetryPolicy(base_delay=0.05, max_delay=0.4, timeout=0.5)

    def work() -> None:
        reports.append(Deliverer(Outbox(db), [hook], policy).run(max_seconds=10))

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(r.sent for r in reports) == len(alerts)
    assert len(receiver.posts) == len(alerts) and receiver.duplicates == 0
