"""Article imports and the decisions taken on their suggestions.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 23:57:21.703324
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('imports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('via', sa.String(length=16), nullable=False),
    sa.Column('suggestions', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_imports_proposal_id_proposals')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_imports_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_imports'))
    )
    op.create_table('import_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=False),
    sa.Column('country_code', sa.String(length=3), nullable=False),
    sa.Column('decision', sa.String(length=10), nullable=False),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    sa.Column('decided_by', sa.String(length=120), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.Column('change_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.CheckConstraint("decision IN ('accepted', 'rejected')", name=op.f('ck_import_decisions_decision')),
    sa.CheckConstraint("outcome IN ('applied', 'unchanged', 'conflict', 'rejected')", name=op.f('ck_import_decisions_outcome')),
    sa.ForeignKeyConstraint(['change_id'], ['changes.id'], name=op.f('fk_import_decisions_change_id_changes')),
    sa.ForeignKeyConstraint(['import_id'], ['imports.id'], name=op.f('fk_import_decisions_import_id_imports')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_decisions'))
    )
    with op.batch_alter_table('import_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_decisions_import_id'), ['import_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('import_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_decisions_import_id'))

    op.drop_table('import_decisions')
    op.drop_table('imports')
