"""The reviewed geo data files: they validate, and every example in them does what it says."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.geo import data as geodata
from marsad.geo import get_geocoder
from marsad.geo.data import (
    DataFileError,
    load_admin1_table,
    load_capitals,
    load_countries,
    load_cues,
    load_names_en,
    load_names_extra,
    load_regions,
)
from marsad.geo.geocoder import Geocoder
from marsad.geo.keys import name_key


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return get_geocoder()


def test_files_load_and_validate() -> None:
    assert len(load_countries()) >= 60
    assert len(load_admin1_table()) >= 250
    kinds = {c.kind for c in load_cues()}
    assert kinds == {"type", "dual", "plural", "mod", "stop", "part", "territory", "person"}
    assert load_names_extra()
    assert len(load_names_en()) >= 50


def test_validator_reports_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "cues.tsv").write_text("type\tمحافظة\tadmin9\tقتل شخصان في محافظة كركوك\n", encoding="utf-8")
    monkeypatch.setattr(geodata, "data_dir", lambda: tmp_path)
    load_cues.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"cues.tsv:1: unknown type value"):
            load_cues()
        (tmp_path / "cues.tsv").write_text("mod\tجنوب\tbefore\n", encoding="utf-8")
        load_cues.cache_clear()
        with pytest.raises(DataFileError, match=r"cues.tsv:1: expected 4"):
            load_cues()
    finally:
        load_cues.cache_clear()


@pytest.mark.parametrize("row", list(load_countries().values()), ids=lambda r: r.cc)
def test_country_examples(geo: Geocoder, row: geodata.CountryRow) -> None:
    places = geo.find_places(row.example, country_hint=row.cc)
    assert any(p.country_code == row.cc and p.feature == "country" for p in places), row.example


CUES = load_cues()


@pytest.mark.parametrize("cue", [c for c in CUES if c.kind == "type"], ids=lambda c: c.word)
def test_type_word_examples(geo: Geocoder, cue: geodata.Cue) -> None:
    at = cue.example.index(cue.word) + len(cue.word)
    places = geo.find_places(cue.example)
    assert any(p.start >= at for p in places), f"no place after {cue.word}: {cue.example}"


@pytest.mark.parametrize("cue", [c for c in CUES if c.kind == "mod"], ids=lambda c: c.word)
def test_modifier_examples(geo: Geocoder, cue: geodata.Cue) -> None:
    place = geo.locate(cue.example, [(0, len(cue.example))])
    assert place is not None and place.geo_precision >= 2, cue.example


@pytest.mark.parametrize("cue", [c for c in CUES if c.kind == "stop"], ids=lambda c: c.word)
def test_stop_examples(geo: Geocoder, cue: geodata.Cue) -> None:
    start = cue.example.index(cue.word)
    end = start + len(cue.word)
    for p in geo.find_places(cue.example):
        assert not (p.start < end and p.end > start), f"{cue.word} taken for {p.name}"


@pytest.mark.parametrize("cue", [c for c in CUES if c.kind == "part"], ids=lambda c: c.word)
def test_particle_examples(geo: Geocoder, cue: geodata.Cue) -> None:
    # "قرية البو خليل …": the unlisted village is placed at the known unit named after it.
    place = geo.locate(cue.example, [(0, len(cue.example))])
    assert place is not None and place.geo_precision >= 2
    assert name_key(cue.word) not in name_key(place.text)


def test_every_admin1_row_resolves_with_its_type_word(geo: Geocoder) -> None:
    missing = []
    placed = {(e.cc, e.name) for e in geo.gaz.entries if e.feature == "admin1"}
    rows = [r for r in load_admin1_table() if (r.cc, r.name) in placed]
    # A unit is only placed when GeoNames has a town in it to stand for its capital.
    assert len(rows) >= len(load_admin1_table()) - 3
    for row in rows:
        places = geo.find_places(f"قتل شخصان في محافظة {row.names_ar[0]}", country_hint=row.cc)
        if not places or places[0].admin1 != row.name or places[0].country_code != row.cc:
            missing.append((row.cc, row.name, [(p.name, p.country_code, p.admin1) for p in places]))
    assert missing == []


def test_shipped_gazetteer_reflects_the_data_files(geo: Geocoder) -> None:
    """Editing a TSV without re-running scripts/build_gazetteer.py fails here."""
    by_ref = {e.ref: e for e in geo.gaz.entries}
    for ref, name in load_names_en().items():
        assert ref in by_ref and by_ref[ref].name == name, ref
    countries = {e.cc: e for e in geo.gaz.entries if e.feature == "country"}
    for cc, row in load_countries().items():
        assert countries[cc].name == row.name
        for ar in row.names_ar:
            assert name_key(ar) in geo.gaz.index, ar
    for _cc, _gname, names in load_names_extra():
        for ar in names:
            assert name_key(ar) in geo.gaz.index, ar
    regions = {e.ref: e for e in geo.gaz.entries if e.ref.startswith("region:")}
    assert {(e.cc, e.name) for e in regions.values()} == {(r.cc, r.name) for r in load_regions()}
    for row in load_admin1_table():
        if (row.cc, row.code) in geo.gaz.admin_names:
            assert geo.gaz.admin_names[(row.cc, row.code)][0] == row.name


def test_region_level_places_sit_at_their_capital(geo: Geocoder) -> None:
    from marsad.geo.geocoder import haversine_km

    checked = 0
    for row in load_admin1_table():
        if row.capital is None:
            continue
        region = geo.find_places(f"قتل شخصان في محافظة {row.names_ar[0]}", country_hint=row.cc)[0]
        town = geo.find_places(f"قتل شخصان في مدينة {row.capital}", country_hint=row.cc)[0]
        assert region.geo_precision == 3
        assert haversine_km(region.latitude, region.longitude, town.latitude, town.longitude) < 1, row.name
        checked += 1
    assert checked >= 60


@pytest.mark.parametrize("cue", [c for c in CUES if c.kind == "territory"], ids=lambda c: c.word)
def test_territory_examples(geo: Geocoder, cue: geodata.Cue) -> None:
    # "داخل الأراضي السورية": the country adjective after the word is the country, as a place
    at = cue.example.index(cue.word) + len(cue.word)
    places = geo.find_places(cue.example)
    assert any(p.feature == "country" and p.start >= at for p in places), cue.example


@pytest.mark.parametrize("cue", [c for c in CUES if c.kind == "person"], ids=lambda c: c.word)
def test_person_examples(geo: Geocoder, cue: geodata.Cue) -> None:
    # "يدعى عمران": the name right after the word is a person's, whatever town shares it
    at = cue.example.index(cue.word) + len(cue.word)
    nxt = cue.example[at:].split()[0]
    assert geo.find_places(cue.example.replace(cue.word + " ", "في مدينة ")), (
        cue.example
    )  # the name is a town
    assert not any(at <= p.start < at + 1 + len(nxt) for p in geo.find_places(cue.example)), cue.example


def test_a_country_adjective_elsewhere_stays_a_reference(geo: Geocoder) -> None:
    assert geo.find_places("قال الجيش السوري إن الهجوم فشل") == []


@pytest.mark.parametrize("row", load_regions(), ids=lambda r: r.name)
def test_region_examples(geo: Geocoder, row: geodata.RegionRow) -> None:
    """A named region (الغوطة الشرقية) is found as itself in its governorate at precision 2, a town at 1."""
    places = geo.find_places(row.example, country_hint=row.cc)
    hit = [p for p in places if p.name == row.name]
    assert hit, (row.example, [p.name for p in places])
    assert hit[0].geo_precision == (2 if row.kind == "region" else 1)
    assert hit[0].admin1 == geo.gaz.admin_name(row.cc, row.admin1)


@pytest.mark.parametrize("row", load_capitals(), ids=lambda r: r[0])
def test_capital_examples(geo: Geocoder, row: tuple[str, str, str]) -> None:
    """ "وسط العاصمة العراقية" with no name after it is the capital itself, at town precision."""
    cc, name, example = row
    places = geo.find_places(example)
    assert [(p.country_code, p.name, p.geo_precision) for p in places] == [(cc, name, 1)], example


def test_a_capital_named_after_its_adjective_is_found_once(geo: Geocoder) -> None:
    places = geo.find_places("انفجار في العاصمة العراقية بغداد صباح اليوم")
    assert [p.name for p in places] == ["Baghdad"]
