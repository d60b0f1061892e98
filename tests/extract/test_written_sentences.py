"""Agency-style sentences written for these tests (tests/fixtures/written-sentences.tsv): each
names one incident of a known family, or none; every row marked 'found' must keep its family."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from marsad.extract import extract_events
from marsad.model import Document

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "written-sentences.tsv"
FAMILY = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "crowd",
    "Riots": "crowd",
    "Strategic developments": "development",
}


def _rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            text, family, status = line.split("\t")
            rows.append((text, family, status))
    return rows


def test_the_fixture_is_well_formed() -> None:
    rows = _rows()
    assert len(rows) >= 115
    assert {f for _, f, _ in rows} <= {"violence", "crowd", "development", "none"}
    assert all(s == "found" or s.startswith("known-miss -- ") for _, _, s in rows)


def test_every_found_sentence_keeps_its_family() -> None:
    wrong = []
    for text, family, status in _rows():
        if status != "found":
            continue
        events = extract_events(Document(id="w", text=text, published=datetime(2018, 5, 3, 9)))
        got = ",".join(sorted({FAMILY[e.event_type] for e in events})) or "none"
        if got != family:
            wrong.append(f"{family} -> {got}: {text}")
    assert not wrong, "\n".join(wrong)
