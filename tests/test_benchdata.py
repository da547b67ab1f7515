"""bench-data: a synthetic history that the application reads like any other, and that verifies."""

from __future__ import annotations

from sqlalchemy import func, select

from app.models import Change, Stance
from app.services.benchdata import fill
from app.services.changes import verify_chain
from tests.live import cli


def test_bench_data_fills_a_history_that_verifies_and_serves(backend, database, session, client):
    with database.write_session() as s:
        report = fill(s, countries=30, changes=400, proposals=2)
    assert (report.proposals, report.stances) == (2, 30 - 6 + 30)  # the seeded six are kept as they are
    session.rollback()
    assert session.scalar(select(func.count()).select_from(Change)) == 400
    assert verify_chain(session).ok
    stances = client.get("/api/v1/proposals/gaza-isf/stances").json()
    assert len(stances) == 30
    other = client.get("/api/v1/proposals/bench-force-2/stances").json()
    assert len(other) == 30 and all(s["citations"] for s in other)
    # each stance is what its last change says
    for stance in session.scalars(select(Stance).where(Stance.country_code.not_in(["AZE", "IDN", "ARE", "EGY", "QAT", "TUR"]))):
        last = session.scalars(select(Change).where(Change.stance_id == stance.id).order_by(Change.id.desc())).first()
        assert (last.after["status"], last.after["version"]) == (stance.status, stance.version)
    assert client.get("/").status_code == 200
    assert client.get("/?as_of=2026-06-01").status_code == 200
    # A proposal with no sponsor and a target only has a board too, now and as of a day.
    for url in ("/proposals/bench-force-2", "/proposals/bench-force-2?as_of=2026-06-01"):
        page = client.get(url)
        assert page.status_code == 200 and "<h1>Benchmark force 2</h1>" in page.text, url


def test_bench_data_command(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'bench.db'}"}
    cli("db", "upgrade", env=env)
    out = cli("bench-data", "--countries", "20", "--changes", "100", env=env).stdout
    assert "14 stances and 90 changes added" in out  # 20 countries, of which six were on the board; 100 changes in all
    assert cli("verify", env=env).stdout.startswith("ok: 100 changes")
