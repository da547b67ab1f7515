"""The Jinja environment shared by every page: filters for dates, numbers, statuses and states."""

from __future__ import annotations

import datetime as dt
import itertools
import string

from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from app.config import ROOT_DIR
from app.countries import country_info, flag_emoji
from app.services.board import today
from app.vocabulary import (CATEGORY_LABELS, FACT_LABELS, quote_fact_labels, RESOLUTION_LABELS, ROLE_LABELS,
                            STATE_LABELS, STATUS_HELP,
                            STATUS_LABELS, day_words)

templates = Jinja2Templates(directory=str(ROOT_DIR / "templates"))
env = templates.env


def number(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def _utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo is dt.timezone.utc else value.astimezone(dt.timezone.utc)


_TWO_DIGITS = tuple(f"{n:02d}" for n in range(61))


def time_texts(value: dt.datetime) -> tuple[str, str, str]:
    """A time in UTC as `iso`, `day` and `short_day` write it, worked out together: a board row
    shows all three ("2026-11-07T14:05:09Z", "7 Nov 2026, 14:05 UTC", "7 Nov 2026")."""
    v = _utc(value)
    shown = day_words(v)
    hour, minute = _TWO_DIGITS[v.hour], _TWO_DIGITS[v.minute]
    return (f"{v.year:04d}-{_TWO_DIGITS[v.month]}-{_TWO_DIGITS[v.day]}T{hour}:{minute}:{_TWO_DIGITS[v.second]}Z",
            f"{shown}, {hour}:{minute} UTC", shown)


def day(value: dt.date | dt.datetime | str | None) -> str:
    """"7 Nov 2026", or "7 Nov 2026, 14:05 UTC" for a time; a day as a snapshot keeps it (YYYY-MM-DD) too."""
    if value is None:
        return "unknown"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return time_texts(value)[1] if isinstance(value, dt.datetime) else day_words(value)


def short_day(value: dt.date | dt.datetime | None) -> str:
    """"7 Nov 2026", for a date or the UTC day of a time."""
    if value is None:
        return "unknown"
    return day_words(_utc(value) if isinstance(value, dt.datetime) else value)


def iso(value: dt.date | dt.datetime | None) -> str:
    """"2026-11-07", or "2026-11-07T14:05:09Z" for a time."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return time_texts(value)[0]
    return value.isoformat()


def troop_range(low: int | None, high: int | None) -> str:
    """An offer in words: "500–1,000", "500", "up to 20,000" (the most alone), "at least 500" (the
    least alone), "—" (none)."""
    if low is None and high is None:
        return "—"
    if low is None:
        return f"up to {number(high)}"
    if high is None:
        return f"at least {number(low)}"
    return number(low) if low == high else f"{number(low)}–{number(high)}"


def status_citation(stance):
    """The quote a board row shows: the one cited for the status, else the first of the position's own."""
    for citation in stance.quotes_for("status"):
        return citation
    return next(iter(stance.own_quotes()), None)


def not_met_by_category(conditions) -> dict[str, int]:
    counts: dict[str, int] = {}
    for c in conditions:
        if c.state != "met":
            counts[c.category] = counts.get(c.category, 0) + 1
    return counts


def with_conditions(stances) -> tuple[list, dict[str, int]]:
    """The stances that state conditions, and how many conditions of each category are not met."""
    stated = [s for s in stances if s.conditions]
    return stated, not_met_by_category(c for s in stated for c in s.conditions)


def _flag_references(code: str) -> Markup:
    return Markup("".join(f"&#x{ord(ch) :X};" for ch in flag_emoji(code)))


# Every two-letter code's flag, made once at start (static data, like the map's outlines).
FLAGS = {a + b: _flag_references(a + b) for a in string.ascii_uppercase for b in string.ascii_uppercase}


def html_flag(alpha2: str | None) -> Markup:
    """A country's flag as character references: the same glyphs to a browser, while the page stays
    in characters Python stores at two bytes each rather than four (flags lie outside the Basic
    Multilingual Plane), which halves the memory a 420 KB board takes while it is made."""
    return FLAGS.get((alpha2 or "").upper(), Markup(""))


def date_type(value: str | None) -> str:
    """The type of a date field showing VALUE as typed: "date", or "text" when VALUE is not a day a
    date field can hold (a browser would blank it, and it is not valid HTML), so the editor sees what
    they typed beside the message about it."""
    if not value:
        return "date"
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return "text"
    return "date" if len(str(value)) == 10 else "text"


def forms_of(macro, *choices) -> dict:
    """MACRO rendered once for every combination of CHOICES, keyed by its arguments (by the argument
    alone when there is one): a page that shows a badge or chip per country renders each form once."""
    return {args[0] if len(args) == 1 else args: Markup(macro(*args)) for args in itertools.product(*choices)}


def by_category(conditions) -> list[list]:
    """CONDITIONS in one list per category, in the order of CATEGORY_LABELS (a row of the matrix)."""
    cells: dict[str, list] = {key: [] for key in CATEGORY_LABELS}
    for c in conditions:
        cells.setdefault(c.category, []).append(c)
    return list(cells.values())[:len(CATEGORY_LABELS)]


def roles_text(roles) -> str:
    """"Medical, Police training": roles in the words the form uses for them."""
    return ", ".join(ROLE_LABELS.get(r, r.replace("_", " ")) for r in roles)


def facts_text(fields) -> str:
    """"Status, Troops offered": what a quote is the word for, in words, each once."""
    return ", ".join(quote_fact_labels(fields))


def categories_of(conditions) -> str:
    """"ceasefire, mandate": the categories of CONDITIONS in words, for the what-if's lists."""
    return ", ".join(CATEGORY_LABELS.get(c.category, c.category).lower() for c in conditions)


env.filters.update(number=number, day=day, short_day=short_day, iso=iso, flag=html_flag, time_texts=time_texts,
                   country_flag=lambda code: html_flag(country_info(code).alpha2 if country_info(code) else ""))
env.globals.update(
    utc_today=today,  # the board's own "today" (UTC)
    STATUS_LABELS=STATUS_LABELS,
    FACT_LABELS=FACT_LABELS,
    STATUS_HELP=STATUS_HELP,
    STATE_LABELS=STATE_LABELS,
    CATEGORY_LABELS=CATEGORY_LABELS,
    RESOLUTION_LABELS=RESOLUTION_LABELS,
    troop_range=troop_range,
    status_citation=status_citation,
    with_conditions=with_conditions,
    ROLE_LABELS=ROLE_LABELS,
    roles_text=roles_text,
    categories_of=categories_of,
    facts_text=facts_text,
    forms_of=forms_of,
    date_type=date_type,
    by_category=by_category,
)
