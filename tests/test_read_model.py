"""The read model, pinned by an oracle: every view (the board, a country's page, the compare page,
the stances JSON, one stance's JSON, the CSV; live and as of a day, as known on a day) shows, for
each country, the position the rule below gives from the raw change rows.

The rule, which `Oracle` implements and nothing else here does:
- a country's statements on a proposal are its stance change rows;
- a statement's day is `after["stated_on"]` when set, else the `published_on` of the change's
  source when set, else the UTC date of `changed_at`;
- its position at the end of day D, known at K, is among its statements whose day is at most D
  (and, with K, that were recorded before the day after K began, UTC) the one with the greatest
  (day, change id); none: the country is not on the board that day;
- no as_of and no known_at: D is today (UTC); known_at alone: D is K.

Failures name the view, the address, the country, what the rule expects (and from which change)
and what the view showed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.figure_rule import figure_problems
from app.models import Change, Proposal, Source
from app.schemas import SourceIn, StanceData
from app.services.board import get_proposal
from app.services.history import describe_change
from app.services.seeding import SEED_FORMAT, seed_file
from app.services.sources import create_source
from app.services.stances import set_stance
from tests.conftest import STANCE_FORM, add_token, add_user, ceasefire_met, form_values

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

    def timeline(self, country: str, cut: Cut) -> list[tuple[Statement, Statement | None]]:
        """The statements that count by the cut, latest first in the rule's order, each with the one
        before it (what a country page's timeline tells it against)."""
        day = cut.as_of or cut.known_at or today()
        listed = sorted((s for s in self.statements if s.country == country and s.day <= day
                         and (cut.known_at is None or s.recorded_at < dt.datetime.combine(
                             cut.known_at + DAY, dt.time.min, tzinfo=UTC))),
                        key=lambda s: (s.day, s.change_id))
        return [(s, listed[i - 1] if i else None) for i, s in reversed(list(enumerate(listed)))]

    def board(self, cut: Cut) -> dict[str, Statement]:
        """Country code → its position, for the countries on the board."""
        picked = {c: self.position(c, cut) for c in self.countries}
        return {c: s for c, s in picked.items() if s is not None}

    def history(self) -> str:
        return "\n".join(f"  {s.country}: {s}" for s in self.statements)


def shown(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quotes as a reader sees them: each passage once, with every fact it is the word for."""
    out: dict[tuple, dict[str, Any]] = {}
    for q in quotes:
        first = out.setdefault((q["source_id"], q["quote"]), {**q, "fields": []})
        if q.get("field") and q["field"] not in first["fields"]:
            first["fields"].append(q["field"])
    return list(out.values())


def seen(snapshot: dict[str, Any] | None) -> dict[str, Any] | None:
    """What a reader sees of a stance: its version alone, or a condition's row id, is not a difference;
    a new quote is."""
    if snapshot is None:
        return None
    return {
        "status": snapshot["status"],
        "troops": snapshot["troops"],
        "roles": snapshot["roles"],
        "summary": snapshot["summary"],
        "stated_on": snapshot["stated_on"],
        "conditions": [{**{k: c.get(k) for k in ("text", "category", "state", "factor")},
                        "citations": shown(c["citations"])} for c in snapshot["conditions"]],
        "citations": shown(snapshot["citations"]),
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
        conditions = [{k: c.get(k, "<missing>") for k in ("text", "category", "state", "factor", "citations")}
                      for c in conditions]
    return {**got, "conditions": conditions, "citations": item.get("citations", "<missing>"),
            "version": item.get("version", "<missing>")}


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
        status = draw(st.sampled_from(STATUSES))
        writes.append(Write(
            country=draw(st.sampled_from(countries)),
            status=status,
            troops=draw(st.sampled_from([t for t in TROOPS if not figure_problems(status, t)])),  # figures that add up
            roles=draw(st.sampled_from(ROLES)),
            summary=draw(st.sampled_from(SUMMARIES)),
            conditions=[{"text": text, "category": category, "state": draw(st.sampled_from(["unmet", "met", "unknown"]))}
                        for text, category in chosen],
            recorded_days_ago=days_ago,
            recorded_minute=minute,
            stated_days_before=(stated := draw(st.none() | st.integers(0, 3))),
            # a source comes out on or after the day of the statement it gives
            published_days_before=draw(st.none() | st.integers(0, 3 if stated is None else stated)),
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


# ---- reading the views -------------------------------------------------------------------------------


def badge_status(element) -> str | None:
    badge = element.select_one(".badge") if element is not None else None
    if badge is None:
        return None
    return next((c.removeprefix("status-") for c in badge.get("class", []) if c.startswith("status-")), None)


def board_rows(html: str, problems: list[str], where: str) -> dict[str, str | None]:
    """Country code → status of each row of a board page; a row without `data-status` is reported
    once, and read from its badge so that what it shows is still compared."""
    rows = BeautifulSoup(html, "html.parser").select('tr[id^="row-"]')
    statuses = {}
    for tr in rows:
        statuses[tr["id"].removeprefix("row-")] = tr.get("data-status") or badge_status(tr)
    missing = [tr["id"] for tr in rows if not tr.get("data-status")]
    if missing:
        problems.append(f"{where}: rows without data-status: {', '.join(missing)} (statuses read from their badges)")
    return statuses


def compare_rows(expected: dict[str, Statement], got: dict[str, str | None], where: str) -> list[str]:
    problems = []
    for code in sorted(set(expected) | set(got)):
        want = expected.get(code)
        if code not in got:
            problems.append(f"{where}: {code}: expected a row {want.snapshot['status']!r} from {want}, got no row")
        elif want is None:
            problems.append(f"{where}: {code}: expected no row (no position that day), got {got[code]!r}")
        elif got[code] != want.snapshot["status"]:
            problems.append(f"{where}: {code}: expected {want.snapshot['status']!r} from {want}, got {got[code]!r}")
    return problems


def get_json(client, url: str, problems: list[str]) -> Any:
    reply = client.get(url)
    if reply.status_code != 200:
        problems.append(f"{url}: answered {reply.status_code}: {reply.text[:200]}")
        return None
    return reply.json()


def check_api_list(client, slug: str, oracle: Oracle, cut: Cut) -> list[str]:
    problems: list[str] = []
    url = f"/api/v1/proposals/{slug}/stances?{'&'.join(filter(None, [cut.query, 'limit=1000']))}"
    items = get_json(client, url, problems)
    if items is None:
        return problems
    expected = oracle.board(cut)
    codes = [i.get("country") for i in items]
    if codes != sorted(expected):
        problems.append(f"{url}: expected countries {sorted(expected)} (in code order), got {codes}")
    for item in items:
        want = expected.get(item.get("country"))
        if want is not None and api_fields(item) != api_object(want.country, want.snapshot):
            problems.append(f"{url}: {want.country}: from {want}: "
                            f"{differences(api_object(want.country, want.snapshot), api_fields(item))}")
    return problems


def check_api_one(client, slug: str, oracle: Oracle, cut: Cut) -> list[str]:
    problems: list[str] = []
    for code in oracle.countries:
        url = cut.with_query(f"/api/v1/proposals/{slug}/stances/{code}")
        want = oracle.position(code, cut)
        reply = client.get(url)
        if want is None:
            if reply.status_code != 404:
                problems.append(f"{url}: expected 404 (no position that day), got {reply.status_code} "
                                f"{api_fields(reply.json()) if reply.status_code == 200 else reply.text[:200]}")
        elif reply.status_code != 200:
            problems.append(f"{url}: expected {want}, got {reply.status_code}: {reply.text[:200]}")
        elif api_fields(reply.json()) != api_object(code, want.snapshot):
            problems.append(f"{url}: from {want}: {differences(api_object(code, want.snapshot), api_fields(reply.json()))}")
    return problems


CSV_HEAD = ["country", "country_name", "status", "offered_min", "offered_max", "committed", "deployed"]
TROOP_KEYS = CSV_HEAD[3:]


def csv_rows(client, url: str, problems: list[str]) -> dict[str, dict[str, str]] | None:
    reply = client.get(url)
    if reply.status_code != 200:
        problems.append(f"{url}: answered {reply.status_code}: {reply.text[:200]}")
        return None
    reader = csv.DictReader(io.StringIO(reply.content.decode("utf-8").removeprefix("\ufeff")))
    if not set(CSV_HEAD) <= set(reader.fieldnames or []):
        problems.append(f"{url}: header {reader.fieldnames} lacks some of {CSV_HEAD}")
        return None
    return {row["country"]: row for row in reader}


def check_csv(client, slug: str, oracle: Oracle, cut: Cut) -> list[str]:
    problems: list[str] = []
    url = cut.with_query(f"/api/v1/proposals/{slug}/stances.csv")
    rows = csv_rows(client, url, problems)
    if rows is None:
        return problems
    expected = oracle.board(cut)
    if sorted(rows) != sorted(expected):
        problems.append(f"{url}: expected rows for {sorted(expected)}, got rows for {sorted(rows)}")
    for code, want in expected.items():
        if code not in rows:
            continue
        troops = want.snapshot["troops"]
        wanted = {"status": want.snapshot["status"], **{k: "" if troops[k] is None else str(troops[k]) for k in TROOP_KEYS}}
        got = {k: rows[code][k] for k in wanted}
        if got != wanted:
            problems.append(f"{url}: {code}: from {want}: {differences(wanted, got)}")
    return problems


def check_board(client, slug: str, oracle: Oracle, cut: Cut) -> list[str]:
    problems: list[str] = []
    url = cut.with_query(f"/proposals/{slug}")
    reply = client.get(url)
    if reply.status_code != 200:
        return [f"{url}: answered {reply.status_code}"]
    return problems + compare_rows(oracle.board(cut), board_rows(reply.text, problems, url), url)


def check_country_pages(client, slug: str, oracle: Oracle, cut: Cut) -> list[str]:
    problems: list[str] = []
    for code in oracle.countries:
        url = cut.with_query(f"/proposals/{slug}/countries/{code}")
        want = oracle.position(code, cut)
        reply = client.get(url)
        if reply.status_code != 200:
            problems.append(f"{url}: answered {reply.status_code}")
            continue
        soup = BeautifulSoup(reply.text, "html.parser")
        position, no_position = soup.find(id="position"), soup.find(id="no-position")
        if position is None and no_position is None:
            # Say what the page shows all the same, in words, to tell a missing mark from a wrong position.
            shows = badge_status(soup.select_one(".page-title")) or "no position"
            problems.append(f"{url}: neither id=position nor id=no-position (its title shows {shows!r}; "
                            f"the rule: {want.snapshot['status'] if want else 'no position'!r}{f' from {want}' if want else ''})")
        elif want is None and (position is not None or no_position is None):
            problems.append(f"{url}: expected id=no-position (no position that day), got a position "
                            f"{position.get('data-status') if position is not None else None!r}")
        elif want is not None and (position is None or position.get("data-status") != want.snapshot["status"]):
            problems.append(f"{url}: expected id=position data-status={want.snapshot['status']!r} from {want}, "
                            f"got {'id=no-position' if position is None else position.get('data-status')!r}")
        # The timeline: the same statements, read by the day each speaks for, each told against the one
        # before it (so a statement entered late for an earlier day changes how the next one reads).
        listed = [(li["id"].removeprefix("change-"), [x.get_text(" ", strip=True) for x in li.select("ul.diff li")])
                  for li in soup.select("ol.timeline > li")]
        expected = [(str(s.change_id), describe_change(p and p.snapshot, s.snapshot)) for s, p in oracle.timeline(code, cut)]
        if listed != expected:
            problems.append(f"{url}: the timeline should read {expected}, got {listed}")
    return problems


def check_compare(client, slug: str, oracle: Oracle, start: dt.date, end: dt.date, known_at: dt.date | None) -> list[str]:
    query = {"from": start.isoformat(), "to": end.isoformat(), **({"known_at": known_at.isoformat()} if known_at else {})}
    url = f"/proposals/{slug}/changes?{urlencode(query)}"
    reply = client.get(url)
    if reply.status_code != 200:
        return [f"{url}: answered {reply.status_code}"]
    soup = BeautifulSoup(reply.text, "html.parser")
    got = {el["id"].removeprefix("diff-"): el for el in soup.select('[id^="diff-"]')}
    then, now = Cut(start, known_at), Cut(end, known_at)
    problems = []
    for code in oracle.countries:
        old, new = oracle.position(code, then), oracle.position(code, now)
        differs = seen(old and old.snapshot) != seen(new and new.snapshot)
        if differs and code not in got:
            problems.append(f"{url}: {code}: expected a difference ({old or 'no position'} → {new or 'no position'}), got none")
        elif not differs and code in got:
            problems.append(f"{url}: {code}: nothing a reader sees differs ({old} → {new}), "
                            f"yet the page reports: {got[code].get_text(' ', strip=True)!r}")
    for code in sorted(set(got) - set(oracle.countries)):
        problems.append(f"{url}: {code}: a difference for a country with no statement")
    return problems


def check_live(client, slug: str, oracle: Oracle) -> list[str]:
    """No as_of and no known_at is today: the same as asking for today, and what the rule gives today."""
    problems: list[str] = []
    now = Cut(today())
    expected = oracle.board(now)
    url = f"/proposals/{slug}"
    problems += compare_rows(expected, board_rows(client.get(url).text, problems, url), f"{url} (live)")
    live = get_json(client, f"/api/v1/proposals/{slug}/stances", problems)
    as_of_today = get_json(client, f"/api/v1/proposals/{slug}/stances?as_of={today()}", problems)
    if live is not None and as_of_today is not None and live != as_of_today:
        problems.append(f"/api/v1/proposals/{slug}/stances (live) differs from ?as_of={today()}: "
                        f"{[api_fields(i) for i in live]} vs {[api_fields(i) for i in as_of_today]}")
    if live is not None:
        got = {i.get("country"): api_fields(i) for i in live}
        want = {c: api_object(c, s.snapshot) for c, s in expected.items()}
        if got != want:
            problems.append(f"/api/v1/proposals/{slug}/stances (live): expected {want}, got {got}")
    for code in oracle.countries:
        plain = client.get(f"/api/v1/proposals/{slug}/stances/{code}")
        dated = client.get(f"/api/v1/proposals/{slug}/stances/{code}?as_of={today()}")
        if (plain.status_code, plain.content) != (dated.status_code, dated.content):
            problems.append(f"/api/v1/proposals/{slug}/stances/{code} (live): {plain.status_code} "
                            f"{plain.text[:300]} differs from ?as_of={today()}: {dated.status_code} {dated.text[:300]}")
        want = expected.get(code)
        if want is not None and (plain.status_code != 200 or api_fields(plain.json()) != api_object(code, want.snapshot)):
            problems.append(f"/api/v1/proposals/{slug}/stances/{code} (live): expected {want}, got {plain.status_code} "
                            f"{api_fields(plain.json()) if plain.status_code == 200 else plain.text[:200]}")
    return problems


# ---- 1. every view follows the rule ------------------------------------------------------------------

VIEWS = ("api-list", "api-one", "csv", "board", "country-page", "compare", "live")
CUT_VIEWS = {"api-list": check_api_list, "api-one": check_api_one, "csv": check_csv, "board": check_board,
             "country-page": check_country_pages}
# No shrinking: every step of it writes a history and reads each view again, minutes on two cores;
# a failing example (at most eight writes) is printed whole, with every statement behind it.
READ_MODEL = settings(max_examples=25, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
                      suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.parametrize("view", VIEWS)
@READ_MODEL
@given(writes=histories(), asked=st.lists(cuts, min_size=1, max_size=3), compared=st.lists(spans, min_size=1, max_size=2))
def test_every_view_shows_the_position_the_rule_gives(client, database, tmp_path, view, writes, asked, compared):
    slug = new_proposal(database, tmp_path)
    write_history(database, slug, writes)
    oracle = Oracle(database, slug)
    problems: list[str] = []
    if view in CUT_VIEWS:
        for as_of, known_at in asked:
            problems += CUT_VIEWS[view](client, slug, oracle, Cut(ago(as_of), ago(known_at)))
    elif view == "compare":
        for first, second, known_at in compared:
            start, end = sorted([ago(first), ago(second)])
            problems += check_compare(client, slug, oracle, start, end, ago(known_at))
    else:
        problems += check_live(client, slug, oracle)
    assert not problems, (f"{view} disagrees with the rule (today is {today()}):\n" + "\n".join(problems)
                          + f"\nThe statements:\n{oracle.history()}")


# ---- 2. a statement dated before the current one does not replace it ---------------------------------

SEED_QUOTE = ("The Trump administration has been engaging with several nations, such as Azerbaijan, Indonesia, the UAE, "
              "Egypt, Qatar, and Turkey, to gauge their willingness to contribute to this multinational force")


def test_an_older_statement_recorded_later_does_not_become_the_current_position(client, database):
    """Qatar's seed statement is dated by the article (7 Nov 2025). An editor then records that Qatar
    committed 300 troops the day *before*: that is history, not Qatar's position now, and every view
    says so."""
    add_user(database, "desk", "editor")
    client.headers["Authorization"] = f"Bearer {add_token(database, 'desk', 'write')}"
    yesterday = dt.date(2025, 11, 6)
    url = "/api/v1/proposals/gaza-isf/stances/QAT"
    put = client.put(url, headers={"If-Match": client.get(url).headers["etag"]}, json={
        "status": "committed", "troops": {"offered_min": 300, "offered_max": 300}, "roles": ["police"],
        "summary": "Will send 300 police officers.", "stated_on": yesterday.isoformat(),
        "citation": {"source_id": 1, "quote": SEED_QUOTE}, "reason": "Statement of yesterday, read today",
    })
    assert put.status_code == 200, put.text

    oracle = Oracle(database, "gaza-isf")
    now = Cut(today())
    qatar = oracle.position("QAT", now)
    assert (qatar.snapshot["status"], qatar.day_from) == ("considering", "stated_on"), oracle.history()
    assert oracle.position("QAT", Cut(yesterday)).snapshot["status"] == "committed", oracle.history()

    problems: list[str] = []
    answer = put.json()
    if answer.get("current_position") is not False or not isinstance(answer.get("notice"), str) or not answer["notice"].strip():
        problems.append(f"PUT {url}: expected \"current_position\": false and a notice saying the statement did not "
                        f"become the current position, got current_position={answer.get('current_position', '<missing>')!r}, "
                        f"notice={answer.get('notice', '<missing>')!r}")

    def qatar_says(where: str, status: str | None) -> None:
        if status != "considering":
            problems.append(f"{where}: expected Qatar 'considering' (from {qatar}), got {status!r}")

    for board_url in ("/proposals/gaza-isf", f"/proposals/gaza-isf?as_of={today()}"):
        qatar_says(board_url, board_rows(client.get(board_url).text, problems, board_url).get("QAT"))
    for list_url in ("/api/v1/proposals/gaza-isf/stances", f"/api/v1/proposals/gaza-isf/stances?as_of={today()}"):
        items = get_json(client, list_url, problems) or []
        qatar_says(list_url, next((i["status"] for i in items if i["country"] == "QAT"), None))
    for one_url in (url, f"{url}?as_of={today()}"):
        qatar_says(one_url, (get_json(client, one_url, problems) or {}).get("status"))
    csv_url = f"/api/v1/proposals/gaza-isf/stances.csv?as_of={today()}"
    qatar_says(csv_url, ((csv_rows(client, csv_url, problems) or {}).get("QAT") or {}).get("status"))
    for page_url in ("/proposals/gaza-isf/countries/QAT", f"/proposals/gaza-isf/countries/QAT?as_of={today()}"):
        soup = BeautifulSoup(client.get(page_url).text, "html.parser")
        position = soup.find(id="position")
        qatar_says(page_url, position.get("data-status") if position is not None else
                   f"<no id=position; its title shows {badge_status(soup.select_one('.page-title'))}>")

    # A day ahead is answered with today's knowledge, or refused as in the future: the same way by the
    # board and the API.
    ahead = today() + 30 * DAY
    answers = {}
    for ahead_url in (f"/proposals/gaza-isf?as_of={ahead}", f"/api/v1/proposals/gaza-isf/stances?as_of={ahead}"):
        reply = client.get(ahead_url)
        answers[ahead_url] = reply.status_code
        if reply.status_code == 200 and ahead_url.startswith("/proposals"):
            problems += compare_rows(oracle.board(now), board_rows(reply.text, problems, ahead_url), ahead_url)
        elif reply.status_code == 200:
            got = [api_fields(i) for i in reply.json()]
            want = [api_object(c, s.snapshot) for c, s in sorted(oracle.board(now).items())]
            if got != want:
                problems.append(f"{ahead_url}: expected today's stances {want}, got {got}")
        elif reply.status_code not in (400, 422) or "future" not in reply.text.lower():
            problems.append(f"{ahead_url}: expected today's board or a refusal saying the day is in the future, "
                            f"got {reply.status_code}: {reply.text[:200]}")
    if len({code == 200 for code in answers.values()}) != 1:
        problems.append(f"a day in the future is answered differently by the board and the API: {answers}")

    # Yesterday Qatar's position was the commitment; today it is the seed's: the compare page shows
    # that, and no row (so no "roles −…" or "troops offered 300 → —") for a country whose statement
    # is the same on both days.
    problems += check_compare(client, "gaza-isf", oracle, yesterday, today(), None)
    problems += check_compare(client, "gaza-isf", oracle, today(), today(), None)
    assert not problems, "\n".join(problems) + f"\nThe statements:\n{oracle.history()}"

    # One stance's answer shows the position and says that its ETag, so a PATCH, names the later-recorded
    # statement; the day that statement speaks for has no such gap.
    latest = put.json()["version"]
    one = client.get(url)
    assert (one.json()["version"], one.json()["latest_version"]) == (latest - 1, latest)
    assert one.headers["etag"] == put.headers["etag"]
    assert one.json()["notice"] == (
        f"This is version {latest - 1}, the position at the end of {today()} by the day each statement speaks for; "
        f"the latest recorded is version {latest}, and the ETag names it for If-Match. A PATCH changes the position "
        f"on today's board: this one.")
    then = client.get(f"{url}?as_of={yesterday}").json()
    assert (then["version"], then["latest_version"], then["notice"]) == (latest, latest, None)
    for page_url in ("/proposals/gaza-isf/countries/QAT", f"/proposals/gaza-isf/countries/QAT?as_of={today()}"):
        later = BeautifulSoup(client.get(page_url).text, "html.parser").find(id="later-recorded")
        assert later is not None and "speaks for a later day, 7 Nov 2025" in later.get_text(" ", strip=True), page_url

    # A PATCH with that ETag changes the position shown (considering, no troops), not the statement
    # for the day before: nothing said for that day is carried into today's position.
    patch = client.patch(url, headers={"If-Match": one.headers["etag"], "Content-Type": "application/merge-patch+json"},
                         json={"summary": "Still weighing it.", "citation": {"source_id": 1, "quote": SEED_QUOTE},
                               "reason": "summary"})
    assert patch.status_code == 200, patch.text
    now = client.get(url).json()
    assert (now["status"], now["troops"]["offered_max"], now["roles"], now["summary"], now["notice"]) == (
        "considering", None, [], "Still weighing it.", None)


def desk_sources(client, database, *sources: tuple[str, dt.date, str]) -> list[int]:
    """The client made a writer's, and SOURCES (title, publication day, text) stored: their ids."""
    add_user(database, "desk", "editor")
    client.headers["Authorization"] = f"Bearer {add_token(database, 'desk', 'write')}"
    with database.write_session() as s:
        return [create_source(s, SourceIn(title=title, published_on=day, text=text)).id for title, day, text in sources]


def test_a_factors_change_is_told_as_the_factors_on_the_timelines_of_the_countries_it_moved(client, database):
    """The ceasefire is met from 20 Nov 2025. Azerbaijan raises its offer on 25 Nov: that statement is
    told by what it said (the offer), not as turning its ceasefire condition met, which the factor did
    and its own line says; the condition keeps its own quote, not the offer's. Azerbaijan then drops
    the condition (28 Nov): the ceasefire's later change (1 Dec) moves nothing of Azerbaijan's and is
    not on its timeline nor in its feed."""
    ceasefire_met(database, dt.date(2025, 11, 20), "The ceasefire has held for a week.")
    url = "/api/v1/proposals/gaza-isf/stances/AZE"
    offer, dropped = desk_sources(client, database,
                                  ("Baku offer", dt.date(2025, 11, 25), "Baku said it could send 500 troops."),
                                  ("Baku drops a term", dt.date(2025, 11, 28), "Baku no longer asks for a ceasefire first."))
    merge = {"Content-Type": "application/merge-patch+json"}
    patch = client.patch(url, headers={"If-Match": client.get(url).headers["etag"], **merge}, json={
        "troops": {"offered_min": 500, "offered_max": 500}, "stated_on": "2025-11-25", "reason": "offer",
        "citation": {"source_id": offer, "quote": "could send 500 troops"}})
    assert patch.status_code == 200, patch.text
    ceasefire = client.get(url).json()["conditions"][0]
    assert (ceasefire["category"], ceasefire["state"]) == ("ceasefire", "met")
    assert "could send 500 troops" not in [q["quote"] for q in ceasefire["citations"]]

    def timeline() -> list[str]:
        page = BeautifulSoup(client.get("/proposals/gaza-isf/countries/AZE").text, "html.parser")
        return [" ".join(li.get_text(" ", strip=True).split()) for li in page.select("ol.timeline > li")]

    entries = timeline()
    assert entries[0].startswith("25 Nov 2025") and "troops offered" in entries[0] and "condition" not in entries[0]
    assert entries[1].startswith("20 Nov 2025") and "Cessation of hostilities" in entries[1]
    assert "state unmet → met" in entries[1]

    kept = [c for c in client.get(url).json()["conditions"] if c["category"] != "ceasefire"]
    patch = client.patch(url, headers={"If-Match": client.get(url).headers["etag"], **merge}, json={
        "conditions": [{k: c[k] for k in ("text", "category", "state", "factor")} for c in kept],
        "stated_on": "2025-11-28", "reason": "drops the ceasefire condition",
        "citation": {"source_id": dropped, "quote": "no longer asks for a ceasefire first"}})
    assert patch.status_code == 200, patch.text
    ceasefire_met(database, dt.date(2025, 12, 1), "Fighting resumed across the Strip.", state="unmet")
    entries = timeline()
    assert entries[0].startswith("28 Nov 2025") and "condition removed" in entries[0]
    assert not any("state met → unmet" in e for e in entries)
    assert sum("Cessation of hostilities" in e for e in entries) == 1  # the 20 Nov change alone
    feed = BeautifulSoup(client.get("/proposals/gaza-isf/countries/AZE/changes.atom").text, "xml")
    titles = [t.get_text() for t in feed.select("entry > title")]
    assert [t for t in titles if t.startswith("Factor")] == ["Factor “Cessation of hostilities”: state unmet → met"]


def test_saying_a_position_again_after_its_factor_changed_for_its_day_records_nothing(client, database):
    """Azerbaijan's statement of 25 Nov recorded its ceasefire condition met (the factor's state then);
    the ceasefire is later found unmet from 22 Nov. The same position sent again records nothing: the
    condition's state is the factor's, and nothing a reader sees changes."""
    ceasefire_met(database, dt.date(2025, 11, 20), "The ceasefire has held for a week.")
    url = "/api/v1/proposals/gaza-isf/stances/AZE"
    [said] = desk_sources(client, database, ("Baku repeats", dt.date(2025, 11, 25), "Baku repeated its terms."))
    merge = {"Content-Type": "application/merge-patch+json"}
    cite = {"source_id": said, "quote": "Baku repeated its terms."}
    first = client.patch(url, headers={"If-Match": client.get(url).headers["etag"], **merge},
                         json={"summary": "Repeats its terms.", "stated_on": "2025-11-25", "citation": cite, "reason": "x"})
    assert first.status_code == 200, first.text
    ceasefire_met(database, dt.date(2025, 11, 22), "The truce broke down.", state="unmet")
    versions = len(client.get(f"{url}/history").json())
    again = client.patch(url, headers={"If-Match": client.get(url).headers["etag"], **merge},
                         json={"citation": cite, "reason": "said again"})
    assert again.status_code == 200, again.text
    assert len(client.get(f"{url}/history").json()) == versions
    assert client.get(url).json()["conditions"][0]["state"] == "unmet"


def test_a_correction_that_keeps_the_date_after_a_factors_change_keeps_the_positions_day(client, database):
    """The ceasefire is met from 20 Nov 2025, after Azerbaijan spoke (7 Nov 2025). An editor corrects
    the summary and keeps the statement's date: the correction is the position from 7 Nov on,
    everywhere, its ceasefire condition in the factor's state of each day."""
    ceasefire_met(database, dt.date(2025, 11, 20), "The ceasefire has held for a week.")
    add_user(database, "desk", "editor")
    client.headers["Authorization"] = f"Bearer {add_token(database, 'desk', 'write')}"
    url = "/api/v1/proposals/gaza-isf/stances/AZE"
    before = client.get(url).json()
    assert (before["stated_on"], before["conditions"][0]["state"]) == ("2025-11-07", "met")
    patch = client.patch(url, headers={"If-Match": client.get(url).headers["etag"],
                                       "Content-Type": "application/merge-patch+json"},
                         json={"summary": "Corrected: troops only after a ceasefire and a vote in parliament.",
                               "citation": {"source_id": 1, "quote": SEED_QUOTE}, "reason": "summary corrected"})
    assert patch.status_code == 200, patch.text
    assert (patch.json()["current_position"], patch.json()["notice"]) == (True, None), patch.json()["notice"]

    corrected = "Corrected: troops only after a ceasefire and a vote in parliament."
    for day, summary, state in ((None, corrected, "met"), ("2025-11-20", corrected, "met"),
                                ("2025-11-19", corrected, "unmet")):
        dated = f"?as_of={day}" if day else ""
        one = client.get(url + dated).json()
        assert (one["summary"], one["conditions"][0]["state"], one["stated_on"]) == (summary, state, "2025-11-07"), day
        listed = next(i for i in client.get(f"/api/v1/proposals/gaza-isf/stances{dated}").json() if i["country"] == "AZE")
        assert listed["summary"] == summary, day
        row = BeautifulSoup(client.get(f"/proposals/gaza-isf{dated}").text, "html.parser").select_one("#row-AZE .summary")
        assert row.get_text(strip=True) == summary, day
    assert client.get(url).json()["notice"] is None


def test_a_factor_recorded_for_an_earlier_day_never_carries_a_later_statement_back(client, database):
    """Azerbaijan commits today; the ceasefire is then recorded as met from 20 Nov 2025 (its source's
    day). The commitment takes the met condition, and stays today's: on the days between, Azerbaijan
    is as it was then (conditional, its condition met from 20 Nov), on every view."""
    add_user(database, "desk", "editor")
    client.headers["Authorization"] = f"Bearer {add_token(database, 'desk', 'write')}"
    url = "/api/v1/proposals/gaza-isf/stances/AZE"
    before = client.get(url).json()
    patch = client.patch(url, headers={"If-Match": client.get(url).headers["etag"],
                                       "Content-Type": "application/merge-patch+json"},
                         json={"status": "committed", "troops": {"offered_min": 500, "offered_max": 500, "committed": 500},
                               "citation": {"source": {"title": "Today's briefing"}, "quote": "Baku commits 500."},
                               "reason": "commitment"})
    assert patch.status_code == 200, patch.text
    ceasefire_met(database, dt.date(2025, 11, 20), "The ceasefire has held for a week.")
    for day, status, state in (("2025-11-19", "conditional", "unmet"), ("2025-11-20", "conditional", "met"),
                               ((today() - dt.timedelta(days=1)).isoformat(), "conditional", "met"),
                               (today().isoformat(), "committed", "met")):
        one = client.get(f"{url}?as_of={day}").json()
        assert (one["status"], one["summary"], one["conditions"][0]["state"]) == (
            status, before["summary"] if status == "conditional" else one["summary"], state), day
        row = BeautifulSoup(client.get(f"/?as_of={day}").text, "html.parser").select_one("#row-AZE")
        assert row["data-status"] == status, day
        csv_row = next(r for r in client.get(f"/api/v1/proposals/gaza-isf/stances.csv?as_of={day}").text.splitlines()
                       if ",AZE," in r or r.startswith("AZE,"))
        assert status in csv_row, day
    assert client.get(url).json()["status"] == "committed"


def test_a_statement_entered_late_for_a_day_before_a_factors_change_is_the_position_after_it(client, database):
    """The ceasefire is recorded as met from 20 Nov 2025. An editor then enters what Azerbaijan said on
    15 Nov (committed, 500): a factor's new state is the factor's, not a statement of Azerbaijan's, so
    from 15 Nov on, today included, every view gives the commitment, its ceasefire condition in the
    factor's state of the day (unmet until 19 Nov, met from 20 Nov)."""
    ceasefire_met(database, dt.date(2025, 11, 20), "The ceasefire has held for a week.")
    add_user(database, "desk", "editor")
    client.headers["Authorization"] = f"Bearer {add_token(database, 'desk', 'write')}"
    url = "/api/v1/proposals/gaza-isf/stances/AZE"
    before = client.get(url).json()
    with database.write_session() as s:
        source = create_source(s, SourceIn(title="Baku briefing", published_on=dt.date(2025, 11, 15),
                                           text="Baku said on Saturday it would send 500 troops."))
    put = client.patch(url, headers={"If-Match": client.get(url).headers["etag"],
                                     "Content-Type": "application/merge-patch+json"}, json={
        "status": "committed", "troops": {"offered_min": 500, "offered_max": 500, "committed": 500},
        "stated_on": "2025-11-15", "citation": {"source_id": source.id, "quote": "it would send 500 troops"},
        "reason": "late entry"})
    assert put.status_code == 200, put.text
    assert (put.json()["current_position"], put.json()["notice"]) == (True, None), put.json()["notice"]
    # Today's position, read as today's board reads it: the reply and a GET agree.
    assert put.json()["conditions"] == client.get(url).json()["conditions"]
    assert put.json()["conditions"][0]["state"] == "met"
    for day, status, state in (("2025-11-14", before["status"], "unmet"), ("2025-11-15", "committed", "unmet"),
                               ("2025-11-20", "committed", "met"), (None, "committed", "met")):
        dated = f"?as_of={day}" if day else ""
        one = client.get(url + dated).json()
        assert (one["status"], one["conditions"][0]["state"]) == (status, state), day
        row = BeautifulSoup(client.get(f"/{dated}").text, "html.parser").select_one("#row-AZE")
        assert row["data-status"] == status, day
        listed = next(i for i in client.get(f"/api/v1/proposals/gaza-isf/stances{dated}").json() if i["country"] == "AZE")
        assert (listed["status"], listed["conditions"][0]["state"]) == (status, state), day
    # Recording the factor wrote nothing to Azerbaijan's stance: its history is its own statements.
    assert [h["after"]["status"] for h in client.get(f"{url}/history").json()] == [before["status"], "committed"]


def test_a_form_correcting_a_position_after_a_factors_change_takes_nothing_from_another_day(editor_client, database):
    """The ceasefire is met from 20 Nov 2025. An editor adds a dispute to Azerbaijan's position on the
    form, keeping the statement's date (7 Nov): the correction is shown at once, its condition met, and
    nothing is taken from another day's position."""
    ceasefire_met(database, dt.date(2025, 11, 20), "The ceasefire has held for a week.")
    edit = "/proposals/gaza-isf/countries/AZE/edit"
    data = form_values(editor_client.get(edit).text, STANCE_FORM)
    assert data["stated_on"] == "2025-11-07"
    data.update(dispute="Another report says Baku has not decided.", source_id="1", quote=SEED_QUOTE, reason="dispute")
    reply = editor_client.post(edit, data=data, follow_redirects=False)
    assert reply.status_code == 303
    page = BeautifulSoup(editor_client.get(reply.headers["location"]).text, "html.parser")
    assert "taken from" not in page.select_one(".notice-ok").get_text(" ", strip=True)
    now = editor_client.get("/api/v1/proposals/gaza-isf/stances/AZE").json()
    assert now["dispute"] == "Another report says Baku has not decided." and now["conditions"][0]["state"] == "met"


def test_a_rows_quote_changes_with_its_status(client, database):
    """Qatar moves to committed on a new quote: the board row, the country page and the API give that
    quote as the word for its status, once; the seed's passage for "considering" is only in its history."""
    add_user(database, "desk", "editor")
    client.headers["Authorization"] = f"Bearer {add_token(database, 'desk', 'write')}"
    url = "/api/v1/proposals/gaza-isf/stances/QAT"
    new_quote = "Azerbaijan has made it clear that it will not send peacekeepers to Gaza"
    put = client.put(url, headers={"If-Match": client.get(url).headers["etag"]}, json={
        "status": "committed", "troops": {"offered_min": 300, "offered_max": 300},
        "citation": {"source_id": 1, "quote": new_quote}, "reason": "Qatar commits"})
    assert put.status_code == 200, put.text

    row = BeautifulSoup(client.get("/proposals/gaza-isf").text, "html.parser").select_one("#row-QAT")
    assert row["data-status"] == "committed"
    assert row.select_one(".row-quote blockquote").get_text(strip=True) == new_quote
    assert "gauge their willingness" not in row.get_text()

    quotes = client.get(url).json()["citations"]
    assert quotes == [{"source_id": 1, "quote": new_quote, "field": "status", "fields": ["status", "troops"]}]
    page = BeautifulSoup(client.get("/proposals/gaza-isf/countries/QAT").text, "html.parser")
    word = page.find(id="stance-heading").find_parent("section")
    assert [b.get_text(strip=True) for b in word.select("blockquote")] == [new_quote]
    history = client.get(f"{url}/history").json()
    assert any("gauge their willingness" in q["quote"] for h in history for q in (h.get("before") or {}).get("citations", []))


# ---- 3. the board's links keep the page's question ------------------------------------------------------


def test_a_day_before_a_countrys_first_statement_is_a_404_naming_both_cuts(client):
    reply = client.get("/api/v1/proposals/gaza-isf/stances/AZE?as_of=2025-10-01&known_at=2026-01-01")
    assert reply.status_code == 404
    assert reply.json()["detail"] == ("AZE had no position on International Stabilization Force (Gaza) at the end of "
                                      "2025-10-01, as known at the end of 2026-01-01.")


def test_a_dated_country_pages_links_to_the_board_and_its_factors_keep_the_day(client):
    page = BeautifulSoup(client.get("/proposals/gaza-isf/countries/AZE?as_of=2025-12-01").text, "html.parser")
    factor_links = [a["href"] for a in page.select("a[href*='#factor-']")]
    board_links = [a["href"] for a in page.select("a[href^='/proposals/gaza-isf']")
                   if urlsplit(a["href"]).path == "/proposals/gaza-isf"]
    assert factor_links and board_links
    assert all(parse_qs(urlsplit(h).query).get("as_of") == ["2025-12-01"] for h in factor_links + board_links), (
        factor_links + board_links)


def test_the_boards_download_and_country_links_keep_its_day_and_filters(client, database):
    """As of yesterday, as known today, considering with a mandate condition: Egypt alone (Türkiye
    says so only today; Azerbaijan is conditional; Indonesia has no mandate condition)."""
    yesterday, day_before = today() - DAY, today() - 2 * DAY
    mandate = [{"text": "A UN Security Council mandate.", "category": "mandate", "state": "unmet"}]
    with database.write_session() as s:
        proposal = get_proposal(s, "gaza-isf")
        for code, status, stated_on, conditions in (("EGY", "considering", day_before, mandate),
                                                     ("TUR", "considering", today(), mandate),
                                                     ("AZE", "conditional", day_before, mandate),
                                                     ("IDN", "considering", day_before, [])):
            set_stance(s, proposal=proposal, country_code=code, actor="desk", via="api", reason="statement",
                       data=StanceData.model_validate({"status": status, "stated_on": stated_on, "conditions": conditions,
                                                       "citations": [{"source_id": 1, "quote": SEED_QUOTE}]}))
    oracle = Oracle(database, "gaza-isf")
    cut = Cut(yesterday, today())
    expected = sorted(c for c, s in oracle.board(cut).items() if s.snapshot["status"] == "considering"
                      and any(k["category"] == "mandate" for k in s.snapshot["conditions"]))
    assert expected == ["EGY"], oracle.history()

    asked = {"as_of": [yesterday.isoformat()], "known_at": [today().isoformat()], "status": ["considering"],
             "condition": ["mandate"]}
    page = client.get(f"/proposals/gaza-isf?{urlencode(asked, doseq=True)}")
    assert page.status_code == 200
    links = [urlsplit(a["href"]) for a in BeautifulSoup(page.text, "html.parser").select("a[href]")]
    downloads = {
        "CSV": [u for u in links if u.path == "/api/v1/proposals/gaza-isf/stances.csv"],
        "JSON": [u for u in links if u.path == "/api/v1/proposals/gaza-isf/stances"],
    }
    countries = [u for u in links if u.path.startswith("/proposals/gaza-isf/countries/") and u.path.count("/") == 4]
    problems = [f"no {name} link on the board" for name, found in downloads.items() if not found]
    if not countries:
        problems.append("no country link on the board")
    for name, found in downloads.items():
        for link in found:
            if {k: v for k, v in parse_qs(link.query).items() if k in asked} != asked:
                problems.append(f"the {name} link {link.geturl()!r} does not carry the page's {asked}")
    day = {k: asked[k] for k in ("as_of", "known_at")}
    for link in countries:
        if {k: v for k, v in parse_qs(link.query).items() if k in day} != day:
            problems.append(f"the country link {link.geturl()!r} does not carry the page's {day}")

    # Choosing another day keeps the filters: the history form sends them along with the day.
    history = BeautifulSoup(page.text, "html.parser").select_one("form.history-form")
    kept = {}
    for field in history.select("input[type=hidden]"):
        kept.setdefault(field["name"], []).append(field["value"])
    if kept != {"status": ["considering"], "condition": ["mandate"]}:
        problems.append(f"the board's day form sends {kept} besides the day, not the page's filters")

    csv_url = f"/api/v1/proposals/gaza-isf/stances.csv?{urlencode(asked, doseq=True)}"
    rows = csv_rows(client, csv_url, problems)
    if rows is not None and sorted(rows) != expected:
        problems.append(f"{csv_url}: expected rows for {expected}, got rows for {sorted(rows)}")
    json_url = f"/api/v1/proposals/gaza-isf/stances?{urlencode(asked, doseq=True)}"
    items = get_json(client, json_url, problems)
    if items is not None and [i["country"] for i in items] != expected:
        problems.append(f"{json_url}: expected {expected}, got {[i['country'] for i in items]}")
    assert not problems, "\n".join(problems)


def test_a_statement_for_an_earlier_day_starts_from_that_days_position(client, database):
    """Qatar committed 300 troops on 1 Dec 2025. A PATCH then records what it said on 20 Nov 2025:
    that statement starts from Qatar's position of 20 Nov (considering, no troops), so the commitment
    made later is not carried back into it; today's board keeps the commitment."""
    add_user(database, "desk", "editor")
    client.headers["Authorization"] = f"Bearer {add_token(database, 'desk', 'write')}"
    url = "/api/v1/proposals/gaza-isf/stances/QAT"
    put = client.put(url, headers={"If-Match": client.get(url).headers["etag"]}, json={
        "status": "committed", "troops": {"offered_min": 300, "offered_max": 300, "committed": 300},
        "summary": "Will send 300 police officers.", "stated_on": "2025-12-01",
        "citation": {"source_id": 1, "quote": SEED_QUOTE}, "reason": "commitment"})
    assert put.status_code == 200, put.text
    patch = client.patch(url, headers={"If-Match": put.headers["etag"], "Content-Type": "application/merge-patch+json"},
                         json={"summary": "Weighing a police role.", "stated_on": "2025-11-20",
                               "citation": {"source_id": 1, "quote": SEED_QUOTE}, "reason": "an earlier statement"})
    assert patch.status_code == 200, patch.text
    assert patch.json()["current_position"] is False
    then = client.get(f"{url}?as_of=2025-11-20").json()
    assert (then["status"], then["troops"]["committed"], then["summary"]) == ("considering", None, "Weighing a police role.")
    now = client.get(url).json()
    assert (now["status"], now["troops"]["committed"], now["summary"]) == ("committed", 300, "Will send 300 police officers.")


def test_a_patch_dated_by_its_source_or_before_the_first_statement_starts_from_that_days_position(client, database):
    """Qatar commits today. A PATCH citing a report published on 1 Dec 2025 speaks for that day, so it
    starts from Qatar's position then (the seed's), not today's commitment. A PATCH for a day before
    Qatar's first statement starts from nothing: it must give a status, and carries no later summary
    or condition back."""
    add_user(database, "desk", "editor")
    client.headers["Authorization"] = f"Bearer {add_token(database, 'desk', 'write')}"
    url = "/api/v1/proposals/gaza-isf/stances/QAT"
    seed = client.get(url).json()

    def patch(body: dict):
        return client.patch(url, headers={"If-Match": client.get(url).headers["etag"],
                                          "Content-Type": "application/merge-patch+json"}, json=body)

    assert patch({"status": "committed", "troops": {"offered_min": 300, "offered_max": 300, "committed": 300},
                  "summary": "Committed today.", "citation": {"source": {"title": "Today's briefing"}, "quote": "Doha commits."},
                  "reason": "commitment"}).status_code == 200
    late = patch({"troops": {"offered_max": 500},
                  "citation": {"source": {"title": "December report", "published_on": "2025-12-01"}, "quote": "up to 500"},
                  "reason": "a report of 1 Dec"})
    assert late.status_code == 200, late.text
    then = client.get(f"{url}?as_of=2025-12-01").json()
    assert (then["status"], then["summary"], then["troops"]["offered_max"], then["troops"]["committed"]) == (
        seed["status"], seed["summary"], 500, None)
    assert client.get(url).json()["summary"] == "Committed today."

    cleared = patch({"stated_on": None, "troops": {"offered_max": 600},
                     "citation": {"source": {"title": "Another December report", "published_on": "2025-12-02"},
                                  "quote": "up to 600"}, "reason": "undated, by its source"})
    assert cleared.status_code == 200, cleared.text
    then = client.get(f"{url}?as_of=2025-12-02").json()
    assert (then["status"], then["troops"]["offered_max"], then["troops"]["committed"]) == (seed["status"], 600, None)

    first = min(dt.date.fromisoformat(seed["stated_on"]), dt.date(2025, 11, 7)) - dt.timedelta(days=30)
    refused = patch({"stated_on": first.isoformat(), "troops": {"offered_max": 100},
                     "citation": {"source_id": 1, "quote": SEED_QUOTE}, "reason": "earlier"})
    assert refused.status_code == 422
    (error,) = [e for e in refused.json()["detail"] if e["loc"] == ["body", "status"]]
    assert f"no position by the end of {first.isoformat()}" in error["msg"]
    earliest = patch({"stated_on": first.isoformat(), "status": "considering",
                      "citation": {"source_id": 1, "quote": SEED_QUOTE}, "reason": "earlier"})
    assert earliest.status_code == 200, earliest.text
    back = client.get(f"{url}?as_of={first.isoformat()}").json()
    assert (back["status"], back["summary"], back["conditions"], back["roles"]) == ("considering", None, [], [])


def test_a_statement_for_an_earlier_day_keeps_that_days_quotes_for_what_it_left(client, database):
    """Qatar commits today on a new quote. A report of 20 Nov 2025 then gives Qatar's offer of up to
    100 for that day: on that day the report's quote is the word for the troops alone, and the status
    and summary it left keep the seed's quote, not today's."""
    add_user(database, "desk", "editor")
    client.headers["Authorization"] = f"Bearer {add_token(database, 'desk', 'write')}"
    url = "/api/v1/proposals/gaza-isf/stances/QAT"

    def patch(body: dict):
        return client.patch(url, headers={"If-Match": client.get(url).headers["etag"],
                                          "Content-Type": "application/merge-patch+json"}, json=body)

    seed_quotes = {c["quote"] for c in client.get(url).json()["citations"]}
    assert patch({"status": "committed", "troops": {"offered_min": 300, "offered_max": 300, "committed": 300},
                  "summary": "Committed today.", "citation": {"source": {"title": "Today's briefing"},
                                                              "quote": "Doha commits 300."}, "reason": "r"}).status_code == 200
    assert patch({"stated_on": "2025-11-20", "troops": {"offered_max": 100},
                  "citation": {"source": {"title": "November report", "published_on": "2025-11-20"}, "quote": "up to 100"},
                  "reason": "r"}).status_code == 200
    then = client.get(f"{url}?as_of=2025-11-20").json()
    fields = {c["quote"]: set(c["fields"]) for c in then["citations"]}
    # What it changed, and only that (the day is the statement's, not a passage's word)
    assert fields.get("up to 100") == {"troops"}, fields
    assert "Doha commits 300." not in fields
    assert any("status" in f for q, f in fields.items() if q in seed_quotes), fields
    (late,) = [e for e in client.get(f"{url}/history").json() if e["effective_on"] == "2025-11-20"]
    assert (late["before"]["status"], late["before"]["summary"]) == (then["status"], then["summary"])


QATAR = "/api/v1/proposals/gaza-isf/stances/QAT"


def _desk_patches_qatar(client, database, body: dict):
    """BODY patched onto Qatar's stance by a desk editor's write token, against its current ETag."""
    add_user(database, "desk", "editor")
    client.headers["Authorization"] = f"Bearer {add_token(database, 'desk', 'write')}"
    return client.patch(QATAR, headers={"If-Match": client.get(QATAR).headers["etag"],
                                        "Content-Type": "application/merge-patch+json"}, json=body)


def test_a_correction_of_the_day_alone_is_what_its_quote_is_the_word_for(client, database):
    """A PATCH that changes only the day a statement was made, with the quote that gives the day: the
    quote is the word for "Date stated", not for a status it did not change."""
    reply = _desk_patches_qatar(client, database, {
        "stated_on": "2025-11-08", "reason": "date corrected",
        "citation": {"source": {"title": "Correction"}, "quote": "On 8 November, not 7, it said so"}})
    assert reply.status_code == 200, reply.text
    fields = {c["quote"]: c["fields"] for c in client.get(QATAR).json()["citations"]}
    assert fields["On 8 November, not 7, it said so"] == ["stated_on"]


def test_a_feed_entry_for_a_statement_entered_late_links_to_its_day(client, database):
    import xml.etree.ElementTree as ElementTree

    reply = _desk_patches_qatar(client, database, {
        "stated_on": "2025-11-20", "summary": "Weighing a police role.",
        "citation": {"source_id": 1, "quote": SEED_QUOTE}, "reason": "late entry"})
    assert reply.status_code == 200
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.fromstring(client.get("/proposals/gaza-isf/countries/QAT/changes.atom").content)
    newest = feed.find(f"{atom}entry")
    assert "/countries/QAT?as_of=2025-11-20#change-" in newest.find(f"{atom}link").get("href")
    assert newest.find(f"{atom}content").text.startswith("For 20 Nov 2025, recorded ")


def test_a_condition_on_a_factor_is_in_the_factors_state_of_every_day(client, database):
    """Italy set a ceasefire condition on 11 Nov 2025 and stated no conditions on 24 Jan 2026; the
    ceasefire is recorded as met from 1 Jan 2026 (its source's date). On the days between, Italy's
    condition is met wherever it is shown (board, stance JSON, what-if), as the factor is; a condition
    written in another state than its factor's (Nepal's) is shown in the factor's state too."""
    def stance(code: str, stated_on: str, conditions: list[dict]) -> None:
        with database.write_session() as s:
            set_stance(s, proposal=get_proposal(s, "gaza-isf"), country_code=code, actor="desk", via="api",
                       reason="test", data=StanceData.model_validate({
                           "status": "conditional", "stated_on": stated_on, "conditions": conditions,
                           "citations": [{"source_id": 1, "quote": SEED_QUOTE}]}))

    ceasefire = {"text": "A ceasefire first.", "category": "ceasefire", "state": "unmet", "factor": "cessation-of-hostilities"}
    stance("ITA", "2025-11-11", [ceasefire])
    stance("ITA", "2026-01-24", [])
    ceasefire_met(database, dt.date(2026, 1, 1), "The ceasefire has held since Christmas.")
    stance("NPL", "2026-01-10", [{**ceasefire, "state": "unmet"}])  # written against the factor's state

    for day, expected in (("2025-12-01", {"ITA": "unmet"}), ("2026-01-05", {"ITA": "met"}),
                          ("2026-01-20", {"ITA": "met", "NPL": "met"}), ("2026-02-01", {"NPL": "met"})):
        factor = next(f for f in client.get(f"/api/v1/proposals/gaza-isf?as_of={day}").json()["factors"]
                      if f["slug"] == "cessation-of-hostilities")
        for code, state in expected.items():
            assert factor["state"] == state, day
            one = client.get(f"/api/v1/proposals/gaza-isf/stances/{code}?as_of={day}").json()
            assert [c["state"] for c in one["conditions"]] == [state], (day, code)
            page = BeautifulSoup(client.get(f"/proposals/gaza-isf?as_of={day}").text, "html.parser")
            chip = page.select_one(f"#row-{code} .chips").get_text(" ", strip=True)
            assert chip.startswith(f"{state.capitalize()}: "), (day, code, chip)
            waiting = page.select_one("#whatif").get_text(" ", strip=True)
            assert (f"{one['country_name']} still waits on" in waiting) == (state != "met"), (day, code)
