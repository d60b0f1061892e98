"""The dashboard test server: a real SQLite file filled through the store's ingest with events coded
from Arabic fixture reports, served by the real app (uvicorn on 127.0.0.1, a free port, in a thread).
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

from marsad.store import Store


def make_app(store: Store) -> Any:
    """The project's app when it exists; until then a small app speaking the same API contract."""
    try:
        from marsad.api.app import create_app
    except ImportError:
        from dash_contract import contract_app

        return contract_app(store)
    return create_app(store=store)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def dashboard_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    db = tmp_path_factory.mktemp("dashboard") / "dashboard.db"
    store = Store(f"sqlite:///{db}")
    store.ingest_documents(documents())
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
