"""The store against real databases (SQLite file and PostgreSQL): schema, ingest, merge, reads."""

from __future__ import annotations

from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from reportkit import HAWIJA_A, doc, event, hawija_docs, protest_doc

from marsad.errors import ErrorCode, MarsadError, Reject
from marsad.store import EventFilter, Store
from marsad.store.db import sqlalchemy_url
from marsad.store.schema import metadata


def test_url_forms() -> None:
    assert sqlalchemy_url("postgresql://u@h:5/db") == "postgresql+psycopg://u@h:5/db"
    assert sqlalchemy_url("/tmp/x.db") == "sqlite:////tmp/x.db"
    with pytest.raises(MarsadError) as exc:
        sqlalchemy_url("mysql://h/db")
    assert exc.value.code == ErrorCode.CONFIG


# Made by migration 0004 on PostgreSQL only (pg_trgm), deliberately not in the portable metadata.
DIALECT_ONLY_INDEXES = {"ix_documents_text_norm_trgm"}


def schema_diff(conn: object) -> list[object]:
    diff = compare_metadata(MigrationContext.configure(conn), metadata)  # type: ignore[arg-type]
    return [d for d in diff if not (d[0] == "remove_index" and d[1].name in DIALECT_ONLY_INDEXES)]


def test_migrations_create_exactly_the_schema(db_url: str) -> None:
    with Store(db_url) as store, store.engine.connect() as conn:
        assert schema_diff(conn) == []
        if store.dialect == "postgresql":  # the trigram index serves q= (LIKE '%…%') searches
            names = {
                r[0]
                for r in conn.exec_driver_sql(
                    "SELECT indexname FROM pg_indexes WHERE tablename = 'documents'"
                )
            }
            assert "ix_documents_text_norm_trgm" in names


def test_reopen_is_harmless(db_url: str) -> None:
    Store(db_url).close()
    with Store(db_url) as store:
        assert store.counts()["events"] == 0


def test_merge_one_incident_keep_others_apart(db_url: str) -> None:
    with Store(db_url) as store:
        rep = store.ingest_documents([*hawija_docs(), protest_doc()], batch_size=2)
        assert rep.documents == 5
        assert rep.events_created == 4 and rep.events_updated == 1
        events = store.query_events(limit=100).events
        assert len(events) == 4
        merged = [e for e in events if len(e["doc_ids"]) > 1]
        assert len(merged) == 1
        ev = merged[0]
        assert ev["id"] == "IRQ-agency-a-0314-0"  # the earliest report's id survives
        assert ev["doc_ids"] == ["agency-a-0314", "outlet-b-7731"]
        assert ev["source"] == "Agency A; Outlet B"
        assert ev["fatalities"] == 3 and ev["fatalities_range"] == [3, 4]  # lowest figure rule
        assert ev["injured"] == 5
        detail = store.get_event(ev["id"])
        assert detail is not None
        assert [s["fatalities"] for s in detail["sources"]] == [3, 4]
        texts = {e["doc_id"]: e for e in detail["evidence"] if e["field"] == "fatalities"}
        assert HAWIJA_A[texts["agency-a-0314"]["start"] : texts["agency-a-0314"]["end"]] == "بمقتل ثلاثة"
        kinds = [c["kind"] for c in store.changes()]
        assert kinds.count("created") == 4 and kinds.count("updated") == 1


def test_same_ingest_twice_changes_nothing(db_url: str) -> None:
    with Store(db_url) as store:
        store.ingest_documents(hawija_docs())
        before = (store.counts(), store.query_events(limit=100).events)
        again = store.ingest_documents(hawija_docs())
        assert again.unchanged == 4 and again.documents == 0
        after = (store.counts(), store.query_events(limit=100).events)
        assert before == after


def test_same_id_different_text_is_rejected(db_url: str) -> None:
    with Store(db_url) as store:
        store.ingest_documents(hawija_docs()[:1])
        changed = doc("agency-a-0314", HAWIJA_A + "\nتحديث.", "Agency A")
        broken = doc("bad-1", "x", "Agency A")
        broken.reject = Reject(ErrorCode.NOT_ARABIC, "too little Arabic", "bad-1", "test:bad-1")
        rep = store.ingest_documents([changed, broken])
        assert rep.rejected == 2 and rep.reject_codes == {"E_DUPLICATE_ID": 1, "E_NOT_ARABIC": 1}
        store.ingest_documents([broken])  # a reject seen again is not stored twice
        assert [r["code"] for r in store.rejects()] == ["E_DUPLICATE_ID", "E_NOT_ARABIC"]


def test_a_changed_document_can_replace_its_stored_version(db_url: str) -> None:
    with Store(db_url, replace_changed=True) as store:
        store.ingest_documents(hawija_docs())
        last = store.changes()[-1]["seq"]
        updated = hawija_docs()[1]  # Outlet B updates its article: now five killed
        updated.text = updated.text.replace("قُتل أربعة", "قُتل خمسة")
        updated.events = [
            event(
                updated,
                "Remote explosive/landmine/IED",
                {"sub_event_type": "تفجير عبوة ناسفة", "fatalities": "قُتل خمسة", "location": "الحويجة"},
                actor2="Police Forces of Iraq (2021-)",
                inter1=2,
                inter2=1,
                fatalities=5,
            )
        ]
        rep = store.ingest_documents([updated])
        assert rep.replaced == 1 and rep.documents == 1 and rep.rejected == 0
        merged = store.get_event("IRQ-agency-a-0314-0")
        assert merged is not None and merged["fatalities_range"] == [3, 5]
        assert [s["fatalities"] for s in merged["sources"]] == [3, 5]
        assert [(c["event_id"], c["kind"]) for c in store.changes(last)] == [
            ("IRQ-agency-a-0314-0", "updated"),  # the old report withdrawn
            ("IRQ-agency-a-0314-0", "updated"),  # the new one merged in
        ]
        doc = store.get_document("outlet-b-7731")
        assert doc is not None and "قُتل خمسة" in doc["text"]


def test_a_bad_record_rejects_its_document_not_the_batch(db_url: str) -> None:
    docs = hawija_docs()
    docs[1].events = [docs[1].events[0].model_copy(update={"event_date": "14/03/2021"})]
    with Store(db_url) as store:
        rep = store.ingest_documents(docs)
        assert rep.documents == 3 and rep.reject_codes == {"E_PROCESSING": 1}
        assert store.get_document("outlet-b-7731") is None
        assert "event_date" in store.rejects()[0]["message"]


def test_filters_and_search(db_url: str) -> None:
    with Store(db_url) as store:
        store.ingest_documents([*hawija_docs(), protest_doc()])

        def ids(**kw: object) -> set[str]:
            return {e["id"] for e in store.query_events(EventFilter(**kw), limit=100).events}  # type: ignore[arg-type]

        assert ids(event_type="Protests") == {"IRQ-agency-a-0316-0"}
        assert ids(date_from=date(2021, 3, 15)) == {"IRQ-agency-a-0316-0"}
        assert ids(date_to=date(2021, 3, 14), min_fatalities=1) == {
            "IRQ-agency-a-0314-0",
            "IRQ-agency-a-0315-0",
        }
        assert ids(actor="islamic state") == {"IRQ-agency-a-0314-0"}
        assert ids(admin1="Baghdad", country="Iraq") == {"IRQ-agency-a-0316-0"}
        # hamza / alef / teh marbuta insensitive, both sides normalised: "اغتال" typed as "إغتال",
        # "التظاهرة" as "التظاهره"
        assert ids(q="إغتال المختار") == {"IRQ-agency-a-0315-0"}
        assert ids(q="التظاهره") == {"IRQ-agency-a-0316-0"}
        assert ids(q="عبوة ناسفة") == {"IRQ-agency-a-0314-0", "IRQ-outlet-c-0099-0"}
        assert ids(q="'; DROP TABLE events; --") == set()
        assert ids(q="100%") == set()
        assert store.counts()["events"] == 4


def test_cursor_pages_cover_everything_once(db_url: str) -> None:
    with Store(db_url) as store:
        store.ingest_documents([*hawija_docs(), protest_doc()])
        seen: list[str] = []
        cursor = None
        while True:
            page = store.query_events(cursor=cursor, limit=1)
            seen += [e["id"] for e in page.events]
            cursor = page.next_cursor
            if cursor is None:
                break
        assert len(seen) == len(set(seen)) == 4
        assert seen[0] == "IRQ-agency-a-0316-0"  # newest first
        assert [e["id"] for e in store.iter_events()][-1] == "IRQ-agency-a-0316-0"  # oldest first
        with pytest.raises(MarsadError):
            store.query_events(cursor="not-a-cursor")
        with pytest.raises(MarsadError):
            store.query_events(limit=501)


def test_stats_and_documents(db_url: str) -> None:
    with Store(db_url) as store:
        store.ingest_documents([*hawija_docs(), protest_doc()])
        st = store.stats()
        assert st["events"] == 4 and st["fatalities"] == 3 + 1 + 0 + 0
        assert st["by_day"] == [
            {"period": "2021-03-14", "events": 3, "fatalities": 4},
            {"period": "2021-03-15", "events": 1, "fatalities": 0},
        ]
        assert st["by_week"] == [
            {"period": "2021-W10", "events": 3, "fatalities": 4},
            {"period": "2021-W11", "events": 1, "fatalities": 0},
        ]
        assert st["by_month"] == [{"period": "2021-03", "events": 4, "fatalities": 4}]
        assert {(r["admin1"], r["events"]) for r in st["by_admin1"]} == {("Kirkuk", 3), ("Baghdad", 1)}
        d = store.get_document("outlet-b-7731")
        assert d is not None and d["event_ids"] == ["IRQ-agency-a-0314-0"] and d["outlet"] == "Outlet B"
        assert store.get_document("nope") is None and store.get_event("nope") is None
        recs = list(store.iter_records(EventFilter(country="Iraq")))
        assert len(recs) == 4 and all(r.country == "Iraq" for r in recs)


def test_an_old_database_is_upgraded_with_its_data(db_url: str) -> None:
    from alembic import command
    from sqlalchemy import text

    from marsad.store.db import alembic_config, make_engine

    engine = make_engine(db_url)
    cfg = alembic_config()
    with engine.begin() as conn:  # a database made by the first release, with one event in it
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(
            text(
                "INSERT INTO events (id, created_seq, event_date, year, time_precision, disorder_type,"
                " event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2,"
                " interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3, location,"
                " geo_precision, source, source_scale, notes, fatalities, tags, timestamp, doc_ids,"
                " location_ar, actor1_ar, actor2_ar, confidence, updated_at) VALUES ('OLD1', 1, '2021-03-14',"
                " 2021, 1, 'Political violence', 'Battles', 'Armed clash', 'Islamic State (Iraq)', '', 2,"
                " 'Peshmerga', '', 1, 12, '', 368, 'Middle East', 'Iraq', 'Kirkuk', '', '', 'Kirkuk', 1,"
                " 'Agency A', '', '', 2, '', 0, '[]', 'كركوك', 'داعش', 'البيشمركة', 0.5, :at)"
            ),
            {"at": "2021-03-14 12:00:00"},
        )
    engine.dispose()
    with Store(db_url) as store, store.engine.connect() as conn:
        assert schema_diff(conn) == []
        assert [e["id"] for e in store.query_events(EventFilter(actor="peshmerga")).events] == ["OLD1"]
        assert [e["id"] for e in store.query_events(EventFilter(actor="البيشمركة")).events] == ["OLD1"]
