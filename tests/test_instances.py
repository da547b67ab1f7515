"""Two `isf-tracker serve` processes on different ports, one PostgreSQL database: sessions,
fresh reads, sign-in throttling and racing writers behave as if there were one instance."""

from __future__ import annotations

from contextlib import ExitStack, contextmanager

import httpx
import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from app.db import Database, build_engine
from app.models import Change, LoginAttempt, Stance
from app.services.changes import verify_chain
from tests.conftest import PASSWORD, add_token, add_user, hidden_value
from tests.live import cli, live_server, race, race_puts
from tests.test_api_writes import BODY, URL

pytestmark = pytest.mark.slow


@pytest.fixture
def shared_url(migrated_database) -> str:
    """A fresh PostgreSQL database, migrated and seeded through the command line, with a user."""
    url = migrated_database("postgresql")
    cli("seed", "--article-only", env={"DATABASE_URL": url})
    engine = build_engine(url)
    try:
        add_user(Database(engine), "amira")
    finally:
        engine.dispose()
    return url


@contextmanager
def two_instances(url: str):
    """Instances A and B: separate processes and ports, the same database."""
    with ExitStack() as stack:
        yield [stack.enter_context(live_server({"DATABASE_URL": url})) for _ in range(2)]


def _token(url: str) -> str:
    engine = build_engine(url)
    try:
        return add_token(Database(engine), "amira", "write")
    finally:
        engine.dispose()


def _attempt(base: str, password: str) -> httpx.Response:
    with httpx.Client(follow_redirects=False) as http:
        page = http.get(f"{base}/login")
        return http.post(f"{base}/login", data={"name": "amira", "password": password,
                                                "csrf_token": hidden_value(page.text, "csrf_token")})


def test_a_session_made_on_one_instance_works_on_the_other(shared_url):
    with two_instances(shared_url) as (a, b):
        signed_in = _attempt(a, PASSWORD)
        assert signed_in.status_code == 303
        session_cookie = signed_in.cookies["isf_session"]
        edit = httpx.get(f"{b}/proposals/gaza-isf/countries/AZE/edit", cookies={"isf_session": session_cookie},
                         follow_redirects=False)
        assert edit.status_code == 200 and "amira" in edit.text
        # Signing out on B ends the session on A too.
        csrf = hidden_value(edit.text, "csrf_token")
        out = httpx.post(f"{b}/logout", data={"csrf_token": csrf}, cookies={"isf_session": session_cookie})
        assert out.status_code == 303
        again = httpx.get(f"{a}/proposals/gaza-isf/countries/AZE/edit", cookies={"isf_session": session_cookie},
                          follow_redirects=False)
        assert again.status_code == 303 and again.headers["location"].startswith("/login")


def test_a_write_through_one_instance_is_seen_on_the_others_very_next_request(shared_url):
    token = _token(shared_url)
    with two_instances(shared_url) as (a, b):
        # B has read (and cached) everything before the write.
        board_before = httpx.get(f"{b}/")
        api_before = httpx.get(f"{b}{URL}/AZE")
        list_before = httpx.get(f"{b}{URL}")
        assert "Will send engineers." not in board_before.text
        assert httpx.get(f"{b}{URL}", headers={"If-None-Match": list_before.headers["etag"]}).status_code == 304

        written = httpx.put(f"{a}{URL}/AZE", json=BODY, headers={
            "Authorization": f"Bearer {token}", "If-Match": api_before.headers["etag"]})
        assert written.status_code == 200, written.text

        board_after = httpx.get(f"{b}/")
        assert "Will send engineers." in board_after.text and board_after.headers["etag"] != board_before.headers["etag"]
        api_after = httpx.get(f"{b}{URL}/AZE")
        assert api_after.json()["version"] == 2 and api_after.json()["status"] == "committed"
        assert api_after.headers["etag"] == written.headers["etag"] != api_before.headers["etag"]
        stale = httpx.get(f"{b}{URL}", headers={"If-None-Match": list_before.headers["etag"]})
        assert stale.status_code == 200 and "Will send engineers." in stale.text


def _failed_attempts(url: str) -> int:
    engine = create_engine(url)
    try:
        with Session(engine) as s:
            return s.scalar(select(func.count()).select_from(LoginAttempt).where(LoginAttempt.succeeded.is_(False)))
    finally:
        engine.dispose()


def test_sign_in_throttling_counts_attempts_made_on_both_instances(shared_url):
    with two_instances(shared_url) as (a, b):
        for i in range(5):
            assert _attempt(a if i % 2 else b, f"wrong guess {i}").status_code == 401
        # Five failures in all, none of them five on one instance: both now refuse even the right password.
        assert _attempt(a, PASSWORD).status_code == 429
        assert _attempt(b, PASSWORD).status_code == 429
    assert _failed_attempts(shared_url) == 5


def test_sixty_racing_wrong_passwords_on_two_instances_get_exactly_the_limit_of_checks(shared_url):
    with two_instances(shared_url) as bases, ExitStack() as stack:
        clients = [stack.enter_context(httpx.Client(base_url=bases[i % 2], follow_redirects=False, timeout=60))
                   for i in range(60)]
        tokens = [hidden_value(c.get("/login").text, "csrf_token") for c in clients]
        replies = race(60, lambda i: clients[i].post("/login", data={
            "name": "amira", "password": f"wrong guess {i}", "csrf_token": tokens[i]}), timeout=120)
        statuses = [r.status_code if isinstance(r, httpx.Response) else repr(r) for r in replies]
        # Only five passwords were checked at all (the limit); every other attempt was turned away first.
        assert sorted(statuses, key=str) == [401] * 5 + [429] * 55, statuses
        assert _attempt(bases[0], PASSWORD).status_code == 429
    assert _failed_attempts(shared_url) == 5


def test_twenty_racing_writers_split_across_two_instances_exactly_one_wins(shared_url):
    token = _token(shared_url)
    with two_instances(shared_url) as bases:
        etag = httpx.get(f"{bases[0]}{URL}/AZE").headers["etag"]
        assert httpx.get(f"{bases[1]}{URL}/AZE").headers["etag"] == etag
        statuses = race_puts([f"{base}{URL}/AZE" for base in bases], BODY, {"Authorization": f"Bearer {token}"}, etag)
        assert sorted(statuses) == [200] + [412] * 19, statuses
        winner = statuses.index(200)
        final = [httpx.get(f"{base}{URL}/AZE").json() for base in bases]
        assert final[0] == final[1] and final[0]["summary"] == f"writer {winner}"

    engine = create_engine(shared_url)
    try:
        with Session(engine) as s:
            aze = s.scalars(select(Stance).where(Stance.country_code == "AZE")).one()
            assert aze.version == 2
            assert len(s.scalars(select(Change).where(Change.stance_id == aze.id)).all()) == 2
            assert verify_chain(s).ok
    finally:
        engine.dispose()
