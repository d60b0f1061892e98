"""Town names that are also common words (الباب، التل، الحمام، إب), licensed by their context.

Every sentence is written for these tests in agency style. Positives: the word after a locative
frame, in a report from the town's country. Negatives: the same words as common nouns — no frame,
an adjective or genitive after them, another report country, no report country at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.geo import get_geocoder
from marsad.geo.data import DataFileError, LicenceRow, load_licence
from marsad.geo.geocoder import Geocoder


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return get_geocoder()


def _at(geo: Geocoder, text: str, word: str, cc: str | None) -> list[tuple[str, str, str | None]]:
    """Places found over `word` in `text` (the report's country `cc`)."""
    start = text.index(word)
    end = start + len(word)
    return [
        (p.name, p.country_code, p.admin1)
        for p in geo.find_places(text, country_hint=cc)
        if p.start < end and p.end > start
    ]


ROWS = load_licence()


@pytest.mark.parametrize("row", [r for r in ROWS if r.kind == "town"], ids=lambda r: r.word)
def test_town_examples(geo: Geocoder, row: LicenceRow) -> None:
    found = _at(geo, row.example, row.word, row.cc)
    if row.value == "never":
        assert found == [], found
    else:
        assert found and found[0][1] == row.cc, found


@pytest.mark.parametrize("row", [r for r in ROWS if r.kind in ("frame", "free")], ids=lambda r: r.word)
def test_frame_and_free_word_examples(geo: Geocoder, row: LicenceRow) -> None:
    """Each frame / free word's example holds a licensed town of the example's country."""
    licensed = [
        m
        for m in geo._analyse(row.example, row.cc).mentions
        if m.licence is not None and m.choice is not None
    ]
    assert licensed, row.example
    assert all(geo.gaz.entries[m.choice].cc == row.cc for m in licensed if m.choice is not None)


def test_licence_validator_reports_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.geo import data as geodata

    (tmp_path / "licence.tsv").write_text("town\tالباب\tmaybe\tSY\tانفجار في الباب\n", encoding="utf-8")
    monkeypatch.setattr(geodata, "data_dir", lambda: tmp_path)
    load_licence.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"licence.tsv:1: a town row's value"):
            load_licence()
        (tmp_path / "licence.tsv").write_text("frame\tقرب\tbefore\tSY\tانفجار في الباب\n", encoding="utf-8")
        load_licence.cache_clear()
        with pytest.raises(DataFileError, match=r"licence.tsv:1: the example must contain the word"):
            load_licence()
    finally:
        load_licence.cache_clear()


# --------------------------------------------------------------------------------- positives
@pytest.mark.parametrize(
    ("text", "word", "cc", "admin1"),
    [
        (
            "حلب - قتل خمسة مدنيين وأصيب آخرون بانفجار سيارة مفخخة في الباب صباح اليوم",
            "الباب",
            "SY",
            "Aleppo",
        ),
        ("اعتقلت قوات النظام عشرة شبان خلال حملة مداهمات في التل بريف دمشق", "التل", "SY", "Rural Damascus"),
        ("اغتال مسلحون مجهولون قياديا سابقا في فصائل المعارضة في جاسم", "جاسم", "SY", "Dar'a"),
        ("وفي الحراك، أطلق مسلحون النار على حاجز للأمن العسكري", "الحراك", "SY", "Dar'a"),
        ("صنعاء - قتل ثلاثة جنود في هجوم بعبوة ناسفة في إب وسط البلاد", "إب", "YE", "Ibb"),
        (
            "تصاعدت المواجهات بين القوات الحكومية والحوثيين قرب الحزم مركز محافظة الجوف",
            "الحزم",
            "YE",
            "Al Jawf",
        ),
        ("بنغازي - اندلعت اشتباكات عنيفة بين مجموعتين مسلحتين في القبة شرق البلاد", "القبة", "LY", "Derna"),
        ("ضبطت أجهزة الأمن ورشة لتصنيع الأسلحة في المنزلة بمحافظة الدقهلية", "المنزلة", "EG", "Dakahlia"),
        ("لقي شخصان مصرعهما وأصيب ثلاثة آخرون في تبادل لإطلاق النار بالصف", "الصف", "EG", "Giza"),
        ("نظم عمال شركة الغزل وقفة احتجاجية في العبور للمطالبة بصرف رواتبهم", "العبور", "EG", "Qalyubia"),
        ("قتل مجند وأصيب اثنان في هجوم على كمين للشرطة في الحمام غرب مطروح", "الحمام", "EG", "Matrouh"),
        ("قصفت طائرات التحالف مواقع لتنظيم الدولة في الثورة جنوب غرب الرقة", "الثورة", "SY", "Ar-Raqqa"),
        ("سيطرت فصائل درع الفرات على الباب شمال شرق حلب بعد معارك عنيفة", "الباب", "SY", "Aleppo"),
        (
            "استهدف هجوم انتحاري كمينا عسكريا بالقرب من العريش وآخر في الشهداء بالمنوفية",
            "الشهداء",
            "EG",
            "Monufia",
        ),
    ],
)
def test_common_word_towns_after_a_locative_frame(
    geo: Geocoder, text: str, word: str, cc: str, admin1: str
) -> None:
    found = _at(geo, text, word, cc)
    assert found and found[0][1:] == (cc, admin1), found


def test_report_country_from_the_text_licenses_too(geo: Geocoder) -> None:
    """Without a hint, the country comes from the report's other places (درعا), never from the
    licensed word itself."""
    text = "درعا - قتل عنصران من قوات النظام بهجوم مسلح في جاسم بريف المحافظة الشمالي"
    assert [p.name for p in geo.find_places(text) if p.text == "جاسم"] == ["Jasim"]
    assert geo.find_places("وقع الانفجار في الباب") == []


def test_new_cairo_has_its_governorate(geo: Geocoder) -> None:
    """GeoNames files one New Cairo record with no admin-1 ("00"); the build gives it Cairo's."""
    by_ref = {e.ref: e for e in geo.gaz.entries}
    assert geo.gaz.admin_name("EG", by_ref["geonames:8134081"].admin1) == "Cairo"
    place = geo.locate("القاهرة - أصيب أربعة أشخاص في انفجار أسطوانة غاز في القاهرة الجديدة", [(10, 70)])
    assert place is not None and place.admin1 == "Cairo"


# --------------------------------------------------------------------------------- negatives
@pytest.mark.parametrize(
    ("text", "word", "cc"),
    [
        ("قرر المجلس فتح الباب أمام المستثمرين الأجانب للمشاركة في المشروع", "الباب", "SY"),
        ("خرج المسلح من الباب الخلفي للمبنى قبل وصول الشرطة", "الباب", "SY"),
        ("عثر على جثة رجل في الحمام داخل شقته بمدينة نصر", "الحمام", "EG"),
        ("توفي طفل اختناقا بالغاز في الحمام", "الحمام", "EG"),
        ("الجديد في القضية أن النيابة استدعت ثلاثة شهود", "الجديد", "LY"),
        ("رست سفينة المساعدات على الساحل قرب اللاذقية", "الساحل", "SY"),
        ("في الساحل الشمالي تتواصل الاستعدادات لموسم الصيف", "الساحل", "EG"),
        ("شارك الآلاف في الثورة ضد النظام قبل عشر سنوات", "الثورة", "SY"),
        ("سقط المزيد من الشهداء في القصف على غزة", "الشهداء", "EG"),
        ("وقع انفجار في المنشأة النووية صباح اليوم", "المنشأة", "EG"),
        ("يعيش معظم السكان في الطبقة الوسطى من المجتمع", "الطبقة", "SY"),
        ("شارك الطلاب في الحراك الشعبي ضد الغلاء", "الحراك", "SY"),
        ("عثر على جثة طفل غرق في بركة ماء قرب أربيل", "بركة", "IQ"),
        ("قال الوزير في حديثه للصحفيين إن الوضع الأمني مستقر", "حديثه", "IQ"),
        ("وقالت وزارة الداخلية في بيان إن الحادث وقع فجر اليوم", "بيان", "KW"),
        ("نشر الجيش في صور التقطها الجنود مشاهد الدمار", "صور", "LB"),
        ("يعيش اللاجئون في أمان بعد وصولهم إلى المخيم", "أمان", "JO"),
        # a weak frame (على) needs an anchor: at the door, on the coast
        ("طرق المسلحون على الباب قبل اقتحام المنزل", "الباب", "SY"),
        ("انتشرت قوات خفر السواحل على الساحل لمنع الهجرة", "الساحل", "EG"),
        # ب before an indefinite noun makes an adverb; a direction word before "the country"
        ("وأكد المتحدث أن الأعمال الإرهابية يتم التعامل معها بحزم", "بحزم", "YE"),
        ("نزح آلاف السكان من القرى الواقعة غربي البلد", "البلد", "IQ"),
        # a listed town written otherwise (without its article); a spelling of the common word
        ("ألقت قوات الأمن القبض على المتهم في منزله بمدينة الصف", "منزله", "EG"),
        ("ارتفع عدد المهاجرين بنسبة 85 بالمائة هذا العام", "بالمائة", "LY"),
        ("انطلقت جولة المشاورات في آب/أغسطس الماضي", "آب", "YE"),
        # a hashtag joins the words of one name: باب المندب is a strait, not Al-Bab
        ("تعهد التحالف بضمان الملاحة في #باب_المندب", "باب", "SY"),
        # the right frame, the wrong report country: Al-Bab is Syrian, the report Iraqi
        ("انفجرت عبوة ناسفة في الباب الرئيسي لمبنى المحافظة في الموصل", "الباب", "IQ"),
        ("وقع الانفجار في الباب", "الباب", "IQ"),
    ],
)
def test_the_same_words_as_common_nouns(geo: Geocoder, text: str, word: str, cc: str) -> None:
    assert _at(geo, text, word, cc) == []


def test_match_cache_is_hint_independent(geo: Geocoder) -> None:
    """Matching is cached per text; the report country decides later, per call."""
    text = "انفجرت سيارة مفخخة في الباب وقتل خمسة مدنيين"
    assert _at(geo, text, "الباب", "SY") == [("Al Bab", "SY", "Aleppo")]
    assert _at(geo, text, "الباب", "IQ") == []
    assert _at(geo, text, "الباب", None) == []
    assert _at(geo, text, "الباب", "SY") == [("Al Bab", "SY", "Aleppo")]
