"""Browser fixtures: Debian's Chromium driven by Playwright, and a real server to point it at."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PASSWORD
from tests.live import cli, live_server

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "tools" / "e2e" / "node_modules" / "axe-core" / "axe.min.js"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is not installed (apt-get install chromium); .ci/run installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def editor_site(tmp_path_factory):
    """A seeded SQLite database with the editor `amira`, served by `isf-tracker serve`."""
    path = tmp_path_factory.mktemp("site") / "site.db"
    env = {"DATABASE_URL": f"sqlite:///{path}"}
    cli("db", "upgrade", env=env)
    cli("seed", "--article-only", env=env)
    cli("user", "add", "amira", "--role", "editor", env=env, input=PASSWORD + "\n")
    with live_server(env) as base:
        yield base


@pytest.fixture(scope="module")
def record_site(tmp_path_factory):
    """The public record as `make run` loads it (the seed article and the public record), with the editor
    `amira`, served by `isf-tracker serve`: real, long content for layout checks and the README's pictures."""
    path = tmp_path_factory.mktemp("record") / "record.db"
    env = {"DATABASE_URL": f"sqlite:///{path}"}
    cli("db", "upgrade", env=env)
    cli("seed", env=env)
    cli("user", "add", "amira", "--role", "editor", env=env, input=PASSWORD + "\n")
    with live_server(env) as base:
        yield base


def axe_violations(page) -> list[dict]:
    """Serious or critical WCAG 2.1 A/AA violations axe-core finds on the page (needs a CSP-bypassing context)."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed (make test installs it with npm into tools/e2e)")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async () => (await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}))
             .violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))"""
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


def sign_in(page, base: str, name: str = "amira") -> None:
    page.goto(f"{base}/login")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")


QUOTE = "Azerbaijan has made it clear that it will not send peacekeepers to Gaza"


def fill_citation(page, reason: str) -> None:
    """Cite the seed article with QUOTE and give REASON, on an edit form."""
    page.select_option("#source_id", "1")
    page.fill("#quote", QUOTE)
    page.fill("#reason", reason)
