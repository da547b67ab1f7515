"""History: the board as of a day (and as known on a day), readable diffs, comparing two dates,
feeds, and as-of lookups that stay one index seek per country."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import text

from app.config import get_settings
from app.schemas import StanceData
from app.services.board import get_proposal
from app.services.history import describe_change
from app.services.stances import set_stance

QUOTE = "Azerbaijan has made it clear that it will not send peacekeepers to Gaza"
UTC = dt.timezone.utc


def write(database, code: str, status: str, stated_on: str | None, recorded: dt.datetime, **extra):
    with database.write_session() as s:
        set_stance(
            s, proposal=get_proposal(s, "gaza-isf"), country_code=code, actor="analyst", via="api",
            reason=f"{status} from {stated_on}",
            data=StanceData.model_validate({"status": status, "stated_on": stated_on,
                                            "citations": [{"source_id": 1, "quote": QUOTE}], **extra}),
            now=recorded,
        )


@pytest.fixture
def edited(database):
    """Azerbaijan: committed (stated 5 Oct 2025, recorded 6 Nov 2026) → deployed (stated 12 Oct 2025,
    recorded 13 Nov 2026) → conditional (the seed article, 7 Nov 2025, recorded today); Egypt: declined,
    stated 1 Oct 2025 but only recorded 20 Nov 2026, then considering (the seed article)."""
    write(database, "AZE", "committed", "2025-10-05", dt.datetime(2026, 11, 6, 9, tzinfo=UTC),
          troops={"committed": 500})
    write(database, "AZE", "deployed", "2025-10-12", dt.datetime(2026, 11, 13, 9, tzinfo=UTC),
          troops={"committed": 500, "deployed": 300})
    write(database, "EGY", "declined", "2025-10-01", dt.datetime(2026, 11, 20, 9, tzinfo=UTC))
    return database


def board_statuses(client, query: str) -> dict[str, str]:
    soup = BeautifulSoup(client.get(f"/proposals/gaza-isf?{query}").text, "html.parser")
    return {tr["id"].removeprefix("row-"): tr.select_one(".badge").get_text(strip=True)
            for tr in soup.select("table.board-table tbody tr")}


def api_statuses(client, query: str) -> dict[str, str]:
    reply = client.get(f"/api/v1/proposals/gaza-isf/stances?{query}")
    assert reply.status_code == 200, reply.text
    return {s["country"]: s["status"] for s in reply.json()}


def test_the_board_as_of_a_day_between_two_edits_shows_the_earlier_state(client, edited):
    assert board_statuses(client, "as_of=2025-10-08") == {"AZE": "Committed", "EGY": "Declined"}
    assert api_statuses(client, "as_of=2025-10-08") == {"AZE": "committed", "EGY": "declined"}
    assert api_statuses(client, "as_of=2025-10-12")["AZE"] == "deployed"
    assert api_statuses(client, "as_of=2025-10-04") == {"EGY": "declined"}
    aze = next(s for s in client.get("/api/v1/proposals/gaza-isf/stances?as_of=2025-10-08").json() if s["country"] == "AZE")
    assert aze["troops"]["committed"] == 500 and aze["troops"]["deployed"] is None
    assert aze["stated_on"] == "2025-10-05" and aze["version"] == 2
    page = BeautifulSoup(client.get("/proposals/gaza-isf/countries/AZE?as_of=2025-10-08").text, "html.parser")
    assert "Committed" in page.select_one(".page-title").get_text()
    assert "as it stood at the end of 8 Oct 2025" in page.get_text(" ", strip=True)
    assert len(page.select("ol.timeline > li")) == 1  # only what had happened by then
    # The seed article's statements (7 Nov 2025) are the latest-dated: the live board is the board
    # as of today, whatever was asked before.
    today = dt.datetime.now(UTC).date().isoformat()
    assert api_statuses(client, "") == api_statuses(client, f"as_of={today}")
    assert api_statuses(client, "")["AZE"] == "conditional"


def test_known_at_leaves_out_what_was_recorded_later(client, edited):
    # On 10 Nov 2026 we did not yet know Egypt had declined on 1 Oct 2025.
    assert api_statuses(client, "as_of=2025-10-08&known_at=2026-11-10") == {"AZE": "committed"}
    assert api_statuses(client, "as_of=2025-10-08&known_at=2026-11-21") == {"AZE": "committed", "EGY": "declined"}
    assert api_statuses(client, "known_at=2026-11-13") == {"AZE": "deployed"}  # alone, it is also the as-of day
    assert board_statuses(client, "as_of=2025-10-08&known_at=2026-11-10") == {"AZE": "Committed"}


def test_a_stance_history_as_of_a_day_lists_what_that_days_country_page_lists(client, edited):
    """The history JSON honours as_of and known_at as the country page does, and the dated page's
    link to it keeps them."""
    def versions(query: str) -> list[int]:
        reply = client.get(f"/api/v1/proposals/gaza-isf/stances/AZE/history{query}")
        assert reply.status_code == 200, reply.text
        return [c["after"]["version"] for c in reply.json()]

    everything = versions("")
    assert everything == sorted(everything) and len(everything) >= 3
    for query in ("?as_of=2025-10-08", "?as_of=2025-10-12", "?as_of=2025-10-08&known_at=2026-11-10",
                  "?known_at=2026-11-13", "?as_of=2025-10-04"):
        page = BeautifulSoup(client.get(f"/proposals/gaza-isf/countries/AZE{query}").text, "html.parser")
        listed = len(page.select("ol.timeline > li"))
        link = page.find("a", string="its history as JSON")["href"]
        assert link == f"/api/v1/proposals/gaza-isf/stances/AZE/history{query}"
        assert len(versions(query)) == listed
    assert versions("?as_of=2025-10-08") == [2] and versions("?as_of=2025-10-12") == [2, 3]
    assert versions("?known_at=2026-11-13") == [2, 3] and versions("?as_of=2025-10-04") == []
    bad = client.get("/api/v1/proposals/gaza-isf/stances/AZE/history?known_at=13-11-2026")
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["query", "known_at"]


def test_a_statement_entered_late_is_told_against_the_position_it_follows_on_the_board(client, edited, database):
    """Egypt declined on 1 Oct 2025 (recorded 20 Nov 2026), then was considering in the seed article
    (7 Nov 2025). A statement for 3 Oct 2025 entered now follows the 1 Oct one: its history, feed
    entry and the comparison of two dates say what it added to that, not a move from the later one."""
    write(database, "EGY", "declined", "2025-10-03", dt.datetime(2026, 11, 25, 9, tzinfo=UTC), roles=["medical"])
    history = client.get("/api/v1/proposals/gaza-isf/stances/EGY/history").json()
    late = history[-1]
    assert late["before"]["status"] == "declined" and late["before"]["stated_on"] == "2025-10-01"
    assert describe_change(late["before"], late["after"]) == ["roles +medical", "stated on 1 Oct 2025 → 3 Oct 2025"]
    feed = client.get("/proposals/gaza-isf/countries/EGY/changes.atom").text
    assert "Egypt: roles +medical" in feed and "considering → declined" not in feed
    page = BeautifulSoup(client.get("/proposals/gaza-isf/countries/EGY").text, "html.parser")
    entries = [li.get_text(" ", strip=True) for li in page.select("ol.timeline > li")]
    # The timeline reads by the day each statement speaks for: the seed's 7 Nov statement, then the late one.
    assert entries[0].startswith("7 Nov 2025") and entries[1].startswith("3 Oct 2025")
    assert "+medical" in entries[1] and "→ declined" not in entries[1]
    # The statement after it on the timeline is now told against it, on the page and in the feed alike.
    assert "status declined → considering" in entries[0] and "roles −medical" in entries[0]
    assert "Egypt: status declined → considering" in feed
    # The seed's considering (7 Nov 2025) stays Egypt's position; between the two days only roles changed.
    assert api_statuses(client, "")["EGY"] == "considering"
    soup = BeautifulSoup(client.get("/proposals/gaza-isf/changes?from=2025-10-02&to=2025-10-04").text, "html.parser")
    row = soup.select_one("#diff-EGY").get_text(" ", strip=True)
    assert "+medical" in row and "status" not in row


def test_bad_dates_are_explained(client, edited):
    page = client.get("/proposals/gaza-isf?as_of=8-11-2026")
    assert page.status_code == 400 and "as_of must be a date written YYYY-MM-DD" in page.text
    api = client.get("/api/v1/proposals/gaza-isf/stances?as_of=yesterday")
    assert api.status_code == 422 and api.json()["detail"][0]["loc"] == ["query", "as_of"]


def test_the_timeline_shows_each_change_with_a_readable_diff(client, edited):
    """The seed's statement (7 Nov 2025, recorded first), then two recorded later for October 2025: the
    timeline reads by the day each speaks for, each told against the one before it, as the boards of
    those days show them."""
    page = BeautifulSoup(client.get("/proposals/gaza-isf/countries/AZE").text, "html.parser")
    items = [i.get_text(" ", strip=True) for i in page.select("ol.timeline > li")]
    assert len(items) == 3
    assert [i.split(" — ")[0] for i in items] == ["7 Nov 2025", "12 Oct 2025", "5 Oct 2025"]
    assert "status deployed → conditional" in items[0] and "troops deployed: 300 → —" in items[0]
    assert "status committed → deployed" in items[1] and "troops deployed: — → 300" in items[1]
    assert "by analyst" in items[1] and "Reason: deployed from 2025-10-12" in items[1]
    # Recorded second but stated for a day before the seed's: the earliest on the timeline, and not
    # "first recorded"; the seed's statement, recorded first, has a position before it.
    assert "earliest position (stated for a day before those recorded earlier): committed" in items[2]
    assert not any("first recorded as" in t for t in items)


def test_describe_change_names_every_kind_of_difference():
    before = {"status": "conditional", "troops": {"offered_min": None, "offered_max": None, "committed": None, "deployed": None},
              "roles": ["medical"], "summary": "a", "stated_on": None,
              "conditions": [{"id": 1, "text": "Ceasefire", "category": "ceasefire", "state": "unmet", "factor": None},
                             {"id": 2, "text": "Parliament", "category": "domestic_approval", "state": "unmet", "factor": None}],
              "citations": []}
    after = {**before, "status": "committed", "troops": {**before["troops"], "committed": 1200}, "roles": ["engineering"],
             "summary": "b", "stated_on": "2026-11-01",
             "conditions": [{**before["conditions"][0], "state": "met"},
                            {"id": 3, "text": "UN mandate", "category": "mandate", "state": "unmet", "factor": None}],
             "citations": [{"source_id": 1, "quote": "x"}]}
    assert describe_change(before, after) == [
        "status conditional → committed",
        "troops committed: — → 1,200",
        "roles +engineering −medical",
        "summary: “b”",
        "stated on — → 1 Nov 2026",
        "condition ceasefire unmet → met: Ceasefire",
        "condition added: UN mandate (mandate, unmet)",
        "condition removed: Parliament (domestic approval)",
        "new quote cited",
    ]


def test_a_condition_stored_anew_with_the_same_words_is_the_same_condition():
    """A statement for an earlier day stores its conditions as new rows: the same words under another
    id are not "removed" and "added"."""
    before = {"status": "conditional", "troops": {}, "roles": [], "summary": None, "stated_on": None, "citations": [],
              "conditions": [{"id": 12, "text": "A UN mandate", "category": "mandate", "state": "unmet", "factor": None}]}
    same = {**before, "conditions": [{**before["conditions"][0], "id": 42}]}
    assert describe_change(before, same) == ["no visible difference"]
    met = {**before, "conditions": [{**before["conditions"][0], "id": 42, "state": "met"}]}
    assert describe_change(before, met) == ["condition mandate unmet → met: A UN mandate"]


def test_comparing_two_dates_lists_what_changed_country_by_country(client, edited):
    soup = BeautifulSoup(client.get("/proposals/gaza-isf/changes?from=2025-10-04&to=2025-10-12").text, "html.parser")
    rows = {tr["id"].removeprefix("diff-"): tr.get_text(" ", strip=True) for tr in soup.select(".compare-table tbody tr")}
    assert set(rows) == {"AZE"}  # Egypt's position (stated 1 Nov) was the same on both days
    assert "not on the board" in rows["AZE"] and "on the board as deployed" in rows["AZE"]
    soup = BeautifulSoup(client.get("/proposals/gaza-isf/changes?from=2025-10-08&to=2025-10-12").text, "html.parser")
    row = soup.select_one("#diff-AZE").get_text(" ", strip=True)
    assert "Committed" in row and "Deployed" in row and "status committed → deployed" in row
    bad = client.get("/proposals/gaza-isf/changes?from=2025-10-12&to=2025-10-01")
    assert bad.status_code == 400 and "must not be after" in bad.text


def test_the_changes_of_a_period_are_those_known_at_the_day_asked(client, edited):
    """The compare page's list of the period's changes takes the same two cuts as its boards: with
    known_at, nothing recorded after that day is listed, and the table and the list agree."""
    def period(query: str) -> tuple[set[str], list[str]]:
        soup = BeautifulSoup(client.get(f"/proposals/gaza-isf/changes?from=2025-10-04&to=2025-10-12{query}").text,
                             "html.parser")
        return ({tr["id"].removeprefix("diff-") for tr in soup.select(".compare-table tbody tr")},
                [li.get_text(" ", strip=True) for li in soup.select("#recorded ~ ol li")])

    countries, listed = period("")
    assert countries == {"AZE"} and len(listed) == 2
    assert "deployed" in listed[0] and "12 Oct 2025" in listed[0]  # newest day first
    countries, listed = period("&known_at=2026-11-10")  # the move to deployed was recorded on 13 Nov 2026
    assert countries == {"AZE"} and len(listed) == 1 and "recorded 6 Nov 2026" in listed[0]
    countries, listed = period("&known_at=2026-11-01")  # nothing of the period recorded yet
    assert countries == set() and listed == []


ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize("url", ["/changes.atom", "/proposals/gaza-isf/changes.atom", "/proposals/gaza-isf/countries/AZE/changes.atom"])
def test_atom_feeds_list_the_latest_changes(client, edited, url):
    reply = client.get(url)
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(reply.content)
    entries = feed.findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert "Azerbaijan: status committed → deployed" in titles
    if "countries" in url:
        assert all(t.startswith("Azerbaijan") for t in titles) and len(entries) == 3
    else:
        assert len(entries) == 13  # the seed's ten changes (the force's facts, three factors, six stances), three edits
        assert "Facts about the force: facts first recorded" in titles
    # Links start with the configured public address (ISF_PUBLIC_URL), not the request's Host.
    assert entries[0].find(f"{ATOM}link").get("href").startswith(f"{get_settings().public_url}/proposals/gaza-isf")


def test_recent_changes_page(client, edited):
    soup = BeautifulSoup(client.get("/changes").text, "html.parser")
    assert len(soup.select(".change-list > li")) == 13
    facts = soup.select(".change-list > li")[-1]
    assert "Facts about the force" in facts.get_text() and facts.a["href"] == "/proposals/gaza-isf#facts"
    assert soup.select_one('link[type="application/atom+xml"]')["href"] == "/changes.atom"


def test_api_changes_since_in_id_order_with_paging(client, edited):
    everything = client.get("/api/v1/changes?limit=1000").json()
    assert [c["id"] for c in everything] == sorted(c["id"] for c in everything) and len(everything) == 13
    assert everything[-1]["country"] == "EGY" and everything[-1]["effective_on"] == "2025-10-01"
    since = client.get("/api/v1/changes?since=2026-11-10T00:00:00Z").json()
    assert {c["country"] for c in since} >= {"AZE", "EGY"}
    assert all(c["changed_at"] >= "2026-11-10" for c in since)
    pages, url = [], "/api/v1/changes?limit=5"
    while url:
        reply = client.get(url)
        pages.append([c["id"] for c in reply.json()])
        link = reply.headers.get("link")
        url = link.split(";")[0].strip("<>").replace("http://testserver", "") if link else None
    assert [len(p) for p in pages] == [5, 5, 3]
    assert sum(pages, []) == [c["id"] for c in everything]
    facts_change, factor_change = everything[:2]
    assert (facts_change["entity"], facts_change["country"], facts_change["factor"]) == ("proposal", None, None)
    assert facts_change["before"] is None and facts_change["after"]["resolution_state"] == "drafted"
    assert factor_change["entity"] == "factor" and factor_change["factor"] == "cessation-of-hostilities"


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_as_of_is_one_index_seek_per_country(migrated_database, kind):
    """The per-country lookup is served by the (stance_id, effective_on, id) index, not a scan
    (on PostgreSQL with sequential scans disabled, since tiny test tables make them cheapest)."""
    from app.db import build_engine
    from app.services.board import _POSITIONS, end_of_day

    engine = build_engine(migrated_database(kind))
    query = _POSITIONS[True].params(proposal_id=1, day=dt.date(2026, 11, 8),
                                    known_before=end_of_day(dt.date(2026, 11, 10)))
    compiled = query.compile(engine, compile_kwargs={"literal_binds": True})
    try:
        with engine.connect() as conn:
            if kind == "sqlite":
                plan = " | ".join(row[-1] for row in conn.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
                assert "SCAN changes" not in plan, plan
            else:
                conn.execute(text("SET enable_seqscan = off"))
                plan = " | ".join(row[0] for row in conn.execute(text(f"EXPLAIN {compiled}")))
    finally:
        engine.dispose()
    assert "ix_changes_stance_id_effective_on_id" in plan, plan


def test_a_past_days_factor_and_stance_quotes_get_their_sources_from_one_query(database, session):
    from sqlalchemy import event

    from app.services.board import read_board

    statements: list[str] = []

    def seen(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", seen)
    try:
        day = read_board(session, "gaza-isf", as_of=dt.date(2100, 1, 1))
        views, factors = day.everyone, day.factors
    finally:
        event.remove(database.engine, "before_cursor_execute", seen)
    assert sum("FROM sources" in s for s in statements) == 1
    factor_quotes = [c for f in factors for c in f.citations]
    stance_quotes = [c for v in views for c in v.citations]
    assert factor_quotes and stance_quotes
    assert all(c.source is not None and c.source.id == c.source_id and c.source.title for c in factor_quotes + stance_quotes)


def test_a_snapshot_decoded_into_views_holds_what_its_json_holds(database, session, edited):
    """A past day's snapshots are decoded from each change's JSON text straight into typed objects; on
    every stance of the seeded and edited board, that gives what reading the JSON as dictionaries
    gives, quotes and conditions (with their factors) included, in order."""
    from sqlalchemy import Text, cast, select

    from app.models import Change
    from app.services import board

    texts = session.scalars(select(cast(Change.after, Text)).where(Change.entity == "stance")).all()
    assert len(texts) > 5 and any(t.count('"factor": "') for t in texts)
    for after in texts:
        strict = board._decode_snapshot(after)
        data = json.loads(after)
        assert (strict.status, strict.summary, strict.roles, strict.stated_on, strict.version) == (
            data["status"], data["summary"], data["roles"], data["stated_on"], data["version"])
        assert [(c.id, c.text, c.category, c.state, c.factor, [(q.source_id, q.quote, q.field) for q in c.citations])
                for c in strict.conditions] == [
            (c["id"], c["text"], c["category"], c["state"], c["factor"],
             [(q["source_id"], q["quote"], q["field"]) for q in c["citations"]]) for c in data["conditions"]]
        assert [(q.source_id, q.quote, q.field) for q in strict.citations] == [
            (q["source_id"], q["quote"], q["field"]) for q in data["citations"]]


def _view_of(after: str):
    """The stance view a change whose snapshot is AFTER gives, and the quotes it leaves to label."""
    from types import SimpleNamespace

    from app.services import board

    change = SimpleNamespace(id=1, stance_id=1, changed_at=dt.datetime(2026, 1, 1, tzinfo=UTC), after=after,
                             code="AZE", name="Azerbaijan", alpha2="AZ", effective_on=dt.date(2026, 1, 1),
                             latest_version=1)
    pending: list = []
    return board._position(change, {}, pending), pending


def test_a_snapshot_value_of_another_type_is_still_shown_as_it_is():
    view, pending = _view_of(
        '{"status": "conditional", "troops": {"offered_min": "about 500", "offered_max": null, "committed": null,'
        ' "deployed": null}, "citations": [{"source_id": 1, "quote": "Q"}]}')
    assert (view.status, view.offered_min, view.version, view.roles, view.conditions) == ("conditional", "about 500", 0, [], [])
    assert [(c.source_id, c.quote, c.field) for c in pending] == [(1, "Q", None)]


def test_a_snapshot_quote_cannot_set_what_the_server_fills_in():
    view, _ = _view_of(
        '{"status": "declined", "troops": {"offered_min": null, "offered_max": null, "committed": null,'
        ' "deployed": null}, "citations": [{"source_id": 1, "quote": "Q", "source": "forged"}]}')
    assert [(c.quote, c.source) for c in view.citations] == [("Q", None)]
