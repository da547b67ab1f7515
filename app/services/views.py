"""Plain views of stances, conditions, citations and factors: the attributes pages and the API read,
without ORM instances. Built from compact queries (the board) or from change records (history)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import msgspec


@dataclass(slots=True)
class CountryView:
    code: str
    name: str
    alpha2: str
    content_key: Any = dataclasses.field(default=None, init=False, repr=False, compare=False)  # see app/fragments.py


@dataclass(slots=True)
class SourceLabel:
    id: int
    title: str
    title_is_descriptive: bool
    publisher: str | None
    published_on: dt.date | None
    content_key: Any = dataclasses.field(default=None, init=False, repr=False, compare=False)  # see app/fragments.py


class CitationView(msgspec.Struct, repr_omit_defaults=True):
    """A quote and the source it is from. A msgspec Struct rather than a dataclass: a past day's
    board decodes five hundred of these straight from the changes' JSON (app/services/history.py),
    twice as fast into a Struct. Made and read like the dataclasses here; `source` is filled in once
    the sources are read, and `content_key` is app/fragments.py's memo (both start as None)."""

    source_id: int
    quote: str
    field: str | None = None
    # Never read from a snapshot, whatever keys it holds: named there by names no snapshot uses.
    source: Any = msgspec.field(default=None, name="-source")
    content_key: Any = msgspec.field(default=None, name="-content_key")


@dataclass(slots=True)
class FactorView:
    slug: str
    name: str
    state: str
    note: str | None
    citations: list[CitationView] = field(default_factory=list)
    # The factor's row and version: known for the factor as it is now, not for one read from history.
    id: int | None = None
    version: int | None = None
    content_key: Any = dataclasses.field(default=None, init=False, repr=False, compare=False)  # see app/fragments.py


@dataclass(slots=True)
class ConditionView:
    id: int
    text: str
    category: str
    state: str
    factor: FactorView | None
    citations: list[CitationView] = field(default_factory=list)
    content_key: Any = dataclasses.field(default=None, init=False, repr=False, compare=False)  # see app/fragments.py


@dataclass(slots=True)
class StanceView:
    """A stance as the board shows it."""

    id: int
    country_code: str
    country: Any
    status: str
    offered_min: int | None
    offered_max: int | None
    committed: int | None
    deployed: int | None
    roles: list[str]
    summary: str | None
    stated_on: dt.date | None
    updated_at: dt.datetime
    version: int
    conditions: list[ConditionView]
    citations: list[CitationView]
    content_key: Any = dataclasses.field(default=None, init=False, repr=False, compare=False)  # see app/fragments.py


@dataclass(slots=True)
class ProposalView:
    """A proposal as its board shows it: its facts, its factors as they are now, and its quotes."""

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
