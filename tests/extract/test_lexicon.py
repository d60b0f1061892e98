"""Every lexicon entry's example runs here: a broken entry fails the build, not a run."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.extract.lexicon import DATA_DIR, LexiconError, Lexicons, lexicons
from marsad.extract.patterns import Matcher, Pattern
from marsad.extract.textview import build_view
from marsad.model import Document


def _toks(text: str, lex: Lexicons):  # type: ignore[no-untyped-def]
    view = build_view(Document(id="ex", text=text), lex)
    return view.toks


def _entries(matcher: Matcher) -> list[Pattern]:
    return matcher.patterns


@pytest.mark.parametrize("kind", ["triggers", "casualties", "cues", "actors"])
def test_every_example_matches_its_own_entry(kind: str) -> None:
    lex = lexicons()
    matcher: Matcher = getattr(lex, kind)
    failures = []
    by_line: dict[tuple[int, str], list[Pattern]] = {}
    for p in _entries(matcher):  # (actors of national_forces.tsv carry that file's lines and examples)
        by_line.setdefault((p.payload.line, p.payload.example), []).append(p)
    for (line, _example), pats in by_line.items():
        example = pats[0].payload.example
        toks = _toks(example, lex)
        single = Matcher(pats)
        if not single.find(toks):
            failures.append(f"{kind}.tsv:{line}: {pats[0].source!r} not found in {example!r}")
    assert not failures, "\n".join(failures)


def test_every_class_example_has_a_word_of_the_class() -> None:
    lex = lexicons()
    failures = []
    for cls, _pt, example, line in lex.classes:
        if not any(cls in t.classes for t in _toks(example, lex)):
            failures.append(f"classes.tsv:{line}: no {cls} word in {example!r}")
    assert not failures, "\n".join(failures)


def test_state_forces_by_country_and_date() -> None:
    from datetime import date

    lex = lexicons()
    assert lex.state_force("IQ", "police", date(2021, 9, 5), "Iraq") == "Police Forces of Iraq (2020-)"
    assert (
        lex.state_force("IQ", "military", date(2018, 3, 1), "Iraq") == "Military Forces of Iraq (2014-2020)"
    )
    assert lex.state_force("SY", "military", date(2018, 3, 1), "Syria") == "Military Forces of Syria (2000-)"
    # a country without a table row still gets ACLED's pattern
    assert lex.state_force("XX", "military", date(2018, 3, 1), "Atlantis") == "Military Forces of Atlantis"


def _copy_data(tmp: Path) -> Path:
    for f in DATA_DIR.iterdir():
        (tmp / f.name).write_text(f.read_text("utf-8"), "utf-8")
    return tmp


@pytest.mark.parametrize(
    ("file", "line", "message"),
    [
        ("triggers.tsv", "قصف\tBOMBING\ts\tقصف الطيران البلدة.", "unknown tag"),
        ("triggers.tsv", "قصف\tSHELL\tx\tقصف الطيران البلدة.", "strength"),
        ("triggers.tsv", "قصف\tSHELL", "columns"),
        ("triggers.tsv", "~2 قصف\tSHELL\ts\tقصف الطيران البلدة.", "must start"),
        ("casualties.tsv", "مقتل {N}\tdead\tمقتل 3.", "unknown role"),
        ("cues.tsv", "لم\tnegation\tnowhere\tلم يقتل أحد.", "unknown scope"),
        ("actors.tsv", "داعش\tIslamic State\t9\t*\t\t\tarmed\tداعش.", "inter"),
        ("actors.tsv", "داعش\tIslamic State\t2\tIraq\t\t\tarmed\tداعش.", "ISO2"),
        ("actors.tsv", "داعش\tIslamic State\t2\tIQ|Syria\t\t\tarmed\tداعش.", "ISO2"),
        ("actors.tsv", "داعش\tIslamic State\t2\t*\t2020-13-01\t\tarmed\tداعش.", "bad date"),
        ("classes.tsv", "MOD\tما لا\tقتل ما لا يقل عن تسعة.", "one word"),
    ],
)
def test_validator_rejects_bad_entries(tmp_path: Path, file: str, line: str, message: str) -> None:
    d = _copy_data(tmp_path)
    with (d / file).open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    with pytest.raises(LexiconError, match=message):
        Lexicons(d)


def test_a_countrys_forces_named_by_its_adjective_are_its_state_forces() -> None:
    lex = lexicons()
    toks = _toks("قصفت القوات الجورجية مواقع للانفصاليين واعتقلت الشرطة النيجيرية مشتبها.", lex)
    found = {(h.pattern.payload.name, h.pattern.payload.country) for h in lex.actors.find(toks)}
    assert ("{military}", "GE") in found and ("{police}", "NG") in found
    # a country actors.tsv names itself keeps its reviewed entry ("الجيش السوري الحر" is no Syrian army)
    toks = _toks("هاجم الجيش السوري الحر مواقع في الريف.", lex)
    generated = {p.payload.example for p in lex.actors.patterns if p.payload.country == "NG"}
    assert not any(h.pattern.payload.example in generated for h in lex.actors.find(toks))
