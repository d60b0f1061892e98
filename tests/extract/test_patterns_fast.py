"""The matcher's look-ups give the plain matcher's hits: `Matcher.find` (pattern tokens tested by
set look-up in `_sat`, gaps scanned for their next token) against `Matcher.find_plain` (every
candidate pattern tried by the recursion of `_match_at` and `PTok.match`).

Reports are written for these tests (agency style, invented incidents)."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract.lexicon import lexicons
from marsad.extract.patterns import Matcher, Tok, variants
from marsad.extract.textview import build_view
from marsad.model import Document

PUB = datetime.fromisoformat("2023-04-11T08:00:00+03:00")

REPORTS = [
    "بغداد - وكالة المرصد: قتل أكثر من 20 شخصا وأصيب نحو ثلاثين آخرين على الأقل بانفجار سيارة "
    "مفخخة استهدفت سوقا شعبيا في مدينة الصدر، ولم تعلن أي جهة مسؤوليتها عن الهجوم.",
    "البصرة - وكالة المرصد: نزل آلاف المحتجين إلى الشوارع مساء الجمعة للمطالبة بتحسين الخدمات، "
    "وأطلقت قوات الأمن الغاز المسيل للدموع لتفريقهم، ما أدى إلى إصابة 12 متظاهرا بحالات اختناق.",
    "صنعاء - وكالة المرصد: شنت طائرات التحالف غارتين على مواقع لجماعة الحوثي شمال المدينة، "
    "فيما قال مصدر محلي إن مسلحين مجهولين اغتالوا ضابطا في الأمن برصاص قناص أمام منزله.",
    "درعا - وكالة المرصد: اعتقلت الأجهزة الأمنية خمسة أشخاص بتهمة الانتماء إلى تنظيم داعش، "
    "وقالت إن بعضهم متورط في اختطاف مدنيين والاعتداء على حاجز للجيش قبل أسبوعين.",
    "القاهرة - وكالة المرصد: أعلن الجيش مقتل 3 جنود و7 مسلحين في اشتباكات استمرت ساعات في "
    "شمال سيناء، بعد أن هاجم نحو 40 مسلحا كمينا أمنيا بقذائف الهاون والأسلحة الرشاشة.",
]


def _hits(
    m: Matcher, toks: list[Tok], lo: int, hi: int, plain: bool
) -> list[tuple[str, int, int, list[int]]]:
    found = m.find_plain(toks, lo, hi) if plain else m.find(toks, lo, hi)
    return [(h.pattern.source, h.first, h.last, h.nums) for h in found]


def _same_hits(text: str) -> int:
    lex = lexicons()
    toks = build_view(Document(id="p", text=text, published=PUB), lex).toks
    n = 0
    for m in (lex.triggers, lex.cues, lex.actors, lex.casualties):
        for lo, hi in ((0, len(toks)), (1, len(toks) - 2), (len(toks) // 2, len(toks))):
            fast = _hits(m, toks, lo, hi, plain=False)
            assert fast == _hits(m, toks, lo, hi, plain=True), (text, lo, hi)
            n += len(fast)
    return n


def test_find_is_the_plain_matcher_on_reports() -> None:
    assert sum(_same_hits(t) for t in REPORTS) > 40  # the reports have hits in every lexicon


def _pattern_words() -> list[str]:
    lex = lexicons()
    words: set[str] = set()
    for m in (lex.triggers, lex.cues, lex.actors, lex.casualties):
        for p in m.patterns:
            for t in p.toks:
                words.update(t.words)
                words.update(pre + "ات" for pre in t.prefixes)
    return sorted(words)


_WORDS = _pattern_words()
_FILLER = ["في", "على", "من", "و", "،", ".", "3", "12", "نحو", "أكثر", "الأقل", "أمس", "المدينة"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["", "و", "ب", "ل", "ال", "وال"]), st.sampled_from(_WORDS + _FILLER)),
        min_size=1,
        max_size=14,
    )
)
def test_find_is_the_plain_matcher_on_lexicon_words(words: list[tuple[str, str]]) -> None:
    _same_hits(" ".join(c + w for c, w in words))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["", "و", "ف", "ب", "ل", "ال", "وال", "لل"]), st.sampled_from(_WORDS + _FILLER))
def test_satisfied_tokens_are_ptok_match(clitic: str, word: str) -> None:
    """`_sat_of` lists exactly the pattern tokens whose `PTok.match` accepts the token."""
    lex = lexicons()
    norm = clitic + word
    for m in (lex.triggers, lex.cues, lex.actors, lex.casualties):
        classes = frozenset(c for f in variants(norm) for c in lex.class_words.get(f, ()))
        tok = Tok(0, len(norm), norm, variants(norm), classes=classes)
        want = {pid for pt, pid in m._pid.items() if pt.match(tok)}
        m._sat.pop(norm, None)  # worked out afresh for this token (the test builds its classes)
        assert m._sat_of(tok) == want
        m._sat.pop(norm, None)
