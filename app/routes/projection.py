"""The what-if projection in the API: who would be available if some factors held."""

from __future__ import annotations

from typing import Annotated, Optional

from fastapi import APIRouter, Query
from pydantic import StringConstraints
from fastapi.exceptions import RequestValidationError

from app.deps import SessionDep, SlugPath
from app.routes.api import AsOfQuery, KnownAtQuery
from app.schemas import ProjectionOut
from app.services import board, projection

router = APIRouter(prefix="/api/v1", tags=["api"])

NOT_FOUND = {404: {"description": "No such proposal", "content": {"application/json": {"example": {"detail": "..."}}}}}

FactorSlugs = Annotated[str, StringConstraints(max_length=1000, pattern=r"^[a-z0-9,-]*$")]
FactorsQuery = Annotated[
    Optional[list[FactorSlugs]],
    Query(
        description="Factor slugs to assume met, separated by commas (`cessation-of-hostilities,un-mandate`) "
        "or repeated (`factors=cessation-of-hostilities&factors=un-mandate`), as the board's what-if sends "
        "`assume`; none gives the board as it stands. An unknown slug is a 422 naming `factors`.",
        max_length=50,
    ),
]


def parse_factor_slugs(raw: list[str] | str | None) -> list[str]:
    """`a,b` (or ["a", "b,c"], the parameter repeated) → ["a", "b", ...]; empty parts and repeats
    are dropped."""
    slugs: list[str] = []
    for value in [raw] if isinstance(raw, str) else raw or []:
        for part in value.split(","):
            if part and part not in slugs:
                slugs.append(part)
    return slugs


def projection_dict(proposal, result: projection.Projection) -> dict:
    t = result.totals
    return {
        "proposal": proposal.slug,
        "factors": [f.slug for f in result.assumed_factors],
        "target_troops": t.target_troops,
        "target_troops_approximate": t.target_troops_approximate,
        "available": {"countries": t.countries, "offered_min": t.offered_min, "offered_max": t.offered_max,
                      "committed": t.committed, "deployed": t.deployed},
        "countries": [
            {
                "country": o.stance.country_code,
                "country_name": o.stance.country.name,
                "status": o.stance.status,
                "available": o.available,
                "troops": {"offered_min": o.stance.offered_min, "offered_max": o.stance.offered_max,
                           "committed": o.stance.committed, "deployed": o.stance.deployed},
                "conditions": [
                    {"id": c.condition.id, "text": c.condition.text, "category": c.condition.category,
                     "state": c.condition.state, "factor": c.condition.factor.slug if c.condition.factor else None,
                     "holds": c.holds, "assumed": c.assumed}
                    for c in o.conditions
                ],
                "blocking": [c.id for c in o.blocking],
            }
            for o in result.countries
        ],
        "not_counted": result.not_counted,
    }


@router.get(
    "/proposals/{slug}/projection",
    response_model=ProjectionOut,
    responses=NOT_FOUND,
    summary="What if some factors held",
)
def get_projection(session: SessionDep, slug: SlugPath, factors: FactorsQuery = None, as_of: AsOfQuery = None,
                   known_at: KnownAtQuery = None) -> dict:
    """Which deployed, committed and conditional countries would be available if the named factors
    held (conditions on no factor stay as they are), and the troops they would bring; on the board
    of today, or of the day `as_of` / `known_at` give."""
    day = board.read_board(session, slug, as_of=as_of, known_at=known_at)
    slugs = parse_factor_slugs(factors)
    unknown = projection.unknown_factor_slugs(day.factors, slugs)
    if unknown:
        known = ", ".join(f.slug for f in day.factors) or "none"
        raise RequestValidationError([{
            "type": "value_error",
            "loc": ("query", "factors"),
            "msg": f"unknown factor {', '.join(repr(u) for u in unknown)}: this proposal's factors are {known}",
            "input": factors,
        }])
    return projection_dict(day.proposal, projection.project(day.proposal, day.everyone, day.factors, slugs))
