"""`marsad alerts`: spike and first-appearance alerts from the store (or event shards), and delivery.

Examples:
  marsad alerts --since 2018-06-01                   # alerts about periods from June 2018 on
  marsad alerts --db postgresql://u@host/marsad --json
  marsad alerts --events out/events/ --place Kirkuk  # straight from batch output (JSONL/Parquet)
  marsad alerts --trends admin1                      # weekly trend series instead of alerts
  marsad alerts --deliver                            # queue new alerts to the webhooks and send
  marsad alerts --deliver --requeue-dead             # after fixing a receiver that refused them

Delivery state lives in the `alert_outbox` table of the same database: run `--deliver` again (e.g.
from cron) to retry what is still pending; nothing delivered is sent twice.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import typer

from marsad.config import Settings
from marsad.errors import MarsadError


def _fail(exc: MarsadError) -> None:
    typer.echo(f"error {exc.code}: {exc.message}", err=True)
    raise typer.Exit(2)


def alerts(
    since: str = typer.Option(
        None, "--since", help="Only alerts about periods ending on or after YYYY-MM-DD."
    ),
    until: str = typer.Option(
        None, "--until", help="Only alerts about periods starting on or before YYYY-MM-DD."
    ),
    db: str = typer.Option(None, "--db", help="Database URL (default: the db_url setting)."),
    events: list[Path] = typer.Option(
        None, "--events", help="Read events from JSONL/Parquet files or directories instead of the store."
    ),
    place: str = typer.Option(None, "--place", help="Country, admin1 or admin2 name."),
    actor: str = typer.Option(None, "--actor", help="Substring of an actor name."),
    event_type: str = typer.Option(None, "--type", help="ACLED event type."),
    kind: str = typer.Option(None, "--kind", help="spike or new."),
    limit: int = typer.Option(50, "--limit", help="Print at most this many alerts."),
    as_json: bool = typer.Option(
        False, "--json", help="One JSON object per alert (what GET /alerts returns)."
    ),
    trends: str = typer.Option(
        None, "--trends", help="Print weekly trend series for admin1, admin2, actor or event_type instead."
    ),
    deliver: bool = typer.Option(
        False,
        "--deliver",
        help="Queue the alerts for the configured webhooks and send (without --since: the record's last two weeks).",
    ),
    requeue_dead: bool = typer.Option(
        False,
        "--requeue-dead",
        help="With --deliver: retry deliveries that had given up (kept in the outbox).",
    ),
    deliver_seconds: float = typer.Option(
        60.0,
        "--deliver-seconds",
        help="Keep retrying failed deliveries for at most this long (the rest stay queued).",
    ),
) -> None:
    """Detect rises and first appearances per place, actor and event type; list or deliver them."""
    from marsad.alerts.outbox import Outbox
    from marsad.alerts.series import trends as trend_series
    from marsad.alerts.service import AlertFilter, alerts_from_rows, detector_config, parse_day
    from marsad.alerts.source import RowReader, rows_from_store
    from marsad.alerts.webhook import Deliverer, RetryPolicy

    try:
        settings = Settings.load()
        url = db or settings.db_url
        if events:
            reader = RowReader()
            rows = list(reader.paths(events))
        else:
            rows, reader = rows_from_store(url)
        for origin, reason in reader.skipped[:20]:
            typer.echo(f"skipped {origin}: {reason}", err=True)
        if trends:
            for s in trend_series(rows, "week", trends):
                typer.echo(
                    json.dumps(s.to_dict(), ensure_ascii=False) if as_json else _trend_line(s.to_dict())
                )
            return
        f = AlertFilter(
            place=place,
            actor=actor,
            event_type=event_type,
            kind=kind,
            since=parse_day(since, "--since"),
            until=parse_day(until, "--until"),
        )
        cfg = detector_config(settings)
        found = alerts_from_rows(rows, cfg, f)
    except (MarsadError, ValueError) as exc:
        if isinstance(exc, MarsadError):
            _fail(exc)
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"{len(found)} alerts from {len(rows)} events", err=True)
    for a in found[:limit]:
        if as_json:
            typer.echo(json.dumps(a.to_dict(), ensure_ascii=False))
        else:
            typer.echo(f"{a.period.isoformat()}  {a.kind:5}  score {a.score:5.2f}  {a.title}  [{a.id}]")
    if deliver:
        if not settings.webhooks:
            typer.echo("no webhooks configured (settings: [[webhooks]] url, secret)", err=True)
            raise typer.Exit(1)
        try:
            policy = RetryPolicy(
                base_delay=settings.webhook_retry_base, max_attempts=settings.webhook_max_attempts
            )
            deliverer = Deliverer(Outbox(url), settings.webhooks, policy)
            if requeue_dead:
                typer.echo(f"requeued {deliverer.outbox.requeue_dead()} dead deliveries", err=True)
            # Without --since, only recent alerts are delivered: the last two weeks of the record,
            # so a first run on a database with years of history does not flood the receivers.
            recent = found
            if since is None and rows:
                floor = max(r.date for r in rows) - dt.timedelta(days=13)
                recent = [a for a in found if a.period_end >= floor]
                typer.echo(
                    f"delivering alerts about periods ending on or after {floor} (use --since)", err=True
                )
            queued = deliverer.enqueue(recent)
            report = deliverer.run(max_seconds=deliver_seconds)
            counts = deliverer.outbox.counts()
        except MarsadError as exc:
            _fail(exc)
            return
        typer.echo(
            f"queued {queued} new deliveries; sent {report.sent}, retry later {report.failed}, "
            f"given up {report.dead}; outbox: {counts}",
            err=True,
        )


def _trend_line(d: dict[str, object]) -> str:
    key = d["key"]
    assert isinstance(key, dict)
    events = d["events"]
    fatalities = d["fatalities"]
    assert isinstance(events, list) and isinstance(fatalities, list)
    return f"{key['label']}: events {sum(events)} (last 8 weeks {events[-8:]}), fatalities {sum(fatalities)}"


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("alerts")(alerts)
