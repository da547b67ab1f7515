"""Who may write what: every write endpoint and form against anonymous, editor, admin,
read token and write token; and CSRF defences that refuse without writing anything."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.models import Change, Source
from tests.conftest import add_token, add_user, sign_in

QUOTE = "Azerbaijan has made it clear that it will not send peacekeepers to Gaza"
STANCE_JSON = {"status": "committed", "troops": {"committed": 100}, "citation": {"source_id": 1, "quote": QUOTE}, "reason": "matrix"}
STANCE_FORM = {"status": "committed", "committed": "100", "cond_count": "0", "source_id": "1", "quote": QUOTE, "reason": "matrix",
               "version": "1"}
FACTOR_FORM = {"state": "met", "note": "", "source_id": "1", "quote": "cease entirely", "reason": "matrix", "version": "1"}
FACTS_QUOTE = "expected to include approximately 20,000 troops"
FACTS_FORM = {"target_troops": "25000", "target_troops_approximate": "on", "sponsor": "United States", "sponsor_country": "USA",
              "resolution_state": "drafted", "resolution_text": "A U.S.-proposed resolution.", "source_id": "1",
              "quote": FACTS_QUOTE, "reason": "matrix", "version": "1"}
FACTS_JSON = {"target_troops": 25000, "target_troops_approximate": True, "sponsor": "United States",
              "citation": {"source_id": 1, "quote": FACTS_QUOTE, "field": "target_troops"}, "reason": "matrix"}


def _counts(session) -> tuple[int, int]:
    session.rollback()
    return (session.scalar(select(func.count()).select_from(Change)), session.scalar(select(func.count()).select_from(Source)))


def _as(client, database, who: str) -> dict:
    """Set the client up as WHO; returns the headers and form fields that identity sends."""
    if who == "anonymous":
        return {"headers": {}, "csrf": {}}
    if who in ("editor", "admin"):
        add_user(database, who, who)
        return {"headers": {}, "csrf": {"csrf_token": sign_in(client, who)}}
    add_user(database, "scripter", "editor")
    token = add_token(database, "scripter", who.split()[0])
    return {"headers": {"Authorization": f"Bearer {token}"}, "csrf": {}}


def _put_stance(client, ident):
    etag = client.get("/api/v1/proposals/gaza-isf/stances/AZE").headers["etag"]
    return client.put("/api/v1/proposals/gaza-isf/stances/AZE", json=STANCE_JSON, headers={**ident["headers"], "If-Match": etag})


def _patch_stance(client, ident):
    etag = client.get("/api/v1/proposals/gaza-isf/stances/AZE").headers["etag"]
    return client.patch("/api/v1/proposals/gaza-isf/stances/AZE", json={"troops": {"committed": 100}, "citation": STANCE_JSON["citation"],
                                                                       "reason": "matrix"},
                        headers={**ident["headers"], "If-Match": etag, "Content-Type": "application/merge-patch+json"})


def _post_source(client, ident):
    return client.post("/api/v1/sources", json={"title": "Matrix source"}, headers=ident["headers"])


def _stance_form(client, ident):
    return client.post("/proposals/gaza-isf/countries/AZE/edit", data={**STANCE_FORM, **ident["csrf"]},
                       headers=ident["headers"], follow_redirects=False)


def _factor_form(client, ident):
    return client.post("/proposals/gaza-isf/factors/cessation-of-hostilities/edit", data={**FACTOR_FORM, **ident["csrf"]},
                       headers=ident["headers"], follow_redirects=False)


def _facts_form(client, ident):
    return client.post("/proposals/gaza-isf/edit", data={**FACTS_FORM, **ident["csrf"]},
                       headers=ident["headers"], follow_redirects=False)


def _put_facts(client, ident):
    etag = client.get("/api/v1/proposals/gaza-isf").headers["etag"]
    return client.put("/api/v1/proposals/gaza-isf", json=FACTS_JSON, headers={**ident["headers"], "If-Match": etag})


def _edit_page(client, ident):
    return client.get("/proposals/gaza-isf/countries/AZE/edit", headers=ident["headers"], follow_redirects=False)


ENDPOINTS = {
    "PUT stance": (_put_stance, {"anonymous": 401, "editor": 401, "admin": 401, "read token": 403, "write token": 200}),
    "PATCH stance": (_patch_stance, {"anonymous": 401, "editor": 401, "admin": 401, "read token": 403, "write token": 200}),
    "POST source": (_post_source, {"anonymous": 401, "editor": 401, "admin": 401, "read token": 403, "write token": 201}),
    "stance form": (_stance_form, {"anonymous": 403, "editor": 303, "admin": 303, "read token": 403, "write token": 403}),
    "factor form": (_factor_form, {"anonymous": 403, "editor": 303, "admin": 303, "read token": 403, "write token": 403}),
    "facts form": (_facts_form, {"anonymous": 403, "editor": 303, "admin": 303, "read token": 403, "write token": 403}),
    "PUT facts": (_put_facts, {"anonymous": 401, "editor": 401, "admin": 401, "read token": 403, "write token": 200}),
    "edit page": (_edit_page, {"anonymous": 303, "editor": 200, "admin": 200, "read token": 303, "write token": 303}),
}
CASES = [(endpoint, who) for endpoint, (_, expected) in ENDPOINTS.items() for who in expected]


@pytest.mark.parametrize(("endpoint", "who"), CASES, ids=[f"{e}-{w}" for e, w in CASES])
def test_authorisation_matrix(client, database, session, endpoint, who):
    call, expected = ENDPOINTS[endpoint]
    ident = _as(client, database, who)
    before = _counts(session)
    reply = call(client, ident)
    assert reply.status_code == expected[who], reply.text[:300]
    wrote = _counts(session) != before
    assert wrote == (reply.status_code in (200, 201, 303) and endpoint != "edit page")


@pytest.fixture
def signed_in(client, database):
    add_user(database, "editor", "editor")
    client.csrf = sign_in(client, "editor")
    return client


FORMS = {
    "stance": ("/proposals/gaza-isf/countries/AZE/edit", STANCE_FORM),
    "factor": ("/proposals/gaza-isf/factors/cessation-of-hostilities/edit", FACTOR_FORM),
    "facts": ("/proposals/gaza-isf/edit", FACTS_FORM),
    "logout": ("/logout", {}),
}
ATTACKS = {
    "missing token": ({}, None),
    "wrong token": ({}, "not-the-session-token"),
    "cross-site fetch": ({"Sec-Fetch-Site": "cross-site"}, "good"),
    "foreign origin": ({"Origin": "https://attacker.example"}, "good"),
}


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("attack", list(ATTACKS))
def test_csrf_defences_refuse_and_write_nothing(signed_in, session, form, attack):
    url, data = FORMS[form]
    headers, token = ATTACKS[attack]
    fields = dict(data)
    if token == "good":
        fields["csrf_token"] = signed_in.csrf
    elif token:
        fields["csrf_token"] = token
    before = _counts(session)
    reply = signed_in.post(url, data=fields, headers=headers, follow_redirects=False)
    assert reply.status_code == 403
    assert _counts(session) == before
    assert "editor" in signed_in.get("/").text  # still signed in: logout did not happen either


def test_same_origin_posts_pass_the_origin_checks(signed_in):
    reply = signed_in.post(FORMS["stance"][0], data={**STANCE_FORM, "csrf_token": signed_in.csrf},
                           headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}, follow_redirects=False)
    assert reply.status_code == 303


def test_sign_in_form_needs_its_own_token(client, database):
    add_user(database, "amira")
    client.get("/login")
    reply = client.post("/login", data={"name": "amira", "password": "correct horse battery staple"})
    assert reply.status_code == 403


def test_state_never_changes_on_get(client, database, session):
    before = _counts(session)
    for url in ("/logout", "/proposals/gaza-isf/countries/AZE/edit", "/login"):
        client.get(url)
    assert _counts(session) == before
    assert client.get("/logout").status_code == 405
