"""The application: middleware, static files, routers and error pages."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Mount

from app import __version__
from app.cache import CacheMiddleware
from app.capacity import BUSY_RESPONSE, SLOW_BODIES_RESPONSE, Admission, AdmissionMiddleware, busy_response
from app.config import ROOT_DIR, get_settings
from app.db import is_lock_timeout
from app.web.templating import templates
from app.routes import api, api_imports, api_writes, auth, changes, forms, health, imports, pages
from app.routes import projection
from app import metrics
from app.middleware import BodySizeLimitMiddleware, HeadAsGetMiddleware, SecurityHeadersMiddleware, wants_html
from app.web.browser import Forbidden, LoginRequired, SessionEnded, StaleForm, audit, client_ip, error_page
from app.services.errors import InvalidInput, NotFound, VersionConflict
from app.static_files import StaticAssets
from app.text_rule import strip_forbidden, text_problem

SWAGGER_DIR = "/static/vendor/swagger-ui-5.35.0"

DESCRIPTION = """
Which countries are in a proposed multinational force, on what conditions, with how many
troops, and on whose word. Every fact carries the exact quote it rests on and its source.

List endpoints return bare JSON arrays; where a list can grow it is paged with `limit`, and a
`Link: <...>; rel="next"` header gives the next page. Errors are `{"detail": ...}`.
"""


ROBOTS = """# Public pages may be indexed: the board at / links to every one of them.
User-agent: *
Disallow: /login
Disallow: /import
Disallow: /imports
Disallow: /proposals/*/edit
Disallow: /proposals/*/countries/new
Disallow: /proposals/*/countries/*/edit
Disallow: /proposals/*/factors/
"""


class Tracker(FastAPI):
    """The application, with the response cache (app/cache.py) outside every other layer, FastAPI's
    own included: a cached answer already carries what the layers inside gave it when it was made."""

    def build_middleware_stack(self):
        return CacheMiddleware(super().build_middleware_stack(), enabled=self.state.response_cache,
                               metrics=self.state.metrics)


def create_app() -> FastAPI:
    settings = get_settings()
    if settings.env == "production":
        settings.resolved_secret_key()  # refuses to start without SECRET_KEY

    app = Tracker(
        title="ISF Tracker",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        # No OpenTelemetry: the app has Prometheus metrics and request ids of its own, and the check
        # for a configured provider would otherwise run on every request.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    # Templates are read once in production; in development an edited template shows on reload.
    templates.env.auto_reload = settings.env != "production"
    # Innermost: a request waits for a slot before anything reads the database (app/capacity.py).
    app.state.admission = Admission(settings.request_threads(), settings.queue, settings.queue_wait_seconds,
                                    settings.body_wait_seconds, settings.article_readers, settings.bodies_per_client)
    app.add_middleware(AdmissionMiddleware, admission=app.state.admission)
    app.add_middleware(HeadAsGetMiddleware)
    app.add_middleware(BodySizeLimitMiddleware)
    app.add_middleware(SecurityHeadersMiddleware, hsts=settings.env == "production")
    metrics.install(app)
    app.state.response_cache = settings.response_cache
    static = StaticAssets(ROOT_DIR / "static", reload=settings.env != "production")
    app.mount("/static", static, name="static")
    templates.env.globals["static_url"] = static.url

    # Forms first: "/countries/new" must not be taken for a country code.
    app.include_router(forms.router)
    app.include_router(pages.router)
    app.include_router(changes.router)
    app.include_router(imports.router)
    app.include_router(auth.router)
    # Any of these may be asked while the worker's queue is full (app/capacity.py).
    for router in (api.router, api_writes.router, api_imports.router, projection.router):
        for route in router.routes:  # those that take a body, the answer to a client with too many slow ones
            if isinstance(route, APIRoute) and route.methods & {"POST", "PUT", "PATCH"}:
                route.responses = {**route.responses, **SLOW_BODIES_RESPONSE}
        app.include_router(router, responses=BUSY_RESPONSE)
    app.include_router(health.router)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="ISF Tracker API",
            swagger_js_url=f"{SWAGGER_DIR}/swagger-ui-bundle.js",
            swagger_css_url=f"{SWAGGER_DIR}/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    favicon = (ROOT_DIR / "static" / "favicon.svg").read_bytes()

    @app.get("/robots.txt", include_in_schema=False)
    def robots() -> PlainTextResponse:
        # Public pages may be indexed; sign-in, forms and imports are for editors.
        return PlainTextResponse(ROBOTS, headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon_ico() -> Response:
        # Browsers ask for this address whatever the page's <link rel="icon"> says.
        return Response(favicon, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})

    @app.exception_handler(NotFound)
    def not_found(request: Request, exc: NotFound) -> Response:
        if wants_html(request.scope):
            return error_page(request, 404, "Not found", str(exc))
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(LoginRequired)
    def login_required(request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse(f"/login?{urlencode({'next': exc.next_url})}", status_code=303)

    app.add_exception_handler(SessionEnded, auth.session_ended)
    app.add_exception_handler(StaleForm, auth.stale_form)

    @app.exception_handler(Forbidden)
    def forbidden(request: Request, exc: Forbidden) -> Response:
        audit.warning("refused: %s %s from %s: %s", request.method, request.url.path, client_ip(request), exc.message)
        if wants_html(request.scope):
            return error_page(request, 403, "Not allowed", exc.message)
        return JSONResponse({"detail": exc.message}, status_code=403)

    @app.exception_handler(OperationalError)
    def database_busy(request: Request, exc: OperationalError) -> Response:
        if not is_lock_timeout(exc):
            raise exc
        # Another writer held the database longer than a writer waits: nothing was written.
        return busy_response(request.scope, "another writer held the database too long")

    @app.exception_handler(InvalidInput)
    def invalid_input(request: Request, exc: InvalidInput) -> Response:
        return JSONResponse({"detail": exc.errors}, status_code=422)

    @app.exception_handler(VersionConflict)
    def version_conflict(request: Request, exc: VersionConflict) -> Response:
        return JSONResponse({"detail": str(exc)}, status_code=409)

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 405:
            # GET and PUT of one path live in different routers; list every method the path has.
            headers = {"Allow": ", ".join(allowed_methods(app, request.url.path))}
            if wants_html(request.scope):
                response = error_page(request, 405, "Not allowed", "This address does not take that kind of request.")
                response.headers.update(headers)
                return response
            return JSONResponse({"detail": exc.detail}, status_code=405, headers=headers)
        if wants_html(request.scope):
            titles = {404: "Page not found", 405: "Not allowed"}
            message = "There is nothing at this address." if exc.status_code == 404 else str(exc.detail)
            return error_page(request, exc.status_code, titles.get(exc.status_code, "Error"), message)
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    def validation_error(request: Request, exc: RequestValidationError) -> Response:
        if wants_html(request.scope):
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in safe_errors(exc.errors())
            )
            path_error = any(e["loc"][0] == "path" for e in exc.errors())
            if path_error:
                return error_page(request, 404, "Page not found", "There is nothing at this address.")
            return error_page(request, 400, "Bad request", problems)
        return validation_response(exc)

    return app


METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def allowed_methods(app: FastAPI, path: str) -> list[str]:
    """Every method some route of the app answers at PATH, HTML and API routes alike (asked of
    the routes themselves, so a route the OpenAPI document leaves out still counts)."""
    methods: set[str] = set()
    for route in app.router.routes:
        if isinstance(route, Mount):  # static files: read only
            if route.matches({"type": "http", "path": path, "root_path": "", "method": "GET"})[0] == Match.FULL:
                methods |= {"GET", "HEAD"}
            continue
        for method in METHODS:
            scope = {"type": "http", "path": path, "root_path": "", "method": method}
            if route.matches(scope)[0] == Match.FULL:
                methods.add(method)
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


def _echo(value: Any) -> bool:
    """Whether an input is safe to send back in an error: short, finite, and keeping the text rule."""
    if value is None or isinstance(value, bool):
        return True
    if isinstance(value, int):
        return abs(value) < 10**30
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, str):
        return len(value) <= 200 and text_problem(value) is None
    return False


def safe_errors(errors: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Validation errors that always encode as JSON: an input is echoed only when `_echo` allows
    (never NaN, Infinity, a lone surrogate or a long text), and text in a field path loses what
    the text rule forbids."""
    safe = []
    for error in errors:
        item = {"type": error.get("type", "value_error"),
                "loc": [p if isinstance(p, int) else strip_forbidden(str(p)) for p in error.get("loc", ())],
                "msg": strip_forbidden(str(error.get("msg", "")))}
        if "input" in error and _echo(error["input"]):
            item["input"] = error["input"]
        safe.append(item)
    return safe


def validation_response(exc: RequestValidationError) -> JSONResponse:
    """FastAPI's usual 422 body, `{"detail": [{"loc": [...], "msg": ..., "type": ...}]}`, made safe
    to encode whatever was sent."""
    return JSONResponse({"detail": safe_errors(exc.errors())}, status_code=422)

app = create_app()
