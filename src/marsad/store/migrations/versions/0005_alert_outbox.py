"""The alert outbox (webhook deliveries that survive restarts), under migration control.

`marsad.alerts.outbox.Outbox` may also be pointed at a database that is not a store, so it still
creates the table when missing (checkfirst); in a store database this migration creates it first,
with the same columns as `marsad.alerts.outbox.outbox_table`.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 11:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("alert_outbox"):
        return  # created earlier by the outbox itself
    op.create_table(
        "alert_outbox",
        sa.Column("alert_id", sa.String(64), primary_key=True),
        sa.Column("webhook_url", sa.String(1000), primary_key=True),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("next_attempt_at", sa.Float, nullable=False),
        sa.Column("delivered_at", sa.Float, nullable=True),
        sa.Column("last_status", sa.Integer, nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("alert_outbox")
