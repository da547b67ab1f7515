"""A change with no stated day speaks for its source's publication date, when the source has one.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 01:30:00
"""
from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

changes = sa.table('changes', sa.column('id', sa.Integer), sa.column('entity', sa.String),
                   sa.column('changed_at', sa.DateTime), sa.column('after', sa.JSON),
                   sa.column('source_id', sa.Integer), sa.column('effective_on', sa.Date))
sources = sa.table('sources', sa.column('id', sa.Integer), sa.column('published_on', sa.Date))


def _stated(entity: str, after) -> str | None:
    if isinstance(after, str):
        after = json.loads(after)
    return (after or {}).get('stated_on') if entity == 'stance' else None


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(changes.c.id, changes.c.entity, changes.c.after, sources.c.published_on)
        .join(sources, sources.c.id == changes.c.source_id)
        .where(sources.c.published_on.is_not(None))
    ).all()
    for change_id, entity, after, published_on in rows:
        if not _stated(entity, after):
            bind.execute(changes.update().where(changes.c.id == change_id).values(effective_on=published_on))


def downgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.select(changes.c.id, changes.c.entity, changes.c.changed_at, changes.c.after)).all()
    for change_id, entity, changed_at, after in rows:
        if not _stated(entity, after):
            bind.execute(changes.update().where(changes.c.id == change_id).values(effective_on=changed_at.date()))
