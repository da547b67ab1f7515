"""Accounts: the CLI makes users and tokens, sign-in starts a fresh server-side session,
sign-out ends it, and guessing is throttled across every instance."""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, make_url, select, text

from app.limits import address_share
from app.main import create_app
from app.models import ApiToken, LoginAttempt, User, WebSession
from app.web.browser import SESSION_COOKIE
from tests.conftest import PASSWORD, add_token, add_user, hidden_value, sign_in
from tests.live import cli, race


def test_there_is_no_default_account(session):
    assert session.scalar(select(func.count()).select_from(User)) == 0


def test_cli_adds_users_with_a_password_from_stdin_and_refuses_bad_ones(backend, session):
    env = {"DATABASE_URL": backend.url}
    assert cli("user", "add", "amira", "--role", "admin", env=env, input=PASSWORD + "\n").stdout.strip() == "created admin amira"
    user = session.scalars(select(User)).one()
    assert (user.name, user.role) == ("amira", "admin")
    assert user.password_hash.startswith("$argon2") and PASSWORD not in user.password_hash
    short = cli("user", "add", "bob", env=env, input="short\n", check=False)
    assert short.returncode == 1 and "at least 8" in short.stderr
    again = cli("user", "add", "amira", env=env, input=PASSWORD + "\n", check=False)
    assert again.returncode == 1 and "already" in again.stderr
    bad_role = cli("user", "add", "carl", "--role", "owner", env=env, input=PASSWORD + "\n", check=False)
    assert bad_role.returncode != 0


def test_cli_token_is_printed_alone_on_the_last_line_and_stored_hashed(backend, database, session):
    add_user(database, "amira")
    env = {"DATABASE_URL": backend.url}
    result = cli("token", "create", "amira", "--scope", "write", env=env)
    token = result.stdout.strip().splitlines()[-1]
    assert token.startswith("isf_") and " " not in token and len(token) > 30
    stored = session.scalars(select(ApiToken)).one()
    assert stored.scope == "write" and stored.user.name == "amira"
    assert token not in (stored.token_sha256, stored.prefix)
    missing = cli("token", "create", "nobody", env=env, check=False)
    assert missing.returncode == 1 and "no user called 'nobody'" in missing.stderr


def test_sign_in_sets_a_fresh_httponly_session_and_sign_out_deletes_it(client, database, session):
    add_user(database, "amira")
    client.cookies.set(SESSION_COOKIE, "planted-by-an-attacker")
    page = client.get("/login")
    reply = client.post("/login", data={"name": "amira", "password": PASSWORD, "csrf_token": hidden_value(page.text, "csrf_token")},
                        follow_redirects=False)
    assert reply.status_code == 303 and reply.headers["location"] == "/"
    cookie = next(h for h in reply.headers.get_list("set-cookie") if h.startswith(SESSION_COOKIE + "="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")
    raw = cookie.split(";")[0].split("=", 1)[1]
    assert raw != "planted-by-an-attacker"
    assert session.scalars(select(WebSession)).one().id_sha256 != raw  # only the hash is stored

    home = client.get("/")
    assert "amira" in home.text and "Signed in as amira" in home.text
    csrf = hidden_value(home.text, "csrf_token")
    out = client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert out.status_code == 303
    session.rollback()
    assert session.scalar(select(func.count()).select_from(WebSession)) == 0
    # the old cookie is worthless now, even if someone kept it
    client.cookies.set(SESSION_COOKIE, raw)
    assert client.get("/proposals/gaza-isf/countries/AZE/edit", follow_redirects=False).status_code == 303


def test_wrong_password_is_refused_and_logged_without_the_password(client, database, caplog):
    add_user(database, "amira")
    page = client.get("/login")
    with caplog.at_level(logging.INFO, logger="isf.audit"):
        reply = client.post("/login", data={"name": "amira", "password": "wrong password!", "csrf_token": hidden_value(page.text, "csrf_token")})
    assert reply.status_code == 401
    assert "Wrong user name or password" in reply.text
    assert 'value="amira"' in reply.text  # the name typed is kept
    assert any("login failed" in r.getMessage() and "amira" in r.getMessage() for r in caplog.records)
    assert not any("wrong password" in r.getMessage() for r in caplog.records)


def _attempt(client, name: str, password: str):
    page = client.get("/login")
    return client.post("/login", data={"name": name, "password": password, "csrf_token": hidden_value(page.text, "csrf_token")},
                       follow_redirects=False)


def test_guessing_one_name_is_throttled_across_instances(backend, database, session):
    add_user(database, "amira")
    # Two application instances share only the database, like two workers or machines.
    with TestClient(create_app()) as a, TestClient(create_app()) as b:
        for i in range(5):
            assert _attempt(a if i % 2 else b, "amira", f"guess number {i}").status_code == 401
        blocked = _attempt(a, "amira", PASSWORD)
        assert blocked.status_code == 429
        assert int(blocked.headers["retry-after"]) > 0
        assert "Too many failed attempts" in blocked.text
        assert _attempt(b, "AMIRA", PASSWORD).status_code == 429  # names are counted case-insensitively
    session.rollback()
    assert session.scalar(select(func.count()).select_from(LoginAttempt).where(LoginAttempt.succeeded.is_(False))) == 5


def test_guessing_many_names_from_one_address_is_throttled(client, database):
    add_user(database, "amira")
    for i in range(20):
        assert _attempt(client, f"user{i}", "whatever-password").status_code == 401
    assert _attempt(client, "amira", PASSWORD).status_code == 429


def test_an_ipv6_subscriber_cannot_take_a_fresh_share_per_address(backend, database):
    """A machine given an IPv6 /64 can send from as many addresses as it likes: failures from any of
    them count against the one share, and another network keeps its own."""
    add_user(database, "amira")
    for i in range(20):
        with TestClient(create_app(), client=(f"2001:db8:1:2::{i + 1:x}", 50000)) as guesser:
            assert _attempt(guesser, f"user{i}", "whatever-password").status_code == 401
    with TestClient(create_app(), client=("2001:db8:1:2:ffff:ffff:ffff:fffe", 50000)) as same_network:
        assert _attempt(same_network, "amira", PASSWORD).status_code == 429
    with TestClient(create_app(), client=("2001:db8:1:3::1", 50000)) as neighbour:
        assert _attempt(neighbour, "amira", PASSWORD).status_code == 303


def test_an_address_counts_as_itself_or_its_network():
    assert address_share("203.0.113.7") == "203.0.113.7"
    assert address_share("2001:db8:1:2:aaaa::9") == address_share("2001:DB8:1:2::1") == "2001:db8:1:2::/64"
    assert address_share("::ffff:203.0.113.7") == "203.0.113.7"  # an IPv4 client of a dual-stack socket
    assert address_share("testclient") == "testclient"


def test_sign_in_returns_to_the_page_asked_for_but_never_off_site(client, database):
    add_user(database, "amira")
    edit = client.get("/proposals/gaza-isf/countries/AZE/edit", follow_redirects=False)
    assert edit.status_code == 303 and edit.headers["location"].startswith("/login?next=")
    page = client.get(edit.headers["location"])
    assert hidden_value(page.text, "next") == "/proposals/gaza-isf/countries/AZE/edit"
    for target, expected in (("/proposals/gaza-isf/countries/AZE/edit", "/proposals/gaza-isf/countries/AZE/edit"),
                             ("https://evil.example/", "/"), ("//evil.example/x", "/")):
        client.cookies.clear()
        page = client.get("/login")
        reply = client.post("/login", data={"name": "amira", "password": PASSWORD, "next": target,
                                            "csrf_token": hidden_value(page.text, "csrf_token")}, follow_redirects=False)
        assert reply.headers["location"] == expected


def test_sign_in_works_for_an_admin_too(client, database):
    add_user(database, "root", "admin")
    sign_in(client, "root")
    assert client.get("/proposals/gaza-isf/countries/AZE/edit").status_code == 200


# ---- password changes, disabled accounts, token lists ----------------------------------------------


def _token_works(client, token: str) -> bool:
    """Whether the API takes TOKEN: an empty body is refused as invalid (422) only once the token passed."""
    status = client.post("/api/v1/sources", json={}, headers={"Authorization": f"Bearer {token}"}).status_code
    assert status in (401, 422), status
    return status == 422


def _signed_in(client) -> bool:
    reply = client.get("/proposals/gaza-isf/countries/AZE/edit", follow_redirects=False)
    assert reply.status_code in (200, 303), reply.status_code
    return reply.status_code == 200


def test_a_new_password_ends_every_session_and_revokes_the_users_tokens(backend, database, session):
    add_user(database, "amira")
    add_user(database, "bruno")
    env = {"DATABASE_URL": backend.url}
    amira_token = add_token(database, "amira", "write")
    bruno_token = add_token(database, "bruno", "write")
    with TestClient(create_app()) as laptop, TestClient(create_app()) as phone, TestClient(create_app()) as bruno:
        sign_in(laptop, "amira")
        sign_in(phone, "amira")
        sign_in(bruno, "bruno")
        assert _signed_in(laptop) and _signed_in(phone) and _token_works(laptop, amira_token)

        result = cli("user", "set-password", "amira", env=env, input="a brand new passphrase\n")
        assert "password changed for amira" in result.stdout
        assert "ended 2 sessions" in result.stdout
        assert f"revoked 1 API token: {amira_token[:12]}" in result.stdout and amira_token not in result.stdout

        assert not _signed_in(laptop) and not _signed_in(phone)
        assert not _token_works(laptop, amira_token)
        assert _signed_in(bruno) and _token_works(bruno, bruno_token)  # nobody else is touched
        assert _attempt(laptop, "amira", PASSWORD).status_code == 401
        assert _attempt(laptop, "amira", "a brand new passphrase").status_code == 303

    again = cli("user", "set-password", "amira", env=env, input="another new passphrase\n")
    assert "ended 1 session " in again.stdout and "no live API tokens to revoke" in again.stdout


def test_a_disabled_account_is_locked_out_at_once_and_enabling_lets_it_back(backend, client, database, session):
    add_user(database, "amira")
    env = {"DATABASE_URL": backend.url}
    token = add_token(database, "amira", "write")
    sign_in(client, "amira")
    assert _signed_in(client) and _token_works(client, token)

    result = cli("user", "disable", "amira", env=env)
    assert "disabled amira" in result.stdout and "1 live API token refused" in result.stdout
    assert not _signed_in(client)
    assert not _token_works(client, token)
    session.rollback()
    assert session.scalar(select(func.count()).select_from(WebSession)) == 0
    refused = _attempt(client, "amira", PASSWORD)
    assert refused.status_code == 403 and "This account is disabled" in refused.text
    wrong = _attempt(client, "amira", "not the password")
    assert wrong.status_code == 401 and "disabled" not in wrong.text  # only the right password learns it
    assert "already disabled" in cli("user", "disable", "amira", env=env).stdout

    result = cli("user", "enable", "amira", env=env)
    assert "enabled amira" in result.stdout and "1 live API token accepted again" in result.stdout
    assert _token_works(client, token)
    assert _attempt(client, "amira", PASSWORD).status_code == 303 and _signed_in(client)
    missing = cli("user", "disable", "nobody", env=env, check=False)
    assert missing.returncode == 1 and "no user called 'nobody'" in missing.stderr


def test_token_list_shows_prefixes_scopes_and_dates_but_never_a_token(backend, database):
    add_user(database, "amira")
    add_user(database, "bruno")
    env = {"DATABASE_URL": backend.url}
    read = add_token(database, "amira", "read")
    write = add_token(database, "amira", "write")
    other = add_token(database, "bruno", "write")
    cli("token", "revoke", read[:12], env=env)
    listed = cli("token", "list", "amira", env=env).stdout
    lines = listed.strip().splitlines()
    assert lines[0].split() == ["PREFIX", "SCOPE", "CREATED", "REVOKED"]
    assert len(lines) == 3
    assert lines[1].startswith(read[:12]) and " read " in lines[1] and lines[1].count("UTC") == 2  # made, revoked
    assert lines[2].startswith(write[:12]) and " write " in lines[2] and lines[2].rstrip().endswith("-")
    assert read not in listed and write not in listed and other[:12] not in listed
    assert cli("token", "list", "bruno", env=env).stdout.count("\n") == 2
    add_user(database, "chen")
    assert "chen has no API tokens" in cli("token", "list", "chen", env=env).stdout
    missing = cli("token", "list", "nobody", env=env, check=False)
    assert missing.returncode == 1 and "no user called 'nobody'" in missing.stderr


def _remove_user_behind_the_apps_back(backend, name: str) -> None:
    """Delete a user row the way a hand-typed SQL statement might: without its dependants."""
    if backend.is_postgres:
        engine = create_engine(backend.url)
        try:
            with engine.begin() as conn:
                conn.execute(text("SET LOCAL session_replication_role = replica"))  # no foreign-key triggers
                conn.execute(text("DELETE FROM users WHERE name = :name"), {"name": name})
        finally:
            engine.dispose()
        return
    # The sqlite3 shell's default: foreign keys not enforced.
    with closing(sqlite3.connect(make_url(backend.url).database)) as conn:
        conn.execute("DELETE FROM users WHERE name = ?", (name,))
        conn.commit()


def test_a_session_or_token_whose_user_is_gone_is_simply_signed_out(backend, client, database, session):
    add_user(database, "amira")
    token = add_token(database, "amira", "write")
    sign_in(client, "amira")
    assert _signed_in(client)
    _remove_user_behind_the_apps_back(backend, "amira")
    session.rollback()
    assert session.scalar(select(func.count()).select_from(WebSession)) == 1  # the orphan is still there

    board = client.get("/")
    assert board.status_code == 200 and "Sign in" in board.text and "amira" not in board.text
    assert 'isf_session=""' in board.headers["set-cookie"] and "Max-Age=0" in board.headers["set-cookie"]
    assert "isf_session" not in client.cookies  # the browser forgets the dead session
    assert client.get("/proposals/gaza-isf/countries/AZE").status_code == 200
    assert not _signed_in(client)
    assert not _token_works(client, token)
    assert client.post("/logout", data={"csrf_token": "x"}).status_code == 403  # no session, no CSRF token


def test_racing_wrong_passwords_get_no_more_real_checks_than_the_limit(backend, database, session):
    add_user(database, "amira")
    with TestClient(create_app()) as a, TestClient(create_app()) as b:
        clients = [a, b]
        tokens = [hidden_value(c.get("/login").text, "csrf_token") for c in clients]

        def guess(i: int):
            return clients[i % 2].post("/login", data={"name": "amira", "password": f"guess {i}",
                                                        "csrf_token": tokens[i % 2]}, follow_redirects=False)

        replies = race(24, guess)
    statuses = sorted(r.status_code for r in replies)
    assert statuses == [401] * 5 + [429] * 19, statuses
    session.rollback()
    assert session.scalar(select(func.count()).select_from(LoginAttempt).where(LoginAttempt.succeeded.is_(False))) == 5
