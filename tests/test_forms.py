"""Editing through the forms: save, validation beside the fields, conflicts with nothing lost,
adding a country, and factors that carry their conditions along."""

from __future__ import annotations

import datetime as dt
from contextlib import ExitStack

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy import delete, func, select

from app.main import create_app
from app.models import Change, Source, Stance
from app.vocabulary import day_words
from tests.conftest import BAD_FIGURES, PASSWORD, STANCE_FORM, add_user, form_values, hidden_value, sign_in
from tests.live import race

EDIT = "/proposals/gaza-isf/countries/AZE/edit"
QUOTE = "Azerbaijan has made it clear that it will not send peacekeepers to Gaza"


def roles_of(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [el["value"] for el in soup.select("input[name=roles][checked]")]


def change_count(session) -> int:
    session.rollback()
    return session.scalar(select(func.count()).select_from(Change))


def test_editor_changes_azerbaijan_and_the_board_shows_it(editor_client, session):
    page = editor_client.get(EDIT)
    assert page.status_code == 200
    data = form_values(page.text, STANCE_FORM)
    assert data["status"] == "conditional" and data["version"] == "1"
    assert data["cond-0-text"].startswith("Complete stop") and data["cond-0-factor"] == "cessation-of-hostilities"
    data.update(status="committed", offered_min="500", offered_max="1,000", committed="500", source_id="1",
                quote=QUOTE, reason="Parliament approved", **{"cond-1-state": "met"})
    before = change_count(session)
    reply = editor_client.post(EDIT, data={**data, "roles": ["engineering", "medical"]}, follow_redirects=False)
    assert reply.status_code == 303, reply.text[:2000]
    assert reply.headers["location"] == "/proposals/gaza-isf/countries/AZE"
    country = editor_client.get(reply.headers["location"])
    assert "Saved Azerbaijan (version 2)." in country.text
    assert "Committed" in country.text and "500–1,000" in country.text
    assert change_count(session) == before + 1
    change = session.scalars(select(Change).order_by(Change.id.desc())).first()
    assert (change.actor, change.via, change.reason) == ("editor", "form", "Parliament approved")
    assert change.after["roles"] == ["engineering", "medical"]
    assert [c["state"] for c in change.after["conditions"]] == ["unmet", "met"]
    board = BeautifulSoup(editor_client.get("/").text, "html.parser")
    assert board.select_one("#row-AZE .badge").get_text(strip=True) == "Committed"


def _fields(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Form fields as a page holds them (names repeated), as the test client sends them."""
    found: dict[str, list[str]] = {}
    for name, value in pairs:
        found.setdefault(name, []).append(value)
    return found


def test_a_form_sent_after_the_session_ended_is_kept_through_signing_in_again(editor_client, database, session):
    """The editor's session ends (here: removed, as signing out elsewhere does) while they type. The
    save is not made, and nothing typed is lost: the sign-in page carries it, and once signed in
    again the editor sends it with one button, and it is saved as typed."""
    from app.models import WebSession

    data = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    data.update(status="committed", offered_min="500", offered_max="1,000", committed="500", source_id="1",
                quote=QUOTE, reason="Parliament approved", summary="Baku commits 500 after the vote.\nSecond line.")
    with database.write_session() as s:
        s.execute(delete(WebSession))
    before = change_count(session)
    typed = {**data, "roles": ["engineering", "medical"]}
    # Sent from elsewhere (or by a client that does not say where from), it is refused as before.
    elsewhere = editor_client.post(EDIT, data=typed, headers={"Sec-Fetch-Site": "cross-site"}, follow_redirects=False)
    assert elsewhere.status_code == 403 and "carried:" not in elsewhere.text
    assert editor_client.post(EDIT, data=typed, follow_redirects=False).status_code == 403
    ended = editor_client.post(EDIT, data=typed, headers={"Sec-Fetch-Site": "same-origin"}, follow_redirects=False)
    assert ended.status_code == 401
    page = BeautifulSoup(ended.text, "html.parser")
    assert "nothing was saved yet" in page.select_one("#session-ended").get_text(" ", strip=True)
    login = page.select_one("form[action='/login']")
    carried = [(i["name"], i["value"]) for i in login.select("input[type=hidden]") if i["name"].startswith("carried:")]
    assert ("carried:summary", "Baku commits 500 after the vote.\nSecond line.") in carried
    assert [v for n, v in carried if n == "carried:roles"] == ["engineering", "medical"]
    assert change_count(session) == before

    # A wrong password keeps it too.
    fields = {i["name"]: i.get("value", "") for i in login.select("input[type=hidden]")}
    form = [*((i["name"], i["value"]) for i in login.select("input[type=hidden]")), ("name", "editor")]
    wrong = editor_client.post("/login", data=_fields([*form, ("password", "not it")]), follow_redirects=False)
    assert wrong.status_code == 401 and "carried:summary" in wrong.text
    signed_in = editor_client.post("/login", data=_fields([*form, ("password", PASSWORD)]), follow_redirects=False)
    assert signed_in.status_code == 200, signed_in.text[:500]
    assert fields["next"] == EDIT
    resume = BeautifulSoup(signed_in.text, "html.parser").select_one("#resume-form")
    assert resume["action"] == EDIT and change_count(session) == before  # not sent by itself
    assert "typed-by-another" not in signed_in.text  # the same editor: nothing to warn of
    again = [(i["name"], i["value"]) for i in resume.select("input[type=hidden]")]
    saved = editor_client.post(EDIT, data=_fields(again), follow_redirects=False)
    assert saved.status_code == 303, saved.text[:1000]
    assert change_count(session) == before + 1
    aze = editor_client.get("/api/v1/proposals/gaza-isf/stances/AZE").json()
    assert (aze["status"], aze["troops"]["committed"], aze["roles"]) == ("committed", 500, ["engineering", "medical"])
    assert aze["summary"] == "Baku commits 500 after the vote.\nSecond line."


def test_whoever_signs_in_where_another_editors_form_was_carried_is_told_whose_it_was(editor_client, database, session):
    """The editor's session ends with a form typed; a colleague signs in on the same browser's sign-in
    page. The page that offers the form again says it was typed while the editor was signed in, and
    that saving it puts the colleague's name on it; nothing is saved by itself."""
    add_user(database, "colleague")
    data = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    assert data["typed_by"] == "editor"
    data.update(summary="Typed by the first editor", source_id="1", quote=QUOTE, reason="kept")
    before = change_count(session)
    ended = _ended(editor_client, database, EDIT, data)
    assert ended.status_code == 401
    form = _hidden(ended.text, "form[action='/login']")
    signed_in = editor_client.post("/login", data=_fields([*form, ("name", "colleague"), ("password", PASSWORD)]),
                                   follow_redirects=False)
    assert signed_in.status_code == 200, signed_in.text[:500]
    page = BeautifulSoup(signed_in.text, "html.parser")
    warning = " ".join(page.select_one("#typed-by-another").get_text(" ").split())
    assert "while editor was signed in" in warning and "signed in as colleague" in warning
    assert "records the change under your name" in warning
    assert page.select_one("#resume-form details").has_attr("open")  # what it holds, in view
    assert "typed_by" not in page.select_one("dl.carried").get_text(" ", strip=True)
    assert page.select_one("#resume-form button").get_text(strip=True) == "Save editor’s form as colleague"
    assert change_count(session) == before


def _ended(client, database, url: str, data: dict, files: dict | None = None):
    """DATA sent from our own page to URL after every session ended: the answer."""
    from app.models import WebSession

    with database.write_session() as s:
        s.execute(delete(WebSession))
    return client.post(url, data=data, files=files, headers={"Sec-Fetch-Site": "same-origin"}, follow_redirects=False)


def _hidden(page: str, selector: str) -> list[tuple[str, str]]:
    form = BeautifulSoup(page, "html.parser").select_one(selector)
    return [(i["name"], i.get("value", "")) for i in form.select("input[type=hidden]")]


def test_a_long_article_and_two_tabs_are_kept_through_signing_in_again(editor_client, database, session):
    """An import of a 1.3 MB article sent after the session ended keeps the article through signing in
    again; so does a second tab's form, whichever page the editor signs in from first."""
    article = ("Italy will send between 500 and 1,000 Carabinieri to the stabilization force. " * 17_000)[:1_300_000]
    fields = {"csrf_token": "old", "title": "Long read", "publisher": "", "url": "", "published_on": "",
              "text": article, "proposal": "gaza-isf"}
    first = _ended(editor_client, database, "/import", fields, files={"file": ("", b"", "application/octet-stream")})
    assert first.status_code == 401, first.text[:300]
    carried = dict(_hidden(first.text, "form[action='/login']"))
    assert carried["carried:text"] == article
    second = editor_client.post(EDIT, data={"csrf_token": "old", "summary": "From the second tab", "version": "1"},
                                headers={"Sec-Fetch-Site": "same-origin"}, follow_redirects=False)
    assert second.status_code == 401
    for page, field, value in ((first.text, "text", article), (second.text, "summary", "From the second tab")):
        form = _hidden(page, "form[action='/login']")
        signed_in = editor_client.post("/login", data=_fields([*form, ("name", "editor"), ("password", PASSWORD)]),
                                       follow_redirects=False)
        assert signed_in.status_code == 200, signed_in.text[:300]
        assert dict(_hidden(signed_in.text, "#resume-form"))[field] == value


def test_a_form_opened_under_an_earlier_sign_in_is_offered_again_not_refused(editor_client, database, session):
    """The editor signed out and in again in another tab; the form opened before carries the old
    session's token. Nothing is saved, nothing is lost: the page offers what was typed with this
    session's token, and saving it saves it. From another site it is refused as before."""
    data = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    data.update(summary="Typed under the first sign-in", source_id="1", quote=QUOTE, reason="kept")
    # Signed out and in again in another tab: a new session, while the form holds the old one's token.
    assert editor_client.post("/logout", data={"csrf_token": editor_client.csrf}, follow_redirects=False).status_code == 303
    sign_in(editor_client, "editor")
    before = change_count(session)
    elsewhere = editor_client.post(EDIT, data=data, headers={"Sec-Fetch-Site": "cross-site"}, follow_redirects=False)
    assert elsewhere.status_code == 403
    stale = editor_client.post(EDIT, data=data, headers={"Sec-Fetch-Site": "same-origin"}, follow_redirects=False)
    assert stale.status_code == 409 and change_count(session) == before
    assert "nothing was saved" in BeautifulSoup(stale.text, "html.parser").select_one("#stale-form").get_text(" ", strip=True)
    again = _hidden(stale.text, "#resume-form")
    assert dict(again)["csrf_token"] != data["csrf_token"] and dict(again)["summary"] == "Typed under the first sign-in"
    saved = editor_client.post(EDIT, data=_fields(again), follow_redirects=False)
    assert saved.status_code == 303, saved.text[:500]
    assert editor_client.get("/api/v1/proposals/gaza-isf/stances/AZE").json()["summary"] == "Typed under the first sign-in"


def test_a_form_larger_than_any_of_ours_is_refused_not_echoed(editor_client, database):
    """Past an article at the limit and its fields, a form sent without a session is no editor's:
    refused (403) as before, not carried back (a page many times its size)."""
    reply = _ended(editor_client, database, "/import", {"csrf_token": "x", "text": '"' * 1_000_000,
                                                         "title": '"' * 1_000_000, "publisher": '"' * 200_000},
                   files={"file": ("", b"", "application/octet-stream")})
    assert reply.status_code == 403 and len(reply.content) < 50_000


def test_invalid_input_is_explained_beside_each_field_and_nothing_typed_is_lost(editor_client, session):
    data = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    data.update(offered_min="900", offered_max="ten", committed="-5", stated_on="31/12/2026", summary="Kept <b>summary</b>",
                source_id="", quote="", reason="", **{"cond-2-text": "", "cond-1-text": ""})
    before = change_count(session)
    reply = editor_client.post(EDIT, data=data)
    assert reply.status_code == 422
    soup = BeautifulSoup(reply.text, "html.parser")
    errors = {e["id"].removesuffix("-error"): e.get_text() for e in soup.select(".field-error")}
    assert set(errors) >= {"offered_max", "committed", "stated_on", "source_id", "quote", "reason", "cond-1-text"}
    assert errors["committed"] == "Must not be negative."  # a number, but below zero
    assert errors["offered_max"] == "Enter a whole number of troops, such as 3000 or 3,000, or leave it empty."
    assert soup.select_one("#offered_max")["aria-invalid"] == "true"
    kept = form_values(reply.text, STANCE_FORM)
    assert (kept["offered_min"], kept["offered_max"], kept["committed"], kept["stated_on"]) == ("900", "ten", "-5", "31/12/2026")
    assert kept["summary"] == "Kept <b>summary</b>"
    assert "<b>summary</b>" not in reply.text  # escaped, never markup
    assert change_count(session) == before


def test_a_range_the_wrong_way_round_and_an_invented_quote_are_refused(editor_client, session):
    data = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    data.update(offered_min="900", offered_max="100", source_id="1", quote=QUOTE, reason="r")
    reply = editor_client.post(EDIT, data=data)
    assert reply.status_code == 422
    assert "cannot be less than the least offered" in BeautifulSoup(reply.text, "html.parser").select_one("#offered_max-error").get_text()
    data.update(offered_max="1000", quote="Azerbaijan promised ten thousand troops")
    reply = editor_client.post(EDIT, data=data)
    assert reply.status_code == 422
    assert "not an exact passage" in BeautifulSoup(reply.text, "html.parser").select_one("#quote-error").get_text()
    assert change_count(session) == 10


@pytest.mark.parametrize(("status", "troops", "field", "message"), BAD_FIGURES)
def test_figures_the_status_cannot_have_are_refused_beside_the_figure_naming_the_rule(editor_client, session, status,
                                                                                    troops, field, message):
    data = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    data.update(status=status, **{name: f"{value:,}" for name, value in troops.items()}, source_id="1", quote=QUOTE,
                reason="Ministry statement")
    before = change_count(session)
    reply = editor_client.post(EDIT, data=data)
    assert reply.status_code == 422
    soup = BeautifulSoup(reply.text, "html.parser")
    assert soup.select_one(f"#{field}-error").get_text(strip=True) == message[:1].upper() + message[1:] + "."
    assert soup.select_one(f"#{field}")["aria-invalid"] == "true"
    kept = form_values(reply.text, STANCE_FORM)
    assert (kept["status"], kept[field]) == (status, f"{troops[field]:,}")  # nothing typed is lost
    assert change_count(session) == before


def test_two_editors_conflict_and_the_second_keeps_everything_typed(editor_client, client, database, session):
    first = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    second = dict(first)
    first.update(summary="First editor's summary", source_id="1", quote=QUOTE, reason="first")
    assert editor_client.post(EDIT, data=first, follow_redirects=False).status_code == 303

    second.update(status="declined", summary="Second editor's summary", source_id="1", quote=QUOTE, reason="second")
    reply = editor_client.post(EDIT, data=second)
    assert reply.status_code == 409
    soup = BeautifulSoup(reply.text, "html.parser")
    conflict = soup.select_one(".conflict")
    assert "Someone else saved Azerbaijan" in conflict.get_text()
    compare = conflict.select_one("table.compare").get_text(" ", strip=True)
    assert "First editor's summary" in compare and "Second editor's summary" in compare
    kept = form_values(reply.text, STANCE_FORM)
    assert kept["status"] == "declined" and kept["summary"] == "Second editor's summary"
    assert kept["reason"] == "second" and kept["quote"] == QUOTE
    assert kept["version"] == "2"  # re-applying now means "on top of what is saved"
    assert change_count(session) == 11

    again = editor_client.post(EDIT, data=kept, follow_redirects=False)
    assert again.status_code == 303
    session.rollback()
    aze = session.scalars(select(Stance).where(Stance.country_code == "AZE")).one()
    assert (aze.status, aze.summary, aze.version) == ("declined", "Second editor's summary", 3)


def test_a_new_source_can_be_cited_and_is_created_with_the_change(editor_client, session):
    data = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    data.update(source_id="new", source_title="Baku confirms troop offer", source_publisher="Example Wire",
                source_url="https://example.org/baku", source_published_on="2026-11-20",
                quote="Baku will send 300 engineers", reason="new report", offered_max="300")
    reply = editor_client.post(EDIT, data=data, follow_redirects=False)
    assert reply.status_code == 303
    session.rollback()
    source = session.scalars(select(Source).where(Source.title == "Baku confirms troop offer")).one()
    assert (source.publisher, source.url, source.published_on.isoformat()) == ("Example Wire", "https://example.org/baku", "2026-11-20")
    last = session.scalars(select(Change).order_by(Change.id.desc())).first()
    assert last.source_id == source.id


def test_a_bad_new_source_keeps_the_stance_unsaved_and_no_source_is_created(editor_client, session):
    data = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    data.update(source_id="new", source_title="", source_url="javascript:alert(1)", quote="x y z", reason="r")
    reply = editor_client.post(EDIT, data=data)
    assert reply.status_code == 422
    soup = BeautifulSoup(reply.text, "html.parser")
    assert soup.select_one("#source_title-error") and soup.select_one("#source_url-error")
    session.rollback()
    assert session.scalar(select(func.count()).select_from(Source)) == 1


def test_conditions_are_added_and_removed_through_rows(editor_client, session):
    data = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    data.update({"cond-1-remove": "1", "cond-2-text": "Command stays national", "cond-2-category": "command",
                 "cond-2-state": "unknown", "source_id": "1", "quote": QUOTE, "reason": "rows"})
    assert editor_client.post(EDIT, data=data, follow_redirects=False).status_code == 303
    session.rollback()
    aze = session.scalars(select(Stance).where(Stance.country_code == "AZE")).one()
    assert [(c.category, c.text) for c in aze.conditions] == [
        ("ceasefire", "Complete stop of military action: hostilities between Israel and Hamas must cease entirely."),
        ("command", "Command stays national"),
    ]
    more = editor_client.post(EDIT, data={**data, "action": "more_rows"})
    rows = BeautifulSoup(more.text, "html.parser").select(".condition-row")
    assert more.status_code == 200 and len(rows) == int(data["cond_count"]) + 2  # two more rows, whatever was there


def test_adding_a_country_by_alias_and_saving_its_first_stance(editor_client, session):
    search = editor_client.get("/proposals/gaza-isf/countries/new?q=pak")
    links = [a["href"] for a in BeautifulSoup(search.text, "html.parser").select(".country-results a")]
    assert "/proposals/gaza-isf/countries/PAK/edit" in links
    uae = BeautifulSoup(editor_client.get("/proposals/gaza-isf/countries/new?q=UAE").text, "html.parser")
    # Already on the board: offered as a link to its page, not as a country to add.
    assert not [a for a in uae.select(".country-results:not(.on-board) a") if "ARE" in a["href"]]
    assert "Kosovo" in editor_client.get("/proposals/gaza-isf/countries/new?q=kosovo").text
    page = editor_client.get("/proposals/gaza-isf/countries/PAK/edit")
    assert page.status_code == 200 and "Add Pakistan" in page.text
    data = form_values(page.text, STANCE_FORM)
    assert data["version"] == "0"
    data.update(status="considering", source_id="new", source_title="Islamabad weighs Gaza role", quote="weighs a role", reason="new")
    reply = editor_client.post("/proposals/gaza-isf/countries/PAK/edit", data=data, follow_redirects=False)
    assert reply.status_code == 303
    assert "Pakistan" in editor_client.get("/").text
    assert editor_client.get("/proposals/gaza-isf/countries/ZZZ/edit").status_code == 404


def test_marking_a_factor_met_shows_its_conditions_met_and_writes_no_countrys_statement(editor_client, session):
    """The factor's state is the factor's: recording it writes the factor's change alone, and every
    condition that hangs on it reads met on the board, the country page and the API."""
    url = "/proposals/gaza-isf/factors/cessation-of-hostilities/edit"
    page = editor_client.get(url)
    assert page.status_code == 200
    before = change_count(session)
    read = editor_client.get("/api/v1/proposals/gaza-isf/stances/AZE")
    aze_before, etag_before = read.json(), read.headers["etag"]
    assert [c["state"] for c in aze_before["conditions"]] == ["unmet", "unmet"]
    reply = editor_client.post(url, data={
        "csrf_token": editor_client.csrf, "version": hidden_value(page.text, "version"), "state": "met",
        "note": "A ceasefire holds.", "source_id": "1", "quote": "cease entirely", "reason": "ceasefire agreed",
    }, follow_redirects=False)
    assert reply.status_code == 303, reply.text[:1000]
    notice = BeautifulSoup(editor_client.get("/").text, "html.parser").select_one(".notice-ok").get_text(" ", strip=True)
    assert "The conditions that hang on it now read met on today's board, for Azerbaijan." in notice
    assert change_count(session) == before + 1
    factor_change = session.scalars(select(Change).order_by(Change.id.desc()).limit(1)).one()
    assert factor_change.entity == "factor" and factor_change.after["state"] == "met"
    # Read again with the tag read before, the stance is sent whole: its version did not move, its condition did.
    again = editor_client.get("/api/v1/proposals/gaza-isf/stances/AZE", headers={"If-None-Match": etag_before})
    assert again.status_code == 200 and again.headers["etag"] == etag_before
    aze = again.json()
    assert [c["state"] for c in aze["conditions"]] == ["met", "unmet"]
    assert (aze["status"], aze["version"]) == ("conditional", aze_before["version"])  # still waiting for parliament
    chips = BeautifulSoup(editor_client.get("/").text, "html.parser").select("#row-AZE .chip")
    assert [" ".join(c.get_text(" ", strip=True).split()) for c in chips][0].startswith("Met: Met")
    # The country page tells it: the factor's change on Azerbaijan's timeline, linked to the factor.
    country = BeautifulSoup(editor_client.get("/proposals/gaza-isf/countries/AZE").text, "html.parser")
    latest = country.select_one("ol.timeline > li")
    assert latest["id"] == f"change-{factor_change.id}"
    assert "Cessation of hostilities" in latest.get_text(" ", strip=True)
    assert [li.get_text(strip=True) for li in latest.select(".diff li")] == ["state unmet → met", "note: “A ceasefire holds.”"]
    # So does its feed; the seed's first record of the factor, which moved nothing, is on neither.
    feed = BeautifulSoup(editor_client.get("/proposals/gaza-isf/countries/AZE/changes.atom").text, "xml")
    titles = [t.get_text() for t in feed.select("entry > title")]
    assert titles[0] == "Factor “Cessation of hostilities”: state unmet → met"
    assert not any("factor recorded as" in t for t in titles)
    assert [t for t in titles if t.startswith("Factor")] == titles[:1]


def test_a_factor_state_sourced_to_an_earlier_day_says_from_when_it_counts_and_moves_no_condition(editor_client,
                                                                                                   session):
    """The seed says the hostilities go on as of 7 Nov 2025; a source of 1 Nov says they had stopped. Saved,
    the page says the state counts from 1 Nov and that today's board keeps the later statement's; no
    country's position of today is rewritten."""
    url = "/proposals/gaza-isf/factors/cessation-of-hostilities/edit"
    page = editor_client.get(url)
    before = change_count(session)
    reply = editor_client.post(url, data={
        "csrf_token": editor_client.csrf, "version": hidden_value(page.text, "version"), "state": "met",
        "note": "", "source_id": "new", "source_title": "Truce report", "source_published_on": "2025-11-01",
        "quote": "Truce report", "reason": "an earlier report"})
    assert reply.status_code == 200, reply.text[:1000]
    said = " ".join(BeautifulSoup(reply.text, "html.parser").select_one(".notice-ok").get_text(" ", strip=True).split())
    assert ("It counts from 1 Nov 2025, the day its source was published; today's board keeps it unmet, as stated "
            "for a later day.") in said
    assert "were updated for" not in said
    assert change_count(session) == before + 1  # the factor's statement alone


def test_factor_form_errors_and_conflicts(editor_client, session):
    url = "/proposals/gaza-isf/factors/un-mandate/edit"
    page = editor_client.get(url)
    version = hidden_value(page.text, "version")
    bad = editor_client.post(url, data={"csrf_token": editor_client.csrf, "version": version, "state": "maybe",
                                        "source_id": "", "quote": "", "reason": ""})
    assert bad.status_code == 422 and bad.text.count('class="field-error"') == 4
    good = {"csrf_token": editor_client.csrf, "version": version, "state": "met", "note": "", "source_id": "1",
            "quote": "all necessary measures", "reason": "adopted"}
    assert editor_client.post(url, data=good, follow_redirects=False).status_code == 303
    stale = editor_client.post(url, data={**good, "state": "unknown"})
    assert stale.status_code == 409 and "Someone else changed this factor" in stale.text
    notice = " ".join(BeautifulSoup(stale.text, "html.parser").select_one("[role=alert]").get_text(" ", strip=True).split())
    assert "Changed differently by both of you, kept as you typed: state (theirs: “met”; yours: “unknown”)." in notice
    # A colleague's note, on a form whose note this editor left alone, is taken in rather than undone.
    second = {**good, "version": hidden_value(editor_client.get(url).text, "version"), "note": "Adopted 17 Nov."}
    assert editor_client.post(url, data=second, follow_redirects=False).status_code == 303
    stale = editor_client.post(url, data={**good, "version": second["version"], "state": "unknown"})
    kept = form_values(stale.text, f'form[action="{url}"]')
    assert stale.status_code == 409 and (kept["state"], kept["note"]) == ("unknown", "Adopted 17 Nov.")


def _pakistan_form(client, summary: str) -> dict[str, str]:
    data = form_values(client.get("/proposals/gaza-isf/countries/PAK/edit").text, STANCE_FORM)
    data.update(status="considering", summary=summary, source_id="1", quote=QUOTE, reason=summary)
    return data


def test_a_form_without_a_saved_version_never_replaces_a_stance_that_exists(editor_client, session):
    before = change_count(session)
    data = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    data.update(status="declined", summary="Overwrites blindly", source_id="1", quote=QUOTE, reason="blind")
    for version in ("0", "-1", "", "abc", "1.0", None):
        sent = {k: v for k, v in data.items() if k != "version"} if version is None else {**data, "version": version}
        reply = editor_client.post(EDIT, data=sent)
        assert reply.status_code == 409, (version, reply.text[:500])
        conflict = BeautifulSoup(reply.text, "html.parser").select_one(".conflict")
        compare = conflict.select_one("table.compare").get_text(" ", strip=True)
        assert "Conditional" in compare and "Overwrites blindly" in compare
        assert form_values(reply.text, STANCE_FORM)["version"] == "1"  # saving again now builds on what is saved
    assert change_count(session) == before
    aze = session.scalars(select(Stance).where(Stance.country_code == "AZE")).one()
    assert (aze.status, aze.version) == ("conditional", 1)


def test_two_editors_adding_the_same_country_at_once_exactly_one_wins(backend, database, session):
    names = ["amira", "bruno", "chen", "dana"]
    for name in names:
        add_user(database, name)
    before = change_count(session)
    with ExitStack() as stack:
        clients = [stack.enter_context(TestClient(create_app())) for _ in names]
        forms = []
        for client, name in zip(clients, names):
            csrf = sign_in(client, name)
            forms.append({**_pakistan_form(client, f"Added by {name}"), "csrf_token": csrf})
        assert all(f["version"] == "0" for f in forms)  # each saw Pakistan not yet on the board
        replies = race(len(clients), lambda i: clients[i].post("/proposals/gaza-isf/countries/PAK/edit", data=forms[i],
                                                                follow_redirects=False))
    statuses = [r.status_code for r in replies]
    assert sorted(statuses) == [303, 409, 409, 409], statuses
    winner = names[statuses.index(303)]
    for reply in replies:
        if reply.status_code == 409:
            assert f"Added by {winner}" in reply.text  # the loser sees what was saved beside their input
    session.rollback()
    pak = session.scalars(select(Stance).where(Stance.country_code == "PAK")).one()
    assert (pak.summary, pak.version) == (f"Added by {winner}", 1)
    assert change_count(session) == before + 1


def test_an_editor_saving_an_older_statement_is_told_the_board_keeps_the_later_one(editor_client, session):
    """The seed's statements speak for the day of the article (7 Nov 2025): a statement dated a
    week before is recorded, the board keeps showing the seed's, and the editor is told so at once."""
    week_ago = "2025-10-31"
    data = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    data.update(status="committed", committed="500", stated_on=week_ago, source_id="1", quote=QUOTE,
                reason="An older statement, entered late")
    before = change_count(session)
    reply = editor_client.post(EDIT, data=data, follow_redirects=False)
    assert reply.status_code == 303
    assert change_count(session) == before + 1
    country = BeautifulSoup(editor_client.get(reply.headers["location"]).text, "html.parser")
    message = country.select_one(".notice-ok").get_text(" ", strip=True)
    assert "Saved Azerbaijan (version 2)." in message
    said = day_words(dt.date.fromisoformat(week_ago))
    assert f"Recorded as version 2, for {said}" in message and "stays version 1 (conditional)" in message
    assert country.select_one("#position")["data-status"] == "conditional"
    assert "A later-recorded statement (version 2) is not shown" in country.get_text(" ", strip=True)
    board = BeautifulSoup(editor_client.get("/").text, "html.parser")
    assert board.select_one("#row-AZE")["data-status"] == "conditional"
    then = BeautifulSoup(editor_client.get(f"/?as_of={week_ago}").text, "html.parser")
    assert then.select_one("#row-AZE")["data-status"] == "committed"


@pytest.mark.parametrize("typed, stored", [("3,000", 3000), ("3 000", 3000), ("3000", 3000), ("12,5", None),
                                           ("1,0000", None), ("1.500", None), ("3k", None)])
def test_a_troop_figure_is_read_as_typed_or_refused_never_read_as_another_number(editor_client, session, typed, stored):
    """Thousands set apart by commas or spaces in threes are read; a comma or a dot anywhere else is
    refused beside the figure, never read as another number ("12,5" is not 125)."""
    data = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    data.update(status="conditional", offered_min="", offered_max=typed, source_id="1", quote=QUOTE, reason="figure")
    reply = editor_client.post(EDIT, data=data, follow_redirects=False)
    session.rollback()
    offered = session.scalars(select(Stance).where(Stance.country_code == "AZE")).one().offered_max
    if stored is None:
        assert reply.status_code == 422
        error = BeautifulSoup(reply.text, "html.parser").select_one("#offered_max-error").get_text()
        assert "whole number of troops, such as 3000 or 3,000" in error and offered is None
        assert form_values(reply.text, STANCE_FORM)["offered_max"] == typed
    else:
        assert reply.status_code == 303 and offered == stored


def test_a_statement_dated_before_the_countrys_first_carries_nothing_said_later(editor_client, client):
    """Azerbaijan first spoke on 7 Nov 2025. A statement entered for 1 Oct 2025 through the form keeps
    the status typed, but what the editor left as the form showed it (the summary, the conditions,
    said later) is not carried back to that day, and the message says so."""
    data = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    data.update(status="considering", stated_on="2025-10-01", source_id="1", quote=QUOTE, reason="early talks")
    reply = editor_client.post(EDIT, data=data, follow_redirects=False)
    assert reply.status_code == 303
    message = BeautifulSoup(editor_client.get(reply.headers["location"]).text, "html.parser").select_one(".notice-ok")
    assert "Azerbaijan had said nothing by 1 Oct 2025" in message.get_text(" ", strip=True)
    then = client.get("/api/v1/proposals/gaza-isf/stances/AZE?as_of=2025-10-01").json()
    assert (then["status"], then["summary"], then["conditions"]) == ("considering", None, [])
    assert client.get("/api/v1/proposals/gaza-isf/stances/AZE").json()["status"] == "conditional"


def test_a_statement_dated_after_today_is_refused_beside_its_date(editor_client, session):
    import datetime as dt

    tomorrow = (dt.datetime.now(dt.timezone.utc).date() + dt.timedelta(days=1)).isoformat()
    data = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    data.update(stated_on=tomorrow, source_id="1", quote=QUOTE, reason="r")
    before = change_count(session)
    reply = editor_client.post(EDIT, data=data)
    assert reply.status_code == 422
    error = BeautifulSoup(reply.text, "html.parser").select_one("#stated_on-error").get_text()
    assert "Must not be after today (UTC)" in error
    assert change_count(session) == before
    # Said at once with every other problem, not after they are mended; a long summary says its limit.
    data.update(reason="", offered_max="lots", summary="x" * 501)
    page = BeautifulSoup(editor_client.post(EDIT, data=data).text, "html.parser")
    errors = {e["id"].removesuffix("-error"): e.get_text() for e in page.select("[id$=-error]") if e.get_text().strip()}
    assert {"stated_on", "reason", "offered_max", "summary"} <= errors.keys(), errors
    assert errors["summary"] == "Keep it to 500 characters or fewer (this has 501)."
    assert change_count(session) == before


# ---- a colleague saved meanwhile: the two edits are merged ---------------------------------------------


@pytest.fixture
def colleague(backend, database):
    """A second editor, `colleague`, signed in in a browser of their own; `.csrf` holds its form token."""
    add_user(database, "colleague")
    with TestClient(create_app()) as c:
        c.csrf = sign_in(c, "colleague")
        yield c


def aze(session) -> Stance:
    session.rollback()
    return session.scalars(select(Stance).where(Stance.country_code == "AZE")).one()


def test_a_colleagues_roles_date_and_figure_are_kept_beside_my_summary(editor_client, colleague, session):
    import datetime as dt

    mine = form_values(editor_client.get(EDIT).text, STANCE_FORM)  # opened before the colleague saves
    theirs = form_values(colleague.get(EDIT).text, STANCE_FORM)
    day = (dt.datetime.now(dt.timezone.utc).date() - dt.timedelta(days=3)).isoformat()
    theirs.update(stated_on=day, offered_max="800", source_id="1", quote=QUOTE, reason="ministry briefing",
                  csrf_token=colleague.csrf)
    assert colleague.post(EDIT, data={**theirs, "roles": ["engineering"]}, follow_redirects=False).status_code == 303

    mine.update(summary="Baku now says it may send engineers.", source_id="1", quote=QUOTE, reason="new statement")
    reply = editor_client.post(EDIT, data=mine, follow_redirects=False)
    assert reply.status_code == 303, reply.text[:2000]
    message = BeautifulSoup(editor_client.get(reply.headers["location"]).text, "html.parser").select_one(".notice-ok")
    said = message.get_text(" ", strip=True)
    assert "Saved Azerbaijan (version 3), merged with the changes saved meanwhile by colleague (version 2)" in said
    assert "stated on" in said and "offered, at most" in said and "roles offered" in said
    assert "summary" not in said.split("Kept from that version:")[1]

    stance = aze(session)
    assert (stance.version, stance.roles, stance.stated_on.isoformat(), stance.offered_max) == (3, ["engineering"], day, 800)
    assert stance.summary == "Baku now says it may send engineers."
    last = session.scalars(select(Change).order_by(Change.id.desc())).first()
    assert (last.actor, last.before["version"], last.before["roles"]) == ("editor", 2, ["engineering"])


def test_a_merged_save_keeps_each_troop_figure_on_the_quote_of_whoever_set_it(editor_client, colleague, client):
    """The colleague records an offer, the editor (from a page opened before) a commitment: the merged
    save keeps the colleague's quote as the word for the offer and the editor's for the commitment."""
    mine = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    theirs = form_values(colleague.get(EDIT).text, STANCE_FORM)
    offer, pledge = "This can only happen if military action is completely stopped", "We do not want to put our troops in danger"
    theirs.update(offered_max="800", source_id="1", quote=offer, reason="offer", csrf_token=colleague.csrf)
    assert colleague.post(EDIT, data=theirs, follow_redirects=False).status_code == 303
    mine.update(committed="300", source_id="1", quote=pledge, reason="pledge")
    assert editor_client.post(EDIT, data=mine, follow_redirects=False).status_code == 303

    stance = client.get("/api/v1/proposals/gaza-isf/stances/AZE").json()
    assert (stance["troops"]["offered_max"], stance["troops"]["committed"]) == (800, 300)
    backs = {c["quote"]: c["fields"] for c in stance["citations"]}
    assert backs[offer] == ["offered_max"] and backs[pledge] == ["committed"]


def test_two_editors_adding_one_country_merge_what_only_one_of_them_set(editor_client, colleague, session):
    """Adding a country a colleague added meanwhile merges on top of nothing: what only one of them
    set is theirs, not a clash; only a field both set differently is asked about."""
    add = "/proposals/gaza-isf/countries/PAK/edit"
    mine = _pakistan_form(editor_client, "")
    theirs = {**_pakistan_form(colleague, "In talks with Washington"), "csrf_token": colleague.csrf}
    assert mine["version"] == theirs["version"] == "0"
    assert colleague.post(add, data=theirs, follow_redirects=False).status_code == 303
    day = dt.datetime.now(dt.timezone.utc).date().isoformat()  # the colleague's statement is today's too
    mine.update(stated_on=day, reason="added")
    reply = editor_client.post(add, data=mine, follow_redirects=False)
    assert reply.status_code == 303, reply.text[:2000]
    said = BeautifulSoup(editor_client.get(reply.headers["location"]).text, "html.parser").select_one(".notice-ok")
    assert "merged with the changes saved meanwhile by colleague (version 1)" in said.get_text(" ", strip=True)
    session.rollback()
    pak = session.scalars(select(Stance).where(Stance.country_code == "PAK")).one()
    assert (pak.version, pak.summary, pak.stated_on.isoformat()) == (2, "In talks with Washington", day)

    other = "/proposals/gaza-isf/countries/NOR/edit"
    mine = form_values(editor_client.get(other).text, STANCE_FORM)
    theirs = form_values(colleague.get(other).text, STANCE_FORM)
    assert mine["version"] == theirs["version"] == "0"
    theirs.update(status="considering", summary="Theirs", source_id="1", quote=QUOTE, reason="r", csrf_token=colleague.csrf)
    assert colleague.post(other, data=theirs, follow_redirects=False).status_code == 303
    mine.update(status="considering", summary="Mine", source_id="1", quote=QUOTE, reason="r")
    clash = editor_client.post(other, data=mine)
    assert clash.status_code == 409
    page = BeautifulSoup(clash.text, "html.parser")
    assert [c["id"] for c in page.select("fieldset.clash")] == ["choose-summary"]  # the status both gave alike
    assert "None" not in page.select_one(".conflict").get_text(" ", strip=True)  # nothing before: "—"


def test_both_changing_the_summary_differently_asks_which_to_keep_and_mine_keeps_the_rest(
        editor_client, colleague, session):
    mine = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    started = mine["summary"]
    theirs = form_values(colleague.get(EDIT).text, STANCE_FORM)
    theirs.update(summary="The colleague's summary", committed="300", source_id="1", quote=QUOTE, reason="theirs",
                  csrf_token=colleague.csrf)
    assert colleague.post(EDIT, data=theirs, follow_redirects=False).status_code == 303

    mine.update(summary="The editor's summary", source_id="1", quote=QUOTE, reason="mine")
    before = change_count(session)
    reply = editor_client.post(EDIT, data=mine)
    assert reply.status_code == 409
    assert change_count(session) == before
    soup = BeautifulSoup(reply.text, "html.parser")
    conflict = soup.select_one(".conflict[role=alert]")
    assert "1 thing was changed differently by both of you" in " ".join(conflict.get_text(" ").split())
    rows = {tr.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in tr.select("td")]
            for tr in conflict.select("table.compare tbody tr")}
    assert set(rows) >= {"Status", "Summary", "Stated on", "Offered, at least", "Offered, at most", "Committed",
                         "Deployed", "Roles offered", "Source and quote"}
    assert rows["Summary"][:3] == [started, "The colleague's summary", "The editor's summary"]
    assert rows["Summary"][3].startswith("Clash")
    assert rows["Committed"] == ["—", "300", "—", "Theirs (only your colleague changed it)"]
    assert rows["Status"][3] == "Unchanged"
    assert sum(1 for r in rows.values() if r[3].startswith("Clash")) == 1

    choice = soup.select_one("fieldset#choose-summary")
    shown = {div.dt.get_text(strip=True): div.dd.get_text(strip=True) for div in choice.select("dl div")}
    assert shown == {"You started from": started, "Your colleague saved": "The colleague's summary",
                     "You typed": "The editor's summary"}
    radios = {r["value"]: r.has_attr("checked") for r in choice.select("input[type=radio][name=choice-summary]")}
    assert radios == {"mine": True, "theirs": False}
    kept = form_values(reply.text, STANCE_FORM)
    assert (kept["summary"], kept["committed"], kept["version"], kept["reason"]) == (
        "The editor's summary", "300", "2", "mine")

    again = editor_client.post(EDIT, data=kept, follow_redirects=False)
    assert again.status_code == 303
    stance = aze(session)
    assert (stance.summary, stance.committed, stance.version) == ("The editor's summary", 300, 3)


def test_taking_theirs_for_a_clash_keeps_my_other_changes(editor_client, colleague, session):
    mine = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    theirs = form_values(colleague.get(EDIT).text, STANCE_FORM)
    theirs.update({"cond-1-state": "met", "source_id": "1", "quote": QUOTE, "reason": "theirs",
                   "csrf_token": colleague.csrf})
    assert colleague.post(EDIT, data=theirs, follow_redirects=False).status_code == 303

    mine.update({"cond-1-state": "unknown", "committed": "25", "source_id": "1", "quote": QUOTE, "reason": "mine"})
    reply = editor_client.post(EDIT, data=mine)
    assert reply.status_code == 409
    soup = BeautifulSoup(reply.text, "html.parser")
    choice = soup.select_one("fieldset#choose-cond-1-state")
    assert [dd.get_text(strip=True) for dd in choice.select("dd")] == ["Unmet", "Met", "Unknown"]
    kept = form_values(reply.text, STANCE_FORM)
    assert (kept["cond-1-state"], kept["committed"]) == ("unknown", "25")
    kept["choice-cond-1-state"] = "theirs"
    assert editor_client.post(EDIT, data=kept, follow_redirects=False).status_code == 303
    stance = aze(session)
    assert [c.state for c in stance.conditions] == ["unmet", "met"]
    assert (stance.committed, stance.version) == (25, 3)


def test_a_condition_changed_by_one_and_the_summary_by_the_other_are_merged(editor_client, colleague, session):
    mine = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    theirs = form_values(colleague.get(EDIT).text, STANCE_FORM)
    theirs.update({"cond-1-state": "met", "source_id": "1", "quote": QUOTE, "reason": "parliament voted",
                   "csrf_token": colleague.csrf})
    assert colleague.post(EDIT, data=theirs, follow_redirects=False).status_code == 303

    mine.update(summary="Ready once the guns fall silent.", source_id="1", quote=QUOTE, reason="mine")
    reply = editor_client.post(EDIT, data=mine, follow_redirects=False)
    assert reply.status_code == 303, reply.text[:2000]
    said = BeautifulSoup(editor_client.get(reply.headers["location"]).text, "html.parser").select_one(".notice-ok")
    assert "Kept from that version: condition 2 (“Approval by Azerbaijan’s parliament" in said.get_text()
    assert said.get_text().endswith("…”): its state.")
    stance = aze(session)
    assert [c.state for c in stance.conditions] == ["unmet", "met"]
    assert (stance.summary, stance.version) == ("Ready once the guns fall silent.", 3)


def test_conditions_added_and_removed_on_either_side_are_merged_and_an_edited_removed_one_asks(
        editor_client, colleague, session):
    mine = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    theirs = form_values(colleague.get(EDIT).text, STANCE_FORM)
    theirs.update({"cond-0-remove": "1", "cond-2-text": "A UN mandate", "cond-2-category": "mandate",
                   "source_id": "1", "quote": QUOTE, "reason": "theirs", "csrf_token": colleague.csrf})
    assert colleague.post(EDIT, data=theirs, follow_redirects=False).status_code == 303

    # The editor adds another condition and edits the one the colleague removed.
    mine.update({"cond-0-state": "met", "cond-2-text": "Command stays national", "cond-2-category": "command",
                 "source_id": "1", "quote": QUOTE, "reason": "mine"})
    reply = editor_client.post(EDIT, data=mine)
    assert reply.status_code == 409
    soup = BeautifulSoup(reply.text, "html.parser")
    clash = soup.select("fieldset.clash")
    assert len(clash) == 1 and "Your colleague removed it; you changed it." in clash[0].get_text()
    kept = form_values(reply.text, STANCE_FORM)
    texts = [kept[f"cond-{i}-text"] for i in range(int(kept["cond_count"])) if kept[f"cond-{i}-text"]]
    assert texts == ["Approval by Azerbaijan’s parliament, which has not yet received any legislative proposal.",
                     "A UN mandate", "Complete stop of military action: hostilities between Israel and Hamas must cease entirely.",
                     "Command stays national"]
    name = clash[0].select_one("input[type=radio]")["name"]
    assert editor_client.post(EDIT, data={**kept, name: "theirs"}, follow_redirects=False).status_code == 303
    stance = aze(session)
    assert [c.text for c in stance.conditions] == [texts[0], "A UN mandate", "Command stays national"]


def test_a_merge_that_would_make_a_wrong_way_round_range_is_not_saved_but_shown(editor_client, colleague, session):
    mine = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    theirs = form_values(colleague.get(EDIT).text, STANCE_FORM)
    theirs.update(offered_min="500", source_id="1", quote=QUOTE, reason="theirs", csrf_token=colleague.csrf)
    assert colleague.post(EDIT, data=theirs, follow_redirects=False).status_code == 303

    mine.update(offered_max="300", source_id="1", quote=QUOTE, reason="mine")
    before = change_count(session)
    reply = editor_client.post(EDIT, data=mine)
    assert reply.status_code == 409
    soup = BeautifulSoup(reply.text, "html.parser")
    assert soup.select_one("#offered_max-error") and not soup.select("fieldset.clash")
    assert "merged in the form below, but not saved" in " ".join(soup.select_one(".conflict").get_text(" ").split())
    kept = form_values(reply.text, STANCE_FORM)
    assert (kept["offered_min"], kept["offered_max"], kept["version"]) == ("500", "300", "2")
    assert change_count(session) == before


@pytest.mark.parametrize("q, code", [("UAE", "ARE"), ("Emirati", "ARE"), ("Türkiye", "TUR"), ("Turkey", "TUR"),
                                     ("azeri", "AZE")])
def test_adding_a_country_finds_names_aliases_and_demonyms_and_links_those_on_the_board(editor_client, q, code):
    soup = BeautifulSoup(editor_client.get(f"/proposals/gaza-isf/countries/new?q={q}").text, "html.parser")
    links = [a["href"] for a in soup.select(".country-results.on-board a")]
    assert f"/proposals/gaza-isf/countries/{code}" in links and f"/proposals/gaza-isf/countries/{code}/edit" in links
    assert "No country matches" not in soup.get_text()


def test_adding_a_country_offers_one_off_the_board_by_its_people(editor_client):
    soup = BeautifulSoup(editor_client.get("/proposals/gaza-isf/countries/new?q=Pakistani").text, "html.parser")
    assert [a["href"] for a in soup.select(".country-results:not(.on-board) a")] == ["/proposals/gaza-isf/countries/PAK/edit"]


def test_a_factor_can_cite_a_new_source_as_the_stance_form_does(editor_client, session):
    url = "/proposals/gaza-isf/factors/un-mandate/edit"
    page = editor_client.get(url)
    assert 'value="new"' in page.text and 'id="source_title"' in page.text
    base = {"csrf_token": editor_client.csrf, "version": hidden_value(page.text, "version"), "state": "met",
            "note": "Resolution 2803 adopted.", "source_id": "new", "quote": "adopted resolution 2803",
            "reason": "The Security Council voted", "source_title": "Security Council adopts resolution 2803",
            "source_publisher": "UN News", "source_published_on": "2025-11-17"}
    before, sources = change_count(session), session.query(Source).count()
    bad = editor_client.post(url, data={**base, "source_url": "not an address", "source_title": ""})
    assert bad.status_code == 422
    errors = {e["id"] for e in BeautifulSoup(bad.text, "html.parser").select(".field-error")}
    assert {"source_title-error", "source_url-error"} <= errors
    assert (change_count(session), session.query(Source).count()) == (before, sources)  # nothing written
    reply = editor_client.post(url, data={**base, "source_url": "https://news.un.org/en/story/2025/11/example"},
                               follow_redirects=False)
    assert reply.status_code == 303, reply.text[:1000]
    session.rollback()
    source = session.scalars(select(Source).order_by(Source.id.desc())).first()
    assert (source.title, source.publisher, source.published_on.isoformat()) == (
        "Security Council adopts resolution 2803", "UN News", "2025-11-17")
    factor_change = session.scalars(select(Change).where(Change.entity == "factor").order_by(Change.id.desc())).first()
    assert factor_change.source_id == source.id and change_count(session) > before


def test_a_report_that_disagrees_marks_the_row_and_the_country_page_shows_both_quotes(editor_client, client, session):
    """An editor records that a report disagrees with Azerbaijan's position: the board marks the row,
    the country page sets the disagreeing quote beside the status's, the API and CSV carry it, and
    clearing it takes the mark away (the quote stays in the history)."""
    disagreeing = "The Trump administration has been engaging with several nations, such as Azerbaijan"
    data = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    before = change_count(session)
    too_long = editor_client.post(EDIT, data={**data, "dispute": "x" * 501, "source_id": "1", "quote": disagreeing,
                                              "reason": "A report disagrees"})
    assert too_long.status_code == 422
    assert "500" in BeautifulSoup(too_long.text, "html.parser").select_one("#dispute-error").get_text()
    assert change_count(session) == before  # the refused save wrote nothing
    data.update(dispute="One report lists Azerbaijan among the nations already engaged.", source_id="1",
                quote=disagreeing, reason="A report disagrees")
    assert editor_client.post(EDIT, data=data, follow_redirects=False).status_code == 303
    assert change_count(session) == before + 1

    row = BeautifulSoup(client.get("/").text, "html.parser").select_one("#row-AZE")
    assert row.select_one("a.disputed").get_text(strip=True) == "Disputed"
    page = BeautifulSoup(client.get("/proposals/gaza-isf/countries/AZE").text, "html.parser")
    box = page.find(id="dispute-heading").find_parent("section")
    quotes = [b.get_text(" ", strip=True) for b in box.select("blockquote")]
    assert any(q.startswith("Azerbaijan has made it clear") for q in quotes)
    assert any(q.startswith("The Trump administration") for q in quotes)
    word = page.find(id="stance-heading").find_parent("section")
    assert all("The Trump administration" not in b.get_text() for b in word.select("blockquote"))  # shown once
    api = client.get("/api/v1/proposals/gaza-isf/stances/AZE").json()
    assert api["dispute"].startswith("One report lists")
    assert any(c["fields"] == ["dispute"] and c["quote"] == disagreeing for c in api["citations"])
    assert "One report lists Azerbaijan" in client.get("/api/v1/proposals/gaza-isf/stances.csv").text
    assert "disputed: “One report lists" in client.get("/proposals/gaza-isf/countries/AZE").text

    data = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    assert data["dispute"].startswith("One report lists")
    data.update(dispute="", source_id="1", quote=QUOTE, reason="The report was corrected")
    assert editor_client.post(EDIT, data=data, follow_redirects=False).status_code == 303
    assert not BeautifulSoup(client.get("/").text, "html.parser").select("#row-AZE a.disputed")
    api = client.get("/api/v1/proposals/gaza-isf/stances/AZE").json()
    assert api["dispute"] is None and all("dispute" not in c["fields"] for c in api["citations"])


def test_the_form_opens_on_the_position_shown_when_a_later_recorded_statement_is_dated_earlier(editor_client, database):
    """A statement recorded today for a day before Qatar's position (the seed article's) is history:
    the form opens on the position the board shows, over the latest version, so saving it changes
    that position and carries nothing of the back-dated statement into it."""
    from tests.conftest import add_token

    api = {"Authorization": f"Bearer {add_token(database, 'editor', 'write')}"}
    url = "/api/v1/proposals/gaza-isf/stances/QAT"
    etag = editor_client.get(url).headers["etag"]
    put = editor_client.put(url, headers={**api, "If-Match": etag}, json={
        "status": "committed", "troops": {"offered_min": 300, "offered_max": 300}, "roles": ["police"],
        "summary": "Will send 300 police officers.", "stated_on": "2025-11-06",
        "citation": {"source_id": 1, "quote": "Qatar"}, "reason": "read today"})
    assert put.status_code == 200 and put.json()["current_position"] is False

    html = editor_client.get("/proposals/gaza-isf/countries/QAT/edit").text
    values = form_values(html, STANCE_FORM)
    assert (values["status"], values["offered_max"], values["stated_on"], values["version"]) == (
        "considering", "", "2025-11-07", str(put.json()["version"]))
    assert "police" not in roles_of(html)
    saved = editor_client.post("/proposals/gaza-isf/countries/QAT/edit", data={
        **values, "summary": "Weighing a role.", "source_id": "1", "quote": "Qatar", "reason": "summary",
        "csrf_token": editor_client.csrf}, follow_redirects=False)
    assert saved.status_code == 303, saved.text[:500]
    now = editor_client.get(url).json()
    assert (now["status"], now["troops"]["offered_max"], now["roles"], now["summary"], now["notice"]) == (
        "considering", None, [], "Weighing a role.", None)


@pytest.mark.parametrize("q, found, not_found", [("bra", "BRA", "GIB"), ("guinea", "PNG", None), ("ivoire", "CIV", None)])
def test_adding_a_country_matches_the_start_of_a_name_or_of_a_word_in_it(editor_client, q, found, not_found):
    soup = BeautifulSoup(editor_client.get(f"/proposals/gaza-isf/countries/new?q={q}").text, "html.parser")
    offered = {a["href"].split("/")[-2] for a in soup.select(".country-results a")}
    assert found in offered and (not_found is None or not_found not in offered)


def test_a_statement_dated_to_an_earlier_day_takes_what_the_editor_left_from_that_days_position(editor_client, database,
                                                                                                session):
    """Azerbaijan was considering on 1 Oct 2025, with no conditions. An editor opens today's form
    (conditional, two conditions), changes only the summary and dates it 15 Oct 2025: the statement
    for that day keeps that day's status and conditions, not today's, and the editor is told."""
    from app.schemas import StanceData
    from app.services.board import get_proposal
    from app.services.stances import set_stance

    with database.write_session() as s:
        set_stance(s, proposal=get_proposal(s, "gaza-isf"), country_code="AZE", actor="desk", via="api", reason="early",
                   data=StanceData.model_validate({"status": "considering", "stated_on": "2025-10-01",
                                                   "summary": "Early word", "citations": [{"source_id": 1, "quote": QUOTE}]}))
    data = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    assert data["status"] == "conditional"  # the form opens on today's position
    data.update(summary="Entered late", stated_on="2025-10-15", source_id="1", quote=QUOTE, reason="late entry")
    reply = editor_client.post(EDIT, data=data, follow_redirects=False)
    assert reply.status_code == 303, reply.text[:2000]
    message = BeautifulSoup(editor_client.get(reply.headers["location"]).text, "html.parser").select_one(
        ".notice-ok").get_text(" ", strip=True)
    assert "taken from Azerbaijan's position of 15 Oct 2025, the day this statement speaks for, instead: status, conditions." in message
    then = editor_client.get("/api/v1/proposals/gaza-isf/stances/AZE?as_of=2025-10-20").json()
    assert (then["status"], then["summary"], then["conditions"]) == ("considering", "Entered late", [])
    assert editor_client.get("/api/v1/proposals/gaza-isf/stances/AZE").json()["status"] == "conditional"


def test_a_new_source_described_without_choosing_it_in_the_picker_is_taken(editor_client, session):
    """The editor fills in the new source's details but leaves the picker on its first entry: the
    source they described is the one meant, not a "choose the source" error."""
    data = form_values(editor_client.get(EDIT).text, STANCE_FORM)
    data.update(source_id="", source_title="Baku briefing", source_publisher="Example Wire", quote="Baku said so",
                summary="Described, not picked", reason="new source")
    reply = editor_client.post(EDIT, data=data, follow_redirects=False)
    assert reply.status_code == 303, reply.text[:2000]
    session.rollback()
    assert session.scalars(select(Source).order_by(Source.id.desc())).first().title == "Baku briefing"


@pytest.mark.parametrize("version", ["", "abc", "9223372036854775808", "١٢"], ids=["empty", "text", "huge", "arabic"])
def test_a_factor_form_without_a_readable_version_is_a_conflict_never_an_overwrite(editor_client, session, version):
    """A factor's state reaches every condition that hangs on it: a save that names no version it was
    made over must not replace what a colleague saved meanwhile."""
    url = "/proposals/gaza-isf/factors/un-mandate/edit"
    before = change_count(session)
    sent = {"csrf_token": editor_client.csrf, "version": version, "state": "met", "note": "", "source_id": "1",
            "quote": "all necessary measures", "reason": "adopted"}
    reply = editor_client.post(url, data=sent)
    assert reply.status_code == 409 and "Someone else changed this factor" in reply.text
    assert change_count(session) == before


@pytest.mark.parametrize("field", ["version", "source_id"])
def test_numbers_no_database_can_hold_get_a_page_not_a_server_error(editor_client, session, field):
    """An id or version past what a database column holds is read as none: every form answers with a
    page (a conflict or a message), never a 5xx, and writes nothing."""
    before = change_count(session)
    huge = "9223372036854775808"
    stance = {**form_values(editor_client.get(EDIT).text, STANCE_FORM), "status": "declined", "source_id": "1",
              "quote": QUOTE, "reason": "r", field: huge}
    facts_url = "/proposals/gaza-isf/edit"
    facts = {**form_values(editor_client.get(facts_url).text, f'form[action="{facts_url}"]'), "source_id": "1",
             "quote": QUOTE, "reason": "r", field: huge}
    factor_url = "/proposals/gaza-isf/factors/un-mandate/edit"
    factor = {"csrf_token": editor_client.csrf, "version": "1", "state": "met", "note": "", "source_id": "1",
              "quote": "all necessary measures", "reason": "r", field: huge}
    for url, data in ((EDIT, stance), (facts_url, facts), (factor_url, factor)):
        reply = editor_client.post(url, data=data)
        assert reply.status_code in (409, 422), (url, reply.status_code, reply.text[:300])
    # Settling a conflict names the version it was made over too.
    settled = editor_client.post(EDIT, data={**stance, "version": huge, "choice-summary": "theirs"})
    assert settled.status_code in (409, 422)
    assert change_count(session) == before


def _refused(editor_client, session, **changes) -> tuple[dict, dict[str, str]]:
    """The edit form as it opens with CHANGES, posted: refused (422) with nothing recorded. Gives the
    form's values and the message beside each field."""
    data = form_values(editor_client.get(EDIT).text, STANCE_FORM) | {"quote": QUOTE, "reason": "r", **changes}
    before = change_count(session)
    reply = editor_client.post(EDIT, data=data)
    assert reply.status_code == 422 and change_count(session) == before
    page = BeautifulSoup(reply.text, "html.parser")
    return data, {e["id"].removesuffix("-error"): e.get_text(" ", strip=True) for e in page.select("[id$=-error]")
                  if e.get_text().strip()}


def test_a_statement_dated_after_its_source_came_out_is_refused_beside_its_date(editor_client, session):
    """A report that came out on 20 Nov 2025 cannot give a statement made on 1 Dec 2025."""
    data, errors = _refused(editor_client, session, stated_on="2025-12-01", source_id="new", source_title="Baku's line",
                            source_published_on="2025-11-20")
    assert "Must not be after 20 Nov 2025, when the latest source quoted here was published" in errors["stated_on"]
    assert editor_client.post(EDIT, data=data | {"stated_on": "2025-11-20"}, follow_redirects=False).status_code == 303


def test_a_new_sources_problems_are_all_said_at_once_in_plain_words(editor_client, session):
    _, errors = _refused(editor_client, session, source_id="new", source_title="  ", source_url="javascript:x",
                         source_published_on="2026-02-30")
    assert "Give the source's title" in errors["source_title"]
    assert "http:// or https://" in errors["source_url"] and "YYYY-MM-DD" in errors["source_published_on"]
