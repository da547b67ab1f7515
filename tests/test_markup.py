"""Every page is markup the Nu HTML Checker accepts: signed out and in, as answered, errors and
re-shown forms included."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from app.config import ROOT_DIR
from tests.conftest import STANCE_FORM, add_user, form_values, sign_in
from tests.test_forms import QUOTE

VNU = ROOT_DIR / "tools" / "e2e" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

PUBLIC = [
    "/",
    "/proposals/gaza-isf?status=conditional&status=considering&condition=ceasefire",
    "/proposals/gaza-isf?as_of=2000-01-01",
    "/proposals/gaza-isf?as_of=not-a-day",
    "/proposals/gaza-isf?assume=un-mandate",
    "/proposals/gaza-isf/countries/AZE",
    "/proposals/gaza-isf/countries/AZE?as_of=2000-01-01",
    "/proposals/gaza-isf/timeline",
    "/proposals/gaza-isf/changes",
    "/changes",
    "/sources/1",
    "/login",
    "/no-such-page",
]
SIGNED_IN = [
    "/",
    "/proposals/gaza-isf/countries/AZE",
    "/proposals/gaza-isf/countries/AZE/edit",
    "/proposals/gaza-isf/countries/new?q=emirati",
    "/proposals/gaza-isf/factors/un-mandate/edit",
    "/import",
    "/imports",
]


def _check(pages: dict[str, str], tmp_path) -> list[str]:
    """The checker's errors for PAGES (name → HTML), one line each."""
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.skip("the Nu HTML Checker needs Java and tools/e2e's vnu-jar (make install-test)")
    files = {}
    for i, (name, html) in enumerate(pages.items()):
        path = tmp_path / f"page-{i}.html"
        path.write_text(html, encoding="utf-8")
        files[path.name] = name
    run = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, (tmp_path / f"page-{i}.html" for i in range(len(pages))))],
                         capture_output=True, text=True, timeout=300)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    return [f"{files.get((m.get('url') or '').rsplit('/', 1)[-1], m.get('url'))}: {m.get('message')} [{(m.get('extract') or '').strip()[:120]}]"
            for m in messages if m.get("type") in ("error", "non-document-error")]


def test_every_page_passes_the_nu_html_checker(client, database, tmp_path):
    pages = {}
    for url in PUBLIC:
        pages[f"GET {url}"] = client.get(url).text
    add_user(database, "editor", "editor")
    csrf = sign_in(client, "editor")
    for url in SIGNED_IN:
        reply = client.get(url)
        assert reply.status_code == 200, (url, reply.status_code)
        pages[f"GET {url} (signed in)"] = reply.text
    # A form shown again with what was typed: an impossible date, a negative figure.
    edit = "/proposals/gaza-isf/countries/AZE/edit"
    typed = {**form_values(client.get(edit).text, STANCE_FORM), "csrf_token": csrf, "stated_on": "2026-02-30", "offered_max": "-5",
             "quote": "x"}
    again = client.post(edit, data=typed, follow_redirects=False)
    assert again.status_code == 422, again.status_code
    pages[f"POST {edit} (re-shown)"] = again.text
    # The conflict page: a colleague's summary and ours, typed on the same version.
    stale = {**form_values(client.get(edit).text, STANCE_FORM), "csrf_token": csrf, "source_id": "1", "quote": QUOTE,
             "reason": "New statement"}
    assert client.post(edit, data={**stale, "summary": "A colleague's summary."}, follow_redirects=False).status_code == 303
    clash = client.post(edit, data={**stale, "summary": "My summary."}, follow_redirects=False)
    assert clash.status_code == 409, clash.status_code
    pages[f"POST {edit} (conflict)"] = clash.text
    # A disputed row, and the country page setting the two reports side by side.
    disputed = {**form_values(client.get(edit).text, STANCE_FORM), "csrf_token": csrf, "source_id": "1", "reason": "r",
                "dispute": "One report says otherwise.", "quote": "gauge their willingness"}
    assert client.post(edit, data=disputed, follow_redirects=False).status_code == 303
    pages["GET / (a disputed row)"] = client.get("/").text
    pages["GET /proposals/gaza-isf/countries/AZE (disputed)"] = client.get("/proposals/gaza-isf/countries/AZE").text
    assert "Reports disagree" in pages["GET /proposals/gaza-isf/countries/AZE (disputed)"]
    errors = _check(pages, tmp_path)
    assert not errors, "\n".join(errors)


def test_robots_and_the_favicon_answer(client):
    robots = client.get("/robots.txt")
    assert robots.status_code == 200 and robots.headers["content-type"].startswith("text/plain")
    assert "User-agent: *" in robots.text and "Disallow: /login" in robots.text and "Disallow: /\n" not in robots.text
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"] == "image/svg+xml" and icon.content.startswith(b"<svg")
