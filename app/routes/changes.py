"""Change history pages and feeds: recent changes, what changed between two dates, Atom feeds."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from app.config import get_settings
from app.db import utcnow
from app.deps import CountryPath, ProposalDep, SessionDep, SlugPath
from app.services import board, history
from app.vocabulary import day_words
from app.services.changes import read_head
from app.text_rule import strip_forbidden
from app.routes.pages import query
from app.web.browser import load_viewer, parse_day, render

router = APIRouter(tags=["changes"], default_response_class=HTMLResponse, include_in_schema=False,
                   dependencies=[Depends(load_viewer)])

PAGE_SIZE = 50
FEED_SIZE = 50

# The namespace of the feed-level element that publishes the change log's head:
# <isf:head change="ID">HASH</isf:head>, ID being 0 before the first change (docs/operations.md).
CHAIN_NAMESPACE = "urn:isf-tracker:chain"


class _ChainHeadElement:
    """A feedgen feed extension that adds the head of the change log to a feed's metadata."""

    head = None

    def extend_ns(self) -> dict[str, str]:
        return {"isf": CHAIN_NAMESPACE}

    def extend_atom(self, feed):
        from lxml import etree

        element = etree.SubElement(feed, f"{{{CHAIN_NAMESPACE}}}head", change=str(self.head.change_id))
        element.text = self.head.hash
        return feed

    def extend_rss(self, feed):
        return feed


@router.get("/changes")
def recent_changes(request: Request, session: SessionDep,
                   before: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None):
    """Every recorded change across proposals, newest first, fifty to a page."""
    entries = history.change_entries(session, before_id=before, limit=PAGE_SIZE + 1)
    older = entries[PAGE_SIZE].change.id + 1 if len(entries) > PAGE_SIZE else None
    return render(request, "changes.html", {"entries": entries[:PAGE_SIZE], "older": older, "before": before})


PERIOD_LIMIT = 500  # the changes of a period listed on the compare page, newest day first


@router.get("/proposals/{slug}/changes")
def compare_dates(request: Request, session: SessionDep, slug: SlugPath,
                  start: Annotated[str | None, Query(alias="from", max_length=20)] = None,
                  end: Annotated[str | None, Query(alias="to", max_length=20)] = None,
                  known_at: Annotated[str | None, Query(max_length=20)] = None):
    """Country by country, what changed between the board of one day and the board of another."""
    proposal = board.get_proposal(session, slug)
    errors: list[str] = []
    today = utcnow().date()
    end_day = parse_day(end, "to", errors) or today
    # Left out, "from" is the week before "to" (a week ago when "to" is left out too).
    start_day = parse_day(start, "from", errors) or end_day - dt.timedelta(days=7)
    known_day = parse_day(known_at, "known_at", errors)
    if start_day > end_day:
        errors.append("“from” must not be after “to”.")
    comparison = history.compare(session, slug, start_day, end_day, known_day) if not errors else None
    differences = comparison.countries if comparison else []
    facts = comparison.facts if comparison else []
    # What was recorded for the period as known at known_at: the same two cuts as the boards compared.
    recorded = [] if errors else history.change_entries(session, proposal=proposal, day=end_day, known_at=known_day,
                                                        after_day=start_day, limit=PERIOD_LIMIT + 1)
    context = {"proposal": proposal, "start": start_day, "end": end_day, "known_at": known_day,
               "at_start": query(as_of=start_day, known_at=known_day), "at_end": query(as_of=end_day, known_at=known_day),
               "differences": differences, "facts": facts, "recorded": recorded[:PERIOD_LIMIT],
               "more_recorded": len(recorded) > PERIOD_LIMIT, "period_limit": PERIOD_LIMIT, "errors": errors}
    return render(request, "compare.html", context, status_code=400 if errors else 200)


def _feed(request: Request, session: Session, title: str, page_path: str,
          entries: list[history.ChangeEntry]) -> Response:
    """The Atom feed of ENTRIES, with the change log's head in its metadata (`isf:head`), for readers
    to keep and check later with `isf-tracker verify --head`. Ids and links start with
    ISF_PUBLIC_URL, never the request's Host; every text passes through `strip_forbidden`, as XML
    cannot carry some characters that rows stored before the text rule may hold."""
    base = get_settings().public_url
    from feedgen.feed import FeedGenerator  # with lxml: loaded by the first feed asked for, not by every worker

    feed = FeedGenerator()
    feed.id(f"{base}{request.url.path}")
    feed.title(strip_forbidden(title))
    feed.subtitle("Changes recorded on the ISF Tracker, newest first.")
    feed.link(href=f"{base}{request.url.path}", rel="self")
    feed.link(href=f"{base}{page_path}", rel="alternate")
    feed.language("en")
    feed.updated(entries[0].change.changed_at if entries else utcnow())
    feed.register_extension("chain", _ChainHeadElement, atom=True, rss=False)
    feed.chain.head = read_head(session)
    for entry in entries:
        change = entry.change
        recorded = change.changed_at.astimezone(dt.timezone.utc).date()
        # A change for an earlier day than it was recorded (entered late, or dated by its source) links
        # to the page of that day, where it counts.
        late = change.effective_on is not None and change.effective_on < recorded
        dated = f"?as_of={change.effective_on.isoformat()}" if late else ""
        if change.entity == "stance":
            link = f"{base}/proposals/{entry.proposal_slug}/countries/{change.country_code}{dated}#change-{change.id}"
        elif change.entity == "proposal":
            link = f"{base}/proposals/{entry.proposal_slug}{dated}#facts"
        else:
            link = f"{base}/proposals/{entry.proposal_slug}{dated}#factor-{entry.factor_slug}"
        item = feed.add_entry(order="append")
        item.id(f"{base}/changes#change-{change.id}")
        item.title(strip_forbidden(entry.title))
        item.link(href=link)
        item.updated(change.changed_at)
        item.author({"name": strip_forbidden(change.actor)})
        lines = [*entry.lines]
        if late:
            lines.insert(0, f"For {day_words(change.effective_on)}, recorded {day_words(recorded)}.")
        if change.reason:
            lines.append(f"Reason: {change.reason}")
        lines.append(f"{entry.proposal_name}; recorded via {change.via}; change {change.id}, hash {change.hash[:16]}…")
        item.content(strip_forbidden("\n".join(lines)), type="text")
    return Response(feed.atom_str(pretty=True), media_type="application/atom+xml; charset=utf-8")


@router.get("/changes.atom")
def all_changes_feed(request: Request, session: SessionDep) -> Response:
    """Atom feed of the latest changes across proposals."""
    return _feed(request, session, "ISF Tracker: all changes", "/changes", history.change_entries(session, limit=FEED_SIZE))


@router.get("/proposals/{slug}/changes.atom")
def proposal_feed(request: Request, session: SessionDep, proposal: ProposalDep) -> Response:
    """Atom feed of the latest changes to one proposal."""
    entries = history.change_entries(session, proposal=proposal, limit=FEED_SIZE)
    return _feed(request, session, f"ISF Tracker: {proposal.name}", f"/proposals/{proposal.slug}", entries)


@router.get("/proposals/{slug}/countries/{iso3}/changes.atom")
def country_feed(request: Request, session: SessionDep, proposal: ProposalDep, iso3: CountryPath) -> Response:
    """Atom feed of one country's changes on one proposal, with the changes of state of the factors
    its conditions hang on (as its page's timeline has them)."""
    stance = board.get_stance(session, proposal, iso3)
    entries = history.country_entries(session, proposal, stance.id, stance.country_code, FEED_SIZE)
    return _feed(request, session, f"ISF Tracker: {stance.country.name} on the {proposal.short_name or proposal.name}",
                 f"/proposals/{proposal.slug}/countries/{stance.country_code}", entries)
