"""The matcher's look-ups give the plain matcher's hits: `Matcher.find` (pattern tokens tested by
set look-up in `_sat`, gaps scanned for their next token) against `Matcher.find_plain` (every
candidate pattern tried by the recursion of `_match_at` and `PTok.match`).

Reports are written for these tests (agency style, invented incidents)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract.lexicon import lexicons
from marsad.extract.patterns import MEMO_MATCHERS, Matcher, Tok, variants
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


# --- word records: the matchers' answers kept with the word (`Tok.memo`, `Matcher.bind`) ---------


def _without_records(toks: list[Tok]) -> list[Tok]:
    return [replace(t, memo=None) for t in toks]


def test_find_with_word_records_is_find_without() -> None:
    """The view's tokens carry their word's record; the hits are those of tokens without one (the
    matchers' own word caches) and of the plain matcher, on a cold and on a warm record."""
    lex = lexicons()
    for text in REPORTS:
        toks = build_view(Document(id="r", text=text, published=PUB), lex).toks
        assert any(t.memo is not None for t in toks)
        bare = _without_records(toks)
        for m in (lex.triggers, lex.cues, lex.actors, lex.casualties):
            for _ in range(2):  # the second time from the filled records
                fast = _hits(m, toks, 0, len(toks), plain=False)
                assert fast == _hits(m, bare, 0, len(toks), plain=False)
                assert fast == _hits(m, toks, 0, len(toks), plain=True)


def test_a_matcher_reads_only_the_records_of_its_own_cache() -> None:
    """A matcher bound to another owner (another lexicon set's cache) neither reads nor fills the
    records of these tokens: its hits are the plain ones and the records stay as they were."""
    lex = lexicons()
    text = REPORTS[0]
    toks = build_view(Document(id="o", text=text, published=PUB), lex).toks
    lex.cues.find(toks)  # the cue matcher's slot of each record is filled
    before = [list(t.memo) if t.memo is not None else None for t in toks]
    other = Matcher(lex.triggers.patterns)
    other.bind(object(), 2)  # the cue matcher's slot, another owner
    got = [(h.pattern.source, h.first, h.last, h.nums) for h in other.find(toks)]
    assert got == _hits(lex.triggers, toks, 0, len(toks), plain=True)
    assert got, "the report names a trigger"
    assert [list(t.memo) if t.memo is not None else None for t in toks] == before


def test_a_record_slot_holds_this_matchers_answers() -> None:
    """What a bound matcher leaves in a word's record is what it works out for the word."""
    lex = lexicons()
    toks = build_view(Document(id="s", text=REPORTS[2], published=PUB), lex).toks
    m = lex.cues
    m.find(toks)
    slot = m._slot
    for t in toks:
        if t.memo is None:
            continue
        assert t.memo[0] is m._owner
        if t.memo[slot] is not None:
            want = m._compute_candidates(t)
            assert [(id(p), s, simple, ids) for p, s, simple, ids in t.memo[slot]] == [
                (id(p), s, simple, ids) for p, s, simple, ids in want
            ]
        if t.memo[slot + 1] is not None:
            assert t.memo[slot + 1] == m._sat_set(t)


def test_number_tokens_have_no_word_record() -> None:
    """A number's candidates differ from its word's (`{N}` patterns): a token that holds a number
    has no record and is looked up in the matchers' number cache."""
    lex = lexicons()
    toks = build_view(Document(id="n", text=REPORTS[4], published=PUB), lex).toks
    nums = [t for t in toks if t.num is not None]
    assert nums, "the report gives numbers"
    assert all(t.memo is None for t in nums)
    assert all(t.memo is not None for t in toks if t.num is None)


def test_bind_takes_only_the_record_slots_there_are() -> None:
    m = Matcher(lexicons().cues.patterns)
    with pytest.raises(ValueError):
        m.bind(object(), MEMO_MATCHERS)
    with pytest.raises(ValueError):
        m.bind(object(), -1)


def test_pruned_candidates_drop_only_patterns_whose_first_word_cannot_match() -> None:
    """The candidates `find` keeps are the full list in the same order, less patterns offered by
    the two-letter prefix index whose first word no form of the token matches (they find nothing
    there: `find` = `find_plain` above); some words of the lexicons meet such patterns."""
    lex = lexicons()
    dropped = 0
    for word in _WORDS + _FILLER + ["مصر", "قتلى", "حرس"]:
        for clitic in ("", "و", "ال"):
            norm = clitic + word
            classes = frozenset(c for f in variants(norm) for c in lex.class_words.get(f, ()))
            tok = Tok(0, len(norm), norm, variants(norm), classes=classes)
            for m in (lex.triggers, lex.cues, lex.actors, lex.casualties):
                full = m._compute_candidates(tok, prune=False)
                kept = m._compute_candidates(tok)
                ids = [id(c[0]) for c in kept]
                assert ids == [id(c[0]) for c in full if id(c[0]) in set(ids)]  # same order
                for p, sure, _simple, _ids in full:
                    if id(p) not in ids:
                        dropped += 1
                        assert not sure and p.toks[0].kind == "word" and not p.toks[0].match(tok)
                assert all(c in full for c in kept)
    assert dropped > 0


def _pruned_step_by_step(m: Matcher, tok: Tok) -> object:
    """`_compute_candidates(tok)` from its reference list (`prune=False`) and the pruning rule
    its docstring states, without the shortcut for words no index holds anything for."""
    full = m._compute_candidates(tok, prune=False)
    kept = [c for c in full if c[1] or c[0].toks[0].kind != "word" or c[0].toks[0].match(tok)]
    return kept or ()


@settings(max_examples=300, deadline=None)
@given(
    clitic=st.sampled_from(["", "و", "ب", "ل", "ال", "وال", "فب"]),
    word=st.sampled_from(_WORDS + _FILLER + ["مصر", "قتلى", "حرس", "مصرعهم", "اشتباك", "غارات"]),
    num=st.sampled_from([None, 3]),
    with_classes=st.booleans(),
)
def test_words_without_candidates_are_answered_at_once(
    clitic: str, word: str, num: int | None, with_classes: bool
) -> None:
    """The shortcut of `_compute_candidates` (no first word, first prefix head or first class of
    any pattern among the token's forms and classes, not a number) gives what the step-by-step
    computation gives, for words with and without candidates, numbers and classes."""
    lex = lexicons()
    norm = clitic + word
    forms = variants(norm)
    classes = frozenset(c for f in forms for c in lex.class_words.get(f, ())) if with_classes else frozenset()
    tok = Tok(0, len(norm), norm, forms, num=num, classes=classes)
    for m in (lex.triggers, lex.cues, lex.actors, lex.casualties):
        assert m._compute_candidates(tok) == _pruned_step_by_step(m, tok)


def test_the_shortcut_sees_every_kind_of_first_token() -> None:
    """Words that only a first prefix, only a first class or only a number makes a candidate for
    still get their candidates (each kind of index is read by the shortcut's test)."""
    lex = lexicons()
    seen = {"word": 0, "prefix": 0, "class": 0, "num": 0}
    for m in (lex.triggers, lex.cues, lex.actors, lex.casualties):
        for p in m.patterns:
            head = p.toks[0]
            if head.kind == "word" and head.prefixes:
                norm = head.prefixes[0] + "ات"
                seen["prefix"] += 1
            elif head.kind == "word":
                norm = sorted(head.words)[0]
                seen["word"] += 1
            else:
                continue
            tok = Tok(0, len(norm), norm, variants(norm))
            assert m._compute_candidates(tok) == _pruned_step_by_step(m, tok) != ()
        for key in m.by_kind:
            tok = Tok(0, 1, "س", frozenset({"س"}), num=7 if key == "num" else None, classes=frozenset())
            if key.startswith("class:"):
                tok = replace(tok, classes=frozenset({key[6:]}))
                seen["class"] += 1
            else:
                seen["num"] += 1
            assert m._compute_candidates(tok) == _pruned_step_by_step(m, tok) != ()
    assert all(seen.values()), seen
