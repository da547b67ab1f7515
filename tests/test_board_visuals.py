"""The board at a glance: the world map, the force-generation chart, the conditions matrix and the
what-if, on the seed data, on a board as of a day, and on a made-up board of 150 countries."""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

from bs4 import BeautifulSoup

from app.config import ROOT_DIR
from app.db import Database
from app.models import CONDITION_CATEGORIES
from app.schemas import StanceData
from app.services import board
from app.services.stances import set_stance
from app.services.worldmap import MARKER_BELOW_AREA, SPRITE_FILE, load_atlas, sprite_svg, world_map
from tests.synthetic_board import fill_board

PAGE_BUDGET = 300_000  # bytes of board HTML, however many countries


def soup_of(client, url: str, status: int = 200, **headers) -> BeautifulSoup:
    reply = client.get(url, headers=headers)
    assert reply.status_code == status, (url, reply.text[:500])
    return BeautifulSoup(reply.text, "html.parser")


def write_stance(database: Database, code: str, **fields) -> None:
    with database.write_session() as s:
        proposal = board.get_proposal(s, "gaza-isf")
        data = StanceData(citations=[{"source_id": 1, "quote": "multinational force", "field": "status"}], **fields)
        set_stance(s, proposal=proposal, country_code=code, data=data, actor="test", via="cli", reason="test",
                   match_conditions=True)


# ---- the map ----------------------------------------------------------------------------------------


def test_board_map_colours_each_country_by_status_with_a_title_and_a_link(client):
    soup = soup_of(client, "/")
    svg = soup.select_one(".world-map svg")
    assert svg["viewbox"].startswith("0 0 1000 ")
    aze = soup.select_one("#map-AZE")
    assert aze.name == "a" and aze["href"] == "/proposals/gaza-isf/countries/AZE"
    assert aze.select_one("use")["class"] == ["status-conditional"]
    outlines = soup.select_one("use.map-land")["href"]  # every outline, drawn as land under the countries
    assert outlines.startswith("/static/map/world-110m.svg?v=") and outlines.endswith("#world")
    assert aze.select_one("use")["href"] == outlines.replace("#world", "#AZE")
    assert aze.title.get_text() == "Azerbaijan: Conditional"
    for code, name in (("EGY", "Egypt"), ("IDN", "Indonesia"), ("TUR", "Türkiye"), ("ARE", "United Arab Emirates")):
        shape = soup.select_one(f"#map-{code}")
        assert shape.select_one("use.status-considering")["href"].endswith(f"#{code}"), code
        assert shape.title.get_text() == f"{name}: Considering"
    # Qatar's outline is too small to see at this scale: it gets a dot as well as its coloured outline.
    qatar = soup.select_one("#map-QAT")
    assert qatar.select_one("circle.marker.status-considering")
    assert qatar.title.get_text() == "Qatar: Considering"
    assert len(svg.select("a")) == 6  # one link per country on the board


def test_board_map_has_a_text_legend(client):
    soup = soup_of(client, "/")
    legend = soup.select_one(".map-legend").get_text(" ", strip=True)
    assert "Conditional (1)" in legend and "Considering (5)" in legend
    assert "Not on the board" in legend and "too small to see at this scale" in legend
    assert "Committed" not in legend  # only the statuses on the board
    assert soup.select_one(".world-map svg")["aria-describedby"] == "map-legend"


def _stances(*codes_and_statuses):
    from app.countries import country_info

    return [SimpleNamespace(country_code=code, status=status, country=SimpleNamespace(name=country_info(code).name))
            for code, status in codes_and_statuses]


def test_small_and_outline_less_countries_get_markers_decided_from_the_map_data():
    atlas = load_atlas()
    stances = _stances(("BHR", "committed"), ("SGP", "deployed"), ("MLT", "declined"), ("XKX", "considering"),
                       ("TUV", "conditional"), ("LUX", "committed"), ("FRA", "committed"), ("AZE", "conditional"),
                       ("TKL", "considering"))
    result = world_map(stances, lambda code: f"/c/{code}")
    markers = {m.country.code: m for m in result.markers}
    shapes = {s.country.code for s in result.shapes}
    assert set(markers) == {"BHR", "SGP", "MLT", "XKX", "TUV", "LUX"}
    assert shapes == {"FRA", "AZE"}
    assert [c.code for c in result.unplaced] == ["TKL"]  # Tokelau: in no Natural Earth file
    # No outline at 1:110m: placed at the finer data's centroid. Luxembourg: a tiny outline, kept under its dot.
    assert markers["BHR"].outline is None and markers["MLT"].outline is None
    assert markers["LUX"].outline is not None and atlas.outlines["LUX"].area < MARKER_BELOW_AREA
    # Kosovo has no ISO numeric code: found by name, and placed in the Balkans (between Serbia and Albania).
    serbia, albania = atlas.outlines["SRB"].centroid, atlas.outlines["ALB"].centroid
    assert min(serbia[0], albania[0]) - 5 < markers["XKX"].x < max(serbia[0], albania[0]) + 5
    assert min(serbia[1], albania[1]) - 5 < markers["XKX"].y < max(serbia[1], albania[1]) + 5
    # Tuvalu lies near the antimeridian: its dot is kept inside the map.
    assert 0 < markers["TUV"].x < atlas.width and 0 < markers["TUV"].y < atlas.height
    assert [s for s, _ in result.legend] == ["deployed", "committed", "conditional", "considering", "declined"]
    # Each is drawn by its outline's id in the outlines file; Luxembourg's tiny outline is coloured under its dot.
    assert {s.ref for s in result.shapes} == {"FRA", "AZE"} and markers["LUX"].outline == "LUX"
    assert markers["XKX"].outline == atlas.outlines["kosovo"].ref == "n-kosovo"


def test_the_outlines_file_is_the_map_data_and_is_served_for_a_year(client):
    """The board draws outlines from static/map/world-110m.svg: it must hold every outline of the map
    data under the id the board uses (`make map` writes it), and be cacheable under its versioned address."""
    atlas = load_atlas()
    assert SPRITE_FILE.read_text(encoding="utf-8") == sprite_svg(atlas), "run `make map` to write the outlines file"
    svg = BeautifulSoup(SPRITE_FILE.read_text(encoding="utf-8"), "html.parser")
    drawn = {path["id"]: path["d"] for path in svg.select("defs g#world path")}
    assert drawn == {o.ref: o.d for o in atlas.outlines.values()} and len(drawn) > 170
    href = soup_of(client, "/").select_one("use.map-land")["href"].removesuffix("#world")
    reply = client.get(href, headers={"Accept-Encoding": "gzip"})
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("image/svg+xml")
    assert reply.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert reply.headers["content-encoding"] == "gzip" and reply.text == SPRITE_FILE.read_text(encoding="utf-8")


def test_every_iso_country_is_either_an_outline_a_marker_or_said_to_be_unplaced():
    import pycountry

    stances = _stances(*((c.alpha_3, "considering") for c in pycountry.countries))
    result = world_map(stances, lambda code: f"/c/{code}")
    placed = {s.country.code for s in result.shapes} | {m.country.code for m in result.markers}
    unplaced = {c.code for c in result.unplaced}
    assert placed | unplaced == {c.alpha_3 for c in pycountry.countries} and not placed & unplaced
    assert len(unplaced) < 15  # Antarctica and a few territories Natural Earth folds into another country
    assert {"USA", "BRA", "IDN"} <= {s.country.code for s in result.shapes}
    assert {"BHR", "SGP", "MLT", "QAT", "LBN"} <= {m.country.code for m in result.markers}


def test_a_kosovo_stance_shows_as_a_marker_on_the_board(client, database):
    write_stance(database, "XKX", status="considering")
    soup = soup_of(client, "/")
    kosovo = soup.select_one("#map-XKX")
    assert kosovo.select_one("circle.marker.status-considering")
    assert kosovo.title.get_text() == "Kosovo: Considering"
    assert kosovo["href"] == "/proposals/gaza-isf/countries/XKX"


# ---- the chart --------------------------------------------------------------------------------------


def test_chart_shows_target_offered_committed_and_deployed_as_bars_and_text(client):
    soup = soup_of(client, "/")
    chart = soup.select_one("#force-chart")
    rows = {row.dt.get_text(strip=True): row for row in chart.select(".chart-row")}
    assert list(rows) == ["Target", "Offered", "Committed", "Deployed"]
    assert rows["Target"].select_one(".bar-text").get_text() == "~20,000 troops"
    for name in ("Offered", "Committed", "Deployed"):
        # Azerbaijan (conditional) named no figure: the offered total says so rather than pass it off as 0.
        unreported = " · not counted: 1 country gave no figure" if name == "Offered" else ""
        assert rows[name].select_one(".bar-text").get_text() == "0 of ~20,000 · 20,000 short" + unreported
        assert rows[name].svg["aria-hidden"] == "true"  # the text carries the numbers
    assert "No country on the board has put a number on its troops yet." in chart.get_text()


def test_chart_bars_are_drawn_to_scale_with_the_range_offered(client, database):
    write_stance(database, "IDN", status="committed", troops={"offered_min": 4000, "offered_max": 6000, "committed": 5000})
    write_stance(database, "EGY", status="deployed", troops={"committed": 1000, "deployed": 500})
    chart = soup_of(client, "/").select_one("#force-chart")
    rows = {row.dt.get_text(strip=True): row for row in chart.select(".chart-row")}
    offered = rows["Offered"]
    # Egypt gave no offer range: Indonesia's 4,000–6,000 counts, and Egypt's 1,000 committed at the top
    # (committed troops were offered), on a scale of 20,000 = 1000 units.
    assert offered.select_one("rect.bar-offered:not(.bar-range)")["width"] == "200.0"
    assert offered.select_one("rect.bar-range")["x"] == "200.0"
    assert offered.select_one("rect.bar-range")["width"] == "150.0"
    assert offered.select_one(".bar-text").get_text() == ("4,000–7,000 of ~20,000 · 13,000–16,000 short"
                                                          " · not counted: 1 country gave no figure")
    assert rows["Committed"].select_one("rect.bar-committed")["width"] == "300.0"
    assert rows["Committed"].select_one(".bar-text").get_text() == "6,000 of ~20,000 · 14,000 short"
    assert rows["Deployed"].select_one("rect.bar-deployed")["width"] == "25.0"
    assert rows["Deployed"].select_one("line.target-line")["x1"] == "1000.0"


# ---- the conditions matrix --------------------------------------------------------------------------


def test_conditions_matrix_shows_each_state_in_words_linked_to_its_condition(client):
    soup = soup_of(client, "/")
    matrix = soup.select_one("table.matrix")
    headers = [th.get_text(strip=True) for th in matrix.select("thead th")]
    assert headers == ["Country", "Ceasefire", "Mandate", "Domestic approval", "Disarmament",
                       "Consent of the parties", "Command", "Funding", "Other"]
    rows = matrix.select("tbody tr")
    assert [r["id"] for r in rows] == ["matrix-AZE"]  # the only country with conditions
    cells = rows[0].select("td")
    assert len(cells) == len(CONDITION_CATEGORIES)
    states = [c.get_text(strip=True) for c in cells]
    assert states == ["Unmet", "", "Unmet", "", "", "", "", ""]
    country_page = soup_of(client, "/proposals/gaza-isf/countries/AZE")
    for cell in (cells[0], cells[2]):
        link = cell.a
        assert "state-unmet" in link["class"]
        path, anchor = link["href"].split("#")
        assert path == "/proposals/gaza-isf/countries/AZE"
        assert country_page.select_one(f"#{anchor}"), anchor  # the condition, with its quote
    footer = [td.get_text(strip=True) for td in matrix.select("tfoot td")]
    assert footer == ["1", "0", "1", "0", "0", "0", "0", "0"]
    assert "5 countries have stated no conditions." in soup.get_text(" ", strip=True)


def test_conditions_matrix_shows_met_unmet_and_unknown(client, database):
    write_stance(database, "TUR", status="conditional", conditions=[
        {"text": "A UN mandate", "category": "mandate", "state": "met"},
        {"text": "Command stays national", "category": "command", "state": "unknown"},
        {"text": "Someone pays", "category": "funding", "state": "unmet"},
    ])
    row = soup_of(client, "/").select_one("#matrix-TUR")
    states = {CONDITION_CATEGORIES[i]: td.get_text(strip=True) for i, td in enumerate(row.select("td"))}
    assert states["mandate"] == "Met" and states["command"] == "Unknown" and states["funding"] == "Unmet"
    assert row.select_one("a.state-met") and row.select_one("a.state-unknown")


# ---- what-if ------------------------------------------------------------------------------------------


def test_whatif_without_javascript_keeps_azerbaijan_out_for_its_parliament(client):
    soup = soup_of(client, "/?assume=cessation-of-hostilities")
    form = soup.select_one("form.whatif-form")
    assert form["method"] == "get" and form["action"] == "/"
    boxes = {i["value"]: i.has_attr("checked") for i in form.select("input[name=assume]")}
    assert boxes == {"cessation-of-hostilities": True, "un-mandate": False, "hamas-disarmament": False}
    result = soup.select_one("#whatif-result")
    assert not result.select(".whatif-available li[data-country]")
    aze = result.select_one(".whatif-unavailable li[data-country=AZE]")
    blocking = [li.get_text(" ", strip=True) for li in aze.select(".blocking li")]
    assert len(blocking) == 1
    assert blocking[0].startswith("Unmet Domestic approval: Approval by Azerbaijan’s parliament")
    assert "ticking cannot meet it" in blocking[0]
    assert "Assumed met: ceasefire." in aze.get_text(" ", strip=True)
    summary = soup.select_one("#whatif-summary").get_text(" ", strip=True)
    assert summary.startswith("Assuming Cessation of hostilities : 0 of 1 country")


def test_whatif_an_htmx_request_gets_only_the_panel(client):
    reply = client.get("/?assume=cessation-of-hostilities&assume=un-mandate", headers={"HX-Request": "true"})
    assert reply.status_code == 200
    assert "HX-Request" in reply.headers["vary"]
    assert "<html" not in reply.text and "<form" not in reply.text
    panel = BeautifulSoup(reply.text, "html.parser")
    assert panel.select_one("#whatif-summary").get_text(" ", strip=True).startswith(
        "Assuming Cessation of hostilities and UN mandate")
    assert panel.select_one(".whatif-unavailable li[data-country=AZE]")
    # htmx restoring a page from its history asks for the whole page
    restore = client.get("/?assume=un-mandate", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in restore.text and "form" in restore.text


def test_whatif_counts_a_country_once_every_condition_is_assumed(client, database):
    write_stance(database, "IDN", status="conditional", troops={"offered_min": 1000, "offered_max": 2000}, conditions=[
        {"text": "The fighting must stop", "category": "ceasefire", "state": "unmet", "factor": "cessation-of-hostilities"},
    ])
    soup = soup_of(client, "/proposals/gaza-isf?assume=cessation-of-hostilities")
    available = soup.select_one(".whatif-available li[data-country=IDN]").get_text(" ", strip=True)
    assert "ceasefire assumed met" in available and "1,000–2,000" in available
    rows = {r.dt.get_text(strip=True): r for r in soup.select("#whatif-chart .chart-row")}
    assert rows["Offered"].select_one(".bar-text").get_text() == "1,000–2,000 of ~20,000 · 18,000–19,000 short"
    assert "1 of 2 countries" in soup.select_one("#whatif-summary").get_text(" ", strip=True)


def test_whatif_unknown_factor_is_explained_not_ignored(client):
    soup = soup_of(client, "/?assume=world-peace", status=400)
    alerts = " ".join(p.get_text() for p in soup.select("[role=alert]"))
    assert "Unknown factor 'world-peace'" in alerts and "cessation-of-hostilities" in alerts


def test_whatif_keeps_filters_and_filters_keep_the_whatif(client):
    soup = soup_of(client, "/?status=conditional&assume=un-mandate")
    whatif = {(i["name"], i["value"]) for i in soup.select("form.whatif-form input[type=hidden]")}
    assert whatif == {("status", "conditional")}
    filters = {(i["name"], i["value"]) for i in soup.select("form.filters input[type=hidden]")}
    assert filters == {("assume", "un-mandate")}


# ---- history views -------------------------------------------------------------------------------------


def test_board_as_of_a_day_draws_map_matrix_and_whatif_from_that_day(client, database):
    today = dt.datetime.now(dt.timezone.utc).date()
    day_before = dt.date(2025, 11, 6)
    write_stance(database, "AZE", status="committed", stated_on=day_before, troops={"committed": 800})
    # Today the board still shows Azerbaijan as the seed has it (the seed article's statements speak for
    # 7 Nov 2025, after the one just written): conditional, with its two conditions.
    soup = soup_of(client, f"/?as_of={today.isoformat()}&assume=cessation-of-hostilities")
    assert soup.select_one("#map-AZE use.status-conditional")
    assert soup.select_one("#map-AZE")["href"] == f"/proposals/gaza-isf/countries/AZE?as_of={today.isoformat()}"
    assert soup.select_one("#matrix-AZE a")["href"].startswith(f"/proposals/gaza-isf/countries/AZE?as_of={today.isoformat()}#condition-")
    assert soup.select_one(".whatif-unavailable li[data-country=AZE]")
    assert {(i["name"], i["value"]) for i in soup.select("form.whatif-form input[type=hidden]")} == {("as_of", today.isoformat())}
    later = soup_of(client, f"/?as_of={day_before.isoformat()}")
    assert later.select_one("#map-AZE use.status-committed")
    # The day before the article Azerbaijan had committed 800; nothing was known yet of the force's target.
    chart = later.select_one("#force-chart").get_text(" ", strip=True)
    assert "Committed 800" in chart and "20,000" not in chart
    empty = soup_of(client, "/?as_of=2020-01-01")
    assert not empty.select(".world-map svg a")
    assert "No country on the board has stated a condition." in empty.get_text()
    assert "0 of 0 countries" in empty.select_one("#whatif-summary").get_text(" ", strip=True)


# ---- the page: weight, CSP, vendored script ---------------------------------------------------------------


INLINE_STYLE = re.compile(r"<style|\sstyle=|\son[a-z]+=", re.IGNORECASE)


def assert_fits_the_csp(html: str) -> None:
    """`style-src 'self'` and `script-src 'self'`: no inline style or script, no event attributes."""
    assert not INLINE_STYLE.search(html), INLINE_STYLE.search(html)
    for script in BeautifulSoup(html, "html.parser").select("script"):
        assert script.get("src", "").startswith("/static/") and not script.string


def test_board_loads_the_vendored_htmx_without_inline_styles(client):
    reply = client.get("/")
    assert_fits_the_csp(reply.text)
    soup = BeautifulSoup(reply.text, "html.parser")
    src = soup.select_one("script[src*=htmx]")["src"]
    assert (ROOT_DIR / src.lstrip("/")).is_file()
    assert client.get(src).status_code == 200
    assert '"includeIndicatorStyles": false' in soup.select_one("meta[name=htmx-config]")["content"]
    form = soup.select_one("form.whatif-form")
    assert form["data-hx-get"] == "/" and form["data-hx-target"] == "#whatif-result"


def test_seed_board_is_a_light_page(client):
    assert len(client.get("/").content) < 120_000


def test_a_board_of_150_countries_renders_everything_within_the_page_budget(client, database):
    with database.write_session() as s:
        assert fill_board(s, 150) == 144
    for url in ("/", "/?assume=cessation-of-hostilities&assume=un-mandate&assume=hamas-disarmament"):
        reply = client.get(url)
        assert reply.status_code == 200
        assert len(reply.content) < PAGE_BUDGET, (url, len(reply.content))
        assert_fits_the_csp(reply.text)
    soup = BeautifulSoup(reply.text, "html.parser")
    assert len(soup.select("table.board-table tbody tr")) == 150
    linked = {a["id"].removeprefix("map-") for a in soup.select(".world-map svg a")}
    unplaced = soup.select(".world-map figcaption p a")
    assert len(linked) + len(unplaced) == 150
    for code in ("BHR", "SGP", "MLT", "XKX", "TUV", "LUX"):
        assert soup.select_one(f"#map-{code} circle.marker"), code

    api = client.get("/api/v1/proposals/gaza-isf").json()["totals"]
    chart = {r.dt.get_text(strip=True): r.select_one(".bar-text").get_text() for r in soup.select("#force-chart .chart-row")}
    assert chart["Offered"].startswith(f"{api['offered_min']:,}–{api['offered_max']:,} of ~20,000")
    assert chart["Committed"].startswith(f"{api['committed']:,} of") and chart["Deployed"].startswith(f"{api['deployed']:,} of")

    stances = client.get("/api/v1/proposals/gaza-isf/stances?limit=1000").json()
    legend = soup.select_one(".map-legend").get_text(" ", strip=True)
    for status, label in (("deployed", "Deployed"), ("committed", "Committed"), ("conditional", "Conditional"),
                          ("considering", "Considering"), ("declined", "Declined"), ("withdrawn", "Withdrawn")):
        assert f"{label} ({sum(s['status'] == status for s in stances)})" in legend
    with_conditions = {s["country"] for s in stances if s["conditions"]}
    assert {r["id"].removeprefix("matrix-") for r in soup.select("table.matrix tbody tr")} == with_conditions
    cells = sum(len(s["conditions"]) for s in stances)
    assert len(soup.select("table.matrix tbody a.cell")) == cells

    projection = client.get("/api/v1/proposals/gaza-isf/projection?factors="
                            "cessation-of-hostilities,un-mandate,hamas-disarmament").json()
    shown = {li["data-country"] for li in soup.select(".whatif-available li[data-country]")}
    assert shown == {c["country"] for c in projection["countries"] if c["available"] and c["status"] == "conditional"}
    assert shown and {li["data-country"] for li in soup.select(".whatif-unavailable li[data-country]")}


def test_a_range_that_reaches_the_target_only_at_its_top_says_so(client, database):
    write_stance(database, "IDN", status="conditional", troops={"offered_max": 20000})
    offered = soup_of(client, "/").select_one("#force-chart .chart-offered .bar-text").get_text()
    assert offered.startswith("0–20,000 of ~20,000 · target reached only at the top of the range, 20,000 short at its bottom")
    # Above the target at its top, the range holds it: not "only at the top".
    write_stance(database, "IDN", status="conditional", troops={"offered_max": 25000})
    offered = soup_of(client, "/").select_one("#force-chart .chart-offered .bar-text").get_text()
    assert offered.startswith("0–25,000 of ~20,000 · target within the range: 20,000 short at its bottom, "
                              "5,000 over at its top")


def test_a_past_or_filtered_board_says_so_in_its_title(client):
    """A tab or a bookmark of the board of a day, or of some countries, is not taken for today's board."""
    assert soup_of(client, "/").title.get_text() == "International Stabilization Force (Gaza) — ISF Tracker"
    dated = soup_of(client, "/?as_of=2025-12-01&known_at=2026-01-01&status=declined").title.get_text()
    assert dated == ("International Stabilization Force (Gaza) at the end of 1 Dec 2025, as known on 1 Jan 2026 "
                     "(filtered) — ISF Tracker")


def test_a_dated_board_links_to_the_week_before_its_day_and_names_what_is_missing(client):
    page = soup_of(client, "/?as_of=2025-12-01&known_at=2026-01-01")
    link = page.find("a", string="What changed between two dates")["href"]
    assert link == "/proposals/gaza-isf/changes?to=2025-12-01&known_at=2026-01-01"
    compare = soup_of(client, link).get_text(" ", strip=True)  # "from" left out: the week before "to"
    assert "must not be after" not in compare and "24 Nov 2025" in compare
    early = soup_of(client, "/?assume=un-mandate&as_of=2020-01-01", status=400).get_text(" ", strip=True)
    assert "Unknown factor 'un-mandate' in the what-if: no factor had been recorded by 1 Jan 2020." in early
