"""On the wire: answers compressed as the reader accepts (once per data version), ETags per encoding
that answer 304, every public page, feed and read-API answer conditional, static files cached for a
year under versioned addresses, and signed-in answers kept by nobody."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import re
from pathlib import Path

import brotli
import httpx
import pytest
from fastapi.testclient import TestClient

from app.cache import CACHEABLE, CacheMiddleware, negotiate
from app.main import create_app
from tests.conftest import API_BODY, add_token, add_user, sign_in
from tests.live import live_server

STATIC = Path(__file__).resolve().parent.parent / "static"
SWAGGER = "/static/vendor/swagger-ui-5.35.0/swagger-ui-bundle.js"
STANCES = "/api/v1/proposals/gaza-isf/stances"
BODY = {**API_BODY, "conditions": []}
IDENTITY = {"Accept-Encoding": "identity"}
GZIP = {"Accept-Encoding": "gzip"}
BR = {"Accept-Encoding": "br"}
BROWSER = {"Accept-Encoding": "gzip, deflate, br, zstd"}


def raw(http: httpx.Client, method: str, url: str, headers: dict) -> tuple[httpx.Response, bytes]:
    """The answer and its body exactly as sent (httpx decodes a compressed body on `.content`)."""
    with http.stream(method, url, headers=headers) as reply:
        return reply, b"".join(reply.iter_raw())


def vary(reply: httpx.Response) -> list[str]:
    return [v.strip().lower() for v in reply.headers.get("vary", "").split(",")]


# ---- over real HTTP, from a `serve` process ------------------------------------------------------


@pytest.fixture
def served(backend):
    with live_server({"DATABASE_URL": backend.url}) as base, httpx.Client(base_url=base, timeout=30) as http:
        yield http


def test_the_board_goes_out_compressed_and_decodes_to_exactly_the_identity_body(served):
    plain, identity = raw(served, "GET", "/", IDENTITY)
    assert plain.status_code == 200 and "content-encoding" not in plain.headers
    assert "accept-encoding" in vary(plain) and "hx-request" in vary(plain)
    assert int(plain.headers["content-length"]) == len(identity) and b"Azerbaijan" in identity
    etag = plain.headers["etag"]
    for headers, encoding, decode in ((GZIP, "gzip", gzip.decompress), (BR, "br", brotli.decompress),
                                      (BROWSER, "br", brotli.decompress)):
        reply, sent = raw(served, "GET", "/", headers)
        assert reply.headers["content-encoding"] == encoding, headers
        assert decode(sent) == identity
        assert int(reply.headers["content-length"]) == len(sent) < len(identity) // 3
        assert "accept-encoding" in vary(reply)
        assert reply.headers["etag"] == etag[:-1] + f'-{encoding}"' != etag
        assert reply.headers["cache-control"] == "no-cache"
    # Asked again, the same bytes: compressed once for this version, kept with the answer.
    assert raw(served, "GET", "/", GZIP)[1] == raw(served, "GET", "/", GZIP)[1]


def test_every_encodings_etag_answers_304_and_head_tells_the_size_of_what_get_would_send(served):
    gz, gz_body = raw(served, "GET", "/", GZIP)
    identity = served.get("/", headers=IDENTITY)
    for tag in (gz.headers["etag"], identity.headers["etag"], f'W/{gz.headers["etag"]}'):
        for headers in (GZIP, IDENTITY, BR):
            again, body = raw(served, "GET", "/", {**headers, "If-None-Match": tag})
            assert again.status_code == 304 and body == b"", (tag, headers)
            assert "content-encoding" not in again.headers and "accept-encoding" in vary(again)
    head, body = raw(served, "HEAD", "/", GZIP)
    assert head.status_code == 200 and body == b""
    assert head.headers["content-encoding"] == "gzip" and int(head.headers["content-length"]) == len(gz_body)
    assert head.headers["etag"] == gz.headers["etag"]


NEGOTIATED = [
    ("gzip;q=0", None), ("gzip;q=0, br;q=0", None), ("*;q=0", None), ("identity", None), ("", None),
    ("br;q=0, gzip;q=0.5", "gzip"), ("br;q=0.4, gzip;q=0.9", "gzip"), ("*", "br"), ("gzip, *;q=0", "gzip"),
    ("GZIP", "gzip"), ("x-gzip", "gzip"), ("gzip;q=bogus", None), ("deflate", None), ("gzip;q=0.001", "gzip"),
]


@pytest.mark.parametrize(("accept", "encoding"), NEGOTIATED)
def test_accept_encoding_is_respected_q_zero_refuses_and_identity_is_the_fallback(accept, encoding):
    assert negotiate(accept.encode()) == (encoding or "identity")


def test_each_accept_encoding_gets_what_it_accepts_over_http(served):
    for accept, encoding in NEGOTIATED:
        reply, sent = raw(served, "GET", "/changes", {"Accept-Encoding": accept})
        assert reply.status_code == 200 and reply.headers.get("content-encoding") == encoding, accept
        assert b"Azerbaijan" in {None: bytes, "gzip": gzip.decompress, "br": brotli.decompress}[encoding](sent)


def test_the_swagger_bundle_and_our_stylesheet_go_out_compressed_and_cached_for_a_year(served):
    bundle = (STATIC / "vendor/swagger-ui-5.35.0/swagger-ui-bundle.js").read_bytes()
    reply, sent = raw(served, "GET", SWAGGER, GZIP)
    assert reply.headers["content-encoding"] == "gzip" and gzip.decompress(sent) == bundle
    assert len(sent) < len(bundle) // 3 and "accept-encoding" in vary(reply)
    assert reply.headers["cache-control"] == "public, max-age=31536000, immutable"
    reply, sent = raw(served, "GET", SWAGGER, BR)
    assert reply.headers["content-encoding"] == "br" and brotli.decompress(sent) == bundle
    again, body = raw(served, "GET", SWAGGER, {**GZIP, "If-None-Match": reply.headers["etag"]})
    assert again.status_code == 304 and body == b"" and "content-encoding" not in again.headers

    css = (STATIC / "css/app.css").read_bytes()
    href = re.search(r'href="(/static/css/app\.css[^"]*)"', served.get("/").text).group(1)
    assert href == f"/static/css/app.css?v={hashlib.sha256(css).hexdigest()[:12]}"
    reply, sent = raw(served, "GET", href, GZIP)
    assert reply.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert gzip.decompress(sent) == css
    for unversioned in ("/static/css/app.css", "/static/css/app.css?v=000000000000"):
        reply, sent = raw(served, "GET", unversioned, IDENTITY)
        assert reply.headers["cache-control"] == "no-cache" and sent == css, unversioned


# ---- through the application ------------------------------------------------------------------------


@pytest.fixture
def writer_headers(database) -> dict:
    add_user(database, "newsroom", "editor")
    return {"Authorization": f"Bearer {add_token(database, 'newsroom', 'write')}"}


# (One stance for a past day is not among them: its tag names the latest version, so it is always
# sent whole; tests/test_api_writes.py shows why.)
CONDITIONAL = [
    "/proposals/gaza-isf/countries/AZE",
    "/proposals/gaza-isf/countries/AZE?as_of=2100-01-01",
    "/proposals/gaza-isf/countries/AZE?known_at=2100-01-01",
    "/changes.atom",
    "/proposals/gaza-isf/changes.atom",
    "/proposals/gaza-isf/countries/AZE/changes.atom",
    "/changes",
    "/api/v1/changes",
    "/proposals/gaza-isf/changes",
    f"{STANCES}/AZE/history",
    "/sources/1",
    "/api/v1/sources/1",
    "/openapi.json",
]


UNCHANGED_BY_A_STANCE = {"/openapi.json"}


def test_country_pages_feeds_and_changes_answer_304_until_a_write_changes_their_etag(client, writer_headers):
    before = {}
    for url in CONDITIONAL:
        first = client.get(url, headers=GZIP)
        assert first.status_code == 200 and first.headers["cache-control"] == "no-cache", url
        etag = before[url] = first.headers["etag"]
        for tag in (etag, etag.replace("-gzip", "")):
            again = client.get(url, headers={**GZIP, "If-None-Match": tag})
            assert again.status_code == 304 and again.content == b"", (url, tag)
    current = client.get(f"{STANCES}/AZE").headers["etag"]
    put = client.put(f"{STANCES}/AZE", json=BODY, headers={**writer_headers, "If-Match": current})
    assert put.status_code == 200
    for url in CONDITIONAL:
        fresh = client.get(url, headers={**GZIP, "If-None-Match": before[url]})
        if url in UNCHANGED_BY_A_STANCE:
            # The tag names the bytes: an answer the write left as it was is still not modified.
            assert fresh.status_code == 304, url
        else:
            assert fresh.status_code == 200 and fresh.headers["etag"] != before[url], url
    assert "Will send engineers." in client.get("/proposals/gaza-isf/countries/AZE").text
    assert "Will send engineers." in client.get("/proposals/gaza-isf/countries/AZE/changes.atom").text


def test_one_stance_keeps_its_own_etag_which_if_match_takes_whatever_the_reader_accepts(client, writer_headers):
    url = f"{STANCES}/IDN"
    for headers in (BROWSER, IDENTITY):
        reply = client.get(url, headers=headers)
        assert "content-encoding" not in reply.headers and "-gzip" not in reply.headers["etag"]
        assert client.get(url, headers={**headers, "If-None-Match": reply.headers["etag"]}).status_code == 304
    etag = client.get(url, headers=BROWSER).headers["etag"]
    put = client.put(url, json=BODY, headers={**writer_headers, **BROWSER, "If-Match": etag})
    assert put.status_code == 200 and put.headers["etag"] == client.get(url, headers=BROWSER).headers["etag"]


def test_small_answers_are_not_compressed(client):
    docs = client.get("/docs", headers=GZIP)
    assert docs.status_code == 200 and len(docs.content) < 1024
    assert "content-encoding" not in docs.headers and "accept-encoding" not in vary(docs)


def test_signed_in_pages_forms_and_the_sign_in_page_are_kept_by_nobody(client, database):
    assert client.get("/", headers=GZIP).headers["cache-control"] == "no-cache"
    login = client.get("/login", headers=GZIP)
    assert login.headers["cache-control"] == "private, no-store" and "set-cookie" in login.headers
    assert "content-encoding" not in login.headers  # a page holding a token is never compressed
    add_user(database, "amira")
    sign_in(client, "amira")
    for url in ("/", "/proposals/gaza-isf/countries/AZE", "/proposals/gaza-isf/countries/AZE/edit", "/import",
                "/changes", STANCES):
        reply = client.get(url, headers=GZIP)
        assert reply.status_code == 200 and reply.headers["cache-control"] == "private, no-store", url
        assert "content-encoding" not in reply.headers and "etag" not in reply.headers, url
    # Static files are the same for everyone: a signed-in reader caches them like anyone.
    reply = client.get(SWAGGER, headers=GZIP)
    assert reply.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert reply.headers["content-encoding"] == "gzip"


def test_what_the_cache_admits_is_public_reading_only():
    public = ["/", "/proposals/gaza-isf", "/proposals/gaza-isf/countries/AZE", "/proposals/gaza-isf/countries/aze",
              "/proposals/gaza-isf/countries/AZE/changes.atom", "/proposals/gaza-isf/changes.atom",
              "/proposals/gaza-isf/changes", "/changes", "/changes.atom", "/sources/1", "/docs", "/openapi.json",
              "/api/v1/proposals", "/api/v1/proposals/gaza-isf", STANCES, f"{STANCES}.csv", f"{STANCES}/AZE",
              f"{STANCES}/AZE/history", "/api/v1/proposals/gaza-isf/projection", "/api/v1/changes",
              "/api/v1/sources/1"]
    private = ["/login", "/logout", "/import", "/imports", "/imports/1", "/imports/1/countries/AZE",
               "/proposals/gaza-isf/countries/new", "/proposals/gaza-isf/countries/AZE/edit",
               "/proposals/gaza-isf/factors/ceasefire/edit", "/api/v1/imports", "/api/v1/imports/1/apply",
               "/api/v1/sources", "/metrics", "/healthz", "/readyz", "/static/css/app.css", "/proposals/gaza-isf/",
               "/bench/reference", "//", "/proposals/../login"]
    assert [p for p in public if not CACHEABLE.match(p)] == []
    assert [p for p in private if CACHEABLE.match(p)] == []


def test_an_answer_made_yesterday_is_made_again_today_and_keeps_its_tag_if_unchanged(backend, monkeypatch):
    """The day is part of the cache's key: the board's "now" is worked out again for today; its tag
    names its bytes, so a board a new day left as it was is still not modified."""
    from app import config

    monkeypatch.setenv("ISF_RESPONSE_CACHE", "false")  # the application's own cache off: ours has the clock
    config.get_settings.cache_clear()
    today = [dt.date(2026, 11, 27)]
    with TestClient(CacheMiddleware(create_app(), today=lambda: today[0])) as c:
        first = c.get("/", headers=GZIP)
        etag = first.headers["etag"]
        assert c.get("/", headers={**GZIP, "If-None-Match": etag}).status_code == 304
        today[0] += dt.timedelta(days=1)
        fresh = c.get("/", headers=GZIP)
        assert fresh.status_code == 200 and (fresh.headers["etag"] == etag) == (fresh.content == first.content)
        assert c.get("/", headers={**GZIP, "If-None-Match": fresh.headers["etag"]}).status_code == 304
    config.get_settings.cache_clear()
