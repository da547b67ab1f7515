"""The ceiling `make bench` compares the tracker with: precomputed bytes, served from memory.

A plain ASGI callable (no framework, no middleware), run by uvicorn in a process of its own with
the settings `isf-tracker serve` gives uvicorn (app/cli.py): one worker, uvicorn's automatic choice
of event loop and HTTP parser, no access log, no Server header, no proxy headers. A page of ours
that did no work at all could go no faster than this.

    GET /?size=N     N bytes of "x" (text/html), made once per size and kept
    GET /NAME        the bytes of the file NAME in $BENCH_REFERENCE_DIR, read at start-up;
                     a name ending in .gz is sent with `Content-Encoding: gzip`

Run: python bench/reference.py PORT
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import parse_qs

MAX_SIZE = 10_000_000
HTML = b"text/html; charset=utf-8"

_sized: dict[int, list] = {}
_files: dict[str, list] = {}


def _answer(body: bytes, encoding: bytes | None = None) -> list:
    """The start message's headers and the body, made once."""
    headers = [(b"content-type", HTML), (b"content-length", str(len(body)).encode())]
    if encoding:
        headers.append((b"content-encoding", encoding))
    return [headers, body]


def load(directory: str | None) -> None:
    """Keep every file in DIRECTORY in memory, by name."""
    if not directory:
        return
    for path in Path(directory).iterdir():
        if path.is_file():
            _files["/" + path.name] = _answer(path.read_bytes(), b"gzip" if path.name.endswith(".gz") else None)


async def app(scope, receive, send) -> None:
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    if scope["type"] != "http":
        return
    path = scope["path"]
    if path == "/":
        sizes = parse_qs(scope["query_string"].decode("latin-1")).get("size", ["0"])
        try:
            size = max(0, min(int(sizes[0]), MAX_SIZE))
        except ValueError:
            size = 0
        answer = _sized.get(size)
        if answer is None:
            answer = _sized[size] = _answer(b"x" * size)
        status = 200
    elif path in _files:
        answer, status = _files[path], 200
    else:
        answer, status = _answer(b"not found"), 404
    await send({"type": "http.response.start", "status": status, "headers": answer[0]})
    await send({"type": "http.response.body", "body": answer[1]})


load(os.environ.get("BENCH_REFERENCE_DIR"))


def main() -> None:
    import uvicorn

    port = int(sys.argv[1])
    # As app/cli.py `serve` calls uvicorn.run: loop and http left to uvicorn's "auto", one worker,
    # no access log, no Server header, no proxy headers when no proxy is trusted.
    uvicorn.run(app, host="127.0.0.1", port=port, workers=1, access_log=False, server_header=False,
                proxy_headers=False, forwarded_allow_ips=None, log_level="warning")


if __name__ == "__main__":
    main()
