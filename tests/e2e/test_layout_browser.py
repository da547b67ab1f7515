"""Every page fits the window, on a phone and on a desk, signed in and out: nothing scrolls sideways
(a wide table scrolls inside its own box), and axe-core finds no serious or critical violation. The
pages are those of the public record as `make run` loads it: real, long content."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import axe_violations, sign_in

PUBLIC = [
    "/",
    "/proposals/gaza-isf?status=conditional&status=considering&condition=ceasefire",
    "/proposals/gaza-isf/countries/AZE",
    "/proposals/gaza-isf/countries/AZE?as_of=2025-12-27",
    "/proposals/gaza-isf/countries/IDN",
    "/proposals/gaza-isf?as_of=2025-11-07",
    "/proposals/gaza-isf/timeline",
    "/proposals/gaza-isf/changes",
    "/proposals/gaza-isf/changes?from=2025-11-01&to=2026-03-01",
    "/changes",
    "/sources/1",
    "/login",
]
EDITOR = [
    "/",
    "/proposals/gaza-isf/countries/AZE/edit",
    "/proposals/gaza-isf/countries/new?q=emirati",
    "/proposals/gaza-isf/factors/un-mandate/edit",
    "/proposals/gaza-isf/edit",
    "/import",
    "/imports",
]
SIZES = [(320, 640), (390, 844), (1280, 800)]

# What sticks out past the window, to name it in a failure.
WIDER = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && !el.closest('.overflow-auto, .table-scroll')) {
      out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''} (${Math.round(box.right)} px)`);
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, out: out.slice(0, 8)};
}"""


def _fits(page, base: str, paths: list[str], who: str) -> list[str]:
    problems = []
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        for path in paths:
            page.goto(base + path)
            seen = page.evaluate(WIDER)
            if seen["scroll"] > seen["width"] + 1:
                problems.append(f"{who} {path} at {width} px: the page is {seen['scroll']} px wide; sticking out: "
                                f"{', '.join(seen['out']) or '?'}")
            if width in (390, 1280):
                for v in axe_violations(page):
                    problems.append(f"{who} {path} at {width} px: axe {v['id']} ({v['impact']}) on {v['nodes'][:3]}")
    return problems


@pytest.mark.parametrize("signed_in", [False, True], ids=["reader", "editor"])
def test_every_page_fits_a_phone_and_a_desk(chromium, record_site, signed_in):
    context = chromium.new_context(bypass_csp=True)  # axe-core is injected as a script
    page = context.new_page()
    try:
        if signed_in:
            sign_in(page, record_site)
        problems = _fits(page, record_site, EDITOR if signed_in else PUBLIC, "editor" if signed_in else "reader")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_the_force_over_time_shows_in_the_browser_what_the_api_gives(chromium, record_site):
    page = chromium.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(f"{record_site}/proposals/gaza-isf/timeline")
        series = page.request.get(f"{record_site}/api/v1/proposals/gaza-isf/timeline").json()["points"]
        rows = page.locator(".timeline-table tbody tr")
        assert rows.count() == len(series) > 0
        for i, point in enumerate(series):
            cells = rows.nth(i).locator("td").all_inner_texts()
            assert rows.nth(i).locator("time").get_attribute("datetime") == point["day"]
            assert cells[1:3] == [f"{point['committed']:,}", f"{point['deployed']:,}"]
            target = (f"{'~' if point['target_troops_approximate'] else ''}{point['target_troops']:,}"
                      if point["target_troops"] else "—")
            assert cells[3] == target  # the target of that day, in words as well as in the picture
            assert [int(c) for c in cells[4:]] == list(point["by_status"].values())
        assert page.locator(".timeline-chart svg path").count() >= 3  # drawn inline, not only in the table
        board = chromium.new_page()
        board.goto(f"{record_site}/")
        picture = board.locator(".timeline-card img")
        picture.scroll_into_view_if_needed()
        board.wait_for_function("() => document.querySelector('.timeline-card img').complete")
        assert picture.evaluate("img => img.naturalWidth > 0")  # the picture loads under the CSP
        board.close()
    finally:
        page.close()


def test_an_opened_quote_neither_widens_nor_squeezes_the_desk_table(chromium, record_site):
    """At 1280 px the countries' table fits its box; opening a row's quote lays it over the rows below,
    whole and inside the window, and the table keeps its width."""
    page = chromium.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(f"{record_site}/")
        width = "() => { const t = document.querySelector('table.board-table'); return [t.scrollWidth, t.parentElement.clientWidth]; }"
        table, box = page.evaluate(width)
        assert table <= box
        row = page.locator("table.board-table tbody tr").first
        row.locator(".row-quote summary").click()
        quote = row.locator(".row-quote blockquote")
        assert quote.is_visible()
        assert page.evaluate(width) == [table, box]
        shown = quote.bounding_box()
        assert shown["x"] >= 0 and shown["x"] + shown["width"] <= 1280 and shown["width"] >= 200
    finally:
        page.close()


def test_the_compare_page_reads_as_cards_on_a_phone(chromium, record_site):
    """At phone width each country's difference is a card whose cells say what they are: nothing to
    scroll sideways for, and the days' headings read beside each state."""
    page = chromium.new_page(viewport={"width": 375, "height": 812})
    try:
        page.goto(f"{record_site}/proposals/gaza-isf/changes?from=2025-11-01&to=2026-03-01")
        sizes = page.evaluate("() => { const t = document.querySelector('table.compare-table');"
                              " return [t.scrollWidth, t.parentElement.clientWidth]; }")
        assert sizes[0] <= sizes[1], sizes
        label = page.evaluate("() => getComputedStyle(document.querySelector('table.compare-table td'), '::before')"
                              ".content")
        assert label == '"1 Nov 2025"'
    finally:
        page.close()
