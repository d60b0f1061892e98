"""The dashboard test server: the real app (`create_app`, uvicorn on 127.0.0.1, a free port, in a
thread) over a real SQLite file filled through the project's ingest:
- the project's fixture reports (tests/fixtures/reports) through the real extraction pipeline, and
- the reports in dash_reports.py with events coded by hand (two outlets of one incident, so the
  page's merged-event view is exercised whatever the extractor does).
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dash_reports import documents

from marsad.api.app import create_app
from marsad.config import Settings
from marsad.store import Store
from marsad.store.ingest import ingest_documents, ingest_paths


def make_app(store: Store) -> Any:
    return create_app(Settings(db_url=store.url), store=store)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def dashboard_store(tmp_path_factory: pytest.TempPathFactory, fixtures_dir: Path) -> Iterator[Store]:
    db = tmp_path_factory.mktemp("dashboard") / "dashboard.db"
    store = Store(f"sqlite:///{db}")
    ingest_paths(store, [fixtures_dir / "reports" / "reports.jsonl"])
    ingest_documents(store, documents())
    yield store
    store.close()


@pytest.fixture(scope="session")
def dashboard_url(dashboard_store: Store) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(make_app(dashboard_store), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="dashboard-uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the dashboard test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
