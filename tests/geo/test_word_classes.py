"""Classes of geocoding errors seen on real reports: a sea that is also a governorate, a number
word that is also a town, a common plural that is a village, a region missing from the
gazetteer, dual type words. Every sentence is written for these tests in agency style."""

from __future__ import annotations

import pytest

from marsad.geo import get_geocoder
from marsad.geo.geocoder import Geocoder


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return get_geocoder()


def _found(geo: Geocoder, text: str) -> list[tuple[str, str, str, str | None]]:
    return [(p.text, p.country_code, p.feature, p.admin1) for p in geo.find_places(text)]


# ------------------------------------------------------------------ a sea, a governorate of its name
def test_red_sea_is_the_sea_without_a_type_word(geo: Geocoder) -> None:
    text = "أعلن الحوثيون استهداف سفينة تجارية في البحر الأحمر قبالة سواحل الحديدة فجر اليوم"
    found = _found(geo, text)
    assert all(t != "البحر الأحمر" for t, *_ in found), found
    assert ("الحديدة", "YE", "populated_place", "Al Hudaydah") in found


@pytest.mark.parametrize(
    ("text", "cc"),
    [
        ("افتتح المحافظ مستشفى جديدا في محافظة البحر الأحمر أمس", "EG"),
        ("ضربت سيول جارفة ولاية البحر الأحمر شرق السودان", "SD"),
    ],
)
def test_red_sea_governorate_after_a_type_word(geo: Geocoder, text: str, cc: str) -> None:
    found = _found(geo, text)
    assert ("البحر الأحمر", cc, "admin1", "Red Sea") in found, found


def test_gulf_of_aden_is_not_aden(geo: Geocoder) -> None:
    text = "هاجم قراصنة صوماليون ناقلة نفط في خليج عدن مساء الثلاثاء"
    assert all(t != "عدن" for t, *_ in _found(geo, text))


# ------------------------------------------------------------------------ a number that is a town
@pytest.mark.parametrize(
    "text",
    [
        "اجتمع ممثلو الدول الخمس الدائمة العضوية في مجلس الأمن",
        "ارتفعت الأسعار في الخمس سنوات الماضية بنسبة كبيرة",
        "وقعت الدول الخمس على البيان الختامي",
    ],
)
def test_the_number_five_is_no_town(geo: Geocoder, text: str) -> None:
    assert not [f for f in _found(geo, text) if f[1] == "LY"], _found(geo, text)


@pytest.mark.parametrize(
    "text",
    [
        "اندلعت اشتباكات مسلحة في الخمس غرب ليبيا مساء أمس",
        "قتل ثلاثة أشخاص في اشتباكات بمدينة الخمس الساحلية",
        "اندلعت اشتباكات بالخمس بين مجموعتين مسلحتين",
    ],
)
def test_al_khums_after_a_preposition_or_type_word(geo: Geocoder, text: str) -> None:
    assert any(t == "الخمس" and cc == "LY" for t, cc, *_ in _found(geo, text)), _found(geo, text)


# ----------------------------------------------------------------------- common plural, a village
def test_mountain_ranges_are_no_village(geo: Geocoder) -> None:
    text = "قصفت الطائرات مواقع للمسلحين في السلاسل الجبلية جنوب البلاد"
    assert not _found(geo, text)


# ------------------------------------------------------------------- regions beyond the Arab world
def test_dagestan_is_a_region_of_russia(geo: Geocoder) -> None:
    text = "قالت روسيا إنها قتلت تسعة مسلحين كانوا يخططون لهجوم في داغستان بجنوب البلاد"
    found = _found(geo, text)
    assert ("داغستان", "RU", "admin1", "Dagestan") in found, found
    place = geo.locate(text, [(0, len(text))])
    assert place is not None and place.admin1 == "Dagestan"


# ----------------------------------------------------------------------------- dual type words
def test_dual_governorates(geo: Geocoder) -> None:
    text = "شنت طائرات حربية غارات على مواقع بمحافظتي إدلب وحلب شمال سوريا"
    found = _found(geo, text)
    assert ("إدلب", "SY", "admin1", "Idleb") in found, found
    assert ("حلب", "SY", "admin1", "Aleppo") in found, found


def test_dual_cities(geo: Geocoder) -> None:
    text = "خرجت تظاهرات في مدينتي البصرة والناصرية للمطالبة بالخدمات"
    found = _found(geo, text)
    assert ("البصرة", "IQ", "populated_place", "Basrah") in found, found
    assert ("الناصرية", "IQ", "populated_place", "Thi-Qar") in found, found


def test_a_plural_type_word_types_every_name_of_its_list(geo: Geocoder) -> None:
    # "محافظات" before three names: Sanaa and Saada are the governorates, not their capitals
    text = "شنت طائرات التحالف غارات على مواقع للمسلحين في محافظات البيضاء وصنعاء وصعدة"
    found = _found(geo, text)
    assert ("صنعاء", "YE", "admin1", "Sanaa") in found, found
    assert ("صعدة", "YE", "admin1", "Sa'dah") in found, found


def test_a_plural_list_ends_at_the_first_word_that_is_no_name(geo: Geocoder) -> None:
    text = "تظاهر المئات في مدن البصرة والناصرية وسط انتشار أمني في محافظة بغداد"
    found = _found(geo, text)
    assert ("البصرة", "IQ", "populated_place", "Basrah") in found, found
    assert ("بغداد", "IQ", "admin1", "Baghdad") in found, found


def test_a_single_type_word_does_not_reach_the_second_name(geo: Geocoder) -> None:
    # "محافظة" (singular) types only its own name: Aleppo here is the city
    text = "قصفت الطائرات محافظة إدلب وحلب"
    found = _found(geo, text)
    assert ("إدلب", "SY", "admin1", "Idleb") in found, found
    assert ("حلب", "SY", "populated_place", "Aleppo") in found, found


# --------------------------------------------------------------- a place before its container
def test_a_neighbourhood_before_its_city_is_not_a_namesake_abroad(geo: Geocoder) -> None:
    text = "تظاهر مئات الطلاب الثلاثاء في حي العامرية ببغداد للمطالبة بالإفراج عن زميلهم"
    found = _found(geo, text)
    assert all(cc == "IQ" for _, cc, *_ in found), found
    place = geo.locate(text, [(0, len(text))])
    assert place is not None and (place.country_code, place.admin1) == ("IQ", "Baghdad")


def test_a_town_before_its_governorate_takes_that_governorates_namesake(geo: Geocoder) -> None:
    text = "تظاهر مئات الأهالي أمس في العامرية بالأنبار احتجاجا على انقطاع الكهرباء"
    found = _found(geo, text)
    assert ("العامرية", "IQ", "admin3", "Al Anbar") in found, found


# ---------------------------------------------------- a country name read as an accusative adjective
@pytest.mark.parametrize(
    "text",
    ["اختطف مسلحون مهندسا تركيا في بغداد أمس", "قتل حرس الحدود مهربا سوريا قرب الرمثا"],
)
def test_accusative_adjective_is_no_country(geo: Geocoder, text: str) -> None:
    found = _found(geo, text)
    assert all(f != "country" for _, _, f, _ in found), found


@pytest.mark.parametrize("text", ["زار الوزير تركيا وروسيا الأسبوع الماضي", "دعا روسيا إلى وقف القصف"])
def test_the_country_itself_stays(geo: Geocoder, text: str) -> None:
    assert any(f == "country" for _, _, f, _ in _found(geo, text))


@pytest.mark.parametrize(("name", "en"), [("عسقلان", "Ashkelon"), ("سديروت", "Sderot")])
def test_towns_near_gaza_have_arabic_names(geo: Geocoder, name: str, en: str) -> None:
    text = f"سقطت صواريخ على مدينة {name} في جنوب إسرائيل"
    assert any(p.name == en and p.country_code == "IL" for p in geo.find_places(text))


def test_hebron_with_the_article_but_not_the_first_name() -> None:
    geo = get_geocoder()
    assert any(p.name == "Hebron" for p in geo.find_places("اندلعت مواجهات في الخليل جنوب الضفة الغربية"))
    assert not geo.find_places("قال المتحدث إن خليل كان موضوع الحديث")


def test_a_verb_with_its_object_after_a_type_word_is_no_place() -> None:
    geo = get_geocoder()
    assert not geo.find_places("هاجم مئات المحتجين مركز الشرطة في المدينة وأحرقوه")
