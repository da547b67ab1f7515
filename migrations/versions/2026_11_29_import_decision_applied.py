"""An accepted import decision keeps the stance as it was applied (nullable: older decisions and
rejections have none).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 09:00:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('import_decisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('applied', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('import_decisions', schema=None) as batch_op:
        batch_op.drop_column('applied')
