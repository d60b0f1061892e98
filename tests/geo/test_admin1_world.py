"""Admin-1 units outside the Arab region that the news names (US states, Rakhine, Kerala …) and the
care their names need: a bare "نيويورك"/"واشنطن" is the city / the US government, a bare "جورجيا"
the country, "ينوي" (he intends) is no Illinois, "إيواء" (shelter) no Iowa."""

from __future__ import annotations

import pytest

from marsad.geo import get_geocoder
from marsad.geo.data import load_admin1_table
from marsad.geo.geocoder import Geocoder


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return get_geocoder()


def _first(geo: Geocoder, text: str, hint: str | None = None) -> tuple[str, str, str | None, int] | None:
    places = geo.find_places(text, country_hint=hint)
    if not places:
        return None
    p = places[0]
    return (p.name, p.country_code, p.admin1, p.geo_precision)


def test_all_us_states_and_dc_are_reviewed() -> None:
    us = [r for r in load_admin1_table() if r.cc == "US"]
    assert len(us) == 51
    assert len({r.code for r in us}) == 51


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("قتل 17 شخصا في إطلاق نار في مدرسة بولاية فلوريدا", ("Florida", "US", "Florida", 3)),
        ("اندلعت حرائق غابات في ولاية كاليفورنيا", ("California", "US", "California", 3)),
        ("أطلق مسلح النار في كنيسة في تكساس", ("Texas", "US", "Texas", 3)),
        ("أعدم سجين في ولاية نيويورك", ("New York", "US", "New York", 3)),
        ("ألغت ولاية واشنطن عقوبة الإعدام", ("Washington", "US", "Washington", 3)),
        ("تظاهر المئات في ولاية كارولينا الشمالية", ("North Carolina", "US", "North Carolina", 3)),
        ("قتل شخصان في ولاية إلينوي", ("Illinois", "US", "Illinois", 3)),
        ("ضربت عاصفة ولاية جورجيا", ("Georgia", "US", "Georgia", 3)),
        ("أحرقت قرى الروهينغا في ولاية راخين", ("Rakhine", "MM", "Rakhine", 3)),
        ("قتل أكثر من 100 شخص في فيضانات في ولاية كيرالا جنوبي الهند", ("Kerala", "IN", "Kerala", 3)),
        ("هدمت العواصف منازل في ولاية أوتار براديش", ("Uttar Pradesh", "IN", "Uttar Pradesh", 3)),
    ],
)
def test_world_admin1_units_resolve(geo: Geocoder, text: str, want: tuple[str, str, str, int]) -> None:
    assert _first(geo, text) == want


def test_new_york_and_washington_alone_are_not_the_states(geo: Geocoder) -> None:
    assert _first(geo, "تظاهر المئات في نيويورك") == ("New York City", "US", "New York", 1)
    assert geo.find_places("أعلنت واشنطن فرض عقوبات جديدة") == []


def test_georgia_alone_is_the_country(geo: Geocoder) -> None:
    assert _first(geo, "وصل الرئيس إلى جورجيا في زيارة رسمية") == ("Georgia", "GE", None, 3)
    assert _first(geo, "وصل الرئيس إلى جورجيا في زيارة رسمية", "US") == ("Georgia", "GE", None, 3)
    # a list of countries in a report that also names the United States: still the country
    listed = "عارضت الولايات المتحدة القرار وامتنعت عن التصويت كرواتيا وجورجيا والمجر"
    found = [(p.name, p.country_code) for p in geo.find_places(listed) if p.name == "Georgia"]
    assert found == [("Georgia", "GE")]


def test_common_words_stay_words(geo: Geocoder) -> None:
    # "ينوي" (he intends) shares its key with إلينوي; "شأن" folds to "شان" (Shan); "صباح" is morning
    assert [p.name for p in geo.find_places("ينوي الرئيس زيارة بغداد صباح اليوم بشأن الاتفاق")] == ["Baghdad"]
    # "إيواء" (shelter) folds to the bare Arabic form of Iowa; "ميسوري الحال" is "the well-off"
    shelter = "افتتحت المنظمة مركز إيواء للنازحين في الموصل ويستفيد منه ميسوري الحال أيضا"
    assert [p.name for p in geo.find_places(shelter)] == ["Mosul"]
    assert _first(geo, "عقد الرئيس تجمعا انتخابيا في ولاية أيوا") == ("Iowa", "US", "Iowa", 3)
    assert _first(geo, "أطلق شرطي النار على شاب في ولاية ميسوري") == ("Missouri", "US", "Missouri", 3)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("عثر على سكريبال فاقدا الوعي في مدينة سالزبري", ("Salisbury", "GB")),
        ("انهار جسر في مدينة جنوى الإيطالية", ("Genoa", "IT")),
        ("انتشلت فرق الإنقاذ جثثا في مدينة بالو", ("Palu", "ID")),
        ("احتجز مسلح رهائن في بلدة تريب قرب كاركاسون", ("Trebes", "FR")),
        ("يتوافد المهاجرون على مدينة أغاديز", ("Agadez", "NE")),
        ("فر آلاف السكان من تسخينفالي بعد ليلة من القصف", ("Tskhinvali", "GE")),
        # older spellings of towns that have an Arabic name in GeoNames (names_extra.tsv adds them)
        ("قتل ثلاثة جنود في هجوم على قافلة في مدينة بيداوة", ("Baidoa", "SO")),
        ("خرج آلاف الرهبان في مسيرة في شوارع رانغون", ("Yangon", "MM")),
        ("قتل شرطيان بالرصاص في محج قلعة عاصمة داغستان", ("Makhachkala", "RU")),
        ("اندلعت اشتباكات بين فصيلين في مدينة مالاكال", ("Malakal", "SS")),
    ],
)
def test_towns_without_geonames_arabic_names(geo: Geocoder, text: str, want: tuple[str, str]) -> None:
    got = _first(geo, text)
    assert got is not None and got[:2] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("قصفت قوات المتمردين مواقع للجيش في إقليم شمال كيفو", ("CD", "North Kivu")),
        ("فر آلاف المدنيين من القتال في جنوب كيفو", ("CD", "South Kivu")),
        ("خطف مسلحون رئيس بلدية في إقليم أراوكا شرقي كولومبيا", ("CO", "Arauca")),
        ("هاجم مسلحون قرية في دارفور وقتلوا خمسة مدنيين", ("SD", "North Darfur")),
        ("اندلعت معارك عنيفة في أوسيتيا الجنوبية", ("GE", "Shida Kartli")),
        ("تبادلت القوات الجورجية والانفصاليون إطلاق النار في أبخازيا", ("GE", "Abkhazia")),
    ],
)
def test_regions_of_the_wars_of_the_2000s(geo: Geocoder, text: str, want: tuple[str, str]) -> None:
    got = _first(geo, text)
    assert got is not None and (got[1], got[2]) == want
