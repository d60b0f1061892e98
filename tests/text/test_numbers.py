"""Numbers: every data-file example, digits in three scripts, compounds, kinds, spans."""

from __future__ import annotations

import pytest

from marsad.text.numbers import find_numbers, load_entries


@pytest.mark.parametrize("entry", load_entries(), ids=lambda e: e[0] if isinstance(e, tuple) else "")
def test_every_data_example(entry) -> None:
    _word, meaning, example, expected = entry
    found = find_numbers(example)
    assert found, example
    got = found[0].modifier if meaning.kind.endswith("modifier") else found[0].value
    assert str(got) == expected


def _vals(text: str) -> list[tuple[str, int, str, str | None, bool]]:
    return [(text[n.start : n.end], n.value, n.kind, n.modifier, n.vague) for n in find_numbers(text)]


def test_digit_sets_and_separators() -> None:
    text = "قتل ١٣ شخصاً و۱۲ آخرون وأكثر من 1,200 جندي و١٬٥٠٠ مدني و3 آلاف نازح ونسبة 3.5"
    assert _vals(text) == [
        ("١٣", 13, "digits", None, False),
        ("۱۲", 12, "digits", None, False),
        ("1,200", 1200, "digits", "more_than", False),
        ("١٬٥٠٠", 1500, "digits", None, False),
        ("3 آلاف", 3000, "digits", None, False),
        ("3.5", 3, "decimal", None, False),
    ]


def test_compounds_and_forms() -> None:
    text = "قُتل واحد وعشرون شخصاً وجُرح ثلاثة عشر آخرون، ونزح مئة وخمسون، ووصل ثلاثة آلاف وخمسمئة وألفين"
    assert [(t, v) for t, v, *_ in _vals(text)] == [
        ("واحد وعشرون", 21),
        ("ثلاثة عشر", 13),
        ("مئة وخمسون", 150),
        ("ثلاثة آلاف وخمسمئة", 3500),
        ("ألفين", 2000),
    ]


def test_vague_duals_and_skipped_words() -> None:
    text = "قتل عشرات المدنيين وأصيب جنديان يوم الاثنين، واعتقل بضعة مشتبهين، ونزح آلاف"
    assert _vals(text) == [
        ("عشرات", 12, "vague", None, True),
        ("جنديان", 2, "dual", None, False),
        ("بضعة", 3, "vague", None, True),
        ("آلاف", 1000, "vague", None, True),
    ]


def test_not_counts_are_kinded() -> None:
    text = "ارتفع بنسبة 40% و10 في المئة منذ عام 2014 عند الساعة 10:30 يوم 5/9/2021"
    assert [(t, k) for t, _, k, *_ in _vals(text)] == [
        ("40", "percent"),
        ("10", "percent"),
        ("2014", "year"),
        ("10:30", "time"),
        ("5/9/2021", "date"),
    ]


def test_modifiers() -> None:
    text = "قتل نحو 50 مسلحاً وأصيب ما لا يقل عن ١١ مدنياً، وقتل 7 جنود على الأقل"
    assert [(t, m) for t, _, _, m, _ in _vals(text)] == [
        ("50", "about"),
        ("١١", "at_least"),
        ("7", "at_least"),
    ]


def test_article_forms() -> None:
    text = "قُتل الجنود الثلاثة الاثنين، وبعض المصابين الستين في حالة حرجة، وارتفعت 5 في المئة"
    assert [(t, v, k) for t, v, k, *_ in _vals(text)] == [
        ("ثلاثة", 3, "cardinal"),  # after the article: the span is the number word
        ("ستين", 60, "cardinal"),
        ("5", 5, "percent"),
    ]


def test_a_number_glued_to_an_arabic_word_is_a_lost_space_not_a_code() -> None:
    text = "أوقعت المعارك حتى الآن25 قتيلا وأدت إلى مصرع 18جهاديا، في مساحة 40كم2 قرب طائرات F16 و3D"
    assert [(v, k) for _t, v, k, _m, _vg in _vals(text)] == [(25, "digits"), (18, "digits"), (40, "digits")]
