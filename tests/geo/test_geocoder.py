"""Geocoder behaviour on Arabic sentences written for these tests (agency-news style)."""

from __future__ import annotations

import pickle

import pytest

from marsad.geo import get_geocoder
from marsad.geo.geocoder import Geocoder


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return get_geocoder()


def names(geo: Geocoder, text: str, **kw: object) -> list[tuple[str, str, str | None]]:
    return [(p.text, p.name, p.admin1) for p in geo.find_places(text, **kw)]  # type: ignore[arg-type]


def test_offsets_point_into_the_original_text(geo: Geocoder) -> None:
    text = "كركوك - قُتِلَ شرطيان وأصيب ثالث بانفجار عبوة ناسفة وسط مدينة الحويجة، وفي بغداد اعتُقل مشتبه به."
    places = geo.find_places(text)
    assert places, "no place found"
    for p in places:
        assert text[p.start : p.end] == p.text
    found = {p.text for p in places}
    assert {"كركوك", "الحويجة", "بغداد"} <= found


@pytest.mark.parametrize(
    ("text", "mention", "admin1"),
    [
        ("وقع الهجوم بالحويجة مساء الأحد", "الحويجة", "Kirkuk"),
        ("وفي كركوك أعلنت الشرطة حظر التجوال", "كركوك", "Kirkuk"),
        ("وصلت تعزيزات عسكرية لمحافظة ديالى", "ديالى", "Diyala"),
        ("قال مصدر أمني للموصل إن الطريق مغلق", "موصل", "Ninewa"),
        ("وبالرمادي انفجرت سيارة مفخخة", "الرمادي", "Al Anbar"),
        ("وللفلوجة حصة من المساعدات", "فلوجة", "Al Anbar"),
        ("فقد الاتصال بدورية قرب سامراء", "سامراء", "Salah al-Din"),
    ],
)
def test_clitics_and_article(geo: Geocoder, text: str, mention: str, admin1: str) -> None:
    places = geo.find_places(text)
    hit = [p for p in places if mention in p.text]
    assert hit, f"{mention} not found in {names(geo, text)}"
    assert hit[0].admin1 == admin1
    assert hit[0].country_code == "IQ"


def test_spelling_variants(geo: Geocoder) -> None:
    # hamza/alef, teh marbuta/heh, alef maksura/yeh, diacritics and tatweel
    for variant in ("اربيل", "أربيل", "إربيل"):
        assert geo.find_places(f"وصل الوفد إلى {variant}")[0].admin1 == "Erbil"
    assert geo.find_places("انفجار في الحويجه")[0].admin1 == "Kirkuk"
    assert geo.find_places("قصف على نينوي")[0].admin1 == "Ninewa"
    assert geo.find_places("انفجار في كـركـوك")[0].name == "Kirkuk"
    assert geo.find_places("انفجار في بَغْدَاد")[0].name == "Baghdad"


def test_hashtag_and_joined_forms(geo: Geocoder) -> None:
    places = geo.find_places("أمطار غزيرة في #حفر_الباطن وحفرالباطن")
    assert [p.name for p in places] == ["Hafar Al-Batin", "Hafar Al-Batin"]


def test_type_words_choose_the_feature(geo: Geocoder) -> None:
    gov = geo.find_places("أعلنت محافظة كركوك الحداد")[0]
    assert gov.feature == "admin1" and gov.geo_precision == 3 and gov.admin1 == "Kirkuk"
    city = geo.find_places("انفجار وسط مدينة كركوك")[0]
    assert city.feature == "populated_place" and city.geo_precision == 1
    dist = geo.find_places("هجوم في قضاء الحويجة")[0]
    assert dist.feature == "admin2" and dist.admin2 is not None and dist.admin1 == "Kirkuk"
    sub = geo.find_places("اشتباك في ناحية الرياض التابعة لقضاء الحويجة")[0]
    assert sub.admin1 == "Kirkuk"


def test_common_words_are_not_places(geo: Geocoder) -> None:
    text = "قالت مصادر في وزارة العدل إن قوات الأمن والحشد الشعبي نفذت عملية يوم الجمعة"
    assert geo.find_places(text) == []
    # …but after a type word the same word is a place (ناحية العدل: a sub-district of Maysan in COD-AB).
    assert geo.find_places("سقطت قذيفة في ناحية العدل")[0].admin1 == "Maysan"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("انفجرت عبوة ناسفة في محيط جنوب كركوك", "Kirkuk"),
        ("قتل ثلاثة مدنيين على بعد 70 كم شمال مقديشو", "Mogadishu"),
        ("شن الطيران غارات على ريف إدلب", "Idlib"),
        ("اشتباكات عنيفة قرب الفلوجة", "Fallujah"),
        ("كمين على الطريق الذي يبعد 30 كم عن تكريت جنوبا", "Tikrit"),
    ],
)
def test_modifiers_give_precision_2(geo: Geocoder, text: str, name: str) -> None:
    place = geo.locate(text, [(0, len(text))])
    assert place is not None
    assert place.name.endswith(name)
    assert place.geo_precision == 2


def test_containing_unit_disambiguates(geo: Geocoder) -> None:
    # الرياض is Riyadh, but "ناحية الرياض … قضاء الحويجة … محافظة كركوك" is the Iraqi sub-district.
    text = "هاجم مسلحون منطقة الرياض التابعة لقضاء الحويجة في محافظة كركوك"
    first = geo.find_places(text)[0]
    assert first.country_code == "IQ" and first.admin1 == "Kirkuk"
    assert geo.find_places("وصل الوفد إلى الرياض")[0].country_code == "SA"


def test_country_hint_and_report_country(geo: Geocoder) -> None:
    # الجوف is a Yemeni governorate and a Saudi region: the report's country decides.
    assert geo.find_places("قصف على الجوف", country_hint="YE")[0].country_code == "YE"
    assert geo.find_places("قصف على الجوف", country_hint="SA")[0].country_code == "SA"
    text = "صنعاء (وكالات) - قتل خمسة في غارة على الجوف"
    assert geo.country_of(text) == "YE"
    place = geo.locate(text, [(text.index("غارة"), len(text))])
    assert place is not None and place.country_code == "YE"


def test_unknown_village_next_to_known_town(geo: Geocoder) -> None:
    text = "هاجم مسلحون قرية البو زلوطي التابعة لقضاء الحويجة وقتلوا راعيين"
    place = geo.locate(text, [(0, len(text))])
    assert place is not None
    assert place.admin1 == "Kirkuk" and place.geo_precision == 2


def test_locate_prefers_the_specific_place(geo: Geocoder) -> None:
    text = "وفي محافظة نينوى انفجرت عبوة في تلعفر. وفي بغداد عقد مؤتمر صحفي"
    region = (0, text.index("."))
    place = geo.locate(text, [region])
    assert place is not None and place.name_ar == "تلعفر" and place.geo_precision == 1
    assert place.admin1 == "Ninewa"


def test_locate_without_a_place_in_the_region_uses_context(geo: Geocoder) -> None:
    text = "الموصل - أعلنت الشرطة مقتل مدنيين اثنين بانفجار عبوة ناسفة صباح اليوم"
    place = geo.locate(text, [(text.index("مقتل"), len(text))])
    assert place is not None and place.admin1 == "Ninewa" and place.geo_precision == 2


def test_fuzzy_after_type_word(geo: Geocoder) -> None:
    # One letter wrong ("الحويچة" is fine by folding; "الحويحة" is a typo) after a type word.
    place = geo.find_places("هجوم في قضاء الحويحة")
    assert place and place[0].admin1 == "Kirkuk"
    # …but never without one.
    assert geo.find_places("قال الحويحة") == []


def test_geocoder_pickles_to_the_process_instance(geo: Geocoder) -> None:
    assert pickle.loads(pickle.dumps(geo)) is get_geocoder()


def test_admin_of_point_in_polygon(geo: Geocoder) -> None:
    # Hawija's GeoNames point lies in Kirkuk governorate, Hawija district.
    kirkuk = geo.lookup("الحويجة")
    assert kirkuk is not None
    a1, a2, _a3 = geo.admin_of(kirkuk.latitude, kirkuk.longitude)
    assert a1 == "Kirkuk" and a2 == "Al-Hawiga"
    assert geo.admin_of(24.7, 46.7) == (None, None, None)  # Riyadh: outside Iraq


def test_compound_written_apart(geo: Geocoder) -> None:
    place = geo.find_places("انفجار سيارة مفخخة في تل عفر غرب الموصل")[0]
    assert place.text == "تل عفر" and place.admin1 == "Ninewa"


def test_border_town_is_not_a_stray(geo: Geocoder) -> None:
    # الخفجي (Saudi Arabia) in a Kuwaiti report stays: it is next door, not a far namesake.
    text = "الكويت - أمطار غزيرة في الجهراء والأحمدي وصولا إلى الخفجي"
    assert "SA" in {p.country_code for p in geo.find_places(text)}
    # حي المغار in a Libyan report is not Maghar in Israel.
    text = "درنة - اشتباكات عنيفة في حي المغار وسط المدينة"
    assert all(p.country_code == "LY" for p in geo.find_places(text))


def test_outlet_desk_dateline_yields_to_the_body(geo: Geocoder) -> None:
    text = "دبي، الإمارات العربية المتحدة (CNN)— قتل 12 شخصا في قصف على سوق في صعدة، وأصيب آخرون في الحديدة"
    assert geo.country_of(text) == "YE"
    # …but one stray mention does not overturn a dateline.
    assert geo.country_of("الموصل - قال مسؤول إن وفدا زار باريس أمس") == "IQ"


def test_neighbourhood_alias(geo: Geocoder) -> None:
    place = geo.locate("انفجار سيارة مفخخة في منطقة الكرادة وسط بغداد", [(0, 40)])
    assert place is not None and place.admin1 == "Baghdad" and place.admin3 == "Al-Karrada Al-Sharqia"


def test_unlisted_neighbourhood_with_a_particle(geo: Geocoder) -> None:
    text = "أصيب خمسة أشخاص في قصف على حي الشيخ مقصود في مدينة حلب"
    place = geo.locate(text, [(0, len(text))])
    assert place is not None and place.name == "Aleppo" and place.geo_precision == 2
