"""The public record (seeds/public-record.json): every quote guarded, loaded in the order it happened
through the one write path, idempotent, never over an editor's change, and readable as of any day."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import pytest
from sqlalchemy import select

from app.db import Database, build_engine
from app.models import Change
from app.schemas import StanceData
from app.services.board import get_proposal, read_board
from app.services.changes import verify_chain
from app.services.history import compare
from app.services.seeding import RECORD_FORMAT, SEED_DIR, seed_all
from app.services.stances import set_stance
from tests.live import cli

RECORD = json.loads((SEED_DIR / "public-record.json").read_text(encoding="utf-8"))
ARTICLE_SEED = json.loads((SEED_DIR / "gaza-isf.json").read_text(encoding="utf-8"))
SOURCES = {s["key"]: s for s in RECORD["sources"]}
ARTICLE_DAY = dt.date(2025, 11, 7)
ADOPTED = dt.date(2025, 11, 17)


def _quotes(event: dict) -> list[dict]:
    """Every citation an event of the record carries, wherever in it."""
    found = list(event.get("citations", []))
    found += [event["citation"]] if event.get("citation") else []
    found += (event.get("dispute") or {}).get("citations", [])
    for condition in event.get("conditions", []):
        found += condition.get("citations", [])
    return found


# ---- the file ------------------------------------------------------------------------------------


def test_the_record_is_a_public_record_file_with_unique_keys():
    assert RECORD["format"] == RECORD_FORMAT
    assert len(SOURCES) == len(RECORD["sources"])
    keys = [e["key"] for e in RECORD["events"]]
    assert len(keys) == len(set(keys))
    assert {e["kind"] for e in RECORD["events"]} <= {"stance", "dispute", "facts", "factor"}
    countries = {e["country"] for e in RECORD["events"] if e["kind"] == "stance"}
    assert len(countries) >= 15


@pytest.mark.parametrize("event", RECORD["events"], ids=lambda e: e["key"])
def test_every_quote_is_an_exact_short_passage_of_its_sources_excerpt(event):
    quotes = _quotes(event)
    assert quotes, "every statement is quoted"
    for citation in quotes:
        excerpt = SOURCES[citation["source"]]["excerpt"]
        assert citation["quote"] in excerpt, citation["quote"]
        assert len(citation["quote"].split()) <= 40, citation["quote"]


def _published(citation: dict) -> dt.date:
    return dt.date.fromisoformat(SOURCES[citation["source"]]["published_on"])


@pytest.mark.parametrize("event", [e for e in RECORD["events"] if e.get("stated_on")], ids=lambda e: e["key"])
def test_no_statement_is_dated_after_the_sources_that_report_it(event):
    """A country's statement is reported on or after the day it was made, by every source quoted for it
    (a report that disagrees with it may be older); facts about the force are reported by at least one
    source from that day on (an older quote may back a fact carried along, such as the commander)."""
    stated = dt.date.fromisoformat(event["stated_on"])
    if event["kind"] == "stance":
        reports = [*event["citations"], *(q for c in event.get("conditions", []) for q in c.get("citations", []))]
        assert all(stated <= _published(c) for c in reports), event["key"]
    else:
        assert any(stated <= _published(c) for c in _quotes(event)), event["key"]
    for citation in (event.get("dispute") or {}).get("citations", []):
        assert _published(citation) <= stated, "a disagreeing report is one already made"


@pytest.mark.parametrize("source", RECORD["sources"], ids=lambda s: s["key"])
def test_every_source_names_its_publisher_address_and_date_and_keeps_to_excerpts(source):
    assert source["publisher"].strip() and source["title"].strip()
    assert re.match(r"^https?://[^\s]+$", source["url"])
    assert dt.date(2025, 8, 1) <= dt.date.fromisoformat(source["published_on"]) <= dt.date(2026, 12, 31)
    assert len(source["excerpt"].split()) <= 200, "an excerpt, not the article"
    used = [c for e in RECORD["events"] for c in _quotes(e) if c["source"] == source["key"]]
    assert used, "every source is cited"


# ---- loaded ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def record_template(tmp_path_factory):
    """A SQLite file holding the seed article and the public record, loaded by the CLI as `make run` does."""
    path = tmp_path_factory.mktemp("record") / "record.db"
    env = {"DATABASE_URL": f"sqlite:///{path}"}
    cli("db", "upgrade", env=env)
    cli("seed", env=env)
    return path


@pytest.fixture
def record(record_template, tmp_path):
    path = tmp_path / "record.db"
    shutil.copy(record_template, path)
    database = Database(build_engine(f"sqlite:///{path}"))
    yield database
    database.engine.dispose()


def _board(database, day=None):
    with database.read_session() as s:
        return read_board(s, "gaza-isf", as_of=day)


def test_the_board_as_of_the_articles_day_shows_the_article_for_each_country_it_names(record, migrated_database):
    article_db = Database(build_engine(migrated_database("sqlite")))
    with article_db.write_session() as s:
        seed_all(s, article_only=True)
    article = {s.country_code: s for s in _board(article_db).everyone}
    then = _board(record, ARTICLE_DAY)

    def seen(s):
        return (s.status, s.offered_min, s.offered_max, s.committed, s.deployed, s.summary, s.stated_on,
                [(c.text, c.category, c.state) for c in s.conditions], [c.quote for c in s.citations])

    assert set(article) == {s["country"] for s in ARTICLE_SEED["stances"]}
    for code, stance in article.items():
        assert seen(then.position(code)) == seen(stance), code
    # Countries the article does not name show only what they had said by then.
    for stance in then.everyone:
        assert stance.day <= ARTICLE_DAY
    assert then.proposal.target_troops == 20000 and then.proposal.resolution_state == "drafted"
    article_db.engine.dispose()


def test_the_un_mandate_is_met_from_the_adoption_of_resolution_2803(record):
    before, on = _board(record, ADOPTED - dt.timedelta(days=1)), _board(record, ADOPTED)
    assert {f.slug: f.state for f in before.factors}["un-mandate"] == "unmet"
    assert {f.slug: f.state for f in on.factors}["un-mandate"] == "met"
    assert before.proposal.resolution_state != "adopted"
    assert on.proposal.resolution_state == "adopted" and on.proposal.resolution_on == ADOPTED
    # A condition that hangs on the mandate turns met on that day, not on the day the country spoke.
    linked = [(s.country_code, c.text) for s in before.everyone for c in s.conditions if c.factor_slug == "un-mandate"]
    assert linked
    for code, text in linked:
        assert next(c for c in before.position(code).conditions if c.text == text).state == "unmet"


def test_compare_lists_the_real_changes_country_by_country(record):
    with record.read_session() as s:
        result = compare(s, "gaza-isf", dt.date(2025, 11, 1), dt.date(2026, 3, 1))
    changed = {d.code for d in result.countries}
    assert {"IDN", "AZE", "MAR", "KAZ"} <= changed
    assert all(d.lines and d.lines != ["no visible difference"] for d in result.countries)
    assert result.facts  # the resolution was adopted in between


def test_the_board_now_is_the_latest_reporting_and_every_figure_keeps_the_rule(record):
    now = _board(record)
    assert len(now.everyone) >= 15
    latest = max(dt.date.fromisoformat(e["stated_on"]) for e in RECORD["events"] if e.get("stated_on"))
    assert max(s.day for s in now.everyone) <= latest
    with record.read_session() as s:
        assert verify_chain(s).ok


def test_an_offer_stands_through_statements_that_say_nothing_of_numbers(record):
    """Indonesia's 14 Feb statement is about command, Greece's of 16 Feb about the resolution, and
    Indonesia's suspension of 17 Mar names the 8,000 it suspends: none takes back an offer, so the
    force's offered troops do not dip on those days, and each offer keeps the quote it rests on."""
    def offered(day: str) -> tuple[int, int]:
        totals = _board(record, dt.date.fromisoformat(day)).totals
        return totals.offered_min, totals.offered_max

    assert offered("2026-02-14") == offered("2026-02-10") == (5000, 8000)
    assert offered("2026-02-16")[1] == offered("2026-02-15")[1] == 8150
    indonesia = next(s for s in _board(record, dt.date(2026, 3, 17)).everyone if s.country_code == "IDN")
    assert (indonesia.status, indonesia.offered_max) == ("withdrawn", 8000)
    assert any("offered_max" in q.facts or "troops" in q.facts for q in indonesia.citations)


def test_a_disagreeing_report_marks_the_row_and_shows_both_quotes(record, monkeypatch):
    disputes = [e for e in RECORD["events"] if e["kind"] == "dispute" or e.get("dispute")]
    assert disputes
    event = disputes[-1]
    code = event["country"]
    day = dt.date.fromisoformat(event["stated_on"]) if event.get("stated_on") else None
    position = _board(record, day).position(code)
    assert position.dispute
    assert position.quotes_for("dispute") and position.quotes_for("status")
    assert {q.quote for q in position.quotes_for("dispute")}.isdisjoint(q.quote for q in position.quotes_for("status"))


def test_seeding_again_changes_nothing(record):
    with record.read_session() as s:
        before = [(c.id, c.hash) for c in s.scalars(select(Change).order_by(Change.id))]
    with record.write_session() as s:
        report = seed_all(s)
    assert not report.changed, report
    with record.read_session() as s:
        assert [(c.id, c.hash) for c in s.scalars(select(Change).order_by(Change.id))] == before


def test_the_seed_never_writes_over_an_editors_change(record):
    code = next(e["country"] for e in reversed(RECORD["events"]) if e["kind"] == "stance")
    with record.write_session() as s:
        proposal = get_proposal(s, "gaza-isf")
        set_stance(s, proposal=proposal, country_code=code, actor="editor", via="form", reason="Newer report",
                   data=StanceData.model_validate({"status": "considering", "summary": "An editor's later reading.",
                                                   "stated_on": dt.datetime.now(dt.timezone.utc).date(),
                                                   "citations": [{"source_id": 1, "quote": "Azerbaijan"}]}))
    with record.write_session() as s:
        report = seed_all(s)
    assert not report.changed
    assert _board(record).position(code).summary == "An editor's later reading."


def test_a_statement_added_to_the_record_later_is_written_in_its_place(record, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEED_DIR, seeds)
    extra = json.loads((seeds / "public-record.json").read_text(encoding="utf-8"))
    first = next(e for e in extra["events"] if e["kind"] == "stance")
    late = {**first, "key": first["key"] + "-again", "summary": "Said again, later."}
    extra["events"].append(late)
    (seeds / "public-record.json").write_text(json.dumps(extra), encoding="utf-8")
    with record.write_session() as s:
        report = seed_all(s, seeds)
    assert report.changed
    with record.read_session() as s:
        written = s.scalars(select(Change).where(Change.reason.like(f"%[{late['key']}]"))).one()
        assert written.effective_on == dt.date.fromisoformat(first["stated_on"])


def test_article_only_loads_the_article_and_nothing_of_the_record(migrated_database):
    url = migrated_database("sqlite")
    cli("seed", "--article-only", env={"DATABASE_URL": url})
    database = Database(build_engine(url))
    board = _board(database)
    assert {s.country_code for s in board.everyone} == {s["country"] for s in ARTICLE_SEED["stances"]}
    database.engine.dispose()


def test_verify_passes_on_the_seeded_record(record_template):
    result = cli("verify", env={"DATABASE_URL": f"sqlite:///{record_template}"})
    assert result.stdout.startswith("ok:")


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_the_record_loads_the_same_on_both_databases_and_a_second_run_writes_nothing(migrated_database, kind,
                                                                                      record):
    url = migrated_database(kind)
    env = {"DATABASE_URL": url}
    first = cli("seed", env=env).stdout
    assert first.startswith("seed: ") and " 0 left as they were" in first.splitlines()[0]
    again = cli("seed", env=env).stdout.splitlines()[0]
    assert again.startswith("seed: 0 created, 0 updated")
    assert cli("verify", env=env).stdout.startswith("ok:")
    database = Database(build_engine(url))
    try:
        for day in (ARTICLE_DAY, ADOPTED, dt.date(2026, 3, 1), None):
            here, there = _board(database, day), _board(record, day)
            assert [(s.country_code, s.status, s.day, s.dispute) for s in here.everyone] == \
                [(s.country_code, s.status, s.day, s.dispute) for s in there.everyone], day
    finally:
        database.engine.dispose()
