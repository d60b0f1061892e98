"""The trigger gate is SOUND: a report it turns away yields no event with the gate off either.

Reports are written for these tests (agency style, invented incidents). The property tests build
texts from the lexicon's own trigger words with clitics, diacritics, tatweel and hamza variants,
and check the gate's claim directly: when it says "no trigger", no non-generic trigger pattern
matches the extraction view.
"""

from __future__ import annotations

from datetime import datetime
from itertools import islice
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract import ExtractStage, extract_events
from marsad.extract.gate import GATE_KEY, NO_TRIGGER, GateStage, TriggerGate, gate_for
from marsad.extract.lexicon import Trigger, lexicons
from marsad.extract.textview import build_view
from marsad.model import Document
from marsad.pipeline import analysis_stages, extraction_stages
from marsad.stage import run_stages

PUB = datetime.fromisoformat("2023-04-11T08:00:00+03:00")

# no trigger word at all: economy, sport, culture
CALM = [
    "الرياض - وكالة المرصد: ارتفع مؤشر السوق الرئيسية بنسبة 1.2 بالمئة في ختام تعاملات اليوم "
    "الثلاثاء، مدعوما بمكاسب قطاع المصارف، وبلغت قيمة التداولات 6.4 مليار ريال.",
    "فاز فريق النادي الأهلي على ضيفه بثلاثة أهداف مقابل هدف في المباراة التي جرت مساء الجمعة "
    "ضمن الجولة العاشرة من الدوري، ليرتقي إلى المركز الثاني.",
    "افتتح وزير الثقافة معرض الكتاب الدولي في دورته الثلاثين بمشاركة 500 دار نشر من 30 دولة، "
    "ويستمر المعرض عشرة أيام.",
]
# an incident whose trigger words are written in the ways the normalisation folds
VARIANTS = [
    # diacritics on the trigger and the count
    "بغداد - وكالة المرصد: قُتِلَ ثلاثةُ جنود وأُصيب اثنان آخران صباح اليوم بانفجار عبوة ناسفة "
    "استهدفت دوريتهم في قضاء الطارمية شمال بغداد.",
    # tatweel inside the trigger, and the trigger with a conjunction and a preposition attached
    "الموصل - وكالة المرصد: أفاد مصدر أمني بمقـتـل شرطيين وإصابة ثالث في هجـوم شنه مسلحون "
    "مجهولون على نقطة تفتيش في الموصل، وبالهجوم ارتفع عدد الضحايا هذا الأسبوع.",
    # hamza forms written without hamza, the article and "لل"
    "عدن - وكالة المرصد: تعرضت دورية للشرطة لاطلاق نار في مديرية المنصورة، ما أدى الى اصابة "
    "اثنين من افرادها، وفر المهاجمون الى جهة مجهولة.",
    # the trigger only in the last paragraph
    "تعز - وكالة المرصد: عقد المحافظ اجتماعا مع قادة الأمن في المدينة مساء الأحد.\n"
    "وفي وقت لاحق، قصفت قوات الحوثيين حيا سكنيا شرق المدينة، ما أسفر عن مقتل امرأة وطفلها.",
]


def _doc(text: str, i: int = 0) -> Document:
    return Document(id=f"g{i}", text=text, published=PUB, outlet="Marsad Wire")


def _nongeneric_hit(text: str) -> bool:
    """What the gate must over-approximate: a non-generic trigger matches the extraction view."""
    lex = lexicons()
    view = build_view(Document(id="v", text=text), lex)
    return any(not h.pattern.payload.generic for h in lex.triggers.find(view.toks))


def test_calm_reports_are_gated_and_have_no_events_without_the_gate() -> None:
    gate = gate_for(lexicons())
    for i, text in enumerate(CALM):
        assert not gate.passes(text), text
        assert not _nongeneric_hit(text)
        assert extract_events(_doc(text, i), gate=False) == []
        doc = _doc(text, i)
        assert extract_events(doc) == [] and doc.analysis is None  # the text layer never ran


def test_folded_spellings_pass_and_give_the_same_events() -> None:
    gate = gate_for(lexicons())
    for i, text in enumerate(VARIANTS):
        assert gate.passes(text), text
        on, off = extract_events(_doc(text, i)), extract_events(_doc(text, i), gate=False)
        assert [e.to_json() for e in on] == [e.to_json() for e in off]
    assert extract_events(_doc(VARIANTS[0]))  # a real incident, not only a vacuous equality


def test_every_trigger_example_passes_also_with_diacritics_and_tatweel() -> None:
    lex = lexicons()
    gate = gate_for(lex)
    examples = {p.payload.example for p in lex.triggers.patterns if not p.payload.generic}
    assert len(examples) > 50
    for ex in examples:
        assert gate.passes(ex), ex
        # a damma after every letter and a tatweel in every other word: folded away by the view
        marked = " ".join(
            "ـ".join(w) if k % 2 else "".join(c + "\u064f" for c in w) for k, w in enumerate(ex.split())
        )
        assert gate.passes(marked), marked


def test_gate_is_derived_from_the_loaded_patterns() -> None:
    """A new trigger word makes the gate pass reports with it (nothing is hand-listed)."""
    from marsad.extract.lexicon import _compile

    lex = lexicons()
    text = "قال التقرير إن الزلزال خلف دمارا واسعا في القرى الجبلية."
    assert not gate_for(lex).passes(text)
    extra = _compile("دمارا|دمار", Trigger("LOOT", True, False, text, 0), "test")
    wider = TriggerGate(lex, [*lex.triggers.patterns, extra])
    assert wider.passes(text)
    # a generic entry alone never opens the gate (it never makes a mention)
    generic = _compile("دمارا|دمار", Trigger("LOOT", False, True, text, 0), "test")
    assert not TriggerGate(lex, [*lex.triggers.patterns, generic]).passes(text)


_lex = lexicons()
_WORDS = sorted(
    {w for p in _lex.triggers.patterns for t in p.toks for w in t.words}
    | {pre + "هم" for p in _lex.triggers.patterns for t in p.toks for pre in t.prefixes}
)
_NOISE = ["في", "على", "الى", "إلى", "أمس", "المدينة", "قال", "من", "بيان", "12", "ثلاثة", "،", ".", "\n"]
_CLITIC = ["", "و", "ف", "ب", "ل", "ال", "وال", "بال", "لل", "وب"]
_MARK = ["", "\u064e", "\u0650", "\u0651", "ـ"]


@st.composite
def _words(draw: st.DrawFn) -> str:
    out = []
    for _ in range(draw(st.integers(1, 12))):
        if draw(st.booleans()):
            w = draw(st.sampled_from(_WORDS))
            w = draw(st.sampled_from(_CLITIC)) + w
            k = draw(st.integers(0, len(w)))
            w = w[:k] + draw(st.sampled_from(_MARK)) + w[k:]
            out.append(w + draw(st.sampled_from(["", "ا", "ها", "،"])))
        else:
            out.append(draw(st.sampled_from(_NOISE)))
    return " ".join(out)


@settings(max_examples=300, deadline=None)
@given(_words())
def test_gate_over_approximates_the_trigger_matcher(text: str) -> None:
    gate = gate_for(lexicons())
    if _nongeneric_hit(text):
        assert gate.passes(text), text
    # the cheap path (pieces of the original) and the full view agree
    from marsad.text.normalize import normalize

    assert gate.passes(text) == gate.passes_view(normalize(text).text)


def test_pipeline_counts_gated_reports_and_skips_their_analysis() -> None:
    docs = [_doc(t, i) for i, t in enumerate(CALM + VARIANTS)]
    stages = extraction_stages()
    assert isinstance(stages[0], GateStage) and isinstance(stages[-1], ExtractStage)
    out = list(run_stages(stages, docs))
    assert [d.meta[GATE_KEY] == NO_TRIGGER for d in out] == [True] * len(CALM) + [False] * len(VARIANTS)
    assert all(d.analysis is None and d.events == [] for d in out[: len(CALM)])
    assert all(d.analysis is not None for d in out[len(CALM) :])
    assert stages[0].stats.extra["gated: no trigger"] == len(CALM)
    assert stages[1].stats.extra["skipped: gated"] == len(CALM)
    # the same events as the stage list without the gate
    plain = list(
        run_stages(extraction_stages(gate=False), [_doc(t, i) for i, t in enumerate(CALM + VARIANTS)])
    )
    assert [[e.to_json() for e in d.events] for d in out] == [[e.to_json() for e in d.events] for d in plain]


def test_analyze_pipeline_has_no_gate() -> None:
    docs = list(run_stages(analysis_stages(), [_doc(t, i) for i, t in enumerate(CALM)]))
    assert all(d.analysis is not None and d.analysis.sentences for d in docs)


def test_real_articles_same_events_with_and_without_gate(shared_dir: Path) -> None:
    """The first 300 ANT articles (all categories): identical events; the whole corpus is checked by
    `benchmarks/check_events.py` (see benchmarks/results/speed.md)."""
    from marsad.config import Settings
    from marsad.io import read_inputs

    corpus = shared_dir / "corpus" / "ant-multisource-2018.jsonl.gz"

    def docs() -> list[Document]:
        return list(islice(read_inputs([corpus], Settings()), 300))

    lines_on = [e.to_json() for d in run_stages(extraction_stages(), docs()) for e in d.events]
    lines_off = [e.to_json() for d in run_stages(extraction_stages(gate=False), docs()) for e in d.events]
    assert lines_on == lines_off
    assert lines_on, "some of these articles report incidents"


def _mention_facts(view_doc: Document, keep: bool) -> list[tuple[object, ...]]:
    from marsad.extract.mentions import sentence_mentions

    lex = lexicons()
    view = build_view(view_doc, lex, keep=gate_for(lex).passes if keep else None)
    return [
        (
            m.sent,
            m.start,
            m.end,
            m.blocked_sentence,
            [(t.tag, t.start, t.end, t.blocked, t.strong, t.last - t.first) for t in m.triggers],
            [(c.role, c.value, c.start, c.end, c.attacker) for c in m.casualties],
            [(a.entry.name, a.start, a.end, a.target) for a in m.actors],
        )
        for m in sentence_mentions(view, lex)
    ]


@settings(max_examples=150, deadline=None)
@given(st.lists(_words(), min_size=1, max_size=6))
def test_gated_sentence_view_gives_the_same_mentions(sentences: list[str]) -> None:
    """Sentences the gate turns away get no tokens; the mentions are those of the full view."""
    text = "\n".join(s + "." for s in [*sentences, *VARIANTS[:1]])
    assert _mention_facts(_doc(text), True) == _mention_facts(_doc(text), False)


def test_gated_sentence_view_on_reports() -> None:
    for i, text in enumerate([*VARIANTS, *CALM, "\n".join(VARIANTS)]):
        lazy = _mention_facts(_doc(text, i), True)
        assert lazy == _mention_facts(_doc(text, i), False)
    assert lazy  # not vacuous


def _words_of_the_lexicon() -> list[str]:
    gate = gate_for(lexicons())
    words = sorted(gate._word_groups) + [p for lst in gate._prefix_groups.values() for p, _ in lst]
    return words + sorted(lexicons().class_words)


_CLITICS = ["", "و", "ف", "ب", "ل", "ك", "ال", "لل", "وال", "بال", "فال", "وب", "ول"]
_ENDINGS = ["", "ا", "ه", "هم", "ات", "ين", "ية"]
_OTHER = ["وزير", "اجتماع", "المعرض", "ريال", "أهداف", "مباراة", "السوق", "قطاع", "دورته", "الثقافة"]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_CLITICS),
    st.one_of(st.sampled_from(_words_of_the_lexicon()), st.sampled_from(_OTHER)),
    st.sampled_from(_ENDINGS),
    st.sampled_from(["", "،", ".", "-", "(", ")"]),
)
def test_the_key_scan_drops_only_words_that_satisfy_no_group(
    clitic: str, word: str, ending: str, punct: str
) -> None:
    """`_may_hit` (one Aho-Corasick scan for any word or prefix a group needs) skips a word or a
    piece only when working it out in full finds no group either."""
    fast = TriggerGate(lexicons())
    full = TriggerGate(lexicons())
    full._keys = None  # every word and piece worked out in full
    piece = clitic + word + ending + punct
    assert fast.chunk_groups(piece) == full.chunk_groups(piece)
    w = clitic + word + ending
    assert fast.word_groups(w) == full.word_groups(w)


def test_the_key_scan_skips_most_calm_words() -> None:
    gate = TriggerGate(lexicons())
    assert gate._keys is not None
    assert not gate._may_hit("وزير") and not gate._may_hit("المباراه")
    assert gate._may_hit("وبالقصف") and gate._may_hit("مقتل")
    for text in CALM + VARIANTS:
        slow = TriggerGate(lexicons())
        slow._keys = None
        assert gate.passes(text) == slow.passes(text)


@settings(max_examples=300, deadline=None)
@given(
    st.frozensets(st.sampled_from(["قتل", "مقتل", "هجوم", "قصف", "اشتباك"]), max_size=3),
    st.lists(st.sampled_from(["مصرع", "اشتباك", "قت", "هج"]), max_size=2),
    st.sampled_from(_CLITICS),
    st.sampled_from(["قتل", "مقتل", "مصرعهم", "اشتباكات", "هجمات", "وزير", "قصفا"]),
)
def test_word_token_match_is_the_plain_set_and_prefix_test(
    words: frozenset[str], prefixes: list[str], clitic: str, word: str
) -> None:
    """`PTok.match` (the matcher's hot test, written without temporary sets) gives the answer of
    the plain test: a form of the token is one of the words or starts with one of the prefixes."""
    from marsad.extract.patterns import PTok, Tok, variants

    pt = PTok("word", words=words, prefixes=tuple(prefixes))
    tok = Tok(0, 1, clitic + word, variants(clitic + word))
    plain = bool(words & tok.forms) or any(f.startswith(p) for p in prefixes for f in tok.forms)
    assert pt.match(tok) == plain


_VIEW_TEXTS = [
    "",
    "،،، - ...",
    "قتل 3 اشخاص واصيب 12.5 بالمئه في هجوم على 1,200 منزل",
    "قصف F16 مواقع في الساعه 10:30 و3 غارات،ومقتل2 بـ5 صواريخ",
    "ابو_بكر #غزه (الضفه) «القدس» 2021-09-05 و5/9/2021",
]


def test_view_tokens_are_the_tokens_of_the_plain_scan() -> None:
    """`textview._tokens` (whole-list passes) cuts the tokens the plain `finditer` loop did, with
    the same spans (inside a range of the view too), forms and classes."""
    from marsad.extract.patterns import MEMO_CLASSES, MEMO_FORMS, Tok
    from marsad.extract.textview import WORD_RE, _cache_for, _tokens
    from marsad.text.normalize import normalize

    lex = lexicons()
    cache = _cache_for(lex)
    for text in _VIEW_TEXTS + VARIANTS + CALM:
        view = normalize(text).text
        for pos, end in ((0, len(view)), (len(view) // 3, 2 * len(view) // 3)):
            plain = []
            for m in WORD_RE.finditer(view, pos, end):
                memo = cache.get(m.group())
                forms, classes = memo[MEMO_FORMS], memo[MEMO_CLASSES]
                plain.append(Tok(m.start(), m.end(), m.group(), forms, None, -1, False, None, classes, memo))
            got = _tokens(view, pos, end, lex)
            assert got == plain
            # `memo` is left out of ==: each token points to its word's record
            assert [t.memo for t in got] == [t.memo for t in plain]
            assert all(a.memo is b.memo for a, b in zip(got, plain, strict=True))


def test_the_plain_loop_for_word_and_class_patterns_finds_the_same_hits() -> None:
    """`Matcher.find` matches patterns of words and classes by a loop; with every pattern sent
    through the recursive `_match_at` instead, the hits of every lexicon are the same."""
    from marsad.extract.patterns import Matcher

    lex = lexicons()
    texts = VARIANTS + CALM + _VIEW_TEXTS
    found = 0
    for m in (lex.triggers, lex.cues, lex.actors, lex.casualties):
        plain = Matcher(m.patterns)
        plain._simple = set()
        for text in texts:
            toks = build_view(Document(id="v", text=text), lex).toks
            for lo, hi in ((0, len(toks)), (2, max(2, len(toks) - 3))):
                fast = [(h.pattern.source, h.first, h.last, h.nums) for h in m.find(toks, lo, hi)]
                ref = [(h.pattern.source, h.first, h.last, h.nums) for h in plain.find(toks, lo, hi)]
                assert fast == ref
                found += len(fast)
    assert lex.triggers._simple and found > 20  # the loop was used, and the texts have hits
