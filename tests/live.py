"""Running the real command-line program and a real uvicorn server for end-to-end tests."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "app"]


def cli(*args: str, env: dict[str, str], input: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """Run `isf-tracker ARGS` in a child process with ENV added to the environment."""
    result = subprocess.run(
        [*CLI, *args], cwd=ROOT, env={**os.environ, **env}, input=input,
        capture_output=True, text=True, timeout=120,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"isf-tracker {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(env: dict[str, str], *extra: str, log: Path | None = None):
    """`isf-tracker serve` on a free port; yields its base URL and stops it with SIGTERM.

    With LOG, the server's output goes to that file, so a test can read it while it runs."""
    port = free_port()
    sink = log.open("w") if log is not None else subprocess.PIPE
    process = subprocess.Popen(
        [*CLI, "serve", "--host", "127.0.0.1", "--port", str(port), "--no-access-log", *extra],
        cwd=ROOT, env={**os.environ, **env}, stdout=sink, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                said = log.read_text() if log is not None else process.stdout.read()
                raise AssertionError(f"server exited early:\n{said}")
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("server did not start within 30 s")
            time.sleep(0.1)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            output, _ = process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        if log is not None:
            sink.close()
            output = log.read_text()
        # Shown by pytest when the test fails: what the server said.
        print(f"--- server output ({base}) ---\n{output[-20000:]}")


def race(n: int, work, timeout: float = 60) -> list:
    """WORK(i) for i in range(N), on N threads released together; each result, or the exception it
    raised, in order."""
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i)
        except Exception as exc:  # collected and asserted on by the caller
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=timeout)
    return results


def race_puts(urls: list[str], body: dict, headers: dict[str, str], etag: str, writers: int = 20) -> list:
    """WRITERS threads PUT BODY (each with its own summary, `writer N`) with the same If-Match,
    released together; writer N goes to URLS[N % len(URLS)]. Returns each writer's status."""

    def put(i: int) -> int:
        with httpx.Client(timeout=60) as http:
            return http.put(urls[i % len(urls)], json={**body, "summary": f"writer {i}"},
                            headers={**headers, "If-Match": etag}).status_code

    return race(writers, put, timeout=120)


# ---- a burst of readers with a writer alongside --------------------------------------------------


@dataclass
class BurstResult:
    """What a burst saw: every reader's status (or error), the writer's statuses, the health probe's
    slowest answer, and each reader request's latency in seconds."""

    statuses: dict[str, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    writes: list[str] = field(default_factory=list)
    health_worst: float = 0.0
    health_failures: int = 0
    seconds: float = 0.0

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def failures(self) -> dict[str, int]:
        """Every answer that is not a 200 (5xx, 503 with Retry-After, time-outs, refused connections)."""
        return {k: v for k, v in self.statuses.items() if k != "200"}

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else 0.0

    def summary(self) -> str:
        return (f"{self.requests} requests in {self.seconds:.1f} s ({self.requests / max(self.seconds, 1e-9):.1f}/s), "
                f"statuses {dict(sorted(self.statuses.items()))}, p50 {self.percentile(50) * 1000:.0f} ms, "
                f"p99 {self.percentile(99) * 1000:.0f} ms, writes {self.writes}, "
                f"slowest /healthz {self.health_worst * 1000:.0f} ms ({self.health_failures} failed)")


def uncacheable_paths(days: list[str], countries: list[str], slug: str = "gaza-isf"):
    """An endless round of reads no cache can answer: country pages and boards as of many days, the
    stances JSON as of a day and the change list, each with a request number of its own."""
    n = 0
    while True:
        for day in days:
            for code in countries:
                n += 1
                yield f"/proposals/{slug}/countries/{code}?as_of={day}&request={n}"
                yield f"/?as_of={day}&request={n}"
                yield f"/api/v1/proposals/{slug}/stances?as_of={day}&request={n}"
                yield f"/changes?request={n}"


def burst(bases: list[str], paths, *, clients: int = 60, seconds: float = 20, timeout: float = 30,
          write: tuple[str, str, dict] | None = None, write_every: float = 2.0) -> BurstResult:
    """CLIENTS threads read PATHS (round robin over the servers in BASES) for SECONDS, each waiting for
    its answer before asking again; alongside, a probe asks /healthz four times a second (2 s limit)
    and, with WRITE = (token, stance URL, body), a writer replaces that stance every WRITE_EVERY
    seconds with the ETag it last read. Bounded in time: every loop stops at the deadline."""
    result = BurstResult()
    lock = threading.Lock()
    source = iter(paths)
    for base in bases if clients else []:  # each kind of page once, so no burst measures a cold start
        with httpx.Client(base_url=base, timeout=timeout) as http:
            for _ in range(4):
                http.get(next(source))
    stop = threading.Event()
    start = time.monotonic()
    deadline = start + seconds

    def next_path() -> str:
        with lock:
            return next(source)

    def count(key: str, latency: float | None = None) -> None:
        with lock:
            result.statuses[key] = result.statuses.get(key, 0) + 1
            if latency is not None:
                result.latencies.append(latency)

    def reader(i: int) -> None:
        with httpx.Client(base_url=bases[i % len(bases)], timeout=timeout) as http:
            while time.monotonic() < deadline:
                began = time.monotonic()
                try:
                    status = str(http.get(next_path()).status_code)
                except httpx.TimeoutException:
                    status = "timeout"
                except httpx.TransportError as exc:
                    status = type(exc).__name__
                count(status, time.monotonic() - began)

    def probe() -> None:
        with httpx.Client(base_url=bases[0], timeout=2) as http:
            while not stop.wait(0.25):
                began = time.monotonic()
                try:
                    ok = http.get("/healthz").status_code == 200
                except httpx.TransportError:
                    ok = False
                with lock:
                    result.health_worst = max(result.health_worst, time.monotonic() - began)
                    result.health_failures += not ok

    def writer() -> None:
        token, url, body = write
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=bases[-1], timeout=timeout, headers=headers) as http:
            n = 0
            while not stop.wait(write_every):
                n += 1
                try:
                    etag = http.get(url).headers["etag"]
                    reply = http.put(url, json={**body, "summary": f"Burst write {n}."}, headers={"If-Match": etag})
                    outcome = str(reply.status_code)
                except httpx.TimeoutException:
                    outcome = "timeout"
                except httpx.TransportError as exc:
                    outcome = type(exc).__name__
                with lock:
                    result.writes.append(outcome)

    helpers = [threading.Thread(target=probe)] + ([threading.Thread(target=writer)] if write else [])
    readers = [threading.Thread(target=reader, args=(i,)) for i in range(clients)]
    for t in helpers + readers:
        t.start()
    for t in readers:
        t.join(timeout=seconds + timeout + 10)
    stop.wait(max(0.0, deadline - time.monotonic()))  # with no readers: the writer and probe alone
    stop.set()
    for t in helpers:
        t.join(timeout=timeout + 10)
    result.seconds = time.monotonic() - start
    return result


def metric_sample(text: str, name: str, **labels: str) -> float | None:
    """The value of NAME{LABELS} in Prometheus text (as /metrics answers), or None when there is no such sample."""
    for line in text.splitlines():
        match = re.fullmatch(r"(\w+)\{(.*)\} (\S+)", line)
        if match and match[1] == name and dict(re.findall(r'(\w+)="([^"]*)"', match[2])) == labels:
            return float(match[3])
    return None
