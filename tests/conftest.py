"""Fixtures: a fresh, migrated and seeded database per test, on SQLite and on PostgreSQL.

Every test that takes `db` runs once per backend. PostgreSQL runs when TEST_DATABASE_URL
points at a server (CI sets it); otherwise those runs skip with a reason, and
ISF_FAIL_ON_SKIP=1 (set by CI) turns any skip into a failed run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.orm import Session

from app import config, db as dbmod, migrate
from app.db import Database, build_engine, utcnow
from app.services.seeding import seed_all

PG_URL = os.environ.get("TEST_DATABASE_URL", "")
FAIL_ON_SKIP = os.environ.get("ISF_FAIL_ON_SKIP") == "1"
RUN_ID = uuid.uuid4().hex[:8]


# ---- skips are failures in CI --------------------------------------------------------------------

_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if FAIL_ON_SKIP and _skipped:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if FAIL_ON_SKIP and _skipped:
        terminalreporter.write_line(
            f"ISF_FAIL_ON_SKIP=1: {len(_skipped)} skipped test(s) fail this run: {', '.join(_skipped[:10])}", red=True
        )


# ---- database backends ---------------------------------------------------------------------------


@dataclass
class Backend:
    name: str
    url: str

    @property
    def is_postgres(self) -> bool:
        return self.name == "postgresql"


def _pg_admin_url() -> str:
    return make_url(PG_URL).set(database="postgres").render_as_string(hide_password=False)


def _pg_url(database: str) -> str:
    return make_url(PG_URL).set(database=database).render_as_string(hide_password=False)


def _pg_exec(*statements: str) -> None:
    engine = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def _use_database(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    """Point the application's settings and engine at URL for this test."""
    _reset_app_caches()  # the next use reads the new URL
    monkeypatch.setenv("DATABASE_URL", url)


def _reset_app_caches() -> None:
    if dbmod.get_engine.cache_info().currsize:
        dbmod.get_engine().dispose()
    config.get_settings.cache_clear()
    dbmod.get_engine.cache_clear()
    dbmod.get_database.cache_clear()


def _seed(url: str) -> None:
    migrate.upgrade(url)
    engine = build_engine(url)
    with Database(engine).write_session() as session:
        seed_all(session, article_only=True)
    engine.dispose()


@pytest.fixture(scope="session")
def _templates() -> Iterator[dict]:
    """Seeded template databases by the UTC day they were seeded. A run that crosses midnight seeds
    afresh, so "the seed was recorded today" holds for every test whenever it runs."""
    made: dict = {}
    yield made
    for (kind, _), name in made.items():
        if kind == "postgresql":
            _pg_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sqlite_template(_templates: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, seeded today, that each test copies."""
    key = ("sqlite", utcnow().date())
    if key not in _templates:
        path = tmp_path_factory.mktemp("template") / "template.db"
        _seed(f"sqlite:///{path}")
        _templates[key] = path
    return _templates[key]


@pytest.fixture
def pg_template(_templates: dict) -> str:
    """A migrated PostgreSQL database, seeded today, that each test clones (CREATE DATABASE ... TEMPLATE)."""
    if not PG_URL:
        pytest.skip("PostgreSQL not configured: set TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    day = utcnow().date()
    key = ("postgresql", day)
    if key not in _templates:
        name = f"isf_tpl_{RUN_ID}_{day:%Y%m%d}"
        _pg_exec(f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
        _seed(_pg_url(name))
        _templates[key] = name
    return _templates[key]


def _fresh_backend(request: pytest.FixtureRequest, tmp_path: Path, kind: str, seeded: bool) -> Iterator[Backend]:
    if kind == "sqlite":
        path = tmp_path / "isf.db"
        if seeded:
            shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield Backend("sqlite", f"sqlite:///{path}")
        return
    if not PG_URL:
        pytest.skip("PostgreSQL not configured: set TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    name = f"isf_t_{RUN_ID}_{uuid.uuid4().hex[:8]}"
    template = f' TEMPLATE "{request.getfixturevalue("pg_template")}"' if seeded else ""
    _pg_exec(f'CREATE DATABASE "{name}"{template}')
    try:
        yield Backend("postgresql", _pg_url(name))
    finally:
        _reset_app_caches()
        _pg_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


BACKENDS = [pytest.param("sqlite", id="sqlite"), pytest.param("postgresql", id="postgresql")]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Backend]:
    """A migrated and seeded database of each kind, which the application under test uses."""
    for b in _fresh_backend(request, tmp_path, request.param, seeded=True):
        _use_database(monkeypatch, b.url)
        yield b
    _reset_app_caches()


@pytest.fixture(params=BACKENDS)
def empty_backend(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Backend]:
    """An empty database (no tables) of each kind."""
    for b in _fresh_backend(request, tmp_path, request.param, seeded=False):
        _use_database(monkeypatch, b.url)
        yield b
    _reset_app_caches()


@pytest.fixture
def database(backend: Backend) -> Database:
    return dbmod.get_database()


@pytest.fixture
def session(database: Database) -> Iterator[Session]:
    with database.read_session() as s:
        yield s


@pytest.fixture
def client(backend: Backend):
    from fastapi.testclient import TestClient

    from app.main import create_app

    with TestClient(create_app()) as c:
        yield c


ARTICLE = (Path(__file__).resolve().parent.parent / "seeds" / "isf-azerbaijan-article.txt").read_text(encoding="utf-8")


# ---- people and sign-in ----------------------------------------------------------------------------

PASSWORD = "correct horse battery staple"


# A stance as a newsroom script PUTs it (Azerbaijan, citing the seed article).
API_BODY = {
    "status": "committed",
    "troops": {"offered_min": 500, "offered_max": 1000, "committed": 500, "deployed": None},
    "roles": ["engineering"],
    "summary": "Will send engineers.",
    "conditions": [{"text": "Complete stop of military action: hostilities between Israel and Hamas must cease entirely.",
                    "category": "ceasefire", "state": "met", "factor": "cessation-of-hostilities"}],
    "citation": {"source_id": 1, "quote": "Azerbaijan has made it clear that it will not send peacekeepers to Gaza"},
    "reason": "Ministry statement",
}


# Troop figures the figure rule refuses (app/figure_rule.py), one case per rule: the status, the
# figures (as API numbers), the figure refused and the words of the rule it breaks. Every write path
# (form, API, import, seed) is tested with each.
BAD_FIGURES = [
    pytest.param("declined", {"offered_min": 100, "committed": 2000}, "committed",
                 "a declined country has no committed troops: clear this figure or change the status",
                 id="declined-committed"),
    pytest.param("declined", {"deployed": 5000}, "deployed",
                 "a declined country has no deployed troops: clear this figure or change the status",
                 id="declined-deployed"),
    pytest.param("considering", {"committed": 300}, "committed",
                 "a country still considering has no committed troops: clear this figure or change the status",
                 id="considering-committed"),
    pytest.param("withdrawn", {"deployed": 200}, "deployed",
                 "a withdrawn country has no deployed troops: clear this figure or change the status",
                 id="withdrawn-deployed"),
    pytest.param("conditional", {"committed": 500, "deployed": 100}, "deployed",
                 "a conditional country has no deployed troops: clear this figure or change the status",
                 id="conditional-deployed"),
    pytest.param("committed", {"offered_min": 900, "offered_max": 100}, "offered_max",
                 "the most offered cannot be less than the least offered", id="range"),
    pytest.param("committed", {"committed": -5}, "committed", "must not be negative", id="negative"),
    pytest.param("deployed", {"committed": 100, "deployed": 900}, "deployed",
                 "more troops deployed than committed: troops on the ground were committed first; "
                 "raise the committed figure or lower this one", id="over-committed"),
    pytest.param("committed", {"offered_min": 100, "offered_max": 1000, "committed": 1500}, "committed",
                 "more troops committed than the most offered: a country does not pledge more than it offers; "
                 "raise the offer or lower this figure", id="over-offered"),
    pytest.param("deployed", {"offered_min": 50, "offered_max": 100, "deployed": 900}, "deployed",
                 "more troops deployed than the most offered: a country does not pledge more than it offers; "
                 "raise the offer or lower this figure", id="deployed-over-offered"),
]


def add_user(database: Database, name: str = "editor", role: str = "editor", password: str = PASSWORD) -> str:
    from app.services.accounts import create_user

    with database.write_session() as s:
        create_user(s, name, role, password)
    return name


def add_token(database: Database, name: str, scope: str) -> str:
    from app.services.accounts import create_token, get_user

    with database.write_session() as s:
        return create_token(s, get_user(s, name), scope)


def hidden_value(html: str, name: str) -> str:
    import re

    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert match, f"no hidden {name} field"
    return match.group(1)


def sign_in(client, name: str, password: str = PASSWORD) -> str:
    """Sign in through the form; returns the session's CSRF token for later posts."""
    page = client.get("/login")
    reply = client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": hidden_value(page.text, "csrf_token"), "next": "/"},
        follow_redirects=False,
    )
    assert reply.status_code == 303, reply.text[:500]
    return hidden_value(client.get("/").text, "csrf_token")


@pytest.fixture
def editor_client(client, database):
    """A client signed in as an editor; `.csrf` holds the session's form token."""
    add_user(database, "editor", "editor")
    client.csrf = sign_in(client, "editor")
    return client


@pytest.fixture
def writer_client(client, database):
    """A client sending a write-scoped API token of the editor "newsroom"."""
    add_user(database, "newsroom", "editor")
    client.headers["Authorization"] = f"Bearer {add_token(database, 'newsroom', 'write')}"
    return client


def add_force(database: Database, folder: Path, slug: str, *, published_on: str | None, text: str,
              **facts) -> str:
    """Load a proposal of its own through the seed: FACTS (as a seed file gives them, e.g. `resolution`,
    `citations` with `quote` and `field`) quoting one source of TEXT published on PUBLISHED_ON."""
    from app.services.seeding import SEED_FORMAT, seed_file

    citations = [{"source": "article", **c} for c in facts.pop("citations", [])]
    spec = {"format": SEED_FORMAT,
            "sources": [{"key": "article", "title": f"Article on {slug}", "published_on": published_on, "text": text}],
            "proposal": {"slug": slug, "name": f"Force {slug}", "theatre": "Gaza", **facts, "citations": citations}}
    path = folder / f"{slug}.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    with database.write_session() as s:
        seed_file(s, path)
    return slug


@pytest.fixture
def migrated_database(tmp_path: Path):
    """A factory of fresh, migrated, empty databases: `migrated_database("sqlite" | "postgresql")`."""
    made: list[str] = []

    def make(kind: str) -> str:
        if kind == "sqlite":
            url = f"sqlite:///{tmp_path / f'empty-{uuid.uuid4().hex[:8]}.db'}"
        else:
            if not PG_URL:
                pytest.skip("PostgreSQL not configured: set TEST_DATABASE_URL")
            name = f"isf_e_{RUN_ID}_{uuid.uuid4().hex[:8]}"
            _pg_exec(f'CREATE DATABASE "{name}"')
            made.append(name)
            url = _pg_url(name)
        migrate.upgrade(url)
        return url

    yield make
    for name in made:
        _pg_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def suggestion_form(page_html: str, code: str) -> dict:
    """The review form of country CODE's suggestion on an import page, as a browser would send it."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page_html, "html.parser")
    form = soup.select_one(f"#suggestion-{code} form.decision-form")
    data = {}
    for el in form.select("input, select, textarea"):
        if el.name == "textarea":
            data[el["name"]] = el.get_text()
        elif el.get("type") == "checkbox":
            if el.has_attr("checked"):
                data[el["name"]] = el.get("value", "1")
        elif el.name == "select":
            data[el["name"]] = (el.select_one("option[selected]") or el.select_one("option"))["value"]
        elif el.get("name"):
            data[el["name"]] = el.get("value", "")
    return data


STANCE_FORM = "form.stance-form"


def form_values(page_html: str, selector: str = "form") -> dict:
    """What the form SELECTOR on a page would submit as it stands (like a browser pressing its button)."""
    from bs4 import BeautifulSoup

    form = BeautifulSoup(page_html, "html.parser").select_one(selector)
    data = {}
    for el in form.select("input, select, textarea"):
        name = el.get("name")
        if not name or el.get("type") == "submit":
            continue
        if el.name == "textarea":
            data[name] = el.get_text()
        elif el.get("type") in ("checkbox", "radio"):
            if el.has_attr("checked"):
                data.setdefault(name, el.get("value", "on"))
        elif el.name == "select":
            data[name] = (el.select_one("option[selected]") or el.select_one("option")).get("value", "")
        else:
            data[name] = el.get("value", "")
    return data


def count_changes(session) -> int:
    """The change rows committed so far (the session's read snapshot ended first)."""
    from sqlalchemy import func, select

    from app.models import Change

    session.rollback()
    return session.scalar(select(func.count()).select_from(Change))


def page_text(client, url: str, selector: str) -> str:
    """The text of the element SELECTOR on the page at URL, as a reader reads it."""
    from bs4 import BeautifulSoup

    element = BeautifulSoup(client.get(url).text, "html.parser").select_one(selector)
    assert element is not None, f"{url}: no {selector}"
    return element.get_text(" ", strip=True)


def ceasefire_met(database, published_on: dt.date, text: str, state: str = "met") -> None:
    """The ceasefire factor recorded as met (or STATE), on the word of a source published on
    PUBLISHED_ON (its day)."""
    from app.schemas import CitationIn, SourceIn
    from app.services.board import get_proposal
    from app.services.factors import set_factor
    from app.services.sources import create_source

    with database.write_session() as s:
        source = create_source(s, SourceIn(title="Ceasefire report", published_on=published_on, text=text))
        set_factor(s, proposal=get_proposal(s, "gaza-isf"), slug="cessation-of-hostilities", state=state, note=None,
                   citation=CitationIn(source_id=source.id, quote=text), actor="desk", via="form",
                   reason=f"ceasefire {state}")
