"""The response cache for public pages, feeds and the read API, keyed by the data's version; and
what every answer says about caching and compression on the wire.

Every write to a stance, a factor or a proposal's facts moves the head of the change log, so the head's hash is a
version of everything the public pages show. Each request reads it (one primary-key lookup), and
a cached answer is only served for the version and the UTC day it was made for: a write on any
worker or machine is visible on the very next request everywhere, and the board's "now", worked
out for today, is never served tomorrow. Signed-in pages (which carry a user's name and form
tokens) are never cached.

There is one cache and one rule. Each entry has a kind, by its address: a plain address (a board,
a country, a feed), one with a query (filters, a what-if, a page of a list), or a past day
(`as_of`, `known_at`). Each kind has its own count and byte budget and only ever pushes out
entries of its own kind, so a flood of past days or of one-off queries never pushes the current
board out.

An entry keeps its answer as made and, made the first time a reader asks for them, its gzip and
brotli forms: a page is compressed once per data version, not once per request. Each form has its
own `ETag` (`"…-gzip"`, `"…-br"`), and `If-None-Match` with any of them answers 304.

`cache_control`'s rule is the one place that says who may keep an answer: anything
answered to a request carrying the session (or one-time message) cookie, and anything that sets a
cookie (the sign-in form with its token, a sign-in, a form's redirect), is `private, no-store`.
Such answers are never compressed either: a page holding a secret token next to text a reader
chose is what compression side channels (BREACH) read.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any
from dataclasses import dataclass

import anyio

from app.db import get_database
from app.observability import REQUEST_ID_HEADER, accepted_request_id

try:  # a declared dependency; without it answers are offered in gzip only
    import brotli
except ImportError:  # pragma: no cover - depends on the installation
    brotli = None

SLUG = r"[a-z0-9-]{1,64}"
# Every public GET of pages, feeds and the read API. Not the forms (`/countries/new`, `…/edit`),
# imports or sign-in, and not the list of sources: a source can be added without a change row, so
# the change log's head does not move with it.
# What makes this correct: nothing these answers show changes without a change row. Stances,
# factors and a proposal's facts are written only through their write paths, which append one; sources and countries are
# never edited once stored. A feature that edits them must append a change too.
CACHEABLE = re.compile(
    r"^/(?:"
    r"|changes(?:\.atom)?"
    r"|docs|openapi\.json"
    r"|sources/\d{1,10}"
    rf"|proposals/{SLUG}(?:/changes(?:\.atom)?|/timeline(?:\.svg)?|/countries/(?!new$)[A-Za-z]{{3}}(?:/changes\.atom)?)?"
    rf"|api/v1/(?:changes|sources/\d{{1,10}}"
    rf"|proposals(?:/{SLUG}(?:/projection|/timeline|/stances(?:\.csv|/[A-Za-z]{{3}}(?:/history)?)?)?)?)"
    r")$"
)
# Cookies that make an answer someone's own: never cached here, never kept by a browser or proxy.
PRIVATE_COOKIES = (b"isf_session=", b"isf_flash=", b"isf_login_csrf=")
HISTORY_QUERIES = (b"as_of=", b"known_at=")


@dataclass(frozen=True)
class Budget:
    max_entries: int
    max_bytes: int


# The kinds of entry and what each may hold per worker (bytes count every compressed form too).
# A past day's board is about 420 KB with 200 countries (about 50 KB gzipped).
KINDS = {
    "plain": Budget(1024, 24 * 1024 * 1024),  # an address without a query: boards, countries, feeds
    "query": Budget(256, 8 * 1024 * 1024),  # filters, what-ifs, pages of lists
    "history": Budget(16, 8 * 1024 * 1024),  # as_of, known_at
}


def kind_of(query: bytes) -> str:
    if not query:
        return "plain"
    if any(q in query for q in HISTORY_QUERIES):
        return "history"
    return "query"


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


class SqliteHead:
    """The head read on the event loop from SQLite, on one driver connection of its own, kept out of
    the pool (a checkout and the rollback on its return cost more than the query). A read in WAL mode
    never waits for a writer, and no transaction is left open between reads."""

    def __init__(self) -> None:
        self.engine = None
        self.connection = None

    def read(self) -> str:
        engine = get_database().engine
        if self.engine is not engine:  # first use, or the app now runs on another database
            self.close()
            raw = engine.raw_connection()
            raw.detach()  # never returned to the pool: closed by close() instead
            self.connection, self.engine = raw.dbapi_connection, engine
        row = self.connection.execute(VERSION_SQL).fetchone()
        if row is None:
            raise RuntimeError("the change log has no head row: run `isf-tracker db upgrade`")
        return row[0]

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
        self.engine = self.connection = None


def current_version(limiter: anyio.CapacityLimiter, sqlite_head: SqliteHead) -> str | Awaitable[str]:
    """The head without blocking the event loop on a network round trip: SQLite is read in place, at
    once (a thread hop would cost ten times the query); from PostgreSQL, what to await: the head asked
    from a thread of LIMITER's (two per worker), so a burst of readers neither fills the thread pool
    nor takes a connection each."""
    if get_database().engine.dialect.name == "sqlite":
        return sqlite_head.read()
    return anyio.to_thread.run_sync(data_version, limiter=limiter)


def utc_today() -> int:
    """Today (UTC) as a day number: it changes at midnight UTC, which is all a cache key needs of it."""
    return int(time.time() // 86400)


# ---- compression: which encoding, made how, tagged how ---------------------------------------------

ENCODINGS = ("br", "gzip") if brotli is not None else ("gzip",)  # in our order of preference
MIN_COMPRESS_BYTES = 1024  # below this, compressing saves less than the header costs
THREAD_COMPRESS_BYTES = 64 * 1024  # larger bodies are compressed off the event loop
TEXT_TYPES = {b"application/json", b"application/javascript", b"application/xml", b"image/svg+xml"}


def compressible(content_type: bytes, size: int) -> bool:
    """Text of at least MIN_COMPRESS_BYTES: HTML, CSS, JavaScript, JSON, CSV, Atom, SVG."""
    kind = content_type.split(b";")[0].strip().lower()
    return size >= MIN_COMPRESS_BYTES and (
        kind.startswith(b"text/") or kind in TEXT_TYPES or kind.endswith((b"+xml", b"+json")))


def negotiate(accept_encoding: bytes) -> str:
    """The encoding to answer in, of ENCODINGS, by the request's Accept-Encoding: the highest
    q-value wins (ties go to brotli), `q=0` refuses, `*` stands for any not named; "identity"
    when nothing we offer is acceptable (no header at all included)."""
    if not accept_encoding:
        return "identity"
    weights: dict[str, float] = {}
    for part in accept_encoding.decode("latin-1").lower().split(","):
        name, _, params = part.partition(";")
        name = name.strip()
        if not name:
            continue
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = 0.0
                if not 0.0 <= q <= 1.0:
                    q = 0.0
        weights["gzip" if name == "x-gzip" else name] = q
    best, best_q = "identity", 0.0
    for encoding in ENCODINGS:
        q = weights.get(encoding, weights.get("*", 0.0))
        if q > best_q:
            best, best_q = encoding, q
    return best


def compress(body: bytes, encoding: str, *, once: bool = False) -> bytes:
    """BODY in ENCODING. ONCE: for files compressed once per process, worth a slower, tighter
    setting (measured on the Swagger bundle: gzip 9 and brotli 9 take 0.1 and 0.2 s)."""
    if encoding == "gzip":
        return gzip.compress(body, compresslevel=9 if once else 6, mtime=0)
    if encoding == "br":
        return brotli.compress(body, quality=9 if once else 5)
    raise ValueError(f"unknown encoding {encoding!r}")


async def compress_off_loop(body: bytes, encoding: str, *, once: bool = False) -> bytes:
    if len(body) < THREAD_COMPRESS_BYTES:
        return compress(body, encoding, once=once)
    return await anyio.to_thread.run_sync(lambda: compress(body, encoding, once=once))


def tagged(tag: bytes, encoding: str) -> bytes:
    """The ETag of one encoding of an answer whose identity ETag is `"TAG"`."""
    return b'"' + tag + (b"" if encoding == "identity" else b"-" + encoding.encode()) + b'"'


_SUFFIXES = tuple(b"-" + e.encode() for e in ("br", "gzip"))


def none_match(header: bytes, tag: bytes) -> bool:
    """Whether If-None-Match HEADER names the answer tagged TAG in any encoding (weak comparison,
    as If-None-Match asks: a proxy may have weakened our tag when it passed it on)."""
    if not header:
        return False
    for candidate in header.split(b","):
        candidate = candidate.strip()
        if candidate == b"*":
            return True
        if candidate.startswith(b"W/"):
            candidate = candidate[2:]
        if len(candidate) < 2 or candidate[:1] != b'"' or candidate[-1:] != b'"':
            continue
        candidate = candidate[1:-1]
        for suffix in _SUFFIXES:
            if candidate.endswith(suffix):
                candidate = candidate[: -len(suffix)]
                break
        if candidate == tag:
            return True
    return False


def with_vary(headers: list, value: bytes) -> list:
    """HEADERS with VALUE added to its Vary header (one header, values comma-separated)."""
    out, seen = [], False
    for k, v in headers:
        if k.lower() == b"vary":
            names = [n.strip() for n in v.split(b",") if n.strip()]
            if value.lower() not in (n.lower() for n in names):
                names.append(value)
            out.append((b"vary", b", ".join(names)))
            seen = True
        else:
            out.append((k, v))
    if not seen:
        out.append((b"vary", value))
    return out


# What a 304 leaves out of the answer's headers: those that describe the body it does not send.
BODY_HEADERS = (b"content-type", b"content-length", b"content-encoding", b"content-disposition", b"link")


class Entry:
    """One answer: its headers and body as made, and each encoding of it made so far."""

    __slots__ = ("key", "kind", "status", "headers", "tag", "compressible", "variants", "pending", "size")

    def __init__(self, key: tuple, kind: str, headers: list, body: bytes, tag: bytes) -> None:
        self.key = key
        self.kind = kind
        self.status = 200
        self.tag = tag
        content_type = next((v for k, v in headers if k == b"content-type"), b"")
        self.compressible = compressible(content_type, len(body))
        base = [(k, v) for k, v in headers if k not in (b"etag", b"content-length", b"content-encoding")]
        if self.compressible:
            base = with_vary(base, b"Accept-Encoding")
        self.headers = base
        self.variants: dict[str, tuple[list, bytes]] = {}
        self.pending: dict[str, anyio.Event] = {}
        self.size = 0
        self.add("identity", body)

    def add(self, encoding: str, body: bytes) -> int:
        headers = [*self.headers, (b"etag", tagged(self.tag, encoding)), (b"content-length", str(len(body)).encode())]
        if encoding != "identity":
            headers.append((b"content-encoding", encoding.encode()))
        self.variants[encoding] = (headers, body)
        self.size += len(body)
        return len(body)

    @property
    def body(self) -> bytes:
        return self.variants["identity"][1]

    def not_modified_headers(self, encoding: str) -> list:
        headers = [(k, v) for k, v in self.headers if k not in BODY_HEADERS]
        return [*headers, (b"etag", tagged(self.tag, encoding))]


class ResponseCache:
    """LRU of complete answers for the current data version, each kind bounded by count and bytes.

    Keys end with the data version. When a request sees a new version, every answer made for
    another one can never be served again, so they are dropped at once rather than left to age out.
    """

    def __init__(self, kinds: dict[str, Budget] | None = None) -> None:
        self.kinds = dict(kinds or KINDS)
        self._entries: dict[str, OrderedDict[tuple, Entry]] = {k: OrderedDict() for k in self.kinds}
        self._bytes = dict.fromkeys(self.kinds, 0)
        self._lock = threading.Lock()
        self._version: Hashable | None = None

    def see_version(self, version: Hashable) -> None:
        if version == self._version:  # the usual case, read without the lock
            return
        with self._lock:
            if version != self._version:
                self._clear()
                self._version = version

    def get(self, key: tuple, kind: str) -> Entry | None:
        with self._lock:
            entries = self._entries[kind]
            entry = entries.get(key)
            if entry is not None:
                entries.move_to_end(key)
            return entry

    def put(self, entry: Entry) -> None:
        budget = self.kinds[entry.kind]
        if entry.size > budget.max_bytes // 4:
            return
        with self._lock:
            if entry.key[-1] != self._version:
                return  # made for a version already left behind
            entries = self._entries[entry.kind]
            old = entries.pop(entry.key, None)
            if old is not None:
                self._bytes[entry.kind] -= old.size
            entries[entry.key] = entry
            self._bytes[entry.kind] += entry.size
            self._trim(entry.kind)

    def add_variant(self, entry: Entry, encoding: str, body: bytes) -> None:
        """Keep ENCODING's form of ENTRY with it (counted in its kind's bytes while it is kept)."""
        with self._lock:
            grown = entry.add(encoding, body)
            if self._entries[entry.kind].get(entry.key) is entry:
                self._bytes[entry.kind] += grown
                self._trim(entry.kind)

    def bytes(self, kind: str) -> int:
        return self._bytes[kind]

    def __len__(self) -> int:
        return sum(len(e) for e in self._entries.values())

    def _trim(self, kind: str) -> None:
        budget, entries = self.kinds[kind], self._entries[kind]
        while entries and (len(entries) > budget.max_entries or self._bytes[kind] > budget.max_bytes):
            _, old = entries.popitem(last=False)
            self._bytes[kind] -= old.size

    def _clear(self) -> None:
        for kind in self.kinds:
            self._entries[kind].clear()
            self._bytes[kind] = 0

    def clear(self) -> None:
        with self._lock:
            self._clear()


class _Making:
    __slots__ = ("done", "entry")

    def __init__(self) -> None:
        self.done = anyio.Event()
        self.entry: Entry | None = None


def is_private(headers: dict) -> bool:
    cookies = headers.get(b"cookie")
    return cookies is not None and any(name in cookies for name in PRIVATE_COOKIES)


async def made_once(variants: dict, pending: dict, encoding: str, make: Callable[[], Awaitable[None]]) -> Any:
    """VARIANTS[ENCODING], made by MAKE (which stores it there) for the first reader who asks; the
    others who ask meanwhile wait for that one. None when making it failed. Used for cached answers
    and static files alike."""
    found = variants.get(encoding)
    if found is not None:
        return found
    waiting = pending.get(encoding)
    if waiting is not None:
        await waiting.wait()
        return variants.get(encoding)
    waiting = pending[encoding] = anyio.Event()
    try:
        await make()
    finally:
        del pending[encoding]
        waiting.set()
    return variants.get(encoding)


class CacheMiddleware:
    """Serve public GETs of pages, feeds and the read API from the cache while the data is
    unchanged, compressed as the reader accepts.

    The outermost layer: a cached answer already carries the security headers the layers inside
    gave it when it was made, so a hit costs the head's read, a lookup and the send. A hit gets its
    own request id and is counted in the metrics here; a miss goes through every layer inside."""

    def __init__(self, app, enabled: bool = True, today: Callable[[], object] = utc_today,
                 metrics=None) -> None:
        self.app = app
        self.enabled = enabled
        self.today = today
        self.metrics = metrics
        self.cache = ResponseCache()
        # Answers being made: after a write, the readers who ask for the board at the same moment
        # wait for one rendering of it instead of each rendering their own (touched only on the
        # event loop, so no lock).
        self._making: dict[tuple, _Making] = {}
        self._version_readers: anyio.CapacityLimiter | None = None  # made on the event loop
        self._sqlite_head = SqliteHead()
        self._encodings: dict[bytes, str] = {}  # Accept-Encoding header -> what it negotiates

    def _negotiate(self, accept_encoding: bytes) -> str:
        found = self._encodings.get(accept_encoding)
        if found is None:
            if len(self._encodings) >= 256:
                self._encodings.clear()
            found = self._encodings[accept_encoding] = negotiate(accept_encoding)
        return found

    async def __call__(self, scope, receive, send) -> None:
        if not self.enabled or scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") \
                or not CACHEABLE.match(scope["path"]):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if is_private(headers):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = accepted_request_id(headers.get(REQUEST_ID_HEADER)).encode()
        query = scope.get("query_string", b"")
        kind = kind_of(query)
        if self._version_readers is None:
            self._version_readers = anyio.CapacityLimiter(2)
        head = current_version(self._version_readers, self._sqlite_head)
        version = (head if type(head) is str else await head, self.today())
        self.cache.see_version(version)
        key = (scope["path"], query, headers.get(b"host", b""), headers.get(b"hx-request", b""),
               headers.get(b"hx-history-restore-request", b""), version)
        entry = self.cache.get(key, kind)
        counted = False  # whether the layers inside counted this request
        if entry is None:
            # The layers inside log under the id this answer will carry.
            inner = {**scope, "headers": [*((k, v) for k, v in scope["headers"] if k != REQUEST_ID_HEADER),
                                          (REQUEST_ID_HEADER, request_id)]}
            making = self._making.get(key)
            if making is not None:
                await making.done.wait()
                entry = making.entry
                if entry is None:  # that answer could not be kept (an error, a cookie): make our own
                    await self.app(inner, receive, send)
                    return
            else:
                making = self._making[key] = _Making()
                try:
                    entry = await self._render(inner, receive, send, key, kind)
                finally:
                    del self._making[key]
                    making.entry = entry
                    making.done.set()
                if entry is None:
                    return  # already sent, not cacheable
                counted = True
        encoding = self._negotiate(headers.get(b"accept-encoding", b"")) if entry.compressible else "identity"
        if none_match(headers.get(b"if-none-match", b""), entry.tag):
            status = 304
            await send({"type": "http.response.start", "status": 304,
                        "headers": [*entry.not_modified_headers(encoding), (REQUEST_ID_HEADER, request_id)]})
            await send({"type": "http.response.body", "body": b""})
        else:
            status = entry.status
            made = entry.variants.get(encoding)  # made by an earlier reader: no coroutine to await
            response_headers, body = made if made is not None else await self._variant(entry, encoding)
            await send({"type": "http.response.start", "status": status,
                        "headers": [*response_headers, (REQUEST_ID_HEADER, request_id)]})
            await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
        if self.metrics is not None and not counted:
            self.metrics.observe(scope["method"], scope["path"], status, time.perf_counter() - started)

    async def _variant(self, entry: Entry, encoding: str) -> tuple[list, bytes]:
        """ENTRY in ENCODING, compressed once and kept with the entry (as it is, should that fail)."""

        async def make() -> None:
            self.cache.add_variant(entry, encoding, await compress_off_loop(entry.body, encoding))

        return await made_once(entry.variants, entry.pending, encoding, make) or entry.variants["identity"]

    async def _render(self, scope, receive, send, key, kind: str) -> Entry | None:
        """Run the app; keep the answer if it is a plain public 200 whose ETag is ours to give, else
        pass it straight through (an answer with an ETag of the app's own, such as one stance's,
        which scripts send back in If-Match, goes out exactly as the app made it)."""
        start: dict = {}
        chunks: list[bytes] = []
        passthrough = False
        head = scope["method"] == "HEAD"

        async def capture(message) -> None:
            nonlocal passthrough
            if message["type"] == "http.response.start":
                start.update(message)
                names = {k.lower() for k, _ in message.get("headers", [])}
                if message["status"] != 200 or names & {b"set-cookie", b"etag", b"content-encoding"}:
                    passthrough = True
                    await send(message)
                return
            if passthrough:
                await send({**message, "body": b""} if head else message)
                return
            chunks.append(message.get("body", b""))

        await self.app({**scope, "method": "GET"}, receive, capture)
        if passthrough:
            return None
        body = b"".join(chunks)
        # The tag names the bytes alone: the same answer (to a request with or without htmx's headers, or
        # after a write that changed nothing it shows) keeps its tag, and another answer gets another.
        digest = hashlib.sha256(body)
        response_headers = [(k.lower(), v) for k, v in start.get("headers", []) if k.lower() != REQUEST_ID_HEADER]
        if not any(k == b"cache-control" for k, _ in response_headers):
            response_headers.append((b"cache-control", b"no-cache"))
        entry = Entry(key, kind, response_headers, body, digest.hexdigest()[:32].encode())
        self.cache.put(entry)
        return entry


def cache_control(scope) -> Callable[[list], list] | None:
    """The one rule for who may keep an answer, for the request in SCOPE: whatever answers a request
    carrying the session or one-time message cookie, and whatever sets a cookie, is
    `Cache-Control: private, no-store` (signed-in pages, forms and their CSRF tokens, the sign-in
    page). Gives the function that applies it to an answer's headers (the security headers'
    middleware calls it, in the one pass it makes over them); None for static files, which are the
    same for everyone and keep the headers the static files app gave them."""
    if scope["path"].startswith("/static/"):
        return None
    private = is_private(dict(scope.get("headers", [])))

    def apply(headers: list) -> list:
        if private or any(k.lower() == b"set-cookie" for k, _ in headers):
            headers = [(k, v) for k, v in headers if k.lower() != b"cache-control"]
            headers.append((b"cache-control", b"private, no-store"))
        return headers

    return apply
