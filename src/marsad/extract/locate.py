"""The seam to the geocoder: a `Locator` protocol that `marsad.geo`'s Geocoder satisfies.

Extraction only needs three calls; tests or other gazetteers can pass any object with them.
Country facts for the record (ISO numeric, ACLED's English name, ISO3, region) come from the
geocoder's country table and `data/extract/regions.tsv`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from marsad.model import Place

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

    def country_of(self, text: str, *, norm: object = None, outlet: str | None = None) -> str | None: ...


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

    def country_of(self, text: str, *, norm: object = None, outlet: str | None = None) -> str | None:
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
