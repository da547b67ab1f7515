"""Users, passwords, API tokens, server-side sessions and sign-in throttling.

A new password ends the user's sessions and revokes their tokens; a disabled user's sessions,
tokens and sign-in are refused. Sign-in attempts are counted under a lock before any password
is checked, so the limit holds however many attempts race on however many instances.

Passwords are hashed with argon2 (pwdlib). Tokens and session ids are random and high-entropy,
so a SHA-256 of them is enough to store: a leaked table does not give them away.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import secrets
from dataclasses import dataclass

from pwdlib import PasswordHash
from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from app.db import utcnow
from app.models import ROLES_OF_USERS, TOKEN_SCOPES, ApiToken, LoginAttempt, User, WebSession
from app.services.errors import InvalidInput, NotFound, ServiceError

PASSWORD_MIN = 8
PASSWORD_MAX = 256
NAME_PATTERN = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\Z")
SESSION_LIFETIME = dt.timedelta(hours=12)
TOKEN_PREFIX = "isf_"

# Sign-in throttling: failures inside the window, per address and per user name.
THROTTLE_WINDOW = dt.timedelta(minutes=15)
MAX_FAILURES_PER_IP = 20
MAX_FAILURES_PER_NAME = 5

_hasher = PasswordHash.recommended()


@functools.cache
def _dummy_hash() -> str:
    """Verifying against this keeps a wrong user name as slow as a wrong password. Made on first
    need, not at start: each argon2 hash takes its memory cost (64 MiB), which a worker that only
    serves the board never has to."""
    return _hasher.hash("not a real password, only for timing")


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def check_password_rules(password: str) -> None:
    if len(password) < PASSWORD_MIN:
        raise InvalidInput([{"loc": ["password"], "msg": f"use at least {PASSWORD_MIN} characters"}])
    if len(password) > PASSWORD_MAX:
        raise InvalidInput([{"loc": ["password"], "msg": f"use at most {PASSWORD_MAX} characters"}])


def create_user(session: Session, name: str, role: str, password: str) -> User:
    if not NAME_PATTERN.match(name):
        raise InvalidInput([{"loc": ["name"], "msg": "letters, digits, '.', '_' or '-', at most 64, starting with a letter or digit"}])
    if role not in ROLES_OF_USERS:
        raise InvalidInput([{"loc": ["role"], "msg": f"role must be one of {', '.join(ROLES_OF_USERS)}"}])
    check_password_rules(password)
    if session.scalars(select(User).where(func.lower(User.name) == name.lower())).first():
        raise InvalidInput([{"loc": ["name"], "msg": f"there is already a user called {name!r}"}])
    user = User(name=name, role=role, password_hash=_hasher.hash(password))
    session.add(user)
    session.flush()
    return user


@dataclass
class PasswordChange:
    user: User
    sessions_ended: int
    tokens_revoked: list[str]


def set_password(session: Session, name: str, password: str) -> PasswordChange:
    """Give NAME a new password, and end everything the old one may have let someone keep: every
    signed-in session of the user, and every live API token (a new password usually answers a
    leak, and a token made while the account was in the wrong hands would outlive it otherwise)."""
    check_password_rules(password)
    user = get_user(session, name, for_update=True)
    user.password_hash = _hasher.hash(password)
    ended = end_user_sessions(session, user)
    tokens = live_tokens(session, user)
    for token in tokens:
        token.revoked_at = utcnow()
    return PasswordChange(user, ended, [t.prefix for t in tokens])


def set_disabled(session: Session, name: str, disabled: bool) -> tuple[User, bool]:
    """Disable NAME (its sessions end at once, its tokens are refused while it stays disabled and
    signing in is refused) or enable it again; returns the user and whether anything changed."""
    user = get_user(session, name, for_update=True)
    if (user.disabled_at is not None) == disabled:
        return user, False
    user.disabled_at = utcnow() if disabled else None
    if disabled:
        end_user_sessions(session, user)
    return user, True


def end_user_sessions(session: Session, user: User) -> int:
    """Delete every session of USER, whichever instance started it; how many there were."""
    return session.execute(delete(WebSession).where(WebSession.user_id == user.id)).rowcount or 0


def get_user(session: Session, name: str, for_update: bool = False) -> User:
    query = select(User).where(User.name == name)
    user = session.scalars(query.with_for_update() if for_update else query).one_or_none()
    if user is None:
        raise NotFound(f"no user called {name!r}")
    return user


# ---- throttling -------------------------------------------------------------------------------


@dataclass
class Throttle:
    limited: bool
    retry_after_s: int = 0


def login_throttle(session: Session, ip: str, name: str, now: dt.datetime | None = None) -> Throttle:
    """Whether another attempt from IP or for NAME must wait, counting failures in every instance."""
    now = now or utcnow()
    since = now - THROTTLE_WINDOW
    failures = select(func.count(), func.min(LoginAttempt.attempted_at)).where(
        LoginAttempt.attempted_at >= since, LoginAttempt.succeeded.is_(False)
    )
    by_ip, first_ip = session.execute(failures.where(LoginAttempt.ip == ip)).one()
    by_name, first_name = session.execute(failures.where(LoginAttempt.username == name.lower())).one()
    if by_ip >= MAX_FAILURES_PER_IP or by_name >= MAX_FAILURES_PER_NAME:
        oldest = min(t for t, n, cap in ((first_ip, by_ip, MAX_FAILURES_PER_IP), (first_name, by_name, MAX_FAILURES_PER_NAME)) if n >= cap)
        wait = int((oldest + THROTTLE_WINDOW - now).total_seconds()) + 1
        return Throttle(True, max(wait, 1))
    return Throttle(False)


# Keys of the PostgreSQL advisory locks (two-number form) that queue sign-in decisions.
_LOCK_SPACE_NAME = 0x1_5F51
_LOCK_SPACE_IP = 0x1_5F52


def _lock_sign_in(session: Session, ip: str, name: str) -> None:
    """Queue behind every other sign-in decision for the same user name, then the same address,
    in every instance: PostgreSQL transaction-level advisory locks (always taken name first, so two
    decisions cannot wait on each other); SQLite's write transaction already holds the one write lock."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        if not connection.get_execution_options().get("sqlite_write"):
            raise RuntimeError("sign-in decisions must use Database.write_session() (BEGIN IMMEDIATE on SQLite)")
        return
    for space, value in ((_LOCK_SPACE_NAME, name.lower()[:64]), (_LOCK_SPACE_IP, ip[:64])):
        session.execute(text("SELECT pg_advisory_xact_lock(:space, hashtext(:value))"), {"space": space, "value": value})


@dataclass
class PendingSignIn:
    """A sign-in attempt already counted as a failure, waiting for its password check."""

    attempt_id: int
    user_id: int | None
    password_hash: str | None
    new_hash: str | None = None


def begin_sign_in(session: Session, ip: str, name: str) -> Throttle | PendingSignIn:
    """Decide, under the sign-in lock, whether this attempt may check a password at all.

    An attempt that may is recorded at once as a failure, before any password is checked, so
    however many arrive together on however many instances, at most the limit of them get a
    real check; `finish_sign_in` marks it a success afterwards. Call in its own write transaction
    and commit before the (slow) check, so the lock is held for milliseconds, not an argon2 hash."""
    _lock_sign_in(session, ip, name)
    throttle = login_throttle(session, ip, name)
    if throttle.limited:
        return throttle
    attempt = LoginAttempt(ip=ip[:64], username=name.lower()[:64], succeeded=False)
    session.add(attempt)
    # Old attempts no longer count for anything.
    session.execute(delete(LoginAttempt).where(LoginAttempt.attempted_at < utcnow() - 4 * THROTTLE_WINDOW))
    session.flush()
    user = session.scalars(select(User).where(User.name == name)).one_or_none()
    return PendingSignIn(attempt.id, user.id if user else None, user.password_hash if user else None)


def check_password(pending: PendingSignIn, password: str) -> bool:
    """The argon2 check, outside any transaction; an unknown user takes as long as a wrong password."""
    stored = pending.password_hash
    if stored is None or not stored.startswith("$"):
        # Unknown, or restored from a backup without passwords: same cost, no entry.
        _hasher.verify(password, _dummy_hash())
        return False
    valid, pending.new_hash = _hasher.verify_and_update(password, stored)
    return valid


class AccountDisabled(ServiceError):
    """The password was right, but the account is disabled."""


def finish_sign_in(session: Session, pending: PendingSignIn) -> User | None:
    """After a right password: the user, with the attempt marked a success; None if the account
    was removed or given another password meanwhile. Raises AccountDisabled for a disabled one."""
    if pending.user_id is None:
        return None
    user = session.scalars(select(User).where(User.id == pending.user_id).with_for_update()).one_or_none()
    if user is None or user.password_hash != pending.password_hash:
        return None
    if user.disabled_at is not None:
        raise AccountDisabled(f"the account {user.name!r} is disabled")
    attempt = session.get(LoginAttempt, pending.attempt_id)
    if attempt is not None:
        attempt.succeeded = True
    if pending.new_hash:
        user.password_hash = pending.new_hash
    return user


# ---- sessions ---------------------------------------------------------------------------------


def start_session(session: Session, user: User) -> tuple[str, WebSession]:
    """A new session for USER; returns the cookie value (only its hash is stored)."""
    raw = secrets.token_urlsafe(32)
    row = WebSession(
        id_sha256=sha256_hex(raw),
        user_id=user.id,
        csrf_token=secrets.token_urlsafe(32),
        expires_at=utcnow() + SESSION_LIFETIME,
    )
    session.add(row)
    session.execute(delete(WebSession).where(WebSession.expires_at < utcnow()))
    session.flush()
    return raw, row


def find_session(session: Session, raw: str | None) -> WebSession | None:
    if not raw or len(raw) > 128:
        return None
    row = session.get(WebSession, sha256_hex(raw))
    # A session whose user row is gone (removed by hand) is simply no session.
    if row is None or row.expires_at <= utcnow() or row.user is None or row.user.disabled_at is not None:
        return None
    return row


def end_session(session: Session, raw: str | None) -> None:
    if raw and len(raw) <= 128:
        session.execute(delete(WebSession).where(WebSession.id_sha256 == sha256_hex(raw)))


# ---- API tokens -------------------------------------------------------------------------------


def create_token(session: Session, user: User, scope: str) -> str:
    """A new token for USER; returned once, stored only as a hash."""
    if scope not in TOKEN_SCOPES:
        raise InvalidInput([{"loc": ["scope"], "msg": f"scope must be one of {', '.join(TOKEN_SCOPES)}"}])
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, scope=scope, token_sha256=sha256_hex(raw), prefix=raw[:12]))
    session.flush()
    return raw


def revoke_tokens(session: Session, prefix: str) -> int:
    """Revoke the live tokens that start with PREFIX (its first 12 characters, or the whole token); how many."""
    if len(prefix) < 12 or not prefix.startswith(TOKEN_PREFIX):
        raise InvalidInput([{"loc": ["prefix"], "msg": "give the token's first 12 characters (isf_ and 8 more) or all of it"}])
    # A whole token revokes that token alone: one that only starts like it (a typo, a token cut short
    # then pasted with more) is not it.
    same = ApiToken.prefix == prefix if len(prefix) == 12 else ApiToken.token_sha256 == sha256_hex(prefix)
    tokens = session.scalars(select(ApiToken).where(same, ApiToken.revoked_at.is_(None))).all()
    for token in tokens:
        token.revoked_at = utcnow()
    return len(tokens)


def find_token(session: Session, raw: str) -> ApiToken | None:
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > 128:
        return None
    token = session.scalars(select(ApiToken).where(ApiToken.token_sha256 == sha256_hex(raw))).one_or_none()
    if token is None or token.revoked_at is not None or token.user is None or token.user.disabled_at is not None:
        return None
    return token


def live_tokens(session: Session, user: User) -> list[ApiToken]:
    return list(session.scalars(select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
                                .order_by(ApiToken.id)))


def list_tokens(session: Session, name: str) -> list[ApiToken]:
    """Every token of NAME, live or revoked, oldest first (only prefixes and dates: never a secret)."""
    user = get_user(session, name)
    return list(session.scalars(select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id)))
