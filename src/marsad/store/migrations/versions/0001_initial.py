"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-29 09:48:53.516775
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("into_id", sa.String(length=64), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_log")),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_change_log_event_id"), ["event_id"], unique=False)

    op.create_table(
        "documents",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("outlet", sa.String(length=255), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=40), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_norm", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("reader", sa.String(length=20), nullable=True),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("n_events", sa.Integer(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_content_hash"), ["content_hash"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("created_seq", sa.Integer(), nullable=False),
        sa.Column("event_date", sa.String(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("time_precision", sa.Integer(), nullable=False),
        sa.Column("disorder_type", sa.String(length=64), nullable=False),
        sa.Column("event_type", sa.String(length=64), nullable=False),
        sa.Column("sub_event_type", sa.String(length=64), nullable=False),
        sa.Column("actor1", sa.String(length=255), nullable=False),
        sa.Column("assoc_actor_1", sa.Text(), nullable=False),
        sa.Column("inter1", sa.Integer(), nullable=False),
        sa.Column("actor2", sa.String(length=255), nullable=False),
        sa.Column("assoc_actor_2", sa.Text(), nullable=False),
        sa.Column("inter2", sa.Integer(), nullable=False),
        sa.Column("interaction", sa.Integer(), nullable=False),
        sa.Column("civilian_targeting", sa.String(length=64), nullable=False),
        sa.Column("iso", sa.Integer(), nullable=False),
        sa.Column("region", sa.String(length=64), nullable=False),
        sa.Column("country", sa.String(length=64), nullable=False),
        sa.Column("admin1", sa.String(length=128), nullable=False),
        sa.Column("admin2", sa.String(length=128), nullable=False),
        sa.Column("admin3", sa.String(length=128), nullable=False),
        sa.Column("location", sa.String(length=255), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_scale", sa.String(length=64), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("fatalities", sa.Integer(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("timestamp", sa.Integer(), nullable=False),
        sa.Column("doc_ids", sa.JSON(), nullable=False),
        sa.Column("injured", sa.Integer(), nullable=True),
        sa.Column("fatalities_range", sa.JSON(), nullable=True),
        sa.Column("location_ar", sa.String(length=255), nullable=False),
        sa.Column("actor1_ar", sa.String(length=255), nullable=False),
        sa.Column("actor2_ar", sa.String(length=255), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_actor1", ["actor1"], unique=False)
        batch_op.create_index("ix_events_actor2", ["actor2"], unique=False)
        batch_op.create_index("ix_events_admin1_date", ["admin1", "event_date"], unique=False)
        batch_op.create_index("ix_events_country_date", ["country", "event_date"], unique=False)
        batch_op.create_index("ix_events_date_id", ["event_date", "id"], unique=False)
        batch_op.create_index("ix_events_fatalities", ["fatalities"], unique=False)
        batch_op.create_index("ix_events_subtype_date", ["sub_event_type", "event_date"], unique=False)
        batch_op.create_index("ix_events_type_date", ["event_type", "event_date"], unique=False)

    op.create_table(
        "rejects",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("doc_id", sa.String(length=255), nullable=True),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("excerpt", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rejects")),
        sa.UniqueConstraint("key", name=op.f("uq_rejects_key")),
    )
    op.create_table(
        "event_sources",
        sa.Column("doc_id", sa.String(length=255), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("outlet", sa.String(length=255), nullable=True),
        sa.Column("event_date", sa.String(length=10), nullable=False),
        sa.Column("fatalities", sa.Integer(), nullable=False),
        sa.Column("injured", sa.Integer(), nullable=True),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("match_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], name=op.f("fk_event_sources_doc_id_documents")),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_event_sources_event_id_events")),
        sa.PrimaryKeyConstraint("doc_id", "position", name=op.f("pk_event_sources")),
    )
    with op.batch_alter_table("event_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_sources_event_id"), ["event_id"], unique=False)

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("doc_id", sa.String(length=255), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], name=op.f("fk_evidence_doc_id_documents")),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_evidence_event_id_events")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index("ix_evidence_doc_position", ["doc_id", "position"], unique=False)
        batch_op.create_index(batch_op.f("ix_evidence_event_id"), ["event_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_event_id"))
        batch_op.drop_index("ix_evidence_doc_position")

    op.drop_table("evidence")
    with op.batch_alter_table("event_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_sources_event_id"))

    op.drop_table("event_sources")
    op.drop_table("rejects")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_type_date")
        batch_op.drop_index("ix_events_subtype_date")
        batch_op.drop_index("ix_events_fatalities")
        batch_op.drop_index("ix_events_date_id")
        batch_op.drop_index("ix_events_country_date")
        batch_op.drop_index("ix_events_admin1_date")
        batch_op.drop_index("ix_events_actor2")
        batch_op.drop_index("ix_events_actor1")

    op.drop_table("events")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_content_hash"))

    op.drop_table("documents")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_log_event_id"))
        batch_op.drop_index(batch_op.f("ix_change_log_at"))

    op.drop_table("change_log")
