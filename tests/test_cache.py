"""The response cache: public board and API answers are reused while the data is unchanged, and
a write made through any instance is visible on the very next request to every instance."""

from __future__ import annotations

import anyio
import httpx
import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy import event

from app.main import create_app
from app.schemas import StanceData
from app.services.board import get_proposal
from app.services.stances import set_stance
from tests.conftest import add_user, sign_in

QUOTE = "Azerbaijan has made it clear that it will not send peacekeepers to Gaza"


class StatementCounter:
    """Statements run through SQLAlchemy, and connections taken from the pool (the data version is
    read on a bare driver connection, which only the second count sees)."""

    def __init__(self, engine) -> None:
        self.count = 0
        self.checkouts = 0
        self.engine = engine
        event.listen(engine, "before_cursor_execute", self._seen)
        event.listen(engine, "checkout", self._checkout)

    def _seen(self, conn, cursor, statement, *args) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK")):
            self.count += 1

    def _checkout(self, *args) -> None:
        self.checkouts += 1

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._seen)
        event.remove(self.engine, "checkout", self._checkout)


def _head_checkouts(database) -> int:
    """Pool checkouts a cached answer costs: SQLite reads the head on a connection of its own, outside
    the pool; PostgreSQL on one pooled connection."""
    return 0 if database.engine.dialect.name == "sqlite" else 1


def _write(database, status: str) -> None:
    with database.write_session() as s:
        set_stance(s, proposal=get_proposal(s, "gaza-isf"), country_code="QAT", actor="desk", via="api",
                   data=StanceData.model_validate({"status": status, "citations": [{"source_id": 1, "quote": QUOTE}]}))


def _qat(html: str) -> str:
    return BeautifulSoup(html, "html.parser").select_one("#row-QAT .badge").get_text(strip=True)


def test_a_repeated_board_request_costs_one_lookup(client, database):
    first = client.get("/")
    client.get("/api/v1/proposals/gaza-isf/stances")
    counter = StatementCounter(database.engine)
    try:
        second = client.get("/")
        board = (counter.count, counter.checkouts)
        api_again = client.get("/api/v1/proposals/gaza-isf/stances")
        api = (counter.count - board[0], counter.checkouts - board[1])
    finally:
        counter.close()
    assert second.content == first.content and api_again.status_code == 200
    # No query or session beyond the data version: on SQLite it is read on a connection of its own,
    # outside the pool; on PostgreSQL on one pooled connection.
    assert board == api == (0, _head_checkouts(database))


def test_cached_answers_carry_an_etag_and_answer_304(client):
    first = client.get("/")
    etag = first.headers["etag"]
    again = client.get("/", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert "content-security-policy" in again.headers


def test_an_etag_names_the_answer_not_the_request_or_the_data_version(client, database):
    """The same bytes keep their tag: a country page asked with htmx's header (the same page, so no
    Vary for it), or after a write that changed another country only; the page that changed gets a
    new one."""
    page = "/proposals/gaza-isf/countries/EGY"
    plain, htmx = client.get(page), client.get(page, headers={"HX-Request": "true"})
    assert plain.content == htmx.content and plain.headers["etag"] == htmx.headers["etag"]
    assert "hx-request" not in plain.headers.get("vary", "").lower()
    qatar = client.get("/proposals/gaza-isf/countries/QAT").headers["etag"]
    _write(database, "declined")
    assert client.get(page, headers={"If-None-Match": plain.headers["etag"]}).status_code == 304
    changed = client.get("/proposals/gaza-isf/countries/QAT", headers={"If-None-Match": qatar})
    assert changed.status_code == 200 and changed.headers["etag"] != qatar
    # The board's what-if panel is another answer to htmx: its own tag, and Vary says so.
    board, panel = client.get("/"), client.get("/", headers={"HX-Request": "true"})
    assert board.headers["etag"] != panel.headers["etag"] and "HX-Request" in board.headers["vary"]


PAST = "/?as_of=2100-01-01"  # a day after every recorded change: the board as it stands, asked by day


@pytest.mark.parametrize("path", ["/", PAST], ids=["board", "past-day"])
def test_a_write_is_visible_on_the_next_request_from_every_instance(backend, database, path):
    """Also for a past day: a write can change the past (a stance stated on an earlier day, recorded
    now), so history answers are kept under the data version like every other answer."""
    with TestClient(create_app()) as a, TestClient(create_app()) as b:
        assert _qat(a.get(path).text) == _qat(b.get(path).text) == "Considering"
        etag = b.get(path).headers["etag"]
        _write(database, "declined")  # made elsewhere: neither instance was told
        assert _qat(a.get(path).text) == "Declined"
        fresh = b.get(path, headers={"If-None-Match": etag})
        assert fresh.status_code == 200 and _qat(fresh.text) == "Declined"
        assert b.get("/api/v1/proposals/gaza-isf/stances?status=declined").json()[0]["country"] == "QAT"


def test_signed_in_pages_are_never_served_from_the_cache(client, database):
    anonymous = client.get("/").text
    add_user(database, "amira")
    sign_in(client, "amira")
    mine = client.get("/").text
    assert "amira" in mine and "amira" not in anonymous
    client.cookies.clear()
    assert "amira" not in client.get("/").text


def test_htmx_fragments_and_full_pages_are_cached_apart(client):
    full = client.get("/")
    partial = client.get("/", headers={"HX-Request": "true"})
    assert client.get("/").content == full.content
    assert client.get("/", headers={"HX-Request": "true"}).content == partial.content


def _entry(key: tuple, size: int, kind: str = "plain"):
    from app.cache import Entry

    return Entry(key, kind, [(b"content-type", b"text/html; charset=utf-8")], b"x" * size, b"tag")


def test_answers_for_a_version_left_behind_are_dropped_not_kept():
    from app.cache import ResponseCache

    cache = ResponseCache()
    cache.see_version("v1")
    cache.put(_entry(("/", b"", b"host", b"", b"", "v1"), 1000))
    assert cache.get(("/", b"", b"host", b"", b"", "v1"), "plain") is not None
    cache.see_version("v2")  # a write happened: nothing made for v1 can be served again
    assert cache.get(("/", b"", b"host", b"", b"", "v1"), "plain") is None and cache.bytes("plain") == 0
    cache.put(_entry(("/api", b"", b"host", b"", b"", "v1"), 4))  # finished after the write
    assert cache.get(("/api", b"", b"host", b"", b"", "v1"), "plain") is None and len(cache) == 0


def _asked_together(app, path: str, n: int, first=None) -> list[httpx.Response]:
    """N requests for PATH sent to APP at once (over ASGI, in one event loop), after the coroutine
    FIRST(client) when given."""

    async def main() -> list[httpx.Response]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://board") as c:
            if first is not None:
                await first(c)
            replies: list[httpx.Response] = []

            async def ask() -> None:
                replies.append(await c.get(path))

            async with anyio.create_task_group() as tg:
                for _ in range(n):
                    tg.start_soon(ask)
            return replies

    return anyio.run(main)


def test_readers_arriving_together_after_a_write_wait_for_one_rendering(backend, database):
    """After a write, everyone polling the board asks for it at once: one of them renders it, the
    others are answered with that page (and it shows the write)."""
    app = create_app()
    renders = []

    def seen(conn, cursor, statement, *args) -> None:
        if "proposals.theatre" in statement:  # once per board read (its proposal)
            renders.append(statement)

    async def write_after_a_first_look(c: httpx.AsyncClient) -> None:
        assert (await c.get("/")).status_code == 200
        _write(database, "declined")
        renders.clear()

    event.listen(database.engine, "before_cursor_execute", seen)
    try:
        replies = _asked_together(app, "/", 12, first=write_after_a_first_look)
    finally:
        event.remove(database.engine, "before_cursor_execute", seen)
    assert len(replies) == 12 and {r.status_code for r in replies} == {200}
    assert {_qat(r.text) for r in replies} == {"Declined"}
    assert len({r.content for r in replies}) == 1
    assert len(renders) == 1


def test_readers_waiting_on_an_answer_that_cannot_be_kept_get_their_own(client):
    """A 400 is passed through, not kept: the readers who waited for it are answered by the app."""
    replies = _asked_together(create_app(), "/?status=bogus", 8)
    assert len(replies) == 8 and {r.status_code for r in replies} == {400}
    assert all("Unknown status &#39;bogus&#39;" in r.text for r in replies)


def _statements(database, path: str, client) -> tuple[int, int, httpx.Response]:
    counter = StatementCounter(database.engine)
    try:
        reply = client.get(path)
        return counter.count, counter.checkouts, reply
    finally:
        counter.close()


def test_a_past_day_asked_again_is_made_once_per_version(client, database):
    first = client.get(PAST)
    assert first.status_code == 200 and "A day still to come:" in first.text
    count, checkouts, again = _statements(database, PAST, client)
    assert again.content == first.content
    assert (count, checkouts) == (0, _head_checkouts(database))  # only the data version was read
    etag = again.headers["etag"]
    assert client.get(PAST, headers={"If-None-Match": etag}).status_code == 304
    # The what-if on that day, asked for by htmx, is an answer of its own.
    partial = client.get(PAST + "&assume=", headers={"HX-Request": "true"})
    assert partial.status_code == 200 and "<html" not in partial.text


def test_past_days_are_kept_apart_and_never_push_out_the_board(client, database):
    from app.cache import KINDS

    HISTORY_MAX_ENTRIES = KINDS["history"].max_entries
    client.get("/")
    for n in range(HISTORY_MAX_ENTRIES + 4):
        assert client.get(f"/?as_of=2100-01-{n + 1:02d}").status_code == 200
    count, checkouts, board = _statements(database, "/", client)
    assert board.status_code == 200 and (count, checkouts) == (0, _head_checkouts(database))  # still kept
    count, _, _ = _statements(database, f"/?as_of=2100-01-{HISTORY_MAX_ENTRIES + 4:02d}", client)
    assert count == 0  # the latest days are kept
    count, _, _ = _statements(database, "/?as_of=2100-01-01", client)
    assert count > 0  # the oldest made room


def test_each_kind_is_bounded_by_bytes_too_and_only_pushes_out_its_own():
    from app.cache import Budget, ResponseCache

    cache = ResponseCache({"plain": Budget(16, 100_000), "query": Budget(16, 100_000), "history": Budget(16, 4000)})
    cache.see_version("v1")
    cache.put(_entry(("/", b"", b"host", b"", b"", "v1"), 900))
    for n in range(5):
        cache.put(_entry((f"/?as_of={n}", b"", b"host", b"", b"", "v1"), 900, "history"))
    assert cache.bytes("history") <= 4000 and len(cache) == 5  # the board and four days
    assert cache.get(("/?as_of=0", b"", b"host", b"", b"", "v1"), "history") is None
    assert cache.get(("/", b"", b"host", b"", b"", "v1"), "plain") is not None
    cache.put(_entry(("/big", b"", b"host", b"", b"", "v1"), 1001, "history"))  # over a quarter: not kept
    assert cache.get(("/big", b"", b"host", b"", b"", "v1"), "history") is None
    # A compressed form kept with an entry counts in its kind's bytes and may push out older ones.
    kept = cache.get(("/?as_of=4", b"", b"host", b"", b"", "v1"), "history")
    cache.add_variant(kept, "gzip", b"z" * 900)
    assert cache.bytes("history") <= 4000 and cache.get(("/?as_of=1", b"", b"host", b"", b"", "v1"), "history") is None
    assert kept.variants["gzip"][1] == b"z" * 900
    assert cache.get(("/", b"", b"host", b"", b"", "v1"), "plain") is not None
