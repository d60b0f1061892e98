"""Outgoing webhooks: signed HTTP POSTs from the outbox, with retries and exponential backoff.

What a receiver gets for each alert:

* body: `{"type": "marsad.alert", "alert": {...}}` (the same JSON as `GET /alerts` returns);
* `X-Marsad-Signature: sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the webhook's
  secret, so the receiver can check the sender (compare with `hmac.compare_digest`);
* `Idempotency-Key: <alert id>`: the same on every retry. If our process dies after the receiver
  handled a POST but before we stored the acknowledgement, the retry carries the same key and the
  receiver can drop it; nothing the outbox marked delivered is ever sent again.

A 2xx answer is an acknowledgement. Connection errors, timeouts, 408, 429 and 5xx are retried
after base * factor**attempts seconds (capped); other 4xx answers mean the receiver will never take
this body, so the row goes to `dead` at once (kept, with the error, for an operator).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import httpx

from marsad.alerts.detect import Alert
from marsad.alerts.outbox import Outbox, OutboxItem
from marsad.config import Webhook

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Marsad-Signature"
IDEMPOTENCY_HEADER = "Idempotency-Key"
RETRYABLE_4XX = {408, 425, 429}


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, header: str) -> bool:
    """For receivers (and tests): does `header` sign `body` with `secret`?"""
    return hmac.compare_digest(sign(secret, body), header or "")


@dataclass(frozen=True)
class RetryPolicy:
    base_delay: float = 30.0  # seconds before the first retry
    factor: float = 2.0
    max_delay: float = 3600.0
    max_attempts: int = 25  # then the row is kept as "dead" (about 20 hours with the defaults)
    timeout: float = 10.0  # per request

    def delay(self, attempts_done: int) -> float:
        return float(min(self.max_delay, self.base_delay * self.factor ** max(0, attempts_done - 1)))


def payload_of(alert: Alert) -> dict[str, object]:
    return {"type": "marsad.alert", "alert": alert.to_dict()}


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    dead: int = 0
    errors: list[str] = field(default_factory=list)


class Deliverer:
    """Queue alerts for every configured webhook and push the outbox to the receivers."""

    def __init__(
        self,
        outbox: Outbox,
        webhooks: Iterable[Webhook],
        policy: RetryPolicy | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.outbox = outbox
        self.webhooks = {w.url: w for w in webhooks}
        self.policy = policy or RetryPolicy()
        self.clock = clock

    def enqueue(self, alerts: Iterable[Alert]) -> int:
        """Queue each alert once per webhook; returns how many deliveries are new."""
        now = self.clock()
        return self.outbox.add_many(
            ((a.id, url, payload_of(a)) for a in alerts for url in self.webhooks), now=now
        )

    def _post(self, client: httpx.Client, item: OutboxItem) -> tuple[int | None, str]:
        hook = self.webhooks.get(item.webhook_url)
        secret = hook.secret if hook else ""
        body = item.payload.encode("utf-8")
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            SIGNATURE_HEADER: sign(secret, body),
            IDEMPOTENCY_HEADER: item.alert_id,
            "User-Agent": "marsad-alerts",
        }
        try:
            resp = client.post(item.webhook_url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            return None, f"{type(exc).__name__}: {exc}"
        return resp.status_code, resp.text[:200]

    def deliver_due(self, client: httpx.Client | None = None) -> DeliveryReport:
        """One pass over every delivery that is due now."""
        report = DeliveryReport()
        own = client is None
        http = client or httpx.Client(timeout=self.policy.timeout)
        try:
            # Rows for a webhook since removed from the settings stay in the outbox, unsent.
            for item in self.outbox.due(self.clock(), limit=1000, urls=self.webhooks):
                # The lease outlasts one request; if this process dies, the row is due again then.
                if not self.outbox.claim(item, self.clock() + 2 * self.policy.timeout + 1):
                    continue
                status, text = self._post(http, item)
                now = self.clock()
                if status is not None and 200 <= status < 300:
                    self.outbox.mark_delivered(item, status, now)
                    report.sent += 1
                    continue
                attempts = item.attempts + 1
                permanent = status is not None and 400 <= status < 500 and status not in RETRYABLE_4XX
                dead = permanent or attempts >= self.policy.max_attempts
                error = f"HTTP {status}: {text}" if status is not None else text
                self.outbox.mark_failed(item, now + self.policy.delay(attempts), status, error, dead)
                report.dead += int(dead)
                report.failed += int(not dead)
                report.errors.append(f"{item.alert_id} -> {item.webhook_url}: {error}")
                log.warning("webhook delivery failed (attempt %d): %s", attempts, error)
        finally:
            if own:
                http.close()
        return report

    def run(self, max_seconds: float, sleep: Callable[[float], None] = time.sleep) -> DeliveryReport:
        """Deliver until the outbox is empty or `max_seconds` passed, sleeping until the next retry."""
        total = DeliveryReport()
        deadline = self.clock() + max_seconds
        with httpx.Client(timeout=self.policy.timeout) as client:
            while True:
                r = self.deliver_due(client)
                total.sent += r.sent
                total.failed += r.failed
                total.dead += r.dead
                total.errors.extend(r.errors)
                nxt = self.outbox.next_due_at(urls=self.webhooks)
                if nxt is None:
                    return total
                now = self.clock()
                if nxt >= deadline:
                    return total
                sleep(max(0.0, min(nxt, deadline) - now))
