"""Migrations: upgrade, downgrade and upgrade again on both databases, and models agree with them."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, select

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


def test_upgrading_a_database_recorded_before_the_facts_had_a_history(empty_backend):
    """A database whose proposals' facts had no history (revision 0007): the upgrade records each
    proposal's facts and quotes as a first change at the end of the chain, dated by its quoted source,
    and the chain still verifies; downgrading takes them out again and re-links the chain."""
    import datetime as dt

    import sqlalchemy as sa

    from app.db import Database
    from app.models import Change
    from app.services.board import read_board
    from app.services.changes import verify_chain
    from app.services.seeding import seed_all

    url = empty_backend.url
    migrate.upgrade(url)
    engine = build_engine(url)
    try:
        with Database(engine).write_session() as s:
            seed_all(s, article_only=True)
        migrate.downgrade(url, "0007")
        with engine.begin() as conn:
            facts = conn.execute(sa.text("SELECT target_troops, resolution_state FROM proposals")).one()
            assert tuple(facts) == (20000, "drafted")
            assert conn.execute(sa.text("SELECT count(*) FROM changes WHERE entity NOT IN ('stance', 'factor')")).scalar() == 0
            # What an older tracker holds: a dated source, and an import decision that names a change (so
            # rebuilding the changes table must keep what refers to it).
            conn.execute(sa.text("INSERT INTO sources (title, title_is_descriptive, published_on, text, created_at) "
                                 "SELECT 'Dated copy', false, '2026-10-28', text, created_at FROM sources"))
            dated = conn.execute(sa.text("SELECT max(id) FROM sources")).scalar()
            conn.execute(sa.text("UPDATE citations SET source_id = :dated WHERE proposal_id = 1"), {"dated": dated})
            conn.execute(sa.text("INSERT INTO imports (proposal_id, source_id, created_at, created_by, via, suggestions) "
                                 "VALUES (1, 1, '2026-11-01 00:00:00', 'editor', 'form', '[]')"))
            conn.execute(sa.text("INSERT INTO import_decisions (import_id, country_code, decision, outcome, decided_by, "
                                 "decided_at, change_id) SELECT id, 'AZE', 'accepted', 'unchanged', 'editor', "
                                 "'2026-11-01 00:00:00', (SELECT max(id) FROM changes) FROM imports"))
            quotes = conn.execute(sa.text("SELECT source_id, quote, field FROM citations WHERE proposal_id = 1 "
                                          "ORDER BY id")).all()
        with Database(engine).read_session() as s:
            assert verify_chain(s).ok  # the downgrade re-linked what followed the facts' first change

        migrate.upgrade(url)
        with Database(engine).read_session() as s:
            report = verify_chain(s)
            assert report.ok, report
            first = s.scalars(select(Change).where(Change.entity == "proposal")).one()
            assert first.id == max(s.scalars(select(Change.id)))  # appended to the end of the chain
            assert (first.via, first.actor, first.before, first.source_id) == ("migration", "migration", None, dated)
            assert first.effective_on == dt.date(2026, 10, 28)
            assert (first.after["target_troops"], first.after["resolution_state"], first.after["version"]) == (
                20000, "drafted", 1)
            assert [(q["source_id"], q["quote"], q["field"]) for q in first.after["citations"]] == [tuple(q) for q in quotes]
            assert read_board(s, "gaza-isf").proposal.version == 1
            assert read_board(s, "gaza-isf", as_of=dt.date(2026, 10, 27)).proposal.facts_known is False
            shown = read_board(s, "gaza-isf", as_of=dt.date(2026, 10, 28)).proposal
            assert (shown.target_troops, shown.resolution_state, len(shown.citations)) == (20000, "drafted", len(quotes))
        with Database(engine).write_session() as s:
            report = seed_all(s, article_only=True)  # facts recorded by the upgrade are not the seed's to overwrite
        assert "proposal gaza-isf" in report.kept and not report.changed
    finally:
        engine.dispose()


def test_upgrading_keeps_every_condition_and_never_reuses_an_id_the_history_names(empty_backend):
    """On SQLite the conditions table is rebuilt to never hand out an id twice: every condition and
    its quotes are kept, and the next new condition's id is past every id the history names, even one
    whose condition was removed before the upgrade."""
    import sqlalchemy as sa

    from app.db import Database
    from app.services.changes import verify_chain
    from app.services.seeding import seed_all

    url = empty_backend.url
    migrate.upgrade(url, "0010")
    engine = build_engine(url)
    try:
        with Database(engine).write_session() as s:
            seed_all(s, article_only=True)
        with engine.begin() as conn:
            highest = conn.execute(sa.text("SELECT max(id) FROM conditions")).scalar()
            # The newest condition removed, as a save leaving it out does: only the history names it now.
            conn.execute(sa.text("DELETE FROM citations WHERE condition_id = :id"), {"id": highest})
            conn.execute(sa.text("DELETE FROM conditions WHERE id = :id"), {"id": highest})
            kept = conn.execute(sa.text("SELECT id, stance_id, text, category, state, factor_id, position "
                                        "FROM conditions ORDER BY id")).all()
            quotes = conn.execute(sa.text("SELECT id, condition_id, quote FROM citations ORDER BY id")).all()
            stance = kept[0].stance_id
        migrate.upgrade(url)
        with engine.begin() as conn:
            assert conn.execute(sa.text("SELECT id, stance_id, text, category, state, factor_id, position "
                                        "FROM conditions ORDER BY id")).all() == kept
            assert conn.execute(sa.text("SELECT id, condition_id, quote FROM citations ORDER BY id")).all() == quotes
            conn.execute(sa.text("INSERT INTO conditions (stance_id, text, category, state, position) "
                                 "VALUES (:stance, 'Funding agreed.', 'funding', 'unmet', 9)"), {"stance": stance})
            assert conn.execute(sa.text("SELECT max(id) FROM conditions")).scalar() > highest
        with Database(engine).read_session() as s:
            assert verify_chain(s).ok
        migrate.downgrade(url, "0010")
        migrate.upgrade(url)
    finally:
        engine.dispose()
