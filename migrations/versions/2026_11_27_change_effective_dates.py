"""Changes get the day they speak for (stated_on, else the day recorded), indexed for "as of" views.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 23:50:00
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('effective_on', sa.Date(), nullable=True))
        batch_op.create_index('ix_changes_factor_id_effective_on_id', ['factor_id', 'effective_on', 'id'], unique=False)
        batch_op.create_index('ix_changes_stance_id_effective_on_id', ['stance_id', 'effective_on', 'id'], unique=False)

    # Fill it in for the changes already recorded (times are stored as naive UTC).
    changes = sa.table('changes', sa.column('id', sa.Integer), sa.column('entity', sa.String),
                       sa.column('changed_at', sa.DateTime), sa.column('after', sa.JSON),
                       sa.column('effective_on', sa.Date))
    bind = op.get_bind()
    rows = bind.execute(sa.select(changes.c.id, changes.c.entity, changes.c.changed_at, changes.c.after)).all()
    for change_id, entity, changed_at, after in rows:
        if isinstance(after, str):
            after = json.loads(after)
        stated = (after or {}).get('stated_on') if entity == 'stance' else None
        day = dt.date.fromisoformat(stated) if stated else changed_at.date()
        bind.execute(changes.update().where(changes.c.id == change_id).values(effective_on=day))


def downgrade() -> None:
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.drop_index('ix_changes_stance_id_effective_on_id')
        batch_op.drop_index('ix_changes_factor_id_effective_on_id')
        batch_op.drop_column('effective_on')
