"""The read model's rule, kept as an oracle that every view is checked against.

The rule, which `Oracle` implements and nothing else here does:
- a country's statements on a proposal are its stance change rows;
- a statement's day is `after["stated_on"]` when set, else the `published_on` of the change's
  source when set, else the UTC date of `changed_at`;
- its position at the end of day D, known at K, is among its statements whose day is at most D
  (and, with K, that were recorded before the day after K began, UTC) the one with the greatest
  (day, change id); none: the country is not on the board that day;
- no as_of and no known_at: D is today (UTC); known_at alone: D is K.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from hypothesis import strategies as st
from sqlalchemy import select

from app.models import Change, Proposal, Source
from app.schemas import SourceIn, StanceData
from app.services.board import get_proposal
from app.services.seeding import SEED_FORMAT, seed_file
from app.services.sources import create_source
from app.services.stances import set_stance

UTC = dt.timezone.utc
DAY = dt.timedelta(days=1)


def today() -> dt.date:
    return dt.datetime.now(UTC).date()


# ---- the oracle ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    """One stance change row, with the day the rule gives it."""

    change_id: int
    country: str
    day: dt.date
    day_from: str  # which of the rule's three sources gave the day
    recorded_at: dt.datetime
    snapshot: dict[str, Any]

    def __str__(self) -> str:
        return (f"change {self.change_id} ({self.snapshot['status']}, day {self.day} from {self.day_from}, "
                f"recorded {self.recorded_at:%Y-%m-%d %H:%M}Z)")


def statement_day(after: dict[str, Any], published_on: dt.date | None, changed_at: dt.datetime) -> tuple[dt.date, str]:
    if after.get("stated_on"):
        return dt.date.fromisoformat(after["stated_on"]), "stated_on"
    if published_on is not None:
        return published_on, "the source's published_on"
    return changed_at.astimezone(UTC).date(), "the day it was recorded"


@dataclass(frozen=True)
class Cut:
    """Which board a request asks for: as_of and known_at as sent (None: left out)."""

    as_of: dt.date | None = None
    known_at: dt.date | None = None

    @property
    def query(self) -> str:
        return urlencode({k: v.isoformat() for k, v in (("as_of", self.as_of), ("known_at", self.known_at)) if v})

    def with_query(self, path: str) -> str:
        return f"{path}?{self.query}" if self.query else path


class Oracle:
    """The rule, read straight from the change rows of one proposal (never from `effective_on`)."""

    def __init__(self, database, slug: str) -> None:
        with database.read_session() as s:
            rows = s.execute(
                select(Change.id, Change.country_code, Change.changed_at, Change.after, Source.published_on)
                .join(Proposal, Proposal.id == Change.proposal_id)
                .outerjoin(Source, Source.id == Change.source_id)
                .where(Proposal.slug == slug, Change.entity == "stance")
                .order_by(Change.id)
            ).all()
        self.statements = [Statement(id_, code, *statement_day(after, published_on, changed_at), changed_at, after)
                           for id_, code, changed_at, after, published_on in rows]
        self.countries = sorted({s.country for s in self.statements})

    def position(self, country: str, cut: Cut) -> Statement | None:
        day = cut.as_of or cut.known_at or today()
        candidates = [s for s in self.statements if s.country == country and s.day <= day]
        if cut.known_at is not None:
            start_of_next_day = dt.datetime.combine(cut.known_at + DAY, dt.time.min, tzinfo=UTC)
            candidates = [s for s in candidates if s.recorded_at < start_of_next_day]
        return max(candidates, key=lambda s: (s.day, s.change_id), default=None)

    def board(self, cut: Cut) -> dict[str, Statement]:
        """Country code → its position, for the countries on the board."""
        picked = {c: self.position(c, cut) for c in self.countries}
        return {c: s for c, s in picked.items() if s is not None}

    def history(self) -> str:
        return "\n".join(f"  {s.country}: {s}" for s in self.statements)


def seen(snapshot: dict[str, Any] | None) -> dict[str, Any] | None:
    """What a reader sees of a stance (its version alone is not a difference)."""
    if snapshot is None:
        return None
    return {
        "status": snapshot["status"],
        "troops": snapshot["troops"],
        "roles": snapshot["roles"],
        "summary": snapshot["summary"],
        "stated_on": snapshot["stated_on"],
        "conditions": [{k: c[k] for k in ("text", "category", "state")} for c in snapshot["conditions"]],
    }


def api_object(country: str, snapshot: dict[str, Any]) -> dict[str, Any]:
    """The fields of a stance's JSON that must equal the picked statement's snapshot."""
    return {"country": country, **seen(snapshot), "version": snapshot["version"]}


def api_fields(item: Any) -> Any:
    """The same fields of an object a view answered (as it answered them, for the message)."""
    if not isinstance(item, dict):
        return item
    got = {k: item.get(k, "<missing>") for k in ("country", "status", "troops", "roles", "summary", "stated_on")}
    conditions = item.get("conditions", "<missing>")
    if isinstance(conditions, list):
        conditions = [{k: c.get(k, "<missing>") for k in ("text", "category", "state")} for c in conditions]
    return {**got, "conditions": conditions, "version": item.get("version", "<missing>")}


def differences(expected: dict[str, Any], got: dict[str, Any]) -> str:
    keys = [k for k in expected if expected[k] != got.get(k)]
    return "; ".join(f"{k}: expected {expected[k]!r}, got {got.get(k)!r}" for k in keys)


# ---- histories to write ------------------------------------------------------------------------------

COUNTRIES = ("BGD", "EGY", "IDN", "PAK")
STATUSES = ("deployed", "committed", "conditional", "considering", "declined", "withdrawn")
TROOPS = ({}, {"offered_min": 300, "offered_max": 300}, {"offered_min": 100, "offered_max": 500, "committed": 100},
          {"committed": 200, "deployed": 50})
ROLES = ([], ["medical"], ["engineering", "police"])
SUMMARIES = (None, "Will decide after a vote in parliament.", "Ready to send engineers.")
CONDITIONS = (("A lasting ceasefire.", "ceasefire"), ("A UN Security Council mandate.", "mandate"),
              ("Approval by parliament.", "domestic_approval"))


@dataclass(frozen=True)
class Write:
    country: str
    status: str
    troops: dict[str, int]
    roles: list[str]
    summary: str | None
    conditions: list[dict[str, str]]
    recorded_days_ago: int  # 1 and more: on a past day
    recorded_minute: int  # of that day, UTC
    stated_days_before: int | None  # before the day it is recorded; None: undated
    published_days_before: int | None  # its source's publication; None: a source with no date


@st.composite
def histories(draw) -> list[Write]:
    countries = draw(st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=4, unique=True))
    count = draw(st.integers(1, 8))
    # Recorded in the order written, as the change log is: the times are drawn, then sorted.
    moments = sorted(draw(st.lists(st.tuples(st.integers(1, 8), st.integers(0, 24 * 60 - 1)),
                                   min_size=count, max_size=count)), key=lambda m: (-m[0], m[1]))
    writes = []
    for days_ago, minute in moments:
        chosen = draw(st.lists(st.sampled_from(CONDITIONS), max_size=2, unique=True))
        writes.append(Write(
            country=draw(st.sampled_from(countries)),
            status=draw(st.sampled_from(STATUSES)),
            troops=draw(st.sampled_from(TROOPS)),
            roles=draw(st.sampled_from(ROLES)),
            summary=draw(st.sampled_from(SUMMARIES)),
            conditions=[{"text": text, "category": category, "state": draw(st.sampled_from(["unmet", "met", "unknown"]))}
                        for text, category in chosen],
            recorded_days_ago=days_ago,
            recorded_minute=minute,
            stated_days_before=draw(st.none() | st.integers(0, 3)),
            published_days_before=draw(st.none() | st.integers(0, 3)),
        ))
    return writes


days_ago = st.integers(0, 10)
cuts = st.one_of(
    st.builds(lambda d: (d, None), days_ago),  # as_of alone
    st.tuples(days_ago, days_ago),  # as_of and known_at
    st.builds(lambda k: (None, k), days_ago),  # known_at alone
)
spans = st.tuples(days_ago, days_ago, st.none() | days_ago)  # from, to (ordered when used), known_at


def ago(days: int | None) -> dt.date | None:
    return None if days is None else today() - days * DAY


def new_proposal(database, folder) -> str:
    """A proposal of its own for one example, made as the seed makes proposals."""
    slug = f"oracle-{uuid.uuid4().hex[:12]}"
    path = folder / f"{slug}.json"
    path.write_text(json.dumps({"format": SEED_FORMAT, "sources": [],
                                "proposal": {"slug": slug, "name": f"Force {slug}", "theatre": "Gaza"}}), encoding="utf-8")
    with database.write_session() as s:
        seed_file(s, path)
    return slug


def write_history(database, slug: str, writes: list[Write]) -> None:
    """Each write in its own transaction, through the one write path, recorded on its own day."""
    with database.write_session() as s:
        undated_text = f"A statement on the force {slug}, of unknown date."
        undated = create_source(s, SourceIn(title="An undated statement", text=undated_text)).id
    for number, w in enumerate(writes):
        recorded_on = today() - w.recorded_days_ago * DAY
        recorded_at = dt.datetime.combine(recorded_on, dt.time.min, tzinfo=UTC) + dt.timedelta(minutes=w.recorded_minute)
        with database.write_session() as s:
            if w.published_days_before is None:
                source_id, quote = undated, undated_text
            else:
                quote = f"Statement {number} on the force {slug}."
                source_id = create_source(s, SourceIn(title=f"Statement {number}", text=quote,
                                                      published_on=recorded_on - w.published_days_before * DAY)).id
            stated_on = None if w.stated_days_before is None else recorded_on - w.stated_days_before * DAY
            data = StanceData.model_validate({
                "status": w.status, "troops": w.troops, "roles": w.roles, "summary": w.summary,
                "stated_on": stated_on, "conditions": w.conditions,
                "citations": [{"source_id": source_id, "quote": quote}],
            })
            set_stance(s, proposal=get_proposal(s, slug), country_code=w.country, data=data, actor="desk", via="api",
                       reason=f"write {number}", match_conditions=True, now=recorded_at)


# ---- the oracle, on a history worked out by hand ------------------------------------------------------


def test_the_oracle_follows_stated_then_published_then_recorded_days(database, tmp_path):
    """The oracle itself, on a history worked out by hand."""
    slug = new_proposal(database, tmp_path)
    base = dict(troops={}, roles=[], summary=None, conditions=[], recorded_minute=600)
    write_history(database, slug, [
        # PAK: recorded 6 days ago, undated, undated source: its day is 6 days ago.
        Write("PAK", "considering", recorded_days_ago=6, stated_days_before=None, published_days_before=None, **base),
        # PAK: recorded 4 days ago but stated 7 days ago: it counts from day -7, behind the first from day -6 on.
        Write("PAK", "declined", recorded_days_ago=4, stated_days_before=3, published_days_before=None, **base),
        # EGY: recorded 2 days ago from a source published 5 days ago.
        Write("EGY", "committed", recorded_days_ago=2, stated_days_before=None, published_days_before=3, **base),
    ])
    oracle = Oracle(database, slug)
    status = {code: {n: (s.snapshot["status"] if (s := oracle.position(code, Cut(ago(n)))) else None)
                     for n in range(9)} for code in ("PAK", "EGY")}
    assert status["PAK"] == {8: None, 7: "declined", 6: "considering", 5: "considering", 4: "considering",
                             3: "considering", 2: "considering", 1: "considering", 0: "considering"}
    assert status["EGY"] == {8: None, 7: None, 6: None, 5: "committed", 4: "committed", 3: "committed",
                             2: "committed", 1: "committed", 0: "committed"}
    # Known 5 days ago: the declaration recorded 4 days ago was not known yet, nor Egypt's.
    assert oracle.position("PAK", Cut(ago(7), ago(5))) is None
    assert oracle.board(Cut(None, ago(3))).keys() == {"PAK"}
    assert oracle.board(Cut(ago(7), ago(3)))["PAK"].snapshot["status"] == "declined"
    assert oracle.board(Cut()).keys() == {"EGY", "PAK"}
