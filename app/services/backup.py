"""Backups as versioned JSON: every row of every lasting table, loadable into an empty database
of either kind, with the change log's chain head carried across so `verify` still holds.

Sessions and sign-in attempts are passing state and are not exported. Password hashes and API
token hashes are exported only when asked for.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import IO, Any

from sqlalchemy import JSON, Boolean, Date, Integer, Table, func, insert, select, text, update
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from app import migrate
from app.db import Base, UTCDateTime, utcnow
from app.models import ChainHead, Change, Condition
from app.services.changes import verify_chain
from app.services.sources import source_problems
from app.text_rule import problem_in

FORMAT = "isf-tracker-export/1"
TABLES = ("countries", "sources", "proposals", "factors", "stances", "conditions", "citations", "changes",
          "imports", "import_decisions", "users", "api_tokens")
SECRET_TABLES = {"api_tokens"}
SECRET_COLUMNS = {"users": {"password_hash"}}
NO_PASSWORD = "!"  # a hash no password matches: the account must be given a new password


class BackupError(Exception):
    """A file that cannot be loaded, or a database it cannot be loaded into; the message says why."""


@dataclass
class ExportSummary:
    rows: dict[str, int]
    chain_head: str
    # Rows holding characters the text rule refuses today (kept as they were), "table[i].field: why".
    flagged: list[str] = field(default_factory=list)


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _encode(column, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, UTCDateTime):
        return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(column.type, Date):
        return value.isoformat()
    return value


def _decode(column, value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.timezone.utc)
    if isinstance(kind, Date):
        return dt.date.fromisoformat(value)
    if isinstance(kind, Boolean):
        return bool(value)
    if isinstance(kind, Integer) and not isinstance(value, int):
        raise BackupError(f"{column.table.name}.{column.name}: expected a whole number, found {value!r}")
    if isinstance(kind, JSON):
        return value
    return value


def _columns(name: str, include_secrets: bool):
    hidden = set() if include_secrets else SECRET_COLUMNS.get(name, set())
    return [c for c in _table(name).columns if c.name not in hidden]


def exported_tables(include_secrets: bool) -> list[str]:
    """The tables an export writes, every one of them even when empty."""
    return [n for n in TABLES if include_secrets or n not in SECRET_TABLES]


def export_database(session: Session, out: IO[str], include_secrets: bool = False) -> ExportSummary:
    """Write the whole database to OUT as JSON, streaming row by row, all of it as of one moment: on
    PostgreSQL one read-only REPEATABLE READ transaction (SESSION must not have run a query yet), so
    writers busy meanwhile never leave the file with a head behind its last change or a quote whose
    source it lacks. (SQLite reads in one transaction of its own.)"""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ", "postgresql_readonly": True})
    head = session.get(ChainHead, 1)
    header = {
        "format": FORMAT,
        "exported_at": utcnow().strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "schema_revision": migrate.current_revision(session.get_bind()),
        "includes_secrets": include_secrets,
        "chain": {"last_change_id": head.last_change_id if head else None,
                  "last_hash": head.last_hash if head else "0" * 64},
    }
    out.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "tables": {')
    counts: dict[str, int] = {}
    names = exported_tables(include_secrets)
    for i, name in enumerate(names):
        columns = _columns(name, include_secrets)
        out.write(("" if i == 0 else ", ") + json.dumps(name) + ": [")
        table = _table(name)
        result = session.execute(select(*columns).order_by(*table.primary_key.columns).execution_options(yield_per=2000))
        count = 0
        for row in result:
            record = {c.name: _encode(c, value) for c, value in zip(columns, row)}
            out.write(("\n" if count == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
            count += 1
        out.write("]")
        counts[name] = count
    out.write("}}\n")
    return ExportSummary(counts, header["chain"]["last_hash"])


def highest_condition_id(session: Session) -> int:
    """The highest id a condition has had: stored, or named in a stance's recorded position (a
    condition since removed lives on in the history, and its id must not name another)."""
    highest = session.scalar(select(func.max(Condition.id))) or 0
    for after in session.scalars(select(Change.after).where(Change.entity == "stance", Change.after.is_not(None))):
        for condition in after.get("conditions") or ():
            if isinstance(condition.get("id"), int):
                highest = max(highest, condition["id"])
    return highest


def reset_id_sequences(session: Session, names) -> None:
    """After rows were inserted with their ids, move the id counters past them: PostgreSQL's
    sequences, and for conditions (whose ids the history names) SQLite's too, past every id the
    history holds."""
    postgres = session.get_bind().dialect.name == "postgresql"
    for name in names:
        table = _table(name)
        if "id" not in table.columns or not isinstance(table.columns["id"].type, Integer):
            continue
        if name == "conditions":
            highest = highest_condition_id(session)
            if postgres:
                session.execute(text("SELECT setval(pg_get_serial_sequence('conditions', 'id'), :next, false)"),
                                {"next": highest + 1})
            else:
                session.execute(text("DELETE FROM sqlite_sequence WHERE name = 'conditions'"))
                session.execute(text("INSERT INTO sqlite_sequence (name, seq) VALUES ('conditions', :seq)"),
                                {"seq": highest})
        elif postgres:
            session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
            ))


def load_database(session: Session, source: IO[str]) -> ExportSummary:
    """Load an export into this (migrated, empty) database, in the caller's transaction."""
    try:
        data = json.load(source)
    except json.JSONDecodeError as exc:
        raise BackupError(f"not a JSON file: {exc}") from exc
    except UnicodeDecodeError:
        raise BackupError("not an ISF Tracker export: the file is not UTF-8 text") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError(f"not an ISF Tracker export (expected format {FORMAT!r})")
    here = migrate.current_revision(session.get_bind())
    if data.get("schema_revision") != here:
        raise BackupError(
            f"the export is of schema revision {data.get('schema_revision')}, this database is at {here}: "
            "run `isf-tracker db upgrade` on a database of the export's revision, load, then upgrade"
        )
    nonempty = [n for n in TABLES if session.scalar(select(func.count()).select_from(_table(n)))]
    if nonempty:
        raise BackupError(f"load needs an empty database; these tables have rows: {', '.join(nonempty)}")

    tables = data.get("tables")
    missing = [n for n in exported_tables(bool(data.get("includes_secrets"))) if not isinstance(tables, dict) or not isinstance(tables.get(n), list)]
    if missing:  # an export writes every table, empty or not: one left out was cut from the file
        raise BackupError(f"refused, nothing loaded: the export has no table {', '.join(missing)} (an export "
                          "lists every table, empty ones too)")
    counts: dict[str, int] = {}
    flagged: list[str] = []
    for name in TABLES:
        rows = tables.get(name, [])
        if not rows:
            counts[name] = 0
            continue
        table = _table(name)
        records = []
        for index, row in enumerate(rows):
            # A restore gives back exactly what was exported (the change log's hashes cover the
            # texts): text stored before the rule is kept as it was, and named in the summary.
            problem = problem_in(row, f"{name}[{index}]")
            if problem and "lone surrogate" in problem:  # no database can store one: not an export of ours
                raise BackupError(f"refused: {problem}")
            if problem:
                flagged.append(problem)
            record = {}
            for column in table.columns:
                if column.name in row:
                    record[column.name] = _decode(column, row[column.name])
            if name == "users" and "password_hash" not in record:
                record["password_hash"] = NO_PASSWORD
            records.append(record)
        try:
            for start in range(0, len(records), 1000):
                session.execute(insert(table), records[start:start + 1000])
        except (IntegrityError, DataError) as exc:  # only the rule broken, never the row's data
            rule = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else "a constraint"
            raise BackupError(f"refused, nothing loaded: a row of {name} breaks the database's rules ({rule})") from None
        counts[name] = len(records)

    chain = data.get("chain") or {}
    session.execute(update(ChainHead).where(ChainHead.id == 1).values(
        last_change_id=chain.get("last_change_id"), last_hash=chain.get("last_hash", "0" * 64)))
    reset_id_sequences(session, TABLES)
    # A log that does not verify (a row altered, removed or added since the export) is not loaded.
    report = verify_chain(session)
    if not report.ok:
        raise BackupError(f"refused, nothing loaded: the change log does not verify: change "
                          f"{report.broken_change_id}: {report.problem}")
    # Nor are sources whose text was altered: the quotes rest on it, and the log's hashes do not cover it.
    altered = source_problems(session)
    if altered:
        raise BackupError(f"refused, nothing loaded: {altered[0]}"
                          + (f" (and {len(altered) - 1} more)" if len(altered) > 1 else ""))
    return ExportSummary(counts, chain.get("last_hash", "0" * 64), flagged)
