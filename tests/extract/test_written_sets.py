"""The evaluation sets written for the project (benchmarks/written/): well-formed, so the
benchmarks that read them measure what they claim. Scoring them is a benchmark, not a test."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

WRITTEN = Path(__file__).resolve().parents[2] / "benchmarks" / "written"
SETS = sorted(WRITTEN.glob("sentences-*.jsonl"))


def test_there_are_tuned_and_held_out_sentence_sets() -> None:
    assert {p.stem for p in SETS} >= {f"sentences-{x}" for x in "abcdefghijklmnopqrst"}


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.stem)
def test_sentence_sets_are_well_formed(path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert len({r["id"] for r in rows}) == len(rows) >= 100
    for r in rows:
        assert set(r) == {"id", "date", "category", "event", "text", "note"}, r["id"]
        assert r["category"] in ("ASSAULT", "PROTEST") and isinstance(r["event"], bool)
        date(int(r["date"][:4]), int(r["date"][4:6]), int(r["date"][6:8]))  # a real day
        assert any("\u0600" <= ch <= "\u06ff" for ch in r["text"])
    assert sum(r["event"] for r in rows) > sum(not r["event"] for r in rows) > 0
