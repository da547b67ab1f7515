"""The page filters: dates written the same whatever the time zone they are given in."""

from __future__ import annotations

import datetime as dt

import pytest

from app.web.templating import day, facts_text, iso, short_day

TIMES = [
    dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc),
    dt.datetime(2025, 12, 31, 23, 59, 59, 999_999, tzinfo=dt.timezone.utc),
    # Half past midnight in Delhi is the evening before in UTC: the day shown is the UTC day.
    dt.datetime(2026, 3, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))),
    dt.datetime(2026, 11, 9, 20, 15, 30, 123, tzinfo=dt.timezone(dt.timedelta(hours=-8))),
]


@pytest.mark.parametrize("value", TIMES)
def test_times_are_written_in_utc_in_english(value):
    utc = value.astimezone(dt.timezone.utc)
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    assert iso(value) == f"{utc:%Y-%m-%dT%H:%M:%S}Z"
    assert day(value) == f"{utc.day} {months[utc.month - 1]} {utc.year}, {utc:%H:%M} UTC"
    assert short_day(value) == f"{utc.day} {months[utc.month - 1]} {utc.year}"


def test_a_time_that_is_not_utc_is_shown_on_its_utc_day():
    delhi = TIMES[2]
    assert (iso(delhi), day(delhi), short_day(delhi)) == ("2026-02-28T19:00:00Z", "28 Feb 2026, 19:00 UTC", "28 Feb 2026")


def test_dates_and_missing_values():
    assert (iso(dt.date(2026, 7, 4)), day(dt.date(2026, 7, 4)), short_day(dt.date(2026, 7, 4))) == (
        "2026-07-04", "4 Jul 2026", "4 Jul 2026")
    assert (iso(None), day(None), short_day(None)) == ("", "unknown", "unknown")


def test_what_a_quote_is_the_word_for_names_the_end_of_an_offer_it_gives():
    """Two quotes, one for the least offered and one for the most, must not both read "Troops offered"."""
    assert facts_text(["offered_min"]) == "Troops offered (the least)"
    assert facts_text(["offered_max", "committed"]) == "Troops offered (the most), Troops committed"
    assert facts_text(["status", "offered_min", "offered_max"]) == "Status, Troops offered"
    assert facts_text(["troops", "target_troops"]) == "Troops, Target"
