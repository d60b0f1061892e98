"""Property: paging with the cursor returns exactly the filtered events, once each, newest first,
whatever the filter and page size (SQLite; the SQL is the same on PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportkit import corpus_lines

from marsad.model import Document
from marsad.record import EventRecord
from marsad.store import EventFilter, Store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("paging") / "paging.db"
    docs = []
    for line in corpus_lines(120):
        if not isinstance(line["text"], str):
            continue
        d = Document(id=line["id"], text=line["text"], outlet=line["outlet"])
        d.events = [EventRecord.model_validate(e) for e in line["events"]]
        docs.append(d)
    s = Store(f"sqlite:///{path}")
    s.ingest_documents(docs, batch_size=50)
    yield s
    s.close()


filters = st.builds(
    EventFilter,
    date_from=st.one_of(st.none(), st.dates(date(2021, 1, 1), date(2021, 5, 1))),
    admin1=st.one_of(st.none(), st.sampled_from(["Kirkuk", "Salah al-Din", "Anbar", "Nowhere"])),
    min_fatalities=st.one_of(st.none(), st.integers(0, 8)),
    actor=st.one_of(st.none(), st.sampled_from(["police", "الشرطة", "%", "islamic"])),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(f=filters, limit=st.integers(1, 40))
def test_pages_cover_the_filtered_set_once(store: Store, f: EventFilter, limit: int) -> None:
    expected = [e["id"] for e in store.iter_events(f)]
    seen: list[tuple[str, str]] = []
    cursor = None
    for _ in range(1000):
        page = store.query_events(f, cursor, limit)
        assert len(page.events) <= limit
        seen += [(e["event_date"], e["id"]) for e in page.events]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert sorted(i for _, i in seen) == sorted(expected)
    assert len(set(seen)) == len(seen)
    assert seen == sorted(seen, reverse=True)
