"""Finding place mentions: longest gazetteer names, type words, modifiers, unknown names.

`Matcher.match` walks the words of a text (`keys.tokenize`, original offsets) and at each word
takes the longest gazetteer name (up to `max_words` words), noting a type word before it
(محافظة، قضاء، قرية …) and precision-2 modifiers around it (جنوب، قرب، ريف …). Single common
words (cues.tsv `stop`) only count after an admin or settlement type word, or when their context
licenses them (`licence.py`: "في الباب" in a report from Syria). After a type word, a
name that is not in the gazetteer is tried by fuzzy match (one edit, 5+ letters), then by the
consonant skeleton of Latin-only GeoNames names, and otherwise kept as an *unknown* mention (an
unlisted village) so `locate` can fall back to the nearest known place at precision 2.
Country adjectives (nisba.tsv: الهندية، البورمي) are kept as `Ref`s, references to a country, not
places, unless a settlement or admin type word stands before them ("قضاء الهندية"). Two-word stop
phrases (فرانس برس، مسقط رأس) are skipped whole. Words with tanween (دوراً) are never names.
Which candidate a mention means is decided later, in `marsad.geo.geocoder`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from marsad.geo.data import (
    FEATURES_OF_TYPE,
    DataFileError,
    focus_countries,
    load_capitals,
    load_countries,
    load_cues,
    load_nisba,
    nisba_forms,
)
from marsad.geo.gazetteer import Gazetteer
from marsad.geo.keys import Tok, fold, name_key
from marsad.geo.licence import Licence, spelling
from marsad.geo.nearmiss import NearPool
from marsad.geo.translit import arabic_skeleton

# Characters allowed between the words of one multi-word name.
_JOINERS = set(" \t_-\u00a0\u200f")
_MOD_WINDOW = 3
# Type words after which an unknown name is kept as an unlisted place (قرية البو عيثة).
_UNLISTED_TYPES = frozenset(
    {"village", "town", "district", "area", "camp", "admin3"}
)  # words before a name in which a modifier (جنوب، قرب …) applies


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    tok_start: int
    tok_end: int  # exclusive
    key: str
    cands: tuple[int, ...]
    type_value: str | None = None  # "admin1", "city" … from a type word before the name
    modified: bool = False  # a precision-2 modifier applies
    fuzzy: bool = False
    translit: bool = False  # matched a Latin-only GeoNames name by consonant skeleton
    listed: bool = False  # a common word kept because it follows a place in a list (وبلد)
    licence: str | None = None  # a common word kept by its context: tier "frame" / "anchor" (licence.py)
    anchored: bool = False  # a direction word follows it ("في الحمام غرب مطروح")
    whole: tuple[int, ...] = ()  # entries whose name includes the type word ("سوق الشيوخ")
    choice: int | None = None
    score: float = 0.0
    scores: dict[int, float] = field(default_factory=dict)

    def fresh(self) -> Mention:
        """A copy with empty scores: `dataclasses.replace(self, scores={})` without its overhead
        (every analysis copies the cached matches; tests/geo check the two agree)."""
        return Mention(
            self.start,
            self.end,
            self.tok_start,
            self.tok_end,
            self.key,
            self.cands,
            self.type_value,
            self.modified,
            self.fuzzy,
            self.translit,
            self.listed,
            self.licence,
            self.anchored,
            self.whole,
            self.choice,
            self.score,
            {},
        )


@dataclass(frozen=True, slots=True)
class Ref:
    """A country adjective or demonym (الهندية، الأتراك): a reference to country `cc`, not a place."""

    start: int
    end: int
    tok_start: int
    tok_end: int
    cc: str


# Tanween (ً ٌ ٍ) marks an indefinite common noun or adjective: "دوراً" is "a role", not Dura.
_TANWEEN = frozenset("\u064b\u064c\u064d")


def has_tanween(text: str) -> bool:
    """`not _TANWEEN.isdisjoint(text)` by three substring searches (C scans; the set test hashed
    every character of the report, ≈ 45 µs a report)."""
    return "\u064b" in text or "\u064c" in text or "\u064d" in text


@dataclass(slots=True)
class Unknown:
    """A type word followed by a name the gazetteer does not know (قرية البو حمدان)."""

    start: int
    end: int
    tok_start: int
    type_value: str


# Type words after which a country adjective is a town's name ("قضاء الهندية", "مدينة الهندية").
_SETTLED_TYPES = frozenset({"admin1", "admin2", "admin3", "city", "town", "village"})


# Word flags of `Matcher._skippable`.
_DULL, _TYPE, _PREFIX = 1, 2, 4  # starts nothing / a type word / only starts longer names
_FRAMED = 8  # starts nothing unless a locative frame before licenses it (`Matcher._quiet`)
_FRAME = 16  # may license the word after it (`Licence.may_frame`)
_PHRASE = 32  # starts nothing but two-word stop phrases ("قوات …"): the next word decides
_NEVER, _IF_FRAMED = 1, 2  # `Matcher._quiet`: a one-word name that starts nothing / only when framed
_FLAG_CACHE_MAX = 200_000

_TYPE_BREAK = frozenset("،,.:;؛!?؟\n")
# a word with the article, after its proclitics ("والمدن", "بالمحافظات", "للمدن")
_DEFINITE = re.compile(r"^(?:[وفبك]?ل?ال|لل)")
_PLACE_PREPS = frozenset({"في", "الي", "من", "قرب"})
_OBJECT_SUFFIXES = ("وه", "وها", "وهم", "تها", "تهم", "وني")  # أحرقوه، قتلوها، اعتقلتهم (folded)


def _capitals(gaz: Gazetteer) -> dict[str, int]:
    """ISO2 -> entry of its capital (capitals.tsv: the most populous place of that name there)."""
    out: dict[str, int] = {}
    for cc, name, _example in load_capitals():
        best = max(
            (
                (e.population, n)
                for n, e in enumerate(gaz.entries)
                if e.cc == cc and e.name == name and e.feature == "populated_place"
            ),
            default=None,
        )
        if best is None:
            raise DataFileError(f"capitals.tsv: no populated place {name!r} in {cc}")
        out[cc] = best[1]
    return out


class Matcher:
    """Cue tables (type words, modifiers, stop words, particles) and the matching walk."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.types: dict[str, str] = {}
        self.mod_phrases: set[str] = set()
        self.mods_after: set[str] = set()
        self.stops: set[str] = set()
        self.parts: set[str] = set()
        self.stops_noart: set[str] = set()
        self.stops_art: set[str] = set()
        self.stops_never: set[str] = set()  # not even after a type word ("محافظات البلاد")
        self.stop_phrases: set[str] = set()
        self.duals: set[str] = set()  # "محافظتي إدلب وحلب": the type applies to both names
        # "محافظات البيضاء وصنعاء وصعدة": the type of a plural type word goes to every name of its
        # list; only in its indefinite form ("في المدن الإسبانية" names no town)
        self.plurals: dict[str, str] = {}
        self.stops_number: set[str] = set()  # "الخمس" the number: a place only after في/ب or a type word
        self.territory: set[str] = set()  # "داخل الأراضي السورية": the country adjective names a place
        self.person: set[str] = set()  # "يدعى عمران": the word after one is a person's name, not a town
        self.country_id = {e.cc: n for n, e in enumerate(gaz.entries) if e.feature == "country"}
        self.capital_id = _capitals(gaz)
        for cue in load_cues():
            key = name_key(cue.word)
            if cue.kind == "territory":
                self.territory.add(key)
            elif cue.kind == "person":
                self.person.add(key)
            elif cue.kind == "stop" and cue.value == "number":
                self.stops_number.add(key)
            elif cue.kind == "stop" and " " in key and cue.value != "type":
                self.stop_phrases.add(key)
            elif cue.kind == "plural":
                self.plurals[key] = cue.value
            elif cue.kind in ("type", "dual"):
                self.types[key] = cue.value
                if cue.kind == "dual":
                    self.duals.add(key)
            elif cue.kind == "mod" and cue.value == "after":
                self.mods_after.add(key)
            elif cue.kind == "mod":
                self.mod_phrases.add(key)
            elif cue.kind == "part":
                self.parts.add(key)
            elif cue.value == "noart":
                self.stops_noart.add(key)
            elif cue.value == "art":
                self.stops_art.add(key)
            elif cue.value == "never":
                self.stops_never.add(key)
            else:
                self.stops.add(key)
        self.stops |= self.stops_never
        # Cue words are never places on their own (a village called "منطقة" must not fire), even
        # after a type word ("سوق مدينة وانلاوين").
        self.cue_keys = set(self.types) | self.mod_phrases | self.mods_after
        self.stops |= self.cue_keys
        # Countries the project reads news about: short names elsewhere are not trusted.
        self._covered = focus_countries()
        # Country adjectives: key (one or two words, article stripped) -> ISO2.
        self.nisba: dict[str, str] = {}
        for nrow in load_nisba():
            for form in nrow.forms:
                for f in nisba_forms(form):
                    # "الألمانية" keeps the أ-ل of ألمانية after the article is stripped.
                    for k in (name_key(f), name_key("ال" + f)):
                        self.nisba.setdefault(k, nrow.cc)
        self.nisba_first = {k.split()[0] for k in self.nisba if " " in k}
        # Word prefixes of multi-word names: the longest-match walk stops when none applies.
        self.prefixes: set[str] = set()
        for k in gaz.index:
            words = k.split(" ")
            for n in range(1, len(words)):
                self.prefixes.add(" ".join(words[:n]))
        self.phrase_first = {k.split()[0] for k in self.stop_phrases}
        self.licence = Licence(self.mod_phrases | self.mods_after, self.cue_keys, self.nisba)
        # Country names that look like adjectives: "سورية" (written bare) is Syria but "السورية" is
        # the adjective; "السعودية" (written with the article) is Saudi Arabia.
        self.country_bare: set[str] = set()
        self.country_art: set[str] = set()
        for row in load_countries().values():
            for name in row.names_ar:
                (self.country_art if fold(name).startswith("ال") else self.country_bare).add(name_key(name))
        self._flag_cache: dict[str, int] = {}
        self._fuzzy_cache: dict[tuple[str, str], tuple[str, tuple[int, ...]] | None] = {}
        self._pools: dict[int, NearPool] = {}  # name keys of about n letters, for the near-miss search

    def _skippable(self, toks: list[Tok]) -> tuple[bytearray, list[int]]:
        """Which words the match walk may step over, and the others (in order).

        A word is skipped when no type word stands right before it (nor a type word and a country
        adjective, as `_type_before` reads them) and none of its readings starts a particle or a
        country adjective, its one-word names are all ones the walk turns down there (`_quiet`),
        and: nothing else starts at it (_DULL); or the rest depends on the words around it and
        they do not supply it — a name that only a frame word before it licenses (_FRAMED, no
        _FRAME word before), longer names none of which goes on with the next word (_PREFIX,
        `_extends`), a stop phrase the next word does not complete (_PHRASE, `_stop_phrase`).
        Word flags are cached by folded form: the readings' keys depend on it alone."""
        cache = self._flag_cache
        nisba = self.nisba
        skip = bytearray(len(toks))
        hot: list[int] = []
        p1 = p2 = 0  # flags of the two words before
        for i, t in enumerate(toks):
            f = cache.get(t.folded)
            if f is None:
                if len(cache) >= _FLAG_CACHE_MAX:
                    cache.clear()
                f = cache[t.folded] = self._word_flags(t)
            if f & _DULL:
                quiet = True
            elif f & (_PREFIX | _FRAMED | _PHRASE):
                # a _FRAMED word starts something only after a frame word, a _PREFIX word only
                # with the next word, a _PHRASE word only a stop phrase with it; a word may be all
                quiet = (
                    not (f & _FRAMED and p1 & _FRAME)
                    and not (f & _PREFIX and self._extends(t, toks[i + 1] if i + 1 < len(toks) else None))
                    and not (f & _PHRASE and self._stop_phrase(toks, i))
                )
            else:
                quiet = False
            if quiet and not (p1 & _TYPE or (p2 & _TYPE and toks[i - 1].bare in nisba)):
                skip[i] = 1
            else:
                hot.append(i)
            p2, p1 = p1, f
        return skip, hot

    def _word_flags(self, tok: Tok) -> int:
        index = self.gaz.index
        keys = tok.keys
        prefix = not self.prefixes.isdisjoint(keys)
        flags = _TYPE if not self.types.keys().isdisjoint(keys) else 0
        if self.licence.may_frame(tok):
            flags |= _FRAME
        if tok.bare in self.nisba_first or not (
            self.parts.isdisjoint(keys) and self.nisba.keys().isdisjoint(keys)
        ):
            return flags
        nxt = (_PREFIX if prefix else 0) | (_PHRASE if not self.phrase_first.isdisjoint(keys) else 0)
        # one-word names the walk always turns down without a type word before them ("ان", "البلاد")
        quiet = [self._quiet(k, n, tok.folded) for n, k in enumerate(keys) if k in index]
        if all(q == _NEVER for q in quiet):
            # no name, or none that can stand alone: only the first word of longer names
            # ("علي", "الولايات") or of a stop phrase, and the next word decides
            flags |= nxt or _DULL
        elif all(quiet):
            flags |= _FRAMED | nxt
        return flags

    def _quiet(self, key: str, n: int, folded: str) -> int:
        """Whether the one-word name `key` (reading n of a word folded as `folded`) is turned down
        by `match` wherever it stands with no type word before it: _NEVER (turned down and never
        licensed), _IF_FRAMED (licensed at most by a frame word right before it: `Licence.framed`
        with no proclitic of its own, and no list "و" since it is the bare reading) or 0.

        Each test below is a branch of `match` for `typ` None and a one-word hit that does not
        look at the context (`_longest` finds no longer name at a word whose readings do not go
        on with the next word, `_skippable`'s _PREFIX test). `tests/geo/test_fast_paths.py` and
        `benchmarks/bench_geocode.py` check the walk against the plain one."""
        E = self.gaz.entries
        ids = self.gaz.index[key]
        if key.endswith("يا") and any(E[c].feature == "country" for c in ids):
            return 0  # "مهندسا تركيا": `_accusative_nisba` may read it as an adjective
        turned_down = (
            key in self.cue_keys
            or len(key) < 3
            or key in self.stops_never
            or (len(key) < 4 and all(E[c].cc not in self._covered and E[c].feature != "country" for c in ids))
            # a common word; `_listed` needs a peeled "و" (a reading after the first)
            or (key in self.stops and key not in self.cue_keys and not (n > 0 and folded.startswith("و")))
        )
        if not turned_down:
            return 0
        if (
            key in self.cue_keys
            or key in self.stops_never
            or key in self.stops_number
            or self.licence.tier(key) == "never"
        ):
            return _NEVER  # `_licensed` turns these down before it looks at the context
        return _IF_FRAMED if n == 0 else 0

    def _extends(self, tok: Tok, nxt: Tok | None) -> bool:
        """Whether a reading of `tok` and the next word make a name or the start of one (only
        then can `_longest` find a name at a _PREFIX word)."""
        if nxt is None:
            return False
        index, prefixes = self.gaz.index, self.prefixes
        for k in tok.keys:
            two = f"{k} {nxt.bare}"
            if two in index or two in prefixes:
                return True
        return False

    def _joined(self, text: str, toks: list[Tok], i: int) -> bool:
        """True when word i and i+1 are separated only by spaces/underscores (one name may span)."""
        gap = text[toks[i].end : toks[i + 1].start]
        return gap == " " or (len(gap) <= 3 and all(c in _JOINERS for c in gap))

    def _longest(self, text: str, toks: list[Tok], i: int) -> tuple[int, str, int, tuple[int, ...]] | None:
        """(n_words, key, start offset, entry ids) of the longest name starting at word i."""
        index = self.gaz.index
        # most words start no name at all: skip the span walk for them (same result, much faster)
        keys = toks[i].keys
        if index.keys().isdisjoint(keys) and self.prefixes.isdisjoint(keys) and self.parts.isdisjoint(keys):
            return None
        # A name spans words joined only by spaces/underscores, up to max_words; the joins are
        # checked lazily, only as far as some reading still makes a name prefix (`span` words are
        # known to be joined, `cut` once a gap ends the run).
        limit = min(self.gaz.max_words, len(toks) - i)
        span, cut = 1, False
        best: tuple[int, str, int, tuple[int, ...]] | None = None
        s0 = toks[i].start
        for first, off in toks[i].rel:
            start = s0 + off
            key = first
            parts = [first]
            # A two-letter stem left by peeling the conjunction ("وإب"، "وأم درمان") starts a longer
            # name only as a particle: "فرد أو" is "a person or", not رد أو (Rud Avar).
            short = len(first) < 3 and off > 0 and first not in self.parts
            for n in range(1, limit + 1):
                if n > 1:
                    if short:
                        break
                    if n > span:
                        if cut or not self._joined(text, toks, i + n - 2):
                            cut = True
                            break
                        span = n
                    parts.append(toks[i + n - 1].bare)
                    key = " ".join(parts)
                ids = index.get(key)
                if not ids and n == 2 and first in self.parts:
                    # Written apart, named as one word: "تل عفر" for تلعفر (after a particle only).
                    ids = index.get(first + toks[i + 1].folded)
                if ids and (best is None or n > best[0]):
                    best = (n, key, start, ids)
                # No longer name starts with these words (a particle may still join the next one).
                if key not in self.prefixes and not (n == 1 and first in self.parts):
                    break
        return best

    def _plural_before(self, toks: list[Tok], i: int, text: str) -> str | None:
        """The type a plural type word right before word i gives ("مديريات" → admin2), when it is
        indefinite (the head of a list of names) and nothing but a space stands between them."""
        if i == 0 or self.plurals.keys().isdisjoint(toks[i - 1].keys):
            return None  # (most words: one set test in C)
        if _DEFINITE.match(toks[i - 1].folded) or not _TYPE_BREAK.isdisjoint(
            text[toks[i - 1].end : toks[i].start]
        ):
            return None
        return next(self.plurals[k] for k in toks[i - 1].keys if k in self.plurals)

    def _type_before(self, toks: list[Tok], i: int, text: str = "") -> str | None:
        if i == 0:
            return None
        types = self.types
        prev = toks[i - 1].keys
        if not types.keys().isdisjoint(prev):  # most words are no type word
            for key in prev:
                if key in types:
                    # "في العاصمة، بأزمة حادة": punctuation ends the phrase; the type word names nothing.
                    if text and not _TYPE_BREAK.isdisjoint(text[toks[i - 1].end : toks[i].start]):
                        return None
                    return types[key]
        # "العاصمة الأردنية عمان": the type word stands before the country adjective.
        if i >= 2 and toks[i - 1].bare in self.nisba:
            for key in toks[i - 2].keys:
                if key in types:
                    return types[key]
        return None

    def _nisba(self, text: str, toks: list[Tok], i: int) -> tuple[int, str] | None:
        """(words, ISO2) of a country adjective at word i ("الكوري الشمالي" is two words)."""
        if toks[i].bare in self.nisba_first and i + 1 < len(toks) and self._joined(text, toks, i):
            cc = self.nisba.get(f"{toks[i].bare} {toks[i + 1].bare}")
            if cc is not None:
                return 2, cc
        for key, off in toks[i].rel:
            cc = self.nisba.get(key)
            if cc is None:
                continue
            start = toks[i].start + off
            article = fold(text[start : start + 2]) == "ال"
            if key in (self.country_art if article else self.country_bare):
                return None
            return 1, cc
        return None

    def _name_follows(self, text: str, toks: list[Tok], i: int) -> bool:
        """Word i+1 is a plain word (not an adjective) joined to word i."""
        return (
            i + 1 < len(toks)
            and self._joined(text, toks, i)
            and toks[i + 1].bare not in self.nisba
            and self._plain_word(toks[i + 1])
        )

    @staticmethod
    def _listed(toks: list[Tok], i: int, start: int, mentions: list[Mention]) -> bool:
        """Word i is "و" + a name right after a place mention: an item of a list of places."""
        return (
            start > toks[i].start
            and toks[i].folded.startswith("و")
            and bool(mentions)
            and mentions[-1].tok_end == i
        )

    def _placed_number(self, text: str, toks: list[Tok], i: int, words: int) -> bool:
        """A number word that is also a town ("الخمس") is the town after a preposition (في الخمس،
        بالخمس) when no noun follows it ("في الخمس سنوات الماضية" counts years)."""
        prep = (i > 0 and toks[i - 1].folded in _PLACE_PREPS) or toks[i].folded[:1] == "ب"
        return prep and not self._name_follows(text, toks, i + words - 1)

    def _accusative_nisba(
        self, text: str, toks: list[Tok], i: int, hit: tuple[int, str, int, tuple[int, ...]] | None
    ) -> str | None:
        """ISO2 when a country name in -يا is the accusative adjective of an indefinite noun before
        it ("مهندسا تركيا" a Turkish engineer, "لاجئا سوريا", "سائحا ألمانيا"), not the country."""
        if (
            hit is None
            or hit[0] != 1
            or i == 0
            or not hit[1].endswith("يا")
            or not self._joined(text, toks, i - 1)
        ):
            return None
        prev = toks[i - 1].folded
        # an indefinite accusative noun ends in alef; verbs in -وا ("هاجموا سوريا") and short
        # words ("دعا روسيا") do not make an adjective
        if len(prev) < 4 or not prev.endswith("ا") or prev.endswith(("وا", "اا")) or prev.startswith("ال"):
            return None
        if toks[i].folded != hit[1]:
            return None  # with a proclitic ("وسوريا", "بروسيا") it is the country
        E = self.gaz.entries
        return next((E[c].cc for c in hit[3] if E[c].feature == "country"), None)

    def _stop_phrase(self, toks: list[Tok], i: int) -> bool:
        if i + 1 >= len(toks):
            return False
        nxt = toks[i + 1].bare
        keys = toks[i].keys
        if self.phrase_first.isdisjoint(keys):  # most words start no stop phrase
            return False
        return any(key in self.phrase_first and f"{key} {nxt}" in self.stop_phrases for key in keys)

    def _modified(self, toks: list[Tok], i: int, j: int, taken: set[int]) -> bool:
        for k in range(i - 1, max(-1, i - 1 - _MOD_WINDOW), -1):
            if k in taken:
                break
            if not self.mod_phrases.isdisjoint(toks[k].keys):
                return True
            if k > 0 and f"{toks[k - 1].bare} {toks[k].bare}" in self.mod_phrases:
                return True
        return j < len(toks) and toks[j].bare in self.mods_after

    def _plain_word(self, tok: Tok) -> bool:
        b = tok.bare
        return len(b) >= 3 and b not in self.stops and b not in self.parts and b not in self.stops_noart

    def _translit(
        self, text: str, toks: list[Tok], i: int, typ: str | None
    ) -> tuple[int, int, tuple[int, ...]] | None:
        """(end word, start offset, entry ids) of a Latin-only GeoNames name spelled at word i."""
        skel = self.gaz.skeletons
        if not skel or not self._plain_word(toks[i]):
            return None
        # Only after a settlement/admin type word (مدينة جمامي، بلدة بولو بردي): on free text,
        # skeletons of ordinary words hit foreign towns (القنصلية ~ Kaynaslı). The place must
        # also lie in the report's country (checked in _drop_strays).
        if typ is None or typ in ("area", "poi", "district"):
            return None
        need = 3
        two = i + 1 < len(toks) and self._joined(text, toks, i) and self._plain_word(toks[i + 1])
        for span in (2, 1) if two else (1,):
            for word, start in toks[i].readings:
                parts = [word] + [toks[k].bare for k in range(i + 1, i + span)]
                sk = arabic_skeleton(parts).replace(" ", "")
                if len(sk) >= need and sk in skel:
                    return i + span, start, skel[sk]
        return None

    def _fuzzy(self, tok: Tok) -> tuple[str, tuple[int, ...]] | None:
        word = tok.rel[-1][0] if len(tok.rel) > 1 else tok.bare
        key = (tok.bare, word)
        if key not in self._fuzzy_cache:  # a pure function of the two readings: worked out once
            if len(self._fuzzy_cache) >= _FLAG_CACHE_MAX:
                self._fuzzy_cache.clear()
            self._fuzzy_cache[key] = self._near_miss(tok.bare, word)
        return self._fuzzy_cache[key]

    def _near_miss(self, bare: str, word: str) -> tuple[str, tuple[int, ...]] | None:
        # a fixed order (a set's would follow the hash seed, and pool and Ray workers run with their own)
        for cand in dict.fromkeys((bare, word)):
            if len(cand) < 5:
                continue
            if cand != bare and not bare.startswith("و"):
                # a name after a type word carries no proclitic but "و" ("ومدينة X", "بلدتي X وY"):
                # "بمدينة باركلاند" peeled to "اركلاند" is no near-miss of Oakland
                continue
            pool = self._pools.get(len(cand))
            if pool is None:
                keys = [
                    k
                    for n in (len(cand) - 1, len(cand), len(cand) + 1)
                    for k in self.gaz.fuzzy_keys.get(n, [])
                ]
                pool = self._pools[len(cand)] = NearPool(keys, len(cand))
            got = pool.closest(cand)
            # A near-miss keeps the first letter (a wrong peel changes it: "ولاية فلوريدا" peeled
            # to "وريدا" is not Breda) and is believed only for the countries the project reads about.
            if got is not None and got not in self.stops and got[0] == cand[0]:
                ids = tuple(c for c in self.gaz.index[got] if self.gaz.entries[c].cc in self._covered)
                if ids:
                    return got, ids
        return None

    def _licensed(
        self,
        text: str,
        toks: list[Tok],
        i: int,
        hit: tuple[int, str, int, tuple[int, ...]],
        typ: str | None,
        mentions: list[Mention],
    ) -> tuple[str, tuple[int, ...]] | None:
        """The licence tier of a stopped one-word name that its context licenses (licence.py):
        a locative frame before it — or "و" right after a place, an item of a list the frame
        before it governs ("في تعز وإب") — and no phrase continuing after it. Cue words, 'never'
        stops, number words and words listed `never` are not licensed. A town listed in
        licence.tsv must be written as listed, with or without the article: "في منزله" (in his
        house) is not المنزلة. Returns the tier and the candidates."""
        words, key, start, ids = hit
        if words != 1 or typ is not None:
            return None
        if spelling(text[start : toks[i].end]) in self.licence.spellings:
            return None  # "في آب" is August
        if key in self.cue_keys or key in self.stops_never or key in self.stops_number:
            return None
        tier = self.licence.tier(key)
        if tier == "never":
            return None
        frame = self.licence.framed(text, toks, i, start)
        if frame is None and self._listed(toks, i, start, mentions):
            frame = "strong"
        if frame is None:
            return None
        if frame == "weak":
            tier = "anchor"  # "على الباب" is as often "at the door": the place needs an anchor
        article = fold(text[start : start + 2]) == "ال"
        if self.licence.article.get(key, article) != article or not self.licence.stands(
            text, toks, i + 1, article
        ):
            return None
        return tier, ids

    def _bare_capital(self, text: str, toks: list[Tok], typ: str | None, cc: str, after: int) -> int | None:
        """The capital's entry when "العاصمة" + the country's adjective or name is followed by no name
        of its own (word `after` starts none); None otherwise."""
        if typ != "capital" or cc not in self.capital_id:
            return None
        if after < len(toks) and self._longest(text, toks, after) is not None:
            return None  # "العاصمة العراقية بغداد": the name that follows is the place
        return self.capital_id[cc]

    def match(self, text: str, toks: list[Tok]) -> tuple[list[Mention], list[Unknown], list[Ref]]:
        mentions: list[Mention] = []
        unknowns: list[Unknown] = []
        refs: list[Ref] = []
        taken: set[int] = set()
        i = 0
        n = len(toks)
        extra: tuple[int, ...] = ()
        E = self.gaz.entries
        carry: str | None = None  # the type word before a skipped one ("ناحية مركز الخالص")
        listed = False
        tanween = has_tanween(text)
        dual: tuple[int, str] | None = None  # (word, type) of the second name after a dual type word
        listing: str | None = None  # the type a plural type word gives every "و"-joined name of its list
        lic: str | None = None  # the licence tier of the current hit (a common word in a locative frame)
        skip, hot = self._skippable(toks)
        while i < n:
            # Most words (≈ 80 % of news text) can start nothing: no name, particle, adjective or
            # stop phrase. With no type word before them (none carried, no dual pending, no
            # `extra` candidates waiting) every branch below only steps past them (`extra` stays
            # empty, `dual` is cleared): jump to the next word that can start something.
            if skip[i] and carry is None and not extra and (dual is None or dual[0] != i):
                dual = None
                k = bisect_right(hot, i)
                i = hot[k] if k < len(hot) else n
                continue
            second = dual[1] if dual is not None and dual[0] == i and toks[i].folded.startswith("و") else None
            dual = None
            typ = carry or self._type_before(toks, i, text) or second  # "بمحافظتي إدلب وحلب": both
            plural = None if typ is not None else self._plural_before(toks, i, text)
            if typ is not None and i > 0 and not self.duals.isdisjoint(toks[i - 1].keys):
                dual = (-1, typ)  # the first name after a dual type word; where it ends is set below
                listing = None
            elif plural is not None:
                typ = plural
                dual, listing = (-1, typ), typ  # the list after a plural type word: the next name too
            elif second is not None and second == listing:
                dual = (-1, second)  # "… وصنعاء وصعدة": the list goes on
            else:
                listing = None
            carry = None
            if i + 1 < n and self._stop_phrase(toks, i):
                i += 2
                continue
            if i > 0 and not self.person.isdisjoint(toks[i - 1].keys):
                i += 1  # "مصدر في الشرطة يدعى عمران كيشوار": a man's name, not Amran
                continue
            if tanween and not _TANWEEN.isdisjoint(text[max(toks[i].start, toks[i].end - 2) : toks[i].end]):
                # (tanween ends a word: one inside it, "كٌتاف", is a slip of the keyboard)
                i += 1
                continue
            hit = self._longest(text, toks, i)
            # After a type word ("قضاء الهندية") or a preposition ("في الهندية": an adjective
            # follows a noun, never في) a country adjective that is also a place name is the place.
            placed = typ in _SETTLED_TYPES or (
                hit is not None and i > 0 and toks[i - 1].folded in _PLACE_PREPS
            )
            nis = None if placed else self._nisba(text, toks, i)
            if nis is not None and (hit is None or hit[0] <= nis[0]):
                j = i + nis[0]
                country = self.country_id.get(nis[1])
                if i > 0 and country is not None and not self.territory.isdisjoint(toks[i - 1].keys):
                    # "الأراضي السورية", "الداخل العراقي": the country itself, named as a place
                    m = Mention(toks[i].start, toks[j - 1].end, i, j, toks[i].bare, (country,))
                    mentions.append(m)
                    taken.update(range(i, j))
                elif (capital := self._bare_capital(text, toks, typ, nis[1], j)) is not None:
                    # "وسط العاصمة العراقية" with no name after it: the capital itself
                    t0 = i - 1 if self.types.get(toks[i - 1].bare) == "capital" else i
                    m = Mention(toks[t0].start, toks[j - 1].end, t0, j, toks[i].bare, (capital,))
                    mentions.append(m)
                    taken.update(range(t0, j))
                else:
                    refs.append(Ref(toks[i].start, toks[j - 1].end, i, j, nis[1]))
                i = j
                continue
            adj = self._accusative_nisba(text, toks, i, hit)
            if adj is not None:
                refs.append(Ref(toks[i].start, toks[i].end, i, i + 1, adj))
                i += 1
                continue
            if hit is not None and len(hit[3]) == 1 and E[hit[3][0]].feature == "country":
                # "العاصمة السعودية": the country's name used as its adjective after "العاصمة"
                capital = self._bare_capital(text, toks, typ, E[hit[3][0]].cc, i + hit[0])
                if capital is not None:
                    hit = (hit[0], hit[1], hit[2], (capital,))
            if hit is not None:
                words, key, start, ids = hit
                admin_typ = typ in ("admin1", "admin2", "admin3")
                has_admin = admin_typ and any(E[c].feature != "populated_place" for c in ids)
                # Two-letter names only after a type word: قضاء الحي, مدينة إب (never "ام" alone).
                big = len(key) < 3 and any(E[c].population >= 100_000 for c in ids)
                # Only admin and settlement type words make a common word a place (ناحية العدل);
                # "المنطقة الغربية" stays "the western region".
                weak = typ is None or typ in ("area", "poi", "district", "camp", "capital")
                article = fold(text[start : start + 2]) == "ال"
                common = (
                    (weak and key in self.stops and key not in self.cue_keys)
                    or (weak and key in self.stops_noart and not article)
                    or (weak and key in self.stops_art and article)
                    or (weak and key in self.stops_number and not self._placed_number(text, toks, i, words))
                )
                listed = words == 1 and common
                # a two-word stop of value 'type' ("البحر الأحمر" the sea) needs a type word too
                if (words > 1 and common and not self._listed(toks, i, start, mentions)) or (
                    words == 1
                    and (
                        (key in self.cue_keys and not (admin_typ and has_admin))
                        # "ولاية شمال الراين": a direction word before another name is not محافظة الشمال
                        or (key in self.mod_phrases and self._name_follows(text, toks, i))
                        or (
                            len(key) < 3
                            and not (admin_typ and has_admin)
                            # after a settlement type word any listed town will do (مدينة التل)
                            and not (typ in ("city", "capital") and big)
                            and typ not in ("city", "town", "village")
                        )
                        # "قرية أبو …" alone; but "مدينة التل" is the town, not the start of تل أبيب
                        or (
                            key in self.parts
                            and not (admin_typ and has_admin)
                            and not (article and typ in ("city", "town", "village"))
                        )
                        or key in self.stops_never
                        or (weak and key in self.cue_keys)
                        # "وان" ≠ Vaughan; a country's own name (المجر) stays
                        or (
                            len(key) < 4
                            and all(E[c].cc not in self._covered and E[c].feature != "country" for c in ids)
                        )
                        # A common word is a place only in a list right after one ("سامراء وبلد وتكريت");
                        # the geocoder keeps it only if it lies near the place before it.
                        or (common and not self._listed(toks, i, start, mentions))
                    )
                ):
                    got = self._licensed(text, toks, i, hit, typ, mentions)
                    if got is None:
                        hit = None
                    else:
                        lic, hit = got[0], (words, key, start, got[1])
                elif words > 1 and i + 1 < n and not self.types.keys().isdisjoint(toks[i].keys):
                    # "قضاء الحويجة" is also a GeoNames name: read it as type word + name, keeping
                    # the whole name's entries as candidates too.
                    sub = self._longest(text, toks, i + 1)
                    if sub is not None and sub[0] >= words - 1:
                        # a longer name after the type word ("مدينة العين السخنة") is that name, not
                        # the type word's GeoNames name ("مدينة العين", Al Ain City)
                        extra = ids if sub[0] == words - 1 else ()
                        carry = typ
                        i += 1
                        continue
            if hit is None:
                extra = ()
                tr = self._translit(text, toks, i, typ)
                if tr is not None:
                    j, tstart, ids = tr
                    m = Mention(tstart, toks[j - 1].end, i, j, "", ids, typ, translit=True)
                    m.modified = self._modified(toks, i, j, taken)
                    mentions.append(m)
                    taken.update(range(i, j))
                    i = j
                    continue
                # "في المدينة وأحرقوه": a verb with the conjunction و and an object pronoun is no name
                # of the type word before it (no near-miss "أبرقوه", no unlisted place)
                conj = (
                    toks[i].folded.startswith("و")
                    and len(toks[i].rel) > 1
                    and toks[i].folded.endswith(_OBJECT_SUFFIXES)
                )
                if (
                    typ is not None
                    and not conj
                    and toks[i].bare not in self.types
                    # (nor a common word behind its conjunction: "شعبية وأعمال شغب" is no Owmal)
                    and not any(k in self.stops for k in toks[i].keys)
                ):
                    fz = self._fuzzy(toks[i]) if FEATURES_OF_TYPE.get(typ) != "any" else None
                    if fz is not None:
                        m = Mention(
                            toks[i].readings[0][1], toks[i].end, i, i + 1, fz[0], fz[1], typ, fuzzy=True
                        )
                        m.modified = self._modified(toks, i, i + 1, taken)
                        mentions.append(m)
                        taken.add(i)
                    elif typ in _UNLISTED_TYPES and (toks[i].bare in self.parts or self._plain_word(toks[i])):
                        # An unlisted name; a particle (البو، أبو، تل …) takes the next word too.
                        end_tok = i + 1 if toks[i].bare in self.parts and i + 1 < n else i
                        unknowns.append(Unknown(toks[i].start, toks[end_tok].end, i, typ))
                        if dual is not None and dual[0] == -1:
                            dual = (end_tok + 1, dual[1])
                        i = end_tok
                i += 1
                continue
            words, key, start, ids = hit
            j = i + words
            cands = tuple(sorted(set(ids) | set(extra))) if extra else ids
            m = Mention(start, toks[j - 1].end, i, j, key, cands, typ, whole=extra)
            m.listed = listed and lic is None
            if lic is not None:
                m.licence, m.anchored = lic, self.licence.anchored_after(toks, j)
                lic = None
            if dual is not None and dual[0] == -1:
                dual = (j, dual[1])
            extra = ()
            m.modified = self._modified(toks, i, j, taken)
            mentions.append(m)
            taken.update(range(i, j))
            i = j
        return mentions, unknowns, refs
