"""Incidents told as history (`extract_events(history=True)`, `marsad extract --history`): coded on
the day or month the text gives, tagged, with evidence in the report's own offsets; never by default.
The report is written for these tests in agency style."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli.main import app
from marsad.extract import extract_events
from marsad.extract.history import HISTORY_TAG
from marsad.model import Document

REPORT = (
    "قتل أربعة جنود وأصيب اثنان آخران، فجر اليوم الأحد، في هجوم شنه مسلحون من تنظيم داعش على نقطة "
    "تفتيش للجيش قرب بلدة الطارمية شمال بغداد، بحسب مصدر أمني.\n"
    "وأضاف المصدر أن القوات الأمنية فرضت طوقا أمنيا حول المنطقة.\n"
    "وكانت المنطقة نفسها قد شهدت في 13 حزيران 2017 تفجير سيارة مفخخة قرب سوق شعبي أسفر عن مقتل 9 مدنيين.\n"
    "كما هاجم مسلحون في تموز 2015 مركزا للشرطة في البلدة وقتلوا ثلاثة من عناصره.\n"
    "وسيطر التنظيم على مساحات واسعة من البلاد عام 2014.\n"
)
PUBLISHED = datetime(2019, 3, 10, 8)


def _doc() -> Document:
    return Document(id="tarmiya", text=REPORT, published=PUBLISHED, outlet="وكالة الأنباء")


def test_history_is_not_coded_by_default() -> None:
    events = extract_events(_doc())
    assert [(e.event_date, e.event_type, e.fatalities) for e in events] == [("2019-03-10", "Battles", 4)]
    assert all(HISTORY_TAG not in e.tags for e in events)


def test_history_gives_each_told_incident_its_own_day() -> None:
    events = extract_events(_doc(), history=True)
    news = [e for e in events if HISTORY_TAG not in e.tags]
    told = {e.event_date: e for e in events if HISTORY_TAG in e.tags}
    assert [(e.event_date, e.fatalities) for e in news] == [("2019-03-10", 4)]
    # a day: day precision; a month: its first day at ACLED's month precision; a year alone: nothing
    assert sorted(told) == ["2015-07-01", "2017-06-13"]
    bomb, raid = told["2017-06-13"], told["2015-07-01"]
    assert (bomb.event_type, bomb.time_precision, bomb.fatalities) == ("Explosions/Remote violence", 1, 9)
    assert (raid.time_precision, raid.fatalities) == (3, 3)
    for e in (bomb, raid):
        assert e.doc_ids == ["tarmiya"]
        assert e.notes.endswith("Told as history in a report of 2019-03-10.")
        # the evidence points into the report itself, not into the re-read sentence
        for x in e.evidence:
            assert REPORT[x.start : x.end] == x.text, x
    assert [(x.field, x.text) for x in bomb.evidence if x.field in ("fatalities", "event_date")] == [
        ("fatalities", "9"),
        ("event_date", "13 حزيران 2017"),
    ]
    assert [x.text for x in raid.evidence if x.field == "event_date"] == ["تموز 2015"]


def test_cli_history_option(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "tarmiya", "text": REPORT, "published": PUBLISHED.isoformat()}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    plain = runner.invoke(app, ["extract", str(src)])
    told = runner.invoke(app, ["extract", str(src), "--history"])
    assert plain.exit_code == 0 and told.exit_code == 0, (plain.output, told.output)
    rows = [json.loads(x) for x in told.stdout.splitlines() if x.startswith("{")]
    assert len([x for x in plain.stdout.splitlines() if x.startswith("{")]) == 1
    assert sorted(r["event_date"] for r in rows) == ["2015-07-01", "2017-06-13", "2019-03-10"]
