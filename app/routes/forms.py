"""Editors' forms: a country's stance, adding a country, a factor's state, the facts of the force."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from starlette.datastructures import FormData

from app.web import merge, proposal_form, stance_form
from app.web.new_source import NEW_SOURCE_FIELDS, parse_new_source, picks_new_source
from app.countries import country_info, search_countries
from app.db import get_database, utcnow
from app.deps import CountryPath, ProposalDep, SessionDep, SlugPath
from app.models import Proposal, Source
from app.vocabulary import CONDITION_CATEGORIES, RESOLUTION_STATES, ROLES, STATE_LABELS, STATES, STATUSES, day_words
from app.schemas import CitationIn, form_number
from app.services import board, history
from app.services.errors import InvalidInput, NotFound, VersionConflict
from app.services.factors import factor_day, factor_version, set_factor, shown_factor
from app.services.proposals import (facts_from_their_day, facts_version, last_facts_change, recorded_stated_on,
                                    set_proposal_facts)
from app.services.sources import create_source
from app.services.stances import edit_base, from_its_day, set_stance
from app.text_rule import field_message
from app.web.browser import EditorDep, audit, check_form_token, load_viewer, redirect, render

router = APIRouter(tags=["forms"], default_response_class=HTMLResponse, include_in_schema=False,
                   dependencies=[Depends(load_viewer)])


async def submitted_form(request: Request) -> FormData:
    return await request.form(max_files=0, max_fields=500)


FormDep = Annotated[FormData, Depends(submitted_form)]


def _sources(session) -> list[Source]:
    return list(session.scalars(select(Source).order_by(Source.id.desc()).limit(200)))


def _country_name(code: str) -> str:
    info = country_info(code)
    if info is None:
        raise NotFound(f"{code} is not an ISO 3166-1 alpha-3 country code.")
    return info.name


def _edit_page(request, session, proposal, code, form, viewer, status_code=200, conflict=None,
               merged=None) -> Response:
    stance = board.find_stance(session, proposal, code)
    context = {
        "proposal": proposal,
        "code": code.upper(),
        "country_name": _country_name(code),
        "alpha2": country_info(code).alpha2,
        "stance": stance,
        "form": form,
        "statuses": STATUSES,
        "categories": CONDITION_CATEGORIES,
        "states": STATES,
        "roles": ROLES,
        "factors": proposal.factors,
        "sources": _sources(session),
        "conflict": conflict,
        "merge": merged,
    }
    return render(request, "edit_stance.html", context, status_code=status_code)


@router.get("/proposals/{slug}/countries/new")
def add_country(request: Request, session: SessionDep, proposal: ProposalDep, viewer: EditorDep,
                q: Annotated[str, Query(max_length=100)] = "") -> Response:
    """Find a country not yet on the board, by name, code or alias."""
    on_board = board.countries_with_stances(session, proposal)
    found = search_countries(q) if q.strip() else []
    results = [c for c in found if c.code not in on_board]
    already = [c for c in found if c.code in on_board]  # linked to their own pages
    return render(request, "add_country.html", {"proposal": proposal, "q": q, "results": results, "on_board": on_board,
                                                "already": already})


@router.get("/proposals/{slug}/countries/{iso3}/edit")
def edit_stance_form(request: Request, session: SessionDep, proposal: ProposalDep, iso3: CountryPath,
                     viewer: EditorDep,
                     source_id: Annotated[int | None, Query(ge=1, le=2**31 - 1, description="A source to cite, chosen in the form.")] = None) -> Response:
    """The stance form, filled with what is saved now; SOURCE_ID, when it names a source, is the one
    chosen to cite (from an import's review page, say)."""
    code = iso3.upper()
    _country_name(code)
    stance = board.find_stance(session, proposal, code)
    form = stance_form.form_from_stance(edit_base(session, stance) if stance else None, stance.version if stance else 0)
    if source_id is not None and session.get(Source, source_id) is not None:
        form.source_id, form.quote = str(source_id), ""
    return _edit_page(request, session, proposal, code, form, viewer)


def _write_stance(proposal, code: str, viewer, parsed: stance_form.ParsedStance, form: stance_form.StanceForm,
                  expected_version: int) -> tuple[int, bool, str | None]:
    """Write PARSED through the write path on top of EXPECTED_VERSION; the new version, whether anything
    changed, and the notice for a statement dated before the one the board shows."""
    with get_database().write_session() as ws:
        current = ws.scalars(select(Proposal).where(Proposal.id == proposal.id)).one()
        if parsed.new_source is not None:
            source_id = create_source(ws, parsed.new_source).id
        else:
            source_id = parsed.data.citations[0].source_id
        data = stance_form.with_citation(parsed.data, source_id, form.quote.strip())
        existing = board.find_stance(ws, current, code)
        taken: str | None = None
        if existing is not None:
            data, taken = from_its_day(ws, existing, data)
        result = set_stance(
            ws, proposal=current, country_code=code, data=data, actor=viewer.name, via="form",
            reason=parsed.reason, expected_version=expected_version,
        )
        changed = result.changed
        notice = board.recorded(ws, proposal.slug, code).notice if changed else None
        notice = " ".join(filter(None, [notice, taken if changed else None, *result.notes])) or None
        return result.stance.version, changed, notice


def _source_title(session, form: stance_form.StanceForm) -> str:
    if form.source_id == "new":
        return form.source_title.strip() or "a new source"
    source_id = form_number(form.source_id)
    source = session.get(Source, source_id) if source_id is not None else None
    return source.title if source else "no source chosen"


def _merged_message(name: str, version: int, changed: bool, outcome: merge.Merge, authors: list[str],
                    viewer_name: str) -> str:
    names = ["you, in another window" if a == viewer_name else a for a in authors]
    who = " and ".join(names) if names else "a colleague"
    if not changed:
        return f"Nothing changed for {name}: the same had been saved meanwhile by {who}; nothing was recorded."
    taken = outcome.taken()
    kept = f" Kept from that version: {', '.join(taken)}." if taken else ""
    return (f"Saved {name} (version {version}), merged with the changes saved meanwhile by {who} "
            f"(version {outcome.theirs_version}).{kept}")


# A merged save that loses the race again is merged again, this many times at most.
MERGE_ATTEMPTS = 3


@router.post("/proposals/{slug}/countries/{iso3}/edit")
def save_stance(request: Request, session: SessionDep, proposal: ProposalDep, iso3: CountryPath,
                viewer: EditorDep, submitted: FormDep) -> Response:
    """Save the stance through the write path; on any problem show the form again, nothing lost.

    When a colleague saved the stance since the form was opened, the editor's changes are merged
    with theirs (app/web/merge.py): saved at once when no field was changed differently by both,
    else shown again with the merged values and a choice for each clash."""
    check_form_token(request, submitted.get("csrf_token"), viewer)
    code = iso3.upper()
    name = _country_name(code)
    form = stance_form.read_form(submitted)
    chosen = merge.theirs_chosen(submitted)
    if chosen:  # a conflict page settled: the colleague's value where the editor chose theirs
        merge.apply_choices(form, chosen, merge.position_at(session, board.find_stance(session, proposal, code),
                                                            form_number(form.version)))
    if submitted.get("action") == "more_rows":
        return _edit_page(request, session, proposal, code, form.with_more_rows(), viewer)
    parsed = stance_form.parse(form)
    if parsed.data is None:
        return _edit_page(request, session, proposal, code, form.with_blank_rows(), viewer, status_code=422)
    # A form without a saved version to build on (a new country's "0", or a missing, negative or
    # unreadable value) creates: the write path then refuses it if the stance exists by now, deciding
    # under its lock, so two editors adding one country cannot both succeed.
    attempt, attempt_form, expected = parsed, form, parsed.expected_version or 0
    outcome: merge.Merge | None = None
    current = None
    for _ in range(MERGE_ATTEMPTS):
        try:
            version, changed, notice = _write_stance(proposal, code, viewer, attempt, attempt_form, expected)
            break
        except InvalidInput as exc:
            for e in exc.errors:
                attempt_form.error(stance_form.error_field(e["loc"], attempt.row_of),
                                   e["msg"][:1].upper() + e["msg"][1:] + ".")
            session.rollback()
            return _edit_page(request, session, proposal, code, attempt_form.with_blank_rows(), viewer,
                              status_code=422, conflict=current, merged=outcome)
        except VersionConflict:
            session.rollback()
            audit.info("conflict: user=%s stance=%s/%s expected v%s", viewer.name, proposal.slug, code, form.version)
            current = board.find_stance(session, proposal, code)
            if current is None:  # nothing to merge with (cannot happen while stances are never deleted)
                form.version = "0"
                return _edit_page(request, session, proposal, code, form.with_blank_rows(), viewer, status_code=409)
            outcome = merge.with_current(session, current, parsed.expected_version, parsed.data, form,
                                         _source_title(session, form))
            attempt_form = outcome.form
            attempt = stance_form.parse(attempt_form)
            if outcome.clashes or attempt.data is None:
                return _edit_page(request, session, proposal, code, attempt_form.with_blank_rows(), viewer,
                                  status_code=409, conflict=current, merged=outcome)
            expected = current.version
    else:
        return _edit_page(request, session, proposal, code, attempt_form.with_blank_rows(), viewer, status_code=409,
                          conflict=current, merged=outcome)
    audit.info("stance saved: user=%s stance=%s/%s version=%s changed=%s merged=%s", viewer.name, proposal.slug,
               code, version, changed, outcome is not None)
    if outcome is not None:
        since = outcome.base_version if outcome.base_version is not None else outcome.theirs_version - 1
        authors = history.authors_between(session, current.id, since, outcome.theirs_version)
        message = _merged_message(name, version, changed, outcome, authors, viewer.name)
    elif changed:
        message = f"Saved {name} (version {version})."
    else:
        message = f"Nothing changed for {name}; nothing was recorded."
    if notice:
        message += " " + notice
    return redirect(f"/proposals/{proposal.slug}/countries/{code}", message)


def _factor_page(request, session, proposal, factor, values, errors, status_code=200, conflict=False) -> Response:
    # Its state as today's board shows it (the factor row holds the latest recorded, which may speak
    # for an earlier day).
    context = {"proposal": proposal, "factor": factor, "shown": shown_factor(session, factor), "values": values,
               "errors": errors, "states": STATES,
               "sources": _sources(session), "conflict": conflict}
    return render(request, "edit_factor.html", context, status_code=status_code)


def _factor(proposal: Proposal, factor_slug: str):
    for factor in proposal.factors:
        if factor.slug == factor_slug:
            return factor
    raise NotFound(f"{proposal.name} has no factor {factor_slug!r}.")


@router.get("/proposals/{slug}/factors/{factor_slug}/edit")
def edit_factor_form(request: Request, session: SessionDep, proposal: ProposalDep, factor_slug: SlugPath,
                     viewer: EditorDep) -> Response:
    """The factor form: its state, a note, and the source that says so."""
    factor = _factor(proposal, factor_slug)
    shown = shown_factor(session, factor)
    values = {"state": shown["state"], "note": shown.get("note") or "", "source_id": "", "quote": "", "reason": "",
              "version": str(factor.version), **dict.fromkeys(NEW_SOURCE_FIELDS, "")}
    return _factor_page(request, session, proposal, factor, values, {})


@router.post("/proposals/{slug}/factors/{factor_slug}/edit")
def save_factor(request: Request, session: SessionDep, proposal: ProposalDep, factor_slug: SlugPath,
                viewer: EditorDep, submitted: FormDep) -> Response:
    """Change the factor; every condition linked to it follows, each recorded as a change."""
    check_form_token(request, submitted.get("csrf_token"), viewer)
    factor = _factor(proposal, factor_slug)
    values = {k: (submitted.get(k) if isinstance(submitted.get(k), str) else "")[:5000]
              for k in ("state", "note", "source_id", "quote", "reason", "version", *NEW_SOURCE_FIELDS)}
    errors: dict[str, str] = {}
    if values["state"] not in STATES:
        errors["state"] = "Choose met, unmet or unknown."
    new_source = None
    if picks_new_source(values["source_id"], values):
        values["source_id"] = "new"
        new_source = parse_new_source(values, errors)
    elif form_number(values["source_id"]) is None:
        errors["source_id"] = "Choose the source that says so."
    if len(values["quote"].strip()) < 3:
        errors["quote"] = "Quote the passage of the source that supports this change."
    if not values["reason"].strip():
        errors["reason"] = "Say why you are making this change."
    if len(values["note"]) > 2000:
        errors["note"] = "Keep the note under 2,000 characters."
    if len(values["quote"].strip()) > 2000:
        errors["quote"] = "Keep the quote under 2,000 characters."
    for key, value in values.items():
        message = field_message(value)
        if message:
            errors[key] = message
    if errors:
        return _factor_page(request, session, proposal, factor, values, errors, status_code=422)
    try:
        with get_database().write_session() as ws:
            current = ws.scalars(select(Proposal).where(Proposal.id == proposal.id)).one()
            source_id = create_source(ws, new_source).id if new_source else int(values["source_id"])
            citation = CitationIn(source_id=source_id, quote=values["quote"].strip())
            saved, affected = set_factor(
                ws, proposal=current, slug=factor.slug, state=values["state"], note=values["note"].strip(),
                citation=citation,
                actor=viewer.name, via="form", reason=values["reason"].strip(),
                expected_version=form_number(values["version"]) or 0,  # none readable: a conflict, never an overwrite
            )
            countries = affected
            # The day the state counts from, and the state today's board shows (a later day's, when
            # this one was stated for an earlier day).
            day = factor_day(ws, citation)
            shown = shown_factor(ws, saved)
    except InvalidInput as exc:
        for e in exc.errors:
            key = {"source_id": "source_id", "quote": "quote", "state": "state"}.get(str(e["loc"][-1]), "quote")
            errors.setdefault(key, e["msg"][:1].upper() + e["msg"][1:] + ".")
        session.rollback()
        return _factor_page(request, session, proposal, factor, values, errors, status_code=422)
    except VersionConflict:
        session.rollback()
        fresh = _factor(board.get_proposal(session, proposal.slug), factor.slug)
        # Nothing of either save is lost: what only the colleague changed is taken into the form.
        base = factor_version(session, fresh, form_number(values["version"]))
        now = shown_factor(session, fresh)
        taken, clashes = proposal_form.merge_fields(values, {"state": "state", "note": "note"}, base,
                                                    {"state": now["state"], "note": now.get("note") or ""})
        values["version"] = str(fresh.version)
        return _factor_page(request, session, proposal, fresh, values, {}, status_code=409,
                            conflict={"taken": taken, "clashes": clashes})
    audit.info("factor saved: user=%s factor=%s/%s state=%s stances=%s", viewer.name, proposal.slug, factor.slug,
               values["state"], ",".join(countries) or "-")
    extra = (f" The conditions that hang on it now read {STATE_LABELS[values['state']].lower()} on today's board, "
             f"for {', '.join(countries)}." if countries else "")
    if shown["state"] != values["state"]:
        extra += (f" It counts from {day_words(day)}, the day its source was published; today's board keeps it "
                  f"{STATE_LABELS[shown['state']].lower()}, as stated for a later day.")
    elif day < utcnow().date():
        extra += f" It counts from {day_words(day)}, the day its source was published."
    return redirect(f"/proposals/{proposal.slug}#factor-{factor.slug}", f"Saved “{factor.name}”.{extra}")


def _facts_page(request, session, proposal, form, status_code=200, conflict=None, merged=None) -> Response:
    context = {"proposal": proposal, "form": form, "resolution_states": RESOLUTION_STATES,
               "sources": _sources(session), "conflict": conflict, "merged": merged}
    return render(request, "edit_proposal.html", context, status_code=status_code)


@router.get("/proposals/{slug}/edit")
def edit_facts_form(request: Request, session: SessionDep, proposal: ProposalDep, viewer: EditorDep) -> Response:
    """The form for the facts of the force itself, filled with those the board shows today."""
    stated_on = recorded_stated_on(last_facts_change(session, proposal))
    shown = board.read_board(session, proposal.slug).proposal
    other = shown if shown.facts_known and shown.version != proposal.version else None
    return _facts_page(request, session, proposal, proposal_form.form_from_proposal(proposal, stated_on, other))


@router.post("/proposals/{slug}/edit")
def save_facts(request: Request, session: SessionDep, proposal: ProposalDep, viewer: EditorDep,
               submitted: FormDep) -> Response:
    """Record the facts through their write path; on any problem show the form again, nothing lost."""
    check_form_token(request, submitted.get("csrf_token"), viewer)
    form = proposal_form.read_form(submitted)
    parsed = proposal_form.parse(form)
    if parsed.data is None:
        return _facts_page(request, session, proposal, form, status_code=422)
    try:
        with get_database().write_session() as ws:
            current = ws.scalars(select(Proposal).where(Proposal.id == proposal.id)).one()
            source_id = create_source(ws, parsed.new_source).id if parsed.new_source else parsed.source_id
            data = parsed.data.model_copy(update={"citations": [CitationIn(source_id=source_id, quote=parsed.quote)]})
            data, taken = facts_from_their_day(ws, proposal.slug, data)
            result = set_proposal_facts(ws, proposal=current, data=data, actor=viewer.name, via="form",
                                        reason=parsed.reason, expected_version=parsed.expected_version)
            version = result.proposal.version
            notice = board.recorded_facts(ws, proposal.slug, result.change).notice if result.changed else None
            if taken and result.changed:
                notice = " ".join(filter(None, [notice, taken]))
    except InvalidInput as exc:
        for e in exc.errors:
            form.error(proposal_form.error_field(e["loc"]), e["msg"])
        session.rollback()
        return _facts_page(request, session, proposal, form, status_code=422)
    except VersionConflict:
        session.rollback()
        fresh = board.get_proposal(session, proposal.slug)
        session.refresh(fresh)
        audit.info("conflict: user=%s proposal=%s expected v%s", viewer.name, proposal.slug, form.values["version"])
        # Nothing of either save is lost: the form comes back merged with what was saved meanwhile.
        merged = proposal_form.merge_facts(form, facts_version(session, fresh, parsed.expected_version),
                                           last_facts_change(session, fresh).after)
        form.values["version"] = str(fresh.version)
        return _facts_page(request, session, fresh, form, status_code=409, conflict=fresh, merged=merged)
    audit.info("facts saved: user=%s proposal=%s version=%s changed=%s", viewer.name, proposal.slug, version,
               result.changed)
    message = (f"Saved the facts about the force (version {version})." if result.changed
               else "Nothing changed in the facts about the force; nothing was recorded.")
    if notice:
        message += " " + notice
    return redirect(f"/proposals/{proposal.slug}#facts", message)
