"""Loaders and validators for the reviewed geographic data files in `marsad/data/geo/`.

- countries.tsv: ISO2, ISO numeric, ACLED English name, Arabic names, example.
- admin1.tsv: ISO2, admin-1 code, ACLED English name, Arabic names.
- cues.tsv: type words (محافظة، قضاء …), precision-2 modifiers (جنوب، قرب، ريف …) and stop words
  (common words that are also names of places), each with an example phrase the tests run.
- nisba.tsv: country adjectives/demonyms (هندي، البورمي، الأتراك): references to a country, not places.
- ambiguous.tsv: names with readings in several countries (عمان: Oman / Amman) and their cue words.
- pointed.tsv: spellings of those names with vowel marks that select one reading (عمّان: Amman).
- licence.tsv: the context (locative frame, report country) in which a town name that is also a
  common word counts as the town without a type word (في جاسم، بالمنزلة).

Every loader validates as it reads and raises `DataFileError` with the file and line, so a bad
edit fails loudly at load (and in the tests) instead of silently changing results.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from marsad.geo.keys import WORD_RE

FEATURES_OF_TYPE = {
    "admin1": "admin1",
    "admin2": "admin2",
    "admin3": "admin3",
    "city": "populated_place",
    "capital": "populated_place",  # العاصمة: a city, but "عاصمة الدولة" names no place
    "town": "populated_place",
    "village": "populated_place",
    "district": "populated_place",
    "area": "any",
    "camp": "populated_place",
    "poi": "populated_place",
}


class DataFileError(ValueError):
    """A geo data file breaks its format."""


def data_dir() -> Path:
    return Path(str(resources.files("marsad") / "data" / "geo"))


def _rows(name: str, ncols: int) -> list[tuple[int, list[str]]]:
    path = data_dir() / name
    out = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != ncols:
            raise DataFileError(f"{name}:{lineno}: expected {ncols} tab-separated columns, got {len(cols)}")
        if any(not c.strip() for c in cols):
            raise DataFileError(f"{name}:{lineno}: empty column")
        out.append((lineno, [c.strip() for c in cols]))
    return out


def _arabic_forms(name: str, lineno: int, field: str) -> tuple[str, ...]:
    forms = tuple(f.strip() for f in field.split("|"))
    for f in forms:
        if not f or not WORD_RE.fullmatch(f.replace(" ", "").replace("-", "")):
            raise DataFileError(f"{name}:{lineno}: {f!r} is not an Arabic name")
    return forms


@dataclass(frozen=True, slots=True)
class CountryRow:
    cc: str
    iso: int
    name: str
    names_ar: tuple[str, ...]
    example: str
    focus: bool = True  # a country the project reads news about (full prior for its places)


@dataclass(frozen=True, slots=True)
class NisbaRow:
    cc: str
    forms: tuple[str, ...]  # as written in the file (masculine singular, or a broken plural)
    example: str


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of an ambiguous name: its country and the cue words that select it."""

    name: str
    cc: str
    cues: tuple[str, ...]
    example: str


@dataclass(frozen=True, slots=True)
class Admin1Row:
    cc: str
    code: str
    name: str
    names_ar: tuple[str, ...]
    capital: str | None = None  # Arabic name of the town region-level events are placed at


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str  # "type", "dual", "plural", "mod", "stop", "part", "territory", "person"
    word: str
    value: str
    example: str


@cache
def load_countries() -> dict[str, CountryRow]:
    out: dict[str, CountryRow] = {}
    for lineno, (cc, iso, name, ar, example, scope) in _rows("countries.tsv", 6):
        if len(cc) != 2 or not cc.isupper() or cc in out:
            raise DataFileError(f"countries.tsv:{lineno}: bad or duplicate ISO2 code {cc!r}")
        if not iso.isdigit():
            raise DataFileError(f"countries.tsv:{lineno}: ISO numeric must be digits")
        if scope not in ("focus", "world"):
            raise DataFileError(f"countries.tsv:{lineno}: scope is 'focus' or 'world'")
        forms = _arabic_forms("countries.tsv", lineno, ar)
        out[cc] = CountryRow(cc, int(iso), name, forms, example, scope == "focus")
    return out


def focus_countries() -> frozenset[str]:
    """Countries the project reads news about (places elsewhere get a lower prior)."""
    return frozenset(cc for cc, row in load_countries().items() if row.focus)


def nisba_forms(form: str) -> tuple[str, ...]:
    """A nisba and its inflections: هندي → هندية، هنديون، هنديين، هنديتين، هنديتان (each word in ي)."""
    words = form.split()
    if not any(w.endswith("ي") for w in words):
        return (form,)
    out = [form]
    for suffix in ("ة", "ون", "ين", "تين", "تان"):
        out.append(" ".join(w + suffix if w.endswith("ي") else w for w in words))
    return tuple(out)


@cache
def load_nisba() -> tuple[NisbaRow, ...]:
    countries = load_countries()
    out = []
    for lineno, (cc, forms, example) in _rows("nisba.tsv", 3):
        if cc not in countries:
            raise DataFileError(f"nisba.tsv:{lineno}: {cc!r} is not in countries.tsv")
        out.append(NisbaRow(cc, _arabic_forms("nisba.tsv", lineno, forms), example))
    return tuple(out)


@cache
def load_ambiguous() -> tuple[Reading, ...]:
    countries = load_countries()
    out = []
    for lineno, (name, cc, cues, example) in _rows("ambiguous.tsv", 4):
        if cc not in countries:
            raise DataFileError(f"ambiguous.tsv:{lineno}: {cc!r} is not in countries.tsv")
        if name not in example:
            raise DataFileError(f"ambiguous.tsv:{lineno}: the example must contain the name")
        out.append(Reading(name, cc, _arabic_forms("ambiguous.tsv", lineno, cues), example))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class PointedRow:
    """An ambiguous name written with the marks of one reading ("عمّان" is Amman)."""

    spelling: str
    cc: str
    example: str


@cache
def load_pointed() -> tuple[PointedRow, ...]:
    names = {r.name for r in load_ambiguous()}
    countries = load_countries()
    out = []
    for lineno, (spelling, cc, example) in _rows("pointed.tsv", 3):
        if cc not in countries:
            raise DataFileError(f"pointed.tsv:{lineno}: {cc!r} is not in countries.tsv")
        bare = "".join(ch for ch in spelling if not "\u064b" <= ch <= "\u0652")
        if bare not in names or bare == spelling:
            raise DataFileError(
                f"pointed.tsv:{lineno}: {spelling!r} is not a name of ambiguous.tsv with marks"
            )
        if spelling not in example:
            raise DataFileError(f"pointed.tsv:{lineno}: the example must contain the spelling")
        out.append(PointedRow(spelling, cc, example))
    return tuple(out)


@cache
def load_admin1_table() -> tuple[Admin1Row, ...]:
    seen: set[tuple[str, str]] = set()
    out = []
    for lineno, (cc, code, name, ar, cap) in _rows("admin1.tsv", 5):
        if len(cc) != 2 or (cc, code) in seen:
            raise DataFileError(f"admin1.tsv:{lineno}: bad or duplicate code {cc}.{code}")
        seen.add((cc, code))
        capital = None if cap == "-" else _arabic_forms("admin1.tsv", lineno, cap)[0]
        out.append(Admin1Row(cc, code, name, _arabic_forms("admin1.tsv", lineno, ar), capital))
    return tuple(out)


@cache
def load_names_extra() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(ISO2, GeoNames name, Arabic names) for places GeoNames gives no Arabic name."""
    out = []
    for lineno, (cc, name, ar) in _rows("names_extra.tsv", 3):
        if len(cc) != 2:
            raise DataFileError(f"names_extra.tsv:{lineno}: bad ISO2 code {cc!r}")
        out.append((cc, name, _arabic_forms("names_extra.tsv", lineno, ar)))
    return tuple(out)


@cache
def load_names_en() -> dict[str, str]:
    """Gazetteer ref ("geonames:98182") -> English name in ACLED's spelling."""
    out: dict[str, str] = {}
    for lineno, (cc, ref, name, _gn) in _rows("names_en.tsv", 4):
        if len(cc) != 2 or not ref.startswith("geonames:") or ref in out:
            raise DataFileError(f"names_en.tsv:{lineno}: bad or duplicate ref {ref!r}")
        out[ref] = name
    return out


@cache
def load_capitals() -> tuple[tuple[str, str, str], ...]:
    """(ISO2, GeoNames name of the capital, example) rows of capitals.tsv."""
    out = []
    seen: set[str] = set()
    for lineno, (cc, name, example) in _rows("capitals.tsv", 3):
        if len(cc) != 2 or cc in seen:
            raise DataFileError(f"capitals.tsv:{lineno}: bad or duplicate country {cc!r}")
        if "العاصمة" not in example:
            raise DataFileError(f"capitals.tsv:{lineno}: the example must name the capital by its country")
        seen.add(cc)
        out.append((cc, name, example))
    return tuple(out)


@cache
def load_cues() -> tuple[Cue, ...]:
    out = []
    for lineno, (kind, word, value, example) in _rows("cues.tsv", 4):
        if kind not in ("type", "dual", "plural", "mod", "stop", "part", "territory", "person"):
            raise DataFileError(f"cues.tsv:{lineno}: unknown kind {kind!r}")
        if kind in ("type", "dual", "plural") and value not in FEATURES_OF_TYPE:
            raise DataFileError(f"cues.tsv:{lineno}: unknown type value {value!r}")
        if kind == "stop" and value not in ("-", "noart", "art", "never", "type", "number"):
            raise DataFileError(
                f"cues.tsv:{lineno}: a stop word's value is '-', 'noart', 'art', 'never', 'type' or 'number'"
            )
        if kind == "mod" and value not in ("before", "after"):
            raise DataFileError(f"cues.tsv:{lineno}: a modifier's value is 'before' or 'after'")
        if word not in example and kind != "stop":
            raise DataFileError(f"cues.tsv:{lineno}: the example must contain the word")
        out.append(Cue(kind, word, value, example))
    return tuple(out)


LICENCE_KINDS = {
    "frame": ("before", "weak", "clitic"),
    "free": ("-",),
    "spelling": ("-",),
    "town": ("frame", "anchor", "never"),
}


@dataclass(frozen=True, slots=True)
class LicenceRow:
    """licence.tsv: a locative frame, a word that may follow a name, or a common-word town's tier."""

    kind: str  # "frame", "free", "town"
    word: str
    value: str
    cc: str  # the report's country for the example
    example: str


@cache
def load_licence() -> tuple[LicenceRow, ...]:
    countries = load_countries()
    out = []
    for lineno, (kind, word, value, cc, example) in _rows("licence.tsv", 5):
        if kind not in LICENCE_KINDS:
            raise DataFileError(f"licence.tsv:{lineno}: unknown kind {kind!r}")
        if value not in LICENCE_KINDS[kind]:
            raise DataFileError(f"licence.tsv:{lineno}: a {kind} row's value is one of {LICENCE_KINDS[kind]}")
        if cc not in countries:
            raise DataFileError(f"licence.tsv:{lineno}: {cc!r} is not in countries.tsv")
        if word not in example and not (kind == "frame" and value == "clitic"):
            raise DataFileError(f"licence.tsv:{lineno}: the example must contain the word")
        _arabic_forms("licence.tsv", lineno, word)
        out.append(LicenceRow(kind, word, value, cc, example))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class RegionRow:
    """A named place GeoNames lacks: a region that is neither a settlement nor an admin unit
    (الغوطة الشرقية) or a small town (رأس لانوف)."""

    cc: str
    kind: str  # "region" or "town"
    name: str
    names_ar: tuple[str, ...]
    admin1: str
    lat: float
    lon: float
    example: str


@cache
def load_regions() -> tuple[RegionRow, ...]:
    out = []
    known = {(r.cc, r.code) for r in load_admin1_table()}
    for lineno, (cc, kind, name, ar, a1, lat, lon, example) in _rows("regions.tsv", 8):
        if kind not in ("region", "town"):
            raise DataFileError(f"regions.tsv:{lineno}: kind is 'region' or 'town'")
        if (cc, a1) not in known:
            raise DataFileError(f"regions.tsv:{lineno}: admin-1 {cc}.{a1} is not in admin1.tsv")
        try:
            la, lo = float(lat), float(lon)
        except ValueError:
            raise DataFileError(f"regions.tsv:{lineno}: latitude and longitude must be numbers") from None
        if not (-90 <= la <= 90 and -180 <= lo <= 180):
            raise DataFileError(f"regions.tsv:{lineno}: coordinates out of range")
        out.append(RegionRow(cc, kind, name, _arabic_forms("regions.tsv", lineno, ar), a1, la, lo, example))
    return tuple(out)
