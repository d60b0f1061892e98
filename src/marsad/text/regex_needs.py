"""Literal strings a regex cannot match without: a cheap test that lets a scan skip the regex.

`needs(regex)` returns strings such that EVERY match of `regex` contains one of them inside its
span, or None when no such set is read off the pattern. So when none of them occurs in a text (or,
for a match that must end by position k, in text[:k]), the regex cannot match there; a substring
search (C, no backtracking) says so much faster than the regex engine, which tries a pattern
without a literal prefix at every position.

Read off the parsed pattern, conservatively: consecutive literal characters give one string; a group,
an alternation (one string of each branch) or a repeat of at least one gives the strings of its
content; a class of a few plain characters gives those characters. Anything else (classes with
categories or ranges, look-arounds, inline flags, case-insensitive patterns) gives nothing and only
cuts a run of literals. Of the candidates along the pattern, every one is necessary; kept is one of
at most `FEW` strings if there is one (each costs a substring search), with the longest shortest
string (up to `LONG` characters: a longer one is no rarer in practice), then the fewest strings.
"""

from __future__ import annotations

import re
from typing import Any

try:  # the parser is internal to `re`; without it, no regex gets a precheck (only slower)
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Python versions
    _parser = None
    _c = None

MAX_CLASS = 8  # a class of more plain characters than this is no useful precheck
FEW = 4
LONG = 4


def needs(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of `regex` contains (see the module docstring)."""
    if _parser is None or not isinstance(regex.pattern, str) or regex.flags & re.IGNORECASE:
        return None
    try:
        parsed = _parser.parse(regex.pattern, regex.flags)
    except Exception:  # an unreadable pattern just gets no precheck
        return None
    found = _seq(list(parsed))
    if not found:
        return None
    # a string that contains another one of the set is found only where that one is
    return tuple(sorted(s for s in found if not any(t != s and t in s for t in found)))


def _best(cands: list[set[str]]) -> set[str] | None:
    if not cands:
        return None
    return min(cands, key=lambda c: (len(c) > FEW, -min(LONG, *map(len, c)), len(c)))


def _seq(items: list[tuple[Any, Any]]) -> set[str] | None:
    """Strings one of which every match of the sequence `items` contains."""
    cands: list[set[str]] = []
    run: list[str] = []

    def cut() -> None:
        if run:
            cands.append({"".join(run)})
            run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        cut()
        got = _item(op, av)
        if got:
            cands.append(got)
    cut()
    return _best(cands)


def _item(op: Any, av: Any) -> set[str] | None:
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return None  # inline flags (case-insensitive …): literals no longer mean themselves
        return _seq(list(sub))
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            got = _seq(list(alt))
            if not got:
                return None  # a branch with no necessary string: the alternation has none
            out |= got
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, _hi, sub = av
        return _seq(list(sub)) if lo >= 1 else None
    if op is _c.IN:
        chars = {chr(v) for o, v in av if o is _c.LITERAL}
        if len(chars) != len(av) or not chars or len(chars) > MAX_CLASS:
            return None  # a negated class, a range or a category: no finite set of characters
        return chars
    return None
