"""A small token-pattern matcher over the normalised view of a sentence.

Lexicon entries are written as readable Arabic (see `data/extract/triggers.tsv`): words separated by
spaces, where a word matches a token after its proclitics (و ف ب ل ك ال لل) are set aside, so one entry
"قصف" finds "القصف", "وبقصف", "للقصف". Syntax of one pattern token:

- ``word``      the bare word (after proclitics)            ``a|b|c``   any of them
- ``word*``     any word that starts with it ("مصرع*" = مصرعهم، مصرعه ...)
- ``{N}``       a number (as found by the text layer), swallowing "at least"/"about" words before it
- ``<CLASS>``   a word of a class from classes.tsv           ``~k``      skip up to k words

Patterns are normalised with the same function as the text, so the data need not care how the text
layer spells hamza, taa marbuta or alef maqsura. Matching is by dictionary look-up of the first
token, so the cost grows with the number of tokens, not with the number of entries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

PROCLITIC_CONJ = ("و", "ف")
PROCLITIC_PREP = ("ب", "ل", "ك")


def variants(word: str) -> frozenset[str]:
    """The word and the forms left after peeling proclitics (conjunction, preposition, article)
    and the alef of the indefinite accusative."""
    out = {word}
    stage = [word]
    nxt: list[str] = []
    for w in stage:
        if len(w) > 3 and w[0] in PROCLITIC_CONJ:
            nxt.append(w[1:])
    stage += nxt
    nxt = []
    for w in stage:
        if len(w) > 3 and w[0] in PROCLITIC_PREP:
            nxt.append(w[1:])
        if len(w) > 4 and w.startswith("لل"):
            nxt.append(w[2:])  # لل = ل + ال with the alef dropped
    stage += nxt
    nxt = []
    for w in stage:
        if len(w) > 3 and w.startswith("ال"):
            nxt.append(w[2:])
    stage += nxt
    # the accusative of an indefinite noun ends in alef ("صحفيا", "شخصا"): also try it without
    stage += [w[:-1] for w in stage if len(w) > 3 and w.endswith("ا")]
    out.update(stage)
    return frozenset(out)


def bare(word: str) -> str:
    """A pattern word without its article (the form tokens are compared with)."""
    return word[2:] if len(word) > 4 and word.startswith("ال") else word


@dataclass(slots=True)
class Tok:
    """One word of the normalised view, with original offsets."""

    start: int  # original offsets
    end: int
    norm: str
    forms: frozenset[str]
    num: int | None = None  # value when the token is (part of) a number
    num_id: int = -1  # tokens of one number mention share an id
    num_vague: bool = False
    num_span: tuple[int, int] | None = None  # original span of the whole number mention
    classes: frozenset[str] = frozenset()
    # the word's record of matcher answers, shared by every token of the same word (`Memo`), or
    # None (a number token, a token built by hand): then the matchers' own caches answer
    memo: list[Any] | None = field(default=None, compare=False, repr=False)


# A word's record: [owner, candidates of matcher 1, satisfied tokens of matcher 1, candidates of
# matcher 2, …, the word's forms, its classes], the matchers' slots filled as they meet the word.
# One per distinct word of the view (`textview._TokCache`), reached from the token: the matchers
# look a word up there instead of in their own dictionaries of 10^5 words each (a memory miss per
# token and matcher). `owner` is the cache that made the record: a matcher reads only records of
# the cache it is bound to. One list holds it all: a worker keeps 10^5 of them, and every object
# the collector tracks costs it time on each full pass.
MEMO_MATCHERS = 4
MEMO_FORMS = 2 * MEMO_MATCHERS + 1  # index of the forms in a record, then the classes
MEMO_CLASSES = MEMO_FORMS + 1


_EMPTY_SLOTS = (None,) * (2 * MEMO_MATCHERS)


def new_memo(owner: object, forms: frozenset[str], classes: frozenset[str]) -> list[Any]:
    return [owner, *_EMPTY_SLOTS, forms, classes]


@dataclass(frozen=True, slots=True)
class PTok:
    kind: str  # "word", "num", "class", "gap"
    words: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    cls: str = ""
    gap: int = 0

    def match(self, tok: Tok) -> bool:
        if self.kind == "word":
            # the hot test of the matcher: no intersection set is built, and `startswith` takes
            # all the prefixes at once (same answer as `words & forms or any(f.startswith(p) ...)`)
            if not self.words.isdisjoint(tok.forms):
                return True
            prefixes = self.prefixes
            return bool(prefixes) and any(f.startswith(prefixes) for f in tok.forms)
        if self.kind == "class":
            return self.cls in tok.classes
        return False


@dataclass(slots=True)
class Pattern:
    source: str
    toks: tuple[PTok, ...]
    payload: Any = None


@dataclass(slots=True)
class Hit:
    pattern: Pattern
    first: int  # token index of the first matched token
    last: int  # token index of the last matched token (inclusive)
    nums: list[int] = field(default_factory=list)  # token index of each {N}


Normalizer = Callable[[str], str]
# a pattern that may start at a token: (pattern, first word surely matched, words and classes only,
# the number of each of its tokens in `Matcher._pid`, -1 for numbers and gaps)
Cand = tuple[Pattern, bool, bool, tuple[int, ...]]
_NO_CANDS: tuple[Cand, ...] = ()  # shared by the words no pattern may start at (most of them)
MAX_CACHED = 300_000  # distinct words remembered per matcher (bounded memory)
_NO_PIDS: frozenset[int] = frozenset()
_HEAD2 = itemgetter(slice(None, 2))  # a form's first two letters, the key of `Matcher.by_prefix`


def compile_pattern(source: str, normalize: Normalizer, payload: Any = None) -> Pattern:
    toks: list[PTok] = []
    for raw in source.split():
        if raw.startswith("~") and raw[1:].isdigit():
            toks.append(PTok("gap", gap=int(raw[1:])))
        elif raw == "{N}":
            toks.append(PTok("num"))
        elif raw.startswith("<") and raw.endswith(">"):
            toks.append(PTok("class", cls=raw[1:-1]))
        else:
            words: set[str] = set()
            prefixes: list[str] = []
            for alt in raw.split("|"):
                if not alt:
                    raise ValueError(f"empty alternative in {source!r}")
                star = alt.endswith("*")
                w = bare(normalize(alt.rstrip("*")))
                if not w:
                    raise ValueError(f"empty word in {source!r}")
                if star:
                    if len(w) < 2:
                        raise ValueError(f"prefix too short in {source!r}")
                    prefixes.append(w)
                else:
                    words.add(w)
            toks.append(PTok("word", words=frozenset(words), prefixes=tuple(prefixes)))
    if not toks or toks[0].kind == "gap" or toks[-1].kind == "gap":
        raise ValueError(f"a pattern must start and end with a word, number or class: {source!r}")
    return Pattern(source=source, toks=tuple(toks), payload=payload)


class Matcher:
    """Finds every occurrence of a set of patterns in a token list."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        self.by_word: dict[str, list[Pattern]] = {}
        self.by_prefix: dict[str, list[Pattern]] = {}
        self.by_kind: dict[str, list[Pattern]] = {}
        self.patterns = list(patterns)
        # candidates depend only on the word (and whether it is a number): cached per word, in
        # one dict for plain words and one for numbers (no key tuple to build per token)
        self._cache: dict[str, Sequence[Cand]] = {}
        self._num_cache: dict[str, Sequence[Cand]] = {}
        # patterns of words and classes only (no number, no gap): matched by a plain loop
        self._simple = {id(p) for p in self.patterns if all(t.kind in ("word", "class") for t in p.toks)}
        for p in self.patterns:
            head = p.toks[0]
            if head.kind == "word":
                for w in head.words:
                    self.by_word.setdefault(w, []).append(p)
                for pre in head.prefixes:
                    self.by_prefix.setdefault(pre[:2], []).append(p)
            elif head.kind == "num":
                self.by_kind.setdefault("num", []).append(p)
            else:
                self.by_kind.setdefault("class:" + head.cls, []).append(p)
        # the classes some pattern starts with: with the first words (`by_word`) and the first two
        # letters of the first prefixes (`by_prefix`), what a word needs for any candidate at all
        self._head_classes = frozenset(k[6:] for k in self.by_kind if k.startswith("class:"))
        # Every distinct word or class token of the patterns gets a number, and each word of the
        # view the set of numbers it satisfies, worked out once per word like the candidates
        # (`_sat`): testing a pattern token is then one set look-up instead of a call of
        # `PTok.match` (same answer: `_sat_of` applies its test through indexes).
        self._pid: dict[PTok, int] = {}
        for p in self.patterns:
            for t in p.toks:
                if t.kind in ("word", "class"):
                    self._pid.setdefault(t, len(self._pid))
        self._pid_words: dict[str, list[int]] = {}
        self._pid_prefixes: dict[str, list[tuple[str, int]]] = {}
        self._pid_classes: dict[str, list[int]] = {}
        for t, pid in self._pid.items():
            if t.kind == "word":
                for w in t.words:
                    self._pid_words.setdefault(w, []).append(pid)
                for pre in t.prefixes:  # at least two letters (`compile_pattern`)
                    self._pid_prefixes.setdefault(pre[:2], []).append((pre, pid))
            else:
                self._pid_classes.setdefault(t.cls, []).append(pid)
        # per pattern, the number of each of its tokens (-1: a number or a gap)
        self._ids = {id(p): tuple(self._pid.get(t, -1) for t in p.toks) for p in self.patterns}
        self._sat: dict[str, frozenset[int]] = {}
        self._sat_sets: dict[frozenset[int], frozenset[int]] = {}
        # where this matcher's answers sit in the word records of `_owner` (`bind`); none yet
        self._owner: object = None
        self._slot = 0

    def bind(self, owner: object, k: int) -> None:
        """Read and fill slots 2k+1 (candidates) and 2k+2 (satisfied tokens) of the word records
        (`new_memo`) made by `owner`."""
        if not 0 <= k < MEMO_MATCHERS:
            raise ValueError(f"memo slot {k} out of range")
        self._owner, self._slot = owner, 2 * k + 1

    def _candidates(self, tok: Tok) -> Sequence[Cand]:
        cache = self._cache if tok.num is None else self._num_cache
        hit = cache.get(tok.norm)
        if hit is None:
            hit = self._compute_candidates(tok)
            if len(cache) < MAX_CACHED:
                cache[tok.norm] = hit
        return hit

    def _compute_candidates(self, tok: Tok, prune: bool = True) -> Sequence[Cand]:
        """Patterns that may start at `tok`, each with whether its first word surely matches it
        (one of its words is a form of the token: then matching resumes at the second token),
        whether it is made of words and classes only (`_simple`) and its tokens' numbers.

        The prefix index is keyed by two letters, so it also offers patterns whose first word no
        form of the token starts with ("مصرع*" to "مصر"); matching tries that first word and finds
        nothing. `prune` leaves them out (only them: the others keep their order, so the hits are
        the same); `find_plain`, the reference, keeps them."""
        forms = tok.forms
        if (
            prune
            and tok.num is None
            and self.by_word.keys().isdisjoint(forms)
            and self._head_classes.isdisjoint(tok.classes)
            and (not self.by_prefix or self.by_prefix.keys().isdisjoint(map(_HEAD2, forms)))
        ):
            # no index below holds anything for this word (most words): no pattern starts here
            return _NO_CANDS
        seen: dict[int, Pattern] = {}
        sure: set[int] = set()
        for f in tok.forms:
            for p in self.by_word.get(f, ()):
                seen[id(p)] = p
                sure.add(id(p))
            for p in self.by_prefix.get(f[:2], ()):
                seen[id(p)] = p
        if tok.num is not None:
            for p in self.by_kind.get("num", ()):
                seen[id(p)] = p
        for c in tok.classes:
            for p in self.by_kind.get("class:" + c, ()):
                seen[id(p)] = p
        if not prune:
            return [(p, k in sure, k in self._simple, self._ids[k]) for k, p in seen.items()]
        out = [
            (p, k in sure, k in self._simple, self._ids[k])
            for k, p in seen.items()
            if k in sure or p.toks[0].kind != "word" or p.toks[0].match(tok)
        ]
        return out or _NO_CANDS  # one object for every word without candidates (the caches hold it)

    def _sat_of(self, tok: Tok) -> frozenset[int]:
        """The numbers of the pattern tokens `tok` satisfies, kept in the matcher's word cache."""
        res = self._sat_set(tok)
        if len(self._sat) < MAX_CACHED:
            self._sat[tok.norm] = res
        return res

    def _sat_set(self, tok: Tok) -> frozenset[int]:
        """The numbers of the pattern tokens `tok` satisfies (`PTok.match` of each, at once)."""
        out: set[int] = set()
        for f in tok.forms:
            out.update(self._pid_words.get(f, ()))
            for pre, pid in self._pid_prefixes.get(f[:2], ()):
                if f.startswith(pre):
                    out.add(pid)
        for c in tok.classes:
            out.update(self._pid_classes.get(c, ()))
        # one object per distinct set (most words satisfy nothing): the caches hold references
        if out:
            fs = frozenset(out)
            return self._sat_sets.setdefault(fs, fs)
        return _NO_PIDS

    def _sat_for(self, tok: Tok) -> frozenset[int]:
        """`_sat_set` of `tok` from its word's record when it has one of this matcher's owner, else
        from the matcher's word cache."""
        memo = tok.memo
        if memo is not None and memo[0] is self._owner:
            got = memo[self._slot + 1]
            if got is None:
                got = memo[self._slot + 1] = self._sat_set(tok)
            return got  # type: ignore[no-any-return]
        got = self._sat.get(tok.norm)
        return got if got is not None else self._sat_of(tok)

    def find(self, toks: list[Tok], lo: int = 0, hi: int | None = None) -> list[Hit]:
        hi = len(toks) if hi is None else hi
        hits: list[Hit] = []
        words, nums, sat = self._cache, self._num_cache, self._sat
        owner, slot = self._owner, self._slot
        # hot loop: most tokens start no pattern, so the look-up is inlined (see `_candidates`);
        # a token with its word's record (`memo`, made by the cache this matcher is bound to)
        # finds the candidates there
        for i in range(lo, hi):
            t = toks[i]
            memo = t.memo
            if memo is not None and memo[0] is owner:
                cands = memo[slot]
                if cands is None:
                    cands = memo[slot] = self._compute_candidates(t)
            else:
                cands = (words if t.num is None else nums).get(t.norm)
                if cands is None:
                    cands = self._candidates(t)
            for p, sure, simple, ids in cands:
                if simple:
                    # words and classes only: token i + k must satisfy pattern token k for every
                    # k, all before `hi` (what the recursion of `_match_at` checks, without its
                    # frames and with the satisfied tokens looked up, see `_sat`)
                    n = len(ids)
                    if i + n > hi:
                        continue
                    k = 1 if sure else 0  # a sure first word is already matched
                    while k < n:
                        u = toks[i + k]
                        memo = u.memo
                        if memo is not None and memo[0] is owner:
                            got = memo[slot + 1]
                            if got is None:
                                got = memo[slot + 1] = self._sat_set(u)
                        else:
                            got = sat.get(u.norm)
                            if got is None:
                                got = self._sat_of(u)
                        if ids[k] not in got:
                            break
                        k += 1
                    if k == n:
                        hits.append(Hit(p, i, i + n - 1, []))
                    continue
                if sure:  # the first word matched (as `_match_at` would find): go on from the second
                    if len(ids) == 1:
                        hits.append(Hit(p, i, i, []))
                        continue
                    m = self._match_from(p.toks, ids, 1, toks, i + 1, hi, [])
                else:
                    m = self._match_from(p.toks, ids, 0, toks, i, hi, [])
                if m is not None:
                    last, nums_at = m
                    hits.append(Hit(p, i, last, nums_at))
        return hits

    def _match_from(
        self,
        ptoks: tuple[PTok, ...],
        ids: tuple[int, ...],
        k: int,
        toks: list[Tok],
        i: int,
        hi: int,
        nums: list[int],
    ) -> tuple[int, list[int]] | None:
        """`_match_at` with the word and class tests looked up in `_sat`; a gap before a word or
        class token looks for that token at each place the gap allows (in the same order) and
        goes on only where it is satisfied, instead of a call per place."""
        pt = ptoks[k]
        if pt.kind == "gap":
            nk = k + 1
            nid = ids[nk]
            if nid < 0:  # a number after the gap
                for skip in range(pt.gap + 1):
                    if i + skip >= hi:
                        break
                    m = self._match_from(ptoks, ids, nk, toks, i + skip, hi, nums)
                    if m is not None:
                        return m
                return None
            last = nk + 1 == len(ptoks)
            owner, at = self._owner, self._slot + 1
            for j in range(i, min(i + pt.gap + 1, hi)):
                u = toks[j]
                memo = u.memo  # `_sat_for`, inlined: the gap scan is the matcher's second loop
                got = memo[at] if memo is not None and memo[0] is owner else self._sat.get(u.norm)
                if got is None:
                    got = self._sat_for(u)
                if nid in got:
                    if last:
                        return j, nums
                    m = self._match_from(ptoks, ids, nk + 1, toks, j + 1, hi, nums)
                    if m is not None:
                        return m
            return None
        if i >= hi:
            return None
        if pt.kind == "num":
            step = _number_at(toks, i, hi, nums)
            if step is None or k + 1 == len(ptoks):
                return step
            return self._match_from(ptoks, ids, k + 1, toks, step[0] + 1, hi, step[1])
        if ids[k] not in self._sat_for(toks[i]):
            return None
        if k + 1 == len(ptoks):
            return i, nums
        return self._match_from(ptoks, ids, k + 1, toks, i + 1, hi, nums)

    def find_plain(self, toks: list[Tok], lo: int = 0, hi: int | None = None) -> list[Hit]:
        """Every pattern tried at every token by the recursion of `_match_at` and `PTok.match`:
        the reference `find` must agree with (tests)."""
        hi = len(toks) if hi is None else hi
        hits: list[Hit] = []
        for i in range(lo, hi):
            for p, _sure, _simple, _ids in self._compute_candidates(toks[i], prune=False):
                m = _match_at(p.toks, 0, toks, i, hi, [])
                if m is not None:
                    hits.append(Hit(p, i, m[0], m[1]))
        return hits


def _number_at(toks: list[Tok], i: int, hi: int, nums: list[int]) -> tuple[int, list[int]] | None:
    """The number step of a match at i (after the number's modifiers: "ما لا يقل عن"): (its last
    token, `nums` and the token that holds its value, the first of the number proper), or None."""
    end = _num_extent(toks, i, hi)
    if end is None:
        return None
    first_num = i
    while toks[first_num].num is None:
        first_num += 1
    return end, [*nums, first_num]


def _num_extent(toks: list[Tok], i: int, hi: int) -> int | None:
    """Index of the last token of the number that starts at or after modifiers at i, or None."""
    j = i
    while j < hi and toks[j].num is None and "MOD" in toks[j].classes and j - i < 5:
        j += 1
    if j >= hi or toks[j].num is None:
        return None
    nid = toks[j].num_id
    while j + 1 < hi and toks[j + 1].num_id == nid and nid >= 0:
        j += 1
    return j


def _match_at(
    ptoks: tuple[PTok, ...], k: int, toks: list[Tok], i: int, hi: int, nums: list[int]
) -> tuple[int, list[int]] | None:
    """Match ptoks[k:] starting at token i; return (last token index, number token indexes)."""
    pt = ptoks[k]
    if pt.kind == "gap":
        for skip in range(pt.gap + 1):
            if i + skip >= hi:
                break
            m = _match_at(ptoks, k + 1, toks, i + skip, hi, nums)
            if m is not None:
                return m
        return None
    if i >= hi:
        return None
    if pt.kind == "num":
        step = _number_at(toks, i, hi, nums)
        if step is None or k + 1 == len(ptoks):
            return step
        return _match_at(ptoks, k + 1, toks, step[0] + 1, hi, step[1])
    if not pt.match(toks[i]):
        return None
    if k + 1 == len(ptoks):
        return i, nums
    return _match_at(ptoks, k + 1, toks, i + 1, hi, nums)
