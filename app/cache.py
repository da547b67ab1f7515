"""A response cache for the public board and read API, keyed by the data's version.

Every write to a stance or factor moves the head of the change log, so the head's hash is a
version of everything the board shows. Each request reads it (one primary-key lookup), and a
cached answer is only served for the version it was made from: a write on any worker or machine
is visible on the very next request everywhere. Signed-in pages (which carry a user's name and
form tokens) are never cached.

History views (`as_of`, `known_at`) are kept apart, in a small cache of their own: a past day is
mostly asked for once, and must not push the current board out, but a link to one day that many
readers open (or a what-if toggled on it) is then made once per version, not once per reader.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict

import anyio

from app.db import get_database

CACHEABLE = re.compile(r"^/(?:proposals/[a-z0-9-]{1,64})?$|^/api/v1/proposals(?:/[a-z0-9-]{1,64}(?:/stances(?:\.csv)?)?)?$")
PRIVATE_COOKIES = (b"isf_session=", b"isf_flash=")
MAX_ENTRIES = 256
MAX_BYTES = 32 * 1024 * 1024
HISTORY_QUERIES = (b"as_of=", b"known_at=")
HISTORY_MAX_ENTRIES = 16  # a past day's board is about 420 KB with 200 countries
HISTORY_MAX_BYTES = 8 * 1024 * 1024


VERSION_SQL = "SELECT last_hash FROM chain_head WHERE id = 1"


def data_version() -> str:
    """The change log's head: it moves with every write that the board can show.

    Read on a bare pooled driver connection (no Connection or transaction objects): this runs on
    every cached request, and costs a few microseconds that way.
    """
    raw = get_database().engine.raw_connection()
    try:
        cursor = raw.cursor()
        try:
            cursor.execute(VERSION_SQL)
            row = cursor.fetchone()
        finally:
            cursor.close()
    finally:
        raw.close()
    if row is None:
        raise RuntimeError("the change log has no head row: run `isf-tracker db upgrade`")
    return row[0]


async def current_version(limiter: anyio.CapacityLimiter) -> str:
    """data_version() without blocking the event loop on a network round trip. SQLite is read in
    place: a read in WAL mode never waits for a writer, and a thread hop would cost ten times the
    query; PostgreSQL is asked from a thread of LIMITER's (two per worker), so a burst of readers
    neither fills the thread pool nor takes a connection each."""
    if get_database().engine.dialect.name == "sqlite":
        return data_version()
    return await anyio.to_thread.run_sync(data_version, limiter=limiter)


class ResponseCache:
    """LRU of complete responses for the current data version; bounded by count and bytes.

    Keys end with the data version. When a request sees a new version, every answer made for
    another one can never be served again, so they are dropped at once rather than left to age out.
    """

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._version: str | None = None

    def see_version(self, version: str) -> None:
        with self._lock:
            if version != self._version:
                self._entries.clear()
                self._bytes = 0
                self._version = version

    def get(self, key: tuple) -> tuple[int, list, bytes] | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: tuple, entry: tuple[int, list, bytes]) -> None:
        size = len(entry[2])
        if size > self.max_bytes // 4:
            return
        with self._lock:
            if key[-1] != self._version:
                return  # made for a version already left behind
            if key in self._entries:
                self._bytes -= len(self._entries.pop(key)[2])
            self._entries[key] = entry
            self._bytes += size
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                _, old = self._entries.popitem(last=False)
                self._bytes -= len(old[2])

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0


class _Making:
    __slots__ = ("done", "entry")

    def __init__(self) -> None:
        self.done = anyio.Event()
        self.entry: tuple | None = None


class CacheMiddleware:
    """Serve public GETs of the board and read API from the cache while the data is unchanged."""

    def __init__(self, app, enabled: bool = True) -> None:
        self.app = app
        self.enabled = enabled
        self.cache = ResponseCache()
        self.history = ResponseCache(HISTORY_MAX_ENTRIES, HISTORY_MAX_BYTES)
        # Answers being made: after a write, the readers who ask for the board at the same moment
        # wait for one rendering of it instead of each rendering their own (touched only on the
        # event loop, so no lock).
        self._making: dict[tuple, _Making] = {}
        self._version_readers: anyio.CapacityLimiter | None = None  # made on the event loop

    async def __call__(self, scope, receive, send) -> None:
        if not self.enabled or scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") \
                or not CACHEABLE.match(scope["path"]):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        cookies = headers.get(b"cookie", b"")
        if any(name in cookies for name in PRIVATE_COOKIES):
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"")
        cache = self.history if any(q in query for q in HISTORY_QUERIES) else self.cache
        if self._version_readers is None:
            self._version_readers = anyio.CapacityLimiter(2)
        version = await current_version(self._version_readers)
        self.cache.see_version(version)
        self.history.see_version(version)
        key = (scope["path"], query, headers.get(b"host", b""), headers.get(b"hx-request", b""), version)
        entry = cache.get(key)
        if entry is None:
            making = self._making.get(key)
            if making is not None:
                await making.done.wait()
                entry = making.entry
                if entry is None:  # that answer could not be kept (an error, a cookie): make our own
                    await self.app(scope, receive, send)
                    return
            else:
                making = self._making[key] = _Making()
                entry = None
                try:
                    entry = await self._render(scope, receive, send, key, cache)
                finally:
                    del self._making[key]
                    making.entry = entry
                    making.done.set()
                if entry is None:
                    return  # already sent, not cacheable
        status, response_headers, body = entry
        etag = next((v for k, v in response_headers if k == b"etag"), None)
        if etag is not None and etag in [t.strip() for t in headers.get(b"if-none-match", b"").split(b",")]:
            await send({"type": "http.response.start", "status": 304,
                        "headers": [(k, v) for k, v in response_headers if k in (b"etag", b"cache-control")]})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": status, "headers": response_headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})

    async def _render(self, scope, receive, send, key, cache: ResponseCache):
        """Run the app; keep the answer if it is a plain 200, else pass it straight through."""
        start: dict = {}
        chunks: list[bytes] = []
        passthrough = False

        async def capture(message) -> None:
            nonlocal passthrough
            if message["type"] == "http.response.start":
                start.update(message)
                names = {k.lower() for k, _ in message.get("headers", [])}
                if message["status"] != 200 or b"set-cookie" in names:
                    passthrough = True
                    await send(message)
                return
            if passthrough:
                await send(message)
                return
            chunks.append(message.get("body", b""))

        await self.app({**scope, "method": "GET"}, receive, capture)
        if passthrough:
            return None
        body = b"".join(chunks)
        response_headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in (b"etag", b"content-length")]
        digest = hashlib.sha256(repr(key).encode())
        digest.update(body)  # not key + body: that would copy the page once more
        etag = b'"' + digest.hexdigest()[:32].encode() + b'"'
        response_headers += [(b"etag", etag), (b"content-length", str(len(body)).encode())]
        if not any(k.lower() == b"cache-control" for k, _ in response_headers):
            response_headers.append((b"cache-control", b"no-cache"))
        entry = (200, response_headers, body)
        cache.put(key, entry)
        return entry
