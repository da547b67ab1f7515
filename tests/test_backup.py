"""Backups: export, load into an empty database of either kind, and get back every row, the same
chain head and the same API answers; tampering is caught by verify, which names the row."""

from __future__ import annotations

import io
import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from app import config, db as dbmod
from app.db import Database, build_engine
from app.main import create_app
from app.services.backup import BackupError, export_database, load_database
from app.services.changes import verify_chain
from tests.conftest import PASSWORD, add_token, add_user, hidden_value
from tests.live import cli

QUOTE = "Azerbaijan has made it clear that it will not send peacekeepers to Gaza"


def _export(url: str, include_secrets: bool = False) -> dict:
    engine = build_engine(url)
    try:
        out = io.StringIO()
        with Database(engine).read_session() as s:
            export_database(s, out, include_secrets)
        data = json.loads(out.getvalue())
        data.pop("exported_at")
        return data
    finally:
        engine.dispose()


def _load(url: str, payload: str) -> None:
    engine = build_engine(url)
    try:
        with Database(engine).write_session() as s:
            load_database(s, io.StringIO(payload))
    finally:
        engine.dispose()


def _urls(client) -> list[str]:
    urls = ["/api/v1/proposals", "/api/v1/proposals/gaza-isf", "/api/v1/proposals/gaza-isf/stances",
            "/api/v1/proposals/gaza-isf/stances.csv", "/api/v1/sources", "/api/v1/changes?limit=1000",
            "/api/v1/proposals/gaza-isf/stances?as_of=2026-11-08"]
    for s in client.get("/api/v1/proposals/gaza-isf/stances").json():
        urls += [f"/api/v1/proposals/gaza-isf/stances/{s['country']}", f"/api/v1/proposals/gaza-isf/stances/{s['country']}/history"]
    urls += [f"/api/v1/sources/{s['id']}" for s in client.get("/api/v1/sources").json()]
    return urls


def _answers(url: str, paths: list[str]) -> dict[str, tuple]:
    import os

    old = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    config.get_settings.cache_clear(); dbmod.get_engine.cache_clear(); dbmod.get_database.cache_clear()
    try:
        with TestClient(create_app()) as c:
            return {p: (c.get(p).status_code, c.get(p).content, c.get(p).headers.get("etag")) for p in paths}
    finally:
        dbmod.get_engine().dispose()
        if old is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = old
        config.get_settings.cache_clear(); dbmod.get_engine.cache_clear(); dbmod.get_database.cache_clear()


@pytest.fixture
def busy(backend, client, database):
    """The seeded board plus an editor, a token, API edits, a new source and a factor change."""
    add_user(database, "amira", "admin")
    token = add_token(database, "amira", "write")
    headers = {"Authorization": f"Bearer {token}"}
    etag = client.get("/api/v1/proposals/gaza-isf/stances/AZE").headers["etag"]
    body = {"status": "committed", "stated_on": "2026-11-05", "troops": {"offered_min": 300, "offered_max": 800},
            "roles": ["engineering", "medical"],
            "conditions": [{"text": "Approval by Azerbaijan’s parliament, which has not yet received any legislative proposal.",
                            "category": "domestic_approval", "state": "met"}],
            "citation": {"source": {"title": "Baku vote", "publisher": "Example Wire", "url": "https://example.org/v",
                                    "published_on": "2026-11-05", "text": "Parliament approved up to 800 troops."},
                         "quote": "Parliament approved up to 800 troops"},
            "reason": "vote"}
    assert client.put("/api/v1/proposals/gaza-isf/stances/AZE", json=body, headers={**headers, "If-Match": etag}).status_code == 200
    assert client.put("/api/v1/proposals/gaza-isf/stances/NOR", headers=headers, json={
        "status": "considering", "citation": {"source_id": 1, "quote": "multinational force"}, "reason": "new"}).status_code == 201
    return backend


@pytest.mark.parametrize("target", ["sqlite", "postgresql"])
def test_export_then_load_gives_back_every_row_the_chain_and_every_api_answer(busy, migrated_database, target):
    original = _export(busy.url)
    restored_url = migrated_database(target)
    _load(restored_url, json.dumps(original))

    assert _export(restored_url) == original  # every row of every table, identical
    engine = build_engine(restored_url)
    try:
        with Database(engine).read_session() as s:
            report = verify_chain(s)
        assert report.ok and report.head_hash == original["chain"]["last_hash"]
        assert report.checked == len(original["tables"]["changes"]) == 12
    finally:
        engine.dispose()

    with TestClient(create_app()) as c:
        paths = _urls(c)
    assert len(paths) > 20
    before = _answers(busy.url, paths)
    after = _answers(restored_url, paths)
    assert {p: v[0] for p, v in after.items()} == {p: 200 for p in paths}
    assert after == before


def test_the_restored_database_takes_new_writes_after_the_loaded_ids(busy, client, database, migrated_database):
    # The newest condition removed before the backup: only the history names its id now.
    url = "/api/v1/proposals/gaza-isf/stances/NOR"
    headers = {"Authorization": f"Bearer {add_token(database, 'amira', 'write')}"}
    body = {"status": "conditional", "citation": {"source_id": 1, "quote": "multinational force"}, "reason": "terms",
            "conditions": [{"text": "A vote in the Storting.", "category": "domestic_approval", "state": "unknown"}]}
    added = client.put(url, json=body, headers={**headers, "If-Match": client.get(url).headers["etag"]})
    assert added.status_code == 200, added.text
    removed_id = added.json()["conditions"][0]["id"]
    cleared = client.put(url, json={**body, "status": "considering", "conditions": []},
                         headers={**headers, "If-Match": added.headers["etag"]})
    assert cleared.status_code == 200 and cleared.json()["conditions"] == []
    original = _export(busy.url)
    restored = migrated_database("postgresql" if busy.is_postgres else "sqlite")
    _load(restored, json.dumps(original))
    env = {"DATABASE_URL": restored}
    cli("user", "set-password", "amira", env=env, input=PASSWORD + "\n")
    token = cli("token", "create", "amira", "--scope", "write", env=env).stdout.strip().splitlines()[-1]
    import os

    os.environ["DATABASE_URL"] = restored
    config.get_settings.cache_clear(); dbmod.get_engine.cache_clear(); dbmod.get_database.cache_clear()
    with TestClient(create_app()) as c:
        etag = c.get("/api/v1/proposals/gaza-isf/stances/QAT").headers["etag"]
        reply = c.put("/api/v1/proposals/gaza-isf/stances/QAT", headers={"Authorization": f"Bearer {token}", "If-Match": etag},
                      json={"status": "declined", "citation": {"source_id": 1, "quote": "Qatar"}, "reason": "after restore"})
        assert reply.status_code == 200, reply.text
        changes = c.get("/api/v1/changes?limit=1000").json()
        assert changes[-1]["id"] == len(original["tables"]["changes"]) + 1
        reply = c.put("/api/v1/proposals/gaza-isf/stances/QAT", headers={"Authorization": f"Bearer {token}",
                                                                         "If-Match": reply.headers["etag"]},
                      json={"status": "conditional", "citation": {"source_id": 1, "quote": "Qatar"}, "reason": "terms",
                            "conditions": [{"text": "Funding agreed.", "category": "funding", "state": "unmet"}]})
        assert reply.status_code == 200, reply.text
        assert reply.json()["conditions"][0]["id"] > removed_id  # never the id of the condition removed
    dbmod.get_engine().dispose()
    engine = build_engine(restored)
    with Database(engine).read_session() as s:
        assert verify_chain(s).ok
    engine.dispose()


def test_secrets_stay_out_unless_asked(busy, migrated_database, client):
    plain = _export(busy.url)
    assert "api_tokens" not in plain["tables"] and "password_hash" not in plain["tables"]["users"][0]
    full = _export(busy.url, include_secrets=True)
    assert full["tables"]["users"][0]["password_hash"].startswith("$argon2") and len(full["tables"]["api_tokens"]) == 1

    without = migrated_database("sqlite")
    _load(without, json.dumps(plain))
    with_secrets = migrated_database("sqlite")
    _load(with_secrets, json.dumps(full))
    for url, can_sign_in in ((without, False), (with_secrets, True)):
        import os

        os.environ["DATABASE_URL"] = url
        config.get_settings.cache_clear(); dbmod.get_engine.cache_clear(); dbmod.get_database.cache_clear()
        with TestClient(create_app()) as c:
            page = c.get("/login")
            reply = c.post("/login", data={"name": "amira", "password": PASSWORD, "csrf_token": hidden_value(page.text, "csrf_token")},
                           follow_redirects=False)
            assert (reply.status_code == 303) == can_sign_in
        dbmod.get_engine().dispose()


def test_load_refuses_a_non_empty_database_or_a_foreign_file(busy, migrated_database):
    exported = _export(busy.url)
    payload = json.dumps(exported)
    older = json.dumps({**exported, "schema_revision": "0001"})
    with pytest.raises(BackupError, match="empty database"):
        _load(busy.url, payload)
    empty = migrated_database("sqlite")
    for bad, message in (("{}", "not an ISF Tracker export"), ("nonsense", "not a JSON file"),
                         (older, "schema revision")):
        with pytest.raises(BackupError, match=message):
            _load(empty, bad)
    assert _export(empty)["tables"]["changes"] == []  # nothing half-loaded


def test_cli_export_load_verify_round_trip_into_postgresql(tmp_path, migrated_database):
    source = f"sqlite:///{tmp_path / 'source.db'}"
    cli("db", "upgrade", env={"DATABASE_URL": source})
    cli("seed", "--article-only", env={"DATABASE_URL": source})
    backup = tmp_path / "backup.json"
    cli("export", str(backup), env={"DATABASE_URL": source})
    target = migrated_database("postgresql")
    loaded = cli("load", str(backup), env={"DATABASE_URL": target})
    assert "chain verified: 10 changes" in loaded.stdout
    assert cli("verify", env={"DATABASE_URL": target}).stdout.startswith("ok: 10 changes")
    again = cli("load", str(backup), env={"DATABASE_URL": target}, check=False)
    assert again.returncode == 1 and "empty database" in again.stderr


def test_verify_names_a_row_whose_effective_date_was_altered(backend, database, session):
    from sqlalchemy import select

    from app.models import Change

    target = session.scalars(select(Change).where(Change.country_code == "QAT")).one()
    with database.write_session() as s:
        s.execute(text("UPDATE changes SET effective_on = :d WHERE id = :id"), {"d": "2020-01-01", "id": target.id})
    session.rollback()
    report = verify_chain(session)
    assert (report.ok, report.broken_change_id) == (False, target.id)
    assert "effective date" in report.problem


def test_a_backup_with_a_row_that_breaks_the_figure_rule_restores_exactly_and_names_it(backend, database,
                                                                                        migrated_database, tmp_path):
    with database.write_session() as s:
        s.execute(text("UPDATE stances SET committed = 2000, deployed = 5000 WHERE country_code = 'EGY'"))
    backup = tmp_path / "backup.json"
    cli("export", str(backup), env={"DATABASE_URL": backend.url})
    target = migrated_database(backend.name)
    loaded = cli("load", str(backup), env={"DATABASE_URL": target})  # restored, not refused
    assert "chain verified: 10 changes" in loaded.stdout
    assert "FIGURES gaza-isf/EGY (Egypt): committed: a country still considering has no committed troops" in loaded.stderr
    assert "FIGURES gaza-isf/EGY (Egypt): deployed:" in loaded.stderr
    assert _export(target) == _export(backend.url)  # exactly what was saved, the row included
    verified = cli("verify", env={"DATABASE_URL": target}, check=False)
    assert verified.returncode == 1 and "FIGURES gaza-isf/EGY (Egypt): committed:" in verified.stderr


@pytest.mark.parametrize("alter, message", [
    (lambda data: data["tables"]["changes"][3]["after"].update(summary="Edited after the export."),
     "the change log does not verify: change"),
    (lambda data: data["tables"]["stances"][0].update(committed=-5), "a row of stances breaks the database's rules"),
    # The log's hashes do not cover a source's text, its digest does; and a table cut from the file.
    (lambda data: data["tables"]["sources"][0].update(text=data["tables"]["sources"][0]["text"].replace(
        "will not send", "will send")), "source 1: its text does not match its recorded digest"),
    (lambda data: data["tables"].pop("citations"), "the export has no table citations"),
])
def test_a_backup_that_would_not_verify_or_breaks_a_rule_loads_nothing(busy, migrated_database, tmp_path, alter, message):
    """Refused with one line naming the problem (never a row's data), and nothing is left behind: the
    operator can load a good backup into the same database at once."""
    exported = _export(busy.url)
    bad = json.loads(json.dumps(exported))
    alter(bad)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    target = migrated_database("sqlite")
    refused = cli("load", str(path), env={"DATABASE_URL": target}, check=False)
    assert refused.returncode == 1 and message in refused.stderr and "Traceback" not in refused.stderr
    assert "Edited after the export." not in refused.stderr
    assert _export(target)["tables"]["changes"] == [] and _export(target)["tables"]["stances"] == []
    good = tmp_path / "good.json"
    good.write_text(json.dumps(exported), encoding="utf-8")
    assert "chain verified" in cli("load", str(good), env={"DATABASE_URL": target}).stdout


def test_verify_names_a_source_whose_text_was_altered_and_a_quote_it_no_longer_holds(backend, database):
    with database.write_session() as s:
        s.execute(text("UPDATE sources SET text = replace(text, 'will not send', 'will send') WHERE id = 1"))
    verified = cli("verify", env={"DATABASE_URL": backend.url}, check=False)
    assert verified.returncode == 1 and "Traceback" not in verified.stderr
    assert "SOURCES source 1: its text does not match its recorded digest (text_sha256)" in verified.stderr
    assert "no longer a passage of its source's text" in verified.stderr


def test_an_export_that_fails_leaves_the_file_it_was_given_and_secrets_are_for_the_owner_alone(tmp_path):
    good = tmp_path / "good.json"
    good.write_text("an earlier backup", encoding="utf-8")
    empty = {"DATABASE_URL": f"sqlite:///{tmp_path / 'empty.db'}"}
    cli("db", "upgrade", env={"DATABASE_URL": f"sqlite:///{tmp_path / 'empty.db'}"})
    (tmp_path / "bare.db").touch()
    failed = cli("export", str(good), env={"DATABASE_URL": f"sqlite:///{tmp_path / 'bare.db'}"}, check=False)
    assert failed.returncode == 1 and "run `isf-tracker db upgrade`" in failed.stderr and "Traceback" not in failed.stderr
    assert good.read_text(encoding="utf-8") == "an earlier backup" and not list(tmp_path.glob(".*.partial"))
    secret = tmp_path / "secret.json"
    stale = tmp_path / ".secret.json.partial"  # left by an export that was stopped, readable by all
    stale.write_text("half an export", encoding="utf-8")
    stale.chmod(0o644)
    cli("export", "--include-secrets", str(secret), env=empty)
    assert secret.stat().st_mode & 0o777 == 0o600 and not stale.exists()
    for where, message in ((tmp_path / "no" / "x.json", "there is no folder"), (tmp_path, "is a folder")):
        refused = cli("export", str(where), env=empty, check=False)
        assert refused.returncode == 1 and message in refused.stderr
    # A mistyped database path: a message, and no empty database (nor its folders) left behind.
    typo = tmp_path / "typo" / "isf.db"
    for command in (["verify"], ["export", str(tmp_path / "x.json")], ["token", "list", "amira"]):
        missing = cli(*command, env={"DATABASE_URL": f"sqlite:///{typo}"}, check=False)
        assert missing.returncode == 1 and f"there is no database at {typo}" in missing.stderr, command
    assert not typo.parent.exists()
    helped = cli("verify", "--help", env={"DATABASE_URL": f"sqlite:///{typo}"})  # help needs no database
    assert "Usage:" in helped.stdout


def test_an_export_is_of_one_moment_while_writers_carry_on(backend, database, migrated_database):
    """A write committed while the export is being written (after its header, before its tables) is not
    half in the file: the file is the database as it was when the export began, and loads."""
    from app.models import Source
    from app.schemas import StanceData
    from app.services.board import get_proposal
    from app.services.stances import set_stance

    class Meanwhile(io.StringIO):
        written = False

        def write(self, part: str) -> int:
            if not self.written:  # the header is out: a writer commits a new source and a change
                self.written = True
                with database.write_session() as s:
                    source = Source(title="Meanwhile")
                    s.add(source)
                    s.flush()
                    source_id = source.id
                    set_stance(s, proposal=get_proposal(s, "gaza-isf"), country_code="QAT", actor="desk", via="api",
                               data=StanceData.model_validate({"status": "declined", "citations": [
                                   {"source_id": source_id, "quote": "Meanwhile"}]}))
            return super().write(part)

    out = Meanwhile()
    with database.read_session() as s:
        export_database(s, out)
    assert out.written
    data = json.loads(out.getvalue())
    assert data["chain"]["last_change_id"] == max(c["id"] for c in data["tables"]["changes"])
    assert "Meanwhile" not in [s["title"] for s in data["tables"]["sources"]]
    target = migrated_database(backend.name)
    _load(target, out.getvalue())  # loads, the chain verifying
