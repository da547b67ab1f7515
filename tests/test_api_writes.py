"""API writes: If-Match rules, one change row per real write, errors with field paths, PATCH as a
JSON Merge Patch, and twenty racing replaces against several server processes: exactly one wins."""

from __future__ import annotations

import datetime as dt
import json

import httpx
import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.db import build_engine
from app.main import create_app
from app.models import Change, Source, Stance
from app.services.changes import verify_chain
from tests.conftest import API_BODY, BAD_FIGURES, STANCE_FORM, add_token, add_user, form_values
from tests.live import live_server, race, race_puts

URL = "/api/v1/proposals/gaza-isf/stances"
QUOTE = "Azerbaijan has made it clear that it will not send peacekeepers to Gaza"
BODY = API_BODY
MERGE_PATCH = "application/merge-patch+json"
CITED = {"citation": BODY["citation"], "reason": BODY["reason"]}  # a change's own: a PATCH sends them as a PUT does


@pytest.fixture
def writer(client, database):
    add_user(database, "newsroom", "editor")
    client.headers["Authorization"] = f"Bearer {add_token(database, 'newsroom', 'write')}"
    return client


def _changes(session) -> int:
    session.rollback()
    return session.scalar(select(func.count()).select_from(Change))


def test_replace_needs_if_match_refuses_stale_and_records_exactly_one_change(writer, session):
    before = _changes(session)
    missing = writer.put(f"{URL}/AZE", json=BODY)
    assert missing.status_code == 428 and "If-Match" in missing.json()["detail"]
    stale = writer.put(f"{URL}/AZE", json=BODY, headers={"If-Match": '"0123456789abcdef0123456789abcdef"'})
    assert stale.status_code == 412
    assert _changes(session) == before

    etag = writer.get(f"{URL}/AZE").headers["etag"]
    assert stale.headers["etag"] == etag  # the reply says what is current
    fresh = writer.put(f"{URL}/AZE", json=BODY, headers={"If-Match": etag})
    assert fresh.status_code == 200
    body = fresh.json()
    assert body["status"] == "committed" and body["version"] == 2
    assert fresh.headers["etag"] == writer.get(f"{URL}/AZE").headers["etag"] != etag
    assert _changes(session) == before + 1
    change = session.scalars(select(Change).order_by(Change.id.desc())).first()
    assert (change.actor, change.via, change.reason) == ("newsroom", "api", "Ministry statement")
    assert change.before["status"] == "conditional" and change.after["status"] == "committed"
    assert change.before["troops"]["committed"] is None and change.after["troops"]["committed"] == 500
    # the ceasefire condition kept its id and its quote; the parliament one was removed
    assert [c["id"] for c in change.after["conditions"]] == [change.before["conditions"][0]["id"]]
    assert change.after["conditions"][0]["citations"]
    assert verify_chain(session).ok

    replay = writer.put(f"{URL}/AZE", json=BODY, headers={"If-Match": etag})
    assert replay.status_code == 412  # the same If-Match cannot be used twice


def test_a_write_that_changes_nothing_records_nothing(writer, session):
    etag = writer.get(f"{URL}/AZE").headers["etag"]
    first = writer.put(f"{URL}/AZE", json=BODY, headers={"If-Match": etag})
    count = _changes(session)
    again = writer.put(f"{URL}/AZE", json=BODY, headers={"If-Match": first.headers["etag"]})
    assert again.status_code == 200 and again.headers["etag"] == first.headers["etag"]
    assert _changes(session) == count


@pytest.mark.parametrize("stated_on", ["2026-11-20", None], ids=["dated", "undated"])
def test_a_statement_sent_again_for_its_own_day_records_nothing(writer, session, stated_on):
    """A script that sends a country's statements again (a backfill run twice) records nothing new,
    though a later statement has been recorded since: what the board shows for every day is the same."""
    source = writer.post("/api/v1/sources", json={"title": "Baku briefing", "publisher": "Example Wire",
                                                  "published_on": "2026-11-20", "text": "Baku will send 500 engineers."})
    assert source.status_code in (200, 201), source.text
    earlier = {**BODY, "stated_on": stated_on, "conditions": [
        {"text": "A vote in the Milli Majlis first.", "category": "domestic_approval", "state": "unknown"}],
        "citation": {"source_id": source.json()["id"], "quote": "Baku will send 500 engineers"}}
    first = writer.put(f"{URL}/AZE", json=earlier, headers={"If-Match": writer.get(f"{URL}/AZE").headers["etag"]})
    assert first.status_code == 200, first.text
    later = writer.put(f"{URL}/AZE", json={**BODY, "stated_on": "2026-11-25", "status": "deployed",
                                            "troops": {"committed": 500, "deployed": 200}},
                       headers={"If-Match": first.headers["etag"]})
    assert later.status_code == 200, later.text
    count = _changes(session)
    boards = {day: writer.get(f"{URL}?as_of={day}").json() for day in ("2026-11-20", "2026-11-22", "2026-11-26")}

    again = writer.put(f"{URL}/AZE", json=earlier, headers={"If-Match": later.headers["etag"]})
    assert again.status_code == 200, again.text
    # The answer describes the statement said again, not the later one, and says it was recorded before.
    assert again.headers["etag"] == later.headers["etag"]
    said = again.json()
    assert (said["status"], said["stated_on"], said["current_position"]) == (BODY["status"], stated_on, False)
    assert said["version"] == first.json()["version"] and said["troops"] == first.json()["troops"]
    assert said["notice"].startswith(f"Already recorded as version {said['version']}, for 20 Nov 2026; but ")
    assert "The same statement is already recorded for 20 Nov 2026." in said["notice"]
    assert _changes(session) == count
    assert {day: writer.get(f"{URL}?as_of={day}").json() for day in boards} == boards

    # The same words for another day are a statement of their own.
    other_day = writer.put(f"{URL}/AZE", json={**earlier, "stated_on": "2026-11-19"},
                           headers={"If-Match": again.headers["etag"]})
    assert other_day.status_code == 200 and _changes(session) == count + 1


def test_create_answers_201_with_location_and_refuses_if_match(writer, session):
    body = {**BODY, "conditions": [], "citation": {"source": {"title": "Oslo statement", "publisher": "Example News"},
                                                   "quote": "Norway will consider a contribution"}}
    bad = writer.put(f"{URL}/NOR", json=body, headers={"If-Match": '"abc"'})
    assert bad.status_code == 412
    created = writer.put(f"{URL}/nor", json=body)
    assert created.status_code == 201
    assert created.headers["location"] == f"{URL}/NOR"
    assert created.json()["country_name"] == "Norway" and created.json()["version"] == 1
    assert created.headers["etag"] == writer.get(f"{URL}/NOR").headers["etag"]
    sources = writer.get("/api/v1/sources").json()
    assert sources[-1]["title"] == "Oslo statement" and sources[-1]["publisher"] == "Example News"


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"colour": "red"}, ["body", "colour"]),
        ({"status": "keen"}, ["body", "status"]),
        ({"troops": {"committed": True}}, ["body", "troops", "committed"]),
        ({"troops": {"committed": "500"}}, ["body", "troops", "committed"]),
        ({"troops": {"committed": -1}}, ["body", "troops", "committed"]),
        ({"reason": ""}, ["body", "reason"]),
        ({"citation": {"source_id": 1}}, ["body", "citation", "quote"]),
        ({"citation": {"source_id": 1, "quote": "words never said anywhere"}}, ["body", "citation", "quote"]),
        ({"citation": {"source_id": 77, "quote": QUOTE}}, ["body", "citation", "source_id"]),
        ({"conditions": [{"text": "x", "category": "weather"}]}, ["body", "conditions", 0, "category"]),
        ({"conditions": [{"text": "x", "category": "mandate", "factor": "moon-landing"}]}, ["body", "conditions", 0, "factor"]),
        ({"summary": "x" * 501}, ["body", "summary"]),
        # A day with a time would be read as a day nobody meant; a quote of blanks is the word of nobody.
        ({"stated_on": "2025-06-01T00:00:00"}, ["body", "stated_on"]),
        ({"stated_on": "2025-06-01T00:00:00+05:00"}, ["body", "stated_on"]),
        ({"citation": {"source": {"title": "Blank"}, "quote": "\u00a0\u00a0\u00a0"}}, ["body", "citation", "quote"]),
        ({"citation": {"source": {"title": "Blank", "text": "   "}, "quote": "   "}}, ["body", "citation", "source", "text"]),
        ({"citation": {"source": {"title": "Late", "published_on": "2026-10-01", "retrieved_on": "2026-01-01"},
                       "quote": "words"}}, ["body", "citation", "source", "retrieved_on"]),
        # a report cannot give a statement made after it came out
        ({"stated_on": "2026-03-02", "citation": {"source": {"title": "Early", "published_on": "2026-03-01",
                                                             "text": "Baku said it would wait."},
                                                  "quote": "Baku said it would wait."}}, ["body", "stated_on"]),
    ],
)
def test_invalid_bodies_answer_422_naming_the_field_and_write_nothing(writer, session, change, loc):
    before = _changes(session)
    etag = writer.get(f"{URL}/AZE").headers["etag"]
    reply = writer.put(f"{URL}/AZE", json={**BODY, **change}, headers={"If-Match": etag})
    assert reply.status_code == 422
    assert loc in [e["loc"][: len(loc)] for e in reply.json()["detail"]]
    assert _changes(session) == before
    assert writer.get(f"{URL}/AZE").headers["etag"] == etag


@pytest.mark.parametrize(("status", "troops", "field", "message"), BAD_FIGURES)
def test_figures_the_status_cannot_have_answer_422_naming_the_figure_and_the_rule(writer, session, status, troops,
                                                                                 field, message):
    before = _changes(session)
    etag = writer.get(f"{URL}/AZE").headers["etag"]
    body = {**BODY, "status": status, "troops": troops}
    replace = writer.put(f"{URL}/AZE", json=body, headers={"If-Match": etag})
    create = writer.put(f"{URL}/NOR", json={**body, "conditions": []})
    for reply in (replace, create):
        assert reply.status_code == 422
        assert [(e["loc"], e["msg"], e["input"]) for e in reply.json()["detail"]] == [
            (["body", "troops", field], message, troops[field])]
    assert _changes(session) == before
    assert writer.get(f"{URL}/AZE").headers["etag"] == etag
    assert writer.get(f"{URL}/NOR").status_code == 404


def test_unknown_proposal_or_country_is_404(writer):
    assert writer.put("/api/v1/proposals/nope/stances/AZE", json=BODY).status_code == 404
    assert writer.put(f"{URL}/ZZZ", json=BODY).status_code == 404


def test_post_source_validates_and_answers_201(writer):
    bad = writer.post("/api/v1/sources", json={"title": "x", "url": "ftp://example.org"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "url"]
    reply = writer.post("/api/v1/sources", json={"title": "Statement", "url": "https://example.org/s", "published_on": "2026-11-01",
                                                  "text": "Norway will send 200 medics."})
    assert reply.status_code == 201
    created = reply.json()
    assert reply.headers["location"] == f"/api/v1/sources/{created['id']}"
    assert created["published_on"] == "2026-11-01" and created["has_text"]


def test_a_source_described_again_is_the_stored_one_not_a_copy(writer):
    """Two editors who describe the same article get one source: the second answer is 200 with the
    stored source. The same title from another outlet, address or day, or another text, is a new one."""
    body = {"title": "Minister on the force", "publisher": "Wire", "url": "https://example.org/minister",
            "published_on": "2026-11-02"}
    first = writer.post("/api/v1/sources", json=body)
    again = writer.post("/api/v1/sources", json=body | {"title": "  minister ON the force "})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"] and again.headers["location"] == first.headers["location"]
    others = [body | {"publisher": "Other wire"}, body | {"url": "https://example.org/minister-2"},
              body | {"published_on": "2026-11-03"}, body | {"text": "Norway will send 200 medics."}]
    ids = {first.json()["id"]}
    for other in others:
        reply = writer.post("/api/v1/sources", json=other)
        assert reply.status_code == 201, other
        ids.add(reply.json()["id"])
    assert len(ids) == 5
    listed = [s for s in writer.get("/api/v1/sources").json() if s["title"].lower().strip() == "minister on the force"]
    assert len(listed) == 5
    accented = {"title": "Déclaration de l'ÉLYSÉE", "url": "https://example.org/elysee"}
    assert writer.post("/api/v1/sources", json=accented).status_code == 201
    assert writer.post("/api/v1/sources", json=accented | {"title": "déclaration de l'élysée"}).status_code == 200


def test_oversized_bodies_are_refused_with_413(writer):
    reply = writer.post("/api/v1/sources", content=b"{" + b" " * 2_100_000 + b"}", headers={"Content-Type": "application/json"})
    assert reply.status_code == 413


# ---- several processes, one database --------------------------------------------------------------


@pytest.mark.slow
def test_twenty_racing_replaces_through_several_processes_exactly_one_wins(backend, database):
    add_user(database, "newsroom", "editor")
    token = add_token(database, "newsroom", "write")
    env = {"DATABASE_URL": backend.url}
    with live_server(env, "--workers", "3") as base:
        headers = {"Authorization": f"Bearer {token}"}
        etag = httpx.get(f"{base}{URL}/AZE").headers["etag"]
        statuses = race_puts([f"{base}{URL}/AZE"], BODY, headers, etag)
        assert sorted(statuses) == [200] + [412] * 19, statuses
        final = httpx.get(f"{base}{URL}/AZE").json()

    engine = build_engine(backend.url)
    try:
        from sqlalchemy.orm import Session

        with Session(engine) as s:
            aze = s.scalars(select(Stance).where(Stance.country_code == "AZE")).one()
            assert aze.version == 2 and aze.summary == final["summary"]
            changes = s.scalars(select(Change).where(Change.stance_id == aze.id)).all()
            assert len(changes) == 2 and changes[-1].after["summary"] == final["summary"]
            assert verify_chain(s).ok
    finally:
        engine.dispose()


@pytest.mark.parametrize("method", ["PUT", "PATCH"])
def test_if_match_is_required_and_star_is_refused_like_a_missing_one(writer, session, method):
    before = _changes(session)
    etag = writer.get(f"{URL}/AZE").headers["etag"]
    body, kind = (BODY, "application/json") if method == "PUT" else ({"summary": "x", **CITED}, MERGE_PATCH)
    for headers in ({}, {"If-Match": "*"}, {"If-Match": f"*, {etag}"}):
        reply = writer.request(method, f"{URL}/AZE", content=json.dumps(body), headers={"Content-Type": kind, **headers})
        assert reply.status_code == 428, (headers, reply.text)
        assert "ETag from your last GET" in reply.json()["detail"] and reply.headers["etag"] == etag
    weak = writer.request(method, f"{URL}/AZE", content=json.dumps(body), headers={"Content-Type": kind, "If-Match": f"W/{etag}"})
    assert weak.status_code == 412 and "weak" in weak.json()["detail"]  # If-Match compares strong
    assert _changes(session) == before


def test_put_that_creates_with_if_match_star_is_refused_too(writer):
    reply = writer.put(f"{URL}/NOR", json={**BODY, "conditions": []}, headers={"If-Match": "*"})
    assert reply.status_code == 428 and "send no If-Match" in reply.json()["detail"]
    assert writer.get(f"{URL}/NOR").status_code == 404


def test_create_only_with_if_none_match_is_refused_when_the_stance_exists(writer, session):
    before = _changes(session)
    etag = writer.get(f"{URL}/AZE").headers["etag"]
    for value in ("*", etag, f"W/{etag}"):
        reply = writer.put(f"{URL}/AZE", json=BODY, headers={"If-None-Match": value})
        assert reply.status_code == 412 and "exists already" in reply.json()["detail"]
        assert reply.headers["etag"] == etag
    assert _changes(session) == before
    body = {**BODY, "conditions": []}
    assert writer.put(f"{URL}/NOR", json=body, headers={"If-None-Match": "*"}).status_code == 201
    assert writer.put(f"{URL}/NOR", json=body, headers={"If-None-Match": "*"}).status_code == 412


def test_racing_creators_of_one_country_exactly_one_wins(writer, session):
    before = _changes(session)
    headers = dict(writer.headers)
    with TestClient(create_app(), headers=headers) as a, TestClient(create_app(), headers=headers) as b:
        clients = [a, b] * 3
        replies = race(len(clients), lambda i: clients[i].put(
            f"{URL}/NOR", json={**BODY, "conditions": [], "summary": f"writer {i}"},
            headers={"If-None-Match": "*"} if i % 2 else {}))
    statuses = [r.status_code for r in replies]
    assert statuses.count(201) == 1, statuses
    # The others lose: 412 when they raced into the write or asked to create only; a plain PUT that
    # arrives once the stance exists is a replace without If-Match, so 428. Never a second 201 or 200.
    for i, status in enumerate(statuses):
        assert status in ((201, 412) if i % 2 else (201, 412, 428)), statuses
    final = writer.get(f"{URL}/NOR")
    assert final.json()["summary"] == f"writer {statuses.index(201)}" and final.json()["version"] == 1
    for reply in replies:
        if reply.status_code in (412, 428):
            assert reply.headers["etag"] == final.headers["etag"]  # what to send as If-Match to replace it
    assert _changes(session) == before + 1


# ---- PATCH: a JSON Merge Patch of some fields ------------------------------------------------------


def test_patch_of_the_summary_leaves_conditions_quotes_and_figures_as_they_were(writer, session):
    etag = writer.get(f"{URL}/AZE").headers["etag"]
    figures = writer.patch(f"{URL}/AZE", json={"troops": {"offered_min": 200, "offered_max": 400}, "roles": ["medical"],
                                               **CITED},
                           headers={"Content-Type": MERGE_PATCH, "If-Match": etag})
    assert figures.status_code == 200, figures.text
    before = writer.get(f"{URL}/AZE").json()
    count = _changes(session)

    word = "We do not want to put our troops in danger"
    reply = writer.patch(f"{URL}/AZE", json={"summary": "Will send medics once the fighting stops.",
                                             "citation": {"source_id": 1, "quote": word}, "reason": "Ministry statement"},
                         headers={"Content-Type": MERGE_PATCH, "If-Match": figures.headers["etag"]})
    assert reply.status_code == 200, reply.text
    after = reply.json()
    assert reply.headers["etag"] == writer.get(f"{URL}/AZE").headers["etag"] != figures.headers["etag"]
    assert after["summary"] == "Will send medics once the fighting stops." and after["version"] == before["version"] + 1
    for field in ("status", "troops", "roles", "stated_on", "conditions"):
        assert after[field] == before[field], field  # the conditions keep their ids and their quotes
    assert before["troops"]["offered_max"] == 400 and len(before["conditions"]) == 2
    # The quotes of every fact the patch left alone stay; the summary's word is the patch's quote now
    # (its earlier quotes stay with the version they supported, in the history).
    others = [q for q in before["citations"] if "summary" not in q["fields"]]
    assert others and all(q in after["citations"] for q in others)
    assert [q["quote"] for q in after["citations"] if "summary" in q["fields"]] == [word]
    assert after["current_position"] is True

    assert _changes(session) == count + 1
    change = session.scalars(select(Change).order_by(Change.id.desc())).first()
    assert (change.actor, change.via, change.reason) == ("newsroom", "api", "Ministry statement")
    assert change.before["summary"] != change.after["summary"] == after["summary"]
    assert change.before["conditions"] == change.after["conditions"]
    assert verify_chain(session).ok


def test_patch_with_null_clears_an_optional_field_and_keeps_the_rest(writer):
    etag = writer.get(f"{URL}/AZE").headers["etag"]
    set_up = writer.patch(f"{URL}/AZE", json={"troops": {"offered_max": 500, "committed": 300}, **CITED},
                          headers={"Content-Type": MERGE_PATCH, "If-Match": etag})
    assert set_up.status_code == 200, set_up.text
    reply = writer.patch(f"{URL}/AZE", json={"summary": None, "troops": {"committed": None}, **CITED},
                         headers={"Content-Type": MERGE_PATCH, "If-Match": set_up.headers["etag"]})
    assert reply.status_code == 200, reply.text
    stance = reply.json()
    assert stance["summary"] is None
    assert stance["troops"] == {"offered_min": None, "offered_max": 500, "committed": None, "deployed": None}
    assert stance["status"] == "conditional" and len(stance["conditions"]) == 2
    cleared = writer.patch(f"{URL}/AZE", json={"conditions": None, **CITED},
                           headers={"Content-Type": MERGE_PATCH, "If-Match": reply.headers["etag"]})
    assert cleared.status_code == 200 and cleared.json()["conditions"] == []  # an array is replaced whole
    no_roles = writer.patch(f"{URL}/AZE", json={"roles": None, **CITED},
                            headers={"Content-Type": MERGE_PATCH, "If-Match": cleared.headers["etag"]})
    assert no_roles.status_code == 200 and no_roles.json()["roles"] == [], no_roles.text


@pytest.mark.parametrize("content_type", ["application/json", "text/plain", None])
def test_patch_in_another_format_is_415_and_writes_nothing(writer, session, content_type):
    before = _changes(session)
    read = writer.get(f"{URL}/AZE")
    assert read.headers["accept-patch"] == MERGE_PATCH  # the stance says which PATCH format it takes
    etag = read.headers["etag"]
    headers = {"If-Match": etag, **({"Content-Type": content_type} if content_type else {})}
    reply = writer.request("PATCH", f"{URL}/AZE", content=json.dumps({"summary": "x", **CITED}), headers=headers)
    assert reply.status_code == 415
    assert MERGE_PATCH in reply.json()["detail"] and reply.headers["accept-patch"] == MERGE_PATCH
    assert _changes(session) == before


def test_patch_with_a_stale_or_weak_if_match_is_412_with_the_current_etag(writer, session):
    before = _changes(session)
    etag = writer.get(f"{URL}/AZE").headers["etag"]
    for stale in ('"0123456789abcdef0123456789abcdef"', f"W/{etag}"):
        reply = writer.patch(f"{URL}/AZE", json={"summary": "x", **CITED},
                             headers={"Content-Type": MERGE_PATCH, "If-Match": stale})
        assert reply.status_code == 412 and reply.headers["etag"] == etag
    first = writer.patch(f"{URL}/AZE", json={"summary": "x", **CITED}, headers={"Content-Type": MERGE_PATCH, "If-Match": etag})
    assert first.status_code == 200
    replay = writer.patch(f"{URL}/AZE", json={"summary": "y", **CITED}, headers={"Content-Type": MERGE_PATCH, "If-Match": etag})
    assert replay.status_code == 412 and replay.headers["etag"] == first.headers["etag"]
    assert _changes(session) == before + 1


@pytest.mark.parametrize(
    ("patch", "loc", "message"),
    [
        ({"status": None, **CITED}, ["body", "status"], "cannot be null"),
        ({"status": "keen", **CITED}, ["body", "status"], None),
        ({"troops": {"committed": -1}, **CITED}, ["body", "troops", "committed"], None),
        ({"troops": {"committed": "500"}, **CITED}, ["body", "troops", "committed"], None),
        ({"roles": ["medical", "medical"], **CITED}, ["body", "roles"], "roles must not repeat"),
        ({"conditions": [{"text": "x", "category": "weather"}], **CITED}, ["body", "conditions", 0, "category"], None),
        ({"conditions": [{"text": "x", "category": "mandate", "factor": "moon-landing"}], **CITED},
         ["body", "conditions", 0, "factor"], None),
        ({"colour": "red", **CITED}, ["body", "colour"], None),
        ({"summary": "x"}, ["body", "citation"], None),
        ({"summary": "x", "citation": None, "reason": "why"}, ["body", "citation"], "cannot be null"),
        ({"summary": "x", "citation": {"source_id": 1, "quote": "words never said anywhere"}, "reason": "why"},
         ["body", "citation", "quote"], None),
        ([{"summary": "x"}], ["body"], "JSON object"),
        ("{not json", ["body", 1], "JSON decode error"),
    ],
)
def test_invalid_patches_answer_422_naming_the_field_and_write_nothing(writer, session, patch, loc, message):
    before = _changes(session)
    etag = writer.get(f"{URL}/AZE").headers["etag"]
    stance = writer.get(f"{URL}/AZE").json()
    content = patch if isinstance(patch, str) else json.dumps(patch)
    reply = writer.patch(f"{URL}/AZE", content=content, headers={"Content-Type": MERGE_PATCH, "If-Match": etag})
    assert reply.status_code == 422, reply.text
    errors = reply.json()["detail"]
    assert loc in [e["loc"][: len(loc)] for e in errors], errors
    if message:
        assert any(message in e["msg"] for e in errors), errors
    assert _changes(session) == before
    assert writer.get(f"{URL}/AZE").headers["etag"] == etag and writer.get(f"{URL}/AZE").json() == stance


def test_a_patch_is_checked_on_the_stance_it_makes(writer, session):
    """A status that the stored figures do not fit is refused at the figure, as a PUT would be."""
    etag = writer.get(f"{URL}/AZE").headers["etag"]
    figures = writer.patch(f"{URL}/AZE", json={"troops": {"committed": 300}, **CITED},
                           headers={"Content-Type": MERGE_PATCH, "If-Match": etag})
    assert figures.status_code == 200, figures.text
    before = _changes(session)
    reply = writer.patch(f"{URL}/AZE", json={"status": "declined", **CITED},
                         headers={"Content-Type": MERGE_PATCH, "If-Match": figures.headers["etag"]})
    assert reply.status_code == 422
    assert ["body", "troops", "committed"] in [e["loc"] for e in reply.json()["detail"]]
    assert _changes(session) == before
    both = writer.patch(f"{URL}/AZE", json={"status": "declined", "troops": {"committed": None}, **CITED},
                        headers={"Content-Type": MERGE_PATCH, "If-Match": figures.headers["etag"]})
    assert both.status_code == 200 and both.json()["troops"]["committed"] is None


def test_patch_of_an_unknown_stance_or_proposal_is_404(writer):
    etag = writer.get(f"{URL}/AZE").headers["etag"]
    headers = {"Content-Type": MERGE_PATCH, "If-Match": etag}
    nor = writer.patch(f"{URL}/NOR", json={"summary": "x", **CITED}, headers=headers)
    assert nor.status_code == 404 and "PUT creates one" in nor.json()["detail"]
    assert writer.patch("/api/v1/proposals/nope/stances/AZE", json={"summary": "x", **CITED}, headers=headers).status_code == 404
    assert writer.patch(f"{URL}/ZZZ", json={"summary": "x", **CITED}, headers=headers).status_code == 404


def test_patch_needs_a_write_token(client):
    etag = client.get(f"{URL}/AZE").headers["etag"]
    reply = client.patch(f"{URL}/AZE", json={"summary": "x", **CITED}, headers={"Content-Type": MERGE_PATCH, "If-Match": etag})
    assert reply.status_code == 401


def test_openapi_documents_the_etag_and_each_answer_of_one_stance(client):
    spec = client.get("/openapi.json").json()
    operations = spec["paths"]["/api/v1/proposals/{slug}/stances/{iso3}"]
    codes = {method: set(op["responses"]) for method, op in operations.items()}
    assert codes == {
        "get": {"200", "304", "404", "422", "503"},
        "put": {"200", "201", "400", "401", "403", "404", "412", "413", "415", "422", "428", "429", "503"},
        "patch": {"200", "400", "401", "403", "404", "412", "413", "415", "422", "428", "429", "503"},
    }
    for method, status in (("get", "200"), ("get", "304"), ("put", "200"), ("put", "201"), ("patch", "200")):
        assert operations[method]["responses"][status]["headers"]["ETag"]["required"] is True, (method, status)
    for method, op in operations.items():
        for status, answer in op["responses"].items():
            if status.startswith(("4", "5")):
                schema = answer["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
                assert schema in (("ValidationErrorOut", "HTTPValidationError") if status == "422" else ("ErrorOut",)), (method, status)
    assert "json_invalid" in operations["patch"]["responses"]["422"]["description"]
    body = operations["patch"]["requestBody"]["content"]
    assert list(body) == [MERGE_PATCH] and body[MERGE_PATCH]["schema"]["required"] == ["citation", "reason"]


def test_a_patch_of_the_position_is_a_statement_of_its_own_and_past_days_keep_the_earlier_one(writer):
    before = writer.get(f"{URL}/AZE")
    earlier = before.json()
    day = earlier["stated_on"]
    assert day is not None and earlier["troops"]["offered_max"] != 500
    reply = writer.patch(f"{URL}/AZE", json={
        "troops": {"offered_max": 500},
        "citation": {"source": {"title": "Baku statement", "publisher": "Example Wire"}, "quote": "up to 500 troops"},
        "reason": "New statement from the ministry"}, headers={"Content-Type": MERGE_PATCH, "If-Match": before.headers["etag"]})
    assert reply.status_code == 200, reply.text
    now = reply.json()
    # undated, from an undated source: it speaks for the day it was recorded, not the day of the one before
    assert now["stated_on"] is None and now["troops"]["offered_max"] == 500 and now["current_position"] is True
    then = writer.get(f"{URL}/AZE", params={"as_of": day}).json()
    assert then["troops"] == earlier["troops"] and then["version"] == earlier["version"]
    board_then = {s["country"]: s for s in writer.get(URL, params={"as_of": day}).json()}
    assert board_then["AZE"]["troops"] == earlier["troops"]
    # dated in the patch itself, it speaks for that day
    dated = writer.patch(f"{URL}/AZE", json={"status": "considering", "stated_on": day, **CITED},
                         headers={"Content-Type": MERGE_PATCH, "If-Match": reply.headers["etag"]})
    assert dated.status_code == 200, dated.text
    assert dated.json()["stated_on"] == day
    assert writer.get(f"{URL}/AZE", params={"as_of": day}).json()["status"] == "considering"


def test_a_source_dated_after_today_is_refused_with_the_field_named(writer, session):
    stored = session.scalar(select(func.count()).select_from(Source))
    reply = writer.post("/api/v1/sources", json={"title": "Tomorrow's news", "published_on": "2999-01-01"})
    assert reply.status_code == 422
    (error,) = reply.json()["detail"]
    assert error["loc"] == ["body", "published_on"] and "after today" in error["msg"]
    imported = writer.post("/api/v1/imports", json={"title": "Tomorrow's news", "published_on": "2999-01-01",
                                                    "text": "Peru will send 300 troops to the force."})
    assert imported.status_code == 422 and imported.json()["detail"][0]["loc"] == ["body", "published_on"]
    session.rollback()
    assert session.scalar(select(func.count()).select_from(Source)) == stored
    assert writer.post("/api/v1/sources", json={"title": "Today's news",
                                                "published_on": dt.datetime.now(dt.timezone.utc).date().isoformat()}).status_code == 201


def test_a_patch_dated_with_a_time_is_refused_and_no_past_board_changes(writer, session):
    """"…T00:00:00" is not a day: a patch giving it is refused at stated_on, not read as today's position
    back-dated to that day."""
    before = _changes(session)
    board = writer.get(f"{URL}?as_of=2025-07-01").json()
    reply = writer.patch(f"{URL}/AZE", content=json.dumps({"stated_on": "2025-06-01T00:00:00", "summary": "back-dated",
                                                            **CITED}),
                         headers={"If-Match": writer.get(f"{URL}/AZE").headers["etag"], "Content-Type": MERGE_PATCH})
    assert reply.status_code == 422 and ["body", "stated_on"] in [e["loc"] for e in reply.json()["detail"]]
    assert _changes(session) == before and writer.get(f"{URL}?as_of=2025-07-01").json() == board


def test_a_removed_condition_id_is_never_given_to_another_condition(writer, session):
    """A condition's id names it in the history, in links (`#condition-N`) and in forms sent back: one
    removed must never come back as another condition, even when it was the newest of all."""
    etag = writer.get(f"{URL}/AZE").headers["etag"]
    added = writer.put(f"{URL}/AZE", json={**BODY, "conditions": [
        *BODY["conditions"], {"text": "A vote in the Milli Majlis first.", "category": "domestic_approval",
                              "state": "unknown"}]}, headers={"If-Match": etag})
    assert added.status_code == 200, added.text
    removed_id = max(c["id"] for c in added.json()["conditions"])
    removed = writer.put(f"{URL}/AZE", json=BODY, headers={"If-Match": added.headers["etag"]})
    assert removed.status_code == 200 and removed_id not in [c["id"] for c in removed.json()["conditions"]]

    another = writer.put(f"{URL}/AZE", json={**BODY, "conditions": [
        *BODY["conditions"], {"text": "Funding agreed with the donors.", "category": "funding", "state": "unmet"}]},
        headers={"If-Match": removed.headers["etag"]})
    assert another.status_code == 200, another.text
    new_id = next(c["id"] for c in another.json()["conditions"] if c["category"] == "funding")
    assert new_id > removed_id
    history = writer.get(f"{URL}/AZE/history").json()
    ever = [c["id"] for entry in history for c in (entry.get("after") or {}).get("conditions", [])]
    assert ever.count(new_id) == 1  # the history never shows this id on the removed condition


def test_each_troop_figure_keeps_the_quote_it_rests_on(writer, client):
    """A write that changes one troop figure cites its quote for that figure: the quote an earlier
    figure rests on stays with that figure, and goes once that figure changes too."""
    def source(text: str) -> int:
        reply = writer.post("/api/v1/sources", json={"title": text[:40], "publisher": "Example Wire",
                                                     "published_on": "2026-11-20", "text": text})
        assert reply.status_code in (200, 201), reply.text
        return reply.json()["id"]

    offer = {**BODY, "status": "conditional", "troops": {"offered_max": 8000}, "conditions": [],
             "citation": {"source_id": source("Baku could send up to 8,000 troops."), "quote": "up to 8,000 troops"}}
    first = writer.put(f"{URL}/AZE", json=offer, headers={"If-Match": writer.get(f"{URL}/AZE").headers["etag"]})
    assert first.status_code == 200, first.text
    pledge = {**offer, "troops": {"offered_max": 8000, "committed": 1000},
              "citation": {"source_id": source("Baku commits a first 1,000 soldiers."), "quote": "a first 1,000 soldiers"}}
    second = writer.put(f"{URL}/AZE", json=pledge, headers={"If-Match": first.headers["etag"]})
    assert second.status_code == 200, second.text
    backs = {c["quote"]: c["fields"] for c in second.json()["citations"]}
    # The offer's quote was the word for the whole position; of the troops, only the offer is still its.
    assert "offered_max" in backs["up to 8,000 troops"] and "roles" in backs["up to 8,000 troops"]
    assert not {"troops", "committed"} & set(backs["up to 8,000 troops"])
    assert backs["a first 1,000 soldiers"] == ["committed"]
    page = BeautifulSoup(client.get("/proposals/gaza-isf/countries/AZE").text, "html.parser")
    words = {p.find_next("blockquote").get_text(strip=True): p.get_text(" ", strip=True)
             for p in page.select(".quote-facts")}
    assert "Troops offered" in words["up to 8,000 troops"] and "committed" not in words["up to 8,000 troops"]
    assert words["a first 1,000 soldiers"] == "The word for: Troops committed"

    smaller = {**pledge, "troops": {"offered_max": 5000, "committed": 1000},
               "citation": {"source_id": source("Baku now speaks of 5,000 troops at most."), "quote": "5,000 troops at most"}}
    third = writer.put(f"{URL}/AZE", json=smaller, headers={"If-Match": second.headers["etag"]})
    assert third.status_code == 200, third.text
    backs = {c["quote"]: c["fields"] for c in third.json()["citations"]}
    assert not {"troops", "offered_max"} & set(backs["up to 8,000 troops"])  # the figure it rested on is gone
    assert backs["a first 1,000 soldiers"] == ["committed"] and backs["5,000 troops at most"] == ["offered_max"]


@pytest.mark.parametrize("method", ["PATCH", "PUT"])
def test_a_statement_behind_a_later_one_keeps_the_conditions_of_its_day_with_their_quotes(writer, client, method):
    """Norway states a condition on 1 Oct; a statement for 1 Sep recorded after it has none. A troops-only
    correction for 1 Oct then keeps 1 Oct's condition as it was: its id and its own quote, not the
    correction's, in the API and on the country page of that day."""
    text = "Norway may send up to 300 under a UN mandate. Norway is in talks. Norway raises its offer to 450."
    source = writer.post("/api/v1/sources", json={"title": "Oslo briefings", "publisher": "Example Wire",
                                                  "published_on": "2026-10-01", "text": text}).json()["id"]

    def cite(quote: str) -> dict:
        return {"citation": {"source_id": source, "quote": quote}, "reason": quote}

    mandate = {"text": "A UN mandate first.", "category": "mandate", "state": "unknown"}
    first = writer.put(f"{URL}/NOR", json={"status": "conditional", "troops": {"offered_max": 300},
                                           "stated_on": "2026-10-01", "conditions": [mandate],
                                           **cite("Norway may send up to 300 under a UN mandate")})
    assert first.status_code == 201, first.text
    condition = first.json()["conditions"][0]["id"]
    earlier = writer.patch(f"{URL}/NOR", content=json.dumps({
        "status": "considering", "troops": None, "conditions": None, "stated_on": "2026-09-01",
        **cite("Norway is in talks")}), headers={"If-Match": first.headers["etag"], "Content-Type": MERGE_PATCH})
    assert earlier.status_code == 200 and earlier.json()["current_position"] is False, earlier.text

    correction = {"troops": {"offered_max": 450}, "stated_on": "2026-10-01", **cite("Norway raises its offer to 450")}
    if method == "PUT":
        correction = {"status": "conditional", "conditions": [mandate], **correction}
        reply = writer.put(f"{URL}/NOR", json=correction, headers={"If-Match": earlier.headers["etag"]})
    else:
        reply = writer.patch(f"{URL}/NOR", content=json.dumps(correction),
                             headers={"If-Match": earlier.headers["etag"], "Content-Type": MERGE_PATCH})
    assert reply.status_code == 200, reply.text
    stance = client.get(f"{URL}/NOR").json()
    assert stance["troops"]["offered_max"] == 450 and stance["status"] == "conditional"
    [kept] = stance["conditions"]
    assert kept["id"] == condition
    assert [q["quote"] for q in kept["citations"]] == ["Norway may send up to 300 under a UN mandate"]
    backs = {c["quote"]: c["fields"] for c in stance["citations"]}
    assert backs["Norway raises its offer to 450"] == ["troops"]  # its only figure

    page = BeautifulSoup(client.get("/proposals/gaza-isf/countries/NOR?as_of=2026-10-15").text, "html.parser")
    quoted = page.select_one(f"#condition-{condition}").find_next("blockquote").get_text(" ", strip=True)
    assert "under a UN mandate" in quoted and "450" not in quoted
    # The day before keeps the statement for 1 Sep, with no condition.
    assert client.get(f"{URL}/NOR?as_of=2026-09-15").json()["conditions"] == []


def test_the_same_condition_twice_is_refused_beside_the_second_and_writes_nothing(writer, session, editor_client):
    """Two conditions with the same words (whatever their case and spacing) and category would be counted
    twice in the matrix and the what-if: the API and the form refuse them, naming the second."""
    before = _changes(session)
    twice = [{"text": "A UN mandate", "category": "mandate"}, {"text": "a UN  mandate ", "category": "mandate"}]
    reply = writer.put(f"{URL}/AZE", json={**BODY, "conditions": twice},
                       headers={"If-Match": writer.get(f"{URL}/AZE").headers["etag"]})
    assert reply.status_code == 422
    assert [e["loc"] for e in reply.json()["detail"]] == [["body", "conditions", 1, "text"]]
    assert "given twice" in reply.json()["detail"][0]["msg"]
    # The same words under two categories are two conditions.
    other = writer.put(f"{URL}/AZE", json={**BODY, "conditions": [twice[0], {**twice[1], "category": "other"}]},
                       headers={"If-Match": writer.get(f"{URL}/AZE").headers["etag"]})
    assert other.status_code == 200, other.text
    before = _changes(session)

    edit = "/proposals/gaza-isf/countries/AZE/edit"
    form = form_values(editor_client.get(edit).text, STANCE_FORM)
    form.update({"cond-0-text": "Ceasefire first", "cond-0-category": "ceasefire", "cond-1-text": "ceasefire first ",
                 "cond-1-category": "ceasefire", "source_id": "1", "quote": QUOTE, "reason": "twice"})
    page = editor_client.post(edit, data=form)
    assert page.status_code == 422
    error = BeautifulSoup(page.text, "html.parser").select_one("#cond-1-text-error")
    assert error is not None and "given twice" in error.get_text()
    assert _changes(session) == before


def test_a_factor_state_stated_for_an_earlier_day_changes_that_day_not_today(writer, client, database, session,
                                                                              editor_client):
    """Cessation of hostilities: met on 20 Dec 2025, unmet again today, then "unclear" stated for 25 Dec
    2025 and recorded last. Today keeps unmet (the board, the form an editor starts from, Azerbaijan's
    record); 25 Dec on shows unknown, told against the met state it follows, with its own quote beside
    the condition that hangs on it."""
    from app.schemas import CitationIn
    from app.services.board import get_proposal
    from app.services.factors import set_factor

    def source(text: str, day: str | None) -> int:
        reply = writer.post("/api/v1/sources", json={"title": text[:30], "publisher": "Example Wire", "text": text,
                                                     **({"published_on": day} if day else {})})
        assert reply.status_code == 201, reply.text
        return reply.json()["id"]

    def factor(state: str, source_id: int, quote: str) -> None:
        with database.write_session() as s:
            set_factor(s, proposal=get_proposal(s, "gaza-isf"), slug="cessation-of-hostilities", state=state,
                       note=None, citation=CitationIn(source_id=source_id, quote=quote), actor="desk", via="api",
                       reason=state)

    def ceasefire(day: str | None = None) -> tuple[str, list[str]]:
        stance = client.get(f"{URL}/AZE" + (f"?as_of={day}" if day else "")).json()
        [c] = [c for c in stance["conditions"] if c["category"] == "ceasefire"]
        return c["state"], [q["quote"] for q in c["citations"]]

    factor("met", source("A full cessation of hostilities took effect.", "2025-12-20"), "cessation of hostilities took effect")
    factor("unmet", source("Fighting resumed across the Strip.", None), "Fighting resumed")
    aze_changes = len(client.get(f"{URL}/AZE/history").json())
    dated = client.get(f"{URL}/AZE?as_of=2026-03-01")
    factor("unknown", source("It is unclear whether the truce holds.", "2025-12-25"), "unclear whether the truce holds")
    # The stance's latest version (its ETag) did not move, but that day's answer did: sent whole, not a 304.
    again = client.get(f"{URL}/AZE?as_of=2026-03-01", headers={"If-None-Match": dated.headers["etag"]})
    assert again.status_code == 200 and again.headers["etag"] == dated.headers["etag"]
    assert again.json() != dated.json()

    assert len(client.get(f"{URL}/AZE/history").json()) == aze_changes  # today's position did not move
    # Unmet as Azerbaijan's statement recorded it: the statement's own quote stays the word for it.
    assert ceasefire() == ("unmet", ["This can only happen if military action is completely stopped"])
    assert ceasefire("2025-12-21") == ("met", ["cessation of hostilities took effect"])
    assert ceasefire("2026-03-01") == ("unknown", ["unclear whether the truce holds"])
    latest = client.get("/api/v1/changes?limit=1000").json()
    unclear = [c for c in latest if c.get("entity") == "factor" and (c.get("after") or {}).get("state") == "unknown"][-1]
    assert unclear["before"]["state"] == "met"  # told against the state it follows, not today's
    form = BeautifulSoup(editor_client.get("/proposals/gaza-isf/factors/cessation-of-hostilities/edit").text,
                         "html.parser")
    assert form.select_one("input[name=state][checked]")["value"] == "unmet"
    assert "Now Unmet" in " ".join(form.select_one("h1").find_next("p").get_text(" ", strip=True).split())


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
@pytest.mark.parametrize(("method", "path"), [("PUT", f"{URL}/AZE"), ("POST", "/api/v1/sources"),
                                               ("PUT", "/api/v1/proposals/gaza-isf"),
                                               ("POST", "/api/v1/imports"), ("POST", "/api/v1/imports/1/apply")])
def test_a_json_write_in_another_format_is_415_and_writes_nothing(writer, session, method, path, content_type):
    """A JSON body sent as another type (or untyped) is refused for its type, naming the one taken,
    not read as if it were JSON nor answered with a field error."""
    before = _changes(session)
    headers = {"If-Match": writer.get(path).headers.get("etag", '"x"') if method == "PUT" else '"x"',
               **({"Content-Type": content_type} if content_type else {})}
    reply = writer.request(method, path, content=json.dumps({"status": "declined", **CITED}), headers=headers)
    assert reply.status_code == 415, reply.text
    assert "application/json" in reply.json()["detail"]
    assert _changes(session) == before


def test_roles_in_another_order_a_condition_alone_and_a_save_sent_twice_keep_every_quote_where_it_was(writer, session):
    """Roles are a set: sent in another order they change nothing, and keep their quote. A quote for a
    condition added alone is that condition's word, not the status's. A troop change sent twice records
    the second time nothing, its quote not filed again under the status."""
    text = "Oslo will send medics and engineers. Oslo wants a vote in the Storting. Oslo offers 300 troops."
    source = writer.post("/api/v1/sources", json={"title": "Oslo", "text": text}).json()["id"]

    def cite(quote: str) -> dict:
        return {"citation": {"source_id": source, "quote": quote}, "reason": quote}

    def patch(change: dict, etag: str):
        reply = writer.patch(f"{URL}/NOR", content=json.dumps(change),
                             headers={"If-Match": etag, "Content-Type": MERGE_PATCH})
        assert reply.status_code == 200, reply.text
        return reply

    def backs(reply) -> dict[str, list[str]]:
        return {c["quote"]: c["fields"] for c in reply.json()["citations"]}

    first = writer.put(f"{URL}/NOR", json={"status": "committed", "roles": ["medical", "engineering"],
                                           **cite("Oslo will send medics and engineers")})
    assert first.status_code == 201, first.text
    reordered = patch({"roles": ["engineering", "medical"], **cite("Oslo will send medics and engineers")},
                      first.headers["etag"])
    assert reordered.headers["etag"] == first.headers["etag"] and reordered.json()["roles"] == ["medical", "engineering"]
    condition = patch({"conditions": [{"text": "A vote in the Storting.", "category": "domestic_approval"}],
                       **cite("Oslo wants a vote in the Storting")}, first.headers["etag"])
    assert backs(condition) == {"Oslo will send medics and engineers": ["status", "roles"]}
    assert [q["quote"] for q in condition.json()["conditions"][0]["citations"]] == ["Oslo wants a vote in the Storting"]
    offer = {"troops": {"offered_max": 300}, **cite("Oslo offers 300 troops")}
    once = patch(offer, condition.headers["etag"])
    count = _changes(session)
    twice = patch(offer, once.headers["etag"])
    assert twice.headers["etag"] == once.headers["etag"] and _changes(session) == count
    assert backs(twice)["Oslo offers 300 troops"] == ["troops"]


def test_a_patch_of_the_summary_alone_keeps_the_day_of_the_position_it_corrects(writer, client):
    """Spain's undated statement speaks for today. Its summary corrected alone, quoting an older
    background piece, is still today's position: no board before today gains Spain."""
    put = writer.put(f"{URL}/ESP", json={"status": "committed", "troops": {"committed": 400},
                                         "citation": {"source": {"title": "Madrid commits 400", "text": "Spain commits 400 troops."},
                                                      "quote": "Spain commits 400 troops"}, "reason": "x"})
    assert put.status_code == 201, put.text
    background = writer.post("/api/v1/sources", json={
        "title": "Madrid background", "published_on": "2026-06-01",
        "text": "Spain has long backed a force that protects civilians."}).json()["id"]
    patched = writer.patch(f"{URL}/ESP", content=json.dumps({
        "summary": "Backs a force that protects civilians.", "reason": "x",
        "citation": {"source_id": background, "quote": "Spain has long backed a force that protects civilians"}}),
        headers={"If-Match": put.headers["etag"], "Content-Type": MERGE_PATCH})
    assert patched.status_code == 200, patched.text
    assert patched.json()["current_position"] is True and patched.json()["notice"] is None
    assert client.get(f"{URL}/ESP").json()["summary"] == "Backs a force that protects civilians."
    assert "ESP" not in {s["country"] for s in client.get(f"{URL}?as_of=2026-07-01").json()}


def test_a_sources_page_lists_what_todays_board_quotes_from_it(writer, client):
    """Egypt's position today quotes source A. A statement for an earlier day, recorded later, quotes
    source B: A's page and JSON still list Egypt's quote (today's board shows it), B's none."""
    a = writer.post("/api/v1/sources", json={"title": "Cairo today", "text": "Egypt will train police officers."}).json()["id"]
    b = writer.post("/api/v1/sources", json={"title": "Cairo in August", "published_on": "2025-08-20",
                                             "text": "Egypt is weighing a role."}).json()["id"]
    etag = writer.get(f"{URL}/EGY").headers["etag"]
    now = writer.put(f"{URL}/EGY", json={"status": "committed", "reason": "x",
                                         "citation": {"source_id": a, "quote": "Egypt will train police officers"}},
                     headers={"If-Match": etag})
    assert now.status_code == 200, now.text
    earlier = writer.patch(f"{URL}/EGY", content=json.dumps({
        "status": "considering", "stated_on": "2025-08-20", "reason": "x",
        "citation": {"source_id": b, "quote": "Egypt is weighing a role"}}),
        headers={"If-Match": now.headers["etag"], "Content-Type": MERGE_PATCH})
    assert earlier.status_code == 200 and earlier.json()["current_position"] is False, earlier.text

    page = BeautifulSoup(client.get(f"/sources/{a}").text, "html.parser")
    listed = [li.get_text(" ", strip=True) for li in page.select(".quote-list li")]
    assert listed == ["Egypt will train police officers supports the stance of Egypt (status)"]
    assert page.select_one(".source-text mark").get_text() == "Egypt will train police officers"
    assert [(c["quote"], c["field"]) for c in client.get(f"/api/v1/sources/{a}").json()["citations"]] == [
        ("Egypt will train police officers", "status")]
    other = BeautifulSoup(client.get(f"/sources/{b}").text, "html.parser")
    assert "Today's board quotes nothing from this source" in other.select_one(".quote-list").get_text()
    assert client.get(f"/api/v1/sources/{b}").json()["citations"] == []
