"""The one rule for a stance's troop figures, whatever the write came through.

- Each figure is a whole number and not negative.
- The most offered is not less than the least offered.
- No more troops are deployed than committed, when both are given: troops on the ground were
  committed first.
- No more troops are committed or deployed than the most offered, when an offer's top is given: a
  statement that pledges more than it offers contradicts itself (the offer is raised instead).
- A country that has not said yes (considering, declined, withdrawn) has no troops committed or
  deployed, and a conditional one none deployed (`TROOPS_ALLOWED` in app/vocabulary.py); a
  figure of 0 says "none" and is allowed.

The schemas, the stance forms and the write path (`set_stance`) ask `figure_problems`; none keeps
a check of its own. Rows stored before the rule are restored and kept as they are: `verify`
reports them, and the totals count only the troops a status allows (`countable`), so such a row
can never inflate the board. The offers of a country that declined or withdrew are kept on record
but not counted (`counted_offer`). A figure left out counts as at least the one below it in the
chain most offered ≥ committed ≥ deployed (`counted`), so no total says more troops are on the
ground than were committed, nor more committed than offered.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.vocabulary import NO_OFFER_STANDING, STATUS_SUBJECTS, TROOPS_ALLOWED

TROOP_FIELDS = ("offered_min", "offered_max", "committed", "deployed")
LIMITED_FIELDS = ("committed", "deployed")  # the figures a status may rule out
NOT_A_NUMBER = "must be a whole number"
NEGATIVE = "must not be negative"
RANGE = "the most offered cannot be less than the least offered"
OVER_COMMITTED = ("more troops deployed than committed: troops on the ground were committed first; "
                  "raise the committed figure or lower this one")


def over_offered(field: str) -> str:
    return (f"more troops {field} than the most offered: a country does not pledge more than it offers; "
            "raise the offer or lower this figure")


def figure_problem(value: Any) -> str | None:
    """What is wrong with one figure on its own (None: nothing; a missing figure is fine)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        return NOT_A_NUMBER
    if value < 0:
        return NEGATIVE
    return None


def allows(status: str, field: str) -> bool:
    """Whether a country of STATUS can have troops under FIELD (offered figures: always)."""
    return field not in LIMITED_FIELDS or field in TROOPS_ALLOWED.get(status, LIMITED_FIELDS)


def status_problem(status: str, field: str) -> str:
    subject = STATUS_SUBJECTS.get(status, f"a country that is {status}")
    return f"{subject} has no {field} troops: clear this figure or change the status"


def figure_problems(status: str | None, troops: Mapping[str, Any]) -> dict[str, str]:
    """Every figure of TROOPS that breaks the rule, by field, with the rule it breaks. STATUS None
    checks the figures alone (the numbers and the offered range)."""
    problems: dict[str, str] = {}
    for field in TROOP_FIELDS:
        problem = figure_problem(troops.get(field))
        if problem:
            problems[field] = problem
    low, high = troops.get("offered_min"), troops.get("offered_max")
    if low is not None and high is not None and not problems.keys() & {"offered_min", "offered_max"} and high < low:
        problems["offered_max"] = RANGE
    if status is not None:
        for field in LIMITED_FIELDS:
            if field not in problems and troops.get(field) and not allows(status, field):
                problems[field] = status_problem(status, field)
    committed, deployed = troops.get("committed"), troops.get("deployed")
    if committed is not None and deployed is not None and not problems.keys() & {"committed", "deployed"} \
            and deployed > committed:
        problems["deployed"] = OVER_COMMITTED
    if high is not None and "offered_max" not in problems:
        for field in LIMITED_FIELDS:
            value = troops.get(field)
            if field not in problems and isinstance(value, int) and not isinstance(value, bool) and value > high:
                problems[field] = over_offered(field)
    return problems


def countable(stance: Any, field: str) -> int:
    """FIELD's troops of STANCE as totals count them: 0 when missing or when its status has none."""
    value = getattr(stance, field)
    return value if type(value) is int and value > 0 and allows(stance.status, field) else 0


def counted(stance: Any) -> tuple[int, int, int, int]:
    """STANCE's troops as totals count them: (offered least, offered most, committed, deployed).
    Troops on the ground were committed, and committed troops offered, first: a country that gave a
    deployed figure and no committed one counts at least those as committed, and the top of its offer
    at least what it committed, so the totals never show more troops deployed than committed, nor
    more committed than the most offered. The least offered is what the country said."""
    deployed = countable(stance, "deployed")
    committed = max(countable(stance, "committed"), deployed)
    low, high = counted_offer(stance)
    return low, max(high, committed), committed, deployed


def counted_offer(stance: Any) -> tuple[int, int]:
    """STANCE's offered troops as totals count them, (least, most): "at least N" (the least alone) is
    N at both ends; "up to N" (the most alone) adds N to the most and nothing to the least, which it
    does not promise; a country that declined or withdrew has no offer standing (0, 0)."""
    if stance.status in NO_OFFER_STANDING:
        return 0, 0
    high = stance.offered_max if stance.offered_max is not None else stance.offered_min
    return stance.offered_min or 0, high or 0
