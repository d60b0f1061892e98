"""Loader and validator for the extraction lexicons in `marsad/data/extract/`.

Every file is a TSV with one entry a line and an example sentence per entry; `validate()` checks the
columns, the value sets and that each entry's pattern finds something in its own example (the tests
call it, so a broken entry fails the build, not a run).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Protocol, TypeVar

from marsad.extract.patterns import Matcher, Pattern, PTok, compile_pattern
from marsad.text.normalize import normalize, normalize_key

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "extract"
NISBA = DATA_DIR.parent / "geo" / "nisba.tsv"  # the geocoder's country adjectives (national_forces.tsv)

# Trigger tags and what they mean in ACLED terms when nothing else decides (see resolve.py).
TRIGGER_TAGS: dict[str, str] = {
    "KILL": "Attack",
    "ATTACK": "Attack",
    "FIRE": "Attack",
    "CLASH": "Armed clash",
    "AMBUSH": "Armed clash",
    "ASSASSINATE": "Attack",
    "EXECUTE": "Attack",
    "IED": "Remote explosive/landmine/IED",
    "SUICIDE": "Suicide bomb",
    "AIR": "Air/drone strike",
    "SHELL": "Shelling/artillery/missile attack",
    "GRENADE": "Grenade",
    "CHEM": "Chemical weapon",
    "ABDUCT": "Abduction/forced disappearance",
    "SEXUAL": "Sexual violence",
    "PROTEST": "Peaceful protest",
    "RIOT": "Violent demonstration",
    "MOB": "Mob violence",
    "INTERVENE": "Protest with intervention",
    "ARREST": "Arrests",
    "TAKE": "Non-state actor overtakes territory",
    "RETAKE": "Government regains territory",
    "AGREE": "Agreement",
    "HANDOVER": "Non-violent transfer of territory",
    "LOOT": "Looting/property destruction",
    "DISRUPT": "Disrupted weapons use",
}
CASUALTY_ROLES = frozenset({"killed", "injured", "abducted", "arrested", "killed_attacker"})
CUE_KINDS = frozenset(
    {
        "boast",
        "negation",
        "purpose",
        "source",
        "market",
        "future",
        "threat",
        "plan",
        "call",
        "condition",
        "background",
        "aggregate",
        "accident",
        "court",
        "anniversary",
        "meeting",
        "denial",
        "hypothetical",
        "metaphor",
        "scene",
        "anaphora",
        "claim",
        "period",
        "reaction",
        "quote",
        "statement",
        "cumulative",
        "unhurt",
        "untold",
        "cause",
        "covered",
        "aftermath",
    }
)
CUE_SCOPES = frozenset({"before", "prev", "sentence", "clause", "after", "next", "rally", "title"})
ACTOR_KINDS = frozenset({"armed", "state", "external", "unidentified", "victim", "crowd", "rioters"})


class LexiconError(ValueError):
    """A malformed lexicon file (bad column count, unknown tag, pattern that does not parse)."""


@dataclass(frozen=True, slots=True)
class Trigger:
    tag: str
    strong: bool
    generic: bool
    example: str
    line: int
    # a weapon named as a noun ("صواريخ"): an actor beside it is no support (Iran's missile
    # programme, Hezbollah's rockets); a toll, a day or another kind of violence is
    nominal: bool = False

    @property
    def sub_event_type(self) -> str:
        return TRIGGER_TAGS[self.tag]


@dataclass(frozen=True, slots=True)
class Casualty:
    role: str
    example: str
    line: int
    attacker: bool = False  # "killed_attacker" rows: the dead are the attackers ("قبل أن يقتل بالرصاص")


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    scope: str
    example: str
    line: int


@dataclass(frozen=True, slots=True)
class ActorEntry:
    name: str
    inter: int
    country: str  # ISO2 of the group's home country, or "*" (where the event is)
    valid_from: date | None
    valid_to: date | None
    kind: str
    example: str
    line: int
    reach: frozenset[str] = frozenset()  # every country the group acts in: the home one, then those
    # it strikes across a border ("YE|SA": Houthi missiles on Saudi Arabia); for "*:…" the countries
    # where the entry may stand at all (empty: anywhere)

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return self.valid_to is None
        return (self.valid_from is None or day >= self.valid_from) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True, slots=True)
class StateForce:
    country: str
    force: str
    name: str
    valid_from: date | None
    valid_to: date | None


def _rows(name: str, ncols: int, path: Path | None = None) -> list[tuple[int, list[str]]]:
    p = path or DATA_DIR / name
    out: list[tuple[int, list[str]]] = []
    for n, raw in enumerate(p.read_text("utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) != ncols:
            raise LexiconError(f"{name}:{n}: expected {ncols} tab-separated columns, got {len(cols)}")
        out.append((n, cols))
    return out


def _day(s: str, where: str) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s)
    except ValueError as exc:
        raise LexiconError(f"{where}: bad date {s!r}") from exc


def _norm(s: str) -> str:
    return normalize(s).text


def _compile(src: str, payload: object, where: str) -> Pattern:
    try:
        return compile_pattern(src, _norm, payload)
    except ValueError as exc:
        raise LexiconError(f"{where}: {exc}") from exc


def _compile_all(src: str, payload: object, where: str) -> list[Pattern]:
    """A pattern column may hold whole alternatives separated by " / "."""
    return [_compile(alt.strip(), payload, where) for alt in src.split(" / ")]


class Lexicons:
    """All extraction lexicons, compiled. Built once per worker (see `lexicons()`)."""

    def __init__(self, data_dir: Path | None = None) -> None:
        d = data_dir or DATA_DIR

        def rows(name: str, ncols: int) -> list[tuple[int, list[str]]]:
            return _rows(name, ncols, d / name)

        # word classes: one PTok per entry, tested against every token once
        self.classes: list[tuple[str, PTok, str, int]] = []
        for n, (cls, pat, ex) in rows("classes.tsv", 3):
            p = _compile(pat, None, f"classes.tsv:{n}")
            if len(p.toks) != 1 or p.toks[0].kind != "word":
                raise LexiconError(f"classes.tsv:{n}: a class entry is one word (with alternatives)")
            self.classes.append((cls, p.toks[0], ex, n))
        self.class_words: dict[str, set[str]] = {}
        self.class_prefixes: list[tuple[str, str]] = []
        for cls, pt, _, _ in self.classes:
            for w in pt.words:
                self.class_words.setdefault(w, set()).add(cls)
            for pre in pt.prefixes:
                self.class_prefixes.append((pre, cls))

        trig: list[Pattern] = []
        for n, (pat, tag, strength, ex) in rows("triggers.tsv", 4):
            if tag not in TRIGGER_TAGS:
                raise LexiconError(f"triggers.tsv:{n}: unknown tag {tag!r}")
            if strength not in ("s", "w", "g", "n"):
                raise LexiconError(f"triggers.tsv:{n}: strength must be s, w, g or n")
            trig += _compile_all(
                pat,
                Trigger(tag, strength == "s", strength == "g", ex, n, nominal=strength == "n"),
                f"triggers.tsv:{n}",
            )
        self.triggers = Matcher(trig)

        cas: list[Pattern] = []
        for n, (pat, role, ex) in rows("casualties.tsv", 3):
            if role not in CASUALTY_ROLES:
                raise LexiconError(f"casualties.tsv:{n}: unknown role {role!r}")
            cause = (
                Casualty("killed", ex, n, attacker=True)
                if role == "killed_attacker"
                else Casualty(role, ex, n)
            )
            cas += _compile_all(pat, cause, f"casualties.tsv:{n}")
        self.casualties = Matcher(cas)

        cues: list[Pattern] = []
        for n, (pat, kind, scope, ex) in rows("cues.tsv", 4):
            if kind not in CUE_KINDS:
                raise LexiconError(f"cues.tsv:{n}: unknown kind {kind!r}")
            if scope not in CUE_SCOPES:
                raise LexiconError(f"cues.tsv:{n}: unknown scope {scope!r}")
            cues += _compile_all(pat, Cue(kind, scope, ex, n), f"cues.tsv:{n}")
        self.cues = Matcher(cues)

        actors: list[Pattern] = []
        for n, (pat, name, inter, country, vfrom, vto, kind, ex) in rows("actors.tsv", 8):
            where = f"actors.tsv:{n}"
            if kind not in ACTOR_KINDS:
                raise LexiconError(f"{where}: unknown kind {kind!r}")
            if not inter.isdigit() or not 0 <= int(inter) <= 8:
                raise LexiconError(f"{where}: inter must be 0..8")
            # "*:IQ|YE": where the event is, but only in these countries (no home: the group is bound
            # to none of them, so it places no event)
            anywhere = country == "*" or country.startswith("*:")
            codes = country.removeprefix("*:").split("|") if country != "*" else []
            if any(len(c) != 2 or not c.isupper() for c in codes):
                raise LexiconError(
                    f"{where}: country must be ISO2, ISO2|ISO2… (home first), * or *:ISO2|ISO2…"
                )
            entry = ActorEntry(
                name,
                int(inter),
                "*" if anywhere else codes[0],
                _day(vfrom, where),
                _day(vto, where),
                kind,
                ex,
                n,
                frozenset(codes),
            )
            actors += _compile_all(pat, entry, where)
        actors += _national_forces(rows("national_forces.tsv", 3), actors, NISBA)
        self.actors = Matcher(actors)

        self.state_forces: list[StateForce] = []
        for n, (cc, force, name, vfrom, vto) in rows("state_forces.tsv", 5):
            where = f"state_forces.tsv:{n}"
            if force not in ("military", "police"):
                raise LexiconError(f"{where}: force must be military or police")
            self.state_forces.append(StateForce(cc, force, name, _day(vfrom, where), _day(vto, where)))

    def state_force(self, country_code: str | None, force: str, day: date | None, country: str) -> str:
        """ACLED's name for a country's military/police on a day ("Police Forces of Iraq (2020-)")."""
        best: StateForce | None = None
        for sf in self.state_forces:
            if sf.country != country_code or sf.force != force:
                continue
            if day is None:
                if sf.valid_to is None:
                    return sf.name
                continue
            if (sf.valid_from is None or day >= sf.valid_from) and (
                sf.valid_to is None or day <= sf.valid_to
            ):
                return sf.name
            best = best or sf
        kind = "Military Forces" if force == "military" else "Police Forces"
        return best.name if best and day is None else f"{kind} of {country or 'Unknown'}"


def _national_forces(
    templates: list[tuple[int, list[str]]], named: list[Pattern], nisba: Path
) -> list[Pattern]:
    """Actor patterns for every country's military and police named by its nisba adjective
    ("القوات الجورجية"), from the templates of national_forces.tsv and the nisba list of the geo data;
    state forces of that country, acting in it. Countries actors.tsv already names are left to it."""
    # a country actors.tsv already names by its adjective (the focus countries, Turkey, Israel, the
    # United States ...) keeps its own reviewed entries: a generated "الجيش السوري" would also match
    # inside "الجيش السوري الحر"
    for n, (force, _pat, _ex) in templates:
        if force not in ("military", "police"):
            raise LexiconError(f"national_forces.tsv:{n}: force must be military or police")
    known = " ".join(p.source for p in named)
    out: list[Pattern] = []
    for line, (cc, forms, _example) in _rows("nisba.tsv", 3, nisba):
        bases = [f.removeprefix("ال") for f in forms.split("|") if f.endswith("ي")]
        if any(f"ال{b}" in known for b in bases):
            continue
        for base in bases:
            for n, (force, pat, ex) in templates:
                entry = ActorEntry(f"{{{force}}}", 1, cc, None, None, "state", ex, n, frozenset({cc}))
                for alt in pat.split(" / "):
                    phrase = alt.strip().format(m="ال" + base, f="ال" + base + "ة")
                    out.append(_compile(phrase, entry, f"national_forces.tsv:{n} ({cc}, nisba.tsv:{line})"))
    return out


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """The packaged lexicons, loaded once per process (read-only afterwards)."""
    return Lexicons()


class _BuiltFrom(Protocol):
    lex: Lexicons


_D = TypeVar("_D", bound=_BuiltFrom)


def per_lexicon(store: dict[int, _D], lex: Lexicons, make: Callable[[Lexicons], _D]) -> _D:
    """The object `make(lex)` derived from a lexicon set, built once per worker and kept in `store`
    (lexicons are read-only once loaded; the id is checked against the object in case it is reused)."""
    got = store.get(id(lex))
    if got is None or got.lex is not lex:
        got = store[id(lex)] = make(lex)
    return got


def paired_countries(path: Path | None = None) -> dict[str, frozenset[str]]:
    """Report country -> countries whose towns it may name without naming them (paired_countries.tsv)."""
    pairs: dict[str, set[str]] = {}
    for n, (a, b, _example) in _rows("paired_countries.tsv", 3, path):
        if len(a) != 2 or len(b) != 2:
            raise LexiconError(f"paired_countries.tsv:{n}: expected two ISO2 codes")
        pairs.setdefault(a, set()).add(b)
    return {k: frozenset(v) for k, v in pairs.items()}


@cache
def allies(path: Path | None = None) -> tuple[tuple[str, str], ...]:
    """Pairs of name starts of forces that fight on one side (allies.tsv), both ways."""
    pairs: list[tuple[str, str]] = []
    for n, (a, b, _example) in _rows("allies.tsv", 3, path):
        if not a or not b or a == b:
            raise LexiconError(f"allies.tsv:{n}: expected two different actor name starts")
        pairs += [(a, b), (b, a)]
    return tuple(pairs)


@cache
def not_localities(path: Path | None = None) -> frozenset[str]:
    """The words that, right after a type word of an area or settlement, name no locality
    (not_localities.tsv; normalised keys)."""
    out: set[str] = set()
    for n, (word, example) in _rows("not_localities.tsv", 2, path):
        if not word.strip() or not example.strip():
            raise LexiconError(f"not_localities.tsv:{n}: expected word <TAB> example")
        out.add(normalize_key(word.strip()))
    return frozenset(out)


def allied(a: str, b: str) -> bool:
    """Whether two actor names are forces of one side (allies.tsv)."""
    return any(a.startswith(x) and b.startswith(y) for x, y in allies())


@cache
def host_forces(path: Path | None = None) -> dict[tuple[str, str], str]:
    """(actor name, host ISO2) -> the host's force kind (host_forces.tsv)."""
    out: dict[tuple[str, str], str] = {}
    for n, (name, cc, force, _example) in _rows("host_forces.tsv", 4, path):
        if len(cc) != 2 or force not in ("military", "police"):
            raise LexiconError(f"host_forces.tsv:{n}: expected an ISO2 code and military or police")
        out[(name, cc)] = force
    return out
