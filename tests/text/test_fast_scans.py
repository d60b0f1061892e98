"""Fast forms of the text layer's scans give what the plain forms give (same spans, same groups)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.clean import _classify, _classify_plain, _rules, _screen
from marsad.text.dates import _numeric_matches, _patterns, find_dates
from marsad.text.normalize import normalize
from marsad.text.regex_needs import needs
from marsad.text.segment import _BOUNDARY, _BOUNDARY_PLAIN, split_sentences

# every character the sentence-boundary pattern reads, and some it does not
_BOUNDARY_CHARS = "\n\r\t .!؟?…؛\"'”»)]«(قتل3"


def _spans(rx, text: str) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return [m.span() for m in rx.finditer(text)]


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=_BOUNDARY_CHARS, max_size=40))
def test_boundary_led_by_a_class_is_the_plain_boundary(text: str) -> None:
    assert _spans(_BOUNDARY, text) == _spans(_BOUNDARY_PLAIN, text)


def test_boundary_on_a_report() -> None:
    text = (
        "بغداد - قتل ثلاثة جنود وأصيب آخرون بانفجار عبوة ناسفة..\n\n"
        'وقال مصدر أمني: "الهجوم وقع فجرا"؛ وأضاف أن القوات طوقت المكان!؟ '
        "(وتبنى التنظيم الهجوم.) ولم تعلق الحكومة…\nوانتهى"
    )
    assert _spans(_BOUNDARY, text) == _spans(_BOUNDARY_PLAIN, text)
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "بغداد - قتل ثلاثة جنود وأصيب آخرون بانفجار عبوة ناسفة..",
        'وقال مصدر أمني: "الهجوم وقع فجرا"؛',
        "وأضاف أن القوات طوقت المكان!؟",
        "(وتبنى التنظيم الهجوم.)",
        "ولم تعلق الحكومة…",
        "وانتهى",
    ]


# -- numeric dates: the full pattern only around "digit, separator, digit" ----------------------


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="0123456789/.-: قتلفي\n", max_size=60))
def test_numeric_dates_around_the_hints_are_the_full_scan(view: str) -> None:
    numeric = _patterns().numeric
    fast = [(m.span(), m.groups()) for m in _numeric_matches(view, numeric)]
    assert fast == [(m.span(), m.groups()) for m in numeric.finditer(view)]


def test_numeric_dates_of_a_report() -> None:
    text = (
        "الموصل 12/05/2021 - قال مصدر إن 3 مسلحين قتلوا، وكانت الحادثة قد سبقتها اشتباكات "
        "في 2021-05-10 و11.05.2021، وصدر بيان برقم 2020-1-1-5 بتاريخ 1/2/33/2021."
    )
    numeric = _patterns().numeric
    fast = [m.group() for m in _numeric_matches(text, numeric)]
    assert fast == [m.group() for m in numeric.finditer(text)]
    assert {"12/05/2021", "2021-05-10", "11.05.2021"} <= set(fast)


# -- boilerplate rules: a line without a rule's needed strings is not tried with its regex ---------

_RULES = _rules()
_PIECES = [normalize(r.example).text for r in _RULES] + [
    "قتل جندي في هجوم",
    " - ",
    " (",
    ")",
    ": ",
    "بغداد",
    "(رويترز)",
    "(CNN)",
    "ايلاف من لندن:",
    "صوره",
    "تابع",
    "\u2013",
    "  ",
    "اقرا ايضا",
]
_LINES = st.lists(st.sampled_from(_PIECES), max_size=6).map("".join)


@settings(max_examples=500, deadline=None)
@given(_LINES, st.booleans())
def test_screened_rules_give_the_plain_answer(line: str, head: bool) -> None:
    assert _classify(line, _RULES, head, _screen()) == _classify_plain(line, _RULES, head)


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_every_match_holds_a_needed_string(line: str) -> None:
    for rule in _RULES:
        for m in rule.regex.finditer(line):
            if rule.needs:
                assert any(s in m.group() for s in rule.needs), (rule.where, m.group())


def test_rule_examples_fire_through_the_screen() -> None:
    for rule in _RULES:
        line = normalize(rule.example).text
        assert _classify(line, _RULES, True, _screen()) == _classify_plain(line, _RULES, True)
        assert _classify(line, _RULES, True, _screen()) is not None, rule.where


def test_needed_strings_read_off_patterns() -> None:
    assert needs(re.compile(r"(?:قتل|مقتل) \d+")) == ("قتل",)  # "مقتل" holds "قتل"
    # the parser moves the branches' common start next to the space: one run " جن"
    assert needs(re.compile(r"(?:قتل|مقتل) \d+ (?:جنود|جنديا)")) == (" جن",)
    assert needs(re.compile(r"^\W*نقلا عن\b")) == ("نقلا عن",)
    assert needs(re.compile(r"\((رويترز|ا ف ب)\)")) == ("ا ف ب", "رويترز")  # longer than "("
    # more than FEW alternatives cost a search each: the one character is kept
    assert needs(re.compile(r"\((رويترز|ا ف ب|واس|وام|سانا|قنا)\)")) == ("(",)
    assert needs(re.compile(r"[-–—]\s*\w+")) == ("-", "–", "—")
    assert needs(re.compile(r"(?:عاجل)?\s*\w+")) is None  # nothing is needed
    assert needs(re.compile(r"[^ab]+|x")) is None  # a branch without a needed string
    assert needs(re.compile("(?i)reuters")) is None  # case-insensitive: literals are not literal
    assert needs(re.compile(r"(?i:afp) ناسفه")) == (" ناسفه",)  # only the group is case-insensitive


# -- one key scan for the number words and the date keywords ---------------------------------------


def _keyscan_words() -> list[str]:
    from marsad.text.numbers import _matcher

    words = [k for k, _ in _matcher().automaton_items()] + [k for k, _ in _patterns().keywords.items()]
    return sorted(set(words))


_KEYWORDS = _keyscan_words()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["", "و", "ب", "ال", "وال", "لل"]),
            st.sampled_from([*_KEYWORDS, "قتل", "جنود", "في", "12", "،", "."]),
            st.sampled_from([" ", "", "\n", "ا"]),
        ),
        max_size=12,
    )
)
def test_one_key_scan_gives_each_set_its_own_hits(words: list[tuple[str, str, str]]) -> None:
    from marsad.text.keyscan import date_hits, number_hits
    from marsad.text.numbers import _matcher

    view = "".join(a + b + c for a, b, c in words)
    assert number_hits(view) == list(_matcher()._auto.iter(view))
    assert date_hits(view) == list(_patterns().keywords.iter(view))


def test_numbers_and_dates_with_the_shared_scan() -> None:
    from datetime import date

    from marsad.text.dates import _windows
    from marsad.text.keyscan import date_hits, number_hits
    from marsad.text.numbers import _matcher, find_numbers

    text = (
        "الموصل - قتل أكثر من ثلاثة وعشرين شخصاً وأصيب نحو مئة آخرين يوم الخميس 5 أيلول 2019، "
        "بعد يومين من هجوم مماثل في الأسبوع الماضي أودى بحياة خمسة عشر جندياً، بحسب ما أفادت به الشرطة أمس."
    )
    norm = normalize(text)
    view = norm.text
    assert _matcher().find(norm) == _matcher().find(norm, hits=number_hits(view))
    keywords = _patterns().keywords
    assert _windows(view, keywords) == _windows(view, keywords, date_hits(view))
    assert [n.value for n in find_numbers(text, norm) if n.kind == "cardinal"] == [23, 100, 15]
    assert date(2019, 9, 5) in {d.value for d in find_dates(text, norm, date(2019, 9, 6))}
