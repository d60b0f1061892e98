"""The geocoder's speed shortcuts give exactly what the plain code gives (issue 6)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.geo import get_geocoder
from marsad.geo.keys import WORD_RE, Tok, fold, readings, strip_article, tokenize
from marsad.geo.match import Matcher, Mention

REPORTS = [
    "بغداد - قتل ثلاثة مدنيين وأصيب خمسة آخرون بانفجار عبوة ناسفة في قضاء الحويجة التابع لمحافظة كركوك.",
    "أعلنت الشرطة العراقية مقتل شخصين في قرية البو حمدان جنوب مدينة سامراء، وفي ناحية العظيم شمالي بعقوبة.",
    "دمشق (وكالات) - قصفت طائرات حربية بلدات في ريف إدلب الجنوبي وفي محافظتي إدلب وحلب، وسط الأراضي السورية.",
    "القاهرة: قال مسؤول في الجيش المصري إن مسلحين هاجموا كمينا قرب العريش في شمال سيناء.",
    "عدن - اندلعت اشتباكات بين قوات الحكومة ومسلحين في تعز وإب، وسقط قتلى في مدينة التل وبالحويجة.",
    "نقلت وكالة فرانس برس عن مصدر أمني أن مهندسا تركيا خطف في العاصمة الأردنية عمان.",
    # tanween words (never names) right after type words and names: the walk steps over them
    "قتل شخصاً في مدينة العين السخنة دوراً كبيراً، وقصفت طائرة موقعاً قرب قضاء الحويجة جنوبيّ كركوك.",
    "أصيب جندياً في مدينة الموصل شمالاً وفي محافظتي نينوى وكركوك، ولاية شمال الراين وستفاليا أيضاً.",
    # words that are gazetteer names the walk turns down out of context (أن، البلاد، الحكومة،
    # التحالف، الجمعة), some right after a frame word that may license them (إلى أن، في الحكومة)
    "أشار المتحدث إلى أن قوات التحالف غادرت البلاد يوم الجمعة، وقالت الحكومة في بيان إن قوات الأمن "
    "انتشرت حول مدينة الحديدة وفي الحكومة خلاف.",
    "أكد مصدر أن القوات العراقية دخلت قضاء تلعفر وتل عفر وناحية ذي قار، ومن أن الولايات المتحدة "
    "والحكومة السورية وقوات النظام في البلاد.",
    # towns of one name in several countries: the country hint changes the first pass's picks
    "قتل ثلاثة أشخاص في انفجار بالمحمودية وأصيب آخرون في الحسينية والإسكندرية والمنصورة والرمادي.",
    # a type word cut off by punctuation, type words with clitics, a direction word after a name
    "وقال مسؤول في العاصمة، بأزمة حادة تمر بها محافظة البصرة، وبمحافظة ميسان وفي الحمام غرب مطروح.",
]


def _reference_tokenize(text: str) -> list[Tok]:
    """tokenize as it was written before the word cache: every word worked out afresh, one match
    object per word."""
    out = []
    for m in WORD_RE.finditer(text):
        folded = fold(m.group())
        if not folded:
            continue
        rel = readings(m.group(), folded)
        out.append(Tok(m.start(), m.end(), folded, strip_article(folded), rel, tuple(k for k, _ in rel)))
    return out


def _absolute_readings(text: str) -> list[tuple[tuple[str, int], ...]]:
    """Each word's readings with offsets into the text, as `Tok.readings` held them before `rel`."""
    out = []
    for m in WORD_RE.finditer(text):
        folded = fold(m.group())
        if folded:
            out.append(tuple((k, m.start() + o) for k, o in readings(m.group(), folded)))
    return out


def _same_tokens(text: str) -> None:
    toks = tokenize(text)
    assert toks == _reference_tokenize(text)
    assert [t.readings for t in toks] == _absolute_readings(text)
    assert all(type(t) is Tok for t in toks)


@pytest.mark.parametrize("text", REPORTS)
def test_tokenize_with_the_word_cache_is_the_plain_tokenize(text: str) -> None:
    _same_tokens(text)
    _same_tokens(text)  # a second time: from the cache


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["و", "ف", "ب", "ل", "ال", "لل", "بال", "وبال", "فل", "ك", ""]),
        min_size=1,
        max_size=6,
    ),
    st.lists(
        st.sampled_from(["حويجة", "تل", "إب", "بغداد", "موصل", "قرية", "أم درمان", "ـ", "ًّ"]), max_size=6
    ),
    st.sampled_from([" ", "  ", "، ", " - ", "_", "\n", "12", "ab", "ـ"]),
)
def test_tokenize_matches_the_plain_code_on_clitics_and_marks(
    prefixes: list[str], words: list[str], sep: str
) -> None:
    text = sep.join(p + w for p, w in zip(prefixes, words, strict=False)) or "".join(prefixes)
    _same_tokens(text)


def test_a_new_word_met_twice_in_one_text_is_kept_both_times() -> None:
    """`tokenize` looks its words up in one pass before working out the new ones: a new word that
    comes again later in the same text is cached by then and must not be lost."""
    import marsad.geo.keys as keys

    keys._WORDS.clear()
    text = "قصفت الطائرات بلدة نائية ثم عادت الطائرات فقصفت بلدة نائية أخرى ـ ثم ـ"
    _same_tokens(text)
    assert [t.folded for t in tokenize(text)].count("ناييه") == 2


def test_fresh_mention_is_replace_with_empty_scores() -> None:
    m = Mention(
        3, 9, 1, 3, "حويجه", (4, 7), "district", True, True, True, True, "frame", True, (7,), 4, 2.5, {4: 1.0}
    )
    f = m.fresh()
    assert f == replace(m, scores={})
    assert f.scores == {} and f.scores is not m.scores and f is not m


@pytest.mark.parametrize("text", REPORTS)
def test_the_dull_word_shortcut_changes_no_match(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    matcher = get_geocoder().matcher
    toks = tokenize(text)
    fast = matcher.match(text, toks)
    # every word marked as possibly starting something: the full walk at every word
    monkeypatch.setattr(
        Matcher, "_skippable", lambda self, toks: (bytearray(len(toks)), list(range(len(toks))))
    )
    assert matcher.match(text, toks) == fast
    assert fast[0], "the reports name places"


def test_a_full_word_cache_is_emptied_and_refilled(monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.geo.keys as keys

    monkeypatch.setattr(keys, "_WORDS_MAX", 5)
    keys._WORDS.clear()  # a cache: emptying it changes nothing but the time taken
    for text in REPORTS:
        _same_tokens(text)
        assert len(keys._WORDS) <= 5


def test_warm_caches_change_no_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every place and score is the same with the geocoder's caches cold (emptied before each
    report) and warm (filled by all the reports)."""
    import marsad.geo.match as match

    geo = get_geocoder()

    def places(text: str) -> list[object]:
        geo._cache.clear()
        geo._matches.clear()
        return [geo.country_of(text), geo.find_places(text)]

    warm = [places(t) for t in REPORTS]
    monkeypatch.setattr(match, "_FLAG_CACHE_MAX", 1)
    cold = []
    for t in REPORTS:
        geo._pair_rows.clear()
        geo.matcher._fuzzy_cache.clear()
        geo.matcher._flag_cache.clear()
        cold.append(places(t))
    assert cold == warm
    assert any(p for _, p in warm)


def test_words_turned_down_out_of_context_are_skipped() -> None:
    """The words "أن" and "الحكومة" name villages but start nothing without a frame or type word before them;
    after "إلى" (a frame that may license a name) and "مدينة" (a type word) they are visited."""
    matcher = get_geocoder().matcher
    toks = tokenize("أكد الوزير أن الحكومة ستعود إلى البلاد، وأشار إلى أن مدينة الحكومة")
    words = [t.folded for t in toks]
    skip, hot = matcher._skippable(toks)
    assert skip[words.index("ان")] and skip[words.index("الحكومه")] and skip[words.index("البلاد")]
    # "وأشار" (a name with the conjunction peeled), "إلى أن", "مدينة الحكومة"
    assert hot[1:] == [len(words) - 3, len(words) - 1]
    assert [words[i] for i in hot] == ["واشار", "ان", "الحكومه"]


_VOCAB = (
    # frames, modifiers and conjunctions
    "في إلى على من قرب شمال جنوبي و ب وفي فعلى ومن "
    # names the walk turns down out of context, and stop-phrase starts
    "أن إن البلاد الحكومة التحالف الجمعة حول قوات بيان الأمن الذي "
    # type words, places, particles, adjectives, list items
    "مدينة محافظة قضاء قرية بغداد الحويجة كركوك تل عفر ذي قار الولايات المتحدة السورية العراقي "
    "وبلد والحكومة وأن بالحكومة الباب"
).split()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=14),
    st.lists(st.sampled_from([" ", " ", " ", "، ", ". ", " - "]), min_size=13, max_size=13),
)
def test_skipping_words_changes_no_match(words: list[str], seps: list[str]) -> None:
    """Any sequence of such words: the walk with the word flags finds what the walk visiting
    every word finds (hypothesis)."""
    text = "".join(w + sep for w, sep in zip(words, seps, strict=False)).strip()
    matcher = get_geocoder().matcher
    fast = matcher.match(text, tokenize(text))
    with pytest.MonkeyPatch.context() as m:
        m.setattr(Matcher, "_skippable", lambda self, toks: (bytearray(len(toks)), list(range(len(toks)))))
        assert matcher.match(text, tokenize(text)) == fast


@pytest.mark.parametrize("text", REPORTS)
def test_picks_are_the_places_fields(text: str) -> None:
    """`country_of` reads `Analysis.picks` instead of building places: the same fields, in order."""
    geo = get_geocoder()
    for hint in (None, "IQ", "SY"):
        an = geo._analyse(text, hint, cache=False)
        picks = an.picks()
        assert picks == [(p.start, p.end, p.country_code, p.feature) for p in an.places]
        assert an.places is an.places  # built once: `locate` matches them by identity
        assert all(an.of[id(p)].start == p.start for p in an.places)
    assert any(geo._analyse(t, None, cache=False).picks() for t in REPORTS)


@pytest.mark.parametrize("text", REPORTS)
def test_second_pass_kept_per_text_changes_no_place(text: str) -> None:
    """Analyses of one text under several hints share its second-pass bonuses when their first
    passes pick alike (`_Rounds`): every place and score is the one worked out afresh."""
    geo = get_geocoder()
    geo._cache.clear()
    geo._matches.clear()
    for hint in (None, "IQ", "SY", None, "JO", "IQ", "EG"):
        shared = geo._analyse(text, hint)
        assert shared.places == geo._analyse(text, hint, cache=False).places
        assert [m.scores for m in shared.mentions] == [
            m.scores for m in geo._analyse(text, hint, cache=False).mentions
        ]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="دوراكبيً ٌٍَُِ،.\n", max_size=40))
def test_has_tanween_is_the_set_test(text: str) -> None:
    from marsad.geo.match import _TANWEEN, has_tanween

    assert has_tanween(text) == (not _TANWEEN.isdisjoint(text))


def test_may_frame_is_what_framed_reads() -> None:
    """`Licence.may_frame` (one set look-up) holds for exactly the words `framed` takes for a frame
    right before a name."""
    lic = get_geocoder().matcher.licence
    words = "في إلى على من وفي فعلى ومن قرب شمال بالقرب جنوب قال أن الحكومة مدينة"
    for prev in tokenize(words):
        text = f"{words[prev.start : prev.end]} الباب"
        toks = tokenize(text)
        framed = lic.framed(text, toks, 1, toks[1].start) is not None
        assert lic.may_frame(prev) == framed  # one space between: nothing else decides
    assert lic.may_frame(tokenize("وفي")[0]) and not lic.may_frame(tokenize("الحكومة")[0])


def _reference_cues_at(geo: object, toks: list[Tok], mentions: list[Mention]) -> dict[str, list[int]]:
    """`_cues_at` as it was written before: a set of one- and two-word keys per word."""
    wanted: set[str] = set()
    for m in mentions:
        for _cc, cues in geo._ambig.get(m.key, ()):  # type: ignore[attr-defined]
            wanted |= cues
    out: dict[str, list[int]] = {}
    for i, t in enumerate(toks):
        keys = {k for k, _ in t.readings}
        if i + 1 < len(toks):
            keys |= {f"{k} {toks[i + 1].bare}" for k, _ in t.readings}
        for k in keys & wanted:
            out.setdefault(k, []).append(i)
    return out


@pytest.mark.parametrize(
    "text",
    [
        *REPORTS,
        "وصل وزير الخارجية إلى العاصمة الأردنية عمان قادما من مسقط، ثم زار سلطنة عمان والملك الأردني.",
        "قال مصدر في عمان إن الحكومة الأردنية والسلطات العمانية بحثتا الوضع في المملكة الأردنية الهاشمية.",
    ],
)
def test_cue_positions_are_the_set_based_ones(text: str) -> None:
    geo = get_geocoder()
    toks = tokenize(text)
    mentions = geo.matcher.match(text, toks)[0]
    assert geo._cues_at(text, toks, mentions) == _reference_cues_at(geo, toks, mentions)


def test_second_pass_stops_summing_at_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    """A candidate's bonus from the other places is their sum capped at 4.5; the loop stops once
    the sum reaches the cap (no term is negative): the scores are the full sum's."""
    from marsad.geo.geocoder import _BONUS_CAP, _CONTAINER_WINDOW, Geocoder

    geo = get_geocoder()
    text = (
        "قتل وجرح مدنيون في هجمات على بغداد والفلوجة والرمادي وبعقوبة وسامراء وتكريت والحلة "
        "وكربلاء والنجف والكوت والمحمودية واليوسفية والمقدادية والخالص وبلدروز، وفي الموصل وكركوك."
    )
    snaps: list[list[tuple[dict[int, float], int | None]]] = []
    plain_pick = Geocoder._pick

    def pick(mentions: list[Mention]) -> None:
        plain_pick(mentions)
        snaps.append([(dict(m.scores), m.choice) for m in mentions])

    monkeypatch.setattr(Geocoder, "_pick", staticmethod(pick))
    mentions = geo._analyse(text, "IQ", cache=False).mentions
    first, final = snaps[0], snaps[1]
    live = [(o, first[k][1]) for k, o in enumerate(mentions) if first[k][1] is not None and o.licence is None]
    capped = multi = 0
    for k, m in enumerate(mentions):
        multi += len(m.cands) > 1
        for c in m.cands:
            terms = [
                sum(geo._pair_bonus(c, oc))
                if abs(o.tok_start - m.tok_start) <= _CONTAINER_WINDOW
                else geo._pair_bonus(c, oc)[1]
                for o, oc in live
                if o is not m
            ]
            full = sum(terms)
            capped += full > _BONUS_CAP
            assert final[k][0][c] == (first[k][0][c] + min(full, _BONUS_CAP) if terms else first[k][0][c])
    assert multi  # mentions with several candidates too
    assert capped >= 2  # some sums of this report do pass the cap


def test_a_name_lists_each_entry_once() -> None:
    """`_resolve` sums the second-pass bonus per candidate: a mention's candidates must be distinct
    entries (names, their skeletons, and a type word's whole-name entries)."""
    gaz = get_geocoder().gaz
    assert all(len(set(ids)) == len(ids) for ids in gaz.index.values())
    assert all(len(set(ids)) == len(ids) for ids in (gaz.skeletons or {}).values())


def test_places_built_once_for_all_threads() -> None:
    """Threads reading the places of one shared analysis all get the same objects (`locate` finds
    a place's mention by identity)."""
    import threading

    geo = get_geocoder()
    geo._cache.clear()
    geo._matches.clear()
    an = geo._analyse(REPORTS[0], "IQ")
    start = threading.Barrier(8)
    seen: list[object] = []

    def read() -> None:
        start.wait()
        seen.append(an.places)

    threads = [threading.Thread(target=read) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 8 and all(s is seen[0] for s in seen)
    assert all(id(p) in an.of for p in an.places) and an.places


def _type_before_loop(m: Matcher, toks: list[Tok], i: int, text: str) -> str | None:
    """`Matcher._type_before` as written with loops over the readings (before `Tok.keys`)."""
    if i == 0:
        return None
    for key, _ in toks[i - 1].rel:
        if key in m.types:
            if text and any(c in "،,.:;؛!?؟\n" for c in text[toks[i - 1].end : toks[i].start]):
                return None
            return m.types[key]
    if i >= 2 and toks[i - 1].bare in m.nisba:
        for key, _ in toks[i - 2].rel:
            if key in m.types:
                return m.types[key]
    return None


def _word_flags_loop(m: Matcher, tok: Tok) -> int:
    """`Matcher._word_flags` with the generator tests it had before the set tests on `Tok.keys`."""
    from marsad.geo import match as mt

    keys = [k for k, _ in tok.rel]
    prefix = any(k in m.prefixes for k in keys)
    flags = mt._TYPE if any(k in m.types for k in keys) else 0
    if m.licence.may_frame(tok):
        flags |= mt._FRAME
    if tok.bare in m.nisba_first or any(k in m.parts or k in m.nisba for k in keys):
        return flags
    nxt = (mt._PREFIX if prefix else 0) | (mt._PHRASE if any(k in m.phrase_first for k in keys) else 0)
    quiet = [m._quiet(k, n, tok.folded) for n, k in enumerate(keys) if k in m.gaz.index]
    if all(q == mt._NEVER for q in quiet):
        flags |= nxt or mt._DULL
    elif all(quiet):
        flags |= mt._FRAMED | nxt
    return flags


@pytest.mark.parametrize("text", REPORTS)
def test_set_tests_on_reading_keys_are_the_loops(text: str) -> None:
    """The walk's tests on a word's reading keys (C-level `isdisjoint` on `Tok.keys`) answer what
    the loops over its readings answered, at every word of the reports."""
    m = get_geocoder().matcher
    lic = m.licence
    toks = tokenize(text)
    for i, t in enumerate(toks):
        assert t.keys == tuple(k for k, _ in t.rel)
        assert m._word_flags(t) == _word_flags_loop(m, t)
        assert m._type_before(toks, i, text) == _type_before_loop(m, toks, i, text)
        assert lic.may_frame(t) == (t.folded in lic._frame_words or any(k in lic.mods for k, _ in t.rel))
        assert lic.anchored_after(toks, i) == any(k in lic.mods for k, _ in t.rel)
        nxt = toks[i + 1].bare if i + 1 < len(toks) else None
        assert m._stop_phrase(toks, i) == (
            nxt is not None and any(k in m.phrase_first and f"{k} {nxt}" in m.stop_phrases for k, _ in t.rel)
        )
        if not any(f in m.gaz.index or f in m.prefixes or f in m.parts for f, _ in t.rel):
            assert m._longest(text, toks, i) is None
