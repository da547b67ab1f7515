"""Static files from memory: read once, compressed once per encoding, cached for a year under
versioned addresses.

Vendored files live under versioned folders (`static/vendor/NAME-VERSION/`), so their addresses
change with their content. Our own files (`css/app.css`, `favicon.svg`) are linked through
`static_url("css/app.css")`, which adds `?v=` and the first 12 hex digits of the file's SHA-256.
Either way, an address that names the content gets `Cache-Control: public, max-age=31536000,
immutable`; any other (no version, or one that is not the file's) gets `no-cache`, with an `ETag`
to answer `If-None-Match` with 304.

A file is read, hashed and compressed (gzip, and brotli when installed) the first time it is asked
for, off the event loop, and kept for the life of the process. In development (`reload`) a file
changed on disk is read again, so an edited stylesheet shows on the next load.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs

import anyio
from starlette.exceptions import HTTPException

from app.cache import compress_off_loop, compressible, made_once, negotiate, none_match, tagged

IMMUTABLE = b"public, max-age=31536000, immutable"
REVALIDATE = b"no-cache"
VERSIONED_FOLDER = re.compile(r"^vendor/[A-Za-z0-9_.@-]+-\d[A-Za-z0-9_.+-]*/")
PREFIX = "/static/"  # where main.py mounts this app


@dataclass
class Asset:
    path: Path
    stamp: tuple[int, int]  # (mtime_ns, size) when read
    body: bytes
    content_type: bytes
    version: str  # first 12 hex digits of the SHA-256
    tag: bytes  # the identity ETag's value, unquoted
    compressible: bool
    variants: dict[str, bytes] = field(default_factory=dict)
    pending: dict[str, anyio.Event] = field(default_factory=dict)


def _content_type(name: str) -> bytes:
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/javascript", "application/json", "image/svg+xml"):
        kind += "; charset=utf-8"
    return kind.encode()


class StaticAssets:
    """The ASGI app mounted at /static, and `url()`, the `static_url` of the templates."""

    def __init__(self, directory: Path, reload: bool = False) -> None:
        self.directory = Path(directory).resolve()
        self.reload = reload
        self._assets: dict[str, Asset] = {}
        self._lock = threading.Lock()
        self._files = self._index()

    def _index(self) -> dict[str, Path]:
        """Every regular file under the directory by its address below /static/: nothing else,
        however the path is spelled, can be served."""
        files: dict[str, Path] = {}
        for folder, _, names in os.walk(self.directory):
            for name in names:
                path = Path(folder, name)
                real = path.resolve()
                if real.is_file() and real.is_relative_to(self.directory):
                    files[path.relative_to(self.directory).as_posix()] = real
        return files

    def _path(self, name: str) -> Path | None:
        path = self._files.get(name)
        if path is None and self.reload:  # a file added while developing
            self._files = self._index()
            path = self._files.get(name)
        return path

    def asset(self, name: str) -> Asset | None:
        """The file at NAME (below static/), read and hashed once (blocking: call off the loop)."""
        path = self._path(name)
        if path is None:
            return None
        asset = self._assets.get(name)
        if asset is not None and not self.reload:
            return asset
        try:
            stat = path.stat()
        except FileNotFoundError:
            return None
        stamp = (stat.st_mtime_ns, stat.st_size)
        if asset is not None and asset.stamp == stamp:
            return asset
        with self._lock:
            asset = self._assets.get(name)
            if asset is not None and asset.stamp == stamp:
                return asset
            body = path.read_bytes()
            digest = hashlib.sha256(body).hexdigest()
            content_type = _content_type(name)
            asset = Asset(path, stamp, body, content_type, digest[:12], digest[:32].encode(),
                          compressible(content_type, len(body)))
            self._assets[name] = asset
            return asset

    def url(self, name: str) -> str:
        """The address of static/NAME that may be cached for a year: `?v=` and the file's version,
        or the bare address under a versioned vendor folder."""
        name = name.lstrip("/")
        if VERSIONED_FOLDER.match(name):
            return PREFIX + name
        asset = self.asset(name)
        if asset is None:
            raise ValueError(f"static_url: no file static/{name}")
        return f"{PREFIX}{name}?v={asset.version}"

    def cache_control(self, name: str, asset: Asset, query: bytes) -> bytes:
        if VERSIONED_FOLDER.match(name):
            return IMMUTABLE
        asked = parse_qs(query.decode("latin-1")).get("v", [])
        return IMMUTABLE if asked == [asset.version] else REVALIDATE

    async def __call__(self, scope, receive, send) -> None:
        if scope["method"] not in ("GET", "HEAD"):
            raise HTTPException(status_code=405, headers={"Allow": "GET, HEAD"})
        # Below the mount point (whose path Starlette puts in root_path), as StaticFiles reads it.
        path, root = scope["path"], scope.get("root_path", "")
        name = (path[len(root):] if root and path.startswith(root) else path).lstrip("/")
        cached = self._assets.get(name)
        if cached is not None and not self.reload:
            asset = cached
        else:
            asset = await anyio.to_thread.run_sync(self.asset, name)
        if asset is None:
            raise HTTPException(status_code=404)
        headers = dict(scope.get("headers", []))
        encoding = negotiate(headers.get(b"accept-encoding", b"")) if asset.compressible else "identity"
        common = [(b"cache-control", self.cache_control(name, asset, scope.get("query_string", b""))),
                  (b"etag", tagged(asset.tag, encoding))]
        if asset.compressible:
            common.append((b"vary", b"Accept-Encoding"))
        if none_match(headers.get(b"if-none-match", b""), asset.tag):
            await send({"type": "http.response.start", "status": 304, "headers": common})
            await send({"type": "http.response.body", "body": b""})
            return
        body = asset.body if encoding == "identity" else await self._variant(asset, encoding)
        response_headers = [(b"content-type", asset.content_type), (b"content-length", str(len(body)).encode()), *common]
        if encoding != "identity":
            response_headers.append((b"content-encoding", encoding.encode()))
        await send({"type": "http.response.start", "status": 200, "headers": response_headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})

    async def _variant(self, asset: Asset, encoding: str) -> bytes:
        """ASSET in ENCODING, compressed once (readers asking meanwhile wait for it) and kept."""

        async def make() -> None:
            asset.variants[encoding] = await compress_off_loop(asset.body, encoding, once=True)

        body = await made_once(asset.variants, asset.pending, encoding, make)
        if body is None:
            raise RuntimeError(f"compressing static/{asset.path.name} failed")
        return body
