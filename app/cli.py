"""The `isf-tracker` command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(help="ISF Tracker: serve the board, manage the database, load seed data.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")


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

    uvicorn.run(
        "app.main:app",
        host=host,
        port=port,
        workers=None if reload else workers,
        reload=reload,
        access_log=access_log,
        server_header=False,
        proxy_headers=False,
    )


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Apply migrations up to REVISION (default: the latest)."""
    from app import migrate

    migrate.upgrade(revision=revision)
    typer.echo(f"database at {revision}")


@app.command()
def seed(
    seed_dir: Annotated[Optional[Path], typer.Option(help="Folder of seed files (default: ./seeds).")] = None,
) -> None:
    """Load the seed data; running it again changes nothing, and it never overwrites an edit."""
    from app.db import get_database
    from app.services.seeding import SEED_DIR, seed_all

    with get_database().write_session() as session:
        report = seed_all(session, seed_dir or SEED_DIR)
    typer.echo(
        f"seed: {len(report.created)} created, {len(report.updated)} updated, {len(report.kept)} left as they were"
    )
    for item in report.created:
        typer.echo(f"  created {item}")
    for item in report.updated:
        typer.echo(f"  updated {item}")


@app.command()
def verify() -> None:
    """Walk the change log's hash chain; exit 1 naming the first broken change."""
    from app.db import get_database
    from app.services.changes import verify_chain

    with get_database().read_session() as session:
        report = verify_chain(session)
    if report.ok:
        typer.echo(f"ok: {report.checked} changes, head {report.head_hash}")
        return
    typer.echo(f"BROKEN at change {report.broken_change_id}: {report.problem} ({report.checked} verified before it)", err=True)
    raise typer.Exit(1)


def main() -> None:
    app()
