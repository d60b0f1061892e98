"""`marsad extract` (reports -> event records) and `marsad eval` (score against a gold file)."""

from __future__ import annotations

import json
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("extract")(extract)
    app.command("eval")(evaluate)


def extract(
    inputs: list[str] = typer.Argument(
        ..., help="Files or directories (jsonl, txt, html, warc, .gz) or - for stdin."
    ),
    fmt: str = typer.Option(
        "jsonl", "--format", "-f", help="jsonl, csv (ACLED's 31 columns), geojson or parquet."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Output file (default: stdout)."),
    rejects: Path | None = typer.Option(None, "--rejects", help="Write rejected documents here (JSONL)."),
    all_columns: bool = typer.Option(False, "--all-columns", help="CSV: add marsad's extension columns."),
    history: bool = typer.Option(
        False,
        "--history",
        help="Also code incidents the reports tell as history, each on the day or month it names "
        "(tagged 'history'); by default only a report's news is coded, as ACLED does.",
    ),
) -> None:
    """Extract ACLED-coded events, with evidence spans, from Arabic news reports."""
    from marsad.config import Settings
    from marsad.errors import MarsadError
    from marsad.export import FORMATS, write
    from marsad.io import RejectWriter, RunSummary, read_inputs
    from marsad.pipeline import extraction_stages
    from marsad.stage import run_stages

    if fmt not in FORMATS:
        typer.echo(f"E_BAD_PARAMETER: --format must be one of {', '.join(FORMATS)}", err=True)
        raise typer.Exit(2)
    if fmt == "parquet" and out is None:
        typer.echo("E_BAD_PARAMETER: --format parquet needs --out", err=True)
        raise typer.Exit(2)
    try:
        settings = Settings.load()
    except MarsadError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    summary = RunSummary()
    stages = extraction_stages(history=history)  # the project's one stage list: analyse, then extract
    n_events = 0
    with ExitStack() as stack:
        sink: IO[Any]
        if out is None:
            sink = sys.stdout
        else:
            sink = stack.enter_context(
                open(out, "wb" if fmt == "parquet" else "w", encoding=None if fmt == "parquet" else "utf-8")
            )
        rej = stack.enter_context(RejectWriter(rejects))

        def events() -> Any:
            outputs = [p for p in (out, rejects) if p is not None]
            for doc in run_stages(stages, read_inputs(inputs, settings, exclude=outputs)):
                summary.add(doc)
                if not doc.ok:
                    rej.write(doc)
                    continue
                yield from doc.events

        n_events = write(events(), fmt, sink, all_columns=all_columns)
    typer.echo(summary.render(), err=True)
    typer.echo(f"events: {n_events}", err=True)
    raise typer.Exit(summary.exit_code())


def evaluate(
    gold: Path = typer.Argument(..., help="Gold JSONL (e.g. ../shared/eval/dev-articles.jsonl)."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    details: bool = typer.Option(False, "--details", help="With --json: include per-article results."),
) -> None:
    """Run extraction over a gold file and print precision/recall/F1 and field accuracy."""
    from marsad.errors import MarsadError
    from marsad.eval import evaluate as run_eval

    try:
        report = run_eval(gold)
    except MarsadError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    if as_json:
        d = report.to_dict()
        if not details:
            d.pop("per_article", None)
        typer.echo(json.dumps(d, ensure_ascii=False, indent=2))
    else:
        typer.echo(report.render())
