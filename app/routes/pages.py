"""Public pages: the board (now or as of a day), a country's stance and timeline, a source."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import escape

from app.config import get_settings
from app.deps import CountryPath, SessionDep, SlugPath
from app.vocabulary import CONDITION_CATEGORIES, STATUS_LABELS, STATUSES
from app.services import board, history, projection, sources, timeline, worldmap
from app.web.templating import CATEGORY_LABELS, day as day_text, number, templates
from app.web.browser import load_viewer, parse_day, render

router = APIRouter(tags=["pages"], default_response_class=HTMLResponse, include_in_schema=False,
                   dependencies=[Depends(load_viewer)])

StatusFilter = Annotated[list[str], Query(description="Show only these statuses (repeatable).")]
ConditionFilter = Annotated[str | None, Query(description="Show only countries with a condition of this category.")]
DayParam = Annotated[str | None, Query(max_length=20)]
AssumeParam = Annotated[list[str], Query(description="What-if: factor slugs to assume met (repeatable).")]


def _wants_whatif_only(request: Request) -> bool:
    """An htmx request from the what-if form; htmx restoring a page from history wants it whole."""
    return "hx-request" in request.headers and "hx-history-restore-request" not in request.headers


def query(*, as_of: dt.date | None = None, known_at: dt.date | None = None, statuses: list[str] = (),
          condition: str | None = None, **more: Any) -> str:
    """"?as_of=...&status=...": the query string of a board's parameters (empty when none are set), so
    every link from a dated or filtered page keeps them."""
    pairs: list[tuple[str, Any]] = [(k, v.isoformat()) for k, v in (("as_of", as_of), ("known_at", known_at)) if v]
    pairs += [("status", s) for s in statuses]
    if condition:
        pairs.append(("condition", condition))
    pairs += [(k, v) for k, v in more.items() if v]
    return f"?{urlencode(pairs)}" if pairs else ""


def _board(request: Request, session, slug: str, status: list[str], condition: str | None,
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
    chosen = list(dict.fromkeys(s for s in status if s in STATUSES))
    day = board.read_board(session, slug, as_of=as_of, known_at=known_at, statuses=chosen, condition=condition)
    assume = list(dict.fromkeys(a for a in assume or [] if a))
    unknown = projection.unknown_factor_slugs(day.factors, assume)
    if unknown:
        errors.append(f"Unknown factor {', '.join(repr(u) for u in unknown)} in the what-if: "
                      + (f"choose from {', '.join(f.slug for f in day.factors)}." if day.factors
                         else f"no factor had been recorded by {day_text(day.day)}."))
    assume = [a for a in assume if a not in unknown]
    dates = {"as_of": as_of, "known_at": known_at}
    filters = {**dates, "statuses": chosen, "condition": condition}

    dated = query(**dates)

    # Each country's page on the same day, for the table, matrix, map and what-if to link to.
    country_href = {s.country_code: f"/proposals/{slug}/countries/{s.country_code}{dated}" for s in day.everyone}

    context = {
        "board": day,
        "proposal": day.proposal,
        "rows": day.rows,
        "everyone": day.everyone,
        "factors": day.factors,
        "totals": day.totals,
        "chosen_statuses": chosen,
        "chosen_condition": condition,
        "filtered": day.filtered,
        "as_of": as_of,
        "known_at": known_at,
        "errors": errors,
        "statuses": STATUSES,
        "categories": CATEGORY_LABELS,
        "cite": lambda *fields: board.proposal_citations(day.proposal, *fields),
        "country_href": country_href,
        "dated": dated,  # the page's dates, for links that keep them
        "filtered_query": query(**filters),  # its dates and filters, for its exports
        "with_status": lambda *statuses: query(**dates, statuses=list(statuses)),
        # Each filter in force, and the page's query without it (to remove it alone).
        "active_filters": [(STATUS_LABELS[s], query(**dates, statuses=[x for x in chosen if x != s], condition=condition))
                           for s in chosen] + ([(f"Has a condition about {CATEGORY_LABELS[condition].lower()}",
                                                 query(**dates, statuses=chosen))] if condition else []),
        "world": worldmap.world_map(day.everyone, country_href.__getitem__),
        "assume": assume,
        "whatif": projection.project(day.proposal, day.everyone, day.factors, assume),
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
    return _board(request, session, get_settings().default_proposal, status, condition or None, as_of, known_at,
                  assume)


@router.get("/proposals/{slug}", summary="Board of a proposal")
def proposal_board(
    request: Request, session: SessionDep, slug: SlugPath,
    status: StatusFilter = [], condition: ConditionFilter = None, as_of: DayParam = None, known_at: DayParam = None,
    assume: AssumeParam = [],
):
    """The status board of any proposal, filterable by status and condition category, now or as of a day,
    with the what-if of the factors in `assume`."""
    return _board(request, session, slug, status, condition or None, as_of, known_at, assume)


@router.get("/proposals/{slug}/countries/{iso3}", summary="A country's stance")
def country_page(request: Request, session: SessionDep, slug: SlugPath, iso3: CountryPath,
                 as_of: DayParam = None, known_at: DayParam = None):
    """A country's position on a proposal on a day (today by default): conditions, quotes with their
    sources, and the timeline of its statements that count by then."""
    errors: list[str] = []
    as_of_day = parse_day(as_of, "as_of", errors)
    known_day = parse_day(known_at, "known_at", errors)
    proposal = board.get_proposal(session, slug)
    stance = board.get_stance(session, proposal, iso3)
    day = board.read_board(session, slug, as_of=as_of_day, known_at=known_day, country=stance.country_code)
    timeline = history.timeline(session, stance.id, day.day, known_day)
    context = {"proposal": day.proposal, "stance": stance, "shown": day.position(stance.country_code),
               "timeline": timeline, "as_of": as_of_day, "known_at": known_day, "day": day.day,
               "dated": query(as_of=as_of_day, known_at=known_day), "errors": errors}
    return render(request, "country.html", context, status_code=400 if errors else 200)


def _timeline(session, slug: str, as_of_raw: str | None, known_at_raw: str | None):
    errors: list[str] = []
    as_of = parse_day(as_of_raw, "as_of", errors)
    known_at = parse_day(known_at_raw, "known_at", errors)
    return timeline.force_timeline(session, slug, as_of=as_of, known_at=known_at), as_of, known_at, errors


def _timeline_title(found: timeline.Timeline) -> str:
    points = found.points
    if not points:
        return "No position recorded yet"
    first, last = points[0], points[-1]
    return (f"Troops over time, {day_text(first.day)} to {day_text(found.board.day)}: committed "
            f"{number(first.totals.committed)} to {number(last.totals.committed)}, deployed "
            f"{number(first.totals.deployed)} to {number(last.totals.deployed)}, offered up to "
            f"{number(last.totals.offered_max)} at the end")


@router.get("/proposals/{slug}/timeline", summary="The force over time")
def timeline_page(request: Request, session: SessionDep, slug: SlugPath, as_of: DayParam = None,
                  known_at: DayParam = None):
    """Troops offered, committed and deployed, and countries by status, at the end of each day with a
    change: a chart, its figures in text and a table."""
    found, as_of_day, known_day, errors = _timeline(session, slug, as_of, known_at)
    context = {"proposal": found.board.proposal, "points": found.points, "chart": timeline.chart(found),
               "statuses": timeline.status_chart(found),
               "day": found.board.day, "as_of": as_of_day, "known_at": known_day, "errors": errors,
               "dated": query(as_of=as_of_day, known_at=known_day)}
    return render(request, "timeline.html", context, status_code=400 if errors else 200)


@router.get("/proposals/{slug}/timeline.svg", summary="The force over time, as a picture")
def timeline_picture(session: SessionDep, slug: SlugPath, as_of: DayParam = None, known_at: DayParam = None):
    """The chart of the timeline page as an SVG image of its own (the board shows it)."""
    found, _, _, errors = _timeline(session, slug, as_of, known_at)
    chart = timeline.chart(found)
    if errors or chart is None:
        svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 60" font-family="system-ui, sans-serif">'
               f'<text x="8" y="34" font-size="14">{escape(" ".join(errors) or "No position recorded yet.")}</text></svg>')
    else:
        macros = templates.env.get_template("_force_timeline.html").module
        svg = str(macros.timeline_svg(chart, found.points[-1], _timeline_title(found)))
    return Response(svg, media_type="image/svg+xml", status_code=400 if errors else 200)


@router.get("/sources/{source_id}", summary="A source")
def source_page(request: Request, session: SessionDep, source_id: Annotated[int, Path(ge=1, le=2**31 - 1)]):
    """A source's details and text, with every quote cited from it highlighted."""
    source = sources.get_source(session, source_id)
    quoted = sources.quoted_on_board(session, source.id)
    segments = sources.highlight_quotes(source.text or "", [q.quote for q in quoted])
    return render(request, "source.html", {"source": source, "segments": segments, "quoted": quoted})
