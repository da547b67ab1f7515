"""A real browser (Playwright driving Debian's Chromium) against a real uvicorn: sign in, edit
Azerbaijan, see the board change, hit a conflict in two tabs with nothing lost, watch a page on
another origin fail to post the form, and check the pages with axe-core."""

from __future__ import annotations

import http.server
import os
import threading
from pathlib import Path

import httpx
import pytest

from tests.conftest import PASSWORD
from tests.e2e.conftest import QUOTE, axe_violations, fill_citation, sign_in
from tests.live import free_port

pytestmark = pytest.mark.slow

def aze_changes(base: str) -> int:
    return len(httpx.get(f"{base}/api/v1/proposals/gaza-isf/stances/AZE/history").json())


def test_editor_signs_in_edits_azerbaijan_and_the_board_changes(chromium, editor_site):
    context = chromium.new_context()
    page = context.new_page()
    sign_in(page, editor_site)
    page.goto(f"{editor_site}/proposals/gaza-isf/countries/AZE")
    page.get_by_text("Edit this stance").click()
    page.select_option("#status", "committed")
    page.fill("#committed", "500")
    page.check("input[name=roles][value=engineering]")
    fill_citation(page, "Browser test: parliament approved")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"{editor_site}/proposals/gaza-isf/countries/AZE")
    assert "Saved Azerbaijan (version 2)." in page.inner_text("main")
    page.goto(f"{editor_site}/")
    row = page.locator("#row-AZE")
    assert row.locator(".badge").inner_text().strip() == "Committed"
    assert "500" in row.locator(".troops").inner_text()
    context.close()


def test_invalid_input_is_shown_beside_the_field_and_kept(chromium, editor_site):
    context = chromium.new_context()
    page = context.new_page()
    sign_in(page, editor_site)
    page.goto(f"{editor_site}/proposals/gaza-isf/countries/AZE/edit")
    page.fill("#offered_min", "lots")
    page.fill("#summary", "Typed text that must survive")
    page.get_by_role("button", name="Save").click()
    assert page.locator("#offered_min-error").is_visible()
    assert page.locator("#reason-error").is_visible()
    assert page.input_value("#offered_min") == "lots"
    assert page.input_value("#summary") == "Typed text that must survive"
    context.close()


def test_two_tabs_conflict_and_the_second_keeps_its_input(chromium, editor_site):
    context = chromium.new_context()
    first, second = context.new_page(), context.new_page()
    sign_in(first, editor_site)
    for page in (first, second):
        page.goto(f"{editor_site}/proposals/gaza-isf/countries/AZE/edit")
    first.fill("#summary", "Saved from the first tab")
    fill_citation(first, "first tab")
    first.get_by_role("button", name="Save").click()
    first.wait_for_url(f"{editor_site}/proposals/gaza-isf/countries/AZE")

    second.fill("#summary", "Typed in the second tab")
    second.fill("#committed", "40")
    fill_citation(second, "second tab")
    second.get_by_role("button", name="Save").click()
    conflict = second.locator(".conflict")
    conflict.wait_for()
    assert "Someone else saved Azerbaijan" in conflict.inner_text()
    assert "Saved from the first tab" in conflict.inner_text()
    assert second.input_value("#summary") == "Typed in the second tab"
    assert second.input_value("#committed") == "40"
    assert second.input_value("#reason") == "second tab"

    second.get_by_role("button", name="Save with these choices").click()
    second.wait_for_url(f"{editor_site}/proposals/gaza-isf/countries/AZE")
    assert "Typed in the second tab" in second.inner_text("main")
    context.close()


def test_a_form_sent_after_signing_out_elsewhere_is_saved_after_signing_in_again(chromium, editor_site):
    """The editor types into Qatar's form, signs out in another tab, then presses Save: nothing is
    saved and nothing typed is lost; signing in again offers what was typed, and one button saves it."""
    context = chromium.new_context()
    page, other = context.new_page(), context.new_page()
    sign_in(page, editor_site)
    page.goto(f"{editor_site}/proposals/gaza-isf/countries/QAT/edit")
    page.fill("#summary", "Typed before the session ended")
    fill_citation(page, "kept through signing in again")
    other.goto(f"{editor_site}/")
    other.get_by_role("button", name="Sign out").click()
    other.wait_for_url(f"{editor_site}/")
    versions = len(httpx.get(f"{editor_site}/api/v1/proposals/gaza-isf/stances/QAT/history").json())

    page.get_by_role("button", name="Save").click()
    assert "nothing was saved yet" in page.locator("#session-ended").inner_text()
    page.get_by_label("User name").fill("amira")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert "has not been saved yet" in page.inner_text("main")
    assert len(httpx.get(f"{editor_site}/api/v1/proposals/gaza-isf/stances/QAT/history").json()) == versions
    page.get_by_role("button", name="Save what you typed").click()
    page.wait_for_url(f"{editor_site}/proposals/gaza-isf/countries/QAT")
    assert "Saved Qatar" in page.inner_text("main")
    qatar = httpx.get(f"{editor_site}/api/v1/proposals/gaza-isf/stances/QAT").json()
    assert qatar["summary"] == "Typed before the session ended"
    context.close()


def test_a_page_on_another_origin_cannot_post_the_form(chromium, editor_site, tmp_path):
    attack = tmp_path / "attack.html"
    attack.write_text(
        f"""<!doctype html><title>Totally harmless</title>
        <form id="f" method="post" action="{editor_site}/proposals/gaza-isf/countries/AZE/edit">
          <input name="status" value="declined"><input name="cond_count" value="0">
          <input name="source_id" value="1"><input name="quote" value="{QUOTE}">
          <input name="reason" value="forged"><input name="version" value="999">
        </form><script>document.getElementById('f').submit()</script>""",
        encoding="utf-8",
    )
    port = free_port()
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(tmp_path), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        context = chromium.new_context()
        page = context.new_page()
        sign_in(page, editor_site)  # the victim is signed in
        before = aze_changes(editor_site)
        with page.expect_navigation():
            page.goto(f"http://127.0.0.1:{port}/attack.html")
        page.wait_for_load_state()
        assert page.url.startswith(editor_site)
        assert "Not allowed" in page.inner_text("main")
        assert aze_changes(editor_site) == before
        assert httpx.get(f"{editor_site}/api/v1/proposals/gaza-isf/stances/AZE").json()["status"] != "declined"
        context.close()
    finally:
        server.shutdown()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_have_no_serious_accessibility_violations(chromium, editor_site, scheme):
    context = chromium.new_context(bypass_csp=True, color_scheme=scheme)
    page = context.new_page()
    found = {}
    page.goto(f"{editor_site}/login")
    found["login"] = axe_violations(page)
    sign_in(page, editor_site)
    for name, url in (("board", "/"), ("country", "/proposals/gaza-isf/countries/AZE"),
                      ("edit form", "/proposals/gaza-isf/countries/AZE/edit"), ("source", "/sources/1")):
        page.goto(editor_site + url)
        found[name] = axe_violations(page)
    context.close()
    assert {k: v for k, v in found.items() if v} == {}


def test_screenshots(chromium, record_site, tmp_path):
    """The README's pictures, of the public record as `make run` loads it: the board on a desk and on a
    phone, the force over time, the edit form and a country page on a phone (make screenshots writes them
    to docs/)."""
    out = Path(os.environ.get("ISF_SCREENSHOT_DIR") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{record_site}/")
    page.screenshot(path=str(out / "board.png"), full_page=True)
    page.goto(f"{record_site}/proposals/gaza-isf/timeline")
    page.screenshot(path=str(out / "timeline.png"), full_page=False)
    sign_in(page, record_site)
    page.goto(f"{record_site}/proposals/gaza-isf/countries/AZE/edit")
    page.screenshot(path=str(out / "edit-form.png"), full_page=True)
    phone = chromium.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    mobile = phone.new_page()
    mobile.goto(f"{record_site}/proposals/gaza-isf/countries/AZE")
    mobile.screenshot(path=str(out / "country-phone.png"), full_page=False)
    mobile.goto(f"{record_site}/#countries")
    mobile.screenshot(path=str(out / "board-phone.png"), full_page=False)
    for name in ("board.png", "timeline.png", "edit-form.png", "country-phone.png", "board-phone.png"):
        assert (out / name).stat().st_size > 10_000
    context.close()
    phone.close()
