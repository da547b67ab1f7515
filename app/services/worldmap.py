"""The board's world map: Natural Earth outlines projected once by `make map` (static/map/),
one shape per country coloured by its status, and a marker where an outline is too small to see
or missing at that scale (Bahrain, Malta, Kosovo...). Which countries get a marker follows from
the map data, never from a list of names."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import pycountry
from markupsafe import Markup

from app.config import ROOT_DIR
from app.vocabulary import STATUSES

MAP_FILE = ROOT_DIR / "static" / "map" / "world-110m.json"

# In px² of the 1000-wide viewBox: an outline smaller than about 4.5 × 4.5 px is hard to see and
# harder to tap (Qatar, Lebanon, Luxembourg...), so such countries get a marker too.
MARKER_BELOW_AREA = 20.0
MARKER_RADIUS = 4.5


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


@dataclass(frozen=True)
class Outline:
    d: str
    centroid: tuple[float, float]
    area: float


@dataclass(frozen=True, eq=False)  # one per map file, told apart by identity (and so hashable)
class Atlas:
    """The projected map data, keyed the way the board looks countries up."""

    width: int
    height: int
    source: str
    outlines: dict[str, Outline]  # by alpha-3, or by folded Natural Earth name when it has no ISO code
    points: dict[str, tuple[float, float]]  # likewise: a centroid for countries at the finest scale


def _alpha3(numeric: str) -> str | None:
    record = pycountry.countries.get(numeric=numeric)
    return record.alpha_3 if record else None


def _key(id_or_name: str) -> str:
    """Numeric ISO ids become alpha-3 codes; names of places without one are folded."""
    if id_or_name.isdigit():
        return _alpha3(id_or_name) or id_or_name
    return _fold(id_or_name)


# Path data holds only commands, numbers and separators: nothing a page must escape.
PATH_DATA = re.compile(r"^[MLHVCSQTAZmlhvcsqtaz0-9.,\- ]*$")


def _outline(raw: dict[str, Any]) -> Outline:
    """An outline of the map file, its path data checked once as safe to write into a page as it is."""
    if not PATH_DATA.match(raw["d"]):
        raise ValueError(f"the map file's path data holds other characters than path commands: {raw['d'][:40]!r}")
    return Outline(Markup(raw["d"]), tuple(raw["centroid"]), raw["area"])


@lru_cache(maxsize=4)
def load_atlas(path: Path = MAP_FILE) -> Atlas:
    """Read the projected map once per process."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    outlines = {_key(k): _outline(v) for k, v in raw["outlines"].items()}
    outlines.update({_key(name): _outline(v) for name, v in raw["unnumbered"].items()})
    points = {_key(k): tuple(v) for k, v in raw["points"].items()}
    return Atlas(raw["width"], raw["height"], raw["source"], outlines, points)


# Immutable, hashable (the current board's map is looked up by its countries) and quick to make: a
# board makes one of each per country on every map it draws afresh, a past day's every time.
class MapCountry(NamedTuple):
    """A country on the board as the map shows it."""

    code: str
    name: str
    status: str
    href: str


class Shape(NamedTuple):
    country: MapCountry
    d: str


class Marker(NamedTuple):
    country: MapCountry
    x: float
    y: float
    outline: str | None  # the tiny outline under the marker, coloured too when there is one


@dataclass
class WorldMap:
    width: int
    height: int
    background: str  # every outline of a country not on the board, as one path
    shapes: list[Shape]
    markers: list[Marker]
    unplaced: list[MapCountry]  # on the board, but nowhere on this map (e.g. Tokelau)
    legend: list[tuple[str, int]]  # (status, countries) for the statuses on the board
    radius: float = MARKER_RADIUS


def _lookup(table: dict[str, Any], code: str, name: str) -> Any:
    """By ISO code; a country with no numeric code (Kosovo) is found by its name."""
    return table.get(code) or table.get(_fold(name))


def _clamp(value: float, high: float) -> float:
    # A few small islands near the antimeridian (Tuvalu) project just past the map's edge.
    return round(min(max(value, MARKER_RADIUS), high - MARKER_RADIUS), 1)


def world_map(stances: Iterable[Any], href: Callable[[str], str], atlas: Atlas | None = None) -> WorldMap:
    """Shapes, markers and legend for STANCES, each linked to HREF(its code)."""
    on_board = {s.country_code: MapCountry(s.country_code, s.country.name, s.status, href(s.country_code))
                for s in stances}
    return _make_map(on_board, atlas or load_atlas())


def _make_map(on_board: dict[str, MapCountry], atlas: Atlas) -> WorldMap:
    """Where each country goes: its outline when one is big enough to see, else a marker at its
    centre (over its tiny outline, when it has one); the outlines of countries off the board are
    drawn as one background path."""
    shapes: list[Shape] = []
    markers: list[Marker] = []
    unplaced: list[MapCountry] = []
    taken: set[str] = set()
    for country in sorted(on_board.values(), key=lambda c: (c.name, c.code)):
        outline = _lookup(atlas.outlines, country.code, country.name)
        if outline is not None and outline.area >= MARKER_BELOW_AREA:
            shapes.append(Shape(country, outline.d))
            taken.add(outline.d)
            continue
        point = outline.centroid if outline is not None else _lookup(atlas.points, country.code, country.name)
        if point is None:
            unplaced.append(country)
            continue
        if outline is not None:
            taken.add(outline.d)
        markers.append(Marker(country, _clamp(point[0], atlas.width), _clamp(point[1], atlas.height),
                              outline.d if outline is not None else None))
    background = Markup("").join(o.d for o in atlas.outlines.values() if o.d not in taken)
    counts = Counter(c.status for c in on_board.values())
    legend = [(status, counts[status]) for status in STATUSES if counts[status]]
    return WorldMap(atlas.width, atlas.height, background, shapes, markers, unplaced, legend)
