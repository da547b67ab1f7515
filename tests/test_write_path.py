"""The one write path: versions, history rows, validation, the hash chain, and concurrent writers."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import func, select, text

from app.figure_rule import OVER_COMMITTED, figure_problems
from app.models import Change, Stance
from app.schemas import CitationIn, StanceData
from app.services.board import get_proposal, get_stance, read_board
from app.services.changes import verify_chain
from app.services.errors import InvalidInput, VersionConflict
from app.services.factors import set_factor
from app.services.stances import FigureBreach, figure_breaches, set_stance
from tests.conftest import BAD_FIGURES, add_token, add_user
from tests.live import cli, race

QUOTE = "Azerbaijan has made it clear that it will not send peacekeepers to Gaza"


def _data(**overrides) -> StanceData:
    base = {
        "status": "committed",
        "troops": {"offered_min": 500, "offered_max": 800, "committed": 500},
        "roles": ["engineering", "medical"],
        "summary": "Will send engineers.",
        "citations": [{"source_id": 1, "quote": QUOTE}],
    }
    base.update(overrides)
    return StanceData.model_validate(base)


def _write(database, code="AZE", data=None, expected_version=None, reason="test edit"):
    with database.write_session() as s:
        result = set_stance(
            s,
            proposal=get_proposal(s, "gaza-isf"),
            country_code=code,
            data=data or _data(),
            actor="tester",
            via="api",
            reason=reason,
            expected_version=expected_version,
        )
        return result.stance.version, (result.change.id if result.change else None)


def _change_count(session) -> int:
    return session.scalar(select(func.count()).select_from(Change))


def test_an_edit_bumps_the_version_and_records_before_and_after(database, session):
    version, change_id = _write(database, expected_version=1)
    assert version == 2
    change = session.get(Change, change_id)
    assert change.before["status"] == "conditional" and change.after["status"] == "committed"
    assert change.after["troops"] == {"offered_min": 500, "offered_max": 800, "committed": 500, "deployed": None}
    assert change.after["conditions"] == []  # the edit listed no conditions, so both were removed
    assert change.before["version"] == 1 and change.after["version"] == 2
    assert (change.actor, change.via, change.reason, change.source_id) == ("tester", "api", "test edit", 1)
    assert verify_chain(session).ok


def test_a_write_that_changes_nothing_records_nothing(database, session):
    _write(database)
    count = _change_count(session)
    version, change_id = _write(database)
    assert (version, change_id) == (2, None)
    assert _change_count(session) == count


def test_a_new_country_is_created_at_version_one(database, session):
    version, change_id = _write(database, code="PAK", data=_data(status="considering", troops={}, roles=[]))
    assert version == 1
    change = session.get(Change, change_id)
    assert change.before is None and change.after["status"] == "considering"
    assert get_stance(session, get_proposal(session, "gaza-isf"), "PAK").country.name == "Pakistan"


@pytest.mark.parametrize(
    ("data", "path"),
    [
        (_data(citations=[]), ["citations"]),
        (_data(citations=[{"source_id": 1, "quote": "words the article never said"}]), ["citations", 0, "quote"]),
        (_data(citations=[{"source_id": 999, "quote": QUOTE}]), ["citations", 0, "source_id"]),
        (_data(conditions=[{"text": "x", "category": "mandate", "factor": "no-such-factor"}]), ["conditions", 0, "factor"]),
        (_data(conditions=[{"id": 99999, "text": "x", "category": "mandate"}]), ["conditions", 0, "id"]),
    ],
)
def test_invalid_writes_are_refused_with_the_field_path_and_change_nothing(database, session, data, path):
    before = session.scalars(select(Stance).where(Stance.country_code == "AZE")).one().version
    count = _change_count(session)
    with pytest.raises(InvalidInput) as refused:
        _write(database, data=data)
    assert [e["loc"] for e in refused.value.errors] == [path]
    session.rollback()  # end the read snapshot, see committed writes
    assert session.scalars(select(Stance).where(Stance.country_code == "AZE")).one().version == before
    assert _change_count(session) == count


def test_an_unknown_country_code_is_refused(database):
    with pytest.raises(InvalidInput) as refused:
        _write(database, code="ZZZ")
    assert refused.value.errors[0]["loc"] == ["country"]


def test_a_stale_version_is_a_conflict(database):
    _write(database, expected_version=1)
    with pytest.raises(VersionConflict) as conflict:
        _write(database, data=_data(summary="Someone else's idea"), expected_version=1)
    assert (conflict.value.expected, conflict.value.current) == (1, 2)


def test_conditions_kept_by_id_keep_their_quotes_until_they_change(database, session):
    aze = get_stance(session, get_proposal(session, "gaza-isf"), "AZE")
    first = next(c for c in aze.conditions if c.factor is None)  # one whose state is its own (not a factor's)
    kept = {"id": first.id, "text": first.text, "category": first.category, "state": first.state, "factor": None}
    quoted = [q.quote for q in first.citations]
    _write(database, data=_data(status="conditional", conditions=[kept]))
    session.rollback()  # end the read snapshot, see committed writes
    aze = get_stance(session, get_proposal(session, "gaza-isf"), "AZE")
    assert [c.id for c in aze.conditions] == [first.id]
    assert [q.quote for q in aze.conditions[0].citations] == quoted

    # Its state changes: the quote for "unmet" is not the word for "met"; the change's own quote is.
    assert first.state != "met"
    _write(database, data=_data(status="conditional", conditions=[{**kept, "state": "met"}]))
    session.rollback()
    aze = get_stance(session, get_proposal(session, "gaza-isf"), "AZE")
    assert aze.conditions[0].state == "met"
    assert [q.quote for q in aze.conditions[0].citations] == [QUOTE]
    earlier = session.scalars(select(Change).where(Change.country_code == "AZE").order_by(Change.id.desc())).first()
    assert [q["quote"] for q in earlier.before["conditions"][0]["citations"]] == quoted  # the history keeps it


def _quotes_by_fact(session, code):
    stance = get_stance(session, get_proposal(session, "gaza-isf"), code)
    out: dict[str, list[str]] = {}
    for c in stance.citations:
        out.setdefault(c.field, []).append(c.quote)
    return out


def test_a_fact_shows_the_quote_recorded_for_its_current_value(database, session):
    # Qatar's seeded status rests on the passage about gauging willingness; a new status, with a new
    # quote, takes its place: the old passage stays in the history only.
    seeded = _quotes_by_fact(session, "QAT")["status"]
    assert any("gauge their willingness" in q for q in seeded)
    _write(database, code="QAT", data=_data(summary=None, roles=[]))
    session.rollback()
    assert _quotes_by_fact(session, "QAT") == {"status": [QUOTE], "troops": [QUOTE]}
    change = session.scalars(select(Change).where(Change.country_code == "QAT").order_by(Change.id.desc())).first()
    assert any("gauge their willingness" in q["quote"] for q in change.before["citations"])

    # A change of the summary alone, quoted, leaves the status's and the troops' quotes as they are.
    summary_quote = {"source_id": 1, "quote": "highlighting the critical concern for troop safety"}
    _write(database, code="QAT", data=_data(summary="Safety first.", roles=[], citations=[summary_quote]))
    session.rollback()
    assert _quotes_by_fact(session, "QAT") == {"status": [QUOTE], "troops": [QUOTE], "summary": [summary_quote["quote"]]}

    # The summary cleared: its quote goes with it. The same quote given again is kept once.
    _write(database, code="QAT", data=_data(summary=None, roles=[], citations=[{"source_id": 1, "quote": QUOTE}] * 2))
    session.rollback()
    assert _quotes_by_fact(session, "QAT") == {"status": [QUOTE], "troops": [QUOTE]}


def test_a_quote_names_a_fact_of_the_stance_or_none(database, session):
    data = _data(citations=[{"source_id": 1, "quote": QUOTE, "field": "target_troops"}])
    with pytest.raises(InvalidInput) as refused:
        _write(database, data=data)
    assert refused.value.errors[0]["loc"] == ["citations", 0, "field"]


def test_tampering_with_a_change_row_breaks_the_chain_at_that_row(database, session):
    _write(database)
    assert verify_chain(session).ok
    target = session.scalars(select(Change).where(Change.country_code == "EGY")).one()
    with database.write_session() as s:
        s.execute(text("UPDATE changes SET reason = 'rewritten' WHERE id = :id"), {"id": target.id})
    session.rollback()  # end the read snapshot, see committed writes
    report = verify_chain(session)
    assert not report.ok
    assert report.broken_change_id == target.id
    assert "hash" in report.problem


def test_deleting_a_change_row_breaks_the_chain_after_it(database, session):
    _write(database)
    ids = session.scalars(select(Change.id).order_by(Change.id)).all()
    with database.write_session() as s:
        s.execute(text("DELETE FROM changes WHERE id = :id"), {"id": ids[3]})
    session.rollback()  # end the read snapshot, see committed writes
    report = verify_chain(session)
    assert (report.ok, report.broken_change_id) == (False, ids[4])


def test_racing_writers_on_one_stance_exactly_one_wins(database, session):
    results = race(8, lambda i: _write(database, data=_data(summary=f"writer {i}"), expected_version=1))
    wins = [r for r in results if isinstance(r, tuple)]
    conflicts = [r for r in results if isinstance(r, VersionConflict)]
    assert len(wins) == 1 and len(conflicts) == 7, results
    assert verify_chain(session).ok


def test_concurrent_writers_on_different_stances_never_fork_the_chain(database, session):
    codes = ["AZE", "IDN", "ARE", "EGY", "QAT", "TUR", "PAK", "BGD"]
    count = _change_count(session)
    results = race(len(codes), lambda i: _write(database, code=codes[i], data=_data(summary=f"writer {i}")))
    assert all(isinstance(r, tuple) for r in results), results
    session.rollback()  # end the read snapshot, see committed writes
    assert _change_count(session) == count + len(codes)
    prev_hashes = session.scalars(select(Change.prev_hash)).all()
    assert len(prev_hashes) == len(set(prev_hashes))  # no two changes claim the same predecessor
    assert verify_chain(session).ok


# ---- the figure rule ------------------------------------------------------------------------------


def test_the_figure_rule_names_each_figure_and_the_rule_it_breaks():
    assert figure_problems("declined", {"offered_min": 100, "committed": 2000, "deployed": 5000}) == {
        "committed": "a declined country has no committed troops: clear this figure or change the status",
        "deployed": "a declined country has no deployed troops: clear this figure or change the status",
    }
    assert figure_problems("conditional", {"offered_min": 900, "offered_max": 100, "committed": 500, "deployed": 1}) == {
        "offered_max": "the most offered cannot be less than the least offered",
        "deployed": "a conditional country has no deployed troops: clear this figure or change the status",
    }
    assert figure_problems("withdrawn", {"committed": -1, "deployed": "5"}) == {
        "committed": "must not be negative", "deployed": "must be a whole number"}
    # What each status may have: offered figures always, none (0) always, committed once it says yes.
    assert figure_problems("declined", {"offered_min": 100, "offered_max": 200, "committed": 0, "deployed": 0}) == {}
    assert figure_problems("conditional", {"committed": 500}) == {}
    assert figure_problems("committed", {"committed": 500, "deployed": 200}) == {}
    assert figure_problems("deployed", {"committed": 500, "deployed": 500}) == {}
    assert figure_problems(None, {"committed": 500, "deployed": 500}) == {}  # the figures alone
    # Troops on the ground were committed first.
    assert figure_problems("deployed", {"committed": 100, "deployed": 900}) == {"deployed": OVER_COMMITTED}
    assert figure_problems(None, {"committed": 100, "deployed": 900}) == {"deployed": OVER_COMMITTED}
    assert figure_problems("deployed", {"committed": None, "deployed": 900}) == {}  # committed not reported


@pytest.mark.parametrize(("status", "troops", "field", "message"), [p for p in BAD_FIGURES if p.id != "negative"])
def test_the_write_path_refuses_figures_that_break_the_rule_and_changes_nothing(database, session, status, troops,
                                                                                field, message):
    """Whatever a write comes through (here straight to the write path, as a factor change or a
    script would), the figure rule holds; a negative figure never gets this far (StanceData)."""
    before = session.scalars(select(Stance).where(Stance.country_code == "AZE")).one().version
    count = _change_count(session)
    with pytest.raises(InvalidInput) as refused:
        _write(database, data=_data(status=status, troops=troops))
    assert {"loc": ["troops", field], "msg": message} in refused.value.errors
    session.rollback()  # end the read snapshot, see committed writes
    assert session.scalars(select(Stance).where(Stance.country_code == "AZE")).one().version == before
    assert _change_count(session) == count


def test_verify_reports_a_stored_row_that_breaks_the_figure_rule_and_changes_nothing(backend, database, session):
    assert figure_breaches(session) == []  # the seed keeps the rule
    with database.write_session() as s:
        s.execute(text("UPDATE stances SET committed = 2000 WHERE country_code = 'EGY'"))
    session.rollback()
    assert figure_breaches(session) == [FigureBreach(
        "gaza-isf", "EGY", "Egypt", "committed",
        "a country still considering has no committed troops: clear this figure or change the status")]
    result = cli("verify", env={"DATABASE_URL": backend.url}, check=False)
    assert result.returncode == 1
    assert result.stdout.startswith("ok: 10 changes")  # the chain itself holds
    assert ("FIGURES gaza-isf/EGY (Egypt): committed: a country still considering has no committed troops"
            in result.stderr)
    session.rollback()
    assert session.scalars(select(Stance.committed).where(Stance.country_code == "EGY")).one() == 2000


def test_totals_count_only_the_troops_a_status_allows(client, database, session, monkeypatch):
    """A row recorded before the figure rule (here: written with the rule switched off) stays on the
    board as it was recorded, but its committed and deployed troops count nowhere."""
    monkeypatch.setattr("app.services.stances.figure_problems", lambda status, troops: {})
    _write(database, code="EGY", data=_data(status="declined", troops={"offered_min": 100, "committed": 2000,
                                                                        "deployed": 5000}))
    monkeypatch.undo()
    session.rollback()
    totals = read_board(session, "gaza-isf").totals
    # nor its offer: a declined country has none standing
    assert (totals.offered_min, totals.offered_max, totals.committed, totals.deployed) == (0, 0, 0, 0)
    api = client.get("/api/v1/proposals/gaza-isf").json()["totals"]
    assert (api["offered_min"], api["offered_max"], api["committed"], api["deployed"]) == (0, 0, 0, 0)
    egy = client.get("/api/v1/proposals/gaza-isf/stances/EGY").json()
    assert egy["troops"]["committed"] == 2000  # shown as recorded, never changed silently
    chart = BeautifulSoup(client.get("/").text, "html.parser").select_one("#force-chart .chart-deployed")
    assert chart.select_one(".bar-text").get_text(strip=True).startswith("0 of ~20,000")
    whatif = client.get("/api/v1/proposals/gaza-isf/projection").json()["available"]
    assert (whatif["committed"], whatif["deployed"]) == (0, 0)
    assert [(b.country, b.field) for b in figure_breaches(session)] == [("EGY", "committed"), ("EGY", "deployed")]


def test_a_factor_change_leaves_a_stored_row_that_breaks_the_rule_as_it_is(database, session):
    """A stance stored before the rule neither blocks a factor change nor is changed by it."""
    with database.write_session() as s:
        s.execute(text("UPDATE stances SET deployed = 100 WHERE country_code = 'AZE'"))
    with database.write_session() as s:
        _, affected = set_factor(s, proposal=get_proposal(s, "gaza-isf"), slug="cessation-of-hostilities", state="met",
                                 note=None, citation=CitationIn(source_id=1, quote=QUOTE), actor="tester", via="form",
                                 reason="ceasefire holds")
        assert affected == ["Azerbaijan"]
    session.rollback()
    aze = get_stance(session, get_proposal(session, "gaza-isf"), "AZE")
    assert (aze.version, aze.deployed) == (1, 100)
    with pytest.raises(InvalidInput) as refused:  # an editor's write must still mend it
        _write(database, data=_data(status="conditional", troops={"deployed": 100}))
    assert refused.value.errors[0]["loc"] == ["troops", "deployed"]


def test_a_factors_quote_belongs_to_its_state(database, session):
    from app.schemas import CitationIn
    from app.services.factors import set_factor

    def write(state: str, quote: str) -> None:
        with database.write_session() as s:
            set_factor(s, proposal=get_proposal(s, "gaza-isf"), slug="un-mandate", state=state, note=None,
                       citation=CitationIn(source_id=1, quote=quote), actor="tester", via="api", reason="test")

    def quotes() -> list[str]:
        session.rollback()
        factor = next(f for f in get_proposal(session, "gaza-isf").factors if f.slug == "un-mandate")
        return [c.quote for c in factor.citations]

    write("met", QUOTE)
    assert quotes() == [QUOTE]  # the word for "met" only; the earlier state's quote is in the history
    write("met", "cease entirely")
    assert quotes() == [QUOTE, "cease entirely"]  # the same state gains a quote
    write("unmet", QUOTE)
    assert quotes() == [QUOTE]
    last = session.scalars(select(Change).where(Change.entity == "factor").order_by(Change.id.desc())).first()
    assert [q["quote"] for q in last.before["citations"]] == [QUOTE, "cease entirely"]


def test_more_troops_deployed_than_committed_is_refused_beside_the_figure(client, database):
    add_user(database, "desk", "editor")
    token = add_token(database, "desk", "write")
    url = "/api/v1/proposals/gaza-isf/stances/ALB"
    reply = client.put(url, headers={"Authorization": f"Bearer {token}", "If-None-Match": "*"},
                       json={"status": "deployed", "troops": {"committed": 100, "deployed": 900},
                             "citation": {"source_id": 1, "quote": "Azerbaijan"}, "reason": "figures"})
    assert reply.status_code == 422
    (error,) = reply.json()["detail"]
    assert error["loc"] == ["body", "troops", "deployed"] and "more troops deployed than committed" in error["msg"]
    assert client.get(url).status_code == 404  # nothing written


def test_a_passage_naming_no_fact_is_not_made_the_word_for_figures_another_passage_gives(database, session):
    """An accepted import cites one passage for the status and the troops it gives, and another (a
    condition's sentence) naming nothing: that one is the word for what else changed, never for the
    troops."""
    figures = "Azerbaijan has made it clear"
    other = "We do not want to put our troops in danger"
    _write(database, data=_data(citations=[{"source_id": 1, "quote": figures, "field": "status"},
                                           {"source_id": 1, "quote": figures, "field": "troops"},
                                           {"source_id": 1, "quote": other}]))
    session.rollback()
    backs: dict[str, set] = {}
    for c in get_stance(session, get_proposal(session, "gaza-isf"), "AZE").citations:
        backs.setdefault(c.quote, set()).add(c.field)
    assert backs[figures] == {"status", "troops"}
    assert backs[other] == {"roles", "summary"}  # what else the write changed; not the troops
    # One passage gives the commitment alone: the passage naming nothing is the word for the offer no
    # passage gives (and for the status), not left without a word.
    _write(database, code="NOR", data=_data(status="committed", troops={"offered_max": 500, "committed": 200},
                                            roles=[], summary=None,
                                            citations=[{"source_id": 1, "quote": figures, "field": "committed"},
                                                       {"source_id": 1, "quote": other}]))
    session.rollback()
    norway: dict[str, set] = {}
    for c in get_stance(session, get_proposal(session, "gaza-isf"), "NOR").citations:
        norway.setdefault(c.quote, set()).add(c.field)
    assert norway == {figures: {"committed"}, other: {"status", "offered_max"}}
    # Alone, a passage naming nothing is still the word for everything the write changed.
    _write(database, data=_data(troops={"offered_min": 600, "offered_max": 900, "committed": 600},
                                citations=[{"source_id": 1, "quote": other}]))
    session.rollback()
    fields = {c.field for c in get_stance(session, get_proposal(session, "gaza-isf"), "AZE").citations
              if c.quote == other}
    assert "troops" in fields
