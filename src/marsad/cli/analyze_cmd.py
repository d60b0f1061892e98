"""`marsad analyze FILE…`: zones, sentences, numbers and dates of each report, as JSON Lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from marsad.config import Settings
from marsad.io import RejectWriter, RunSummary, read_inputs
from marsad.stage import run_stages
from marsad.text.analyze import AnalyzeStage, analysis_to_dict


def analyze(
    inputs: list[Path] = typer.Argument(
        ..., help="Files or directories (txt, JSONL, HTML, WARC, .gz); '-' = stdin."
    ),
    rejects: Path | None = typer.Option(
        None, "--rejects", help="Write rejected documents (JSON Lines) here."
    ),
) -> None:
    """Print one JSON object per document: zones, sentences, numbers and dates (original offsets)."""
    settings = Settings.load()
    summary = RunSummary()
    if rejects is not None:
        summary.reject_path = str(rejects)
    out = sys.stdout
    with RejectWriter(rejects) as writer:
        for doc in run_stages(
            [AnalyzeStage(tokens=False)],
            read_inputs([str(p) for p in inputs], settings, exclude=[rejects] if rejects else ()),
        ):
            summary.add(doc)
            if doc.reject is not None:
                writer.write(doc)
                continue
            out.write(json.dumps(analysis_to_dict(doc), ensure_ascii=False) + "\n")
    typer.echo(summary.render(), err=True)
    raise typer.Exit(summary.exit_code())


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("analyze")(analyze)
