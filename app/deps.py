"""Typed dependencies: database sessions and load-or-404 lookups."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Path
from sqlalchemy.orm import Session

from app.db import get_database
from app.models import Proposal
from app.services import board


def get_session() -> Iterator[Session]:
    """A read session for one request."""
    session = get_database().read_session()
    try:
        yield session
    finally:
        session.close()


SessionDep = Annotated[Session, Depends(get_session)]

SlugPath = Annotated[str, Path(description="Proposal slug, e.g. `gaza-isf`.", pattern=r"^[a-z0-9-]{1,64}$")]
CountryPath = Annotated[
    str, Path(description="ISO 3166-1 alpha-3 country code, e.g. `AZE`.", pattern=r"^[A-Za-z]{3}$")
]


def load_proposal(session: SessionDep, slug: SlugPath) -> Proposal:
    return board.get_proposal(session, slug)


ProposalDep = Annotated[Proposal, Depends(load_proposal)]
