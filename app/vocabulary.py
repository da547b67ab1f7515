"""The words of the domain, defined once: statuses, condition categories and states, roles and the
resolution's states, each with the label readers see. Models (check constraints), schemas
(allowed values) and templates (labels) all read them from here."""

from __future__ import annotations

STATUS_LABELS = {
    "deployed": "Deployed",
    "committed": "Committed",
    "conditional": "Conditional",
    "considering": "Considering",
    "declined": "Declined",
    "withdrawn": "Withdrawn",
}
STATUS_HELP = {
    "deployed": "troops on the ground",
    "committed": "has pledged troops",
    "conditional": "will take part only if its conditions are met",
    "considering": "approached or in talks, no position yet",
    "declined": "has said no",
    "withdrawn": "took part or pledged, then pulled out",
}
CATEGORY_LABELS = {
    "ceasefire": "Ceasefire",
    "mandate": "Mandate",
    "domestic_approval": "Domestic approval",
    "disarmament": "Disarmament",
    "party_consent": "Consent of the parties",
    "command": "Command",
    "funding": "Funding",
    "other": "Other",
}
STATE_LABELS = {"unmet": "Unmet", "met": "Met", "unknown": "Unknown"}
ROLE_LABELS = {
    "combat": "Combat",
    "engineering": "Engineering",
    "medical": "Medical",
    "police": "Police",
    "police_training": "Police training",
    "logistics": "Logistics",
    "funding": "Funding",
}
# The facts of a stance a quote can be the word for.
FACT_LABELS = {"status": "Status", "troops": "Troops", "roles": "Roles", "summary": "Summary",
               "stated_on": "Date stated", "dispute": "Disagreeing report"}
# The troops a country of each status can have committed or deployed: none until it has said yes,
# and none deployed while its conditions are unmet. Offered figures are open to every status.
# The rule built on this is app/figure_rule.py.
TROOPS_ALLOWED = {
    "deployed": ("committed", "deployed"),
    "committed": ("committed", "deployed"),
    "conditional": ("committed",),
    "considering": (),
    "declined": (),
    "withdrawn": (),
}
# A country that declined or withdrew has no offer standing, whatever it offered before: its offered
# figures stay on record (its row and history show them), but no total counts them.
NO_OFFER_STANDING = ("declined", "withdrawn")
# How a message names a country of each status ("A declined country has no committed troops").
STATUS_SUBJECTS = {
    "deployed": "a deployed country",
    "committed": "a committed country",
    "conditional": "a conditional country",
    "considering": "a country still considering",
    "declined": "a declined country",
    "withdrawn": "a withdrawn country",
}
# Worded as far as a draft goes: a drafted or tabled resolution has not been voted on.
RESOLUTION_LABELS = {"drafted": "In draft, not voted on", "tabled": "Tabled, not voted on", "adopted": "Adopted",
                     "rejected": "Rejected"}
# The facts of the force itself a quote can be the word for (a fact may span several columns: the
# target with whether it is approximate, the sponsor with its country, the resolution with its date
# and text).
PROPOSAL_FACT_LABELS = {"target_troops": "Target", "target_police": "Police target", "sponsor": "Led by",
                        "resolution": "UN resolution", "mandate_summary": "Mandate", "context_notes": "Context"}
# What a quote is the word for, in words: a stance's facts, a troop figure when a quote rests under one
# figure only (the offer's two ends are one offer), and a proposal's facts.
QUOTE_FACT_LABELS = {**FACT_LABELS, "offered_min": "Troops offered (the least)", "offered_max": "Troops offered (the most)",
                     "committed": "Troops committed", "deployed": "Troops deployed", **PROPOSAL_FACT_LABELS}


def quote_fact_labels(fields) -> list[str]:
    """What a quote is the word for (its FIELDS), in words, each once: a quote for both ends of an offer
    is the word for the offer ("Troops offered"), one for one end names that end."""
    fields = list(fields)
    both = {"offered_min", "offered_max"} <= set(fields)
    return list(dict.fromkeys("Troops offered" if both and f in ("offered_min", "offered_max")
                              else QUOTE_FACT_LABELS.get(f, f) for f in fields))

# Months as the site writes days ("7 Nov 2025"), by hand rather than by strftime, whose names would
# follow the process's locale.
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_words(day) -> str:
    """"7 Nov 2025": a day (a date, or anything with day, month and year) as every page writes it."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"

# In this order everywhere: the board's order of statuses (most engaged first), and so on.
STATUSES = tuple(STATUS_LABELS)
CONDITION_CATEGORIES = tuple(CATEGORY_LABELS)
STATES = tuple(STATE_LABELS)
ROLES = tuple(ROLE_LABELS)
RESOLUTION_STATES = tuple(RESOLUTION_LABELS)
STANCE_FACTS = tuple(FACT_LABELS)
PROPOSAL_FACTS = tuple(PROPOSAL_FACT_LABELS)
