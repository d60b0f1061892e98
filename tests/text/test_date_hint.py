"""The numeric-date hint: a report without "digit, separator, digit" holds no numeric date."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.dates import _NUMERIC_HINT, _patterns, find_dates


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789٠١٢٣٤٥/.-: قتلفيوم\n", max_size=40))
def test_every_numeric_date_contains_the_hint(view: str) -> None:
    if next(_patterns().numeric.finditer(view), None) is not None:
        assert _NUMERIC_HINT.search(view)


def test_numeric_dates_are_still_found() -> None:
    text = (
        "بغداد في 5/9/2021 - أعلنت الشرطة اعتقال ثلاثة متهمين، وكانت الحادثة قد وقعت بتاريخ "
        "2021-08-30 قرب سوق المدينة."
    )
    got = [(d.text, d.value, d.kind) for d in find_dates(text, None, date(2021, 9, 5))]
    assert ("5/9/2021", date(2021, 9, 5), "numeric") in got
    assert ("2021-08-30", date(2021, 8, 30), "numeric") in got


def test_a_report_without_the_hint_has_no_numeric_date() -> None:
    text = "قتل 3 أشخاص وأصيب 12 آخرون في هجوم يوم الأحد 5 أيلول 2021، وفق ما أفادت به الشرطة."
    kinds = {d.kind for d in find_dates(text, None, date(2021, 9, 6))}
    assert "numeric" not in kinds and "explicit" in kinds
