"""Hostile input at every entry point and stored text that predates the rules: always a clear
4xx naming what was wrong, never a 5xx, nothing half-written, and outputs that never break."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import func, select, update

from app import config
from app.limits import ARTICLE_BODY_MAX_BYTES
from app.models import Change, Source, Stance
from tests.conftest import ARTICLE, add_token, add_user, sign_in, suggestion_form

# One of each kind the text rule refuses: C1 control, noncharacters, bidirectional override/isolate.
REFUSED = ["\x85", "\x9b", "\uffff", "\ufdd0", "\U0001fffe", "\u202e", "\u2066"]


def _api(client, database) -> dict[str, str]:
    add_user(database, "scripter", "editor")
    return {"Authorization": f"Bearer {add_token(database, 'scripter', 'write')}"}


def _field_error(html: str, name: str) -> str:
    found = BeautifulSoup(html, "html.parser").select_one(f"#{name}-error")
    return found.get_text() if found else ""


def _counts(session) -> tuple[int, int]:
    session.rollback()
    return (session.scalar(select(func.count()).select_from(Change)),
            session.scalar(select(func.count()).select_from(Source)))


# ---- item 4: one text rule ------------------------------------------------------------------------


@pytest.mark.parametrize("char", REFUSED, ids=[f"U+{ord(c):04X}" for c in REFUSED])
def test_the_text_rule_refuses_each_kind_at_the_api_and_the_forms(client, database, session, char):
    before = _counts(session)
    api = _api(client, database)
    bad = f"Troop safety{char} first"
    etag = client.get("/api/v1/proposals/gaza-isf/stances/QAT").headers["etag"]
    put = client.put("/api/v1/proposals/gaza-isf/stances/QAT", headers={**api, "If-Match": etag},
                     json={"status": "considering", "summary": bad, "conditions": [{"text": bad, "category": "other"}],
                           "citation": {"source_id": 1, "quote": "Qatar"}, "reason": bad})
    assert put.status_code == 422
    locs = {tuple(e["loc"]) for e in put.json()["detail"]}
    assert {("body", "summary"), ("body", "reason"), ("body", "conditions", 0, "text")} <= locs
    assert all(f"U+{ord(char):04X}" in e["msg"] for e in put.json()["detail"])
    source = client.post("/api/v1/sources", headers=api, json={"title": bad, "publisher": bad})
    assert source.status_code == 422
    assert {("body", "title"), ("body", "publisher")} <= {tuple(e["loc"]) for e in source.json()["detail"]}

    csrf = sign_in(client, "scripter")
    # A leading or trailing character is refused too, not quietly stripped as whitespace.
    form = client.post("/proposals/gaza-isf/countries/QAT/edit", data={
        "csrf_token": csrf, "version": "1", "status": "considering", "summary": char + "Troop safety",
        "cond_count": "1", "cond-0-text": bad, "cond-0-category": "other", "source_id": "new",
        "source_title": bad, "source_publisher": bad, "quote": "Qatar" + char, "reason": bad})
    assert form.status_code == 422
    for name in ("summary", "cond-0-text", "source_title", "source_publisher", "quote", "reason"):
        assert f"U+{ord(char):04X}" in _field_error(form.text, name), name
    factor = client.post("/proposals/gaza-isf/factors/un-mandate/edit", data={
        "csrf_token": csrf, "version": "1", "state": "met", "note": bad, "source_id": "1", "quote": "Qatar" + char,
        "reason": char + "because"})
    assert factor.status_code == 422
    for name in ("note", "quote", "reason"):
        assert f"U+{ord(char):04X}" in _field_error(factor.text, name), name
    assert _counts(session) == before


def test_a_lone_surrogate_is_refused_by_name_not_failed_on(client, database, session):
    before = _counts(session)
    api = _api(client, database)
    body = '{"title": "a\\ud800b", "publisher": "Wire\\udfff"}'
    reply = client.post("/api/v1/sources", headers={**api, "Content-Type": "application/json"}, content=body)
    assert reply.status_code == 422
    detail = reply.json()["detail"]
    assert {("body", "title"), ("body", "publisher")} <= {tuple(e["loc"]) for e in detail}
    assert any("lone surrogate" in e["msg"] for e in detail)
    assert _counts(session) == before


def test_an_imported_article_loses_the_refused_characters_instead(client, database, session):
    api = _api(client, database)
    dirty = ARTICLE.replace("Azerbaijan", "Azer\u202ebaijan\uffff", 1).replace("troops", "troops\x85", 1)
    reply = client.post("/api/v1/imports", headers=api, json={"title": "Seed article, again", "text": dirty})
    assert reply.status_code == 201, reply.text
    session.rollback()
    stored = session.get(Source, reply.json()["source_id"]).text
    assert not any(c in stored for c in "\u202e\uffff\x85")
    assert "Azerbaijan" in stored
    # The metadata an editor types is still refused, not stripped.
    title = client.post("/api/v1/imports", headers=api, json={"title": "Seed\u202e article", "text": ARTICLE})
    assert title.status_code == 422 and title.json()["detail"][0]["loc"] == ["body", "title"]


def test_seed_files_keep_the_rule_and_a_backup_restores_old_text_exactly(tmp_path, backend, migrated_database):
    from app.db import Database, build_engine
    from app.services.backup import BackupError, export_database, load_database
    from app.services.seeding import SEED_FORMAT, read_seed_file

    seed = tmp_path / "bad.json"
    seed.write_text(json.dumps({"format": SEED_FORMAT, "sources": [{"title": "Wire\u202e report"}]}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"sources\[0\]\.title: contains a bidirectional"):
        read_seed_file(seed)

    import io

    engine = build_engine(backend.url)
    out = io.StringIO()
    with Database(engine).read_session() as s:
        export_database(s, out)
    engine.dispose()
    data = json.loads(out.getvalue())
    # Text stored before the rule comes back exactly as exported, and is named; a lone surrogate,
    # which no database can hold, means the file is not an export: refused, nothing written.
    data["tables"]["sources"][0]["title"] = "Stored\uffff before the rule"
    target = build_engine(migrated_database("postgresql" if backend.is_postgres else "sqlite"))
    try:
        broken = json.loads(json.dumps(data))
        broken["tables"]["sources"][0]["title"] = "Edited\ud800 by hand"
        with pytest.raises(BackupError, match=r"sources\[0\]\.title: contains a lone surrogate"):
            with Database(target).write_session() as s:
                load_database(s, io.StringIO(json.dumps(broken)))
        with Database(target).write_session() as s:
            summary = load_database(s, io.StringIO(json.dumps(data)))
        assert summary.flagged == ["sources[0].title: contains a Unicode noncharacter (U+FFFF); remove it"]
        with Database(target).read_session() as s:
            assert s.scalar(select(Source.title).order_by(Source.id).limit(1)) == "Stored\uffff before the rule"
    finally:
        target.dispose()


STORED_BEFORE_THE_RULE = "Troop\uffff safety\x85 first \u202eevil\u2066"


def test_text_stored_before_the_rule_never_breaks_a_feed_or_an_export(client, database):
    with database.write_session() as s:
        s.execute(update(Stance).where(Stance.country_code == "AZE").values(summary=STORED_BEFORE_THE_RULE))
        s.execute(update(Change).values(reason=STORED_BEFORE_THE_RULE, actor="seed\ufffe"))
    for url in ("/changes.atom", "/proposals/gaza-isf/changes.atom", "/proposals/gaza-isf/countries/AZE/changes.atom"):
        reply = client.get(url)
        assert reply.status_code == 200, url
        ElementTree.fromstring(reply.content)  # well-formed XML
        assert "Troop safety first evil" in reply.text
    for url in ("/", "/proposals/gaza-isf/countries/AZE", "/api/v1/proposals/gaza-isf/stances",
                "/api/v1/proposals/gaza-isf/stances.csv", "/changes", "/api/v1/changes"):
        assert client.get(url).status_code == 200, url


# ---- item 5: every parameter and body ------------------------------------------------------------

OUT_OF_RANGE = ["9999-12-31", "0001-01-01", "1899-12-31", "3000-01-01"]


@pytest.mark.parametrize("day", OUT_OF_RANGE)
def test_a_day_the_app_cannot_compute_is_a_clear_4xx_on_every_history_view(client, day):
    for name in ("known_at", "as_of"):
        compare = "/proposals/gaza-isf/changes?" + ("known_at" if name == "known_at" else "to") + f"={day}"
        for url in (f"/?{name}={day}", f"/proposals/gaza-isf?{name}={day}",
                    f"/proposals/gaza-isf/countries/AZE?{name}={day}", compare):
            reply = client.get(url)
            assert reply.status_code == 400, url
            assert "between 1900-01-01 and 2999-12-31" in BeautifulSoup(reply.text, "html.parser").get_text(), url
        api = client.get(f"/api/v1/proposals/gaza-isf/stances?{name}={day}")
        assert api.status_code == 422 and api.json()["detail"][0]["loc"] == ["query", name]
    for name in ("from", "to"):
        assert client.get(f"/proposals/gaza-isf/changes?{name}={day}").status_code == 400
    # `since` bounds a search: a moment before 1900 means from the start, after 2999 nothing yet.
    offset = "%2B05:00" if day.startswith("0") else "-05:00"
    since = client.get(f"/api/v1/changes?since={day}T00:00:00{offset}")
    everything = client.get("/api/v1/changes").json()
    assert since.status_code == 200 and since.json() == (everything if day < "1900" else [])


def test_a_day_out_of_range_in_a_body_or_a_form_names_its_field(client, database, session):
    before = _counts(session)
    api = _api(client, database)
    etag = client.get("/api/v1/proposals/gaza-isf/stances/QAT").headers["etag"]
    put = client.put("/api/v1/proposals/gaza-isf/stances/QAT", headers={**api, "If-Match": etag},
                     json={"status": "considering", "stated_on": "0001-01-01",
                           "citation": {"source": {"title": "Wire", "published_on": "9999-12-31"}, "quote": "Qatar"},
                           "reason": "why"})
    assert put.status_code == 422
    assert {("body", "stated_on"), ("body", "citation", "source", "published_on")} <= {
        tuple(e["loc"]) for e in put.json()["detail"]}
    csrf = sign_in(client, "scripter")
    form = client.post("/proposals/gaza-isf/countries/QAT/edit", data={
        "csrf_token": csrf, "version": "1", "status": "considering", "stated_on": "9999-12-31", "source_id": "new",
        "source_title": "Wire", "source_published_on": "0001-01-01", "quote": "Qatar", "reason": "why"})
    assert form.status_code == 422
    assert "1900" in _field_error(form.text, "stated_on") and "1900" in _field_error(form.text, "source_published_on")
    assert _counts(session) == before


@pytest.mark.parametrize("body", [
    '{"title": NaN}', '{"title": Infinity}', '{"title": -Infinity}', '{"title": "x", "publisher": 1e400}',
    '{"title": "a\\ud800b"}', '{"title": "t", "a\\ud800": 1}', '[NaN, "\\udfff"]',
])
def test_json_the_error_handler_cannot_echo_is_still_a_422_with_the_field_path(client, database, body):
    api = _api(client, database)
    reply = client.post("/api/v1/sources", headers={**api, "Content-Type": "application/json"}, content=body)
    assert reply.status_code == 422, reply.text
    detail = json.loads(reply.content.decode("utf-8"))["detail"]  # strict UTF-8 and strict JSON
    assert detail and all(e["loc"][0] == "body" and e["msg"] for e in detail)
    assert "NaN" not in reply.text and "Infinity" not in reply.text


def test_an_id_beyond_the_database_integer_is_refused_beside_its_field(client, database, session):
    before = _counts(session)
    api = _api(client, database)
    csrf = sign_in(client, "scripter")
    for huge in (2**31, 10**20):  # past PostgreSQL's integer, past SQLite's
        _refuse_id(client, api, csrf, huge)
    assert _counts(session) == before


def _refuse_id(client, api, csrf, huge):
    etag = client.get("/api/v1/proposals/gaza-isf/stances/QAT").headers["etag"]
    put = client.put("/api/v1/proposals/gaza-isf/stances/QAT", headers={**api, "If-Match": etag},
                     json={"status": "considering", "citation": {"source_id": huge, "quote": "Qatar"}, "reason": "why"})
    assert put.status_code == 422 and put.json()["detail"][0]["loc"] == ["body", "citation", "source_id"]
    form = client.post("/proposals/gaza-isf/countries/QAT/edit", data={
        "csrf_token": csrf, "version": "1", "status": "considering", "source_id": str(huge), "quote": "Qatar",
        "reason": "why", "cond_count": "1", "cond-0-id": str(huge), "cond-0-text": "A ceasefire",
        "cond-0-category": "ceasefire"})
    assert form.status_code == 422
    assert _field_error(form.text, "source_id") and _field_error(form.text, "cond-0-text")
    factor = client.post("/proposals/gaza-isf/factors/un-mandate/edit", data={
        "csrf_token": csrf, "version": "1", "state": "met", "note": "", "source_id": str(huge), "quote": "Qatar",
        "reason": "why"})
    assert factor.status_code == 422 and _field_error(factor.text, "source_id")


def test_a_streamed_body_over_the_limit_is_413_whatever_parses_it(client, database):
    api = _api(client, database)

    def chunks():
        for _ in range(250):
            yield b"x" * 10_000

    as_json = client.post("/api/v1/sources", headers={**api, "Content-Type": "application/json"}, content=chunks())
    assert as_json.status_code == 413 and as_json.json() == {"detail": "request body too large (limit 2 MB)"}
    as_form = client.post("/logout", headers={"Content-Type": "application/x-www-form-urlencoded"}, content=chunks())
    assert as_form.status_code == 413 and "over 2 MB" in as_form.text

    def more_chunks():  # past what a route that takes an article accepts (app/limits.py)
        for _ in range(ARTICLE_BODY_MAX_BYTES // 10_000 + 1):
            yield b"x" * 10_000

    # Signing in may carry an import form (its article included) typed before a session ended.
    login = client.post("/login", headers={"Content-Type": "application/x-www-form-urlencoded"}, content=more_chunks())
    assert login.status_code == 413 and "the limit for an article" in login.text
    sign_in(client, "scripter")

    multipart = client.post("/import", headers={"Content-Type": "multipart/form-data; boundary=b"}, content=more_chunks())
    assert multipart.status_code == 413 and "over 2 MB" in multipart.text and "the limit for an article" in multipart.text


def test_a_troop_figure_over_a_million_in_the_import_review_is_refused_beside_it(client, database, session):
    add_user(database, "editor", "editor")
    csrf = sign_in(client, "editor")
    text = ("Rome, 20 November 2026. Italy will send 2,000 troops to the International Stabilization Force "
            "in Gaza, the defence minister said.")
    created = client.post("/import", data={"csrf_token": csrf, "title": "Italy pledges troops", "text": text,
                                           "proposal": "gaza-isf"}, follow_redirects=False)
    assert created.status_code == 303, created.text[:500]
    location = created.headers["location"]
    form = suggestion_form(client.get(location).text, "ITA")
    form |= {"action": "accept", "status": "committed", "committed": "2,000,000", "csrf_token": csrf}
    before = _counts(session)
    reply = client.post(f"{location}/countries/ITA", data=form)
    assert reply.status_code == 422
    assert "1,000,000" in BeautifulSoup(reply.text, "html.parser").select_one("#suggestion-ITA").get_text()
    assert _counts(session) == before
    assert session.scalars(select(Stance).where(Stance.country_code == "ITA")).first() is None


@pytest.fixture
def public_client(backend, monkeypatch):
    from fastapi.testclient import TestClient

    from app.main import create_app

    monkeypatch.setenv("ISF_PUBLIC_URL", "https://isf.example.org/")
    config.get_settings.cache_clear()
    with TestClient(create_app(), headers={"Host": "evil.example"}) as c:
        yield c
    config.get_settings.cache_clear()


def test_absolute_links_come_from_the_public_address_never_the_host_header(public_client):
    for url in ("/changes.atom", "/proposals/gaza-isf/changes.atom", "/proposals/gaza-isf/countries/AZE/changes.atom"):
        feed = public_client.get(url)
        assert feed.status_code == 200
        assert "evil.example" not in feed.text
        root = ElementTree.fromstring(feed.content)
        ids = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}id")]
        links = [e.get("href") for e in root.iter("{http://www.w3.org/2005/Atom}link")]
        assert len(ids) > 1 and all(i.startswith("https://isf.example.org/") for i in ids + links), ids + links
    for url in ("/api/v1/proposals/gaza-isf/stances?limit=1", "/api/v1/changes?limit=1", "/api/v1/sources?limit=1"):
        reply = public_client.get(url)
        link = reply.headers.get("link", "")
        if url.startswith("/api/v1/sources") and not link:
            continue  # one source only: no next page
        assert link.startswith("<https://isf.example.org/api/v1/") and "evil.example" not in link, (url, link)


def test_the_public_address_setting_refuses_what_is_not_an_http_address(monkeypatch):
    from pydantic import ValidationError

    monkeypatch.setenv("ISF_PUBLIC_URL", "javascript:alert(1)")
    with pytest.raises(ValidationError, match="ISF_PUBLIC_URL"):
        config.Settings()


@pytest.mark.parametrize(("method", "url", "allow"), [
    ("POST", "/", "GET, HEAD"),
    ("PUT", "/login", "GET, HEAD, POST"),
    ("DELETE", "/changes.atom", "GET, HEAD"),
    ("PATCH", "/proposals/gaza-isf/countries/AZE/edit", "GET, HEAD, POST"),
])
def test_every_405_names_the_allowed_methods(client, method, url, allow):
    for accept in ("text/html", "application/json"):
        reply = client.request(method, url, headers={"Accept": accept})
        assert reply.status_code == 405 and reply.headers["allow"] == allow, (url, accept)


def test_a_seed_file_that_breaks_the_rule_is_one_line_and_writes_nothing(tmp_path, migrated_database):
    from app.services.seeding import SEED_FORMAT
    from tests.live import cli

    url = migrated_database("sqlite")
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "bad.json").write_text(
        json.dumps({"format": SEED_FORMAT, "sources": [{"title": "Wire\u202e report"}]}), encoding="utf-8")
    result = cli("seed", "--seed-dir", str(folder), env={"DATABASE_URL": url}, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "sources[0].title: contains a bidirectional control character (U+202E)" in result.stderr
    assert "nothing written" in result.stderr


def test_a_user_name_ending_in_a_line_break_is_refused(database):
    from app.services.accounts import create_user
    from app.services.errors import InvalidInput

    with pytest.raises(InvalidInput):
        with database.write_session() as s:
            create_user(s, "editor\n", "editor", "correct horse battery staple")


@pytest.mark.parametrize("written", ["2026-11-10T00:00:00+01:00", "2026-11-10T00:00+0100", "2026-11-10 00:00:00.5+01:00"])
def test_a_since_whose_plus_arrived_as_a_space_says_to_write_it_as_2b(client, written):
    """An offset typed with '+' into a query string arrives as a space: the answer says so, at `since`."""
    reply = client.get(f"/api/v1/changes?since={written}")  # the '+' is sent as it is, so read as a space
    assert reply.status_code == 422
    (error,) = reply.json()["detail"]
    assert error["loc"] == ["query", "since"] and "%2B" in error["msg"] and "space" in error["msg"]
    encoded = client.get(f"/api/v1/changes?since={written.replace('+', '%2B')}")
    assert encoded.status_code == 200
