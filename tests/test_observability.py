"""Request ids in replies, JSON log lines and change rows; Prometheus metrics by route template."""

from __future__ import annotations

import io
import json
import logging
import re
import shutil
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from app.models import Change
from app.observability import JsonFormatter, accepted_request_id
from tests.conftest import PASSWORD, add_token, add_user
from tests.live import cli, live_server, metric_sample
from tests.test_api_writes import BODY, URL


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "live.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.mark.parametrize("given, kept", [
    (b"edit-aze-42", True), (b"0af7651916cd43dd8448eb211c80319c", True), (b"a" * 64, True),
    (b"a" * 65, False), (b"two words", False), (b"line\nbreak", False), ("caf\u00e9".encode(), False),
    (b"", False), (None, False), (b"x\";{}", False),
])
def test_only_short_plain_request_ids_are_kept(given, kept):
    made = accepted_request_id(given)
    assert (made == (given or b"").decode("utf-8", "replace")) is kept
    assert re.fullmatch(r"[A-Za-z0-9._:-]{1,64}", made)


def test_every_reply_carries_a_request_id_given_or_made(client):
    assert client.get("/healthz", headers={"X-Request-ID": "probe-1"}).headers["x-request-id"] == "probe-1"
    made = client.get("/", headers={"X-Request-ID": "bad id"}).headers["x-request-id"]
    assert made != "bad id" and re.fullmatch(r"[0-9a-f]{32}", made)
    assert client.get("/no-such-page").headers["x-request-id"] != made  # each request its own


def test_json_log_lines_carry_the_request_id(client):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("isf.audit")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        assert client.post("/logout", headers={"X-Request-ID": "refused-7"}, data={}).status_code == 403
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    line = json.loads(stream.getvalue().splitlines()[0])
    assert set(line) == {"time", "level", "logger", "message", "request_id"}
    assert (line["logger"], line["level"], line["request_id"]) == ("isf.audit", "WARNING", "refused-7")
    assert line["message"].startswith("refused: POST /logout")


@pytest.mark.slow
def test_a_stance_edit_and_its_change_row_share_the_request_id_in_the_server_log(sqlite_url, tmp_path):
    env = {"DATABASE_URL": sqlite_url}
    cli("user", "add", "newsroom", env=env, input=PASSWORD + "\n")
    token = cli("token", "create", "newsroom", "--scope", "write", env=env).stdout.strip().splitlines()[-1]
    log = tmp_path / "server.log"
    with live_server(env, log=log) as base:
        etag = httpx.get(f"{base}{URL}/AZE").headers["etag"]
        reply = httpx.put(f"{base}{URL}/AZE", json=BODY, headers={
            "Authorization": f"Bearer {token}", "If-Match": etag, "X-Request-ID": "edit-aze-42"})
        assert reply.status_code == 200, reply.text
        assert reply.headers["x-request-id"] == "edit-aze-42"
        entries = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    written = [e for e in entries if e["logger"] == "isf.audit" and e["message"].startswith("stance written via api")]
    assert len(written) == 1 and written[0]["request_id"] == "edit-aze-42", entries
    assert token not in log.read_text() and PASSWORD not in log.read_text()
    engine = create_engine(sqlite_url)
    try:
        with Session(engine) as s:
            change = s.scalars(select(Change).order_by(Change.id.desc())).first()
            assert change.country_code == "AZE" and change.request_id == "edit-aze-42"
    finally:
        engine.dispose()


def test_request_id_is_kept_off_the_hash_so_the_chain_still_verifies(client, database, session):
    from app.services.changes import verify_chain

    add_user(database, "newsroom", "editor")
    client.headers["Authorization"] = f"Bearer {add_token(database, 'newsroom', 'write')}"
    etag = client.get(f"{URL}/AZE").headers["etag"]
    assert client.put(f"{URL}/AZE", json=BODY, headers={"If-Match": etag, "X-Request-ID": "r-1"}).status_code == 200
    change = session.scalars(select(Change).order_by(Change.id.desc())).first()
    assert change.request_id == "r-1"
    change.request_id = "rewritten"  # an operator may clear or change it without breaking the chain
    session.flush()
    assert verify_chain(session).ok
    session.rollback()


def test_metrics_count_requests_by_route_template_and_stances_by_status(client, database):
    for _ in range(3):
        assert client.get("/proposals/gaza-isf/countries/AZE").status_code == 200
    client.get("/proposals/gaza-isf/countries/EGY")
    client.get("/nowhere/at/all")
    reply = client.get("/metrics")
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/plain")
    text = reply.text
    route = "/proposals/{slug}/countries/{iso3}"
    assert metric_sample(text, "isf_http_requests_total", method="GET", route=route, status="200") == 4
    assert metric_sample(text, "isf_http_request_duration_seconds_count", method="GET", route=route, status="200") == 4
    assert metric_sample(text, "isf_http_requests_total", method="GET", route="unmatched", status="404") == 1
    assert "AZE" not in text and "/nowhere" not in text  # raw paths never become labels
    assert metric_sample(text, "isf_stances", proposal="gaza-isf", status="conditional") == 1
    assert metric_sample(text, "isf_stances", proposal="gaza-isf", status="considering") == 5
    assert metric_sample(text, "isf_stances", proposal="gaza-isf", status="committed") == 0

    add_user(database, "newsroom", "editor")
    headers = {"Authorization": f"Bearer {add_token(database, 'newsroom', 'write')}"}
    etag = client.get(f"{URL}/AZE").headers["etag"]
    assert client.put(f"{URL}/AZE", json=BODY, headers={**headers, "If-Match": etag}).status_code == 200
    text = client.get("/metrics").text
    assert metric_sample(text, "isf_stances", proposal="gaza-isf", status="conditional") == 0
    assert metric_sample(text, "isf_stances", proposal="gaza-isf", status="committed") == 1
    # A statement for a day before Qatar's latest is recorded but is not its position: the gauge
    # counts the board, as every page does.
    etag = client.get(f"{URL}/QAT").headers["etag"]
    assert client.put(f"{URL}/QAT", json={**BODY, "stated_on": "2025-10-01"},
                      headers={**headers, "If-Match": etag}).json()["current_position"] is False
    text = client.get("/metrics").text
    assert metric_sample(text, "isf_stances", proposal="gaza-isf", status="considering") == 5
    assert metric_sample(text, "isf_stances", proposal="gaza-isf", status="committed") == 1
    assert metric_sample(text, "isf_http_requests_total", method="PUT", route="/api/v1/proposals/{slug}/stances/{iso3}",
                   status="200") == 2


def test_request_latencies_fall_in_cumulative_buckets_that_agree_with_the_count(client):
    from prometheus_client import generate_latest

    metrics = client.app.state.metrics
    for seconds in (0.003, 0.2, 0.25, 20.0):
        metrics.observe("GET", "/proposals/gaza-isf", 200, seconds)
    text = generate_latest(metrics.registry).decode()
    labels = {"method": "GET", "route": "/proposals/{slug}", "status": "200"}
    bucket = "isf_http_request_duration_seconds_bucket"
    assert metric_sample(text, bucket, le="0.005", **labels) == 1
    assert metric_sample(text, bucket, le="0.1", **labels) == 1
    assert metric_sample(text, bucket, le="0.25", **labels) == 3  # a bound holds what equals it
    assert metric_sample(text, bucket, le="10.0", **labels) == 3
    assert metric_sample(text, bucket, le="+Inf", **labels) == 4
    assert metric_sample(text, "isf_http_requests_total", **labels) == 4
    assert metric_sample(text, "isf_http_request_duration_seconds_count", **labels) == 4
    assert metric_sample(text, "isf_http_request_duration_seconds_sum", **labels) == pytest.approx(20.453)


def test_metrics_stay_out_of_the_api_document(client):
    assert "/metrics" not in client.get("/openapi.json").json()["paths"]


def test_text_log_lines_for_a_terminal_name_the_request_too():
    from app.observability import TextFormatter, _request_id, log_config

    assert log_config("text")["formatters"]["default"]["()"].endswith("TextFormatter")
    assert log_config("json")["formatters"]["default"]["()"].endswith("JsonFormatter")
    record = logging.LogRecord("isf.audit", logging.INFO, __file__, 1, "login: user=%s", ("amira",), None)
    formatter = TextFormatter("%(levelname)s %(name)s: %(message)s")
    assert formatter.format(record) == "INFO isf.audit: login: user=amira"
    token = _request_id.set("req-9")
    try:
        assert formatter.format(record) == "INFO isf.audit: login: user=amira [request req-9]"
    finally:
        _request_id.reset(token)


def test_route_labels_match_the_router_route_by_route():
    """The joined pattern per method labels every request as trying each route in turn would."""
    from app.main import create_app
    from app.metrics import RouteLabels, route_table

    def route_template(table, method: str, path: str) -> str:
        for pattern, methods, template in table:
            if (methods is None or method in methods) and pattern.match(path):
                return template
        return "unmatched"

    table = route_table(create_app())
    labels = RouteLabels(table)
    paths = ["/", "/proposals/gaza-isf", "/proposals/gaza-isf/countries/AZE", "/proposals/gaza-isf/countries/new",
             "/proposals/gaza-isf/countries/AZE/edit", "/api/v1/proposals/gaza-isf/stances", "/api/v1/proposals",
             "/api/v1/proposals/gaza-isf/stances.csv", "/api/v1/proposals/gaza-isf/stances/AZE/history",
             "/static/css/app.css", "/static/vendor/x/y.js", "/changes.atom", "/sources/12", "/nowhere", "/metrics",
             "/imports/3/suggestions/ITA", "/api/v1/imports/3/apply", "/login", "/healthz"]
    checked = 0
    for method in ("GET", "POST", "PUT", "DELETE", "PATCH", "other"):
        for path in paths:
            assert labels.of(method, path) == route_template(table, method, path), (method, path)
            checked += labels.of(method, path) != "unmatched"
    assert checked > 20
