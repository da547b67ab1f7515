"""A source typed into a form ("A new source" in the picker): its fields, read and checked once for
every form that offers it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from pydantic import ValidationError

from app.schemas import SourceIn, check_day

NEW_SOURCE_FIELDS = ("source_title", "source_publisher", "source_url", "source_published_on")
_FIELD_OF = {"title": "source_title", "publisher": "source_publisher", "url": "source_url",
             "published_on": "source_published_on"}


def picks_new_source(source_id: str, values: Mapping[str, str]) -> bool:
    """Whether a form asks for a new source: "A new source" chosen in the picker, or nothing chosen
    there while the new source's details are filled in (the editor has described one)."""
    return source_id == "new" or (not source_id.strip() and any(values.get(n, "").strip() for n in NEW_SOURCE_FIELDS))


def parse_new_source(values: Mapping[str, str], errors: dict[str, str]) -> SourceIn | None:
    """The source VALUES describe, or None with a message beside each field in ERRORS."""
    published_on = None
    bad_day = False
    raw_day = values.get("source_published_on", "").strip()
    if raw_day:
        try:
            published_on = check_day(dt.date.fromisoformat(raw_day))
        except ValueError:
            errors.setdefault("source_published_on", "Enter a date as YYYY-MM-DD (between 1900 and 2999), or leave it empty.")
            bad_day = True  # the other fields are still checked, so every problem is said at once
    title = values.get("source_title", "")
    if not title.strip():
        errors.setdefault("source_title", "Give the source's title, or a short description of it.")
    try:
        source = SourceIn(title=title if title.strip() else "-", publisher=values.get("source_publisher", "").strip() or None,
                          url=values.get("source_url", "").strip() or None, published_on=published_on)
    except ValidationError as exc:
        for e in exc.errors():
            name = _FIELD_OF.get(str(e["loc"][0]), "source_title")
            message = e["msg"].removeprefix("Value error, ")
            errors.setdefault(name, "Enter a web address starting with http:// or https://." if name == "source_url"
                              else message[:1].upper() + message[1:] + ("" if message.endswith(".") else "."))
        return None
    return None if bad_day or not title.strip() else source
