"""Errors the services raise; routes turn them into form messages or `{"detail": ...}` replies."""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    """Base class: a request the services refuse, with a message fit to show the user."""


class NotFound(ServiceError):
    pass


class InvalidInput(ServiceError):
    """Input that passed the schema but not the domain's rules; `errors` have a `loc` path each."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors))


class VersionConflict(ServiceError):
    """The stance changed since the writer read it."""

    def __init__(self, expected: int | None, current: int) -> None:
        self.expected = expected
        self.current = current
        super().__init__(f"stance is at version {current}, not {expected}")
