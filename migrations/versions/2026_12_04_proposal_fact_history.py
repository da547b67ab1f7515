"""A proposal's own facts get a history: a version on the proposal, change rows with entity "proposal",
and, for each proposal with facts, a first change recording them as they stand, with their quotes.

The first change is appended to the hash chain as the application would append it (the hashing rules
are copied here as they are at this revision, so that later changes to the application cannot change
what this migration writes). It speaks for the publication date of its quoted sources when they give
one (the latest of them), else for the day of the upgrade.

A contract step (CONTRACT below): widening the change log's check constraints does not stop the
previous release from writing, but the change rows of the new kind are ones it cannot describe, so its
change lists and feeds would fail on them. Upgrade, then replace every instance without delay
(docs/operations.md, "Deploying a new version").

Downgrading removes those changes and every later change to a proposal's facts, and re-links the
chain after them: the hashes of the changes recorded after the first removed one change, so a head
kept from before the downgrade no longer verifies.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 09:00:00
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
CONTRACT = True

GENESIS_HASH = '0' * 64
ACTOR = 'migration'
REASON = 'The facts as they stood when their history began'

changes = sa.table(
    'changes', sa.column('id', sa.Integer), sa.column('changed_at', sa.DateTime), sa.column('entity', sa.String),
    sa.column('proposal_id', sa.Integer), sa.column('country_code', sa.String), sa.column('stance_id', sa.Integer),
    sa.column('factor_id', sa.Integer), sa.column('actor', sa.String), sa.column('via', sa.String),
    sa.column('before', sa.JSON), sa.column('after', sa.JSON), sa.column('source_id', sa.Integer),
    sa.column('reason', sa.Text), sa.column('prev_hash', sa.String), sa.column('hash', sa.String),
    sa.column('effective_on', sa.Date), sa.column('request_id', sa.String),
)
chain_head = sa.table('chain_head', sa.column('id', sa.Integer), sa.column('last_change_id', sa.Integer),
                      sa.column('last_hash', sa.String))
proposals = sa.table(
    'proposals', sa.column('id', sa.Integer), sa.column('target_troops', sa.Integer),
    sa.column('target_troops_approximate', sa.Boolean), sa.column('target_police', sa.Integer),
    sa.column('sponsor', sa.String), sa.column('sponsor_country', sa.String),
    sa.column('resolution_state', sa.String), sa.column('resolution_on', sa.Date),
    sa.column('resolution_text', sa.Text), sa.column('mandate_summary', sa.Text), sa.column('context_notes', sa.Text),
    sa.column('version', sa.Integer),
)
citations = sa.table('citations', sa.column('id', sa.Integer), sa.column('proposal_id', sa.Integer),
                     sa.column('source_id', sa.Integer), sa.column('quote', sa.Text), sa.column('field', sa.String))
sources = sa.table('sources', sa.column('id', sa.Integer), sa.column('published_on', sa.Date))

FACT_COLUMNS = ('target_troops', 'target_troops_approximate', 'target_police', 'sponsor', 'sponsor_country',
                'resolution_state', 'resolution_on', 'resolution_text', 'mandate_summary', 'context_notes')
HASHED = ('changed_at', 'entity', 'proposal_id', 'country_code', 'stance_id', 'factor_id', 'actor', 'via', 'before',
          'after', 'source_id', 'reason', 'prev_hash')


# ---- the chain's hashing, as the application does it at this revision ---------------------------

def _canonical(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # stored as naive UTC
            value = value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.%fZ')
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f'{value:.6f}'
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    return value


def _hash(record: dict[str, Any]) -> str:
    payload = {key: record[key] for key in HASHED}
    text = json.dumps(_canonical(payload), sort_keys=True, separators=(',', ':'), ensure_ascii=False)
    return hashlib.sha256(text.encode('utf-8')).hexdigest()


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _head(bind) -> tuple[int | None, str]:
    query = sa.select(chain_head.c.last_change_id, chain_head.c.last_hash).where(chain_head.c.id == 1)
    if bind.dialect.name == 'postgresql':
        query = query.with_for_update()  # writers still running queue behind the upgrade
    row = bind.execute(query).one_or_none()
    if row is None:
        bind.execute(chain_head.insert().values(id=1, last_change_id=None, last_hash=GENESIS_HASH))
        return None, GENESIS_HASH
    return row.last_change_id, row.last_hash


# ---- upgrade -------------------------------------------------------------------------------------

def upgrade() -> None:
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_changes_entity'), type_='check')
        batch_op.drop_constraint(op.f('ck_changes_via'), type_='check')
        batch_op.create_check_constraint(op.f('ck_changes_entity'), "entity IN ('stance', 'factor', 'proposal')")
        batch_op.create_check_constraint(
            op.f('ck_changes_via'), "via IN ('seed', 'form', 'api', 'import', 'cli', 'migration')")
        batch_op.create_index('ix_changes_proposal_id_entity_effective_on_id',
                              ['proposal_id', 'entity', 'effective_on', 'id'], unique=False)
    with op.batch_alter_table('proposals', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))

    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        # The table rebuild above ran with foreign keys off (migrations/env.py): check them now, so a
        # broken reference fails the upgrade instead of being left behind.
        broken = bind.exec_driver_sql('PRAGMA foreign_key_check').all()
        if broken:
            raise RuntimeError(f'foreign keys broken by the rebuild of changes: {broken[:5]}')
    _record_first_facts(bind)


def _record_first_facts(bind) -> None:
    """A first change for each proposal with facts or quotes: what is known starts its history."""
    published = {row.id: row.published_on for row in bind.execute(sa.select(sources.c.id, sources.c.published_on))}
    last_id, prev_hash = _head(bind)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    for row in bind.execute(sa.select(proposals).order_by(proposals.c.id)).mappings().all():
        quotes = bind.execute(
            sa.select(citations.c.source_id, citations.c.quote, citations.c.field)
            .where(citations.c.proposal_id == row['id']).order_by(citations.c.id)
        ).all()
        facts = {column: row[column] for column in FACT_COLUMNS}
        if not quotes and all(v in (None, '', False) for v in facts.values()):
            # Nothing is known about this force: its board says so until someone records it.
            bind.execute(proposals.update().where(proposals.c.id == row['id']).values(version=0))
            continue
        facts['target_troops_approximate'] = bool(facts['target_troops_approximate'])
        day = facts['resolution_on']
        facts['resolution_on'] = day.isoformat() if day else None
        after = {**facts, 'stated_on': None,
                 'citations': [{'source_id': q.source_id, 'quote': q.quote, 'field': q.field} for q in quotes],
                 'version': 1}
        cited = list(dict.fromkeys(q.source_id for q in quotes))
        dated = [s for s in cited if published.get(s) is not None]
        source_id = max(dated, key=lambda s: published[s]) if dated else (cited[0] if cited else None)
        record = {'changed_at': now, 'entity': 'proposal', 'proposal_id': row['id'], 'country_code': None,
                  'stance_id': None, 'factor_id': None, 'actor': ACTOR, 'via': 'migration', 'before': None,
                  'after': after, 'source_id': source_id, 'reason': REASON, 'prev_hash': prev_hash}
        record['hash'] = _hash(record)
        record['effective_on'] = published.get(source_id) or now.date()
        last_id = bind.execute(changes.insert().values(**record).returning(changes.c.id)).scalar_one()
        prev_hash = record['hash']
        bind.execute(proposals.update().where(proposals.c.id == row['id']).values(version=1))
    bind.execute(chain_head.update().where(chain_head.c.id == 1).values(last_change_id=last_id, last_hash=prev_hash))


# ---- downgrade -----------------------------------------------------------------------------------

def downgrade() -> None:
    bind = op.get_bind()
    _head(bind)  # lock it first
    bind.execute(changes.delete().where(changes.c.entity == 'proposal'))
    _relink(bind)
    with op.batch_alter_table('proposals', schema=None) as batch_op:
        batch_op.drop_column('version')
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.drop_index('ix_changes_proposal_id_entity_effective_on_id')
        batch_op.drop_constraint(op.f('ck_changes_entity'), type_='check')
        batch_op.drop_constraint(op.f('ck_changes_via'), type_='check')
        batch_op.create_check_constraint(op.f('ck_changes_entity'), "entity IN ('stance', 'factor')")
        batch_op.create_check_constraint(op.f('ck_changes_via'), "via IN ('seed', 'form', 'api', 'import', 'cli')")
    if bind.dialect.name == 'sqlite':
        broken = bind.exec_driver_sql('PRAGMA foreign_key_check').all()
        if broken:
            raise RuntimeError(f'foreign keys broken by the rebuild of changes: {broken[:5]}')


def _relink(bind) -> None:
    """Walk the chain in id order and re-link each change to the one before it, as it now stands."""
    prev_hash, last_id = GENESIS_HASH, None
    columns = [changes.c.id, *(changes.c[key] for key in HASHED), changes.c.hash]
    for row in bind.execute(sa.select(*columns).order_by(changes.c.id)).mappings().all():
        record = {key: row[key] for key in HASHED}
        record['before'], record['after'] = _json(record['before']), _json(record['after'])
        record['prev_hash'] = prev_hash
        new_hash = _hash(record)
        if new_hash != row['hash'] or row['prev_hash'] != prev_hash:
            bind.execute(changes.update().where(changes.c.id == row['id']).values(prev_hash=prev_hash, hash=new_hash))
        prev_hash, last_id = new_hash, row['id']
    bind.execute(chain_head.update().where(chain_head.c.id == 1).values(last_change_id=last_id, last_hash=prev_hash))
