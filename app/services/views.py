"""The one read shape of the board: a proposal's facts, its factors and each country's position as
they stood on a day, as plain typed objects (no ORM instances). `app/services/board.py` makes them
from the change log; pages, feeds, exports and the API only render them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import msgspec


@dataclass(slots=True)
class CountryView:
    code: str
    name: str
    alpha2: str


@dataclass(slots=True)
class SourceLabel:
    id: int
    title: str
    title_is_descriptive: bool
    publisher: str | None
    published_on: dt.date | None
    url: str | None = None


class CitationView(msgspec.Struct, repr_omit_defaults=True):
    """A quote and the source it is from. A msgspec Struct: a board decodes hundreds of these
    straight from the changes' JSON. `source` is filled in once the sources are read."""

    source_id: int
    quote: str
    field: str | None = None
    # Never read from a snapshot, whatever keys it holds: named there by a name no snapshot uses.
    source: Any = msgspec.field(default=None, name="-source")
    # Every fact of the position this passage is the word for (a stance's quotes are shown once each).
    facts: list = msgspec.field(default_factory=list, name="-facts")

    @property
    def supports(self) -> list[str]:
        return self.facts or ([self.field] if self.field else [])


@dataclass(slots=True)
class FactorView:
    slug: str
    name: str
    state: str
    note: str | None
    citations: list[CitationView] = field(default_factory=list)


@dataclass(slots=True)
class ConditionView:
    id: int
    text: str
    category: str
    state: str
    factor: FactorView | None  # as it stood on the board's day (None before it was recorded)
    citations: list[CitationView] = field(default_factory=list)
    factor_slug: str | None = None  # the factor the statement hangs it on, as recorded


@dataclass(slots=True)
class StanceView:
    """A country's position on a day: the statement the as-of rule picks, as that change recorded it."""

    id: int
    country_code: str
    country: CountryView
    status: str
    offered_min: int | None
    offered_max: int | None
    committed: int | None
    deployed: int | None
    roles: list[str]
    summary: str | None
    stated_on: dt.date | None
    updated_at: dt.datetime  # when this statement was recorded
    version: int  # the version this statement made
    conditions: list[ConditionView]
    citations: list[CitationView]
    change_id: int = 0  # the change that recorded it
    day: dt.date | None = None  # the day it speaks for (the as-of rule's)
    dispute: str | None = None  # what a report that disagrees says (the board marks the row disputed)
    latest_version: int = 0  # the stance's latest recorded version (what If-Match names)

    def quotes_for(self, fact: str) -> list[CitationView]:
        """The quotes of this position that are the word for FACT."""
        return [c for c in self.citations if fact in (c.supports or ["status"])]

    def own_quotes(self) -> list[CitationView]:
        """The quotes for the position itself: all but those only for a report that disagrees."""
        return [c for c in self.citations if c.supports != ["dispute"]]


@dataclass(slots=True)
class ProposalView:
    """A proposal as its board shows it: its facts and quotes as they stood on the day (the change to
    them the as-of rule picks), and its factors then. Before any facts were recorded, `facts_known` is
    false and every fact is None."""

    id: int
    slug: str
    name: str
    short_name: str | None
    theatre: str
    sponsor: str | None
    sponsor_country: str | None
    sponsor_country_ref: CountryView | None
    target_troops: int | None
    target_troops_approximate: bool
    target_police: int | None
    mandate_summary: str | None
    resolution_state: str | None
    resolution_on: dt.date | None
    resolution_text: str | None
    context_notes: str | None
    factors: list[FactorView]
    citations: list[CitationView]
    facts_known: bool = True
    version: int = 0  # the version of the facts shown (0: none recorded by then)
    stated_on: dt.date | None = None  # the day they were stated, when given
    day: dt.date | None = None  # the day they speak for (the as-of rule's)
    change_id: int = 0  # the change that recorded them
