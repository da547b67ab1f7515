"""The board's world map: Natural Earth outlines projected once by `make map` (static/map/),
one shape per country coloured by its status, and a marker where an outline is too small to see
or missing at that scale (Bahrain, Malta, Kosovo...). Which countries get a marker follows from
the map data, never from a list of names.

The outlines never change, so a board does not carry them: they are one static SVG file
(`static/map/world-110m.svg`, written from the map data by `sprite_svg`, cached by browsers for a
year under a versioned address), and the board's map draws each country with `<use>` by the id of
its outline there. A board's page then carries only what the day changes: colours, links and dots."""

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
    ref: str  # its element's id in the outlines file
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


def _ref(key: str) -> str:
    """The id of outline KEY in the outlines file: the alpha-3 code, or "n-" and the folded name with
    anything but letters and digits as hyphens (Kosovo: n-kosovo)."""
    return key if re.fullmatch(r"[A-Z]{3}", key) else "n-" + re.sub(r"[^a-z0-9]+", "-", key).strip("-")


def _outline(key: str, raw: dict[str, Any]) -> Outline:
    """An outline of the map file, its path data checked once as safe to write into SVG as it is."""
    if not PATH_DATA.match(raw["d"]):
        raise ValueError(f"the map file's path data holds other characters than path commands: {raw['d'][:40]!r}")
    return Outline(_ref(key), raw["d"], tuple(raw["centroid"]), raw["area"])


@lru_cache(maxsize=4)
def load_atlas(path: Path = MAP_FILE) -> Atlas:
    """Read the projected map once per process."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    keyed = {_key(k): v for k, v in raw["outlines"].items()} | {_key(name): v for name, v in raw["unnumbered"].items()}
    outlines = {key: _outline(key, v) for key, v in keyed.items()}
    refs = Counter(o.ref for o in outlines.values())
    if max(refs.values(), default=1) > 1:
        raise ValueError(f"two outlines of the map file would share an id: {refs.most_common(1)[0][0]}")
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
    ref: str  # its outline's id in the outlines file


class Marker(NamedTuple):
    country: MapCountry
    x: float
    y: float
    outline: str | None  # the id of the tiny outline under the marker, coloured too when there is one


@dataclass
class WorldMap:
    width: int
    height: int
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
    centre (over its tiny outline, when it has one). Every outline is drawn as land first (the
    file's "world" group), so a country off the board is land without a colour."""
    shapes: list[Shape] = []
    markers: list[Marker] = []
    unplaced: list[MapCountry] = []
    for country in sorted(on_board.values(), key=lambda c: (c.name, c.code)):
        outline = _lookup(atlas.outlines, country.code, country.name)
        if outline is not None and outline.area >= MARKER_BELOW_AREA:
            shapes.append(Shape(country, outline.ref))
            continue
        point = outline.centroid if outline is not None else _lookup(atlas.points, country.code, country.name)
        if point is None:
            unplaced.append(country)
            continue
        markers.append(Marker(country, _clamp(point[0], atlas.width), _clamp(point[1], atlas.height),
                              outline.ref if outline is not None else None))
    counts = Counter(c.status for c in on_board.values())
    legend = [(status, counts[status]) for status in STATUSES if counts[status]]
    return WorldMap(atlas.width, atlas.height, shapes, markers, unplaced, legend)


SPRITE_FILE = ROOT_DIR / "static" / "map" / "world-110m.svg"


def sprite_svg(atlas: Atlas) -> str:
    """The outlines file: every outline of ATLAS as a path with its id, all in one group "world", inside
    <defs> (drawn only where a board's map uses them). Written by `make map`; a test keeps it in step
    with the map data."""
    paths = "".join(f'<path id="{o.ref}" d="{o.d}"/>\n' for o in atlas.outlines.values())
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {atlas.width} {atlas.height}">\n'
            f'<!-- {atlas.source}: written by `make map` from static/map/world-110m.json; do not edit by hand. -->\n'
            f'<defs><g id="world">\n{paths}</g></defs>\n</svg>\n')


if __name__ == "__main__":  # `make map`, after projecting: write the outlines file from the map data
    SPRITE_FILE.write_text(sprite_svg(load_atlas()), encoding="utf-8")
