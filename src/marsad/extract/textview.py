"""The document as extraction sees it: tokens of the normalised view with original offsets, word
classes, numbers and sentences, built from the text layer's `Analysis`.

The text layer (`marsad.text.analyze_document`) gives zones, sentences, numbers and dates. When a
document arrives without an analysis and the analyser cannot be imported, a minimal fallback
(line/punctuation sentences, digit numbers, no dates) keeps extraction usable; it is logged.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate, repeat
from operator import itemgetter
from typing import Any, cast

from marsad.extract.lexicon import Lexicons, per_lexicon
from marsad.extract.patterns import MEMO_CLASSES, MEMO_FORMS, Tok, new_memo, variants
from marsad.model import Analysis, DateMention, Document, NumberMention, Sentence
from marsad.text.normalize import NormalizedText, normalize

log = logging.getLogger(__name__)

# the words of the normalised view (the trigger gate cuts the view the same way)
WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_WORD = WORD_RE
_SPLIT = re.compile(f"({WORD_RE.pattern})")  # gaps and words alternately (see `_tokens`)
_SENT_FALLBACK = re.compile(r"[^.!?؟\n]+[.!?؟]*")
# zones whose sentences never carry an event (the text layer marks them; they are not deleted)
SKIP_ZONES = frozenset({"boilerplate", "caption", "related", "dateline", "byline", "footer", "nav"})


@dataclass(slots=True)
class SentView:
    start: int  # original offsets
    end: int
    zone: str
    lo: int  # token index range [lo, hi)
    hi: int


@dataclass(slots=True)
class DocView:
    doc: Document
    norm: NormalizedText
    toks: list[Tok]
    sents: list[SentView]
    numbers: list[NumberMention]
    dates: list[DateMention]
    anchor: date | None
    analysis: Analysis | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def text(self, start: int, end: int) -> str:
        return self.doc.text[start:end]

    def orig(self, vstart: int, vend: int) -> tuple[int, int]:
        """Original offsets of a span of the normalised view (token offsets are view offsets)."""
        return self.norm.to_original(vstart, vend)


def analyze(doc: Document) -> Analysis | None:
    """The text layer's analysis of `doc` (computed and stored when missing)."""
    if doc.analysis is not None:
        return doc.analysis
    try:
        from marsad.text.analyze import analyze_document
    except ImportError:
        log.debug("marsad.text.analyze_document not available: using the fallback view")
        return None
    # extraction tokenises the normalised view itself: skip the text layer's tokens
    doc.analysis = analyze_document(doc, tokens=False)
    return doc.analysis


class _TokCache:
    """Forms, classes and the matchers' record (`patterns.new_memo`) per distinct normalised word
    (vocabularies repeat a lot). The lexicons' four matchers are bound to this cache: they keep
    their answers for a word in its record, which every token of the word points to."""

    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex
        self.cache: dict[str, list[Any]] = {}  # word -> its record (`new_memo`)
        # class prefixes ("مطلوب*") indexed by their first two letters
        self.by_head: dict[str, list[tuple[str, str]]] = {}
        for pre, cls in lex.class_prefixes:
            self.by_head.setdefault(pre[:2], []).append((pre, cls))
        for k, m in enumerate((lex.triggers, lex.casualties, lex.cues, lex.actors)):
            m.bind(self, k)

    def get(self, word: str) -> list[Any]:
        """The record of `word`: its forms at `MEMO_FORMS`, its classes at `MEMO_CLASSES`."""
        hit = self.cache.get(word)
        if hit is not None:
            return hit
        forms = variants(word)
        classes: set[str] = set()
        for f in forms:
            classes.update(self.lex.class_words.get(f, ()))
            for pre, cls in self.by_head.get(f[:2], ()):
                if f.startswith(pre):
                    classes.add(cls)
        # (most words have no class: one shared empty set, not one more object per word for the
        # collector to scan)
        res = new_memo(self, forms, frozenset(classes) if classes else _NO_CLASSES)
        if len(self.cache) < 200_000:
            self.cache[word] = res
        return res


_NO_CLASSES: frozenset[str] = frozenset()
_CACHES: dict[int, _TokCache] = {}


def _cache_for(lex: Lexicons) -> _TokCache:
    return per_lexicon(_CACHES, lex, _TokCache)


def build_view(doc: Document, lex: Lexicons, keep: Callable[[str], bool] | None = None) -> DocView:
    """The extraction view of `doc`.

    With `keep` (a test on a piece of the ORIGINAL text, e.g. the trigger gate's `passes`), only
    the sentences whose words `keep` accepts get tokens; the others keep their place in
    `sents` with an empty token range. Extraction reads the tokens of a sentence only after a
    non-generic trigger matched in it, so with the gate as `keep` the mentions are the same;
    most sentences of a report name no trigger, and building their tokens was the largest cost."""
    analysis = analyze(doc)
    text = doc.text
    if analysis is not None and analysis.normalized is not None:
        norm: NormalizedText = analysis.normalized
    else:
        norm = normalize(text)
    to_view = (lambda o: o) if norm.identity else norm.to_view
    if analysis is not None and analysis.sentences:
        raw_sents: list[Sentence] = list(analysis.sentences)
    else:
        raw_sents = _fallback_sentences(text)
    if keep is not None and analysis is not None:
        toks, sents = _sentence_tokens(text, norm.text, raw_sents, to_view, lex, keep)
        starts = [t.start for t in toks]
    else:
        toks = _tokens(norm.text, 0, len(norm.text), lex)
        starts = [t.start for t in toks]
        ends = [t.end for t in toks]
        sents = []
        ti = 0
        for sent in raw_sents:
            vs, ve = to_view(sent.start), to_view(sent.end)
            # the first token from `ti` on that ends after vs, then the first one that starts at or
            # after ve (token starts and ends both increase, so bisection finds them)
            lo = max(ti, bisect_right(ends, vs))
            ti = max(lo, bisect_left(starts, ve))
            sents.append(SentView(sent.start, sent.end, sent.zone, lo, ti))
    numbers: list[NumberMention] = list(analysis.numbers) if analysis is not None else _fallback_numbers(toks)
    _attach_numbers(toks, numbers, to_view, starts)
    dates = list(analysis.dates) if analysis is not None else []
    anchor = analysis.anchor if analysis is not None else None
    if anchor is None and doc.published is not None:
        anchor = doc.published.date()
    return DocView(doc, norm, toks, sents, numbers, dates, anchor, analysis)


def _tokens(view: str, pos: int, endpos: int, lex: Lexicons) -> list[Tok]:
    """The tokens of view[pos:endpos] (positions in `view`), with their forms and classes."""
    cache = _cache_for(lex)
    # The hot loop of extraction, as whole-list passes in C: `re.split` with the word pattern as
    # its one group gives gaps and words alternately (the words of `_WORD.finditer(view, pos,
    # endpos)`: the pattern has no look-around, so the slice cuts the same words), the running sum
    # of the parts' lengths gives their spans, and `map` builds the tokens. Token offsets stay in
    # VIEW coordinates (mapping every token back to the original costs more than everything
    # else); spans that leave extraction go through `DocView.orig`.
    parts = _SPLIT.split(view[pos:endpos])
    if len(parts) == 1:
        return []
    bounds = list(accumulate(map(len, parts), initial=pos))
    words = parts[1::2]
    n = len(words)
    got = list(map(cache.cache.get, words))
    if None in got:  # words not cached yet
        get = cache.get
        got = [fc or get(w) for fc, w in zip(got, words, strict=True)]
    fcs = cast(list[list[Any]], got)  # every word's record now
    return list(
        map(
            Tok,
            bounds[1 : 2 * n : 2],  # starts
            bounds[2 : 2 * n + 1 : 2],  # ends
            words,
            map(itemgetter(MEMO_FORMS), fcs),
            repeat(None, n),
            repeat(-1, n),
            repeat(False, n),
            repeat(None, n),
            map(itemgetter(MEMO_CLASSES), fcs),
            fcs,  # each token points to its word's record
        )
    )


# every character a token of the view may hold (a superset is enough: see `_sentence_tokens`)
_TOKCHAR = re.compile(r"[\w.,]")


def _sentence_tokens(
    text: str,
    view: str,
    raw_sents: list[Sentence],
    to_view: Callable[[int], int],
    lex: Lexicons,
    keep: Callable[[str], bool],
) -> tuple[list[Tok], list[SentView]]:
    """Tokens of the sentences `keep` accepts, and every sentence with its token range.

    Same ranges as the full build: with the tokens of the whole view, sentence k gets the tokens
    that start at or after `done` (the largest sentence end so far: earlier sentences took the
    tokens before it), start before its end and end after its start."""
    toks: list[Tok] = []
    sents: list[SentView] = []
    done = 0
    n = len(text)
    for sent in raw_sents:
        vs, ve = to_view(sent.start), to_view(sent.end)
        lo = len(toks)
        if ve > done and sent.zone not in SKIP_ZONES:
            # `keep` reads the sentence widened to whitespace in the original text: no token of
            # the view crosses whitespace (normalisation keeps it), so every token the sentence
            # takes lies in these whitespace-separated pieces (the gate has most of them cached)
            a, b = sent.start, sent.end
            while a > 0 and not text[a - 1].isspace():
                a -= 1
            while b < n and not text[b].isspace():
                b += 1
            if keep(text[a:b]):
                # the view widened to whole tokens: scanned from there, the regex cuts the same
                # tokens as over the whole view (no token runs across a character outside them)
                a, b = vs, ve
                while a > 0 and _TOKCHAR.match(view, a - 1):
                    a -= 1
                while b < len(view) and _TOKCHAR.match(view, b):
                    b += 1
                # the tokens with done <= start < ve and end > vs: starts and ends increase along
                # the list, so they are one slice, found from both ends (a token or two each side)
                got = _tokens(view, a, b, lex)
                i, j = 0, len(got)
                while i < j and (got[i].start < done or got[i].end <= vs):
                    i += 1
                while j > i and got[j - 1].start >= ve:
                    j -= 1
                toks.extend(got[i:j])
        done = max(done, ve)
        sents.append(SentView(sent.start, sent.end, sent.zone, lo, len(toks)))
    return toks, sents


def _attach_numbers(
    toks: list[Tok], numbers: list[NumberMention], to_view: Callable[[int], int], starts: list[int]
) -> None:
    """Give each token inside a number mention that number's value.

    A token gets the first number (in order of start) that has not ended before the token starts
    and begins before it ends. Only the tokens a number overlaps can get one, so only they are
    visited (found by bisection on the token starts), in text order."""
    if not numbers:
        return
    nums = sorted(numbers, key=lambda n: n.start)
    vspans = [(to_view(n.start), to_view(n.end)) for n in nums]
    cand: set[int] = set()
    for vs, ve in vspans:
        # tokens with start < ve and end > vs: from the last token starting at or before vs
        i = max(bisect_right(starts, vs) - 1, 0)
        while i < len(toks) and toks[i].start < ve:
            if toks[i].end > vs:
                cand.add(i)
            i += 1
    j = 0
    for i in sorted(cand):
        t = toks[i]
        while j < len(nums) and vspans[j][1] <= t.start:
            j += 1
        if j < len(nums) and vspans[j][0] < t.end:
            n = nums[j]
            # a year is not a count
            if n.kind in ("year", "ordinal", "percent", "date"):
                continue
            t.num = n.value
            t.memo = None  # a number's candidates differ from its word's: the matchers' own caches
            t.num_id = j
            t.num_vague = n.vague
            t.num_span = (n.start, n.end)


def _fallback_numbers(toks: list[Tok]) -> list[NumberMention]:
    out: list[NumberMention] = []
    for t in toks:
        if t.norm.isdigit() and len(t.norm) <= 6:
            out.append(NumberMention(t.start, t.end, t.norm, int(t.norm), kind="digits"))
    return out


def _fallback_sentences(text: str) -> list[Sentence]:
    return [Sentence(m.start(), m.end()) for m in _SENT_FALLBACK.finditer(text) if m.group().strip()]
