"""The board's per-country pieces, written in Python: a table row, a conditions-matrix row, the
map's shapes and markers, and the what-if's entries.

A board of two hundred countries makes about 600 of them per page. Jinja spends about 1.5 µs on
each `{{ }}` (attribute lookups, a call into the context, an escape that builds a Markup object),
and these pieces hold about fifty between them: in Jinja they were over half the time of a past
day's board. Built with f-strings they cost a third as much, and the same HTML comes out.

Escaping is the templates' own. Every value read from the data goes through `esc`: MarkupSafe's
escaper, the one Jinja's autoescaping calls, which escapes `& < > " '` (so its output is safe in
attribute values too) and is three times as fast as `html.escape`; a page of two hundred countries
escapes about 2,600 values. Ids are written with `int`. Only our own constants go in as they are:
the labels of `app.templating`, and the pieces rendered from the macros of `_macros.html` (status
badges, condition chips, troop figures), which keep their HTML in the template and are rendered
once per form.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from markupsafe import Markup, escape

from app.templating import (CATEGORY_LABELS, STATE_LABELS, STATUS_LABELS, each_form, html_flag, status_citation, templates,
                            time_texts, troop_range)

try:  # the text MarkupSafe's `escape` wraps in Markup, without building a Markup object per value
    from markupsafe._speedups import _escape_inner as esc
except ImportError:  # MarkupSafe built without its C extension, or reorganised: the public function

    def esc(text: str) -> str:
        return str(escape(text))


@lru_cache(maxsize=1)
def _macros():
    # Loaded once per process: an edit to _macros.html shows in board rows after a restart.
    return templates.env.get_template("_macros.html").module


@lru_cache(maxsize=1)
def _badges() -> dict[str, Markup]:
    """Each status badge, rendered once from its macro."""
    return each_form(_macros().status_badge, STATUS_LABELS)


# The troops and the list of chips are functions of a few small values: each form is rendered once
# by its macro, then looked up. The bounds keep the memory small whatever the data.
@lru_cache(maxsize=4096)
def _troops(offered_min: int | None, offered_max: int | None, committed: int | None,
            deployed: int | None) -> Markup:
    figures = SimpleNamespace(offered_min=offered_min, offered_max=offered_max, committed=committed, deployed=deployed)
    return Markup(_macros().troops_cell(figures))


@lru_cache(maxsize=4096)
def _chips(states_and_categories: tuple[tuple[str, str], ...]) -> str:
    if not states_and_categories:
        return '<span class="muted">None stated</span>'
    chip = _macros().state_chip
    items = "".join([f"<li>{chip(state, CATEGORY_LABELS.get(category, category))}</li>"
                     for state, category in states_and_categories])
    return f'<ul class="chips">{items}</ul>'


def _time_cell(when: dt.datetime, version: int) -> str:
    """A change's time (UTC) as the `iso`, `day` and `short_day` filters write it, and its version."""
    iso, day, short = time_texts(when)
    return (f'<time datetime="{iso}" title="{day}">{short}</time>'
            f'<br><small class="muted">version {int(version)}</small>')


def board_row(s: Any, href: str) -> str:
    """The board table's row of stance view S, its country linked to HREF (HTML, for `fragment_each`,
    which marks the joined rows safe once)."""
    summary = f'<p class="summary">{esc(s.summary)}</p>' if s.summary else ""
    first = status_citation(s)
    if first is not None:
        quote = (f'<a href="/sources/{int(first.source_id)}">Source</a>\n          <details class="row-quote">'
                 f'<summary>Quote</summary><blockquote>{esc(first.quote)}</blockquote></details>')
    else:
        quote = '<span class="muted">none</span>'
    chips = _chips(tuple([(c.state, c.category) for c in s.conditions]))
    return (
        f'<tr id="row-{esc(s.country_code)}"><th scope="row"><a href="{esc(href)}" class="country-link">'
        f'<span class="flag" aria-hidden="true">{html_flag(s.country.alpha2)}</span> {esc(s.country.name)}</a>'
        f'{summary}</th>\n'
        f'        <td>{_badges().get(s.status) or esc(s.status)}</td>\n'
        f'        <td>{_troops(s.offered_min, s.offered_max, s.committed, s.deployed)}</td>\n'
        f'        <td>{chips}</td>\n'
        f'        <td class="nowrap">{_time_cell(s.updated_at, s.version)}</td>\n'
        f'        <td>{quote}</td></tr>'
    )


# How a matrix cell ends for each state: the state is one of a few, written once here.
_CELL_ENDS = {state: f' class="cell state-{state}">{label}</a>' for state, label in STATE_LABELS.items()}


def matrix_row(s: Any, href: str) -> str:
    """The conditions matrix's row of stance view S: one cell per category (in the order of
    CATEGORY_LABELS), each condition's state in words, linked to the condition on the page at HREF."""
    link = esc(href)
    cells = dict.fromkeys(CATEGORY_LABELS, "")
    for c in s.conditions:
        if c.category in cells:
            end = _CELL_ENDS.get(c.state) or f' class="cell state-{esc(c.state)}">{esc(c.state)}</a>'
            cells[c.category] += f'<a href="{link}#condition-{int(c.id)}"{end}'
    row = "".join([f"<td>{cell}</td>" for cell in cells.values()])
    return f'<tr id="matrix-{esc(s.country_code)}"><th scope="row">{esc(s.country.name)}</th>{row}</tr>'


@lru_cache(maxsize=1024)
def _path(d: str) -> str:
    """An outline's path data, escaped once: the outlines are the map file's, the same every time."""
    return esc(d)


def _title(country: Any) -> str:
    return f"<title>{esc(country.name)}: {esc(STATUS_LABELS.get(country.status, country.status))}</title>"


def map_places(world: Any) -> Markup:
    """The countries of map WORLD: each outline and each marker coloured by status, with its name and
    status as a title, linked to its page."""
    out = []
    for shape in world.shapes:
        c = shape.country
        out.append(f'\n    <a href="{esc(c.href)}" id="map-{esc(c.code)}">{_title(c)}'
                   f'<path class="status-{esc(c.status)}" d="{_path(shape.d)}"/></a>')
    for mk in world.markers:
        if mk.outline:
            out.append(f'\n    <path class="status-{esc(mk.country.status)}" d="{_path(mk.outline)}"/>')
    radius = esc(str(world.radius))
    for mk in world.markers:
        c = mk.country
        out.append(f'\n    <a href="{esc(c.href)}" id="map-{esc(c.code)}">{_title(c)}<circle class="marker '
                   f'status-{esc(c.status)}" cx="{esc(str(mk.x))}" cy="{esc(str(mk.y))}" r="{radius}"/></a>')
    return Markup("".join(out))


def _categories_met(conditions: list[Any]) -> str:
    """"ceasefire, mandate": the categories of CONDITIONS in lower case, for the what-if lists."""
    return ", ".join([esc(CATEGORY_LABELS.get(c.category, c.category).lower()) for c in conditions])


_NO_FACTOR = ' <small class="muted">(on no factor: ticking cannot meet it)</small>'


def whatif_available(outlooks: list[Any], href_of: Any) -> Markup:
    """The what-if's list items of conditional countries that would be available: each linked to the
    page HREF_OF(its code) gives, with what was assumed met and the troops it offers."""
    out = []
    for o in outlooks:
        s = o.stance
        assumed = o.assumed
        why = f"{_categories_met(assumed)} assumed met" if assumed else "every condition met"
        out.append(f'\n      <li data-country="{esc(s.country_code)}"><a href="{esc(href_of(s.country_code))}">'
                   f'{esc(s.country.name)}</a> <span class="muted">— {why}; offers '
                   f'{esc(troop_range(s.offered_min, s.offered_max))}</span></li>')
    return Markup("".join(out))


def whatif_unavailable(outlooks: list[Any], href_of: Any) -> Markup:
    """The what-if's list items of conditional countries still kept out: each linked to the page
    HREF_OF(its code) gives, with every condition that keeps it out linked to that condition there."""
    out = []
    for o in outlooks:
        s = o.stance
        link = esc(href_of(s.country_code))
        blocking = o.blocking
        if blocking:
            items = "".join([
                f'<li><strong class="state-{esc(c.state)}">{esc(STATE_LABELS.get(c.state, c.state))}</strong> '
                f'{esc(CATEGORY_LABELS.get(c.category, c.category))}: <a href="{link}#condition-{int(c.id)}">'
                f'{esc(c.text)}</a>{"" if c.factor else _NO_FACTOR}</li>' for c in blocking])
            waits = f'<ul class="blocking">{items}</ul>'
        else:
            waits = ' <span class="muted">its conditions are not recorded.</span>'
        assumed = o.assumed
        also = f'<small class="muted">Assumed met: {_categories_met(assumed)}.</small>' if assumed else ""
        out.append(f'\n      <li data-country="{esc(s.country_code)}"><a href="{link}">{esc(s.country.name)}</a>'
                   f' still waits on:{waits}{also}</li>')
    return Markup("".join(out))


# Board templates call these by name; the map's macro (imported without context) sees only globals.
templates.env.globals.update(board_row=board_row, matrix_row=matrix_row, map_places=map_places,
                             whatif_available=whatif_available, whatif_unavailable=whatif_unavailable)
