"""The facts of the force itself (target, sponsor, UN resolution, mandate, context) have a history: the
board of a day shows them as they stood, nothing before they were recorded; editors change them through
a form and the API, validated and versioned like stances; every change is in the lists and feeds."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from app.models import Change, Citation, Proposal, Source
from app.services.changes import verify_chain
from tests.conftest import add_force, add_token, add_user, count_changes, form_values, page_text

UTC = dt.timezone.utc
FACTS = "/api/v1/proposals/gaza-isf"
EDIT = "/proposals/gaza-isf/edit"
RESOLUTION_QUOTE = "a U.S.-proposed resolution at the United Nations is anticipated to authorize the ISF"
COUNCIL = "On 17 November the Security Council adopted resolution 2803, which authorises the force."


def today() -> dt.date:
    """The day (UTC) the test's database was seeded: the fixtures seed afresh when the day changes."""
    return dt.datetime.now(UTC).date()


# ---- the board of a day --------------------------------------------------------------------------------


def test_before_anything_was_recorded_about_the_force_the_board_says_so(client):
    """The seed's facts speak for the day of the article (7 Nov 2025) and were recorded today: as of
    the day before, or as known yesterday, nothing was recorded about the force."""
    yesterday = (today() - dt.timedelta(days=1)).isoformat()
    before_article = "2025-11-06"
    now = page_text(client, "/proposals/gaza-isf", "#facts")
    assert "~20,000" in now and "United States" in now and "In draft, not voted on" in now
    for query in (f"as_of={before_article}", f"known_at={yesterday}", f"as_of={today()}&known_at={yesterday}"):
        page = client.get(f"/proposals/gaza-isf?{query}")
        assert page.status_code == 200, query
        soup = BeautifulSoup(page.text, "html.parser")
        shown = soup.select_one("#facts").get_text(" ", strip=True)
        assert shown == "Nothing was recorded about the force itself by this day.", query
        assert "20,000" not in shown and "In draft, not voted on" not in shown and "56,000" not in page.text
        assert not soup.select("#context-heading")
        api = client.get(f"{FACTS}?{query}").json()
        assert api["facts_known"] is False and api["version"] == 0, query
        assert (api["target_troops"], api["sponsor"], api["resolution"], api["citations"]) == (
            None, None, {"state": None, "date": None, "text": None}, [])
        assert api["totals"]["target_troops"] is None
    today_api = client.get(f"{FACTS}?as_of={today()}").json()
    assert today_api["facts_known"] is True and today_api["target_troops"] == 20000 and today_api["version"] == 1
    assert today_api == client.get(FACTS).json()
    # What changed between the two days says the facts were first recorded.
    soup = BeautifulSoup(client.get(f"/proposals/gaza-isf/changes?from={before_article}&to={today()}").text, "html.parser")
    lines = soup.select_one("#facts-difference").get_text(" ", strip=True)
    assert "facts first recorded" in lines and "target: ~20,000 troops" in lines and "UN resolution: drafted" in lines


def test_a_resolution_adopted_on_a_day_keeps_its_history(database, session, writer_client, tmp_path):
    client = writer_client
    add_force(database, tmp_path, "council-force", published_on="2026-11-01",
              text="The council is drafting a resolution that would authorise a force of about 5,000 troops.",
              target_troops=5000, target_troops_approximate=True,
              resolution={"state": "drafted", "text": "A resolution authorising the force."},
              citations=[{"field": "resolution", "quote": "The council is drafting a resolution"},
                         {"field": "target_troops", "quote": "a force of about 5,000 troops"}])
    url = "/api/v1/proposals/council-force"
    first = client.get(url)
    assert first.json()["version"] == 1 and first.json()["resolution"]["state"] == "drafted"
    body = {"target_troops": 5000, "target_troops_approximate": True,
            "resolution": {"state": "adopted", "date": "2026-11-17", "text": "Resolution 2803 authorises the force."},
            "stated_on": "2026-11-17",
            "citation": {"source": {"title": "Council adopts 2803", "published_on": "2026-11-17", "text": COUNCIL},
                         "quote": "the Security Council adopted resolution 2803"},
            "reason": "The council voted"}
    reply = client.put(url, json=body, headers={"If-Match": first.headers["etag"]})
    assert reply.status_code == 200, reply.text
    written = reply.json()
    assert (written["version"], written["current_facts"], written["notice"]) == (2, True, None)
    assert written["resolution"] == {"state": "adopted", "date": "2026-11-17",
                                     "text": "Resolution 2803 authorises the force."}
    assert reply.headers["etag"] == client.get(url).headers["etag"] != first.headers["etag"]
    # A quote belongs to the value it was recorded for: the resolution's old quote left with the old value
    # (the history keeps it), the target kept its own.
    assert sorted((c["field"], c["quote"]) for c in written["citations"]) == [
        ("resolution", "the Security Council adopted resolution 2803"),
        ("target_troops", "a force of about 5,000 troops")]
    session.rollback()
    change = session.scalars(select(Change).order_by(Change.id.desc())).first()
    assert (change.entity, change.via, change.actor, change.reason) == ("proposal", "api", "newsroom", "The council voted")
    assert change.effective_on == dt.date(2026, 11, 17)
    assert (change.before["resolution_state"], change.after["resolution_state"]) == ("drafted", "adopted")
    assert ("resolution", "The council is drafting a resolution") in {
        (c["field"], c["quote"]) for c in change.before["citations"]}
    assert verify_chain(session).ok

    # The board as of the day before shows the draft; from that day on, the adoption.
    before = page_text(client, "/proposals/council-force?as_of=2026-11-16", "#facts")
    assert "In draft, not voted on" in before and "Adopted" not in before and "~5,000" in before
    on_the_day = page_text(client, "/proposals/council-force?as_of=2026-11-17", "#facts")
    assert "Adopted 17 Nov 2026" in on_the_day and "the Security Council adopted resolution 2803" in on_the_day
    assert "Adopted" in page_text(client, "/proposals/council-force", "#facts")
    assert client.get(f"{url}?as_of=2026-11-16").json()["resolution"]["state"] == "drafted"
    assert client.get(f"{url}?as_of=2026-10-31").json()["facts_known"] is False
    # Known on the 16th (recorded today), the adoption was not known yet, whatever day it speaks for.
    assert client.get(f"{url}?as_of=2026-11-17&known_at=2026-11-16").json()["facts_known"] is False

    # In the lists and feeds, in words.
    line = "UN resolution: drafted → adopted on 17 Nov 2026"
    recent = BeautifulSoup(client.get("/changes").text, "html.parser").select_one(".change-list > li")
    assert line in recent.get_text() and recent.a["href"] == "/proposals/council-force#facts"
    assert recent.a.get_text(strip=True) == "Facts about the force"
    listed = client.get("/api/v1/changes?limit=1000").json()[-1]
    assert (listed["entity"], listed["proposal"], listed["effective_on"]) == ("proposal", "council-force", "2026-11-17")
    feed = ET.fromstring(client.get("/proposals/council-force/changes.atom").content)
    assert f"Facts about the force: {line}" in [e.findtext("{http://www.w3.org/2005/Atom}title")
                                                for e in feed.findall("{http://www.w3.org/2005/Atom}entry")]
    compare = BeautifulSoup(client.get("/proposals/council-force/changes?from=2026-11-16&to=2026-11-17").text,
                            "html.parser")
    assert line in compare.select_one("#facts-difference").get_text()


def test_facts_entered_late_for_an_earlier_day_change_how_the_next_change_reads(writer_client, database, tmp_path):
    """Target 5,000 (1 Nov), then 20,000 (20 Nov); then 10,000, stated for 10 Nov, is entered last. Every
    page tells the 20 Nov change against the 10 Nov facts now before it: the compare page's list agrees
    with its own table, the recent changes and the feed with the boards of those days."""
    client = writer_client
    add_force(database, tmp_path, "late-facts", published_on="2026-11-01",
              text="The force would number 5,000 troops, officials said.", target_troops=5000,
              citations=[{"field": "target_troops", "quote": "The force would number 5,000 troops"}])
    url = "/api/v1/proposals/late-facts"
    for target, day in ((20000, "2026-11-20"), (10000, "2026-11-10")):
        etag = client.get(url).headers["etag"]
        text = f"On {day} officials said the force would number {target:,} troops."
        reply = client.put(url, headers={"If-Match": etag}, json={
            "target_troops": target, "stated_on": day, "reason": "officials gave a new figure",
            "citation": {"source": {"title": f"Target of {day}", "published_on": day, "text": text},
                         "quote": f"the force would number {target:,} troops"}})
        assert reply.status_code == 200, reply.text
    assert [client.get(f"{url}?as_of={d}").json()["target_troops"] for d in ("2026-11-05", "2026-11-15", "2026-11-25")] \
        == [5000, 10000, 20000]

    compare = BeautifulSoup(client.get("/proposals/late-facts/changes?from=2026-11-05&to=2026-11-25").text, "html.parser")
    assert [li.get_text() for li in compare.select("#facts-difference > li")][0] == "target: 5,000 → 20,000 troops"
    period = [li.get_text(" ", strip=True) for li in compare.select("ol.timeline > li")]
    assert [p.split(" by ")[0] for p in period] == [
        "20 Nov 2026 — Facts about the force: target: 10,000 → 20,000 troops",
        "10 Nov 2026 — Facts about the force: target: 5,000 → 10,000 troops"]
    recent = [li.get_text(" ", strip=True) for li in
              BeautifulSoup(client.get("/changes").text, "html.parser").select(".change-list > li")]
    assert any("target: 10,000 → 20,000 troops" in r for r in recent)
    assert not any("5,000 → 20,000" in r for r in recent)
    feed = ET.fromstring(client.get("/proposals/late-facts/changes.atom").content)
    titles = [e.findtext("{http://www.w3.org/2005/Atom}title") for e in feed.findall("{http://www.w3.org/2005/Atom}entry")]
    assert titles[:2] == ["Facts about the force: target: 5,000 → 10,000 troops",
                          "Facts about the force: target: 10,000 → 20,000 troops"]
    # Known before the late facts were entered, the 20 Nov change still reads against the 1 Nov facts.
    # (All three were recorded today, so only the API's record keeps the order they came in.)
    history = client.get("/api/v1/changes?limit=1000").json()
    late = [c for c in history if c["proposal"] == "late-facts"]
    assert [c["after"]["target_troops"] for c in late] == [5000, 20000, 10000]
    assert late[1]["before"]["target_troops"] == 5000  # the record as made, which the hash covers


# ---- the form ---------------------------------------------------------------------------------------------


def test_the_facts_form_validates_beside_each_field_and_refuses_a_stale_version(editor_client, client, session):
    page = editor_client.get(EDIT)
    assert page.status_code == 200
    data = form_values(page.text, "form.facts-form")
    assert (data["target_troops"], data["target_troops_approximate"], data["sponsor_country"]) == ("20000", "1", "USA")
    assert (data["resolution_state"], data["version"]) == ("drafted", "1")
    before = count_changes(session)

    def refused(field: str, **typed) -> str:
        reply = editor_client.post(EDIT, data={**data, **typed})
        assert reply.status_code == 422, reply.text[:300]
        kept = form_values(reply.text, "form.facts-form")
        assert all(kept[k] == v for k, v in typed.items() if k != "csrf_token")  # nothing typed is lost
        return BeautifulSoup(reply.text, "html.parser").select_one(f"#{field}-error").get_text()

    data.update(source_id="1", quote=RESOLUTION_QUOTE, reason="The council voted", stated_on="")
    assert "adopted" in refused("resolution_on", resolution_state="adopted")
    tomorrow = (today() + dt.timedelta(days=1)).isoformat()
    assert "after today" in refused("resolution_on", resolution_state="adopted", resolution_on=tomorrow)
    assert "after today" in refused("stated_on", stated_on=tomorrow)
    both = BeautifulSoup(editor_client.post(EDIT, data={**data, "stated_on": tomorrow, "resolution_state": "adopted",
                                                        "quote": "q"}).text, "html.parser")
    said = {e["id"]: e.get_text() for e in both.select("[id$=-error]") if e.get_text().strip()}
    assert {"stated_on-error", "resolution_on-error", "quote-error"} <= said.keys(), said  # all at once
    assert "whole number" in refused("target_troops", target_troops="twenty thousand")
    for misplaced in ("20,00", "2,0000", "20.000", "-20000"):  # not read as some other number
        assert "whole number, such as 20000 or 20,000" in refused("target_troops", target_troops=misplaced)
    assert "ISO code" in refused("sponsor_country", sponsor_country="United States")
    assert "country code" in refused("sponsor_country", sponsor_country="ZZZ")
    assert "exact passage" in refused("quote", resolution_state="adopted", resolution_on="2026-11-17",
                                      quote="The resolution was adopted unanimously")
    assert "Say why" in refused("reason", reason="  ")
    assert count_changes(session) == before

    yesterday = today() - dt.timedelta(days=1)
    saved = editor_client.post(EDIT, data={**data, "resolution_state": "adopted", "resolution_on": yesterday.isoformat()},
                               follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"] == "/proposals/gaza-isf#facts"
    assert count_changes(session) == before + 1
    change = session.scalars(select(Change).order_by(Change.id.desc())).first()
    assert (change.entity, change.via, change.actor) == ("proposal", "form", "editor")
    assert "Saved the facts about the force (version 2)." in editor_client.get(saved.headers["location"]).text
    shown = page_text(client, "/proposals/gaza-isf", "#facts")
    assert f"Adopted {yesterday.day} {yesterday:%b} {yesterday.year}" in shown
    assert client.get(FACTS).json()["resolution"] == {
        "state": "adopted", "date": yesterday.isoformat(),
        "text": "A U.S.-proposed resolution at the United Nations, anticipated, to authorize the ISF to use "
                "“all necessary measures”, including force if necessary."}

    # A second editor still on version 1 is told, and keeps what they typed.
    stale = editor_client.post(EDIT, data={**data, "target_troops": "25000", "reason": "New target"})
    assert stale.status_code == 409
    assert "Someone else changed these facts" in stale.text
    kept = form_values(stale.text, "form.facts-form")
    assert (kept["target_troops"], kept["reason"], kept["version"]) == ("25000", "New target", "2")
    # The colleague's resolution, which this editor had not touched, is taken into the form, not undone.
    assert (kept["resolution_state"], kept["resolution_on"]) == ("adopted", yesterday.isoformat())
    notice = BeautifulSoup(stale.text, "html.parser").select_one("[role=alert]").get_text(" ", strip=True)
    assert "Taken from their version, as you had not changed it: UN resolution, resolution date." in notice
    assert count_changes(session) == before + 1
    again = editor_client.post(EDIT, data={**kept, "csrf_token": data["csrf_token"]}, follow_redirects=False)
    assert again.status_code == 303
    facts = client.get(FACTS).json()
    assert facts["target_troops"] == 25000 and facts["resolution"]["state"] == "adopted"


def test_the_facts_form_takes_a_new_source_and_dates_the_facts_by_it(editor_client, session):
    data = form_values(editor_client.get(EDIT).text, "form.facts-form")
    data.update(target_troops="25,000", source_id="new", source_title="Envoy raises the target",
                source_publisher="Example Wire", source_published_on="2026-11-20", stated_on="",
                quote="The force should number 25,000", reason="A new target")
    reply = editor_client.post(EDIT, data=data, follow_redirects=False)
    assert reply.status_code == 303, reply.text[:500]
    session.rollback()
    source = session.scalars(select(Source).where(Source.title == "Envoy raises the target")).one()
    change = session.scalars(select(Change).order_by(Change.id.desc())).first()
    assert (change.source_id, change.effective_on) == (source.id, dt.date(2026, 11, 20))
    proposal = session.scalars(select(Proposal).where(Proposal.slug == "gaza-isf")).one()
    quotes = session.scalars(select(Citation).where(Citation.proposal_id == proposal.id)).all()
    assert ("target_troops", source.id) in {(c.field, c.source_id) for c in quotes}
    assert "expected to include approximately 20,000 troops" not in {c.quote for c in quotes}
    # Dated after the seeded facts (7 Nov 2025), it is what the board shows now.
    assert "25,000" in editor_client.get("/proposals/gaza-isf").text


def test_only_signed_in_editors_reach_the_facts_form(client):
    page = client.get(EDIT, follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login")
    assert client.post(EDIT, data={"target_troops": "1"}).status_code == 403


# ---- the API ----------------------------------------------------------------------------------------------


API_BODY = {"target_troops": 20000, "target_troops_approximate": True, "sponsor": "United States",
            "sponsor_country": "USA", "resolution": {"state": "tabled", "text": "Tabled at the Security Council."},
            "citation": {"source_id": 1, "quote": RESOLUTION_QUOTE}, "reason": "Tabled"}


def test_the_facts_api_needs_if_match_and_names_the_field_of_every_error(writer_client, database, session):
    client = writer_client
    etag = client.get(FACTS).headers["etag"]
    before = count_changes(session)
    missing = client.put(FACTS, json=API_BODY)
    assert missing.status_code == 428 and missing.headers["etag"] == etag
    stale = client.put(FACTS, json=API_BODY, headers={"If-Match": '"0123456789abcdef0123456789abcdef"'})
    assert stale.status_code == 412 and stale.headers["etag"] == etag
    star = client.put(FACTS, json=API_BODY, headers={"If-Match": "*"})
    assert star.status_code == 428 and "ETag from your last GET" in star.json()["detail"]

    def refused(change: dict, citation: dict | None = None) -> list:
        body = {**API_BODY, **change, "citation": {**API_BODY["citation"], **(citation or {})}}
        reply = client.put(FACTS, json=body, headers={"If-Match": etag})
        assert reply.status_code == 422, reply.text
        return [e["loc"] for e in reply.json()["detail"]]

    assert refused({"resolution": {"state": "adopted"}}) == [["body", "resolution", "date"]]
    assert refused({"resolution": {"date": "2026-11-17"}}) == [["body", "resolution", "state"]]
    assert refused({"resolution": {"state": "adopted", "date": "2026-11-17"}, "stated_on": "2026-11-10"}) == [
        ["body", "resolution", "date"]]
    # Undated, facts speak for their source's day: no board of 5 Nov 2025 knew of the vote of 17 Nov.
    early = client.post("/api/v1/sources", json={"title": "Council briefing", "published_on": "2025-11-05",
                                                 "text": "The Council will vote on the draft."}).json()["id"]
    assert refused({"resolution": {"state": "adopted", "date": "2025-11-17"}, "stated_on": None},
                   {"source_id": early, "quote": "The Council will vote"}) == [["body", "resolution", "date"]]
    tomorrow = (today() + dt.timedelta(days=1)).isoformat()
    assert refused({"stated_on": tomorrow}) == [["body", "stated_on"]]
    assert refused({"sponsor_country": "ZZZ"}) == [["body", "sponsor_country"]]
    assert refused({}, {"quote": "The resolution was adopted unanimously"}) == [["body", "citation", "quote"]]
    assert refused({}, {"source_id": 999}) == [["body", "citation", "source_id"]]
    assert refused({"target_police": None}, {"field": "target_police"}) == [["body", "citation", "field"]]
    assert ["body", "citation", "field"] in refused({}, {"field": "troops"})
    assert ["body", "resolution", "date"] in refused({"resolution": {"state": "adopted", "date": "2026-02-30"}})
    assert ["body", "target_troops"] in refused({"target_troops": -5})
    assert ["body", "resolution", "state"] in refused({"resolution": {"state": "vetoed"}})
    assert count_changes(session) == before

    written = client.put(FACTS, json=API_BODY, headers={"If-Match": etag})
    assert written.status_code == 200, written.text
    assert written.json()["resolution"]["state"] == "tabled" and written.json()["version"] == 2
    new_etag = written.headers["etag"]
    assert new_etag != etag and client.get(FACTS).headers["etag"] == new_etag
    assert count_changes(session) == before + 1
    # The same write again changes nothing and records nothing; the old tag is stale now.
    replay = client.put(FACTS, json=API_BODY, headers={"If-Match": new_etag})
    assert replay.status_code == 200 and replay.headers["etag"] == new_etag
    assert count_changes(session) == before + 1
    assert client.put(FACTS, json=API_BODY, headers={"If-Match": etag}).status_code == 412

    # Facts stated before those the board shows are recorded, and the answer says the board keeps the later.
    older = client.put(FACTS, json={**API_BODY, "target_troops": 15000, "stated_on": "2025-11-01"},
                       headers={"If-Match": new_etag})
    assert older.status_code == 200
    assert older.json()["current_facts"] is False and "later day" in older.json()["notice"]
    assert older.json()["target_troops"] == 20000
    same = client.put(FACTS, json={**API_BODY, "target_troops": 15000, "stated_on": "2025-11-01"},
                      headers={"If-Match": older.headers["etag"]})
    assert same.status_code == 200 and same.json()["current_facts"] is False  # still not what the board shows
    assert count_changes(session) == before + 2  # sent again for its own day: already recorded, nothing new
    assert client.get(f"{FACTS}?as_of=2025-11-01").json()["target_troops"] == 15000
    session.rollback()
    assert verify_chain(session).ok


def test_the_targets_quotes_say_which_target_each_backs(writer_client):
    """With a police target beside the troop target, each quote under the Target says which it backs,
    the troop target's first."""
    etag = writer_client.get(FACTS).headers["etag"]
    current = writer_client.get(FACTS).json()
    police = writer_client.put(FACTS, headers={"If-Match": etag}, json={
        **API_BODY, "target_troops": current["target_troops"], "target_police": 12000,
        "citation": {"source": {"title": "Police plan", "text": "The plan foresees 12,000 police officers."},
                     "quote": "12,000 police officers", "field": "target_police"}, "reason": "police target"})
    assert police.status_code == 200, police.text
    card = BeautifulSoup(writer_client.get("/proposals/gaza-isf").text, "html.parser").select_one("#facts .fact")
    captions = [f.get_text(" ", strip=True) for f in card.select("figcaption")]
    assert captions and captions[-1].startswith("For the police target:"), captions
    assert all(c.startswith(("For the troop target:", "For the police target:")) for c in captions), captions

    # One passage that is the word for both targets says so, once.
    both = writer_client.put(FACTS, headers={"If-Match": police.headers["etag"]}, json={
        **API_BODY, "target_troops": 18000, "target_police": 9000,
        "citation": {"source": {"title": "Revised plan", "text": "The revised plan: 18,000 troops and 9,000 police."},
                     "quote": "18,000 troops and 9,000 police"}, "reason": "both targets"})
    assert both.status_code == 200, both.text
    card = BeautifulSoup(writer_client.get("/proposals/gaza-isf").text, "html.parser").select_one("#facts .fact")
    captions = [f.get_text(" ", strip=True) for f in card.select("figcaption")]
    assert [c for c in captions if "Revised plan" in c] == [
        next(c for c in captions if c.startswith("For the troop and police targets: Revised plan"))], captions


def test_only_a_write_token_may_change_the_facts(client, database):
    etag = client.get(FACTS).headers["etag"]
    assert client.put(FACTS, json=API_BODY, headers={"If-Match": etag}).status_code == 401
    add_user(database, "reader", "editor")
    token = add_token(database, "reader", "read")
    reply = client.put(FACTS, json=API_BODY, headers={"If-Match": etag, "Authorization": f"Bearer {token}"})
    assert reply.status_code == 403


def test_the_facts_form_opens_on_the_facts_the_board_shows(editor_client, database):
    """Facts recorded today for a day before the board's (a target stated in October 2025) are history:
    the form opens on the facts the board shows, over the latest version."""
    api = {"Authorization": f"Bearer {add_token(database, 'editor', 'write')}"}
    url = "/api/v1/proposals/gaza-isf"
    reply = editor_client.put(url, headers={**api, "If-Match": editor_client.get(url).headers["etag"]}, json={
        "target_troops": 30000, "target_troops_approximate": False, "sponsor": "United States", "stated_on": "2025-10-01",
        "citation": {"source": {"title": "An early plan", "published_on": "2025-10-01",
                                "text": "An early plan spoke of 30,000 troops."}, "quote": "30,000 troops"},
        "reason": "an early plan, entered late"})
    assert reply.status_code == 200 and reply.json()["current_facts"] is False, reply.text
    data = form_values(editor_client.get(EDIT).text, "form.facts-form")
    assert (data["target_troops"], data["target_troops_approximate"], data["version"]) == ("20000", "1", "2")
    assert data["resolution_state"] == "drafted"


def test_the_facts_form_shows_every_problem_at_once(editor_client, session):
    data = form_values(editor_client.get(EDIT).text, "form.facts-form")
    data.update(target_police="abc", sponsor_country="ZZZ", resolution_state="adopted", resolution_on="",
                source_id="1", quote=RESOLUTION_QUOTE, reason="three mistakes")
    reply = editor_client.post(EDIT, data=data)
    assert reply.status_code == 422
    soup = BeautifulSoup(reply.text, "html.parser")
    errors = {e.get("id", "").removesuffix("-error"): e.get_text(strip=True) for e in soup.select(".field-error")}
    assert {"target_police", "sponsor_country", "resolution_on"} <= set(errors), errors
    assert "Unknown country code 'ZZZ'" in errors["sponsor_country"]


@pytest.mark.parametrize("dated", [
    {"stated_on": "2025-12-01", "source_id": "1", "quote": RESOLUTION_QUOTE},
    # undated, citing a report published that day: dated by it
    {"stated_on": "", "source_id": "new", "source_title": "December report", "source_published_on": "2025-12-01",
     "quote": "December report"},
], ids=["stated-on", "by-its-source"])
def test_facts_dated_to_an_earlier_day_take_what_the_editor_left_from_that_days_facts(editor_client, client, dated):
    """The board shows facts stated on 10 Jan 2026 (a new mandate). An editor enters a context note
    for 1 Dec 2025 (stated on that day, or undated on a report of that day): the facts of that day
    keep the mandate they had then, and the editor is told."""
    data = form_values(editor_client.get(EDIT).text, "form.facts-form")
    seeded_mandate = data["mandate_summary"]
    later = {**data, "mandate_summary": "A later mandate.", "stated_on": "2026-01-10", "source_id": "1",
             "quote": RESOLUTION_QUOTE, "reason": "new mandate"}
    assert editor_client.post(EDIT, data=later, follow_redirects=False).status_code == 303
    data = form_values(editor_client.get(EDIT).text, "form.facts-form")
    assert data["mandate_summary"] == "A later mandate."  # the form opens on today's facts
    data.update(context_notes="Context stated in December.", reason="late entry", **dated)
    reply = editor_client.post(EDIT, data=data, follow_redirects=False)
    assert reply.status_code == 303, reply.text[:1000]
    message = BeautifulSoup(editor_client.get(reply.headers["location"]).text, "html.parser").select_one(
        ".notice-ok").get_text(" ", strip=True)
    assert "taken from the facts of 1 Dec 2025, the day these facts speak for, instead: mandate summary." in message
    december = client.get(f"{FACTS}?as_of=2025-12-05").json()
    assert december["mandate_summary"] == seeded_mandate and december["context_notes"] == "Context stated in December."
    assert client.get(FACTS).json()["mandate_summary"] == "A later mandate."
    # The late entry is told against the facts it follows (December's), not the later ones recorded.
    (late,) = [c for c in client.get("/api/v1/changes?limit=500").json()
               if c["entity"] == "proposal" and c["effective_on"] == "2025-12-01"]
    assert late["before"]["mandate_summary"] == seeded_mandate and late["before"]["version"] == 1
    row = BeautifulSoup(client.get("/changes").text, "html.parser").find(string=lambda t: t and "late entry" in t)
    listed = row.find_parent("li") or row.find_parent("tr")
    assert "mandate" not in listed.get_text(" ", strip=True).lower(), listed.get_text(" ", strip=True)
