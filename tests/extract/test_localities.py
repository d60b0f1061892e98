"""Localities the gazetteer does not hold: a village or area the text names right before the place it
lies in is a place of its own. The texts are written for these tests in agency style."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from marsad.extract import extract_events
from marsad.extract.localities import NOT_LOCALITIES, is_name, localities
from marsad.geo import get_geocoder
from marsad.geo.translit import romanize
from marsad.model import Document


def _localities(text: str) -> list[str]:
    places = sorted(get_geocoder().find_places(text), key=lambda p: p.start)
    return [p.name_ar for p in localities(places, text)]


ROUND_UP = (
    "صعدة - شنت مقاتلات التحالف العربي، صباح الأحد، غارات جوية على تجمعات للحوثيين في منطقة الوادي "
    "الأخضر بمديرية كتاف، ما أدى إلى مقتل خمسة من عناصر الجماعة.\n"
    "كما شنت المقاتلات غارتين على مخزن للأسلحة في قرية الشعبة التابعة لمديرية كتاف، وقالت مصادر "
    "محلية إن الغارتين أسفرتا عن مقتل ثلاثة مسلحين.\n"
)


def test_strikes_on_two_villages_of_one_district_are_two_events_placed_at_the_villages() -> None:
    # (one event of 8 dead at Kitaf before: the gazetteer holds neither village)
    events = extract_events(Document(id="r", text=ROUND_UP, published=datetime(2018, 6, 3, 12)))
    got = [(e.sub_event_type, e.admin1, e.location, e.fatalities, e.geo_precision) for e in events]
    assert got == [
        ("Air/drone strike", "Sa'dah", romanize("الوادي الأخضر"), 5, 2),
        ("Air/drone strike", "Sa'dah", romanize("الشعبة"), 3, 2),
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("قصفت المدفعية مواقع المسلحين في منطقة العطفين بمديرية كتاف.", ["العطفين"]),
        ("استهدفت الغارات منطقتي بني معاذ والمهاذر بمحافظة صعدة.", ["بني معاذ", "المهاذر"]),
        ("سقطت قذائف على منطقة الرزمة وقرن الخربة بمديرية المسراخ.", ["الرزمة", "قرن الخربة"]),
        ("انفجرت عبوة في قرية السويعية جنوب شرق البوكمال.", ["السويعية"]),
        ("قتل مدنيان بقصف على قرية عين الصفصاف في ريف حماة.", ["عين الصفصاف"]),
        # a front, a district, a mountain the gazetteer does not hold
        ("تقدمت القوات في جبهة حرض بمحافظة حجة.", ["حرض"]),
        ("قصفت الطائرات مواقع في مديرية الجبلية بمحافظة الحديدة.", ["الجبلية"]),
        ("انتشرت القوات في جبل الصفراء بمديرية كتاف.", ["الصفراء"]),
        # a name the gazetteer holds is its own place already; a country is no anchor
        ("انفجرت سيارة مفخخة في مدينة الرمادي بمحافظة الأنبار.", []),
        ("اشتبك الجنود مع مسلحين في منطقة حدودية في اليمن.", []),
        # a type word inside the words ("ببلدة"): two places, no one name
        ("قصفت الطائرات قرية الشجن ببلدة الجحبا شرقي مديرية الدريهمي.", []),
    ],
)
def test_localities_are_read_before_the_place_they_lie_in(text: str, names: list[str]) -> None:
    assert _localities(text) == names


def _rows() -> list[tuple[str, str]]:
    rows = []
    for raw in Path(NOT_LOCALITIES).read_text("utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            word, example = raw.split("\t")
            rows.append((word, example))
    return rows


@pytest.mark.parametrize(("word", "example"), _rows())
def test_every_word_that_names_no_locality_gives_none_in_its_example(word: str, example: str) -> None:
    assert word in example
    assert not is_name(word)
    assert not any(word in name for name in _localities(example))


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("العطفين", True),
        ("بني معاذ", True),
        ("عسكرية", False),
        ("خاضعة لسيطرة المسلحين", False),
        ("#بني_سويد", False),
    ],
)
def test_adjectives_and_tags_are_no_names(words: str, name: bool) -> None:
    assert is_name(words) is name


def test_a_quarter_is_named_after_its_city() -> None:
    text = "قتل مدني بقذيفة في حي الربيع بمدينة تعز."
    places = sorted(get_geocoder().find_places(text), key=lambda p: p.start)
    (quarter,) = localities(places, text)
    assert (quarter.name, quarter.admin1, quarter.geo_precision) == (
        f"Taiz - {romanize('الربيع')}",
        "Ta'izz",
        2,
    )


def test_romanize_spells_the_article_and_long_vowels() -> None:
    assert romanize("بني معاذ") == "Bni M'adh"
    assert romanize("المهاذر") == "Al-Mhadhr"
    assert romanize("وادي عبيدة") == "Wadi Bida"  # (an opening ع is not written)


RAID_ROUND_UP = (
    "صعدة - قصفت مدفعية الجيش اليمني، صباح الاثنين، مواقع للحوثيين في منطقة الحصامة بمديرية الظاهر، "
    "ودمرت آلية عسكرية تابعة للجماعة.\n"
    "كما استهدفت قوات التحالف العربي تجمعات لميليشيات الحوثي في منطقة آل شريف بمديرية الظاهر.\n"
)


def test_a_raid_with_both_sides_named_on_another_locality_is_an_event_of_its_own() -> None:
    # "كما استهدفت قوات التحالف ...": the forces right after a verb-first attack word struck (they are
    # no target), the group after them is the target; on another area of the district, another event
    events = extract_events(Document(id="r", text=RAID_ROUND_UP, published=datetime(2018, 5, 14, 12)))
    got = [(e.location, e.actor1, e.actor2) for e in events]
    assert got == [
        (romanize("الحصامة"), "Military Forces of Yemen (2012-)", "Houthis (Ansar Allah)"),
        (romanize("آل شريف"), "Operation Restoring Hope (Saudi-led Coalition)", "Houthis (Ansar Allah)"),
    ]


def test_a_raid_on_two_localities_named_by_a_dual_is_one_event_each() -> None:
    text = RAID_ROUND_UP.replace("في منطقة آل شريف", "في منطقتي آل شريف والمقاطرة")
    events = extract_events(Document(id="r", text=text, published=datetime(2018, 5, 14, 12)))
    assert [e.location for e in events] == [romanize("الحصامة"), romanize("آل شريف"), romanize("المقاطرة")]
