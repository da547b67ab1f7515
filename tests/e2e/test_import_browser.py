"""In a real browser: paste an article, accept two suggestions, reject one, and see the board
show the two with the article as their source."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.e2e.conftest import axe_violations, sign_in

pytestmark = pytest.mark.slow
ARTICLE = (Path(__file__).resolve().parents[1] / "fixtures" / "import" / "04-italy-pledge.txt").read_text(encoding="utf-8")


def test_paste_accept_two_reject_one_and_the_board_cites_the_article(chromium, editor_site):
    page = chromium.new_context(bypass_csp=True).new_page()  # axe-core is injected as a script
    sign_in(page, editor_site)
    page.goto(f"{editor_site}/import")
    assert axe_violations(page) == []
    page.fill("#title", "Italy pledges Carabinieri for Gaza training")
    page.fill("#publisher", "Example Wire")
    page.fill("#published_on", "2026-11-20")
    page.fill("#text", ARTICLE)
    page.get_by_role("button", name="Read the article").click()
    page.wait_for_url(f"{editor_site}/imports/*")
    assert "3 countries to review" in page.inner_text("main")
    import_url = page.url
    assert axe_violations(page) == []  # the review page: every suggestion's form and the marked article

    for code, action in (("ITA", "Accept"), ("DEU", "Accept"), ("FRA", "Reject")):
        page.locator(f"#suggestion-{code}").get_by_role("button", name=action).click()
        page.wait_for_url(f"{import_url}*")
    for code, outcome in (("ITA", "Applied"), ("DEU", "Applied"), ("FRA", "Rejected")):
        assert outcome in page.locator(f"#suggestion-{code} .decision").inner_text()

    page.goto(f"{editor_site}/")
    for code, status in (("ITA", "Conditional"), ("DEU", "Considering")):
        row = page.locator(f"#row-{code}")
        assert row.locator(".badge").inner_text().strip() == status
        source_link = row.locator("a[href^='/sources/']")
        source_id = source_link.get_attribute("href").rsplit("/", 1)[1]
        title = httpx.get(f"{editor_site}/api/v1/sources/{source_id}").json()["title"]
        assert title == "Italy pledges Carabinieri for Gaza training"
    assert page.locator("#row-FRA").count() == 0
    page.context.close()


PAGE = ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Italy pledges Carabinieri</title></head><body>"
        "<nav><a href='/brazil'>Brazil ruled out sending soldiers to Gaza.</a></nav>"
        "<main><article><h1>Italy pledges Carabinieri</h1>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE.splitlines() if p.strip())
        + "</article></main><footer>Example Wire</footer></body></html>")


def test_upload_a_page_review_conditions_and_date_and_the_board_shows_what_was_applied(chromium, editor_site, tmp_path):
    page_file = tmp_path / "italy.html"
    page_file.write_text(PAGE, encoding="utf-8")
    page = chromium.new_context().new_page()
    sign_in(page, editor_site)
    page.goto(f"{editor_site}/import")
    page.fill("#title", "Italy sends Carabinieri (page)")
    page.fill("#published_on", "2026-11-24")
    page.set_input_files("#file", str(page_file))
    page.get_by_role("button", name="Read the article").click()
    page.wait_for_url(f"{editor_site}/imports/*")
    import_url = page.url.split("#")[0]
    card = page.locator("#suggestion-ITA")
    assert card.locator("#ITA-stated_on").input_value() == "2026-11-24"  # the article's date
    assert page.locator(".source-text mark", has_text="Italy will send between 500 and 1,000 Carabinieri").count() == 1

    # The editor rewords the suggested condition, marks it met, adds one the reader missed, and dates it.
    card.locator("#ITA-cond-0-text").fill("Approval by the Italian parliament, expected next month.")
    card.locator("#ITA-cond-0-state").select_option("met")
    card.locator("#ITA-cond-1-text").fill("A United Nations Security Council mandate.")
    card.locator("#ITA-cond-1-category").select_option("mandate")
    card.locator("#ITA-cond-1-factor").select_option("un-mandate")
    card.locator("#ITA-stated_on").fill("2026-11-23")
    card.get_by_role("button", name="Accept").click()
    page.wait_for_url(f"{import_url}*")
    card = page.locator("#suggestion-ITA")
    assert "Applied" in card.locator(".decision").inner_text()
    applied = card.locator("section.applied").inner_text()
    assert "stated on 23 Nov 2026" in applied and "Approval by the Italian parliament, expected next month." in applied
    assert "changed by someone else" not in card.inner_text()

    stance = httpx.get(f"{editor_site}/api/v1/proposals/gaza-isf/stances/ITA").json()
    assert stance["stated_on"] == "2026-11-23"
    assert [(c["text"], c["category"], c["state"], c["factor"]) for c in stance["conditions"]] == [
        ("Approval by the Italian parliament, expected next month.", "domestic_approval", "met", None),
        ("A United Nations Security Council mandate.", "mandate", "unmet", "un-mandate")]  # the factor's state that day

    page.goto(f"{editor_site}/")
    row = page.locator("#row-ITA")
    assert row.locator(".badge").inner_text().strip() == "Conditional"
    page.goto(f"{editor_site}/proposals/gaza-isf/countries/ITA")
    conditions = page.locator("ol.conditions").inner_text()
    assert "Approval by the Italian parliament, expected next month." in conditions
    assert "A United Nations Security Council mandate." in conditions
    assert "23 Nov 2026" in page.inner_text("main")
    entry = page.locator("ol.timeline > li").first.inner_text()  # the latest change
    assert f"version {stance['version']}" in entry and entry.startswith("23 Nov 2026") and "via import" in entry
    assert "recorded" in entry
    assert "Italy sends Carabinieri (page)" in entry and "by amira" in entry
    page.context.close()


def test_a_country_the_reader_missed_is_listed_and_recorded_citing_the_article(chromium, editor_site):
    """The review page lists a country the article names without a suggestion; its link opens the
    stance form with the article chosen, and what the editor records there reaches the board."""
    page = chromium.new_context(bypass_csp=True).new_page()
    sign_in(page, editor_site)
    page.goto(f"{editor_site}/import")
    page.fill("#title", "Italy pledges police trainers")
    page.fill("#text", "Italy will send 200 carabinieri to the stabilization force, Rome said on Monday.\n"
                       "Polish diplomats were briefed on the plan in Warsaw.")
    page.get_by_role("button", name="Read the article").click()
    page.wait_for_url(f"{editor_site}/imports/*")
    named = page.locator("#named-POL")
    assert named.locator("blockquote").inner_text() == "Polish diplomats were briefed on the plan in Warsaw."
    assert axe_violations(page) == []
    named.get_by_role("link", name="Record a stance for Poland, citing this article").click()
    page.wait_for_url(f"{editor_site}/proposals/gaza-isf/countries/POL/edit*")
    chosen = page.eval_on_selector("#source_id", "s => s.options[s.selectedIndex].text")
    assert chosen.startswith("Italy pledges police trainers")
    page.select_option("#status", "considering")
    page.fill("#quote", "Polish diplomats were briefed on the plan in Warsaw.")
    page.fill("#reason", "Briefed, per the import")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"{editor_site}/proposals/gaza-isf/countries/POL*")
    page.goto(f"{editor_site}/")
    row = page.locator("#row-POL")
    assert row.locator(".badge").inner_text().strip() == "Considering"
    assert row.locator("blockquote").text_content() == "Polish diplomats were briefed on the plan in Warsaw."
    page.context.close()
