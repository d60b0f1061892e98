"""The indexed near-miss search finds the key the scan of the whole pool finds (issue 6)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.geo import get_geocoder
from marsad.geo.keys import tokenize
from marsad.geo.match import Matcher
from marsad.geo.nearmiss import NearPool

# a small alphabet, so that random keys often lie one edit from each other and from the words
_LETTERS = "ابتسرلمنوي"
_word = st.text(alphabet=_LETTERS, min_size=4, max_size=9)


def _pool(keys: list[str], n: int) -> NearPool:
    return NearPool([k for k in keys if n - 1 <= len(k) <= n + 1], n)


@settings(max_examples=300, deadline=None)
@given(keys=st.lists(_word, min_size=0, max_size=60), word=_word)
def test_indexed_search_is_the_whole_scan(keys: list[str], word: str) -> None:
    pool = _pool(keys, len(word))
    assert pool.closest(word) == pool.closest_plain(word)


@settings(max_examples=200, deadline=None)
@given(
    keys=st.lists(_word, min_size=1, max_size=40),
    pick=st.integers(min_value=0),
    at=st.integers(min_value=0),
    edit=st.sampled_from(["keep", "sub", "del", "ins"]),
    letter=st.sampled_from(_LETTERS),
)
def test_words_one_edit_from_a_key_find_the_same_key(
    keys: list[str], pick: int, at: int, edit: str, letter: str
) -> None:
    """Words made one edit away from a key (the case the index exists for), anywhere in the word,
    with ties between several keys decided by the pool's order as in the whole scan."""
    key = keys[pick % len(keys)]
    p = at % (len(key) + 1)
    word = {
        "keep": key,
        "sub": key[:p] + letter + key[p + 1 :],
        "del": key[:p] + key[p + 1 :],
        "ins": key[:p] + letter + key[p:],
    }[edit]
    pool = _pool(keys, len(word))
    assert pool.closest(word) == pool.closest_plain(word)
    if edit == "keep" or len(word) == len(key):
        assert pool.closest(word) is not None


def test_edits_in_either_half_and_ties() -> None:
    keys = ["سامراء", "سمراء", "سامرا", "بعقوبه", "بعقوبا", "بعقوب", "حويجه", "حويجا", "كركوك"]
    cases = ["سامرىء", "ثامرا", "سامرات", "بعقوبة", "اعقوبه", "بعقبه", "حويجه", "هويجه", "كركوب", "الموصل"]
    for word in cases:
        pool = _pool(keys, len(word))
        assert pool.closest(word) == pool.closest_plain(word), word
    # two keys one edit away: the first in the pool's order wins, as in the whole scan
    pool = NearPool(["حويجا", "حويجه"], 5)
    assert pool.closest("حويجو") == pool.closest_plain("حويجو") == "حويجا"
    assert pool.closest("حويجه") == "حويجه"  # an exact key beats keys one edit away


def test_a_word_of_another_length_falls_back_to_the_scan() -> None:
    pool = NearPool(["بعقوبه", "بعقوب"], 6)
    assert pool.closest("بعقوبهم") == pool.closest_plain("بعقوبهم")
    with pytest.raises(ValueError):
        NearPool([], 1)


def test_the_matcher_asks_the_index_what_it_asked_the_whole_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """Near misses after type words in a report: the same answers with the index as without it."""
    geo = get_geocoder()
    text = (
        "قتل شخصان في مدينة سامرى ونزح آخرون من قرية الحويجى إلى بلدة بعقوبى، "
        "وأصيب جندي في ناحية العظيمه ومدينة كركوكي ومدينة الرماديه."
    )
    toks = tokenize(text)
    fast = Matcher(geo.gaz).match(text, toks)  # a new matcher: its near-miss cache is empty
    assert any(m.key == "بعقوبه" for m in fast[0])  # "بعقوبى" is a near miss of بعقوبة
    monkeypatch.setattr(NearPool, "closest", NearPool.closest_plain)
    assert Matcher(geo.gaz).match(text, toks) == fast
