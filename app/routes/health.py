"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from app import migrate
from app.db import get_database
from app.schemas import HealthOut, ReadyOut

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=HealthOut, summary="The process is up")
async def healthz(request: Request) -> dict[str, str | int]:
    """Answers as long as the process serves requests, with how many requests this worker has at
    work and waiting for a slot. Touches nothing else, and is answered on the event loop, so no
    queue of requests can hold it up."""
    admission = request.app.state.admission
    return {"status": "ok", "working": admission.working, "waiting": admission.waiting, "reading": admission.reading,
            "articles": admission.articles, "articles_waiting": admission.articles_waiting}


@router.get(
    "/readyz",
    response_model=ReadyOut,
    responses={503: {"model": ReadyOut, "description": "Busy (every slot taken and the queue full), database "
                                                      "unreachable, or migrations not at head"}},
    summary="The worker can take requests: not full, the database reachable and migrated",
)
def readyz(request: Request) -> JSONResponse:
    """503 while the worker would refuse a request (every slot at work and its queue full, or as many
    bodies being read as it reads at once: a load balancer should send readers elsewhere), and unless the database answers and its schema is at
    the latest migration."""
    admission = request.app.state.admission
    if (admission.working >= admission.concurrency and admission.waiting >= admission.queue) \
            or admission.reading >= admission.queue:
        return JSONResponse({"status": "busy", "database": "not checked", "migrations": "not checked"}, status_code=503)
    engine = get_database().engine
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        current = migrate.current_revision(engine)
    except Exception as exc:  # any database failure means "not ready", never a 500
        return JSONResponse({"status": "unavailable", "database": f"error: {type(exc).__name__}", "migrations": "unknown"}, status_code=503)
    head = migrate.head_revision()
    if current != head:
        return JSONResponse(
            {"status": "unavailable", "database": "ok", "migrations": f"at {current}, head is {head}"}, status_code=503
        )
    return JSONResponse({"status": "ok", "database": "ok", "migrations": f"at head ({head})"})
