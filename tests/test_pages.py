"""The public pages: the board shows exactly the seeded facts, each with its quote and source."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from app.web.templating import day

from tests.conftest import ARTICLE


def page(client, url: str, status: int = 200) -> BeautifulSoup:
    reply = client.get(url)
    assert reply.status_code == status, (url, reply.text[:500])
    assert reply.headers["content-type"].startswith("text/html")
    return BeautifulSoup(reply.text, "html.parser")


def rows(soup: BeautifulSoup) -> dict[str, dict]:
    result = {}
    for tr in soup.select("table.board-table tbody tr"):
        code = tr["id"].removeprefix("row-")
        result[code] = {
            "name": tr.select_one(".country-link").get_text(" ", strip=True),
            "status": tr.select_one(".badge").get_text(strip=True),
            "chips": [c.get_text(" ", strip=True) for c in tr.select(".chip")],
            "source": tr.select_one("a[href^='/sources/']")["href"],
            "quote": tr.select_one(".row-quote blockquote").get_text(strip=True),
        }
    return result


def test_board_shows_exactly_the_seeded_countries(client):
    soup = page(client, "/")
    board = rows(soup)
    assert list(board) == ["AZE", "EGY", "IDN", "QAT", "TUR", "ARE"]  # conditional first, then by name
    assert {code: r["status"] for code, r in board.items()} == {
        "AZE": "Conditional", "EGY": "Considering", "IDN": "Considering",
        "QAT": "Considering", "TUR": "Considering", "ARE": "Considering",
    }
    assert board["AZE"]["chips"] == ["Unmet: Unmet Ceasefire", "Unmet: Unmet Domestic approval"]
    assert all(r["chips"] == [] for code, r in board.items() if code != "AZE")
    for r in board.values():
        assert r["source"] == "/sources/1"
        assert r["quote"] in ARTICLE
    assert "United Arab Emirates" in board["ARE"]["name"]


def test_board_shows_target_sponsor_factors_and_context_with_quotes(client):
    soup = page(client, "/proposals/gaza-isf")
    text = soup.get_text(" ", strip=True)
    assert "International Stabilization Force (Gaza)" in soup.h1.get_text()
    assert "~20,000" in text
    assert "United States" in text and "Sponsor of the initiative" in text
    assert "In draft, not voted on" in text
    assert "56,000" in text
    factors = {a["id"].removeprefix("factor-"): a for a in soup.select(".factor")}
    assert list(factors) == ["cessation-of-hostilities", "un-mandate", "hamas-disarmament"]
    for factor in factors.values():
        assert factor.select_one(".chip").get_text(" ", strip=True).startswith("Unmet")
        assert factor.select_one("blockquote").get_text(strip=True) in ARTICLE
    # every quote on the page is an exact passage of the article, and links to its source page
    for figure in soup.select("figure.quote"):
        assert figure.blockquote.get_text(strip=True) in ARTICLE
        assert figure.figcaption.a["href"] == "/sources/1"
    assert len(soup.select("figure.quote")) >= 8
    assert "publisher unknown, date unknown" in text
    counts = {a.select_one(".badge").get_text(strip=True): a.strong.get_text() for a in soup.select(".status-counts a") if a.select_one(".badge")}
    assert counts == {"Deployed": "0", "Committed": "0", "Conditional": "1", "Considering": "5", "Declined": "0", "Withdrawn": "0"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=conditional", ["AZE"]),
        ("status=considering", ["EGY", "IDN", "QAT", "TUR", "ARE"]),
        ("condition=domestic_approval", ["AZE"]),
        ("status=declined", []),
    ],
)
def test_board_filters_work_without_javascript(client, query, expected):
    soup = page(client, f"/?{query}")
    assert list(rows(soup)) == expected
    if not expected:
        assert "No country matches these filters" in soup.get_text()
    assert soup.select_one("form.filters")["method"] == "get"


def test_an_unknown_filter_value_is_explained_not_ignored(client):
    soup = page(client, "/?status=maybe&condition=weather", status=400)
    alerts = [p.get_text() for p in soup.select("[role=alert]")]
    assert any("Unknown status 'maybe'" in a for a in alerts)
    assert any("Unknown condition category 'weather'" in a for a in alerts)


@pytest.mark.parametrize(
    "url, shown",
    [
        ("/?as_of=2026-13-01", "today's board, every country"),
        ("/?as_of=2025-11-30&status=maybe", "the board at the end of 30 Nov 2025, every country"),
        ("/?known_at=yesterday&status=conditional", "today's board, filtered as listed under Countries"),
        ("/proposals/gaza-isf/countries/AZE?as_of=2025-02-30", "Azerbaijan as it stood at the end of {today}"),
        ("/proposals/gaza-isf/timeline?known_at=soon", "the force up to the end of {today}"),
    ],
)
def test_a_page_asked_with_a_bad_parameter_says_what_it_shows_instead(client, url, shown):
    """A reader who mistyped a day or a filter is told which page they are reading, not left to take
    today's board for the day they asked about."""
    soup = page(client, url, status=400)
    notice = soup.select_one("#shown-instead").get_text(" ", strip=True)
    expected = shown.format(today=day(dt.datetime.now(dt.timezone.utc).date()))
    assert notice == f"What could not be read is left out: this page shows {expected}."
    assert soup.select("[role=alert]")


def test_country_page_shows_stance_conditions_quotes_and_changes(client):
    soup = page(client, "/proposals/gaza-isf/countries/AZE")
    text = soup.get_text(" ", strip=True)
    assert "Azerbaijan" in soup.h1.get_text()
    assert "Conditional" in text and "troop safety" in text
    conditions = soup.select("ol.conditions > li")
    assert len(conditions) == 2
    assert "Ceasefire" in conditions[0].get_text() and "Cessation of hostilities" in conditions[0].get_text()
    assert "Domestic approval" in conditions[1].get_text() and "legislative proposal" in conditions[1].get_text()
    for li in conditions:
        assert li.blockquote.get_text(strip=True) in ARTICLE
    timeline = soup.select("ol.timeline > li")
    assert len(timeline) == 1 and "first recorded as conditional" in timeline[0].get_text(" ", strip=True)
    details = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in soup.select(".details-grid dt")}
    assert details["Stated on"] == "7 Nov 2025"
    assert details["Troops offered"] == "—" and details["Roles offered"] == "none stated"


def test_source_page_highlights_every_quote(client):
    soup = page(client, "/sources/1")
    assert "our" in soup.select_one("hgroup").get_text()
    text = soup.get_text(" ", strip=True)
    assert "Publisher unknown" in text and "Published unknown" in text and "Address unknown" in text
    marked = [m.get_text() for m in soup.select(".source-text mark")]
    assert marked and all(m in ARTICLE for m in marked)
    assert "".join(s for s in soup.select_one(".source-text").strings) == ARTICLE


def test_a_passage_quoted_for_several_facts_of_one_thing_is_listed_once(client, database):
    """Qatar's new statement cites one passage for its status and its offer: the source page lists
    it once, naming both facts."""
    from app.schemas import StanceData
    from app.services.board import get_proposal
    from app.services.stances import set_stance

    quote = "Azerbaijan has made it clear"
    with database.write_session() as s:
        set_stance(s, proposal=get_proposal(s, "gaza-isf"), country_code="QAT", actor="desk", via="api", reason="t",
                   data=StanceData.model_validate({"status": "conditional", "troops": {"offered_min": 300},
                                                   "citations": [{"source_id": 1, "quote": quote, "field": "status"},
                                                                 {"source_id": 1, "quote": quote, "field": "offered_min"}]}))
    items = [li.get_text(" ", strip=True) for li in page(client, "/sources/1").select(".quote-list li")
             if li.blockquote.get_text() == quote]
    assert len(items) == 1 and "the stance of Qatar (status, troops offered (the least))" in items[0]


@pytest.mark.parametrize(
    "url", ["/nowhere", "/proposals/nope", "/proposals/gaza-isf/countries/FRA", "/sources/999", "/sources/abc",
            "/proposals/gaza-isf/countries/TOOLONG"],
)
def test_friendly_404_pages(client, url):
    soup = page(client, url, status=404)
    assert soup.select_one("a[href='/']")
    assert "ISF Tracker" in soup.title.get_text()


def test_every_response_carries_the_security_headers(client):
    for url in ("/", "/api/v1/proposals", "/nowhere"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"):
            assert directive in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert "referrer-policy" in headers
        assert "server" not in headers


def test_pages_use_only_local_assets(client):
    soup = page(client, "/")
    for tag in soup.select("link[href], script[src], img[src]"):
        ref = tag.get("href") or tag.get("src")
        assert ref.startswith("/"), ref
        assert client.get(ref).status_code == 200, ref


def test_filters_land_on_the_results_say_what_they_do_and_come_off_one_by_one(client):
    soup = page(client, "/proposals/gaza-isf?status=conditional&status=considering&condition=ceasefire")
    assert soup.select_one("form.filters")["action"] == "/proposals/gaza-isf#countries"
    shown = set(rows(soup))
    assert shown == {"AZE"}  # the one conditional or considering country with a ceasefire condition
    chips = {a.get_text(" ", strip=True).rstrip(" ×"): a["href"] for a in soup.select(".active-filters a.removable")}
    assert chips == {
        "Conditional": "/proposals/gaza-isf?status=considering&condition=ceasefire#countries",
        "Considering": "/proposals/gaza-isf?status=conditional&condition=ceasefire#countries",
        "Has a condition about ceasefire": "/proposals/gaza-isf?status=conditional&status=considering#countries",
    }
    # The matrix follows the filters; the map says it shows everyone.
    assert {tr["id"].removeprefix("matrix-") for tr in soup.select("table.matrix tbody tr")} == shown
    assert "whatever the filters" in soup.find(id="map-heading").find_parent("section").get_text()
    assert "whatever the filters" in soup.find(id="progress-heading").find_parent("article").get_text()
    assert "whatever the filters" not in page(client, "/").find(id="progress-heading").find_parent("article").get_text()
    # The count of one status is marked as the filter in force when it is the only one.
    only = page(client, "/proposals/gaza-isf?status=considering")
    current = only.select('.status-counts a[aria-current="true"]')
    assert len(current) == 1 and "Considering" in current[0].get_text()


def test_a_day_to_come_and_today_are_not_called_history(client):
    now = dt.datetime.now(dt.timezone.utc).date()
    ahead = now + dt.timedelta(days=30)

    def notice(url: str) -> str:
        return page(client, url).select_one("#history-notice").get_text(" ", strip=True)

    for base, what in (("/proposals/gaza-isf", "the board"), ("/proposals/gaza-isf/countries/AZE", "Azerbaijan")):
        assert notice(f"{base}?as_of={ahead}").startswith(
            f"A day still to come: {day(ahead)} has not begun, so this is {what} as it stands now.")
        assert notice(f"{base}?as_of={now}").startswith(f"Today: {what} as it stands now; today has not ended (UTC).")
        assert notice(f"{base}?as_of=2025-11-08").startswith(
            f"History: {what} as it stood at the end of 8 Nov 2025 (UTC).")


def test_an_undated_statement_is_shown_as_undated_with_the_day_it_speaks_for(writer_client):
    url = "/api/v1/proposals/gaza-isf/stances/QAT"
    reply = writer_client.patch(url, headers={"If-Match": writer_client.get(url).headers["etag"],
                                              "Content-Type": "application/merge-patch+json"},
                                json={"status": "conditional", "citation": {"source_id": 1, "quote": "Qatar"},
                                      "reason": "undated"})
    assert reply.status_code == 200 and reply.json()["stated_on"] is None
    today = day(dt.datetime.now(dt.timezone.utc).date())
    cell = page(writer_client, "/").select_one("#row-QAT td.nowrap").get_text(" ", strip=True)
    assert cell.startswith(f"{today} (undated)")
    details = {d.get_text(strip=True): d.find_next_sibling("dd").get_text(" ", strip=True)
               for d in page(writer_client, "/proposals/gaza-isf/countries/QAT").select(".details-grid dt")}
    assert details["Stated on"] == f"not stated (speaks for {today}, its source's date or the day it was recorded)"
