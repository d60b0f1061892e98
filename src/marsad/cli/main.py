"""`marsad` command. Each sub-command lives in its own module with a `register(app)` function."""

from __future__ import annotations

import logging
import os
import sys

import typer

from marsad import __version__
from marsad.cli import alerts_cmd, analyze_cmd, batch_cmd, demo_cmd, extract_cmd, geocode_cmd, store_cmd

app = typer.Typer(
    name="marsad",
    help="marsad (مرصد): Arabic news reports -> ACLED-coded, geocoded, deduplicated conflict events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"marsad {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    verbose: int = typer.Option(
        0, "--verbose", "-v", count=True, help="More log output (-v info, -vv debug)."
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(
        level=int(os.environ.get("MARSAD_LOG_LEVEL", level)),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


for module in (analyze_cmd, extract_cmd, geocode_cmd, store_cmd, batch_cmd, alerts_cmd, demo_cmd):
    module.register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
