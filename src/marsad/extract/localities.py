"""Localities the gazetteer does not hold, placed by the place the text names right after them.

Round-ups of strikes and shelling name villages and areas by the dozen ("استهدفت الغارات منطقتي بني
معاذ والمهاذر بمحافظة صعدة"); the gazetteer holds towns of some hundreds of people and more, not
these. ACLED codes one event per location, so a locality the text names is a place of its own even
when its point is unknown: it takes the administrative units and the point of the place it is said to
lie in (its anchor: "بمحافظة صعدة", "التابعة لمديرية كتاف", "شرقي مدينة ..."), precision 2, and its
name as written. In a sentence that names both, the locality places the incident rather than its
anchor (`incidents.place_of`).

The words that follow a type word but name no place ("منطقة عسكرية", "منطقة خفض التصعيد") are
reviewed data: `data/extract/not_localities.tsv`.
"""

from __future__ import annotations

import re

from marsad.extract.frames import frame
from marsad.extract.lexicon import DATA_DIR, not_localities
from marsad.geo.translit import romanize
from marsad.model import Place
from marsad.text.normalize import normalize_key

_LOCALITY = frame("LOCALITY")
NOT_LOCALITIES = DATA_DIR / "not_localities.tsv"
# the characters before an anchor the frame reads: a type word, a name of up to three words, the link
WINDOW = 90
QUARTER = "حي"  # a city's quarter: named after its city, as the gazetteer names them ("Baghdad - Sadr City")
# "بني معاذ والمهاذر": two names joined by و (after a dual type word, "منطقتي", or a plain one)
_AND = re.compile(r"\s+و(?=\S)")
# a first word without the article ending in ة ("منطقة عسكرية", "منطقة خاضعة لسيطرة ..."), or a lone
# one ending in ي ("حي سكني"; not "بني معاذ"): an adjective, not a name
_ADJECTIVE = re.compile(r"^(?!ال)\S+[ةه](?:\s|$)|^(?!ال)\S+ي$")
# a type word inside the name ("قرية الشجن ببلدة الجحبا"), a bare و ("منطقة علاف و المهاذر") or a
# hashtag: two places or a tag, not one name
_NOT_ONE_NAME = re.compile(
    r"(?:^|\s)[وفبلك]{0,2}(?:منطقة|قرية|بلدة|مدينة|مديرية|محافظة|قبيلة|عزلة)|(?:^|\s)و(?:\s|$)|#"
)


def is_name(words: str) -> bool:
    """Whether the words after a type word can be a locality's name."""
    if _ADJECTIVE.match(words) or _NOT_ONE_NAME.search(words):
        return False
    stops = not_localities()
    # (a word may carry the conjunction: "وكلاهما")
    return not any(normalize_key(w) in stops or normalize_key(w[1:]) in stops for w in words.split())


def localities(places: list[Place], text: str) -> list[Place]:
    """The localities `text` names right before one of `places` (their anchors)."""
    found: list[Place] = []
    spans = [(p.start, p.end) for p in places]
    for anchor in places:
        if anchor.feature == "country":
            continue
        m = _LOCALITY.search(text, max(0, anchor.start - WINDOW), anchor.start)
        if m is None:
            continue
        names = _names(m.start("name"), m.group("name"))
        names = [
            (s, e) for s, e in names if is_name(text[s:e]) and not any(a < e and s < b for a, b in spans)
        ]
        quarter = m.group("kind") == QUARTER
        found += [_locality(s, e, text[s:e], anchor, quarter) for s, e in names]
    return found


def _town(p: Place) -> bool:
    """A settlement, not an administrative unit or another locality: the city a quarter is named after."""
    return p.feature not in ("country", "admin1", "admin2", "admin3", "locality")


def _names(start: int, words: str) -> list[tuple[int, int]]:
    """The spans of the names after the type word: two when و joins two ("منطقتي بني معاذ والمهاذر",
    "منطقة الرزمة وقرن الخربة"), else one ("وادي" is a word of a name, not و)."""
    cuts = [c for c in _AND.finditer(words) if not words.startswith("وادي", c.end() - 1)]
    if len(cuts) != 1:
        return [(start, start + len(words))]
    cut = cuts[0]
    return [(start, start + cut.start()), (start + cut.end(), start + len(words))]


def _locality(start: int, end: int, name: str, anchor: Place, quarter: bool = False) -> Place:
    # a governorate gives only its admin-1; a district its admin-2 too (its own name when the gazetteer
    # files a district as a region of its own); a town all it has
    admin2 = anchor.admin2 if anchor.feature != "admin1" else None
    if anchor.feature == "admin2" and admin2 is None:
        admin2 = anchor.name
    admin3 = anchor.admin3 if anchor.feature not in ("admin1", "admin2") else None
    return Place(
        start=start,
        end=end,
        text=name,
        name=f"{anchor.name} - {romanize(name)}" if quarter and _town(anchor) else romanize(name),
        name_ar=name,
        country=anchor.country,
        country_code=anchor.country_code,
        admin1=anchor.admin1,
        admin2=admin2,
        admin3=admin3,
        latitude=anchor.latitude,
        longitude=anchor.longitude,
        geo_precision=2,
        feature="locality",
        score=anchor.score,
    )
