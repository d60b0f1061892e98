"""Arabic place mentions -> `marsad.model.Place`: matching, disambiguation in context, precision.

Flow for one text:
1. `keys.tokenize` splits the ORIGINAL text into Arabic words with clitic-peeled readings.
2. `_match` finds the longest gazetteer names (up to `max_words` words) at each word, notes a type
   word before it (محافظة، قضاء، قرية …) and precision-2 modifiers around it (جنوب، قرب، ريف …).
   Single common words (cues.tsv `stop`) only count after a type word. After a type word, a name
   that is not in the gazetteer is tried by fuzzy match (one edit, names of 5+ letters) and
   otherwise kept as an *unknown* mention (an unlisted village) so `locate` can fall back to the
   nearest known place at precision 2 — unknown places never wipe out known ones.
3. `_resolve` scores each mention's candidates: feature/population prior, the type word, the
   report's country, containing units named nearby (… التابعة لقضاء الحويجة في محافظة كركوك) and
   the distance to the other places of the text; two passes so the second sees the first's picks.
"""

from __future__ import annotations

import math
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field, replace

from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import extractOne

from marsad.geo.data import FEATURES_OF_TYPE, load_countries, load_cues
from marsad.geo.gazetteer import FEATURE_RANK, Entry, Gazetteer
from marsad.geo.keys import Tok, fold, name_key, strip_article, tokenize
from marsad.geo.translit import arabic_skeleton
from marsad.model import Place

# Characters allowed between the words of one multi-word name.
_JOINERS = set(" \t_-\u00a0\u200f")
_CONTAINER_WINDOW = 10  # words either side in which a named admin unit counts as "containing"
_MOD_WINDOW = 3  # words before a name in which a modifier (جنوب، قرب …) applies


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
    whole: tuple[int, ...] = ()  # entries whose name includes the type word ("سوق الشيوخ")
    choice: int | None = None
    score: float = 0.0
    scores: dict[int, float] = field(default_factory=dict)


@dataclass(slots=True)
class Unknown:
    """A type word followed by a name the gazetteer does not know (قرية البو حمدان)."""

    start: int
    end: int
    tok_start: int
    type_value: str


@dataclass(slots=True)
class Analysis:
    mentions: list[Mention]
    unknowns: list[Unknown]
    places: list[Place]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


class Geocoder:
    """Finds and resolves place mentions. Build with `marsad.geo.get_geocoder()`."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.types: dict[str, str] = {}
        self.mods_before: dict[str, int] = {}  # first word key -> number of words of the cue
        self.mod_phrases: set[str] = set()
        self.mods_after: set[str] = set()
        self.stops: set[str] = set()
        self.parts: set[str] = set()
        self.stops_noart: set[str] = set()
        for cue in load_cues():
            key = name_key(cue.word)
            if cue.kind == "type":
                self.types[key] = cue.value
            elif cue.kind == "mod" and cue.value == "after":
                self.mods_after.add(key)
            elif cue.kind == "mod":
                self.mod_phrases.add(key)
            elif cue.kind == "part":
                self.parts.add(key)
            elif cue.value == "noart":
                self.stops_noart.add(key)
            else:
                self.stops.add(key)
        # Cue words are never places on their own (a village called "منطقة" must not fire), even
        # after a type word ("سوق مدينة وانلاوين").
        self.cue_keys = set(self.types) | self.mod_phrases | self.mods_after
        self.stops |= self.cue_keys
        # Countries the project reads news about; places elsewhere get a lower prior.
        self._covered = set(load_countries())
        self._country_entry = {e.cc: e for e in gaz.entries if e.feature == "country"}
        self._cache: OrderedDict[tuple[str, str | None], Analysis] = OrderedDict()
        self._matches: OrderedDict[str, tuple[list[Mention], list[Unknown]]] = OrderedDict()
        self._lock = threading.Lock()
        self._polys: object | None = None

    def __reduce__(self) -> tuple[object, tuple[()]]:
        # Workers re-load the gazetteer (once per process) instead of pickling ~10 MB of dicts.
        from marsad.geo import get_geocoder

        return (get_geocoder, ())

    # ------------------------------------------------------------------ public API
    def find_places(self, text: str, *, country_hint: str | None = None, norm: object = None) -> list[Place]:
        """Every resolved place mention of `text`, in text order, offsets into `text`.

        `norm` (a NormalizedText of the same text) is accepted for interface compatibility; the
        geocoder tokenises the original text itself, so offsets need no mapping back. Without a
        `country_hint` the report's country is guessed first (`country_of`).
        """
        if country_hint is None:
            country_hint = self.country_of(text)
        return list(self._analyse(text, country_hint).places)

    def locate(
        self,
        text: str,
        regions: list[tuple[int, int]],
        *,
        country_hint: str | None = None,
        norm: object = None,
    ) -> Place | None:
        """The best single location for an incident whose words lie in `regions` of `text`."""
        if country_hint is None:
            country_hint = self.country_of(text)
        an = self._analyse(text, country_hint)

        def inside(s: int, e: int) -> bool:
            return any(s < re_ and e > rs for rs, re_ in regions)

        in_region = [p for p in an.places if inside(p.start, p.end)]
        unknown = [u for u in an.unknowns if inside(u.start, u.end)]
        # The dateline names where the report was filed; it places the incident only when the
        # incident's words name nothing else ("مقديشو - … هجوم على بلدة جمامي").
        dateline = self._dateline(text, an.places)
        if dateline is not None and len(in_region) > 1:
            in_region = [p for p in in_region if p is not dateline]
        if in_region:
            best = min(in_region, key=lambda p: (FEATURE_RANK.get(p.feature, 0), p.start))
            if unknown and FEATURE_RANK.get(best.feature, 0) > 0 and best.geo_precision < 2:
                return _with_precision(best, 2)
            if unknown and best.feature == "populated_place":
                # An unlisted village next to a known town: the town stands in for it.
                return _with_precision(best, max(best.geo_precision, 2))
            return best
        if not an.places:
            return None
        # Nothing named in the incident's own words: the nearest preceding place of the report,
        # else the first one, stands in at precision 2 (ACLED's "near a town / part of a region").
        first = min(r[0] for r in regions) if regions else 0
        home = [p for p in an.places if p.country_code == country_hint] or an.places
        before = [p for p in home if p.end <= first and p.feature != "country"]
        pool = before or [p for p in home if p.feature != "country"] or home
        pick = pool[-1] if before else pool[0]
        return _with_precision(pick, max(pick.geo_precision, 2))

    def country_of(self, text: str, *, norm: object = None, outlet: str | None = None) -> str | None:
        """ISO2 of the report's main country: the dateline's place first, then mention counts."""
        an = self._analyse(text, None)
        if not an.places:
            return None
        dateline = self._dateline(text, an.places)
        body = [p for p in an.places if dateline is None or p.start >= dateline.end]
        counts: Counter[str] = Counter(p.country_code for p in body)
        # A dateline counts unless the body never names its country and twice names another:
        # "دبي، الإمارات (CNN)—" is the outlet's desk, not the place of a report about Yemen.
        if dateline is not None and (
            not counts or dateline.country_code in counts or counts.most_common(1)[0][1] < 2
        ):
            return dateline.country_code
        if not counts:
            return None
        return counts.most_common(1)[0][0]

    @staticmethod
    def _dateline(text: str, places: list[Place]) -> Place | None:
        """The place of a dateline ("الموصل - …", "صنعاء (وكالات) …"), if the report has one."""
        head = text[:120]
        for sep in (" - ", " – ", " — ", "—", "(", ":", "ـ "):
            cut = head.find(sep)
            if cut > 0:
                dl = [p for p in places if p.end <= cut]
                if dl:
                    return dl[0]
        return None

    def lookup(self, name: str, *, country_hint: str | None = None) -> Place | None:
        """Resolve one place name on its own (the benchmark's unit of work)."""
        places = self._analyse(name, country_hint, cache=False).places
        return places[0] if places else None

    def admin_of(self, lat: float, lon: float) -> tuple[str | None, str | None, str | None]:
        """Iraq admin1-3 names of a point by point-in-polygon (None outside Iraq's polygons)."""
        from marsad.geo.admin import IraqAdmin

        if self._polys is None:
            self._polys = IraqAdmin.load()
        assert isinstance(self._polys, IraqAdmin)
        codes = self._polys.codes(lat, lon)
        return (
            self.gaz.admin_name("IQ", codes[0]),
            self.gaz.admin_name("IQ", codes[1]),
            self.gaz.admin_name("IQ", codes[2]),
        )

    # ------------------------------------------------------------------ matching
    def _analyse(self, text: str, hint: str | None, cache: bool = True) -> Analysis:
        ck = (text, hint)
        if cache:
            with self._lock:  # the caches are shared by threads (API server); keep them consistent
                hit = self._cache.get(ck)
                if hit is not None:
                    self._cache.move_to_end(ck)
                    return hit
        # Matching does not depend on the hint: reuse it across country_of / find_places / locate.
        with self._lock:
            matched = self._matches.get(text) if cache else None
        if matched is None:
            matched = self._match(text, tokenize(text))
            if cache:
                with self._lock:
                    self._matches[text] = matched
                    if len(self._matches) > 8:
                        self._matches.popitem(last=False)
        mentions = [replace(m, scores={}) for m in matched[0]]
        unknowns = list(matched[1])
        self._resolve(mentions, hint)
        self._drop_strays(mentions, unknowns, hint)
        places = [self._place(text, m) for m in mentions if m.choice is not None]
        an = Analysis(mentions, unknowns, places)
        if cache:
            with self._lock:
                self._cache[ck] = an
                if len(self._cache) > 16:
                    self._cache.popitem(last=False)
        return an

    def _joined(self, text: str, toks: list[Tok], i: int) -> bool:
        """True when word i and i+1 are separated only by spaces/underscores (one name may span)."""
        gap = text[toks[i].end : toks[i + 1].start]
        return len(gap) <= 3 and all(c in _JOINERS for c in gap)

    def _longest(self, text: str, toks: list[Tok], i: int) -> tuple[int, str, int, tuple[int, ...]] | None:
        """(n_words, key, start offset, entry ids) of the longest name starting at word i."""
        index = self.gaz.index
        span = 1
        while span < self.gaz.max_words and i + span < len(toks) and self._joined(text, toks, i + span - 1):
            span += 1
        best: tuple[int, str, int, tuple[int, ...]] | None = None
        for first, start in toks[i].readings:
            key = first
            parts = [first]
            for n in range(1, span + 1):
                if n > 1:
                    parts.append(toks[i + n - 1].bare)
                    key = " ".join(parts)
                ids = index.get(key)
                if not ids and n == 2 and first in self.parts:
                    # Written apart, named as one word: "تل عفر" for تلعفر (after a particle only).
                    ids = index.get(first + toks[i + 1].folded)
                if ids and (best is None or n > best[0]):
                    best = (n, key, start, ids)
        return best

    def _type_before(self, toks: list[Tok], i: int) -> str | None:
        if i == 0:
            return None
        for key, _ in toks[i - 1].readings:
            if key in self.types:
                return self.types[key]
        return None

    def _modified(self, toks: list[Tok], i: int, j: int, taken: set[int]) -> bool:
        for k in range(i - 1, max(-1, i - 1 - _MOD_WINDOW), -1):
            if k in taken:
                break
            for key, _ in toks[k].readings:
                if key in self.mod_phrases:
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
        word = tok.readings[-1][0] if len(tok.readings) > 1 else tok.bare
        for cand in {tok.bare, word}:
            if len(cand) < 5:
                continue
            pool = [
                k for n in (len(cand) - 1, len(cand), len(cand) + 1) for k in self.gaz.fuzzy_keys.get(n, [])
            ]
            got = extractOne(cand, pool, scorer=Levenshtein.distance, score_cutoff=1)
            if got is not None and got[0] not in self.stops:
                return got[0], self.gaz.index[got[0]]
        return None

    def _match(self, text: str, toks: list[Tok]) -> tuple[list[Mention], list[Unknown]]:
        mentions: list[Mention] = []
        unknowns: list[Unknown] = []
        taken: set[int] = set()
        i = 0
        n = len(toks)
        extra: tuple[int, ...] = ()
        E = self.gaz.entries
        carry: str | None = None  # the type word before a skipped one ("ناحية مركز الخالص")
        while i < n:
            typ = carry or self._type_before(toks, i)
            carry = None
            hit = self._longest(text, toks, i)
            if hit is not None:
                words, key, start, ids = hit
                admin_typ = typ in ("admin1", "admin2", "admin3")
                has_admin = admin_typ and any(E[c].feature != "populated_place" for c in ids)
                # Only admin and settlement type words make a common word a place (ناحية العدل);
                # "المنطقة الغربية" stays "the western region".
                weak = typ is None or typ in ("area", "poi", "district", "camp")
                article = fold(text[start : start + 2]) == "ال"
                if words == 1 and (
                    (key in self.cue_keys and not (admin_typ and has_admin))
                    or (len(key) < 3 and not (admin_typ and has_admin))  # قضاء الحي, not "ام"
                    or (key in self.parts and not (admin_typ and has_admin))  # "قرية أبو …" alone
                    or (weak and key in self.stops)
                    or (len(key) < 4 and all(E[c].cc not in self._covered for c in ids))  # "وان" ≠ Vaughan
                    or (weak and key in self.stops_noart and not article)
                ):
                    hit = None
                elif words > 1 and i + 1 < n and any(k in self.types for k, _ in toks[i].readings):
                    # "قضاء الحويجة" is also a GeoNames name: read it as type word + name, keeping
                    # the whole name's entries as candidates too.
                    sub = self._longest(text, toks, i + 1)
                    if sub is not None and sub[0] == words - 1:
                        extra = ids
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
                if typ is not None and toks[i].bare not in self.types and toks[i].bare not in self.stops:
                    fz = self._fuzzy(toks[i]) if FEATURES_OF_TYPE.get(typ) != "any" else None
                    if fz is not None:
                        m = Mention(
                            toks[i].readings[0][1], toks[i].end, i, i + 1, fz[0], fz[1], typ, fuzzy=True
                        )
                        m.modified = self._modified(toks, i, i + 1, taken)
                        mentions.append(m)
                        taken.add(i)
                    elif typ in ("village", "town", "district", "area", "camp", "admin3"):
                        # An unlisted name; a particle (البو، أبو، تل …) takes the next word too.
                        end_tok = i + 1 if toks[i].bare in self.parts and i + 1 < n else i
                        unknowns.append(Unknown(toks[i].start, toks[end_tok].end, i, typ))
                        i = end_tok
                i += 1
                continue
            words, key, start, ids = hit
            j = i + words
            cands = tuple(sorted(set(ids) | set(extra))) if extra else ids
            m = Mention(start, toks[j - 1].end, i, j, key, cands, typ, whole=extra)
            extra = ()
            m.modified = self._modified(toks, i, j, taken)
            mentions.append(m)
            taken.update(range(i, j))
            i = j
        return mentions, unknowns

    # ------------------------------------------------------------------ disambiguation
    def _prior(self, e: Entry, typ: str | None) -> float:
        if e.feature == "country":
            s = 6.0  # a country name shared with a village (عمان) means the country
        elif e.feature == "admin1":
            s = 3.5  # beats towns under ~100k sharing a governorate's name (صلاح الدين)
        elif e.feature == "admin2":
            s = 1.2
        elif e.feature == "admin3":
            s = 1.0
        else:
            s = 1.5 + 0.4 * math.log10(e.population + 1)
        if e.cc not in self._covered:
            s -= 1.0
        if typ is not None:
            want = FEATURES_OF_TYPE.get(typ, "any")
            if want == e.feature:
                s += 4.0
            elif want in ("admin1", "admin2", "admin3"):
                s -= 2.0 if e.feature != "populated_place" else 1.0
            elif want == "populated_place" and e.feature != "populated_place":
                s -= 1.0
        return s

    def _resolve(self, mentions: list[Mention], hint: str | None) -> None:
        E = self.gaz.entries
        ccs: dict[str, float] = {}
        for m in mentions:
            mccs = {E[c].cc for c in m.cands}
            for cc in mccs:
                ccs[cc] = ccs.get(cc, 0.0) + 1.0 / len(mccs)
        total = sum(ccs.values()) or 1.0
        home = self._country_entry.get(hint) if hint else None

        def several_countries(m: Mention) -> bool:
            return sum(1 for c in m.cands if E[c].feature == "country") > 1

        for m in mentions:
            m.scores = {}
            for c in m.cands:
                e = E[c]
                s = self._prior(e, m.type_value)
                if hint and e.cc == hint:
                    s += 3.0
                if m.translit:
                    s -= 1.0
                if c in m.whole:
                    s += 2.5  # the longer reading (type word included) is the more specific name
                if home is not None and e.feature == "country" and e.cc != hint and several_countries(m):
                    # "المملكة" in a Kuwaiti report: the nearest kingdom (Saudi Arabia, not Morocco).
                    s -= haversine_km(e.lat, e.lon, home.lat, home.lon) / 20000.0
                s += 2.0 * ccs.get(e.cc, 0.0) / total
                m.scores[c] = s
        self._pick(mentions)
        if len(mentions) < 2:
            return
        # Second pass: containing units nearby and distance to the other places picked.
        for m in mentions:
            bonus: dict[int, float] = {}
            for o in mentions:
                if o is m or o.choice is None:
                    continue
                near = abs(o.tok_start - m.tok_start) <= _CONTAINER_WINDOW
                oc = E[o.choice]
                for c in m.cands:
                    e = E[c]
                    b = 0.0
                    if near and FEATURE_RANK[oc.feature] > FEATURE_RANK[e.feature]:
                        if oc.feature == "country" and oc.cc == e.cc:
                            b += 1.5
                        elif oc.feature == "admin1" and (oc.cc, oc.admin1) == (e.cc, e.admin1):
                            b += 3.0
                        elif oc.feature == "admin2" and oc.admin2 is not None and oc.admin2 == e.admin2:
                            b += 3.0
                    if oc.feature in ("populated_place", "admin3", "admin2") and e.feature != "country":
                        d = haversine_km(e.lat, e.lon, oc.lat, oc.lon)
                        b += 1.5 if d < 50 else 0.75 if d < 150 else 0.0
                    bonus[c] = bonus.get(c, 0.0) + b
            for c, b in bonus.items():
                m.scores[c] += min(b, 4.5)
        self._pick(mentions)

    def _drop_strays(self, mentions: list[Mention], unknowns: list[Unknown], hint: str | None) -> None:
        """Drop a small far-away foreign town nothing else in the report points to.

        In a Libyan report "حي المغار" is a Derna neighbourhood, not Maghar in Israel: a town under
        100k outside the report's country, whose country no other mention supports, is taken for an
        unlisted local place (an Unknown after a type word) rather than a far-away namesake.
        """
        E = self.gaz.entries
        if hint is None:
            for m in mentions:
                if m.translit:
                    m.choice = None
            return
        for m in mentions:
            # A skeleton match is only believed inside the report's own country.
            if m.translit and m.choice is not None and E[m.choice].cc != hint:
                m.choice = None
        chosen = Counter(E[m.choice].cc for m in mentions if m.choice is not None)
        # A border town (الخفجي in a Kuwaiti report) is no stray: only far-away namesakes are.
        home = self._country_entry.get(hint)
        for m in mentions:
            if m.choice is None:
                continue
            e = E[m.choice]
            if (
                e.cc != hint
                and e.feature == "populated_place"
                and e.population < 100_000
                and chosen[e.cc] <= 1
                and m.tok_end - m.tok_start == 1
                and (home is None or haversine_km(e.lat, e.lon, home.lat, home.lon) > 500)
            ):
                m.choice = None
                chosen[e.cc] -= 1
                if m.type_value is not None:
                    unknowns.append(Unknown(m.start, m.end, m.tok_start, m.type_value))
        unknowns.sort(key=lambda u: u.start)

    @staticmethod
    def _pick(mentions: list[Mention]) -> None:
        for m in mentions:
            if m.scores:
                c = max(m.scores, key=lambda k: (m.scores[k], -k))
                m.choice, m.score = c, m.scores[c]

    # ------------------------------------------------------------------ output
    def _place(self, text: str, m: Mention) -> Place:
        assert m.choice is not None
        e = self.gaz.entries[m.choice]
        g = self.gaz
        if e.feature == "country":
            prec = 3
        elif e.feature == "admin1":
            prec = 3
        elif e.feature in ("admin2", "admin3"):
            prec = 2
        else:
            prec = 1
        if m.modified:
            prec = max(prec, 2)
        return Place(
            start=m.start,
            end=m.end,
            text=text[m.start : m.end],
            name=e.name,
            name_ar=e.name_ar or text[m.start : m.end],
            country=g.country_name(e.cc),
            country_code=e.cc,
            admin1=g.admin_name(e.cc, e.admin1),
            admin2=g.admin_name(e.cc, e.admin2),
            admin3=g.admin_name(e.cc, e.admin3),
            latitude=e.lat,
            longitude=e.lon,
            geo_precision=prec,
            feature=e.feature,
            score=round(m.score, 3),
        )


def _with_precision(p: Place, prec: int) -> Place:
    return replace(p, geo_precision=prec)


__all__ = ["Geocoder", "Mention", "fold", "haversine_km", "strip_article"]
