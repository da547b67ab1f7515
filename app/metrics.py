"""Prometheus metrics: requests and latencies by route template, and stances by status.

Each application instance keeps its own registry; with several uvicorn workers each process
counts only the requests it served (docs/operations.md says how to read that). The stance
counts are read from the database at scrape time, so every process reports the same numbers.
"""

from __future__ import annotations

import bisect
import itertools
import re
import time

import anyio
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response
from fastapi.routing import iter_route_contexts
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily
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


# The latency buckets (seconds): Prometheus's defaults.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0)
LABELS = ["method", "route", "status"]


class Tally:
    """The requests of one (method, route, status): their total time and how many fell in each
    latency bucket (the last one: above every bound). The count is the buckets' sum, so a scrape that
    copies the buckets (one step) always reads a count that agrees with them."""

    __slots__ = ("seconds", "buckets")

    def __init__(self) -> None:
        self.seconds = 0.0
        self.buckets = [0] * (len(BUCKETS) + 1)


class RequestCollector:
    """`isf_http_requests_total` and `isf_http_request_duration_seconds`, read from the tallies when
    Prometheus scrapes."""

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics

    def collect(self):
        requests = CounterMetricFamily("isf_http_requests", "HTTP requests answered.", labels=LABELS)
        latency = HistogramMetricFamily("isf_http_request_duration_seconds", "Time to answer an HTTP request.",
                                        labels=LABELS)
        for labels, seconds, buckets in self.metrics.snapshot():
            cumulative = list(itertools.accumulate(buckets))
            requests.add_metric(labels, cumulative[-1])
            latency.add_metric(labels, [*zip(map(repr, BUCKETS), cumulative), ("+Inf", cumulative[-1])],
                               sum_value=seconds)
        yield requests
        yield latency


class Metrics:
    """One registry with the request counts and latencies and the stance gauge.

    Counting a request is a few additions to a plain tally (this runs on every request, cached
    answers included); the Prometheus families are made from the tallies only when scraped."""

    METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH")

    def __init__(self, app: FastAPI | None = None) -> None:
        self.app = app
        self.registry = CollectorRegistry()
        self.registry.register(RequestCollector(self))
        self.registry.register(StanceCollector())
        self.routes: RouteLabels | None = None  # built on the first request, once every router is included
        # (method, route, status) -> its tally; few, as routes are.
        self._tallies: dict[tuple[str, str, str], Tally] = {}
        # (method, path, status) -> the tally of its labels: a path seen before is counted without
        # matching its route again (bounded: cleared when it grows past the limit; the tallies stay).
        self._by_path: dict[tuple[str, str, int], Tally] = {}

    def observe(self, method: str, path: str, status: int, seconds: float) -> None:
        """Count one answered request and its time, labelled by the route's template."""
        tally = self._by_path.get((method, path, status))
        if tally is None:
            tally = self._tally(method, path, status)
        tally.buckets[bisect.bisect_left(BUCKETS, seconds)] += 1
        tally.seconds += seconds

    def _tally(self, method: str, path: str, status: int) -> Tally:
        if self.routes is None:
            self.routes = RouteLabels(route_table(self.app))
        label = method if method in self.METHODS else "other"
        labels = (label, self.routes.of("GET" if label == "HEAD" else label, path), str(status))
        tally = self._tallies.get(labels)
        if tally is None:
            tally = self._tallies[labels] = Tally()
        if len(self._by_path) >= 4096:
            self._by_path.clear()
        self._by_path[(method, path, status)] = tally
        return tally

    def snapshot(self) -> list[tuple[list[str], float, list[int]]]:
        """Each label set's total time and bucket counts, as they stand. Requests are counted on the
        event loop and scraped from a thread: each step here copies in one go what it reads."""
        return [(list(labels), t.seconds, list(t.buckets)) for labels, t in list(self._tallies.items())]


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
    body = await anyio.to_thread.run_sync(generate_latest, metrics.registry)
    return Response(body, media_type=CONTENT_TYPE_LATEST)


def install(app: FastAPI) -> None:
    """Metrics and request ids on APP, around everything but the response cache."""
    from app.observability import RequestIdMiddleware

    app.state.metrics = Metrics(app)
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics)
    app.add_middleware(RequestIdMiddleware)
    app.include_router(router)
