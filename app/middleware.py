"""ASGI middleware: security headers on every reply, a request-body size limit, HEAD as GET."""

from __future__ import annotations

import json

from app.cache import cache_control
from app.limits import ARTICLE_BODY_MAX_BYTES, ARTICLE_PATHS, article_too_large

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
# Swagger UI's page starts itself with an inline script; only /docs allows that.
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'"
)

# No X-Frame-Options: the policy's `frame-ancestors 'none'` says the same, and a browser that reads
# policies ignores that header wherever a policy names frame-ancestors.
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


class SecurityHeadersMiddleware:
    """Security headers on every answer, and who may keep it (`app.cache.cache_control`), in one pass
    over its headers. A plain ASGI middleware (cheaper than BaseHTTPMiddleware on every request)."""

    def __init__(self, app, hsts: bool = False) -> None:
        self.app = app
        # Production runs behind HTTPS; there browsers are told never to use plain HTTP again.
        self.extra = [*HEADERS, HSTS] if hsts else HEADERS

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = (DOCS_CSP if scope["path"] == "/docs" else CSP).encode()
        keep_private = cache_control(scope)

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"server"]
                headers.extend(self.extra)
                headers.append((b"content-security-policy", csp))
                message = {**message, "headers": keep_private(headers) if keep_private else headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


MAX_BODY_BYTES = 2_000_000


def wants_html(scope) -> bool:
    """Whether a request's answer, error or not, is a page for people (else JSON for a script)."""
    path = scope["path"]
    if path.startswith("/api/") or path in ("/healthz", "/readyz", "/openapi.json"):
        return False
    accept = dict(scope.get("headers", [])).get(b"accept", b"text/html")
    return b"text/html" in accept or b"*/*" in accept


class BodySizeLimitMiddleware:
    """Answer 413 to a request body over MAX_BODY_BYTES, declared or streamed; the routes that take
    an article allow ARTICLE_BODY_MAX_BYTES, and measure the article itself (app/limits.py), and so
    does signing in, which may carry an import form typed before a session ended."""

    def __init__(self, app, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.default_limit = limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        if b"content-length" not in headers and b"transfer-encoding" not in headers:
            await self.app(scope, receive, send)  # no body to measure (every GET)
            return
        # Signing in again may carry a form typed before a session ended, an import's article included:
        # the sign-in takes an article's body too.
        article = scope["path"] in ARTICLE_PATHS or scope["path"] == "/login"
        limit = max(self.default_limit, ARTICLE_BODY_MAX_BYTES) if article else self.default_limit
        # A form in a browser gets a page to read; a script gets JSON.
        as_html = headers.get(b"content-type", b"").split(b";")[0] in (b"multipart/form-data", b"application/x-www-form-urlencoded")
        length = headers.get(b"content-length", b"")
        if length.isdigit() and int(length) > limit:
            await _too_large(send, as_html, article)
            return
        received = 0
        too_large = False
        started = False

        async def counting_receive():
            nonlocal received, too_large
            if too_large:
                raise BodyTooLarge
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    too_large = True
                    raise BodyTooLarge
            return message

        async def guarded_send(message) -> None:
            # Whatever the app makes of a body cut short (a body parser may well catch our
            # exception and answer 400), the client is told 413; the app's answer is dropped.
            nonlocal started
            if too_large and not started:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not too_large:
                raise
        if too_large and not started:
            await _too_large(send, as_html, article)


class BodyTooLarge(Exception):
    pass


TOO_LARGE_PAGE = (
    b'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Too large - ISF Tracker</title>'
    b'<link rel="stylesheet" href="/static/vendor/pico-2.1.1/pico.min.css"></head><body><main class="container">'
    b"<h1>Too large</h1><p>What you sent is over 2 MB, so nothing was saved. Go back and send a shorter text "
    b'or a smaller file.</p><p><a href="/">Go to the board</a></p></main></body></html>'
)


ARTICLE_TOO_LARGE_PAGE = TOO_LARGE_PAGE.replace(
    b"What you sent is over 2 MB, so nothing was saved. Go back and send a shorter text or a smaller file.",
    article_too_large().encode(),
)


async def _too_large(send, as_html: bool = False, article: bool = False) -> None:
    if article:
        # So large that the article in it is certainly over the article limit: say that one.
        body = ARTICLE_TOO_LARGE_PAGE if as_html else json.dumps({"detail": article_too_large()}).encode()
    else:
        body = TOO_LARGE_PAGE if as_html else b'{"detail":"request body too large (limit 2 MB)"}'
    kind = b"text/html; charset=utf-8" if as_html else b"application/json"
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class HeadAsGetMiddleware:
    """Answer HEAD like GET without the body (FastAPI routes declare GET only)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)
