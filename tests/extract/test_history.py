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


def _coded(text: str, published: datetime) -> list[tuple[str, str, int]]:
    events = extract_events(Document(id="t", text=text, published=published))
    return [(e.event_date, e.sub_event_type, e.fatalities) for e in events]


def test_an_old_date_after_diacritics_still_dates_its_clause() -> None:
    # Tokens hold offsets into the normalised text, dates into the original: every vowel mark
    # before the date shifts the two apart. Read unshifted, the kidnapping "في السادس من يوليو"
    # (four weeks before the report) is history with or without the marks.
    plain = (
        "أكدت وزارة الخارجية الفلبينية الخميس ظهور ثلاثة من مواطنيها في شريط مصور بثه تنظيم متشدد. "
        "وخطف مسلحون العمال الثلاثة في السادس من يوليو، في هجوم على محطة كهرباء جنوبي طرابلس."
    )
    marked = plain.replace("وزارة الخارجية الفلبينية", "وزارةُ الخارجيةِ الفلبينيةُ").replace(
        "ظهور ثلاثة", "ظهورَ ثلاثةٍ"
    )
    published = datetime(2021, 8, 2, 12)
    assert _coded(plain, published) == []
    assert _coded(marked, published) == []


def test_deaths_during_events_begun_long_ago_are_their_total() -> None:
    # the toll "خلال مسيرات أسبوعية انطلقت في 30 مارس" sums two months of marches; the night's
    # strikes have no dead of their own
    text = (
        "أغارت طائرات حربية إسرائيلية فجر الأحد على ثلاثة مواقع تابعة لحماس شمالي قطاع غزة بعد إطلاق قذائف. "
        "وقتل ما لا يقل عن 60 فلسطينيا برصاص الجيش الإسرائيلي خلال مسيرات أسبوعية انطلقت في 30 مارس "
        "قرب السياج الحدودي."
    )
    assert _coded(text, datetime(2021, 6, 6, 9)) == [("2021-06-06", "Air/drone strike", 0)]


def test_a_date_counted_back_governs_its_own_clause() -> None:
    # "قبل أسبوعين" needs no "في" before it to date the operation it follows: the dead are the
    # operation's total over two weeks
    text = "أعلنت وزارة الداخلية، الثلاثاء، مقتل 12 مسلحا في العملية العسكرية التي بدأت قبل أسبوعين في شمال سيناء."
    assert extract_events(Document(id="t", text=text, published=PUBLISHED)) == []


def test_the_toll_of_the_protests_sums_their_days() -> None:
    text = (
        "فرقت الشرطة بالغاز المسيل للدموع مئات المحتجين أمام مبنى المحافظة في الناصرية، الجمعة، "
        "فيما ارتفع عدد قتلى الاحتجاجات في البلاد إلى تسعة أشخاص."
    )
    events = extract_events(Document(id="t", text=text, published=PUBLISHED))
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Protest with intervention", 0)]
