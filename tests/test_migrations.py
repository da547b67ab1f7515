"""Migrations: upgrade, downgrade and upgrade again on both databases, and models agree with them."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from app import migrate
from app.db import Base, build_engine


def _tables(url: str) -> set[str]:
    engine = build_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade_leaves_the_schema_the_models_describe(empty_backend):
    url = empty_backend.url
    migrate.upgrade(url)
    expected = set(Base.metadata.tables) | {"alembic_version"}
    assert _tables(url) == expected

    migrate.downgrade(url, "base")
    assert _tables(url) <= {"alembic_version"}

    migrate.upgrade(url)
    assert _tables(url) == expected
    # Raises if autogenerate finds any difference between the models and the migrated schema.
    command.check(migrate.alembic_config(url))


def test_readiness_reports_a_database_behind_the_latest_migration(empty_backend, monkeypatch):
    from fastapi.testclient import TestClient

    from app.main import create_app

    with TestClient(create_app()) as client:
        reply = client.get("/readyz")
        assert reply.status_code == 503
        assert reply.json()["status"] == "unavailable"
        migrate.upgrade(empty_backend.url)
        reply = client.get("/readyz")
        assert reply.status_code == 200, reply.text
        assert reply.json()["migrations"].startswith("at head")
