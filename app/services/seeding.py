"""Loading the seed files: idempotent, and never overwriting what an editor changed since.

Two layers, in `seeds/`:

* the seed article (`isf-tracker-seed/1`): the proposal, its factors and the stances one article
  reports, with the article's text as the source;
* the public record (`isf-tracker-public-record/1`, `--article-only` leaves it out): statements
  since August 2025 from public reporting, each dated and quoted from an excerpt of its page:
  stances, the force's own facts, factor states and reports that disagree.

Every statement of both layers is written through the one write path, oldest first (by the day it
speaks for), so the change log reads as the record happened. Each is written once: a statement is
known by its reason (the seed article's, or "From the public record [key]"); one already written is
written again only while it is still its entity's latest change (so a corrected seed file reaches
the board), and none is written over a change made by anyone but the seed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import ROOT_DIR
from app.figure_rule import figure_problems
from app.models import Change, Factor, Proposal, Source
from app.schemas import CitationIn, ProposalFacts, StanceData, check_day
from app.services.errors import InvalidInput
from app.services.factors import create_factor, set_factor
from app.services.proposals import facts_data_from, set_proposal_facts
from app.services.board import find_stance
from app.services.sources import text_sha256
from app.services.stances import set_stance, stance_data_from
from app.text_rule import problem_in

SEED_DIR = ROOT_DIR / "seeds"
SEED_FORMAT = "isf-tracker-seed/1"
RECORD_FORMAT = "isf-tracker-public-record/1"
SEED_ACTOR = "seed"
SEED_REASON = "Initial data from the seed article"
RECORD_REASON = "From the public record"
EXCERPTS_NOTE = "Holds excerpts of the page (the passages quoted), not the whole article."


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def _date(value: str | None) -> dt.date | None:
    return check_day(dt.date.fromisoformat(value)) if value else None


def read_seed_file(path: Path) -> dict[str, Any]:
    """A seed file of either layer, its sources' texts read in, checked against the text rule."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") not in (SEED_FORMAT, RECORD_FORMAT):
        raise ValueError(f"{path.name}: expected format {SEED_FORMAT!r} or {RECORD_FORMAT!r}, "
                         f"found {data.get('format')!r}")
    for source in data["sources"]:
        if "text_file" in source:
            source["text"] = (path.parent / source.pop("text_file")).read_text(encoding="utf-8")
        if "excerpt" in source:
            source["text"] = source.pop("excerpt")
            source.setdefault("note", EXCERPTS_NOTE)
    problem = problem_in(data)
    if problem:
        raise ValueError(f"{path.name}: {problem}")
    return data


def _upsert_source(session: Session, spec: dict[str, Any], report: SeedReport) -> Source:
    digest = text_sha256(spec["text"]) if spec.get("text") else None
    found = None
    if digest:
        found = session.scalars(select(Source).where(Source.text_sha256 == digest).order_by(Source.id)).first()
    if found is None:
        found = session.scalars(
            select(Source).where(Source.title == spec["title"], Source.text_sha256.is_(None)).order_by(Source.id)
        ).first()
    if found is not None:
        report.kept.append(f"source {found.id}")
        return found
    source = Source(
        title=spec["title"],
        title_is_descriptive=bool(spec.get("title_is_descriptive")),
        publisher=spec.get("publisher"),
        url=spec.get("url"),
        published_on=_date(spec.get("published_on")),
        retrieved_on=_date(spec.get("retrieved_on")),
        note=spec.get("note"),
        text=spec.get("text"),
        text_sha256=digest,
    )
    session.add(source)
    session.flush()
    report.created.append(f"source {source.id}")
    return source


# ---- the events ----------------------------------------------------------------------------------


@dataclass
class _Event:
    """One statement of a seed file, to be written in order of the day it speaks for."""

    day: dt.date
    layer: int  # 0: the seed article, 1: the public record (on the same day, the article first)
    order: int  # its place in its file
    label: str  # how the report names what it writes ("stance AZE")
    reason: str  # the change's reason: how a later run knows the statement is written
    entity: Callable[[Session], Any]  # the changes of what it writes, as a query's WHERE clause
    write: Callable[[Session], bool]  # writes it; whether anything changed


def _cites(items: list[dict[str, Any]], sources: dict[str, Source]) -> list[dict[str, Any]]:
    return [{"source_id": sources[c["source"]].id, "quote": c["quote"], **({"field": c["field"]} if c.get("field") else {})}
            for c in items]


def _in_file(loc: list[Any], exc: ValidationError) -> InvalidInput:
    """A refusal naming the file's own path to the field (as the write path's refusals do)."""
    return InvalidInput([{"loc": [*loc, *e["loc"]], "msg": e["msg"].removeprefix("Value error, ")} for e in exc.errors()])


def _located(loc: list[Any], exc: InvalidInput) -> InvalidInput:
    return InvalidInput([{**e, "loc": [*loc, *e["loc"]]} for e in exc.errors])


def _stance_data(spec: dict[str, Any], sources: dict[str, Source], loc: list[Any]) -> StanceData:
    dispute = spec.get("dispute") or {}
    try:
        data = StanceData.model_validate({
            "status": spec["status"],
            "troops": spec.get("troops", {}),
            "roles": spec.get("roles", []),
            "summary": spec.get("summary"),
            "stated_on": spec.get("stated_on"),
            "dispute": dispute.get("text"),
            "citations": _cites(spec.get("citations", []), sources)
            + _cites([{**c, "field": "dispute"} for c in dispute.get("citations", [])], sources),
            "conditions": [{**{k: v for k, v in c.items() if k != "citations"},
                            "citations": _cites(c.get("citations", []), sources)} for c in spec.get("conditions", [])],
        })
    except ValidationError as exc:
        raise _in_file(loc, exc) from None
    problems = figure_problems(data.status, data.troops.model_dump())
    if problems:  # the whole file keeps the figure rule, statements an editor has changed since included
        raise InvalidInput([{"loc": [*loc, "troops", field], "msg": message} for field, message in problems.items()])
    return data


def _facts_data(spec: dict[str, Any], sources: dict[str, Source], base: dict[str, Any], loc: list[Any]) -> ProposalFacts:
    """The facts SPEC states (the proposal's in the seed article; a change of some of them in the public
    record), over BASE: the facts as they stand before it."""
    resolution = spec.get("resolution")
    values = dict(base)
    for key in ("target_troops", "target_troops_approximate", "target_police", "sponsor", "sponsor_country",
                "mandate_summary", "context_notes"):
        if key in spec:
            values[key] = spec[key]
    if resolution is not None:
        values.update(resolution_state=resolution.get("state"), resolution_on=resolution.get("date"),
                      resolution_text=resolution.get("text"))
    try:
        return ProposalFacts.model_validate({**values, "stated_on": spec.get("stated_on"),
                                             "citations": _cites(spec.get("citations", []), sources)})
    except ValidationError as exc:
        raise _in_file(loc, exc) from None


def _stance_changes(proposal: Proposal, code: str) -> Callable[[Session], Any]:
    def where(session: Session):
        stance = find_stance(session, proposal, code)
        return Change.stance_id == (stance.id if stance else -1)
    return where


def _facts_changes(proposal: Proposal) -> Callable[[Session], Any]:
    return lambda session: (Change.proposal_id == proposal.id) & (Change.entity == "proposal")


def _factor_changes(proposal: Proposal, slug: str) -> Callable[[Session], Any]:
    def where(session: Session):
        factor_id = session.scalars(select(Factor.id).where(Factor.proposal_id == proposal.id,
                                                            Factor.slug == slug)).first()
        return Change.factor_id == (factor_id or -1)
    return where


def _should_write(session: Session, event: _Event, where: Any, last: Change | None) -> bool:
    """Whether EVENT is to be written, LAST being the latest change of what it writes (WHERE): not yet
    written and nobody but the seed has changed it since; or written, and still its latest change
    (written again, it records nothing unless its file was corrected)."""
    if last is None:
        return True
    written = session.scalars(select(Change.id).where(where, Change.via == "seed", Change.reason == event.reason)
                              .limit(1)).first() is not None
    if written:
        return last.via == "seed" and last.reason == event.reason
    return last.via == "seed"


def _write_stance(proposal: Proposal, code: str, data: StanceData, reason: str, loc: list[Any],
                  carried_on: dt.date | None = None) -> Callable[[Session], bool]:
    def write(session: Session) -> bool:
        try:
            result = set_stance(session, proposal=proposal, country_code=code, data=data, match_conditions=True,
                                actor=SEED_ACTOR, via="seed", reason=reason, carried_on=carried_on)
        except InvalidInput as exc:
            raise _located(loc, exc) from None
        return result.changed or result.created
    return write


def _write_dispute(proposal: Proposal, code: str, spec: dict[str, Any], sources: dict[str, Source], reason: str,
                   loc: list[Any]) -> Callable[[Session], bool]:
    """A report that disagrees with CODE's position as it stands: the position kept, the report added,
    from the day SPEC gives (`on`: the later of the report's day and the position's)."""
    def write(session: Session) -> bool:
        stance = find_stance(session, proposal, code)
        if stance is None:
            raise InvalidInput([{"loc": [*loc, "country"], "msg": f"{code} has no position for this report to dispute"}])
        citations = [CitationIn.model_validate(c) for c in _cites([{**c, "field": "dispute"}
                                                                  for c in spec.get("citations", [])], sources)]
        data = stance_data_from(stance).model_copy(update={"dispute": spec["text"], "citations": citations})
        return _write_stance(proposal, code, data, reason, loc, dt.date.fromisoformat(spec["on"]))(session)
    return write


def _write_facts(proposal: Proposal, spec: dict[str, Any], sources: dict[str, Source], reason: str, whole: bool,
                 loc: list[Any]) -> Callable[[Session], bool]:
    """The force's facts as SPEC states them: all of them (WHOLE, the seed article's) or a change of
    some, over the facts as they stand."""
    def write(session: Session) -> bool:
        base = {} if whole else facts_data_from(proposal).model_dump(exclude={"stated_on", "citations"})
        data = _facts_data(spec, sources, base, loc)
        try:
            result = set_proposal_facts(session, proposal=proposal, data=data, actor=SEED_ACTOR, via="seed",
                                        reason=reason)
        except InvalidInput as exc:
            raise _located(loc, exc) from None
        return result.changed
    return write


def _create_factor(proposal: Proposal, spec: dict[str, Any], position: int,
                   sources: dict[str, Source]) -> Callable[[Session], bool]:
    """A factor of the seed article, made when missing (its state changes are the public record's)."""
    def write(session: Session) -> bool:
        if session.scalars(select(Factor.id).where(Factor.proposal_id == proposal.id,
                                                   Factor.slug == spec["slug"])).first() is not None:
            return False
        create_factor(session, proposal=proposal, slug=spec["slug"], name=spec["name"], state=spec["state"],
                      note=spec.get("note"),
                      citations=[(sources[c["source"]].id, c["quote"]) for c in spec.get("citations", [])],
                      position=position, actor=SEED_ACTOR, via="seed", reason=SEED_REASON,
                      stated_on=_date(spec.get("stated_on")))
        session.expire(proposal, ["factors"])
        return True
    return write


def _write_factor(proposal: Proposal, spec: dict[str, Any], sources: dict[str, Source], reason: str,
                  loc: list[Any]) -> Callable[[Session], bool]:
    def write(session: Session) -> bool:
        citation = CitationIn.model_validate(_cites([spec["citation"]], sources)[0])
        was = session.scalars(select(Factor.version).where(Factor.proposal_id == proposal.id,
                                                           Factor.slug == spec["factor"])).first()
        try:
            factor, _ = set_factor(session, proposal=proposal, slug=spec["factor"], state=spec["state"],
                                   note=spec.get("note"), citation=citation, actor=SEED_ACTOR, via="seed",
                                   reason=reason)
        except InvalidInput as exc:
            raise _located(loc, exc) from None
        return factor.version != was
    return write


def _day_of(spec: dict[str, Any], sources: dict[str, Source]) -> dt.date:
    """The day a statement speaks for, to order the writes: its stated day, else the publication date of
    the source it cites first, else the earliest day (an undated statement goes first)."""
    if spec.get("stated_on") or spec.get("on"):
        return dt.date.fromisoformat(spec.get("stated_on") or spec["on"])
    for c in [*spec.get("citations", []), *([spec["citation"]] if spec.get("citation") else [])]:
        published = sources[c["source"]].published_on
        if published:
            return published
    return dt.date.min


# ---- the two layers ------------------------------------------------------------------------------


def _ensure_proposal(session: Session, spec: dict[str, Any]) -> Proposal:
    proposal = session.scalars(select(Proposal).where(Proposal.slug == spec["slug"])).one_or_none()
    if proposal is None:
        proposal = Proposal(slug=spec["slug"], name=spec["name"], short_name=spec.get("short_name"),
                            theatre=spec["theatre"], version=0)
        session.add(proposal)
        session.flush()
    return proposal


def _article_events(session: Session, data: dict[str, Any], sources: dict[str, Source]) -> list[_Event]:
    """The seed article: its proposal and factors made when missing; its facts and stances as events."""
    spec = data["proposal"]
    proposal = _ensure_proposal(session, spec)
    events = [_Event(_day_of(spec, sources), 0, 0, f"proposal {proposal.slug}", SEED_REASON,
                     _facts_changes(proposal), _write_facts(proposal, spec, sources, SEED_REASON, True, ["proposal"]))]
    factors = data.get("factors", [])
    for position, factor in enumerate(factors):
        events.append(_Event(_day_of(factor, sources), 0, 1 + position, f"factor {factor['slug']}", SEED_REASON,
                             _factor_changes(proposal, factor["slug"]),
                             _create_factor(proposal, factor, position, sources)))
    for order, stance in enumerate(data.get("stances", []), start=1 + len(factors)):
        code = stance["country"]
        loc = ["stances", code]
        events.append(_Event(_day_of(stance, sources), 0, order, f"stance {code}", SEED_REASON,
                             _stance_changes(proposal, code),
                             _write_stance(proposal, code, _stance_data(stance, sources, loc), SEED_REASON, loc)))
    return events


def _record_events(session: Session, data: dict[str, Any], sources: dict[str, Source]) -> list[_Event]:
    """The public record's statements, as events."""
    proposal = session.scalars(select(Proposal).where(Proposal.slug == data["proposal"])).one_or_none()
    if proposal is None:
        raise InvalidInput([{"loc": ["proposal"], "msg": f"no proposal {data['proposal']!r}: load its seed article first"}])
    events = []
    keys: set[str] = set()
    for order, spec in enumerate(data["events"]):
        key, kind = spec["key"], spec["kind"]
        if key in keys:
            raise InvalidInput([{"loc": ["events", key], "msg": "this key is used twice"}])
        keys.add(key)
        reason, loc = f"{RECORD_REASON} [{key}]", ["events", key]
        day = _day_of(spec, sources)
        if kind == "stance":
            code = spec["country"]
            events.append(_Event(day, 1, order, f"stance {code} ({key})", reason, _stance_changes(proposal, code),
                                 _write_stance(proposal, code, _stance_data(spec, sources, loc), reason, loc)))
        elif kind == "dispute":
            code = spec["country"]
            events.append(_Event(day, 1, order, f"stance {code} ({key})", reason, _stance_changes(proposal, code),
                                 _write_dispute(proposal, code, spec, sources, reason, loc)))
        elif kind == "facts":
            events.append(_Event(day, 1, order, f"proposal {proposal.slug} ({key})", reason, _facts_changes(proposal),
                                 _write_facts(proposal, {**spec["facts"], "stated_on": spec.get("stated_on"),
                                                         "citations": spec.get("citations", [])},
                                              sources, reason, False, loc)))
        elif kind == "factor":
            events.append(_Event(day, 1, order, f"factor {spec['factor']} ({key})", reason,
                                 _factor_changes(proposal, spec["factor"]),
                                 _write_factor(proposal, spec, sources, reason, loc)))
        else:
            raise InvalidInput([{"loc": [*loc, "kind"], "msg": "one of stance, dispute, facts, factor"}])
    return events


def seed_all(session: Session, seed_dir: Path = SEED_DIR, *, article_only: bool = False) -> SeedReport:
    """Load the seed files in SEED_DIR (`*.json`): every seed article, then (unless ARTICLE_ONLY) the
    public record; their statements written oldest first, each once."""
    report = SeedReport()
    if not seed_dir.is_dir():
        raise ValueError(f"{seed_dir} is not a folder")
    paths = sorted(seed_dir.glob("*.json"))
    if not paths:
        raise ValueError(f"{seed_dir} holds no seed files (*.json)")
    files = [read_seed_file(path) for path in paths]
    events: list[_Event] = []
    for data in (d for d in files if d["format"] == SEED_FORMAT):
        sources = {s["key"]: _upsert_source(session, s, report) for s in data["sources"]}
        events += _article_events(session, data, sources)
    if not article_only:
        for data in (d for d in files if d["format"] == RECORD_FORMAT):
            sources = {s["key"]: _upsert_source(session, s, report) for s in data["sources"]}
            events += _record_events(session, data, sources)
    _write_events(session, events, report)
    return report


def _write_events(session: Session, events: list[_Event], report: SeedReport) -> None:
    """EVENTS written oldest first, each that is to be (`_should_write`)."""
    for event in sorted(events, key=lambda e: (e.day, e.layer, e.order)):
        where = event.entity(session)
        last = session.scalars(select(Change).where(where).order_by(Change.id.desc()).limit(1)).first()
        if not _should_write(session, event, where, last):
            report.kept.append(event.label)
            continue
        if event.write(session):
            (report.updated if last is not None else report.created).append(event.label)
        else:
            report.kept.append(event.label)


def seed_file(session: Session, path: Path, report: SeedReport | None = None) -> SeedReport:
    """Load one seed article file into SESSION's transaction (its statements in order of their days)."""
    report = report or SeedReport()
    data = read_seed_file(path)
    sources = {s["key"]: _upsert_source(session, s, report) for s in data["sources"]}
    _write_events(session, _article_events(session, data, sources), report)
    return report
