"""Board pieces kept by content (app/fragments.py): a key holds every field a piece shows, so a
changed fact always renders anew, and a page built from kept pieces equals one built from none."""

from __future__ import annotations

import dataclasses
import datetime as dt

import msgspec
import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.fragments import content_key, fragments
from app.main import create_app
from app.models import Country
from app.schemas import StanceData
from app.services.board import get_proposal
from app.services.stances import set_stance
from app.services.views import CitationView, ConditionView, CountryView, FactorView, SourceLabel, StanceView

QUOTE = "Azerbaijan has made it clear that it will not send peacekeepers to Gaza"


def _sample() -> StanceView:
    label = SourceLabel(1, "A title", False, "A publisher", dt.date(2025, 11, 1))
    factor = FactorView("ceasefire", "Ceasefire holds", "unmet", "a note", [CitationView(1, "q0", "state", label)])
    condition = ConditionView(7, "only after a ceasefire", "ceasefire", "unmet", factor, [CitationView(1, "q1", None, label)])
    return StanceView(3, "AZE", CountryView("AZE", "Azerbaijan", "AZ"), "conditional", 100, 200, 50, None,
                      ["police"], "A summary", dt.date(2025, 11, 2), dt.datetime(2025, 11, 3, 12, tzinfo=dt.timezone.utc),
                      4, [condition], [CitationView(1, "q2", "status", label)])


def _other(value):
    """A different value of the same kind."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return value + "!"
    if isinstance(value, (dt.date, dt.datetime)):
        return value + dt.timedelta(days=1)
    if isinstance(value, list):
        return value + value[:1] if value else ["x"]
    if value is None:
        return 0
    return None


def _is_view(value) -> bool:
    return dataclasses.is_dataclass(value) or isinstance(value, msgspec.Struct)


def _field_names(view) -> list[str]:
    """A view's fields, a dataclass's or a msgspec Struct's (quotes are Structs)."""
    if isinstance(view, msgspec.Struct):
        return list(view.__struct_fields__)
    return [f.name for f in dataclasses.fields(view)]


def _every_field(view, path=()):
    """(path, holder, field name) for every field of VIEW and of the views inside it."""
    for name in _field_names(view):
        if name == "content_key":
            continue
        value = getattr(view, name)
        yield (*path, name), view, name
        if _is_view(value):
            yield from _every_field(value, (*path, name))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if _is_view(item):
                    yield from _every_field(item, (*path, name, i))


def test_changing_any_field_anywhere_in_a_view_changes_its_key():
    paths = [path for path, _, _ in _every_field(_sample())]
    assert len(paths) > 40  # stance, country, conditions, factor, citations, source labels
    base = content_key(_sample())
    for path in paths:
        view = _sample()
        holder, name = next((h, n) for p, h, n in _every_field(view) if p == path)
        setattr(holder, name, _other(getattr(holder, name)))
        assert content_key(view) != base, f"the key does not cover {'.'.join(map(str, path))}"
    assert content_key(_sample()) == base  # equal content, equal key, whatever the objects


def test_a_key_refuses_what_could_change_behind_it():
    view = _sample()
    view.country = Country(code="AZE", name="Azerbaijan", alpha2="AZ")
    with pytest.raises(TypeError, match="no content key for Country"):
        content_key(view)


def _matrix_cell(html: str, code: str) -> list[str]:
    row = BeautifulSoup(html, "html.parser").select_one(f"#matrix-{code}")
    return [] if row is None else [a.get_text(strip=True) for a in row.select("a.cell")]


def test_a_page_from_kept_pieces_equals_one_from_none(client):
    fragments.clear()
    cold = client.get("/").text
    rendered = fragments.misses
    # The same board at another address (an empty what-if), so not the cached page: built from pieces.
    warm = client.get("/?assume=").text
    assert warm == cold
    assert fragments.misses == rendered and fragments.hits >= 6  # every row came from the kept pieces
    kept, fragments.max_entries = fragments.max_entries, 0  # ISF_FRAGMENT_CACHE=0: nothing kept
    try:
        assert client.get("/?assume=&assume=").text == cold
        assert fragments.misses == rendered
    finally:
        fragments.max_entries = kept


def test_a_past_days_board_neither_looks_up_nor_keeps_pieces(client):
    """A past day's rows link to that day's pages, so no other request could use them: working out
    their keys would be wasted, and keeping them would push out the current board's pieces."""
    fragments.clear()
    client.get("/")
    hits, misses = fragments.hits, fragments.misses
    past = client.get("/?as_of=2100-01-01")
    soup = BeautifulSoup(past.text, "html.parser")
    assert past.status_code == 200 and len(soup.select("tr[id^=row-]")) >= 6
    assert soup.select_one("#row-AZE a.country-link")["href"].endswith("?as_of=2100-01-01")
    assert (fragments.hits, fragments.misses) == (hits, misses)
    client.get("/?assume=")
    assert fragments.misses == misses  # the current board's pieces are all still there


def test_a_write_renders_the_changed_row_and_reuses_the_rest(backend, database):
    with TestClient(create_app()) as app:
        before = app.get("/").text
        soup = BeautifulSoup(before, "html.parser")
        assert soup.select_one("#row-QAT .badge").get_text(strip=True) == "Considering"
        with database.write_session() as s:
            set_stance(s, proposal=get_proposal(s, "gaza-isf"), country_code="QAT", actor="desk", via="api",
                       data=StanceData.model_validate({
                           "status": "conditional", "citations": [{"source_id": 1, "quote": QUOTE}],
                           "conditions": [{"text": "a ceasefire first", "category": "ceasefire", "state": "unmet",
                                           "citations": [{"source_id": 1, "quote": QUOTE}]}]}))
        hits = fragments.hits
        after = app.get("/").text
        row = BeautifulSoup(after, "html.parser").select_one("#row-QAT")
        assert row.select_one(".badge").get_text(strip=True) == "Conditional"
        assert "version 2" in row.get_text() and "Ceasefire" in row.get_text()
        assert _matrix_cell(after, "QAT") == ["Unmet"]
        assert fragments.hits > hits  # the other countries' rows were reused
        # Every other country's row is byte for byte what it was.
        old_rows = {tr["id"]: str(tr) for tr in soup.select("tr[id^=row-]")}
        new_rows = {tr["id"]: str(tr) for tr in BeautifulSoup(after, "html.parser").select("tr[id^=row-]")}
        assert {k for k in old_rows if old_rows[k] != new_rows[k]} == {"row-QAT"}


def test_a_factor_change_reaches_every_linked_condition_on_the_board(backend, database, client):
    """A factor's state is shown through the conditions that hang on it, which a factor edit
    changes in place: the rows and matrix cells must follow on the very next request."""
    from app.schemas import CitationIn
    from app.services.factors import set_factor

    first = client.get("/").text
    assert _matrix_cell(first, "AZE") == ["Unmet", "Unmet"]  # ceasefire (on a factor), domestic approval
    with database.write_session() as s:
        proposal = get_proposal(s, "gaza-isf")
        set_factor(s, proposal=proposal, slug="cessation-of-hostilities", state="met", note=None,
                   citation=CitationIn(source_id=1, quote=QUOTE), actor="desk", via="api", reason="test")
    after = client.get("/").text
    assert _matrix_cell(after, "AZE") == ["Met", "Unmet"]
    chips = BeautifulSoup(after, "html.parser").select("#row-AZE .chip")
    assert [c.get_text(" ", strip=True) for c in chips] == ["Met: Met Ceasefire", "Unmet: Unmet Domestic approval"]


# ---- stance views kept between requests (app/services/board.py) ---------------------------------


def _views(database):
    from app.services.board import stance_views

    s = database.read_session()
    try:
        return {v.country_code: v for v in stance_views(s, get_proposal(s, "gaza-isf"))}
    finally:
        s.close()


def test_an_unchanged_stance_keeps_its_view_and_a_changed_one_is_read_again(backend, database):
    first = _views(database)
    assert _views(database)["AZE"] is first["AZE"]  # nothing moved: the same view, not a new read
    with database.write_session() as s:
        set_stance(s, proposal=get_proposal(s, "gaza-isf"), country_code="QAT", actor="desk", via="api",
                   data=StanceData.model_validate({"status": "declined", "summary": "Qatar said no",
                                                   "citations": [{"source_id": 1, "quote": QUOTE}]}))
    second = _views(database)
    assert second["QAT"] is not first["QAT"]
    assert (second["QAT"].status, second["QAT"].summary, second["QAT"].version) == ("declined", "Qatar said no", 2)
    assert second["AZE"] is first["AZE"]


def test_a_factor_edit_that_touches_no_stance_still_renews_the_views_that_show_it(backend, database):
    """A note-only factor edit bumps the factor's version, not the stances': the views carry the
    factor inside their conditions, so they must be read again."""
    from app.schemas import CitationIn
    from app.services.factors import set_factor

    before = _views(database)["AZE"]
    factor = before.conditions[0].factor
    assert factor is not None and factor.slug == "cessation-of-hostilities"
    with database.write_session() as s:
        _, touched = set_factor(s, proposal=get_proposal(s, "gaza-isf"), slug=factor.slug, state=factor.state,
                                note="Talks resumed in Cairo", citation=CitationIn(source_id=1, quote=QUOTE),
                                actor="desk", via="api", reason="note")
        assert touched == []  # no stance was changed
    after = _views(database)["AZE"]
    assert after.version == before.version
    assert after.conditions[0].factor.note == "Talks resumed in Cairo"


def test_two_databases_never_share_views(tmp_path, monkeypatch, sqlite_template):
    """Copies of one database have the same ids, versions and times: what one of them shows must
    not stand in for the other."""
    import shutil
    import sqlite3

    from app.db import get_database
    from tests.conftest import _use_database

    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copy(sqlite_template, a)
    shutil.copy(sqlite_template, b)
    with sqlite3.connect(b) as raw:
        # The same key (stance, version, time) with other content: only the database tells them apart.
        raw.execute("UPDATE stances SET summary = 'Only in copy B' WHERE country_code = 'QAT'")
    _use_database(monkeypatch, f"sqlite:///{a}")
    assert _views(get_database())["QAT"].summary != "Only in copy B"
    _use_database(monkeypatch, f"sqlite:///{b}")
    assert _views(get_database())["QAT"].summary == "Only in copy B"


def test_pieces_of_two_macros_with_one_name_are_kept_apart():
    from jinja2 import Environment

    env = Environment(autoescape=True)
    first = env.from_string("{% macro row(x) %}first {{ x }}{% endmacro %}").module.row
    second = env.from_string("{% macro row(x) %}second {{ x }}{% endmacro %}").module.row
    assert first.name == second.name
    assert fragments.render(first, "A") == "first A"
    assert fragments.render(second, "A") == "second A"
