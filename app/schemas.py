"""Pydantic models of the API and of the write path's input, shared by forms, API, import and seed."""

from __future__ import annotations

import re

import datetime as dt
from typing import Annotated, Literal, Optional

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationError,
                      model_validator)
from pydantic_core import InitErrorDetails, PydanticCustomError

from app.figure_rule import figure_problem, figure_problems
from app.limits import ARTICLE_LIMIT, ARTICLE_MAX_BYTES, article_too_large
from app.text_rule import check_text, has_words
from app.vocabulary import CONDITION_CATEGORIES, PROPOSAL_FACTS, RESOLUTION_STATES, ROLES, STATES, STATUSES

# Every text field keeps the one text rule (app/text_rule.py), checked before any stripping.
TEXT_RULE = BeforeValidator(check_text)
MAX_ID = 2**31 - 1  # ids are 32-bit integers in every database we support
# The days the app computes with (a day after the last must exist, for "the end of the day").
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2999, 12, 31)


def form_number(text: str) -> int | None:
    """An id or version as a form sends it (ASCII digits, at most MAX_ID); None for anything else, so
    that no value a database cannot hold reaches a query."""
    return int(text) if text.isascii() and text.isdecimal() and len(text) <= 10 and int(text) <= MAX_ID else None


def within_article_limit(value: str) -> str:
    """A source's full text is an article: it keeps the one size limit (app/limits.py)."""
    if len(value) > ARTICLE_MAX_BYTES // 4 and len(value.encode("utf-8", "surrogatepass")) > ARTICLE_MAX_BYTES:
        raise ValueError(article_too_large())
    return value


def check_day(day: dt.date) -> dt.date:
    """DAY, when it lies between FIRST_DAY and LAST_DAY; else a ValueError saying so."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"give a date between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()}")
    return day


def _clamp_moment(moment: dt.datetime) -> dt.datetime:
    """A bound of a search ("since ..."): one before FIRST_DAY means from the start, one after LAST_DAY
    means nothing yet, so it is moved to that edge (in UTC) rather than refused; no date sum then
    leaves what Python and the databases can hold."""
    if moment.date() < FIRST_DAY:
        return dt.datetime.combine(FIRST_DAY, dt.time(), dt.timezone.utc)
    if moment.date() > LAST_DAY:
        return dt.datetime.combine(LAST_DAY, dt.time(23, 59, 59), dt.timezone.utc)
    return moment


# The allowed values, from app/vocabulary.py (Literal takes a tuple as its values).
Status = Literal[STATUSES]
Category = Literal[CONDITION_CATEGORIES]
State = Literal[STATES]
Role = Literal[ROLES]
ResolutionState = Literal[RESOLUTION_STATES]
ProposalFact = Literal[PROPOSAL_FACTS]


def _figure(value: int) -> int:
    """One troop figure, by the figure rule (app/figure_rule.py)."""
    problem = figure_problem(value)
    if problem:
        raise PydanticCustomError("figure_rule", problem)
    return value


def _refuse_figures(model: str, troops: dict[str, int | None], problems: dict[str, str], *loc: str | int) -> None:
    """Raise the figure rule's PROBLEMS as validation errors, each at its figure's path under LOC and
    with the figure refused as its input."""
    if problems:
        raise ValidationError.from_exception_data(model, [
            InitErrorDetails(type=PydanticCustomError("figure_rule", message), loc=(*loc, field),
                             input=troops.get(field))
            for field, message in problems.items()
        ])


MAX_TROOPS = 1_000_000
TroopCount = Annotated[int, Field(strict=True, le=MAX_TROOPS, json_schema_extra={"minimum": 0}),
                       AfterValidator(_figure)]


def _has_words(value: str) -> str:
    """A quote or an article's text: words (letters or digits), not only spaces and punctuation."""
    if not has_words(value):
        raise ValueError("give the source's words: this has no letter or digit, only spaces or punctuation")
    return value


Quote = Annotated[str, StringConstraints(min_length=3, max_length=2000), TEXT_RULE, AfterValidator(_has_words)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]


_NUMERIC = re.compile(r"\s*[+-]?\d+(?:\.\d*)?\s*")


_PLAIN_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _plain_date(value: object) -> object:
    """A day written YYYY-MM-DD and nothing else: never a number of seconds, nor a date with a time
    (whose day would depend on a time zone the writer did not mean to give)."""
    if isinstance(value, (int, float)) or (isinstance(value, str) and not _PLAIN_DAY.fullmatch(value)):
        raise ValueError("give a date as YYYY-MM-DD")
    return value


# "…T10:00:00 01:00": an offset whose "+" a query string turned into a space.
_PLUS_AS_SPACE = re.compile(r"\d[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)? \d{2}(?::?\d{2})?")


def _datetime_not_number(value: object) -> object:
    if isinstance(value, (int, float)) or (isinstance(value, str) and _NUMERIC.fullmatch(value)):
        raise ValueError("give a date and time in ISO 8601, e.g. 2026-11-20T00:00:00Z")
    if isinstance(value, str) and _PLUS_AS_SPACE.search(value.strip()):
        raise ValueError("the offset's '+' arrived as a space, as '+' reads in a query string: write it as %2B "
                         "(…T00:00:00%2B01:00), or give the time in UTC ending in Z")
    return value


# A date as YYYY-MM-DD (or a date object); never a number of seconds.
# The OpenAPI document says which days are taken (FIRST_DAY to LAST_DAY), as a pattern on the year.
DAY_PATTERN = r"^(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}$"
IsoDate = Annotated[dt.date, BeforeValidator(_plain_date), AfterValidator(check_day),
                    Field(json_schema_extra={"pattern": DAY_PATTERN})]
IsoDateTime = Annotated[dt.datetime, BeforeValidator(_datetime_not_number), AfterValidator(_clamp_moment)]


def _no_repeated_roles(roles: list[str] | None) -> list[str] | None:
    if roles is not None and len(set(roles)) != len(roles):
        raise ValueError("roles must not repeat")
    return roles


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---- write-path input ------------------------------------------------------------------------


class CitationIn(StrictModel):
    """A quote from an existing source; `field` says which fact it supports."""

    source_id: Annotated[int, Field(strict=True, ge=1, le=MAX_ID)]
    quote: Quote
    field: Optional[Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,40}$")]] = None


class Troops(StrictModel):
    """Troop figures, whole numbers and not negative. With the status they keep the figure rule: the
    most offered not below the least; no committed or deployed troops for a country considering,
    declined or withdrawn, and no deployed ones for a conditional one (a 422 names the figure)."""

    offered_min: Optional[TroopCount] = None
    offered_max: Optional[TroopCount] = None
    committed: Optional[TroopCount] = None
    deployed: Optional[TroopCount] = None


class ConditionData(StrictModel):
    """A condition as written: `id` keeps an existing one, no `id` adds a new one."""

    id: Optional[Annotated[int, Field(strict=True, ge=1, le=MAX_ID)]] = None
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500), TEXT_RULE]
    category: Category
    state: State = "unknown"
    factor: Optional[Slug] = None
    citations: list[CitationIn] = Field(default_factory=list, max_length=10)


DisputeText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500), TEXT_RULE]


class StanceData(StrictModel):
    """Everything the one write path accepts for a stance. Whether its figures keep the figure rule
    (the offered range, and what its status allows) is the write path's to say (`set_stance`), so
    a stored stance, or one with an import's suggestion merged in, can always be held in one."""

    status: Status
    troops: Troops = Field(default_factory=Troops)
    roles: Annotated[list[Role], AfterValidator(_no_repeated_roles)] = Field(default_factory=list, max_length=7)
    summary: Optional[Annotated[str, StringConstraints(strip_whitespace=True, max_length=500), TEXT_RULE]] = None
    stated_on: Optional[IsoDate] = None
    dispute: Optional[DisputeText] = None
    conditions: list[ConditionData] = Field(default_factory=list, max_length=30)
    citations: list[CitationIn] = Field(default_factory=list, max_length=20)


Sponsor = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200), TEXT_RULE]
FactText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000), TEXT_RULE]


class ProposalFacts(StrictModel):
    """Everything the one write path accepts for the facts of a proposal (the force itself): the whole
    set as it stands after the write, the day it was stated, and the quotes behind it (`field`: the
    fact a quote is the word for; none: whatever this write changes)."""

    target_troops: Optional[TroopCount] = None
    target_troops_approximate: bool = False
    target_police: Optional[TroopCount] = None
    sponsor: Optional[Sponsor] = None
    sponsor_country: Optional[CountryCode] = None
    resolution_state: Optional[ResolutionState] = None
    resolution_on: Optional[IsoDate] = None
    resolution_text: Optional[FactText] = None
    mandate_summary: Optional[FactText] = None
    context_notes: Optional[FactText] = None
    stated_on: Optional[IsoDate] = None
    citations: list[CitationIn] = Field(default_factory=list, max_length=20)


HttpUrl = Annotated[str, StringConstraints(pattern=r"^https?://[^\s/$.?#\x00-\x1f\x7f][^\s\x00-\x1f\x7f]*$", max_length=2000), TEXT_RULE]


def not_after_today(day: dt.date | None) -> dt.date | None:
    """DAY, unless it lies after today (UTC, as for a statement's `stated_on`): nothing was published
    or read on a day still to come, and a source's date dates the statements that cite it. (Not
    `app.db.utcnow`: the schemas stay free of the database module, whose import order decides
    whether a command's SQLite connections are closed, and its log checkpointed, at exit.)"""
    if day is not None and day > dt.datetime.now(dt.timezone.utc).date():
        raise ValueError("must not be after today (UTC): give the day it was published (or read), or leave it out")
    return day


class SourceIn(StrictModel):
    """A new source. Leave out what is unknown rather than guessing it."""

    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300), TEXT_RULE]
    publisher: Optional[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), TEXT_RULE]] = None
    url: Optional[HttpUrl] = None
    published_on: Annotated[Optional[IsoDate], AfterValidator(not_after_today)] = None
    retrieved_on: Annotated[Optional[IsoDate], AfterValidator(not_after_today)] = None
    text: Optional[Annotated[str, StringConstraints(min_length=1, max_length=ARTICLE_MAX_BYTES),
                             AfterValidator(within_article_limit), TEXT_RULE, AfterValidator(_has_words)]] = None
    note: Optional[Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000), TEXT_RULE]] = None

    @model_validator(mode="after")
    def _retrieved_after_published(self) -> SourceIn:
        if self.published_on and self.retrieved_on and self.retrieved_on < self.published_on:
            raise ValidationError.from_exception_data("SourceIn", [InitErrorDetails(
                type=PydanticCustomError("date_order", "a source is retrieved on or after the day it was published "
                                                       "({published_on})",
                                         {"published_on": self.published_on.isoformat()}),
                loc=("retrieved_on",), input=self.retrieved_on.isoformat())])
        return self


class ConditionIn(StrictModel):
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500), TEXT_RULE]
    category: Category
    state: State = "unknown"
    factor: Optional[Slug] = Field(default=None, description="Slug of a factor of this proposal the condition depends on.")


class CitationRef(StrictModel):
    """The source for this change, an existing one (`source_id`) or a new one (`source`), and the
    exact quote."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"oneOf": [{"required": ["source_id"]}, {"required": ["source"]}]},
    )

    # Not Optional: `null` is refused; leave the key out instead.
    source_id: Annotated[int, Field(strict=True, ge=1, le=MAX_ID)] = None  # type: ignore[assignment]
    source: SourceIn = None  # type: ignore[assignment]
    quote: Quote

    @model_validator(mode="after")
    def _one_source(self) -> CitationRef:
        if (self.source_id is None) == (self.source is None):
            raise ValueError("give either source_id or source, not both")
        return self


class StanceIn(StrictModel):
    """The writable part of a stance, with the citation and the reason for the change."""

    status: Status
    troops: Troops = Field(default_factory=Troops)
    roles: Annotated[list[Role], AfterValidator(_no_repeated_roles)] = Field(
        default_factory=list, max_length=7, json_schema_extra={"uniqueItems": True})
    summary: Optional[Annotated[str, StringConstraints(strip_whitespace=True, max_length=500), TEXT_RULE]] = None
    stated_on: Optional[IsoDate] = None
    dispute: Optional[DisputeText] = Field(default=None, description=(
        "What a report that disagrees with this position says, in your words (its quotes are citations "
        "for the fact `dispute`); set, the board marks the row as disputed."))
    conditions: list[ConditionIn] = Field(default_factory=list, max_length=30)
    citation: CitationRef = Field(description="The source that says so: `{source_id, quote}` or `{source: {...}, quote}`.")
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000), TEXT_RULE]

    @model_validator(mode="after")
    def _figures_fit_the_status(self) -> StanceIn:
        troops = self.troops.model_dump()
        _refuse_figures("StanceIn", troops, figure_problems(self.status, troops), "troops")
        return self


class ProposalCitationRef(CitationRef):
    """The source for a change to a proposal's facts, and the exact quote; `field` names the one fact
    the quote is the word for (left out: every fact this write changes)."""

    field: Optional[ProposalFact] = None


class ResolutionIn(StrictModel):
    state: Optional[ResolutionState] = Field(default=None, description="Where the UN resolution stands; null: none.")
    date: Optional[IsoDate] = Field(default=None, description="The day it got there; required when adopted, never "
                                    "after today or after `stated_on`.")
    text: Optional[FactText] = None


class ProposalIn(StrictModel):
    """The facts of the force itself, as they stand after this write (a field left out is emptied), with
    the day they were stated, the citation and the reason for the change."""

    target_troops: Optional[TroopCount] = None
    target_troops_approximate: bool = Field(default=False, strict=True)
    target_police: Optional[TroopCount] = None
    sponsor: Optional[Sponsor] = None
    sponsor_country: Optional[CountryCode] = Field(default=None, description="ISO 3166-1 alpha-3 code of the "
                                                   "sponsoring country.")
    resolution: ResolutionIn = Field(default_factory=ResolutionIn)
    mandate_summary: Optional[FactText] = None
    context_notes: Optional[FactText] = None
    stated_on: Optional[IsoDate] = Field(default=None, description="The day these facts were stated; not after "
                                         "today. Left out: its source's publication date, else today.")
    citation: ProposalCitationRef = Field(description="The source that says so: `{source_id, quote}` or "
                                          "`{source: {...}, quote}`, optionally with the `field` it supports.")
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000), TEXT_RULE]


class ImportIn(SourceIn):
    """An article to read: its metadata (leave out what is unknown) and its full text."""

    # An article is not typed by an editor: the import itself (imports.article_from_text) removes what
    # the text rule forbids and judges its size and emptiness, as for the form and the command line.
    text: Annotated[str, Field(description=(
        f"The article: plain text, or an HTML page (text holding markup such as <html>, <body>, <article>, "
        f"<p> or <div> is taken as a page and reduced to its article, as the import form does). At most "
        f"{ARTICLE_LIMIT} ({ARTICLE_MAX_BYTES:,} bytes of UTF-8), measured as sent (413 over that); empty text is a 422."))]
    proposal: Optional[Slug] = Field(default=None, description="Proposal slug; the default proposal when left out.")


class SuggestedTroops(StrictModel):
    offered_min: Optional[TroopCount] = None
    offered_max: Optional[TroopCount] = None
    committed: Optional[TroopCount] = None
    deployed: Optional[TroopCount] = None


class SuggestedCondition(StrictModel):
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500), TEXT_RULE]
    category: Category
    evidence: list[Quote] = Field(default_factory=list, max_length=10)
    id: Optional[Annotated[int, Field(strict=True, ge=1, le=MAX_ID)]] = Field(
        default=None, description="Id of a condition the stance has: edit it instead of adding one.")
    state: Optional[State] = Field(default=None, description="unmet for a new condition when left out; kept for an edited one.")
    factor: Optional[Slug] = Field(default=None, description="Slug of a factor of this proposal; when left out, a new "
                                   "condition takes the factor its category's conditions already share, if exactly one.")


class SuggestionIn(StrictModel):
    """A suggestion from an import, as returned or edited; its evidence must be passages of the article."""

    country: CountryCode
    country_name: Optional[Annotated[str, TEXT_RULE]] = Field(default=None, max_length=120)
    status: Optional[Status] = None
    troops: SuggestedTroops = Field(default_factory=SuggestedTroops)
    conditions: list[SuggestedCondition] = Field(default_factory=list, max_length=20)
    evidence: list[Quote] = Field(default_factory=list, max_length=10)
    roles: Optional[list[Role]] = Field(default=None, max_length=7, description="Replace the stance's roles; kept when left out.")
    summary: Optional[Annotated[str, StringConstraints(strip_whitespace=True, max_length=500), TEXT_RULE]] = Field(
        default=None, description="Replace the stance's summary (\"\" clears it); kept when left out.")
    stated_on: Optional[IsoDate] = Field(default=None, description=(
        "When the country said it; left out, the article's publication date when it has one, else kept."))
    remove_conditions: list[Annotated[int, Field(strict=True, ge=1, le=MAX_ID)]] = Field(
        default_factory=list, max_length=30, description="Ids of conditions of the stance to drop.")
    clear_troops: list[Literal["offered_min", "offered_max", "committed", "deployed"]] = Field(
        default_factory=list, max_length=4, description="Troop figures to empty (a figure left out or null is kept).")
    base_version: Optional[int] = Field(default=None, ge=0, le=2**31 - 1, description="Ignored: the import remembers it.")


class ApplyIn(StrictModel):
    suggestions: list[SuggestionIn] = Field(min_length=1, max_length=200, description="One per country.")
    rebase: bool = Field(default=False, description="Apply on top of stances changed since the import was read.")

    @model_validator(mode="after")
    def _one_per_country(self) -> ApplyIn:
        """Each country once: two suggestions for one country would be applied one over the other."""
        seen: dict[str, int] = {}
        for i, s in enumerate(self.suggestions):
            if s.country in seen:
                raise ValidationError.from_exception_data("ApplyIn", [InitErrorDetails(
                    type=PydanticCustomError("repeated_country", "{country} is given twice (as suggestion {first} "
                                                                 "too): give each country once",
                                             {"country": s.country, "first": seen[s.country]}),
                    loc=("suggestions", i, "country"), input=s.country)])
            seen[s.country] = i
        return self


# ---- API output ------------------------------------------------------------------------------


class CitationOut(BaseModel):
    source_id: int
    quote: str
    field: Optional[str] = Field(default=None, description="The fact the quote supports (the first, when several).")
    fields: list[str] = Field(default_factory=list, description=(
        "Every fact of the current value this quote is the word for: a stance's status, troops, roles, summary, "
        "stated_on or dispute (a report that disagrees), or one troop figure (offered_min, offered_max, committed, "
        "deployed) when a later change moved the others; a proposal's target_troops, target_police, sponsor, resolution, mandate_summary or "
        "context_notes. A quote belongs to the value it was recorded for; when that value changes the quote "
        "leaves the current stance or proposal and stays in its history."))


class TroopsOut(BaseModel):
    offered_min: Optional[int]
    offered_max: Optional[int]
    committed: Optional[int]
    deployed: Optional[int]


class ConditionOut(BaseModel):
    id: int
    text: str
    category: Category
    state: State
    factor: Optional[str]
    citations: list[CitationOut]


class StanceOut(BaseModel):
    country: str
    country_name: str
    flag: str
    status: Status
    troops: TroopsOut
    roles: list[str]
    summary: Optional[str]
    stated_on: Optional[dt.date]
    dispute: Optional[str] = Field(description="What a report that disagrees with this position says; null "
                                   "when no report does. Its quotes are the citations for `dispute`.")
    updated_at: dt.datetime
    version: int = Field(description="The version of the statement shown: the country's position on the day asked.")
    latest_version: int = Field(description="The stance's latest recorded version: the one its `ETag` names, for "
                                "`If-Match`. Above `version` for a past day, or when a statement recorded later "
                                "speaks for an earlier day.")
    conditions: list[ConditionOut]
    citations: list[CitationOut]


class StanceOneOut(StanceOut):
    """One stance as `GET` gives it: the position for the day asked, and the version its `ETag` names."""

    notice: Optional[str] = Field(description="Said when `latest_version` is not `version`: which statement the "
                                  "answer shows, and that a PATCH changes the position on today's board.")


class StanceWriteOut(StanceOut):
    """A stance write's answer: the statement as recorded, and whether the board shows it."""

    current_position: bool = Field(description="Whether this statement is now the country's position on the "
                                   "board (false when a statement for a later day exists).")
    notice: Optional[str] = Field(description="Said when `current_position` is false: which statement the board "
                                  "shows instead, and why; and when a condition that hangs on a factor was "
                                  "recorded in the factor's state of the day rather than the state sent.")


class ErrorOut(BaseModel):
    """An error the API answers: what went wrong, in words."""

    detail: str


class FieldErrorOut(BaseModel):
    loc: list[str | int] = Field(description="Where: `body`, `query`, `path` or `header`, then the field's path.")
    msg: str
    type: str = Field(description="The kind of error; `json_invalid` when the body is not JSON at all.")
    input: object = Field(default=None, description="The value refused, when it is short and safe to show.")


class ValidationErrorOut(BaseModel):
    """Input refused: one error per field, each naming its path."""

    detail: list[FieldErrorOut]


class FactorOut(BaseModel):
    slug: str
    name: str
    state: State
    note: Optional[str]
    citations: list[CitationOut]


class TotalsOut(BaseModel):
    target_troops: Optional[int]
    target_troops_approximate: bool
    offered_min: int
    offered_max: int
    committed: int
    deployed: int
    countries: int
    by_status: dict[str, int]
    unreported: dict[str, int] = Field(description=(
        "Countries counted as 0 because they gave no figure though their status says they have troops: "
        "`offered` (conditional, committed or deployed, no offered figure), `committed` (committed or "
        "deployed) and `deployed`. Where one is above 0, that total is a floor."))


class ResolutionOut(BaseModel):
    state: Optional[ResolutionState]
    date: Optional[dt.date]
    text: Optional[str]


class ProposalOut(BaseModel):
    slug: str
    name: str
    short_name: Optional[str]
    theatre: str
    facts_known: bool = Field(description="Whether any facts about the force itself had been recorded by the "
                              "day asked for; when false, its facts are null and it has no quotes.")
    version: int = Field(description="The version of the facts shown (0: none recorded by then).")
    stated_on: Optional[dt.date] = Field(description="The day the facts shown were stated, when it was given.")
    sponsor: Optional[str]
    sponsor_country: Optional[str]
    target_troops: Optional[int]
    target_troops_approximate: bool
    target_police: Optional[int]
    mandate_summary: Optional[str]
    resolution: ResolutionOut
    context_notes: Optional[str]
    totals: TotalsOut
    factors: list[FactorOut]
    citations: list[CitationOut]


class ProposalWriteOut(ProposalOut):
    """A write's answer: the proposal as the board shows it today, and whether that is what was written."""

    current_facts: bool = Field(description="Whether the facts just recorded are the ones the board shows today "
                                "(false when facts stated for a later day exist).")
    notice: Optional[str] = Field(description="Said when `current_facts` is false: which facts the board shows "
                                  "instead, and why.")


class SourceOut(BaseModel):
    id: int
    title: str
    title_is_descriptive: bool
    publisher: Optional[str]
    url: Optional[str]
    published_on: Optional[dt.date]
    retrieved_on: Optional[dt.date]
    has_text: bool


class SourceDetailOut(SourceOut):
    text: Optional[str]
    citations: list[CitationOut]


class ChangeOut(BaseModel):
    id: int
    changed_at: dt.datetime
    entity: Literal["stance", "factor", "proposal"]
    proposal: str
    country: Optional[str]
    factor: Optional[str]
    actor: str
    via: str
    reason: Optional[str]
    source_id: Optional[int]
    before: Optional[dict] = Field(description="What the change followed on its timeline when it was recorded, as "
                                               "recorded (the hash covers it); null for a first statement.")
    after: dict
    effective_on: Optional[dt.date]
    prev_hash: str
    hash: str


class HealthOut(BaseModel):
    status: str
    working: int = Field(description="Requests this worker is working on now.")
    waiting: int = Field(description="Requests waiting for one of this worker's slots.")
    reading: int = Field(description="Requests whose body is still arriving (they hold no slot).")
    articles: int = Field(description="Imports reading their article, each in a slot of its own (`ISF_ARTICLE_READERS`).")
    articles_waiting: int = Field(description="Imports waiting for one of those slots, in a queue of their own.")


class ReadyOut(BaseModel):
    status: str
    database: str
    migrations: str


# ---- what-if projection ------------------------------------------------------------------------


class ProjectedConditionOut(BaseModel):
    id: int
    text: str
    category: Category
    state: State
    factor: Optional[str]
    holds: bool = Field(description="Met now, or assumed met because its factor was named in `factors`.")
    assumed: bool = Field(description="Holds only because its factor is assumed.")


class ProjectedCountryOut(BaseModel):
    country: str
    country_name: str
    status: Status
    available: bool = Field(description="Committed or deployed, or conditional with every condition holding.")
    troops: TroopsOut
    conditions: list[ProjectedConditionOut]
    blocking: list[int] = Field(description="Ids of the conditions that still keep the country out.")


class ProjectedTroopsOut(BaseModel):
    countries: int
    offered_min: int
    offered_max: int
    committed: int
    deployed: int


class TimelinePointOut(BaseModel):
    day: dt.date = Field(description="The end of this day (UTC).")
    target_troops: Optional[int] = Field(description="The force's target that day (null before one was recorded).")
    target_troops_approximate: bool
    offered_min: int = Field(description="The low ends of the offered ranges, added up.")
    offered_max: int = Field(description="The high ends of the offered ranges, added up.")
    committed: int
    deployed: int
    countries: int = Field(description="Countries with a position that day.")
    by_status: dict[Status, int]


class TimelineOut(BaseModel):
    proposal: str
    as_of: dt.date = Field(description="The last day the series covers.")
    known_at: Optional[dt.date]
    target_troops: Optional[int] = Field(description="The target on the last day (each point gives its own day's).")
    target_troops_approximate: bool
    points: list[TimelinePointOut] = Field(description="One per day on which a position or the force's facts "
                                           "changed, oldest first.")


class ProjectionOut(BaseModel):
    proposal: str
    factors: list[str] = Field(description="The factors assumed to hold, in the proposal's order.")
    target_troops: Optional[int]
    target_troops_approximate: bool
    available: ProjectedTroopsOut = Field(description="Troops of the available countries only.")
    countries: list[ProjectedCountryOut] = Field(description="Deployed, committed and conditional countries.")
    not_counted: int = Field(description="Countries considering, declined or withdrawn: no troops to count on.")


class SuggestionOut(BaseModel):
    country: str
    country_name: Optional[str] = None
    status: Optional[Status]
    troops: TroopsOut
    conditions: list[dict]
    evidence: list[str]
    base_version: Optional[int] = None


class LanguageOut(BaseModel):
    code: Optional[str] = Field(description="ISO 639 code of the language the article seems to be in; null when it cannot be told.")
    name: Optional[str] = Field(description="That language's English name.")
    message: Optional[str] = Field(description="Set when the article seems not to be in English: only English is read.")


class NamedOut(BaseModel):
    country: str = Field(description="ISO 3166-1 alpha-3 code.")
    country_name: str
    passages: list[str] = Field(description="Up to three sentences of the article naming the country.")


class ImportOut(BaseModel):
    id: int
    source_id: int
    suggestions: list[SuggestionOut]
    language: LanguageOut
    also_named: list[NamedOut] = Field(description="Countries the article names (not the sponsor or the parties to the "
                                                    "conflict) that got no suggestion: the reader misses many ways of "
                                                    "saying a stance, so read these passages too.")


class DecisionOut(BaseModel):
    """One decision on an import's suggestion: who, when, and what came of it."""

    country: str
    decision: Literal["accepted", "rejected"]
    outcome: Literal["applied", "unchanged", "conflict", "rejected"]
    decided_by: str
    decided_at: dt.datetime
    detail: Optional[str]
    version: Optional[int] = Field(description="The stance version as applied (an accept that was applied or found "
                                   "nothing to change); null otherwise.")


class ImportDetailOut(ImportOut):
    """An import as read, with every decision taken on it since, oldest first."""

    decisions: list[DecisionOut]


class ApplyResultOut(BaseModel):
    country: str
    outcome: Literal["applied", "unchanged", "conflict"]
    version: Optional[int]
    change_id: Optional[int]
    detail: Optional[str] = Field(description="Why a conflict is one; when applied, what to check (a summary kept "
                                  "from an earlier status, a condition not added beside one of its category).")
    stance: Optional[StanceOut]
    current_position: Optional[bool] = Field(default=None, description="When applied: whether the statement is "
                                             "now the country's position on the board.")
    notice: Optional[str] = Field(default=None, description="When applied but not shown: which statement the board "
                                  "shows instead, and why.")
