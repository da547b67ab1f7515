"""Sources (articles, statements) that facts cite: adding them, listing them, and showing their quotes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from app.models import Citation, Proposal, Source
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
        # What today's boards quote from it (the same as its page), each passage once per fact.
        session = object_session(source)
        data["citations"] = [{"source_id": source.id, "quote": q.quote, "field": f}
                             for q in quoted_on_board(session, source.id) for f in (q.fields or [None])]
    return data


@dataclass
class Segment:
    text: str
    marked: bool


@dataclass
class QuotedOn:
    """One passage of a source as today's board quotes it for one thing (a country's stance, one of its
    conditions, a factor or a proposal's facts), once, with every fact of that thing it is the word for."""

    quote: str
    what: str  # "the stance of Chile", "a condition of Chile (mandate)", "the factor …", "Force name"
    href: str
    fields: list[str]


def quoted_on_board(session: Session, source_id: int) -> list[QuotedOn]:
    """The passages of source SOURCE_ID that today's boards quote (every proposal's, read as every
    page reads them), each once per thing it is quoted for."""
    from app.services.board import read_board  # the read model reads sources too
    from app.vocabulary import CATEGORY_LABELS

    out: dict[tuple[str, str], QuotedOn] = {}

    def add(quotes, what: str, href: str, with_fields: bool = True) -> None:
        for q in quotes:
            if q.source_id != source_id:
                continue
            found = out.setdefault((q.quote, href), QuotedOn(q.quote, what, href, []))
            for fact in (q.supports if with_fields else []):
                if fact not in found.fields:
                    found.fields.append(fact)

    for slug in session.scalars(select(Proposal.slug).order_by(Proposal.id)):
        day = read_board(session, slug)
        base = f"/proposals/{slug}"
        add(day.proposal.citations, day.proposal.name, f"{base}#facts")
        for f in day.factors:
            add(f.citations, f"the factor {f.name}", f"{base}#factor-{f.slug}", with_fields=False)
        for stance in day.everyone:
            page = f"{base}/countries/{stance.country_code}"
            add(stance.citations, f"the stance of {stance.country.name}", page)
            for c in stance.conditions:
                add(c.citations, f"a condition of {stance.country.name} ({CATEGORY_LABELS[c.category].lower()})",
                    f"{page}#condition-{c.id}", with_fields=False)
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
