"""The domain as typed SQLAlchemy models: proposals, countries, stances, conditions, factors,
sources, citations and the append-only, hash-chained change log."""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, UTCDateTime, utcnow

from app.vocabulary import CONDITION_CATEGORIES, RESOLUTION_STATES, STATES, STATUSES


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Proposal(Base):
    """A planned force, tracked country by country."""

    __tablename__ = "proposals"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[Optional[str]] = mapped_column(String(40))
    theatre: Mapped[str] = mapped_column(String(120))
    sponsor: Mapped[Optional[str]] = mapped_column(String(200))
    sponsor_country: Mapped[Optional[str]] = mapped_column(ForeignKey("countries.code"))
    target_troops: Mapped[Optional[int]] = mapped_column(Integer)
    target_troops_approximate: Mapped[bool] = mapped_column(default=False)
    target_police: Mapped[Optional[int]] = mapped_column(Integer)
    mandate_summary: Mapped[Optional[str]] = mapped_column(Text)
    resolution_state: Mapped[Optional[str]] = mapped_column(String(16))
    resolution_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    resolution_text: Mapped[Optional[str]] = mapped_column(Text)
    context_notes: Mapped[Optional[str]] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # The version of its facts (target, sponsor, resolution, mandate, context): each recorded write of
    # them adds one; 0 before the first.
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="1")

    factors: Mapped[list[Factor]] = relationship(
        back_populates="proposal", order_by="Factor.position", cascade="all, delete-orphan"
    )
    stances: Mapped[list[Stance]] = relationship(back_populates="proposal")
    citations: Mapped[list[Citation]] = relationship(
        back_populates="proposal", order_by="Citation.id"
    )
    sponsor_country_ref: Mapped[Optional[Country]] = relationship()

    __table_args__ = (
        CheckConstraint(
            "resolution_state IS NULL OR " + _in("resolution_state", RESOLUTION_STATES),
            name="resolution_state",
        ),
        CheckConstraint("target_troops IS NULL OR target_troops >= 0", name="target_troops"),
    )
    # Optimistic locking of its facts, as for stances: every UPDATE carries "AND version = <as read>".
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    def __repr__(self) -> str:
        return f"<Proposal {self.slug}>"


class Country(Base):
    """A country by its ISO 3166-1 alpha-3 code (plus the few codes ISO leaves to users, e.g. XKX)."""

    __tablename__ = "countries"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    alpha2: Mapped[str] = mapped_column(String(2))
    name: Mapped[str] = mapped_column(String(120))

    def __repr__(self) -> str:
        return f"<Country {self.code}>"


class Stance(Base):
    """What one country says about one proposal, now."""

    __tablename__ = "stances"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"))
    country_code: Mapped[str] = mapped_column(ForeignKey("countries.code"))
    status: Mapped[str] = mapped_column(String(16))
    offered_min: Mapped[Optional[int]] = mapped_column(Integer)
    offered_max: Mapped[Optional[int]] = mapped_column(Integer)
    committed: Mapped[Optional[int]] = mapped_column(Integer)
    deployed: Mapped[Optional[int]] = mapped_column(Integer)
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    summary: Mapped[Optional[str]] = mapped_column(Text)
    stated_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    # What a report that disagrees with this position says (in our words; its quotes are the
    # citations for the fact "dispute"). Set, the board marks the row as disputed.
    dispute: Mapped[Optional[str]] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    proposal: Mapped[Proposal] = relationship(back_populates="stances")
    country: Mapped[Country] = relationship(lazy="joined")
    conditions: Mapped[list[Condition]] = relationship(
        back_populates="stance", order_by="Condition.position", cascade="all, delete-orphan"
    )
    citations: Mapped[list[Citation]] = relationship(
        back_populates="stance", order_by="Citation.id", cascade="all, delete-orphan"
    )

    __table_args__ = (
        UniqueConstraint("proposal_id", "country_code"),
        CheckConstraint(_in("status", STATUSES), name="status"),
        CheckConstraint("offered_min IS NULL OR offered_min >= 0", name="offered_min"),
        CheckConstraint(
            "offered_max IS NULL OR offered_min IS NULL OR offered_max >= offered_min",
            name="offered_range",
        ),
        CheckConstraint("committed IS NULL OR committed >= 0", name="committed"),
        CheckConstraint("deployed IS NULL OR deployed >= 0", name="deployed"),
        CheckConstraint("version >= 0", name="version"),
    )
    # Optimistic locking in the database: every UPDATE carries "AND version = <as read>".
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    def __repr__(self) -> str:
        return f"<Stance {self.country_code} {self.status} v{self.version}>"


class Factor(Base):
    """A proposal-wide fact that many conditions hang on (ceasefire, UN mandate ...)."""

    __tablename__ = "factors"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"))
    slug: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(8))
    note: Mapped[Optional[str]] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    proposal: Mapped[Proposal] = relationship(back_populates="factors")
    citations: Mapped[list[Citation]] = relationship(
        back_populates="factor", order_by="Citation.id", cascade="all, delete-orphan"
    )

    __table_args__ = (
        UniqueConstraint("proposal_id", "slug"),
        CheckConstraint(_in("state", STATES), name="state"),
    )
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    def __repr__(self) -> str:
        return f"<Factor {self.slug} {self.state}>"


class Condition(Base):
    """Something a country says must hold before it takes part."""

    __tablename__ = "conditions"

    id: Mapped[int] = mapped_column(primary_key=True)
    stance_id: Mapped[int] = mapped_column(ForeignKey("stances.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(24))
    state: Mapped[str] = mapped_column(String(8))
    factor_id: Mapped[Optional[int]] = mapped_column(ForeignKey("factors.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    stance: Mapped[Stance] = relationship(back_populates="conditions")
    factor: Mapped[Optional[Factor]] = relationship(lazy="joined")
    citations: Mapped[list[Citation]] = relationship(
        back_populates="condition", order_by="Citation.id", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint(_in("category", CONDITION_CATEGORIES), name="category"),
        CheckConstraint(_in("state", STATES), name="state"),
        # An id names a condition in the history, in links and in forms: never handed out twice
        # (PostgreSQL's sequences never do; SQLite needs AUTOINCREMENT).
        {"sqlite_autoincrement": True},
    )

    def __repr__(self) -> str:
        return f"<Condition {self.category} {self.state}>"


class Source(Base):
    """An article or statement that facts rest on. Unknown metadata stays NULL, never invented."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    # True when the title was written by us to describe an untitled source.
    title_is_descriptive: Mapped[bool] = mapped_column(default=False)
    publisher: Mapped[Optional[str]] = mapped_column(String(200))
    url: Mapped[Optional[str]] = mapped_column(String(2000))
    published_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    retrieved_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    note: Mapped[Optional[str]] = mapped_column(Text)
    # Deferred: citations load their source on every board, and the full text is only for its page.
    text: Mapped[Optional[str]] = mapped_column(Text, deferred=True)
    text_sha256: Mapped[Optional[str]] = mapped_column(String(64), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    citations: Mapped[list[Citation]] = relationship(back_populates="source", order_by="Citation.id")

    def __repr__(self) -> str:
        return f"<Source {self.id} {self.title[:30]!r}>"


class Citation(Base):
    """An exact quote from a source, supporting one stance, condition, factor or proposal fact."""

    __tablename__ = "citations"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    quote: Mapped[str] = mapped_column(Text)
    # Which fact of the target the quote supports, e.g. "status", "summary", "target_troops".
    field: Mapped[Optional[str]] = mapped_column(String(40))
    proposal_id: Mapped[Optional[int]] = mapped_column(ForeignKey("proposals.id"), index=True)
    stance_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("stances.id", ondelete="CASCADE"), index=True
    )
    condition_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("conditions.id", ondelete="CASCADE"), index=True
    )
    factor_id: Mapped[Optional[int]] = mapped_column(ForeignKey("factors.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    source: Mapped[Source] = relationship(back_populates="citations", lazy="joined")
    proposal: Mapped[Optional[Proposal]] = relationship(back_populates="citations")
    stance: Mapped[Optional[Stance]] = relationship(back_populates="citations")
    condition: Mapped[Optional[Condition]] = relationship(back_populates="citations")
    factor: Mapped[Optional[Factor]] = relationship(back_populates="citations")

    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN proposal_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN stance_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN condition_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN factor_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_target",
        ),
    )

    def __repr__(self) -> str:
        return f"<Citation {self.id} source={self.source_id}>"


# What a change is a write to, and what made it ("migration": the first record of a proposal's facts,
# made by the upgrade that gave them a history).
CHANGE_ENTITIES = ("stance", "factor", "proposal")
CHANGE_VIAS = ("seed", "form", "api", "import", "cli", "migration")


class Change(Base):
    """One write to a stance, a factor or a proposal's own facts: before and after, who, why, on whose
    word; hash-chained."""

    __tablename__ = "changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    entity: Mapped[str] = mapped_column(String(16))
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"))
    country_code: Mapped[Optional[str]] = mapped_column(ForeignKey("countries.code"))
    stance_id: Mapped[Optional[int]] = mapped_column(ForeignKey("stances.id"))
    factor_id: Mapped[Optional[int]] = mapped_column(ForeignKey("factors.id"))
    actor: Mapped[str] = mapped_column(String(120))
    via: Mapped[str] = mapped_column(String(16))
    before: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    after: Mapped[dict[str, Any]] = mapped_column(JSON)
    source_id: Mapped[Optional[int]] = mapped_column(ForeignKey("sources.id"))
    reason: Mapped[Optional[str]] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The day the change speaks for: the stated_on of a stance or of a proposal's facts, else the
    # publication date of its source, else the day it was recorded.
    # Derived from hashed fields (verify checks it); kept as a column so "as of" is an index seek.
    effective_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    # The request that made it, to find its log lines; not hashed (it says how, not what).
    request_id: Mapped[Optional[str]] = mapped_column(String(64))

    country: Mapped[Optional[Country]] = relationship(lazy="joined")
    source: Mapped[Optional[Source]] = relationship()
    proposal: Mapped[Proposal] = relationship()

    __table_args__ = (
        CheckConstraint(_in("entity", CHANGE_ENTITIES), name="entity"),
        CheckConstraint(_in("via", CHANGE_VIAS), name="via"),
        Index("ix_changes_stance_id_id", "stance_id", "id"),
        Index("ix_changes_proposal_id_id", "proposal_id", "id"),
        Index("ix_changes_changed_at", "changed_at"),
        Index("ix_changes_stance_id_effective_on_id", "stance_id", "effective_on", "id"),
        Index("ix_changes_factor_id_effective_on_id", "factor_id", "effective_on", "id"),
        Index("ix_changes_proposal_id_entity_effective_on_id", "proposal_id", "entity", "effective_on", "id"),
    )

    def __repr__(self) -> str:
        return f"<Change {self.id} {self.entity} {self.country_code or self.factor_id}>"


class ChainHead(Base):
    """The single row that every append locks, so concurrent writers cannot fork the chain."""

    __tablename__ = "chain_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_change_id: Mapped[Optional[int]] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    def __repr__(self) -> str:
        return f"<ChainHead {self.last_change_id}>"


ROLES_OF_USERS = ("editor", "admin")
TOKEN_SCOPES = ("read", "write")


class User(Base):
    """An editor or admin. There is no default account: the first is made with `isf-tracker user add`."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(8))
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    disabled_at: Mapped[Optional[dt.datetime]] = mapped_column(UTCDateTime())

    __table_args__ = (CheckConstraint(_in("role", ROLES_OF_USERS), name="role"),)

    def __repr__(self) -> str:
        return f"<User {self.name} {self.role}>"


class ApiToken(Base):
    """A bearer token for the API; only its SHA-256 is stored (the token itself is random)."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    scope: Mapped[str] = mapped_column(String(8))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[Optional[dt.datetime]] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship(lazy="joined")

    __table_args__ = (CheckConstraint(_in("scope", TOKEN_SCOPES), name="scope"),)

    def __repr__(self) -> str:
        return f"<ApiToken {self.prefix}… {self.scope}>"


class WebSession(Base):
    """A signed-in browser. The cookie holds a random id; the table holds its SHA-256."""

    __tablename__ = "web_sessions"

    id_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)

    user: Mapped[User] = relationship(lazy="joined")

    def __repr__(self) -> str:
        return f"<WebSession user={self.user_id}>"


class LoginAttempt(Base):
    """One sign-in attempt, kept to throttle guessing per address and per user name."""

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    attempted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    ip: Mapped[str] = mapped_column(String(64))
    username: Mapped[str] = mapped_column(String(64))
    succeeded: Mapped[bool] = mapped_column(default=False)

    __table_args__ = (
        Index("ix_login_attempts_ip_attempted_at", "ip", "attempted_at"),
        Index("ix_login_attempts_username_attempted_at", "username", "attempted_at"),
    )

    def __repr__(self) -> str:
        return f"<LoginAttempt {self.username}@{self.ip} ok={self.succeeded}>"


class Import(Base):
    """An article read for stances: its suggestions, and the stance versions they were read against."""

    __tablename__ = "imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"))
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(120))
    via: Mapped[str] = mapped_column(String(16))
    # Each suggestion as extracted, plus "base_version": the stance's version when it was read (0: none).
    suggestions: Mapped[list[dict[str, Any]]] = mapped_column(JSON)

    source: Mapped[Source] = relationship()
    proposal: Mapped[Proposal] = relationship()
    decisions: Mapped[list[ImportDecision]] = relationship(back_populates="import_", order_by="ImportDecision.id")

    def __repr__(self) -> str:
        return f"<Import {self.id} source={self.source_id}>"


class ImportDecision(Base):
    """Who accepted or rejected which suggestion of an import, when, and what came of it."""

    __tablename__ = "import_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("imports.id"), index=True)
    country_code: Mapped[str] = mapped_column(String(3))
    decision: Mapped[str] = mapped_column(String(10))
    outcome: Mapped[str] = mapped_column(String(10))
    decided_by: Mapped[str] = mapped_column(String(120))
    decided_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    change_id: Mapped[Optional[int]] = mapped_column(ForeignKey("changes.id"))
    detail: Mapped[Optional[str]] = mapped_column(Text)
    # An accept that was applied (or found nothing to change): the stance as written, as the change
    # log records it (stance_snapshot, with its version). None for rejections and conflicts.
    applied: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)

    import_: Mapped[Import] = relationship(back_populates="decisions")

    __table_args__ = (
        CheckConstraint("decision IN ('accepted', 'rejected')", name="decision"),
        CheckConstraint("outcome IN ('applied', 'unchanged', 'conflict', 'rejected')", name="outcome"),
    )

    def __repr__(self) -> str:
        return f"<ImportDecision {self.country_code} {self.decision} {self.outcome}>"
