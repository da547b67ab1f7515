"""Admission: how many requests a worker works on at once, how many wait, and what the rest hear.

A request that needs the application (a page to render, a write, an API answer not kept by the
response cache) first takes one of `concurrency` slots; an import, which reads its article first
(seconds of work for a long one), takes one of `articles` slots of its own instead. It waits for a slot here, on the event
loop, before any dependency runs: a waiting request holds no thread and no database connection,
so the requests at work can always get both, and the pool and the threads can never wait on each
other. At most `queue` requests wait; one more is answered `503` with `Retry-After` at once, and
one that waited `wait_seconds` without getting a slot is answered the same way, so a burst slows
answers down rather than piling up work nobody will read.

A request's body is read whole before it may wait for a slot, within `body_seconds`: a client
that sends its headers and then nothing (or a trickle) holds no slot, and is answered `408` when
the time is up. At most `queue` bodies are read at once; one more is answered `503`. A body still
on its way after a second is a slow one: at most `bodies_per_client` slow ones come from one client
address (an IPv6 address counts as its /64 network: `app.limits.address_share`), and one more from
it is answered `429`, so a single slow sender cannot fill the reads and stop everyone else's writes
(quick bodies, however many at once, count against nothing). A client that leaves before its body
is in is not answered, and nothing runs for it.

Probes and static files are never queued: `/healthz` answers on the event loop whatever the load.
docs/operations.md says how slots, threads, the pool and workers relate.
"""

from __future__ import annotations

import json

import anyio
from starlette.responses import Response

from app.limits import ARTICLE_PATHS, address_share
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
# ... and what every operation that takes a body may get from a client with too many slow ones.
SLOW_BODIES_RESPONSE = {429: {
    "model": ErrorOut,
    "description": "Too many requests from the client's address are slow to send their bodies "
                   "(`ISF_BODIES_PER_CLIENT`); try again after `Retry-After` seconds. Nothing was changed.",
    "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait before trying again."}},
    "content": {"application/json": {"example": {
        "detail": "4 requests from your address are still sending their bodies, as many as the server reads from one "
                  "address at once; nothing was changed; try again in 2 s"}}},
}}

def _page(title: str, message: str) -> bytes:
    """A short page answered before the application is reached (no template, no database)."""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} - ISF Tracker</title>'
            '<link rel="stylesheet" href="/static/vendor/pico-2.1.1/pico.min.css"></head><body><main class="container">'
            f'<h1>{title}</h1><p>{message}</p><p><a href="/">Go to the board</a></p></main></body></html>').encode()


BUSY_PAGE = _page("Busy", "The tracker has more readers than it can answer right now, and nothing of yours was "
                          "changed. Try again in a few seconds.")


class Admission:
    """One worker's slots: CONCURRENCY requests at work, QUEUE more waiting, the rest 503; and
    ARTICLES slots of their own for reading an article to import, which can take seconds of work:
    those never take a reader's slot, so a large import does not stop the board answering.

    `working`, `waiting`, `reading`, `articles` and `articles_waiting` are what /healthz reports."""

    def __init__(self, concurrency: int, queue: int, wait_seconds: float, body_seconds: float = 30.0,
                 articles: int = 1, bodies_per_client: int = 4) -> None:
        self.concurrency = concurrency
        self.queue = queue
        self.wait_seconds = wait_seconds
        self.body_seconds = body_seconds  # the time a client has to send a body (2 MB in 30 s: about 70 KB/s)
        self.article_slots = articles
        self.waiting = 0
        self.working = 0
        self.reading = 0  # requests whose body is being read, before they may wait for a slot
        self.bodies_per_client = bodies_per_client
        self.reading_from: dict[str, int] = {}  # of those slow to come, how many each client address sends
        self.articles = 0  # imports at work reading their article
        self.articles_waiting = 0  # imports waiting for one of those slots (a queue of its own)
        self._slots: dict[bool, anyio.Semaphore] = {}  # made on the event loop, at the first request

    def slots(self, article: bool = False) -> anyio.Semaphore:
        """The general slots, or (ARTICLE) those for reading articles."""
        if article not in self._slots:
            self._slots[article] = anyio.Semaphore(self.article_slots if article else self.concurrency,
                                                   fast_acquire=True)
        return self._slots[article]


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
        headers = dict(scope.get("headers", []))
        if b"content-length" in headers or b"transfer-encoding" in headers:
            if admission.reading >= admission.queue:
                await busy(scope, send, "the server is at capacity")
                return
            admission.reading += 1
            try:
                body = await _read_body(receive, admission, address_share((scope.get("client") or ("",))[0] or ""))
            finally:
                admission.reading -= 1
            if body is TOO_MANY:
                await _too_many(scope, send, admission.bodies_per_client)
                return
            if body is TOO_SLOW:
                await _timed_out(scope, send, admission.body_seconds)
                return
            if body is GONE:
                return  # the client left before its body came: no one to answer, nothing to do
            receive = body
        article = scope["method"] == "POST" and scope["path"] in ARTICLE_PATHS
        # Imports wait in a queue of their own: however many wait, readers' places are not taken.
        working, waiting = ("articles", "articles_waiting") if article else ("working", "waiting")
        slots = admission.slots(article)
        if slots.value == 0 and getattr(admission, waiting) >= admission.queue:
            await busy(scope, send, "the server is at capacity")
            return
        acquired = False
        setattr(admission, waiting, getattr(admission, waiting) + 1)
        try:
            with anyio.move_on_after(admission.wait_seconds):
                await slots.acquire()
                acquired = True
        finally:
            setattr(admission, waiting, getattr(admission, waiting) - 1)
        if not acquired:
            await busy(scope, send, f"no {'slot for reading an article' if article else 'request slot'} came free "
                                    f"within {admission.wait_seconds:g} s")
            return
        setattr(admission, working, getattr(admission, working) + 1)
        try:
            await self.app(scope, receive, send)
        finally:
            setattr(admission, working, getattr(admission, working) - 1)
            slots.release()


# What reading a body can come to, besides the body itself.
TOO_SLOW, TOO_MANY, GONE = object(), object(), object()
# A body not in within this time is a slow one, and counts against its client address's share.
SLOW_BODY_SECONDS = 1.0


async def _read_body(receive, admission: Admission, client: str):
    """The request's whole body, read within ADMISSION's `body_seconds`, handed on as one message by
    the receive returned (then the client's own); TOO_SLOW when the client took too long; GONE when
    it left first. A body still on its way after SLOW_BODY_SECONDS counts against CLIENT's share of
    `bodies_per_client`; past that share the answer is TOO_MANY. (Quick bodies, however many come
    at once from one address, count against nothing.)"""
    chunks: list[bytes] = []

    async def read_until(seconds: float) -> bool | None:
        """True once the body is whole, None if the client left, False when SECONDS are up first."""
        with anyio.move_on_after(seconds):
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return None
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    return True
        return False

    done = await read_until(min(SLOW_BODY_SECONDS, admission.body_seconds))
    if done is False and admission.body_seconds > SLOW_BODY_SECONDS:
        sending = admission.reading_from.get(client, 0)
        if sending >= admission.bodies_per_client:
            return TOO_MANY
        admission.reading_from[client] = sending + 1
        try:
            done = await read_until(admission.body_seconds - SLOW_BODY_SECONDS)
        finally:
            left = admission.reading_from[client] - 1
            if left:
                admission.reading_from[client] = left
            else:
                del admission.reading_from[client]
    if done is None:
        return GONE
    if done is False:
        return TOO_SLOW
    return _replay([{"type": "http.request", "body": b"".join(chunks), "more_body": False}], None, receive)


def _replay(first: list[dict], last: dict | None, receive):
    queued = [*first, *([last] if last is not None else [])]

    async def replay() -> dict:
        return queued.pop(0) if queued else await receive()

    return replay


def _refusal(scope, title: str, message: str, detail: str) -> tuple[bytes, bytes]:
    """The body and type of an answer given before the application is reached: a short page titled
    TITLE saying MESSAGE for a browser, `{"detail": DETAIL}` for a script."""
    if wants_html(scope):
        return _page(title, message), b"text/html; charset=utf-8"
    return json.dumps({"detail": detail}).encode(), b"application/json"


async def _answer(scope, send, status: int, content: tuple[bytes, bytes], *, retry: bool = False,
                  close: bool = False) -> None:
    """Send STATUS with CONTENT (body, type), never kept by anyone; with Retry-After when RETRY, and
    closing the connection when CLOSE (a body we did not read may still be on its way)."""
    body, kind = content
    headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode()), (b"cache-control", b"no-store")]
    if retry:
        headers.append((b"retry-after", str(RETRY_AFTER_SECONDS).encode()))
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


async def _timed_out(scope, send, seconds: float) -> None:
    """408: the body did not come in time."""
    message = f"the request's body did not arrive within {seconds:g} s; nothing was changed"
    await _answer(scope, send, 408, _refusal(scope, "Too slow", message.capitalize() + ".", message), close=True)


async def _too_many(scope, send, most: int) -> None:
    """429 with Retry-After: this client address already has MOST slow bodies on their way."""
    message = (f"{most} requests from your address are still sending their bodies, as many as the server reads "
               f"from one address at once; nothing was changed")
    await _answer(scope, send, 429, _refusal(scope, "Too many at once", message + ". Try again in a few seconds.",
                                             f"{message}; try again in {RETRY_AFTER_SECONDS} s"), retry=True, close=True)


def _busy(scope, why: str) -> tuple[bytes, bytes]:
    """The body and type of a 503: a page for a browser, `{"detail": ...}` for a script."""
    if wants_html(scope):
        return BUSY_PAGE, b"text/html; charset=utf-8"
    return json.dumps({"detail": f"busy: {why}; try again in {RETRY_AFTER_SECONDS} s"}).encode(), b"application/json"


async def busy(scope, send, why: str) -> None:
    """503 with Retry-After, sent before the application is reached."""
    await _answer(scope, send, 503, _busy(scope, why), retry=True)


def busy_response(scope, why: str) -> Response:
    """The same 503, as the application's answer (a writer that gave up on another's lock)."""
    body, kind = _busy(scope, why)
    return Response(body, status_code=503, media_type=kind.decode(),
                    headers={"Retry-After": str(RETRY_AFTER_SECONDS), "Cache-Control": "no-store"})
