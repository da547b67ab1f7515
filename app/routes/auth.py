"""Signing in and out."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from app.db import get_database
from app.limits import ARTICLE_BODY_MAX_BYTES, ARTICLE_MAX_BYTES, address_share
from app.text_rule import text_problem
from app.services import accounts
from app.web.browser import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    SessionEnded,
    StaleForm,
    ViewerDep,
    audit,
    check_csrf,
    client_ip,
    cookie_secure,
    error_page,
    load_viewer,
    new_login_csrf,
    redirect,
    render,
    target,
)

router = APIRouter(tags=["auth"], default_response_class=HTMLResponse, include_in_schema=False,
                   dependencies=[Depends(load_viewer)])


def safe_next(url: str | None) -> str:
    """Only a path on this site, so the sign-in page cannot bounce anyone elsewhere."""
    if not url:
        return "/"
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return "/"
    return url


# What an editor typed into a form sent after their session ended rides along the sign-in page under
# this prefix, then back to the form's address once they are signed in again.
CARRIED = "carried:"
FILE_NAME = "-file"


@dataclass
class Carried:
    """A form typed before the editor's session ended: its fields (every one but the CSRF token, in
    order, repeated names kept) and the names of files chosen, which a page cannot carry."""

    fields: list[tuple[str, str]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, form, prefix: str = "") -> "Carried":
        found = cls()
        for key, value in form.multi_items():
            if not key.startswith(prefix) or key == "csrf_token":
                continue
            name = key[len(prefix):]
            if name == FILE_NAME:  # a file's name, carried in place of the file
                found.files.append(str(value))
            elif isinstance(value, str):
                found.fields.append((name, value))
            elif getattr(value, "filename", None):
                found.files.append(value.filename)
        return found

    def __bool__(self) -> bool:
        return bool(self.fields or self.files)

    @property
    def typed_by(self) -> str:
        """The editor signed in when the form was shown (its `typed_by` field), or ""."""
        return next((v.strip() for n, v in reversed(self.fields) if n == "typed_by"), "")

    def size(self) -> int:
        """Its bytes of UTF-8, names and values."""
        return sum(len(n.encode()) + len(v.encode()) for n, v in self.fields) + sum(len(f.encode()) for f in self.files)


def _login_page(request: Request, *, name: str = "", next_url: str = "/", error: str | None = None,
                status_code: int = 200, headers: dict[str, str] | None = None,
                carried: Carried | None = None) -> Response:
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or new_login_csrf()
    response = render(request, "login.html", {"name": name, "next": next_url, "error": error, "login_csrf": token,
                                               "carried": carried or Carried(), "CARRIED": CARRIED,
                                               "FILE_NAME": FILE_NAME},
                      status_code=status_code)
    # On every path: a sign-in page answered at a form's address (a session that ended) finds the
    # token another tab's sign-in page gave, so that page's token stays good too.
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="lax", secure=cookie_secure(request), path="/")
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


@router.get("/login")
def login_form(request: Request, viewer: ViewerDep, next: str | None = None) -> Response:
    """The sign-in form."""
    return _login_page(request, next_url=safe_next(next))


# What a carried form may hold: an article at the limit and the fields around it. Anything larger is
# no form of ours, and is refused as before rather than echoed back.
CARRY_MAX_BYTES = ARTICLE_MAX_BYTES + 64_000


async def _carried(request: Request) -> Carried | None:
    """What the form sent with REQUEST carries, or None when it is larger than any form of ours."""
    carried = Carried.of(await request.form(max_files=10, max_fields=2000, max_part_size=ARTICLE_BODY_MAX_BYTES))
    return carried if carried.size() <= CARRY_MAX_BYTES else None


async def session_ended(request: Request, exc: SessionEnded) -> Response:
    """A form sent after the editor's session ended: the sign-in page (401), carrying what they typed
    (made off the event loop: it may hold a whole article)."""
    carried = await _carried(request)
    if carried is None:
        return await run_in_threadpool(error_page, request, 403, "Not allowed", "Sign in to make changes.")
    return await run_in_threadpool(partial(_login_page, request, next_url=safe_next(exc.next_url), status_code=401,
                                           carried=carried))


async def stale_form(request: Request, exc: StaleForm) -> Response:
    """A form opened under an earlier sign-in of this browser: nothing saved, what was typed offered
    again with this session's token (409)."""
    carried, viewer = await _carried(request), request.state.viewer
    if carried is None:
        return await run_in_threadpool(error_page, request, 403, "Not allowed", "The form's security token is out of date.")
    next_url = safe_next(target(request))
    return await run_in_threadpool(partial(render, request, "resume.html", {
        "signed_in": viewer.name, "next": next_url, "carried": carried, "csrf": viewer.csrf_token, "stale": True},
        status_code=409))


async def submitted_login(request: Request) -> FormData:
    return await request.form(max_files=0, max_fields=2000, max_part_size=ARTICLE_BODY_MAX_BYTES)


def _field(form: FormData, key: str, most: int, default: str = "") -> str:
    """A text field of FORM, or DEFAULT when missing or longer than MOST characters."""
    value = form.get(key)
    return value if isinstance(value, str) and len(value) <= most else default


@router.post("/login")
def login(request: Request, submitted: Annotated[FormData, Depends(submitted_login)]) -> Response:
    """Check the password, start a new session and go back where the editor came from; with a form
    typed before a session ended, offer to send it again. (The form is read whole, by one parser
    whose parts may hold a carried article.)"""
    name, password = _field(submitted, "name", 64), _field(submitted, "password", accounts.PASSWORD_MAX)
    check_csrf(request, _field(submitted, "csrf_token", 128), request.cookies.get(LOGIN_CSRF_COOKIE))
    next_url = safe_next(_field(submitted, "next", 2000, "/"))
    carried = Carried.of(submitted, CARRIED)
    page = partial(_login_page, carried=carried)  # a carried form rides along every answer
    ip = client_ip(request)
    name = name.strip()
    if not name or not password or text_problem(name):
        return page(request, name=name, next_url=next_url, error="Enter your user name and password.", status_code=422)
    with get_database().write_session() as session:
        pending = accounts.begin_sign_in(session, address_share(ip), name)
    if isinstance(pending, accounts.Throttle):
        audit.warning("login throttled: user=%r ip=%s", name, ip)
        return page(
            request, name=name, next_url=next_url, status_code=429,
            error=f"Too many failed attempts. Try again in {pending.retry_after_s // 60 + 1} minutes.",
            headers={"Retry-After": str(pending.retry_after_s)},
        )
    # The attempt is already counted; the slow check runs outside any transaction or lock.
    user = None
    if accounts.check_password(pending, password):
        try:
            with get_database().write_session() as session:
                user = accounts.finish_sign_in(session, pending)
                if user is not None:
                    accounts.end_session(session, request.cookies.get(SESSION_COOKIE))
                    raw, started = accounts.start_session(session, user)
                    csrf = started.csrf_token
        except accounts.AccountDisabled:
            audit.warning("login refused, account disabled: user=%r ip=%s", name, ip)
            return page(request, name=name, next_url=next_url, status_code=403,
                               error="This account is disabled. Ask an administrator to enable it.")
    if user is None:
        audit.warning("login failed: user=%r ip=%s", name, ip)
        return page(request, name=name, next_url=next_url, error="Wrong user name or password.", status_code=401)
    audit.info("login: user=%s ip=%s", user.name, ip)
    if carried:
        # Not sent on by itself: the editor sees that nothing was saved yet, and sends it.
        response = render(request, "resume.html", {"signed_in": name, "next": next_url, "carried": carried,
                                                   "csrf": csrf})
    else:
        response = redirect(next_url, f"Signed in as {name}.")
    response.set_cookie(SESSION_COOKIE, raw, httponly=True, samesite="lax", secure=cookie_secure(request),
                        max_age=int(accounts.SESSION_LIFETIME.total_seconds()), path="/")
    return response


@router.post("/logout")
def logout(request: Request, viewer: ViewerDep, csrf_token: Annotated[str, Form(max_length=128)] = "") -> Response:
    """End the session (the row is deleted, so the cookie is worthless even if kept)."""
    check_csrf(request, csrf_token, viewer.csrf_token if viewer else None)
    with get_database().write_session() as session:
        accounts.end_session(session, request.cookies.get(SESSION_COOKIE))
    audit.info("logout: user=%s ip=%s", viewer.name if viewer else "-", client_ip(request))
    response = redirect("/", "Signed out.")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
