"""Production mode through the real `isf-tracker serve`: a secret key or no start, HSTS, Secure
cookies, and X-Forwarded-* believed only from the proxies named in ISF_TRUSTED_PROXIES."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import httpx
import pytest

from tests.conftest import PASSWORD, hidden_value
from tests.live import cli, live_server

KEY = "k" * 16 + "-a-long-enough-secret-key-for-tests"


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    """A seeded SQLite copy for one live server (these tests run once, on one database)."""
    path = tmp_path / "live.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.mark.parametrize("key, says", [("", "SECRET_KEY must be set"), ("short-key", "needs at least 32")])
def test_production_refuses_to_start_without_a_long_enough_secret_key(sqlite_url, key, says):
    result = cli("serve", "--port", "1", env={"DATABASE_URL": sqlite_url, "ISF_ENV": "production", "SECRET_KEY": key},
                 check=False)
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and says in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr + result.stdout


def test_an_unknown_environment_name_is_refused_in_one_line(sqlite_url):
    result = cli("serve", "--port", "1", env={"DATABASE_URL": sqlite_url, "ISF_ENV": "prod"}, check=False)
    assert result.returncode == 1 and "ISF_ENV" in result.stderr and "Traceback" not in result.stderr


def test_development_sends_no_hsts(client):
    assert "strict-transport-security" not in client.get("/").headers


def _sign_in(http: httpx.Client, base: str, name: str, password: str, headers: dict | None = None) -> httpx.Response:
    """Sign in with explicit cookies: httpx keeps Secure cookies away from plain http, as browsers do."""
    page = http.get(f"{base}/login", headers=headers)
    csrf_cookie = page.cookies.get("isf_login_csrf") or page.headers["set-cookie"].split(";")[0].split("=", 1)[1]
    return http.post(f"{base}/login", data={"name": name, "password": password,
                                            "csrf_token": hidden_value(page.text, "csrf_token")},
                     headers={**(headers or {}), "Cookie": f"isf_login_csrf={csrf_cookie}"})


@pytest.mark.slow
def test_production_sends_hsts_and_secure_httponly_cookies(sqlite_url):
    env = {"DATABASE_URL": sqlite_url, "ISF_ENV": "production", "SECRET_KEY": KEY}
    cli("user", "add", "amira", env=env, input=PASSWORD + "\n")
    with live_server(env) as base, httpx.Client(follow_redirects=False) as http:
        board = http.get(f"{base}/")
        assert board.headers["strict-transport-security"] == "max-age=31536000; includeSubDomains"
        assert "object-src 'none'" in board.headers["content-security-policy"]
        page = http.get(f"{base}/login")
        login_cookie = page.headers["set-cookie"]
        assert "Secure" in login_cookie and "HttpOnly" in login_cookie
        reply = _sign_in(http, base, "amira", PASSWORD)
        assert reply.status_code == 303, reply.text[:300]
        cookies = reply.headers.get_list("set-cookie")
        assert {c.split("=", 1)[0] for c in cookies} >= {"isf_session", "isf_flash"}
        for cookie in cookies:
            if "Max-Age=0" in cookie or 'expires=Thu, 01 Jan 1970' in cookie:
                continue  # a deletion carries no value
            assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie, cookie


def _failed_login_ip(log: Path) -> str:
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    failed = [entry["message"] for entry in lines if entry["message"].startswith("login failed")]
    assert failed, log.read_text()
    return failed[-1].rsplit("ip=", 1)[1]


@pytest.mark.slow
@pytest.mark.parametrize("trusted, believed", [("127.0.0.1", True), ("", False), ("10.9.8.7", False)])
def test_forwarded_headers_are_believed_only_from_trusted_proxies(sqlite_url, tmp_path, trusted, believed):
    env = {"DATABASE_URL": sqlite_url, "ISF_TRUSTED_PROXIES": trusted}
    forwarded = {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"}
    log = tmp_path / "server.log"
    with live_server(env, log=log) as base, httpx.Client(follow_redirects=False) as http:
        page = http.get(f"{base}/login", headers=forwarded)
        # The scheme the proxy reports decides whether cookies are marked Secure.
        assert ("Secure" in page.headers["set-cookie"]) is believed
        assert _sign_in(http, base, "nobody", "wrong password", headers=forwarded).status_code == 401
        assert _failed_login_ip(log) == ("203.0.113.9" if believed else "127.0.0.1")


def test_a_revoked_token_is_refused_from_the_next_request(backend, client, database):
    from tests.conftest import add_token, add_user

    add_user(database, "newsroom", "editor")
    old = add_token(database, "newsroom", "write")
    new = add_token(database, "newsroom", "write")
    env = {"DATABASE_URL": backend.url}
    assert cli("token", "revoke", "isf_", env=env, check=False).returncode == 1  # too short to be sure which
    # More than the prefix is the whole token, or none: one that only starts like it is not it.
    unlike = cli("token", "revoke", old + "X", env=env, check=False)
    assert unlike.returncode == 1 and "no live token is that token" in unlike.stderr
    assert cli("token", "revoke", old[:12], env=env).stdout.strip() == "revoked 1 token"
    assert cli("token", "revoke", old[:12], env=env, check=False).returncode == 1  # nothing left to revoke
    body = {"title": "Rotation check", "publisher": "Example Wire"}
    assert client.post("/api/v1/sources", json=body, headers={"Authorization": f"Bearer {old}"}).status_code == 401
    assert client.post("/api/v1/sources", json=body, headers={"Authorization": f"Bearer {new}"}).status_code == 201


def test_rotating_the_secret_key_keeps_sessions_and_drops_only_pending_messages(client, database, monkeypatch):
    from app import config
    from tests.conftest import add_user

    def use_key(key: str) -> None:
        monkeypatch.setenv("SECRET_KEY", key)
        config.get_settings.cache_clear()

    def log_in() -> None:
        page = client.get("/login")
        reply = client.post("/login", data={"name": "amira", "password": PASSWORD,
                                            "csrf_token": hidden_value(page.text, "csrf_token")}, follow_redirects=False)
        assert reply.status_code == 303 and "isf_flash" in client.cookies

    add_user(database, "amira")
    use_key("first-key-" + "x" * 30)
    log_in()
    home = client.get("/")
    assert "Signed in as amira" in home.text  # same key: the message is shown
    assert client.post("/logout", data={"csrf_token": hidden_value(home.text, "csrf_token")},
                       follow_redirects=False).status_code == 303
    log_in()
    use_key("second-key-" + "y" * 30)
    home = client.get("/")
    assert home.status_code == 200
    assert "Signed in as amira" not in home.text  # signed with the old key: dropped, not an error
    assert client.get("/proposals/gaza-isf/countries/AZE/edit", follow_redirects=False).status_code == 200


@pytest.mark.parametrize(("url", "threads", "expected"), [
    ("sqlite:///data/isf.db", None, 2),
    ("postgresql+psycopg://isf@db.example/isf", None, 4),
    ("sqlite:///data/isf.db", "6", 6),
    ("postgresql+psycopg://isf@db.example/isf", "1", 1),
])
def test_request_threads_follow_the_database_unless_set(monkeypatch, url, threads, expected):
    from app.config import Settings

    monkeypatch.setenv("DATABASE_URL", url)
    if threads is None:
        monkeypatch.delenv("ISF_THREADS", raising=False)
    else:
        monkeypatch.setenv("ISF_THREADS", threads)
    assert Settings(_env_file=None).request_threads() == expected
