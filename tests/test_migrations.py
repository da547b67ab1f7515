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


def test_quotes_of_values_since_changed_leave_the_current_stance_on_upgrade(backend, database, session):
    """A database written before quotes belonged to their values: Qatar moved to committed, and the
    seed's passage for "considering" stayed beside the new quote. The upgrade records a new version
    with only the new quote, through the chain, and keeps the old one in the history."""
    from sqlalchemy import select

    from app.db import utcnow
    from app.models import Change, Citation
    from app.services.board import get_proposal, get_stance
    from app.services.changes import append_change, verify_chain
    from app.services.stances import stance_snapshot

    quote = "Azerbaijan has made it clear that it will not send peacekeepers to Gaza"
    with database.write_session() as s:
        qat = get_stance(s, get_proposal(s, "gaza-isf"), "QAT")
        before = stance_snapshot(qat)
        qat.status, qat.committed = "committed", 300
        qat.citations.append(Citation(source_id=1, quote=quote))  # what an edit used to add
        s.flush()
        qat.version += 1
        append_change(s, Change(changed_at=utcnow(), entity="stance", proposal_id=qat.proposal_id, country_code="QAT",
                                stance_id=qat.id, actor="editor", via="api", before=before,
                                after=stance_snapshot(qat), source_id=1, reason="committed"))
    stale = {q["quote"] for q in stance_snapshot(get_stance(session, get_proposal(session, "gaza-isf"), "QAT"))["citations"]}
    assert any("gauge their willingness" in q for q in stale) and quote in stale
    session.rollback()

    migrate.downgrade(backend.url, "0007")
    migrate.upgrade(backend.url)
    session.rollback()

    qat = get_stance(session, get_proposal(session, "gaza-isf"), "QAT")
    assert sorted((c.quote, c.field) for c in qat.citations) == [(quote, "status"), (quote, "troops")]
    last = session.scalars(select(Change).where(Change.country_code == "QAT").order_by(Change.id.desc())).first()
    assert last.actor == "isf-tracker db upgrade" and last.after["version"] == qat.version == 3
    assert any("gauge their willingness" in q["quote"] for q in last.before["citations"])  # kept in the history
    assert last.after["status"] == "committed" and last.after["troops"] == last.before["troops"]
    assert verify_chain(session).ok
    # Stances whose quotes already held are left alone; a second upgrade finds nothing to do.
    assert session.scalars(select(Change.id).where(Change.actor == "isf-tracker db upgrade")).all() == [last.id]
