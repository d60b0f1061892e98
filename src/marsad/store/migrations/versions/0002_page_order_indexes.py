"""indexes in page order

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 10:30:58.057899
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_admin1_date"))
        batch_op.drop_index(batch_op.f("ix_events_country_date"))
        batch_op.drop_index(batch_op.f("ix_events_fatalities"))
        batch_op.drop_index(batch_op.f("ix_events_subtype_date"))
        batch_op.drop_index(batch_op.f("ix_events_type_date"))
        batch_op.create_index("ix_events_admin1_date_id", ["admin1", "event_date", "id"], unique=False)
        batch_op.create_index("ix_events_country_date_id", ["country", "event_date", "id"], unique=False)
        batch_op.create_index(
            "ix_events_fatalities_date_id", ["fatalities", "event_date", "id"], unique=False
        )
        batch_op.create_index(
            "ix_events_subtype_date_id", ["sub_event_type", "event_date", "id"], unique=False
        )
        batch_op.create_index("ix_events_type_date_id", ["event_type", "event_date", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_type_date_id")
        batch_op.drop_index("ix_events_subtype_date_id")
        batch_op.drop_index("ix_events_fatalities_date_id")
        batch_op.drop_index("ix_events_country_date_id")
        batch_op.drop_index("ix_events_admin1_date_id")
        batch_op.create_index(batch_op.f("ix_events_type_date"), ["event_type", "event_date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_events_subtype_date"), ["sub_event_type", "event_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_events_fatalities"), ["fatalities"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_country_date"), ["country", "event_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_admin1_date"), ["admin1", "event_date"], unique=False)
