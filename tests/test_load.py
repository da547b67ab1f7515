"""Under load: sixty readers on pages no cache can answer, a writer alongside, on SQLite and on
PostgreSQL with two `isf-tracker serve` processes: every answer is a 200, every write lands and
/healthz keeps answering. Past the queue the server says 503 with Retry-After at once."""

from __future__ import annotations

import datetime as dt
import threading
from contextlib import ExitStack

import httpx
import pytest

from tests.conftest import PASSWORD
from tests.live import burst, cli, live_server, uncacheable_paths
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


def _hold_a_slot(base: str, token: str, release: threading.Event) -> tuple[threading.Thread, list]:
    """A PUT whose body arrives only when RELEASE is set: it is let in, takes the worker's one slot and
    keeps it while it waits for the body. Returns the thread and a list that gets its status."""
    outcome: list = []

    def body():
        yield b'{"status": "committed", '
        release.wait(60)
        yield b'"summary": "late"}'

    def put() -> None:
        with httpx.Client(timeout=90) as http:
            outcome.append(http.put(f"{base}{URL}/AZE", content=body(), headers={
                "Authorization": f"Bearer {token}", "Content-Type": "application/json"}).status_code)

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
    env |= {"ISF_THREADS": "1", "ISF_QUEUE": "1", "ISF_QUEUE_WAIT": "3"}
    with live_server(env) as base, httpx.Client(base_url=base, timeout=30) as http:
        assert http.get("/").status_code == 200  # the current board, now kept by the response cache
        release = threading.Event()
        holder, held = _hold_a_slot(base, token, release)
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
            assert http.get("/healthz").json() == {"status": "ok", "working": 1, "waiting": 1}
            assert http.get("/static/favicon.svg").status_code == 200
            assert http.get("/").status_code == 200
            waiter.join(30)
            assert waited[0].status_code == 503 and waited[0].headers["retry-after"] == "2"
            assert "within 3 s" not in waited[0].text  # a page for people, not the JSON detail
        finally:
            release.set()
            holder.join(90)
        assert held == [422]  # the late body was read and refused for what it is, not lost
        # Once the slot is free again the same page is answered.
        assert http.get("/proposals/gaza-isf/countries/IDN?as_of=2025-01-01").status_code == 200
        # The slot is given back once the request has finished (just after its last byte is sent).
        _wait_for_health(http, working=0, waiting=0)


def test_every_api_operation_documents_the_busy_answer(client):
    paths = client.get("/openapi.json").json()["paths"]
    api = [(path, method, op) for path, ops in paths.items() if path.startswith("/api/") for method, op in ops.items()]
    assert len(api) >= 10
    for path, method, op in api:
        assert "503" in op["responses"], f"{method.upper()} {path}"
        assert "Retry-After" in op["responses"]["503"]["headers"]
