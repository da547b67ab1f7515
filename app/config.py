"""Settings read from the environment (and an optional `.env`), shared by the app, the CLI and Alembic."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT_DIR / "data"


class Settings(BaseSettings):
    """Every setting, with its default; the README lists them."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    env: Literal["development", "production"] = Field(default="development", validation_alias="ISF_ENV")
    database_url: str = Field(default="", validation_alias="DATABASE_URL")
    secret_key: str = Field(default="", validation_alias="SECRET_KEY")
    default_proposal: str = Field(default="gaza-isf", validation_alias="ISF_DEFAULT_PROPOSAL")
    sqlite_busy_timeout_ms: int = Field(default=5000, validation_alias="ISF_SQLITE_BUSY_TIMEOUT_MS")
    response_cache: bool = Field(default=True, validation_alias="ISF_RESPONSE_CACHE")
    bench_reference: bool = Field(default=False, validation_alias="ISF_BENCH_REFERENCE")

    @field_validator("database_url")
    @classmethod
    def _default_sqlite(cls, value: str) -> str:
        return value or f"sqlite:///{(DATA_DIR / 'isf-tracker.db').as_posix()}"

    def resolved_secret_key(self) -> str:
        """The configured key, or in development one generated once and kept under ./data/."""
        if self.secret_key:
            return self.secret_key
        if self.env == "production":
            raise RuntimeError("SECRET_KEY must be set when ISF_ENV=production")
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
