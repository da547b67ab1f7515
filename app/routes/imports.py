"""Editors import a news article: paste or upload it, review what it says per country, and accept,
edit or reject each suggestion."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError
from starlette.datastructures import FormData, UploadFile

from app.config import get_settings
from app.db import get_database
from app.deps import CountryPath, SessionDep
from app.limits import ARTICLE_BODY_MAX_BYTES, ARTICLE_LIMIT, ARTICLE_MAX_BYTES
from app.models import CONDITION_CATEGORIES, STATUSES
from app.routes.forms import submitted_form
from app.schemas import MAX_TROOPS, SourceIn
from app.services import board, imports, language
from app.services.errors import InvalidInput
from app.text_rule import field_message
from app.web import EditorDep, audit, check_csrf, load_viewer, redirect, render

router = APIRouter(tags=["imports"], default_response_class=HTMLResponse, include_in_schema=False,
                   dependencies=[Depends(load_viewer)])
ImportId = Annotated[int, Path(ge=1, le=2**31 - 1)]
FIELDS = ("title", "publisher", "url", "published_on", "text", "proposal")


async def import_form(request: Request) -> FormData:
    # Parts may be as large as a body that can still hold an article under the limit, so that the
    # article is measured (and the message given beside its field) rather than the part refused.
    return await request.form(max_files=1, max_fields=50, max_part_size=ARTICLE_BODY_MAX_BYTES)


def _new_page(request, session, values: dict[str, str], errors: dict[str, str], status_code: int = 200) -> Response:
    context = {"values": values, "errors": errors, "proposals": board.list_proposals(session),
               "article_limit": ARTICLE_LIMIT}
    return render(request, "import_new.html", context, status_code=status_code)


@router.get("/import")
def new_import(request: Request, session: SessionDep, viewer: EditorDep) -> Response:
    """Paste an article or upload a .txt or .html file."""
    values = {k: "" for k in FIELDS} | {"proposal": get_settings().default_proposal}
    return _new_page(request, session, values, {})


# A plain function, so FastAPI runs it in a worker thread: reading an article (trafilatura, the
# reader, the language identifier) and writing it take time, and the event loop keeps answering
# other requests meanwhile.
@router.post("/import")
def create_import(request: Request, session: SessionDep, viewer: EditorDep,
                  submitted: Annotated[FormData, Depends(import_form)]) -> Response:
    """Read the article; keep it and its suggestions only if it names countries with stances."""
    check_csrf(request, submitted.get("csrf_token"), viewer.csrf_token)
    values = {k: (submitted.get(k) if isinstance(submitted.get(k), str) else "") for k in FIELDS}
    errors: dict[str, str] = {}
    for key in FIELDS:
        message = None if key == "text" else field_message(values[key])
        if message:
            errors[key] = message
    # The article itself loses what the text rule forbids rather than being refused for it; an
    # HTML page, uploaded or pasted, is reduced to its article (imports.article_from_text).
    upload = submitted.get("file")
    field = "file" if isinstance(upload, UploadFile) and upload.filename else "text"
    text = ""
    too_large = False
    try:
        if field == "file":
            text = imports.article_from_file(upload.filename, upload.file.read(ARTICLE_MAX_BYTES + 1))
        else:
            text = imports.article_from_text(values["text"])
    except imports.ArticleTooLarge as exc:
        errors[field] = exc.errors[0]["msg"]
        too_large = True
        values["text"] = ""  # not sent back: the page would be as large as the article
    except imports.ArticleEmpty:
        errors[field] = ("The article is empty: the file has no text in it." if field == "file"
                         else "The article is empty: paste its text, or choose a file.")
    except InvalidInput as exc:
        errors[field] = exc.errors[0]["msg"]
    source_in = None
    if not errors:
        try:
            source_in = SourceIn(title=values["title"], publisher=values["publisher"].strip() or None,
                                 url=values["url"].strip() or None, published_on=values["published_on"] or None,
                                 text=text)
        except ValidationError as exc:
            for e in exc.errors():
                name = str(e["loc"][0]) if e["loc"] else "text"
                errors.setdefault(name if name in FIELDS else "text", _friendly(name, e["msg"]))
    if errors:
        return _new_page(request, session, values, errors, status_code=413 if too_large else 422)
    try:
        with get_database().write_session() as ws:
            proposal = board.get_proposal(ws, values["proposal"] or get_settings().default_proposal)
            record, _language = imports.create_import(ws, proposal, source_in, viewer.name, "form")
            import_id, found = record.id, len(record.suggestions)
    except InvalidInput as exc:
        errors["text"] = exc.errors[0]["msg"][:1].upper() + exc.errors[0]["msg"][1:] + ". Nothing was saved."
        return _new_page(request, session, values, errors, status_code=422)
    audit.info("import created: user=%s import=%s suggestions=%s", viewer.name, import_id, found)
    # The review page says which language the article seems to be in when it is not English.
    return redirect(f"/imports/{import_id}", f"Read the article: {found} countr{'y' if found == 1 else 'ies'} to review.")


def _friendly(name: str, message: str) -> str:
    if name == "url":
        return "Enter a web address starting with http:// or https://."
    if name == "published_on":
        return "Enter a date as YYYY-MM-DD, between 1900 and 2999."
    if name == "title":
        return "Give the article's title (up to 300 characters)."
    return message[:1].upper() + message[1:] + "."


@router.get("/imports")
def list_imports(request: Request, session: SessionDep, viewer: EditorDep) -> Response:
    """Every import, newest first, with how its suggestions were decided."""
    return render(request, "imports.html", {"imports": imports.list_imports(session)})


def _review_page(request, session, record, errors: dict[str, dict[str, str]] | None = None,
                 edited: dict[str, dict[str, Any]] | None = None, status_code: int = 200) -> Response:
    proposal = record.proposal
    rows = []
    quotes = []
    for s in record.suggestions:
        current = board.find_stance(session, proposal, s["country"])
        shown = (edited or {}).get(s["country"], s)
        rows.append({"s": s, "shown": shown, "current": current, "decision": imports.decision_for(record, s["country"]),
                     "errors": (errors or {}).get(s["country"], {})})
        quotes += s.get("evidence", []) + [q for c in s.get("conditions", []) for q in c.get("evidence", [])]
    segments = board.highlight_quotes(record.source.text or "", quotes)
    context = {"record": record, "proposal": proposal, "rows": rows, "segments": segments,
               "language": language.detect(record.source.text or ""),
               "statuses": STATUSES, "categories": CONDITION_CATEGORIES}
    return render(request, "import_review.html", context, status_code=status_code)


@router.get("/imports/{import_id}")
def review_import(request: Request, session: SessionDep, import_id: ImportId, viewer: EditorDep) -> Response:
    """Each country the article speaks of: today's stance beside the suggestion, with the evidence."""
    return _review_page(request, session, imports.get_import(session, import_id))


def edited_suggestion(original: dict[str, Any], form: FormData) -> tuple[dict[str, Any], dict[str, str]]:
    """The suggestion as the editor left it in the review form, and any problems, by field."""
    errors: dict[str, str] = {}

    def text(name: str, limit: int = 600) -> str:
        value = form.get(name)
        if not isinstance(value, str):
            return ""
        message = field_message(value)
        if message:
            errors.setdefault(name, message)
        return value.strip()[:limit]

    status = text("status", 20)
    if status not in STATUSES:
        errors["status"] = "Choose one of the statuses."
    troops: dict[str, int | None] = {}
    for key in ("offered_min", "offered_max", "committed", "deployed"):
        raw = text(key, 20).replace(",", "")
        if raw and not raw.isdecimal():
            errors.setdefault(key, "A whole number, or empty.")
        elif raw and int(raw) > MAX_TROOPS:
            errors.setdefault(key, f"At most {MAX_TROOPS:,}.")
        troops[key] = int(raw) if raw.isdecimal() and int(raw) <= MAX_TROOPS else None
    if troops["offered_min"] is not None and troops["offered_max"] is not None and troops["offered_max"] < troops["offered_min"]:
        errors["offered_max"] = "Cannot be less than the least offered."
    conditions = []
    for i, c in enumerate(original.get("conditions", [])):
        if not form.get(f"cond-{i}-keep"):
            continue
        body = text(f"cond-{i}-text", 500)
        category = text(f"cond-{i}-category", 40)
        if not body:
            errors.setdefault(f"cond-{i}-text", "Describe the condition, or untick it.")
        if category not in CONDITION_CATEGORIES:
            errors[f"cond-{i}-category"] = "Choose a category."
        conditions.append({"text": body, "category": category, "evidence": c.get("evidence", [])})
    return ({"country": original["country"], "country_name": original.get("country_name"), "status": status,
             "troops": troops, "conditions": conditions, "evidence": original.get("evidence", [])}, errors)


@router.post("/imports/{import_id}/countries/{iso3}")
def decide(request: Request, session: SessionDep, import_id: ImportId, iso3: CountryPath, viewer: EditorDep,
           submitted: Annotated[FormData, Depends(submitted_form)]) -> Response:
    """Accept (as edited) or reject one country's suggestion."""
    check_csrf(request, submitted.get("csrf_token"), viewer.csrf_token)
    record = imports.get_import(session, import_id)
    code = iso3.upper()
    original = imports.suggestion_for(record, code)
    action = submitted.get("action")
    anchor = f"/imports/{import_id}#suggestion-{code}"
    if action == "reject":
        with get_database().write_session() as ws:
            imports.reject(ws, imports.get_import(ws, import_id), code, viewer.name)
        audit.info("import suggestion rejected: user=%s import=%s country=%s", viewer.name, import_id, code)
        return redirect(anchor, f"Rejected the suggestion for {original['country_name']}.")
    if action not in ("accept", "rebase"):
        return redirect(anchor, "Choose accept or reject.")
    suggestion, errors = edited_suggestion(original, submitted)
    if errors:
        return _review_page(request, session, record, {code: errors}, {code: suggestion}, status_code=422)
    try:
        with get_database().write_session() as ws:
            outcome = imports.accept(ws, imports.get_import(ws, import_id), suggestion, viewer.name, "form",
                                     rebase=action == "rebase")
    except InvalidInput as exc:
        session.rollback()
        problems = {"status": "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors)}
        return _review_page(request, session, record, {code: problems}, {code: suggestion}, status_code=422)
    audit.info("import suggestion accepted: user=%s import=%s country=%s outcome=%s", viewer.name, import_id, code, outcome.outcome)
    messages = {
        "applied": f"Applied to {original['country_name']} (version {outcome.version}).",
        "unchanged": f"{original['country_name']} already says this; nothing was recorded.",
        "conflict": f"{original['country_name']} was changed after this article was read; nothing was applied. "
                    "Compare, then apply on top of the current version if it still holds.",
    }
    return redirect(anchor, messages[outcome.outcome])
