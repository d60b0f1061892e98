"""The trigger gate: a cheap, SOUND test that a report can yield no event, run before the text layer.

Most reports of a news feed (sport, economy, culture, diplomacy) name no violent or protest act at
all. Extraction only makes a mention from a sentence with a non-generic trigger hit
(`mentions.sentence_mentions`), and an event only from a mention; so a report in which no
non-generic trigger pattern CAN match yields no event, and needs neither the text layer
(zones, sentences, numbers, dates) nor the extraction view.

The gate is derived from the loaded lexicons (never a hand-made word list, so it follows every
change of `triggers.tsv`). It sees the same tokens as extraction: the words of the normalised view
(`normalize(text).text`, cut by `textview.WORD_RE`), each with the same proclitic variants
(`patterns.variants`) and word classes (`textview._TokCache`), so diacritics, tatweel, hamza
spellings and attached clitics are handled exactly as extraction handles them. A pattern can match
only if every one of its word and class tokens is satisfied by some word of the report (gaps skip,
numbers are not tested: both only make the test weaker); the gate passes a report when that holds
for some non-generic trigger pattern. The title is not read: mentions come from `doc.text` only
(the headline only narrows events already found, `headline.talk_headline`).

For speed it reads the ORIGINAL text piece by piece between whitespace: normalisation folds
character by character and keeps whitespace as whitespace (`_check_spaces`, else the full view is
used), so the view's words are the words of the folded pieces; each distinct piece is worked out
once per worker (bounded caches). Tests (`tests/extract/test_gate.py`) and
`benchmarks/check_events.py` check the soundness: the same events, byte for byte, gate on and off.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import ahocorasick

from marsad.extract.lexicon import Lexicons, Trigger, per_lexicon
from marsad.extract.patterns import MEMO_CLASSES, MEMO_FORMS, Pattern, PTok
from marsad.extract.textview import WORD_RE, _cache_for
from marsad.model import GATE_META_KEY, GATED_NO_TRIGGER, Document
from marsad.stage import Stage
from marsad.text.normalize import fold_text, normalize

log = logging.getLogger(__name__)

GATE_KEY = GATE_META_KEY  # doc.meta: "pass" or NO_TRIGGER (set by GateStage, read by later stages)
NO_TRIGGER = GATED_NO_TRIGGER
_NONE: frozenset[int] = frozenset()
MAX_CACHED = 400_000  # distinct pieces / words remembered per worker (bounded memory)


class TriggerGate:
    """`passes(text)`: False only when no non-generic trigger of `lex` can match `text`."""

    def __init__(self, lex: Lexicons, patterns: Iterable[Pattern] | None = None) -> None:
        self.lex = lex
        self._tokcache = _cache_for(lex)
        # one requirement group per distinct pattern token: a word token (its words and prefixes)
        # or a class; a pattern needs all of its groups somewhere in the report
        groups: dict[object, int] = {}
        self._word_groups: dict[str, list[int]] = {}
        self._prefix_groups: dict[str, list[tuple[str, int]]] = {}
        self._class_groups: dict[str, int] = {}
        reqs: set[frozenset[int]] = set()
        self.always = False  # a pattern of numbers alone would need every report to pass
        chosen = patterns if patterns is not None else lex.triggers.patterns
        for p in chosen:
            if isinstance(p.payload, Trigger) and p.payload.generic:
                continue  # generic words alone never make a mention
            need: set[int] = set()
            for pt in p.toks:
                gid = self._group(pt, groups)
                if gid is not None:
                    need.add(gid)
            if not need:
                self.always = True
            reqs.add(frozenset(need))
        # a requirement that contains another one is implied by it: keep the minimal ones
        self.requirements = [r for r in reqs if not any(o < r for o in reqs)]
        # each requirement filed under one of its groups: only the groups a text has are looked at
        self._by_group: dict[int, list[frozenset[int]]] = {}
        for r in self.requirements:
            if r:
                self._by_group.setdefault(min(r), []).append(r)
        self.n_groups = len(groups)
        self._keys = self._key_automaton()
        self._cache: dict[str, frozenset[int]] = {}  # view word -> groups
        # original whitespace-free pieces: every one seen, and those that satisfy some group
        self._seen: set[str] = set()
        self._hits: dict[str, frozenset[int]] = {}
        self._hit_set: set[str] = set()
        self._intern: dict[frozenset[int], frozenset[int]] = {}
        self._spaces_ok = _check_spaces()
        if not self._spaces_ok:
            log.warning("normalisation deletes or folds a space into a letter: gate on the full view")

    def _group(self, pt: PTok, groups: dict[object, int]) -> int | None:
        if pt.kind == "word":
            key: object = ("word", pt.words, pt.prefixes)
            if key not in groups:
                gid = groups[key] = len(groups)
                for w in pt.words:
                    self._word_groups.setdefault(w, []).append(gid)
                for pre in pt.prefixes:
                    self._prefix_groups.setdefault(pre[:2], []).append((pre, gid))
            return groups[key]
        if pt.kind == "class":
            key = ("class", pt.cls)
            if key not in groups:
                groups[key] = self._class_groups[pt.cls] = len(groups)
            return groups[key]
        return None  # a number or a gap: not tested (a weaker test stays sound)

    def _key_automaton(self) -> ahocorasick.Automaton | None:
        """One automaton of every string a word must CONTAIN to satisfy a group: the words and
        prefixes of the word groups, and the words and prefixes of the classes of the class groups.

        A word's forms (`variants`) are substrings of it (proclitics peeled from the front, an
        accusative alef from the end), and a form satisfies a group only by equalling one of these
        words or starting with one of these prefixes; so a text none of them occurs in satisfies no
        group, and one C-level scan settles most new words and pieces (≈ 70 % of the distinct
        words of ANT contain none)."""
        keys = set(self._word_groups)
        keys.update(pre for lst in self._prefix_groups.values() for pre, _ in lst)
        wanted = set(self._class_groups)
        keys.update(w for w, classes in self.lex.class_words.items() if not wanted.isdisjoint(classes))
        keys.update(pre for pre, cls in self.lex.class_prefixes if cls in wanted)
        keys.discard("")
        if not keys:
            return None
        auto = ahocorasick.Automaton()
        for k in keys:
            auto.add_word(k, len(k))
        auto.make_automaton()
        return auto

    def _may_hit(self, folded: str) -> bool:
        """False when no key of `_key_automaton` occurs in `folded` (then no group is satisfied)."""
        return self._keys is None or next(self._keys.iter(folded), None) is not None

    def word_groups(self, word: str) -> frozenset[int]:
        """The requirement groups one token of the view satisfies (same test as `PTok.match`)."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        if not self._may_hit(word):
            if len(self._cache) < MAX_CACHED:
                self._cache[word] = _NONE
            return _NONE
        out: set[int] = set()
        # the view's token cache holds the word's forms (`variants(word)`) and classes; it is filled
        # here once for the view too, so the variants are worked out once per word, not twice
        rec = self._tokcache.get(word)
        forms, classes = rec[MEMO_FORMS], rec[MEMO_CLASSES]
        for f in forms:
            out.update(self._word_groups.get(f, ()))
            for pre, gid in self._prefix_groups.get(f[:2], ()):
                if f.startswith(pre):
                    out.add(gid)
        if self._class_groups:
            for cls in classes:
                cid = self._class_groups.get(cls)
                if cid is not None:
                    out.add(cid)
        res = frozenset(out) if out else _NONE
        if len(self._cache) < MAX_CACHED:
            self._cache[word] = res
        return res

    @property
    def pieces_ok(self) -> bool:
        """Whether the test may read the original text piece by piece (whitespace stays a word
        boundary under normalisation); `textview.build_view` relies on it for sentence pieces."""
        return self._spaces_ok

    def chunk_groups(self, chunk: str) -> frozenset[int]:
        """The groups the words of one whitespace-free piece of the ORIGINAL text satisfy.

        Normalisation folds character by character and keeps whitespace as whitespace (checked in
        `_check_spaces`), so the view's words are exactly the words of the normalised pieces."""
        out: set[int] = set()
        folded = fold_text(chunk)
        if self._may_hit(folded):  # else none of its words can satisfy a group
            for w in WORD_RE.findall(folded):
                out |= self.word_groups(w)
        res = self._intern.setdefault(frozenset(out), frozenset(out)) if out else _NONE
        if len(self._seen) < MAX_CACHED:
            self._seen.add(chunk)
            if res:
                self._hits[chunk] = res
                self._hit_set.add(chunk)
        return res

    def passes_view(self, view_text: str) -> bool:
        """The test on the normalised view (`normalize(text).text`)."""
        return self._verdict([self.word_groups(w) for w in set(WORD_RE.findall(view_text))])

    def passes(self, text: str) -> bool:
        """The test on the original text: pieces between whitespace, each normalised once and cached
        (a news vocabulary repeats, so most pieces are dictionary hits)."""
        if self.always:
            return True
        if not self._spaces_ok:
            return self.passes_view(normalize(text).text)
        # set operations run in C: the pieces known to satisfy a group, and the pieces never
        # seen (a bounded cache: once full, new pieces are worked out each time, which costs
        # time, never correctness). The list of pieces is probed directly (no set of all the
        # pieces is built: most are neither); a string keeps its hash, so the second probe is cheap.
        pieces = text.split()
        hits = self._hits
        groups = [hits[c] for c in self._hit_set.intersection(pieces)]
        if not self._seen.issuperset(pieces):
            groups.extend(self.chunk_groups(c) for c in set(pieces) - self._seen)
        return self._verdict(groups)

    def _verdict(self, groups: Iterable[frozenset[int] | None]) -> bool:
        if self.always:
            return True
        found: set[int] = set()
        for g in groups:
            if g:
                found |= g
        by_group = self._by_group
        for gid in found:
            for r in by_group.get(gid, ()):
                if r <= found:
                    return True
        return False


def _check_spaces() -> bool:
    """Whether normalisation maps every whitespace character to whitespace or to non-word
    characters and never deletes one (else two pieces could join into one word of the view)."""
    for code in (
        *range(0x21),
        0x85,
        0xA0,
        0x1680,
        *range(0x2000, 0x200B),
        0x2028,
        0x2029,
        0x202F,
        0x205F,
        0x3000,
    ):
        ch = chr(code)
        if not ch.isspace():
            continue
        folded = normalize(ch).text
        if not folded or WORD_RE.search(folded):
            return False
    return True


_GATES: dict[int, TriggerGate] = {}


def gate_for(lex: Lexicons) -> TriggerGate:
    """The gate of a lexicon set, built once per worker (lexicons are read-only once loaded)."""
    return per_lexicon(_GATES, lex, TriggerGate)


_INJURY_GATES: dict[int, TriggerGate] = {}


def _injury_gate(lex: Lexicons) -> TriggerGate:
    return TriggerGate(lex, [p for p in lex.casualties.patterns if p.payload.role == "injured"])


def injury_gate_for(lex: Lexicons) -> TriggerGate:
    """A gate of the words of injury (casualties.tsv, role "injured"): a sentence no trigger can
    match may still tell the wounded of the incident told right before it ("وأصيب جنديان بجروح"),
    so the extraction view gives it tokens too (`mentions._wounded_detail`)."""
    return per_lexicon(_INJURY_GATES, lex, _injury_gate)


def passes_gate(doc: Document, lex: Lexicons) -> bool:
    """The gate's verdict on `doc`: the one a `GateStage` left in `doc.meta`, else computed now
    (on the analysis' normalised view when there is one)."""
    verdict = doc.meta.get(GATE_KEY)
    if verdict is not None:
        return verdict != NO_TRIGGER
    g = gate_for(lex)
    norm = doc.analysis.normalized if doc.analysis is not None else None
    return g.passes_view(norm.text) if norm is not None else g.passes(doc.text)


class GateStage(Stage):
    """Pipeline stage in front of the text layer: marks the reports no trigger can match, so the
    analyse and extract stages skip them (their events stay empty). Counted as "gated: no trigger"."""

    name = "gate"
    version = "1"

    def setup(self) -> None:
        from marsad.extract.lexicon import lexicons

        self._res_lex = lexicons()
        gate_for(self._res_lex)

    def process(self, doc: Document) -> Document:
        if gate_for(self._res_lex).passes(doc.text):
            doc.meta[GATE_KEY] = "pass"
        else:
            doc.meta[GATE_KEY] = NO_TRIGGER
            doc.events = []
            self.stats.extra["gated: no trigger"] += 1
        return doc
