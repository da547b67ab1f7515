"""Engine, sessions and the declarative base.

SQLite is tuned for several writers: WAL, a busy timeout, foreign keys, and
write transactions opened with ``BEGIN IMMEDIATE`` so two read-then-write
transactions cannot interleave and lose an update.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from pydantic_core import from_json
from sqlalchemy import DateTime, Engine, MetaData, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator

from app.config import get_settings

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp stored as naive UTC and always returned timezone-aware (UTC), on every database."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC time is required")
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.timezone.utc)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


class MissingDatabase(RuntimeError):
    """A SQLite database file that is not there, opened by what must not make one."""


# Whether opening a SQLite database may make its file (and folders): the server and `db upgrade` do;
# the command line's other commands set this to False, so a mistyped path makes no empty database.
create_missing = True


def build_engine(url: str, **kwargs) -> Engine:
    """An engine for URL; for SQLite with the pragmas and BEGIN behaviour described above."""
    # History is read as JSON snapshots, two hundred for a past day's board: pydantic-core's parser
    # gives the same values as the standard library's, about three times as fast.
    kwargs.setdefault("json_deserializer", from_json)
    if not is_sqlite(url):
        # Writers queue on the chain lock while readers carry on: leave room for both.
        kwargs.setdefault("pool_size", 10)
        kwargs.setdefault("max_overflow", 20)
        engine = create_engine(url, pool_pre_ping=True, **kwargs)

        @event.listens_for(engine, "begin")
        def _on_begin_write(connection) -> None:
            # A writer waits for another's lock as long as a SQLite writer would, then is told busy
            # (503), never left holding its request slot for as long as someone else holds the lock.
            if connection.get_execution_options().get("sqlite_write"):
                connection.exec_driver_sql(f"SET LOCAL lock_timeout = {int(get_settings().sqlite_busy_timeout_ms)}")

        return engine

    database = make_url(url).database
    if database and database != ":memory:":
        if not create_missing and not Path(database).exists():
            raise MissingDatabase(database)
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)
    busy_ms = get_settings().sqlite_busy_timeout_ms

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Take transaction control away from the driver so we can say BEGIN ourselves.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        if connection.get_execution_options().get("sqlite_write"):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")

    return engine


@lru_cache
def get_engine() -> Engine:
    return build_engine(get_settings().database_url)


def is_lock_timeout(exc: BaseException) -> bool:
    """Whether EXC is a writer giving up on another's lock: SQLite's busy timeout, PostgreSQL's
    lock_timeout."""
    orig = getattr(exc, "orig", exc)
    return "database is locked" in str(orig) or type(orig).__name__ == "LockNotAvailable"


class Database:
    """Session factories for one engine: plain ones for reading, write ones that lock early."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read = sessionmaker(bind=engine, expire_on_commit=False)
        self._write = sessionmaker(
            bind=engine.execution_options(sqlite_write=True), expire_on_commit=False
        )

    def read_session(self) -> Session:
        return self._read()

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """A session whose transaction is committed on success and rolled back on any error."""
        session = self._write()
        try:
            with session.begin():
                yield session
        finally:
            session.close()


@lru_cache
def get_database() -> Database:
    return Database(get_engine())
