"""The `isf-tracker` command."""

from __future__ import annotations

import os
import re
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

# Plain tracebacks: rich ones print local variables, which may hold passwords or tokens.
app = typer.Typer(help="ISF Tracker: serve the board, manage the database, load seed data.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
user_app = typer.Typer(help="Editor and admin accounts.", no_args_is_help=True)
token_app = typer.Typer(help="API tokens.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(user_app, name="user")
app.add_typer(token_app, name="token")

# The commands that may start from no database file: making one is their job (`db upgrade`,
# `bench-data`), or they need none (`import-article` reads an article and prints what it finds;
# `serve`, whose pages say what is missing).
CREATES_DATABASE = {"db", "serve", "import-article", "bench-data"}


@app.callback()
def _database_exists(ctx: typer.Context) -> None:
    """Any other command that opens a SQLite file that is not there stops with a message (main), rather
    than leave an empty file (and its folders) behind at a mistyped path. Checked when the database is
    first opened: a command's own arguments are checked first, and --help needs no database."""
    if ctx.invoked_subcommand not in CREATES_DATABASE:
        from app import db

        db.create_missing = False


class Role(str, Enum):
    editor = "editor"
    admin = "admin"


class Scope(str, Enum):
    read = "read"
    write = "write"


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def _read_password() -> str:
    """From stdin when it is not a terminal (scripts), else asked twice without echo."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="User name to sign in with.")],
    role: Annotated[Role, typer.Option(help="editor: change stances and factors; admin: the same, plus managing the tracker.")] = Role.editor,
) -> None:
    """Create an account; the password is read from stdin, or asked for twice on a terminal."""
    from app.db import get_database
    from app.services.accounts import create_user
    from app.services.errors import InvalidInput

    password = _read_password()
    try:
        with get_database().write_session() as session:
            create_user(session, name, role.value, password)
    except InvalidInput as exc:
        _fail(exc.errors[0]["msg"])
    typer.echo(f"created {role.value} {name}")


@user_app.command("set-password")
def user_set_password(name: Annotated[str, typer.Argument(help="An existing user.")]) -> None:
    """Give USER a new password (stdin, or asked twice on a terminal); e.g. after a restore without secrets.

    Every session of USER ends (on every instance) and every live API token of USER is revoked:
    a new password usually answers a leak, and what the old one let someone keep must go with it.
    Make new tokens with `token create`."""
    from app.db import get_database
    from app.services.accounts import set_password
    from app.services.errors import InvalidInput, NotFound

    password = _read_password()
    try:
        with get_database().write_session() as session:
            change = set_password(session, name, password)
    except (InvalidInput, NotFound) as exc:
        _fail(exc.errors[0]["msg"] if isinstance(exc, InvalidInput) else str(exc))
    typer.echo(f"password changed for {name}")
    typer.echo(f"ended {_count(change.sessions_ended, 'session')} (signed in anywhere: sign in again)")
    if change.tokens_revoked:
        typer.echo(f"revoked {_count(len(change.tokens_revoked), 'API token')}: {', '.join(change.tokens_revoked)} "
                   f"(make new ones with `isf-tracker token create {name}`)")
    else:
        typer.echo("no live API tokens to revoke")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _set_disabled(name: str, disabled: bool) -> None:
    from app.db import get_database
    from app.services.accounts import live_tokens, set_disabled
    from app.services.errors import NotFound

    try:
        with get_database().write_session() as session:
            user, changed = set_disabled(session, name, disabled)
            tokens = len(live_tokens(session, user))
    except NotFound as exc:
        _fail(str(exc))
    word = "disabled" if disabled else "enabled"
    if not changed:
        typer.echo(f"{name} was already {word}; nothing changed")
    elif disabled:
        typer.echo(f"disabled {name}: signed out everywhere, sign-in refused, "
                   f"{_count(tokens, 'live API token')} refused until `isf-tracker user enable {name}`")
    else:
        typer.echo(f"enabled {name}: may sign in again; {_count(tokens, 'live API token')} accepted again")


@user_app.command("disable")
def user_disable(name: Annotated[str, typer.Argument(help="An existing user.")]) -> None:
    """Lock USER out at once: sessions end, sign-in and USER's API tokens are refused.

    The tokens are refused, not revoked: `user enable` gives them back (revoke them with
    `token revoke` if they may have leaked)."""
    _set_disabled(name, True)


@user_app.command("enable")
def user_enable(name: Annotated[str, typer.Argument(help="A disabled user.")]) -> None:
    """Let a disabled USER sign in again; USER's live API tokens are accepted again."""
    _set_disabled(name, False)


@token_app.command("create")
def token_create(
    user: Annotated[str, typer.Argument(help="The existing user the token acts for (named on its changes).")],
    scope: Annotated[Scope, typer.Option(help="read, or write (read and write).")] = Scope.read,
) -> None:
    """Make an API token for USER; it is printed once, alone on the last line, and stored only hashed."""
    from app.db import get_database
    from app.services.accounts import create_token, get_user
    from app.services.errors import NotFound

    try:
        with get_database().write_session() as session:
            token = create_token(session, get_user(session, user), scope.value)
    except NotFound as exc:
        _fail(str(exc))
    typer.echo(f"{scope.value} token for {user} (shown once; keep it secret):")
    typer.echo(token)


@token_app.command("revoke")
def token_revoke(prefix: Annotated[str, typer.Argument(help="The token's first 12 characters (or the whole token).")]) -> None:
    """Revoke the API token that starts with PREFIX; scripts using it get 401 from the next request."""
    from app.db import get_database
    from app.services.accounts import revoke_tokens
    from app.services.errors import InvalidInput

    try:
        with get_database().write_session() as session:
            count = revoke_tokens(session, prefix)
    except InvalidInput as exc:
        _fail(exc.errors[0]["msg"])
    if count == 0:
        _fail("no live token starts with that prefix" if len(prefix) == 12 else "no live token is that token")
    typer.echo(f"revoked {count} token{'s' if count > 1 else ''}")


@token_app.command("list")
def token_list(user: Annotated[str, typer.Argument(help="An existing user.")]) -> None:
    """List USER's API tokens, live and revoked: prefix, scope, when made and when revoked (never the token)."""
    from app.db import get_database
    from app.services.accounts import list_tokens
    from app.services.errors import NotFound

    try:
        with get_database().read_session() as session:
            tokens = list_tokens(session, user)
    except NotFound as exc:
        _fail(str(exc))
    if not tokens:
        typer.echo(f"{user} has no API tokens")
        return

    def when(value) -> str:
        return value.strftime("%Y-%m-%d %H:%M UTC") if value else "-"

    typer.echo(f"{'PREFIX':<14}{'SCOPE':<7}{'CREATED':<22}REVOKED")
    for t in tokens:
        typer.echo(f"{t.prefix:<14}{t.scope:<7}{when(t.created_at):<22}{when(t.revoked_at)}")


def served_url(host: str, port: int) -> str:
    """The address `serve` listens on, as a link: all interfaces are reached here through 127.0.0.1."""
    host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
    return f"http://{f'[{host}]' if ':' in host else host}:{port}"


@app.command()
def serve(
    host: Annotated[str, typer.Option(envvar="HOST", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar="PORT", help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes (use PostgreSQL for more than one writer-heavy worker).")] = 1,
    reload: Annotated[bool, typer.Option(help="Restart on code changes (development).")] = False,
    access_log: Annotated[bool, typer.Option(help="Log every request.")] = True,
) -> None:
    """Serve the board and the API with uvicorn."""
    import uvicorn
    from pydantic import ValidationError

    from app.config import ConfigError, get_settings
    from app.observability import log_config

    try:
        settings = get_settings()
        settings.resolved_secret_key()  # fail here, in one line, rather than in every worker
    except ConfigError as exc:
        _fail(str(exc))
    except ValidationError as exc:
        _fail("; ".join(f"{e['loc'][0]}: {e['msg']}" for e in exc.errors()))
    if "public_url" not in settings.model_fields_set:
        # Feed and paging links point at the address served here unless ISF_PUBLIC_URL says otherwise
        # (the workers read it from the environment).
        os.environ["ISF_PUBLIC_URL"] = served_url(host, port)
        get_settings.cache_clear()
        typer.echo(f"Links in feeds and paging headers start with {os.environ['ISF_PUBLIC_URL']} "
                   "(set ISF_PUBLIC_URL to the address readers use).", err=True)
    proxies = settings.proxy_addresses()
    uvicorn.run(
        "app.main:app",
        host=host,
        port=port,
        workers=None if reload else workers,
        reload=reload,
        access_log=access_log,
        server_header=False,
        # X-Forwarded-For and -Proto are believed only from the proxies named in ISF_TRUSTED_PROXIES.
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies or None,
        log_config=log_config(settings.log_format),
    )


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Apply migrations up to REVISION (default: the latest). Never goes back to an older one."""
    from alembic.util import CommandError

    from app import migrate
    from app.db import get_engine

    try:
        migrate.upgrade(revision=revision)
    except CommandError as exc:
        _fail(f"db upgrade refused: {exc}")
    now = migrate.current_revision(get_engine())
    if revision != "head" and now != revision:
        typer.echo(f"database at {now}, already past {revision} (`db upgrade` never goes back)")
    else:
        typer.echo(f"database at {now}")


@app.command()
def seed(
    seed_dir: Annotated[Optional[Path], typer.Option(help="Folder of seed files (default: ./seeds).")] = None,
    article_only: Annotated[bool, typer.Option(
        "--article-only", help="Load only the seed article, not the public record (a clean start).")] = False,
) -> None:
    """Load the seed data: the seed article, then the public record (statements since August 2025,
    oldest first). Running it again changes nothing, and it never overwrites an edit."""
    from app.db import get_database
    from app.services.errors import InvalidInput
    from app.services.seeding import SEED_DIR, seed_all

    try:
        with get_database().write_session() as session:
            report = seed_all(session, seed_dir or SEED_DIR, article_only=article_only)
    except InvalidInput as exc:
        _fail("seed refused, nothing written: " + "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors))
    except (ValueError, KeyError, OSError) as exc:  # a seed file that cannot be read as one
        _fail(f"seed refused, nothing written: {exc}")
    typer.echo(
        f"seed: {len(report.created)} created, {len(report.updated)} updated, {len(report.kept)} left as they were"
    )
    for item in report.created:
        typer.echo(f"  created {item}")
    for item in report.updated:
        typer.echo(f"  updated {item}")


MAX_CHANGE_ID = 2**31 - 1


def _report_figure_breaches(breaches) -> None:
    """Name each stored stance whose figures break the figure rule (see app/figure_rule.py)."""
    for breach in breaches:
        typer.echo(f"FIGURES {breach}", err=True)
    if breaches:
        typer.echo(f"{len(breaches)} stored troop figure(s) break the figure rule, kept as they are (the totals "
                   "leave them out): correct them through the tracker", err=True)


def _pinned_head(value: str, at: int | None) -> tuple[str, int | None]:
    """--head's HASH or N:HASH, and the change number from it or from --at (which must agree)."""
    from app.services.changes import HASH_FORMAT

    number, colon, digest = value.strip().rpartition(":")
    if colon:
        if not re.fullmatch(r"[0-9]{1,10}", number.strip()) or not 1 <= int(number) <= MAX_CHANGE_ID:
            raise typer.BadParameter(f"in N:HASH, N must be a change number (a whole number from 1), not {number.strip()[:20]!r}",
                                     param_hint="'--head'")
        if at is not None and at != int(number):
            raise typer.BadParameter(f"--head names change {int(number)} but --at names change {at}", param_hint="'--head'")
        at = int(number)
    digest = digest.strip().lower()
    if not HASH_FORMAT.fullmatch(digest):
        shown = digest if len(digest) <= 24 else f"{digest[:24]}…"
        raise typer.BadParameter(
            f"a head is the 64 hexadecimal characters of a change's hash (HASH or N:HASH); "
            f"got {shown!r}, {len(digest)} characters", param_hint="'--head'")
    return digest, at


@app.command()
def verify(
    head: Annotated[Optional[str], typer.Option(
        "--head", metavar="HASH",
        help="A head recorded earlier (a feed's isf:head, the X-Chain-Head header, or this command's output), "
             "as HASH or N:HASH with N its change number: check that it is still part of today's chain.")] = None,
    at: Annotated[Optional[int], typer.Option(
        "--at", metavar="N", min=1, max=MAX_CHANGE_ID,
        help="The change number --head was published with: says whether that change was rewritten or is gone.")] = None,
) -> None:
    """Walk the change log's hash chain and check the stored troop figures; exit 1 naming the first
    broken change or each stance whose figures break the figure rule (nothing is changed).

    With --head, also prove that a head seen earlier is still part of today's chain: it must be the
    hash of one of today's changes, and the chain must verify through it to today's head."""
    from app.db import get_database
    from app.services.changes import verify_chain, verify_pinned_head
    from app.services.sources import source_problems
    from app.services.stances import figure_breaches

    if head is None:
        if at is not None:
            raise typer.BadParameter("--at says which change --head was published as; give --head too", param_hint="'--at'")
        with get_database().read_session() as session:
            report = verify_chain(session)
            breaches = figure_breaches(session)
            altered = source_problems(session)
        _report_figure_breaches(breaches)
        for problem in altered:
            typer.echo(f"SOURCES {problem}", err=True)
        if report.ok:
            typer.echo(f"ok: {report.checked} changes, head {report.head_hash}")
            if breaches or altered:
                raise typer.Exit(1)
            return
        _echo_broken(report)
        raise typer.Exit(1)

    pinned, at = _pinned_head(head, at)
    with get_database().read_session() as session:
        pin = verify_pinned_head(session, pinned, at)
    if pin.ok:
        where = ("the start of the chain (before its first change)" if pin.found_id == 0
                 else f"change {pin.found_id} of {pin.head.change_id}")
        typer.echo(f"ok: head {pinned} is {where}; the chain verifies from it to today's head {pin.chain.head_hash}")
        return
    if pin.found_id is None:
        typer.echo(f"NOT FOUND: head {pinned} is not in today's chain: the chain was rewritten or truncated "
                   f"at or before that change, or the hash is mistyped", err=True)
        if at is not None and pin.at_hash is not None:
            typer.echo(f"change {at}'s hash differs: the chain was rewritten at or before change {at}", err=True)
        elif at is not None and pin.after_at:
            typer.echo(f"change {at} is gone, though later changes remain: it was deleted from the chain", err=True)
        elif at is not None:
            typer.echo(f"change {at} is gone: the chain was truncated", err=True)
    elif at is not None and pin.found_id != at:
        typer.echo(f"MISMATCH: head {pinned} is change {pin.found_id}'s hash, not change {at}'s: "
                   f"the change number is mistyped, or the changes were renumbered", err=True)
    if not pin.chain.ok:
        _echo_broken(pin.chain)
    raise typer.Exit(1)


def _echo_broken(report) -> None:
    typer.echo(f"BROKEN at change {report.broken_change_id}: {report.problem} ({report.checked} verified before it)", err=True)


@app.command("import-article")
def import_article(
    file: Annotated[Path, typer.Argument(help="The article: a .txt or .html file (an HTML page is reduced to its article).",
                                         exists=True, dir_okay=False)],
    title: Annotated[str, typer.Option(help="The article's title.")],
    publisher: Annotated[Optional[str], typer.Option(help="Who published it (leave out if unknown).")] = None,
    url: Annotated[Optional[str], typer.Option(help="Where it was published.")] = None,
    date: Annotated[Optional[str], typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the suggestions (and the article's language) as JSON.")] = False,
) -> None:
    """Print what an article says per country (status, troops, conditions, evidence); applies nothing."""
    import json

    from pydantic import ValidationError

    from app.limits import ARTICLE_MAX_BYTES
    from app.schemas import SourceIn
    from app.services import imports
    from app.services.errors import InvalidInput

    options = {"title": "--title", "publisher": "--publisher", "url": "--url", "published_on": "--date"}
    try:
        with file.open("rb") as handle:
            data = handle.read(ARTICLE_MAX_BYTES + 1)  # enough to know it is over the limit
        text = imports.article_from_file(file.name, data)
        SourceIn(title=title, publisher=publisher, url=url, published_on=date, text=text)
        reading = imports.read(text)
    except InvalidInput as exc:
        _fail(exc.errors[0]["msg"])
    except ValidationError as exc:
        _fail("; ".join(f"{options.get(str(e['loc'][0]), e['loc'][0])}: {e['msg']}" for e in exc.errors()))
    suggestions, named = reading.suggestions, reading.also_named
    if not suggestions and reading.language.read:  # refused as the form and the API refuse it
        _fail("No country with a stance, troop figures or conditions was found in this article.")
    if as_json:
        typer.echo(json.dumps({"title": title, "publisher": publisher, "url": url, "published_on": date,
                               "language": reading.language.as_dict(), "suggestions": suggestions,
                               "also_named": named}, ensure_ascii=False, indent=2))
        return
    if reading.language.message:
        typer.echo(reading.language.message)
    if not suggestions:
        typer.echo("No country with a stance, troop figures or conditions was found.")  # not in English: read nothing
    for s in suggestions:
        troops = ", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in s["troops"].items() if v is not None)
        typer.echo(f"{s['country']} {s['country_name']}: {s['status'] or 'no status stated'}" + (f" ({troops})" if troops else ""))
        for c in s["conditions"]:
            typer.echo(f"  condition [{c['category']}]: {c['text']}")
        for q in s["evidence"]:
            typer.echo(f"  evidence: “{q}”")
    if named:
        typer.echo("Also named, with no suggestion (read what the article says of them): "
                   + ", ".join(f"{n['country']} {n['country_name']}" for n in named))


@app.command("bench-data")
def bench_data(
    countries: Annotated[int, typer.Option(min=1, max=249, help="Countries on each proposal.")] = 200,
    changes: Annotated[int, typer.Option(min=1, max=5_000_000, help="Changes in the log, in all.")] = 100_000,
    proposals: Annotated[int, typer.Option(min=1, max=20, help="Proposals (the seeded one first).")] = 1,
) -> None:
    """Fill the configured database with a realistic synthetic history, for benchmarks."""
    from app.db import get_database
    from app.services.benchdata import fill

    try:
        with get_database().write_session() as session:
            report = fill(session, countries=countries, changes=changes, proposals=proposals)
    except ValueError as exc:
        _fail(str(exc))
    typer.echo(f"bench-data: {report.proposals} proposals, {report.stances} stances and {report.changes} changes "
               f"added in {report.seconds:.1f} s")


@app.command("export")
def export(
    file: Annotated[Path, typer.Argument(help="Where to write the JSON backup ('-' for standard output).")],
    include_secrets: Annotated[bool, typer.Option(help="Also export password hashes and API token hashes.")] = False,
) -> None:
    """Write every proposal, country, stance, condition, factor, source, citation, change and user to FILE."""
    from app.db import get_database
    from app.services.backup import export_database

    if str(file) == "-":
        with get_database().read_session() as session:
            summary = export_database(session, sys.stdout, include_secrets)
    else:
        if file.is_dir():
            _fail(f"{file} is a folder: give the backup's file name")
        if not file.parent.is_dir():
            _fail(f"there is no folder {file.parent} to write {file.name} in")
        # Written beside FILE and renamed over it once complete: a failed export leaves FILE as it was.
        # With the secrets (password and token hashes) in it, only its owner may read it.
        partial = file.with_name(f".{file.name}.partial")
        partial.unlink(missing_ok=True)  # one left by an export that was stopped: made anew, with our mode
        try:
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW,
                                 0o600 if include_secrets else 0o644)
            with os.fdopen(descriptor, "w", encoding="utf-8") as out, get_database().read_session() as session:
                summary = export_database(session, out, include_secrets)
            os.replace(partial, file)
        finally:
            partial.unlink(missing_ok=True)
    rows = ", ".join(f"{n} {c}" for n, c in summary.rows.items())
    typer.echo(f"exported {rows}; chain head {summary.chain_head}", err=str(file) == "-")


@app.command("load")
def load(file: Annotated[Path, typer.Argument(help="A file written by `isf-tracker export`.", exists=True, dir_okay=False)]) -> None:
    """Restore a backup into an empty, migrated database, then check the change log's chain."""
    from app.db import get_database
    from app.services.backup import BackupError, load_database
    from app.services.changes import verify_chain
    from app.services.stances import figure_breaches

    try:
        with get_database().write_session() as session, file.open(encoding="utf-8") as source:
            summary = load_database(session, source)
    except BackupError as exc:
        _fail(str(exc))
    with get_database().read_session() as session:
        report = verify_chain(session)
        breaches = figure_breaches(session)
    rows = ", ".join(f"{n} {c}" for n, c in summary.rows.items())
    typer.echo(f"loaded {rows}")
    if summary.flagged:
        typer.echo(f"kept as exported: {len(summary.flagged)} row(s) hold characters new input may not "
                   f"(first: {summary.flagged[0]}); edit them through the tracker to clean them")
    _report_figure_breaches(breaches)  # kept as exported too: a restore gives back exactly what was saved
    if not report.ok:
        _fail(f"loaded, but the change log does not verify: change {report.broken_change_id}: {report.problem}")
    typer.echo(f"chain verified: {report.checked} changes, head {report.head_hash}")


def main() -> None:
    from sqlalchemy.exc import OperationalError, ProgrammingError

    from app.db import MissingDatabase

    try:
        app()
    except MissingDatabase as exc:
        typer.echo(f"error: there is no database at {exc}: check DATABASE_URL, or run `isf-tracker db upgrade` "
                   "to make one", err=True)
        sys.exit(1)
    except (OperationalError, ProgrammingError) as exc:
        # A database older than this version of the tracker (or never set up) is an operator's step
        # away from working: say which, not a traceback.
        problem = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        if not re.search(r"no such (table|column)|(relation|column) .* does not exist", problem):
            raise
        typer.echo(f"error: the database is not set up for this version of the tracker ({problem}): run "
                   "`isf-tracker db upgrade`", err=True)
        sys.exit(1)
    finally:
        _close_database()


def _close_database() -> None:
    """Close the command's pooled connections itself rather than leave it to the interpreter's exit:
    the last connection to a SQLite file to close writes its log back into the file."""
    db = sys.modules.get("app.db")
    if db is not None and db.get_engine.cache_info().currsize:
        db.get_engine().dispose()
