"""Accounts: the CLI makes users and tokens, sign-in starts a fresh server-side session,
sign-out ends it, and guessing is throttled across every instance."""

from __future__ import annotations

import logging

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.main import create_app
from app.models import ApiToken, LoginAttempt, User, WebSession
from app.web import SESSION_COOKIE
from tests.conftest import PASSWORD, add_user, hidden_value, sign_in
from tests.live import cli


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
