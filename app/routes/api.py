"""The read API under /api/v1: proposals, stances (JSON and CSV), history and sources."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from typing import Annotated, Any, Optional

from fastapi import APIRouter, Header, Path, Query, Request, Response

from app.config import get_settings
from app.deps import CountryPath, ProposalDep, SessionDep
from app.schemas import MAX_ID, Category, ChangeOut, IsoDate, IsoDateTime, ProposalOut, SourceDetailOut, SourceOut, StanceOut, Status
from app.services import board, history

router = APIRouter(prefix="/api/v1", tags=["api"])


NOT_FOUND = {404: {"description": "Not found", "content": {"application/json": {"example": {"detail": "..."}}}}}
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
    """Every tracked proposal with its troop totals against the target and its factors."""
    proposals = board.list_proposals(session)
    data = [board.proposal_dict(p, board.stance_views(session, p)) for p in proposals]
    return Response(json_bytes(data), media_type="application/json")


@router.get("/proposals/{slug}", response_model=ProposalOut, responses=NOT_FOUND, summary="One proposal")
def get_proposal(session: SessionDep, proposal: ProposalDep) -> Response:
    """A proposal with its totals, factors (slug, name, state) and the quotes behind its facts."""
    data = board.proposal_dict(proposal, board.stance_views(session, proposal))
    return Response(json_bytes(data), media_type="application/json")


StatusQuery = Annotated[Optional[list[Status]], Query(description="Only these statuses (repeatable).")]
ConditionQuery = Annotated[Optional[Category], Query(description="Only stances with a condition of this category.")]


DayQuery = Optional[IsoDate]


@router.get(
    "/proposals/{slug}/stances",
    response_model=list[StanceOut],
    responses=NOT_FOUND,
    summary="All stances on a proposal",
)
def list_stances(
    request: Request,
    session: SessionDep,
    proposal: ProposalDep,
    status: StatusQuery = None,
    condition: ConditionQuery = None,
    as_of: Annotated[DayQuery, Query(description="The stances as they stood at the end of this day (UTC), "
                                     "following the day each was stated (else recorded).")] = None,
    known_at: Annotated[DayQuery, Query(description="Leave out what was recorded after the end of this day "
                                        "(\"what we knew then\"); alone, it also sets `as_of`.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description=LIMIT_DOC)] = 500,
    after: Annotated[Optional[str], Query(pattern=r"^[A-Z]{3}$", description="Country code to continue after.")] = None,
) -> Response:
    """Stances ordered by country code; filter by `status` (repeatable) and `condition` category;
    `as_of` / `known_at` give the board of a past day."""
    if known_at and not as_of:
        as_of = known_at
    if as_of:
        views = history.stances_as_of(session, proposal, as_of, known_at, status, condition)[0]
        views = sorted((v for v in views if not after or v.country_code > after), key=lambda v: v.country_code)
        stances = views[: limit + 1]
    else:
        stances = board.stance_views(session, proposal, status, condition, order="code", after=after, limit=limit + 1)
    return _paged(request, [board.stance_dict(s) for s in stances], limit, lambda item: item["country"])


CSV_COLUMNS = [
    "country", "country_name", "status", "offered_min", "offered_max", "committed", "deployed",
    "roles", "summary", "stated_on", "updated_at", "version", "conditions", "sources",
]


def _csv_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # Spreadsheets run cells that start like a formula; keep them text.
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


@router.get(
    "/proposals/{slug}/stances.csv",
    responses={200: {"content": {"text/csv": {}}, "description": "One row per stance"}, **NOT_FOUND},
    response_class=Response,
    summary="All stances as CSV",
)
def stances_csv(
    session: SessionDep, proposal: ProposalDep, status: StatusQuery = None, condition: ConditionQuery = None
) -> Response:
    """The stances as a spreadsheet: one row per country, conditions joined with ` | `."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for s in board.stance_views(session, proposal, status, condition, order="code"):
        row = board.stance_dict(s)
        conditions = " | ".join(f"{c['text']} [{c['category']}, {c['state']}]" for c in row["conditions"])
        sources = " ".join(sorted({str(c["source_id"]) for c in row["citations"]}))
        writer.writerow(
            _csv_cell(v)
            for v in (
                row["country"], row["country_name"], row["status"], *row["troops"].values(),
                ";".join(row["roles"]), row["summary"], row["stated_on"],
                _utc_z(row["updated_at"]), row["version"], conditions, sources,
            )
        )
    filename = f"{proposal.slug}-stances.csv"
    return Response(
        buffer.getvalue().encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def stance_etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _etag_matches(header: str | None, etag: str) -> bool:
    if not header:
        return False
    candidates = [part.strip() for part in header.split(",")]
    return "*" in candidates or etag in candidates


@router.get(
    "/proposals/{slug}/stances/{iso3}",
    response_model=StanceOut,
    responses={304: {"description": "Not modified (the `If-None-Match` ETag is current)"}, **NOT_FOUND},
    summary="One stance",
)
def get_stance(
    session: SessionDep,
    proposal: ProposalDep,
    iso3: CountryPath,
    if_none_match: Annotated[Optional[str], Header(description="An ETag from an earlier reply.")] = None,
) -> Response:
    """One country's stance, with a strong `ETag`; `If-None-Match` with it answers 304."""
    stance = board.get_stance(session, proposal, iso3)
    body = json_bytes(board.stance_dict(stance))
    etag = stance_etag(body)
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if _etag_matches(if_none_match, etag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)


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
) -> Response:
    """Every recorded change to the stance, oldest first, with the fields before and after."""
    stance = board.get_stance(session, proposal, iso3)
    entries = history.change_entries(session, proposal=proposal, country_code=stance.country_code,
                                     after_id=after, limit=limit + 1, newest_first=False)
    return _paged(request, [change_dict(e) for e in entries], limit, lambda item: item["id"])


@router.get("/changes", response_model=list[ChangeOut], summary="Changes across proposals")
def list_changes(
    request: Request,
    session: SessionDep,
    since: Annotated[Optional[IsoDateTime], Query(description="Only changes recorded at or after this time "
                                                  "(ISO 8601; without a zone, UTC).")] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description=LIMIT_DOC)] = 100,
    after: Annotated[int, Query(ge=0, le=MAX_ID, description="Change id to continue after.")] = 0,
) -> Response:
    """Every recorded change, ordered by id (the order of the hash chain)."""
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=dt.timezone.utc)
    entries = history.change_entries(session, since=since, after_id=after, limit=limit + 1, newest_first=False)
    return _paged(request, [change_dict(e) for e in entries], limit, lambda item: item["id"])


@router.get("/sources", response_model=list[SourceOut], summary="All sources")
def list_sources(
    request: Request,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=1000, description=LIMIT_DOC)] = 100,
    after: Annotated[int, Query(ge=0, le=MAX_ID, description="Source id to continue after.")] = 0,
) -> Response:
    """The articles and statements facts rest on; unknown title, publisher, URL or date is `null`."""
    sources = board.list_sources(session, after=after, limit=limit + 1)
    return _paged(request, [board.source_dict(s) for s in sources], limit, lambda item: item["id"])


@router.get("/sources/{source_id}", response_model=SourceDetailOut, responses=NOT_FOUND, summary="One source")
def get_source(session: SessionDep, source_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> Response:
    """A source with its full text (when stored) and every quote cited from it."""
    return Response(json_bytes(board.source_dict(board.get_source(session, source_id), detail=True)),
                    media_type="application/json")
