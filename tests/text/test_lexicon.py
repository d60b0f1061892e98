"""PhraseMatcher: proclitics, article, boundaries, leftmost-longest, original offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.lexicon import PREFIXES, PhraseMatcher
from marsad.text.normalize import normalize, normalize_key

REPORT = (
    "الحويجة (كركوك) - قُتِل ثلاثة من عناصر الشرطة الاتحادية وأُصيب آخرون بانفجار عبوة ناسفة "
    "وبالحويجة اشتباكات متقطعة، فيما وصلت تعزيزات للحويجة ولمدينة كركوك من بغداد. "
    "وقال مسؤول في شرطة كركوكي إنّ الحويجةَ تشهد هدوءاً حذراً."
)


def _texts(report: str, matches: list) -> list[tuple[str, str, object]]:
    return [(report[m.token_start : m.end], report[m.start : m.end], m.value) for m in matches]


def test_proclitics_and_article() -> None:
    m = PhraseMatcher([("الحويجة", "Hawija"), ("كركوك", "Kirkuk"), ("مدينة كركوك", "Kirkuk city")])
    got = _texts(REPORT, m.find(normalize(REPORT)))
    assert ("الحويجة", "الحويجة", "Hawija") in got
    assert ("وبالحويجة", "الحويجة", "Hawija") in got
    assert ("للحويجة", "حويجة", "Hawija") in got  # ل + ال contracted
    assert ("الحويجةَ", "الحويجةَ", "Hawija") in got  # the fatha belongs to the last letter
    assert ("ولمدينة كركوك", "مدينة كركوك", "Kirkuk city") in got  # longest wins
    assert ("كركوك", "كركوك", "Kirkuk") in got  # the one in brackets
    assert all(t != "كركوكي" for t, _, _ in got)  # no match inside a longer word
    assert len([g for g in got if g[2] == "Kirkuk"]) == 1


def test_entry_without_article_matches_with_it() -> None:
    m = PhraseMatcher([("حويجة", "Hawija")])
    got = _texts(REPORT, m.find(REPORT))
    assert ("وبالحويجة", "حويجة", "Hawija") in got
    assert ("للحويجة", "حويجة", "Hawija") in got
    assert ("الحويجة", "حويجة", "Hawija") in got


def test_article_optional() -> None:
    text = "وصلت قوات الى حويجة العبيد ثم الى الحويجة"
    strict = PhraseMatcher([("الحويجة", 1)])
    loose = PhraseMatcher([("الحويجة", 1)], article_optional=True)
    assert [text[m.start : m.end] for m in strict.find(text)] == ["الحويجة"]
    assert [text[m.start : m.end] for m in loose.find(text)] == ["حويجة", "الحويجة"]


def test_duplicates_keep_all_values_and_get() -> None:
    m = PhraseMatcher([("الرشيدية", "Rashidiya (Iraq)"), ("الرشيديّة", "Rashidiya (Lebanon)")])
    (hit,) = m.find("اشتباكات في الرشيدية")
    assert hit.value == "Rashidiya (Iraq)" and hit.values == ("Rashidiya (Iraq)", "Rashidiya (Lebanon)")
    assert m.get("الرشيدية") == ["Rashidiya (Iraq)", "Rashidiya (Lebanon)"]
    assert m.get("بغداد") == []


def test_overlapping_returns_all() -> None:
    m = PhraseMatcher([("عبوة ناسفة", "IED"), ("عبوة", "device"), ("ناسفة", "explosive")])
    text = "انفجار عبوة ناسفة"
    assert [x.value for x in m.find(text)] == ["IED"]
    assert {x.value for x in m.find(text, overlapping=True)} == {"IED", "device", "explosive"}


def test_not_a_proclitic() -> None:
    m = PhraseMatcher([("قتل", "kill")])
    text = "قتل وقتل فقتل مقتل يقتل استقتل"
    assert [text[x.token_start : x.end] for x in m.find(text)] == ["قتل", "وقتل", "فقتل"]


_WORDS = ["الحويجة", "كركوك", "مدينة كركوك", "بيجي", "طوز خورماتو", "الرمادي"]
_NOISE = st.text(alphabet="ابتجدرسعقلمنهوي \u064e\u0650\u0651ـ\u200f،.", max_size=12)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(sorted(PREFIXES)), st.sampled_from(_WORDS), _NOISE), max_size=5),
    st.booleans(),
)
def test_inserted_phrases_are_found_at_their_original_offsets(parts: list, marks: bool) -> None:
    matcher = PhraseMatcher([(w, w) for w in _WORDS])
    text = ""
    for prefix, word, noise in parts:
        if prefix.endswith("ال") and word.startswith("ال"):
            prefix = prefix[:-2]
        if prefix.endswith("لل") and word.startswith("ال"):
            prefix = prefix[:-1]
        if marks:  # decorate the word with harakat and tatweel, as some outlets do
            word = word[0] + "\u064e" + word[1:] + "ـ"
        text += " " + prefix + word + " " + noise + " "
    norm = normalize(text)
    for m in matcher.find(norm, overlapping=True):
        assert 0 <= m.token_start <= m.start <= m.end <= len(text)
        # the original characters fold back to the matched key (or to it minus the contracted alef)
        key = normalize_key(text[m.start : m.end])
        assert key == m.phrase or "ا" + key == m.phrase
        assert norm.to_original(m.view_start, m.view_end) == (m.start, m.end)
    found = {m.phrase for m in matcher.find(norm, overlapping=True)}
    for _prefix, word, _noise in parts:
        assert normalize_key(word) in found
