"""The force over time: each point is the board of its day, in the API, on its page and in its picture."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from app.db import utcnow
from tests.conftest import API_BODY, add_token, add_user

URL = "/api/v1/proposals/gaza-isf/timeline"
TOTALS = ("offered_min", "offered_max", "committed", "deployed", "countries", "by_status")


def _write(client, database, code: str, **changes) -> None:
    if "Authorization" not in client.headers:
        add_user(database, "desk", "editor")
        client.headers["Authorization"] = f"Bearer {add_token(database, 'desk', 'write')}"
    url = f"/api/v1/proposals/gaza-isf/stances/{code}"
    current = client.get(url)
    headers = {"If-Match": current.headers["etag"]} if current.status_code == 200 else {"If-None-Match": "*"}
    reply = client.put(url, headers=headers, json={**API_BODY, **changes})
    assert reply.status_code in (200, 201), reply.text


def _board_totals(client, day: str) -> dict:
    totals = client.get(f"/api/v1/proposals/gaza-isf?as_of={day}").json()["totals"]
    return {k: totals[k] for k in TOTALS}


def test_each_point_is_the_board_of_its_day(client, database):
    today = utcnow().date()
    a_month_ago = today - dt.timedelta(days=30)
    _write(client, database, "EGY", status="committed", stated_on=a_month_ago.isoformat(),
           troops={"offered_min": 1000, "offered_max": 1500, "committed": 800, "deployed": None})
    _write(client, database, "IDN", status="deployed", stated_on=today.isoformat(),
           troops={"offered_min": None, "offered_max": 2000, "committed": 2000, "deployed": 1200})

    series = client.get(URL).json()
    days = [p["day"] for p in series["points"]]
    # The seed article's statements speak for 7 Nov 2025; Egypt's for a month ago, Indonesia's for today.
    assert days == sorted(set(days)) and days[0] == "2025-11-07" and days[-1] == today.isoformat()
    assert a_month_ago.isoformat() in days
    for point in series["points"]:
        assert {k: point[k] for k in TOTALS} == _board_totals(client, point["day"]), point["day"]
    # The last point is the board's own headline; the target is the proposal's.
    proposal = client.get("/api/v1/proposals/gaza-isf").json()
    assert {k: series["points"][-1][k] for k in TOTALS} == {k: proposal["totals"][k] for k in TOTALS}
    assert series["target_troops"] == proposal["totals"]["target_troops"] == 20000

    # Egypt's commitment of a month ago shows from that day on; Indonesia's only from today.
    first, month = series["points"][0], series["points"][days.index(a_month_ago.isoformat())]
    assert first["by_status"].get("committed", 0) == 0 and first["committed"] == 0
    assert month["by_status"]["committed"] == 1 and month["committed"] == 800 and month["deployed"] == 0

    # As of the day before the article, nothing had been stated; as known at the end of yesterday,
    # nothing was known at all (the seed and both statements were recorded today).
    assert client.get(f"{URL}?as_of=2025-11-06").json()["points"] == []
    yesterday = (today - dt.timedelta(days=1)).isoformat()
    assert client.get(f"{URL}?known_at={yesterday}").json()["points"] == []


def test_the_page_and_the_picture_show_the_same_figures(client, database):
    _write(client, database, "IDN", status="deployed", troops={"offered_min": None, "offered_max": 2000,
                                                              "committed": 2000, "deployed": 1200})
    points = client.get(URL).json()["points"]
    page = client.get("/proposals/gaza-isf/timeline")
    assert page.status_code == 200
    soup = BeautifulSoup(page.text, "html.parser")
    rows = soup.select(".timeline-table tbody tr")
    assert [r.find("time")["datetime"] for r in rows] == [p["day"] for p in points]
    last = rows[-1].find_all("td")
    assert [last[1].get_text(), last[2].get_text()] == [f"{points[-1]['committed']:,}", f"{points[-1]['deployed']:,}"]
    targets = [r.find_all("td")[3].get_text() for r in rows]
    assert targets == [(f"{'~' if p['target_troops_approximate'] else ''}{p['target_troops']:,}" if p["target_troops"]
                        else "—") for p in points]
    assert f"{points[-1]['deployed']:,} deployed" in soup.find(id="timeline-summary").get_text()

    # Countries by status: one band per status that had a country, stacked; the legend gives the last day's counts.
    bands = soup.select("figure[aria-labelledby=statuses-heading] svg path")
    legend = [li.get_text(" ", strip=True) for li in soup.select("figure[aria-labelledby=statuses-heading] li")]
    with_countries = [s for s, n in points[-1]["by_status"].items() if n]
    assert len(bands) == len(legend) >= len(with_countries)
    assert any(text.startswith("Deployed: 1") for text in legend)

    picture = client.get("/proposals/gaza-isf/timeline.svg")
    assert picture.status_code == 200 and picture.headers["content-type"] == "image/svg+xml"
    svg = BeautifulSoup(picture.text, "html.parser")
    assert len(svg.find_all("path")) == 4 and f"deployed {points[0]['deployed']:,} to {points[-1]['deployed']:,}" in svg.find("title").get_text()

    # The board shows the picture and links to the figures, keeping its day.
    board = BeautifulSoup(client.get(f"/proposals/gaza-isf?as_of={points[-1]['day']}").text, "html.parser")
    card = board.select_one(".timeline-card")
    assert card.find("img")["src"] == f"/proposals/gaza-isf/timeline.svg?as_of={points[-1]['day']}"
    assert card.find("img")["alt"]


def test_a_bad_day_is_refused_plainly(client):
    assert client.get(f"{URL}?as_of=2026-13-01").status_code == 422
    reply = client.get("/proposals/gaza-isf/timeline?as_of=tomorrow")
    assert reply.status_code == 400 and "as_of must be a date" in reply.text
    assert client.get("/api/v1/proposals/no-such/timeline").status_code == 404


def test_each_point_is_against_the_target_of_its_own_day(client, database):
    """The force's target changes on 1 Dec 2025: the points before keep the seed's, those after have
    the new one, as the board of each day says, and the chart's target line steps with it."""
    _write(client, database, "IDN", status="committed", troops={"committed": 1000}, stated_on="2025-11-20")
    url = "/api/v1/proposals/gaza-isf"
    before = client.get(url).json()
    reply = client.put(url, headers={"If-Match": client.get(url).headers["etag"]}, json={
        "target_troops": 30000, "target_troops_approximate": False, "stated_on": "2025-12-01",
        "citation": {"source": {"title": "New target", "published_on": "2025-12-01",
                                "text": "The force will have 30,000 troops."}, "quote": "30,000 troops"},
        "reason": "target raised"})
    assert reply.status_code == 200, reply.text
    points = client.get(URL).json()["points"]
    assert [p["day"] for p in points] == ["2025-11-07", "2025-11-20", "2025-12-01"]
    for p in points:
        board = client.get(f"{url}?as_of={p['day']}").json()
        assert (p["target_troops"], p["target_troops_approximate"]) == (
            board["target_troops"], board["target_troops_approximate"]), p
    assert [p["target_troops"] for p in points] == [before["target_troops"], before["target_troops"], 30000]
    svg = BeautifulSoup(client.get("/proposals/gaza-isf/timeline.svg").text, "html.parser")
    target = next(p for p in svg.find_all("path") if p.get("stroke-dasharray") == "2 4")["d"]
    assert target.count("V") == 1  # one step: up to the new target on its day


def test_a_timeline_asked_for_a_day_still_to_come_says_so_as_the_board_does(client):
    page = BeautifulSoup(client.get("/proposals/gaza-isf/timeline?as_of=2999-12-31").text, "html.parser")
    notice = page.select_one("#history-notice").get_text(" ", strip=True)
    assert notice.startswith("A day still to come: 31 Dec 2999 has not begun")
    past = BeautifulSoup(client.get("/proposals/gaza-isf/timeline?as_of=2025-12-01").text, "html.parser")
    assert past.select_one("#history-notice").get_text(" ", strip=True).startswith(
        "History: the force's timeline as it stood at the end of 1 Dec 2025 (UTC).")
