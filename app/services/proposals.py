"""The one write path for a proposal's own facts: its target, sponsor, UN resolution, mandate and
context. Every write (seed, form, API) comes through `set_proposal_facts`, which validates, updates
the proposal row and its quotes, bumps its `version` and appends a hash-chained change row with the
facts before and after, in the caller's transaction; so the board can say what was known about the
force on any day, as it does for stances and factors.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from app.countries import country_info
from app.db import utcnow
from app.models import Change, Citation, Proposal, Source
from app.schemas import CitationIn, ProposalFacts
from app.services.board import counting, read_facts
from app.services.changes import append_change, lock_chain_head, published_on, recorded_version, spoken_for
from app.services.errors import InvalidInput, VersionConflict
from app.services.stances import VIAS, check_citations, citation_dict, ensure_country
from app.vocabulary import PROPOSAL_FACTS, RESOLUTION_LABELS, day_words

# The columns of the proposal row each fact is made of. A quote is the word for a fact as a whole.
FACT_COLUMNS: dict[str, tuple[str, ...]] = {
    "target_troops": ("target_troops", "target_troops_approximate"),
    "target_police": ("target_police",),
    "sponsor": ("sponsor", "sponsor_country"),
    "resolution": ("resolution_state", "resolution_on", "resolution_text"),
    "mandate_summary": ("mandate_summary",),
    "context_notes": ("context_notes",),
}
COLUMNS = tuple(column for columns in FACT_COLUMNS.values() for column in columns)


@dataclass
class FactsWrite:
    proposal: Proposal
    change: Change | None  # None: nothing a reader could see changed, so nothing was recorded

    @property
    def changed(self) -> bool:
        return self.change is not None


def _as_recorded(value: Any) -> Any:
    """A fact's value as the change log records it (days as YYYY-MM-DD)."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def facts_snapshot(proposal: Proposal, stated_on: dt.date | None) -> dict[str, Any]:
    """A proposal's facts as the change log records them: every fact, the day they were stated, the
    quotes behind them and the version this makes."""
    return {
        "target_troops": proposal.target_troops,
        "target_troops_approximate": bool(proposal.target_troops_approximate),
        "target_police": proposal.target_police,
        "sponsor": proposal.sponsor,
        "sponsor_country": proposal.sponsor_country,
        "resolution_state": proposal.resolution_state,
        "resolution_on": _iso(proposal.resolution_on),
        "resolution_text": proposal.resolution_text,
        "mandate_summary": proposal.mandate_summary,
        "context_notes": proposal.context_notes,
        "stated_on": _iso(stated_on),
        "citations": [citation_dict(c) for c in proposal.citations],
        "version": proposal.version,
    }


def facts_data_from(proposal: Proposal, stated_on: dt.date | None = None) -> ProposalFacts:
    """The proposal's facts as write-path input, to change a part of them and write them back."""
    return ProposalFacts(**{column: getattr(proposal, column) for column in COLUMNS}, stated_on=stated_on)


def _has_value(fact: str, values: dict[str, Any]) -> bool:
    return any(values[c] not in (None, "", False) for c in FACT_COLUMNS[fact])


def _fact_of(field: str | None) -> str | None:
    return field if field in PROPOSAL_FACTS else None


def _normalised(data: ProposalFacts) -> dict[str, Any]:
    """DATA's facts as the row will hold them: empty text is no text, a target that is not set is not
    approximate, and a sponsor given only by its country is named after it."""
    values = {column: getattr(data, column) for column in COLUMNS}
    for column, value in values.items():
        if isinstance(value, str) and not value.strip():
            values[column] = None
    if values["target_troops"] is None:
        values["target_troops_approximate"] = False
    if values["sponsor_country"] and not values["sponsor"]:
        info = country_info(values["sponsor_country"])
        if info is not None:
            values["sponsor"] = info.name
    return values


def _errors(session: Session, data: ProposalFacts, values: dict[str, Any], today: dt.date) -> list[dict[str, Any]]:
    errors: list[dict[str, Any]] = []
    if data.stated_on is not None and data.stated_on > today:
        errors.append({"loc": ["stated_on"], "msg": "must not be after today (UTC): facts are dated the day they "
                                                   "were stated"})
    state, day = values["resolution_state"], values["resolution_on"]
    if state == "adopted" and day is None:
        errors.append({"loc": ["resolution_on"], "msg": "give the day the resolution was adopted"})
    if day is not None and state is None:
        errors.append({"loc": ["resolution_state"], "msg": "say where the resolution stands on that day (one of "
                                                          f"{', '.join(RESOLUTION_LABELS)})"})
    if day is not None and day > today:
        errors.append({"loc": ["resolution_on"], "msg": "must not be after today (UTC)"})
    elif day is not None and data.stated_on is not None and day > data.stated_on:
        errors.append({"loc": ["resolution_on"], "msg": "must not be after the day these facts were stated "
                                                       f"({data.stated_on.isoformat()})"})
    elif day is not None and data.stated_on is None:
        # Undated facts speak for their source's publication date: a board of that day cannot already
        # know of a vote held after it.
        published = published_on(session, _dating_source(session, data.citations))
        if published is not None and day > published:
            errors.append({"loc": ["resolution_on"], "msg": "must not be after the day these facts speak for "
                                                           f"({published.isoformat()}, their source's publication "
                                                           "date): give stated_on, or cite a later source"})
    if values["sponsor_country"] and country_info(values["sponsor_country"]) is None:
        errors.append({"loc": ["sponsor_country"], "msg": f"unknown country code {values['sponsor_country']!r}"})
    check_citations(session, data.citations, ["citations"], errors)
    for i, citation in enumerate(data.citations):
        if citation.field is None:
            continue
        if _fact_of(citation.field) is None:
            errors.append({"loc": ["citations", i, "field"],
                           "msg": f"a proposal's quote supports one of {', '.join(PROPOSAL_FACTS)}, not "
                                  f"{citation.field!r}; leave it out for the facts this change changes"})
        elif not _has_value(citation.field, values):
            errors.append({"loc": ["citations", i, "field"],
                           "msg": f"the quote is for {citation.field}, which this change leaves empty"})
    return errors


def _quotes_after(current: list[Citation], given: list[CitationIn], changed: set[str],
                  values: dict[str, Any]) -> list[tuple[int, str, str | None]]:
    """The proposal's quotes after a write, as (source, quote, fact): per fact, the quotes recorded for
    its current value.

    A fact this write changed (or left empty) loses its earlier quotes, which stay in the history; a
    quote naming a fact goes to that fact; a quote naming none is the word for every fact the write
    changed. An older quote that names no fact holds only while nothing changes. Each once."""
    kept: list[tuple[int, str, str | None]] = []
    for c in current:
        fact = _fact_of(c.field)
        if fact is None:
            if not changed:
                kept.append((c.source_id, c.quote, c.field))
        elif fact not in changed and _has_value(fact, values):
            kept.append((c.source_id, c.quote, fact))
    targets = [f for f in PROPOSAL_FACTS if f in changed and _has_value(f, values)]
    for c in given:
        for fact in [c.field] if c.field is not None else targets:
            kept.append((c.source_id, c.quote, fact))
    return list(dict.fromkeys(kept))


def _dating_source(session: Session, citations: list[CitationIn]) -> int | None:
    """The source a change is dated by when its facts have no stated day: of the sources it cites, the one
    published last (the facts together were not all known before it); else the first it cites."""
    if not citations:
        return None
    ids = list(dict.fromkeys(c.source_id for c in citations))
    rows = session.execute(select(Source.id, Source.published_on).where(Source.id.in_(ids)))
    published = {row.id: row.published_on for row in rows}
    dated = [i for i in ids if published.get(i) is not None]
    return max(dated, key=lambda i: published[i]) if dated else ids[0]


def last_facts_change(session: Session, proposal: Proposal) -> Change | None:
    """The latest change recorded to PROPOSAL's facts (by when it was recorded: what an edit starts from)."""
    return session.scalars(
        select(Change).where(Change.proposal_id == proposal.id, Change.entity == "proposal")
        .order_by(Change.id.desc()).limit(1)
    ).first()


def facts_version(session: Session, proposal: Proposal, version: int | None) -> dict[str, Any] | None:
    """PROPOSAL's facts as their version VERSION recorded them (what an edit form was opened on), or
    None when the log holds no such version."""
    return recorded_version(session, "proposal", Change.proposal_id == proposal.id, version)


FACT_NAMES = ("target_troops", "target_troops_approximate", "target_police", "sponsor", "sponsor_country",
              "resolution_state", "resolution_on", "resolution_text", "mandate_summary", "context_notes")


def facts_from_their_day(session: Session, slug: str, data: ProposalFacts) -> tuple[ProposalFacts, str | None]:
    """DATA, typed over the facts the board shows today (the facts form) but speaking for an earlier
    day than those do (dated so, or by its source's publication date), with what the editor left as it
    was taken from the facts of that day, or left empty when nothing was recorded about the force by
    then: facts entered late do not carry later ones back. Gives a sentence saying what was taken
    (None when nothing was)."""
    shown = read_facts(session, slug)
    if not shown.facts_known or shown.day is None:
        return data, None
    day = spoken_for(data.stated_on, None, published_on(session, _dating_source(session, data.citations)),
                     utcnow().date())
    if day >= shown.day:
        return data, None
    then = read_facts(session, slug, day)

    def value(name: str) -> Any:
        if then.facts_known:
            return getattr(then, name)
        return False if name == "target_troops_approximate" else None

    update = {name: value(name) for name in FACT_NAMES
              if getattr(data, name) == getattr(shown, name) and value(name) != getattr(shown, name)}
    if not update:
        return data, None
    taken = ", ".join(name.replace("_", " ") for name in update)
    if not then.facts_known:
        return data.model_copy(update=update), (
            f"Nothing was recorded about the force by {day_words(day)}, the day these facts speak for: what you left "
            f"as the form showed it was not carried back to that day: {taken}.")
    return data.model_copy(update=update), (
        f"What you left as the form showed it was taken from the facts of {day_words(day)}, the day these facts "
        f"speak for, instead: {taken}.")


def recorded_stated_on(change: Change | None) -> dt.date | None:
    stated = (change.after or {}).get("stated_on") if change is not None else None
    return dt.date.fromisoformat(stated) if stated else None


def set_proposal_facts(
    session: Session,
    *,
    proposal: Proposal,
    data: ProposalFacts,
    actor: str,
    via: str,
    reason: str | None = None,
    expected_version: int | None = None,
    now: dt.datetime | None = None,
) -> FactsWrite:
    """Write PROPOSAL's facts as DATA gives them (the whole set), recording the change.

    `expected_version` (when given) must match the stored version, else VersionConflict. A write that
    changes nothing a reader could see records nothing and leaves the version as it is."""
    if via not in VIAS:
        raise ValueError(f"unknown write channel {via!r}")
    # The chain lock first, as every writer takes it: no deadlock, and what is read next is current.
    lock_chain_head(session)
    proposal = session.scalars(
        select(Proposal).where(Proposal.id == proposal.id).options(selectinload(Proposal.citations))
        .execution_options(populate_existing=True)
    ).one()
    if expected_version is not None and proposal.version != expected_version:
        raise VersionConflict(expected_version, proposal.version)

    now = now or utcnow()
    values = _normalised(data)
    errors = _errors(session, data, values, now.date())
    if errors:
        raise InvalidInput(errors)

    last = last_facts_change(session, proposal)
    first = last is None
    stored = list(proposal.citations)
    # Told against the facts this write follows on the board (those that counted for its day until
    # now), not the latest recorded: facts stated for an earlier day are not a change from later ones,
    # and take no later quote for what they leave.
    day = spoken_for(data.stated_on, None, published_on(session, _dating_source(session, data.citations)), now.date())
    followed = None if first else session.scalars(counting(
        select(Change.after).where(Change.proposal_id == proposal.id, Change.entity == "proposal"), day)).first()
    if first:
        changed, current, was_stated, before = set(PROPOSAL_FACTS), stored, None, None
    elif followed is None or followed.get("version") == proposal.version:
        changed = {fact for fact, columns in FACT_COLUMNS.items()
                   if any(getattr(proposal, c) != values[c] for c in columns)} if followed is not None else set(PROPOSAL_FACTS)
        current = stored if followed is not None else []
        was_stated = recorded_stated_on(last)
        before = facts_snapshot(proposal, was_stated) if followed is not None else None
    else:
        changed = {fact for fact, columns in FACT_COLUMNS.items()
                   if any(_as_recorded(values[c]) != followed.get(c) for c in columns)}
        current = [Citation(source_id=q["source_id"], quote=q["quote"], field=q.get("field"))
                   for q in followed.get("citations") or []]
        was_stated = dt.date.fromisoformat(followed["stated_on"]) if followed.get("stated_on") else None
        before = followed
    quotes = _quotes_after(current, data.citations, changed, values)
    if first and not quotes and data.stated_on is None and not any(_has_value(f, values) for f in PROPOSAL_FACTS):
        return FactsWrite(proposal, None)  # nothing known yet is nothing to record
    if not first and not changed and data.stated_on == was_stated \
            and quotes == [(c.source_id, c.quote, c.field) for c in current]:
        return FactsWrite(proposal, None)
    if not data.citations:
        raise InvalidInput([{"loc": ["citations"], "msg": "cite at least one source for this change"}])

    if values["sponsor_country"]:
        ensure_country(session, values["sponsor_country"])
    for column, value in values.items():
        setattr(proposal, column, value)
    proposal.version += 1
    try:
        # The mapper puts the version read in the UPDATE's WHERE clause: a writer that slipped in
        # between makes it match no row.
        session.flush()
    except StaleDataError as exc:
        raise VersionConflict(expected_version, proposal.version - 1) from exc

    wanted = set(quotes)
    for c in stored:
        if (c.source_id, c.quote, c.field) not in wanted:
            session.delete(c)
    have = {(c.source_id, c.quote, c.field) for c in stored}
    for source_id, quote, field in quotes:
        if (source_id, quote, field) not in have:
            session.add(Citation(proposal_id=proposal.id, source_id=source_id, quote=quote, field=field))
    session.flush()
    session.expire(proposal, ["citations"])

    change = Change(
        changed_at=now,
        entity="proposal",
        proposal_id=proposal.id,
        country_code=None,
        stance_id=None,
        factor_id=None,
        actor=actor,
        via=via,
        before=before,
        after=facts_snapshot(proposal, data.stated_on),
        source_id=_dating_source(session, data.citations),
        reason=reason,
    )
    append_change(session, change)
    return FactsWrite(proposal, change)
