"""API fixtures: the real app over a real store (SQLite file, and PostgreSQL when configured)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

STORE_TESTS = Path(__file__).resolve().parent.parent / "store"
sys.path.insert(0, str(STORE_TESTS))

from dbkit import db_url  # noqa: E402, F401  (the fixture)
from reportkit import hawija_docs, protest_doc  # type: ignore[import-not-found]  # noqa: E402

from marsad.api.app import create_app  # noqa: E402
from marsad.config import Settings  # noqa: E402
from marsad.store import Store  # noqa: E402

TOKEN = "s3cret-token"


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:  # noqa: F811
    store = Store(db_url)
    store.ingest_documents([*hawija_docs(), protest_doc()])
    app = create_app(Settings(db_url=db_url, api_token=TOKEN), store)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    store.close()
