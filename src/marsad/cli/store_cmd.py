"""`marsad ingest` and `marsad serve`: thin shells over marsad.store.ingest and marsad.api."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import typer

from marsad.config import Settings
from marsad.errors import MarsadError


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("ingest")(ingest)
    app.command("serve")(serve)


def ingest(
    inputs: list[str] = typer.Argument(..., help="Files, directories or - (JSONL, txt, HTML, WARC, .gz)."),
    db: str | None = typer.Option(
        None, "--db", help="sqlite:///file.db or postgresql://… (default: settings)"
    ),
    batch_size: int = typer.Option(100, "--batch-size", min=1, help="Documents per transaction."),
    rejects: Path | None = typer.Option(None, "--rejects", help="Also write rejects to this JSONL file."),
    category: str | None = typer.Option(
        None, "--category", help="Only documents of this category (ANT corpus)."
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Stop after this many documents."),
    replace_changed: bool = typer.Option(
        False, "--replace-changed", help="A stored document whose text changed is replaced (else rejected)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress lines."),
) -> None:
    """Read, extract, merge across reports and store. Idempotent and resumable."""
    from marsad.io import RejectWriter
    from marsad.store import Store
    from marsad.store.ingest import category_filter, ingest_paths

    try:
        settings = Settings.load()
        store = Store(db or settings.db_url, replace_changed=replace_changed)
    except MarsadError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    done = [0]

    def progress(rep: object) -> None:
        done[0] += 1
        if not quiet and done[0] % 10 == 0:
            typer.echo(f"… {done[0]} batches", err=True)

    with store, RejectWriter(rejects) as writer:
        report = ingest_paths(
            store,
            inputs,
            settings=settings,
            batch_size=batch_size,
            keep=category_filter(category) if category else None,
            limit=limit,
            on_reject=writer.write,
            exclude=[rejects] if rejects else (),
            on_batch=progress,
        )
        counts = store.counts()
    typer.echo(json.dumps({"ingest": report.to_dict(), "database": counts}, ensure_ascii=False), err=True)
    if report.documents == 0 and report.unchanged == 0 and report.rejected > 0:
        raise typer.Exit(1)


def serve(
    db: str | None = typer.Option(
        None, "--db", help="sqlite:///file.db or postgresql://… (default: settings)"
    ),
    host: str | None = typer.Option(None, "--host", help="Address to listen on (default 127.0.0.1)."),
    port: int | None = typer.Option(None, "--port", help="Port (default 8000)."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Server processes (uvicorn workers)."),
) -> None:
    """Serve the REST API and the dashboard."""
    import uvicorn

    from marsad.api.app import create_app
    from marsad.store import Store

    try:
        settings = Settings.load()
        if db:
            settings.db_url = db
        store = Store(settings.db_url)
    except MarsadError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    host = host or settings.host
    port = port if port is not None else settings.port
    typer.echo(f"marsad serving {settings.db_url} at http://{host}:{port}/  (API docs: /docs)")
    sys.stdout.flush()
    if workers > 1:  # each worker process builds its own app (and Store) from the environment
        store.close()
        os.environ["MARSAD_DB_URL"] = settings.db_url
        uvicorn.run(
            "marsad.api.app:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
        )
        return
    uvicorn.run(create_app(settings, store), host=host, port=port, log_level="warning")
