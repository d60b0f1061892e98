"""One scan of digit runs serves the numbers and the numeric dates (issue 6)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.dates import _NUMERIC_HINT, _numeric_matches, _patterns, find_dates
from marsad.text.keyscan import DIGIT_RUN, digit_runs
from marsad.text.numbers import find_numbers

_ALPHABET = "0123456789٠١٢٣/.-:, قتلفيوم\n"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=50))
def test_hints_inside_the_runs_are_the_hints_of_the_view(view: str) -> None:
    whole = [h.span() for h in _NUMERIC_HINT.finditer(view)]
    in_runs = [h.span() for s, e in digit_runs(view) for h in _NUMERIC_HINT.finditer(view, s, e)]
    assert in_runs == whole


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=50))
def test_numeric_dates_found_from_the_runs_are_the_full_scan(view: str) -> None:
    numeric = _patterns().numeric
    assert [m.span() for m in _numeric_matches(view, numeric)] == [m.span() for m in numeric.finditer(view)]


def test_runs_are_the_scan_and_follow_the_view() -> None:
    a = "قتل 12 شخصا في 5/9/2021 و3 آخرون، 2014-2017"
    assert digit_runs(a) == [m.span() for m in DIGIT_RUN.finditer(a)]
    assert digit_runs(a) is digit_runs(a)  # the last view's runs are kept
    b = "".join(["قتل 7 ", "أشخاص"])
    assert digit_runs(b) == [(4, 5)]  # another view: worked out again
    c = "".join(["قتل 12 شخصا في 5/9/2021 و3 آخرون، 2014", "-2017"])
    assert c == a and c is not a
    assert digit_runs(c) == digit_runs(a)


def test_numbers_and_dates_of_a_report() -> None:
    text = (
        "بغداد في 5/9/2021 - قتل 12 شخصا وأصيب 3 آخرون، وكان 2,500 شخص قد نزحوا بين 2014-2017، "
        "وقال مسؤول عند الساعة 10:30 إن 40% من السكان عادوا بتاريخ 2021-08-30."
    )
    nums = [(n.text, n.value, n.kind) for n in find_numbers(text)]
    assert ("12", 12, "digits") in nums and ("2,500", 2500, "digits") in nums
    assert ("10:30", 10, "time") in nums and ("2014", 2014, "digits") in nums
    got = [(d.text, d.value) for d in find_dates(text, None, date(2021, 9, 5)) if d.kind == "numeric"]
    assert got == [("5/9/2021", date(2021, 9, 5)), ("2021-08-30", date(2021, 8, 30))]
