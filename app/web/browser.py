"""What the HTML side needs on every request: who is signed in, CSRF checks, flash messages,
and rendering a template with all of that in its context."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse, Response

from app.config import get_settings
from app.deps import SessionDep
from app.schemas import FIRST_DAY, LAST_DAY, check_day
from app.services import accounts
from app.web.templating import templates

audit = logging.getLogger("isf.audit")

SESSION_COOKIE = "isf_session"
LOGIN_CSRF_COOKIE = "isf_login_csrf"
FLASH_COOKIE = "isf_flash"


@dataclass
class Viewer:
    """The signed-in user, as the pages see them."""

    user_id: int
    name: str
    role: str
    csrf_token: str


class LoginRequired(Exception):
    """Raised by page routes that need an editor; answered with a redirect to the sign-in page."""

    def __init__(self, next_url: str) -> None:
        self.next_url = next_url


class SessionEnded(Exception):
    """A form sent by an editor whose session has ended (expired, or signed out elsewhere): answered
    with the sign-in page carrying what was typed, so signing in again loses nothing."""

    def __init__(self, next_url: str) -> None:
        self.next_url = next_url


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class Forbidden(Exception):
    """A state-changing request that failed the CSRF, origin or role check."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def cookie_secure(request: Request) -> bool:
    return get_settings().env == "production" or request.url.scheme == "https"


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def load_viewer(request: Request, session: SessionDep) -> Viewer | None:
    """Who is signed in (None for the public); also kept on request.state for templates."""
    if hasattr(request.state, "viewer"):
        return request.state.viewer
    viewer = None
    raw = request.cookies.get(SESSION_COOKIE)
    if raw:
        row = accounts.find_session(session, raw)
        if row is not None:
            viewer = Viewer(row.user_id, row.user.name, row.user.role, row.csrf_token)
    request.state.viewer = viewer
    return viewer


ViewerDep = Annotated[Viewer | None, Depends(load_viewer)]


def target(request: Request) -> str:
    """The path and query REQUEST was sent to: where to come back to after signing in."""
    return str(request.url.path) + (f"?{request.url.query}" if request.url.query else "")


def require_editor(request: Request, viewer: ViewerDep) -> Viewer:
    """An editor or admin; the public is sent to sign in (GET) or refused (anything else)."""
    if viewer is None:
        if request.method == "GET":
            raise LoginRequired(target(request))
        audit.info("refused: %s %s without a session from %s", request.method, request.url.path, client_ip(request))
        if request.headers.get("content-type", "").split(";")[0].strip().lower() in FORM_TYPES and from_own_page(request):
            raise SessionEnded(target(request))
        raise Forbidden("Sign in to make changes.")
    return viewer


EditorDep = Annotated[Viewer, Depends(require_editor)]


def from_own_page(request: Request) -> bool:
    """Whether the browser says the request came from one of our own pages (not merely from no
    other site): a form carried through signing in again must be the editor's own."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site == "same-origin"
    return request.headers.get("origin") == f"{request.url.scheme}://{request.url.netloc}"


def check_same_origin(request: Request) -> None:
    """Refuse a state-changing request that a browser says came from another site."""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        raise Forbidden(f"Refused a request sent from another site (Sec-Fetch-Site: {site}).")
    origin = request.headers.get("origin")
    if origin is not None:
        own = f"{request.url.scheme}://{request.url.netloc}"
        if origin != own:
            raise Forbidden("Refused a request sent from another origin.")


def check_csrf(request: Request, submitted: str | None, expected: str | None) -> None:
    check_same_origin(request)
    if not submitted or not expected or not hmac.compare_digest(submitted.encode(), expected.encode()):
        raise Forbidden("The form's security token is missing or out of date. Reload the page and try again.")


class StaleForm(Exception):
    """An editor's form opened under an earlier sign-in (signed out and in again since): answered
    with what was typed, to be sent again with this session's token, so nothing is lost."""


def check_form_token(request: Request, submitted: str | None, viewer: Viewer) -> None:
    """check_csrf for a signed-in editor's form; one from our own page that carries another session's
    token is a StaleForm, not a refusal."""
    try:
        check_csrf(request, submitted, viewer.csrf_token)
    except Forbidden:
        if submitted and from_own_page(request):
            raise StaleForm() from None
        raise


# ---- flash messages: a signed cookie read once ------------------------------------------------


def _sign(value: bytes) -> str:
    key = get_settings().resolved_secret_key().encode()
    return hmac.new(key, value, hashlib.sha256).hexdigest()[:32]


def flash(response: Response, message: str) -> None:
    payload = base64.urlsafe_b64encode(message.encode("utf-8")[:500]).decode()
    response.set_cookie(FLASH_COOKIE, f"{payload}.{_sign(payload.encode())}", max_age=60, httponly=True, samesite="lax",
                        secure=get_settings().env == "production", path="/")


def _read_flash(request: Request) -> str | None:
    raw = request.cookies.get(FLASH_COOKIE)
    if not raw or "." not in raw:
        return None
    payload, signature = raw.rsplit(".", 1)
    if not hmac.compare_digest(signature, _sign(payload.encode())):
        return None
    try:
        return base64.urlsafe_b64decode(payload.encode()).decode("utf-8")
    except ValueError:
        return None


def redirect(url: str, message: str | None = None) -> RedirectResponse:
    response = RedirectResponse(url, status_code=303)
    if message:
        flash(response, message)
    return response


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> Response:
    """A page with the viewer, any flash message and a login CSRF token in its context."""
    message = _read_flash(request)
    viewer = getattr(request.state, "viewer", None)
    response = templates.TemplateResponse(
        request, name, {**context, "viewer": viewer, "flash_message": message}, status_code=status_code
    )
    if message:
        response.delete_cookie(FLASH_COOKIE, path="/")
    if viewer is None and hasattr(request.state, "viewer") and request.cookies.get(SESSION_COOKIE):
        # A session that ended (signed out elsewhere, expired, its user disabled or gone): forget it.
        response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def error_page(request: Request, status_code: int, title: str, message: str) -> Response:
    return render(request, "error.html", {"status_code": status_code, "title": title, "message": message},
                  status_code=status_code)


def new_login_csrf() -> str:
    return secrets.token_urlsafe(32)


def parse_day(value: str | None, name: str, errors: list[str]) -> dt.date | None:
    """A YYYY-MM-DD query value, or None; a bad one adds a message instead of failing."""
    if not value:
        return None
    try:
        return check_day(dt.date.fromisoformat(value))
    except ValueError:
        errors.append(f"{name} must be a date written YYYY-MM-DD, between {FIRST_DAY} and {LAST_DAY}, "
                      f"not {value!r}.")
        return None
