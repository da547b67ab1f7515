"""Running the real command-line program and a real uvicorn server for end-to-end tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
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
