"""The near-miss search of the geocoder: the gazetteer key within one edit of a word.

`Matcher._near_miss` asks, for a word of n letters, which name key of n - 1 to n + 1 letters is
nearest by edit distance, at most one edit away (rapidfuzz's `extractOne` with that cutoff: the
first key of the pool, in the pool's order, with the smallest distance). Run over the whole pool
(≈ 4,000 keys for n = 6) it cost ≈ 240 µs a word, and each new word after a type word pays it.

A key one edit away from a word keeps one half of it intact: with h = n // 2, an edit at or after
position h leaves the first h letters in place (the key starts with word[:h]), and an edit before
it leaves the rest, shifted by at most one letter but whole at the end (the key ends with
word[h:]). So the keys that start with word[:h] or end with word[h:] hold every key within one
edit; `extractOne` run on them alone, kept in the pool's order, finds the same key.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import extractOne


class NearPool:
    """The name keys a word of `n` letters may be a near miss of, indexed by head and tail."""

    __slots__ = ("heads", "keys", "n", "tails")

    def __init__(self, keys: list[str], n: int) -> None:
        if n < 2:
            raise ValueError("a near-miss pool needs words of at least two letters")
        self.keys = keys
        self.n = n
        h = n // 2
        self.heads: dict[str, list[int]] = {}  # first h letters -> positions in `keys`, increasing
        self.tails: dict[str, list[int]] = {}  # last n - h letters -> positions in `keys`
        for i, k in enumerate(keys):
            self.heads.setdefault(k[:h], []).append(i)
            self.tails.setdefault(k[len(k) - (n - h) :], []).append(i)

    def closest(self, word: str) -> str | None:
        """The key `closest_plain` finds, from the keys that can be one edit away."""
        if len(word) != self.n:
            return self.closest_plain(word)
        h = self.n // 2
        near = sorted({*self.heads.get(word[:h], ()), *self.tails.get(word[h:], ())})
        if not near:
            return None
        keys = self.keys
        got = extractOne(word, [keys[i] for i in near], scorer=Levenshtein.distance, score_cutoff=1)
        return None if got is None else str(got[0])

    def closest_plain(self, word: str) -> str | None:
        """The first key of the pool with the smallest edit distance to `word`, at most 1 (the
        reference `closest` must agree with)."""
        got = extractOne(word, self.keys, scorer=Levenshtein.distance, score_cutoff=1)
        return None if got is None else str(got[0])
