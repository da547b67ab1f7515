"""Rendered pieces of the board (a table row, a matrix row, the map), kept by their content.

A board of two hundred countries spends most of its time rendering rows that have not changed
since the last request. Each piece is kept under a key made of everything it shows: the view's
every field, all the way down (conditions, quotes, source labels), and the renderer's other arguments.
A changed fact makes a different key, so a piece can never be stale; there is nothing to clear after
a write, and several workers or machines need no coordination. The cache is bounded by count.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections import OrderedDict
from operator import attrgetter
from typing import Any, Callable, Iterable

import msgspec
from markupsafe import Markup

from app.services.views import (CitationView, ConditionView, CountryView, FactorView, SourceLabel,
                                StanceView)
from app.services.worldmap import MapCountry, Marker, Shape, WorldMap

MAX_ENTRIES = 1024  # a board of 200 countries is about 330 pieces

_PLAIN = frozenset((str, int, float, bool, type(None), dt.date, dt.datetime))
_VIEWS = (StanceView, ConditionView, CitationView, FactorView, SourceLabel, CountryView, WorldMap)


def _field_names(cls: type) -> list[str]:
    """A view's fields, a dataclass's or a msgspec Struct's (quotes), but the memo of its key."""
    names = cls.__struct_fields__ if issubclass(cls, msgspec.Struct) else [f.name for f in dataclasses.fields(cls)]
    return [name for name in names if name != "content_key"]


# Every field a view shows, in order. The map's named tuples are their fields already.
_GETTERS: dict[type, Callable[[Any], tuple]] = {
    cls: attrgetter(*_field_names(cls)) for cls in _VIEWS
} | {cls: tuple for cls in (Shape, Marker, MapCountry)}


class ContentKey:
    """A view's fields as a tuple, with its hash worked out once: a board looks up a few hundred
    pieces per request, and hashing nested tuples again each time would cost more than the lookup."""

    __slots__ = ("parts", "hash")

    def __init__(self, parts: tuple) -> None:
        self.parts = parts
        self.hash = hash(parts)

    def __hash__(self) -> int:
        return self.hash

    def __eq__(self, other: object) -> bool:
        return self is other or (type(other) is ContentKey and self.hash == other.hash and self.parts == other.parts)

    def __repr__(self) -> str:
        return f"ContentKey{self.parts!r}"


def content_key(value: Any) -> Any:
    """A hashable value equal for equal content: views become tuples of their fields, lists tuples.

    A view's key is worked out once and kept on it (views are not changed once built, and a
    source or factor shared by many quotes and conditions is then keyed once). Anything else (an
    ORM object, say, whose attributes could change behind the key) is refused, so a piece is never
    kept under a key that does not hold all it shows.
    """
    kind = type(value)
    if kind in _PLAIN:
        return value
    getter = _GETTERS.get(kind)
    if getter is not None:
        key = getattr(value, "content_key", None)
        if key is None:
            key = ContentKey((kind, *[v if type(v) in _PLAIN else content_key(v) for v in getter(value)]))
            if hasattr(value, "content_key"):
                value.content_key = key
        return key
    if kind is list or kind is tuple:
        return tuple([v if type(v) in _PLAIN else content_key(v) for v in value])
    raise TypeError(f"no content key for {kind.__name__}: only views, lists and plain values can key a fragment")


class FragmentCache:
    """An LRU of rendered Markup, bounded by count; safe to share between request threads."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple, Markup] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def render(self, macro, *args: Any, keep: bool = True) -> Markup:
        """MACRO(*ARGS), from the cache when the same macro was rendered with the same content. MACRO is
        a template macro or a Python function of its arguments alone (app/pieces.py).

        KEEP false renders without looking up or keeping anything: for pieces that will not be asked
        for again (a past day's board, whose every link names that day), so working out their keys
        would be wasted and keeping them would only push out the pieces of the current board."""
        if not (keep and self.max_entries):
            return Markup(macro(*args))
        # A macro's compiled function (or the function itself), not its name: two templates may share a name, and a template
        # edited in development compiles to a new function, so its old pieces are never served.
        key = (getattr(macro, "_func", macro), *[a if type(a) in _PLAIN else content_key(a) for a in args])
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                self.hits += 1
                return found
            self.misses += 1
        rendered = Markup(macro(*args))
        with self._lock:
            self._entries[key] = rendered
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return rendered

    def render_each(self, macro, items: Iterable[Any], *derived: Callable[[Any], Any], keep: bool = True) -> Markup:
        """MACRO(item, *(f(item) for f in DERIVED)) for each of ITEMS, joined: one call from a
        template for a whole table body instead of one per row."""
        if not (keep and self.max_entries):  # straight to the macro: a past day's board is 340 rows of it
            return Markup("\n".join([macro(item, *[f(item) for f in derived]) for item in items]))
        return Markup("\n".join([self.render(macro, item, *[f(item) for f in derived]) for item in items]))

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.hits = self.misses = 0


fragments = FragmentCache()
