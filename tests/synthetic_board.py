"""A made-up board of many countries, written through the one write path, to see the map, the
chart and the conditions matrix at scale. Every stance cites the seed article."""

from __future__ import annotations

import pycountry
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import CONDITION_CATEGORIES, STATUSES, Stance
from app.schemas import StanceData
from app.services.board import get_proposal
from app.services.stances import set_stance

QUOTE = "multinational force"  # an exact passage of the seed article (source 1)
# Small or outline-less places the map must still show: they go on the board first.
MUST_INCLUDE = ["BHR", "SGP", "MLT", "XKX", "TUV", "LUX"]
FACTOR_OF = {"ceasefire": "cessation-of-hostilities", "mandate": "un-mandate", "disarmament": "hamas-disarmament"}


def _codes() -> list[str]:
    rest = sorted(c.alpha_3 for c in pycountry.countries if c.alpha_3 not in MUST_INCLUDE)
    return MUST_INCLUDE + rest


def _stance_data(i: int) -> StanceData:
    status = STATUSES[i % len(STATUSES)]
    round_ = i // len(STATUSES)  # varies the conditions between countries of the same status
    conditions = []
    if status in ("conditional", "committed", "considering") and round_ % 4:
        for k in range(1 + round_ % 3):
            category = CONDITION_CATEGORIES[(round_ + 3 * k) % len(CONDITION_CATEGORIES)]
            conditions.append({
                "text": f"Synthetic condition {k + 1} of country {i}: {category.replace('_', ' ')}.",
                "category": category,
                "state": ("unmet", "met", "unknown")[(round_ + k) % 3],
                "factor": FACTOR_OF.get(category),
            })
    troops = {}
    if status in ("deployed", "committed", "conditional"):
        troops = {"offered_min": 50 * (i % 7 + 1), "offered_max": 100 * (i % 7 + 1)}
    if status in ("deployed", "committed"):
        troops["committed"] = min(40 * (i % 5 + 1), troops["offered_max"])  # never more than offered
    if status == "deployed":
        troops["deployed"] = 20 * (i % 3 + 1)
    return StanceData(
        status=status,
        troops=troops,
        summary=f"Synthetic stance number {i} for a board at scale.",
        conditions=conditions,
        citations=[{"source_id": 1, "quote": QUOTE, "field": "status"}],
    )


def fill_board(session: Session, total: int = 150, slug: str = "gaza-isf") -> int:
    """Add made-up stances until the proposal has TOTAL countries; returns how many were added."""
    proposal = get_proposal(session, slug)
    present = set(session.scalars(select(Stance.country_code).where(Stance.proposal_id == proposal.id)))
    added = 0
    for i, code in enumerate(c for c in _codes() if c not in present):
        if len(present) + added >= total:
            break
        set_stance(session, proposal=proposal, country_code=code, data=_stance_data(i),
                   actor="synthetic", via="cli", reason="A board at scale")
        added += 1
    count = session.scalar(select(func.count()).select_from(Stance).where(Stance.proposal_id == proposal.id))
    assert count == total, count
    return added
