"""Dates: every data-file example (anchor 2021-09-07), explicit/numeric/Hijri, relative rules."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.text.dates import find_dates, hijri_to_gregorian, load_rows

ANCHOR = date(2021, 9, 7)  # a Tuesday


@pytest.mark.parametrize("row", load_rows(), ids=lambda r: r[0])
def test_every_data_example(row) -> None:
    _word, _kind, _value, example, expected = row
    found = find_dates(example, None, ANCHOR)
    if expected == "none":  # a word that makes the date word something else ("اليوم العالمي")
        assert found == [], example
        return
    assert found, example
    assert f"{found[0].value.isoformat()} {found[0].precision}" == expected


def _d(text: str, anchor: date | None = ANCHOR) -> list[tuple[str, str, str]]:
    return [(text[m.start : m.end], m.value.isoformat(), m.precision) for m in find_dates(text, None, anchor)]


def test_explicit_forms() -> None:
    text = "وقع في 12 مايو/أيار 2013 ثم في نوفمبر/تشرين الثاني 2016 وفي 2021-09-05 و5/9/2021 والأحد 5 أيلول سبتمبر 2021"
    assert _d(text, None) == [
        ("12 مايو/أيار 2013", "2013-05-12", "day"),
        ("نوفمبر/تشرين الثاني 2016", "2016-11-01", "month"),
        ("2021-09-05", "2021-09-05", "day"),
        ("5/9/2021", "2021-09-05", "day"),
        ("الأحد 5 أيلول سبتمبر 2021", "2021-09-05", "day"),
    ]


def test_relative_needs_anchor_and_year_is_inferred() -> None:
    text = "قتل أمس جندي، وفي 30 ديسمبر قتل آخر، والأحد المقبل انتخابات"
    assert _d(text, None) == []
    assert _d(text) == [
        ("أمس", "2021-09-06", "day"),
        ("30 ديسمبر", "2020-12-30", "day"),  # more than 30 days ahead of the anchor: last year
        ("الأحد المقبل", "2021-09-12", "day"),
    ]


def test_night_before_and_weekday_on_anchor() -> None:
    assert _d("ليلة الثلاثاء") == [("ليلة الثلاثاء", "2021-09-06", "day")]
    assert _d("الثلاثاء") == [("الثلاثاء", "2021-09-07", "day")]
    assert _d("ليل الثلاثاء") == [("ليل الثلاثاء", "2021-09-07", "day")]


def test_a_weekday_before_last_is_a_week_before_the_most_recent_one() -> None:
    assert _d("وانفجرت عبوة الأحد قبل الماضي") == [("الأحد قبل الماضي", "2021-08-29", "day")]
    assert _d("والأحد الماضي") == [("الأحد الماضي", "2021-09-05", "day")]


def test_hijri_tabular() -> None:
    assert hijri_to_gregorian(1439, 10, 1) == date(2018, 6, 15)  # Eid al-Fitr 1439 (tabular)
    assert _d("في 10 ذي الحجة 1443 هـ") == [("10 ذي الحجة 1443 هـ", "2022-07-10", "day")]


def test_month_with_direction() -> None:
    text = "في أيلول الماضي وفي مارس الماضي وفي ديسمبر المقبل ومنتصف آب الجاري وليلة الجمعة الماضية"
    assert _d(text) == [
        ("أيلول الماضي", "2020-09-01", "month"),
        ("مارس الماضي", "2021-03-01", "month"),
        ("ديسمبر المقبل", "2021-12-01", "month"),
        ("منتصف آب الجاري", "2021-08-01", "month"),
        ("ليلة الجمعة الماضية", "2021-09-02", "day"),
    ]


def test_an_ordinal_day_written_with_the_article() -> None:
    # "الـ13 من أبريل": the article (and a tatweel) before the digits, as agencies write it
    assert _d("وقعت الضربات في الـ13 من آب الماضي") == [("13 من آب", "2021-08-13", "day")]
    assert _d("منذ الـ30 من الشهر الماضي") == [("30 من الشهر الماضي", "2021-08-30", "day")]


def test_a_month_alone_where_a_sentence_or_clause_opens() -> None:
    # the most recent such month; none for the anchor's own month; none inside a clause, where it
    # may date only what that clause tells ("اتهمها بالتورط في هجوم في تموز")
    text = "وفي تشرين الثاني، هاجم مسلحون قرية.\nففي مايو/أيار قتل جندي، وفي أيلول وصل الوفد."
    assert _d(text) == [("تشرين الثاني", "2020-11-01", "month"), ("مايو/أيار", "2021-05-01", "month")]
    assert _d("قالت الشرطة إنها قتلت ثلاثة اتهمتهم بالتورط في هجوم في تموز على حاجز.") == []
    assert _d("خلال شهر آب، تظاهر المئات.") == [("شهر آب", "2021-08-01", "month")]


def test_a_weekday_naming_the_newsroom_s_today_in_a_late_utc_report() -> None:
    from datetime import datetime

    from marsad.model import Document
    from marsad.text.analyze import analyze_document

    text = "قال الرئيس، الثلاثاء، إن بلاده سترد على الهجوم."
    late = analyze_document(
        Document(id="late", text=text, published=datetime.fromisoformat("2018-04-09T22:38:00+00:00"))
    )
    assert [d.value for d in late.dates] == [date(2018, 4, 9)]  # Tuesday local, Monday UTC: not April 3
    noon = analyze_document(
        Document(id="noon", text=text, published=datetime.fromisoformat("2018-04-09T12:38:00+00:00"))
    )
    assert [d.value for d in noon.dates] == [date(2018, 4, 3)]
    own = analyze_document(
        Document(id="own", text=text, published=datetime.fromisoformat("2018-04-09T22:38:00+04:00"))
    )
    assert [d.value for d in own.dates] == [date(2018, 4, 3)]  # a local time is read as written


def test_a_day_in_digits_of_this_or_last_month() -> None:
    # "في 25 من الشهر الجاري" names a day as the ordinal words do ("في العاشر من الشهر الجاري")
    assert _d("قتلت الناشطة في 3 من الشهر الجاري بإطلاق نار.") == [("3 من الشهر الجاري", "2021-09-03", "day")]
    assert _d("وقع الهجوم في 28 من الشهر الماضي.") == [("28 من الشهر الماضي", "2021-08-28", "day")]
    assert _d("وقع الهجوم في 3 من شهر مايو 2019.") == [("3 من شهر مايو 2019", "2019-05-03", "day")]
    # a count of people is no day
    assert _d("قتل 12 من الجنود في الهجوم.") == []


def test_a_day_named_by_its_offset_and_its_weekday_is_the_weekday() -> None:
    # stamped Sunday 00:47 UTC, written on Saturday: "اليوم السبت" is Saturday, one date and one mention
    sunday = date(2018, 2, 25)
    (found,) = find_dates("قتل خمسة أشخاص في هجوم انتحاري اليوم السبت على مقر أمني.", None, sunday)
    assert (found.text, found.value) == ("اليوم السبت", date(2018, 2, 24))
    (found,) = find_dates("تظاهر المئات صباح أمس الجمعة أمام البرلمان.", None, sunday)
    assert found.value == date(2018, 2, 23)
    # too far apart to be one day told twice: both stay, each with its own value
    assert len(find_dates("قال اليوم إن الهجوم وقع الأربعاء الماضي.", None, sunday)) == 2
