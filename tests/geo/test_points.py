"""Where a place sits: events at ACLED's point (a region at its capital), maps at the region's
middle (`Geocoder.representative_point`); and "المملكة" (the Kingdom) read as a country."""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from marsad.geo import get_geocoder
from marsad.geo.gazetteer import polygons
from marsad.geo.geocoder import Geocoder, haversine_km


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return get_geocoder()


def _first(geo: Geocoder, text: str, cc: str | None = None) -> object:
    places = geo.find_places(text, country_hint=cc)
    assert places, text
    return places[0]


def test_a_region_event_sits_at_its_capital_and_its_map_point_in_its_middle(geo: Geocoder) -> None:
    region = _first(geo, "اجتاحت السيول مناطق واسعة من محافظة حضرموت شرقي اليمن", "YE")
    town = _first(geo, "وصل المحافظ إلى مدينة المكلا صباح الأحد", "YE")
    assert region.feature == "admin1" and region.admin1 == "Hadramawt"  # type: ignore[attr-defined]
    # The event point is the capital, Mukalla (ACLED's rule) ...
    ev = (region.latitude, region.longitude)  # type: ignore[attr-defined]
    assert haversine_km(*ev, town.latitude, town.longitude) < 15  # type: ignore[attr-defined]
    # ... the map point lies inland, between the coast and Wadi Hadramawt.
    lat, lon = geo.representative_point(region)  # type: ignore[arg-type]
    assert haversine_km(lat, lon, *ev) > 100
    assert 14.6 < lat < 17.0 and 47.0 < lon < 51.0


def test_a_town_and_a_country_keep_their_own_point(geo: Geocoder) -> None:
    town = _first(geo, "انفجار في مدينة كركوك مساء الجمعة", "IQ")
    country = _first(geo, "وصل الوفد إلى الأردن", None)
    for p in (town, country):
        assert geo.representative_point(p) == (p.latitude, p.longitude)  # type: ignore[arg-type,attr-defined]


def test_every_region_has_a_middle(geo: Geocoder) -> None:
    regions = {(e.cc, e.admin1) for e in geo.gaz.entries if e.feature == "admin1"}
    assert regions and regions <= set(geo.gaz.centres)


def test_every_iraqi_governorate_middle_lies_in_its_polygon(geo: Geocoder) -> None:
    shapes = {p: g for p, lvl, g in polygons() if lvl == 1}
    iq = {code: pt for (cc, code), pt in geo.gaz.centres.items() if cc == "IQ"}
    assert len(iq) == 18
    for code, (lat, lon) in iq.items():
        assert shapes[code].buffer(0.05).contains(Point(lon, lat)), code


@pytest.mark.parametrize(
    ("text", "cc"),
    [
        # Nothing else named: the Kingdom of most Arabic reports, Saudi Arabia (default reading).
        ("ارتفع إجمالي الإصابات بفيروس كورونا في المملكة إلى 1200 حالة", "SA"),
        # A Jordanian town elsewhere in the report selects Jordan.
        ("انتشلت فرق الدفاع المدني جثة طفلة في مأدبا، وعلقت الدراسة في مدارس المملكة", "JO"),
        ("أعلنت وزارة الداخلية في المملكة توقيف ثلاثة أشخاص في المنامة", "BH"),
    ],
)
def test_the_kingdom(geo: Geocoder, text: str, cc: str) -> None:
    assert geo.country_of(text) == cc
    at = text.index("المملكة")
    hit = [p for p in geo.find_places(text) if p.start <= at < p.end]
    assert hit and hit[0].feature == "country" and hit[0].country_code == cc, hit
