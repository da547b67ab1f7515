"""The one write path for stances: every change (seed, form, API, import) comes through `set_stance`.

It validates against the domain, bumps `version`, and writes the stance, its conditions and
citations and the hash-chained change row in the caller's transaction, so all of it commits
together or none of it does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.orm import Session, selectinload

from app.countries import country_info
from app.db import utcnow
from app.figure_rule import TROOP_FIELDS, figure_problems
from app.models import Change, Citation, Condition, Country, Factor, Proposal, Source, Stance
from app.schemas import CitationIn, ConditionData, StanceData
from app.services.board import counting, factor_states, today
from app.services.changes import append_change, lock_chain_head, published_on, snapshot_day, spoken_for
from app.services.errors import InvalidInput, VersionConflict
from app.vocabulary import STANCE_FACTS, day_words

VIAS = ("seed", "form", "api", "import", "cli")


@dataclass
class StanceWrite:
    stance: Stance
    change: Change | None
    created: bool
    # What the write path set otherwise than sent, in words for the editor (a condition that hangs on
    # a factor takes the factor's state).
    notes: list[str] = field(default_factory=list)
    # A statement already recorded for this day, said again: the day (nothing new was recorded).
    same_as: dt.date | None = None

    @property
    def changed(self) -> bool:
        return self.change is not None


def ensure_country(session: Session, code: str) -> Country:
    """The country row for CODE, created from ISO data on first use."""
    country = session.get(Country, code)
    if country is not None:
        return country
    info = country_info(code)
    if info is None:
        raise InvalidInput([{"loc": ["country"], "msg": f"unknown country code {code!r}"}])
    country = Country(code=info.code, alpha2=info.alpha2, name=info.name)
    session.add(country)
    session.flush()
    return country


def citation_dict(c: Citation) -> dict[str, Any]:
    return {"source_id": c.source_id, "quote": c.quote, "field": c.field}


def stance_snapshot(stance: Stance) -> dict[str, Any]:
    """The stance as the change log records it: everything a reader sees, nothing internal."""
    return {
        "status": stance.status,
        "troops": {
            "offered_min": stance.offered_min,
            "offered_max": stance.offered_max,
            "committed": stance.committed,
            "deployed": stance.deployed,
        },
        "roles": list(stance.roles or []),
        "summary": stance.summary,
        "stated_on": stance.stated_on.isoformat() if stance.stated_on else None,
        "dispute": stance.dispute,
        "conditions": [
            {
                "id": c.id,
                "text": c.text,
                "category": c.category,
                "state": c.state,
                "factor": c.factor.slug if c.factor else None,
                "citations": [citation_dict(q) for q in c.citations],
            }
            for c in stance.conditions
        ],
        "citations": [citation_dict(q) for q in stance.citations],
        "version": stance.version,
    }


def _without_version(snapshot: dict[str, Any] | None) -> dict[str, Any] | None:
    if snapshot is None:
        return None
    return {k: v for k, v in snapshot.items() if k != "version"}


def _factor_states_aside(snapshot: dict[str, Any]) -> dict[str, Any]:
    """SNAPSHOT without the states of its conditions that hang on a factor (the factor's to give)."""
    return {**snapshot, "conditions": [{**c, "state": None} if c.get("factor") else c
                                       for c in snapshot.get("conditions") or ()]}


def _as_read(snapshot: dict[str, Any]) -> dict[str, Any]:
    """A recorded position as a reader sees it: without its version, the day a factor carried it to,
    and the ids its conditions had when it was written."""
    seen = {k: v for k, v in snapshot.items() if k not in ("version", "carried_on")}
    seen["conditions"] = [{k: v for k, v in c.items() if k != "id"} for c in snapshot.get("conditions") or ()]
    return seen


def check_citations(
    session: Session, citations: list[CitationIn], loc: list[Any], errors: list[dict[str, Any]]
) -> None:
    for i, citation in enumerate(citations):
        check_citation(session, citation, [*loc, i], errors)


def check_citation(session: Session, citation: CitationIn, loc: list[Any], errors: list[dict[str, Any]]) -> None:
    """Adds to ERRORS (at LOC) what is wrong with CITATION: a source that does not exist, or a quote
    that is not an exact passage of its text."""
    source = session.get(Source, citation.source_id)
    if source is None:
        errors.append({"loc": [*loc, "source_id"], "msg": f"no source with id {citation.source_id}"})
    elif source.text and citation.quote not in source.text:
        errors.append({"loc": [*loc, "quote"], "msg": "the quote is not an exact passage of the source's text"})


# The facts of a stance a quote can support. A quote belongs to the value it was recorded for: when
# a fact's value changes, its quotes leave the current stance (the change log keeps them with the
# version they supported) and the change's own quote takes their place.


def fact_of(field: str | None) -> str | None:
    """The fact a citation's FIELD names (a troop figure's name stands for the troops); None when
    it names none (a quote stored before quotes named their fact counts as the status's)."""
    if field in TROOP_FIELDS:
        return "troops"
    if field is None:
        return "status"
    return field if field in STANCE_FACTS else None


def _facts(status, troops: tuple, roles, summary, stated_on, dispute) -> dict[str, Any]:
    # roles are a set: the same roles in another order (a form posts them in the vocabulary's) change nothing
    return {"status": status, "troops": troops, "roles": sorted(roles or []), "summary": summary or None,
            "stated_on": stated_on, "dispute": dispute or None}


def _has_value(value: Any) -> bool:
    return value not in (None, "", [], (None, None, None, None))


def _citations_for(current: list[Citation], given: list[CitationIn], changed: bool) -> list[Citation]:
    """The quotes a condition keeps: what it had (unless it changed), then what this write gives it,
    each quote once."""
    out: list[Citation] = [] if changed else list(current)
    seen = {(c.source_id, c.quote) for c in out}
    for c in given:
        if (c.source_id, c.quote) not in seen:
            seen.add((c.source_id, c.quote))
            out.append(Citation(source_id=c.source_id, quote=c.quote, field=c.field))
    return out


def _stance_citations(current: list[Citation], given: list[CitationIn], changed: set[str],
                      facts: dict[str, Any], troops_before: tuple | None, conditions_hold: bool = False) -> list[Citation]:
    """A stance's quotes after a write: per fact, the quotes recorded for its current value.

    A fact whose value this write changed (or that has no value) loses its earlier quotes; a quote the
    write gives for a named fact goes to that fact; a quote naming no fact supports whatever the write
    changed that no named quote is for (the day it was stated only when nothing else changed). When
    that leaves nothing, it is the word for the conditions it added or changed (CONDITIONS_HOLD: they
    took it), else for the status as new evidence, unless the stance still cites it for a fact this
    write leaves standing (the same save sent twice records nothing). Each (quote, fact) once.

    The troops go figure by figure when a write changes some of them and leaves others standing
    (TROOPS_BEFORE: the figures it follows): an earlier quote stays the word for the figures it gave
    that still stand, and the write's quote is the word for the figures it changed, so a pledge of
    1,000 does not become the word for an offer of up to 8,000 it never mentions."""
    now = dict(zip(TROOP_FIELDS, facts["troops"]))
    then = dict(zip(TROOP_FIELDS, troops_before)) if troops_before is not None else {}
    moved = {f for f in TROOP_FIELDS if troops_before is None or then[f] != now[f]}
    standing = [f for f in TROOP_FIELDS if f not in moved and now[f] is not None]
    by_figure = "troops" in changed and bool(standing)

    def backs(field: str | None) -> list[str]:
        """The facts (or troop figures) a stored quote for FIELD is still the word for."""
        if field in TROOP_FIELDS:
            return [field] if field not in moved and now[field] is not None else []
        fact = fact_of(field)
        if fact == "troops" and by_figure:
            return standing  # the whole troops it was the word for, less what changed since
        return [fact] if fact is not None and fact not in changed and _has_value(facts[fact]) else []

    kept: list[tuple[int, str, str]] = [(c.source_id, c.quote, f) for c in current for f in backs(c.field)]
    targets: list[str] = []
    for fact in STANCE_FACTS:
        if fact in changed and _has_value(facts[fact]):
            targets += [f for f in TROOP_FIELDS if f in moved and now[f] is not None] if fact == "troops" and by_figure \
                else [fact]
    # A quote naming no fact is the word for what the write changed that none of its named quotes is
    # for: a passage that gives no figure is not made the word for figures another passage gives, but
    # is for a figure no passage gives.
    named_figures: set[str] = set()
    named_facts: set[str] = set()
    for c in given:
        if c.field in TROOP_FIELDS:
            named_figures.add(c.field)
        elif c.field is not None and fact_of(c.field) == "troops":
            named_figures.update(TROOP_FIELDS)
        elif c.field is not None:
            named_facts.add(fact_of(c.field))
    unclaimed: list[str] = []
    # A passage is the word for what was said rather than for the day it was said: for the day only
    # when the day is all the write changed (a correction of the date, with the quote that gives it).
    said = [t for t in targets if t != "stated_on"]
    for target in targets:
        if target == "stated_on" and said:
            continue
        if target == "troops" and named_figures:
            unclaimed += [f for f in TROOP_FIELDS if f in moved and now[f] is not None and f not in named_figures]
        elif target not in named_figures and target not in named_facts:
            unclaimed.append(target)
    # What the stance still cites for a fact this write leaves standing: sent again, such a quote
    # records nothing new; one whose fact this write changed is the word for the change instead.
    cited = {(source_id, quote) for source_id, quote, _ in kept}
    for c in given:
        named = c.field if c.field in TROOP_FIELDS else fact_of(c.field)
        if c.field is not None:
            facts_for = [named]
        elif unclaimed:
            facts_for = unclaimed
        else:
            facts_for = [] if conditions_hold or (c.source_id, c.quote) in cited else ["status"]
        for fact in facts_for:
            kept.append((c.source_id, c.quote, fact))
    reused = {(c.source_id, c.quote, c.field): c for c in current}
    out, seen = [], set()
    for key in kept:
        if key in seen:
            continue
        seen.add(key)
        old = reused.get(key)
        out.append(old if old is not None else Citation(source_id=key[0], quote=key[1], field=key[2]))
    return out


def _first_source(data: StanceData) -> int | None:
    for citation in [*data.citations, *(q for c in data.conditions for q in c.citations)]:
        return citation.source_id
    return None


def stance_data_from(stance: Stance) -> StanceData:
    """The stance as write-path input, to change a part of it and write it back."""
    return StanceData(
        status=stance.status,
        troops={
            "offered_min": stance.offered_min,
            "offered_max": stance.offered_max,
            "committed": stance.committed,
            "deployed": stance.deployed,
        },
        roles=list(stance.roles or []),
        summary=stance.summary,
        stated_on=stance.stated_on,
        dispute=stance.dispute,
        conditions=[
            {
                "id": c.id,
                "text": c.text,
                "category": c.category,
                "state": c.state,
                "factor": c.factor.slug if c.factor else None,
            }
            for c in stance.conditions
        ],
    )


def position_change(session: Session, stance: Stance, day: dt.date | None = None) -> Any:
    """The day (`effective_on`) and snapshot (`after`) of the statement that is STANCE's position at
    the end of DAY (today when None) by the as-of rule; None when nothing counts by then."""
    return session.execute(counting(select(Change.effective_on, Change.after).where(Change.stance_id == stance.id),
                                    min(day, today()) if day else today())).one_or_none()


def edit_base(session: Session, stance: Stance, day: dt.date | None = None) -> StanceData | None:
    """What a change to STANCE starts from (the edit form, a PATCH, an import's merge): the country's
    position as the board shows it today, or, for a PATCH dated to an
    earlier DAY, the position at the end of that day. That is the latest statement
    recorded, unless one recorded later speaks for an earlier day; then it is the statement shown,
    so nothing said for another day is carried into it (the version an edit must name in If-Match
    stays the latest recorded). None when the country had no position by DAY."""
    shown = position_change(session, stance, day)
    if shown is None and day is not None:
        return None  # the country had said nothing by DAY: nothing to start from
    return in_factor_states(session, stance, position_data(stance, shown), min(day, today()) if day else today())


def in_factor_states(session: Session, stance: Stance, data: StanceData, day: dt.date) -> StanceData:
    """DATA with each condition that hangs on a factor in the factor's state at the end of DAY, as the
    board of that day shows it (a factor's state is the factor's, not something a statement records)."""
    if not any(c.factor for c in data.conditions):
        return data
    return _with_states(data, factor_states(session, stance.proposal_id, day))


def _with_states(data: StanceData, states: dict[str, str]) -> StanceData:
    """DATA with each condition on a factor of STATES (slug → state) in that state."""
    if all(c.state == states.get(c.factor, c.state) for c in data.conditions):
        return data
    return data.model_copy(update={"conditions": [c.model_copy(update={"state": states.get(c.factor, c.state)})
                                                  for c in data.conditions]})


def position_data(stance: Stance, shown: Any) -> StanceData:
    """STANCE's position as the statement SHOWN (a `position_change` row, or None) gives it, as
    write-path input: what `edit_base` gives for a statement already looked up."""
    if shown is None or shown.after.get("version") == stance.version:
        return stance_data_from(stance)
    snap = shown.after
    stored = {c.id: c for c in stance.conditions}

    def condition(c: dict[str, Any]) -> dict[str, Any]:
        row = stored.get(c["id"])
        same = row is not None and (row.text, row.category, row.state, row.factor.slug if row.factor else None) == (
            c["text"], c["category"], c["state"], c.get("factor"))
        # A stored condition as it is keeps its quotes; one reworded since, or removed, gets the shown one's.
        return {"id": c["id"] if row is not None else None, "text": c["text"], "category": c["category"],
                "state": c["state"], "factor": c.get("factor"),
                "citations": [] if same else [{"source_id": q["source_id"], "quote": q["quote"]}
                                              for q in c.get("citations", ())]}

    return StanceData.model_validate({
        "status": snap["status"], "troops": snap.get("troops") or {}, "roles": snap.get("roles") or [],
        "summary": snap.get("summary"), "stated_on": snap.get("stated_on"), "dispute": snap.get("dispute"),
        "conditions": [condition(c) for c in snap.get("conditions", ())],
    })


def statement_day(session: Session, data: StanceData, now: dt.datetime | None = None) -> dt.date:
    """The day DATA speaks for as a statement of its own (the as-of rule): its `stated_on`, else its
    source's publication date, else today."""
    return spoken_for(data.stated_on, None, published_on(session, _first_source(data)), (now or utcnow()).date())


# What a form's field is when the country had said nothing yet.
_NOTHING_SAID = {"troops": StanceData.model_fields["troops"].default_factory(), "roles": [], "summary": None,
                 "dispute": None, "conditions": []}


def from_its_day(session: Session, stance: Stance, data: StanceData) -> tuple[StanceData, str | None]:
    """DATA, typed over the position the board shows today (the edit form) but speaking for an earlier
    day than that position does (dated so, or by its source's publication date), with what the editor
    left as it was taken from the country's position of that day instead, or left empty when the
    country had said nothing by then: a statement entered late does not carry later facts back into
    an earlier day. Gives a sentence saying what was taken (None when nothing was)."""
    shown = position_change(session, stance)
    if shown is None:
        return data, None
    if shown.after.get("carried_on") and (data.stated_on.isoformat() if data.stated_on else None) == \
            shown.after.get("stated_on"):
        return data, None  # a correction of the position shown, keeping its date: it speaks for that day
    day = statement_day(session, data)
    if day >= shown.effective_on:
        return data, None
    said = position_change(session, stance, day)
    now = in_factor_states(session, stance, position_data(stance, shown), today())
    then = in_factor_states(session, stance, position_data(stance, said), day) if said is not None else None

    def key(conditions) -> list[tuple]:
        return [(c.text, c.category, c.state, c.factor) for c in conditions]

    def value(source: StanceData | None, name: str) -> Any:
        return _NOTHING_SAID[name] if source is None else getattr(source, name)

    update: dict[str, Any] = {}
    names = ("troops", "roles", "summary", "dispute") if then is None else ("status", "troops", "roles", "summary", "dispute")
    for name in names:
        if getattr(data, name) == getattr(now, name) and value(then, name) != getattr(now, name):
            update[name] = value(then, name)
    if key(data.conditions) == key(now.conditions) and key(value(then, "conditions")) != key(now.conditions):
        update["conditions"] = value(then, "conditions")
    if not update:
        return data, None
    taken = ", ".join("troop figures" if name == "troops" else name for name in update)
    name = stance.country.name if stance.country else stance.country_code
    if then is None:
        note = (f"{name} had said nothing by {day_words(day)}, the day this statement speaks for: what you left as "
                f"the form showed it was not carried back to that day: {taken}.")
    else:
        note = (f"What you left as the form showed it was taken from {name}'s position of {day_words(day)}, the day "
                f"this statement speaks for, instead: {taken}.")
    return data.model_copy(update=update), note


def _conditions_then(conditions: list[ConditionData], followed: dict[str, Any]) -> dict[int, dict[str, Any]]:
    """For each of CONDITIONS (by position), the condition of the statement FOLLOWED (a snapshot) it
    is: the one with its id, else one with its text and category; each of FOLLOWED's once."""
    before = followed.get("conditions") or []
    by_id = {c["id"]: c for c in before}
    taken = {c.id for c in conditions if c.id in by_id}
    found: dict[int, dict[str, Any]] = {}
    for position, cond in enumerate(conditions):
        if cond.id in by_id:
            found[position] = by_id[cond.id]
            continue
        same = next((c for c in before if c["id"] not in taken and (c["text"], c["category"]) == (cond.text, cond.category)),
                    None)
        if same is not None:
            taken.add(same["id"])
            found[position] = same
    return found


def match_condition_ids(data: StanceData, stance: Stance | None) -> StanceData:
    """Give conditions written without an id the id of a stored one with the same text and
    category, so rewriting a stance keeps its conditions (and their quotes) instead of replacing them."""
    if stance is None:
        return data
    free = {(c.text, c.category): c.id for c in stance.conditions}
    taken = {c.id for c in data.conditions if c.id is not None}
    conditions = []
    for c in data.conditions:
        key = (c.text, c.category)
        if c.id is None and key in free and free[key] not in taken:
            taken.add(free[key])
            c = c.model_copy(update={"id": free.pop(key)})
        conditions.append(c)
    return data.model_copy(update={"conditions": conditions})


def set_stance(
    session: Session,
    *,
    proposal: Proposal,
    country_code: str,
    data: StanceData,
    actor: str,
    via: str,
    reason: str | None = None,
    expected_version: int | None = None,
    match_conditions: bool = False,
    carried_on: dt.date | None = None,
    now: dt.datetime | None = None,
) -> StanceWrite:
    """Create or update the stance of COUNTRY_CODE on PROPOSAL, recording the change.

    `expected_version` (when given) must match the stored version, else VersionConflict;
    a write that changes nothing records nothing and leaves the version as it is.
    `match_conditions` gives conditions sent without an id the id of a stored one with the same
    text and category (see match_condition_ids).
    The status and troop figures must keep the figure rule (app/figure_rule.py); a write breaking it
    is refused.
    `carried_on` is for a write that keeps the country's statement and adds to it (a report that
    disagrees): the day that addition speaks for. When it
    is later than the day the country stated its position, the change records it (`carried_on` in its
    snapshot) and speaks for that day, so the board of an earlier day stays as it was.
    """
    if via not in VIAS:
        raise ValueError(f"unknown write channel {via!r}")
    errors: list[dict[str, Any]] = []
    # Take the chain lock before reading anything: writers queue here in one order, so two
    # transactions can never wait on each other's rows (no deadlock) and reads are current.
    lock_chain_head(session)
    country = ensure_country(session, country_code.upper())

    # populate_existing: a copy this session loaded before the lock must not hide a newer version.
    stance = session.scalars(
        select(Stance)
        .where(Stance.proposal_id == proposal.id, Stance.country_code == country.code)
        .options(selectinload(Stance.conditions).selectinload(Condition.citations), selectinload(Stance.citations))
        .execution_options(populate_existing=True)
    ).one_or_none()
    # expected_version 0 means "must not exist yet" (a create that lost a race is a conflict too).
    if expected_version is not None and (stance.version if stance else 0) != expected_version:
        raise VersionConflict(expected_version, stance.version if stance else 0)

    if match_conditions:
        data = match_condition_ids(data, stance)
    if data.stated_on is not None and data.stated_on > (now or utcnow()).date():
        errors.append({"loc": ["stated_on"], "msg": "must not be after today (UTC): a statement is dated the day it "
                                                   "was made"})
    if not data.citations and not any(c.citations for c in data.conditions):
        errors.append({"loc": ["citations"], "msg": "cite at least one source for this change"})
    if data.stated_on is not None:
        # A report gives what was said by the day it came out: one of the quoted sources at least must have
        # come out on or after the day the statement was made (sources of unknown date aside).
        cited = {q.source_id for q in [*data.citations, *(q for c in data.conditions for q in c.citations)]}
        days = [d for d in session.scalars(select(Source.published_on).where(Source.id.in_(cited))) if d is not None]
        if days and len(days) == len(cited) and data.stated_on > max(days):
            errors.append({"loc": ["stated_on"], "msg": f"must not be after {day_words(max(days))}, when the latest "
                                                       "source quoted here was published: a report gives what was "
                                                       "said by the day it came out"})
    check_citations(session, data.citations, ["citations"], errors)
    troops = (data.troops.offered_min, data.troops.offered_max, data.troops.committed, data.troops.deployed)
    facts = _facts(data.status, troops, data.roles, data.summary, data.stated_on, data.dispute)
    for i, citation in enumerate(data.citations):
        if citation.field is None:
            continue
        fact = fact_of(citation.field)
        if fact is None:
            errors.append({"loc": ["citations", i, "field"],
                           "msg": f"a stance's quote supports one of {', '.join(STANCE_FACTS)} "
                                  f"(or a troop figure's name), not {citation.field!r}; leave it out for the "
                                  "facts this change changes"})
        elif not _has_value(facts[fact]) or (citation.field in TROOP_FIELDS and getattr(data.troops, citation.field) is None):
            # A quote belongs to the value it supports: with no value it would belong to nothing.
            named = citation.field if citation.field in TROOP_FIELDS else fact
            errors.append({"loc": ["citations", i, "field"],
                           "msg": f"the quote is for {named}, which this stance leaves empty; cite it for what "
                                  "it supports"})
    errors += [{"loc": ["troops", field], "msg": message}
               for field, message in figure_problems(data.status, data.troops.model_dump()).items()]

    factors = {f.slug: f for f in session.scalars(select(Factor).where(Factor.proposal_id == proposal.id))}
    existing_conditions = {c.id: c for c in stance.conditions} if stance else {}
    said: dict[tuple[str, str], int] = {}
    for i, cond in enumerate(data.conditions):
        # One condition once: the same words (whatever their case and spacing) under the same category.
        key = (" ".join(cond.text.casefold().split()), cond.category)
        if key in said:
            errors.append({"loc": ["conditions", i, "text"],
                           "msg": f"this condition is given twice (as condition {said[key] + 1} too): give it once"})
        said.setdefault(key, i)
        if cond.factor is not None and cond.factor not in factors:
            errors.append({"loc": ["conditions", i, "factor"], "msg": f"no factor {cond.factor!r} on this proposal"})
        if cond.id is not None and cond.id not in existing_conditions:
            errors.append({"loc": ["conditions", i, "id"], "msg": f"condition {cond.id} is not on this stance"})
        check_citations(session, cond.citations, ["conditions", i, "citations"], errors)
    if errors:
        raise InvalidInput(errors)

    created = stance is None
    before = None if created else stance_snapshot(stance)
    if carried_on is None and stance is not None:
        carried_on = _correction_carried_on(session, stance, data, now)
    speaks_for = spoken_for(data.stated_on, carried_on, published_on(session, _first_source(data)),
                            (now or utcnow()).date())
    data, notes = _conditions_follow_factors(session, proposal, data, factors, speaks_for)
    # The position this statement follows on the board (the one that counted for its day until now),
    # not the latest recorded: what it changed, and the quotes kept for what it did not, are told
    # against that one, so nothing said for a later day is carried back into it.
    found = None if created else session.execute(
        counting(select(Change.after, Change.effective_on).where(Change.stance_id == stance.id), speaks_for)).first()
    followed = found.after if found is not None else None
    # A statement that may only say again what is recorded for its day, behind a later one: it is
    # written in a savepoint, undone if it turns out to be the same (see _as_read).
    again = None if found is None or followed.get("version") == stance.version or found.effective_on != speaks_for \
        else session.begin_nested()
    behind = followed is not None and followed.get("version") != stance.version
    if not behind:
        was_quotes: list[Any] = [] if created or followed is None else list(stance.citations)
        was = None if created or followed is None else _facts(
            stance.status, (stance.offered_min, stance.offered_max, stance.committed, stance.deployed),
            stance.roles, stance.summary, stance.stated_on, stance.dispute)
    else:
        troops_then = followed.get("troops") or {}
        was = _facts(followed.get("status"), tuple(troops_then.get(f) for f in TROOP_FIELDS), followed.get("roles"),
                     followed.get("summary"), snapshot_day(followed.get("stated_on")), followed.get("dispute"))
        was_quotes = [Citation(source_id=q["source_id"], quote=q["quote"], field=q.get("field"))
                      for q in followed.get("citations") or []]
    changed = set(STANCE_FACTS) if was is None else {f for f in STANCE_FACTS if was[f] != facts[f]}
    if created:
        stance = Stance(proposal=proposal, country=country, version=0, roles=[])
        session.add(stance)

    stance.status = data.status
    stance.offered_min = data.troops.offered_min
    stance.offered_max = data.troops.offered_max
    stance.committed = data.troops.committed
    stance.deployed = data.troops.deployed
    stance.roles = list(data.roles) if "roles" in changed else list((followed.get("roles") if behind else stance.roles) or [])
    stance.summary = data.summary or None
    stance.stated_on = data.stated_on
    stance.dispute = data.dispute or None

    loose = [c for c in data.citations if c.field is None]  # the write's own word, for what it changed
    # Behind a later statement, each condition is told against the statement this one follows (its
    # day's position), not against the stored rows (the latest recorded): one it says again as that
    # statement had it keeps its id and its quotes there, though a later statement removed it.
    then = _conditions_then(data.conditions, followed) if behind else {}
    kept: list[Condition] = []
    conditions_hold = False  # whether a condition added or changed takes the write's own quote
    for position, cond in enumerate(data.conditions):
        said = then.get(position)
        ident = cond.id if cond.id is not None else said["id"] if said is not None else None
        row = existing_conditions.pop(ident) if ident in existing_conditions else Condition(id=ident)
        factor = factors[cond.factor] if cond.factor else None
        # The state of a condition that hangs on a factor is the factor's: a change of it alone does not
        # make the condition the write's, nor take the write's quote as its word.
        own_state = None if cond.factor else cond.state
        if behind:
            moved = said is None or (said["text"], said["category"], None if said.get("factor") else said["state"],
                                     said.get("factor")) != (cond.text, cond.category, own_state, cond.factor)
            row.citations = [] if said is None else [Citation(source_id=q["source_id"], quote=q["quote"])
                                                    for q in said.get("citations", ())]
        else:
            moved = cond.id is None or (row.text, row.category, None if row.factor_id else row.state, row.factor_id) != (
                cond.text, cond.category, own_state, factor.id if factor else None)
        row.text = cond.text
        row.category = cond.category
        row.state = cond.state
        row.factor = factor
        row.position = position
        # A condition that is new or changed keeps only the quotes given for it now (else the
        # write's own quote); one unchanged keeps its quotes and gains any given.
        row.citations = _citations_for(row.citations, cond.citations or (loose if moved else []), moved)
        conditions_hold = conditions_hold or (moved and not cond.citations and bool(loose))
        kept.append(row)
    stance.conditions = kept
    stance.citations = _stance_citations(was_quotes, data.citations, changed, facts,
                                         None if was is None else was["troops"], conditions_hold)
    try:
        session.flush()
    except StaleDataError as exc:
        raise VersionConflict(expected_version, stance.version) from exc

    after = stance_snapshot(stance)
    if again is not None:
        if _as_read(after) == _as_read(followed):
            again.rollback()  # the stance row is back as it was, the later statement's
            return StanceWrite(stance, None, False, [*notes, f"The same statement is already recorded for "
                                                               f"{day_words(speaks_for)}."], same_as=speaks_for)
        again.commit()
    if not created and _without_version(_factor_states_aside(after)) == _without_version(_factor_states_aside(before)):
        # Nothing a reader could see changed (the state of a condition on a factor is the factor's, seen
        # whatever a statement records): no new version, no history row. Condition ids count here (unlike
        # _as_read): the rows stay as the last change names them, so a state moved alone goes back.
        was = {c["id"]: c["state"] for c in before.get("conditions") or ()}
        if any(row.state != was.get(row.id, row.state) for row in stance.conditions):
            for row in stance.conditions:
                row.state = was.get(row.id, row.state)
            session.flush()
        return StanceWrite(stance, None, False, notes)

    now = now or utcnow()
    stance.version += 1
    stance.updated_at = now
    try:
        # The mapper puts the old version in the UPDATE's WHERE clause, so a writer that
        # slipped in between our read and this write makes it match no row.
        session.flush()
    except StaleDataError as exc:
        raise VersionConflict(expected_version, stance.version - 1) from exc
    after["version"] = stance.version
    if carried_on is not None and (stance.stated_on is None or carried_on > stance.stated_on):
        after["carried_on"] = carried_on.isoformat()

    change = Change(
        changed_at=now,
        entity="stance",
        proposal_id=proposal.id,
        country_code=country.code,
        stance_id=stance.id,
        factor_id=None,
        actor=actor,
        via=via,
        before=None,
        after=after,
        source_id=_first_source(data),
        reason=reason,
    )
    if not created:
        # What the change changed is told against the position it follows on the board (the statement
        # that counted for its day until now), not against the latest one recorded: a statement for an
        # earlier day, entered late, is not a move from a position taken after it.
        change.before = followed
    append_change(session, change)
    return StanceWrite(stance, change, created, notes)


def _conditions_follow_factors(session: Session, proposal: Proposal, data: StanceData, factors: dict[str, Factor],
                               day: dt.date) -> tuple[StanceData, list[str]]:
    """DATA with each condition that hangs on a factor in the factor's state at the end of DAY (the
    day the statement speaks for), as every page shows it; a factor not recorded by then leaves the
    state as sent. Gives a note for each condition whose state was sent otherwise (and not as the factor
    stands today, which is what an edit is shown)."""
    if not any(c.factor in factors for c in data.conditions):
        return data, []
    states = factor_states(session, proposal.id, day)
    followed = _with_states(data, states)
    if followed is data:
        return data, []
    # Told only of a state the editor chose: the form and the API show the factor's state of today.
    shown = states if day == today() else factor_states(session, proposal.id, today())
    notes = [f"The condition “{c.text}” hangs on the factor “{factors[c.factor].name}”: it is recorded as "
             f"{states[c.factor]}, the factor's state on {day_words(day)}, not {c.state}."
             for c in data.conditions if c.factor in states and c.state not in (states[c.factor], shown.get(c.factor))]
    return followed, notes


def _correction_carried_on(session: Session, stance: Stance, data: StanceData,
                           now: dt.datetime | None) -> dt.date | None:
    """The day a correction of the position shown must speak for. That statement may be one a
    factor's new state (or a report that disagrees) carried to a day later than the country spoke
    (`carried_on`). A write that keeps the statement's date corrects the position as it now stands:
    it speaks for the carried day too, or the record it corrects would go on hiding it."""
    shown = position_change(session, stance)
    if shown is None:
        return None
    if (data.stated_on.isoformat() if data.stated_on else None) != shown.after.get("stated_on"):
        return None  # a statement of another day: dated by its own
    if shown.after.get("carried_on"):
        carried = dt.date.fromisoformat(shown.after["carried_on"])
    elif _same_position(data, shown.after):
        # The summary or the dispute alone corrected: the position it corrects keeps its day, whatever
        # the day of the source quoted for the correction (an undated statement goes by that).
        carried = shown.effective_on
    else:
        return None
    own = spoken_for(data.stated_on, None, published_on(session, _first_source(data)), (now or utcnow()).date())
    return carried if carried > own else None


def _same_position(data: StanceData, snapshot: dict[str, Any]) -> bool:
    """Whether DATA states the position SNAPSHOT records (status, figures, roles, conditions), whatever
    its summary, dispute and quotes, and whatever the state of a condition that hangs on a factor (the
    factor's, which may have changed since)."""
    troops = snapshot.get("troops") or {}
    return (data.status == snapshot.get("status")
            and data.troops.model_dump() == {f: troops.get(f) for f in TROOP_FIELDS}
            and sorted(data.roles) == sorted(snapshot.get("roles") or [])
            and [(c.text, c.category, None if c.factor else c.state, c.factor) for c in data.conditions]
            == [(c["text"], c["category"], None if c.get("factor") else c["state"], c.get("factor"))
                for c in snapshot.get("conditions") or []])


@dataclass
class FigureBreach:
    """A stored stance whose figures break the figure rule: which one, which figure, which rule."""

    proposal: str
    country: str
    country_name: str
    field: str
    problem: str

    def __str__(self) -> str:
        return f"{self.proposal}/{self.country} ({self.country_name}): {self.field}: {self.problem}"


def figure_breaches(session: Session) -> list[FigureBreach]:
    """Every stored stance breaking the figure rule (kept from before it, or written around the write
    path), by proposal and country. Reported, never changed: correcting one is an editor's write."""
    rows = session.execute(
        select(Proposal.slug, Stance.country_code, Country.name, Stance.status, Stance.offered_min,
               Stance.offered_max, Stance.committed, Stance.deployed)
        .join(Proposal, Proposal.id == Stance.proposal_id)
        .join(Country, Country.code == Stance.country_code)
        .order_by(Proposal.slug, Stance.country_code)
    )
    breaches = []
    for row in rows:
        figures = {"offered_min": row.offered_min, "offered_max": row.offered_max, "committed": row.committed,
                   "deployed": row.deployed}
        for name, problem in figure_problems(row.status, figures).items():
            breaches.append(FigureBreach(row.slug, row.country_code, row.name, name, problem))
    return breaches
