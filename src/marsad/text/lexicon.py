"""Phrase matching over the normalised view, with Arabic proclitics and word boundaries.

`PhraseMatcher[T]` is built from `(arabic_phrase, value)` entries and finds them in a document with
one Aho-Corasick pass (pyahocorasick) over `NormalizedText.text`; results are in ORIGINAL offsets.

Semantics
- Phrases and text are compared after `normalize_key` folding (alef/hamza forms, ى/ي, ة/ه,
  diacritics, tatweel, digits ...). Whitespace inside a phrase must be a single space in the view
  (a phrase broken by a line break or a double space is not found: a known limit).
- Word boundaries: the character after the phrase must not be a letter or digit; the characters
  between the previous non-word character and the phrase must be a valid proclitic string: the
  conjunctions و ف, then the prepositions ب ل ك, then the article ال (any of them optional, in that
  order: و، ب، وب، فب، ال، وال، بال، فال، كال، وبال، فبال ...). The preposition ل + ال is written
  لل (للحويجة، وللحويجة، فللحويجة). So "وبالحويجة" matches both an entry "الحويجة" and an entry
  "حويجة". Proclitics are accepted on the letters alone (no dictionary check), so an entry can
  match a word that merely starts with these letters (entry "دار" in "بدار" is intended; in a word
  like "كدار" it is a guess too).
- An entry written with the article ال matches text without it ("حويجة") only when the matcher is
  built with `article_optional=True`.
- `Match.start/end` cover the phrase proper: after the proclitics; the article is included when
  the entry has it and the text writes it in full ("الحويجة" in "وبالحويجة"); with the contracted
  لل, whose article has no alef, the phrase proper starts after لل ("حويجة" in "للحويجة").
  `Match.token_start` is where the word starts, proclitics included.
- Several entries with the same folded key: `value` is the first entry's value, `values` all of them
  in entry order (ambiguous place names, for instance).
- `overlapping=False` (default): leftmost-longest, non-overlapping over [token_start, end); ties
  (same extent) prefer the entry matched without stripping its article. `overlapping=True` returns
  every valid match, sorted by position.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from marsad.text.normalize import NormalizedText, normalize, normalize_key

T = TypeVar("T")

ARTICLE = "ال"
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")


def _prefixes() -> tuple[frozenset[str], frozenset[str]]:
    """(prefixes allowed before a phrase as written, prefixes before an article-less contraction)."""
    full: set[str] = set()
    for c in _CONJ:
        for p in _PREP:
            full.add(c + p)
            # ل + ال is written لل (للحويجة): before an article-less entry it is a prefix like
            # بال; an entry with ال is found through its contracted variant.
            full.add(c + p + (ARTICLE if p != "ل" else "ل"))
    # For "للحويجة" the automaton finds "لحويجة" (entry "الحويجة" minus its alef), preceded by ل.
    contracted = frozenset(c + "ل" for c in _CONJ)
    return frozenset(full), contracted


PREFIXES, CONTRACTED_PREFIXES = _prefixes()
_MAX_PREFIX = max(len(p) for p in PREFIXES | CONTRACTED_PREFIXES)

# How a key was derived from its entry.
_AS_WRITTEN, _BARE, _CONTRACTED = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    start: int  # original offset of the phrase proper (after proclitics)
    end: int
    token_start: int  # original offset where the word starts, proclitics included
    phrase: str  # the entry's normalised key
    value: T
    values: tuple[T, ...] = ()
    view_start: int = 0  # the same span in the normalised view
    view_end: int = 0

    def text_in(self, original: str) -> str:
        return original[self.start : self.end]


def _is_word(ch: str) -> bool:
    return ch.isalnum()


class PhraseMatcher(Generic[T]):
    """Finds lexicon phrases in a `NormalizedText` (see the module docstring for the semantics)."""

    def __init__(self, entries: Iterable[tuple[str, T]], *, article_optional: bool = False) -> None:
        self.article_optional = article_optional
        self._keys: list[str] = []
        self._values: list[list[T]] = []
        index: dict[str, int] = {}
        for phrase, value in entries:
            key = normalize_key(phrase)
            if not key:
                raise ValueError(f"empty phrase {phrase!r}")
            if key in index:
                self._values[index[key]].append(value)
                continue
            index[key] = len(self._keys)
            self._keys.append(key)
            self._values.append([value])
        self._index = index
        auto = ahocorasick.Automaton()
        # The automaton stores (needle length, entry number, how derived, article length skipped).
        needles: dict[str, tuple[int, int, int, int]] = {}

        def add(needle: str, entry: int, how: int, skipped: int) -> None:
            # An exact entry beats a derived variant with the same needle.
            if needle not in needles or needles[needle][2] > how:
                needles[needle] = (len(needle), entry, how, skipped)

        for i, key in enumerate(self._keys):
            add(key, i, _AS_WRITTEN, 0)
            if key.startswith(ARTICLE) and len(key) > len(ARTICLE) + 1:
                add(key[1:], i, _CONTRACTED, 1)  # "لحويجة" for "للحويجة"
                if article_optional:
                    add(key[2:], i, _BARE, 2)
        for needle, payload in needles.items():
            auto.add_word(needle, payload)
        self._size = len(needles)
        if self._size:
            auto.make_automaton()
        self._auto = auto

    def __len__(self) -> int:
        return len(self._keys)

    def get(self, phrase: str) -> list[T]:
        """Values of the entry whose key equals `phrase` after folding (exact lookup)."""
        i = self._index.get(normalize_key(phrase))
        return list(self._values[i]) if i is not None else []

    def automaton_items(self) -> list[tuple[str, tuple[int, int, int, int]]]:
        """(needle, payload) of every key of the automaton (`keyscan` merges them with others)."""
        return list(self._auto.items()) if self._size else []

    def find(
        self,
        norm: NormalizedText | str,
        *,
        overlapping: bool = False,
        hits: Iterable[tuple[int, tuple[int, int, int, int]]] | None = None,
    ) -> list[Match[T]]:
        """`hits`: what the automaton's `iter` gives on the view, when a caller scanned it already
        (`keyscan`); the same matches either way."""
        if isinstance(norm, str):
            norm = normalize(norm)
        view = norm.text
        if not self._size or not view:
            return []
        n = len(view)
        # (token_start_v, start_v, end_v, derived-rank, entry)
        cands: list[tuple[int, int, int, int, int]] = []
        for last, (length, entry, how, _skipped) in self._auto.iter(view) if hits is None else hits:
            end = last + 1
            if end < n and _is_word(view[end]):
                continue
            begin = end - length
            tok = begin
            limit = max(0, begin - _MAX_PREFIX - 1)
            while tok > limit and _is_word(view[tok - 1]):
                tok -= 1
            if tok > 0 and _is_word(view[tok - 1]):
                continue  # the word is longer than any proclitic string
            prefix = view[tok:begin]
            if how == _CONTRACTED:
                if prefix not in CONTRACTED_PREFIXES:
                    continue
                start = begin + 1  # after لل: the phrase proper is the bare noun
            else:
                if prefix not in PREFIXES:
                    continue
                if how == _BARE and (prefix.endswith(ARTICLE) or prefix.endswith("لل")):
                    continue  # article + bare key: found by the as-written / contracted needle
                start = begin
            cands.append((tok, start, end, how, entry))
        if not cands:
            return []
        cands.sort(key=lambda c: (c[0], -c[2], c[3]))
        chosen: list[tuple[int, int, int, int, int]] = []
        if overlapping:
            chosen = sorted(set(cands), key=lambda c: (c[0], -c[2], c[3]))
        else:
            last_end = -1
            for c in cands:
                if c[0] >= last_end:
                    chosen.append(c)
                    last_end = c[2]
        out: list[Match[T]] = []
        for tok, start, end, _how, entry in chosen:
            o_start, o_end = norm.to_original(start, end)
            values = self._values[entry]
            out.append(
                Match(
                    start=o_start,
                    end=o_end,
                    token_start=norm.orig_index(tok),
                    phrase=self._keys[entry],
                    value=values[0],
                    values=tuple(values),
                    view_start=start,
                    view_end=end,
                )
            )
        return out
