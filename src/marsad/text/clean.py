"""Boilerplate as zones: social-media prompts, subscribe lines, related links, share lines,
disclaimers, captions and datelines are MARKED with a kind and a reason, never deleted.

Rules live in `marsad/data/text/boilerplate.tsv` (regexes over the normalised view, so spelling
variants such as إضغط/اضغط or اقرأ/اقرا need one pattern). Kinds:
- "boilerplate" (reason: social-prompt, subscribe, share, disclaimer, source-credit, separator),
- "related" (read-also links: headlines of OTHER stories, so no events from them),
- "caption" (photo captions: kept apart because they carry facts, e.g. the report's only full date),
- "dateline" (the "بغداد - (رويترز) -" / "أيلاف من لندن:" prefix of a line; the rest is body),
- "title" (short lines without final punctuation at the top, before the first long line:
  headlines and kickers of scraped pages),
- "body" (everything else; consecutive body lines form one zone).
Zones are sorted, do not overlap, and cover every non-blank line.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from marsad.model import Zone
from marsad.text.data import Row, TextDataError, read_tsv
from marsad.text.normalize import NormalizedText, fold_pattern, normalize
from marsad.text.regex_needs import needs

COLUMNS = ["kind", "reason", "scope", "max_len", "pattern", "example"]
KINDS = frozenset({"boilerplate", "related", "caption", "dateline"})
# Kinds whose lines hold no report text (sentences are not split there).
NON_TEXT_KINDS = frozenset({"boilerplate", "related", "dateline"})
HEAD_LINES = 8  # datelines are looked for in the first non-blank lines only
TITLE_MAX = 100  # a headline is short ...
LINK_MAX = 160  # a related article's headline under a "اقرأ أيضاً:" label: short, no final stop
_LINK_END = re.compile(r"[.!…:]\W*$")  # (a headline may end on a question mark)
_FINAL = re.compile(r"[.!؟?…:]\W*$")  # ... and has no sentence-final punctuation


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str
    reason: str
    prefix: bool
    max_len: int
    regex: re.Pattern[str]
    example: str
    where: str
    # strings one of which every match contains (`regex_needs.needs`; empty: none known): a line
    # holding none of them (before `max_len` for a prefix rule) is not tried with the regex
    needs: tuple[str, ...] = ()


def load_rules(rows: list[Row] | None = None) -> list[Rule]:
    rules: list[Rule] = []
    for row in rows if rows is not None else read_tsv("boilerplate.tsv", COLUMNS):
        if row["kind"] not in KINDS:
            raise TextDataError(f"{row.where()}: unknown kind {row['kind']!r}")
        if row["scope"] not in ("line", "prefix"):
            raise TextDataError(f"{row.where()}: scope must be line or prefix")
        try:
            regex = re.compile(fold_pattern(row["pattern"]))
            max_len = int(row["max_len"])
        except (re.error, ValueError) as exc:
            raise TextDataError(f"{row.where()}: {exc}") from exc
        rules.append(
            Rule(
                row["kind"],
                row["reason"],
                row["scope"] == "prefix",
                max_len,
                regex,
                row["example"],
                row.where(),
                needs(regex) or (),
            )
        )
    return rules


@lru_cache(maxsize=1)
def _rules() -> tuple[Rule, ...]:
    return tuple(load_rules())


@dataclass(frozen=True, slots=True)
class _Screen:
    """Which rules may fire on a line, from ONE Aho-Corasick pass over it.

    Every rule's regex was tried on every line (most fire on none), at every position for rules
    without a literal prefix. A rule whose needed strings (`Rule.needs`) do not occur in the line
    (before `max_len` for a prefix rule: a match it accepts ends there) cannot fire, so the
    automaton of all needed strings tells which rules are worth their regex."""

    auto: ahocorasick.Automaton | None
    free: frozenset[int]  # rules without needed strings: always tried


@lru_cache(maxsize=1)
def _screen() -> _Screen:
    return screen_for(_rules())


def screen_for(rules: tuple[Rule, ...]) -> _Screen:
    by_needle: dict[str, list[tuple[int, int]]] = {}
    for i, rule in enumerate(rules):
        # an occurrence must END before `limit` (view index of its last character)
        limit = rule.max_len if rule.prefix else sys.maxsize
        for needle in rule.needs:
            by_needle.setdefault(needle, []).append((i, limit))
    if not by_needle:
        return _Screen(None, frozenset(range(len(rules))))
    auto = ahocorasick.Automaton()
    for needle, rows in by_needle.items():
        auto.add_word(needle, tuple(rows))
    auto.make_automaton()
    return _Screen(auto, frozenset(i for i, r in enumerate(rules) if not r.needs))


def _classify(
    line: str, rules: tuple[Rule, ...], head: bool, screen: _Screen | None = None
) -> tuple[Rule, int] | None:
    """The first rule that fires on a (normalised) line, with the view length it covers.

    Prefix (dateline) rules are only tried on the first lines of a report (`head`): a dateline
    opens the story, and trying them on every paragraph is most of this module's cost. With a
    `screen` of `rules`, only the rules it lets through are tried, in the same order (the same
    answer as `_classify_plain`, faster)."""
    if screen is None or screen.auto is None:
        return _classify_plain(line, rules, head)
    maybe = set(screen.free)
    for last, rows in screen.auto.iter(line):
        for i, limit in rows:
            if last < limit:
                maybe.add(i)
    n = len(line.rstrip())
    for i in sorted(maybe):
        hit = _rule_hit(rules[i], line, head, n)
        if hit is not None:
            return hit
    return None


def _classify_plain(line: str, rules: tuple[Rule, ...], head: bool) -> tuple[Rule, int] | None:
    """`_classify` trying every rule's regex (the reference the tests compare with)."""
    n = len(line.rstrip())
    for rule in rules:
        hit = _rule_hit(rule, line, head, n)
        if hit is not None:
            return hit
    return None


def _rule_hit(rule: Rule, line: str, head: bool, n: int) -> tuple[Rule, int] | None:
    """One rule on one line of `n` non-blank characters: a prefix rule (read only at the head of a
    zone) takes the start of the line, a whole-line rule the line up to its length limit."""
    if rule.prefix:
        if not head:
            return None
        m = rule.regex.match(line)
        if m and m.end() <= rule.max_len and m.end() < n:
            return rule, m.end()
        return None
    if n <= rule.max_len and rule.regex.search(line):
        return rule, n
    return None


def find_zones(text: str, norm: NormalizedText | None = None) -> list[Zone]:
    """Zones of `text` (offsets into the original). `norm` is reused when given."""
    norm = norm or normalize(text)
    view = norm.text
    rules = _rules()
    screen = _screen()
    zones: list[Zone] = []
    body_start: int | None = None
    body_end = 0
    seen_long = False
    lines_seen = 0
    links_follow = False  # a "اقرأ أيضاً:" label alone on its line: the headlines of its links follow

    def close_body() -> None:
        nonlocal body_start
        if body_start is not None:
            a, b = norm.to_original(body_start, body_end)
            zones.append(Zone(a, b, "body"))
            body_start = None

    pos = 0
    n = len(view)
    while pos < n:
        nl = view.find("\n", pos)
        end = n if nl < 0 else nl
        line = view[pos:end]
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = pos + lead
            stop = pos + len(line.rstrip())
            lines_seen += 1
            hit = _classify(line, rules, lines_seen <= HEAD_LINES, screen)
            if hit is None and links_follow and len(stripped) <= LINK_MAX and not _LINK_END.search(stripped):
                close_body()
                a, b = norm.to_original(start, stop)
                zones.append(Zone(a, b, "related", "read-also-list"))
            elif hit is not None and not hit[0].prefix:
                close_body()
                a, b = norm.to_original(start, stop)
                zones.append(Zone(a, b, hit[0].kind, hit[0].reason))
                links_follow = hit[0].kind == "related" and stripped.endswith(":")
            elif hit is None and not seen_long and len(stripped) <= TITLE_MAX and not _FINAL.search(stripped):
                links_follow = False
                close_body()
                a, b = norm.to_original(start, stop)
                zones.append(Zone(a, b, "title", "short-top-line"))
            else:
                links_follow = False
                if hit is not None:  # a dateline prefix, then body
                    close_body()
                    cut = pos + hit[1]
                    a, b = norm.to_original(start, len(view[:cut].rstrip()))
                    zones.append(Zone(a, b, "dateline", hit[0].reason))
                    start = cut
                seen_long = seen_long or len(stripped) > TITLE_MAX or bool(_FINAL.search(stripped))
                if body_start is None:
                    body_start = start
                body_end = stop
        pos = end + 1
    close_body()
    return zones
