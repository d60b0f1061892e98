"""The database schema (SQLAlchemy Core), the ONE definition queries are written against.

Alembic migrations under `migrations/versions/` create exactly these tables; a test compares the
migrated database with this metadata so the two cannot drift apart. Types are chosen to be
portable between SQLite and PostgreSQL: dates are ISO strings (`event_date` 'YYYY-MM-DD', which
sorts and compares as text on both), lists are `JSON`, times are timezone-aware `DateTime`.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# Stable constraint names so migrations on PostgreSQL and SQLite agree.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(255), primary_key=True),
    Column("outlet", String(255)),
    Column("url", Text),
    Column("published", String(40)),  # ISO 8601 as given by the reader
    Column("title", Text),
    Column("text", Text, nullable=False),  # the ORIGINAL text: evidence offsets point into it
    Column("text_norm", Text, nullable=False),  # normalize_key(title + text), for q= search
    Column("content_hash", String(64), nullable=False, index=True),
    Column("reader", String(20)),
    Column("origin", Text),
    Column("n_events", Integer, nullable=False, default=0),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),  # == event_id_cnty; stable across re-runs and merges
    Column("created_seq", Integer, nullable=False),  # creation order: the earliest survives a merge
    # --- ACLED columns (event_id_cnty is `id`) ---
    Column("event_date", String(10), nullable=False),
    Column("year", Integer, nullable=False),
    Column("time_precision", Integer, nullable=False),
    Column("disorder_type", String(64), nullable=False),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(64), nullable=False),
    Column("actor1", String(255), nullable=False),
    Column("assoc_actor_1", Text, nullable=False, default=""),
    Column("inter1", Integer, nullable=False, default=0),
    Column("actor2", String(255), nullable=False, default=""),
    Column("assoc_actor_2", Text, nullable=False, default=""),
    Column("inter2", Integer, nullable=False, default=0),
    Column("interaction", Integer, nullable=False, default=0),
    Column("civilian_targeting", String(64), nullable=False, default=""),
    Column("iso", Integer, nullable=False, default=0),
    Column("region", String(64), nullable=False, default=""),
    Column("country", String(64), nullable=False, default=""),
    Column("admin1", String(128), nullable=False, default=""),
    Column("admin2", String(128), nullable=False, default=""),
    Column("admin3", String(128), nullable=False, default=""),
    Column("location", String(255), nullable=False, default=""),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer, nullable=False, default=3),
    Column("source", Text, nullable=False, default=""),
    Column("source_scale", String(64), nullable=False, default=""),
    Column("notes", Text, nullable=False, default=""),
    Column("fatalities", Integer, nullable=False, default=0),
    Column("tags", Text, nullable=False, default=""),
    Column("timestamp", Integer, nullable=False, default=0),
    # --- extensions ---
    Column("doc_ids", JSON, nullable=False),
    Column("injured", Integer),
    Column("fatalities_range", JSON),
    Column("location_ar", String(255), nullable=False, default=""),
    Column("actor1_ar", String(255), nullable=False, default=""),
    Column("actor2_ar", String(255), nullable=False, default=""),
    Column("confidence", Float, nullable=False, default=0.5),
    # every actor name (EN and AR) in lower case, "|"-separated: one LIKE for the actor filter
    Column("actors_key", Text, nullable=False, default="", server_default=""),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # Indexes for the API's filters; every list query is ordered by (event_date, id) for keyset paging.
    Index("ix_events_date_id", "event_date", "id"),
    # (filter, event_date, id): the filtered rows come out of the index already in page order
    Index("ix_events_country_date_id", "country", "event_date", "id"),
    Index("ix_events_admin1_date_id", "admin1", "event_date", "id"),
    Index("ix_events_type_date_id", "event_type", "event_date", "id"),
    Index("ix_events_subtype_date_id", "sub_event_type", "event_date", "id"),
    Index("ix_events_fatalities_date_id", "fatalities", "event_date", "id"),
    Index("ix_events_actor1", "actor1"),
    Index("ix_events_actor2", "actor2"),
)

# One row per (document, incident) as that report told it: its own figures are kept after a merge.
event_sources = Table(
    "event_sources",
    metadata,
    Column("doc_id", String(255), ForeignKey("documents.id"), primary_key=True),
    Column("position", Integer, primary_key=True),  # index of the event in the document's list
    Column("event_id", String(64), ForeignKey("events.id"), nullable=False, index=True),
    Column("seq", Integer, nullable=False),  # order in which the reports arrived
    Column("outlet", String(255)),
    Column("event_date", String(10), nullable=False),
    Column("fatalities", Integer, nullable=False, default=0),
    Column("injured", Integer),
    Column("record", JSON, nullable=False),  # the extracted EventRecord (without evidence)
    # normalised trigger sentences of this report: what cross-report merging compares
    Column("match_text", Text, nullable=False, default=""),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), ForeignKey("events.id"), nullable=False, index=True),
    Column("doc_id", String(255), ForeignKey("documents.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("field", String(64), nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_evidence_doc_position", "doc_id", "position"),
)

rejects = Table(
    "rejects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(64), nullable=False, unique=True),  # hash(origin, doc_id, code): idempotent
    Column("doc_id", String(255)),
    Column("origin", Text),
    Column("code", String(32), nullable=False),
    Column("message", Text, nullable=False),
    Column("excerpt", Text),
    Column("at", DateTime(timezone=True), nullable=False),
)

# The living-dataset feed: every created / updated / merged / deleted event, in order.
change_log = Table(
    "change_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # created | updated | merged | deleted
    Column("into_id", String(64)),  # for "merged": the surviving event
    Column("at", DateTime(timezone=True), nullable=False, index=True),
)

CHANGE_KINDS = ("created", "updated", "merged", "deleted")

# Webhook deliveries of alerts (marsad.alerts.outbox): one row per (alert, webhook), kept until the
# receiver acknowledged it, so a pending delivery survives a restart. Created by migration 0005.
alert_outbox = Table(
    "alert_outbox",
    metadata,
    Column("alert_id", String(64), primary_key=True),
    Column("webhook_url", String(1000), primary_key=True),
    Column("payload", Text, nullable=False),  # the exact JSON body; signed again on each try
    Column("state", String(16), nullable=False, default="pending"),  # pending | delivered | dead
    Column("attempts", Integer, nullable=False, default=0),
    Column("created_at", Float, nullable=False),
    Column("next_attempt_at", Float, nullable=False),
    Column("delivered_at", Float, nullable=True),
    Column("last_status", Integer, nullable=True),
    Column("last_error", Text, nullable=True),
)
