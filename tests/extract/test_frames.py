"""frames.tsv: every frame finds its example and not its counter-example; a bad row fails loudly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from marsad.extract.frames import FRAMES_FILE, frame, frames, load_frames
from marsad.extract.lexicon import LexiconError

SRC = Path(__file__).resolve().parents[2] / "src" / "marsad"
_ASKED = re.compile(r"""\bframe\(\s*["']([A-Z][A-Z0-9_]*)["']\s*\)""")
_INCLUDED = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


def _asked() -> set[str]:
    """The frames the code takes by name (`frame("LIST_GAP")`)."""
    return {name for py in SRC.rglob("*.py") for name in _ASKED.findall(py.read_text("utf-8"))}


@pytest.mark.parametrize("name", sorted(frames()))
def test_every_frame_finds_its_example_and_not_its_counter_example(name: str) -> None:
    f = frames()[name]
    assert f.finds(f.example), f"frames.tsv:{f.line}: {name} ({f.form}) does not find {f.example!r}"
    assert f.misses(f.counter), f"frames.tsv:{f.line}: {name} ({f.form}) finds {f.counter!r}"


def test_every_frame_the_code_asks_for_exists() -> None:
    asked = _asked()
    assert len(asked) >= 30  # the scan itself works
    assert not asked - set(frames()), f"missing from frames.tsv: {sorted(asked - set(frames()))}"


def test_every_frame_is_used_by_the_code_or_another_frame() -> None:
    text = FRAMES_FILE.read_text("utf-8")
    included = {
        name for line in text.splitlines() if not line.startswith("#") for name in _INCLUDED.findall(line)
    }
    unused = set(frames()) - _asked() - included
    assert not unused, f"frames nothing uses: {sorted(unused)}"


def test_includes_are_expanded_and_patterns_compiled_once() -> None:
    ref = frame("REF").pattern
    assert frames()["DIRECTION_OF"].pattern.pattern in ref and "{" + "REF_TAIL}" not in ref
    assert frame("REF") is frame("REF")
    assert frames()["LIST_GAP"].why  # the row's comment travels with it


def test_a_window_and_a_normalised_form() -> None:
    f = frames()["IN_PART_OF"]  # norm: "مدينة" is "مدينه" there
    assert f.finds("غارة |في شمال مدينة |غزة")
    assert f.misses("غارة في شمال |غزة")  # the span is only "غزة"


def test_an_unknown_frame_is_a_clear_error() -> None:
    with pytest.raises(LexiconError, match="no frame named 'NO_SUCH_FRAME'"):
        frame("NO_SUCH_FRAME")


GOOD = "# a direction\nDIR\traw\t(?:شمال|جنوب)\tشمال البلدة\tوسط البلدة\n"


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("# x\nDIR\traw\tشمال\tشمال\n", r"frames\.tsv:2: expected 5 tab-separated columns, got 4"),
        ("# x\nDIR\tview\tشمال\tشمال\tوسط\n", r"frames\.tsv:2: form must be one of both, norm, raw"),
        ("# x\ndir\traw\tشمال\tشمال\tوسط\n", r"frames\.tsv:2: a frame's name is upper-case"),
        ("DIR\traw\tشمال\tشمال\tوسط\n", r"frames\.tsv:1: DIR needs a # comment above it"),
        ("# x\nDIR\traw\t(?:شمال\tشمال\tوسط\n", r"frames\.tsv:2: DIR does not compile"),
        ("# x\nDIR\traw\tشمال\tشمال |البلدة\tوسط\n", r"frames\.tsv:2: DIR's example must be text"),
        (
            GOOD + "# y\nDIR\traw\tجنوب\tجنوب\tوسط\n",
            r"frames\.tsv:4: DIR is defined twice \(first on line 2\)",
        ),
        (
            GOOD + "# y\nNEAR\traw\t{DIR}\\s+{FAR}\tشمال البلدة\tوسط\n",
            r"frames\.tsv:4: unknown frame \{FAR\}",
        ),
        ("# y\nNEAR\traw\t{DIR}\tشمال\tوسط\n" + GOOD, r"frames\.tsv:2: unknown frame \{DIR\}"),
    ],
)
def test_a_bad_row_raises_with_file_and_line(tmp_path: Path, body: str, error: str) -> None:
    path = tmp_path / "frames.tsv"
    path.write_text(body, "utf-8")
    with pytest.raises(LexiconError, match=error):
        load_frames(path)


def test_a_good_file_with_an_include_loads(tmp_path: Path) -> None:
    path = tmp_path / "frames.tsv"
    path.write_text(GOOD + "# y\nNEAR\traw\t{DIR}\\s+(?:ال)?بلدة\tشمال البلدة\tوسط البلدة\n", "utf-8")
    got = load_frames(path)
    assert got["NEAR"].pattern.pattern == r"(?:شمال|جنوب)\s+(?:ال)?بلدة"
    assert got["NEAR"].finds("شمال البلدة") and got["NEAR"].line == 4


@pytest.mark.parametrize(
    ("before", "launched"),
    [
        ("اطلاق نحو 30 قذيفه هاون من ", True),  # the masdar
        ("القذائف التي تطلق من ", True),  # the present tense
        ("صاروخ اطلقته الجماعه من محافظه ", True),
        ("حادث اطلاق النار وقع بالقرب من مدينه ", False),  # shooting is not a launch
        ("اطلقوا النار من مدينه ", False),
    ],
)
def test_launch_finds_the_forms_of_firing_a_projectile_and_not_shooting(before: str, launched: bool) -> None:
    assert bool(frame("LAUNCH").search(before)) is launched


@pytest.mark.parametrize(
    ("before", "off"),
    [
        ("تجمعات الحوثيين في الشريط الحدودي قباله منطقه ", True),  # across the border from it
        ("في منطقه عمران الحدوديه مع ", True),  # the neighbour across the line
        ("على بعد 20 كيلومترا من ", True),
        ("قصفت الطائرات مواقع في منطقه ", False),
    ],
)
def test_ref_finds_the_points_an_incident_lies_off(before: str, off: bool) -> None:
    assert bool(frame("REF").search(before)) is off


def test_the_land_across_a_countrys_border_is_far_off_but_not_the_border_itself() -> None:
    # "near the Syrian border with Iskenderun": the incident is on the Syrian side; "on the border
    # with the Gaza Strip" is where the border protests were
    far_off = frames()["FAR_OFF"]
    assert far_off.finds("معارك في منطقة |قريبة من الحدود السورية مع لواء |إسكندرون")
    assert far_off.finds("اشتباكات |على الحدود السعودية مع |اليمن")
    assert far_off.misses("تظاهر الآلاف |على الحدود مع |قطاع غزة")
