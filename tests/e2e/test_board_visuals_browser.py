"""The board at a glance in a real browser (Debian's Chromium through Playwright, against a real
uvicorn): the map, chart and matrix drawn for the seed and for 150 countries, light and dark, on a
phone; the what-if ticked with htmx (swapped in place) and without JavaScript (a plain GET)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.db import Database, build_engine
from tests.e2e.conftest import axe_violations
from tests.live import cli, live_server
from tests.synthetic_board import fill_board

pytestmark = pytest.mark.slow

CEASEFIRE = "form.whatif-form input[name=assume][value=cessation-of-hostilities]"


def _serve(tmp_path_factory, name: str, countries: int | None = None):
    path = tmp_path_factory.mktemp(name) / f"{name}.db"
    env = {"DATABASE_URL": f"sqlite:///{path}"}
    cli("db", "upgrade", env=env)
    cli("seed", "--article-only", env=env)
    if countries:
        engine = build_engine(env["DATABASE_URL"])
        with Database(engine).write_session() as session:
            fill_board(session, countries)
        engine.dispose()
    return live_server(env)


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory):
    with _serve(tmp_path_factory, "seed") as base:
        yield base


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    with _serve(tmp_path_factory, "big", countries=150) as base:
        yield base


def _watch_console(page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    return problems


def _whatif_state(page) -> dict:
    aze = page.locator(".whatif-unavailable li[data-country=AZE]")
    return {
        "available": page.locator(".whatif-available li[data-country]").count(),
        "aze_blocking": aze.locator(".blocking li").all_inner_texts(),
        "summary": page.inner_text("#whatif-summary"),
    }


def test_ticking_the_ceasefire_with_htmx_leaves_azerbaijan_waiting_on_its_parliament(chromium, seed_site):
    context = chromium.new_context()
    page = context.new_page()
    problems = _watch_console(page)
    page.goto(f"{seed_site}/")
    page.wait_for_function("() => window.htmx !== undefined")
    page.evaluate("() => { window.stillTheSamePage = true }")
    with page.expect_response(lambda r: "assume=cessation-of-hostilities" in r.url) as answer:
        page.check(CEASEFIRE)
    assert answer.value.request.headers.get("hx-request") == "true"
    page.wait_for_function("() => document.querySelector('#whatif-summary').innerText.startsWith('Assuming')")
    assert page.evaluate("() => window.stillTheSamePage") is True  # swapped in place, not reloaded
    assert page.url == f"{seed_site}/?assume=cessation-of-hostilities"  # the address can be shared
    state = _whatif_state(page)
    assert state["available"] == 0
    assert len(state["aze_blocking"]) == 1
    assert "Domestic approval" in state["aze_blocking"][0] and "parliament" in state["aze_blocking"][0]
    assert "0 of 1 country" in state["summary"]
    assert page.is_checked(CEASEFIRE)
    assert page.locator("h1").count() == 1  # the panel, not a page inside the page
    # Unticking swaps back to the board as it stands.
    page.uncheck(CEASEFIRE)
    page.wait_for_function("() => document.querySelector('#whatif-summary').innerText.startsWith('As things stand')")
    assert problems == []  # nothing refused by the CSP, no script errors
    context.close()


def test_the_whatif_works_without_javascript(chromium, seed_site):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{seed_site}/")
    page.check(CEASEFIRE)
    page.get_by_role("button", name="Show who would be available").click()
    page.wait_for_url(f"{seed_site}/?assume=cessation-of-hostilities")
    state = _whatif_state(page)
    assert state["available"] == 0
    assert len(state["aze_blocking"]) == 1 and "parliament" in state["aze_blocking"][0]
    assert page.is_checked(CEASEFIRE)
    context.close()


def _drawn(page) -> dict:
    """What Chromium actually drew: sizes and colours, not just the markup."""
    return page.evaluate("""() => {
        const box = (el) => { const r = el.getBoundingClientRect(); return [r.width, r.height]; };
        const svg = document.querySelector('.world-map svg');
        const fill = (sel) => { const el = document.querySelector(sel); return el && getComputedStyle(el).fill; };
        const markers = [...document.querySelectorAll('.world-map circle.marker')];
        return {
            map: box(svg),
            links: svg.querySelectorAll('a').length,
            unplaced: document.querySelectorAll('.world-map figcaption p a').length,
            markers: markers.filter(m => { const [w, h] = box(m); return w > 0 && h > 0; }).length,
            markerCodes: markers.map(m => m.closest('a').id.slice(4)),
            conditional: fill('.world-map use.status-conditional'),
            background: fill('.world-map use.map-land'),
            // The outlines come from the static file: a drawn outline has a size (none if it failed to load).
            outlines: box(document.querySelector('.world-map use.map-land')),
            shapeBox: box(document.querySelector('.world-map a use')),
            chartBars: [...document.querySelectorAll('#force-chart svg.bar')].filter(b => box(b)[0] > 50).length,
            matrixRows: document.querySelectorAll('table.matrix tbody tr').length,
            pageWidth: document.documentElement.scrollWidth,
            viewport: window.innerWidth,
        };
    }""")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_map_chart_and_matrix_are_drawn_for_the_seed_and_for_150_countries(chromium, seed_site, big_site, scheme,
                                                                          tmp_path):
    out = tmp_path
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{seed_site}/")
    seed = _drawn(page)
    assert seed["map"][0] > 1000 and seed["map"][1] > 400
    assert seed["links"] == 6 and seed["markerCodes"] == ["QAT"] and seed["markers"] == 1
    assert seed["conditional"] != seed["background"]
    assert seed["outlines"][0] > 900 and seed["shapeBox"][0] > 5  # the world's land, and Azerbaijan, drawn
    assert seed["chartBars"] == 4 and seed["matrixRows"] == 1
    page.screenshot(path=str(out / f"board-seed-{scheme}.png"), full_page=True)

    page.goto(f"{big_site}/")
    big = _drawn(page)
    assert big["links"] + big["unplaced"] == 150 and big["links"] > 140 and big["matrixRows"] > 40
    assert {"BHR", "SGP", "MLT", "XKX", "TUV", "LUX"} <= set(big["markerCodes"])
    assert big["markers"] == len(big["markerCodes"])
    page.locator(".world-map").screenshot(path=str(out / f"map-150-{scheme}.png"))
    page.screenshot(path=str(out / f"board-150-{scheme}.png"), full_page=True)
    context.close()
    light_or_dark = {"light": "rgb(138, 90, 0)", "dark": "rgb(246, 196, 83)"}  # --isf-conditional
    assert seed["conditional"] == light_or_dark[scheme]


def test_the_board_fits_a_phone(chromium, big_site, tmp_path):
    out = tmp_path
    phone = chromium.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                 color_scheme="dark")
    page = phone.new_page()
    page.goto(f"{big_site}/?assume=cessation-of-hostilities")
    drawn = _drawn(page)
    assert drawn["pageWidth"] <= drawn["viewport"]  # wide tables scroll in their own box
    assert drawn["map"][0] > 300 and drawn["markers"] == len(drawn["markerCodes"])
    # Dots grow on a small screen so they can be seen and tapped.
    radius = page.evaluate("() => document.querySelector('#map-BHR circle').getBoundingClientRect().width")
    assert radius >= 6
    page.locator(".world-map").screenshot(path=str(out / "map-phone-dark.png"))
    phone.close()


def test_page_weight_in_the_browser(chromium, seed_site, big_site):
    """What a reader downloads: the HTML, and with it our CSS, Pico and htmx (cached after the first page)."""
    context = chromium.new_context()
    page = context.new_page()
    sizes = {}
    for name, url in (("seed", seed_site), ("150 countries", big_site)):
        page.goto(f"{url}/")
        sizes[name] = page.evaluate("""() => {
            const nav = performance.getEntriesByType('navigation')[0];
            const others = performance.getEntriesByType('resource').reduce((n, r) => n + r.decodedBodySize, 0);
            return {html: nav.decodedBodySize, assets: others};
        }""")
    print(f"board page weight (bytes): {sizes}")
    assert sizes["seed"]["html"] < 120_000
    assert sizes["150 countries"]["html"] < 300_000
    context.close()


def test_the_whatif_and_the_150_country_board_have_no_serious_accessibility_violations(chromium, seed_site, big_site):
    context = chromium.new_context(bypass_csp=True)
    page = context.new_page()
    found = {}
    for name, url in (("what-if", f"{seed_site}/?assume=cessation-of-hostilities&assume=un-mandate"),
                      ("150 countries", f"{big_site}/?assume=cessation-of-hostilities")):
        page.goto(url)
        found[name] = axe_violations(page)
    context.close()
    assert {k: v for k, v in found.items() if v} == {}


def test_screenshots_of_the_whatif(chromium, seed_site, tmp_path):
    """The README's picture of the what-if (make screenshots writes it to docs/)."""
    out = Path(os.environ.get("ISF_SCREENSHOT_DIR") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{seed_site}/")
    page.wait_for_function("() => window.htmx !== undefined")
    page.check(CEASEFIRE)
    page.wait_for_function("() => document.querySelector('#whatif-summary').innerText.startsWith('Assuming')")
    page.locator("#whatif").screenshot(path=str(out / "whatif.png"))
    assert (out / "whatif.png").stat().st_size > 10_000
    context.close()
