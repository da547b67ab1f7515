"""Hypothesis over the form and JSON inputs: whatever is sent, never a 5xx, and whatever is
shown back is escaped text, never markup."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.text_rule import text_problem
from tests.conftest import add_token, add_user, sign_in

pytestmark = pytest.mark.slow
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

MARKUP = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"]
# What the text rule refuses (C0/C1 controls, noncharacters, bidirectional overrides and isolates),
# days the app cannot compute, and ids past every database's integer.
REFUSED = ["\u0000", "\u0085", "\u009b", "\ufdd0", "\ufffe", "\uffff", "\U0010ffff", "\u202e", "\u2066"]
OUT_OF_RANGE = ["9999-12-31", "0001-01-01", "2147483648", "1" + "0" * 20, "1000001", "2,000,000"]
nasty_text = st.one_of(
    st.text(max_size=60),
    st.text(st.sampled_from(["a", " ", "\n", *REFUSED]), max_size=8),
    st.sampled_from([*MARKUP, "{{ 7*7 }}", "' OR 1=1 --", *REFUSED, *OUT_OF_RANGE, f"Troop safety{REFUSED[7]}",
                     "9" * 40, "-1", "1e9", "2026-02-30", "🇦🇿", "   ", "new", "../../etc/passwd"]),
)
# JSON may also carry what no form can: lone surrogates, NaN, infinities and huge numbers.
json_text = nasty_text | st.text(st.sampled_from(["a", "\ud800", "\udfff", "\ud83c"]), max_size=6)
FIELDS = ["status", "offered_min", "offered_max", "committed", "deployed", "summary", "stated_on", "source_id",
          "source_title", "source_url", "source_published_on", "quote", "reason", "version", "cond_count",
          "cond-0-id", "cond-0-text", "cond-0-category", "cond-0-state", "cond-0-factor", "cond-1-text", "action"]


@pytest.fixture
def fuzz_editor(client, database):
    add_user(database, "fuzzer", "editor")
    client.csrf = sign_in(client, "fuzzer")
    return client


@FUZZ
@given(fields=st.dictionaries(st.sampled_from(FIELDS), nasty_text, max_size=len(FIELDS)),
       roles=st.lists(nasty_text | st.sampled_from(["medical", "combat"]), max_size=4))
# Characters Python calls digits that int() refuses (superscripts): a number field must say so, not fail.
@example(fields={"offered_min": "²", "committed": "1²", "version": "³", "source_id": "¹", "cond-0-id": "⁴",
                 "cond-0-text": "A ceasefire"}, roles=[])
@example(fields={"summary": "\u202eevil", "stated_on": "9999-12-31", "source_id": "2147483648", "quote": "Azerbaijan\u0085",
                 "reason": "why\uffff", "offered_max": "2,000,000", "cond_count": "1", "cond-0-id": "1" + "0" * 19,
                 "cond-0-text": "A ceasefire\u2066"}, roles=[])
@example(fields={"status": "considering", "summary": "Troop safety\u202e", "source_id": "1", "reason": "why",
                 "quote": "We do not want to put our troops in danger"}, roles=[])
def test_stance_form_never_fails_and_escapes_what_it_shows(fuzz_editor, fields, roles):
    reply = fuzz_editor.post("/proposals/gaza-isf/countries/AZE/edit",
                             data={**fields, "roles": roles, "csrf_token": fuzz_editor.csrf}, follow_redirects=False)
    assert reply.status_code in (200, 303, 409, 422), reply.text[:300]
    for value in [*fields.values(), *roles]:
        if value in MARKUP:
            assert value not in reply.text
    page = fuzz_editor.get("/proposals/gaza-isf/countries/AZE")
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    if reply.status_code == 303:  # saved: nothing the text rule refuses got in
        stored = fuzz_editor.get("/api/v1/proposals/gaza-isf/stances/AZE").json()
        assert text_problem(json.dumps(stored, ensure_ascii=False)) is None
    assert fuzz_editor.get("/proposals/gaza-isf/countries/AZE/changes.atom").status_code == 200


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.integers(-10**30, 10**30)
    | st.sampled_from([2**31, 2**63, 10**20]) | st.floats() | json_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)
stance_keys = st.sampled_from(["status", "troops", "roles", "summary", "stated_on", "conditions", "citation", "reason"])


@FUZZ
@given(body=st.one_of(json_values, st.dictionaries(stance_keys, json_values, max_size=8)))
@example(body={"status": "considering", "summary": "a\ud800b", "troops": {"committed": float("nan")},
               "stated_on": "9999-12-31", "citation": {"source_id": 10**20, "quote": "Azer\u202ebaijan"},
               "reason": float("inf")})
def test_stance_put_never_fails_whatever_the_json(client, database, body):
    if not client.headers.get("authorization"):
        add_user(database, "scripter", "editor")
        client.headers["Authorization"] = f"Bearer {add_token(database, 'scripter', 'write')}"
    etag = client.get("/api/v1/proposals/gaza-isf/stances/AZE").headers["etag"]
    # json.dumps writes NaN and Infinity and escapes lone surrogates, as a careless client would.
    reply = client.put("/api/v1/proposals/gaza-isf/stances/AZE", content=json.dumps(body),
                       headers={"If-Match": etag, "Content-Type": "application/json"})
    assert reply.status_code in (200, 412, 422), reply.text[:300]
    answer = json.loads(reply.content.decode("utf-8"), parse_constant=_refuse_constant)  # strict UTF-8 and JSON
    assert "detail" in answer or reply.status_code == 200


@FUZZ
@given(body=st.one_of(json_values, st.dictionaries(stance_keys, json_values, max_size=8)))
@example(body={"status": None, "troops": {"committed": None, "deployed": float("inf")}, "roles": None,
               "conditions": [None], "citation": {"source_id": 1, "quote": "Azer\ud800baijan"}, "reason": None})
@example(body={"summary": {"a": {"b": {"c": [1]}}}, "troops": [], "citation": "1", "reason": "why"})
def test_stance_patch_never_fails_whatever_the_json(client, database, body):
    if not client.headers.get("authorization"):
        add_user(database, "scripter", "editor")
        client.headers["Authorization"] = f"Bearer {add_token(database, 'scripter', 'write')}"
    etag = client.get("/api/v1/proposals/gaza-isf/stances/AZE").headers["etag"]
    reply = client.patch("/api/v1/proposals/gaza-isf/stances/AZE", content=json.dumps(body),
                         headers={"If-Match": etag, "Content-Type": "application/merge-patch+json"})
    assert reply.status_code in (200, 412, 422), reply.text[:300]
    answer = json.loads(reply.content.decode("utf-8"), parse_constant=_refuse_constant)
    assert "detail" in answer or reply.status_code == 200


def test_a_deeply_nested_patch_is_refused_not_failed(client, database):
    add_user(database, "scripter", "editor")
    client.headers["Authorization"] = f"Bearer {add_token(database, 'scripter', 'write')}"
    etag = client.get("/api/v1/proposals/gaza-isf/stances/AZE").headers["etag"]
    for depth in (500, 5000):
        body = '{"troops":' * depth + "1" + "}" * depth
        reply = client.patch("/api/v1/proposals/gaza-isf/stances/AZE", content=body,
                             headers={"If-Match": etag, "Content-Type": "application/merge-patch+json"})
        assert reply.status_code in (400, 422) and "detail" in reply.json(), depth


def _refuse_constant(name: str):
    raise AssertionError(f"the answer holds {name}, which is not JSON")


def test_saved_markup_is_shown_as_text_everywhere(client, database):
    add_user(database, "scripter", "editor")
    client.headers["Authorization"] = f"Bearer {add_token(database, 'scripter', 'write')}"
    evil = "<script>alert('x')</script><b>bold</b>"
    etag = client.get("/api/v1/proposals/gaza-isf/stances/QAT").headers["etag"]
    body = {"status": "considering", "summary": evil, "conditions": [{"text": evil, "category": "other"}],
            "citation": {"source": {"title": evil, "publisher": evil}, "quote": evil}, "reason": evil}
    assert client.put("/api/v1/proposals/gaza-isf/stances/QAT", json=body, headers={"If-Match": etag}).status_code == 200
    source_id = client.get("/api/v1/sources").json()[-1]["id"]
    today = dt.datetime.now(dt.timezone.utc).date()
    for url in ("/", f"/?as_of={today}", "/proposals/gaza-isf/countries/QAT", f"/sources/{source_id}"):
        page = client.get(url).text
        assert evil not in page and "<b>bold</b>" not in page, url
        assert evil in BeautifulSoup(page, "html.parser").get_text(), url  # shown, as text


NUL = "nul\u0000byte"


def test_control_characters_are_refused_everywhere_with_a_message(client, database, session):
    """PostgreSQL cannot store NUL; every entry point says so instead of failing."""
    from sqlalchemy import func, select

    from app.models import Change, Source

    add_user(database, "scripter", "editor")
    token = add_token(database, "scripter", "write")
    api = {"Authorization": f"Bearer {token}"}
    etag = client.get("/api/v1/proposals/gaza-isf/stances/QAT").headers["etag"]
    put = client.put("/api/v1/proposals/gaza-isf/stances/QAT", headers={**api, "If-Match": etag},
                     json={"status": "considering", "summary": NUL, "citation": {"source_id": 1, "quote": "Qatar"}, "reason": NUL})
    assert put.status_code == 422
    assert {tuple(e["loc"]) for e in put.json()["detail"]} >= {("body", "summary"), ("body", "reason")}
    post = client.post("/api/v1/sources", headers=api, json={"title": NUL, "url": "https://example.org/\u0000"})
    assert post.status_code == 422

    login_page = client.get("/login")
    from tests.conftest import hidden_value

    bad_login = client.post("/login", data={"name": NUL, "password": NUL, "csrf_token": hidden_value(login_page.text, "csrf_token")})
    assert bad_login.status_code == 422

    csrf = sign_in(client, "scripter")
    form = client.post("/proposals/gaza-isf/countries/QAT/edit", data={
        "csrf_token": csrf, "version": "1", "status": "considering", "summary": NUL, "cond_count": "1",
        "cond-0-text": NUL, "cond-0-category": "other", "source_id": "new", "source_title": NUL, "quote": NUL, "reason": NUL})
    assert form.status_code == 422
    assert form.text.count('class="field-error"') >= 4
    factor = client.post("/proposals/gaza-isf/factors/un-mandate/edit", data={
        "csrf_token": csrf, "version": "1", "state": "met", "note": NUL, "source_id": "1", "quote": NUL, "reason": NUL})
    assert factor.status_code == 422
    session.rollback()
    assert session.scalar(select(func.count()).select_from(Change)) == 10
    assert session.scalar(select(func.count()).select_from(Source)) == 1


FACT_FIELDS = ["target_troops", "target_troops_approximate", "target_police", "sponsor", "sponsor_country",
               "resolution_state", "resolution_on", "resolution_text", "mandate_summary", "context_notes", "stated_on",
               "source_id", "source_title", "source_url", "source_published_on", "quote", "reason", "version"]


@FUZZ
@given(fields=st.dictionaries(st.sampled_from(FACT_FIELDS), nasty_text, max_size=len(FACT_FIELDS)))
@example(fields={"target_troops": "²", "version": "1", "resolution_state": "adopted", "resolution_on": "2026-02-30",
                 "sponsor_country": "ÜSA", "source_id": "1", "quote": "approximately 20,000 troops", "reason": "why"})
@example(fields={"target_troops": "2,000,000", "version": "1", "sponsor": "<script>alert(1)</script>", "source_id": "1",
                 "quote": "approximately 20,000 troops", "reason": "why"})
def test_facts_form_never_fails_and_escapes_what_it_shows(fuzz_editor, fields):
    reply = fuzz_editor.post("/proposals/gaza-isf/edit", data={**fields, "csrf_token": fuzz_editor.csrf},
                             follow_redirects=False)
    assert reply.status_code in (200, 303, 409, 422), reply.text[:300]
    for value in fields.values():
        if value in MARKUP:
            assert value not in reply.text
    page = fuzz_editor.get("/proposals/gaza-isf")
    assert page.status_code == 200 and "<script>alert(1)</script>" not in page.text
    if reply.status_code == 303:  # saved: nothing the text rule refuses got in
        stored = fuzz_editor.get("/api/v1/proposals/gaza-isf").json()
        assert text_problem(json.dumps(stored, ensure_ascii=False)) is None
    assert fuzz_editor.get("/changes").status_code == 200


fact_keys = st.sampled_from(["target_troops", "target_troops_approximate", "target_police", "sponsor",
                             "sponsor_country", "resolution", "mandate_summary", "context_notes", "stated_on",
                             "citation", "reason"])


@FUZZ
@given(body=st.one_of(json_values, st.dictionaries(fact_keys, json_values, max_size=8)))
@example(body={"resolution": {"state": "adopted", "date": "9999-12-31"}, "sponsor_country": "ZZZ",
               "citation": {"source_id": 10**20, "quote": "approximately\u202e 20,000 troops", "field": "sponsor"},
               "reason": float("nan")})
@example(body={"resolution": {"state": "adopted"}, "citation": {"source_id": 1, "quote": "approximately 20,000 troops"},
               "reason": "why"})
def test_facts_put_never_fails_whatever_the_json(client, database, body):
    if not client.headers.get("authorization"):
        add_user(database, "scripter", "editor")
        client.headers["Authorization"] = f"Bearer {add_token(database, 'scripter', 'write')}"
    etag = client.get("/api/v1/proposals/gaza-isf").headers["etag"]
    reply = client.put("/api/v1/proposals/gaza-isf", content=json.dumps(body),
                       headers={"If-Match": etag, "Content-Type": "application/json"})
    assert reply.status_code in (200, 412, 422), reply.text[:300]
    answer = json.loads(reply.content.decode("utf-8"), parse_constant=_refuse_constant)
    assert "detail" in answer or reply.status_code == 200
