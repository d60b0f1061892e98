"""`marsad batch INPUT… --out DIR` and `marsad batch-merge DIR`: thin shells over `marsad.batch`."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import typer

from marsad.errors import MarsadError


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command("batch")
    def batch(
        inputs: list[str] = typer.Argument(
            ..., help="Input files, directories or globs (JSONL, WARC, HTML, txt; gzip or not)."
        ),
        out: Path = typer.Option(..., "--out", "-o", help="Output directory (shards, manifest, stats)."),
        engine: str = typer.Option("local", help="Executor: local (in-process), pool, or ray."),
        workers: int = typer.Option(1, "--workers", "-w", help="Worker processes (pool/ray)."),
        shard_size: int = typer.Option(1000, help="Documents per shard (the unit of resume)."),
        pipeline: str = typer.Option(
            "extract",
            help="Stages to run: extract, history (extract, plus incidents told as history on their own day), analyze, or bare.",
        ),
        ray_address: str | None = typer.Option(
            None, help="Ray cluster address (default: start a local Ray)."
        ),
        restart: bool = typer.Option(False, help="Discard a previous run in --out instead of resuming."),
        merge: bool = typer.Option(False, help="Merge events across reports after the shards are done."),
        db: str | None = typer.Option(
            None,
            help="Also store documents and events in this database (sqlite:///file.db, postgresql://...).",
        ),
        progress: str = typer.Option(
            "auto", help="auto (a bar on a terminal, log lines otherwise), bar, log, none."
        ),
    ) -> None:
        """Run the pipeline over large inputs in resumable shards (re-run to finish an interrupted run)."""
        from marsad.batch import BatchOptions, run_batch

        logging.getLogger("marsad.batch.progress").setLevel(logging.INFO)
        opts = BatchOptions(
            inputs=inputs,
            out=out,
            engine=engine,
            workers=workers,
            shard_size=shard_size,
            pipeline=pipeline,
            ray_address=ray_address,
            restart=restart,
            progress=progress,
            db_url=db,
        )
        try:
            report = run_batch(opts)
        except MarsadError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from exc
        stats = report.stats
        typer.echo(
            f"{report.shards_run} shards run, {report.shards_skipped} already done; "
            f"{stats['documents']} documents, {stats['events']} events, "
            f"{sum(stats['rejected'].values())} rejected {json.dumps(stats['rejected'])}; "
            f"{report.docs_per_second:.1f} docs/s this run -> {out}",
            err=True,
        )
        if merge:
            _merge(out)
        if not stats["complete"]:
            raise typer.Exit(3)

    @app.command("batch-merge")
    def batch_merge(
        out: Path = typer.Argument(..., help="The --out directory of a finished `marsad batch` run."),
    ) -> None:
        """Merge the events of a batch run across reports (same incident, several outlets)."""
        _merge(out)


def _merge(out: Path) -> None:
    from marsad.batch.merge import merge_run

    try:
        result = merge_run(out)
    except MarsadError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(
        f"merged {result.events_in} events into {result.events_out} in {result.blocks} blocks -> {result.path}",
        err=True,
    )
