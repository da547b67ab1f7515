"""Admission: how many requests a worker works on at once, how many wait, and what the rest hear.

A request that needs the application (a page to render, a write, an API answer not kept by the
response cache) first takes one of `concurrency` slots. It waits for a slot here, on the event
loop, before any dependency runs: a waiting request holds no thread and no database connection,
so the requests at work can always get both, and the pool and the threads can never wait on each
other. At most `queue` requests wait; one more is answered `503` with `Retry-After` at once, and
one that waited `wait_seconds` without getting a slot is answered the same way, so a burst slows
answers down rather than piling up work nobody will read.

Probes and static files are never queued: `/healthz` answers on the event loop whatever the load.
docs/operations.md says how slots, threads, the pool and workers relate.
"""

from __future__ import annotations

import json

import anyio

from app.middleware import wants_html
from app.schemas import ErrorOut

EXEMPT_PREFIXES = ("/healthz", "/readyz", "/static/", "/metrics")
RETRY_AFTER_SECONDS = 2
# How the OpenAPI document lists the answer every queued operation may get.
BUSY_RESPONSE = {503: {
    "model": ErrorOut,
    "description": "Busy: the worker's queue is full, or no slot came free in time; try again after `Retry-After` "
                   "seconds. Nothing was changed.",
    "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait before trying again."}},
    "content": {"application/json": {"example": {"detail": "busy: the server is at capacity; try again in 2 s"}}},
}}

BUSY_PAGE = (
    b'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Busy - ISF Tracker</title>'
    b'<link rel="stylesheet" href="/static/vendor/pico-2.1.1/pico.min.css"></head><body><main class="container">'
    b"<h1>Busy</h1><p>The tracker has more readers than it can answer right now, and nothing of yours was "
    b"changed. Try again in a few seconds.</p><p><a href=\"/\">Go to the board</a></p></main></body></html>"
)


class Admission:
    """One worker's slots: CONCURRENCY requests at work, QUEUE more waiting, the rest 503.

    `working` and `waiting` are what /healthz reports."""

    def __init__(self, concurrency: int, queue: int, wait_seconds: float) -> None:
        self.concurrency = concurrency
        self.queue = queue
        self.wait_seconds = wait_seconds
        self.waiting = 0
        self.working = 0
        self._slots: anyio.Semaphore | None = None  # made on the event loop, at the first request

    def slots(self) -> anyio.Semaphore:
        if self._slots is None:
            self._slots = anyio.Semaphore(self.concurrency, fast_acquire=True)
        return self._slots


class AdmissionMiddleware:
    """Lets a request into the application only with a slot of ADMISSION's (see the module's text)."""

    def __init__(self, app, admission: Admission) -> None:
        self.app = app
        self.admission = admission

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(EXEMPT_PREFIXES):
            await self.app(scope, receive, send)
            return
        admission = self.admission
        slots = admission.slots()
        if slots.value == 0 and admission.waiting >= admission.queue:
            await busy(scope, send, "the server is at capacity")
            return
        acquired = False
        admission.waiting += 1
        try:
            with anyio.move_on_after(admission.wait_seconds):
                await slots.acquire()
                acquired = True
        finally:
            admission.waiting -= 1
        if not acquired:
            await busy(scope, send, f"no request slot came free within {admission.wait_seconds:g} s")
            return
        admission.working += 1
        try:
            await self.app(scope, receive, send)
        finally:
            admission.working -= 1
            slots.release()


async def busy(scope, send, why: str) -> None:
    """503 with Retry-After: a page for a browser, `{"detail": ...}` for a script."""
    if wants_html(scope):
        body, kind = BUSY_PAGE, b"text/html; charset=utf-8"
    else:
        body = json.dumps({"detail": f"busy: {why}; try again in {RETRY_AFTER_SECONDS} s"}).encode()
        kind = b"application/json"
    await send({"type": "http.response.start", "status": 503, "headers": [
        (b"content-type", kind), (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(RETRY_AFTER_SECONDS).encode()), (b"cache-control", b"no-store"),
    ]})
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
