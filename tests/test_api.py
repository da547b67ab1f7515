"""The read API: content, filters, paging, ETags, CSV, errors."""

from __future__ import annotations

import csv
import io

import pytest

from tests.conftest import ARTICLE, add_token, add_user

API = "/api/v1"


def test_stances_lists_the_six_seeded_countries(client):
    reply = client.get(f"{API}/proposals/gaza-isf/stances")
    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith("application/json")
    stances = reply.json()
    assert [s["country"] for s in stances] == ["ARE", "AZE", "EGY", "IDN", "QAT", "TUR"]
    assert {s["country"]: s["status"] for s in stances} == {
        "ARE": "considering", "AZE": "conditional", "EGY": "considering",
        "IDN": "considering", "QAT": "considering", "TUR": "considering",
    }
    assert "Link" not in reply.headers


def test_azerbaijan_is_conditional_with_two_conditions_each_citing_the_article(client):
    aze = client.get(f"{API}/proposals/gaza-isf/stances/AZE").json()
    assert aze["country_name"] == "Azerbaijan"
    assert aze["flag"] == "\U0001f1e6\U0001f1ff"
    assert aze["status"] == "conditional"
    assert aze["troops"] == {"offered_min": None, "offered_max": None, "committed": None, "deployed": None}
    assert aze["stated_on"] == "2025-11-07"
    assert aze["version"] == 1
    assert aze["updated_at"].endswith("Z")
    assert "troop safety" in aze["summary"]
    assert [(c["category"], c["state"], c["factor"]) for c in aze["conditions"]] == [
        ("ceasefire", "unmet", "cessation-of-hostilities"),
        ("domestic_approval", "unmet", None),
    ]
    for condition in aze["conditions"]:
        assert condition["citations"], condition
        for citation in condition["citations"]:
            assert citation["source_id"] == 1
            assert citation["quote"] in ARTICLE
    assert all(c["quote"] in ARTICLE for c in aze["citations"])


def test_proposal_carries_totals_target_and_factors_with_slugs(client):
    proposals = client.get(f"{API}/proposals").json()
    assert [p["slug"] for p in proposals] == ["gaza-isf"]
    p = client.get(f"{API}/proposals/gaza-isf").json()
    assert p == proposals[0]
    assert (p["target_troops"], p["sponsor"], p["sponsor_country"]) == (20000, "United States", "USA")
    assert p["resolution"]["state"] == "drafted"
    assert p["totals"]["by_status"] == {
        "deployed": 0, "committed": 0, "conditional": 1, "considering": 5, "declined": 0, "withdrawn": 0,
    }
    assert p["totals"]["countries"] == 6
    assert p["totals"]["target_troops_approximate"] is True
    assert [(f["slug"], f["state"]) for f in p["factors"]] == [
        ("cessation-of-hostilities", "unmet"), ("un-mandate", "unmet"), ("hamas-disarmament", "unmet"),
    ]
    assert all(f["citations"] and f["citations"][0]["quote"] in ARTICLE for f in p["factors"])
    fields = {c["field"] for c in p["citations"]}
    assert {"target_troops", "sponsor", "resolution", "context_notes"} <= fields


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=conditional", ["AZE"]),
        ("status=considering&status=conditional", ["ARE", "AZE", "EGY", "IDN", "QAT", "TUR"]),
        ("status=declined", []),
        ("condition=domestic_approval", ["AZE"]),
        ("condition=funding", []),
        ("status=considering&condition=ceasefire", []),
    ],
)
def test_stance_filters(client, query, expected):
    reply = client.get(f"{API}/proposals/gaza-isf/stances?{query}")
    assert reply.status_code == 200
    assert [s["country"] for s in reply.json()] == expected


def test_stances_page_with_limit_and_a_link_to_the_next_page(client):
    seen = []
    url = f"{API}/proposals/gaza-isf/stances?limit=4"
    while url:
        reply = client.get(url)
        assert reply.status_code == 200
        seen += [s["country"] for s in reply.json()]
        link = reply.headers.get("link")
        url = link.split(";")[0].strip("<>") if link else None
        if url:
            assert link.endswith('rel="next"')
    assert seen == ["ARE", "AZE", "EGY", "IDN", "QAT", "TUR"]


def test_bad_filters_answer_422_naming_the_parameter(client):
    reply = client.get(f"{API}/proposals/gaza-isf/stances?status=maybe")
    assert reply.status_code == 422
    assert reply.json()["detail"][0]["loc"] == ["query", "status", 0]
    reply = client.get(f"{API}/proposals/gaza-isf/stances?limit=0")
    assert reply.status_code == 422
    assert reply.json()["detail"][0]["loc"] == ["query", "limit"]


def test_unknown_things_answer_404_as_json(client):
    for url in (f"{API}/proposals/nope", f"{API}/proposals/gaza-isf/stances/FRA", f"{API}/sources/99",
                f"{API}/proposals/nope/stances"):
        reply = client.get(url)
        assert reply.status_code == 404, url
        assert isinstance(reply.json()["detail"], str)


def test_stance_etag_is_strong_and_answers_304_when_unchanged(client):
    first = client.get(f"{API}/proposals/gaza-isf/stances/IDN")
    etag = first.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert client.get(f"{API}/proposals/gaza-isf/stances/idn").headers["etag"] == etag
    again = client.get(f"{API}/proposals/gaza-isf/stances/IDN", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    other = client.get(f"{API}/proposals/gaza-isf/stances/IDN", headers={"If-None-Match": '"stale"'})
    assert other.status_code == 200
    assert client.get(f"{API}/proposals/gaza-isf/stances/EGY").headers["etag"] != etag


def test_a_weak_if_none_match_of_the_stance_etag_answers_304(client):
    etag = client.get(f"{API}/proposals/gaza-isf/stances/IDN").headers["etag"]
    for header in (f"W/{etag}", f'"stale", W/{etag}', "*"):
        reply = client.get(f"{API}/proposals/gaza-isf/stances/IDN", headers={"If-None-Match": header})
        assert reply.status_code == 304 and reply.content == b"", header
        assert reply.headers["etag"] == etag  # the tag stays strong: it is what If-Match takes
    assert client.get(f"{API}/proposals/gaza-isf/stances/IDN", headers={"If-None-Match": 'W/"stale"'}).status_code == 200


def test_a_stance_with_a_condition_on_a_factor_is_always_sent_whole(client):
    """Azerbaijan's ceasefire condition hangs on a factor, whose change moves it without a new version
    of the stance: its tag cannot say the answer is unchanged, so it is never a 304."""
    first = client.get(f"{API}/proposals/gaza-isf/stances/AZE")
    assert any(c["factor"] for c in first.json()["conditions"])
    again = client.get(f"{API}/proposals/gaza-isf/stances/AZE", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 200 and again.json() == first.json()
    assert again.headers["etag"] == first.headers["etag"]  # still what If-Match takes


def test_etag_changes_when_the_stance_changes(client, database):
    from app.schemas import StanceData
    from app.services.board import get_proposal
    from app.services.stances import set_stance

    etag = client.get(f"{API}/proposals/gaza-isf/stances/QAT").headers["etag"]
    with database.write_session() as s:
        set_stance(
            s, proposal=get_proposal(s, "gaza-isf"), country_code="QAT",
            data=StanceData(status="declined", citations=[{"source_id": 1, "quote": "Qatar"}]),
            actor="tester", via="api",
        )
    reply = client.get(f"{API}/proposals/gaza-isf/stances/QAT", headers={"If-None-Match": etag})
    assert reply.status_code == 200
    assert reply.json()["status"] == "declined" and reply.headers["etag"] != etag


def test_history_lists_the_changes_of_a_stance_with_their_hashes(client):
    history = client.get(f"{API}/proposals/gaza-isf/stances/AZE/history").json()
    assert len(history) == 1
    change = history[0]
    assert (change["entity"], change["country"], change["proposal"], change["via"]) == ("stance", "AZE", "gaza-isf", "seed")
    assert change["before"] is None and change["after"]["status"] == "conditional"
    assert len(change["hash"]) == 64 and len(change["prev_hash"]) == 64
    assert change["changed_at"].endswith("Z")


def test_sources_show_unknown_metadata_as_null(client):
    sources = client.get(f"{API}/sources").json()
    assert len(sources) == 1
    s = sources[0]
    assert (s["publisher"], s["url"], s["published_on"]) == (None, None, None)
    assert s["title_is_descriptive"] is True and s["has_text"] is True
    detail = client.get(f"{API}/sources/{s['id']}").json()
    assert detail["text"] == ARTICLE
    assert len(detail["citations"]) >= 17


def test_stances_csv_has_a_row_per_country(client):
    reply = client.get(f"{API}/proposals/gaza-isf/stances.csv")
    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith("text/csv")
    assert "attachment" in reply.headers["content-disposition"]
    assert reply.content.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark, for spreadsheets
    rows = list(csv.DictReader(io.StringIO(reply.content.decode("utf-8-sig"))))
    assert [r["country"] for r in rows] == ["ARE", "AZE", "EGY", "IDN", "QAT", "TUR"]
    aze = rows[1]
    assert aze["status"] == "conditional"
    assert "[ceasefire, unmet]" in aze["conditions"] and "[domestic_approval, unmet]" in aze["conditions"]
    assert aze["offered_min"] == ""
    # The seed article has no title of its own, publisher or date: the row says so, as the pages do.
    assert aze["sources"].startswith("[our description; untitled] ")
    assert aze["sources"].endswith("(publisher unknown, date unknown)")
    only = client.get(f"{API}/proposals/gaza-isf/stances.csv?status=conditional").text
    assert len(list(csv.DictReader(io.StringIO(only)))) == 1


def test_csv_cells_that_look_like_formulas_are_kept_as_text():
    from app.routes.api import _csv_cell

    assert _csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _csv_cell("-5") == "'-5"
    assert _csv_cell("Azerbaijan") == "Azerbaijan"
    assert _csv_cell(None) == ""


def test_health_and_readiness(client):
    assert client.get("/healthz").json() == {"status": "ok", "working": 0, "waiting": 0, "reading": 0, "articles": 0,
                                             "articles_waiting": 0}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["status"] == "ok"


def test_openapi_documents_the_read_api_and_its_status_codes(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/v1/proposals", "/api/v1/proposals/{slug}", "/api/v1/proposals/{slug}/stances",
        "/api/v1/proposals/{slug}/stances.csv", "/api/v1/proposals/{slug}/stances/{iso3}",
        "/api/v1/proposals/{slug}/stances/{iso3}/history", "/api/v1/sources", "/api/v1/sources/{source_id}",
        "/healthz", "/readyz",
    ):
        assert "get" in paths[path], path
    assert "304" in paths["/api/v1/proposals/{slug}/stances/{iso3}"]["get"]["responses"]
    assert "404" in paths["/api/v1/proposals/{slug}/stances/{iso3}"]["get"]["responses"]
    assert "StanceOut" in spec["components"]["schemas"]


def test_api_docs_load_nothing_from_elsewhere(client):
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui-" in html
    assert "cdn" not in html.lower()
    assert client.get("/static/vendor/swagger-ui-5.35.0/swagger-ui-bundle.js").status_code == 200


@pytest.mark.parametrize("path", ["/stances", "/stances.csv", "/stances/AZE", "/stances/AZE/history", "/timeline",
                                  "/projection", ""])
def test_an_empty_date_or_condition_is_the_same_as_none(client, path):
    """As the board's own forms send an unfilled field: `as_of=` is not a 422 on the API."""
    url = f"/api/v1/proposals/gaza-isf{path}"
    empty = client.get(url + ("?as_of=&known_at=&condition=" if path in ("/stances", "/stances.csv") else "?as_of=&known_at="))
    assert empty.status_code == 200, empty.text
    assert empty.content == client.get(url).content


def test_every_stance_in_the_list_names_the_version_if_match_needs(client, database):
    """A statement recorded now for an earlier day is not the board's position: the list shows the
    position (its version) and, like one stance's GET, the latest recorded version its ETag names."""
    add_user(database, "desk", "editor")
    client.headers["Authorization"] = f"Bearer {add_token(database, 'desk', 'write')}"
    url = "/api/v1/proposals/gaza-isf/stances/QAT"
    put = client.put(url, headers={"If-Match": client.get(url).headers["etag"]},
                     json={"status": "declined", "stated_on": "2025-10-01", "reason": "an earlier statement",
                           "citation": {"source_id": 1, "quote": "Azerbaijan"}})
    assert put.status_code == 200 and put.json()["current_position"] is False
    listed = next(s for s in client.get("/api/v1/proposals/gaza-isf/stances").json() if s["country"] == "QAT")
    assert (listed["status"], listed["version"], listed["latest_version"]) == ("considering", 1, 2)
    assert client.get(url).json()["latest_version"] == listed["latest_version"]  # what its ETag names
    assert all(s["latest_version"] == s["version"] for s in client.get("/api/v1/proposals/gaza-isf/stances").json()
               if s["country"] != "QAT")
