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
from app.web import merge, stance_form
from app.vocabulary import CONDITION_CATEGORIES, QUOTE_FACT_LABELS, ROLES, STATES, STATUS_LABELS, STATUSES, quote_fact_labels
from app.routes.forms import submitted_form
from app.schemas import SourceIn, form_number
from app.services import board, imports, language, sources
from app.services.errors import InvalidInput
from app.text_rule import field_message
from app.web.browser import EditorDep, audit, check_form_token, load_viewer, redirect, render

router = APIRouter(tags=["imports"], default_response_class=HTMLResponse, include_in_schema=False,
                   dependencies=[Depends(load_viewer)])
ImportId = Annotated[int, Path(ge=1, le=2**31 - 1)]
FIELDS = ("title", "publisher", "url", "published_on", "text", "proposal")


async def import_form(request: Request) -> FormData:
    # Parts may be as large as a body that can still hold an article under the limit, so that the
    # article is measured (and the message given beside its field) rather than the part refused.
    return await request.form(max_files=1, max_fields=50, max_part_size=ARTICLE_BODY_MAX_BYTES)


def _new_page(request, session, values: dict[str, str], errors: dict[str, str], status_code: int = 200,
              too_large: bool = False) -> Response:
    context = {"values": values, "errors": errors, "proposals": board.list_proposals(session),
               "article_limit": ARTICLE_LIMIT, "too_large": too_large}
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
    check_form_token(request, submitted.get("csrf_token"), viewer)
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
    both = field == "file" and bool(values["text"].strip())  # which article is meant is the editor's to say
    if both:
        errors["text"] = ("Give the article once: paste its text or choose a file, not both. Clear the text to "
                          "import the file.")
    try:
        if field == "file" and not both:
            text = imports.article_from_file(upload.filename, upload.file.read(ARTICLE_MAX_BYTES + 1))
        elif not both:
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
        return _new_page(request, session, values, errors, status_code=413 if too_large else 422, too_large=too_large)
    session.close()  # the editor is known: no connection is held while the article is read
    reading = imports.read(text)  # before the write session: no lock is held while the article is read
    try:
        with get_database().write_session() as ws:
            proposal = board.get_proposal(ws, values["proposal"] or get_settings().default_proposal)
            record = imports.create_import(ws, proposal, source_in, reading, viewer.name, "form")
            import_id, found = record.id, len(record.suggestions)
    except InvalidInput as exc:
        errors["text"] = exc.errors[0]["msg"][:1].upper() + exc.errors[0]["msg"][1:] + ". Nothing was saved."
        return _new_page(request, session, values, errors, status_code=422)
    audit.info("import created: user=%s import=%s suggestions=%s", viewer.name, import_id, found)
    # The review page says which language the article seems to be in when it is not English.
    return redirect(f"/imports/{import_id}", f"Read the article: {found} countr{'y' if found == 1 else 'ies'} to review.")


VALUE_ERROR = "Value error, "  # how pydantic prefixes the message of a rule a validator of ours breaks


def _friendly(name: str, message: str) -> str:
    if name == "url":
        return "Enter a web address starting with http:// or https://."
    if name == "published_on" and not message.startswith(VALUE_ERROR):
        return "Enter a date as YYYY-MM-DD, between 1900 and 2999."
    if name == "title":
        return "Give the article's title (up to 300 characters)."
    message = message.removeprefix(VALUE_ERROR)  # a rule of ours: its own words
    return message[:1].upper() + message[1:] + "."


@router.get("/imports")
def list_imports(request: Request, session: SessionDep, viewer: EditorDep) -> Response:
    """Every import, newest first, with how its suggestions were decided."""
    return render(request, "imports.html", {"imports": imports.list_imports(session)})


def review_form(session, record, suggestion: dict[str, Any], stance) -> stance_form.StanceForm:
    """The review form as it opens: the stance as it would be with the suggestion applied (the
    stored conditions, editable and removable, and the suggested ones), dated the day the article
    was published when that is known, citing the passages the reader found."""
    data = imports.stance_data_for(session, record.proposal, stance, suggestion, record.source_id)
    stated_on = data.stated_on
    form = stance_form.StanceForm(
        status=data.status,
        **{k: "" if v is None else str(v) for k, v in data.troops.model_dump().items()},
        roles=list(data.roles),
        summary=data.summary or "",
        stated_on=stated_on.isoformat() if stated_on else "",
        dispute=data.dispute or "",
        version=str(stance.version if stance else 0),
    )
    passages_of = {c["category"]: (c.get("evidence") or [c["text"]]) for c in suggestion.get("conditions") or []}
    for c in data.conditions:
        row = stance_form.ConditionRow("" if c.id is None else str(c.id), c.text, c.category, c.state, c.factor or "")
        if c.id is None:
            row.passages = [q for q in passages_of.get(c.category, []) if len(q) >= 3][:imports.MAX_EVIDENCE]
            row.quote = c.citations[0].quote if c.citations else ""
        form.conditions.append(row)
    # A condition the article proposes where the stance already has one of its kind is not added on
    # its own, but it is shown, ticked for removal, for the editor to add knowingly.
    shown = {c.text for c in data.conditions}
    day = imports.suggestion_day(session, suggestion, record.source_id)
    for c in suggestion.get("conditions") or []:
        if c["text"][:500] not in shown and c.get("category") in CONDITION_CATEGORIES:
            factor, state = imports.proposed_factor_and_state(session, record.proposal, c, day)
            row = stance_form.ConditionRow("", c["text"][:500], c["category"], state, factor or "", remove=True)
            row.passages = [q for q in passages_of.get(c["category"], []) if len(q) >= 3][:imports.MAX_EVIDENCE]
            # Its own passage, ready: added knowingly, it rests on the words that state it, not on the
            # stance's passage.
            row.quote = next((q for q in c.get("evidence") or [] if len(q) >= 3), "")
            form.conditions.append(row)
    form.evidence = [stance_form.EvidenceRow(q) for q in (suggestion.get("evidence") or [])[:imports.MAX_EVIDENCE]]
    return form.with_blank_rows(1)


def _quotes_of(form: stance_form.StanceForm | None, suggestion: dict[str, Any], decision) -> list[str]:
    """The passages of the article to highlight for one suggestion: those the reader found, those
    the editor chose or edited, and those an accept cited."""
    quotes = list(suggestion.get("evidence") or []) + [q for c in suggestion.get("conditions") or [] for q in c.get("evidence") or []]
    if form is not None:
        quotes += [e.quote.strip() for e in form.evidence if e.keep] + [c.quote.strip() for c in form.conditions if c.quote]
    if decision is not None and decision.applied:
        source_id = decision.import_.source_id
        applied = decision.applied
        quotes += [q["quote"] for q in applied.get("citations", []) if q.get("source_id") == source_id]
        quotes += [q["quote"] for c in applied.get("conditions", []) for q in c.get("citations", []) if q.get("source_id") == source_id]
    return [q for q in quotes if len(q) >= 3]


def cited_passages(applied: dict[str, Any], source_id: int) -> list[tuple[str, list[str]]]:
    """The passages of the article (SOURCE_ID) an accept cited, each once, with what each is the word
    for: the stance's facts it was recorded for, and the conditions that cite it."""
    fields: dict[str, list[str]] = {}
    for q in applied.get("citations") or []:
        if q.get("source_id") == source_id:
            fields.setdefault(q["quote"], []).extend([q["field"]] if q.get("field") else [])
    backs = {quote: [label.lower() for label in quote_fact_labels(named)] for quote, named in fields.items()}
    for c in applied.get("conditions") or []:
        for q in c.get("citations") or []:
            if q.get("source_id") == source_id:
                backs.setdefault(q["quote"], []).append(f"the condition “{c['text']}”")
    return list(backs.items())


def _review_page(request, session, record, errors: dict[str, dict[str, str]] | None = None,
                 edited: dict[str, stance_form.StanceForm] | None = None, status_code: int = 200,
                 notices: dict[str, str] | None = None, decided: dict[str, str] | None = None) -> Response:
    proposal = record.proposal
    rows = []
    quotes = []
    today = board.read_board(session, proposal.slug)  # "Now": what today's board shows, as it reads it
    for s in record.suggestions:
        current = board.find_stance(session, proposal, s["country"])
        decision = imports.decision_for(record, s["country"])
        form = (edited or {}).get(s["country"])  # an editor's review shown again is shown whatever was decided
        if form is None and (decision is None or decision.outcome == "conflict"):
            form = review_form(session, record, s, current)
        known = imports.known_version(session, record, s)
        earlier = [e for e in record.decisions if e.country_code == s["country"] and e is not decision][::-1]
        # A summary kept from the position the suggestion starts from (of the article's day), under another
        # status than it was written for, says so.
        then = (board.read_board(session, proposal.slug, as_of=imports.suggestion_day(session, s, record.source_id),
                                 country=s["country"]).position(s["country"])
                if form is not None and current is not None and not s.get("summary") else None)
        stale_summary = (then is not None and then.summary and form.summary == then.summary
                         and form.status != then.status)
        rows.append({"s": s, "form": form, "current": current, "now": today.position(s["country"]),
                     "decision": decision, "earlier": earlier,
                     "decided": (decided or {}).get(s["country"]) or imports.decided_token(record, s["country"]),
                     "summary_note": (f"Written when {s['country_name']} was {STATUS_LABELS[then.status].lower()}: "
                                      "check that it still holds, or clear it.") if stale_summary else None,
                     "known_version": known,
                     "changed_since": current is not None and current.version != known
                                      or current is None and known != 0,
                     "errors": (errors or {}).get(s["country"], {}), "notice": (notices or {}).get(s["country"])})
        quotes += _quotes_of(form, s, decision)
    segments = sources.highlight_quotes(record.source.text or "", quotes)
    context = {"record": record, "proposal": proposal, "rows": rows, "segments": segments,
               "language": language.detect(record.source.text or ""),
               "also_named": imports.also_named(record.source.text or "", record.suggestions),
               "statuses": STATUSES, "categories": CONDITION_CATEGORIES, "states": STATES, "roles": ROLES,
               "factors": proposal.factors, "factor_names": {f.slug: f.name for f in proposal.factors},
               "cited_passages": cited_passages}
    return render(request, "import_review.html", context, status_code=status_code)


@router.get("/imports/{import_id}")
def review_import(request: Request, session: SessionDep, import_id: ImportId, viewer: EditorDep) -> Response:
    """Each country the article speaks of: today's stance beside the suggestion, with the evidence."""
    return _review_page(request, session, imports.get_import(session, import_id))


@router.post("/imports/{import_id}/countries/{iso3}")
def decide(request: Request, session: SessionDep, import_id: ImportId, iso3: CountryPath, viewer: EditorDep,
           submitted: Annotated[FormData, Depends(submitted_form)]) -> Response:
    """Accept (as reviewed) or reject one country's suggestion."""
    check_form_token(request, submitted.get("csrf_token"), viewer)
    record = imports.get_import(session, import_id)
    code = iso3.upper()
    original = imports.suggestion_for(record, code)
    action = submitted.get("action")
    anchor = f"/imports/{import_id}#suggestion-{code}"
    latest = imports.deciding(record, code)
    seen = submitted.get("decided")
    # Decided since this form was made (by a colleague, or in another window): deciding again from it
    # would undo that decision unseen.
    stale = latest is not None and seen is not None and seen != imports.decided_token(record, code)
    meanwhile = (f"{latest.decided_by} {_decided_words(latest)} the suggestion for {original['country_name']} "
                 f"after this form was opened") if stale else ""
    # A page shown again (more rows, a mistake to mend) keeps the decision the form was made after.
    kept_token = {code: seen} if seen is not None else None
    if stale and action == "reject":
        return redirect(anchor, f"Nothing was done: {meanwhile}. Here it is as it stands now.")
    if action == "reject":
        with get_database().write_session() as ws:
            imports.reject(ws, imports.get_import(ws, import_id), code, viewer.name)
        audit.info("import suggestion rejected: user=%s import=%s country=%s", viewer.name, import_id, code)
        return redirect(anchor, f"Rejected the suggestion for {original['country_name']}.")
    if action not in ("accept", "rebase", "more_rows"):
        return redirect(anchor, "Choose accept or reject.")
    form = stance_form.read_form(submitted)
    if action == "more_rows":
        return _review_page(request, session, record, {}, {code: form.with_more_rows()}, decided=kept_token)
    parsed = stance_form.parse_review(form, record.source_id)
    # Applied on top of the version the form was filled in over; a form without one is taken to be
    # over a version no stance has, so it conflicts and is shown again over the current one.
    over_version = form_number(form.version)
    if over_version is None and action == "rebase":
        over_version = -1
    if parsed.data is None:
        return _review_page(request, session, record, {code: form.errors}, {code: form.with_blank_rows(1)},
                            status_code=422, decided=kept_token)
    current = board.find_stance(session, record.proposal, code)
    if stale and latest.decision == "accepted" and imports.same_as_applied(latest, parsed.data):
        # The same review sent twice (a double click, a second window): it is on the board already.
        return redirect(anchor, f"Nothing more was done: {meanwhile}, exactly as this review says.")
    if stale and (current.version if current else 0) == over_version:
        # The stance is as the form saw it (the suggestion was rejected, or accepted with no change):
        # the review is kept, to accept knowingly.
        return _review_page(request, session, record, {}, {code: form.with_blank_rows(1)}, status_code=409,
                            notices={code: f"Not applied: {meanwhile}. Your review is kept below: accept it again "
                                           "to apply it anyway."})
    try:
        with get_database().write_session() as ws:
            outcome = imports.accept(ws, imports.get_import(ws, import_id), original, viewer.name, "form",
                                     rebase=action == "rebase", data=parsed.data, over_version=over_version)
            notice = (board.recorded(ws, record.proposal.slug, code).notice
                      if outcome.outcome == "applied" else None)
    except InvalidInput as exc:
        session.rollback()
        for e in exc.errors:
            name = stance_form.error_field(e["loc"], parsed.row_of, parsed.evidence_of)
            message = e["msg"]
            if "exact passage" in message:
                message = "This is not a passage of the article: quote its exact words"
            form.error(name, message[:1].upper() + message[1:] + ".")
        return _review_page(request, session, record, {code: form.errors}, {code: form.with_blank_rows(1)},
                            status_code=422, decided=kept_token)
    audit.info("import suggestion accepted: user=%s import=%s country=%s outcome=%s", viewer.name, import_id, code, outcome.outcome)
    if outcome.outcome == "conflict":
        session.rollback()
        record = imports.get_import(session, import_id)
        # The same review sent twice at once (a double click): the other one applied it, exactly so, and
        # the stance is still as it left it.
        done = imports.deciding(record, code)
        now = board.find_stance(session, record.proposal, code)
        if done is not None and done.decision == "accepted" and imports.same_as_applied(done, parsed.data) \
                and now is not None and done.applied.get("version") == now.version:
            return redirect(anchor, f"Nothing more was done: {done.decided_by} {_decided_words(done)} the suggestion "
                                    f"for {original['country_name']} a moment ago, exactly as this review says.")
        # Nothing the editor reviewed is lost: the page comes back with their review merged with
        # what was saved meanwhile, to check and apply on top of it.
        merged, message = _merged_review(session, record, original["country_name"], code, form, parsed.data)
        return _review_page(request, session, record, {}, {code: merged.with_blank_rows(1)}, status_code=409,
                            notices={code: message})
    messages = {
        "applied": f"Applied to {original['country_name']} (version {outcome.version}).",
        "unchanged": f"{original['country_name']} already says this; nothing was recorded.",
    }
    return redirect(anchor, messages[outcome.outcome] + (f" {notice}" if notice else "")
                    + (f" {_unquoted_words(parsed)}" if outcome.outcome == "applied" and parsed.unquoted else ""))


def _unquoted_words(parsed: stance_form.ParsedReview) -> str:
    """What of the applied figures rests on no quote: figures changed on review that no passage kept gives."""
    troops = parsed.data.troops.model_dump()
    named = [f"{QUOTE_FACT_LABELS[name].lower()} ({troops[name]:,})" for name in parsed.unquoted]
    said = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    return (f"No passage you kept gives {said}: {'it rests' if len(named) == 1 else 'they rest'} on no quote; "
            "cite one on the country's page.")


def _decided_words(decision) -> str:
    if decision.outcome == "applied" and decision.applied:
        return f"accepted (version {decision.applied['version']})"
    return "rejected" if decision.outcome == "rejected" else "accepted"


def _merged_review(session, record, name: str, code: str, form: stance_form.StanceForm,
                   data) -> tuple[stance_form.StanceForm, str]:
    """After a conflict: the editor's review (FORM, parsed as DATA) merged field by field with the
    stance saved meanwhile, on top of the version the form was filled in over (app/web/merge.py), and
    the words that say what became of it. A field both changed differently keeps the editor's value."""
    current = board.find_stance(session, record.proposal, code)
    if current is None:  # stances are never deleted: only a form made over a version no stance has
        form.version = "0"
        return form, f"Not applied: {name} has no stance to apply this on top of. Your review is kept below."
    base_version = form_number(form.version)
    outcome = merge.with_current(session, current, base_version, data, form, record.source.title)
    parts = [f"Not applied: {name} was changed by someone else after this article was read (now version "
             f"{current.version}). Your review is kept below, merged with that change."]
    taken = outcome.taken()
    if taken:
        parts.append(f"Taken from the current version: {', '.join(taken)}.")
    if outcome.clashes:
        parts.append("Changed differently on both sides, kept as you reviewed it: " + "; ".join(
            f"{c.label} (now {c.theirs}; yours {c.mine})" for c in outcome.clashes) + ".")
    parts.append("Check it against “Now”, then apply it on top of the current version, or reject it.")
    return outcome.form, " ".join(parts)
