"""`marsad demo`: the main job on embedded defaults.

Ingests the bundled sample reports (written by the project, shipped in the package) into a fresh
SQLite file, prints the events it found, and serves the API and dashboard on loopback.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("demo")(demo)


def _row(event: dict[str, Any]) -> str:
    place = ", ".join(str(event.get(k) or "") for k in ("location", "admin1", "country") if event.get(k))
    return (
        f"  {event.get('event_date')}  {event.get('event_type')!s:<27} {event.get('sub_event_type')!s:<34}"
        f" fatalities={event.get('fatalities'):<3} {place}  [{len(event.get('doc_ids') or [])} report(s)]"
    )


def demo(
    db: Path = typer.Option(Path("demo/marsad-demo.db"), "--db", help="SQLite file to (re)create."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to serve on."),
    port: int = typer.Option(8000, "--port", help="Port to serve on."),
    serve: bool = typer.Option(
        os.environ.get("MARSAD_DEMO_SERVE", "1") != "0",
        "--serve/--no-serve",
        help="Serve the dashboard after ingesting (MARSAD_DEMO_SERVE=0 turns it off).",
    ),
) -> None:
    """Ingest the bundled sample reports into a fresh SQLite file and serve the dashboard."""
    from marsad.config import Settings
    from marsad.samples import sample_reports_path
    from marsad.store import Store
    from marsad.store.ingest import ingest_paths

    db.parent.mkdir(parents=True, exist_ok=True)
    for stale in (db, db.with_name(db.name + "-journal"), db.with_name(db.name + "-wal")):
        stale.unlink(missing_ok=True)
    url = f"sqlite:///{db.resolve()}"
    settings = Settings.load()
    settings.db_url = url
    samples = sample_reports_path()
    typer.echo(f"marsad demo: reading {samples.name} (bundled sample reports) into {db}")
    store = Store(url)
    with store:
        report = ingest_paths(store, [str(samples)], settings=settings)
        events = list(store.iter_events())
    merged = sum(1 for e in events if len(e.get("doc_ids") or []) > 1)
    typer.echo(
        f"{report.documents} documents stored, {report.rejected} rejected; "
        f"{len(events)} events, {merged} of them reported by several outlets and merged"
    )
    for event in sorted(events, key=lambda e: (str(e.get("event_date")), str(e.get("country")))):
        typer.echo(_row(event))
    if not serve:
        return
    import uvicorn

    from marsad.api.app import create_app

    typer.echo(f"\nDashboard: http://{host}:{port}/   API: http://{host}:{port}/events   (Ctrl-C stops)")
    uvicorn.run(create_app(settings, Store(url)), host=host, port=port, log_level="warning")
