"""In a real browser: paste an article, accept two suggestions, reject one, and see the board
show the two with the article as their source."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.slow
ARTICLE = (Path(__file__).resolve().parents[1] / "fixtures" / "import" / "04-italy-pledge.txt").read_text(encoding="utf-8")


def test_paste_accept_two_reject_one_and_the_board_cites_the_article(chromium, editor_site):
    page = chromium.new_context().new_page()
    sign_in(page, editor_site)
    page.goto(f"{editor_site}/import")
    page.fill("#title", "Italy pledges Carabinieri for Gaza training")
    page.fill("#publisher", "Example Wire")
    page.fill("#published_on", "2026-11-20")
    page.fill("#text", ARTICLE)
    page.get_by_role("button", name="Read the article").click()
    page.wait_for_url(f"{editor_site}/imports/*")
    assert "3 countries to review" in page.inner_text("main")
    import_url = page.url

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
