"""History: readable descriptions of changes, what changed between two days, lists of changes and a
country's timeline. What the board said on a day is `app/services/board.py::read_board`'s."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, null, or_, select
from sqlalchemy.orm import Session, aliased

from app.models import Change, Country, Factor, Proposal
from app.services.board import counts_on, end_of_day, factor_states, facts_json, read_board, stance_json
from app.services.changes import recorded_version
from app.vocabulary import CATEGORY_LABELS, STATE_LABELS, day_words


# ---- readable diffs --------------------------------------------------------------------------------

TROOP_LABELS = {"offered_min": "offered (at least)", "offered_max": "offered (at most)",
                "committed": "committed", "deployed": "deployed"}


def _fmt(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def day_text(value: str | None) -> str:
    """"17 Nov 2025" for an ISO day, as the pages write days."""
    if not value:
        return "—"
    try:
        day = dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return str(value)
    return day_words(day)


def _kind(category: str) -> str:
    """A condition's category as readers see it ("domestic approval")."""
    return CATEGORY_LABELS.get(category, category).lower()


def _state(state: str) -> str:
    return STATE_LABELS.get(state, state).lower()


def _target(facts: dict[str, Any], key: str = "target_troops") -> str:
    value = facts.get(key)
    if value is None:
        return "not set"
    return ("~" if key == "target_troops" and facts.get("target_troops_approximate") else "") + _fmt(value)


def _sponsor(facts: dict[str, Any]) -> str:
    name, code = facts.get("sponsor"), facts.get("sponsor_country")
    if not name and not code:
        return "unknown"
    return f"{name} ({code})" if name and code else str(name or code)


def _resolution(facts: dict[str, Any]) -> str:
    state = facts.get("resolution_state")
    text = state or "none"
    return text + (f" on {day_text(facts.get('resolution_on'))}" if facts.get("resolution_on") else "")


def describe_facts(before: dict[str, Any] | None, after: dict[str, Any]) -> list[str]:
    """What a change to a proposal's own facts did, one line per fact: "UN resolution: drafted → adopted
    on 17 Nov 2025"."""
    if before is None:
        lines = ["facts first recorded" if after.get("version", 1) <= 1
                 else "earliest facts (stated for a day before those recorded earlier)"]
        if after.get("target_troops") is not None:
            lines.append(f"target: {_target(after)} troops")
        if after.get("target_police") is not None:
            lines.append(f"police target: {_target(after, 'target_police')}")
        if after.get("sponsor") or after.get("sponsor_country"):
            lines.append(f"led by: {_sponsor(after)}")
        if after.get("resolution_state") or after.get("resolution_on"):
            lines.append(f"UN resolution: {_resolution(after)}")
        for key, label in (("mandate_summary", "mandate"), ("context_notes", "context")):
            if after.get(key):
                lines.append(f"{label}: “{after[key]}”")
        return lines

    def differs(*keys: str) -> bool:
        return any(before.get(k) != after.get(k) for k in keys)

    lines: list[str] = []
    if differs("target_troops", "target_troops_approximate"):
        lines.append(f"target: {_target(before)} → {_target(after)} troops")
    if differs("target_police"):
        lines.append(f"police target: {_target(before, 'target_police')} → {_target(after, 'target_police')}")
    if differs("sponsor", "sponsor_country"):
        lines.append(f"led by: {_sponsor(before)} → {_sponsor(after)}")
    if differs("resolution_state", "resolution_on"):
        lines.append(f"UN resolution: {_resolution(before)} → {_resolution(after)}")
    if differs("resolution_text"):
        lines.append(f"UN resolution text: “{_fmt(after.get('resolution_text'))}”")
    if differs("mandate_summary"):
        lines.append(f"mandate: “{_fmt(after.get('mandate_summary'))}”")
    if differs("context_notes"):
        lines.append(f"context: “{_fmt(after.get('context_notes'))}”")
    if differs("stated_on"):
        lines.append(f"stated on {day_text(before.get('stated_on'))} → {day_text(after.get('stated_on'))}")
    old_quotes = {(q.get("source_id"), q.get("quote")) for q in before.get("citations", [])}
    if any((q.get("source_id"), q.get("quote")) not in old_quotes for q in after.get("citations", [])):
        lines.append("new quote cited")
    return lines or ["no visible difference"]


# A statement with nothing before it on its country's timeline that was not the first one recorded: it
# speaks for a day before those recorded earlier.
EARLIEST = "earliest position (stated for a day before those recorded earlier):"


def describe_change(before: dict[str, Any] | None, after: dict[str, Any], entity: str = "stance",
                    first: str | None = None) -> list[str]:
    """What a change did, one line per difference, in words an analyst reads. ENTITY, the change's,
    says what the snapshots are of: a stance, a factor or the force's own facts. FIRST: the words for
    a position with nothing before it ("first recorded as" when it is version 1, else EARLIEST)."""
    if entity == "proposal":
        return describe_facts(before, after)
    if entity == "factor":
        if before is None:
            return [f"factor recorded as {_state(after['state'])}"]
        lines = []
        if before.get("state") != after.get("state"):
            lines.append(f"state {_state(before.get('state') or '')} → {_state(after.get('state') or '')}")
        if before.get("note") != after.get("note"):
            lines.append(f"note: “{_fmt(after.get('note'))}”")
        return lines or ["quotes added"]
    if before is None:
        if first is None:
            first = "first recorded as" if after.get("version", 1) <= 1 else EARLIEST
        lines = [f"{first} {after['status']}"]
        if after.get("dispute"):
            lines.append(f"disputed: “{after['dispute']}”")
        lines += [f"condition: {c['text']} ({_kind(c['category'])}, {_state(c['state'])})" for c in after.get("conditions", [])]
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
        lines.append(f"stated on {day_text(before.get('stated_on'))} → {day_text(after.get('stated_on'))}")
    if before.get("dispute") != after.get("dispute"):
        lines.append(f"disputed: “{after['dispute']}”" if after.get("dispute") else "no longer disputed")
    old_conditions = {c["id"]: c for c in before.get("conditions", [])}
    new_conditions = {c["id"]: c for c in after.get("conditions", [])}
    # A condition stored anew (a statement for an earlier day, after the one it follows was removed)
    # has another id but the same words: the same condition, not one removed and one added.
    gone = {cid: c for cid, c in old_conditions.items() if cid not in new_conditions}
    for cid, c in new_conditions.items():
        old = old_conditions.get(cid)
        if old is None:
            twin = next((k for k, o in gone.items() if (o["text"], o["category"]) == (c["text"], c["category"])), None)
            old = gone.pop(twin) if twin is not None else None
        if old is None:
            lines.append(f"condition added: {c['text']} ({_kind(c['category'])}, {_state(c['state'])})")
            continue
        if old["state"] != c["state"]:
            lines.append(f"condition {_kind(c['category'])} {_state(old['state'])} → {_state(c['state'])}: {c['text']}")
        if old["text"] != c["text"] or old["category"] != c["category"] or old.get("factor") != c.get("factor"):
            lines.append(f"condition reworded: {old['text']} → {c['text']} ({_kind(c['category'])})")
    for c in gone.values():
        lines.append(f"condition removed: {c['text']} ({_kind(c['category'])})")
    quoted = {(q["source_id"], q["quote"]) for q in before.get("citations", [])}
    if any((q["source_id"], q["quote"]) not in quoted for q in after.get("citations", [])):
        lines.append("new quote cited")
    return lines or ["no visible difference"]


@dataclass
class CountryDifference:
    code: str
    name: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    lines: list[str]


SEEN = ("status", "troops", "roles", "summary", "stated_on", "dispute", "conditions", "citations")


def _seen(position: dict[str, Any]) -> dict[str, Any]:
    """What a reader sees of a position: not its version, when it was recorded or its conditions'
    row ids (the same condition written again is no difference); a new quote is."""
    seen = {k: position.get(k) for k in SEEN}
    seen["conditions"] = [{k: v for k, v in c.items() if k != "id"} for c in seen["conditions"]]
    return seen


@dataclass
class Comparison:
    """How the board at the end of one day differs from the board at the end of another."""

    facts: list[str]  # the force's own facts (no lines: the same)
    countries: list[CountryDifference]


def compare(session: Session, slug: str, start: dt.date, end: dt.date,
            known_at: dt.date | None = None) -> Comparison:
    """How the board at the end of END differs from the board at the end of START: the force's facts,
    then country by country. Each board is read once."""
    before = read_board(session, slug, as_of=start, known_at=known_at)
    after = read_board(session, slug, as_of=end, known_at=known_at)
    then = {s.country_code: s for s in before.everyone}
    now = {s.country_code: s for s in after.everyone}
    result = []
    for code in sorted(set(then) | set(now), key=lambda c: (now.get(c) or then[c]).country.name):
        old = stance_json(then[code]) if code in then else None
        new = stance_json(now[code]) if code in now else None
        if (old and _seen(old)) == (new and _seen(new)):
            continue
        if new is None:
            lines = ["no position recorded by then"]
        else:
            lines = describe_change(_jsonable(old), _jsonable(new), first="on the board as")
        result.append(CountryDifference(code, (now.get(code) or then[code]).country.name, old, new, lines))
    return Comparison(_facts_difference(before.proposal, after.proposal), result)


def _facts_difference(then, now) -> list[str]:
    """How the force's facts NOW (a board's proposal) differ from THEN."""
    if not now.facts_known:
        return []
    old, new = (facts_json(then) if then.facts_known else None), facts_json(now)
    if old == new:
        return []
    return describe_facts(old, new)


def _jsonable(position: dict[str, Any] | None) -> dict[str, Any] | None:
    """POSITION with its day as text, as the change log records it."""
    if position is None:
        return None
    day = position["stated_on"]
    return {**position, "stated_on": day.isoformat() if day else None}


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
    followed: dict[str, Any] | None = None  # the snapshot it follows on its timeline (when described)

    @property
    def subject(self) -> str:
        if self.change.entity == "factor":
            return f"Factor “{self.factor_name}”"
        if self.change.entity == "proposal":
            return "Facts about the force"
        return self.country_name or self.change.country_code or "?"

    @property
    def title(self) -> str:
        return f"{self.subject}: {self.lines[0]}" if self.lines else self.subject


def _followed(known_before: dt.datetime | None):
    """The snapshot each change follows on its timeline: the statement of the same stance, factor or
    proposal's facts just before it in the as-of rule's order (the day it speaks for, then the order
    recorded), among those recorded before KNOWN_BEFORE when given. Every page tells what a change
    changed against it, so a statement entered late for an earlier day also changes how the statement
    after it reads, on every page alike; the API keeps `before` as it was recorded (the hash covers it)."""
    prev = aliased(Change)

    def just_before(same_owner):
        query = select(prev.after).where(same_owner, or_(
            prev.effective_on < Change.effective_on,
            and_(prev.effective_on == Change.effective_on, prev.id < Change.id)))
        if known_before is not None:
            query = query.where(prev.changed_at < known_before)
        return (query.order_by(prev.effective_on.desc(), prev.id.desc()).limit(1)
                .correlate(Change).scalar_subquery())

    return case(
        (Change.entity == "stance", just_before(prev.stance_id == Change.stance_id)),
        (Change.entity == "factor", just_before(prev.factor_id == Change.factor_id)),
        else_=just_before(and_(prev.proposal_id == Change.proposal_id, prev.entity == "proposal")),
    ).label("followed")


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
    day: dt.date | None = None,
    known_at: dt.date | None = None,
    after_day: dt.date | None = None,
    described: bool = True,
    factors: list[str] | None = None,
) -> list[ChangeEntry]:
    """Changes, newest first (pages, feeds) or oldest first (the API), with their descriptions (told
    against the statement each follows on its timeline, as known at KNOWN_AT; none when not
    DESCRIBED); with DAY, only the statements that count for the end of DAY as known at KNOWN_AT (the
    as-of rule's two cuts, as a country page's history lists them). With AFTER_DAY too, only those
    that speak for a day after it, by the day they speak for, newest day first (the changes of a
    period)."""
    known_before = end_of_day(known_at) if known_at else None
    query = (
        select(Change, _followed(known_before) if described else null(), Proposal.slug, Proposal.name,
               Factor.slug, Factor.name, Country.name)
        .join(Proposal, Proposal.id == Change.proposal_id)
        .outerjoin(Factor, Factor.id == Change.factor_id)
        .outerjoin(Country, Country.code == Change.country_code)
    )
    if proposal is not None:
        query = query.where(Change.proposal_id == proposal.id)
    if country_code is not None:
        # With FACTORS (slugs), the changes of those factors too.
        query = query.where(or_(Change.country_code == country_code, Factor.slug.in_(factors)) if factors
                            else Change.country_code == country_code)
    if before_id is not None:
        query = query.where(Change.id < before_id)
    if after_id is not None:
        query = query.where(Change.id > after_id)
    if since is not None:
        query = query.where(Change.changed_at >= since)
    if day is not None:
        query = counts_on(query, day, known_before)
    if after_day is not None:
        query = query.where(Change.effective_on > after_day).order_by(Change.effective_on.desc())
    query = query.order_by(Change.id.desc() if newest_first else Change.id).limit(limit)
    found = list(session.execute(query))
    states = FactorStates(session, known_before) if described and found else None
    return [
        ChangeEntry(change, pslug, pname, fslug, fname, cname,
                    states.describe(change, followed) if states is not None else [], followed)
        for change, followed, pslug, pname, fslug, fname, cname in found
    ]


class FactorStates:
    """Each factor's state on a day as the board of that day reads it (`board.factor_states`, as known
    before KNOWN_BEFORE when given), asked once per proposal and day for the changes a page describes."""

    def __init__(self, session: Session, known_before: dt.datetime | None = None) -> None:
        self._session = session
        self._known_before = known_before
        self._days: dict[tuple[int, dt.date], dict[str, str]] = {}

    def state(self, proposal_id: int, slug: str, day: dt.date) -> str | None:
        """SLUG's state at the end of DAY (None before it was recorded)."""
        if (proposal_id, day) not in self._days:
            self._days[(proposal_id, day)] = factor_states(self._session, proposal_id, day, self._known_before)
        return self._days[(proposal_id, day)].get(slug)

    def as_read(self, change: Change, snapshot: dict[str, Any] | None) -> dict[str, Any] | None:
        """A stance's SNAPSHOT with each condition that hangs on a factor in the factor's state on the
        day CHANGE speaks for: how the board of that day read it. A statement is told by what it said,
        not by a factor's change it did not make (that one is told on its own)."""
        if not snapshot or not any(c.get("factor") for c in snapshot.get("conditions") or ()):
            return snapshot
        conditions = []
        for c in snapshot["conditions"]:
            state = self.state(change.proposal_id, c["factor"], change.effective_on) if c.get("factor") else None
            conditions.append({**c, "state": state} if state is not None else c)
        return {**snapshot, "conditions": conditions}

    def describe(self, change: Change, followed: dict[str, Any] | None) -> list[str]:
        """What CHANGE changed against FOLLOWED, both read as the board of its day reads them."""
        if change.entity != "stance":
            return describe_change(followed, change.after, change.entity)
        return describe_change(self.as_read(change, followed), self.as_read(change, change.after), change.entity)


def hangs_on(statements: list[Change], change: Change, slug: str) -> bool:
    """Whether factor CHANGE moved a country's conditions: the position it had on the day the change
    speaks for (the latest of its STATEMENTS by the as-of rule) hangs a condition on the factor SLUG."""
    shown = None
    for statement in statements:
        if statement.effective_on > change.effective_on:
            break
        shown = statement
    return shown is not None and any(c.get("factor") == slug for c in shown.after.get("conditions") or ())


def _moved(statements: list[Change], change: Change, followed: dict[str, Any] | None, slug: str) -> bool:
    """Whether factor CHANGE (following FOLLOWED on its timeline) belongs on a country's timeline: it
    changed the factor's state, and the country's position of its day hangs a condition on it."""
    return (followed is not None and followed.get("state") != change.after.get("state")
            and hangs_on(statements, change, slug))


def _in_order(statements) -> list[Change]:
    return sorted(statements, key=lambda c: (c.effective_on, c.id))


def timeline(session: Session, stance_id: int, day: dt.date,
             known_at: dt.date | None) -> list[tuple[Change, list[str]]]:
    """The statements recorded to a stance that count for the end of DAY as known at KNOWN_AT, latest
    first in the as-of rule's order (the day each speaks for, then the order recorded), each with what
    it changed against the one before it, both read as the board of its day reads them: a country
    page's timeline, read down as one story. A factor's changes of state join it where the country's
    position of their day hangs a condition on the factor: they move it though the country said nothing."""
    known_before = end_of_day(known_at) if known_at else None
    states = FactorStates(session, known_before)
    query = counts_on(select(Change, _followed(known_before)).where(Change.stance_id == stance_id), day, known_before)
    found = list(session.execute(query))
    statements = _in_order(change for change, _ in found)
    entries = [(change, states.describe(change, followed)) for change, followed in found]
    slugs = {c["factor"] for s in statements for c in s.after.get("conditions") or () if c.get("factor")}
    if slugs:
        factors = counts_on(select(Change, _followed(known_before), Factor.slug)
                            .join(Factor, Factor.id == Change.factor_id)
                            .where(Factor.proposal_id == statements[0].proposal_id, Factor.slug.in_(slugs)),
                            day, known_before)
        entries += [(change, describe_change(followed, change.after, "factor"))
                    for change, followed, slug in session.execute(factors) if _moved(statements, change, followed, slug)]
    entries.sort(key=lambda entry: (entry[0].effective_on, entry[0].id), reverse=True)
    return entries


def country_entries(session: Session, proposal: Proposal, stance_id: int, code: str, limit: int) -> list[ChangeEntry]:
    """A country's changes on a proposal, newest recorded first (its feed), with the changes of state
    of the factors its conditions hang on, as its timeline has them."""
    statements = _in_order(session.scalars(select(Change).where(Change.stance_id == stance_id)))
    slugs = sorted({c["factor"] for s in statements for c in s.after.get("conditions") or () if c.get("factor")})
    entries = change_entries(session, proposal=proposal, country_code=code, limit=limit, factors=slugs)
    return [e for e in entries if e.change.entity != "factor" or _moved(statements, e.change, e.followed, e.factor_slug)]


# ---- one version of a stance -------------------------------------------------------------------------


def stance_version(session: Session, stance_id: int, version: int) -> dict[str, Any] | None:
    """The stance as version VERSION recorded it (the `after` of the change that made it), or None when
    the log holds no such version. An editor's form names the version it was opened on: this is what
    the editor started from."""
    return recorded_version(session, "stance", Change.stance_id == stance_id, version)


def authors_between(session: Session, stance_id: int, after: int, upto: int) -> list[str]:
    """Who recorded the versions of a stance after version AFTER up to version UPTO, each name once,
    earliest first."""
    version = Change.after["version"].as_integer()
    query = select(Change.actor).where(Change.stance_id == stance_id, Change.entity == "stance",
                                       version > after, version <= upto)
    return list(dict.fromkeys(session.scalars(query.order_by(Change.id))))
