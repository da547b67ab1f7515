"""A stance can say that a report disagrees with it: `stances.dispute`, what the disagreeing report
says (nullable: no stance stored before has one). Its quotes are ordinary citations naming the fact
"dispute", so no other table changes.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 09:00:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('stances', schema=None) as batch_op:
        batch_op.add_column(sa.Column('dispute', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('stances', schema=None) as batch_op:
        batch_op.drop_column('dispute')
