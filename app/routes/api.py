"""The read API under /api/v1: proposals, stances (JSON and CSV), history and sources."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from typing import Annotated, Any, Optional

from fastapi import APIRouter, Header, Path, Query, Request, Response
from pydantic import BeforeValidator, WithJsonSchema

from app import cache
from app.config import get_settings
from app.deps import CountryPath, ProposalDep, SessionDep, SlugPath
from app.schemas import (DAY_PATTERN, MAX_ID, Category, ChangeOut, ErrorOut, IsoDate, IsoDateTime, ProposalOut,
                         SourceDetailOut, SourceOut, StanceOneOut, StanceOut, Status, TimelineOut)
from app.services import board, history, sources, timeline
from app.services.changes import read_head
from app.vocabulary import CONDITION_CATEGORIES
from app.services.errors import NotFound
from app.services.stances import position_change

router = APIRouter(prefix="/api/v1", tags=["api"])


NOT_FOUND = {404: {"model": ErrorOut, "description": "Not found",
                   "content": {"application/json": {"example": {"detail": "..."}}}}}
LIMIT_DOC = "At most this many items; a `Link: <...>; rel=\"next\"` header points to the next page."


def _utc_z(value: dt.datetime) -> str:
    return value.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return _utc_z(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def json_bytes(data: Any) -> bytes:
    """Compact UTF-8 JSON, times in UTC with a `Z` (json.dumps directly: the generic encoder is
    the slowest part of a large answer)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=_encode).encode("utf-8")


def _next_link(request: Request, **params: Any) -> str:
    """The next page's address, on ISF_PUBLIC_URL (never the request's Host)."""
    url = request.url.include_query_params(**params)
    query = f"?{url.query}" if url.query else ""
    return f'<{get_settings().public_url}{url.path}{query}>; rel="next"'


def _paged(request: Request, items: list[Any], limit: int, cursor) -> Response:
    """A bare JSON array of the first LIMIT ITEMS (one extra was fetched to know if more exist)."""
    more = len(items) > limit
    items = items[:limit]
    response = Response(json_bytes(items), media_type="application/json")
    if more and items:
        response.headers["Link"] = _next_link(request, after=cursor(items[-1]), limit=limit)
    return response


@router.get("/proposals", response_model=list[ProposalOut], summary="All proposals, with totals and factors")
def list_proposals(session: SessionDep) -> Response:
    """Every tracked proposal as it stands today, with its troop totals against the target and its factors."""
    data = [board.proposal_json(board.read_board(session, slug)) for slug in board.proposal_slugs(session)]
    return Response(json_bytes(data), media_type="application/json")


StatusQuery = Annotated[Optional[list[Status]], Query(description="Only these statuses (repeatable).")]
def _blank_is_none(value: Any) -> Any:
    """An empty value (`as_of=`, as the board's own forms send an unfilled field) is the same as none."""
    return None if value == "" else value


Blank = BeforeValidator(_blank_is_none)
# An optional day in a query: YYYY-MM-DD, or empty (the same as left out).
QueryDay = Annotated[Optional[IsoDate], Blank, WithJsonSchema(
    {"anyOf": [{"type": "string", "format": "date", "pattern": DAY_PATTERN}, {"type": "string", "maxLength": 0}]})]
ConditionQuery = Annotated[Optional[Category], Blank, WithJsonSchema(
    {"anyOf": [{"type": "string", "enum": list(CONDITION_CATEGORIES)}, {"type": "string", "maxLength": 0}]}), Query(
    description="Only stances with a condition of this category (empty: any or none).")]
AsOfQuery = Annotated[QueryDay, Query(
    description="The board at the end of this day (UTC): each country's statement with the latest day on or "
                "before it (the day it was stated; else its source's publication date; else the day it was "
                "recorded). Today when left out or empty.")]
KnownAtQuery = Annotated[QueryDay, Query(
    description="Leave out what was recorded after the end of this day (\"what we knew then\"); alone, it "
                "also sets `as_of`. Empty is the same as left out.")]


def proposal_etag(slug: str, version: int) -> str:
    """The tag of a proposal's facts as last recorded: what `If-Match` must name to replace them."""
    return '"' + hashlib.sha256(f"{slug}/facts/{version}".encode()).hexdigest()[:32] + '"'


@router.get("/proposals/{slug}", response_model=ProposalOut, responses=NOT_FOUND, summary="One proposal")
def get_proposal(session: SessionDep, slug: SlugPath, as_of: AsOfQuery = None,
                 known_at: KnownAtQuery = None) -> Response:
    """A proposal with its facts (target, sponsor, UN resolution, mandate, context) as they stood on the
    day asked for (`facts_known` is false before any were recorded), its totals, factors (slug, name,
    state) and the quotes behind its facts. The `ETag` names the latest recorded version of its facts:
    send it as `If-Match` to replace them."""
    data = board.proposal_json(board.read_board(session, slug, as_of=as_of, known_at=known_at))
    version = board.get_proposal(session, slug).version
    return Response(json_bytes(data), media_type="application/json",
                    headers={"ETag": proposal_etag(slug, version), "Cache-Control": "no-cache"})


@router.get(
    "/proposals/{slug}/stances",
    response_model=list[StanceOut],
    responses=NOT_FOUND,
    summary="All stances on a proposal",
)
def list_stances(
    request: Request,
    session: SessionDep,
    slug: SlugPath,
    status: StatusQuery = None,
    condition: ConditionQuery = None,
    as_of: AsOfQuery = None,
    known_at: KnownAtQuery = None,
    limit: Annotated[int, Query(ge=1, le=1000, description=LIMIT_DOC)] = 500,
    after: Annotated[Optional[str], Query(pattern=r"^[A-Z]{3}$", description="Country code to continue after.")] = None,
) -> Response:
    """Each country's position, ordered by country code; filter by `status` (repeatable) and
    `condition` category; `as_of` / `known_at` give the board of a past day."""
    day = board.read_board(session, slug, as_of=as_of, known_at=known_at, statuses=status or (), condition=condition)
    rows = sorted((s for s in day.rows if not after or s.country_code > after), key=lambda s: s.country_code)
    return _paged(request, [board.stance_json(s) for s in rows[: limit + 1]], limit, lambda item: item["country"])


CSV_COLUMNS = [
    "country", "country_name", "status", "offered_min", "offered_max", "committed", "deployed",
    "roles", "summary", "stated_on", "updated_at", "version", "conditions", "sources", "dispute",
]


def _csv_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # Spreadsheets run cells that start like a formula; keep them text.
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


def _source_names(citations: list[Any]) -> str:
    """"Title (publisher, day) <address>; ...": each source a row's quotes cite, once, as a reader names it."""
    seen: dict[int, str] = {}
    for c in citations:
        label = c.source
        if c.source_id in seen or label is None:
            continue
        details = ", ".join(x for x in (label.publisher or "publisher unknown",
                                         label.published_on.isoformat() if label.published_on else "date unknown"))
        # As the pages say it: a title we wrote for an untitled source is not taken for the source's own.
        title = f"[our description; untitled] {label.title}" if label.title_is_descriptive else label.title
        name = f"{title} ({details})"
        seen[c.source_id] = name + (f" <{label.url}>" if label.url else "")
    return "; ".join(seen.values())


@router.get(
    "/proposals/{slug}/stances.csv",
    responses={200: {"content": {"text/csv": {}}, "description": "One row per stance"}, **NOT_FOUND},
    response_class=Response,
    summary="All stances as CSV",
)
def stances_csv(session: SessionDep, slug: SlugPath, status: StatusQuery = None, condition: ConditionQuery = None,
                as_of: AsOfQuery = None, known_at: KnownAtQuery = None) -> Response:
    """The positions as a spreadsheet, with the same parameters as the list: one row per country,
    conditions joined with ` | `, sources by title, publisher, date and address. UTF-8 with a
    byte-order mark, so spreadsheets read its accents and flags right."""
    day = board.read_board(session, slug, as_of=as_of, known_at=known_at, statuses=status or (), condition=condition)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for s in sorted(day.rows, key=lambda s: s.country_code):
        conditions = " | ".join(f"{c.text} [{c.category}, {c.state}]" for c in s.conditions)
        quoted = [*s.citations, *(q for c in s.conditions for q in c.citations)]
        writer.writerow(
            _csv_cell(v)
            for v in (
                s.country_code, s.country.name, s.status, s.offered_min, s.offered_max, s.committed, s.deployed,
                ";".join(s.roles), s.summary, s.stated_on, _utc_z(s.updated_at), s.version, conditions,
                _source_names(quoted), s.dispute,
            )
        )
    day_part = f"-{day.day.isoformat()}" if not day.live else ""
    filename = f"{slug}-stances{day_part}.csv"
    return Response(
        buffer.getvalue().encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def stance_etag(slug: str, code: str, version: int) -> str:
    """The tag of a stance's recorded version: what `If-Match` must name to replace it."""
    return '"' + hashlib.sha256(f"{slug}/{code}/{version}".encode()).hexdigest()[:32] + '"'


def none_match(header: str | None, etag: str) -> bool:
    """Whether an If-None-Match HEADER names ETAG (or is `*`), by weak comparison as RFC 9110 asks
    of If-None-Match: `W/"…"` names the same version as `"…"` (a proxy may have weakened the tag).
    The same rule as for cached answers (app/cache.py)."""
    return bool(header) and cache.none_match(header.encode("latin-1"), etag.strip('"').encode("ascii"))


def etag_header(description: str, required: bool = True) -> dict[str, Any]:
    """The OpenAPI description of an answer's `ETag` header."""
    return {"ETag": {"description": description, "required": required, "schema": {"type": "string"}}}


STANCE_ETAG = etag_header("The stance's latest recorded version: send it as `If-Match` to change the stance.")
# RFC 5789: a resource that takes PATCH says in which format.
ACCEPT_PATCH = {"Accept-Patch": {"description": "The PATCH format this stance takes: a JSON Merge Patch.",
                                 "schema": {"type": "string"}}}


@router.get(
    "/proposals/{slug}/stances/{iso3}",
    response_model=StanceOneOut,
    responses={
        200: {"headers": {**STANCE_ETAG, **ACCEPT_PATCH}},
        304: {"description": "Not modified (the `If-None-Match` ETag is current; a weak `W/\"…\"` one too)",
              "headers": STANCE_ETAG},
        **NOT_FOUND,
    },
    summary="One stance",
)
def get_stance(
    session: SessionDep,
    slug: SlugPath,
    iso3: CountryPath,
    as_of: AsOfQuery = None,
    known_at: KnownAtQuery = None,
    if_none_match: Annotated[Optional[str], Header(description="An ETag from an earlier reply.")] = None,
) -> Response:
    """One country's position (today, or as of a day), with an `ETag` naming the stance's latest
    recorded version (send it as `If-Match` to change the stance); `If-None-Match` with it answers
    304 for today's position, whether it comes back as sent or weakened (`W/"…"`) by a proxy. An
    answer for `as_of` or `known_at`, and one with a condition that hangs on a factor, is always sent
    whole: such a position can change (a factor's new state, a statement entered late for an earlier
    day) while the stance's latest version stays."""
    proposal = board.get_proposal(session, slug)
    stance = board.get_stance(session, proposal, iso3)
    day = board.read_board(session, slug, as_of=as_of, known_at=known_at, country=stance.country_code)
    position = day.position(stance.country_code)
    if position is None:
        raise NotFound(f"{stance.country_code} had no position on {proposal.name} at the end of {day.day.isoformat()}"
                       + (f", as known at the end of {known_at.isoformat()}" if known_at else "") + ".")
    etag = stance_etag(slug, stance.country_code, stance.version)
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    # The tag names the latest recorded version, which today's position follows. A position can change
    # while it stays: a factor's change moves the conditions that hang on it without a new version of
    # the stance, and a past day's position can change by a statement entered late. So a dated answer,
    # and one with a condition on a factor, is always sent whole, never a 304.
    fixed = as_of is None and known_at is None and not any(c.factor_slug for c in position.conditions)
    if fixed and none_match(if_none_match, etag):
        return Response(status_code=304, headers=headers)
    now = position.version  # the version on today's board, which a PATCH changes
    if day.day != board.today():
        shown = position_change(session, stance)
        now = shown.after.get("version") if shown is not None else None
    body = {**board.stance_json(position), "notice": _latest_notice(day, position, stance.version, now)}
    return Response(json_bytes(body), media_type="application/json",
                    headers={**headers, "Accept-Patch": "application/merge-patch+json"})


def _latest_notice(day: board.Board, position: board.StanceView, latest: int, today: int | None) -> str | None:
    """What a client reading one version must know before it sends If-Match and a PATCH: the ETag
    names the latest recorded version, while a PATCH changes the position on today's board."""
    if position.version == latest:
        return None
    starts = "this one" if today == position.version else f"version {today}, not this one"
    return (f"This is version {position.version}, the position at the end of {day.day.isoformat()} by the day "
            f"each statement speaks for; the latest recorded is version {latest}, and the ETag names it for "
            f"If-Match. A PATCH changes the position on today's board: {starts}.")


def change_dict(entry: history.ChangeEntry) -> dict[str, Any]:
    change = entry.change
    return {
        "id": change.id,
        "changed_at": change.changed_at,
        "entity": change.entity,
        "proposal": entry.proposal_slug,
        "country": change.country_code,
        "factor": entry.factor_slug,
        "actor": change.actor,
        "via": change.via,
        "reason": change.reason,
        "source_id": change.source_id,
        "before": change.before,
        "after": change.after,
        "effective_on": change.effective_on,
        "prev_hash": change.prev_hash,
        "hash": change.hash,
    }


@router.get(
    "/proposals/{slug}/stances/{iso3}/history",
    response_model=list[ChangeOut],
    responses=NOT_FOUND,
    summary="A stance's changes",
)
def stance_history(
    request: Request,
    session: SessionDep,
    proposal: ProposalDep,
    iso3: CountryPath,
    limit: Annotated[int, Query(ge=1, le=1000, description=LIMIT_DOC)] = 100,
    after: Annotated[int, Query(ge=0, le=MAX_ID, description="Change id to continue after.")] = 0,
    as_of: Annotated[QueryDay, Query(
        description="Only the statements that count for the end of this day (those speaking for it or an "
                    "earlier day), as the country page of that day lists them. Every change when left out.")] = None,
    known_at: KnownAtQuery = None,
) -> Response:
    """Every recorded change to the stance, oldest first, with the fields before and after; with
    `as_of` or `known_at`, those the country page of that day lists."""
    stance = board.get_stance(session, proposal, iso3)
    dated = as_of is not None or known_at is not None
    entries = history.change_entries(session, proposal=proposal, country_code=stance.country_code,
                                     after_id=after, limit=limit + 1, newest_first=False, described=False,
                                     day=board.the_day(as_of, known_at) if dated else None, known_at=known_at)
    return _paged(request, [change_dict(e) for e in entries], limit, lambda item: item["id"])


CHAIN_HEAD_HEADERS = {
    "X-Chain-Head": {
        "description": "The hash of the latest change in the log (the chain's head) when this answer was made. "
                       "Keep it, and check later with `isf-tracker verify --head` that it is still part of the chain.",
        "schema": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
    },
    "X-Chain-Head-Change": {
        "description": "The id of that change (0 before the first change).",
        "schema": {"type": "integer", "minimum": 0},
    },
    "Link": {"description": "`<...>; rel=\"next\"`: the next page, while more changes remain.", "schema": {"type": "string"}},
}


@router.get("/proposals/{slug}/timeline", response_model=TimelineOut, responses=NOT_FOUND,
            summary="The force over time")
def get_timeline(session: SessionDep, slug: SlugPath, as_of: AsOfQuery = None, known_at: KnownAtQuery = None) -> Response:
    """The board's totals at the end of each day on which a position changed, up to `as_of` (today
    when left out), as known at the end of `known_at`: troops offered (the ranges' ends), committed
    and deployed, countries in all and by status. Each point totals the board of its day, so the last
    is the board's own headline."""
    found = timeline.force_timeline(session, slug, as_of=as_of, known_at=known_at)
    return Response(json_bytes(timeline.timeline_json(found)), media_type="application/json")


@router.get("/changes", response_model=list[ChangeOut], summary="Changes across proposals",
            responses={200: {"headers": CHAIN_HEAD_HEADERS}})
def list_changes(
    request: Request,
    session: SessionDep,
    since: Annotated[Optional[IsoDateTime], Query(description="Only changes recorded at or after this time "
                                                  "(ISO 8601; without a zone, UTC).")] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description=LIMIT_DOC)] = 100,
    after: Annotated[int, Query(ge=0, le=MAX_ID, description="Change id to continue after.")] = 0,
) -> Response:
    """Every recorded change, ordered by id (the order of the hash chain). The `X-Chain-Head` and
    `X-Chain-Head-Change` headers give the chain's head at the time of the answer."""
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=dt.timezone.utc)
    head = read_head(session)
    entries = history.change_entries(session, since=since, after_id=after, limit=limit + 1, newest_first=False,
                                     described=False)
    response = _paged(request, [change_dict(e) for e in entries], limit, lambda item: item["id"])
    response.headers["X-Chain-Head"] = head.hash
    response.headers["X-Chain-Head-Change"] = str(head.change_id)
    return response


@router.get("/sources", response_model=list[SourceOut], summary="All sources")
def list_sources(
    request: Request,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=1000, description=LIMIT_DOC)] = 100,
    after: Annotated[int, Query(ge=0, le=MAX_ID, description="Source id to continue after.")] = 0,
) -> Response:
    """The articles and statements facts rest on; unknown title, publisher, URL or date is `null`."""
    found = sources.list_sources(session, after=after, limit=limit + 1)
    return _paged(request, [sources.source_json(s) for s in found], limit, lambda item: item["id"])


@router.get("/sources/{source_id}", response_model=SourceDetailOut, responses=NOT_FOUND, summary="One source")
def get_source(session: SessionDep, source_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> Response:
    """A source with its full text (when stored) and every quote cited from it."""
    return Response(json_bytes(sources.source_json(sources.get_source(session, source_id), detail=True)),
                    media_type="application/json")
