"""End to end through real processes: the CLI sets a database up, uvicorn serves it over real HTTP,
and schemathesis checks every read endpoint against the OpenAPI document."""

from __future__ import annotations

import os
import sqlite3

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.live import cli, live_server

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A SQLite database made by `isf-tracker db upgrade` and `seed`, served by `isf-tracker serve`."""
    path = tmp_path_factory.mktemp("live") / "live.db"
    env = {"DATABASE_URL": f"sqlite:///{path}"}
    cli("db", "upgrade", env=env)
    cli("seed", "--article-only", env=env)
    cli("user", "add", "newsroom", env=env, input="correct horse battery staple\n")
    token = cli("token", "create", "newsroom", "--scope", "write", env=env).stdout.strip().splitlines()[-1]
    with live_server(env) as base:
        yield base, env, path, token


@pytest.fixture(scope="module")
def live_schema(served):
    base, _, _, _ = served
    return schemathesis.openapi.from_url(f"{base}/openapi.json")


schema = schemathesis.pytest.from_fixture("live_schema")


@schema.parametrize()
@settings(max_examples=int(os.environ.get("ISF_SCHEMA_EXAMPLES", "40")), deadline=None,
          derandomize=os.environ.get("ISF_SCHEMA_RANDOM") != "1", suppress_health_check=list(HealthCheck))
def test_api_answers_every_generated_request_as_documented(case, served):
    """No 5xx, documented status codes only, bodies and headers matching the schema; writes
    are sent with a write token, so they get past authentication to validation and the database."""
    token = served[3]
    # A schema-valid write can still be refused for reasons no schema can state (the quote must be
    # a passage of the source, If-Match must be current), so acceptance is checked on reads only.
    excluded = [positive_data_acceptance] if case.method != "GET" else []
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, excluded_checks=excluded)


def test_a_script_reads_the_six_stances_over_http(served):
    base = served[0]
    stances = httpx.get(f"{base}/api/v1/proposals/gaza-isf/stances").json()
    assert len(stances) == 6
    aze = next(s for s in stances if s["country"] == "AZE")
    assert aze["status"] == "conditional" and len(aze["conditions"]) == 2
    assert all(c["citations"] for c in aze["conditions"])


def test_the_board_is_served_with_its_assets(served):
    base = served[0]
    reply = httpx.get(f"{base}/")
    assert reply.status_code == 200
    assert "Azerbaijan" in reply.text
    assert "server" not in reply.headers
    assert httpx.get(f"{base}/static/vendor/pico-2.1.1/pico.min.css").status_code == 200


def test_seeding_again_leaves_the_change_table_unchanged(served):
    _, env, path, _ = served

    def changes():
        with sqlite3.connect(path) as conn:
            return conn.execute("SELECT id, hash FROM changes ORDER BY id").fetchall()

    before = changes()
    result = cli("seed", "--article-only", env=env)
    assert "0 created, 0 updated" in result.stdout
    assert changes() == before


def test_verify_passes_on_a_clean_log_and_names_a_tampered_row(tmp_path):
    path = tmp_path / "tamper.db"
    env = {"DATABASE_URL": f"sqlite:///{path}"}
    cli("db", "upgrade", env=env)
    cli("seed", "--article-only", env=env)
    ok = cli("verify", env=env)
    assert ok.stdout.startswith("ok: 10 changes")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE changes SET actor = 'someone else' WHERE id = 5")
    broken = cli("verify", env=env, check=False)
    assert broken.returncode == 1
    assert "change 5" in broken.stderr


def test_the_command_lists_its_commands():
    result = cli("--help", env={})
    for command in ("serve", "db", "seed", "verify"):
        assert command in result.stdout


def test_feed_and_paging_links_point_at_the_port_served_unless_isf_public_url_says_otherwise(served, tmp_path):
    base, env, _, _ = served
    assert "ISF_PUBLIC_URL" not in os.environ
    feed = httpx.get(f"{base}/changes.atom").text
    assert f'href="{base}/changes.atom"' in feed and "127.0.0.1:8000" not in feed
    paged = httpx.get(f"{base}/api/v1/changes?limit=1")
    assert paged.headers["link"].startswith(f"<{base}/api/v1/changes?")
    with live_server({**env, "ISF_PUBLIC_URL": "https://isf.example.org"}) as other:
        assert 'href="https://isf.example.org/changes.atom"' in httpx.get(f"{other}/changes.atom").text
