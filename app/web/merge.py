"""When an editor saves a stance that a colleague saved meanwhile: a three-way merge of what the editor
started from (base), what the colleague saved (theirs, the stance now) and what the editor typed
(mine), field by field.

A field only one side changed takes that side; a field both changed alike takes that value; only a
field both changed differently is a clash, for the editor to settle (keep mine or take theirs). Roles
merge role by role, conditions condition by condition (matched by id) and part by part (wording,
category, state, factor); a condition one side added or removed stays added or removed unless the
other side changed it. Quotes never clash: each change's quote backs the values that change set.

Positions are compared in their stored form (the change log's snapshot shape), so "1,000" typed and
1000 saved are the same figure. Without a base (a form that named no saved version, or one the log no
longer holds) every difference is a clash.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from starlette.datastructures import FormData

from app.models import Source, Stance
from app.schemas import StanceData, form_number
from app.figure_rule import TROOP_FIELDS
from app.services.history import day_text, stance_version
from app.services.stances import stance_snapshot
from app.vocabulary import CATEGORY_LABELS, ROLES, STATE_LABELS, STATUS_LABELS
from app.web.stance_form import ConditionRow, StanceForm
from app.web.templating import number, roles_text

SCALARS = ("status", *TROOP_FIELDS, "summary", "stated_on", "dispute")
FIELDS = ("status", "summary", "stated_on", "dispute", *TROOP_FIELDS, "roles")  # in the form's order
PARTS = ("text", "category", "state", "factor")
LABELS = {"status": "Status", "offered_min": "Offered, at least", "offered_max": "Offered, at most",
          "committed": "Committed", "deployed": "Deployed", "roles": "Roles offered", "summary": "Summary",
          "stated_on": "Stated on", "dispute": "A report that disagrees", "citation": "Source and quote"}
PART_LABELS = {"text": "wording", "category": "category", "state": "state", "factor": "factor"}

# What became of a field.
UNCHANGED = "unchanged"   # neither side changed it
MINE = "mine"             # only the editor changed it
THEIRS = "theirs"         # only the colleague changed it
ALIKE = "alike"           # both changed it to the same value
COMBINED = "combined"     # both changed different parts of it (roles, a condition), all kept
CLASH = "clash"           # both changed the same thing differently: the editor chooses
KEPT = "kept"             # quotes: each side's is kept with the values it backs

Position = dict[str, Any]


# ---- positions ------------------------------------------------------------------------------------


def position_of(snapshot: dict[str, Any]) -> Position:
    """A stance snapshot (the change log's `after`, or `stance_snapshot`) as the merge compares it."""
    troops = snapshot.get("troops") or {}
    return {
        "status": snapshot.get("status"),
        **{name: troops.get(name) for name in TROOP_FIELDS},
        "roles": list(snapshot.get("roles") or []),
        "summary": snapshot.get("summary") or None,
        "stated_on": snapshot.get("stated_on") or None,
        "dispute": snapshot.get("dispute") or None,
        "conditions": {c["id"]: {p: c.get(p) or None for p in PARTS} for c in snapshot.get("conditions") or []},
        "citations": [(q["source_id"], q["quote"]) for q in snapshot.get("citations") or []],
        "version": snapshot.get("version"),
    }


def position_typed(data: StanceData) -> Position:
    """What the editor typed (parsed), in the same shape; a condition without an id is a new one."""
    conditions: dict[Any, dict[str, Any]] = {}
    for n, c in enumerate(data.conditions):
        key = c.id if c.id is not None and c.id not in conditions else f"new-{n}"
        conditions[key] = {"text": c.text, "category": c.category, "state": c.state, "factor": c.factor or None}
    return {
        "status": data.status,
        **{name: getattr(data.troops, name) for name in TROOP_FIELDS},
        "roles": list(data.roles),
        "summary": data.summary or None,
        "stated_on": data.stated_on.isoformat() if data.stated_on else None,
        "dispute": data.dispute or None,
        "conditions": conditions,
        "citations": [(q.source_id, q.quote) for q in data.citations],
        "version": None,
    }


def position_at(session, stance: Stance | None, version: int | None) -> Position | None:
    """STANCE as its version VERSION was: the stance itself when that is its version now, else the
    change log's record of it; None when there is no such version to build on. Version 0 is the
    country before it had a stance (a form that adds it): nothing, so what only one side set is
    that side's, not a clash."""
    if version == 0:
        return {**position_of({}), "version": 0}
    if stance is None or version is None or version < 1:
        return None
    if stance.version == version:
        return position_of(stance_snapshot(stance))
    snapshot = stance_version(session, stance.id, version)
    return position_of(snapshot) if snapshot is not None else None


def with_current(session, current: Stance, base_version: int | None, data: StanceData, typed: StanceForm,
                 typed_source: str) -> Merge:
    """An editor's input (the form TYPED, parsed as DATA) merged with the stance CURRENT as saved
    meanwhile, on top of its version BASE_VERSION, the one the form was filled in over. Both the
    stance form and an import's review merge through here; TYPED_SOURCE names the source the editor
    cites."""
    titles: dict[int, str] = {}

    def title(source_id: int) -> str:
        if source_id not in titles:
            source = session.get(Source, source_id)
            titles[source_id] = source.title if source else f"source {source_id}"
        return titles[source_id]

    return three_way(position_at(session, current, base_version), position_of(stance_snapshot(current)),
                     position_typed(data), typed, source_title=title, typed_source=typed_source)


# ---- how values are shown -------------------------------------------------------------------------


def shown(name: str, value: Any) -> str:
    """A field's value in words, as the comparison shows it ("—" for none: a country added
    meanwhile had no status before)."""
    if value is None:
        return "—"
    if name == "status":
        return STATUS_LABELS.get(value, str(value))
    if name in TROOP_FIELDS:
        return number(value)
    if name == "roles":
        return roles_text(value) or "none"
    if name == "stated_on":
        return day_text(value)
    return value or "—"


def shown_condition(c: dict[str, Any] | None, gone: bool = False) -> str:
    if c is None:
        return "Removed" if gone else "—"
    extra = f", depends on {c['factor']}" if c.get("factor") else ""
    return (f"{c['text']} ({CATEGORY_LABELS.get(c['category'], c['category'])}, "
            f"{STATE_LABELS.get(c['state'], c['state']).lower()}{extra})")


def shown_part(part: str, value: Any) -> str:
    if part == "category":
        return CATEGORY_LABELS.get(value, str(value))
    if part == "state":
        return STATE_LABELS.get(value, str(value))
    return value or "none"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ---- the merge ------------------------------------------------------------------------------------


@dataclass
class Clash:
    """One thing both sides changed differently, for the editor to settle: `key` names its choice."""

    key: str
    label: str
    why: str
    base: str
    theirs: str
    mine: str
    mine_means: str = "Keep mine"
    theirs_means: str = "Take theirs"
    what: str = "below"  # in the comparison's link to the choice

    @property
    def name(self) -> str:
        return f"choice-{self.key}"


@dataclass
class Row:
    """A line of the comparison: one field (or condition) on the three sides and what became of it."""

    label: str
    base: list[str]
    theirs: list[str]
    mine: list[str]
    outcome: str
    clashes: list[Clash] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # a condition's parts only the colleague changed
    said: str = ""  # how the message after saving names it, when not by its label


@dataclass
class Merge:
    rows: list[Row]
    clashes: list[Clash]
    form: StanceForm            # the merged form: every field merged, a clashing one as the editor typed it
    base_version: int | None
    theirs_version: int

    def taken(self) -> list[str]:
        """What the merge took from the colleague, in words (for the message after saving)."""
        out = []
        for row in self.rows:
            said = row.said or row.label[:1].lower() + row.label[1:]
            if row.parts:
                said += f": its {' and '.join(PART_LABELS[p] for p in row.parts)}"
            if row.outcome == THEIRS:
                out.append(said)
            elif row.outcome == COMBINED:
                out.append(f"{said} (with yours)")
        return out


def _pick(known: bool, base: Any, theirs: Any, mine: Any) -> tuple[Any, str]:
    """One value, three ways: the merged value and what became of it."""
    if mine == theirs:
        return theirs, UNCHANGED if known and theirs == base else ALIKE
    if not known:
        return mine, CLASH
    if mine == base:
        return theirs, THEIRS
    if theirs == base:
        return mine, MINE
    return mine, CLASH


def _role_order(roles) -> list[str]:
    return sorted(roles, key=lambda r: (ROLES.index(r) if r in ROLES else len(ROLES), r))


def _merge_roles(known: bool, base: list[str] | None, theirs: list[str], mine: list[str]) -> tuple[list[str], str]:
    b, t, m = set(base or []), set(theirs), set(mine)
    if m == t:
        return theirs, UNCHANGED if known and t == b else ALIKE
    if not known:
        return mine, CLASH
    if m == b:
        return theirs, THEIRS
    if t == b:
        return mine, MINE
    # Each role is its own yes/no: one taken away by one side and not added back by the other goes.
    return _role_order((t - (b - m)) | (m - b)), COMBINED


def _form_text(name: str, value: Any) -> str:
    return "" if value is None else str(value)


def three_way(base: Position | None, theirs: Position, mine: Position, typed: StanceForm, *,
              source_title: Callable[[int], str] = str, typed_source: str = "") -> Merge:
    """Merge MINE (parsed from the form TYPED) with THEIRS on top of BASE. The merged form keeps the
    citation, reason and new-source details the editor typed and builds on THEIRS's version."""
    known = base is not None
    b: Position = base or {}
    rows: list[Row] = []
    clashes: list[Clash] = []
    merged: dict[str, Any] = {}

    for name in FIELDS:
        if name == "roles":
            value, outcome = _merge_roles(known, b.get("roles"), theirs["roles"], mine["roles"])
        else:
            value, outcome = _pick(known, b.get(name), theirs[name], mine[name])
        merged[name] = value
        row = Row(LABELS[name], [shown(name, b.get(name)) if known else "—"], [shown(name, theirs[name])],
                  [shown(name, mine[name])], outcome)
        if outcome == CLASH:
            row.clashes.append(Clash(name, LABELS[name], _why(known), row.base[0], row.theirs[0], row.mine[0]))
        rows.append(row)

    form_rows, condition_rows = _merge_conditions(known, b.get("conditions") or {}, theirs["conditions"],
                                                  mine["conditions"])
    rows += condition_rows

    # The quotes: the colleague's stay with what they set, the editor's goes with what the editor set.
    base_quotes = list(dict.fromkeys(b.get("citations") or []))  # a quote recorded for several facts, once
    theirs_new = [q for q in dict.fromkeys(theirs["citations"]) if q not in base_quotes]

    def quoted(q: tuple[int, str]) -> str:
        return f"“{_short(q[1], 120)}” ({source_title(q[0])})"

    rows.append(Row(LABELS["citation"], [quoted(q) for q in base_quotes] or ["—"],
                    [quoted(q) for q in theirs_new] or ["no new quote"],
                    [f"“{_short(typed.quote.strip(), 120)}” ({typed_source or 'no source chosen'})"], KEPT))

    for row in rows:
        clashes += row.clashes
    form = dataclasses.replace(
        typed,
        status=merged["status"],
        **{name: _form_text(name, merged[name]) for name in TROOP_FIELDS},
        roles=list(merged["roles"]),
        summary=merged["summary"] or "",
        stated_on=merged["stated_on"] or "",
        dispute=merged["dispute"] or "",
        conditions=form_rows,
        version=str(theirs["version"]),
        errors={},
    )
    return Merge(rows, clashes, form, b.get("version") if known else None, theirs["version"])


def _why(known: bool) -> str:
    return ("You and your colleague both changed it, differently." if known
            else "Your version and your colleague's differ.")


def _row_of(c: dict[str, Any], cid: Any = None, remove: bool = False) -> ConditionRow:
    return ConditionRow(str(cid) if isinstance(cid, int) else "", c["text"], c["category"], c["state"],
                        c.get("factor") or "", remove)


def _merge_conditions(known: bool, base: dict, theirs: dict, mine: dict) -> tuple[list[ConditionRow], list[Row]]:
    """The merged condition rows of the form, and a comparison row per condition."""
    form_rows: list[ConditionRow] = []
    rows: list[Row] = []
    # New conditions the editor typed (and any id the stance never had, which can only be new).
    fresh = [c for key, c in mine.items() if not isinstance(key, int) or (key not in base and key not in theirs)]

    def same_as_fresh(c: dict[str, Any]) -> bool:
        """Whether the editor also added C (same wording, category, state and factor): one condition."""
        for i, f in enumerate(fresh):
            if f == c:
                del fresh[i]
                return True
        return False

    def label(index: int | None, c: dict[str, Any]) -> str:
        where = f"Condition {index + 1}" if index is not None else "Condition"
        return f"{where} (“{_short(c['text'])}”)"

    def existence_clash(index: int, c: dict[str, Any], why: str, keep_mine: str, take_theirs: str,
                        b, t, m) -> Row:
        row = Row(label(index, c), [shown_condition(b, gone=False)], [shown_condition(t, gone=b is not None)],
                  [shown_condition(m, gone=b is not None or t is not None)], CLASH)
        row.clashes.append(Clash(f"cond-{index}", row.label, why, row.base[0], row.theirs[0], row.mine[0],
                                 keep_mine, take_theirs))
        return row

    for cid, t in theirs.items():
        b, m = base.get(cid), mine.get(cid)
        if m is None and (b is None if known else True) and same_as_fresh(t):
            # Both added the same condition (or, with nothing to compare with, both have it).
            form_rows.append(_row_of(t, cid))
            rows.append(Row(label(len(form_rows) - 1, t), [shown_condition(b)], [shown_condition(t)],
                            [shown_condition(t)], ALIKE))
            continue
        if m is None:
            index = len(form_rows)
            if known and b is None:  # the colleague added it
                form_rows.append(_row_of(t, cid))
                rows.append(Row(label(index, t), ["—"], [shown_condition(t)], ["—"], THEIRS,
                                said=f"the new condition “{_short(t['text'])}”"))
            elif known and t == b:  # the editor removed it, the colleague left it alone
                form_rows.append(_row_of(t, cid, remove=True))
                rows.append(Row(label(index, t), [shown_condition(b)], [shown_condition(t)], ["Removed"], MINE))
            else:
                form_rows.append(_row_of(t, cid, remove=True))
                why = ("You removed it; your colleague changed it." if known
                       else "Your colleague's version has it; yours does not.")
                rows.append(existence_clash(index, t, why, "Keep mine (remove it)", "Take theirs (keep it as they saved it)",
                                            b if known else None, t, None))
            continue
        # On both sides: part by part.
        values, outcomes = {}, {}
        for part in PARTS:
            values[part], outcomes[part] = _pick(known and b is not None, (b or {}).get(part), t[part], m[part])
        index = len(form_rows)
        form_rows.append(_row_of(values, cid))
        kinds = set(outcomes.values()) - {UNCHANGED}
        if CLASH in kinds:
            outcome = CLASH
        elif not kinds:
            outcome = UNCHANGED
        elif len(kinds) == 1:
            outcome = kinds.pop()
        else:
            outcome = ALIKE if kinds == {ALIKE} else COMBINED if {MINE, THEIRS} <= kinds else (
                THEIRS if THEIRS in kinds else MINE)
        row = Row(label(index, values), [shown_condition(b)], [shown_condition(t)], [shown_condition(m)], outcome,
                  parts=[p for p in PARTS if outcomes[p] == THEIRS])
        for part in PARTS:
            if outcomes[part] == CLASH:
                row.clashes.append(Clash(
                    f"cond-{index}-{part}", f"{label(index, values)}: {PART_LABELS[part]}", _why(known and b is not None),
                    shown_part(part, (b or {}).get(part)) if b else "—", shown_part(part, t[part]),
                    shown_part(part, m[part]), what=f"the {PART_LABELS[part]} below"))
        rows.append(row)

    for cid, b in base.items():
        if cid in theirs:
            continue
        m = mine.get(cid)
        if m is None:
            rows.append(Row(label(None, b), [shown_condition(b)], ["Removed"], ["Removed"], ALIKE))
        elif m == b:
            rows.append(Row(label(None, b), [shown_condition(b)], ["Removed"], [shown_condition(m)], THEIRS,
                            said=f"the removal of “{_short(b['text'])}”"))
        else:
            index = len(form_rows)
            form_rows.append(_row_of(m))  # kept, it comes back as a new condition
            rows.append(existence_clash(index, m, "Your colleague removed it; you changed it.",
                                        "Keep mine (keep it, as you changed it)", "Take theirs (remove it)", b, None, m))

    for m in fresh:
        index = len(form_rows)
        form_rows.append(_row_of(m))
        if known:
            rows.append(Row(label(index, m), ["—"], ["—"], [shown_condition(m)], MINE))
        else:
            rows.append(existence_clash(index, m, "Your version has it; your colleague's does not.",
                                        "Keep mine (add it)", "Take theirs (leave it out)", None, None, m))
    return form_rows, rows


# ---- the editor's choices -------------------------------------------------------------------------

CHOICE = re.compile(r"choice-(status|offered_min|offered_max|committed|deployed|roles|summary|stated_on|dispute"
                    r"|cond-(\d{1,2})(?:-(text|category|state|factor))?)")


def theirs_chosen(submitted: FormData) -> list[str]:
    """The clashes the editor settled with "take theirs" (their keys), from a submitted conflict form."""
    out = []
    for name, value in submitted.multi_items():
        match = CHOICE.fullmatch(name) if isinstance(name, str) else None
        if match and value == "theirs":
            out.append(match.group(1))
    return out


def apply_choices(form: StanceForm, keys: list[str], shown_then: Position | None) -> None:
    """Put the colleague's value (as SHOWN_THEN: the version the conflict page showed, the one the form
    now builds on) in each field the editor chose to take theirs for. The rest stays as typed."""
    if shown_then is None:
        return
    for key in keys:
        if key in SCALARS:
            setattr(form, key, _form_text(key, shown_then[key]))
            continue
        if key == "roles":
            form.roles = list(shown_then["roles"])
            continue
        match = re.fullmatch(r"cond-(\d+)(?:-(\w+))?", key)
        index, part = int(match.group(1)), match.group(2)
        if index >= len(form.conditions):
            continue
        row = form.conditions[index]
        saved = shown_then["conditions"].get(form_number(row.id))
        if part:
            if saved is not None:
                setattr(row, part, saved[part] or "")
        elif saved is not None:  # keep the condition as the colleague saved it
            form.conditions[index] = _row_of(saved, int(row.id))
        else:  # the colleague's version has no such condition: leave it out
            form.conditions[index] = ConditionRow()
