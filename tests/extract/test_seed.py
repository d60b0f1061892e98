"""The seed report (../shared/seed): exactly one event, every field backed by the right words."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.extract import extract_events
from marsad.model import Document

pytestmark = pytest.mark.shared


def test_seed_report_yields_the_kirkuk_attack_only(shared_dir: Path) -> None:
    path = shared_dir / "seed" / "elaph-kirkuk-2021-09.txt"
    doc = Document(id=path.stem, text=path.read_text("utf-8"), reader="txt")
    events = extract_events(doc)
    assert len(events) == 1, [e.notes for e in events]
    ev = events[0]
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")
    assert ev.actor1 == "Islamic State (Iraq)"
    assert ev.actor2 == "Police Forces of Iraq (2020-) Federal Police"
    assert (ev.inter1, ev.inter2, ev.interaction) == (2, 1, 12)
    assert (ev.country, ev.admin1) == ("Iraq", "Kirkuk")
    assert ev.event_date == "2021-09-05" and ev.time_precision == 1
    assert ev.fatalities == 13 and ev.injured == 3
    assert ev.event_id_cnty.startswith("IRQ")
    ev_by_field = {e.field: e for e in ev.evidence}
    for e in ev.evidence:
        assert doc.text[e.start : e.end] == e.text
    assert ev_by_field["actor1"].text == "داعش"
    assert ev_by_field["actor2"].text == "الشرطة الاتحادية"
    assert ev_by_field["fatalities"].text == "13"
    assert ev_by_field["injured"].text == "3"
    assert "كركوك" in ev_by_field["admin1"].text
    assert ev_by_field["event_date"].text.endswith("الاحد")
    assert ev_by_field["event_type"].text in ("هجوم", "الهجوم")
    # every field's words come from the incident's own sentence (the line that gives the 13 dead
    # of the dawn attack on a checkpoint south of Kirkuk), not the headline or the statements
    line_start = doc.text.index("وكان 13 عنصرا")
    line_end = doc.text.index("\n", line_start)
    for e in ev.evidence:
        assert line_start <= e.start < e.end <= line_end, (e.field, e.text, e.start)
    assert ev_by_field["event_date"].text == "فجر الاحد"
    assert ev_by_field["location"].text == "محيط جنوب كركوك"
    assert ev.location_ar == "محيط جنوب كركوك" and ev.location == "Kirkuk"
    assert ev.geo_precision == 2
    # the meeting, the press conference, the 2017 victory and the 2020 vote are not events
    not_events = ("اجتماعاً طارئاً", "مؤتمر صحافي", "انتصاره", "صوّت")
    for phrase in not_events:
        pos = doc.text.index(phrase)
        line_start = doc.text.rfind("\n", 0, pos) + 1
        line_end = doc.text.find("\n", pos)
        assert not any(line_start <= e.start < line_end for e in ev.evidence if e.field == "event_type"), (
            phrase
        )
