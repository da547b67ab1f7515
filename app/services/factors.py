"""Writes to factors, recorded in the same change log as stances."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import utcnow
from app.models import Change, Citation, Factor, Proposal
from app.services.changes import append_change, lock_chain_head


def factor_snapshot(factor: Factor) -> dict[str, Any]:
    return {
        "slug": factor.slug,
        "name": factor.name,
        "state": factor.state,
        "note": factor.note,
        "citations": [{"source_id": c.source_id, "quote": c.quote} for c in factor.citations],
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
    now: dt.datetime | None = None,
) -> Factor:
    """Add a factor to PROPOSAL with its supporting quotes, recording the change."""
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
            after=factor_snapshot(factor),
            source_id=citations[0][0] if citations else None,
            reason=reason,
        ),
    )
    return factor
