"""API writes: create or replace a stance (PUT), change some of its fields (PATCH, a JSON Merge
Patch), both with If-Match; and add a source. Bearer token with write scope."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Annotated, Any, Optional

from fastapi import APIRouter, Depends, Header, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, ValidationError, create_model
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.countries import country_info
from app.db import get_database
from app.deps import CountryPath, SessionDep, SlugPath
from app.models import Proposal
from app.routes.api import etag_header, json_bytes, none_match, proposal_etag, stance_etag
from app.schemas import (CitationIn, ConditionData, ErrorOut, ProposalFacts, ProposalIn, ProposalWriteOut,
                         SourceDetailOut, SourceIn, StanceData, StanceIn, StanceWriteOut, ValidationErrorOut)
from app.services import accounts, board, sources
from app.services.errors import InvalidInput, NotFound, VersionConflict
from app.services.proposals import last_facts_change, set_proposal_facts
from app.services.sources import create_source
from app.services.changes import published_on
from app.services.stances import edit_base, set_stance
from app.web.browser import audit, client_ip

router = APIRouter(prefix="/api/v1", tags=["api"])
bearer = HTTPBearer(auto_error=False, description="An API token from `isf-tracker token create USER --scope write`.")


def _detail(status: int, description: str, headers: dict | None = None) -> dict:
    """An error answer as the OpenAPI document lists it: `{"detail": "..."}`."""
    answer = {"model": ErrorOut, "description": description,
              "content": {"application/json": {"example": {"detail": "..."}}}}
    return {status: {**answer, "headers": headers} if headers else answer}


def _invalid(description: str) -> dict:
    """A 422 as the OpenAPI document lists it: `{"detail": [{"loc": [...], "msg": ..., "type": ...}]}`."""
    return {422: {"model": ValidationErrorOut, "description": description}}


AUTH_RESPONSES = {
    **_detail(400, "The body is not UTF-8 JSON, or nested too deeply to read"),
    **_detail(401, "No valid bearer token"),
    **_detail(403, "The token may only read"),
    **_detail(413, "The body is over 2 MB"),
}
JSON_TYPES = ("application/json",)


def json_body(request: Request) -> None:
    """Refuse a body sent as anything but JSON (or untyped) before reading it: 415, naming the type taken."""
    if request.headers.get("content-type", "").split(";")[0].strip().lower() not in JSON_TYPES:
        raise HTTPException(415, "send the body as JSON, with Content-Type: application/json")


# What a route taking a JSON body adds to its decorator: the check above, and the answer it gives.
JSON_BODY = [Depends(json_body)]
NOT_JSON = _detail(415, "The body is not sent as `application/json`")
MALFORMED = ("A body that is not JSON at all is a 422 too, with one error of `type` `json_invalid` "
             "(`loc`: `body` and the character where reading stopped).")


def write_token_user(
    request: Request, session: SessionDep, credentials: Annotated[Optional[HTTPAuthorizationCredentials], Depends(bearer)]
) -> str:
    """The name of the user whose write-scoped token made this request."""
    challenge = {"WWW-Authenticate": "Bearer"}
    if credentials is None:
        audit.info("refused: %s %s without a token from %s", request.method, request.url.path, client_ip(request))
        raise HTTPException(401, "a bearer token is required (Authorization: Bearer ...)", headers=challenge)
    token = accounts.find_token(session, credentials.credentials)
    if token is None:
        audit.warning("refused: %s %s with an unknown token from %s", request.method, request.url.path, client_ip(request))
        raise HTTPException(401, "the token is not valid", headers=challenge)
    if token.scope != "write":
        audit.warning("refused: %s %s with a read token of %s", request.method, request.url.path, token.user.name)
        raise HTTPException(403, "this token may only read; make one with --scope write")
    return token.user.name


WriterDep = Annotated[str, Depends(write_token_user)]


def _api_loc(loc: list) -> list:
    """A write-path error path, as it appears in the request body."""
    if loc and loc[0] == "citations":
        return ["body", "citation", *[p for p in loc[2:]]]
    return ["body", *loc]


STALE = "the stance changed since you read it: GET it again and re-apply your change"
FACTS_STALE = "the facts changed since you read them: GET the proposal again and re-apply your change"
IF_MATCH_ANY = ("If-Match: * is not taken, as it would skip the check that nobody changed the stance since you "
                "read it: send the ETag from your last GET")


def _tags(header: str) -> list[str]:
    return [part.strip() for part in header.split(",")]


def _check_if_match(if_match: Optional[str], etag: str, what: str = "the stance", stale: str = STALE) -> None:
    """Let a change of WHAT (tagged ETAG) through only if IF_MATCH names that tag, by strong
    comparison (RFC 9110): 428 without it or with `*` (which would let any version through), 412
    (saying STALE) when it names another version. Both answers carry the current `ETag`."""
    headers = {"ETag": etag}
    if not if_match:
        raise HTTPException(428, f"If-Match is required to change {what}: send the ETag from your last GET",
                            headers=headers)
    tags = _tags(if_match)
    if "*" in tags:
        raise HTTPException(428, IF_MATCH_ANY.replace("the stance", what), headers=headers)
    if etag not in tags:
        if all(tag.startswith("W/") for tag in tags):
            raise HTTPException(412, "If-Match takes the ETag exactly as the GET sent it: a weak one (W/...) "
                                     "never matches", headers=headers)
        raise HTTPException(412, stale, headers=headers)


WRITTEN_ETAG = etag_header("The tag of the version written: send it as `If-Match` to change the stance again.")
CURRENT_ETAG = etag_header("The stance's current tag, when it exists.", required=False)
LOCATION = {"Location": {"description": "The stance's address.", "required": True, "schema": {"type": "string"}}}


@router.put(
    "/proposals/{slug}/stances/{iso3}",
    response_model=StanceWriteOut,
    status_code=200,
    dependencies=JSON_BODY,
    responses={
        **NOT_JSON,
        200: {"headers": WRITTEN_ETAG},
        201: {"model": StanceWriteOut, "description": "Created (no stance existed for this country)",
              "headers": {**WRITTEN_ETAG, **LOCATION}},
        **AUTH_RESPONSES,
        **_detail(404, "No such proposal or country"),
        **_detail(412, "`If-Match` does not match the current `ETag` (someone changed it meanwhile), or the stance "
                       "exists while the request creates one (`If-None-Match: *`, or another writer created it first)",
                  CURRENT_ETAG),
        **_invalid(f"A field is invalid: each error's `loc` names it (`body`, then its path). {MALFORMED}"),
        **_detail(428, "`If-Match` is required to replace an existing stance, and `*` is not taken for it",
                  CURRENT_ETAG),
    },
    summary="Create or replace a stance",
)
def put_stance(
    session: SessionDep,
    slug: SlugPath,
    iso3: CountryPath,
    body: StanceIn,
    actor: WriterDep,
    if_match: Annotated[Optional[str], Header(
        description="The `ETag` you last read; required to replace (`*` is refused: 428).")] = None,
    if_none_match: Annotated[Optional[str], Header(
        description="`*` to create only: 412 if the stance exists already.", max_length=2000)] = None,
) -> Response:
    """Write a whole stance through the same path as the forms: validated, versioned, recorded as a
    change. To change some fields only, PATCH it.

    Replacing needs `If-Match` with the `ETag` from your last read (428 without it or with `*`, 412
    when it is stale); creating needs none. A create that finds the stance made meanwhile by someone
    else is refused with 412 (decided inside the write, so of racing creators exactly one wins);
    `If-None-Match: *` asks for a create only. The reply carries the new `ETag`.
    """
    proposal = board.get_proposal(session, slug)
    code = iso3.upper()
    if country_info(code) is None:
        raise NotFound(f"{code} is not an ISO 3166-1 alpha-3 country code")
    current = board.find_stance(session, proposal, code)
    if current is not None:
        etag = stance_etag(slug, code, current.version)
        if if_none_match and none_match(if_none_match, etag):
            raise HTTPException(412, "the stance exists already: GET it and send If-Match to replace it",
                                headers={"ETag": etag})
        _check_if_match(if_match, etag)
        expected = current.version
    else:
        if if_match and "*" in _tags(if_match):
            raise HTTPException(428, f"{IF_MATCH_ANY}; to create a stance, send no If-Match")
        if if_match:
            raise HTTPException(412, "there is no stance to match: send no If-Match to create one")
        expected = 0  # must still not exist when the write takes its lock
    return _write(session, proposal, slug, code, body, expected, actor)


def _write(session: Session, proposal: Proposal, slug: str, code: str, body: StanceIn, expected: int,
           actor: str) -> Response:
    """Write BODY as CODE's stance through the one write path (`set_stance`), if the stance is still at
    version EXPECTED (0: it must not exist yet); answer with the statement recorded and its `ETag`."""
    data = StanceData(
        status=body.status,
        troops=body.troops,
        roles=body.roles,
        summary=body.summary,
        stated_on=body.stated_on,
        dispute=body.dispute,
        conditions=[ConditionData(**c.model_dump()) for c in body.conditions],
    )
    session.close()  # give the read connection back before queueing for the write lock
    try:
        with get_database().write_session() as ws:
            target = ws.scalars(select(Proposal).where(Proposal.id == proposal.id)).one()
            source_id = body.citation.source_id or create_source(ws, body.citation.source).id
            data = data.model_copy(update={"citations": [CitationIn(source_id=source_id, quote=body.citation.quote)]})
            result = set_stance(
                ws, proposal=target, country_code=code, data=data, match_conditions=True,
                actor=actor, via="api", reason=body.reason, expected_version=expected,
            )
            created, version, notes, same_as = result.created, result.stance.version, result.notes, result.same_as
    except InvalidInput as exc:
        raise HTTPException(422, [{"loc": _api_loc(e["loc"]), "msg": e["msg"], "type": "value_error"} for e in exc.errors])
    except VersionConflict:
        fresh = board.find_stance(session, proposal, code)
        headers = {"ETag": stance_etag(slug, code, fresh.version)} if fresh else {}
        raise HTTPException(412, STALE, headers=headers)
    audit.info("stance written via api: user=%s stance=%s/%s version=%s", actor, slug, code, version)
    payload = json_bytes(_written(slug, code, notes, same_as))
    headers = {"ETag": stance_etag(slug, code, version)}
    if created:
        headers["Location"] = f"/api/v1/proposals/{slug}/stances/{code}"
    return Response(payload, status_code=201 if created else 200, media_type="application/json", headers=headers)


# ---- PATCH: a JSON Merge Patch (RFC 7396) of the stance as PUT takes it ------------------------------

MERGE_PATCH = "application/merge-patch+json"


def merge_patch(target: Any, patch: Any) -> Any:
    """PATCH applied to TARGET as RFC 7396 says: an object is merged key by key, where `null` removes
    the key; anything else, an array included, replaces what was there whole."""
    if not isinstance(patch, dict):
        return patch
    merged = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = merge_patch(merged.get(key), value)
    return merged


def write_representation(data: StanceData) -> dict[str, Any]:
    """The stance DATA as PUT takes it, without `citation` and `reason` (they belong to a write, not to
    the stance): what a merge patch is applied to."""
    fields = data.model_dump(mode="json", exclude={"citations", "conditions"})
    return {**fields, "conditions": [{"text": c.text, "category": c.category, "state": c.state, "factor": c.factor}
                                     for c in data.conditions]}


def _patch_model() -> type[BaseModel]:
    """StanceIn as a merge patch of it: every field of the stance may be left out, and an optional one
    may be null (which clears it); `citation` and `reason` belong to the change and are required, as
    in a PUT."""
    fields: dict[str, Any] = {}
    for name, info in StanceIn.model_fields.items():
        if name in ("citation", "reason"):
            fields[name] = (info.annotation, info)
            continue
        field = copy.copy(info)
        field.default, field.default_factory = None, None  # None: left out (a null sent is validated)
        fields[name] = (info.annotation if info.is_required() else Optional[info.annotation], field)
    return create_model("StancePatch", __config__=ConfigDict(extra="forbid"), **fields)


StancePatch = _patch_model()


def _patch_schema() -> dict[str, Any]:
    """What the OpenAPI document says a PATCH body is: StancePatch, its nested models by reference."""
    schema = StancePatch.model_json_schema(ref_template="#/components/schemas/{model}")
    schema.pop("$defs", None)
    for prop in schema["properties"].values():
        prop.pop("default", None)  # left out means kept, not this
    schema["description"] = ("A JSON Merge Patch (RFC 7396) of the stance as PUT takes it: leave out what stays; "
                             "null clears an optional field. `citation` and `reason` belong to the change.")
    return schema


def _patch_document(request: Request, raw: bytes) -> dict[str, Any]:
    """The merge patch sent: a JSON object in a body of type application/merge-patch+json."""
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != MERGE_PATCH:
        raise HTTPException(415, f"send the change as a JSON Merge Patch (RFC 7396), with Content-Type: {MERGE_PATCH}",
                            headers={"Accept-Patch": MERGE_PATCH})
    try:
        patch = json.loads(raw)
    except json.JSONDecodeError as exc:  # the answer FastAPI gives a PUT of malformed JSON
        raise RequestValidationError([{"type": "json_invalid", "loc": ("body", exc.pos), "msg": "JSON decode error",
                                       "input": {}, "ctx": {"error": exc.msg}}])
    except (ValueError, RecursionError):
        raise HTTPException(400, "the body is not UTF-8 JSON, or nested too deeply to read")
    if not isinstance(patch, dict):
        raise RequestValidationError([{"type": "dict_type", "loc": ("body",), "input": patch,
                                       "msg": "a merge patch is a JSON object of the fields to change"}])
    return patch


def _body_errors(errors: list[dict[str, Any]], patch: dict[str, Any]) -> RequestValidationError:
    """Pydantic's ERRORS as FastAPI reports a body's, saying so when PATCH set a required field to null."""
    body = []
    for error in errors:
        loc = tuple(error["loc"])
        if len(loc) == 1 and loc[0] in patch and patch[loc[0]] is None:
            error = {**error, "msg": "required, so it cannot be null (null removes a field in a merge patch)"}
        body.append({**error, "loc": ("body", *loc)})
    return RequestValidationError(body)


def _check_patch(patch: dict[str, Any]) -> None:
    """Refuse (422) a patch whose fields are invalid in themselves, before looking at the stance: as
    a PUT's body is checked before its If-Match."""
    try:
        StancePatch.model_validate(patch)
    except ValidationError as exc:
        raise _body_errors(exc.errors(), patch)


# What a country's position is made of: a patch that sends any of them records a new statement.
POSITION_FIELDS = ("status", "troops", "roles", "conditions")


def _patched(current: StanceData | None, patch: dict[str, Any], day: dt.date | None = None) -> StanceIn:
    """The stance as PUT would take it after PATCH, validated as a PUT's body. CURRENT is the position
    the board shows today (`edit_base`): what a GET of the stance shows, and what the patch changes;
    for a patch whose `stated_on` is an earlier day, the position at the end of that day.

    A patch that sends any part of the position (status, troops, roles or conditions) but not
    `stated_on` is a statement of its own: it is not dated by the day the country stated the one
    before, but, as any undated statement, by its source's publication date, else the day it is
    recorded. Past boards go on showing the earlier statement. A patch of the summary or the
    dispute alone keeps the date. CURRENT is None when the country had said nothing by DAY, the
    day the patch speaks for: the patch is then the whole statement."""
    target = write_representation(current) if current is not None else {}
    if "stated_on" not in patch and any(key in patch for key in POSITION_FIELDS):
        target.pop("stated_on", None)
    try:
        return StanceIn.model_validate(merge_patch(target, patch))
    except ValidationError as exc:
        errors = exc.errors()
        if current is None:
            errors = [{**e, "msg": f"the country had no position by the end of {day}, the day this patch speaks "
                                   "for: a statement for that day gives its status"}
                      if tuple(e["loc"]) == ("status",) and e["type"] == "missing" else e for e in errors]
        raise _body_errors(errors, patch)


async def _raw_body(request: Request) -> bytes:
    return await request.body()


@router.patch(
    "/proposals/{slug}/stances/{iso3}",
    response_model=StanceWriteOut,
    responses={
        200: {"headers": WRITTEN_ETAG},
        **AUTH_RESPONSES,
        **_detail(404, "No such proposal, or the country has no stance on it (PUT creates one)"),
        **_detail(412, "`If-Match` does not match the current `ETag`: someone changed the stance meanwhile",
                  CURRENT_ETAG),
        **_detail(415, f"The body is not sent as `{MERGE_PATCH}`",
                  {"Accept-Patch": {"description": "The patch format taken.", "required": True,
                                    "schema": {"type": "string"}}}),
        **_invalid("The patch is not a JSON object, or the stance it makes is invalid: each error's `loc` names the "
                   f"field (`body`, then its path), `null` for a required field included. {MALFORMED}"),
        **_detail(428, "No `If-Match`, or `If-Match: *`: send the `ETag` from your last read", CURRENT_ETAG),
    },
    openapi_extra={"requestBody": {"required": True, "content": {MERGE_PATCH: {"schema": _patch_schema()}}}},
    summary="Change some fields of a stance",
)
def patch_stance(
    request: Request,
    session: SessionDep,
    slug: SlugPath,
    iso3: CountryPath,
    actor: WriterDep,
    raw: Annotated[bytes, Depends(_raw_body)],
    if_match: Annotated[Optional[str], Header(
        description="The `ETag` you last read: required (428 without it or with `*`, 412 when stale).")] = None,
) -> Response:
    """Change some fields of an existing stance with a JSON Merge Patch (RFC 7396), sent as
    `application/merge-patch+json` (415 otherwise) with `If-Match`.

    The patch applies to the country's position on today's board (what a GET shows; when a statement
    recorded later speaks for an earlier day, not that one), as PUT takes it: fields left out keep their value; `null`
    clears an optional one (`summary`, `stated_on`, a troop figure, all of `troops`, `roles`,
    `conditions`), while `null` for `status` is a 422; `troops` merges figure by figure; `roles`
    and `conditions` are replaced whole (a condition sent with its stored text and category keeps
    its identity, as with PUT). A patch that sends any part of the position (`status`, `troops`,
    `roles`, `conditions`) without `stated_on` is dated as a new statement (its source's publication date,
    else today), never by the day the earlier statement was made; a patch of `summary` or
    `dispute` alone keeps the date. `citation` and `reason` are this change's own and are required,
    as in a PUT: the quote is the word for what the patch changes, and the facts and conditions
    it leaves alone keep their quotes. The result is validated and written exactly as a PUT: the
    same rules, one change row, the same answer with the new `ETag`.
    """
    patch = _patch_document(request, raw)
    _check_patch(patch)
    proposal = board.get_proposal(session, slug)
    code = iso3.upper()
    current = board.find_stance(session, proposal, code)
    if current is None:
        raise NotFound(f"{code} has no stance on {proposal.name} to change: PUT creates one")
    _check_if_match(if_match, stance_etag(slug, code, current.version))
    day = _patch_day(session, patch)
    body = _patched(edit_base(session, current, day), patch, day)
    return _write(session, proposal, slug, code, body, current.version, actor)


def _patch_day(session, patch: dict[str, Any]) -> dt.date | None:
    """The day a patch speaks for, when it names one: its `stated_on`; else, for a patch of the
    position, its source's publication date (a statement of its own, dated as any undated one). A
    statement for an earlier day starts from that day's position. None: today's."""
    if patch.get("stated_on") is not None:
        return _day_of(patch["stated_on"])
    if "stated_on" not in patch and not any(key in patch for key in POSITION_FIELDS):
        return None  # a patch of the summary or dispute alone keeps the statement's day
    citation = patch.get("citation") if isinstance(patch.get("citation"), dict) else {}
    if isinstance(citation.get("source_id"), int):
        return published_on(session, citation["source_id"])
    source = citation.get("source")
    return _day_of(source.get("published_on")) if isinstance(source, dict) else None


def _day_of(value: Any) -> dt.date | None:
    """The day a patch's `stated_on` names (a statement for an earlier day starts from that day's
    position); None when it names none (its error, if any, comes with the rest of the patch's)."""
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _written(slug: str, code: str, notes: list[str] = (), same_as: dt.date | None = None) -> dict:
    """The answer to a write: the latest statement recorded (or, SAME_AS, the one recorded before for
    that day that the write said again), whether the board shows it, and what the write path set
    otherwise than sent (NOTES)."""
    with get_database().read_session() as session:
        result = board.recorded(session, slug, code, same_as)
        return {**board.stance_json(result.statement), "current_position": result.is_current,
                "notice": " ".join(filter(None, [result.notice, *notes])) or None}


@router.post(
    "/sources",
    response_model=SourceDetailOut,
    status_code=201,
    dependencies=JSON_BODY,
    responses={**AUTH_RESPONSES, **NOT_JSON, 200: {"model": SourceDetailOut, "description": "The same source was already "
                                       "stored (same text, or same title; same publisher, address and day): that one"}},
    summary="Add a source",
)
def post_source(body: SourceIn, actor: WriterDep) -> Response:
    """Add an article or statement that changes can cite; leave out what is unknown. A source already
    stored is not copied: describing it again gives the stored one (200) instead of a new one (201)."""
    with get_database().write_session() as ws:
        stored = sources.same_source(ws, body)
        source = stored or create_source(ws, body)
        payload = json_bytes(sources.source_json(source, detail=True))
        source_id = source.id
    if stored is None:
        audit.info("source added via api: user=%s source=%s", actor, source_id)
    return Response(payload, status_code=200 if stored else 201, media_type="application/json",
                    headers={"Location": f"/api/v1/sources/{source_id}"})


# ---- the facts of a proposal ---------------------------------------------------------------------


_FACT_LOCS = {"resolution_state": ["resolution", "state"], "resolution_on": ["resolution", "date"],
              "resolution_text": ["resolution", "text"]}


def _facts_loc(loc: list) -> list:
    """A facts write-path error path, as it appears in the request body."""
    if loc and loc[0] == "citations":
        return ["body", "citation", *loc[2:]]
    if loc and loc[0] in _FACT_LOCS:
        return ["body", *_FACT_LOCS[loc[0]], *loc[1:]]
    return ["body", *loc]


@router.put(
    "/proposals/{slug}",
    response_model=ProposalWriteOut,
    dependencies=JSON_BODY,
    responses={
        **AUTH_RESPONSES,
        **NOT_JSON,
        **_detail(404, "No such proposal"),
        **_detail(412, "`If-Match` does not match the current `ETag` (someone changed the facts meanwhile)"),
        **_invalid("A field is invalid, with its path in the body: e.g. `resolution.date` missing for an "
                   f"adopted resolution, or a quote that is not a passage of its source. {MALFORMED}"),
        **_detail(428, "`If-Match` is required, and `*` is not taken for it"),
    },
    summary="Replace the facts of a proposal",
)
def put_proposal(
    session: SessionDep,
    slug: SlugPath,
    body: ProposalIn,
    actor: WriterDep,
    if_match: Annotated[Optional[str], Header(description="The `ETag` of your last GET of the proposal.")] = None,
) -> Response:
    """Write the facts of the force itself (target, sponsor, UN resolution, mandate, context) through the
    same path as the form: validated, versioned and recorded as a change, dated `stated_on` (else its
    source's publication date, else today). The body is the whole set: a fact left out is emptied.

    `If-Match` with the `ETag` of your last GET is required (428 without it or with `*`, 412 when stale). The quote
    is the word for every fact the write changes, or for the one fact its `field` names; a write that
    changes nothing records nothing. The reply carries the new `ETag`."""
    proposal = board.get_proposal(session, slug)
    _check_if_match(if_match, proposal_etag(slug, proposal.version), "the facts", FACTS_STALE)
    expected = proposal.version
    data = ProposalFacts(
        target_troops=body.target_troops, target_troops_approximate=body.target_troops_approximate,
        target_police=body.target_police, sponsor=body.sponsor, sponsor_country=body.sponsor_country,
        resolution_state=body.resolution.state, resolution_on=body.resolution.date,
        resolution_text=body.resolution.text, mandate_summary=body.mandate_summary,
        context_notes=body.context_notes, stated_on=body.stated_on,
    )
    session.close()  # give the read connection back before queueing for the write lock
    try:
        with get_database().write_session() as ws:
            target = ws.scalars(select(Proposal).where(Proposal.id == proposal.id)).one()
            source_id = body.citation.source_id or create_source(ws, body.citation.source).id
            citation = CitationIn(source_id=source_id, quote=body.citation.quote, field=body.citation.field)
            result = set_proposal_facts(ws, proposal=target, data=data.model_copy(update={"citations": [citation]}),
                                        actor=actor, via="api", reason=body.reason, expected_version=expected)
            version = result.proposal.version
            # What was written (or, for a write that changed nothing, what it matched) and whether the board shows it.
            latest = result.change or last_facts_change(ws, target)
            recorded = board.recorded_facts(ws, slug, latest) if latest is not None else None
    except InvalidInput as exc:
        raise HTTPException(422, [{"loc": _facts_loc(e["loc"]), "msg": e["msg"], "type": "value_error"}
                                  for e in exc.errors])
    except VersionConflict:
        fresh = board.get_proposal(session, slug)
        raise HTTPException(412, FACTS_STALE, headers={"ETag": proposal_etag(slug, fresh.version)})
    audit.info("facts written via api: user=%s proposal=%s version=%s changed=%s", actor, slug, version,
               result.changed)
    with get_database().read_session() as read:
        payload = {**board.proposal_json(board.read_board(read, slug)),
                   "current_facts": recorded.is_current if recorded else True,
                   "notice": recorded.notice if recorded else None}
    return Response(json_bytes(payload), media_type="application/json",
                    headers={"ETag": proposal_etag(slug, version)})
