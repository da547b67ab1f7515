"""Adding sources (articles, statements) that facts can cite."""

from __future__ import annotations

import hashlib

from sqlalchemy.orm import Session

from app.models import Source
from app.schemas import SourceIn


def text_sha256(text: str) -> str:
    """What identifies a source's text: the same article imported or seeded twice is one source."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def create_source(session: Session, data: SourceIn) -> Source:
    """Store a new source; nothing unknown is filled in."""
    source = Source(
        title=data.title,
        title_is_descriptive=False,
        publisher=data.publisher,
        url=data.url,
        published_on=data.published_on,
        retrieved_on=data.retrieved_on,
        text=data.text,
        text_sha256=text_sha256(data.text) if data.text else None,
        note=data.note,
    )
    session.add(source)
    session.flush()
    return source
