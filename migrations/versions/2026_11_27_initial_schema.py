"""Initial schema: proposals, countries, stances, conditions, factors, sources, citations, change log.

Times are stored as naive UTC (the application converts).

Revision ID: 0001
Revises:
Create Date: 2026-11-27 23:05:49.685773
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('chain_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('last_change_id', sa.Integer(), nullable=True),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_chain_head_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chain_head'))
    )
    # The head row every append locks; its hash is the chain's genesis value.
    op.bulk_insert(
        sa.table('chain_head', sa.column('id', sa.Integer), sa.column('last_change_id', sa.Integer),
                 sa.column('last_hash', sa.String)),
        [{'id': 1, 'last_change_id': None, 'last_hash': '0' * 64}],
    )
    op.create_table('countries',
    sa.Column('code', sa.String(length=3), nullable=False),
    sa.Column('alpha2', sa.String(length=2), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_countries'))
    )
    op.create_table('sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('title_is_descriptive', sa.Boolean(), nullable=False),
    sa.Column('publisher', sa.String(length=200), nullable=True),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('retrieved_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('text_sha256', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sources'))
    )
    with op.batch_alter_table('sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sources_text_sha256'), ['text_sha256'], unique=False)

    op.create_table('proposals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('short_name', sa.String(length=40), nullable=True),
    sa.Column('theatre', sa.String(length=120), nullable=False),
    sa.Column('sponsor', sa.String(length=200), nullable=True),
    sa.Column('sponsor_country', sa.String(length=3), nullable=True),
    sa.Column('target_troops', sa.Integer(), nullable=True),
    sa.Column('target_troops_approximate', sa.Boolean(), nullable=False),
    sa.Column('target_police', sa.Integer(), nullable=True),
    sa.Column('mandate_summary', sa.Text(), nullable=True),
    sa.Column('resolution_state', sa.String(length=16), nullable=True),
    sa.Column('resolution_on', sa.Date(), nullable=True),
    sa.Column('resolution_text', sa.Text(), nullable=True),
    sa.Column('context_notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("resolution_state IS NULL OR resolution_state IN ('drafted', 'tabled', 'adopted', 'rejected')", name=op.f('ck_proposals_resolution_state')),
    sa.CheckConstraint('target_troops IS NULL OR target_troops >= 0', name=op.f('ck_proposals_target_troops')),
    sa.ForeignKeyConstraint(['sponsor_country'], ['countries.code'], name=op.f('fk_proposals_sponsor_country_countries')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposals')),
    sa.UniqueConstraint('slug', name=op.f('uq_proposals_slug'))
    )
    op.create_table('factors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('state', sa.String(length=8), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("state IN ('unmet', 'met', 'unknown')", name=op.f('ck_factors_state')),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_factors_proposal_id_proposals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_factors')),
    sa.UniqueConstraint('proposal_id', 'slug', name=op.f('uq_factors_proposal_id_slug'))
    )
    op.create_table('stances',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('country_code', sa.String(length=3), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('offered_min', sa.Integer(), nullable=True),
    sa.Column('offered_max', sa.Integer(), nullable=True),
    sa.Column('committed', sa.Integer(), nullable=True),
    sa.Column('deployed', sa.Integer(), nullable=True),
    sa.Column('roles', sa.JSON(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('stated_on', sa.Date(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("status IN ('deployed', 'committed', 'conditional', 'considering', 'declined', 'withdrawn')", name=op.f('ck_stances_status')),
    sa.CheckConstraint('committed IS NULL OR committed >= 0', name=op.f('ck_stances_committed')),
    sa.CheckConstraint('deployed IS NULL OR deployed >= 0', name=op.f('ck_stances_deployed')),
    sa.CheckConstraint('offered_max IS NULL OR offered_min IS NULL OR offered_max >= offered_min', name=op.f('ck_stances_offered_range')),
    sa.CheckConstraint('offered_min IS NULL OR offered_min >= 0', name=op.f('ck_stances_offered_min')),
    sa.CheckConstraint('version >= 0', name=op.f('ck_stances_version')),
    sa.ForeignKeyConstraint(['country_code'], ['countries.code'], name=op.f('fk_stances_country_code_countries')),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_stances_proposal_id_proposals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stances')),
    sa.UniqueConstraint('proposal_id', 'country_code', name=op.f('uq_stances_proposal_id_country_code'))
    )
    op.create_table('changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('entity', sa.String(length=16), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('country_code', sa.String(length=3), nullable=True),
    sa.Column('stance_id', sa.Integer(), nullable=True),
    sa.Column('factor_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.Column('via', sa.String(length=16), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.CheckConstraint("entity IN ('stance', 'factor')", name=op.f('ck_changes_entity')),
    sa.CheckConstraint("via IN ('seed', 'form', 'api', 'import', 'cli')", name=op.f('ck_changes_via')),
    sa.ForeignKeyConstraint(['country_code'], ['countries.code'], name=op.f('fk_changes_country_code_countries')),
    sa.ForeignKeyConstraint(['factor_id'], ['factors.id'], name=op.f('fk_changes_factor_id_factors')),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_changes_proposal_id_proposals')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_changes_source_id_sources')),
    sa.ForeignKeyConstraint(['stance_id'], ['stances.id'], name=op.f('fk_changes_stance_id_stances')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_changes')),
    sa.UniqueConstraint('hash', name=op.f('uq_changes_hash'))
    )
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.create_index('ix_changes_changed_at', ['changed_at'], unique=False)
        batch_op.create_index('ix_changes_proposal_id_id', ['proposal_id', 'id'], unique=False)
        batch_op.create_index('ix_changes_stance_id_id', ['stance_id', 'id'], unique=False)

    op.create_table('conditions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('stance_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=24), nullable=False),
    sa.Column('state', sa.String(length=8), nullable=False),
    sa.Column('factor_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint("category IN ('ceasefire', 'mandate', 'domestic_approval', 'disarmament', 'party_consent', 'command', 'funding', 'other')", name=op.f('ck_conditions_category')),
    sa.CheckConstraint("state IN ('unmet', 'met', 'unknown')", name=op.f('ck_conditions_state')),
    sa.ForeignKeyConstraint(['factor_id'], ['factors.id'], name=op.f('fk_conditions_factor_id_factors')),
    sa.ForeignKeyConstraint(['stance_id'], ['stances.id'], name=op.f('fk_conditions_stance_id_stances'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conditions'))
    )
    with op.batch_alter_table('conditions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conditions_factor_id'), ['factor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conditions_stance_id'), ['stance_id'], unique=False)

    op.create_table('citations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=True),
    sa.Column('proposal_id', sa.Integer(), nullable=True),
    sa.Column('stance_id', sa.Integer(), nullable=True),
    sa.Column('condition_id', sa.Integer(), nullable=True),
    sa.Column('factor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('(CASE WHEN proposal_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN stance_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN condition_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN factor_id IS NULL THEN 0 ELSE 1 END) = 1', name=op.f('ck_citations_one_target')),
    sa.ForeignKeyConstraint(['condition_id'], ['conditions.id'], name=op.f('fk_citations_condition_id_conditions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['factor_id'], ['factors.id'], name=op.f('fk_citations_factor_id_factors')),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_citations_proposal_id_proposals')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_citations_source_id_sources')),
    sa.ForeignKeyConstraint(['stance_id'], ['stances.id'], name=op.f('fk_citations_stance_id_stances'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_citations'))
    )
    with op.batch_alter_table('citations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_citations_condition_id'), ['condition_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citations_factor_id'), ['factor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citations_proposal_id'), ['proposal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citations_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citations_stance_id'), ['stance_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('citations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_citations_stance_id'))
        batch_op.drop_index(batch_op.f('ix_citations_source_id'))
        batch_op.drop_index(batch_op.f('ix_citations_proposal_id'))
        batch_op.drop_index(batch_op.f('ix_citations_factor_id'))
        batch_op.drop_index(batch_op.f('ix_citations_condition_id'))

    op.drop_table('citations')
    with op.batch_alter_table('conditions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conditions_stance_id'))
        batch_op.drop_index(batch_op.f('ix_conditions_factor_id'))

    op.drop_table('conditions')
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.drop_index('ix_changes_stance_id_id')
        batch_op.drop_index('ix_changes_proposal_id_id')
        batch_op.drop_index('ix_changes_changed_at')

    op.drop_table('changes')
    op.drop_table('stances')
    op.drop_table('factors')
    op.drop_table('proposals')
    with op.batch_alter_table('sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sources_text_sha256'))

    op.drop_table('sources')
    op.drop_table('countries')
    op.drop_table('chain_head')
