"""The form for the facts of a force (target, sponsor, UN resolution, mandate, context): from
submitted fields to write-path input, and from the write path's errors back to the fields. The
form keeps everything the editor typed, valid or not."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from starlette.datastructures import FormData

from app.countries import country_info
from app.models import Proposal
from app.schemas import ProposalFacts, form_number, SourceIn, check_day
from app.web.new_source import parse_new_source, picks_new_source
from app.web.stance_form import read_count
from app.db import utcnow
from app.text_rule import field_message
from app.vocabulary import RESOLUTION_STATES

FACT_FIELDS = ("target_troops", "target_troops_approximate", "target_police", "sponsor", "sponsor_country",
               "resolution_state", "resolution_on", "resolution_text", "mandate_summary", "context_notes", "stated_on")
SOURCE_FIELDS = ("source_id", "source_title", "source_publisher", "source_url", "source_published_on")
FIELDS = (*FACT_FIELDS, *SOURCE_FIELDS, "quote", "reason", "version")
LIMITS = {"resolution_text": 5000, "mandate_summary": 5000, "context_notes": 5000, "quote": 5000, "reason": 5000,
          "source_title": 1000, "source_publisher": 1000, "source_url": 3000, "sponsor": 1000}
# A write-path or schema error's first path element -> the field it is shown beside.
ERROR_FIELDS = {name: name for name in FACT_FIELDS}


@dataclass
class FactsForm:
    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)

    def error(self, name: str, message: str) -> None:
        message = message[:1].upper() + message[1:]
        self.errors.setdefault(name, message if message.endswith(".") else message + ".")


def form_from_proposal(proposal: Proposal, stated_on: dt.date | None, shown: Any = None) -> FactsForm:
    """The form as it opens: the facts the board shows today (SHOWN, when a record made later for an
    earlier day keeps them from being the last recorded; else the proposal's own), over the latest
    version (which a save must build on); source, quote and reason left for the editor."""
    facts = shown if shown is not None else proposal
    if shown is not None:
        stated_on = shown.stated_on

    def text(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)

    values = {name: text(getattr(facts, name)) for name in FACT_FIELDS if name not in
              ("stated_on", "target_troops_approximate")}
    values.update(target_troops_approximate="1" if facts.target_troops_approximate else "",
                  stated_on=text(stated_on), version=str(proposal.version),
                  **dict.fromkeys((*SOURCE_FIELDS, "quote", "reason"), ""))
    return FactsForm(values)


FACT_LABELS = {"target_troops": "target", "target_troops_approximate": "target approximate",
               "target_police": "police target", "sponsor": "sponsor", "sponsor_country": "sponsor's country",
               "resolution_state": "UN resolution", "resolution_on": "resolution date",
               "resolution_text": "resolution text", "mandate_summary": "mandate", "context_notes": "context",
               "stated_on": "stated on"}


def values_of(snapshot: dict[str, Any]) -> dict[str, str]:
    """The facts of a change-log snapshot as the form writes them."""
    def text(value: Any) -> str:
        if value is None or value is False:
            return ""
        return "1" if value is True else str(value)

    return {name: text(snapshot.get(name)) for name in FACT_FIELDS}


@dataclass
class FactsMerge:
    """The editor's facts merged with a colleague's save: what was taken from it, what both changed."""

    taken: list[str]
    clashes: list[tuple[str, str, str]]  # (what, theirs, mine)


def merge_facts(form: FactsForm, base: dict[str, Any] | None, theirs: dict[str, Any]) -> FactsMerge:
    """FORM (typed over the facts BASE, a snapshot; None when that version is not known) merged with
    THEIRS (the facts saved meanwhile), field by field: one only the colleague changed takes theirs,
    one only the editor changed keeps the editor's, one both changed differently keeps the editor's
    and is named. Without a base every difference is the editor's, and named."""
    taken, clashes = merge_fields(form.values, FACT_LABELS, values_of(base) if base is not None else None,
                                  values_of(theirs))
    return FactsMerge(taken, clashes)


def merge_fields(values: dict[str, str], labels: dict[str, str], base: dict[str, str] | None,
                 theirs: dict[str, str]) -> tuple[list[str], list[tuple[str, str, str]]]:
    """A form's typed VALUES (of the fields LABELS names) merged in place with THEIRS, a colleague's
    save, on top of BASE, what the form was opened on (None: not known): a field only the colleague
    changed takes theirs; one both changed differently keeps the typed value. Gives what was taken
    and the clashes (what, theirs, typed), by label."""
    taken, clashes = [], []
    for name, label in labels.items():
        mine, now = values.get(name, "").strip(), (theirs.get(name) or "").strip()
        if mine == now:
            continue
        then = (base.get(name) or "").strip() if base is not None else None
        if then is not None and mine == then:
            values[name] = theirs.get(name) or ""
            taken.append(label)
        elif then is None or now != then:
            clashes.append((label, now or "empty", mine or "empty"))
    return taken, clashes


def read_form(submitted: FormData) -> FactsForm:
    """The submitted values, as typed (bounded in length, never interpreted yet)."""
    values = {}
    for name in FIELDS:
        value = submitted.get(name, "")
        values[name] = value[:LIMITS.get(name, 20)] if isinstance(value, str) else ""
    return FactsForm(values)


@dataclass
class ParsedFacts:
    data: ProposalFacts | None  # None: the form has errors
    new_source: SourceIn | None
    source_id: int | None
    quote: str
    reason: str
    expected_version: int


def _number(form: FactsForm, name: str) -> int | None:
    try:
        value = read_count(form.values[name])
    except ValueError:
        value = -1
    if value is not None and value < 0:
        form.error(name, "Enter a whole number, such as 20000 or 20,000, or leave it empty")
        return None
    return value


def _day(form: FactsForm, name: str) -> dt.date | None:
    raw = form.values[name].strip()
    if not raw:
        return None
    try:
        day = check_day(dt.date.fromisoformat(raw))
    except ValueError:
        form.error(name, "Enter a date as YYYY-MM-DD (between 1900 and 2999), or leave it empty")
        return None
    if day > utcnow().date():  # said with the other problems, not after them (the write path checks it too)
        form.error(name, "Must not be after today (UTC)")
        return None
    return day


def parse(form: FactsForm) -> ParsedFacts:
    """Turn the typed values into write-path input, noting every problem beside its field."""
    v = form.values
    for name, value in v.items():
        message = field_message(value)
        if message:
            form.error(name, message)
    code = v["sponsor_country"].strip().upper()
    if code and not (len(code) == 3 and code.isascii() and code.isalpha()):
        form.error("sponsor_country", "Enter the country's three-letter ISO code (such as USA), or leave it empty")
    elif code and country_info(code) is None:
        form.error("sponsor_country", f"Unknown country code {code!r}: enter a three-letter ISO code (such as USA)")
    state = v["resolution_state"].strip()
    if state and state not in RESOLUTION_STATES:
        form.error("resolution_state", f"Choose one of {', '.join(RESOLUTION_STATES)}, or none")
    payload = {
        "target_troops": _number(form, "target_troops"),
        "target_troops_approximate": bool(v["target_troops_approximate"]),
        "target_police": _number(form, "target_police"),
        "sponsor": v["sponsor"].strip() or None,
        "sponsor_country": code or None,
        "resolution_state": state or None,
        "resolution_on": _day(form, "resolution_on"),
        "resolution_text": v["resolution_text"].strip() or None,
        "mandate_summary": v["mandate_summary"].strip() or None,
        "context_notes": v["context_notes"].strip() or None,
        "stated_on": _day(form, "stated_on"),
    }
    reason = v["reason"].strip()
    if not reason:
        form.error("reason", "Say why you are making this change")
    elif len(reason) > 1000:
        form.error("reason", "Keep the reason under 1,000 characters")
    quote = v["quote"].strip()
    if len(quote) < 3:
        form.error("quote", "Quote the passage of the source that supports this change")
    elif len(quote) > 2000:
        form.error("quote", "Keep the quote under 2,000 characters")
    new_source, source_id = None, None
    if picks_new_source(v["source_id"], form.values):
        v["source_id"] = "new"
        new_source = parse_new_source(form.values, form.errors)
    elif form_number(v["source_id"]) is not None:
        source_id = int(v["source_id"])
    else:
        form.error("source_id", "Choose the source that says so, or add a new one")
    if state == "adopted" and not v["resolution_on"].strip():
        form.error("resolution_on", "Give the day the resolution was adopted")
    # Checked whatever else is wrong, so every problem is shown at once (a field keeps its first message).
    data = None
    try:
        data = ProposalFacts.model_validate(payload)
    except ValidationError as exc:
        for e in exc.errors():
            name = ERROR_FIELDS.get(str(e["loc"][0]) if e["loc"] else "", "target_troops")
            message = e["msg"].removeprefix("Value error, ")
            if e["type"] == "less_than_equal":
                message = f"At most {e['ctx']['le']:,}"
            form.error(name, message)
    # A form without a version it was read at cannot say what it builds on: it is taken as out of date.
    version = form_number(v["version"])
    version = -1 if version is None else version
    return ParsedFacts(None if form.errors else data, new_source, source_id, quote, reason, version)


def error_field(loc: list[Any]) -> str:
    """The form field a write-path error path (`loc`) belongs to."""
    head = str(loc[0]) if loc else ""
    if head == "citations":
        return "source_id" if "source_id" in loc else "quote"
    return ERROR_FIELDS.get(head, "quote")
