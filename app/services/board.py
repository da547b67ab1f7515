"""Reading the board: stances with their conditions and citations, totals against the target,
and the JSON representations the API serves (pages use the same functions)."""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections import Counter, OrderedDict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, joinedload, selectinload

from app.countries import flag_emoji
from app.models import STATUSES, ChainHead, Citation, Condition, Country, Factor, Proposal, Source, Stance
from app.services.views import (CitationView, ConditionView, CountryView, FactorView, ProposalView, SourceLabel,
                                StanceView)
from app.services.errors import NotFound
from app.services.stances import citation_dict, stance_snapshot

STATUS_ORDER = {status: i for i, status in enumerate(STATUSES)}


def list_proposals(session: Session) -> list[Proposal]:
    return list(
        session.scalars(
            select(Proposal).options(selectinload(Proposal.factors).selectinload(Factor.citations),
                                     selectinload(Proposal.citations)).order_by(Proposal.id)
        )
    )


def get_proposal(session: Session, slug: str) -> Proposal:
    # One joined query: the proposal with its few factors and quotes (cheaper than a query each).
    proposal = session.scalars(
        select(Proposal)
        .where(Proposal.slug == slug)
        .options(joinedload(Proposal.factors).joinedload(Factor.citations), joinedload(Proposal.citations),
                 joinedload(Proposal.sponsor_country_ref))
    ).unique().one_or_none()
    if proposal is None:
        raise NotFound(f"There is no proposal called {slug!r}.")
    return proposal


# Built once: the board reads its proposal on every request it makes afresh (after a write, or a past
# day), and these three flat queries cost a fraction of loading the ORM graph with its joins.
_PROPOSAL_ROW = (
    select(Proposal.id, Proposal.slug, Proposal.name, Proposal.short_name, Proposal.theatre, Proposal.sponsor,
           Proposal.sponsor_country, Country.name.label("sponsor_name"), Country.alpha2.label("sponsor_alpha2"),
           Proposal.target_troops, Proposal.target_troops_approximate, Proposal.target_police,
           Proposal.mandate_summary, Proposal.resolution_state, Proposal.resolution_on, Proposal.resolution_text,
           Proposal.context_notes)
    .outerjoin(Country, Country.code == Proposal.sponsor_country)
    .where(Proposal.slug == bindparam("slug"))
)
_FACTOR_ROWS = (
    select(Factor.id, Factor.slug, Factor.name, Factor.state, Factor.note, Factor.version)
    .where(Factor.proposal_id == bindparam("proposal_id"))
    .order_by(Factor.position, Factor.id)
)
_PROPOSAL_QUOTE_ROWS = (
    select(Citation.source_id, Citation.quote, Citation.field, Citation.factor_id,
           Source.title, Source.title_is_descriptive, Source.publisher, Source.published_on)
    .join(Source, Source.id == Citation.source_id)
    .where((Citation.proposal_id == bindparam("proposal_id"))
           | Citation.factor_id.in_(select(Factor.id).where(Factor.proposal_id == bindparam("proposal_id"))))
    .order_by(Citation.id)
)


def _shared_label(labels: dict[int, SourceLabel], source_id: int, title: str, descriptive: bool,
                  publisher: str | None, published_on: dt.date | None) -> SourceLabel:
    """The label of source SOURCE_ID from LABELS, made on its first quote: one per source, shared."""
    label = labels.get(source_id)
    if label is None:
        label = labels[source_id] = SourceLabel(source_id, title, descriptive, publisher, published_on)
    return label


_HEAD = select(ChainHead.last_hash).where(ChainHead.id == 1)
# (database, slug) -> (the change log's head when it was read, the view): one per proposal.
_proposal_views: dict[tuple[str, str], tuple[Any, ProposalView]] = {}


def proposal_view(session: Session, slug: str) -> ProposalView:
    """The proposal SLUG as its board shows it, kept while the change log's head stays where it was.

    Every write the board can show moves the head (a factor's too), so this is the response cache's
    rule (app/cache.py): a board made after any write reads the proposal afresh, on every worker.
    The head is read first, in the same transaction, so a view is never kept under a head older
    than the data it was read from. Views are shared between requests and never changed once made."""
    conn = session.connection()
    head = conn.execute(_HEAD).scalar()
    key = (conn.engine.url.render_as_string(), slug)
    kept = _proposal_views.get(key)
    if kept is not None and kept[0] == head:
        return kept[1]
    view = _read_proposal_view(conn, slug)
    _proposal_views[key] = (head, view)
    return view


def _read_proposal_view(conn, slug: str) -> ProposalView:
    """The proposal SLUG read with three flat queries (no ORM objects)."""
    row = conn.execute(_PROPOSAL_ROW, {"slug": slug}).one_or_none()
    if row is None:
        raise NotFound(f"There is no proposal called {slug!r}.")
    factors = [FactorView(f.slug, f.name, f.state, f.note, [], f.id, f.version)
               for f in conn.execute(_FACTOR_ROWS, {"proposal_id": row.id})]
    by_id = {f.id: f for f in factors}
    citations: list[CitationView] = []
    labels: dict[int, SourceLabel] = {}
    for source_id, quote, fld, factor_id, *source in conn.execute(_PROPOSAL_QUOTE_ROWS, {"proposal_id": row.id}):
        view = CitationView(source_id, quote, fld, _shared_label(labels, source_id, *source))
        if factor_id is None:
            citations.append(view)
        elif factor_id in by_id:
            by_id[factor_id].citations.append(view)
    sponsor = (CountryView(row.sponsor_country, row.sponsor_name, row.sponsor_alpha2)
               if row.sponsor_country is not None else None)
    return ProposalView(row.id, row.slug, row.name, row.short_name, row.theatre, row.sponsor, row.sponsor_country,
                        sponsor, row.target_troops, row.target_troops_approximate, row.target_police,
                        row.mandate_summary, row.resolution_state, row.resolution_on, row.resolution_text,
                        row.context_notes, factors, citations)


def _stance_query(proposal: Proposal):
    return (
        select(Stance)
        .where(Stance.proposal_id == proposal.id)
        .options(
            selectinload(Stance.conditions).selectinload(Condition.citations),
            selectinload(Stance.citations),
        )
    )


def find_stance(session: Session, proposal: Proposal, code: str) -> Stance | None:
    """The stance of CODE on PROPOSAL, or None for a country not on the board."""
    return session.scalars(_stance_query(proposal).where(Stance.country_code == code.upper())).one_or_none()


def get_stance(session: Session, proposal: Proposal, code: str) -> Stance:
    stance = find_stance(session, proposal, code)
    if stance is None:
        raise NotFound(f"{code.upper()} has no stance on {proposal.name}.")
    return stance


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

    def share_of_target(self, value: int) -> float | None:
        if not self.target_troops:
            return None
        return min(1.0, value / self.target_troops)


def totals(proposal: Proposal | ProposalView, stances: list[Stance]) -> Totals:
    """Troops against the target; a single offered figure counts as both ends of the range."""
    counts = Counter(s.status for s in stances)
    offered_min = offered_max = committed = deployed = 0
    for s in stances:
        low = s.offered_min if s.offered_min is not None else s.offered_max
        high = s.offered_max if s.offered_max is not None else s.offered_min
        offered_min += low or 0
        offered_max += high or 0
        committed += s.committed or 0
        deployed += s.deployed or 0
    return Totals(
        target_troops=proposal.target_troops,
        target_troops_approximate=proposal.target_troops_approximate,
        offered_min=offered_min,
        offered_max=offered_max,
        committed=committed,
        deployed=deployed,
        countries=len(stances),
        by_status={status: counts.get(status, 0) for status in STATUSES},
    )


def stance_dict(stance: Stance) -> dict[str, Any]:
    """The API representation of a stance (PRODUCT.md), also what its ETag is computed over: the
    change log's record of it, with the country spelled out."""
    record = stance_snapshot(stance)
    return {
        "country": stance.country_code,
        "country_name": stance.country.name,
        "flag": flag_emoji(stance.country.alpha2),
        "status": record["status"],
        "troops": record["troops"],
        "roles": record["roles"],
        "summary": record["summary"],
        "stated_on": stance.stated_on,
        "updated_at": stance.updated_at,
        "version": stance.version,
        "conditions": record["conditions"],
        "citations": record["citations"],
    }


def factor_dict(factor: Factor) -> dict[str, Any]:
    return {
        "slug": factor.slug,
        "name": factor.name,
        "state": factor.state,
        "note": factor.note,
        "citations": [citation_dict(c) for c in factor.citations],
    }


def proposal_dict(proposal: Proposal, stances: list[Stance]) -> dict[str, Any]:
    t = totals(proposal, stances)
    return {
        "slug": proposal.slug,
        "name": proposal.name,
        "short_name": proposal.short_name,
        "theatre": proposal.theatre,
        "sponsor": proposal.sponsor,
        "sponsor_country": proposal.sponsor_country,
        "target_troops": proposal.target_troops,
        "target_police": proposal.target_police,
        "mandate_summary": proposal.mandate_summary,
        "resolution": {
            "state": proposal.resolution_state,
            "date": proposal.resolution_on,
            "text": proposal.resolution_text,
        },
        "context_notes": proposal.context_notes,
        "totals": t.__dict__,
        "factors": [factor_dict(f) for f in proposal.factors],
        "citations": [citation_dict(c) for c in proposal.citations],
    }


def proposal_citations(proposal: Proposal | ProposalView, field: str) -> list[Any]:
    return [c for c in proposal.citations if c.field == field]


def get_source(session: Session, source_id: int) -> Source:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(f"There is no source number {source_id}.")
    return source


def list_sources(session: Session, after: int = 0, limit: int = 100) -> list[Source]:
    return list(session.scalars(select(Source).where(Source.id > after).order_by(Source.id).limit(limit)))


def source_dict(source: Source, detail: bool = False) -> dict[str, Any]:
    data = {
        "id": source.id,
        "title": source.title,
        "title_is_descriptive": source.title_is_descriptive,
        "publisher": source.publisher,
        "url": source.url,
        "published_on": source.published_on,
        "retrieved_on": source.retrieved_on,
        "has_text": bool(source.text),
    }
    if detail:
        data["text"] = source.text
        data["citations"] = [citation_dict(c) for c in source.citations]
    return data


@dataclass
class Segment:
    text: str
    marked: bool


def highlight_quotes(text: str, quotes: list[str]) -> list[Segment]:
    """Split TEXT into plain and quoted segments (overlapping quotes merge), for safe rendering."""
    spans: list[tuple[int, int]] = []
    for quote in quotes:
        start = text.find(quote)
        while quote and start != -1:
            spans.append((start, start + len(quote)))
            start = text.find(quote, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    segments: list[Segment] = []
    pos = 0
    for start, end in merged:
        if start > pos:
            segments.append(Segment(text[pos:start], False))
        segments.append(Segment(text[start:end], True))
        pos = end
    if pos < len(text):
        segments.append(Segment(text[pos:], False))
    return segments


# ---- the board from compact queries ---------------------------------------------------------------


# Built once: composing a statement costs more than running it on these small tables.
_VERSION_ROWS = select(Stance.id, Stance.version, Stance.updated_at).where(Stance.proposal_id == bindparam("proposal_id"))
_STANCE_ROWS = (
    select(Stance.id, Stance.country_code, Country.name, Country.alpha2, Stance.status, Stance.offered_min,
           Stance.offered_max, Stance.committed, Stance.deployed, Stance.roles, Stance.summary, Stance.stated_on,
           Stance.updated_at, Stance.version)
    .join(Country, Country.code == Stance.country_code)
    .where(Stance.id.in_(bindparam("ids", expanding=True)))
)
_CONDITION_ROWS = (
    select(Condition.id, Condition.stance_id, Condition.text, Condition.category, Condition.state, Condition.factor_id)
    .where(Condition.stance_id.in_(bindparam("ids", expanding=True)))
    .order_by(Condition.stance_id, Condition.position)
)
_QUOTE_ROWS = (
    select(Citation.source_id, Citation.quote, Citation.field, Citation.stance_id, Citation.condition_id,
           Source.title, Source.title_is_descriptive, Source.publisher, Source.published_on)
    .join(Source, Source.id == Citation.source_id)
    .where(Citation.stance_id.in_(bindparam("ids", expanding=True))
           | Citation.condition_id.in_(select(Condition.id).where(Condition.stance_id.in_(bindparam("ids", expanding=True)))))
    .order_by(Citation.id)
)
_DATABASE_NAMES: "weakref.WeakKeyDictionary[Any, str]" = weakref.WeakKeyDictionary()


def stance_views(
    session: Session,
    proposal: Proposal | ProposalView,
    statuses: list[str] | None = None,
    condition: str | None = None,
    *,
    order: str = "board",
    after: str | None = None,
    limit: int | None = None,
) -> list[StanceView]:
    """Stances of PROPOSAL as plain views, read with flat queries (no ORM object graph: this is
    the board's and the API's hot path); optionally filtered.

    order="board": most engaged first, then by country name (the board's order);
    order="code": by country code, with `after`/`limit` for paging (the API's order).
    """
    query = _VERSION_ROWS
    if statuses:
        query = query.where(Stance.status.in_(statuses))
    if condition:
        query = query.where(Stance.conditions.any(Condition.category == condition))
    if order == "code":
        if after:
            query = query.where(Stance.country_code > after)
        query = query.order_by(Stance.country_code)
        if limit is not None:
            query = query.limit(limit)
    # Core execution on the session's connection: these are plain rows, the ORM has nothing to add.
    conn = session.connection()
    rows = conn.execute(query, {"proposal_id": proposal.id}).all()
    if not rows:
        return []

    # Every change to a stance, its conditions or its quotes goes through the write path, which
    # bumps its version and time; a factor shown inside a condition changes with the factor's
    # version. So a view is kept under those, and read again only when one of them moved. The
    # quotes' source labels are in the view too: sources are never edited once made, and a
    # feature that edits them must add something that moves with them to this key.
    factors_version = tuple((f.id, f.version) for f in proposal.factors)
    database = _database_name(conn.engine)
    keys = {r.id: (database, r.id, r.version, r.updated_at, factors_version) for r in rows}
    found = {sid: _views.get(key) for sid, key in keys.items()}
    missing = [sid for sid, view in found.items() if view is None]
    if missing:
        for view in _load_views(conn, proposal, missing):
            found[view.id] = view
            _views.put(keys[view.id], view)
    views = [found[r.id] for r in rows if found[r.id] is not None]
    if order != "code":
        views.sort(key=lambda v: (STATUS_ORDER[v.status], v.country.name))
    return views


def _database_name(engine) -> str:
    """The engine's URL (password hidden), which tells databases apart in the view cache."""
    name = _DATABASE_NAMES.get(engine)
    if name is None:
        name = _DATABASE_NAMES[engine] = engine.url.render_as_string(hide_password=True)
    return name


def _load_views(conn, proposal: Proposal | ProposalView, stance_ids: list[int]) -> list[StanceView]:
    """STANCE_IDS as views, read with three flat queries."""
    rows = conn.execute(_STANCE_ROWS, {"ids": stance_ids}).all()
    children = _load_children(conn, proposal, stance_ids)
    return [
        StanceView(r.id, r.country_code, CountryView(r.country_code, r.name, r.alpha2), r.status, r.offered_min,
                   r.offered_max, r.committed, r.deployed, list(r.roles or []), r.summary, r.stated_on, r.updated_at,
                   r.version, list(children[r.id][0]), list(children[r.id][1]))
        for r in rows
    ]


class _ViewCache:
    """The latest view of each stance: one slot per (database, stance), holding the view with the
    (version, time, factor versions) it was read at, so an old version makes room for the new one
    instead of lingering. Bounded by count (least recently used first), shared by request threads.
    Views are not changed once built."""

    def __init__(self, max_entries: int = 4096) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple, tuple[tuple, StanceView]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> StanceView | None:
        slot, version = key[:2], key[2:]
        with self._lock:
            found = self._entries.get(slot)
            if found is None or found[0] != version:
                return None
            self._entries.move_to_end(slot)
            return found[1]

    def put(self, key: tuple, view: StanceView) -> None:
        slot, version = key[:2], key[2:]
        with self._lock:
            self._entries[slot] = (version, view)
            self._entries.move_to_end(slot)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)


_views = _ViewCache()


def _load_children(conn, proposal: Proposal | ProposalView, stance_ids: list[int]) -> dict[int, tuple[tuple, tuple]]:
    """(conditions, stance quotes) of each of STANCE_IDS, as views, with two flat queries."""
    factors = {f.id: FactorView(f.slug, f.name, f.state, f.note, id=f.id, version=f.version) for f in proposal.factors}
    conditions: dict[int, list[ConditionView]] = {}
    by_condition: dict[int, ConditionView] = {}
    for cid, sid, body, category, state, factor_id in conn.execute(_CONDITION_ROWS, {"ids": stance_ids}):
        view = ConditionView(cid, body, category, state, factors.get(factor_id), [])
        conditions.setdefault(sid, []).append(view)
        by_condition[cid] = view

    labels: dict[int, SourceLabel] = {}
    stance_quotes: dict[int, list[CitationView]] = {}
    for source_id, quote, fld, sid, cid, *source in conn.execute(_QUOTE_ROWS, {"ids": stance_ids}):
        view = CitationView(source_id, quote, fld, _shared_label(labels, source_id, *source))
        if sid is not None:
            stance_quotes.setdefault(sid, []).append(view)
        elif cid in by_condition:
            by_condition[cid].citations.append(view)
    return {sid: (tuple(conditions.get(sid, ())), tuple(stance_quotes.get(sid, ()))) for sid in stance_ids}
