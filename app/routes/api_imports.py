"""Article import through the API: read an article into suggestions, then apply the accepted ones."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Response

from app.config import get_settings
from app.db import get_database
from app.limits import ARTICLE_LIMIT
from app.routes.api import json_bytes
from app.routes.api_writes import AUTH_RESPONSES, JSON_BODY, NOT_JSON, WriterDep, _detail, _invalid
from app.schemas import ApplyIn, ApplyResultOut, ImportDetailOut, ImportIn, ImportOut, SourceIn
from app.deps import SessionDep
from app.services import board, imports, language
from app.services.errors import InvalidInput
from app.web.browser import audit

router = APIRouter(prefix="/api/v1", tags=["api"])


@router.post(
    "/imports",
    response_model=ImportOut,
    status_code=201,
    dependencies=JSON_BODY,
    responses={**AUTH_RESPONSES, **NOT_JSON, **_detail(404, "No such proposal"),
               **_detail(413, f"The article is over {ARTICLE_LIMIT}, the limit for an article"),
               **_invalid("Invalid, empty, or in English with no country with a stance found")},
    summary="Read an article into suggestions",
)
def post_import(body: ImportIn, actor: WriterDep, session: SessionDep) -> Response:
    """Store the article as a source and return what it says per country; nothing is applied yet.

    `text` may be plain text or an HTML page: text holding markup is reduced to its article (menus,
    scripts and "related stories" boxes dropped), exactly as the import form does. `language` says
    which language the article seems to be in; only English is read, and an article in another
    language is kept with whatever was found and a `message` saying so.
    """
    try:
        text = imports.article_from_text(body.text)
    except imports.ArticleTooLarge as exc:
        raise HTTPException(413, exc.errors[0]["msg"])
    except InvalidInput as exc:
        raise HTTPException(422, [{"loc": ["body", *e["loc"]], "msg": e["msg"], "type": "value_error"} for e in exc.errors])
    source_in = SourceIn(**body.model_dump(exclude={"proposal", "text"}), text=text)
    session.close()  # the token is checked: no connection is held while the article is read
    reading = imports.read(text)  # before the write session: no lock is held while the article is read
    try:
        with get_database().write_session() as ws:
            proposal = board.get_proposal(ws, body.proposal or get_settings().default_proposal)
            record = imports.create_import(ws, proposal, source_in, reading, actor, "api")
            payload = {"id": record.id, "source_id": record.source_id, "suggestions": record.suggestions,
                       "language": reading.language.as_dict(), "also_named": reading.also_named}
    except InvalidInput as exc:
        raise HTTPException(422, [{"loc": ["body", *e["loc"]], "msg": e["msg"], "type": "value_error"} for e in exc.errors])
    audit.info("import created via api: user=%s import=%s", actor, payload["id"])
    return Response(json_bytes(payload), status_code=201, media_type="application/json",
                    headers={"Location": f"/api/v1/imports/{payload['id']}"})


@router.get(
    "/imports/{import_id}",
    response_model=ImportDetailOut,
    responses={**AUTH_RESPONSES, **_detail(404, "No such import")},
    summary="An import, and what was decided on it",
)
def get_import(import_id: Annotated[int, Path(ge=1, le=2**31 - 1)], session: SessionDep, actor: WriterDep) -> Response:
    """An import as `POST /api/v1/imports` answered it, with every decision taken on its suggestions
    since (who, when, the outcome, and the stance version applied)."""
    record = imports.get_import(session, import_id)
    text = record.source.text or ""
    payload = {"id": record.id, "source_id": record.source_id, "suggestions": record.suggestions,
               "language": language.detect(text).as_dict(), "also_named": imports.also_named(text, record.suggestions),
               "decisions": [{"country": d.country_code, "decision": d.decision, "outcome": d.outcome,
                              "decided_by": d.decided_by, "decided_at": d.decided_at, "detail": d.detail,
                              "version": int(d.applied["version"]) if d.applied and "version" in d.applied else None}
                             for d in record.decisions]}
    return Response(json_bytes(payload), media_type="application/json")


@router.post(
    "/imports/{import_id}/apply",
    response_model=list[ApplyResultOut],
    dependencies=JSON_BODY,
    responses={**AUTH_RESPONSES, **NOT_JSON, **_detail(404, "No such import, or no suggestion for a country"),
               409: {"model": list[ApplyResultOut], "description": "At least one stance changed since the import; see each country's outcome"}},
    summary="Apply accepted suggestions",
)
def apply_import(import_id: Annotated[int, Path(ge=1, le=2**31 - 1)], body: ApplyIn, actor: WriterDep) -> Response:
    """Apply each suggestion (as sent, possibly edited) through the write path, citing the article.

    Besides status, figures, conditions and evidence, a suggestion may carry what the review form
    edits: `roles`, `summary`, `stated_on`, `clear_troops`, `remove_conditions`, and per condition
    `state`, `factor` and the `id` of a stored condition to edit. Each decision keeps the stance
    as applied.

    Answers per country: `applied`, `unchanged`, or `conflict` with the current stance (the
    reply is then 409 and nothing was applied for that country). A suggestion refused as invalid
    (422, at its index) leaves the others unapplied too.
    """
    results = []
    index = 0
    try:
        # One transaction: a suggestion refused as invalid leaves every other one unwritten too.
        with get_database().write_session() as ws:
            record = imports.get_import(ws, import_id)
            for index, suggestion in enumerate(body.suggestions):
                outcome = imports.accept(ws, record, suggestion.model_dump(), actor, "api", rebase=body.rebase)
                current = board.find_stance(ws, record.proposal, suggestion.country)
                written = board.recorded(ws, record.proposal.slug, current.country_code) if current else None
                applied = outcome.outcome == "applied"
                results.append({"country": outcome.country, "outcome": outcome.outcome, "version": outcome.version,
                                "change_id": outcome.change_id, "detail": outcome.detail,
                                "stance": board.stance_json(written.statement) if written else None,
                                "current_position": written.is_current if applied else None,
                                "notice": written.notice if applied else None})
    except InvalidInput as exc:
        raise HTTPException(422, [{"loc": ["body", "suggestions", index, *e["loc"]], "msg": e["msg"], "type": "value_error"}
                                  for e in exc.errors])
    audit.info("import applied via api: user=%s import=%s %s", actor, import_id,
               ",".join(f"{r['country']}={r['outcome']}" for r in results))
    status = 409 if any(r["outcome"] == "conflict" for r in results) else 200
    return Response(json_bytes(results), status_code=status, media_type="application/json")
