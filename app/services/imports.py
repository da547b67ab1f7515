"""Importing an article: read it, keep it as a source with its suggestions, and apply the ones an
editor accepts through the one write path — refusing any whose stance changed since it was read."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.countries import country_info
from app.limits import ARTICLE_MAX_BYTES, article_too_large
from app.models import Change, Condition, Import, ImportDecision, Proposal, Source, Stance
from app.schemas import CitationIn, ConditionData, SourceIn, StanceData
from app.services import board, importer, language
from app.services.changes import published_on
from app.services.errors import InvalidInput, NotFound, VersionConflict
from app.services.language import Language
from app.services.sources import create_source
from app.services.stances import edit_base, set_stance, stance_snapshot
from app.text_rule import has_words, strip_forbidden

MAX_EVIDENCE = 6


def evidence_citations(source_id: int, passages: list[str], troops: dict[str, int | None]) -> list[dict[str, Any]]:
    """The quotes an accepted suggestion cites for the stance itself, each tied to the facts it is the
    word for: the first passage (where the reader found the stance) to the status; a passage that
    gives troop figures to the troops when it gives them all, else to each figure it gives; any other
    passage to whatever the write changed (to the status alone when a figure is given by no passage).
    One passage may be the word for several (a quote and a field per fact)."""
    out: list[dict[str, Any]] = []
    valued = [name for name, value in troops.items() if value is not None]
    written = [importer.figures_written(passage) for passage in passages]
    # A figure no passage gives (one the editor changed on review) rests on no quote: a passage that
    # gives no figure is then the word for the status only, never for a figure it does not state.
    unquoted = any(all(troops[name] not in figures for figures in written) for name in valued)
    for i, passage in enumerate(passages):
        fields = ["status"] if i == 0 else []
        given = [name for name in valued if troops[name] in written[i]]
        fields += ["troops"] if given and given == valued else given
        out += [{"source_id": source_id, "quote": passage, "field": f}
                for f in fields or (["status"] if unquoted else [None])]
    return out


def unquoted_figures(citations: list[dict[str, Any]], troops: dict[str, int | None]) -> list[str]:
    """The troop figures (field names) of TROOPS that none of CITATIONS (as `evidence_citations`
    made them) is the word for: they rest on no quote."""
    fields = {c["field"] for c in citations}
    return [name for name, value in troops.items() if value is not None and not fields & {name, "troops"}]


class NothingFound(InvalidInput):
    """The text names no country with a stance, troops or conditions."""


@dataclass(frozen=True)
class Reading:
    """What the reader makes of an article: its suggestions (as the API returns them), the language
    it seems to be in, and the other countries it names."""

    suggestions: list[dict[str, Any]]
    language: Language
    also_named: list[dict[str, Any]]


def read(text: str) -> Reading:
    """Read TEXT (an article as `article_from_text` or `article_from_file` gave it: within the limit,
    not empty). Done before any write session is opened: no lock is held while an article is read."""
    suggestions = [s.as_dict() for s in importer.extract(text)]
    return Reading(suggestions, language.detect(text), also_named(text, suggestions))


def create_import(session: Session, proposal: Proposal, source_in: SourceIn, reading: Reading, actor: str,
                  via: str) -> Import:
    """Store the article as a source and READING's suggestions, with today's stance versions.

    An article in English that names no country with a stance is refused (nothing to review); one
    that seems to be in another language is kept all the same, so that the answer can say that only
    English is read."""
    if not reading.suggestions and reading.language.read:
        raise NothingFound([{"loc": ["text"], "msg": "no country with a stance, troop figures or conditions was found in this text"}])
    suggestions = [dict(s) for s in reading.suggestions]
    for s in suggestions:
        stance = board.find_stance(session, proposal, s["country"])
        s["base_version"] = stance.version if stance else 0
    # The same text imported again cites the source already stored, not a copy of it.
    source = create_source(session, source_in)
    record = Import(proposal_id=proposal.id, source_id=source.id, created_by=actor, via=via, suggestions=suggestions)
    session.add(record)
    session.flush()
    return record


def get_import(session: Session, import_id: int) -> Import:
    record = session.get(Import, import_id)
    if record is None:
        raise NotFound(f"There is no import number {import_id}.")
    return record


def suggestion_for(record: Import, code: str) -> dict[str, Any]:
    for s in record.suggestions:
        if s["country"] == code:
            return s
    raise NotFound(f"Import {record.id} has no suggestion for {code}.")


def decision_for(record: Import, code: str) -> ImportDecision | None:
    """The latest decision on CODE's suggestion, if any."""
    latest = None
    for d in record.decisions:
        if d.country_code == code:
            latest = d
    return latest


def deciding(record: Import, code: str) -> ImportDecision | None:
    """The last decision that decided CODE's suggestion (applied, unchanged or rejected; a conflict
    decides nothing), if any."""
    found = [d for d in record.decisions if d.country_code == code and d.outcome != "conflict"]
    return found[-1] if found else None


def proposed_factor_and_state(session: Session, proposal: Proposal, c: dict[str, Any],
                              day: dt.date | None = None) -> tuple[str | None, str]:
    """The factor and state a condition the article proposes starts with: the one it names, else the
    factor this proposal's conditions of its category hang on; in that factor's state at the end of
    DAY (the day the statement speaks for; today when not known), as the statement will record it,
    until an editor says otherwise; else unmet."""
    factor = c.get("factor") or _factor_for_category(session, proposal, c["category"])
    held = board.factor_states(session, proposal.id, day or board.today()).get(factor) if factor else None
    return factor, c.get("state") or held or "unmet"


def suggestion_day(session: Session, suggestion: dict[str, Any], source_id: int) -> dt.date | None:
    """The day a suggestion speaks for: the `stated_on` sent, else its article's publication date."""
    return _day(suggestion.get("stated_on")) or published_on(session, source_id)


def same_as_applied(decision: ImportDecision, data: StanceData) -> bool:
    """Whether DATA (a review) is what DECISION applied: the same status, figures, roles, summary,
    date, dispute and conditions."""
    applied = decision.applied
    if not applied:
        return False

    def conditions(items) -> list[tuple]:
        # A condition that hangs on a factor is in the factor's state whatever was sent: not compared.
        return sorted((c["text"], c["category"], None if c.get("factor") else c["state"], c.get("factor"))
                      for c in items)

    sent = data.model_dump(mode="json")
    return (applied.get("status"), applied.get("troops"), sorted(applied.get("roles") or []), applied.get("summary"),
            applied.get("stated_on"), applied.get("dispute"), conditions(applied.get("conditions") or [])) == (
        sent["status"], sent["troops"], sorted(sent["roles"]), sent["summary"], sent["stated_on"], sent["dispute"],
        conditions(sent["conditions"]))


def decided_token(record: Import, code: str) -> str:
    """The last deciding decision as a review form names it: its id, or "none"."""
    decision = deciding(record, code)
    return str(decision.id) if decision else "none"


def _factor_for_category(session: Session, proposal: Proposal, category: str) -> str | None:
    """The factor that this proposal's conditions of CATEGORY already hang on, if exactly one."""
    slugs = set(
        session.scalars(
            select(Condition.factor_id).join(Stance).where(
                Stance.proposal_id == proposal.id, Condition.category == category, Condition.factor_id.is_not(None)
            )
        )
    )
    if len(slugs) != 1:
        return None
    factor_id = slugs.pop()
    return next((f.slug for f in proposal.factors if f.id == factor_id), None)


def also_named(text: str, suggestions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The countries TEXT names that none of SUGGESTIONS is for, with the sentences naming them, as
    the review page, the API and the command line show them."""
    return [{"country": n.code, "country_name": n.name, "passages": n.passages}
            for n in importer.also_named(text, [s["country"] for s in suggestions])]


def stance_data_for(session: Session, proposal: Proposal, stance: Stance | None, suggestion: dict[str, Any],
                    source_id: int, notes: list[str] | None = None, sent: dict[str, Any] | None = None) -> StanceData:
    """The stance as it would be with the suggestion applied: figures the article gives replace
    the stored ones, conditions of a category not yet present are added, the rest is kept.

    A suggestion sent back edited (the API's apply) may also carry what the review form edits:
    `roles`, `summary` ("" clears it) and `stated_on` replace the stored ones when given (left out,
    the statement is dated by the article's publication date, else left undated); a
    condition with the `id` of a stored one edits it; `state` and `factor` set a condition's;
    `remove_conditions` lists ids of stored conditions to drop and `clear_troops` figures to empty.
    NOTES gets what the caller should be told of; SENT, where each condition and quote of the result
    came from in the suggestion (to name what was sent in an error about it)."""
    # The suggestion starts from the position of the day it speaks for (the article's, or the one sent),
    # as a PATCH for that day would: nothing said for a later day is carried back into it.
    day = suggestion_day(session, suggestion, source_id)
    base = (edit_base(session, stance, day) if stance else None) or StanceData(status="considering")
    if sent is not None:
        sent["was"] = base.status if stance else None  # the status the suggestion changes
    troops = base.troops.model_dump()
    for key, value in (suggestion.get("troops") or {}).items():
        if value is not None:
            troops[key] = value
    for key in suggestion.get("clear_troops") or []:
        troops[key] = None
    removed = set(suggestion.get("remove_conditions") or [])
    stored = {c.id for c in base.conditions}
    for cid in sorted(removed - stored):
        raise InvalidInput([{"loc": ["remove_conditions"], "msg": f"condition {cid} is not on this stance"}])
    conditions = [c for c in base.conditions if c.id not in removed]
    origins: list[tuple[str, Any]] = [("stored", c.id) for c in conditions]
    by_id = {c.id: i for i, c in enumerate(conditions)}
    present = {c.category for c in conditions}
    article = None
    for m, c in enumerate(suggestion.get("conditions") or []):
        # A condition sent without a passage of its own is cited by its words when the article says
        # them; else, as in the review form, by the stance's passage (the write path's rule).
        quotes = c.get("evidence") or []
        if not quotes:
            if article is None:
                article = session.scalar(select(Source.text).where(Source.id == source_id)) or ""
            quotes = [c["text"]] if c["text"] in article else []
        quotes = quotes[:MAX_EVIDENCE]
        citations = [CitationIn(source_id=source_id, quote=q) for q in quotes if len(q) >= 3]
        if c.get("id") is not None:
            if c["id"] not in by_id:
                raise InvalidInput([{"loc": ["conditions", m, "id"], "msg": f"condition {c['id']} is not on this stance"}])
            i = by_id[c["id"]]
            origins[i] = ("sent", m)
            kept = conditions[i]
            conditions[i] = kept.model_copy(update={
                "text": c["text"][:500], "category": c["category"], "state": c.get("state") or kept.state,
                "factor": c["factor"] if "factor" in c and c["factor"] is not None else kept.factor,
                "citations": citations if c.get("evidence") else [],
            })
            continue
        if c["category"] in present:
            if notes is not None:
                same = next(k for k in conditions if k.category == c["category"])
                notes.append(f"The condition “{c['text'][:80]}” was not added: the stance already has a "
                             f"{c['category']} condition (“{same.text[:80]}”{f', id {same.id}' if same.id else ''}); "
                             f"send its id with the condition to change that one instead.")
            continue
        present.add(c["category"])
        factor, state = proposed_factor_and_state(session, proposal, c, day)
        conditions.append(ConditionData(text=c["text"][:500], category=c["category"], state=state, factor=factor,
                                        citations=citations))
        origins.append(("sent", m))
    kept_evidence = [(j, q) for j, q in enumerate(suggestion.get("evidence") or []) if len(q) >= 3][:MAX_EVIDENCE]
    cited = evidence_citations(source_id, [q for _, q in kept_evidence], troops)
    if sent is not None:  # for each citation, the passage of the suggestion it was made from
        index_of = {q: j for j, q in reversed(kept_evidence)}
        sent.update(conditions=origins, evidence=[index_of[c["quote"]] for c in cited])
    summary = suggestion.get("summary")
    # What the suggestion does not change is the stored stance's, field for field.
    return StanceData.model_validate({
        **base.model_dump(),
        "status": suggestion.get("status") or base.status,
        "troops": troops,
        "roles": base.roles if suggestion.get("roles") is None else suggestion["roles"],
        "summary": base.summary if summary is None else (summary or None),
        # An article with no date gives an undated statement (dated the day it is recorded), never the
        # earlier statement's day, unless it is the article that statement cites (read again).
        "stated_on": suggestion.get("stated_on") or published_on(session, source_id) or (
            base.stated_on if stance is not None and any(c.source_id == source_id for c in stance.citations) else None),
        "conditions": [c.model_dump() for c in conditions],
        "citations": cited,
    })


def _day(value: Any) -> dt.date | None:
    """A suggestion's `stated_on` as a day (None when not given, or not a day: the write path says so)."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def known_version(session: Session, record: Import, suggestion: dict[str, Any]) -> int:
    """The stance version this import last knew: what its own latest accept wrote (whatever was
    decided after it: a rejection or a conflict changes nothing), else the one it was read against.
    Only a stance at another version was changed by someone else since."""
    for decision in reversed(record.decisions):
        if decision.country_code != suggestion["country"]:
            continue
        if decision.applied:
            return int(decision.applied.get("version", 0))
        if decision.change_id is not None:  # decided before the applied values were kept
            change = session.get(Change, decision.change_id)
            if change is not None and change.after:
                return int(change.after.get("version", 0))
    return suggestion.get("base_version", 0)


@dataclass
class Outcome:
    country: str
    outcome: str  # applied, unchanged, conflict, rejected
    version: int | None
    change_id: int | None = None
    detail: str | None = None


def accept(session: Session, record: Import, suggestion: dict[str, Any], actor: str, via: str,
           rebase: bool = False, data: StanceData | None = None, over_version: int | None = None) -> Outcome:
    """Apply SUGGESTION (possibly edited) through the write path with the article as its source.

    DATA, when given, is the stance exactly as the editor reviewed it (the review form), applied
    as it is; otherwise the suggestion is merged into the stored stance (stance_data_for).
    The stance must still be at the version the import knew (read against, or written by its own
    latest accept: applying the same suggestion again is then "unchanged"), unless REBASE says the
    editor has seen what changed and applies on top of it: of the current version, or of
    OVER_VERSION when DATA was filled in over that one (a stance that moved since is a conflict
    again, so a form made over an older version never overwrites a newer one). A plain accept from
    a form made over OVER_VERSION is a conflict too when the stance moved since, even by another
    accept of this import. The decision keeps the stance as applied.
    """
    code = suggestion["country"]
    if country_info(code) is None:
        raise InvalidInput([{"loc": ["country"], "msg": f"unknown country code {code!r}"}])
    original = suggestion_for(record, code)
    proposal = record.proposal
    stance = board.find_stance(session, proposal, code)
    current_version = stance.version if stance else 0
    if rebase:
        expected = current_version if over_version is None else over_version
    else:
        expected = known_version(session, record, original)
        if over_version is not None and over_version != current_version:
            expected = over_version  # the editor's form was made over another version: it moved since
    if current_version != expected:
        _decide(session, record, code, "accepted", "conflict", actor,
                detail=f"stance is at version {current_version}, the import was read against {expected}")
        return Outcome(code, "conflict", current_version, detail=f"changed since the import (now version {current_version})")
    notes: list[str] = []  # what to check in what was applied
    sent: dict[str, Any] = {}
    if data is None:
        data = stance_data_for(session, proposal, stance, suggestion, record.source_id, notes, sent)
        was = sent["was"]
        if was is not None and suggestion.get("summary") is None and data.summary and data.status != was:
            notes.append(f"The status is now {data.status}, but the summary kept is the one written when it was "
                         f"{was}: “{data.summary}”. Send summary to replace it, or \"\" to clear it.")
    try:
        result = set_stance(
            session, proposal=proposal, country_code=code, data=data, actor=actor, via="import",
            reason=f"Imported from “{record.source.title}” (import {record.id}, {via})",
            expected_version=expected,
        )
    except VersionConflict:
        _decide(session, record, code, "accepted", "conflict", actor, detail="changed while applying")
        return Outcome(code, "conflict", None, detail="changed while applying")
    except InvalidInput as exc:
        if not sent:
            raise
        raise InvalidInput([_as_sent(e, sent) for e in exc.errors]) from exc
    notes += result.notes
    outcome = "applied" if result.changed else "unchanged"
    change_id = result.change.id if result.change else None
    detail = " ".join(notes) if outcome == "applied" and notes else None
    _decide(session, record, code, "accepted", outcome, actor, change_id=change_id, detail=detail,
            applied=stance_snapshot(result.stance))
    return Outcome(code, outcome, result.stance.version, change_id, detail)


def _as_sent(error: dict[str, Any], sent: dict[str, Any]) -> dict[str, Any]:
    """ERROR of the write path, about the stance the suggestion was merged into, at the place in the
    suggestion as sent (SENT, from stance_data_for): a stance's quote is one of its `evidence`, a
    condition is the one sent at that index (a stored one it left as it was is named by its id)."""
    loc, msg = list(error["loc"]), error["msg"]
    if loc[:1] == ["citations"]:
        if len(loc) > 1 and isinstance(loc[1], int) and loc[1] < len(sent["evidence"]):
            loc = ["evidence", sent["evidence"][loc[1]], *loc[3:]]
        else:
            loc, msg = ["evidence"], "cite at least one passage of the article as evidence"
    elif loc[:1] == ["conditions"] and len(loc) > 1 and isinstance(loc[1], int) and loc[1] < len(sent["conditions"]):
        kind, which = sent["conditions"][loc[1]]
        rest = loc[2:]
        if rest[:1] == ["citations"]:
            rest = ["evidence", *rest[1:2]]
        if kind == "sent":
            loc = ["conditions", which, *rest]
        else:
            loc, msg = ["conditions"], f"stored condition {which}: {msg}"
    return {**error, "loc": loc, "msg": msg}


def reject(session: Session, record: Import, code: str, actor: str) -> Outcome:
    suggestion_for(record, code)
    _decide(session, record, code, "rejected", "rejected", actor)
    return Outcome(code, "rejected", None)


def _decide(session: Session, record: Import, code: str, decision: str, outcome: str, actor: str,
            change_id: int | None = None, detail: str | None = None, applied: dict[str, Any] | None = None) -> None:
    session.add(ImportDecision(import_id=record.id, country_code=code, decision=decision, outcome=outcome,
                               decided_by=actor, change_id=change_id, detail=detail, applied=applied))
    session.flush()
    session.expire(record, ["decisions"])


def list_imports(session: Session, limit: int = 50) -> list[Import]:
    return list(session.scalars(select(Import).order_by(Import.id.desc()).limit(limit)))


# Markup that makes a text an HTML page (or part of one), in its first 5,000 characters.
HTML_HINT = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|article|main|section|header|footer|nav|aside|p|div|span|h[1-6]"
    r"|script|style|ul|ol|li|table|br)\b", re.I)
HTML_NAMES = (".html", ".htm", ".xhtml")


class ArticleTooLarge(InvalidInput):
    """The article as sent is over the one limit for an article."""

    def __init__(self, loc: str = "text") -> None:
        super().__init__([{"loc": [loc], "msg": article_too_large()}])


class ArticleEmpty(InvalidInput):
    """There is no text to read."""


def _check_size(raw: str | bytes, loc: str) -> None:
    if len(raw) <= ARTICLE_MAX_BYTES // 4:
        return  # at most four bytes a character: certainly within the limit
    size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "surrogatepass"))
    if size > ARTICLE_MAX_BYTES:
        raise ArticleTooLarge(loc)


def article_from_text(raw: str, *, html: bool | None = None, loc: str = "text") -> str:
    """The text to read from an article as sent — pasted in the form, given to the API, or read
    from a file: within the size limit, with what the text rule forbids removed, and reduced to its
    article when it is an HTML page (HTML says so; None decides by the markup it holds). Line breaks
    count as one character whichever way they are sent (a browser sends a pasted text's as CRLF), so an
    article passes or fails the size limit alike in the form, the API and the CLI."""
    raw = raw.replace("\r\n", "\n")
    _check_size(raw, loc)
    text = strip_forbidden(raw)
    if has_words(text) and (html or (html is None and looks_like_html(text))):
        text = html_to_text(text, loc=loc).replace("\r\n", "\n")  # markup may hold some of its own
    if not has_words(text):  # blank, only spaces and punctuation, or a page whose article is
        raise ArticleEmpty([{"loc": [loc], "msg": "The article is empty: there is no text in it to read."}])
    return text


def article_from_file(name: str, data: bytes, loc: str = "file") -> str:
    """The text to read from an uploaded or named .txt or .html file, or a clear refusal."""
    _check_size(data, loc)
    if not data.strip():
        raise ArticleEmpty([{"loc": [loc], "msg": "The article is empty: the file has no text in it."}])
    if b"\x00" in data:
        raise InvalidInput([{"loc": [loc], "msg": "This is not a text file (it contains binary data)."}])
    try:
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput([{"loc": [loc], "msg": "The file is not UTF-8 text."}]) from None
    return article_from_text(decoded, html=True if name.lower().endswith(HTML_NAMES) else None, loc=loc)


def html_to_text(html: str, loc: str = "text") -> str:
    """The main text of an HTML page (scripts, styles, menus and link boxes dropped), via trafilatura."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, include_links=False)
    if not text or not text.strip():
        raise InvalidInput([{"loc": [loc], "msg": "No article text was found in this HTML page."}])
    return strip_forbidden(text)  # the page's entities may spell out what the rule forbids


def looks_like_html(text: str) -> bool:
    return HTML_HINT.search(text[:5000]) is not None
