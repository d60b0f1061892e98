"""analyze_document, AnalyzeStage and `marsad analyze` on written fixtures and the real seed report."""

from __future__ import annotations

import json
import pickle
from datetime import datetime
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli.main import app
from marsad.model import Document
from marsad.stage import run_stages
from marsad.text.analyze import AnalyzeStage, analyze_document
from marsad.text.normalize import NormalizedText

FIXTURES = Path(__file__).parent / "fixtures"


def _run(*args: str) -> tuple[int, list[dict], str]:
    result = CliRunner().invoke(app, ["analyze", *args])
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    return result.exit_code, lines, result.stderr


def test_seed_report(shared_dir: Path) -> None:
    path = shared_dir / "seed" / "elaph-kirkuk-2021-09.txt"
    text = path.read_text("utf-8")
    code, (out,), _ = _run(str(path))
    assert code == 0
    dates = {(d["text"], d["value"], d["precision"]) for d in out["dates"]}
    assert ("الاحد 5 أيلول سبتمبر 2021", "2021-09-05", "day") in dates  # the caption date
    assert ("فجر الاحد", "2021-09-05", "day") in dates
    assert out["anchor"] == "2021-09-05" and out["anchor_source"] == "caption"
    counts = [(n["text"], n["value"]) for n in out["numbers"] if n["kind"] in ("digits", "cardinal")]
    for want in [("13", 13), ("3", 3), ("ثلاث", 3), ("1200", 1200), ("2500", 2500)]:
        assert want in counts
    for n in out["numbers"]:
        assert text[n["start"] : n["end"]] == n["text"]
    i = text.index("ثلاث عبوات")
    assert any(n["start"] == i and n["end"] == i + 4 for n in out["numbers"])
    boiler = {text[z["start"] : z["end"]]: z["reason"] for z in out["zones"] if z["kind"] == "boilerplate"}
    # the outlet's follow-us prompt is a whole line of the seed, read from the file, not pasted here
    prompt = next(line for line in text.splitlines() if line.startswith("يمكنكم"))
    assert boiler == {prompt: "social-prompt", "إضغط هنا للإشتراك": "subscribe"}
    assert any(z["kind"] == "caption" for z in out["zones"])


def test_txt_fixture_anchors_on_its_own_date() -> None:
    path = FIXTURES / "report-anbar.txt"
    text = path.read_text("utf-8")
    code, (out,), _ = _run(str(path))
    assert code == 0
    assert out["doc_id"] == "report-anbar"
    assert out["anchor"] == "2021-10-12" and out["anchor_source"] == "text"
    dates = [(d["text"], d["value"]) for d in out["dates"]]
    assert ("مساء الثلاثاء", "2021-10-12") in dates
    assert ("أمس الأول", "2021-10-10") in dates
    nums = [(n["text"], n["value"], n["kind"]) for n in out["numbers"]]
    assert ("جنديان", 2, "dual") in nums
    assert ("ثلاثة", 3, "cardinal") in nums
    assert ("١٥", 15, "digits") in nums
    assert ("مئة وخمسين", 150, "cardinal") in nums
    assert ("واحد وعشرين", 21, "cardinal") in nums
    assert ("2021", 2021, "date") in nums
    # sentences never start inside the dateline and never come from boilerplate
    first = text[out["sentences"][2]["start"] :]
    assert first.startswith("قُتل جنديان")


def test_jsonl_fixture_uses_published() -> None:
    code, out, _ = _run(str(FIXTURES / "reports.jsonl"))
    assert code == 0
    by_id = {o["doc_id"]: o for o in out}
    sanaa = {(d["text"], d["value"]) for d in by_id["fx-sanaa-1"]["dates"]}
    assert ("فجر الخميس", "2018-06-07") in sanaa
    assert ("20 مايو/أيار 2018", "2018-05-20") in sanaa
    idlib = {(d["text"], d["value"], d["precision"]) for d in by_id["fx-idlib-2"]["dates"]}
    assert ("الليلة الماضية", "2018-03-18", "day") in idlib
    assert ("الأسبوع الماضي", "2018-03-10", "week") in idlib
    assert ("مطلع العام الجاري", "2018-01-01", "year") in idlib
    nums = {(n["text"], n["value"], n["vague"]) for n in by_id["fx-sanaa-1"]["numbers"]}
    assert {("12", 12, False), ("أربعة", 4, False), ("عشرات", 12, True), ("٣٠", 30, False)} <= nums


def test_bad_inputs_are_rejected_and_the_run_goes_on(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text((FIXTURES / "report-anbar.txt").read_text("utf-8"), "utf-8")
    (inputs / "bad-utf8.txt").write_bytes("قتل جندي".encode() + b"\xff\xfe\xfa")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "mixed.jsonl").write_text(
        (FIXTURES / "reports.jsonl").read_text("utf-8") + "{not json\n", "utf-8"
    )
    rejects = tmp_path / "rejects.jsonl"  # outside the input directory, or it would be read too
    code, out, err = _run(str(inputs), "--rejects", str(rejects))
    assert code == 3
    assert {o["doc_id"] for o in out} == {"good", "fx-sanaa-1", "fx-idlib-2"}
    codes = sorted(r["code"] for r in map(json.loads, rejects.read_text("utf-8").splitlines()))
    assert codes == ["E_BINARY", "E_DECODE", "E_EMPTY", "E_JSON"]
    assert "3 processed, 4 rejected" in err


def test_stage_pickles_and_keeps_the_view() -> None:
    stage = pickle.loads(pickle.dumps(AnalyzeStage(tokens=True)))
    doc = Document(id="x", text="قُتل جنديان أمس.", published=datetime(2020, 1, 2))
    (out,) = list(run_stages([stage], [doc]))
    assert out.analysis is not None and isinstance(out.analysis.normalized, NormalizedText)
    assert out.analysis.normalized.text == "قتل جنديان امس."
    assert [d.value.isoformat() for d in out.analysis.dates] == ["2020-01-01"]
    assert stage.stats.docs_out == 1 and stage.stats.extra["numbers"] == 1
    assert [t.norm for t in out.analysis.tokens] == ["قتل", "جنديان", "امس"]


def test_analyze_without_any_date() -> None:
    a = analyze_document(Document(id="y", text="قتل جندي أمس في هجوم."))
    assert a.anchor is None and a.dates == [] and a.tokens == []  # tokens are opt-in
