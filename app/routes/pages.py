"""Public pages: the board (now or as of a day), a country's stance and timeline, a source."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from app import pieces  # noqa: F401  (the board's pieces, which its templates call)
from app.config import get_settings
from app.deps import CountryPath, ProposalDep, SessionDep, SlugPath
from app.models import CONDITION_CATEGORIES, STATUSES, Change
from app.services import board, history, projection, worldmap
from app.services.views import ProposalView
from app.templating import CATEGORY_LABELS, templates
from app.web import load_viewer, parse_day, render

router = APIRouter(tags=["pages"], default_response_class=HTMLResponse, include_in_schema=False,
                   dependencies=[Depends(load_viewer)])

StatusFilter = Annotated[list[str], Query(description="Show only these statuses (repeatable).")]
ConditionFilter = Annotated[str | None, Query(description="Show only countries with a condition of this category.")]
DayParam = Annotated[str | None, Query(max_length=20)]
AssumeParam = Annotated[list[str], Query(description="What-if: factor slugs to assume met (repeatable).")]


def _wants_whatif_only(request: Request) -> bool:
    """An htmx request from the what-if form; htmx restoring a page from history wants it whole."""
    return "hx-request" in request.headers and "hx-history-restore-request" not in request.headers


def _board(request: Request, session, proposal: ProposalView, status: list[str], condition: str | None,
           as_of_raw: str | None = None, known_at_raw: str | None = None, assume: list[str] | None = None):
    errors: list[str] = []
    bad = [s for s in status if s not in STATUSES]
    if bad:
        errors.append(f"Unknown status {', '.join(repr(b) for b in bad)}: choose from {', '.join(STATUSES)}.")
    if condition and condition not in CONDITION_CATEGORIES:
        errors.append(f"Unknown condition category {condition!r}: choose from {', '.join(CONDITION_CATEGORIES)}.")
        condition = None
    as_of = parse_day(as_of_raw, "as_of", errors)
    known_at = parse_day(known_at_raw, "known_at", errors)
    if known_at and not as_of:
        as_of = known_at
    chosen = [s for s in status if s in STATUSES]
    if as_of:
        everyone, factors = history.stances_as_of(session, proposal, as_of, known_at)
    else:
        everyone = board.stance_views(session, proposal)
        factors = proposal.factors
    rows = [s for s in everyone if (not chosen or s.status in chosen)
            and (not condition or any(c.category == condition for c in s.conditions))]
    assume = list(dict.fromkeys(a for a in assume or [] if a))
    unknown = projection.unknown_factor_slugs(factors, assume)
    if unknown:
        errors.append(f"Unknown factor {', '.join(repr(u) for u in unknown)} in the what-if: "
                      f"choose from {', '.join(f.slug for f in factors) or 'none'}.")
    assume = [a for a in assume if a not in unknown]
    history_query = urlencode({k: v for k, v in (("as_of", as_of), ("known_at", known_at)) if v})
    country_suffix = f"?{history_query}" if history_query else ""

    def country_href(code: str) -> str:
        return f"/proposals/{proposal.slug}/countries/{code}{country_suffix}"

    context = {
        "proposal": proposal,
        "rows": rows,
        "factors": factors,
        "totals": board.totals(proposal, everyone),
        "chosen_statuses": chosen,
        "chosen_condition": condition,
        "filtered": bool(chosen or condition),
        "as_of": as_of,
        "known_at": known_at,
        "errors": errors,
        "statuses": STATUSES,
        "categories": CATEGORY_LABELS,
        "cite": lambda field: board.proposal_citations(proposal, field),
        "everyone": everyone,
        "country_href": country_href,
        "row_href": lambda stance: country_href(stance.country_code),
        # A past day's rows and map link to that day's pages, so no other request could reuse them.
        "world": worldmap.world_map(everyone, country_href, keep=not as_of),
        "keep_pieces": not as_of,
        "assume": assume,
        "whatif": projection.project(proposal, everyone, factors, assume),
    }
    status_code = 400 if errors else 200
    if _wants_whatif_only(request):
        response = templates.TemplateResponse(request, "_whatif_result.html", context, status_code=status_code)
    else:
        response = render(request, "board.html", context, status_code=status_code)
    # The same address answers a whole page or, to htmx, only the what-if panel.
    response.headers["Vary"] = "HX-Request"
    return response


@router.get("/", summary="Board of the default proposal")
def home(request: Request, session: SessionDep, status: StatusFilter = [], condition: ConditionFilter = None,
         as_of: DayParam = None, known_at: DayParam = None, assume: AssumeParam = []):
    """The status board of the default proposal."""
    proposal = board.proposal_view(session, get_settings().default_proposal)
    return _board(request, session, proposal, status, condition or None, as_of, known_at, assume)


@router.get("/proposals/{slug}", summary="Board of a proposal")
def proposal_board(
    request: Request, session: SessionDep, slug: SlugPath,
    status: StatusFilter = [], condition: ConditionFilter = None, as_of: DayParam = None, known_at: DayParam = None,
    assume: AssumeParam = [],
):
    """The status board of any proposal, filterable by status and condition category, now or as of a day,
    with the what-if of the factors in `assume`."""
    return _board(request, session, board.proposal_view(session, slug), status, condition or None, as_of, known_at, assume)


@router.get("/proposals/{slug}/countries/{iso3}", summary="A country's stance")
def country_page(request: Request, session: SessionDep, proposal: ProposalDep, iso3: CountryPath,
                 as_of: DayParam = None, known_at: DayParam = None):
    """A country's stance on a proposal: conditions, quotes with their sources, and its timeline."""
    stance = board.get_stance(session, proposal, iso3)
    errors: list[str] = []
    as_of_day = parse_day(as_of, "as_of", errors)
    known_day = parse_day(known_at, "known_at", errors)
    if known_day and not as_of_day:
        as_of_day = known_day
    query = select(Change).where(Change.stance_id == stance.id)
    shown = stance
    if as_of_day:
        query = query.where(Change.effective_on <= as_of_day)
        if known_day:
            query = query.where(Change.changed_at < history.end_of_day(known_day))
        views = {v.country_code: v for v in history.stances_as_of(session, proposal, as_of_day, known_day)[0]}
        shown = views.get(stance.country_code)
    changes = session.scalars(query.order_by(Change.id.desc())).all()
    timeline = [(c, history.describe_change(c.before, c.after)) for c in changes]
    context = {"proposal": proposal, "stance": stance, "shown": shown, "timeline": timeline,
               "as_of": as_of_day, "known_at": known_day, "errors": errors}
    return render(request, "country.html", context, status_code=400 if errors else 200)


@router.get("/sources/{source_id}", summary="A source")
def source_page(request: Request, session: SessionDep, source_id: Annotated[int, Path(ge=1, le=2**31 - 1)]):
    """A source's details and text, with every quote cited from it highlighted."""
    source = board.get_source(session, source_id)
    segments = board.highlight_quotes(source.text or "", [c.quote for c in source.citations])
    context = {"source": source, "segments": segments}
    return render(request, "source.html", context)
