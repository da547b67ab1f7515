"""Deploys: `db upgrade` from two instances at once, migrations the previous version survives
(expand, then contract), and SIGTERM letting a request in flight finish."""

from __future__ import annotations

import ast
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.orm import Session

from app import migrate
from app.db import Base
from app.models import Source
from tests.conftest import PG_URL, RUN_ID, _pg_exec, _pg_url, add_token, add_user
from tests.live import CLI, ROOT, free_port

VERSIONS = Path(__file__).resolve().parent.parent / "migrations" / "versions"


# ---- two upgrades at once --------------------------------------------------------------------------


@pytest.fixture
def empty_pg() -> str:
    if not PG_URL:
        pytest.skip("PostgreSQL not configured: set TEST_DATABASE_URL")
    name = f"isf_up_{RUN_ID}_{os.getpid()}_{time.monotonic_ns() % 10**8}"
    _pg_exec(f'CREATE DATABASE "{name}"')
    yield _pg_url(name)
    _pg_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _upgrade_process(url: str) -> subprocess.Popen:
    return subprocess.Popen([*CLI, "db", "upgrade"], cwd=ROOT, env={**os.environ, "DATABASE_URL": url},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.mark.slow
def test_two_upgrades_at_once_take_turns_on_the_migration_lock(empty_pg):
    engine = create_engine(empty_pg)
    try:
        with engine.connect() as holder:
            # Hold the lock as a first instance would while it migrates.
            holder.execute(text("SELECT pg_advisory_lock(:k)"), {"k": migrate.MIGRATION_LOCK_KEY})
            holder.commit()
            upgrades = [_upgrade_process(empty_pg) for _ in range(2)]
            time.sleep(3)
            assert all(p.poll() is None for p in upgrades), "an upgrade ran without waiting for the lock"
            assert not inspect(engine).get_table_names()
            holder.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": migrate.MIGRATION_LOCK_KEY})
            holder.commit()
        outputs = [p.communicate(timeout=120)[0] for p in upgrades]
        assert [p.returncode for p in upgrades] == [0, 0], outputs
        assert set(inspect(engine).get_table_names()) == set(Base.metadata.tables) | {"alembic_version"}
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [migrate.head_revision()]
    finally:
        engine.dispose()


@pytest.mark.slow
def test_upgrades_started_together_both_succeed(empty_pg):
    upgrades = [_upgrade_process(empty_pg) for _ in range(3)]
    outputs = [p.communicate(timeout=120)[0] for p in upgrades]
    assert [p.returncode for p in upgrades] == [0, 0, 0], outputs


# ---- expand, then contract ----------------------------------------------------------------------------

# Operations the previous release cannot survive while it still runs against the upgraded schema.
CONTRACTING = {"drop_table", "drop_column", "drop_constraint", "drop_index", "alter_column", "rename_table",
               "create_unique_constraint", "create_check_constraint", "create_foreign_key", "execute"}


def contract_problems(source: str) -> list[str]:
    """What in a migration's upgrade() would break the release before it, unless marked CONTRACT = True.

    Allowed: new tables, indexes, nullable columns, NOT NULL columns with a server default (rows the
    old code inserts get the default), and data filled in through the bound connection."""
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "CONTRACT" for t in node.targets):
            if isinstance(node.value, ast.Constant) and node.value.value is True:
                return []
    upgrade = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "upgrade"), None)
    if upgrade is None:
        return ["no upgrade() function"]
    problems = []
    for call in (n for n in ast.walk(upgrade) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)):
        name = call.func.attr
        receiver = call.func.value
        on_op = isinstance(receiver, ast.Name) and receiver.id in ("op", "batch_op")
        if on_op and name in CONTRACTING:
            problems.append(f"line {call.lineno}: {name}")
        if on_op and name == "add_column":
            column = next((a for a in call.args if isinstance(a, ast.Call)), None)
            keywords = {k.arg: k.value for k in (column.keywords if column else [])}
            nullable = keywords.get("nullable")
            not_null = isinstance(nullable, ast.Constant) and nullable.value is False
            if not_null and "server_default" not in keywords:
                problems.append(f"line {call.lineno}: add_column NOT NULL without a server_default")
    return problems


@pytest.mark.parametrize("path", sorted(VERSIONS.glob("*.py")), ids=lambda p: p.stem)
def test_each_migration_only_expands_unless_marked_as_a_contract_step(path):
    assert contract_problems(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("body, found", [
    ("op.drop_column('changes', 'reason')", "drop_column"),
    ("with op.batch_alter_table('x') as batch_op:\n        batch_op.alter_column('a', nullable=False)", "alter_column"),
    ("op.add_column('x', sa.Column('a', sa.Integer(), nullable=False))", "NOT NULL without a server_default"),
    ("op.execute('UPDATE x SET a = 1')", "execute"),
    ("op.rename_table('a', 'b')", "rename_table"),
])
def test_the_migration_check_catches_steps_that_break_the_previous_release(body, found):
    source = f"def upgrade() -> None:\n    {body}\n"
    assert any(found in problem for problem in contract_problems(source))
    assert contract_problems("CONTRACT = True\n" + source) == []


def test_the_migration_check_allows_what_old_code_survives():
    source = ("def upgrade() -> None:\n"
              "    op.create_table('t', sa.Column('id', sa.Integer(), nullable=False))\n"
              "    op.add_column('x', sa.Column('a', sa.Integer(), nullable=True))\n"
              "    op.add_column('x', sa.Column('b', sa.Integer(), server_default='1', nullable=False))\n"
              "    op.create_index('ix_x_a', 'x', ['a'])\n")
    assert contract_problems(source) == []


# ---- SIGTERM lets a request in flight finish ----------------------------------------------------------


@pytest.mark.slow
def test_sigterm_lets_a_request_in_flight_finish_and_save(sqlite_template, tmp_path):
    import shutil

    from app.db import Database, build_engine

    path = tmp_path / "live.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    engine = build_engine(url)
    database = Database(engine)
    add_user(database, "newsroom", "editor")
    token = add_token(database, "newsroom", "write")

    port = free_port()
    server = subprocess.Popen([*CLI, "serve", "--port", str(port), "--no-access-log"], cwd=ROOT,
                              env={**os.environ, "DATABASE_URL": url}, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None, "server did not start"
                time.sleep(0.1)
        body = b'{"title": "Sent while the server stopped", "publisher": "Example Wire"}'
        head = (f"POST /api/v1/sources HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
        with socket.create_connection(("127.0.0.1", port), timeout=30) as client:
            # A slow client: headers and half the body, then the deploy's SIGTERM, then the rest.
            client.sendall(head + body[:20])
            time.sleep(0.5)
            server.send_signal(signal.SIGTERM)
            time.sleep(1.0)
            assert server.poll() is None, "the server quit with a request in flight"
            with pytest.raises(httpx.TransportError):
                httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)  # no new connections meanwhile
            client.sendall(body[20:])
            reply = b""
            while chunk := client.recv(65536):
                reply += chunk
        assert reply.startswith(b"HTTP/1.1 201"), reply[:300]
        # uvicorn finishes the request, then ends by re-raising the signal it caught.
        assert server.wait(timeout=15) in (0, -signal.SIGTERM)
    finally:
        if server.poll() is None:
            server.kill()
        print(server.communicate()[0][-5000:])
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Source).where(Source.title == "Sent while the server stopped")) == 1
    engine.dispose()
