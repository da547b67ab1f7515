"""Loading the seed files: idempotent, and never overwriting what an editor changed since."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import ROOT_DIR
from app.figure_rule import figure_problems
from app.models import Change, Proposal, Source, Stance
from app.schemas import ProposalFacts, StanceData, check_day
from app.services.errors import InvalidInput
from app.services.factors import create_factor
from app.services.proposals import last_facts_change, set_proposal_facts
from app.services.sources import text_sha256
from app.services.stances import ensure_country, set_stance
from app.text_rule import problem_in

SEED_DIR = ROOT_DIR / "seeds"
SEED_FORMAT = "isf-tracker-seed/1"
SEED_ACTOR = "seed"
SEED_REASON = "Initial data from the seed article"


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
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != SEED_FORMAT:
        raise ValueError(f"{path.name}: expected format {SEED_FORMAT!r}, found {data.get('format')!r}")
    for source in data["sources"]:
        if "text_file" in source:
            source["text"] = (path.parent / source.pop("text_file")).read_text(encoding="utf-8")
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


def _proposal_facts(spec: dict[str, Any], sources: dict[str, Source]) -> ProposalFacts:
    resolution = spec.get("resolution") or {}
    return ProposalFacts.model_validate({
        "target_troops": spec.get("target_troops"),
        "target_troops_approximate": bool(spec.get("target_troops_approximate")),
        "target_police": spec.get("target_police"),
        "sponsor": spec.get("sponsor"),
        "sponsor_country": spec.get("sponsor_country"),
        "resolution_state": resolution.get("state"),
        "resolution_on": resolution.get("date"),
        "resolution_text": resolution.get("text"),
        "mandate_summary": spec.get("mandate_summary"),
        "context_notes": spec.get("context_notes"),
        "stated_on": spec.get("stated_on"),
        "citations": [{"source_id": sources[c["source"]].id, "quote": c["quote"],
                       **({"field": c["field"]} if c.get("field") else {})} for c in spec.get("citations", [])],
    })


def _upsert_proposal(session: Session, spec: dict[str, Any], sources: dict[str, Source], report: SeedReport) -> Proposal:
    """The proposal of SPEC, made when missing; its facts written through their write path unless an
    editor has changed them since the seed last did."""
    proposal = session.scalars(select(Proposal).where(Proposal.slug == spec["slug"])).one_or_none()
    created = proposal is None
    if created:
        proposal = Proposal(slug=spec["slug"], name=spec["name"], short_name=spec.get("short_name"),
                            theatre=spec["theatre"], version=0)
        session.add(proposal)
        session.flush()
    else:
        last = last_facts_change(session, proposal)
        if last is not None and last.via != "seed":
            # Someone has changed the facts since: the seed never overwrites that.
            report.kept.append(f"proposal {proposal.slug}")
            return proposal
    result = set_proposal_facts(session, proposal=proposal, data=_proposal_facts(spec, sources), actor=SEED_ACTOR,
                                via="seed", reason=SEED_REASON)
    if created:
        report.created.append(f"proposal {proposal.slug}")
    elif result.changed:
        report.updated.append(f"proposal {proposal.slug}")
    else:
        report.kept.append(f"proposal {proposal.slug}")
    return result.proposal


def _stance_data(spec: dict[str, Any], sources: dict[str, Source]) -> StanceData:
    def cites(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            {"source_id": sources[c["source"]].id, "quote": c["quote"], **({"field": c["field"]} if c.get("field") else {})}
            for c in items
        ]

    return StanceData.model_validate(
        {
            "status": spec["status"],
            "troops": spec.get("troops", {}),
            "roles": spec.get("roles", []),
            "summary": spec.get("summary"),
            "stated_on": spec.get("stated_on"),
            "citations": cites(spec.get("citations", [])),
            "conditions": [
                {**{k: v for k, v in c.items() if k != "citations"}, "citations": cites(c.get("citations", []))}
                for c in spec.get("conditions", [])
            ],
        }
    )


def _last_change_via(session: Session, stance: Stance) -> str | None:
    return session.scalars(
        select(Change.via).where(Change.stance_id == stance.id).order_by(Change.id.desc()).limit(1)
    ).first()


def seed_file(session: Session, path: Path, report: SeedReport | None = None) -> SeedReport:
    """Load one seed file into SESSION's transaction."""
    report = report or SeedReport()
    data = read_seed_file(path)
    sources = {s["key"]: _upsert_source(session, s, report) for s in data["sources"]}
    proposal = _upsert_proposal(session, data["proposal"], sources, report)

    for position, spec in enumerate(data.get("factors", [])):
        existing = {f.slug for f in proposal.factors}
        if spec["slug"] in existing:
            continue
        create_factor(
            session,
            proposal=proposal,
            slug=spec["slug"],
            name=spec["name"],
            state=spec["state"],
            note=spec.get("note"),
            citations=[(sources[c["source"]].id, c["quote"]) for c in spec.get("citations", [])],
            position=position,
            actor=SEED_ACTOR,
            via="seed",
            reason=SEED_REASON,
        )
        report.created.append(f"factor {spec['slug']}")
    session.expire(proposal, ["factors"])

    for spec in data.get("stances", []):
        code = spec["country"]
        stance = session.scalars(
            select(Stance).where(Stance.proposal_id == proposal.id, Stance.country_code == code)
        ).one_or_none()
        try:
            stance_data = _stance_data(spec, sources)
        except ValidationError as exc:  # name the country and the field, as the write path's refusals do
            raise InvalidInput([{"loc": ["stances", code, *e["loc"]], "msg": e["msg"].removeprefix("Value error, ")}
                                for e in exc.errors()]) from None
        problems = figure_problems(stance_data.status, stance_data.troops.model_dump())
        if problems:  # the whole file keeps the figure rule, stances an editor has changed since included
            raise InvalidInput([{"loc": ["stances", code, "troops", field], "msg": message}
                                for field, message in problems.items()])
        if stance is not None:
            if _last_change_via(session, stance) != "seed":
                # Someone has edited it since: the seed never overwrites that.
                report.kept.append(f"stance {code}")
                continue
        try:
            result = set_stance(
                session,
                proposal=proposal,
                country_code=code,
                data=stance_data,
                match_conditions=True,
                actor=SEED_ACTOR,
                via="seed",
                reason=SEED_REASON,
            )
        except InvalidInput as exc:  # say which country of the file it is about
            raise InvalidInput([{**e, "loc": ["stances", code, *e["loc"]]} for e in exc.errors]) from None
        if result.created:
            report.created.append(f"stance {code}")
        elif result.changed:
            report.updated.append(f"stance {code}")
        else:
            report.kept.append(f"stance {code}")
    return report


def seed_all(session: Session, seed_dir: Path = SEED_DIR) -> SeedReport:
    """Load every `*.json` seed file in SEED_DIR, in name order."""
    report = SeedReport()
    for path in sorted(seed_dir.glob("*.json")):
        seed_file(session, path, report)
    return report
