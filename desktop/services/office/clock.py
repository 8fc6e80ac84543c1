"""The office's clock: appointments are agreed in Europe/Tirane time and stored in UTC.

Albania changes clocks on the last Sundays of March and October, so a day is not always
24 hours and some wall-clock times do not exist (02:30 on the spring day) or happen twice
(02:30 on the autumn day). Everything that turns a wall-clock time into an instant goes
through here so those cases are decided once.

"Now" and "today" come from one ``OfficeClock`` that the unlocked office carries
(``office.clock``): today is the office's date in Tirana, not the laptop's date, and tests
freeze the clock instead of patching the machine's.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from desktop.errors import InvalidInput

OFFICE_TZ = ZoneInfo("Europe/Tirane")


def to_utc(day: date, at: time) -> datetime:
    """The instant of a wall-clock time in the office; refuses times the clocks skip.

    A time that happens twice (the autumn change) means the first one, as a clerk
    reading a clock that has not yet been turned back would mean.
    """
    local = datetime.combine(day, at, tzinfo=OFFICE_TZ)
    try:
        instant = local.astimezone(UTC)
    except OverflowError:
        raise _out_of_range(day) from None
    if instant.astimezone(OFFICE_TZ).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise InvalidInput(
            f"{at:%H:%M} does not exist on {day:%d %b %Y}: the clocks go forward that night. "
            "Choose another time."
        )
    return instant


def to_local(instant: datetime) -> datetime:
    return instant.astimezone(OFFICE_TZ)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """Start and end (exclusive) in UTC of an office day, 23 or 25 hours on change days."""
    try:
        following = day + timedelta(days=1)
    except OverflowError:
        raise _out_of_range(day) from None
    return to_utc(day, time(0)), to_utc(following, time(0))


def _out_of_range(day: date) -> InvalidInput:
    return InvalidInput(f"{day.isoformat()} is outside the calendar the office can use.")


def office_today(now: datetime | None = None) -> date:
    """The office's date at ``now`` (the machine's clock when None: prefer ``office.clock``)."""
    return to_local(now or datetime.now(UTC)).date()


def age_on(born: date, day: date) -> int:
    """Completed years on ``day`` (a 29 February birthday counts from 1 March)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class OfficeClock(Protocol):
    """Where services and windows read the time."""

    def now(self) -> datetime:
        """The current instant, timezone-aware in UTC."""
        ...

    def today(self) -> date:
        """The office's date (Europe/Tirane) at this instant."""
        ...


class SystemClock:
    """The computer's clock, read as office time."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return office_today(self.now())


class FrozenClock:
    """A clock that moves only when told to: tests, benchmarks and reproducible demos."""

    def __init__(self, at: datetime) -> None:
        self._at = _aware(at)

    def now(self) -> datetime:
        return self._at

    def today(self) -> date:
        return office_today(self._at)

    def set(self, at: datetime) -> None:
        self._at = _aware(at)

    def advance(self, delta: timedelta) -> None:
        self._at += delta


def _aware(at: datetime) -> datetime:
    if at.tzinfo is None:
        raise ValueError("a frozen clock needs a timezone-aware instant")
    return at.astimezone(UTC)
