"""The sentence-by-sentence view gives each kept sentence the tokens the whole view gives it.

Reports are written for these tests (agency style, invented incidents)."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract.lexicon import lexicons
from marsad.extract.textview import SKIP_ZONES, build_view
from marsad.model import Document

PUB = datetime.fromisoformat("2023-04-11T08:00:00+03:00")

REPORTS = [
    "بغداد - (وكالة المرصد) - قُتل 3 جنود.وأصيب 12.5 بالمئة من أفراد الدورية،في هجوم...\n"
    "وقال مصدر أمني: «الهجوم وقع فجراً»؛ وأضاف أن القوات طوقت المكان!؟ (وتبنى التنظيم الهجوم.)",
    "الموصل ـ خاص: اعتُقل 5 مشتبه بهم.. بينهم د. أحمد، في عملية أمنية بحي 17 تموز\n\n"
    "صورة أرشيفية لعناصر الأمن\nاقرأ أيضاً: مقتل جنديين بانفجار",
    "عدن: أطلق مسلحون النار على حاجز 1,200 متر شرق المدينة.وفر المهاجمون.أفاد شهود.",
]


def _ranges(text: str, keep: bool) -> list[list[tuple[int, int, str]]]:
    lex = lexicons()
    view = build_view(
        Document(id="t", text=text, published=PUB), lex, keep=(lambda _s: True) if keep else None
    )
    return [
        [(t.start, t.end, t.norm) for t in view.toks[sv.lo : sv.hi]]
        for sv in view.sents
        if sv.zone not in SKIP_ZONES
    ]


def test_kept_sentences_get_the_tokens_of_the_whole_view() -> None:
    for text in REPORTS:
        got = _ranges(text, keep=True)
        assert got == _ranges(text, keep=False)
        assert sum(map(len, got)) > 10


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["قتل", "3", "جنود", "12.5", ".", "..", "،", "!", "؟", " ", "\n", "«", "»", "(", ")", "د."]
        ),
        min_size=1,
        max_size=25,
    )
)
def test_kept_sentences_on_odd_punctuation(parts: list[str]) -> None:
    text = "".join(p if p in (" ", "\n") else p + ("" if len(p) == 1 else " ") for p in parts)
    assert _ranges(text, keep=True) == _ranges(text, keep=False)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["قتل", "3", "جنود", "12.5", "1,200", ".", "،", " ", "\n", "واصيب"]), max_size=20
    ),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=6),
)
def test_sentence_tokens_are_the_filtered_whole_view(parts: list[str], spans: list[tuple[int, int]]) -> None:
    """`_sentence_tokens` on sentences cut anywhere (inside words, overlapping, out of order): a
    kept sentence gets the tokens of the whole view that start at or after the largest sentence
    end so far and before its end, and end after its start."""
    from marsad.extract.textview import _sentence_tokens, _tokens
    from marsad.model import Sentence

    lex = lexicons()
    text = "".join(parts)
    n = len(text)
    sents = [Sentence(min(a, n), min(a + w, n), "body") for a, w in spans]
    every = _tokens(text, 0, n, lex)
    toks, views = _sentence_tokens(text, text, sents, lambda o: o, lex, lambda _s: True)
    done = 0
    for sent, sv in zip(sents, views, strict=True):
        want = (
            [t for t in every if done <= t.start < sent.end and t.end > sent.start] if sent.end > done else []
        )
        assert toks[sv.lo : sv.hi] == want
        done = max(done, sent.end)
