"""Windows without what a date pattern needs are not tried for it: the same dates (issue 6)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import marsad.text.dates as dates_mod
from marsad.text.dates import NEEDS, _patterns, find_dates
from marsad.text.normalize import normalize

REPORTS = [
    "بغداد في 5 أيلول 2021 - قتل ثلاثة أشخاص يوم الأحد الماضي في هجوم على سوق شعبي، وكان هجوم مماثل "
    "قد وقع في أيار الماضي وفي شهر آب من العام الماضي.",
    "أعلنت الوزارة في العاشر من الشهر الجاري أن الانتخابات ستجري في نيسان المقبل أو في مايو 2022.",
    "وقع الانفجار فجر الخميس 12 من شهر رمضان 1443 هـ، وقالت الشرطة إن العام الماضي شهد هجمات أقل.",
    "قال المتحدث عام 2019 إن الاتفاق الموقع في 3 تشرين الأول/أكتوبر لم ينفذ حتى كانون الثاني.",
    "سقطت قذائف على المدينة يوم الاثنين وأمس واليوم، وفي الأسبوع الماضي قتل مدنيان في أيار.",
    "الثلاثاء 14 آذار (مارس) 2017: اشتباكات في الموصل، وفي حزيران الحالي نزح الآلاف من سنة 2016.",
]

# month names, direction words, digits and the words between them, so that windows with and
# without each pattern's needs both occur
_PIECES = [
    "أيلول", "مايو", "نيسان", "رمضان", "الماضي", "المقبل", "الجاري", "الحالي", "من", "شهر", "عام",
    "العام", "سنة", "الأحد", "الخميس", "فجر", "2021", "1443", "5", "12", "30", "هـ", "،", "في",
    "قتل", "هجوم", "الشرطة", "\n",
]  # fmt: skip


def _both(text: str, anchor: date | None, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = find_dates(text, None, anchor)
    with monkeypatch.context() as m:
        m.setattr(dates_mod, "NEEDS", {})
        plain = find_dates(text, None, anchor)
    assert fast == plain


@pytest.mark.parametrize("text", REPORTS)
@pytest.mark.parametrize("anchor", [None, date(2021, 9, 6)])
def test_the_same_dates_with_and_without_the_needs(
    text: str, anchor: date | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _both(text, anchor, monkeypatch)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.sampled_from([None, date(2022, 4, 15)]))
def test_the_same_dates_on_generated_texts(words: list[str], anchor: date | None) -> None:
    with pytest.MonkeyPatch.context() as mp:
        _both(" ".join(words), anchor, mp)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
@example(["،", "في", "أيلول"])  # a bare month right after a clause's comma: the match starts after it
def test_every_match_holds_what_its_pattern_needs(words: list[str]) -> None:
    """The property the shortcut rests on, pattern by pattern, on the bare patterns."""
    view = normalize(" ".join(words)).text
    for name, need in NEEDS.items():
        for m in getattr(_patterns(), name).finditer(view):
            assert need.search(view, m.start(), m.end()), (name, m.group())


def test_each_need_is_exercised() -> None:
    """Each listed pattern finds something in the reports above: the comparisons see real matches."""
    views = [normalize(t).text for t in REPORTS]
    for name in NEEDS:
        assert any(next(getattr(_patterns(), name).finditer(v), None) for v in views), name
