"""A chain that can be checked from outside: feeds and the changes API publish the change log's head."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from sqlalchemy import select

from app.models import Change
from app.routes.changes import CHAIN_NAMESPACE
from tests.conftest import API_BODY, add_token, add_user

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


def test_feeds_and_the_changes_api_carry_the_head_and_it_moves_with_a_write(session, written):
    before, after = written
    changes = session.scalars(select(Change).order_by(Change.id)).all()
    assert before == (str(changes[-2].id), changes[-2].hash)
    assert after == (str(changes[-1].id), changes[-1].hash)


def test_openapi_lists_the_head_headers_of_the_changes_api(client):
    headers = client.get("/openapi.json").json()["paths"]["/api/v1/changes"]["get"]["responses"]["200"]["headers"]
    assert {"X-Chain-Head", "X-Chain-Head-Change"} <= set(headers)

