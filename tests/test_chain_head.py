"""A chain that can be checked from outside: feeds and the changes API publish the change log's head,
and `isf-tracker verify --head` proves later that a head kept elsewhere is still part of the chain,
or says where it stopped being: a rewrite, with every later hash recomputed, or a truncation."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from sqlalchemy import select, text

from app.models import Change
from app.routes.changes import CHAIN_NAMESPACE
from app.services.changes import compute_hash
from tests.conftest import API_BODY, add_token, add_user
from tests.live import cli

FEEDS = ["/changes.atom", "/proposals/gaza-isf/changes.atom", "/proposals/gaza-isf/countries/AZE/changes.atom"]
STANCE = "/api/v1/proposals/gaza-isf/stances/AZE"


def published_heads(client) -> set[tuple[str, str]]:
    """The (change id, hash) every feed and the changes API publish, each answer read twice (the
    second from the response cache)."""
    heads = set()
    for _ in range(2):
        for url in FEEDS:
            reply = client.get(url)
            assert reply.status_code == 200
            element = ET.fromstring(reply.content).find(f"{{{CHAIN_NAMESPACE}}}head")
            heads.add((element.get("change"), element.text))
        reply = client.get("/api/v1/changes?limit=2")
        assert reply.status_code == 200 and len(reply.json()) == 2  # the body is still a bare array
        heads.add((reply.headers["x-chain-head-change"], reply.headers["x-chain-head"]))
    return heads


@pytest.fixture
def written(client, database):
    """The head of the seeded log, then one write through the API: returns (old head, new head)."""
    (before,) = published_heads(client)
    add_user(database, "newsroom", "editor")
    token = add_token(database, "newsroom", "write")
    etag = client.get(STANCE).headers["etag"]
    reply = client.put(STANCE, json=API_BODY, headers={"If-Match": etag, "Authorization": f"Bearer {token}"})
    assert reply.status_code == 200, reply.text
    (after,) = published_heads(client)
    return before, after


def verify(backend, *args: str):
    return cli("verify", *args, env={"DATABASE_URL": backend.url}, check=False)


def test_feeds_and_the_changes_api_carry_the_head_and_it_moves_with_a_write(session, written):
    before, after = written
    changes = session.scalars(select(Change).order_by(Change.id)).all()
    assert before == (str(changes[-2].id), changes[-2].hash)
    assert after == (str(changes[-1].id), changes[-1].hash)


def test_openapi_lists_the_head_headers_of_the_changes_api(client):
    headers = client.get("/openapi.json").json()["paths"]["/api/v1/changes"]["get"]["responses"]["200"]["headers"]
    assert {"X-Chain-Head", "X-Chain-Head-Change"} <= set(headers)


def test_verify_head_accepts_todays_head_and_an_earlier_one(backend, written):
    (old_id, old), (new_id, new) = written
    today = verify(backend, "--head", new)
    assert today.returncode == 0, today.stderr
    assert today.stdout.strip() == (f"ok: head {new} is change {new_id} of {new_id}; "
                                    f"the chain verifies from it to today's head {new}")
    earlier = verify(backend, "--head", f"{old_id}:{old.upper()}")
    assert earlier.returncode == 0, earlier.stderr
    assert f"is change {old_id} of {new_id}" in earlier.stdout
    assert verify(backend).stdout.startswith(f"ok: {new_id} changes, head {new}")  # plain verify as before


def test_a_rewrite_with_every_later_hash_recomputed_loses_the_heads_after_it(backend, database, session, written):
    (old_id, old), _ = written
    changes = session.scalars(select(Change).order_by(Change.id)).all()
    session.expunge_all()
    target = changes[4]
    untouched = changes[3]
    # What someone with write access to the database could do: change a row, then recompute its
    # hash and every later one, and move the head, so that the chain verifies again.
    with database.write_session() as s:
        prev = target.prev_hash
        for change in changes[4:]:
            if change is target:
                change.actor = "someone else"
            change.prev_hash = prev
            change.hash = prev = compute_hash(change)
            s.execute(text("UPDATE changes SET actor = :actor, prev_hash = :prev, hash = :hash WHERE id = :id"),
                      {"actor": change.actor, "prev": change.prev_hash, "hash": change.hash, "id": change.id})
        s.execute(text("UPDATE chain_head SET last_hash = :hash WHERE id = 1"), {"hash": prev})

    assert verify(backend).returncode == 0  # the chain alone cannot tell
    lost = verify(backend, "--head", old)
    assert lost.returncode == 1 and lost.stdout == ""
    assert f"head {old} is not in today's chain: the chain was rewritten or truncated" in lost.stderr
    located = verify(backend, "--head", f"{old_id}:{old}")
    assert located.returncode == 1
    assert f"change {old_id}'s hash differs: the chain was rewritten at or before change {old_id}" in located.stderr
    assert verify(backend, "--head", untouched.hash).returncode == 0  # heads from before the rewrite still hold
    assert "Traceback" not in lost.stderr + located.stderr


def test_truncating_the_log_and_moving_the_head_loses_the_heads_after_it(backend, database, written):
    (old_id, old), (new_id, new) = written
    with database.write_session() as s:
        s.execute(text("DELETE FROM changes WHERE id = :id"), {"id": int(new_id)})
        s.execute(text("UPDATE chain_head SET last_change_id = :id, last_hash = :hash WHERE id = 1"),
                  {"id": int(old_id), "hash": old})

    assert verify(backend).returncode == 0
    gone = verify(backend, "--head", new, "--at", new_id)
    assert gone.returncode == 1
    assert "is not in today's chain" in gone.stderr
    assert f"change {new_id} is gone: the chain was truncated" in gone.stderr
    assert verify(backend, "--head", old).returncode == 0


def test_verify_head_names_the_first_broken_change_of_a_broken_chain(backend, database, written):
    _, (_, new) = written
    with database.write_session() as s:
        s.execute(text("UPDATE changes SET reason = 'rewritten' WHERE id = 5"))
    broken = verify(backend, "--head", new)
    assert broken.returncode == 1
    assert "BROKEN at change 5: content does not match its hash" in broken.stderr


@pytest.mark.parametrize("args, message", [
    (["--head", "abc"], "64 hexadecimal characters"),
    (["--head", "g" * 64], "64 hexadecimal characters"),
    (["--head", f"x:{'a' * 64}"], "N must be a change number"),
    (["--head", f"3:{'a' * 64}", "--at", "4"], "--head names change 3 but --at names change 4"),
    (["--at", "3"], "give --head too"),
])
def test_verify_head_refuses_malformed_input_plainly(args, message):
    result = cli("verify", *args, env={}, check=False)  # refused before any database is opened
    assert result.returncode == 2
    assert message in " ".join(result.stderr.replace("│", " ").split()) and "Traceback" not in result.stderr
