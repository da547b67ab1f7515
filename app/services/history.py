"""History: the board as it stood on a day, what changed between two days, and readable diffs.

"As of D" follows the day each stance was stated (the day it was recorded when that is unknown),
at the end of D in UTC; "known at K" also leaves out what was recorded after the end of K.
Each country costs one index seek on (stance_id, effective_on, id), however long the history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import msgspec
from pydantic_core import from_json
from sqlalchemy import Text, bindparam, cast, select
from sqlalchemy.orm import Session

from app.models import Change, Country, Factor, Proposal, Source, Stance
from app.services.board import STATUS_ORDER
from app.services.views import (CitationView, ConditionView, CountryView, FactorView, ProposalView, SourceLabel,
                                StanceView)


def end_of_day(day: dt.date) -> dt.datetime:
    """The first instant after DAY, in UTC."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=dt.timezone.utc)


def _quotes(items: Any) -> list[CitationView]:
    """Views of the quotes of a snapshot read as a dictionary."""
    return [CitationView(c["source_id"], c["quote"], c.get("field")) for c in items]


def _citations(items: list[dict[str, Any]], pending: list[CitationView]) -> list[CitationView]:
    """Views of the quotes in a snapshot; their source labels are filled in by _label_sources."""
    views = _quotes(items)
    pending += views
    return views


_SOURCE_LABELS = select(Source.id, Source.title, Source.title_is_descriptive, Source.publisher,
                       Source.published_on).where(Source.id.in_(bindparam("ids", expanding=True)))


def _label_sources(session: Session, citations: list[CitationView]) -> None:
    """Give each of CITATIONS its source's label, with one query for all of them."""
    ids = list({c.source_id for c in citations})
    if not ids:
        return
    labels = {r[0]: SourceLabel(*r) for r in session.connection().execute(_SOURCE_LABELS, {"ids": ids})}
    for c in citations:
        c.source = labels.get(c.source_id)


# A stance's snapshot as a change recorded it, decoded by msgspec straight into typed objects (its
# quotes into the views the pages read): a past day's board decodes two hundred of these, and this
# costs about half of decoding them into dictionaries and building the views from those. Keys
# missing from an older snapshot take the same defaults as `dict.get` gave.
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


_decode_snapshot = msgspec.json.Decoder(_Snapshot).decode


def _snapshot(after: str) -> _Snapshot:
    """The snapshot in AFTER (JSON text), typed; a value of another type than ours write is taken
    as it is rather than refused."""
    try:
        return _decode_snapshot(after)
    except msgspec.ValidationError:
        return _snapshot_from_dict(from_json(after))


def _snapshot_from_dict(snap: dict[str, Any]) -> _Snapshot:
    """A snapshot read as a dictionary, in the same objects (their constructors check no types)."""
    troops = snap["troops"]
    return _Snapshot(
        snap["status"],
        _Troops(troops.get("offered_min"), troops.get("offered_max"), troops.get("committed"), troops.get("deployed")),
        list(snap.get("roles", ())), snap.get("summary"), snap.get("stated_on"),
        [_Condition(c["id"], c["text"], c["category"], c["state"], c.get("factor"), _quotes(c.get("citations", ())))
         for c in snap.get("conditions", ())],
        _quotes(snap.get("citations", ())), snap.get("version", 0))


def stance_view(change: Any, country: CountryView, factors: dict[str, FactorView],
                pending: list[CitationView]) -> StanceView:
    """A stance as a change left it (CHANGE.after: its snapshot as JSON text); its quotes are added
    to PENDING to be given their sources. (Positional arguments: a past day's board makes two
    hundred of these.)"""
    snap = _snapshot(change.after)
    troops = snap.troops
    stated_on = snap.stated_on
    conditions = []
    for c in snap.conditions:
        factor = c.factor
        conditions.append(ConditionView(c.id, c.text, c.category, c.state, factors.get(factor) if factor else None,
                                        c.citations))
        pending += c.citations
    pending += snap.citations
    return StanceView(change.stance_id, country.code, country, snap.status, troops.offered_min, troops.offered_max,
                      troops.committed, troops.deployed, snap.roles, snap.summary,
                      dt.date.fromisoformat(stated_on) if stated_on else None, change.changed_at, snap.version,
                      conditions, snap.citations)


# ---- as-of queries ---------------------------------------------------------------------------------


def _latest(owner_id, owner, known: bool):
    """The id of the last change to OWNER that counts on the day :as_of (and, when KNOWN, that was
    recorded before :known_before): one index seek on (owner id, effective_on, id)."""
    query = select(Change.id).where(owner_id == owner.id, Change.effective_on <= bindparam("as_of"))
    if known:
        query = query.where(Change.changed_at < bindparam("known_before"))
    return query.order_by(Change.effective_on.desc(), Change.id.desc()).limit(1).correlate(owner).scalar_subquery()


# Built once: a past day's board runs these for every request. Only what a view needs is read (not
# `before`, which would double the JSON to read and decode), as plain rows, no ORM objects; the
# snapshot as its JSON text, for `stance_view` to decode.
_STANCE_CHANGES = {
    known: select(Change.stance_id, Change.changed_at, cast(Change.after, Text).label("after"), Country.code,
                  Country.name, Country.alpha2)
    .join(Stance, Change.id == _latest(Change.stance_id, Stance, known))
    .join(Country, Country.code == Stance.country_code)
    .where(Stance.proposal_id == bindparam("proposal_id"))
    for known in (False, True)
}
_FACTOR_CHANGES = {
    known: select(Change.after)
    .join(Factor, Change.id == _latest(Change.factor_id, Factor, known))
    .where(Factor.proposal_id == bindparam("proposal_id"))
    .order_by(Factor.position)
    for known in (False, True)
}


def _cut(proposal: Proposal | ProposalView, as_of: dt.date, known_at: dt.date | None) -> dict[str, Any]:
    params: dict[str, Any] = {"proposal_id": proposal.id, "as_of": as_of}
    if known_at is not None:
        params["known_before"] = end_of_day(known_at)
    return params


def stance_changes_as_of(
    session: Session, proposal: Proposal | ProposalView, as_of: dt.date, known_at: dt.date | None = None
) -> list[tuple[Any, CountryView]]:
    """For each stance of PROPOSAL, the change that set it as it stood on AS_OF (None-free), as a row
    of (stance_id, changed_at, after: the snapshot as JSON text), with the country."""
    rows = session.connection().execute(_STANCE_CHANGES[known_at is not None], _cut(proposal, as_of, known_at)).all()
    return [(row, _country(row.code, row.name, row.alpha2)) for row in rows]


# Countries as every past day shows them: made once for each (code, name, alpha-2) read, then shared
# (views are never changed once made). Keyed by all three, so a renamed country gets a new view.
_countries: dict[tuple[str, str, str], CountryView] = {}


def _country(code: str, name: str, alpha2: str) -> CountryView:
    key = (code, name, alpha2)
    view = _countries.get(key)
    if view is None:
        if len(_countries) >= 4096:  # only a database edited over and over gets here
            _countries.clear()
        view = _countries[key] = CountryView(code, name, alpha2)
    return view


def factors_as_of(session: Session, proposal: Proposal | ProposalView, as_of: dt.date, known_at: dt.date | None,
                  pending: list[CitationView]) -> list[FactorView]:
    """The factors of PROPOSAL as they stood; their quotes are added to PENDING to be given sources."""
    snapshots = session.connection().execute(_FACTOR_CHANGES[known_at is not None],
                                             _cut(proposal, as_of, known_at)).scalars().all()
    return [FactorView(f["slug"], f["name"], f["state"], f.get("note"), _citations(f.get("citations", ()), pending))
            for f in snapshots]


def stances_as_of(
    session: Session,
    proposal: Proposal | ProposalView,
    as_of: dt.date,
    known_at: dt.date | None = None,
    statuses: list[str] | None = None,
    condition: str | None = None,
) -> tuple[list[StanceView], list[FactorView]]:
    """The board as it stood: stance views in board order, and the factors as they were. The quotes of
    both are given their source labels together, with one query."""
    pending: list[CitationView] = []
    factors = factors_as_of(session, proposal, as_of, known_at, pending)
    by_slug = {f.slug: f for f in factors}
    pairs = stance_changes_as_of(session, proposal, as_of, known_at)
    views = [stance_view(change, country, by_slug, pending) for change, country in pairs]
    _label_sources(session, pending)
    if statuses:
        views = [v for v in views if v.status in statuses]
    if condition:
        views = [v for v in views if any(c.category == condition for c in v.conditions)]
    views.sort(key=lambda v: (STATUS_ORDER[v.status], v.country.name))
    return views, factors


# ---- readable diffs --------------------------------------------------------------------------------

TROOP_LABELS = {"offered_min": "offered (at least)", "offered_max": "offered (at most)",
                "committed": "committed", "deployed": "deployed"}


def _fmt(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def describe_change(before: dict[str, Any] | None, after: dict[str, Any]) -> list[str]:
    """What a change did, one line per difference, in words an analyst reads."""
    if "slug" in after:  # a factor
        if before is None:
            return [f"factor recorded as {after['state']}"]
        lines = []
        if before.get("state") != after.get("state"):
            lines.append(f"state {before.get('state')} → {after.get('state')}")
        if before.get("note") != after.get("note"):
            lines.append(f"note: “{_fmt(after.get('note'))}”")
        return lines or ["quotes added"]
    if before is None:
        lines = [f"first recorded as {after['status']}"]
        lines += [f"condition: {c['text']} ({c['category']}, {c['state']})" for c in after.get("conditions", [])]
        return lines
    lines: list[str] = []
    if before.get("status") != after.get("status"):
        lines.append(f"status {before.get('status')} → {after.get('status')}")
    for key, label in TROOP_LABELS.items():
        old, new = before.get("troops", {}).get(key), after.get("troops", {}).get(key)
        if old != new:
            lines.append(f"troops {label}: {_fmt(old)} → {_fmt(new)}")
    old_roles, new_roles = set(before.get("roles", [])), set(after.get("roles", []))
    if old_roles != new_roles:
        added, removed = sorted(new_roles - old_roles), sorted(old_roles - new_roles)
        parts = ([f"+{', '.join(added)}"] if added else []) + ([f"−{', '.join(removed)}"] if removed else [])
        lines.append(f"roles {' '.join(parts)}".replace("_", " "))
    if before.get("summary") != after.get("summary"):
        lines.append(f"summary: “{_fmt(after.get('summary'))}”")
    if before.get("stated_on") != after.get("stated_on"):
        lines.append(f"stated on {_fmt(before.get('stated_on'))} → {_fmt(after.get('stated_on'))}")
    old_conditions = {c["id"]: c for c in before.get("conditions", [])}
    new_conditions = {c["id"]: c for c in after.get("conditions", [])}
    for cid, c in new_conditions.items():
        old = old_conditions.get(cid)
        if old is None:
            lines.append(f"condition added: {c['text']} ({c['category']}, {c['state']})")
            continue
        if old["state"] != c["state"]:
            lines.append(f"condition {c['category']} {old['state']} → {c['state']}: {c['text']}")
        if old["text"] != c["text"] or old["category"] != c["category"] or old.get("factor") != c.get("factor"):
            lines.append(f"condition reworded: {old['text']} → {c['text']} ({c['category']})")
    for cid, c in old_conditions.items():
        if cid not in new_conditions:
            lines.append(f"condition removed: {c['text']} ({c['category']})")
    if len(after.get("citations", [])) > len(before.get("citations", [])):
        lines.append("new quote cited")
    return lines or ["no visible difference"]


@dataclass
class CountryDifference:
    code: str
    name: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    lines: list[str]


def compare(session: Session, proposal: Proposal, start: dt.date, end: dt.date, known_at: dt.date | None = None) -> list[CountryDifference]:
    """Country by country, how the board as of END differs from the board as of START."""
    then = {country.code: (change, country) for change, country in stance_changes_as_of(session, proposal, start, known_at)}
    now = {country.code: (change, country) for change, country in stance_changes_as_of(session, proposal, end, known_at)}
    result = []
    for code in sorted(set(then) | set(now), key=lambda c: (now.get(c) or then.get(c))[1].name):
        old = from_json(then[code][0].after) if code in then else None
        new = from_json(now[code][0].after) if code in now else None
        if old is not None and new is not None and {k: v for k, v in old.items() if k != "version"} == {
            k: v for k, v in new.items() if k != "version"
        }:
            continue
        country = (now.get(code) or then.get(code))[1]
        lines = describe_change(old, new) if new is not None else ["not on the board yet"]
        result.append(CountryDifference(code, country.name, old, new, lines))
    return result


# ---- lists of changes --------------------------------------------------------------------------------


@dataclass
class ChangeEntry:
    """A recorded change with what a reader needs to place it."""

    change: Change
    proposal_slug: str
    proposal_name: str
    factor_slug: str | None
    factor_name: str | None
    country_name: str | None
    lines: list[str]

    @property
    def subject(self) -> str:
        if self.change.entity == "factor":
            return f"Factor “{self.factor_name}”"
        return self.country_name or self.change.country_code or "?"

    @property
    def title(self) -> str:
        return f"{self.subject}: {self.lines[0]}" if self.lines else self.subject


def change_entries(
    session: Session,
    *,
    proposal: Proposal | None = None,
    country_code: str | None = None,
    before_id: int | None = None,
    after_id: int | None = None,
    since: dt.datetime | None = None,
    limit: int = 50,
    newest_first: bool = True,
) -> list[ChangeEntry]:
    """Changes, newest first (pages, feeds) or oldest first (the API), with their descriptions."""
    query = (
        select(Change, Proposal.slug, Proposal.name, Factor.slug, Factor.name, Country.name)
        .join(Proposal, Proposal.id == Change.proposal_id)
        .outerjoin(Factor, Factor.id == Change.factor_id)
        .outerjoin(Country, Country.code == Change.country_code)
    )
    if proposal is not None:
        query = query.where(Change.proposal_id == proposal.id)
    if country_code is not None:
        query = query.where(Change.country_code == country_code)
    if before_id is not None:
        query = query.where(Change.id < before_id)
    if after_id is not None:
        query = query.where(Change.id > after_id)
    if since is not None:
        query = query.where(Change.changed_at >= since)
    query = query.order_by(Change.id.desc() if newest_first else Change.id).limit(limit)
    return [
        ChangeEntry(change, pslug, pname, fslug, fname, cname, describe_change(change.before, change.after))
        for change, pslug, pname, fslug, fname, cname in session.execute(query)
    ]
