"""Dates in Arabic reports: explicit, numeric, Hijri and relative to an anchor.

Names and relative words live in `data/text/dates.tsv`; the patterns below only arrange them.
Every mention has a precision (day, week, month, year) and `value` = the first day of the period.

Decisions (documented because reports are ambiguous):
- Ordinal days: "في الخامس من حزيران 2019", "في العاشر من الشهر الجاري" (precision day).
- Explicit dates: "5 أيلول 2021", the doubled forms "5 أيلول سبتمبر 2021" and "نوفمبر/تشرين
  الثاني 2016" (the first month name wins if the two disagree), an optional weekday before the
  day ("الاحد 5 أيلول سبتمبر 2021" is one mention). A day and month without a year take the
  anchor's year, or the year before when that would put the date more than 30 days after the anchor.
- Numeric: d/m/yyyy (Arab order, day first) and yyyy-mm-dd.
- Hijri: "10 ذي الحجة 1443 هـ", converted with the arithmetic (tabular, civil epoch) Islamic
  calendar: no table, no network; it can differ by a day or two from Umm al-Qura or a sighting.
- Years: "عام 2014"، "أواخر العام 2017" (precision year; مطلع/منتصف/أواخر are kept in the span but
  do not move the value: the period's first day, as for every coarse precision).
- A month name with الماضي/المقبل/الجاري ("في مايو الماضي") is that month of the right year
  (precision month; "الماضي" = the last such month BEFORE the anchor's month).
- Relative (only with an anchor): اليوم، أمس، أمس الأول، الليلة الماضية …; a weekday (with
  فجر/صباح/ظهر/عصر/مساء/يوم before it, or الماضي/المقبل after) is the most recent such day on or
  before the anchor (المقبل/القادم: the next one after it; "قبل الماضي": a week before the most
  recent one). "ليلة السبت" is, as in classical usage,
  the night that BEGINS on the eve of Saturday: the Friday; "ليل السبت" is Saturday itself.
  Weeks start on Saturday (the usual first day in Arab calendars): "الأسبوع الماضي" = the Saturday
  of the previous week, precision week. "الشهر الماضي/الجاري" month; "العام الماضي/الجاري" year.
- The anchor is the publication date; `marsad.text.analyze` falls back to the report's own
  caption/dateline/title date when there is none.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import ahocorasick

from marsad.model import DateMention, DatePrecision
from marsad.text.data import TextDataError, read_tsv
from marsad.text.keyscan import date_hits, digit_runs
from marsad.text.lexicon import PREFIXES
from marsad.text.normalize import NormalizedText, fold_pattern, normalize, normalize_key

COLUMNS = ["word", "kind", "value", "example", "expected"]
KINDS = frozenset(
    {
        "ordinal_day",
        "month",
        "hijri_month",
        "weekday",
        "day_offset",
        "period",
        "part",
        "daypart",
        "not_offset",
        "name",
    }
)
FUTURE_WORDS = ("المقبل", "القادم", "المقبله", "القادمه")
PAST_WORDS = ("الماضي", "المنصرم", "الفائت", "الماضيه", "المنصرمه")
CURRENT_WORDS = ("الجاري", "الحالي")
_MAX_AHEAD = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    hijri: dict[str, int]
    weekdays: dict[str, int]
    offsets: dict[str, int]
    periods: dict[str, tuple[str, int]]
    parts: dict[str, str]
    dayparts: dict[str, str]
    ordinals: dict[str, int]
    not_offset: dict[str, str]  # adjectives that make "اليوم" a named day ("اليوم العالمي"), not today
    names: dict[str, str]  # words right before a date that make it part of a name ("قوى 14 آذار")


def load_rows() -> list[tuple[str, str, str, str, str]]:
    out = []
    for row in read_tsv("dates.tsv", COLUMNS):
        if row["kind"] not in KINDS:
            raise TextDataError(f"{row.where()}: unknown kind {row['kind']!r}")
        out.append((row["word"], row["kind"], row["value"], row["example"], row["expected"]))
    return out


def _lexicon() -> Lexicon:
    lex = Lexicon({}, {}, {}, {}, {}, {}, {}, {}, {}, {})
    for word, kind, value, _, _ in load_rows():
        key = normalize_key(word)
        try:
            if kind == "ordinal_day":
                lex.ordinals[key] = _bounded(int(value), 1, 31)
            elif kind == "month":
                lex.months[key] = _bounded(int(value), 1, 12)
            elif kind == "hijri_month":
                lex.hijri[key] = _bounded(int(value), 1, 12)
            elif kind == "weekday":
                lex.weekdays[key] = _bounded(int(value), 0, 6)
            elif kind == "day_offset":
                lex.offsets[key] = int(value)
            elif kind == "period":
                unit, off = value.split(":")
                if unit not in ("week", "month", "year"):
                    raise ValueError(unit)
                lex.periods[key] = (unit, int(off))
            elif kind == "part":
                lex.parts[key] = value
            elif kind == "not_offset":
                lex.not_offset[key] = value
            elif kind == "name":
                lex.names[key] = value
            else:
                lex.dayparts[key] = value
        except ValueError as exc:
            raise TextDataError(f"dates.tsv: bad value {value!r} for {word!r}") from exc
    return lex


def _bounded(v: int, lo: int, hi: int) -> int:
    if not lo <= v <= hi:
        raise ValueError(v)
    return v


def _alt(words: dict[str, object] | dict[str, int] | dict[str, str] | dict[str, tuple[str, int]]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class _Patterns:
    lex: Lexicon
    explicit: re.Pattern[str]
    month_year: re.Pattern[str]
    month_rel: re.Pattern[str]
    month_bare: re.Pattern[str]
    ordinal: re.Pattern[str]
    numeric: re.Pattern[str]
    hijri: re.Pattern[str]
    month_part: re.Pattern[str]
    year: re.Pattern[str]
    weekday: re.Pattern[str]
    offset: re.Pattern[str]
    period: re.Pattern[str]
    keywords: ahocorasick.Automaton  # every word a date pattern needs: scan once, regex near hits


PART_MONTHS_BACK = 6  # a part of a month named bare dates the recent past up to this many months back


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    lex = _lexicon()
    month, hmonth, wd = _alt(lex.months), _alt(lex.hijri), _alt(lex.weekdays)
    part, dp = _alt(lex.parts), _alt(lex.dayparts)
    pro = r"(?<!\w)[وفبل]?"  # a proclitic may precede; the mention starts after it
    year_intro = r"(?:من\s+)?(?:عام|العام|لعام|سنه|السنه)?\s*"
    doubled = rf"(?P<m1>{month})(?:\s*[/(\-]?\s*(?P<m2>{month})\s*\)?)?"
    f = fold_pattern
    auto = ahocorasick.Automaton()
    groups: dict[str, list[str]] = {
        "month": list(lex.months),
        "hijri": list(lex.hijri),
        "weekday": list(lex.weekdays),
        "offset": list(lex.offsets),
        "period": list(lex.periods),
        "part": list(lex.parts),
        "year": ["عام", "سنه"],
    }
    by_word: dict[str, set[str]] = {}
    for group, words in groups.items():
        for word in words:
            by_word.setdefault(word, set()).add(group)
    for word, gs in by_word.items():
        auto.add_word(word, (len(word), frozenset(gs)))
    auto.make_automaton()
    return _Patterns(
        lex,
        explicit=re.compile(
            f(
                rf"{pro}(?P<all>(?:(?P<wd>{wd})[\s،,]+)?(?<!\d)(?P<d>\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?{doubled}"
                rf"(?:[\s،,]+{year_intro}(?P<y>\d{{4}}))?)(?![\d\w])"
            )
        ),
        month_year=re.compile(
            f(
                rf"{pro}(?P<all>(?:(?P<part>{part})\s+)?(?:شهر\s+)?{doubled}[\s،,]+{year_intro}(?P<y>\d{{4}}))(?!\d)"
            )
        ),
        month_rel=re.compile(
            f(
                rf"{pro}(?P<all>(?:(?P<part>{part})\s+)?(?:شهر\s+)?{doubled}\s+"
                rf"(?P<dir>{'|'.join(PAST_WORDS + FUTURE_WORDS + CURRENT_WORDS)}))(?!\w)"
            )
        ),
        # "وفي ديسمبر/كانون الأول، اقتحم مسلح …": a month named alone after "في" where a sentence or
        # a clause opens (a day, a year or a direction after it make the longer mentions above). Inside
        # a sentence ("اتهمها بالضلوع في هجوم في يوليو") it may date a clause of its own only, and is
        # left out
        month_bare=re.compile(
            f(
                rf"(?:^|(?<={_CLAUSE_END}))\s*[وف]?(?:في|خلال)\s+(?P<all>(?:شهر\s+)?{doubled})(?!\w)"
                rf"(?!\s*[/(\-]?\s*\d)"
            )
        ),
        # "في نهاية نيسان/أبريل", "مطلع يونيو": a part of a month named with no day, year or direction
        # (those make the longer mentions above)
        month_part=re.compile(
            f(rf"{pro}(?P<all>(?P<part>{part})\s+(?:شهر\s+)?{doubled})(?![\w])(?!\s*[/(\-]?\s*\d)")
        ),
        ordinal=re.compile(
            f(
                rf"{pro}(?:ال)?(?P<all>(?P<od>{_alt(lex.ordinals)}|(?<!\d)\d{{1,2}})\s+من\s+(?:(?:شهر\s+)?{doubled}"
                rf"(?:[\s،,]+{year_intro}(?P<y>\d{{4}}))?|(?P<per>الشهر\s+(?:الجاري|الحالي|الماضي|المنصرم))))(?![\d\w])"
            )
        ),
        numeric=re.compile(
            r"(?P<all>(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<c>\d{4})"
            r"|(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<dd>\d{1,2}))(?![\d/\-])"
        ),
        hijri=re.compile(
            f(
                rf"(?<!\d)(?P<all>(?P<d>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<hm>{hmonth})\s+{year_intro}(?P<y>1[345]\d\d)"
                rf"(?:\s*(?:ه(?!\w)|للهجره|هجريه|هجري))?)(?!\d)"
            )
        ),
        year=re.compile(
            f(
                rf"{pro}(?P<all>(?:(?P<part>{part})\s+)?(?:في\s+)?(?:عام|العام|سنه|السنه)\s+(?P<y>(?:19|20)\d\d))(?![\d\w])"
            )
        ),
        weekday=re.compile(
            f(
                rf"{pro}(?P<all>(?:(?P<dp>{dp})\s+)?(?P<wd>{wd})"
                rf"(?:\s+(?:(?P<prev>قبل\s+(?:{'|'.join(PAST_WORDS)}))|(?P<dir>{'|'.join(PAST_WORDS + FUTURE_WORDS)})))?)(?!\w)"
            )
        ),
        offset=re.compile(f(rf"{pro}(?P<all>{_offsets(lex)})")),
        period=re.compile(f(rf"{pro}(?P<all>(?:(?P<part>{part})\s+)?(?P<per>{_alt(lex.periods)}))(?!\w)")),
        keywords=auto,
    )


def _offsets(lex: Lexicon) -> str:
    """Day offsets, each unless a word of `not_offset` follows it: "-" rows follow any offset
    ("اليوم العالمي"), "ago" rows only those counted back with قبل ("قبل يومين من الانتخابات": two
    days before another day, not two days ago)."""
    ago_key = normalize_key("قبل")
    plain = {k: v for k, v in lex.offsets.items() if not k.startswith(ago_key)}
    ago = {k: v for k, v in lex.offsets.items() if k.startswith(ago_key)}
    every = {k: v for k, v in lex.not_offset.items() if v != "ago"}

    def guarded(offs: dict[str, int], stops: dict[str, str]) -> str:
        stop = rf"(?!\s+(?:{_alt(stops)})(?!\w))" if stops else ""
        return rf"(?:{_alt(offs)})(?!\w){stop}"

    parts = [guarded(plain, every)] if plain else []
    if ago:
        parts.append(guarded(ago, lex.not_offset))
    return "|".join(parts)


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Arithmetic (tabular) Islamic calendar, civil epoch (1 Muharram 1 AH = 16 July 622 Julian)."""
    jdn = day + -(-(295 * (month - 1)) // 10) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948440 - 1
    return date.fromordinal(jdn - 1721425)


def _week_start(d: date) -> date:
    return d - timedelta(days=(d.weekday() - 5) % 7)  # Saturday


def _shift_month(d: date, months: int) -> date:
    m = d.year * 12 + d.month - 1 + months
    return date(m // 12, m % 12 + 1, 1)


def _safe_date(y: int, m: int, d: int) -> date | None:
    if 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1] and 1 <= y <= 9999:
        return date(y, m, d)
    return None


# dates.tsv dayparts that run into the next day: a date told with one may be the day before or after
OVERNIGHT_PARTS = frozenset({"night", "late", "evening"})


def overnight(mention_text: str) -> bool:
    """Whether a date mention's own words name a night or an evening ("ليل الجمعة السبت", "مساء الأحد"),
    by the dayparts of dates.tsv."""
    dayparts = _patterns().lex.dayparts
    for word in mention_text.split():
        key = normalize_key(word)
        for bare in (key, key.removeprefix("و"), key.removeprefix("ال"), key.removeprefix("وال")):
            if dayparts.get(bare) in OVERNIGHT_PARTS:
                return True
    return False


def _key(s: str) -> str:
    return " ".join(s.split())


# A substring of every match of `_Patterns.numeric` (d/m/yyyy, d.m.yyyy, d-m-yyyy, yyyy-mm-dd).
_NUMERIC_HINT = re.compile(r"\d[/.\-]\d")
# A numeric date is at most 10 characters long and its look-ahead reads one more: every match lies
# within this many characters of a hint found by `_NUMERIC_HINT.finditer` (see `_numeric_matches`).
_NUMERIC_REACH = 12

# What a pattern cannot match without, inside its own match: the digits of a day ("\d{1,2}") or
# of a year ("\d{4}", "(?:19|20)\d\d", "1[345]\d\d"), the direction word of "أيار الماضي", the
# "من" between spaces of "العاشر من أيار". A window of `_windows` that holds none of it cannot give
# that pattern a match (`finditer(view, ws, we)` matches inside the window), so the pattern is not
# tried there: one C-level search instead of the pattern tried at every position. Patterns not
# listed are tried in every window of their group.
_ANY_DIGIT = re.compile(r"\d")
_CLAUSE_END = r"[.!?؟:؛;،,\n]"  # what may stand before a clause that opens on a bare month
_YEAR_DIGITS = re.compile(r"\d{4}")
NEEDS: dict[str, re.Pattern[str]] = {
    # (the clause end is looked behind, as the pattern does: a window may start right after it)
    "month_bare": re.compile(fold_pattern(rf"(?:^|(?<={_CLAUSE_END}))\s*[وف]?(?:في|خلال)\s")),
    "month_rel": re.compile(fold_pattern("|".join(PAST_WORDS + FUTURE_WORDS + CURRENT_WORDS))),
    "explicit": _ANY_DIGIT,
    "ordinal": re.compile(r"\sمن\s"),
    "month_year": _YEAR_DIGITS,
    "hijri": _YEAR_DIGITS,
    "year": _YEAR_DIGITS,
}


def _numeric_matches(view: str, numeric: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The matches of `numeric.finditer(view)`, found by running it only around the hints.

    The pattern starts with a group, so the engine tries it at every position of the article;
    the hint pattern starts with a digit class and is scanned in C. Every match M = [s, e) (at
    most 10 characters) holds "digit, separator, digit" at some q; the hint scan finds q or an
    occurrence overlapping it (q - 2 or q - 1), so a found hint lies in [s - 2, e - 3] and its
    window (±`_NUMERIC_REACH`) covers M and the character after it. Windows are merged; a match
    the full scan finds lies inside one, and one found in a window that reaches its end would
    hold a hint whose window reaches further: so each window, scanned from its start, gives
    exactly the full scan's matches there (no anchor or look-behind in the pattern)."""
    n = len(view)
    # a hint is digits and a separator in a row, so it lies inside a run of `digit_runs` (the
    # run that holds its first digit goes on to its last): the runs are scanned instead of the
    # view, with the same matches in the same order (no match crosses from one run to the next)
    spans = [
        (max(0, h.start() - _NUMERIC_REACH), min(n, h.end() + _NUMERIC_REACH))
        for rs, re_ in digit_runs(view)
        for h in _NUMERIC_HINT.finditer(view, rs, re_)
    ]
    for ws, we in _merge(spans):
        yield from numeric.finditer(view, ws, we)


_REACH = 48  # characters around a keyword that a pattern may cover (weekday, day, doubled month, year)


def _windows(
    view: str,
    auto: ahocorasick.Automaton,
    hits: Iterable[tuple[int, tuple[int, frozenset[str]]]] | None = None,
) -> dict[str, list[tuple[int, int]]]:
    """Per keyword group, the merged stretches of the view around its hits, cut at white space.

    The regexes are slow to try at every position of a long article; one Aho-Corasick pass finds
    where a date can be, and the regexes run only there (the same matches, found much faster).
    """
    n = len(view)
    raw: dict[str, list[tuple[int, int]]] = {}
    for last, (length, groups) in auto.iter(view) if hits is None else hits:
        # a keyword must be a whole word, with at most proclitics before it ("اب" is not in "اسباب")
        if last + 1 < n and view[last + 1].isalnum():
            continue
        start = last + 1 - length
        tok = start
        while tok > 0 and view[tok - 1].isalnum() and start - tok <= 4:
            tok -= 1
        if view[tok:start] not in PREFIXES:
            continue
        a = max(0, last - _REACH)
        b = min(n, last + 1 + _REACH)
        while a > 0 and not view[a - 1].isspace():
            a -= 1
        while b < n and not view[b].isspace():
            b += 1
        for g in groups:
            raw.setdefault(g, []).append((a, b))
    return {g: _merge(spans) for g, spans in raw.items()}


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if not spans:
        return []
    spans = sorted(spans)
    merged = [spans[0]]
    for a, b in spans[1:]:
        if a <= merged[-1][1]:
            if b > merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


Cand = tuple[int, int, date, DatePrecision, bool, str]

# days apart beyond which "اليوم" and the weekday after it disagree too much to be one day told twice
DAY_TWICE_SLACK = 2


def _day_named_twice(cands: list[Cand], view: str) -> list[Cand]:
    """ "اليوم السبت", "أمس الأحد", "صباح اليوم الجمعة": a day named by its offset and by its weekday is one
    date, and the weekday is the surer half: the offset counts from the report's UTC stamp, which may
    already be the next day (a report written on Saturday evening, stamped Sunday 00:47 UTC)."""
    offsets = [c for c in cands if c[5] == "relative" and c[3] == "day"]
    weekdays = [c for c in cands if c[5] == "weekday"]
    if not offsets or not weekdays:
        return cands
    drop: set[int] = set()
    merged: list[Cand] = []
    for o in offsets:
        for w in weekdays:
            gap = view[o[1] : w[0]]
            if 0 <= w[0] - o[1] <= 3 and not gap.strip(" ،,") and abs((w[2] - o[2]).days) <= DAY_TWICE_SLACK:
                drop |= {id(o), id(w)}
                merged.append((o[0], w[1], w[2], "day", True, "weekday"))
                break
    return [c for c in cands if id(c) not in drop] + merged


NAME_REACH = 12  # characters before a date searched for the word that names it


def _named_after(view: str, start: int, names: dict[str, str]) -> bool:
    """Whether the word right before `start` makes the date after it part of a name."""
    before = view[max(0, start - NAME_REACH) : start].split()
    return bool(before) and _key(before[-1]) in names


def find_dates(
    text: str, norm: NormalizedText | None = None, anchor: date | None = None, *, late: bool = False
) -> list[DateMention]:
    """Date mentions, leftmost-longest and non-overlapping. Relative ones need `anchor`.

    `late`: the anchor is the UTC day of a report filed in its last hours, when the newsroom's own
    day (UTC+2 to +4 across the Arab world) has already turned. A bare weekday naming the next day
    ("قال الرئيس، الثلاثاء" in a report stamped Monday 22:38 UTC) is the newsroom's today: it is
    dated on the anchor's own day (the UTC day, as dates are kept), not six days back."""
    norm = norm or normalize(text)
    view = norm.text
    p = _patterns()
    lex = p.lex
    cands: list[Cand] = []

    def add(
        m: re.Match[str], value: date | None, precision: DatePrecision, relative: bool, kind: str
    ) -> None:
        if value is not None:
            cands.append((m.start("all"), m.end("all"), value, precision, relative, kind))

    windows = _windows(view, p.keywords, date_hits(view))  # one scan with the number words

    def scan(
        pattern: re.Pattern[str], group: str, need: re.Pattern[str] | None = None
    ) -> Iterator[re.Match[str]]:
        for ws, we in windows.get(group, ()):
            if need is not None and need.search(view, ws, we) is None:
                continue  # none of the digits the pattern needs (`NEEDS`): no match here
            yield from pattern.finditer(view, ws, we)

    needs = NEEDS
    for m in scan(p.explicit, "month", needs.get("explicit")):
        month_no = lex.months[_key(m.group("m1"))]
        if m.group("y"):
            add(m, _safe_date(int(m.group("y")), month_no, int(m.group("d"))), "day", False, "explicit")
        elif anchor is not None:
            d = _safe_date(anchor.year, month_no, int(m.group("d")))
            if d is not None and d - anchor > _MAX_AHEAD:
                d = _safe_date(anchor.year - 1, month_no, int(m.group("d")))
            add(m, d, "day", True, "explicit")
    for m in scan(p.month_year, "month", needs.get("month_year")):
        add(m, _safe_date(int(m.group("y")), lex.months[_key(m.group("m1"))], 1), "month", False, "explicit")
    windows["month+period"] = _merge(windows.get("month", []) + windows.get("period", []))
    for m in scan(p.ordinal, "month+period", needs.get("ordinal")):
        # "في الخامس من حزيران 2019", "في العاشر من الشهر الجاري"
        od = m.group("od")
        day = int(od) if od.isdigit() else lex.ordinals[_key(od)]  # "في 25 من الشهر الجاري" too
        if m.group("y"):
            add(
                m,
                _safe_date(int(m.group("y")), lex.months[_key(m.group("m1"))], day),
                "day",
                False,
                "explicit",
            )
        elif anchor is not None:
            if m.group("per"):
                first = _shift_month(
                    anchor, -1 if "الجاري" not in m.group("per") and "الحالي" not in m.group("per") else 0
                )
                add(m, _safe_date(first.year, first.month, day), "day", True, "relative")
            else:
                month_no = lex.months[_key(m.group("m1"))]
                d = _safe_date(anchor.year, month_no, day)
                if d is not None and d - anchor > _MAX_AHEAD:
                    d = _safe_date(anchor.year - 1, month_no, day)
                add(m, d, "day", True, "explicit")
    if anchor is not None:
        for m in scan(p.month_rel, "month", needs.get("month_rel")):
            # "في مايو الماضي": the most recent May before the anchor's month; "المقبل": the next one
            month_no = lex.months[_key(m.group("m1"))]
            year = anchor.year
            if m.group("dir") in PAST_WORDS and month_no >= anchor.month:
                year -= 1
            elif m.group("dir") in FUTURE_WORDS and month_no <= anchor.month:
                year += 1
            add(m, date(year, month_no, 1), "month", True, "relative")
        for m in scan(p.month_bare, "month", needs.get("month_bare")):
            # the most recent such month; only one before the report's month is recorded: the
            # report's own month adds nothing to its day and would blur it
            month_no = lex.months[_key(m.group("m1"))]
            if month_no != anchor.month:
                year = anchor.year - (month_no > anchor.month)
                add(m, date(year, month_no, 1), "month", True, "relative")
        for m in scan(p.month_part, "month", needs.get("month_part")):
            # one of the six months before the report's ("مطلع يونيو" in a May report is more often the
            # coming June, a plan's date, than last year's)
            month_no = lex.months[_key(m.group("m1"))]
            if 1 <= (anchor.month - month_no) % 12 <= PART_MONTHS_BACK:
                year = anchor.year - (month_no > anchor.month)
                add(m, date(year, month_no, 1), "month", True, "relative")
    # every numeric date holds a digit, a separator and a digit in a row; most reports have none,
    # and a scan for that is much cheaper than trying the full pattern at every position
    for m in _numeric_matches(view, p.numeric):
        if m.start() and (view[m.start() - 1].isdigit() or view[m.start() - 1] in "/.-"):
            continue
        if m.group("a"):
            d = _safe_date(int(m.group("c")), int(m.group("b")), int(m.group("a")))
        else:
            d = _safe_date(int(m.group("y")), int(m.group("mo")), int(m.group("dd")))
        add(m, d, "day", False, "numeric")
    for m in scan(p.hijri, "hijri", needs.get("hijri")):
        day, month_no, year = int(m.group("d")), lex.hijri[_key(m.group("hm"))], int(m.group("y"))
        if 1 <= day <= 30:
            add(m, hijri_to_gregorian(year, month_no, day), "day", False, "hijri")
    for m in scan(p.year, "year", needs.get("year")):
        add(m, date(int(m.group("y")), 1, 1), "year", False, "year")
    if anchor is not None:
        for m in scan(p.weekday, "weekday"):
            wd = lex.weekdays[_key(m.group("wd"))]
            if m.group("dir") in FUTURE_WORDS:
                d = anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7)
            elif late and not m.group("dir") and wd == (anchor.weekday() + 1) % 7:
                d = anchor  # the newsroom's today, already past midnight there
            else:
                d = anchor - timedelta(days=(anchor.weekday() - wd) % 7)
            if m.group("prev"):
                d -= timedelta(weeks=1)  # "الثلاثاء قبل الماضي": the one a week before the last
            if m.group("dp") and lex.dayparts[_key(m.group("dp"))] == "night":
                d -= timedelta(days=1)
            add(m, d, "day", True, "weekday")
        for m in scan(p.offset, "offset"):
            add(m, anchor + timedelta(days=lex.offsets[_key(m.group("all"))]), "day", True, "relative")
        for m in scan(p.period, "period"):
            unit, off = lex.periods[_key(m.group("per"))]
            if unit == "week":
                add(m, _week_start(anchor) + timedelta(weeks=off), "week", True, "relative")
            elif unit == "month":
                add(m, _shift_month(anchor, off), "month", True, "relative")
            else:
                add(m, date(anchor.year + off, 1, 1), "year", True, "relative")
    cands = _day_named_twice(cands, view)
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[DateMention] = []
    last_end = -1
    for s, e, value, precision, relative, kind in cands:
        if s < last_end:
            continue
        last_end = e
        if _named_after(view, s, lex.names):
            continue  # "قوى 14 آذار", "حركة 6 أبريل": a coalition's or a movement's name, no date
        a, b = norm.to_original(s, e)
        out.append(DateMention(a, b, text[a:b], value, precision, relative, kind))
    return out
