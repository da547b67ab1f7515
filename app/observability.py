"""Request ids and structured logs: every request gets an id, every log line and change row carries it."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import logging
import re
import os
from contextvars import ContextVar

# A caller's id is kept only when it is short and plain, so it cannot forge log lines or bloat rows.
REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
REQUEST_ID_HEADER = b"x-request-id"

_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def current_request_id() -> str | None:
    """The id of the request being served, or None outside a request (CLI, seed)."""
    return _request_id.get()


def accepted_request_id(raw: bytes | None) -> str:
    """The caller's X-Request-ID when it is safe to keep, else a new one."""
    if raw:
        try:
            value = raw.decode("ascii")
        except UnicodeDecodeError:
            value = ""
        if REQUEST_ID_PATTERN.match(value):
            return value
    return f"{_ID_PREFIX}{next(_id_counter):012x}"


# A made id: 80 random bits chosen when the process starts, then a count: unique across workers and
# restarts without a system call per request (ids are for finding log lines, not secrets).
_ID_PREFIX = os.urandom(10).hex()
_id_counter = itertools.count(1)


class RequestIdMiddleware:
    """Take X-Request-ID or make one, keep it for the request's logs and writes, and echo it back."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = next((v for k, v in scope.get("headers", []) if k.lower() == REQUEST_ID_HEADER), None)
        request_id = accepted_request_id(raw)
        token = _request_id.set(request_id)

        async def send_with_id(message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != REQUEST_ID_HEADER]
                headers.append((REQUEST_ID_HEADER, request_id.encode("ascii")))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            _request_id.reset(token)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and the request id."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, dt.timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": current_request_id(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """Plain lines for a developer's terminal, with the request id when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        request_id = current_request_id()
        return f"{line} [request {request_id}]" if request_id else line


def log_config(log_format: str = "json") -> dict:
    """The logging set-up `isf-tracker serve` hands to uvicorn (applied in every worker)."""
    formatter = (
        {"()": "app.observability.JsonFormatter"} if log_format == "json"
        else {"()": "app.observability.TextFormatter", "fmt": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    )
    handler = {"class": "logging.StreamHandler", "formatter": "default", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": formatter},
        "handlers": {"default": handler},
        "loggers": {
            "uvicorn": {"handlers": ["default"], "level": "INFO", "propagate": False},
            "uvicorn.error": {"level": "INFO"},
            "uvicorn.access": {"handlers": ["default"], "level": "INFO", "propagate": False},
            "isf": {"handlers": ["default"], "level": "INFO", "propagate": False},
        },
    }
