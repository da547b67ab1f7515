"""What-if: who would be available, with how many troops, if some factors came to hold.

A country counts as available when it has committed or deployed troops, or when it is
conditional and each of its conditions is either met already or hangs on a factor assumed to
hold. A condition that hangs on no factor (Azerbaijan's parliamentary approval) stays as it is:
ticking factors cannot meet it. Works the same on live stances and on history views.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.models import Proposal
from app.services.board import Totals, totals

COUNTED_STATUSES = ("deployed", "committed", "conditional")


# Plain (not frozen) slotted classes: a board of two hundred countries makes about four hundred of
# these per request, and a frozen dataclass sets each field through object.__setattr__.
@dataclass(slots=True)
class ConditionOutlook:
    condition: Any  # a Condition or a history ConditionView
    holds: bool  # met now, or assumed met through a ticked factor
    assumed: bool  # holds only because its factor is assumed


@dataclass(slots=True)
class CountryOutlook:
    stance: Any  # a Stance or a history StanceView
    available: bool
    conditions: list[ConditionOutlook]

    @property
    def blocking(self) -> list[Any]:
        """The conditions that still keep this country out: none for one counted as available (a
        country that committed or deployed troops counts whatever its conditions)."""
        return [] if self.available else [c.condition for c in self.conditions if not c.holds]

    @property
    def assumed(self) -> list[Any]:
        return [c.condition for c in self.conditions if c.assumed]


@dataclass(slots=True)
class Projection:
    assumed_factors: list[Any]  # the factors ticked, in the proposal's order
    countries: list[CountryOutlook]  # deployed, committed and conditional countries, in the given order
    totals: Totals  # troops of the available countries only
    not_counted: int  # considering, declined or withdrawn: no troops to count on

    @property
    def available(self) -> list[CountryOutlook]:
        return [c for c in self.countries if c.available]

    @property
    def conditional_available(self) -> list[CountryOutlook]:
        """The available countries that are conditional (the others committed or deployed troops)."""
        return [c for c in self.countries if c.available and c.stance.status == "conditional"]

    @property
    def unavailable(self) -> list[CountryOutlook]:
        return [c for c in self.countries if not c.available]


def unknown_factor_slugs(factors: Iterable[Any], slugs: Iterable[str]) -> list[str]:
    """The SLUGS that name no factor of the proposal, in the order given."""
    known = {f.slug for f in factors}
    return [s for s in slugs if s not in known]


def _outlook(condition: Any, assumed_slugs: set[str]) -> ConditionOutlook:
    if condition.state == "met":
        return ConditionOutlook(condition, holds=True, assumed=False)
    assumed = condition.factor is not None and condition.factor.slug in assumed_slugs
    return ConditionOutlook(condition, holds=assumed, assumed=assumed)


def country_outlook(stance: Any, assumed_slugs: set[str]) -> CountryOutlook:
    """Whether STANCE's country would be available with those factors assumed to hold."""
    conditions = [_outlook(c, assumed_slugs) for c in stance.conditions]
    if stance.status in ("deployed", "committed"):
        available = True
    elif stance.status == "conditional":
        # A conditional country with no condition recorded has not said what it waits for:
        # nothing can be assumed about it.
        available = bool(conditions) and all(c.holds for c in conditions)
    else:
        available = False
    return CountryOutlook(stance, available, conditions)


def project(proposal: Proposal, stances: Iterable[Any], factors: Iterable[Any], assume: Iterable[str]) -> Projection:
    """The board if the factors named in ASSUME held; unknown slugs are the caller's to refuse."""
    factors = list(factors)
    assumed_slugs = set(assume)
    stances = list(stances)
    outlooks = [country_outlook(s, assumed_slugs) for s in stances if s.status in COUNTED_STATUSES]
    available = [o.stance for o in outlooks if o.available]
    return Projection(
        assumed_factors=[f for f in factors if f.slug in assumed_slugs],
        countries=outlooks,
        totals=totals(proposal, available),
        not_counted=len(stances) - len(outlooks),
    )
