"""The normalised view and its offset map (real Arabic text, the shipped data file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalize import (
    NormalizationDataError,
    build_table,
    fold_char_table,
    normalize,
    normalize_key,
    read_rows,
    validate,
)

REPORT = (
    "بغداد - أفاد مصدر أمنيّ بأنّ ١٣ شرطيّاً قُتِلوا وأُصيب ٣ آخرون\u200f في هجومٍ "
    "على حاجزٍ قرب مدينة كركوك فجر الأحد، وأضاف أنّ التنظيم ﷲ ﻻ يزال نشطاً في المنطقة."
)


def test_every_data_row_example() -> None:
    rows = read_rows()
    table = build_table(rows)
    assert validate(rows, table) == []
    for row in rows:
        assert normalize(row.example).text == row.expected, row.line
        assert normalize_key(row.example) == " ".join(row.expected.split())


def test_folds_in_a_report() -> None:
    n = normalize(REPORT)
    assert "13 شرطيا قتلوا واصيب 3 اخرون في هجوم" in n.text
    assert "مدينه كركوك فجر الاحد، واضاف" in n.text  # Arabic comma kept
    assert "الله لا يزال" in n.text  # presentation forms expanded
    assert "\u200f" not in n.text and "ـ" not in n.text


def test_span_maps_to_original_words() -> None:
    n = normalize(REPORT)
    for word, orig in [("شرطيا", "شرطيّاً"), ("قتلوا", "قُتِلوا"), ("اخرون", "آخرون"), ("هجوم", "هجومٍ")]:
        s = n.text.index(word)
        a, b = n.to_original(s, s + len(word))
        assert REPORT[a:b] == orig
        assert n.to_view(a) == s


def test_expansion_inside_span_widens_to_whole_char() -> None:
    n = normalize("قال ﷲ")
    s = n.text.index("الله")
    assert n.to_original(s + 1, s + 3) == (4, 5)
    assert n.to_original(s, s + 4) == (4, 5)


def test_identity_when_nothing_deleted() -> None:
    n = normalize("مقتل 13 شرطيا في كركوك")
    assert n.identity and n.to_original(5, 7) == (5, 7)
    assert normalize("قُتل").identity is False


def test_bad_span_raises() -> None:
    with pytest.raises(ValueError):
        normalize("كركوك").to_original(3, 9)


def test_validator_rejects_chained_and_bad_rows(tmp_path: Path) -> None:
    p = tmp_path / "bad.tsv"
    p.write_text("source\ttarget\tgroup\texample\texpected\nأ\tإ\talef\tأ\tإ\nإ\tا\talef\tإ\tا\n", "utf-8")
    rows = read_rows(p)
    assert validate(rows, build_table(rows))  # أ -> إ contains a mapped character
    p.write_text("source\ttarget\tgroup\texample\texpected\nأ\tا\tnope\tأ\tا\n", "utf-8")
    with pytest.raises(NormalizationDataError):
        read_rows(p)
    p.write_text("source\ttarget\tgroup\texample\texpected\nأأ\tا\talef\tأ\tا\n", "utf-8")
    with pytest.raises(NormalizationDataError):
        read_rows(p)


_ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةٱ"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670ـ"
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳کی"
    "\u200b\u200c\u200f\u202b\u202c\ufeff\u00a0"
    "\ufdf2\ufefb\ufe8d\ufedf\ufe70\ufdfa"
    " .،؟؛\n0123456789abc"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60), st.data())
def test_any_view_span_maps_back(text: str, data: st.DataObject) -> None:
    n = normalize(text)
    assert n.text == text.translate(str.maketrans(fold_char_table()))
    start = data.draw(st.integers(0, len(n.text)))
    end = data.draw(st.integers(start, len(n.text)))
    a, b = n.to_original(start, end)
    assert 0 <= a <= b <= len(text)
    again = normalize(text[a:b]).text
    # The original characters reproduce the view span; a span that cuts an expanded ligature
    # maps to the whole ligature, so its view is then a superstring.
    assert n.text[start:end] in again
    cut = start < len(n.text) and start > 0 and n.orig_index(start - 1) == n.orig_index(start)
    cut = cut or (0 < end < len(n.text) and n.orig_index(end - 1) == n.orig_index(end))
    if not cut:
        assert again == n.text[start:end]
    assert n.orig_array() == [n.orig_index(v) for v in range(len(n.text) + 1)]
    # to_view is the inverse on kept characters
    for v in range(len(n.text)):
        o = n.orig_index(v)
        assert n.to_view(o) <= v and n.orig_index(n.to_view(o)) == o
