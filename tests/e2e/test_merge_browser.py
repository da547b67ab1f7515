"""Two tabs editing one country in a real browser: what each changed is kept, the page says so, and a
real clash is shown three ways with a choice, on a page without accessibility violations."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from tests.e2e.conftest import axe_violations, fill_citation, sign_in

pytestmark = pytest.mark.slow

def test_two_tabs_change_different_fields_and_both_are_kept(chromium, editor_site):
    edit, country = (f"{editor_site}/proposals/gaza-isf/countries/AZE/edit",
                     f"{editor_site}/proposals/gaza-isf/countries/AZE")
    context = chromium.new_context()
    tab_a, tab_b = context.new_page(), context.new_page()
    sign_in(tab_a, editor_site)
    for page in (tab_a, tab_b):
        page.goto(edit)
    day = dt.datetime.now(dt.timezone.utc).date().isoformat()  # today: the board shows it at once

    tab_a.check("input[name=roles][value=medical]")
    tab_a.fill("#stated_on", day)
    tab_a.fill("#offered_max", "750")
    fill_citation(tab_a, "tab A: roles, date and a figure")
    tab_a.get_by_role("button", name="Save").click()
    tab_a.wait_for_url(country)

    tab_b.fill("#summary", "Typed in tab B")
    fill_citation(tab_b, "tab B: the summary")
    tab_b.get_by_role("button", name="Save").click()
    tab_b.wait_for_url(country)
    said = tab_b.locator(".notice-ok").inner_text()
    assert "merged with the changes saved meanwhile by you, in another window" in said
    assert "roles offered" in said and "stated on" in said and "offered, at most" in said

    saved = httpx.get(f"{editor_site}/api/v1/proposals/gaza-isf/stances/AZE").json()
    assert saved["roles"] == ["medical"] and saved["stated_on"] == day
    assert saved["troops"]["offered_max"] == 750 and saved["summary"] == "Typed in tab B"
    context.close()


def test_a_clash_is_shown_three_ways_and_settled_with_a_choice(chromium, editor_site):
    edit, country = (f"{editor_site}/proposals/gaza-isf/countries/AZE/edit",
                     f"{editor_site}/proposals/gaza-isf/countries/AZE")
    context = chromium.new_context(bypass_csp=True)
    tab_a, tab_b = context.new_page(), context.new_page()
    sign_in(tab_a, editor_site)
    for page in (tab_a, tab_b):
        page.goto(edit)
    tab_a.fill("#summary", "Tab A's summary")
    tab_a.fill("#committed", "120")
    fill_citation(tab_a, "tab A")
    tab_a.get_by_role("button", name="Save").click()
    tab_a.wait_for_url(country)

    tab_b.fill("#summary", "Tab B's summary")
    fill_citation(tab_b, "tab B")
    tab_b.get_by_role("button", name="Save").click()
    choice = tab_b.get_by_role("group", name="Summary")
    choice.wait_for()
    assert "Tab A's summary" in choice.inner_text() and "Tab B's summary" in choice.inner_text()
    assert tab_b.get_by_role("alert").filter(has_text="while you were editing").is_visible()
    assert tab_b.input_value("#committed") == "120"  # merged in already
    assert axe_violations(tab_b) == []

    choice.get_by_label("Take theirs").check()
    tab_b.get_by_role("button", name="Save with these choices").click()
    tab_b.wait_for_url(country)
    saved = httpx.get(f"{editor_site}/api/v1/proposals/gaza-isf/stances/AZE").json()
    assert saved["summary"] == "Tab A's summary" and saved["troops"]["committed"] == 120
    context.close()


def test_a_merged_save_shows_each_troop_figure_on_the_quote_of_whoever_set_it(chromium, editor_site):
    """Tab A records an offer, tab B (opened before) a commitment, each with its own quote: the country
    page shows each quote as the word for the figure it gave, not the later quote for both."""
    edit, country = (f"{editor_site}/proposals/gaza-isf/countries/AZE/edit",
                     f"{editor_site}/proposals/gaza-isf/countries/AZE")
    offer = "This can only happen if military action is completely stopped"
    pledge = "We do not want to put our troops in danger"
    context = chromium.new_context()
    tab_a, tab_b = context.new_page(), context.new_page()
    sign_in(tab_a, editor_site)
    for page in (tab_a, tab_b):
        page.goto(edit)

    for tab, figure, value, quote in ((tab_a, "#offered_max", "800", offer), (tab_b, "#committed", "300", pledge)):
        tab.fill(figure, value)
        tab.select_option("#source_id", "1")
        tab.fill("#quote", quote)
        tab.fill("#reason", f"{figure}: {value}")
        tab.get_by_role("button", name="Save").click()
        tab.wait_for_url(country)
    assert "merged with the changes saved meanwhile" in tab_b.locator(".notice-ok").inner_text()

    stance = tab_b.get_by_role("region", name="Stance")
    assert stance.get_by_text("up to 800").is_visible() and stance.locator("dd", has_text="300").count() == 1
    # Each quote is preceded by what it is the word for.
    words = stance.locator("p.quote-facts")
    backs = {}
    for i in range(words.count()):
        label = words.nth(i)
        backs[label.locator("xpath=following-sibling::*[1]").inner_text()] = label.inner_text()
    assert [v for k, v in backs.items() if offer in k] == ["The word for: Troops offered (the most)"]
    assert [v for k, v in backs.items() if pledge in k] == ["The word for: Troops committed"]
    context.close()
