"""The append-only change log: canonical serialisation, the hash chain, and appending under a lock.

Hashes are taken over a canonical JSON form (sorted keys, no whitespace, UTC times with
microseconds, no floats) so that a log exported from one database and loaded into another
hashes the same.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import ChainHead, Change, Source
from app.observability import current_request_id

GENESIS_HASH = "0" * 64


def _canonical_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime in a change record")
        return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        # Fixed precision: the log never needs more, and repr() differs between platforms.
        return f"{value:.6f}"
    if isinstance(value, dict):
        return {str(k): _canonical_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical_value(v) for v in value]
    return value


def canonical_json(value: Any) -> str:
    """The one serialisation the chain is hashed over."""
    return json.dumps(
        _canonical_value(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )


def change_payload(change: Change) -> dict[str, Any]:
    """The fields of a change that its hash covers."""
    return {
        "changed_at": change.changed_at,
        "entity": change.entity,
        "proposal_id": change.proposal_id,
        "country_code": change.country_code,
        "stance_id": change.stance_id,
        "factor_id": change.factor_id,
        "actor": change.actor,
        "via": change.via,
        "before": change.before,
        "after": change.after,
        "source_id": change.source_id,
        "reason": change.reason,
        "prev_hash": change.prev_hash,
    }


def compute_hash(change: Change) -> str:
    return hashlib.sha256(canonical_json(change_payload(change)).encode("utf-8")).hexdigest()


def lock_chain_head(session: Session) -> ChainHead:
    """Lock the head row (FOR UPDATE on PostgreSQL; SQLite writes already hold the write lock)."""
    connection = session.connection()
    if connection.dialect.name == "sqlite" and not connection.get_execution_options().get("sqlite_write"):
        # A deferred SQLite transaction could fail to upgrade to a write lock mid-way.
        raise RuntimeError("writes must use Database.write_session() (BEGIN IMMEDIATE on SQLite)")
    head = session.scalars(select(ChainHead).where(ChainHead.id == 1).with_for_update()).one_or_none()
    if head is None:
        head = ChainHead(id=1, last_change_id=None, last_hash=GENESIS_HASH)
        session.add(head)
        session.flush()
    return head


def effective_on(change: Change, published_on: dt.date | None) -> dt.date:
    """The day a change speaks for (the as-of rule, app/services/board.py): the day the country stated
    it (for a proposal's facts, the day they were stated); else PUBLISHED_ON, the publication date of
    the source it cites; else the day it was recorded (UTC). A factor's first record may carry the day
    its state was stated too. A stance change that only carries a factor's new state to its
    conditions speaks for the day of that state (`carried_on`) when it is later than the day the
    country stated its position."""
    after = change.after or {}
    return spoken_for(snapshot_day(after.get("stated_on")), snapshot_day(after.get("carried_on")), published_on,
                      change.changed_at.astimezone(dt.timezone.utc).date())


def spoken_for(stated_on: dt.date | None, carried_on: dt.date | None, published_on: dt.date | None,
               recorded_on: dt.date) -> dt.date:
    """The as-of rule's day, written once (`effective_on` reads it from a change; a write works it
    out before its change exists): CARRIED_ON when later than STATED_ON, else STATED_ON, else the
    source's PUBLISHED_ON, else RECORDED_ON."""
    if carried_on is not None and (stated_on is None or carried_on > stated_on):
        return carried_on
    return stated_on or published_on or recorded_on


def snapshot_day(value: Any) -> dt.date | None:
    """A day as a snapshot records it (YYYY-MM-DD), or None for none (or for a value of another kind)."""
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def recorded_version(session: Session, entity: str, owner: Any, version: int | None) -> dict[str, Any] | None:
    """What version VERSION of a stance, factor or proposal's facts (ENTITY) recorded, the `after` of
    the change that made it; OWNER is the change column naming the thing and its id (e.g.
    `Change.stance_id == 3`). None when the log holds no such version (or VERSION is none). An edit
    form names the version it was opened on: this is what the editor started from."""
    if not version:
        return None
    return session.scalars(
        select(Change.after).where(owner, Change.entity == entity, Change.after["version"].as_integer() == version)
        .order_by(Change.id.desc()).limit(1)).first()


def published_on(session: Session, source_id: int | None) -> dt.date | None:
    """The publication date of source SOURCE_ID (None when it has none, or for no source)."""
    if source_id is None:
        return None
    return session.scalars(select(Source.published_on).where(Source.id == source_id)).one_or_none()


def append_change(session: Session, change: Change) -> Change:
    """Link CHANGE to the head of the chain, hash it, and add it in the caller's transaction."""
    head = lock_chain_head(session)
    change.prev_hash = head.last_hash
    change.hash = compute_hash(change)
    change.effective_on = effective_on(change, published_on(session, change.source_id))
    if change.request_id is None:
        change.request_id = current_request_id()
    session.add(change)
    session.flush()
    head.last_change_id = change.id
    head.last_hash = change.hash
    return change


@dataclass
class ChainReport:
    ok: bool
    checked: int
    head_hash: str
    broken_change_id: int | None = None
    problem: str | None = None


def verify_chain(session: Session, batch_size: int = 2000) -> ChainReport:
    """Walk the log in id order; report the first change whose link or hash does not hold."""
    expected_prev = GENESIS_HASH
    published = dict(session.execute(select(Source.id, Source.published_on)).tuples().all())
    checked = 0
    last_id = 0
    while True:
        batch = session.scalars(
            select(Change).where(Change.id > last_id).order_by(Change.id).limit(batch_size)
        ).all()
        if not batch:
            break
        for change in batch:
            if change.prev_hash != expected_prev:
                return ChainReport(False, checked, expected_prev, change.id, "previous-hash link broken")
            if compute_hash(change) != change.hash:
                return ChainReport(False, checked, expected_prev, change.id, "content does not match its hash")
            if change.effective_on != effective_on(change, published.get(change.source_id)):
                return ChainReport(False, checked, expected_prev, change.id, "effective date does not match the record")
            expected_prev = change.hash
            checked += 1
            last_id = change.id
        session.expunge_all()
    head = session.get(ChainHead, 1)
    if head is not None and head.last_hash != expected_prev:
        return ChainReport(False, checked, expected_prev, head.last_change_id, "chain head does not match the last change")
    return ChainReport(True, checked, expected_prev)


@dataclass(frozen=True)
class Head:
    """The head of the chain: the hash of its latest change, and that change's id (0 before the first)."""

    change_id: int
    hash: str


def read_head(session: Session) -> Head:
    """Today's head, as feeds and the changes API publish it for readers to keep."""
    head = session.get(ChainHead, 1)
    if head is None:
        return Head(0, GENESIS_HASH)
    return Head(head.last_change_id or 0, head.last_hash)


HASH_FORMAT = re.compile(r"[0-9a-f]{64}")


@dataclass
class PinnedHeadReport:
    """Whether a head seen earlier (PINNED, optionally said to be change AT) is still part of today's chain."""

    pinned: str
    at: int | None
    found_id: int | None  # the change whose hash is PINNED today (0: the start of the chain); None: no such change
    at_hash: str | None  # today's hash of change AT; None when AT was not given or no longer exists
    after_at: bool  # whether any change after AT exists today
    head: Head
    chain: ChainReport

    @property
    def ok(self) -> bool:
        return self.found_id is not None and self.chain.ok and self.at in (None, self.found_id)


def verify_pinned_head(session: Session, pinned: str, at: int | None = None) -> PinnedHeadReport:
    """Check that PINNED, a head published earlier, is the hash of a change in today's chain and
    that the whole chain, through that change and on to today's head, still verifies.

    A change's hash covers the one before it, so whoever rewrites a change and recomputes the hashes
    after it gives every later change a new hash: a head pinned after the rewritten change is then
    the hash of no change at all. With AT, the change the pinned head was published as, the report
    also tells a rewrite (change AT is there with another hash) from a truncation (it is gone)."""
    if not HASH_FORMAT.fullmatch(pinned):
        raise ValueError("a head is the 64 lowercase hexadecimal characters of a change's hash")
    if pinned == GENESIS_HASH:
        found_id: int | None = 0
    else:
        found_id = session.scalars(select(Change.id).where(Change.hash == pinned)).one_or_none()
    at_hash, after_at = None, False
    if at is not None:
        at_hash = session.scalars(select(Change.hash).where(Change.id == at)).one_or_none()
        after_at = session.scalars(select(func.count()).select_from(Change).where(Change.id > at)).one() > 0
    head = read_head(session)
    chain = verify_chain(session)
    return PinnedHeadReport(pinned, at, found_id, at_hash, after_at, head, chain)
