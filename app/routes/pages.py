"""Public pages: the board, a country's stance, a source."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from app.config import get_settings
from app.deps import CountryPath, ProposalDep, SessionDep
from app.models import CONDITION_CATEGORIES, STATUSES, Change, Proposal
from app.services import board
from app.templating import CATEGORY_LABELS
from app.web import load_viewer, render

router = APIRouter(tags=["pages"], default_response_class=HTMLResponse, include_in_schema=False,
                   dependencies=[Depends(load_viewer)])


def _board(request: Request, session, proposal: Proposal, status: list[str], condition: str | None):
    errors = []
    bad = [s for s in status if s not in STATUSES]
    if bad:
        errors.append(f"Unknown status {', '.join(repr(b) for b in bad)}: choose from {', '.join(STATUSES)}.")
    if condition and condition not in CONDITION_CATEGORIES:
        errors.append(f"Unknown condition category {condition!r}: choose from {', '.join(CONDITION_CATEGORIES)}.")
        condition = None
    chosen = [s for s in status if s in STATUSES]
    everyone = board.list_stances(session, proposal)
    rows = board.list_stances(session, proposal, chosen, condition) if (chosen or condition) else everyone
    context = {
        "proposal": proposal,
        "rows": rows,
        "totals": board.totals(proposal, everyone),
        "chosen_statuses": chosen,
        "chosen_condition": condition,
        "filtered": bool(chosen or condition),
        "errors": errors,
        "statuses": STATUSES,
        "categories": CATEGORY_LABELS,
        "proposals": board.list_proposals(session),
        "cite": lambda field: board.proposal_citations(proposal, field),
    }
    return render(request, "board.html", context, status_code=400 if errors else 200)


StatusFilter = Annotated[list[str], Query(description="Show only these statuses (repeatable).")]
ConditionFilter = Annotated[str | None, Query(description="Show only countries with a condition of this category.")]


@router.get("/", summary="Board of the default proposal")
def home(request: Request, session: SessionDep, status: StatusFilter = [], condition: ConditionFilter = None):
    """The status board of the default proposal."""
    proposal = board.get_proposal(session, get_settings().default_proposal)
    return _board(request, session, proposal, status, condition or None)


@router.get("/proposals/{slug}", summary="Board of a proposal")
def proposal_board(
    request: Request, session: SessionDep, proposal: ProposalDep,
    status: StatusFilter = [], condition: ConditionFilter = None,
):
    """The status board of any proposal, filterable by status and condition category."""
    return _board(request, session, proposal, status, condition or None)


@router.get("/proposals/{slug}/countries/{iso3}", summary="A country's stance")
def country_page(request: Request, session: SessionDep, proposal: ProposalDep, iso3: CountryPath):
    """A country's stance on a proposal: conditions, quotes with their sources, and its changes."""
    stance = board.get_stance(session, proposal, iso3)
    changes = session.scalars(
        select(Change).where(Change.stance_id == stance.id).order_by(Change.id.desc())
    ).all()
    context = {"proposal": proposal, "stance": stance, "changes": changes}
    return render(request, "country.html", context)


@router.get("/sources/{source_id}", summary="A source")
def source_page(request: Request, session: SessionDep, source_id: Annotated[int, Path(ge=1, le=2**31 - 1)]):
    """A source's details and text, with every quote cited from it highlighted."""
    source = board.get_source(session, source_id)
    segments = board.highlight_quotes(source.text or "", [c.quote for c in source.citations])
    context = {"source": source, "segments": segments}
    return render(request, "source.html", context)
