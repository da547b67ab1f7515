"""Settings read from the environment (and an optional `.env`), shared by the app, the CLI and Alembic."""

from __future__ import annotations

import re
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url

ROOT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT_DIR / "data"
# 32 characters of a random key is well over the 128 bits an HMAC-SHA256 key needs.
MIN_SECRET_KEY_LENGTH = 32


class ConfigError(RuntimeError):
    """A setting that makes it unsafe to start; the message says which one and why."""


class Settings(BaseSettings):
    """Every setting, with its default; the README lists them."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    env: Literal["development", "production"] = Field(default="development", validation_alias="ISF_ENV")
    database_url: str = Field(default="", validation_alias="DATABASE_URL")
    secret_key: str = Field(default="", validation_alias="SECRET_KEY")
    default_proposal: str = Field(default="gaza-isf", validation_alias="ISF_DEFAULT_PROPOSAL")
    sqlite_busy_timeout_ms: int = Field(default=5000, validation_alias="ISF_SQLITE_BUSY_TIMEOUT_MS")
    response_cache: bool = Field(default=True, validation_alias="ISF_RESPONSE_CACHE")
    # None: 2 on SQLite, 4 on PostgreSQL (see request_threads).
    threads: int | None = Field(default=None, ge=1, le=100, validation_alias="ISF_THREADS")
    # Requests that wait for one of those slots, and for how long, before a 503 (app/capacity.py).
    queue: int = Field(default=100, ge=0, le=100_000, validation_alias="ISF_QUEUE")
    queue_wait_seconds: float = Field(default=15.0, gt=0, le=600, validation_alias="ISF_QUEUE_WAIT")
    # The time a client has to send a request's body, read before it may wait for a slot.
    body_wait_seconds: float = Field(default=30.0, gt=0, le=600, validation_alias="ISF_BODY_WAIT")
    # Of the bodies being read, how many may come from one client address (app/capacity.py).
    bodies_per_client: int = Field(default=4, ge=1, le=100_000, validation_alias="ISF_BODIES_PER_CLIENT")
    # Imports a worker reads at once, in slots of their own (app/capacity.py).
    article_readers: int = Field(default=1, ge=1, le=16, validation_alias="ISF_ARTICLE_READERS")
    trusted_proxies: str = Field(default="", validation_alias="ISF_TRUSTED_PROXIES")
    log_format: Literal["json", "text"] = Field(default="json", validation_alias="ISF_LOG_FORMAT")
    # Absolute links (feeds, paging headers) are made from this, never from the request's Host.
    public_url: str = Field(default="http://127.0.0.1:8000", validation_alias="ISF_PUBLIC_URL")

    @field_validator("database_url")
    @classmethod
    def _default_sqlite(cls, value: str) -> str:
        return value or f"sqlite:///{(DATA_DIR / 'isf-tracker.db').as_posix()}"

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str) -> str:
        url = value.strip().rstrip("/")
        if not re.fullmatch(r"https?://(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?(?:/[A-Za-z0-9._~%/-]*)?", url):
            raise ValueError("ISF_PUBLIC_URL must be an http:// or https:// address, e.g. https://isf.example.org")
        return url

    def request_threads(self) -> int:
        """Requests a worker works on at once (each on a thread of its own), ISF_THREADS when set.

        On SQLite a request's work is all in the process and under the GIL (the database is read
        in place), so threads beyond two only take turns at the same core, and the turns cost:
        measured, two threads serve about 6% more past-day boards a second than four. On
        PostgreSQL a request also waits on the network, and more threads keep the core busy."""
        if self.threads is not None:
            return self.threads
        return 2 if make_url(self.database_url).get_backend_name() == "sqlite" else 4

    def proxy_addresses(self) -> list[str]:
        """The proxies whose X-Forwarded-* headers are believed (none by default)."""
        return [a.strip() for a in self.trusted_proxies.split(",") if a.strip()]

    def resolved_secret_key(self) -> str:
        """The configured key, or in development one generated once and kept under ./data/."""
        if self.env == "production":
            if not self.secret_key:
                raise ConfigError("SECRET_KEY must be set when ISF_ENV=production "
                                  f"(at least {MIN_SECRET_KEY_LENGTH} random characters)")
            if len(self.secret_key) < MIN_SECRET_KEY_LENGTH:
                raise ConfigError(f"SECRET_KEY is {len(self.secret_key)} characters long; ISF_ENV=production "
                                  f"needs at least {MIN_SECRET_KEY_LENGTH}")
        if self.secret_key:
            return self.secret_key
        key_file = DATA_DIR / "secret_key"
        if key_file.exists():
            return key_file.read_text().strip()
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        key_file.write_text(key)
        key_file.chmod(0o600)
        return key


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings (tests clear the cache after changing the environment)."""
    return Settings()
