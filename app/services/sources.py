"""Sources (articles, statements) that facts cite: adding them, listing them, and showing their quotes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Citation, Source
from app.schemas import SourceIn
from app.services.errors import NotFound


def text_sha256(text: str) -> str:
    """What identifies a source's text: the same article imported or seeded twice is one source."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def same_source(session: Session, data: SourceIn) -> Source | None:
    """The stored source DATA describes again, if any, so that it is cited rather than copied (two
    editors who describe the same article, one article imported twice): the same text when DATA gives
    one, else the same title (letter case aside) and no text; and the same publisher, address and
    publication day either way. A copy carried by another outlet, address or day is a source of its own."""
    def same(column, value):
        return column.is_(None) if value is None else column == value

    query = select(Source).where(same(Source.publisher, data.publisher),
                                 same(Source.url, str(data.url) if data.url else None),
                                 same(Source.published_on, data.published_on))
    if data.text:
        return session.scalars(query.where(Source.text_sha256 == text_sha256(data.text)).order_by(Source.id)
                               .limit(1)).first()
    # Titles compared here, letter case folded alike for every script (SQLite's lower() folds ASCII only).
    title = data.title.casefold()
    return next((s for s in session.scalars(query.where(Source.text_sha256.is_(None)).order_by(Source.id))
                 if s.title.casefold() == title), None)


def create_source(session: Session, data: SourceIn) -> Source:
    """The source DATA describes: the one already stored (`same_source`), else a new one; nothing
    unknown is filled in."""
    found = same_source(session, data)
    if found is not None:
        return found
    source = Source(
        title=data.title,
        title_is_descriptive=False,
        publisher=data.publisher,
        url=str(data.url) if data.url else None,
        published_on=data.published_on,
        retrieved_on=data.retrieved_on,
        text=data.text,
        text_sha256=text_sha256(data.text) if data.text else None,
        note=data.note,
    )
    session.add(source)
    session.flush()
    return source


def get_source(session: Session, source_id: int) -> Source:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(f"There is no source number {source_id}.")
    return source


def list_sources(session: Session, after: int = 0, limit: int = 100) -> list[Source]:
    return list(session.scalars(select(Source).where(Source.id > after).order_by(Source.id).limit(limit)))


def source_json(source: Source, detail: bool = False) -> dict[str, Any]:
    data = {
        "id": source.id,
        "title": source.title,
        "title_is_descriptive": source.title_is_descriptive,
        "publisher": source.publisher,
        "url": source.url,
        "published_on": source.published_on,
        "retrieved_on": source.retrieved_on,
        "has_text": bool(source.text),
    }
    if detail:
        data["text"] = source.text
        data["citations"] = [{"source_id": c.source_id, "quote": c.quote, "field": c.field} for c in source.citations]
    return data


@dataclass
class Segment:
    text: str
    marked: bool


@dataclass
class QuotedOn:
    """One passage of a source as the board quotes it for one thing (a stance, a condition, a factor
    or a proposal's facts), once, with every fact of that thing it is the word for."""

    quote: str
    citation: Any  # the first citation of it (what it is quoted for)
    fields: list[str]


def quoted_on_board(source: Source) -> list[QuotedOn]:
    """SOURCE's citations, each passage once per thing it is quoted for."""
    out: dict[tuple, QuotedOn] = {}
    for c in source.citations:
        key = (c.quote, c.stance_id, c.condition_id, c.factor_id, c.proposal_id)
        found = out.get(key)
        if found is None:
            found = out[key] = QuotedOn(c.quote, c, [])
        if c.field and c.field not in found.fields:
            found.fields.append(c.field)
    return list(out.values())


def highlight_quotes(text: str, quotes: list[str]) -> list[Segment]:
    """Split TEXT into plain and quoted segments (overlapping quotes merge), for safe rendering."""
    spans: list[tuple[int, int]] = []
    for quote in quotes:
        start = text.find(quote)
        while quote and start != -1:
            spans.append((start, start + len(quote)))
            start = text.find(quote, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    segments: list[Segment] = []
    pos = 0
    for start, end in merged:
        if start > pos:
            segments.append(Segment(text[pos:start], False))
        segments.append(Segment(text[start:end], True))
        pos = end
    if pos < len(text):
        segments.append(Segment(text[pos:], False))
    return segments


def source_problems(session: Session) -> list[str]:
    """What no write could have stored, found in the sources and quotes as they are now (an edit made
    outside the tracker, or a backup altered): a text that does not match its digest, and a quote
    that is no longer a passage of its source's text. Each in words, naming the row."""
    problems = []
    texts: dict[int, str] = {}
    for row in session.execute(select(Source.id, Source.text, Source.text_sha256).order_by(Source.id)):
        if (text_sha256(row.text) if row.text is not None else None) != row.text_sha256:
            problems.append(f"source {row.id}: its text does not match its recorded digest (text_sha256)")
        if row.text is not None:
            texts[row.id] = row.text
    for row in session.execute(select(Citation.id, Citation.source_id, Citation.quote).order_by(Citation.id)):
        if row.source_id in texts and row.quote not in texts[row.source_id]:
            problems.append(f"quote {row.id} (source {row.source_id}): no longer a passage of its source's text")
    return problems
