"""The compiled gazetteer, loaded into memory once per process.

`gazetteer.sqlite` (built by scripts/build_gazetteer.py) stores entries and their RAW Arabic names;
keys are computed here, at load, with `marsad.geo.keys.name_key`, so the shipped file can never go
stale against the matching code. Everything the geocoder needs per look-up is then a dict access.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError
from marsad.geo.data import data_dir
from marsad.geo.keys import joined_key, name_key
from marsad.geo.translit import latin_skeleton

log = logging.getLogger(__name__)

FEATURE_RANK = {"populated_place": 0, "admin3": 1, "admin2": 2, "admin1": 3, "country": 4}


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    feature: str
    name: str
    name_ar: str
    cc: str
    admin1: str | None
    admin2: str | None
    admin3: str | None
    lat: float
    lon: float
    population: int
    ref: str


@dataclass
class Gazetteer:
    entries: list[Entry]
    index: dict[str, tuple[int, ...]]  # name key -> entry ids
    max_words: int
    admin_names: dict[tuple[str, str], tuple[str, str | None]]  # (cc, code) -> (name, name_ar)
    countries: dict[str, tuple[str, int | None, str | None]]  # cc -> (name, iso numeric, name_ar)
    fuzzy_keys: dict[int, list[str]] = field(default_factory=dict)  # length -> one-word keys
    skeletons: dict[str, tuple[int, ...]] = field(default_factory=dict)  # Latin-name skeleton -> ids
    # (cc, admin-1 code) -> the region's middle (lat, lon): its representative point for map-point
    # scoring, NOT where an event is placed (ACLED: at the region's capital, the entry's own point).
    centres: dict[tuple[str, str], tuple[float, float]] = field(default_factory=dict)
    path: Path | None = None
    load_seconds: float = 0.0

    def admin_name(self, cc: str, code: str | None) -> str | None:
        if code is None:
            return None
        got = self.admin_names.get((cc, code))
        return got[0] if got else None

    def country_name(self, cc: str) -> str:
        got = self.countries.get(cc)
        return got[0] if got else cc

    def country_iso(self, cc: str) -> int | None:
        got = self.countries.get(cc)
        return got[1] if got else None


def default_path() -> Path:
    return data_dir() / "gazetteer.sqlite"


def load(path: Path | None = None) -> Gazetteer:
    path = path or default_path()
    if not path.exists():
        raise ConfigError(f"gazetteer not found at {path}; run scripts/build_gazetteer.py")
    t0 = time.perf_counter()
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        entries = [Entry(*row) for row in db.execute("SELECT * FROM entry ORDER BY id")]
        names: dict[str, set[int]] = defaultdict(set)
        for eid, name in db.execute("SELECT entry, name FROM name"):
            key = name_key(name)
            if key:
                names[key].add(eid)
            jk = joined_key(name)
            if jk and len(jk) >= 6:
                names[jk].add(eid)
        admin_names = {(cc, code): (nm, ar) for cc, code, _lvl, nm, ar in db.execute("SELECT * FROM admin")}
        countries = {cc: (nm, iso, ar) for cc, iso, nm, ar in db.execute("SELECT * FROM country")}
        centres = {(cc, code): (lat, lon) for cc, code, lat, lon in db.execute("SELECT * FROM centre")}
        skel: dict[str, set[int]] = defaultdict(set)
        for eid, name in db.execute("SELECT entry, name FROM latin"):
            sk = latin_skeleton(name, entries[eid].cc).replace(" ", "")
            if len(sk) >= 3:
                skel[sk].add(eid)
    finally:
        db.close()
    index = {k: tuple(sorted(v)) for k, v in names.items()}
    fuzzy: dict[int, list[str]] = defaultdict(list)
    for k in index:
        if " " not in k and len(k) >= 5:
            fuzzy[len(k)].append(k)
    gaz = Gazetteer(
        entries=entries,
        index=index,
        max_words=max(k.count(" ") + 1 for k in index),
        admin_names=admin_names,
        countries=countries,
        fuzzy_keys=dict(fuzzy),
        skeletons={k: tuple(sorted(v)) for k, v in skel.items()},
        centres=centres,
        path=path,
    )
    gaz.load_seconds = time.perf_counter() - t0
    log.info("gazetteer %s: %d entries, %d keys in %.2fs", path, len(entries), len(index), gaz.load_seconds)
    return gaz


def polygons(path: Path | None = None) -> list[tuple[str, int, Any]]:
    """(pcode, level, shapely geometry) of the shipped Iraq polygons (loaded on demand)."""
    import shapely

    db = sqlite3.connect(f"file:{path or default_path()}?mode=ro", uri=True)
    try:
        return [(p, lvl, shapely.from_wkb(w)) for p, lvl, w in db.execute("SELECT * FROM polygon")]
    finally:
        db.close()
