"""A quote belongs to the value it was recorded for: stances whose current quotes include quotes of
values that have since changed get them reassigned, by one new change row each.

Before this, a stance kept every quote it was ever given: a country that moved from considering to
committed still showed the passage recorded for "considering" as the word for its status. This
replays each stance's history under the rule the write path now follows (app/services/stances.py:
a fact whose value a change changed loses its earlier quotes; a quote naming no fact is the word for
what its change changed) and, where the result differs from the stance's current quotes, records it
as a new version through the hash chain. Nothing is lost: every earlier quote stays in the change
rows, with the version it supported. The new change speaks for the same day as the one it follows.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 00:00:00
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from app.db import UTCDateTime

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FACTS = ("status", "troops", "roles", "summary", "stated_on")
TROOP_FIELDS = ("offered_min", "offered_max", "committed", "deployed")
ACTOR = "isf-tracker db upgrade"
REASON = ("Quotes reassigned to the values they were recorded for; quotes of values that have since "
          "changed stay in the history.")

meta = sa.MetaData()
changes = sa.Table(
    'changes', meta,
    sa.Column('id', sa.Integer, primary_key=True), sa.Column('changed_at', UTCDateTime()),
    sa.Column('entity', sa.String), sa.Column('proposal_id', sa.Integer), sa.Column('country_code', sa.String),
    sa.Column('stance_id', sa.Integer), sa.Column('factor_id', sa.Integer), sa.Column('actor', sa.String),
    sa.Column('via', sa.String), sa.Column('before', sa.JSON), sa.Column('after', sa.JSON),
    sa.Column('source_id', sa.Integer), sa.Column('reason', sa.Text), sa.Column('prev_hash', sa.String),
    sa.Column('hash', sa.String), sa.Column('effective_on', sa.Date), sa.Column('request_id', sa.String),
)
stances = sa.Table('stances', meta, sa.Column('id', sa.Integer, primary_key=True), sa.Column('version', sa.Integer),
                   sa.Column('updated_at', UTCDateTime()))
citations = sa.Table('citations', meta, sa.Column('id', sa.Integer, primary_key=True),
                     sa.Column('source_id', sa.Integer), sa.Column('quote', sa.Text), sa.Column('field', sa.String),
                     sa.Column('stance_id', sa.Integer), sa.Column('condition_id', sa.Integer),
                     sa.Column('created_at', UTCDateTime()))
conditions = sa.Table('conditions', meta, sa.Column('id', sa.Integer, primary_key=True),
                      sa.Column('stance_id', sa.Integer))
sources = sa.Table('sources', meta, sa.Column('id', sa.Integer, primary_key=True),
                  sa.Column('published_on', sa.Date))
chain_head = sa.Table('chain_head', meta, sa.Column('id', sa.Integer, primary_key=True),
                      sa.Column('last_change_id', sa.Integer), sa.Column('last_hash', sa.String))


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _fact(field: str | None) -> str | None:
    if field in TROOP_FIELDS:
        return "troops"
    if field is None:
        return "status"
    return field if field in FACTS else None


def _facts(snap: dict[str, Any] | None) -> dict[str, Any]:
    if not snap:
        return {}
    troops = snap.get("troops") or {}
    return {"status": snap.get("status"), "troops": tuple(troops.get(k) for k in TROOP_FIELDS),
            "roles": list(snap.get("roles") or []), "summary": snap.get("summary") or None,
            "stated_on": snap.get("stated_on")}


def _has_value(value: Any) -> bool:
    return value not in (None, "", [], (None, None, None, None))


def _keys(quotes: list[dict[str, Any]] | None) -> list[tuple]:
    return [(q["source_id"], q["quote"], q.get("field")) for q in quotes or []]


def _new(before: list[tuple], after: list[tuple]) -> list[tuple]:
    seen = set(before)
    return [q for q in after if q not in seen]


def _once(items: list[tuple]) -> list[tuple]:
    return list(dict.fromkeys(items))


def replay(history: list[tuple[dict | None, dict]]) -> tuple[list[tuple], dict[int, list[tuple]]]:
    """The quotes a stance holds after HISTORY (its changes' before and after, in order) under the
    rule: (source id, quote, fact) for the stance, and (source id, quote, field) per condition id."""
    mine: list[tuple] = []
    per_condition: dict[int, list[tuple]] = {}
    for before, after in history:
        was, now = _facts(before), _facts(after)
        changed = {f for f in FACTS if not before or was.get(f) != now[f]}
        given = _new(_keys((before or {}).get("citations")), _keys(after.get("citations")))
        loose = [q for q in given if q[2] is None]
        kept = [q for q in mine if q[2] not in changed and _has_value(now[q[2]])]
        targets = [f for f in FACTS if f in changed and _has_value(now[f])] or ["status"]
        for source_id, quote, field in given:
            for fact in ([_fact(field)] if field is not None else targets):
                if fact is not None:
                    kept.append((source_id, quote, fact))
        mine = _once(kept)

        earlier = {c["id"]: c for c in (before or {}).get("conditions", []) if c.get("id") is not None}
        held: dict[int, list[tuple]] = {}
        for c in after.get("conditions", []):
            old = earlier.get(c.get("id"))
            moved = old is None or any(old.get(k) != c.get(k) for k in ("text", "category", "state", "factor"))
            new = _new(_keys(old.get("citations") if old else []), _keys(c.get("citations")))
            current = [] if moved else per_condition.get(c["id"], [])
            held[c["id"]] = _once(current + (new or (loose if moved else [])))
        per_condition = held
    return mine, per_condition


def _stored(snapshot: dict[str, Any]) -> tuple[list[tuple], dict[int, list[tuple]]]:
    return (_keys(snapshot.get("citations")),
            {c["id"]: _keys(c.get("citations")) for c in snapshot.get("conditions", [])})


def _hash(row: dict[str, Any]) -> str:
    from app.services.changes import canonical_json
    import hashlib

    payload = {k: row[k] for k in ("changed_at", "entity", "proposal_id", "country_code", "stance_id", "factor_id",
                                   "actor", "via", "before", "after", "source_id", "reason", "prev_hash")}
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def upgrade() -> None:
    bind = op.get_bind()
    ids = bind.execute(sa.select(changes.c.stance_id).where(changes.c.entity == 'stance')
                       .group_by(changes.c.stance_id).order_by(changes.c.stance_id)).scalars().all()
    now = dt.datetime.now(dt.timezone.utc)
    for stance_id in ids:
        rows = bind.execute(sa.select(changes).where(changes.c.entity == 'stance', changes.c.stance_id == stance_id)
                            .order_by(changes.c.id)).mappings().all()
        history = [(_json(r['before']), _json(r['after'])) for r in rows]
        last = rows[-1]
        latest = history[-1][1]
        mine, per_condition = replay(history)
        stored_mine, stored_conditions = _stored(latest)
        if (mine, per_condition) == (stored_mine, stored_conditions):
            continue
        after = json.loads(json.dumps(latest))
        after["citations"] = [{"source_id": s, "quote": q, "field": f} for s, q, f in mine]
        for c in after.get("conditions", []):
            c["citations"] = [{"source_id": s, "quote": q, "field": f} for s, q, f in per_condition.get(c["id"], [])]
        after["version"] = latest.get("version", 0) + 1
        head = bind.execute(sa.select(chain_head.c.last_hash).where(chain_head.c.id == 1)).scalar_one()
        row = {"changed_at": now, "entity": "stance", "proposal_id": last['proposal_id'],
               "country_code": last['country_code'], "stance_id": stance_id, "factor_id": None, "actor": ACTOR,
               "via": "cli", "before": latest, "after": after, "source_id": last['source_id'], "reason": REASON,
               "prev_hash": head}
        row["hash"] = _hash(row)
        # The as-of rule's day (app/services/changes.py effective_on): the same stated day and source as
        # the position it restates, so it speaks for the same day.
        published = bind.execute(sa.select(sources.c.published_on).where(sources.c.id == last['source_id'])
                                 ).scalar_one_or_none() if last['source_id'] else None
        stated = after.get("stated_on")
        row["effective_on"] = dt.date.fromisoformat(stated) if stated else published or now.date()
        change_id = bind.execute(changes.insert().values(**row).returning(changes.c.id)).scalar_one()
        bind.execute(chain_head.update().where(chain_head.c.id == 1).values(last_change_id=change_id,
                                                                           last_hash=row["hash"]))
        bind.execute(stances.update().where(stances.c.id == stance_id).values(version=after["version"], updated_at=now))

        # The current rows follow the new version.
        condition_ids = bind.execute(sa.select(conditions.c.id).where(conditions.c.stance_id == stance_id)).scalars().all()
        bind.execute(citations.delete().where(citations.c.stance_id == stance_id))
        if condition_ids:
            bind.execute(citations.delete().where(citations.c.condition_id.in_(condition_ids)))
        fresh = [{"source_id": s, "quote": q, "field": f, "stance_id": stance_id, "condition_id": None,
                  "created_at": now} for s, q, f in mine]
        fresh += [{"source_id": s, "quote": q, "field": f, "stance_id": None, "condition_id": cid, "created_at": now}
                  for cid, quotes in per_condition.items() if cid in condition_ids for s, q, f in quotes]
        if fresh:
            bind.execute(citations.insert(), fresh)


def downgrade() -> None:
    # The reassigned quotes are a new version of each stance, recorded in the chain: going back a
    # schema version keeps them (the earlier quotes are in the history either way).
    pass
