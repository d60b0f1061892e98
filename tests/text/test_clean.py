"""Boilerplate zones: every data-file example fires its rule; a written report gets its zones."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from marsad.text.clean import find_zones, load_rules
from marsad.text.data import Row, TextDataError

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("rule", load_rules(), ids=lambda r: r.where)
def test_every_rule_example(rule) -> None:
    text = (
        "قتل جندي في هجوم على حاجز أمني غرب المدينة صباح اليوم بحسب ما أفاد مصدر أمني للصحفيين.\n"
        + rule.example
    )
    zones = find_zones(text)
    hit = [z for z in zones if z.kind == rule.kind and z.reason == rule.reason]
    assert hit, (rule.where, zones)
    if rule.prefix:
        assert zones[-1].kind == "body"  # the rest of the dateline's line is report text


def test_zones_of_a_report() -> None:
    text = (FIXTURES / "report-anbar.txt").read_text("utf-8")
    got = [(z.kind, z.reason, text[z.start : z.end][:20]) for z in find_zones(text)]
    kinds = [g[:2] for g in got]
    assert kinds == [
        ("title", "short-top-line"),
        ("title", "short-top-line"),
        ("boilerplate", "social-prompt"),
        ("boilerplate", "subscribe"),
        ("dateline", "agency"),
        ("body", ""),
        ("caption", "archive-photo"),
        ("body", ""),
        ("related", "read-also"),
        ("boilerplate", "share"),
    ]
    assert got[4][2] == "الرمادي - (رويترز) -"
    assert got[5][2].startswith("قُتل جنديان")


def test_zones_do_not_overlap_and_keep_text() -> None:
    text = (FIXTURES / "report-anbar.txt").read_text("utf-8")
    zones = find_zones(text)
    for a, b in itertools.pairwise(zones):
        assert a.end <= b.start
    covered = " ".join(text[z.start : z.end] for z in zones)
    assert len(covered.split()) == len(text.split())  # nothing is lost, only labelled


def test_bad_rule_is_rejected() -> None:
    row = Row(
        "x.tsv",
        3,
        {"kind": "junk", "reason": "r", "scope": "line", "max_len": "9", "pattern": "a", "example": "a"},
    )
    with pytest.raises(TextDataError):
        load_rules([row])
    row = Row(
        "x.tsv",
        3,
        {"kind": "caption", "reason": "r", "scope": "line", "max_len": "9", "pattern": "(", "example": "a"},
    )
    with pytest.raises(TextDataError):
        load_rules([row])


def test_headlines_listed_under_a_read_also_label_are_related_links() -> None:
    text = (
        "قتل خمسة أشخاص في هجوم على حاجز للشرطة في بغداد أمس.\n"
        "اقرأ أيضاً:\n"
        "تعرف على الفصيل الذي يحمي القرى الجبلية\n"
        "مقتل العشرات في سلسلة تفجيرات جنوب البلاد\n"
        "وأضاف المصدر أن الهجوم وقع فجرا.\n"
    )
    kinds = [(z.kind, text[z.start : z.end][:12]) for z in find_zones(text)]
    assert [k for k, _ in kinds] == ["body", "related", "related", "related", "body"]
    # a label with its link on the same line marks only that line
    inline = "قتل خمسة أشخاص في هجوم.\nاقرأ أيضاً: مقتل جنديين بانفجار\nقال المصدر إن الهجوم وقع فجرا\n"
    assert [z.kind for z in find_zones(inline)] == ["body", "related", "body"]
