"""Under load: sixty readers on pages no cache can answer, a writer alongside, on SQLite and on
PostgreSQL with two `isf-tracker serve` processes: every answer is a 200, every write lands and
/healthz keeps answering. Past the queue the server says 503 with Retry-After at once."""

from __future__ import annotations

import datetime as dt
import socket
import sqlite3
import threading
from contextlib import ExitStack
from pathlib import Path

import httpx
import psycopg
import pytest

from tests.conftest import PASSWORD
from tests.live import burst, cli, live_server, metric_sample, uncacheable_paths
from tests.test_api_writes import BODY, URL

pytestmark = pytest.mark.slow

CLIENTS = 60
SECONDS = 20


def _prepared(url: str) -> tuple[dict[str, str], str]:
    """A database at URL migrated, seeded and given a writer's token, all through the command line."""
    env = {"DATABASE_URL": url}
    cli("db", "upgrade", env=env)
    cli("seed", "--article-only", env=env)
    cli("user", "add", "newsroom", env=env, input=f"{PASSWORD}\n")
    token = cli("token", "create", "newsroom", "--scope", "write", env=env).stdout.strip().splitlines()[-1]
    return env, token


def _days() -> list[str]:
    today = dt.date.today()
    return [(today - dt.timedelta(days=n)).isoformat() for n in range(-3, 90)]


@pytest.mark.parametrize("kind, instances", [("sqlite", 1), ("postgresql", 2)])
def test_sixty_readers_and_a_writer_get_every_answer(kind, instances, tmp_path, migrated_database):
    url = f"sqlite:///{tmp_path / 'load.db'}" if kind == "sqlite" else migrated_database("postgresql")
    env, token = _prepared(url)
    with ExitStack() as stack:
        bases = [stack.enter_context(live_server(env)) for _ in range(instances)]
        result = burst(bases, uncacheable_paths(_days(), ["AZE", "IDN", "EGY", "QAT", "TUR"]),
                       clients=CLIENTS, seconds=SECONDS, write=(token, f"{URL}/AZE", BODY))
    print(f"{kind} × {instances}: {result.summary()}")
    assert result.failures == {}, result.summary()
    assert result.requests >= CLIENTS, result.summary()
    assert len(result.writes) >= 3 and set(result.writes) == {"200"}, result.summary()
    assert result.health_failures == 0 and result.health_worst < 2, result.summary()


def _hold_a_slot(base: str, token: str, database: Path, release: threading.Event) -> tuple[threading.Thread, list]:
    """A PUT that is let in, takes the worker's one slot and keeps it while it waits for the write lock,
    which another connection holds until RELEASE is set. Returns the thread and a list that gets its status."""
    outcome: list = []
    etag = httpx.get(f"{base}{URL}/AZE", timeout=30).headers["etag"]
    lock = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
    lock.execute("BEGIN IMMEDIATE")

    def put() -> None:
        with httpx.Client(timeout=90) as http:
            outcome.append(http.put(f"{base}{URL}/AZE", json={**BODY, "summary": "late"}, headers={
                "Authorization": f"Bearer {token}", "If-Match": etag}).status_code)

    def hold() -> None:
        release.wait(60)
        lock.execute("ROLLBACK")
        lock.close()

    threading.Thread(target=hold).start()
    thread = threading.Thread(target=put)
    thread.start()
    return thread, outcome


def _wait_for_health(http: httpx.Client, **expected: int) -> dict:
    """/healthz until it reports EXPECTED (the slot and queue counts), or fail after 30 s."""
    deadline = dt.datetime.now() + dt.timedelta(seconds=30)
    while True:
        state = http.get("/healthz", timeout=2).json()
        if all(state[k] == v for k, v in expected.items()):
            return state
        assert dt.datetime.now() < deadline, f"/healthz never reported {expected}: {state}"


def test_past_the_queue_the_server_answers_503_at_once_and_probes_and_cached_pages_still_answer(tmp_path):
    env, token = _prepared(f"sqlite:///{tmp_path / 'busy.db'}")
    env |= {"ISF_THREADS": "1", "ISF_QUEUE": "1", "ISF_QUEUE_WAIT": "3", "ISF_SQLITE_BUSY_TIMEOUT_MS": "60000"}
    with live_server(env) as base, httpx.Client(base_url=base, timeout=30) as http:
        assert http.get("/").status_code == 200  # the current board, now kept by the response cache
        assert http.get("/readyz").status_code == 200
        release = threading.Event()
        holder, held = _hold_a_slot(base, token, tmp_path / "busy.db", release)
        try:
            _wait_for_health(http, working=1, waiting=0)
            # One more waits for the slot; it gets 503 when none comes free within ISF_QUEUE_WAIT.
            waited: list = []
            waiter = threading.Thread(target=lambda: waited.append(
                httpx.get(f"{base}/proposals/gaza-isf/countries/AZE?as_of=2025-01-01", timeout=30)))
            waiter.start()
            _wait_for_health(http, working=1, waiting=1)
            # The queue is full: the next page and the next API call are refused at once.
            page = http.get("/proposals/gaza-isf/countries/IDN?as_of=2025-01-01")
            assert page.status_code == 503 and page.headers["retry-after"] == "2"
            assert "Busy" in page.text and "nothing of yours was changed" in page.text
            api = http.get("/api/v1/proposals/gaza-isf/stances?as_of=2025-01-01")
            assert api.status_code == 503 and api.headers["retry-after"] == "2"
            assert api.json()["detail"].startswith("busy: the server is at capacity")
            # Probes, static files and the cached board are answered all the same.
            assert http.get("/healthz").json() == {"status": "ok", "working": 1, "waiting": 1, "reading": 0,
                                                   "articles": 0, "articles_waiting": 0}
            # A load balancer asking is told this worker would refuse it.
            busy = http.get("/readyz")
            assert busy.status_code == 503 and busy.json()["status"] == "busy"
            assert http.get("/static/favicon.svg").status_code == 200
            assert http.get("/").status_code == 200
            waiter.join(30)
            assert waited[0].status_code == 503 and waited[0].headers["retry-after"] == "2"
            assert "within 3 s" not in waited[0].text  # a page for people, not the JSON detail
        finally:
            release.set()
            holder.join(90)
        assert held == [200]  # the write waited for the lock in its slot, then landed
        # Once the slot is free again the same page is answered.
        assert http.get("/proposals/gaza-isf/countries/IDN?as_of=2025-01-01").status_code == 200
        # The slot is given back once the request has finished (just after its last byte is sent).
        _wait_for_health(http, working=0, waiting=0)


def test_clients_slow_to_send_a_body_hold_no_slot_and_are_answered_408(tmp_path):
    """Clients send a request's headers, then nothing: the one slot stays free for readers, and each is
    told 408 when ISF_BODY_WAIT is up. A body that arrives in time is read as usual. Once as many
    bodies are being read as the worker reads at once, /readyz says busy. One address may have
    ISF_BODIES_PER_CLIENT slow bodies on their way: one more from it is told 429 once it is slow too."""
    env, token = _prepared(f"sqlite:///{tmp_path / 'slow.db'}")
    env |= {"ISF_THREADS": "1", "ISF_QUEUE": "5", "ISF_QUEUE_WAIT": "3", "ISF_BODY_WAIT": "4",
            "ISF_BODIES_PER_CLIENT": "2"}
    with live_server(env) as base, httpx.Client(base_url=base, timeout=30) as http:
        port = int(base.rsplit(":", 1)[1])
        silent = []

        def send_headers_only(source: str) -> socket.socket:
            # Each slow client from an address of its own on the loopback network (127.0.0.0/8).
            sock = socket.create_connection(("127.0.0.1", port), timeout=30, source_address=(source, 0))
            sock.sendall(b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                         b"Content-Length: 100\r\n\r\n")
            silent.append(sock)
            return sock

        for _ in range(2):
            send_headers_only("127.0.0.2")
        try:
            _wait_for_health(http, reading=2, working=0)
            # A third slow body from 127.0.0.2 is one too many from that address: 429.
            extra = send_headers_only("127.0.0.2")
            silent.remove(extra)
            refused = extra.makefile("rb").read()
            extra.close()
            head, _, body = refused.partition(b"\r\n\r\n")
            assert head.startswith(b"HTTP/1.1 429") and b"retry-after: 2" in head.lower(), head
            assert b"2 requests from your address are still sending their bodies" in body, body
            assert http.get("/healthz").json()["reading"] == 2
            send_headers_only("127.0.0.3")
            _wait_for_health(http, reading=3, working=0)
            assert http.get("/readyz").status_code == 200
            assert http.get("/proposals/gaza-isf/countries/AZE?as_of=2025-01-01").status_code == 200
            etag = http.get(f"{URL}/AZE").headers["etag"]
            put = http.put(f"{URL}/AZE", json={**BODY, "summary": "in time"},
                           headers={"Authorization": f"Bearer {token}", "If-Match": etag})
            assert put.status_code == 200, put.text
            for n in (4, 5):
                send_headers_only(f"127.0.0.{n}")
            _wait_for_health(http, reading=5)
            busy = http.get("/readyz")
            assert busy.status_code == 503 and busy.json()["status"] == "busy"
            for sock in silent:
                status_line = sock.makefile("rb").readline()
                assert status_line.startswith(b"HTTP/1.1 408"), status_line
        finally:
            for sock in silent:
                sock.close()
        _wait_for_health(http, reading=0, working=0)


def test_many_quick_bodies_at_once_from_one_address_are_all_read(tmp_path):
    """Eight requests from one address send their headers, then their bodies (as most clients do, in
    two writes): however many are on their way at once, quick bodies count against no share, and
    none is told 429, even with ISF_BODIES_PER_CLIENT at 1."""
    env, _ = _prepared(f"sqlite:///{tmp_path / 'quick.db'}")
    env |= {"ISF_BODIES_PER_CLIENT": "1"}
    body = b'{"title": "A quick one"}'
    with live_server(env) as base, httpx.Client(base_url=base, timeout=30) as http:
        port = int(base.rsplit(":", 1)[1])
        socks = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(8)]
        try:
            for sock in socks:
                sock.sendall(b"POST /api/v1/sources HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             b"Connection: close\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n")
            _wait_for_health(http, reading=8)  # all eight are waiting for their bodies at once
            for sock in socks:
                sock.sendall(body)
            statuses = [sock.makefile("rb").readline() for sock in socks]
        finally:
            for sock in socks:
                sock.close()
    assert all(line.startswith(b"HTTP/1.1 401") for line in statuses), statuses  # no token: 401, never 429


def test_a_client_that_leaves_before_its_body_is_in_runs_nothing_and_is_no_server_error(tmp_path):
    """A client sends its headers and part of a body, then leaves: nothing runs for it, the body's
    read is let go at once, and the metrics count it as 499 (the client left), never as a 500."""
    env, _ = _prepared(f"sqlite:///{tmp_path / 'gone.db'}")
    with live_server(env) as base, httpx.Client(base_url=base, timeout=30) as http:
        port = int(base.rsplit(":", 1)[1])
        sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        sock.sendall(b"POST /api/v1/sources HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 100\r\n\r\n{\"title\": ")
        _wait_for_health(http, reading=1)
        sock.close()
        _wait_for_health(http, reading=0, working=0)
        text = http.get("/metrics").text
    labels = {"method": "POST", "route": "/api/v1/sources"}
    assert metric_sample(text, "isf_http_requests_total", **labels, status="499") == 1, text
    assert metric_sample(text, "isf_http_requests_total", **labels, status="500") is None


def test_an_import_reading_a_long_article_takes_no_readers_slot(tmp_path):
    """An import of a long article (seconds of reading) works in a slot kept for imports: with the
    worker's one reader's slot free, a page no cache holds is answered meanwhile; a second import
    waits for the first, then lands too."""
    env, token = _prepared(f"sqlite:///{tmp_path / 'import.db'}")
    env |= {"ISF_THREADS": "1", "ISF_QUEUE": "5", "ISF_QUEUE_WAIT": "60"}
    real = sorted((Path(__file__).parent / "fixtures" / "import-real").glob("*.txt"))
    passages = "\n\n".join(path.read_text() for path in real)
    article = (passages * (800_000 // len(passages) + 1))[:800_000]
    with live_server(env) as base, httpx.Client(base_url=base, timeout=120) as http:
        imported: list = []

        def post(title: str) -> None:
            imported.append(httpx.post(f"{base}/api/v1/imports", timeout=120, json={"title": title, "text": article},
                                       headers={"Authorization": f"Bearer {token}"}).status_code)

        first = threading.Thread(target=post, args=("Long read",))
        first.start()
        _wait_for_health(http, articles=1)
        second = threading.Thread(target=post, args=("Long read, again",))
        second.start()
        _wait_for_health(http, articles=1, articles_waiting=1, waiting=0)
        page = http.get("/proposals/gaza-isf/countries/AZE?as_of=2025-12-01")
        assert page.status_code == 200, page.text
        assert http.get("/healthz").json()["articles"] == 1  # the page was answered while an import was read
        first.join(120)
        second.join(120)
        assert imported == [201, 201]
        _wait_for_health(http, articles=0, articles_waiting=0, working=0, waiting=0)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_write_that_waits_too_long_for_another_writers_lock_is_a_503_and_writes_nothing(kind, tmp_path, migrated_database):
    """Another process holds the database's write lock (SQLite) or the change log's head (PostgreSQL)
    past ISF_SQLITE_BUSY_TIMEOUT_MS: the write is told busy, with Retry-After, and nothing is written;
    once the lock is let go the same write lands."""
    url = f"sqlite:///{tmp_path / 'locked.db'}" if kind == "sqlite" else migrated_database("postgresql")
    env, token = _prepared(url)
    env |= {"ISF_SQLITE_BUSY_TIMEOUT_MS": "300"}
    with live_server(env) as base, httpx.Client(base_url=base, timeout=30) as http:
        etag = http.get(f"{URL}/AZE").headers["etag"]
        if kind == "sqlite":
            holder = sqlite3.connect(tmp_path / "locked.db", isolation_level=None)
            holder.execute("BEGIN IMMEDIATE")
        else:
            holder = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
            holder.execute("SELECT * FROM chain_head WHERE id = 1 FOR UPDATE")
        try:
            headers = {"Authorization": f"Bearer {token}", "If-Match": etag}
            refused = http.put(f"{URL}/AZE", json={**BODY, "summary": "while locked"}, headers=headers)
            assert refused.status_code == 503, refused.text
            assert refused.headers["retry-after"] == "2" and refused.json()["detail"].startswith("busy: another writer")
        finally:
            holder.rollback()
            holder.close()
        assert http.get(f"{URL}/AZE").headers["etag"] == etag  # nothing was written
        landed = http.put(f"{URL}/AZE", json={**BODY, "summary": "after"}, headers=headers)
        assert landed.status_code == 200, landed.text


def test_every_api_operation_documents_the_busy_answer(client):
    paths = client.get("/openapi.json").json()["paths"]
    api = [(path, method, op) for path, ops in paths.items() if path.startswith("/api/") for method, op in ops.items()]
    assert len(api) >= 10
    for path, method, op in api:
        assert "503" in op["responses"], f"{method.upper()} {path}"
        assert "Retry-After" in op["responses"]["503"]["headers"]
