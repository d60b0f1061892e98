"""The scorer's matching rules, and `marsad eval` / `marsad extract` end to end on the test reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli.main import app
from marsad.eval import actor_groups, admin1_equal, evaluate
from marsad.eval.score import compare, match
from marsad.record import EventRecord


def _pred(**kw: object) -> EventRecord:
    base: dict[str, object] = {
        "event_id_cnty": "IRQ1",
        "event_date": "2022-03-14",
        "year": 2022,
        "time_precision": 1,
        "disorder_type": "Political violence",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Islamic State (Iraq)",
        "actor2": "Military Forces of Iraq (2020-)",
        "country": "Iraq",
        "admin1": "Ninewa",
        "fatalities": 3,
        "injured": 2,
    }
    base.update(kw)
    return EventRecord.model_validate(base)


GOLD = {
    "date": "2022-03-14",
    "date_precision": "day",
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "actor1": "ISIS militants",
    "actor2": "Iraqi army soldiers",
    "country": "Iraq",
    "admin1": "Nineveh",
    "fatalities": 3,
    "injured": None,
}


def test_admin1_spellings_compare_equal() -> None:
    for a, b in [
        ("Deir-ez-Zor", "Dayr az Zawr"),
        ("Ninewa", "Nineveh"),
        ("Idleb", "Idlib"),
        ("Basrah", "Basra"),
        ("Sa'dah", "Saada"),
        ("Al Hudaydah", "Hodeidah"),
        ("Salah al-Din", "Saladin"),
        ("Rural Damascus", "Rif Dimashq"),
        ("Thi-Qar", "Dhi Qar"),
        ("South Lebanon", "South"),  # an alias that names another alias ("South" -> "HaDarom")
        ("Al-Qadisiyah", "Qadissiya"),  # the article joined by a hyphen, GeoNames' spelling
        ("Al-Anbar", "Anbar"),
        ("Babil", "Babylon"),
    ]:
        assert admin1_equal(a, b), (a, b)
    assert not admin1_equal("Basrah", "Baghdad")
    assert not admin1_equal("Idleb", "Aleppo")
    assert not admin1_equal("South Lebanon", "North")
    assert not admin1_equal("Qadissiya", "Basrah")
    assert admin1_equal(None, "Kirkuk")


def test_actor_groups() -> None:
    assert actor_groups("Police Forces of Iraq (2020-) Federal Police") == {"police"}
    assert actor_groups("Islamic State - Sinai Province (militants, implied)") == {"islamic_state"}
    assert "houthis" in actor_groups("Houthis (Ansar Allah)")
    assert "civilians" in actor_groups("Civilians (Syria); security personnel")


def test_pair_rules() -> None:
    agree = compare(_pred(), GOLD)
    assert agree is not None
    assert agree["event_type"] and agree["admin1"] and agree["fatalities"] and agree["actors"]
    assert agree["injured"] is None  # gold null: not scored
    assert compare(_pred(country="Syria"), GOLD) is None
    assert compare(_pred(event_date="2022-03-16"), GOLD) is None
    assert compare(_pred(event_date="2022-03-16"), {**GOLD, "date_precision": "week"}) is not None
    assert compare(_pred(admin1="Kirkuk"), GOLD) is None
    assert compare(_pred(admin1=""), GOLD) is not None  # one side missing may match


def test_matching_is_one_to_one_and_prefers_agreement() -> None:
    golds = [GOLD, {**GOLD, "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}]
    preds = [_pred(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike"), _pred()]
    pairs = match(preds, golds)
    assert len(pairs) == 2
    assert all(p.agree["event_type"] for p in pairs)


def _gold_file(fixtures_dir: Path, tmp_path: Path) -> Path:
    reports = fixtures_dir / "reports"
    docs = {
        json.loads(x)["id"]: json.loads(x)
        for x in (reports / "reports.jsonl").read_text("utf-8").splitlines()
    }
    out = tmp_path / "gold.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for line in (reports / "gold.jsonl").read_text("utf-8").splitlines():
            g = json.loads(line)
            fh.write(json.dumps({**docs[g["id"]], "gold": g["gold"]}, ensure_ascii=False) + "\n")
    return out


def test_quality_floor_on_the_test_reports(fixtures_dir: Path, tmp_path: Path) -> None:
    """A quality gate: the figures on the project's own reports must not drop silently."""
    d = evaluate(_gold_file(fixtures_dir, tmp_path)).to_dict()
    assert d["f1"] >= 0.75, d
    assert d["fields"]["event_type"]["accuracy"] >= 0.85
    assert d["fields"]["admin1"]["accuracy"] >= 0.85
    assert d["no_event_articles_with_events"] == 0


@pytest.mark.shared
def test_quality_floor_on_the_dev_set(shared_dir: Path) -> None:
    d = evaluate(shared_dir / "eval" / "dev-articles.jsonl").to_dict()
    assert d["f1"] >= 0.8, d
    for field in ("event_type", "date", "admin1", "fatalities"):
        assert d["fields"][field]["accuracy"] >= 0.85, (field, d["fields"][field])
    assert d["no_event_articles_with_events"] == 0


def test_cli_eval_json(fixtures_dir: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["eval", str(_gold_file(fixtures_dir, tmp_path)), "--json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert {"precision", "recall", "f1", "fields", "no_event_articles_with_events"} <= set(d)


def test_cli_eval_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text("{not json\n", "utf-8")
    res = CliRunner().invoke(app, ["eval", str(bad)])
    assert res.exit_code == 2 and "E_JSON" in res.output


def test_cli_extract_writes_events_and_rejects(fixtures_dir: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    good = (fixtures_dir / "reports" / "reports.jsonl").read_text("utf-8").splitlines()[:3]
    src.write_text("\n".join([*good, "{broken json", '{"id": "x"}']) + "\n", "utf-8")
    out, rej = tmp_path / "events.csv", tmp_path / "rejects.jsonl"
    res = CliRunner().invoke(
        app, ["extract", str(src), "--format", "csv", "--out", str(out), "--rejects", str(rej)]
    )
    assert res.exit_code == 3, res.output  # some documents rejected
    lines = out.read_text("utf-8").splitlines()
    assert lines[0].startswith("event_id_cnty,event_date,year") and len(lines) >= 3
    codes = [json.loads(x)["code"] for x in rej.read_text("utf-8").splitlines()]
    assert codes == ["E_JSON", "E_MISSING_FIELD"]


def test_a_gold_text_holding_a_line_separator_loads_as_one_line(tmp_path: Path) -> None:
    # JSON Lines break at "\n" only: U+2028 inside a text (web copy has it) is part of the text
    from marsad.eval import load_gold

    text = "قتل ثلاثة أشخاص في انفجار عبوة ناسفة في مدينة الموصل.\u2028وأصيب خمسة آخرون."
    row = {"id": "a", "published": "2018-05-10T10:00:00Z", "text": text, "gold": {"events": []}}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    ((doc, golds),) = load_gold(path)
    assert doc.text == text and golds == []
