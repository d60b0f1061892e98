"""End to end with the project's real extractor: reports written differently about one incident
become one stored event; other incidents the same day in the same place stay apart."""

from __future__ import annotations

import importlib.util

import pytest
from reportkit import raw_docs  # type: ignore[import-not-found]

from marsad.store import Store
from marsad.store.ingest import ingest_documents, pipeline_extractor

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("marsad.extract") is None,
    reason="the extractor (marsad.extract) is not installed",
)


def test_real_extraction_merges_the_pairs_only(tmp_path: object) -> None:
    with Store(f"sqlite:///{tmp_path}/e2e.db") as store:
        ingest_documents(store, raw_docs(), extractor=pipeline_extractor())
        groups = sorted(sorted(e["doc_ids"]) for e in store.iter_events())
    assert ["agency-a-0314", "outlet-b-7731"] in groups  # the IED on the police patrol in Hawija
    assert ["agency-a-0608", "outlet-b-0608"] in groups  # the air strike on the market in Razih
    for alone in ("agency-a-0315", "outlet-c-0099", "outlet-c-0608", "agency-a-0316"):
        assert [g for g in groups if alone in g] == [[alone]], groups
