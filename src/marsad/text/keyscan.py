"""One Aho-Corasick pass over a report's view for both keyword sets of the text layer.

`numbers.find_numbers` looks for number words (a `PhraseMatcher`) and `dates.find_dates` for the
words a date pattern needs (its keyword automaton), each with a scan of the whole view: ≈ 22 µs a
report each, nearly all of it the character-by-character walk. One automaton of both key sets
walks the view once, and its hits are dealt out to the two (same hits, in the same order: the
automaton reports the keys ending at a position from the longest to the shortest, and a key of
both sets carries both payloads).

The hits of the last view scanned are kept (one entry, by identity): `analyze_document` calls
`find_dates` (once or twice) and then `find_numbers` on the same view.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import ahocorasick

Hits = list[tuple[int, Any]]  # (index of the key's last character, the key's payload)

_last: tuple[str, Hits, Hits] | None = None


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton | None:
    from marsad.text.dates import _patterns
    from marsad.text.numbers import _matcher

    keys: dict[str, list[Any]] = {}
    for key, payload in _matcher().automaton_items():
        keys[key] = [payload, None]
    for key, payload in _patterns().keywords.items():
        keys.setdefault(key, [None, None])[1] = payload
    if not keys:
        return None
    auto = ahocorasick.Automaton()
    for key, (number, date) in keys.items():
        auto.add_word(key, (number, date))
    auto.make_automaton()
    return auto


def _scan(view: str) -> tuple[str, Hits, Hits]:
    global _last
    last = _last
    if last is not None and last[0] is view:
        return last
    numbers: Hits = []
    dates: Hits = []
    auto = _automaton()
    if auto is not None and view:
        for end, (number, date) in auto.iter(view):
            if number is not None:
                numbers.append((end, number))
            if date is not None:
                dates.append((end, date))
    last = _last = (view, numbers, dates)
    return last


def number_hits(view: str) -> Hits:
    """What `numbers._matcher()`'s own automaton finds in `view` (its `iter`, as a list)."""
    return _scan(view)[1]


def date_hits(view: str) -> Hits:
    """What `dates._patterns().keywords` finds in `view` (its `iter`, as a list)."""
    return _scan(view)[2]


# Runs of digits with the separators between them: every number in digits is one, and every
# numeric date ("5/9/2021") lies inside one (its characters are digits and separators in a row, so
# the run that holds its first digit goes on to its last). `numbers.find_numbers` reads the runs
# and `dates.find_dates` looks for numeric dates only inside them: one scan of the view for both
# (a `\d` test per character costs ≈ 8 ns, ≈ 15 µs a report).
DIGIT_RUN = re.compile(r"\d[\d,.:/\-]*\d|\d")

_last_runs: tuple[str, list[tuple[int, int]]] | None = None


def digit_runs(view: str) -> list[tuple[int, int]]:
    """The spans of `DIGIT_RUN.finditer(view)`, in order (the last view's kept, by identity)."""
    global _last_runs
    last = _last_runs
    if last is not None and last[0] is view:
        return last[1]
    runs = [m.span() for m in DIGIT_RUN.finditer(view)]
    _last_runs = (view, runs)
    return runs
