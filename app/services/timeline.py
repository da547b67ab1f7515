"""The force over time: the board's totals at the end of every day on which a position changed.

Each point is what `read_board` would total for that day: the same as-of rule (a country's statement
with the latest day on or before it, ties by the order recorded, `known_at` cutting what was recorded
later) and the same `totals`, so the chart's last point is the board's own headline. The change log
is read once, in the rule's order, keeping only each statement's status and figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import msgspec
from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session

from app.models import Change
from app.services.board import Board, Totals, counts_on, end_of_day, read_board, totals


class _Troops(msgspec.Struct):
    offered_min: int | None = None
    offered_max: int | None = None
    committed: int | None = None
    deployed: int | None = None


class _Figures(msgspec.Struct):
    """What a total needs of a statement (the rest of its snapshot is skipped unread)."""

    status: str
    troops: _Troops = msgspec.field(default_factory=_Troops)


_decode = msgspec.json.Decoder(_Figures).decode


class _Facts(msgspec.Struct):
    """What a point needs of the force's facts: its target (the rest of the snapshot is skipped unread)."""

    target_troops: int | None = None
    target_troops_approximate: bool = False


_decode_facts = msgspec.json.Decoder(_Facts).decode


@dataclass(frozen=True, slots=True)
class _Position:
    status: str
    offered_min: int | None
    offered_max: int | None
    committed: int | None
    deployed: int | None


@dataclass
class Point:
    day: dt.date
    totals: Totals


@dataclass
class Timeline:
    board: Board  # the board of the last day, whose totals the last point repeats
    points: list[Point]


def force_timeline(session: Session, slug: str, *, as_of: dt.date | None = None,
                   known_at: dt.date | None = None) -> Timeline:
    """The totals of proposal SLUG at the end of each day with a change to a position or to the
    force's facts, up to the end of AS_OF (today when None), as known at the end of KNOWN_AT; each
    against the target of its own day."""
    board = read_board(session, slug, as_of=as_of, known_at=known_at)
    query = counts_on(
        select(Change.entity, Change.stance_id, Change.effective_on, cast(Change.after, Text))
        .where(Change.entity.in_(("stance", "proposal")), Change.proposal_id == board.proposal.id),
        board.day, end_of_day(known_at) if known_at is not None else None,
    ).order_by(Change.effective_on, Change.id)
    current: dict[int, _Position] = {}
    facts = _Facts()  # nothing recorded about the force yet: no target
    points: list[Point] = []
    day: dt.date | None = None
    for entity, stance_id, effective_on, after in session.connection().execute(query):
        if day is not None and effective_on != day:
            points.append(Point(day, totals(facts, current.values())))
        day = effective_on
        if entity == "proposal":
            facts = _decode_facts(after)
            continue
        figures = _decode(after)
        t = figures.troops
        current[stance_id] = _Position(figures.status, t.offered_min, t.offered_max, t.committed, t.deployed)
    if day is not None:
        points.append(Point(day, totals(facts, current.values())))
    return Timeline(board, points)


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    board = timeline.board
    return {
        "proposal": board.proposal.slug,
        "as_of": board.day.isoformat(),
        "known_at": board.known_at.isoformat() if board.known_at else None,
        "target_troops": board.proposal.target_troops,
        "target_troops_approximate": board.proposal.target_troops_approximate,
        "points": [
            {"day": p.day.isoformat(), "target_troops": p.totals.target_troops,
             "target_troops_approximate": p.totals.target_troops_approximate,
             "offered_min": p.totals.offered_min, "offered_max": p.totals.offered_max,
             "committed": p.totals.committed, "deployed": p.totals.deployed, "countries": p.totals.countries,
             "by_status": p.totals.by_status}
            for p in timeline.points
        ],
    }


# ---- the chart ------------------------------------------------------------------------------------

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 34, 36  # room for the axes' labels


@dataclass
class Chart:
    """Coordinates of the force-over-time chart, in a WIDTH × HEIGHT view box: step lines for the
    top of the offered ranges, the committed and the deployed troops, and each day's target."""

    width: int
    height: int
    lines: dict[str, str]  # kind -> SVG path data
    target: str | None  # the target's steps, as SVG path data (None: never set)
    ticks_y: list[tuple[float, int]]  # (y, troops)
    ticks_x: list[tuple[float, dt.date]]  # (x, day)
    top: int


def _days(timeline: Timeline) -> tuple[dt.date, dt.date, Any]:
    """The time axis shared by the charts: its first and last day (at least a day apart, never past the
    last day shown) and the x of a day."""
    last = max(timeline.points[-1].day, timeline.board.day)
    first = min(timeline.points[0].day, last - dt.timedelta(days=1))
    span, inner_w = (last - first).days, WIDTH - LEFT - RIGHT

    def x(day: dt.date) -> float:
        return round(LEFT + (day - first).days / span * inner_w, 1)

    return first, last, x


def _nice(value: int) -> int:
    """A round number at or above VALUE for the top of the scale."""
    if value <= 0:
        return 10
    step = 10 ** (len(str(value)) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        if value <= factor * step:
            return int(factor * step)
    return 10 * step


def chart(timeline: Timeline) -> Chart | None:
    """The picture of TIMELINE, or None when it has no point."""
    points = timeline.points
    if not points:
        return None
    targets = [p.totals.target_troops or 0 for p in points]
    top = _nice(max(targets + [max(p.totals.offered_max, p.totals.committed, p.totals.deployed) for p in points]))
    first, last, x = _days(timeline)
    inner_h = HEIGHT - TOP - BOTTOM

    def y(value: int) -> float:
        return round(TOP + inner_h - value / top * inner_h, 1)

    lines = {}
    for kind in ("offered_max", "committed", "deployed"):
        # A step line: a total holds from its day until the next change (before the first, nothing).
        d = [f"M{x(points[0].day)} {y(getattr(points[0].totals, kind))}"]
        d += [f"H{x(p.day)}V{y(getattr(p.totals, kind))}" for p in points[1:]]
        d.append(f"H{x(last)}")
        lines[kind] = "".join(d)
    # The target as steps too, drawn from the first day one was set (each day's own target).
    known = []
    for p in points:
        if p.totals.target_troops and (not known or known[-1][1] != p.totals.target_troops):
            known.append((p.day, p.totals.target_troops))
    target = None
    if known:
        d = [f"M{x(known[0][0])} {y(known[0][1])}"] + [f"H{x(day)}V{y(value)}" for day, value in known[1:]]
        target = "".join(d) + f"H{x(last)}"
    ticks_y = [(y(top * k // 4), top * k // 4) for k in range(5)]
    ticks_x = [(x(first), first)] + ([(x(last), last)] if last != first else [])
    return Chart(WIDTH, HEIGHT, lines, target, ticks_y, ticks_x, top)


# The statuses' colours (as the style sheet's light scheme has them), for a picture that carries its own.
STATUS_COLOURS = {"deployed": "#0b6e4f", "committed": "#2e7d32", "conditional": "#8a5a00", "considering": "#1f5fa8",
                  "declined": "#b3261e", "withdrawn": "#5f6368"}
STATUS_HEIGHT = 200


@dataclass
class StatusChart:
    """Countries by status over time: one band per status, stacked in the board's order."""

    width: int
    height: int
    bands: list[tuple[str, str, str]]  # (status, colour, SVG path data)
    ticks_y: list[tuple[float, int]]
    ticks_x: list[tuple[float, dt.date]]


def status_chart(timeline: Timeline) -> StatusChart | None:
    points = timeline.points
    if not points:
        return None
    top = max(max(p.totals.countries for p in points), 1)
    first, last, x = _days(timeline)
    inner_h = STATUS_HEIGHT - 16 - BOTTOM

    def y(count: float) -> float:
        return round(16 + inner_h - count / top * inner_h, 1)

    xs = [x(p.day) for p in points]
    below = [0] * len(points)
    bands = []
    for status, colour in STATUS_COLOURS.items():
        above = [b + p.totals.by_status.get(status, 0) for b, p in zip(below, points)]
        if any(a != b for a, b in zip(above, below)):
            # The band's top as steps left to right, then its bottom back from right to left.
            d = [f"M{xs[0]} {y(above[0])}"] + [f"H{xs[i]}V{y(above[i])}" for i in range(1, len(xs))]
            d += [f"H{x(last)}V{y(below[-1])}"] + [f"H{xs[i]}V{y(below[i - 1])}" for i in range(len(xs) - 1, 0, -1)]
            d.append(f"H{xs[0]}Z")
            bands.append((status, colour, "".join(d)))
        below = above
    step = max(1, -(-top // 4))
    ticks_y = [(y(n), n) for n in range(0, top + 1, step)]
    ticks_x = [(x(first), first), (x(last), last)]
    return StatusChart(WIDTH, STATUS_HEIGHT, bands, ticks_y, ticks_x)
