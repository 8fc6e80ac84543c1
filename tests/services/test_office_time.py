"""The office clock: wall-clock times in Europe/Tirane to UTC instants and back."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from desktop.errors import InvalidInput
from desktop.services.office.clock import day_bounds, to_utc


def test_autumn_time_that_happens_twice_means_the_first() -> None:
    # 26 Oct 2031: 03:00 summer time -> 02:00 winter time, so 02:30 happens twice
    assert to_utc(date(2031, 10, 26), time(2, 30)) == datetime(2031, 10, 26, 0, 30, tzinfo=UTC)


def test_change_days_last_23_and_25_hours() -> None:
    start, end = day_bounds(date(2031, 3, 30))
    assert (end - start).total_seconds() == 23 * 3600
    start, end = day_bounds(date(2031, 10, 26))
    assert (end - start).total_seconds() == 25 * 3600


@pytest.mark.parametrize("day", [date.min, date.max])
def test_days_at_the_ends_of_the_calendar_are_refused_not_a_crash(day: date) -> None:
    # `print agenda --date 9999-12-31` reached the crash path with OverflowError
    with pytest.raises(InvalidInput, match="outside"):
        day_bounds(day)


def test_a_time_before_year_one_in_utc_is_refused_not_a_crash() -> None:
    with pytest.raises(InvalidInput, match="outside"):
        to_utc(date.min, time(0))
