"""A condition's id is never given to another condition. It names the condition in the history's
snapshots, in links (`#condition-N`) and in forms sent back, so one removed must not come back as a
different condition. PostgreSQL's sequences never hand an id out twice; SQLite gave the next new row
the highest id in the table plus one, so removing the newest condition freed its id. On SQLite the
table is rebuilt with AUTOINCREMENT, and its counter starts past every id a condition has had in the
history, not only those still stored.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 09:00:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The highest id a condition has had: in the table, or in any stance's recorded position.
HIGHEST_EVER = """
SELECT max(highest) FROM (
  SELECT max(id) AS highest FROM conditions
  UNION ALL
  SELECT max(CAST(json_extract(c.value, '$.id') AS INTEGER)) FROM changes, json_each(changes."after", '$.conditions') AS c
  WHERE changes.entity = 'stance' AND changes."after" IS NOT NULL
)
"""


def _rebuild(autoincrement: bool) -> None:
    with op.batch_alter_table('conditions', recreate='always',
                              table_kwargs={'sqlite_autoincrement': autoincrement}) as batch_op:
        del batch_op  # nothing changes but the table's id counter
    bind = op.get_bind()
    problems = bind.exec_driver_sql("PRAGMA foreign_key_check").all()
    if problems:
        raise RuntimeError(f"rebuilding the conditions table broke references: {problems[:5]}")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        return
    _rebuild(True)
    highest = bind.execute(sa.text(HIGHEST_EVER)).scalar() or 0
    bind.execute(sa.text("DELETE FROM sqlite_sequence WHERE name = 'conditions'"))
    bind.execute(sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES ('conditions', :seq)"), {"seq": highest})


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        return
    _rebuild(False)
