"""Frames: the reviewed regular expressions the extraction runs over a report's raw or normalised text.

Most language knowledge lives in token lexicons (`lexicon.py`); a few rules read the characters
around a place or a trigger instead ("شرق مدينة" before a town, "، فيما" between two tolls). Their
regular expressions live in `marsad/data/extract/frames.tsv`, one a row with an example it must find
and a counter-example it must not (the tests run both), and the modules take them by name:
`_LIST_GAP = frame("LIST_GAP")`. The file's header says how a row is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.extract.lexicon import DATA_DIR, LexiconError
from marsad.text.normalize import normalize

FRAMES_FILE = DATA_DIR / "frames.tsv"
# the text a row is matched against: the report as written, its normalised view (ة→ه, ى→ي, bare
# alef: `marsad.text.normalize`), or both (a frame some rules run on each)
FORMS = frozenset({"raw", "norm", "both"})
COLUMNS = 5  # name, form, regex, example, counter-example
WINDOW = "|"  # an example's two bars mark the span the code searches (the words before a place ...)

_NAME = re.compile(r"[A-Z][A-Z0-9_]*")
# `{NAME}` includes a frame defined above; a quantifier (`{0,6}`) is digits, never a name
_INCLUDE = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


@dataclass(frozen=True, slots=True)
class Frame:
    name: str
    form: str
    pattern: re.Pattern[str]
    example: str
    counter: str
    why: str  # the comment above the row
    line: int

    def finds(self, text: str) -> bool:
        """Whether the frame finds something in an example written as the file writes them: in the
        span between its two bars if it has them, in every form the row is matched against."""
        return all(self.pattern.search(window) for window in _windows(text, self.form))

    def misses(self, text: str) -> bool:
        """Whether the frame finds nothing in a counter-example, in any form of the row."""
        return not any(self.pattern.search(window) for window in _windows(text, self.form))


def _windows(text: str, form: str) -> list[str]:
    parts = text.split(WINDOW)
    span = parts[1] if len(parts) == 3 else text
    forms = {"raw": [span], "norm": [normalize(span).text], "both": [span, normalize(span).text]}
    return forms[form]


def load_frames(path: Path = FRAMES_FILE) -> dict[str, Frame]:
    """Every frame of a frames file by name, compiled; `LexiconError` (with file and line) for a
    malformed row, a row without its comment, or an include of a frame not defined above it."""
    where = path.name
    out: dict[str, Frame] = {}
    sources: dict[str, str] = {}
    why: list[str] = []
    for n, raw in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not raw.strip():
            why = []  # a blank line ends a comment: the file's header is no row's comment
            continue
        if raw.startswith("#"):
            why.append(raw.lstrip("# ").rstrip())
            continue
        cols = raw.split("\t")
        if len(cols) != COLUMNS:
            raise LexiconError(f"{where}:{n}: expected {COLUMNS} tab-separated columns, got {len(cols)}")
        name, form, src, example, counter = cols
        if not _NAME.fullmatch(name):
            raise LexiconError(f"{where}:{n}: a frame's name is upper-case words joined by _, not {name!r}")
        if name in out:
            raise LexiconError(f"{where}:{n}: {name} is defined twice (first on line {out[name].line})")
        if form not in FORMS:
            raise LexiconError(f"{where}:{n}: form must be one of {', '.join(sorted(FORMS))}, not {form!r}")
        if not why:
            raise LexiconError(f"{where}:{n}: {name} needs a # comment above it saying what it finds and why")
        for col, text in (("example", example), ("counter-example", counter)):
            if not text.strip() or text.count(WINDOW) not in (0, 2):
                raise LexiconError(
                    f"{where}:{n}: {name}'s {col} must be text, with no bar or two around a span"
                )
        source = _expand(src, sources, f"{where}:{n}")
        try:
            pattern = re.compile(source)
        except re.error as exc:
            raise LexiconError(f"{where}:{n}: {name} does not compile: {exc}") from exc
        sources[name] = source
        out[name] = Frame(name, form, pattern, example, counter, " ".join(why), n)
        why = []
    return out


def _expand(src: str, sources: dict[str, str], where: str) -> str:
    """`src` with each `{NAME}` replaced by the source of that frame (already expanded)."""

    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in sources:
            raise LexiconError(f"{where}: unknown frame {{{name}}} (a row may include only frames above it)")
        return sources[name]

    return _INCLUDE.sub(one, src)


@lru_cache(maxsize=1)
def frames() -> dict[str, Frame]:
    """The packaged frames, loaded and compiled once per process."""
    return load_frames()


def frame(name: str) -> re.Pattern[str]:
    """The compiled frame `name` of the packaged file (the modules take theirs at import)."""
    got = frames().get(name)
    if got is None:
        raise LexiconError(f"{FRAMES_FILE.name}: no frame named {name!r}")
    return got.pattern
