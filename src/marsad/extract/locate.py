"""The seam to the geocoder: a `Locator` protocol that `marsad.geo`'s Geocoder satisfies.

Extraction only needs three calls; tests or other gazetteers can pass any object with them.
Country facts for the record (ISO numeric, ACLED's English name, ISO3, region) come from the
geocoder's country table and `data/extract/regions.tsv`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from marsad.extract.frames import frame
from marsad.extract.lexicon import LexiconError
from marsad.model import Place
from marsad.text.normalize import normalize_key

log = logging.getLogger(__name__)
DATA = Path(__file__).resolve().parent.parent / "data" / "extract" / "regions.tsv"


class Locator(Protocol):
    def find_places(
        self, text: str, *, country_hint: str | None = None, norm: object = None
    ) -> list[Place]: ...

    def locate(
        self,
        text: str,
        regions: list[tuple[int, int]],
        *,
        country_hint: str | None = None,
        norm: object = None,
    ) -> Place | None: ...

    def country_of(
        self,
        text: str,
        *,
        norm: object = None,
        outlet: str | None = None,
        skip: Mapping[int, frozenset[str]] | None = None,
    ) -> str | None: ...


class NullLocator:
    """Finds nothing (used only when the gazetteer cannot be loaded; logged)."""

    def find_places(self, text: str, *, country_hint: str | None = None, norm: object = None) -> list[Place]:
        return []

    def locate(
        self,
        text: str,
        regions: list[tuple[int, int]],
        *,
        country_hint: str | None = None,
        norm: object = None,
    ) -> Place | None:
        return None

    def country_of(
        self,
        text: str,
        *,
        norm: object = None,
        outlet: str | None = None,
        skip: Mapping[int, frozenset[str]] | None = None,
    ) -> str | None:
        return None


def default_locator() -> Locator:
    try:
        from marsad.geo import get_geocoder

        return get_geocoder()
    except Exception as exc:  # the gazetteer missing must not stop extraction: events lose places
        log.warning("geocoder unavailable (%s): events will have no place", exc)
        return NullLocator()


@dataclass(frozen=True, slots=True)
class CountryInfo:
    iso2: str
    iso3: str
    iso_numeric: int
    name: str
    region: str


@lru_cache(maxsize=1)
def _countries() -> dict[str, CountryInfo]:
    regions: dict[str, tuple[str, str]] = {}
    for raw in DATA.read_text("utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        cc, iso3, region = raw.split("\t")
        regions[cc] = (iso3, region)
    names: dict[str, tuple[int, str]] = {}
    try:
        from marsad.geo.data import load_countries

        for cc, row in load_countries().items():
            names[cc] = (row.iso, row.name)
    except Exception as exc:  # pragma: no cover - only without the geo package
        log.warning("country table unavailable: %s", exc)
    out: dict[str, CountryInfo] = {}
    for cc in set(regions) | set(names):
        iso3, region = regions.get(cc, (cc + "X", ""))
        iso, name = names.get(cc, (0, cc))
        out[cc] = CountryInfo(cc, iso3, iso, name, region)
    return out


def country_info(iso2: str | None) -> CountryInfo | None:
    if not iso2:
        return None
    return _countries().get(iso2)


@lru_cache(maxsize=1)
def _by_numeric() -> dict[int, str]:
    return {c.iso_numeric: c.iso2 for c in _countries().values() if c.iso_numeric}


def iso2_of(iso_numeric: int) -> str | None:
    """The ISO2 code of a record's numeric ISO country code (0 or unknown: None)."""
    return _by_numeric().get(iso_numeric)


_WORD = re.compile(r"[\u0621-\u064A\u0660-\u0669\u0670-\u06D3]+")
_CLITICS = ("وفي", "في", "وب", "ب", "و", "ف", "ل")


@lru_cache(maxsize=1)
def _modifier_words() -> frozenset[str]:
    """The geocoder's reviewed "near/around/south of" words (data/geo/cues.tsv, kind mod)."""
    from marsad.geo.data import load_cues

    return frozenset(normalize_key(c.word) for c in load_cues() if c.kind == "mod" and c.value == "before")


def modifier_start(text: str, start: int, max_words: int = 3) -> int:
    """Start of the place phrase including the modifiers right before the name ("محيط جنوب كركوك")."""
    mods = _modifier_words()
    out = start
    words = list(_WORD.finditer(text, max(0, start - 60), start))
    for w in reversed(words[-max_words:]):
        if text[w.end() : out].strip(" \u0640"):
            break  # punctuation or another word between: the phrase ends here
        word = w.group()
        forms = [word] + [word[len(c) :] for c in _CLITICS if word.startswith(c) and len(word) > len(c) + 2]
        if not any(normalize_key(f) in mods for f in forms):
            break
        out = w.start() + next(
            (
                len(c)
                for c in _CLITICS
                if word.startswith(c)
                and normalize_key(word[len(c) :]) in mods
                and normalize_key(word) not in mods
            ),
            0,
        )
    return out


FRAMED = Path(__file__).resolve().parent.parent / "data" / "extract" / "framed_countries.tsv"
# the words a country name right after is where something happens ("في مالي", "بمالي": frames.tsv);
# the name must end its word (a space, punctuation or the end of the text after it)
_FRAME = frame("FRAME").pattern


@lru_cache(maxsize=1)
def _framed_rows() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """`framed_countries.tsv`: (the word, pattern of the framed word, the country's form the
    gazetteer knows)."""
    rows = []
    for raw in FRAMED.read_text("utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        word, form, _example = raw.split("\t")
        rows.append((word, re.compile(_FRAME + f"({re.escape(word)})" + r"(?=$|[\s،,.:;!؟)\"»])"), form))
    return tuple(rows)


def framed_countries(text: str, locator: Locator) -> list[Place]:
    """Countries whose bare name is also a common word ("مالي" is "financial"), found only right after
    a locative frame ("في مالي"); the gazetteer leaves the bare word alone."""
    out: list[Place] = []
    for word, pattern, form in _framed_rows():
        # every match holds the word itself: a report without it (most) needs no regex scan, which
        # tries the frame words at every position of the text
        hits = [m.span(1) for m in pattern.finditer(text)] if word in text else []
        if not hits:
            continue  # most reports name none: no gazetteer look-up for them
        country = next((p for p in locator.find_places(form) if p.feature == "country"), None)
        if country is not None:
            out += [replace(country, start=s, end=e, text=text[s:e], name_ar=text[s:e]) for s, e in hits]
    return out


SURROUNDINGS = Path(__file__).resolve().parent.parent / "data" / "extract" / "surroundings.tsv"
# the words that set a place off a city ("جنوب دمشق", "في ضواحي صنعاء"), and its airport ("مطار دمشق
# الدولي") for the cities whose airport lies outside their admin-1 (frames.tsv)
_OFF_CITY = frame("OFF_CITY")
_AIRPORT = frame("AIRPORT")


@lru_cache(maxsize=1)
def _surroundings() -> dict[tuple[str, str], tuple[str, bool]]:
    out: dict[tuple[str, str], tuple[str, bool]] = {}
    for raw in SURROUNDINGS.read_text("utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            cc, city, around, airport, _example = raw.split("\t")
            if airport not in ("yes", "no"):
                raise LexiconError(f"surroundings.tsv: airport must be yes or no, not {airport!r}")
            out[(cc, city)] = (around, airport == "yes")
    return out


def off_city(place: Place, text: str) -> Place:
    """A place set off a capital that is an admin-1 of its own ("جنوب دمشق") lies in the governorate
    around it (Rural Damascus); any other place is returned as it is."""
    entry = _surroundings().get((place.country_code, place.admin1 or ""))
    if entry is None or place.feature == "admin1":
        return place
    around, airport_outside = entry
    head = text[max(0, place.start - 36) : place.start]
    if not _OFF_CITY.search(head) and not (airport_outside and _AIRPORT.search(head)):
        return place
    return replace(place, admin1=around, admin2=None, admin3=None, geo_precision=max(place.geo_precision, 2))
