"""Arabic normalisation as a VIEW with an offset map back to the original text.

Matching (lexicons, numbers, dates) runs on the normalised view; every result is reported in
offsets into the ORIGINAL text, which is never modified. The character folding is data:
`marsad/data/text/normalization.tsv` (alef/hamza forms, alef maksura, teh marbuta, tatweel,
diacritics, three digit sets, presentation forms via NFKC, zero-width and bidi marks).

Speed matters (this runs on every document), so the view is built in one of two ways:
- the common case: a chain of `str.replace` over the few characters that are frequent in news
  text (measured ~3x faster than `str.translate`, whose per-character dict lookups dominate);
- when a rare mapped character is present (found with one regex scan): `str.translate` over the
  full table.
The offset map is only built when a character was deleted or expanded (1:1 folds keep offsets),
and it is stored as breakpoints (one per deleted/expanded character), not one int per character.

Mapping semantics of `NormalizedText.to_original(start, end)`:
- `start` maps to the original position of the view character `start`;
- `end` maps to just after the original character of view character `end - 1`, extended over the
  deleted marks attached to it (harakat, shadda, tatweel) but not over deleted invisible marks
  (bidi, zero-width); characters deleted INSIDE the span are inside the mapped span; deleted
  characters right before the span stay outside;
- a span that ends (or starts) inside the expansion of one original character (a presentation-form
  ligature such as U+FDF2 → "الله") is widened to that whole character.
So `normalize(original[s:e]).text` equals the view span, except that it may be longer when the span
cut an expansion.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_FILE = "normalization.tsv"
GROUPS = frozenset(
    {
        "alef",
        "hamza",
        "yeh",
        "persian",
        "teh-marbuta",
        "tatweel",
        "diacritic",
        "quranic",
        "digit",
        "punct",
        "invisible",
        "space",
        "presentation",
    }
)

# Characters frequent enough in Arabic news to be folded by the fast `str.replace` chain. Purely a
# speed choice: any other mapped character sends the text through the full `str.translate` path,
# which gives the same result.
_FREQUENT = (
    "أإآؤئىةـ"
    + "".join(chr(c) for c in range(0x064B, 0x0653))
    + "٠١٢٣٤٥٦٧٨٩\u200c\u200d\u200e\u200f\u00a0"
    + "#_"  # hashtags ("#الولايات_المتحدة") are frequent in some outlets' reports
)


class NormalizationDataError(ValueError):
    """The normalisation table is malformed (raised by the loader / validator)."""


@dataclass(frozen=True, slots=True)
class FoldRow:
    line: int
    source: str  # as written in the file
    chars: tuple[str, ...]  # every source character
    target: str  # "" for delete, "NFKC" kept as a marker until expanded
    group: str
    example: str
    expected: str


def _unescape(s: str) -> str:
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)


def _parse_char(tok: str, line: int) -> str:
    if tok.startswith("U+"):
        try:
            return chr(int(tok[2:], 16))
        except ValueError as exc:
            raise NormalizationDataError(f"line {line}: bad code point {tok!r}") from exc
    if len(tok) != 1:
        raise NormalizationDataError(f"line {line}: source {tok!r} is not one character")
    return tok


def read_rows(path: Path | None = None) -> list[FoldRow]:
    """Parse the TSV (no folding yet). Raises NormalizationDataError on a malformed line."""
    text = path.read_text("utf-8") if path else _data_text()
    rows: list[FoldRow] = []
    header_seen = False
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if not header_seen:
            header_seen = True
            if cols[:2] == ["source", "target"]:
                continue
        if len(cols) != 5:
            raise NormalizationDataError(f"line {n}: expected 5 tab-separated columns, got {len(cols)}")
        src, tgt, group, example, expected = cols
        if ".." in src:
            lo, hi = (_parse_char(t, n) for t in src.split(".."))
            if ord(hi) < ord(lo):
                raise NormalizationDataError(f"line {n}: empty range {src!r}")
            chars = tuple(chr(c) for c in range(ord(lo), ord(hi) + 1))
        else:
            chars = (_parse_char(src, n),)
        if tgt == "-":
            target = ""
        elif tgt == "NFKC":
            target = "NFKC"
        elif tgt.startswith("U+"):
            target = _parse_char(tgt, n)
        else:
            target = tgt
        if group not in GROUPS:
            raise NormalizationDataError(f"line {n}: unknown group {group!r}")
        rows.append(FoldRow(n, src, chars, target, group, _unescape(example), _unescape(expected)))
    return rows


DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "text"


def _data_text() -> str:
    return (DATA_DIR / DATA_FILE).read_text("utf-8")


def build_table(rows: list[FoldRow]) -> dict[str, str]:
    """Expand rows into a char -> replacement map. Explicit rows win over NFKC ranges."""
    table: dict[str, str] = {}
    nfkc_chars: list[str] = []
    for row in rows:
        for ch in row.chars:
            if row.target == "NFKC":
                nfkc_chars.append(ch)
                continue
            if ch in table:
                raise NormalizationDataError(f"line {row.line}: {ch!r} (U+{ord(ch):04X}) mapped twice")
            table[ch] = row.target
    explicit = dict(table)
    for ch in nfkc_chars:
        if ch in explicit:
            continue
        comp = unicodedata.normalize("NFKC", ch)
        if comp == ch:  # unassigned or no compatibility form: leave it alone
            continue
        # Fold the compatibility form again (ﺇ → إ → ا). Isolated harakat forms decompose to
        # " َ" (space + mark): strip so they vanish instead of leaving a stray space.
        folded = "".join(explicit.get(c, c) for c in comp).strip()
        table[ch] = folded
    return table


def validate(rows: list[FoldRow], table: dict[str, str]) -> list[str]:
    """Problems in the data, as messages (empty list = valid)."""
    problems: list[str] = []
    for ch, tgt in table.items():
        bad = [c for c in tgt if c in table]
        if bad:
            problems.append(f"U+{ord(ch):04X} -> {tgt!r} contains mapped character(s) {bad!r}")
    for row in rows:
        if not row.example:
            problems.append(f"line {row.line}: no example")
            continue
        got = fold(row.example, table)
        if got != row.expected:
            problems.append(f"line {row.line}: {row.example!r} -> {got!r}, expected {row.expected!r}")
        if not any(c in row.example for c in row.chars):
            problems.append(f"line {row.line}: example does not contain the source character")
    return problems


def fold(text: str, table: dict[str, str]) -> str:
    return text.translate(_ord_table(table))


def _ord_table(table: dict[str, str]) -> dict[int, str]:
    return {ord(k): v for k, v in table.items()}


class _Tables:
    """Everything derived from the data file, built once per process."""

    def __init__(self, rows: list[FoldRow]) -> None:
        self.table = build_table(rows)
        problems = validate(rows, self.table)
        if problems:
            raise NormalizationDataError("; ".join(problems))
        self.trans = _ord_table(self.table)
        self.frequent = [(c, self.table[c]) for c in _FREQUENT if c in self.table]
        rare = [c for c in self.table if c not in _FREQUENT]
        self.rare_re = re.compile("[" + "".join(re.escape(c) for c in rare) + "]")
        nonunit = [c for c, t in self.table.items() if len(t) != 1]
        # Deleted marks that belong to the preceding letter (harakat, shadda, tatweel): a span that
        # ends on that letter takes them along; invisible bidi / zero-width marks stay outside.
        self.attached = frozenset(
            c for c in nonunit if not self.table[c] and (unicodedata.category(c) == "Mn" or c == "\u0640")
        )
        self.nonunit_re = re.compile("[" + "".join(re.escape(c) for c in nonunit) + "]")


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    return _Tables(read_rows())


class NormalizedText:
    """The normalised view of `original` plus the map back to it (see module docstring)."""

    __slots__ = ("_arr", "_bp_o", "_bp_v", "original", "text")

    def __init__(self, original: str, text: str, bp_v: list[int] | None, bp_o: list[int] | None) -> None:
        self.original = original
        self.text = text
        # Breakpoints: from view position bp_v[i] on, orig = bp_o[i] + (v - bp_v[i]).
        # None means the identity map (nothing deleted or expanded).
        self._bp_v = bp_v
        self._bp_o = bp_o
        self._arr: list[int] | None = None

    @property
    def identity(self) -> bool:
        return self._bp_v is None

    def orig_index(self, v: int) -> int:
        """Original offset of view character `v` (len(original) for v == len(text))."""
        if self._bp_v is None or self._bp_o is None:
            return v
        if v >= len(self.text):
            return len(self.original)
        i = bisect_right(self._bp_v, v) - 1
        return self._bp_o[i] + (v - self._bp_v[i])

    def orig_array(self) -> list[int]:
        """`orig_index(v)` for every v in 0..len(text), as one list (built once, for bulk mapping)."""
        if self._arr is None:
            n = len(self.text)
            if self._bp_v is None or self._bp_o is None:
                arr = list(range(n + 1))
            else:
                arr = []
                bp_v, bp_o = self._bp_v, self._bp_o
                for i, v0 in enumerate(bp_v):
                    v1 = bp_v[i + 1] if i + 1 < len(bp_v) else n
                    o0 = bp_o[i]
                    arr.extend(range(o0, o0 + v1 - v0))
                arr.append(len(self.original))
            self._arr = arr
        return self._arr

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the view span [start, end) to the original characters it came from."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) outside the view of length {len(self.text)}")
        if self._bp_v is None:
            return start, end
        o_start = self.orig_index(start)
        if end == start:
            return o_start, o_start
        o_end = self.orig_index(end - 1) + 1
        limit = self.orig_index(end)
        if o_end < limit:  # deleted characters follow: take the marks attached to the last letter
            attached = _tables().attached
            original = self.original
            while o_end < limit and original[o_end] in attached:
                o_end += 1
        return o_start, o_end

    def to_view(self, o: int) -> int:
        """View position of original offset `o` (a deleted character maps to the next kept one)."""
        if not 0 <= o <= len(self.original):
            raise ValueError(f"offset {o} outside the original of length {len(self.original)}")
        if self._bp_v is None or self._bp_o is None:
            return o
        if o == len(self.original):
            return len(self.text)
        bp_o = self._bp_o
        i = bisect_right(bp_o, o) - 1
        if bp_o[i] == o:
            i = bisect_left(bp_o, o)  # first view char made from this original char
        v = self._bp_v[i] + (o - bp_o[i])
        if i + 1 < len(bp_o):
            v = min(v, self._bp_v[i + 1])
        return v

    def span_to_view(self, start: int, end: int) -> tuple[int, int]:
        return self.to_view(start), self.to_view(end)

    def __repr__(self) -> str:
        return f"NormalizedText({self.text[:40]!r}{'…' if len(self.text) > 40 else ''})"

    def __reduce__(self) -> tuple[object, ...]:
        return (NormalizedText, (self.original, self.text, self._bp_v, self._bp_o))


def normalize(text: str) -> NormalizedText:
    """Build the normalised view of `text` with its offset map (see the module docstring)."""
    t = _tables()
    if t.rare_re.search(text) is None:
        view = text
        for c, r in t.frequent:
            view = view.replace(c, r)
        if len(view) == len(text):  # frequent folds only delete or map 1:1: nothing was deleted
            return NormalizedText(text, view, None, None)
    else:
        view = text.translate(t.trans)
        if len(view) == len(text) and t.nonunit_re.search(text) is None:
            return NormalizedText(text, view, None, None)
    table = t.table
    bp_v = [0]
    bp_o = [0]
    shift = 0  # original offset minus view offset, so far
    for m in t.nonunit_re.finditer(text):
        j = m.start()
        rep = table[m.group()]
        v = j - shift
        if not rep:
            shift += 1
            if bp_v[-1] == v:  # consecutive deletions: one breakpoint
                bp_o[-1] = j + 1
            else:
                bp_v.append(v)
                bp_o.append(j + 1)
        else:
            if bp_v[-1] == v:
                bp_v.pop()
                bp_o.pop()
            for k in range(len(rep)):
                bp_v.append(v + k)
                bp_o.append(j)
            bp_v.append(v + len(rep))
            bp_o.append(j + 1)
            shift -= len(rep) - 1
    return NormalizedText(text, view, bp_v, bp_o)


def fold_text(s: str) -> str:
    """`normalize(s).text` without the offset map (one `str.translate`: for short pieces, where the
    fast path's fixed cost outweighs the per-character look-ups)."""
    return s.translate(_tables().trans)


def normalize_key(s: str) -> str:
    """Fold a lexicon key like the view (no offsets) and collapse whitespace runs to one space."""
    return " ".join(s.translate(_tables().trans).split())


def attached_marks() -> frozenset[str]:
    """Deleted characters that belong to the preceding letter (harakat, shadda, tatweel)."""
    return _tables().attached


def fold_pattern(pattern: str) -> str:
    """Fold the Arabic letters of a regex like the view (ئ→ي, ة→ه …); ASCII syntax is untouched."""
    trans = _tables().trans
    return "".join(ch if ch.isspace() else ch.translate(trans) for ch in pattern)


def fold_char_table() -> dict[str, str]:
    """The full char -> replacement map (read-only use: tests, tools)."""
    return dict(_tables().table)
