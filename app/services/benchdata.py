"""A realistic synthetic history for benchmarks: many countries with conditions and citations,
and a long hash-chained change log, bulk-inserted but hashed with the same canonical function, so
`isf-tracker verify` passes on it."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

import pycountry
from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from app.countries import country_info
from app.db import utcnow
from app.models import STATUSES, ChainHead, Change, Citation, Condition, Country, Factor, Proposal, Source, Stance
from app.schemas import ProposalFacts
from app.services.backup import highest_condition_id, reset_id_sequences
from app.services.changes import compute_hash, effective_on
from app.services.proposals import set_proposal_facts
from app.services.seeding import seed_all
from app.services.sources import text_sha256

CATEGORIES = [("ceasefire", "cessation-of-hostilities", "A complete ceasefire must hold"),
              ("mandate", "un-mandate", "A UN Security Council mandate"),
              ("domestic_approval", None, "Approval by its parliament"),
              ("disarmament", "hamas-disarmament", "Disarmament of armed groups"),
              ("command", None, "National command of its contingent"),
              ("funding", None, "Costs covered by the sponsors")]


@dataclass
class BenchReport:
    proposals: int
    stances: int
    changes: int
    seconds: float


def _next_id(session: Session, model) -> int:
    return (session.scalar(select(func.max(model.id))) or 0) + 1


def _countries(session: Session, wanted: int) -> list[Country]:
    existing = {c.code: c for c in session.scalars(select(Country))}
    chosen = list(existing.values())
    for record in sorted(pycountry.countries, key=lambda r: r.alpha_3):
        if len(chosen) >= wanted:
            break
        if record.alpha_3 not in existing:
            info = country_info(record.alpha_3)
            country = Country(code=info.code, alpha2=info.alpha2, name=info.name)
            session.add(country)
            chosen.append(country)
    session.flush()
    return chosen[:wanted]


def fill(session: Session, countries: int = 200, changes: int = 100_000, proposals: int = 1, seed: int = 7) -> BenchReport:
    """Add PROPOSALS proposals (the seeded one first) with COUNTRIES stances each and CHANGES changes in all."""
    started = dt.datetime.now()
    rng = random.Random(seed)
    if session.scalar(select(func.count()).select_from(Proposal)) == 0:
        seed_all(session, article_only=True)
    places = _countries(session, countries)
    lines = [f"{c.name} said it could send troops to the stabilization force provided that a ceasefire holds." for c in places]
    targets = {n: f"Benchmark force {n + 1} is to number {10_000 * (n + 1):,} troops." for n in range(proposals)}
    text = "\n".join([*lines, *targets.values()])
    source = Source(title="Synthetic briefing for benchmarks", publisher="ISF Tracker bench-data", text=text,
                    text_sha256=text_sha256(text))
    session.add(source)
    session.flush()

    all_proposals = list(session.scalars(select(Proposal).order_by(Proposal.id)))
    for n in range(len(all_proposals), proposals):
        p = Proposal(slug=f"bench-force-{n + 1}", name=f"Benchmark force {n + 1}", theatre="Synthetic", version=0)
        session.add(p)
        session.flush()
        facts = ProposalFacts(target_troops=10_000 * (n + 1),
                              citations=[{"source_id": source.id, "quote": targets[n], "field": "target_troops"}])
        set_proposal_facts(session, proposal=p, data=facts, actor="bench-data", via="cli",
                           reason="Synthetic history for benchmarks")
        for i, (category, slug, name) in enumerate(x for x in CATEGORIES if x[1]):
            session.add(Factor(proposal_id=p.id, slug=slug, name=name, state="unmet", position=i, version=1))
        all_proposals.append(p)
    session.flush()
    all_proposals = all_proposals[:proposals]
    factor_ids = {(f.proposal_id, f.slug): f.id for f in session.scalars(select(Factor))}

    stance_id, condition_id, citation_id = _next_id(session, Stance), highest_condition_id(session) + 1, _next_id(session, Citation)
    on_board = {(s.proposal_id, s.country_code) for s in session.scalars(select(Stance))}
    plans = []  # (proposal, country, stance_id, conditions [(id, category, slug, text)])
    for p in all_proposals:
        for c in places:
            if (p.id, c.code) in on_board:
                continue
            conds = []
            for category, slug, name in rng.sample(CATEGORIES, rng.randint(0, 3)):
                conds.append((condition_id, category, slug, f"{name} ({c.name})"))
                condition_id += 1
            plans.append((p, c, stance_id, conds))
            stance_id += 1
    if not plans:
        raise ValueError("every chosen country is already on every proposal: ask for more --countries or --proposals")

    quote_of = {c.code: line for c, line in zip(places, lines)}
    head = session.get(ChainHead, 1)
    prev_hash = head.last_hash
    change_id = _next_id(session, Change)
    wanted = max(changes - (session.scalar(select(func.count()).select_from(Change)) or 0), len(plans))
    per_stance = [wanted // len(plans) + (1 if i < wanted % len(plans) else 0) for i in range(len(plans))]
    start = utcnow() - dt.timedelta(days=365)
    step = dt.timedelta(days=365) / max(wanted, 1)
    order = [i for i, k in enumerate(per_stance) for _ in range(k)]
    rng.shuffle(order)
    state: dict[int, dict] = {}
    version: dict[int, int] = {}
    change_rows, t = [], start
    for i in order:
        p, c, sid, conds = plans[i]
        before = state.get(i)
        status = rng.choice(STATUSES[:5])
        low = rng.choice([None, 100, 250, 500, 1000])
        snapshot = {
            "status": status,
            "troops": {"offered_min": low, "offered_max": (low * 2 if low else None),
                       "committed": (low if status in ("committed", "deployed") else None),
                       "deployed": (low // 2 if status == "deployed" and low else None)},
            "roles": rng.sample(["engineering", "medical", "logistics", "police"], rng.randint(0, 2)),
            "summary": f"{c.name} is {status} (synthetic history).",
            "stated_on": (t.date() - dt.timedelta(days=rng.randint(0, 5))).isoformat() if rng.random() < 0.5 else None,
            "conditions": [{"id": cid, "text": body, "category": cat, "state": rng.choice(["unmet", "met", "unknown"]),
                            "factor": slug if (p.id, slug) in factor_ids else None,
                            "citations": [{"source_id": source.id, "quote": quote_of[c.code], "field": None}]}
                           for cid, cat, slug, body in conds] if status == "conditional" or before is None else (before or {}).get("conditions", []),
            "citations": [{"source_id": source.id, "quote": quote_of[c.code], "field": "status"}],
        }
        version[i] = version.get(i, 0) + 1
        snapshot["version"] = version[i]
        row = Change(changed_at=t, entity="stance", proposal_id=p.id, country_code=c.code, stance_id=sid, factor_id=None,
                     actor="bench-data", via="cli", before=before, after=snapshot, source_id=source.id,
                     reason="Synthetic history for benchmarks", prev_hash=prev_hash)
        row.hash = compute_hash(row)
        change_rows.append({"id": change_id, "changed_at": t, "entity": "stance", "proposal_id": p.id, "country_code": c.code,
                            "stance_id": sid, "factor_id": None, "actor": row.actor, "via": row.via, "before": before,
                            "after": snapshot, "source_id": source.id, "reason": row.reason, "prev_hash": prev_hash,
                            "hash": row.hash, "effective_on": effective_on(row, None)})
        prev_hash, change_id, t = row.hash, change_id + 1, t + step
        state[i] = snapshot

    stance_rows, condition_rows, citation_rows = [], [], []
    for i, (p, c, sid, _) in enumerate(plans):
        snap = state[i]
        stance_rows.append({"id": sid, "proposal_id": p.id, "country_code": c.code, "status": snap["status"],
                            "offered_min": snap["troops"]["offered_min"], "offered_max": snap["troops"]["offered_max"],
                            "committed": snap["troops"]["committed"], "deployed": snap["troops"]["deployed"],
                            "roles": snap["roles"], "summary": snap["summary"],
                            "stated_on": dt.date.fromisoformat(snap["stated_on"]) if snap["stated_on"] else None,
                            "updated_at": start, "version": snap["version"]})
        for position, cond in enumerate(snap["conditions"]):
            condition_rows.append({"id": cond["id"], "stance_id": sid, "text": cond["text"], "category": cond["category"],
                                   "state": cond["state"], "factor_id": factor_ids.get((p.id, cond["factor"])), "position": position})
            citation_rows.append({"id": citation_id, "source_id": source.id, "quote": quote_of[c.code], "field": None,
                                  "proposal_id": None, "stance_id": None, "condition_id": cond["id"], "factor_id": None,
                                  "created_at": start})
            citation_id += 1
        citation_rows.append({"id": citation_id, "source_id": source.id, "quote": quote_of[c.code], "field": "status",
                              "proposal_id": None, "stance_id": sid, "condition_id": None, "factor_id": None,
                              "created_at": start})
        citation_id += 1
    first_stance = plans[0][2]
    for r in change_rows:  # rows are in time order: each stance ends with its last change's time
        stance_rows[r["stance_id"] - first_stance]["updated_at"] = r["changed_at"]

    for table, rows in ((Stance.__table__, stance_rows), (Condition.__table__, condition_rows),
                        (Citation.__table__, citation_rows), (Change.__table__, change_rows)):
        for k in range(0, len(rows), 2000):
            session.execute(insert(table), rows[k:k + 2000])
    session.execute(update(ChainHead).where(ChainHead.id == 1).values(last_change_id=change_id - 1, last_hash=prev_hash))
    reset_id_sequences(session, ("stances", "conditions", "citations", "changes"))
    seconds = (dt.datetime.now() - started).total_seconds()
    return BenchReport(len(all_proposals), len(stance_rows), len(change_rows), seconds)

