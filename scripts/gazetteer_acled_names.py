"""Propose ACLED spellings for gazetteer towns (e.g. GeoNames "Al Hillah" -> ACLED "Hilla").

Reads ACLED sample exports (CSV with LOCATION, LATITUDE, LONGITUDE; ../shared/data/acled-sample),
pairs each location with the gazetteer town within 1 km whose name is similar, and prints
`ISO2 <TAB> geonames:<id> <TAB> ACLED spelling <TAB> GeoNames name` lines. A reviewer keeps the
right ones in src/marsad/data/geo/names_en.tsv: only names are kept, never ACLED rows.

    .venv/bin/python scripts/gazetteer_acled_names.py ../shared/data/acled-sample/*.csv
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from rapidfuzz import fuzz  # noqa: E402

from marsad.geo import get_geocoder  # noqa: E402
from marsad.geo.geocoder import haversine_km  # noqa: E402


def simple(name: str) -> str:
    s = re.sub(r"\b(al|el|ad|ar|as|ash|at|az|an)\b[- ]?", "", name.lower())
    return re.sub(r"[^a-z]", "", s)


def main() -> None:
    geo = get_geocoder()
    towns = [e for e in geo.gaz.entries if e.feature == "populated_place" and e.ref.startswith("geonames:")]
    seen: dict[str, tuple[str, str, str, str]] = {}
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                loc = row["LOCATION"]
                if loc in seen or " - " in loc:  # "Baghdad - Karkh": district names, not towns
                    continue
                lat, lon = float(row["LATITUDE"]), float(row["LONGITUDE"])
                near = [e for e in towns if abs(e.lat - lat) < 0.05 and abs(e.lon - lon) < 0.05]
                near = [e for e in near if haversine_km(lat, lon, e.lat, e.lon) <= 1.0]
                if not near:
                    continue
                best = max(near, key=lambda e: fuzz.ratio(simple(e.name), simple(loc)))
                if best.name != loc and fuzz.ratio(simple(best.name), simple(loc)) >= 60:
                    seen[loc] = (best.cc, best.ref, loc, best.name)
    for cc, ref, loc, name in sorted(seen.values()):
        print(f"{cc}\t{ref}\t{loc}\t{name}")


if __name__ == "__main__":
    main()
