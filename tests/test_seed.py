"""The seed: built from the article, quotes verbatim, idempotent, and never overwriting an edit."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from sqlalchemy import func, select

from app.models import Change, Citation, Condition, Factor, Proposal, Source, Stance
from app.schemas import StanceData
from app.services.board import get_proposal, get_stance
from app.services.errors import InvalidInput
from app.services.seeding import SEED_DIR, seed_all
from app.services.stances import set_stance
from tests.conftest import ARTICLE, BAD_FIGURES
from tests.live import cli

TABLES = (Proposal, Factor, Stance, Condition, Source, Citation, Change)


def _counts(session) -> dict[str, int]:
    return {m.__tablename__: session.scalar(select(func.count()).select_from(m)) for m in TABLES}


def _change_rows(session) -> list[tuple]:
    return [(c.id, c.hash, c.prev_hash) for c in session.scalars(select(Change).order_by(Change.id))]


def test_every_seed_quote_is_an_exact_passage_of_the_article():
    data = json.loads((SEED_DIR / "gaza-isf.json").read_text(encoding="utf-8"))
    quotes = [c["quote"] for c in data["proposal"]["citations"]]
    for factor in data["factors"]:
        quotes += [c["quote"] for c in factor["citations"]]
    for stance in data["stances"]:
        quotes += [c["quote"] for c in stance["citations"]]
        for condition in stance["conditions"]:
            quotes += [c["quote"] for c in condition["citations"]]
    assert len(quotes) >= 17
    missing = [q for q in quotes if q not in ARTICLE]
    assert missing == []


def test_every_stored_quote_is_an_exact_passage_of_its_stored_source(session):
    citations = session.scalars(select(Citation)).all()
    assert len(citations) >= 17
    for citation in citations:
        assert citation.source.text is not None
        assert citation.quote in citation.source.text, citation.quote
    assert session.scalars(select(Source)).one().text == ARTICLE


def test_the_article_has_no_title_publisher_url_or_date_so_none_is_invented_and_its_day_says_where_it_is_from(session):
    source = session.scalars(select(Source)).one()
    assert source.publisher is None
    assert source.url is None
    assert source.title_is_descriptive is True
    assert "Reuters" not in (source.publisher or "")
    # The text has no date, so none is recorded for it; its statements are dated by the outlets that
    # carried the same Reuters report, and the note says so.
    assert source.published_on is None
    assert "7 November 2025" in source.note and "Reuters" in source.note and "stated on that day" in source.note


def test_seed_builds_the_board_the_article_describes(session):
    proposal = get_proposal(session, "gaza-isf")
    assert proposal.target_troops == 20000 and proposal.target_troops_approximate
    assert proposal.sponsor == "United States" and proposal.sponsor_country == "USA"
    assert proposal.resolution_state == "drafted"
    assert "56,000" in proposal.context_notes
    assert {f.slug: f.state for f in proposal.factors} == {
        "cessation-of-hostilities": "unmet",
        "un-mandate": "unmet",
        "hamas-disarmament": "unmet",
    }
    stances = {s.country_code: s for s in session.scalars(select(Stance))}
    assert {code: s.status for code, s in stances.items()} == {
        "AZE": "conditional",
        "IDN": "considering",
        "ARE": "considering",
        "EGY": "considering",
        "QAT": "considering",
        "TUR": "considering",
    }
    aze = stances["AZE"]
    assert "troop safety" in aze.summary
    assert aze.stated_on == dt.date(2025, 11, 7)
    assert all(s.stated_on == dt.date(2025, 11, 7) for s in stances.values())
    assert [(c.category, c.state, c.factor.slug if c.factor else None) for c in aze.conditions] == [
        ("ceasefire", "unmet", "cessation-of-hostilities"),
        ("domestic_approval", "unmet", None),
    ]
    assert "legislative proposal" in aze.conditions[1].text
    assert all(s.offered_min is None and s.committed is None for s in stances.values())
    assert "USA" not in stances  # the sponsor is not a troop contributor


def test_running_the_seed_twice_changes_nothing(database, session):
    before_counts, before_changes = _counts(session), _change_rows(session)
    with database.write_session() as s:
        report = seed_all(s, article_only=True)
    assert not report.changed
    session.rollback()  # end the read snapshot, see committed writes
    assert _counts(session) == before_counts
    assert _change_rows(session) == before_changes


def test_seed_never_overwrites_an_editors_change(database, session):
    with database.write_session() as s:
        proposal = get_proposal(s, "gaza-isf")
        source_id = s.scalars(select(Source.id)).one()
        set_stance(
            s,
            proposal=proposal,
            country_code="IDN",
            data=StanceData(
                status="committed",
                troops={"committed": 1000},
                citations=[{"source_id": source_id, "quote": "Indonesia"}],
            ),
            actor="editor",
            via="form",
            reason="test",
        )
    changes_before = _change_rows(session)
    with database.write_session() as s:
        report = seed_all(s, article_only=True)
    assert not report.changed
    session.rollback()  # end the read snapshot, see committed writes
    idn = get_stance(session, get_proposal(session, "gaza-isf"), "IDN")
    assert (idn.status, idn.committed, idn.version) == ("committed", 1000, 2)
    assert _change_rows(session) == changes_before


def test_a_corrected_seed_updates_stances_nobody_has_edited(database, session, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEED_DIR, seeds)
    data = json.loads((seeds / "gaza-isf.json").read_text(encoding="utf-8"))
    qat = next(s for s in data["stances"] if s["country"] == "QAT")
    qat["summary"] = "Corrected summary."
    (seeds / "gaza-isf.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    with database.write_session() as s:
        report = seed_all(s, seeds, article_only=True)
    assert report.updated == ["stance QAT"]
    session.rollback()  # end the read snapshot, see committed writes
    qat_row = get_stance(session, get_proposal(session, "gaza-isf"), "QAT")
    assert (qat_row.summary, qat_row.version) == ("Corrected summary.", 2)
    last = session.scalars(select(Change).order_by(Change.id.desc())).first()
    assert last.via == "seed" and last.before["summary"] != last.after["summary"]


@pytest.mark.parametrize(("status", "troops", "field", "message"), BAD_FIGURES)
def test_a_seed_with_figures_the_status_cannot_have_is_refused_whole(database, session, tmp_path, status, troops,
                                                                     field, message):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEED_DIR, seeds)
    data = json.loads((seeds / "gaza-isf.json").read_text(encoding="utf-8"))
    qat = next(s for s in data["stances"] if s["country"] == "QAT")
    qat |= {"status": status, "troops": troops, "summary": "Corrected summary."}
    (seeds / "gaza-isf.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before_counts, before_changes = _counts(session), _change_rows(session)

    with pytest.raises(InvalidInput) as refused:
        with database.write_session() as s:
            seed_all(s, seeds, article_only=True)
    assert [(e["loc"], e["msg"]) for e in refused.value.errors] == [(["stances", "QAT", "troops", field], message)]
    session.rollback()  # end the read snapshot, see committed writes
    assert _counts(session) == before_counts and _change_rows(session) == before_changes


def test_the_seed_command_names_the_country_the_figure_and_the_rule(backend, session, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEED_DIR, seeds)
    data = json.loads((seeds / "gaza-isf.json").read_text(encoding="utf-8"))
    next(s for s in data["stances"] if s["country"] == "EGY")["troops"] = {"committed": 2000}
    (seeds / "gaza-isf.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = cli("seed", "--seed-dir", str(seeds), env={"DATABASE_URL": backend.url}, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert ("seed refused, nothing written: stances.EGY.troops.committed: a country still considering has no "
            "committed troops: clear this figure or change the status") in result.stderr


def test_the_seed_records_the_forces_facts_and_never_overwrites_an_editors(database, session, tmp_path):
    from app.schemas import ProposalFacts
    from app.services.proposals import facts_data_from, set_proposal_facts

    proposal = get_proposal(session, "gaza-isf")
    first = session.scalars(select(Change).where(Change.entity == "proposal")).one()
    assert (first.via, first.before, first.after["version"], proposal.version) == ("seed", None, 1, 1)
    stored = session.scalars(select(Citation).where(Citation.proposal_id == proposal.id).order_by(Citation.id)).all()
    assert [(q["field"], q["quote"]) for q in first.after["citations"]] == [(c.field, c.quote) for c in stored]
    assert {c.field for c in stored} == {"target_troops", "sponsor", "mandate_summary", "resolution", "context_notes"}

    # A corrected seed updates facts nobody has edited, through the same write path.
    seeds = tmp_path / "seeds"
    shutil.copytree(SEED_DIR, seeds)
    data = json.loads((seeds / "gaza-isf.json").read_text(encoding="utf-8"))
    data["proposal"]["context_notes"] = "Corrected context."
    (seeds / "gaza-isf.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with database.write_session() as s:
        report = seed_all(s, seeds, article_only=True)
    assert report.updated == ["proposal gaza-isf"]
    session.rollback()
    last = session.scalars(select(Change).order_by(Change.id.desc())).first()
    assert (last.entity, last.via, last.after["context_notes"], last.after["version"]) == (
        "proposal", "seed", "Corrected context.", 2)

    # Once an editor has changed them, the seed leaves them alone.
    with database.write_session() as s:
        current = get_proposal(s, "gaza-isf")
        edited = ProposalFacts.model_validate({**facts_data_from(current).model_dump(), "target_troops": 25000,
                                               "citations": [{"source_id": 1, "quote": "approximately 20,000 troops"}]})
        set_proposal_facts(s, proposal=current, data=edited, actor="editor", via="form", reason="test")
    session.rollback()
    quotes = {(c.field, c.quote) for c in session.scalars(select(Citation).where(Citation.proposal_id == proposal.id))}
    # The target's earlier quote was for 20,000: it left with that value; the others kept theirs.
    assert ("target_troops", "approximately 20,000 troops") in quotes
    assert ("target_troops", "expected to include approximately 20,000 troops") not in quotes
    assert {f for f, _ in quotes} == {"target_troops", "sponsor", "mandate_summary", "resolution", "context_notes"}
    changes_before = _change_rows(session)
    with database.write_session() as s:
        report = seed_all(s, article_only=True)
    assert "proposal gaza-isf" in report.kept and not report.changed
    session.rollback()
    assert get_proposal(session, "gaza-isf").target_troops == 25000
    assert _change_rows(session) == changes_before


def test_each_command_leaves_a_sqlite_database_whole_in_its_one_file(tmp_path):
    """A command closes its connections before it exits, so SQLite writes its log back into the
    database file: a copy of that file alone, as a plain file backup takes it, holds everything."""
    import sqlite3

    path = tmp_path / "board.db"
    env = {"DATABASE_URL": f"sqlite:///{path}"}
    cli("db", "upgrade", env=env)
    cli("seed", env=env)
    cli("user", "add", "desk", "--role", "editor", env=env, input="a long enough password\n" * 2)
    assert not (tmp_path / "board.db-wal").exists() or (tmp_path / "board.db-wal").stat().st_size == 0
    shutil.copy(path, tmp_path / "copy.db")
    copy = sqlite3.connect(tmp_path / "copy.db")
    try:
        assert copy.execute("SELECT count(*) FROM stances").fetchone()[0] > 6  # the article's and the public record's
        assert copy.execute("SELECT name FROM users").fetchall() == [("desk",)]
    finally:
        copy.close()


def test_the_seed_and_upgrade_commands_say_plainly_what_they_did_or_could_not_do(tmp_path):
    """A mistyped seed folder or revision is an error in one line (exit 1), and an upgrade to a
    revision the database is past says so instead of claiming the database is at it."""
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}"}
    assert cli("db", "upgrade", env=env).stdout.startswith("database at 00")
    older = cli("db", "upgrade", "0005", env=env).stdout
    assert "already past 0005" in older and "never goes back" in older
    bogus = cli("db", "upgrade", "bogus", env=env, check=False)
    assert bogus.returncode == 1 and "bogus" in bogus.stderr and "Traceback" not in bogus.stderr
    (tmp_path / "empty").mkdir()
    for folder, said in ((tmp_path / "missing", "is not a folder"), (tmp_path / "empty", "holds no seed files")):
        refused = cli("seed", "--seed-dir", str(folder), env=env, check=False)
        assert refused.returncode == 1 and said in refused.stderr, refused.stderr
