"""`marsad geocode` prints the places of a text as JSON."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from marsad.cli.main import app

KEYS = {"start", "end", "text", "name", "name_ar", "country", "admin1", "admin2", "admin3", "latitude",
        "longitude", "geo_precision"}  # fmt: skip


def test_geocode_prints_the_places() -> None:
    text = "قتل مدنيان بانفجار عبوة ناسفة جنوب كركوك، واعتقلت الشرطة مشتبها به في قضاء الحويجة"
    result = CliRunner().invoke(app, ["geocode", text, "--country", "iq"])
    assert result.exit_code == 0, result.output
    places = json.loads(result.output)
    assert [p["text"] for p in places] == ["كركوك", "الحويجة"]
    assert all(set(p) == KEYS for p in places)
    assert places[0]["geo_precision"] == 2 and places[0]["admin1"] == "Kirkuk"
    assert text[places[1]["start"] : places[1]["end"]] == "الحويجة"


def test_geocode_locate_and_stdin() -> None:
    text = "مقديشو - قتل ثلاثة جنود في هجوم على بلدة جمامي في ولاية جوبا السفلى"
    result = CliRunner().invoke(app, ["geocode", "-", "--locate"], input=text)
    assert result.exit_code == 0, result.output
    place = json.loads(result.output)
    assert place["name"] == "Jamaame" and place["country"] == "Somalia" and place["admin1"] == "Lower Juba"


def test_geocode_nothing_found_is_an_empty_list() -> None:
    result = CliRunner().invoke(app, ["geocode", "أعلنت الحكومة خطة جديدة للتعليم"])
    assert result.exit_code == 0
    assert json.loads(result.output) == []
