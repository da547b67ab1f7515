"""The stance edit form: from submitted fields to write-path input, and from errors back to the
fields they belong to. The form keeps everything the editor typed, valid or not."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from starlette.datastructures import FormData

from app.figure_rule import TROOP_FIELDS, figure_problems
from app.services.imports import evidence_citations, unquoted_figures
from app.schemas import CitationIn, SourceIn, StanceData, check_day, form_number
from app.web.new_source import NEW_SOURCE_FIELDS, parse_new_source, picks_new_source
from app.db import utcnow
from app.text_rule import field_message
from app.vocabulary import STATUSES

BLANK_ROWS = 2
MAX_ROWS = 30
MAX_EVIDENCE_ROWS = 20


@dataclass
class ConditionRow:
    id: str = ""
    text: str = ""
    category: str = "other"
    state: str = "unknown"
    factor: str = ""
    remove: bool = False
    # On the import review only: the passage of the article cited for this condition, and the
    # passages the reader found for it (to choose from).
    quote: str = ""
    passages: list[str] = field(default_factory=list)

    @property
    def blank(self) -> bool:
        """An empty row of the form (one with only a passage typed in is not: it lacks its text)."""
        return not self.id and not self.text.strip() and not self.quote.strip()


@dataclass
class EvidenceRow:
    """On the import review: one passage of the article cited for the stance, as edited, and whether it is cited."""

    quote: str = ""
    keep: bool = True


@dataclass
class StanceForm:
    """What the form shows: the values as typed, and a message per field that needs one."""

    status: str = "considering"
    offered_min: str = ""
    offered_max: str = ""
    committed: str = ""
    deployed: str = ""
    roles: list[str] = field(default_factory=list)
    summary: str = ""
    stated_on: str = ""
    dispute: str = ""
    conditions: list[ConditionRow] = field(default_factory=list)
    source_id: str = ""
    source_title: str = ""
    source_publisher: str = ""
    source_url: str = ""
    source_published_on: str = ""
    quote: str = ""
    reason: str = ""
    version: str = ""
    evidence: list[EvidenceRow] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)

    def error(self, name: str, message: str) -> None:
        self.errors.setdefault(name, message)

    def with_blank_rows(self, n: int = BLANK_ROWS) -> StanceForm:
        """The form with at least N empty condition rows (within MAX_ROWS)."""
        blanks = sum(1 for c in self.conditions if c.blank)
        room = MAX_ROWS - len(self.conditions)
        self.conditions += [ConditionRow() for _ in range(max(0, min(n - blanks, room)))]
        return self

    def with_more_rows(self, n: int = 2) -> StanceForm:
        """The form with N more empty condition rows (the "More condition rows" button; within MAX_ROWS)."""
        return self.with_blank_rows(sum(1 for c in self.conditions if c.blank) + n)


def form_from_stance(data: StanceData | None, version: int = 0) -> StanceForm:
    """The form as it opens: DATA (the position the board shows, `edit_base`) over VERSION (the
    latest recorded, which a save must build on), the citation and reason left for the editor."""
    if data is None:
        return StanceForm(version="0").with_blank_rows()

    def num(v: int | None) -> str:
        return "" if v is None else str(v)

    troops = data.troops
    return StanceForm(
        status=data.status,
        offered_min=num(troops.offered_min),
        offered_max=num(troops.offered_max),
        committed=num(troops.committed),
        deployed=num(troops.deployed),
        roles=list(data.roles),
        summary=data.summary or "",
        stated_on=data.stated_on.isoformat() if data.stated_on else "",
        dispute=data.dispute or "",
        conditions=[ConditionRow(str(c.id) if c.id is not None else "", c.text, c.category, c.state, c.factor or "")
                    for c in data.conditions],
        version=str(version),
    ).with_blank_rows()


def _text(form: FormData, name: str, limit: int = 20_000) -> str:
    value = form.get(name, "")
    return value[:limit] if isinstance(value, str) else ""


def read_form(form: FormData) -> StanceForm:
    """The submitted values, as typed (bounded in length, never interpreted yet)."""
    result = StanceForm(
        status=_text(form, "status", 20),
        **{name: _text(form, name, 20) for name in TROOP_FIELDS},
        roles=[r for r in form.getlist("roles") if isinstance(r, str)][:10],
        summary=_text(form, "summary", 2000),
        stated_on=_text(form, "stated_on", 20),
        dispute=_text(form, "dispute", 2000),
        source_id=_text(form, "source_id", 20),
        source_title=_text(form, "source_title", 1000),
        source_publisher=_text(form, "source_publisher", 1000),
        source_url=_text(form, "source_url", 3000),
        source_published_on=_text(form, "source_published_on", 20),
        quote=_text(form, "quote", 5000),
        reason=_text(form, "reason", 5000),
        version=_text(form, "version", 20),
    )
    try:
        count = min(int(_text(form, "cond_count", 5) or 0), MAX_ROWS)
    except ValueError:
        count = 0
    for i in range(count):
        p = f"cond-{i}-"
        result.conditions.append(
            ConditionRow(
                id=_text(form, p + "id", 20),
                text=_text(form, p + "text", 2000),
                category=_text(form, p + "category", 40) or "other",
                state=_text(form, p + "state", 20) or "unknown",
                factor=_text(form, p + "factor", 80),
                remove=bool(form.get(p + "remove")),
                quote=_text(form, p + "quote", 5000),
            )
        )
    try:
        evidence_count = min(int(_text(form, "ev_count", 5) or 0), MAX_EVIDENCE_ROWS)
    except ValueError:
        evidence_count = 0
    for i in range(evidence_count):
        result.evidence.append(EvidenceRow(quote=_text(form, f"ev-{i}-quote", 5000), keep=bool(form.get(f"ev-{i}-keep"))))
    return result


# A count as people type it: digits, with thousands set apart by commas or spaces in groups of three
# ("3000", "3,000", "3 000"); a sign is kept for the figure rule to refuse by name.
_COUNT = re.compile(r"[+-]?(?:\d+|\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+)")


def read_count(raw: str) -> int | None:
    """The whole number RAW writes (None when empty); ValueError when it is not one, such as "12,5"
    (a decimal comma, or a misplaced separator) or "1.000" (a dot reads as a decimal point)."""
    raw = raw.strip().replace("\u2212", "-")
    if not raw:
        return None
    if not _COUNT.fullmatch(raw):
        raise ValueError(raw)
    return int(re.sub(r"[^\d+-]", "", raw))


def _int_or_none(form: StanceForm, name: str) -> int | None:
    try:
        return read_count(getattr(form, name))
    except ValueError:
        form.error(name, "Enter a whole number of troops, such as 3000 or 3,000, or leave it empty.")
        return None


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")


def _troops(form: StanceForm) -> dict[str, int | None]:
    """The troop figures as typed, each checked on its own and against the status by the figure rule
    (app/figure_rule.py), its message beside the figure; a figure it refuses is not passed on."""
    troops = {name: _int_or_none(form, name) for name in TROOP_FIELDS}
    problems = figure_problems(form.status if form.status in STATUSES else None, troops)
    for name, message in problems.items():
        form.error(name, _sentence(message))
    return {name: None if name in problems else value for name, value in troops.items()}


def _date_or_none(form: StanceForm, name: str) -> dt.date | None:
    raw = getattr(form, name).strip()
    if not raw:
        return None
    try:
        day = check_day(dt.date.fromisoformat(raw))
    except ValueError:
        form.error(name, "Enter a date as YYYY-MM-DD (between 1900 and 2999), or leave it empty.")
        return None
    if day > utcnow().date():  # said with the other problems, not after them (the write path checks it too)
        form.error(name, "Must not be after today (UTC): a statement is dated the day it was made.")
        return None
    return day


def _check_text_rule(form: StanceForm) -> None:
    """Every field as typed, before any stripping, against the one text rule."""
    fields = {name: getattr(form, name) for name in form.__dataclass_fields__
              if isinstance(getattr(form, name), str)}
    fields |= {"roles": "".join(form.roles)}
    for i, row in enumerate(form.conditions):
        fields |= {f"cond-{i}-{part}": getattr(row, part) for part in ("id", "text", "category", "state", "factor", "quote")}
    for i, ev in enumerate(form.evidence):
        fields[f"ev-{i}-quote"] = ev.quote
    for name, value in fields.items():
        message = field_message(value)
        if message:
            form.error(name, message)


@dataclass
class ParsedStance:
    data: StanceData | None
    new_source: SourceIn | None
    expected_version: int | None
    reason: str
    row_of: list[int]  # condition index in `data` -> row index in the form


def _pydantic_loc_to_field(loc: tuple[Any, ...], row_of: list[int], evidence_of: list[int] | None = None) -> str:
    if not loc:
        return "status"
    head = loc[0]
    if head == "troops":
        return str(loc[1]) if len(loc) > 1 and loc[1] in TROOP_FIELDS else "offered_max"
    if head == "conditions" and len(loc) > 1 and isinstance(loc[1], int) and loc[1] < len(row_of):
        part = loc[2] if len(loc) > 2 else "text"
        if part == "citations" and evidence_of is not None:
            return f"cond-{row_of[loc[1]]}-quote"
        return f"cond-{row_of[loc[1]]}-{part if part in ('text', 'category', 'state', 'factor') else 'text'}"
    if head == "citations" and evidence_of is not None:
        index = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else 0
        return f"ev-{evidence_of[index]}-quote" if index < len(evidence_of) else "evidence"
    if head == "citations":
        return "source_id" if "source_id" in loc else "quote"
    if head == "country":
        return "country"
    return str(head)


def error_field(loc: list[Any] | tuple[Any, ...], row_of: list[int], evidence_of: list[int] | None = None) -> str:
    """The form field that a write-path error path (`loc`) belongs to (EVIDENCE_OF: on the import
    review, the evidence row of each citation)."""
    return _pydantic_loc_to_field(tuple(loc), row_of, evidence_of)


def _conditions(form: StanceForm, citation_of=None) -> tuple[list[dict[str, Any]], list[int]]:
    """The condition rows as write-path input, and the form row of each (blank and removed rows left out)."""
    conditions, row_of = [], []
    for i, row in enumerate(form.conditions):
        if row.blank or row.remove:
            continue
        if not row.text.strip():
            form.error(f"cond-{i}-text", "Describe the condition, or tick “remove”.")
            continue
        cid = form_number(row.id)
        if cid is None and row.id.strip():
            form.error(f"cond-{i}-text", "This condition is not one of this stance's; reload the form.")
            continue
        condition = {"id": cid, "text": row.text, "category": row.category, "state": row.state,
                     "factor": row.factor or None}
        if citation_of is not None:
            condition["citations"] = citation_of(i, row)
        conditions.append(condition)
        row_of.append(i)
    return conditions, row_of


def _validate(form: StanceForm, payload: dict[str, Any], row_of: list[int],
              evidence_of: list[int] | None = None) -> StanceData | None:
    """PAYLOAD as write-path input, or None with each problem noted beside its field."""
    try:
        return StanceData.model_validate(payload)
    except ValidationError as exc:
        for e in exc.errors():
            name = _pydantic_loc_to_field(tuple(e["loc"]), row_of, evidence_of)
            message = e["msg"].removeprefix("Value error, ")
            if e["loc"][:1] == ("status",):
                message = "Choose one of the statuses."
            elif e["type"] == "less_than_equal":
                message = f"At most {e['ctx']['le']:,}."
            elif e["type"] == "string_too_long":
                message = (f"Keep it to {e['ctx']['max_length']:,} characters or fewer "
                           f"(this has {len(e['input']):,}).")
            form.error(name, _sentence(message))
        return None


def _payload(form: StanceForm, troops: dict, stated_on, conditions: list, citations: list) -> dict[str, Any]:
    """The write-path input both forms make: the typed fields with what was parsed from the rest."""
    return {"status": form.status, "troops": troops, "roles": form.roles, "summary": form.summary.strip() or None,
            "stated_on": stated_on, "dispute": form.dispute.strip() or None, "conditions": conditions,
            "citations": citations}


def parse(form: StanceForm) -> ParsedStance:
    """Turn the typed values into write-path input, noting every problem beside its field."""
    _check_text_rule(form)
    troops = _troops(form)
    stated_on = _date_or_none(form, "stated_on")
    conditions, row_of = _conditions(form)

    reason = form.reason.strip()
    if not reason:
        form.error("reason", "Say why you are making this change.")
    elif len(reason) > 1000:
        form.error("reason", "Keep the reason under 1,000 characters.")
    quote = form.quote.strip()
    if not quote:
        form.error("quote", "Quote the passage of the source that supports this change.")

    new_source = None
    source_id = None
    typed = {name: getattr(form, name) for name in NEW_SOURCE_FIELDS}
    if picks_new_source(form.source_id, typed):
        form.source_id = "new"
        new_source = parse_new_source(typed, form.errors)
    elif form_number(form.source_id) is not None:
        source_id = int(form.source_id)
    else:
        form.error("source_id", "Choose the source that says so, or add a new one.")

    # 0: the form adds the country (it had no stance when opened); None: no version to build on.
    expected_version = form_number(form.version)

    # A placeholder id for a new source; the route replaces it once the source exists.
    citations = [{"source_id": source_id or 1, "quote": quote}] if len(quote) >= 3 else []
    data = _validate(form, _payload(form, troops, stated_on, conditions, citations), row_of)
    if quote and len(quote) < 3:
        form.error("quote", "Quote at least a few words.")
    return ParsedStance(data if not form.errors else None, new_source, expected_version, reason, row_of)


@dataclass
class ParsedReview:
    """An import suggestion as reviewed: the stance to write, or None when the form has errors."""

    data: StanceData | None
    row_of: list[int]
    evidence_of: list[int]  # citation index in `data` -> evidence row in the form
    unquoted: list[str] = field(default_factory=list)  # troop figures no kept passage gives


def parse_review(form: StanceForm, source_id: int) -> ParsedReview:
    """The import review form as write-path input: the same fields and checks as the stance form,
    but every quote comes from the article (SOURCE_ID) — the passages kept for the stance, and one
    per condition. Whether a quote is a passage of the article is the write path's to say."""
    _check_text_rule(form)
    troops = _troops(form)
    stated_on = _date_or_none(form, "stated_on")

    def condition_citations(i: int, row: ConditionRow) -> list[dict[str, Any]]:
        quote = row.quote.strip()
        if quote and len(quote) < 3:
            form.error(f"cond-{i}-quote", "Quote at least a few words, or leave it empty.")
            return []
        return [{"source_id": source_id, "quote": quote}] if quote else []

    conditions, row_of = _conditions(form, condition_citations)
    passages, evidence_of = [], []
    for i, ev in enumerate(form.evidence):
        quote = ev.quote.strip()
        if not ev.keep:
            continue
        if len(quote) < 3:
            form.error(f"ev-{i}-quote", "Quote at least a few words of the article, or untick it.")
            continue
        passages.append(quote)
        evidence_of.append(i)
    citations = evidence_citations(source_id, passages, troops)
    # An error about a citation names the passage it was made from.
    evidence_of = [evidence_of[passages.index(c["quote"])] for c in citations]
    # As the API asks: the stance itself rests on a passage, whatever its conditions cite (a status or
    # a figure is never applied on a condition's words alone).
    if not citations:
        form.error("evidence", "Cite at least one passage of the article for this stance: tick one, or quote it.")
    data = _validate(form, _payload(form, troops, stated_on, conditions, citations), row_of, evidence_of)
    return ParsedReview(data if not form.errors else None, row_of, evidence_of, unquoted_figures(citations, troops))


def with_citation(data: StanceData, source_id: int, quote: str) -> StanceData:
    return data.model_copy(update={"citations": [CitationIn(source_id=source_id, quote=quote)]})
