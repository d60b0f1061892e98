"""`marsad serve` as a real server process on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_prints_address_and_answers(tmp_path: Path) -> None:
    port = _free_port()
    db = f"sqlite:///{tmp_path / 'serve.db'}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "marsad.cli.main", "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "MARSAD_CONFIG": os.devnull},
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in line
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/events", timeout=5)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline and proc.poll() is None, "server did not start"
                time.sleep(0.1)
        assert r.status_code == 200 and r.json() == {
            "ok": True,
            "data": [],
            "meta": {"count": 0, "limit": 100, "next_cursor": None, "filters": {}},
        }
        bad = httpx.get(f"http://127.0.0.1:{port}/events?limit=0", timeout=5)
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "E_BAD_PARAMETER"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
