"""Arabic place mentions -> `marsad.model.Place`: matching, disambiguation in context, precision.

Flow for one text:
1. `keys.tokenize` splits the ORIGINAL text into Arabic words with clitic-peeled readings.
2. `match.Matcher` finds the longest gazetteer names (up to `max_words` words) at each word, notes a type
   word before it (محافظة، قضاء، قرية …) and precision-2 modifiers around it (جنوب، قرب، ريف …).
   Single common words (cues.tsv `stop`) only count after a type word. After a type word, a name
   that is not in the gazetteer is tried by fuzzy match (one edit, names of 5+ letters) and
   otherwise kept as an *unknown* mention (an unlisted village) so `locate` can fall back to the
   nearest known place at precision 2 — unknown places never wipe out known ones.
3. `_resolve` scores each mention's candidates: feature/population prior, the type word, the
   report's country, containing units named nearby (… التابعة لقضاء الحويجة في محافظة كركوك) and
   the distance to the other places of the text; two passes so the second sees the first's picks.
   A country adjective next to a name favours that country's places ("العاصمة الأردنية عمان");
   names of ambiguous.tsv (عمان: Oman / Amman) keep only their readings, chosen by cue words.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import NamedTuple, TypeVar

from marsad.geo.data import (
    FEATURES_OF_TYPE,
    focus_countries,
    load_ambiguous,
    load_countries,
    load_nisba,
    load_pointed,
    nisba_forms,
)
from marsad.geo.gazetteer import FEATURE_RANK, Entry, Gazetteer
from marsad.geo.keys import Tok, name_key, tokenize
from marsad.geo.licence import check_anchors, settle
from marsad.geo.match import Matcher, Mention, Ref, Unknown
from marsad.model import Place

# How specific a place is for an incident's location: a sub-district (ناحية العظيم) is named
# after its town and counts as one; then districts, governorates, countries.
_SPECIFIC = {"populated_place": 0, "admin3": 0, "admin2": 1, "admin1": 2, "country": 3}
# What may stand between a small place and the unit containing it: "ب"/"في"/"التابعة ل", maybe a
# type word ("قرية الإمام بقضاء المقدادية", "حي العامرية ببغداد", "الزركة التابعة لقضاء داقوق").
_CONTAINED_BY = re.compile(r"\s*(?:ب|في\s+|(?:ال)?تابع[ةه]?\s+ل)\s*(?:[^\W\d_]+\s+)?")
_CONTAINER_WINDOW = 10  # words either side in which a named admin unit counts as "containing"
_NISBA_BONUS = 4.0  # "مدينة كراتشي الباكستانية": the adjective next to a name names its country
_CUE_NEAR, _CUE_ANY = 5.0, 3.0  # a reading's cue word within _CUE_WINDOW words / anywhere
_CUE_WINDOW = 12
_POINTED = 20.0  # an ambiguous name written with one reading's marks: that reading, whatever else
_LIST_KM = 150.0  # a listed common word (وبلد) must lie this near the place before it
_BODY_MIN = 2.0  # body mentions another country needs to overrule a local dateline
_NISBA_WEIGHT = 0.5  # a country adjective (الهندية) counts as half a mention in country_of
_NISBA_CAP = 2.0  # and all of a country's adjectives together as two mentions at most
_COUNTRY_WEIGHT = 1.0  # a country's name, against 1 for a town or region
_BONUS_CAP = 4.5  # most a candidate gains from the other places of the text (`_resolve`)


class _Pick(NamedTuple):
    """What `country_of` reads of a resolved mention: the fields of its Place, at a tenth of the
    cost of building one (most reports' own-country analysis is read by `country_of` alone)."""

    start: int
    end: int
    country_code: str
    feature: str


_Spot = TypeVar("_Spot", Place, _Pick)


class Analysis:
    """The resolved mentions of one text for one country hint. Its places are built on first use:
    `country_of` reads `picks` instead, and in extraction only the hinted analysis' places are
    read (the unhinted one serves `country_of`)."""

    __slots__ = ("_built", "_entries", "_lock", "_place", "_text", "mentions", "refs", "unknowns")

    def __init__(
        self,
        mentions: list[Mention],
        unknowns: list[Unknown],
        refs: list[Ref],
        text: str,
        place: Callable[[str, Mention], Place],
        entries: Sequence[Entry],
        lock: threading.Lock | None = None,
    ) -> None:
        self.mentions = mentions
        self.unknowns = unknowns
        self.refs = refs  # country adjectives (الهندية): not places
        self._text = text
        self._place = place
        self._entries = entries
        self._lock = lock or threading.Lock()
        self._built: tuple[list[Place], dict[int, Mention]] | None = None

    def _build(self) -> tuple[list[Place], dict[int, Mention]]:
        built = self._built
        if built is None:
            pairs = [(self._place(self._text, m), m) for m in self.mentions if m.choice is not None]
            new = ([p for p, _ in pairs], {id(p): m for p, m in pairs})
            # two threads may both build them: the first one kept is the one everybody reads
            # (`locate` matches places by identity against `of`)
            with self._lock:
                if self._built is None:
                    self._built = new
                built = self._built
        return built

    @property
    def places(self) -> list[Place]:
        return self._build()[0]

    @property
    def of(self) -> dict[int, Mention]:  # id(place) -> its mention
        return self._build()[1]

    def picks(self) -> list[_Pick]:
        """start, end, country and feature of each place, in the order of `places`."""
        E = self._entries
        return [
            _Pick(m.start, m.end, E[m.choice].cc, E[m.choice].feature)
            for m in self.mentions
            if m.choice is not None
        ]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


class Geocoder:
    """Finds and resolves place mentions. Build with `marsad.geo.get_geocoder()`."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.matcher = Matcher(gaz)
        # Countries the project reads news about; places elsewhere get a lower prior.
        self._covered = focus_countries()
        self._country_entry = {e.cc: e for e in gaz.entries if e.feature == "country"}
        # Ambiguous names: key -> [(ISO2, cue keys)], the default reading first.
        self._ambig: dict[str, list[tuple[str, frozenset[str]]]] = {}
        # A reading's cues: the listed words, every inflection of them, and the country's own
        # names and adjectives (الأردنية selects Amman) — not the ambiguous name itself.
        # A country form shared by several countries ("المملكة") is no cue.
        owners: dict[str, set[str]] = {}
        for row in load_countries().values():
            for n in row.names_ar:
                owners.setdefault(name_key(n), set()).add(row.cc)
        own = {cc: [k for k, v in owners.items() if v == {cc}] for cc in load_countries()}
        nisba = {row.cc: row.forms for row in load_nisba()}
        for r in load_ambiguous():
            words = [*r.cues, *own[r.cc], *nisba.get(r.cc, ())]
            cues = {name_key(f) for w in words for f in nisba_forms(w)} - {name_key(r.name)}
            self._ambig.setdefault(name_key(r.name), []).append((r.cc, frozenset(cues)))
        # "عمّان" / "عُمان": the marks a report writes on an ambiguous name pick its reading
        self._pointed: dict[str, str] = {p.spelling: p.cc for p in load_pointed()}
        self._cache: OrderedDict[tuple[str, str | None], Analysis] = OrderedDict()
        self._matches: OrderedDict[str, _Matched] = OrderedDict()
        self._lock = threading.Lock()
        self._polys: object | None = None
        self._pair_rows: dict[int, dict[int, tuple[float, float]]] = {}  # pick -> candidate -> bonus
        self._pair_count = 0
        self._centre_of: dict[tuple[str, str], tuple[float, float]] | None = None

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
        dateline, _ = self._dateline(text, an.places)
        if dateline is not None and len(in_region) > 1:
            in_region = [p for p in in_region if p is not dateline]
        # "قرب ناحية العظيم شمالي بعقوبة": a place named after a direction word right behind another
        # place is the reference of that direction, not where the incident happened.
        refs = {id(p) for p in in_region if self._is_reference(an, p, in_region)}
        in_region = [p for p in in_region if id(p) not in refs] or in_region
        if in_region:
            best = min(in_region, key=lambda p: (_SPECIFIC.get(p.feature, 0), p.start))
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

    def country_of(
        self,
        text: str,
        *,
        norm: object = None,
        outlet: str | None = None,
        skip: Mapping[int, frozenset[str]] | None = None,
    ) -> str | None:
        """ISO2 of the report's main country: the dateline's place first, then mention counts.

        `skip`: start offsets of country adjectives right after an armed group, with the group's own
        countries: an adjective of another country names its backer ("ميليشيا الحوثي الإيرانية"),
        not where anything happens, and is not counted ("حركة الشباب الصومالية" still is)."""
        an = self._analyse(text, None)
        places = an.picks()
        if not places and not an.refs:
            return None
        dateline, cut = self._dateline(text, places)
        body = [p for p in places if p.start >= cut]
        # Country adjectives count as mentions: "الشرطة الهندية" is about India.
        # An adjective weighs less than a place: "الجيش الإسرائيلي" fills every report on Gaza.
        score: dict[str, float] = {}
        for p in body:
            w = _COUNTRY_WEIGHT if p.feature == "country" else 1.0
            score[p.country_code] = score.get(p.country_code, 0.0) + w
        # ... and counts at most _NISBA_CAP: repeated, it names an actor, not where things happen.
        skip = skip or {}
        refs = Counter(r.cc for r in an.refs if r.start >= cut and r.cc in skip.get(r.start, (r.cc,)))
        for cc, n in refs.items():
            score[cc] = score.get(cc, 0.0) + min(n * _NISBA_WEIGHT, _NISBA_CAP)
        if not score:
            return dateline.country_code if dateline is not None else None
        first = {cc: i for i, cc in reversed(list(enumerate(p.country_code for p in places)))}
        top = max(score, key=lambda cc: (score[cc], -first.get(cc, len(first))))
        if dateline is None or top == dateline.country_code:
            return top
        # The dateline decides unless the body is about another country: a body that never names
        # the dateline's country ("دبي، الإمارات العربية المتحدة (CNN)—", the outlet's desk) goes
        # by its own mentions; one that does, only when another country outweighs it twice over.
        # A desk dateline names its country too ("CITY، COUNTRY (CNN)"): any body mention outweighs it.
        own = score.get(dateline.country_code, 0.0)
        need = 1.0 if sum(1 for p in places if p.end <= cut) > 1 else _BODY_MIN
        if own == 0.0:
            return top if score[top] >= need else dateline.country_code
        return top if score[top] >= need and score[top] > 2 * own else dateline.country_code

    @staticmethod
    def _is_reference(an: Analysis, p: Place, others: list[Place]) -> bool:
        m = an.of.get(id(p))
        if m is None or not m.modified:
            return False
        for o in others:
            om = an.of.get(id(o))
            if om is not None and om is not m and om.tok_end <= m.tok_start and m.tok_start - om.tok_end <= 4:
                return True
        return False

    @staticmethod
    def _dateline(text: str, places: list[_Spot]) -> tuple[_Spot | None, int]:
        """The place of a dateline ("الموصل - …", "صنعاء (وكالات) …") and where the dateline ends."""
        head = text[:120]
        for sep in (" - ", " – ", " — ", "—", "(", ":", "ـ "):
            cut = head.find(sep)
            if cut > 0:
                dl = [p for p in places if p.end <= cut]
                if dl:
                    end = head.find(" ", cut + len(sep)) if sep == "(" else cut + len(sep)
                    return dl[0], max(end, cut)
        return None, 0

    def lookup(self, name: str, *, country_hint: str | None = None) -> Place | None:
        """Resolve one place name on its own (the benchmark's unit of work)."""
        places = self._analyse(name, country_hint, cache=False).places
        return places[0] if places else None

    def representative_point(self, place: Place) -> tuple[float, float]:
        """(lat, lon) that stands for `place` on a map: a region's middle, else the place's point.

        A region-level place keeps ACLED's point (its capital) for events; map-based toponym
        resolution (OpenStreetMap puts a region at its middle) scores this point instead.
        Countries already sit at their middle (the centroid of their largest part).
        """
        if place.feature == "admin1" and place.admin1:
            if self._centre_of is None:
                g = self.gaz
                self._centre_of = {
                    (cc, g.admin_name(cc, code) or ""): pt for (cc, code), pt in g.centres.items()
                }
            got = self._centre_of.get((place.country_code, place.admin1))
            if got is not None:
                return got
        return place.latitude, place.longitude

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
            toks = tokenize(text)
            ms, us, rs = self.matcher.match(text, toks)
            matched = (ms, us, rs, self._cues_at(text, toks, ms), _Rounds())
            if cache:
                with self._lock:
                    self._matches[text] = matched
                    if len(self._matches) > 8:
                        self._matches.popitem(last=False)
        # A common word licensed by its context (في الباب) stays only as a town of the report's
        # country: this is where the hint enters, so the text-keyed match cache stays correct.
        mentions = [m.fresh() for m in matched[0]]
        licensed = any(m.licence is not None for m in mentions)
        if licensed:
            mentions = settle(mentions, hint, self.gaz.entries)
        unknowns = list(matched[1])
        pointed = self._pointed_at(text, mentions)
        self._resolve(mentions, hint, matched[2], matched[3], pointed, matched[4] if cache else None)
        if licensed:
            check_anchors(mentions, self.gaz.entries)
        self._drop_strays(mentions, unknowns, hint, matched[2], text)
        an = Analysis(mentions, unknowns, matched[2], text, self._place, self.gaz.entries, self._lock)
        if cache:
            with self._lock:
                self._cache[ck] = an
                if len(self._cache) > 16:
                    self._cache.popitem(last=False)
        return an

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

    def _cues_at(self, text: str, toks: list[Tok], mentions: list[Mention]) -> dict[str, list[int]]:
        """Word positions of the cue words of the ambiguous names this text mentions."""
        wanted: set[str] = set()
        for m in mentions if self._ambig else ():
            for _cc, cues in self._ambig.get(m.key, ()):
                wanted |= cues
        if not wanted:
            return {}
        # a word's reading keys are distinct and have no space, so each key is met once per word;
        # a two-word cue is looked for only after a word that reads as its first word
        firsts = {w.split(" ", 1)[0] for w in wanted if " " in w}
        out: dict[str, list[int]] = {}
        last = len(toks) - 1
        for i, t in enumerate(toks):
            for k in t.keys:
                if k in wanted:
                    out.setdefault(k, []).append(i)
                if k in firsts and i < last:
                    two = f"{k} {toks[i + 1].bare}"
                    if two in wanted:
                        out.setdefault(two, []).append(i)
        return out

    def _pointed_at(self, text: str, mentions: list[Mention]) -> dict[int, str]:
        """Start offset -> country of the ambiguous names written with one reading's marks."""
        if not self._pointed:
            return {}
        out = {}
        for m in mentions:
            if m.key in self._ambig:
                cc = self._pointed.get(text[m.start : m.end])
                if cc is not None:
                    out[m.start] = cc
        return out

    def _readings(
        self, m: Mention, cues_at: dict[str, list[int]], pointed: str | None = None
    ) -> dict[str, float]:
        """Bonus per country for an ambiguous name: default reading, cue words near or anywhere,
        and, above all, the marks it is written with."""
        out: dict[str, float] = {}
        if pointed is not None:
            out[pointed] = _POINTED
        for k, (cc, cues) in enumerate(self._ambig.get(m.key, ())):
            b = 0.5 if k == 0 else 0.0
            dists = [abs(i - m.tok_start) for c in cues for i in cues_at.get(c, ())]
            if dists:
                b += _CUE_NEAR if min(dists) <= _CUE_WINDOW else _CUE_ANY
            out[cc] = max(out.get(cc, 0.0), b)
        return out

    def _resolve(
        self,
        mentions: list[Mention],
        hint: str | None,
        refs: list[Ref] = [],  # noqa: B006 - read only
        cues_at: dict[str, list[int]] | None = None,
        pointed: dict[int, str] | None = None,
        rounds: _Rounds | None = None,
    ) -> None:
        """Score and pick each mention's candidates (in place), in two passes.

        `rounds` (per text, shared by its analyses with and without a country hint) keeps the
        bonuses of the second pass: they depend only on the mentions' word positions, their
        candidates and the first pass's picks, so an analysis whose first pass picks what the
        last one picked adds the same bonuses without working them out again."""
        E = self.gaz.entries
        ccs: dict[str, float] = {}
        for m in mentions:
            # An ambiguous name (عمان) keeps only its listed readings, not namesake villages.
            readings = self._ambig.get(m.key)
            if readings:
                keep = {cc for cc, _ in readings}
                m.cands = tuple(c for c in m.cands if E[c].cc in keep) or m.cands
            if m.licence is not None:
                continue  # a licensed common word vouches for no country (it may still be dropped)
            mccs = {E[c].cc for c in m.cands}
            for cc in mccs:
                ccs[cc] = ccs.get(cc, 0.0) + 1.0 / len(mccs)
        for r in refs:
            ccs[r.cc] = ccs.get(r.cc, 0.0) + 1.0
        # fsum: exact whatever the order the set above filled the dict in (Python's hash seed differs
        # between processes; a plain sum could differ in its last bit between pool or Ray workers)
        total = math.fsum(ccs.values()) or 1.0
        home = self._country_entry.get(hint) if hint else None

        def several_countries(m: Mention) -> bool:
            return sum(1 for c in m.cands if E[c].feature == "country") > 1

        for m in mentions:
            m.scores = {}
            # Country adjectives right before or after the name: "مدينة كراتشي الباكستانية".
            beside = (
                {r.cc for r in refs if r.tok_end == m.tok_start or r.tok_start == m.tok_end}
                if refs
                else set()
            )
            cue_bonus = (
                self._readings(m, cues_at or {}, (pointed or {}).get(m.start)) if m.key in self._ambig else {}
            )
            for c in m.cands:
                e = E[c]
                s = self._prior(e, m.type_value)
                if beside and e.cc in beside and e.feature != "country":
                    s += _NISBA_BONUS
                if cue_bonus:
                    s += cue_bonus.get(e.cc, 0.0)
                if hint and e.cc == hint:
                    s += 3.0
                if m.translit:
                    s -= 1.0
                if c in m.whole:
                    s += 1.5  # the longer reading (type word included) is the more specific name
                if home is not None and e.feature == "country" and e.cc != hint and several_countries(m):
                    # "المملكة" in a Kuwaiti report: the nearest kingdom (Saudi Arabia, not Morocco).
                    s -= haversine_km(e.lat, e.lon, home.lat, home.lon) / 20000.0
                s += 2.0 * ccs.get(e.cc, 0.0) / total
                m.scores[c] = s
            # A governorate's own capital sharing its name (صعدة، مأرب، إدلب): a bare mention
            # means the town (ACLED's precision 1); "محافظة صعدة" still means the governorate.
            govs = [E[c] for c in m.cands if E[c].feature == "admin1"]
            for c in m.cands:
                e = E[c]
                if e.feature == "populated_place" and any(
                    g.cc == e.cc and haversine_km(g.lat, g.lon, e.lat, e.lon) < 25 for g in govs
                ):
                    m.scores[c] += 1.0
        self._pick(mentions)
        if len(mentions) < 2:
            return
        sig = None
        if rounds is not None:
            sig = [(m.tok_start, m.cands, m.choice if m.licence is None else None) for m in mentions]
            last = rounds.last
            if last is not None and last[0] == sig:
                for k, c, b in last[1]:
                    mentions[k].scores[c] += b
                self._pick(mentions)
                return
        adds: list[tuple[int, int, float]] = []
        # Second pass: containing units nearby and distance to the other places picked. The
        # bonus of a candidate from another mention's pick depends on the two entries alone (and
        # on whether they are near in the text): worked out once per pair of entries. The parts
        # are multiples of 0.75, so the sums are exact whatever the grouping.
        rows = self._pair_rows
        if self._pair_count > 1_000_000:
            rows.clear()
            self._pair_count = 0
        # a licensed common word moves no other reading: only the others are `live`
        live: list[tuple[Mention, int, int, dict[int, tuple[float, float]]]] = []
        for o in mentions:
            if o.choice is not None and o.licence is None:
                row = rows.get(o.choice)
                if row is None:
                    row = rows[o.choice] = {}
                live.append((o, o.choice, o.tok_start, row))
        # Each candidate's bonus is one running sum over the other live mentions, stopped once it
        # reaches the cap (no term is negative). A mention's candidates are distinct entries (the
        # gazetteer's index lists an entry once per name: tests/geo check it), so summing per
        # candidate adds what summing per other mention did.
        for k, m in enumerate(mentions):
            at = m.tok_start
            for c in m.cands:
                run: float | None = None
                for o, oc, ot, row in live:
                    if o is m:
                        continue
                    got = row.get(c)
                    if got is None:
                        got = row[c] = self._pair_bonus(c, oc)
                        self._pair_count += 1
                    b = got[0] + got[1] if abs(ot - at) <= _CONTAINER_WINDOW else got[1]
                    run = b if run is None else run + b
                    if run >= _BONUS_CAP:
                        break  # the terms are never negative: the rest cannot lower the capped sum
                if run is not None:
                    add = min(run, _BONUS_CAP)
                    m.scores[c] += add
                    adds.append((k, c, add))
        if rounds is not None and sig is not None:
            rounds.last = (sig, adds)
        self._pick(mentions)

    def _pair_bonus(self, c: int, other: int) -> tuple[float, float]:
        """(bonus when near, bonus at any distance) of candidate `c` from another mention's pick
        `other`: a containing unit named nearby; the distance between the two."""
        E = self.gaz.entries
        e, oc = E[c], E[other]
        nb = db = 0.0
        if FEATURE_RANK[oc.feature] > FEATURE_RANK[e.feature]:
            if oc.feature == "country" and oc.cc == e.cc:
                nb = 1.5
            elif oc.feature == "admin1" and (oc.cc, oc.admin1) == (e.cc, e.admin1):
                nb = 3.0
            elif oc.feature == "admin2" and oc.admin2 is not None and oc.admin2 == e.admin2:
                nb = 3.0
        if oc.feature in ("populated_place", "admin3", "admin2") and e.feature != "country":
            d = haversine_km(e.lat, e.lon, oc.lat, oc.lon)
            db = 1.5 if d < 50 else 0.75 if d < 150 else 0.0
        return nb, db

    def _drop_strays(
        self,
        mentions: list[Mention],
        unknowns: list[Unknown],
        hint: str | None,
        refs: list[Ref],
        text: str,
    ) -> None:
        """Drop a small far-away foreign town nothing else in the report points to.

        In a Libyan report "حي المغار" is a Derna neighbourhood, not Maghar in Israel: a town under
        100k outside the report's country, whose country no other mention supports, is taken for an
        unlisted local place (an Unknown after a type word) rather than a far-away namesake.
        """
        E = self.gaz.entries
        # A common word kept as an item of a list of places ("سامراء وبلد وتكريت") must lie near
        # the place before it; otherwise it was the word ("بغداد وبركة ماء").
        prev: Mention | None = None
        for m in mentions if any(m.listed for m in mentions) else ():
            if m.listed and m.choice is not None:
                p = E[m.choice]
                q = E[prev.choice] if prev is not None and prev.choice is not None else None
                if q is None or prev is None or prev.tok_end != m.tok_start:
                    m.choice = None
                elif haversine_km(p.lat, p.lon, q.lat, q.lon) > _LIST_KM:
                    m.choice = None
            prev = m
        # "مدينة كويتا الباكستانية": the adjective right after a name gives its country; a
        # namesake elsewhere (Cuito, Angola) is an unknown place of that country, not a match.
        after = {r.tok_start: r.cc for r in refs}
        for m in mentions if after else ():
            if m.choice is None or m.tok_end not in after:
                continue
            e = E[m.choice]
            if m.type_value == "camp":
                continue  # "مخيم اليرموك الفلسطيني": a refugee camp named for its people's country
            if e.cc != after[m.tok_end] and e.feature in ("populated_place", "admin3", "admin2"):
                m.choice = None
                if m.type_value is not None:
                    unknowns.append(Unknown(m.start, m.end, m.tok_start, m.type_value))
        # "حي العامرية ببغداد", "قرية الإمام بقضاء المقدادية": a small place right before the unit
        # that contains it ("ب"/"في" + a city, district, governorate or country) lies inside that
        # unit. A namesake outside it (El Amria in Algeria; Al-Emam in Babil, not Diyala) gives way
        # to a reading inside the container, or else to an unlisted place of the container.
        for m, o in pairwise(mentions):
            if m.choice is None or o.choice is None or not 0 <= o.tok_start - m.tok_end <= 1:
                continue
            if not _CONTAINED_BY.fullmatch(text[m.end : o.start]):
                continue  # "الحويجة، وفي بغداد": a new clause, not a container
            e, c = E[m.choice], E[o.choice]
            small = (e.feature == "populated_place" and e.population < 100_000) or e.feature in (
                "admin3",
                "admin2",
            )
            if not small or not self._contains_candidate(c):
                continue
            if self._within(e, c):
                continue
            inside = [k for k in m.cands if self._within(E[k], c)]
            home_cc = [k for k in m.cands if E[k].cc == c.cc] if e.cc != c.cc else []
            if inside or (home_cc and m.type_value != "district"):
                m.choice = max(inside or home_cc, key=lambda k: m.scores.get(k, 0.0))
                m.score = m.scores.get(m.choice, m.score)
            else:
                m.choice = None  # an unlisted place of the container
                if m.type_value is not None:
                    unknowns.append(Unknown(m.start, m.end, m.tok_start, m.type_value))
        if hint is None:
            for m in mentions:
                if m.translit:
                    m.choice = None
            return
        for m in mentions:
            # A skeleton match is only believed inside the report's own country.
            if m.translit and m.choice is not None and E[m.choice].cc != hint:
                m.choice = None
        # Distinct places per country ("المفرق" twice is one place), and country adjectives.
        chosen = Counter(E[c].cc for c in {m.choice for m in mentions if m.choice is not None})
        chosen.update({r.cc for r in refs})
        # A border town (الخفجي in a Kuwaiti report) is no stray: only far-away namesakes are.
        home = self._country_entry.get(hint)
        for m in mentions:
            if m.choice is None:
                continue
            e = E[m.choice]
            if (
                e.cc != hint
                # a small town, or a sub-district/district named bare ("العظيم" in a Yemeni report)
                and (
                    (e.feature == "populated_place" and e.population < 100_000)
                    or (e.feature in ("admin3", "admin2") and m.type_value is None)
                )
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
    def _contains_candidate(c: Entry) -> bool:
        """Can this entry contain a smaller place named right before it?"""
        return c.feature in ("country", "admin1", "admin2") or c.population >= 100_000

    @staticmethod
    def _within(e: Entry, c: Entry) -> bool:
        """Is entry `e` inside container `c` (same country; same governorate; same district)?"""
        if e.cc != c.cc:
            return False
        if c.feature == "country":
            return True
        if e.admin1 != c.admin1:
            return False
        return c.feature != "admin2" or e.admin2 == c.admin2

    @staticmethod
    def _pick(mentions: list[Mention]) -> None:
        for m in mentions:
            if len(m.scores) == 1:  # one candidate: it is the pick (no key tuples to build)
                for c, s in m.scores.items():
                    m.choice, m.score = c, s
            elif m.scores:
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


# mentions, unknowns, country adjectives, cue positions, and the second pass of `_resolve` last
# worked out for this text (`_Rounds`)
_Matched = tuple[list[Mention], list[Unknown], list[Ref], dict[str, list[int]], "_Rounds"]


class _Rounds:
    """The second pass of `_resolve` last worked out for a text: what the first pass gave it (each
    mention's word, candidates and pick, None when it moves no other reading) and the bonuses
    added (mention index, candidate, bonus)."""

    __slots__ = ("last",)

    def __init__(self) -> None:
        # one attribute, set in one step: threads sharing the geocoder never see half of it
        self.last: (
            tuple[list[tuple[int, tuple[int, ...], int | None]], list[tuple[int, int, float]]] | None
        ) = None


def _with_precision(p: Place, prec: int) -> Place:
    return replace(p, geo_precision=prec)


__all__ = ["Analysis", "Geocoder", "Mention", "Unknown", "haversine_km"]
