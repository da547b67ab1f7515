"""The board's pieces written in Python (app/pieces.py): every value from the data comes out as
escaped text, in the cells and attributes where the board's readers, tests and styles expect it."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from app.pieces import board_row, map_places, matrix_row, whatif_available, whatif_unavailable
from app.services.projection import country_outlook
from app.services.views import CitationView, ConditionView, CountryView, FactorView, StanceView
from app.services.worldmap import MapCountry, Marker, Shape, WorldMap
from app.templating import day, iso, short_day

EVIL = "<script>alert(1)</script>\"'&"
HREF = '/proposals/gaza-isf/countries/QAT?as_of=2026-05-01&x="><b>'


def _stance(**changes) -> StanceView:
    values = dict(
        id=7, country_code="QAT", country=CountryView("QAT", f"Qatar {EVIL}", "QA"), status="conditional",
        offered_min=100, offered_max=1500, committed=None, deployed=None, roles=[], summary=f"Summary {EVIL}",
        stated_on=None, updated_at=dt.datetime(2026, 3, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))),
        version=4,
        conditions=[ConditionView(11, f"Text {EVIL}", "mandate", "unmet", None, []),
                    ConditionView(12, "A ceasefire", "ceasefire", "met", None, []),
                    ConditionView(13, "Something else", "no_such_category", "unknown", None, [])],
        citations=[CitationView(3, f"Other {EVIL}", "troops"), CitationView(5, f"Quote {EVIL}", "status")],
    )
    values.update(changes)
    return StanceView(**values)


def _parse(markup: str) -> BeautifulSoup:
    return BeautifulSoup(f"<table><tbody>{markup}</tbody></table>", "html.parser")


def test_a_board_row_shows_each_value_from_the_data_as_text():
    row = board_row(_stance(), HREF)
    assert "<script>" not in row and "<b>" not in row
    soup = _parse(row)
    tr = soup.tr
    assert tr["id"] == "row-QAT"
    link = tr.th.a
    assert link["href"] == HREF and link.get_text() == f"🇶🇦 Qatar {EVIL}"
    assert tr.th.select_one("p.summary").get_text() == f"Summary {EVIL}"
    cells = tr.find_all("td")
    assert len(cells) == 5
    assert cells[0].get_text() == "Conditional"
    assert [dd.get_text() for dd in cells[1].select("dd")] == ["100–1,500", "—", "—"]
    assert [chip.get_text(" ", strip=True) for chip in cells[2].select(".chip")] == [
        "Unmet: Unmet Mandate", "Met: Met Ceasefire", "Unknown: Unknown no_such_category"]
    # Half past midnight in Delhi: the evening before in UTC.
    time = cells[3].time
    assert (time["datetime"], time["title"], time.get_text()) == ("2026-02-28T19:00:00Z", "28 Feb 2026, 19:00 UTC", "28 Feb 2026")
    assert cells[3].small.get_text() == "version 4"
    # The quote cited for the status, not the first one.
    assert cells[4].a["href"] == "/sources/5"
    assert cells[4].blockquote.get_text() == f"Quote {EVIL}"


def test_a_board_row_with_nothing_stated():
    soup = _parse(board_row(_stance(summary=None, conditions=[], citations=[], offered_min=None, offered_max=None), HREF))
    assert soup.select_one("p.summary") is None
    cells = soup.find_all("td")
    assert cells[2].get_text() == "None stated" and cells[4].get_text() == "none"
    assert [dd.get_text() for dd in cells[1].select("dd")] == ["—", "—", "—"]


def test_a_matrix_row_has_a_cell_per_category_in_column_order():
    from app.templating import CATEGORY_LABELS

    soup = _parse(matrix_row(_stance(), HREF))
    assert soup.tr["id"] == "matrix-QAT" and soup.th.get_text() == f"Qatar {EVIL}"
    cells = soup.find_all("td")
    assert len(cells) == len(CATEGORY_LABELS)  # the unknown category has no column
    columns = list(CATEGORY_LABELS)
    ceasefire, mandate = cells[columns.index("ceasefire")].a, cells[columns.index("mandate")].a
    assert (ceasefire.get_text(), ceasefire["class"], ceasefire["href"]) == ("Met", ["cell", "state-met"], HREF + "#condition-12")
    assert (mandate.get_text(), mandate["class"]) == ("Unmet", ["cell", "state-unmet"])
    assert sum(len(c.find_all("a")) for c in cells) == 2
    assert "<b>" not in matrix_row(_stance(), HREF)


def test_a_matrix_cell_lists_its_conditions_in_their_order():
    from app.templating import CATEGORY_LABELS

    conditions = [ConditionView(i, f"Condition {i}", category, "unmet", None, [])
                  for i, category in ((1, "funding"), (2, "ceasefire"), (3, "funding"))]
    cells = _parse(matrix_row(_stance(conditions=conditions), HREF)).find_all("td")
    funding = cells[list(CATEGORY_LABELS).index("funding")]
    assert [a["href"].rsplit("#", 1)[1] for a in funding.find_all("a")] == ["condition-1", "condition-3"]


def test_map_places_show_names_and_links_as_text():
    country = MapCountry("QAT", f"Qatar {EVIL}", "conditional", HREF)
    other = MapCountry("FRA", "France", "committed", "/c/FRA")
    world = WorldMap(1000, 440, "M0 0Z", [Shape(other, "M1 1L2 2Z")], [Marker(country, 12.5, 30.0, "M3 3Z")], [], [])
    svg = BeautifulSoup(f"<svg>{map_places(world)}</svg>", "html.parser")
    qatar = svg.select_one("#map-QAT")
    assert qatar["href"] == HREF and qatar.title.get_text() == f"Qatar {EVIL}: Conditional"
    assert qatar.circle["class"] == ["marker", "status-conditional"]
    assert (qatar.circle["cx"], qatar.circle["cy"], qatar.circle["r"]) == ("12.5", "30.0", "4.5")
    france = svg.select_one("#map-FRA")
    assert france.path["d"] == "M1 1L2 2Z" and france.path["class"] == ["status-committed"]
    # The tiny outline under a marker is coloured too, outside the link.
    assert [p["d"] for p in svg.svg.find_all("path", recursive=False)] == ["M3 3Z"]
    assert "<script>" not in map_places(world)


@pytest.mark.parametrize("when", [
    dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc),
    dt.datetime(2025, 12, 31, 23, 59, 59, 999_999, tzinfo=dt.timezone.utc),
    dt.datetime(2026, 3, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))),
    dt.datetime(2026, 11, 9, 20, 15, 30, 123, tzinfo=dt.timezone(dt.timedelta(hours=-8))),
])
def test_a_rows_time_is_written_as_the_page_filters_write_it(when):
    time = _parse(board_row(_stance(updated_at=when), HREF)).time
    assert (time["datetime"], time["title"], time.get_text()) == (iso(when), day(when), short_day(when))


def _href_of(code: str) -> str:
    return HREF.replace("QAT", code)


def test_what_if_items_show_names_conditions_and_links_as_text():
    factor = FactorView("un-mandate", "UN mandate", "unmet", None)
    conditions = [ConditionView(21, f"A mandate {EVIL}", "mandate", "unmet", factor, []),
                  ConditionView(22, "Parliament", "domestic_approval", "unknown", None, []),
                  ConditionView(23, "A ceasefire", "ceasefire", "met", None, [])]
    stance = _stance(conditions=conditions)
    kept_out = country_outlook(stance, set())
    items = BeautifulSoup(f"<ul>{whatif_unavailable([kept_out], _href_of)}</ul>", "html.parser")
    li = items.ul.li
    assert li["data-country"] == "QAT"
    assert li.a["href"] == HREF and li.a.get_text() == f"Qatar {EVIL}"
    blocking = li.select("ul.blocking > li")
    assert [b.strong.get_text() for b in blocking] == ["Unmet", "Unknown"]
    assert [b.strong["class"] for b in blocking] == [["state-unmet"], ["state-unknown"]]
    assert blocking[0].a["href"] == HREF + "#condition-21" and blocking[0].a.get_text() == f"A mandate {EVIL}"
    assert blocking[0].get_text().startswith("Unmet Mandate: ")
    # Only the condition on no factor says ticking cannot meet it.
    assert blocking[0].small is None and "ticking cannot meet it" in blocking[1].small.get_text()
    assert li.find("small", recursive=False) is None  # nothing assumed

    assuming = country_outlook(stance, {"un-mandate"})
    li = BeautifulSoup(f"<ul>{whatif_unavailable([assuming], _href_of)}</ul>", "html.parser").ul.li
    assert [b.a["href"] for b in li.select("ul.blocking > li")] == [HREF + "#condition-22"]
    assert li.find("small", recursive=False).get_text() == "Assumed met: mandate."

    free = _stance(conditions=conditions[:1] + conditions[2:], country_code="FRA",
                   country=CountryView("FRA", f"France {EVIL}", "FR"), offered_min=None, offered_max=2000)
    li = BeautifulSoup(f"<ul>{whatif_available([country_outlook(free, {'un-mandate'})], _href_of)}</ul>",
                       "html.parser").ul.li
    assert li["data-country"] == "FRA" and li.a["href"] == _href_of("FRA") and li.a.get_text() == f"France {EVIL}"
    assert li.span.get_text() == "— mandate assumed met; offers 2,000"
    all_met = country_outlook(_stance(conditions=conditions[2:], offered_min=None, offered_max=None), set())
    li = BeautifulSoup(f"<ul>{whatif_available([all_met], _href_of)}</ul>", "html.parser").ul.li
    assert li.span.get_text() == "— every condition met; offers —"


def test_a_country_waiting_on_unrecorded_conditions_says_so():
    markup = whatif_unavailable([country_outlook(_stance(conditions=[]), set())], _href_of)
    li = BeautifulSoup(f"<ul>{markup}</ul>", "html.parser").ul.li
    assert li.ul is None and li.span.get_text() == "its conditions are not recorded."
    assert "<script>" not in markup


def test_pieces_escape_as_the_templates_do():
    from markupsafe import escape

    from app import pieces

    assert pieces.esc(EVIL) == str(escape(EVIL)) == "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&#39;&amp;"
    assert pieces.esc("Côte d’Ivoire") == "Côte d’Ivoire"
