"""API writes: If-Match rules, one change row per real write, errors with field paths,
and twenty racing replaces against several server processes: exactly one wins."""

from __future__ import annotations


import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.db import build_engine
from app.main import create_app
from app.models import Change, Stance
from app.services.changes import verify_chain
from tests.conftest import API_BODY, BAD_FIGURES, add_token, add_user
from tests.live import live_server, race, race_puts

URL = "/api/v1/proposals/gaza-isf/stances"
QUOTE = "Azerbaijan has made it clear that it will not send peacekeepers to Gaza"
BODY = API_BODY


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
        assert [(e["loc"], e["msg"]) for e in reply.json()["detail"]] == [(["body", "troops", field], message)]
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


def test_if_match_star_is_refused_like_a_missing_one(writer, session):
    before = _changes(session)
    etag = writer.get(f"{URL}/AZE").headers["etag"]
    for value in ("*", f"*, {etag}"):
        reply = writer.put(f"{URL}/AZE", json=BODY, headers={"If-Match": value})
        assert reply.status_code == 428 and "ETag from your last GET" in reply.json()["detail"]
        assert reply.headers["etag"] == etag
    weak = writer.put(f"{URL}/AZE", json=BODY, headers={"If-Match": f"W/{etag}"})
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
