"""A whole agency-style report (written for this test): one location per incident."""

from __future__ import annotations

from pathlib import Path

from marsad.geo import get_geocoder

REPORT = (Path(__file__).parent / "fixtures" / "report-kirkuk-diyala.txt").read_text(encoding="utf-8")


def sentence_of(phrase: str) -> tuple[int, int]:
    i = REPORT.index(phrase)
    start = REPORT.rfind("\n", 0, i) + 1
    end = REPORT.find("\n", i)
    return start, end if end > 0 else len(REPORT)


def test_report_country_from_dateline() -> None:
    assert get_geocoder().country_of(REPORT) == "IQ"


def test_unlisted_area_placed_at_its_district() -> None:
    # "منطقة السعدونية التابعة لقضاء الحويجة": السعدونية is not in the gazetteer, Hawija is.
    place = get_geocoder().locate(REPORT, [sentence_of("نقطة تفتيش")])
    assert place is not None
    assert place.admin1 == "Kirkuk" and place.admin2 == "Al-Hawiga"
    assert place.geo_precision == 2
    assert REPORT[place.start : place.end] == place.text


def test_near_a_subdistrict_gives_precision_2() -> None:
    place = get_geocoder().locate(REPORT, [sentence_of("عبوة ناسفة على طريق زراعي")])
    assert place is not None and place.admin1 == "Diyala" and place.geo_precision == 2
    assert "العظيم" in place.text


def test_region_only_incident() -> None:
    # Air strikes on the Hamrin mountains between two governorates: no town, a region.
    place = get_geocoder().locate(REPORT, [sentence_of("غارتين")])
    assert place is not None and place.admin1 in ("Salah al-Din", "Diyala")
    assert place.geo_precision >= 2


def test_unknown_village_keeps_the_known_subdistrict() -> None:
    place = get_geocoder().locate(REPORT, [sentence_of("قرية البو عيثة")])
    assert place is not None and place.admin1 == "Kirkuk" and place.geo_precision == 2
    assert "الرشاد" in place.text
