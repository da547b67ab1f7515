"""The read model: what a proposal's board said for a day. Every page, feed, export and API answer
about the board is a rendering of `read_board`; "now" is the same computation for today.

The as-of rule, written here once (README, "History"):

* A country's statements are the changes recorded to its stance. Each speaks for a day: the day
  the country stated it; else the publication date of the source it cites first; else the day it
  was recorded (UTC). `app/services/changes.py::effective_on` works it out when the change is
  recorded and stores it with the change (the hash chain covers what it is made from).
* Its position at the end of day D is its statement with the latest such day on or before D;
  statements for the same day are ordered as they were recorded (the later wins).
* "Known at K" is the second cut: statements recorded after the end of K (UTC) are left out, as if
  not known yet. Given alone, K is also D.

Factors follow the same rule (they have no stated day of their own), and so do the facts of the
proposal itself (target, sponsor, UN resolution, mandate, context: the changes with entity
"proposal", each speaking for the day the facts were stated, else its source's publication date,
else the day it was recorded). Before the first of them, the board has no facts about the force.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

import msgspec
from pydantic_core import from_json
from sqlalchemy import Text, bindparam, cast, select
from sqlalchemy.orm import Session

from app.countries import country_info, flag_emoji
from app.db import utcnow
from app.figure_rule import counted
from app.models import Change, Country, Factor, Proposal, Source, Stance
from app.services.changes import snapshot_day
from app.services.errors import NotFound
from app.services.views import (CitationView, ConditionView, CountryView, FactorView, ProposalView, SourceLabel,
                                StanceView)
from app.vocabulary import STATUSES, day_words

STATUS_ORDER = {status: i for i, status in enumerate(STATUSES)}


def end_of_day(day: dt.date) -> dt.datetime:
    """The first instant after DAY, in UTC."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=dt.timezone.utc)


def today() -> dt.date:
    return utcnow().date()


def the_day(as_of: dt.date | None, known_at: dt.date | None) -> dt.date:
    """The day a board is asked for: AS_OF; else KNOWN_AT; else today (UTC)."""
    return as_of or known_at or today()


def counts_on(query, day, known_before=None):
    """QUERY (of changes) narrowed to the statements that count for the end of DAY, recorded before
    KNOWN_BEFORE (the end of the known_at day): the rule's two cuts, in SQL. DAY and KNOWN_BEFORE are
    values, or bind parameters of a statement built once."""
    query = query.where(Change.effective_on <= day)
    if known_before is not None:
        query = query.where(Change.changed_at < known_before)
    return query


def counting(query, day, known_before=None):
    """QUERY (of the changes of one stance, factor or proposal's facts) cut to the one statement that
    is its position at the end of DAY: the latest by the day it speaks for, ties by the order recorded."""
    return counts_on(query, day, known_before).order_by(Change.effective_on.desc(), Change.id.desc()).limit(1)


# ---- decoding statements ------------------------------------------------------------------------
# A change's snapshot, decoded by msgspec straight into typed objects (its quotes into the views the
# pages read). Keys missing from an older snapshot take the defaults `dict.get` would give.
class _Troops(msgspec.Struct):
    offered_min: int | None = None
    offered_max: int | None = None
    committed: int | None = None
    deployed: int | None = None


class _Condition(msgspec.Struct):
    id: int
    text: str
    category: str
    state: str
    factor: str | None = None
    citations: list[CitationView] = []


class _Snapshot(msgspec.Struct):
    status: str
    troops: _Troops
    roles: list[str] = []
    summary: str | None = None
    stated_on: str | None = None
    conditions: list[_Condition] = []
    citations: list[CitationView] = []
    version: int = 0
    dispute: str | None = None


_decode_snapshot = msgspec.json.Decoder(_Snapshot).decode


def _quotes(items: Any) -> list[CitationView]:
    return [CitationView(c["source_id"], c["quote"], c.get("field")) for c in items]


def _snapshot(after: str) -> _Snapshot:
    """The snapshot in AFTER (JSON text), typed; a value of another type than ours write is taken as
    it is rather than refused."""
    try:
        return _decode_snapshot(after)
    except msgspec.ValidationError:
        snap = from_json(after)
        troops = snap["troops"]
        return _Snapshot(
            snap["status"],
            _Troops(troops.get("offered_min"), troops.get("offered_max"), troops.get("committed"),
                    troops.get("deployed")),
            list(snap.get("roles", ())), snap.get("summary"), snap.get("stated_on"),
            [_Condition(c["id"], c["text"], c["category"], c["state"], c.get("factor"),
                        _quotes(c.get("citations", ()))) for c in snap.get("conditions", ())],
            _quotes(snap.get("citations", ())), snap.get("version", 0), snap.get("dispute"))


def once_each(quotes: list[CitationView]) -> list[CitationView]:
    """QUOTES with each passage once: a quote recorded for several facts (a change's quote is the word
    for everything it changed) is shown once, with every fact it supports."""
    merged: dict[tuple[int, str], CitationView] = {}
    for q in quotes:
        first = merged.get((q.source_id, q.quote))
        if first is None:
            merged[(q.source_id, q.quote)] = q
            q.facts = [q.field] if q.field else []
        elif q.field and q.field not in first.facts:
            first.facts.append(q.field)
    return list(merged.values())


def _position(row: Any, factors: dict[str, FactorView], quotes: list[CitationView]) -> StanceView:
    """The position recorded by change ROW; its quotes are added to QUOTES to be given their sources."""
    snap = _snapshot(row.after)
    troops = snap.troops
    conditions = []
    for c in snap.conditions:
        # A condition that hangs on a factor is in the factor's state of the board's day (once the factor
        # is recorded by then), whatever the statement wrote: a factor's state carries its conditions.
        factor = factors.get(c.factor) if c.factor else None
        # Its quotes are the word for its state: when the factor's state of the day is not the one the
        # statement recorded, the factor's own quotes for that state are (already among QUOTES).
        carried = factor is not None and factor.state != c.state
        conditions.append(ConditionView(c.id, c.text, c.category, factor.state if carried else c.state, factor,
                                        factor.citations if carried else c.citations, c.factor))
        if not carried:
            quotes += c.citations
    citations = once_each(snap.citations)
    quotes += citations
    return StanceView(row.stance_id, row.code, CountryView(row.code, row.name, row.alpha2), snap.status,
                      troops.offered_min, troops.offered_max, troops.committed, troops.deployed, snap.roles,
                      snap.summary, dt.date.fromisoformat(snap.stated_on) if snap.stated_on else None,
                      row.changed_at, snap.version, conditions, citations, row.id, row.effective_on,
                      snap.dispute, row.latest_version)


# ---- the queries --------------------------------------------------------------------------------


def _latest(owner_id, owner, known: bool):
    """The id of OWNER's statement that counts at the end of :day (recorded before :known_before when
    KNOWN): one index seek on (owner id, effective_on, id)."""
    return counting(select(Change.id).where(owner_id == owner.id), bindparam("day"),
                    bindparam("known_before") if known else None).correlate(owner).scalar_subquery()


# Built once per cut. Only what a view needs is read (not `before`), as plain rows; the snapshot as its
# JSON text, for msgspec to decode.
_POSITIONS = {
    known: select(Change.id, Change.stance_id, Change.changed_at, Change.effective_on,
                  cast(Change.after, Text).label("after"), Country.code, Country.name, Country.alpha2,
                  Stance.version.label("latest_version"))
    .join(Stance, Change.id == _latest(Change.stance_id, Stance, known))
    .join(Country, Country.code == Stance.country_code)
    .where(Stance.proposal_id == bindparam("proposal_id"))
    for known in (False, True)
}
_FACTORS = {
    known: select(Change.after)
    .join(Factor, Change.id == _latest(Change.factor_id, Factor, known))
    .where(Factor.proposal_id == bindparam("proposal_id"))
    .order_by(Factor.position, Factor.id)
    for known in (False, True)
}
_PROPOSAL = select(Proposal.id, Proposal.slug, Proposal.name, Proposal.short_name, Proposal.theatre)
# The change to a proposal's own facts that counts at the end of :day: one index seek on
# (proposal_id, entity, effective_on, id).
_FACTS = {
    known: counting(select(Change.id, Change.effective_on, Change.after)
                    .where(Change.proposal_id == bindparam("proposal_id"), Change.entity == "proposal"),
                    bindparam("day"), bindparam("known_before") if known else None)
    for known in (False, True)
}
_SOURCE_LABELS = (
    select(Source.id, Source.title, Source.title_is_descriptive, Source.publisher, Source.published_on, Source.url)
    .where(Source.id.in_(bindparam("ids", expanding=True)))
)


def factor_states(session: Session, proposal_id: int, day: dt.date,
                  known_before: dt.datetime | None = None) -> dict[str, str]:
    """Each factor's state at the end of DAY (recorded before KNOWN_BEFORE when given), by slug, as the
    board of that day shows it (its own query); a factor not recorded by then is left out."""
    params = {"proposal_id": proposal_id, "day": day,
              **({"known_before": known_before} if known_before is not None else {})}
    return {snap["slug"]: snap["state"]
            for snap in session.execute(_FACTORS[known_before is not None], params).scalars()}


def _label_sources(conn, quotes: list[CitationView]) -> None:
    """Give each of QUOTES its source's label, with one query for all of them."""
    ids = list({q.source_id for q in quotes})
    if not ids:
        return
    labels = {r.id: SourceLabel(*r) for r in conn.execute(_SOURCE_LABELS, {"ids": ids})}
    for q in quotes:
        q.source = labels.get(q.source_id)


def _proposal(conn, slug: str, known: bool, params: dict[str, Any], quotes: list[CitationView]) -> ProposalView:
    """Proposal SLUG with its facts as they stood by the as-of rule (PARAMS: the day and known_at cut);
    sets PARAMS' proposal_id."""
    row = conn.execute(_PROPOSAL.where(Proposal.slug == slug)).one_or_none()
    if row is None:
        raise NotFound(f"There is no proposal called {slug!r}.")
    params["proposal_id"] = row.id
    facts = conn.execute(_FACTS[known], params).one_or_none()
    if facts is None:  # nothing recorded about the force itself by then
        return ProposalView(row.id, row.slug, row.name, row.short_name, row.theatre, None, None, None, None, False,
                            None, None, None, None, None, None, [], [], facts_known=False)
    snap = facts.after
    citations = _quotes(snap.get("citations", ()))
    quotes += citations
    code = snap.get("sponsor_country")
    # The sponsor's name from the ISO data the country rows are made from: no query on the board's path.
    found = country_info(code) if code else None
    sponsor = CountryView(found.code, found.name, found.alpha2) if found is not None else None
    return ProposalView(row.id, row.slug, row.name, row.short_name, row.theatre, snap.get("sponsor"), code, sponsor,
                        snap.get("target_troops"), bool(snap.get("target_troops_approximate")),
                        snap.get("target_police"), snap.get("mandate_summary"), snap.get("resolution_state"),
                        snapshot_day(snap.get("resolution_on")), snap.get("resolution_text"), snap.get("context_notes"),
                        [], citations, facts_known=True, version=snap.get("version", 0),
                        stated_on=snapshot_day(snap.get("stated_on")), day=facts.effective_on, change_id=facts.id)


def read_facts(session: Session, slug: str, as_of: dt.date | None = None) -> ProposalView:
    """Proposal SLUG's own facts at the end of AS_OF (today when None), as its board of that day shows
    them, without reading the countries (the facts form's dated save)."""
    return _proposal(session.connection(), slug, False, {"day": the_day(as_of, None)}, [])


# ---- the board ----------------------------------------------------------------------------------


@dataclass
class Totals:
    target_troops: int | None
    target_troops_approximate: bool
    offered_min: int
    offered_max: int
    committed: int
    deployed: int
    countries: int
    by_status: dict[str, int]
    # Countries counted as 0 because they gave no figure, though their status says they have troops
    # under it: offered (conditional, committed or deployed, with no offered figure), committed
    # (committed or deployed) and deployed (deployed). A total is then "at least".
    unreported: dict[str, int] = field(default_factory=lambda: dict.fromkeys(UNREPORTED, 0))

    def share_of_target(self, value: int) -> float | None:
        if not self.target_troops:
            return None
        return min(1.0, value / self.target_troops)


def totals(proposal: ProposalView, stances: Iterable[StanceView]) -> Totals:
    """Troops against the target. "At least N" counts N at both ends of the offered range, "up to N"
    only at the top. Committed and deployed troops count only where the status allows them: a row
    stored before the figure rule cannot inflate the board. A declined or withdrawn country's earlier
    offer no longer stands and is not counted. A figure left out counts as at least the one below it
    (most offered ≥ committed ≥ deployed). All of it is figure_rule.counted's."""
    stances = list(stances)
    counts = Counter(s.status for s in stances)
    offered_min = offered_max = committed = deployed = 0
    for s in stances:
        low, high, pledged, there = counted(s)
        offered_min += low
        offered_max += high
        committed += pledged
        deployed += there
    unreported = dict.fromkeys(UNREPORTED, 0)
    for s in stances:
        for kind, statuses in UNREPORTED.items():
            if s.status in statuses and all(getattr(s, f) is None for f in UNREPORTED_FIELDS[kind]):
                unreported[kind] += 1
    return Totals(proposal.target_troops, proposal.target_troops_approximate, offered_min, offered_max, committed,
                  deployed, len(stances), {status: counts.get(status, 0) for status in STATUSES}, unreported)


# Which statuses say a country has troops under each total, and the figures that would give them.
UNREPORTED = {"offered": ("conditional", "committed", "deployed"), "committed": ("committed", "deployed"),
              "deployed": ("deployed",)}
# A figure further down the chain gives a floor for those above it (figure_rule.counted): a country
# that gave one is counted there (at the top of the offered range, among the committed), not left out.
UNREPORTED_FIELDS = {"offered": ("offered_min", "offered_max", "committed", "deployed"),
                     "committed": ("committed", "deployed"), "deployed": ("deployed",)}


@dataclass
class Board:
    """A proposal's board for one day: what `read_board` answers."""

    proposal: ProposalView
    day: dt.date  # the end of this day (UTC)
    as_of: dt.date | None  # as asked (None: today)
    known_at: dt.date | None
    factors: list[FactorView]  # as they stood
    everyone: list[StanceView]  # every country with a position, in board order
    rows: list[StanceView]  # those the filters keep
    statuses: list[str]
    condition: str | None
    totals: Totals  # of everyone

    @property
    def live(self) -> bool:
        return self.as_of is None and self.known_at is None

    @property
    def filtered(self) -> bool:
        return bool(self.statuses or self.condition)

    def position(self, code: str) -> StanceView | None:
        return next((s for s in self.everyone if s.country_code == code), None)


def keep(stance: StanceView, statuses: Iterable[str], condition: str | None) -> bool:
    """Whether the filters keep STANCE: one of STATUSES (any when none), with a condition of CONDITION."""
    statuses = list(statuses)
    return (not statuses or stance.status in statuses) and (
        not condition or any(c.category == condition for c in stance.conditions))


def read_board(session: Session, slug: str, *, as_of: dt.date | None = None, known_at: dt.date | None = None,
               statuses: Iterable[str] = (), condition: str | None = None, country: str | None = None) -> Board:
    """The board of proposal SLUG at the end of AS_OF (today when None) as known at the end of KNOWN_AT,
    by the as-of rule above; ROWS keeps the countries of STATUSES with a CONDITION (category).
    COUNTRY reads that country's position only (one stance's answers)."""
    day = the_day(as_of, known_at)
    conn = session.connection()
    known = known_at is not None
    params: dict[str, Any] = {"day": day}
    if known:
        params["known_before"] = end_of_day(known_at)
    quotes: list[CitationView] = []
    proposal = _proposal(conn, slug, known, params, quotes)
    factors = []
    for snap in conn.execute(_FACTORS[known], params).scalars():
        factors.append(FactorView(snap["slug"], snap["name"], snap["state"], snap.get("note"),
                                  _quotes(snap.get("citations", ()))))
        quotes += factors[-1].citations
    proposal.factors = factors
    by_slug = {f.slug: f for f in factors}
    query = _POSITIONS[known]
    if country is not None:
        query = query.where(Stance.country_code == country)
    everyone = [_position(row, by_slug, quotes) for row in conn.execute(query, params)]
    _label_sources(conn, quotes)
    everyone.sort(key=lambda s: (STATUS_ORDER.get(s.status, len(STATUS_ORDER)), s.country.name))
    statuses = [s for s in statuses if s in STATUSES]
    rows = [s for s in everyone if keep(s, statuses, condition)]
    return Board(proposal, day, as_of, known_at, factors, everyone, rows, statuses, condition,
                 totals(proposal, everyone))


def facts_json(p: ProposalView) -> dict[str, Any]:
    """A proposal's facts as the change log records them (what `describe_facts` reads)."""
    return {
        "target_troops": p.target_troops, "target_troops_approximate": p.target_troops_approximate,
        "target_police": p.target_police, "sponsor": p.sponsor, "sponsor_country": p.sponsor_country,
        "resolution_state": p.resolution_state,
        "resolution_on": p.resolution_on.isoformat() if p.resolution_on else None,
        "resolution_text": p.resolution_text, "mandate_summary": p.mandate_summary, "context_notes": p.context_notes,
        "stated_on": p.stated_on.isoformat() if p.stated_on else None,
        "citations": [{"source_id": c.source_id, "quote": c.quote, "field": c.field} for c in p.citations],
    }


def proposal_slugs(session: Session) -> list[str]:
    return list(session.scalars(select(Proposal.slug).order_by(Proposal.id)))


# ---- the write side's rows ----------------------------------------------------------------------


def get_proposal(session: Session, slug: str) -> Proposal:
    """The proposal row SLUG (for writes and forms), or NotFound."""
    proposal = session.scalars(select(Proposal).where(Proposal.slug == slug)).one_or_none()
    if proposal is None:
        raise NotFound(f"There is no proposal called {slug!r}.")
    return proposal


def find_stance(session: Session, proposal: Proposal | ProposalView, code: str) -> Stance | None:
    """The stance row of CODE on PROPOSAL (the latest recorded statement: what an edit starts from)."""
    return session.scalars(select(Stance).where(Stance.proposal_id == proposal.id,
                                                Stance.country_code == code.upper())).one_or_none()


def get_stance(session: Session, proposal: Proposal | ProposalView, code: str) -> Stance:
    stance = find_stance(session, proposal, code)
    if stance is None:
        raise NotFound(f"{code.upper()} has no stance on {proposal.name}.")
    return stance


# ---- JSON: the API's encoding of the read shape ------------------------------------------------


def citation_json(c: CitationView) -> dict[str, Any]:
    return {"source_id": c.source_id, "quote": c.quote, "field": c.field, "fields": c.supports}


def stance_json(s: StanceView) -> dict[str, Any]:
    """A position as the API gives it (PRODUCT.md; `StanceOut` documents it)."""
    return {
        "country": s.country_code,
        "country_name": s.country.name,
        "flag": flag_emoji(s.country.alpha2),
        "status": s.status,
        "troops": {"offered_min": s.offered_min, "offered_max": s.offered_max, "committed": s.committed,
                   "deployed": s.deployed},
        "roles": list(s.roles),
        "summary": s.summary,
        "stated_on": s.stated_on,
        "dispute": s.dispute,
        "updated_at": s.updated_at,
        "version": s.version,
        "latest_version": s.latest_version,
        "conditions": [
            {"id": c.id, "text": c.text, "category": c.category, "state": c.state,
             "factor": c.factor_slug, "citations": [citation_json(q) for q in c.citations]}
            for c in s.conditions
        ],
        "citations": [citation_json(q) for q in s.citations],
    }


def factor_json(f: FactorView) -> dict[str, Any]:
    return {"slug": f.slug, "name": f.name, "state": f.state, "note": f.note,
            "citations": [citation_json(c) for c in f.citations]}


def proposal_json(board: Board) -> dict[str, Any]:
    p = board.proposal
    return {
        "slug": p.slug,
        "name": p.name,
        "short_name": p.short_name,
        "theatre": p.theatre,
        "facts_known": p.facts_known,
        "version": p.version,
        "stated_on": p.stated_on,
        "sponsor": p.sponsor,
        "sponsor_country": p.sponsor_country,
        "target_troops": p.target_troops,
        "target_troops_approximate": p.target_troops_approximate,
        "target_police": p.target_police,
        "mandate_summary": p.mandate_summary,
        "resolution": {"state": p.resolution_state, "date": p.resolution_on, "text": p.resolution_text},
        "context_notes": p.context_notes,
        "totals": board.totals.__dict__,
        "factors": [factor_json(f) for f in board.factors],
        "citations": [citation_json(c) for c in p.citations],
    }


def proposal_citations(proposal: ProposalView, *fields: str) -> list[CitationView]:
    """The quotes for FIELDS of the force's facts, in the order of FIELDS, each passage once, with
    every one of FIELDS it is the word for (`supports`)."""
    chosen = sorted((c for c in proposal.citations if c.field in fields), key=lambda c: fields.index(c.field))
    return once_each([msgspec.structs.replace(c) for c in chosen])  # copies: once_each sets their facts


@dataclass
class Recorded:
    """A statement just recorded, and whether it became its country's position on the board."""

    statement: StanceView
    position: StanceView | None  # the country's position today
    already: bool = False  # recorded before: the write said it again and recorded nothing

    @property
    def is_current(self) -> bool:
        return self.position is not None and self.statement.change_id == self.position.change_id

    @property
    def notice(self) -> str | None:
        """What an editor must be told when the board goes on showing another statement."""
        if self.is_current:
            return None
        s, p = self.statement, self.position
        recorded = "Already recorded" if self.already else "Recorded"
        if p is None:
            return (f"{recorded} as version {s.version}, for {day_words(s.day)}: the board shows it from that day on, "
                    f"not today.")
        return (f"{recorded} as version {s.version}, for {day_words(s.day)}; but {s.country.name}'s position on the "
                f"board stays version {p.version} ({p.status}), which speaks for a later day, {day_words(p.day)}. "
                f"Date this statement on or after that day for the board to show it.")


def recorded(session: Session, slug: str, code: str, same_as: dt.date | None = None) -> Recorded:
    """The latest statement recorded for CODE, and its position today. By the as-of rule the latest
    recorded statement is the position at the end of the day it speaks for. SAME_AS: a write said
    again the statement recorded for that day (and recorded nothing): that statement instead."""
    day = same_as if same_as is not None else session.scalars(
        select(Change.effective_on).join(Stance, Stance.id == Change.stance_id).join(Proposal)
        .where(Proposal.slug == slug, Stance.country_code == code).order_by(Change.id.desc()).limit(1)).one()
    statement = read_board(session, slug, as_of=day, country=code).position(code)
    position = read_board(session, slug, country=code).position(code)
    assert statement is not None
    if position is not None and position.change_id == statement.change_id:
        statement = position  # today's position: read as today's board reads it (its factors' states of today)
    return Recorded(statement, position, already=same_as is not None)


@dataclass
class RecordedFacts:
    """A proposal's facts just recorded (CHANGE_ID, for DAY), and the facts its board shows today."""

    change_id: int
    version: int
    day: dt.date
    shown: ProposalView

    @property
    def is_current(self) -> bool:
        return self.shown.change_id == self.change_id

    @property
    def notice(self) -> str | None:
        """What an editor must be told when the board goes on showing other facts."""
        if self.is_current:
            return None
        if not self.shown.facts_known:
            return (f"Recorded as version {self.version}, for {day_words(self.day)}: the board shows these facts "
                    f"from that day on, not today.")
        return (f"Recorded as version {self.version}, for {day_words(self.day)}; but the board goes on showing "
                f"version {self.shown.version} of the facts, which speaks for a later day, "
                f"{day_words(self.shown.day) if self.shown.day else 'unknown'}. Date these facts on or after "
                f"that day for the board to show them.")


def recorded_facts(session: Session, slug: str, change: Change) -> RecordedFacts:
    """The facts CHANGE recorded for proposal SLUG, and whether the board shows them today."""
    return RecordedFacts(change.id, change.after.get("version", 0), change.effective_on,
                         read_board(session, slug).proposal)


def list_proposals(session: Session) -> list[Proposal]:
    """Every proposal row, oldest first (for forms that offer a choice)."""
    return list(session.scalars(select(Proposal).order_by(Proposal.id)))


def countries_with_stances(session: Session, proposal: Proposal | ProposalView) -> set[str]:
    """The codes of the countries that have a stance on PROPOSAL (at least one statement recorded)."""
    return set(session.scalars(select(Stance.country_code).where(Stance.proposal_id == proposal.id)))
