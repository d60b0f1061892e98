"""events.actors_key: all actor names in one lower-cased column (one LIKE for the actor filter)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 10:35:00.766467
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("actors_key", sa.Text(), server_default="", nullable=False))
    # Backfill existing rows the way marsad.store.write.actors_key computes it.
    parts = " || '|' || ".join(
        f"coalesce({c}, '')"
        for c in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "actor1_ar", "actor2_ar")
    )
    op.execute(f"UPDATE events SET actors_key = lower({parts})")


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("actors_key")
