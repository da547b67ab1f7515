"""Running Alembic from the application (CLI, tests, readiness check)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.pool import NullPool

from app.config import ROOT_DIR, get_settings
from app.db import is_sqlite

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported where it is used: a worker serving the board never loads it (about 10 MB);
# the readiness check loads it on its first call.


def alembic_config(database_url: str | None = None) -> Config:
    from alembic.config import Config

    config = Config(str(ROOT_DIR / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT_DIR / "migrations"))
    if database_url:
        config.attributes["database_url"] = database_url
    config.attributes["configure_logger"] = False
    return config


# Any fixed number: every instance asks PostgreSQL for the same advisory lock before migrating.
MIGRATION_LOCK_KEY = 0x15F_7AC3


@contextmanager
def _migration_config(database_url: str | None) -> Iterator[Config]:
    """Alembic's config; on PostgreSQL on a connection holding the migration lock, so two
    instances upgrading at once take turns (the second then finds nothing left to do)."""
    config = alembic_config(database_url)
    url = database_url or get_settings().database_url
    if is_sqlite(url):
        yield config  # SQLite's own write lock already serialises schema changes
        return
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            connection.commit()
            try:
                config.attributes["connection"] = connection
                yield config
                connection.commit()
            finally:
                connection.rollback()
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
                connection.commit()
    finally:
        engine.dispose()


def upgrade(database_url: str | None = None, revision: str = "head") -> None:
    from alembic import command

    with _migration_config(database_url) as config:
        command.upgrade(config, revision)


def downgrade(database_url: str | None = None, revision: str = "base") -> None:
    from alembic import command

    with _migration_config(database_url) as config:
        command.downgrade(config, revision)


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
