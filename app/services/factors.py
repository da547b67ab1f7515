"""Writes to factors, recorded in the same change log as stances."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db import utcnow
from app.models import Change, Citation, Factor, Proposal
from app.schemas import CitationIn
from app.services.board import counting, read_board
from app.services.changes import append_change, lock_chain_head, published_on, recorded_version, spoken_for
from app.services.errors import InvalidInput, VersionConflict
from app.services.stances import check_citation


def factor_version(session: Session, factor: Factor, version: int | None) -> dict[str, Any] | None:
    """FACTOR as its version VERSION recorded it (what an edit form was opened on), or None."""
    return recorded_version(session, "factor", Change.factor_id == factor.id, version)


def factor_at(session: Session, factor: Factor, day: dt.date) -> dict[str, Any] | None:
    """FACTOR as the board of DAY shows it (the change that counts for DAY, by the as-of rule), as its
    snapshot; None when nothing was recorded of it by then."""
    return session.scalars(counting(select(Change.after).where(Change.factor_id == factor.id), day)).first()


def shown_factor(session: Session, factor: Factor) -> dict[str, Any]:
    """FACTOR as today's board shows it: where an edit starts. The factor row holds the latest
    recorded, which may speak for an earlier day."""
    return factor_at(session, factor, utcnow().date()) or factor_snapshot(factor)


def factor_day(session: Session, citation: CitationIn, now: dt.datetime | None = None) -> dt.date:
    """The day a change to a factor citing CITATION speaks for: its source's publication date, else
    the day it is recorded."""
    return spoken_for(None, None, published_on(session, citation.source_id), (now or utcnow()).date())


def factor_snapshot(factor: Factor) -> dict[str, Any]:
    return {
        "slug": factor.slug,
        "name": factor.name,
        "state": factor.state,
        "note": factor.note,
        "citations": [{"source_id": c.source_id, "quote": c.quote} for c in factor.citations],
        "version": factor.version,
    }


def create_factor(
    session: Session,
    *,
    proposal: Proposal,
    slug: str,
    name: str,
    state: str,
    note: str | None,
    citations: list[tuple[int, str]],
    position: int,
    actor: str,
    via: str,
    reason: str | None = None,
    stated_on: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Factor:
    """Add a factor to PROPOSAL with its supporting quotes, recording the change. STATED_ON, when
    given, is the day its state was stated (its change speaks for that day, not its source's)."""
    lock_chain_head(session)
    existing = session.scalars(
        select(Factor).where(Factor.proposal_id == proposal.id, Factor.slug == slug)
    ).one_or_none()
    if existing is not None:
        return existing
    now = now or utcnow()
    factor = Factor(
        proposal=proposal, slug=slug, name=name, state=state, note=note, position=position, updated_at=now
    )
    factor.citations = [Citation(source_id=sid, quote=quote) for sid, quote in citations]
    session.add(factor)
    session.flush()
    append_change(
        session,
        Change(
            changed_at=now,
            entity="factor",
            proposal_id=proposal.id,
            country_code=None,
            stance_id=None,
            factor_id=factor.id,
            actor=actor,
            via=via,
            before=None,
            after={**factor_snapshot(factor), **({"stated_on": stated_on.isoformat()} if stated_on else {})},
            source_id=citations[0][0] if citations else None,
            reason=reason,
        ),
    )
    return factor


def set_factor(
    session: Session,
    *,
    proposal: Proposal,
    slug: str,
    state: str,
    note: str | None,
    citation: CitationIn,
    actor: str,
    via: str,
    reason: str | None,
    expected_version: int | None = None,
) -> tuple[Factor, list[str]]:
    """Change a factor's state (and note), recording the change. Gives the factor and the names of the
    countries whose conditions on today's board hang on it and now read its new state (none when a
    statement for a later day keeps today's state as it was)."""
    lock_chain_head(session)
    factor = session.scalars(
        select(Factor).where(Factor.proposal_id == proposal.id, Factor.slug == slug)
    ).one_or_none()
    if factor is None:
        raise InvalidInput([{"loc": ["factor"], "msg": f"no factor {slug!r} on this proposal"}])
    if expected_version is not None and factor.version != expected_version:
        raise VersionConflict(expected_version, factor.version)
    if state not in ("met", "unmet", "unknown"):
        raise InvalidInput([{"loc": ["state"], "msg": "state must be met, unmet or unknown"}])
    errors: list[dict[str, Any]] = []
    check_citation(session, citation, ["citation"], errors)
    if errors:
        raise InvalidInput(errors)

    now = utcnow()
    # The factor's state that counted for this change's day until now: what the change is told against,
    # its quotes included. A state stated for an earlier day than the one shown today changes the boards
    # of the days between, not today's, nor any condition's record of today.
    day = factor_day(session, citation, now)
    before = factor_at(session, factor, day)
    later = session.scalar(select(Change.id).where(Change.factor_id == factor.id, Change.effective_on > day).limit(1))
    was = before or {"state": None, "note": None}
    # A quote belongs to the state it was recorded for: a new state's word replaces the old state's
    # (kept in the history); the same state gains the quote, once.
    was_quotes = [(q["source_id"], q["quote"]) for q in (before or {}).get("citations") or []]
    given = (citation.source_id, citation.quote)
    quotes = [given] if was["state"] != state else was_quotes + ([given] if given not in was_quotes else [])
    if before is not None and (state, note or None, quotes) == (was["state"], was.get("note"), was_quotes):
        return factor, []  # nothing a reader could see changes
    factor.citations = [Citation(source_id=sid, quote=quote) for sid, quote in quotes]
    factor.state = state
    factor.note = note or None
    factor.version += 1
    factor.updated_at = now
    try:
        session.flush()
    except StaleDataError as exc:
        raise VersionConflict(expected_version, factor.version - 1) from exc
    append_change(
        session,
        Change(
            changed_at=now, entity="factor", proposal_id=proposal.id, country_code=None, stance_id=None,
            factor_id=factor.id, actor=actor, via=via, before=before, after=factor_snapshot(factor),
            source_id=citation.source_id, reason=reason,
        ),
    )

    if later is not None:
        return factor, []  # today's state is a later statement's: today's board is as it was
    # Nothing is written to the stances: a condition that hangs on a factor is in the factor's state of
    # the board's day wherever it is read (the read model), so a country's statements stay its own.
    shown = read_board(session, proposal.slug)
    return factor, [s.country.name for s in shown.everyone if any(c.factor_slug == slug for c in s.conditions)]
