from __future__ import annotations

import logging
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.batch.progress import LogProgress, NoProgress, make_progress
from marsad.cli.main import app


def test_cli_batch_then_merge(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    args = ["batch", str(corpus), "--out", str(out), "--pipeline", "bare", "--shard-size", "50"]
    result = runner.invoke(app, [*args, "--progress", "none", "--merge"])
    assert result.exit_code == 0, result.output
    assert "3 shards run, 0 already done; 129 documents" in result.output
    assert "merged 0 events into 0" in result.output
    assert (out / "merged" / "events.jsonl").is_file()
    again = runner.invoke(app, [*args, "--progress", "none"])
    assert again.exit_code == 0 and "0 shards run, 3 already done" in again.output
    changed = runner.invoke(app, [*args[:-1], "60", "--progress", "none"])
    assert changed.exit_code == 2 and "another configuration" in changed.output


def test_cli_refuses_unknown_engine_and_pipeline(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    bad_engine = runner.invoke(app, ["batch", str(corpus), "--out", str(tmp_path / "a"), "--engine", "spark"])
    assert bad_engine.exit_code == 2 and "E_CONFIG" in bad_engine.output
    bad_pipe = runner.invoke(app, ["batch", str(corpus), "--out", str(tmp_path / "b"), "--pipeline", "nlp"])
    assert bad_pipe.exit_code == 2 and "unknown pipeline" in bad_pipe.output
    merge_nothing = runner.invoke(app, ["batch-merge", str(tmp_path / "nothing")])
    assert merge_nothing.exit_code == 2 and "not a finished" in merge_nothing.output


def test_log_progress_reports_rate_and_eta(caplog: pytest.LogCaptureFixture) -> None:
    progress = LogProgress(total=1000, every=0.0)
    with caplog.at_level(logging.INFO, logger="marsad.batch.progress"):
        progress.update(250, 7)
        progress.close()
    assert "250/1000 docs, 7 events" in caplog.text and "ETA" in caplog.text
    assert "(done)" in caplog.text
    assert isinstance(make_progress("none", None), NoProgress)
    assert isinstance(make_progress("auto", 10), LogProgress)  # not a terminal under pytest
