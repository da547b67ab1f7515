"""Prometheus metrics: requests and latencies by route template, and stances by status.

Each application instance keeps its own registry; with several uvicorn workers each process
counts only the requests it served (docs/operations.md says how to read that). The stance
counts are read from the database at scrape time, so every process reports the same numbers.
"""

from __future__ import annotations

import re
import time
from collections import deque

import anyio
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response
from fastapi.routing import iter_route_contexts
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from starlette.routing import Mount, compile_path

from app.db import get_database
from app.models import STATUSES
from app.services import board

router = APIRouter()


class StanceCollector:
    """`isf_stances{proposal, status}`, counted when Prometheus scrapes: today's board of each
    proposal, by status (the read model's counts, the same the board and the API give)."""

    def collect(self):
        family = GaugeMetricFamily("isf_stances", "Countries on today's board by proposal and status.",
                                   labels=["proposal", "status"])
        try:
            with get_database().read_session() as session:
                counts = {slug: board.read_board(session, slug).totals.by_status
                          for slug in board.proposal_slugs(session)}
        except Exception:  # a scrape must not fail because the database is away; /readyz reports that
            return
        for slug, per_status in sorted(counts.items()):
            for status in STATUSES:
                family.add_metric([slug, status], per_status.get(status, 0))
        yield family


class Metrics:
    """One registry with the request counters and the stance gauge."""

    METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH")

    def __init__(self, app: FastAPI | None = None) -> None:
        self.app = app
        self.registry = CollectorRegistry()
        self.requests = Counter("isf_http_requests", "HTTP requests answered.", ["method", "route", "status"],
                                registry=self.registry)
        self.latency = Histogram("isf_http_request_duration_seconds", "Time to answer an HTTP request.",
                                 ["method", "route", "status"], registry=self.registry)
        self.registry.register(StanceCollector())
        self.routes: RouteLabels | None = None  # built on the first request, once every router is included
        # (method, path, status) -> the counter and histogram of its labels: a path seen before is
        # counted without matching its route again (bounded: cleared when it grows past the limit).
        self._children: dict[tuple, tuple] = {}
        # Requests answered but not yet added to the counters: noting one is an append, and they are
        # added in batches (and before every scrape), not one lock-taking update per request.
        self._pending: deque[tuple[str, str, int, float]] = deque()

    def observe(self, method: str, path: str, status: int, seconds: float) -> None:
        """Count one answered request and its time, labelled by the route's template."""
        self._pending.append((method, path, status, seconds))
        if len(self._pending) >= 256:
            self.flush()

    def flush(self) -> None:
        """Add the requests noted so far to the counters and histograms."""
        pending = self._pending
        while True:
            try:
                method, path, status, seconds = pending.popleft()
            except IndexError:
                return
            self._add(method, path, status, seconds)

    def _add(self, method: str, path: str, status: int, seconds: float) -> None:
        key = (method, path, status)
        children = self._children.get(key)
        if children is None:
            if self.routes is None:
                self.routes = RouteLabels(route_table(self.app))
            label = method if method in self.METHODS else "other"
            labels = (label, self.routes.of("GET" if label == "HEAD" else label, path), str(status))
            children = (self.requests.labels(*labels), self.latency.labels(*labels))
            if len(self._children) >= 4096:
                self._children.clear()
            self._children[key] = children
        children[0].inc()
        children[1].observe(seconds)


def route_table(app: FastAPI) -> list[tuple[re.Pattern, set[str] | None, str]]:
    """(pattern, methods, template) for every route, in the order the router tries them."""
    table = []
    for context in iter_route_contexts(app.routes):
        template = context.path
        if template is None:
            continue
        if isinstance(context.original_route, Mount):
            pattern = compile_path(template.rstrip("/") + "/{path:path}")[0]
        else:
            pattern = compile_path(template)[0]
        table.append((pattern, context.methods, template))
    return table


class RouteLabels:
    """The route's template (`/proposals/{slug}`) of a request, never the raw path, so labels stay
    few. Each method's routes are joined into one pattern, tried in the router's order, so a
    request is matched with one call rather than one per route (this runs on every request)."""

    def __init__(self, table: list[tuple[re.Pattern, set[str] | None, str]]) -> None:
        self.by_method: dict[str, tuple[re.Pattern, list[str]]] = {}
        for method in ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "other"):
            routes = [(p, t) for p, methods, t in table if methods is None or method in methods]
            # Group names would clash between routes: each route's own groups become plain ones.
            parts = [f"(?P<r{i}>{re.sub(r'[(][?]P<[^>]+>', '(?:', p.pattern)})" for i, (p, _) in enumerate(routes)]
            self.by_method[method] = (re.compile("|".join(parts) or "(?!)"), [t for _, t in routes])

    def of(self, method: str, path: str) -> str:
        pattern, templates = self.by_method.get(method) or self.by_method["other"]
        found = pattern.match(path)
        return templates[int(found.lastgroup[1:])] if found else "unmatched"


class MetricsMiddleware:
    """Count and time every HTTP request the application answers (the response cache, which sits
    outside it, counts the answers it gives itself through the same `Metrics.observe`)."""

    def __init__(self, app, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status: int | None = None

        async def send_and_note(message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        except BaseException:
            status = status or 500  # what the client gets if the app fails before answering
            raise
        finally:
            # Returned with no answer and no failure: the client left before its request was whole
            # (app/capacity.py). Counted as 499, as proxies count it, not as a server error.
            self.metrics.observe(scope["method"], scope["path"], status or 499, time.perf_counter() - started)


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request) -> Response:
    """Prometheus text format: request counts and latencies of this process, stances by status."""
    metrics = request.app.state.metrics
    metrics.flush()
    body = await anyio.to_thread.run_sync(generate_latest, metrics.registry)
    return Response(body, media_type=CONTENT_TYPE_LATEST)


def install(app: FastAPI) -> None:
    """Metrics and request ids on APP, around everything but the response cache."""
    from app.observability import RequestIdMiddleware

    app.state.metrics = Metrics(app)
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics)
    app.add_middleware(RequestIdMiddleware)
    app.include_router(router)
