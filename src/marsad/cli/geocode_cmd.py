"""`marsad geocode TEXT [--country ISO2]`: the places found in TEXT, as a JSON list."""

from __future__ import annotations

import json
import sys

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command("geocode")
    def geocode(
        text: str = typer.Argument(..., help="Arabic text, or '-' to read it from standard input."),
        country: str | None = typer.Option(
            None, "--country", "-c", help="ISO2 country of the report (e.g. IQ)."
        ),
        locate: bool = typer.Option(
            False, "--locate", help="Print only the single best location of the text."
        ),
    ) -> None:
        """Find and resolve the place mentions of an Arabic text; print them as JSON."""
        from marsad.geo import get_geocoder

        if text == "-":
            text = sys.stdin.read()
        geo = get_geocoder()
        hint = country.upper() if country else None
        if locate:
            place = geo.locate(text, [(0, len(text))], country_hint=hint)
            typer.echo(json.dumps(place.to_dict() if place else None, ensure_ascii=False, indent=2))
            return
        places = geo.find_places(text, country_hint=hint)
        typer.echo(json.dumps([p.to_dict() for p in places], ensure_ascii=False, indent=2))
