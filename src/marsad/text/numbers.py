"""Counts in Arabic reports: digits (three digit sets), number words, vague counts, duals.

Knowledge lives in `data/text/numbers.tsv`; this module only composes. Decisions:
- Digits: the view folds ٠-٩ and ۰-۹ to 0-9, ٬ to "," and ٫ to ".". A comma followed by groups of
  exactly three digits is a thousands separator ("1,200" = 1200; Arabic "١٬٢٠٠" too). A dot is
  always a decimal point ("3.5"; "1.200" is read as 1.2, never as 1200 — Arabic news write thousands
  without separators or with a comma): such numbers get kind "decimal" and value int(x).
- Number words: 0-999,999 in masculine/feminine, case forms, compounds joined by و ("واحد
  وعشرين" 21, "مئة وخمسين" 150, "ثلاثة آلاف وخمسمئة" 3500) or juxtaposed ("ثلاثة عشر" 13, "ثلاث
  مئة" 300, "خمسين ألفا" 50000). A digit followed by ألف/آلاف multiplies ("3 آلاف" 3000).
- One and two written with the article (الأحد، الاثنين) are skipped: they are weekdays; so is
  المئة with the article (في المئة، بالمئة: per cent, see "percent" below). Other
  numbers keep the article ("المصابين الستين" 60, "الجنود الثلاثة" 3, العشرات 12): often a
  definite re-mention of a count given earlier, which extraction must not add twice.
- Vague counts as ACLED codes them (عدة/بضعة/عدد من → 3, عشرات → 12, مئات → 100, آلاف alone →
  1000): kind "vague", vague=True.
- Duals on counted nouns (قتيلين، جنديين …) → 2, kind "dual". Only nouns whose dual cannot be read
  as a plural are listed (not مدنيين، مسلحين).
- Modifiers before the number (أكثر من، نحو، ما لا يقل عن …) and after the counted noun (على
  الأقل) are kept in `modifier`; the span covers the number only.
- Not counts, but kept with a `kind` so extraction can skip them: "percent" (50%، 10 في المئة),
  "year" (4 digits 1900-2100 after عام/العام/سنة/منذ…), "time" (10:30), "date" (5/9/2021,
  2021-09-05; analyze also marks numbers inside a date mention as "date"), "decimal".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.model import NumberMention
from marsad.text.data import TextDataError, read_tsv
from marsad.text.keyscan import DIGIT_RUN, digit_runs, number_hits
from marsad.text.lexicon import Match, PhraseMatcher
from marsad.text.normalize import NormalizedText, fold_pattern, normalize

COLUMNS = ["word", "value", "kind", "example", "expected"]
KINDS = frozenset(
    {
        "unit",
        "ten",
        "tens",
        "hundred",
        "thousand",
        "thousands",
        "vague",
        "modifier",
        "post_modifier",
        "dual",
        "name",
    }
)
MODIFIERS = frozenset({"more_than", "about", "at_least", "less_than"})

# A run of digits and separators, parsed below: starting the pattern with \d lets the regex engine
# skip to digits quickly (a look-behind first makes it try every position of the article).
_DIGIT_RUN = DIGIT_RUN  # (the scan is shared with the dates: `keyscan.digit_runs`)


def _arabic(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    """The folded words whose digits belong to a name (kind "name" in numbers.tsv)."""
    return frozenset(normalize(w).text for w, m, _, _ in load_entries() if m.kind == "name")


def _name_before(view: str, s: int) -> bool:
    """The Arabic word right before the digits at `s`, glued to them or one space before, is a name's
    ("لفرانس24", "فرانس 24"), with or without a proclitic."""
    end = s - 1 if s and view[s - 1] == " " else s
    k = end
    while k > 0 and _arabic(view[k - 1]):
        k -= 1
    word = view[k:end]
    names = _name_words()
    return word in names or (len(word) > 1 and word[0] in "وفبلك" and word[1:] in names)


def _lost_space_before(view: str, s: int) -> bool:
    """An Arabic word of three letters or more right before a number, with no space between: a space
    lost in the source ("الآن25"); short words are units or codes ("كم2")."""
    k = s
    while k > 0 and _arabic(view[k - 1]):
        k -= 1
    return s - k >= 3 and (k == 0 or not view[k - 1].isalnum())


_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{1,2}-\d{1,2}")
_TIME = re.compile(r"\d{1,2}:\d{2}")
_NUM = re.compile(r"(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?")
_PLAIN = re.compile(r"\d+")
_PERCENT = re.compile(fold_pattern(r"\s*(?:%|بالمئه|بالمائه|في المئه|في المائه)"))
_YEAR_CUE = re.compile(fold_pattern(r"(?:^|\s)(?:و|ف|ب|ل)?(?:عام|العام|عامي|سنه|السنه|منذ|خلال|حتي)\s+$"))
_THOUSAND_AFTER = re.compile(fold_pattern(r"\s+(?:و|ف)?(الف|الاف|الفا)(?!\w)"))


@dataclass(frozen=True, slots=True)
class NumberWord:
    value: int
    kind: str
    modifier: str | None = None


def load_entries() -> list[tuple[str, NumberWord, str, str]]:
    """(word, meaning, example, expected) for every data row; validates each row."""
    out: list[tuple[str, NumberWord, str, str]] = []
    for row in read_tsv("numbers.tsv", COLUMNS):
        kind = row["kind"]
        if kind not in KINDS:
            raise TextDataError(f"{row.where()}: unknown kind {kind!r}")
        if kind in ("modifier", "post_modifier"):
            if row["value"] not in MODIFIERS:
                raise TextDataError(f"{row.where()}: unknown modifier {row['value']!r}")
            meaning = NumberWord(0, kind, row["value"])
        else:
            try:
                meaning = NumberWord(int(row["value"]), kind)
            except ValueError as exc:
                raise TextDataError(f"{row.where()}: value must be an integer") from exc
        out.append((row["word"], meaning, row["example"], row["expected"]))
    return out


@lru_cache(maxsize=1)
def _matcher() -> PhraseMatcher[NumberWord]:
    return PhraseMatcher([(w, m) for w, m, _, _ in load_entries()])


def _prefix(view: str, m: Match[NumberWord], norm: NormalizedText) -> str:
    return view[norm.to_view(m.token_start) : m.view_start]


def _can_join(seq: list[tuple[NumberWord, bool]], w: NumberWord, waw: bool) -> bool:
    """Arabic compound order: [unit] و [tens]; [hundreds] و [smaller]; [thousands] و [smaller];
    juxtaposed: unit + عشر (13), unit + مئة (300), number + ألف/آلاف (3000, 50000)."""
    prev = seq[-1][0]
    if w.kind in ("thousand", "thousands") and any(x.kind in ("thousand", "thousands") for x, _ in seq):
        return False
    if not waw:
        if w.kind == "ten":
            return prev.kind == "unit"
        if w.kind == "hundred":
            return prev.kind == "unit" and w.value == 100
        return w.kind in ("thousand", "thousands")
    if prev.kind == "unit":
        return w.kind == "tens"
    if prev.kind == "hundred":
        return w.value < 100
    if prev.kind in ("thousand", "thousands"):
        return w.value < 1000
    return False


def _compose(items: list[tuple[NumberWord, bool]]) -> int:
    """Value of a compound: items are (word, joined with و)."""
    total = 0
    cur = 0
    for word, waw in items:
        if word.kind in ("thousand", "thousands"):
            base = cur if cur else word.value // 1000
            total += base * 1000
            cur = 0
        elif word.kind == "hundred" and word.value == 100 and 0 < cur < 10 and not waw:
            cur *= 100  # ثلاث مئة
        else:
            cur += word.value
    return total + cur


def find_numbers(text: str, norm: NormalizedText | None = None) -> list[NumberMention]:
    norm = norm or normalize(text)
    view = norm.text
    words = _matcher().find(norm, hits=number_hits(view))  # one scan with the date keywords
    out: list[NumberMention] = []
    modifiers: list[Match[NumberWord]] = []
    post: list[Match[NumberWord]] = []
    # (view_start, view_end, value, kind, vague)
    found: list[tuple[int, int, int, str, bool]] = []

    seq: list[tuple[NumberWord, bool]] = []
    seq_start = seq_end = 0

    def flush() -> None:
        nonlocal seq
        if seq:
            if len(seq) == 1 and seq[0][0].kind == "thousands":
                found.append((seq_start, seq_end, 1000, "vague", True))
            else:
                found.append((seq_start, seq_end, _compose(seq), "cardinal", False))
            seq = []

    for m in words:
        w = m.value
        prefix = _prefix(view, m, norm)
        if w.kind == "name":
            flush()
            continue  # its digits are no count (`_name_before`)
        if w.kind in ("modifier", "post_modifier"):
            flush()
            (modifiers if w.kind == "modifier" else post).append(m)
            continue
        if ("ال" in prefix or "لل" in prefix) and (w.kind == "hundred" or (w.kind == "unit" and w.value < 3)):
            flush()
            continue
        if w.kind in ("vague", "dual"):
            flush()
            found.append((m.view_start, m.view_end, w.value, w.kind, w.kind == "vague"))
            continue
        gap = view[seq_end : norm.to_view(m.token_start)]
        waw = prefix in ("و", "ف")
        joins = bool(seq) and gap.isspace() and len(gap) <= 3 and (waw or prefix == "")
        if joins:
            joins = _can_join(seq, w, waw)
        if not joins:
            flush()
            seq_start = m.view_start
        seq.append((w, waw))
        seq_end = m.view_end
    flush()

    for s, e in digit_runs(view):  # the spans of `_DIGIT_RUN.finditer(view)`
        if _name_before(view, s):
            continue  # the digits of a name ("فرانس 24", "لفرانس24"): no count
        if s and not view[s - 1].isspace():
            prev = view[s - 1]
            if prev in ".,:/":
                continue
            # only a proclitic may touch a number: "و3"، "ب50"; not "كم2" or "F16" — but an Arabic word
            # of three letters or more glued to it is a lost space ("حتى الآن25 قتيلا", "قتل45 مسلحا")
            if (
                prev.isalpha()
                and (prev not in "وفبلك" or (s > 1 and view[s - 2].isalnum()))
                and not _lost_space_before(view, s)
            ):
                continue
        if e < len(view) and view[e].isalpha() and not view[e].isspace() and not _arabic(view[e]):
            continue  # "16mm", "3D" (an Arabic word glued after is a lost space: "18جهاديا")
        run = view[s:e]
        if _DATE.fullmatch(run):
            found.append((s, e, 0, "date", False))
            continue
        if _TIME.fullmatch(run):
            found.append((s, e, int(run.split(":")[0]), "time", False))
            continue
        num = _NUM.fullmatch(run)
        if num is None:  # a range or code such as "2014-2017": its numbers one by one
            for p in _PLAIN.finditer(run):
                found.append((s + p.start(), s + p.end(), int(p.group()), "digits", False))
            continue
        raw = num.group("num").replace(",", "")
        kind = "decimal" if num.group("dec") else "digits"
        value = int(raw)
        t = _THOUSAND_AFTER.match(view, e)
        if t and kind == "digits":
            value *= 1000
            e = t.end()
        if _PERCENT.match(view, e):
            kind = "percent"
        elif (
            kind == "digits"
            and len(raw) == 4
            and 1900 <= value <= 2100
            and _YEAR_CUE.search(view, max(0, s - 12), s)
        ):
            kind = "year"
        found.append((s, e, value, kind, False))
    found.sort()
    # Drop a word swallowed by a digit's "thousand" extension ("3 آلاف": آلاف alone is vague).
    pruned: list[tuple[int, int, int, str, bool]] = []
    for f in found:
        if pruned and f[0] < pruned[-1][1]:
            continue
        pruned.append(f)

    mod_by_end = {m.view_end: m for m in modifiers}
    for s, e, value, kind, vague in pruned:
        modifier = None
        # a modifier ends right before the number (white space between)
        k = s
        while k > 0 and view[k - 1].isspace():
            k -= 1
        mm = mod_by_end.get(k)
        if mm is not None and k < s:
            modifier = mm.value.modifier
        else:
            for pm in post:
                # "قتل 11 شخصا على الاقل": at most two words between the number and the modifier
                if (
                    pm.view_start >= e
                    and len(view[e : pm.view_start].split()) <= 2
                    and "\n" not in view[e : pm.view_start]
                ):
                    modifier = pm.value.modifier
                    break
        a, b = norm.to_original(s, e)
        out.append(NumberMention(a, b, text[a:b], value, vague, modifier, kind))
    return out
