"""The documents of the FICTIONAL demo people: passports and tazkiras.

Split from ``households`` because the documents have rules of their own (shares of
holders, passport numbers unique within one call, expiry dates around the reference date,
e-tazkira numbers by Solar Hijri year) and are drawn on the hot path of a large demo.
``DocumentDraws`` uses the household generator's random source, so the draws stay in the
same order and a seed still gives the same households.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

__all__ = ["DemoDocument", "DocumentDraws"]


@dataclass(frozen=True, slots=True)
class DemoDocument:
    doc_type: str  # "passport" or "tazkira"
    number: str  # passport: "P" + 7 digits; tazkira: "1400-0101-12345" (e-tazkira) or paper style
    issuing_country: str  # "AFG"
    issue_date: date | None
    expiry_date: date | None  # passports: issue + 5 or 10 years; tazkira: None
    machine_readable: bool  # passports True, tazkira False


# Document holding. A person drawn with neither document gets a passport with the "fallback"
# probability, otherwise a tazkira, so that the final shares are about: adults 80 % passport and
# 60-65 % tazkira, children 50 % passport; everyone holds at least one document.
_P_ADULT_PASSPORT = 0.78
_P_ADULT_TAZKIRA = 0.55
_P_CHILD_PASSPORT = 0.45
_P_CHILD_TAZKIRA = 0.45
_P_FALLBACK_PASSPORT = 0.2
_P_PAPER_TAZKIRA = 0.2
_E_TAZKIRA_START_ORDINAL = date(2018, 5, 3).toordinal()  # first e-tazkira issued
_PASSPORT_SPACE = 10_000_000  # "P" + 7 digits


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a non-leap year
        return day.replace(year=day.year + years, day=28)


def _solar_hijri_year(day: date) -> int:
    """Approximate Solar Hijri year (Nowruz taken as 21 March)."""
    return day.year - 621 if (day.month, day.day) >= (3, 21) else day.year - 622


class DocumentDraws:
    """Documents for one ``generate_households`` call (hot path: the random source is
    called directly instead of through helpers, dates are handled as ordinals)."""

    def __init__(self, random: Callable[[], float], ref_ordinal: int) -> None:
        self.random = random
        self.ref_ordinal = ref_ordinal
        self.passports: set[int] = set()  # numbers given out, so none is given twice

    def for_person(self, dob_ordinal: int, age: int) -> tuple[DemoDocument, ...]:
        """A passport, a tazkira or both; never nothing."""
        rand = self.random
        adult = age >= 18
        has_passport = rand() < (_P_ADULT_PASSPORT if adult else _P_CHILD_PASSPORT)
        has_tazkira = rand() < (_P_ADULT_TAZKIRA if adult else _P_CHILD_TAZKIRA)
        if not has_passport and not has_tazkira:
            if rand() < _P_FALLBACK_PASSPORT:
                has_passport = True
            else:
                has_tazkira = True
        if has_passport and has_tazkira:
            return (self._passport(dob_ordinal, age), self._tazkira(dob_ordinal))
        if has_passport:
            return (self._passport(dob_ordinal, age),)
        return (self._tazkira(dob_ordinal),)

    def _passport(self, dob_ordinal: int, age: int) -> DemoDocument:
        rand = self.random
        used = self.passports
        if len(used) >= _PASSPORT_SPACE // 2:
            raise ValueError("too many demo passports requested in one call")
        number = int(rand() * _PASSPORT_SPACE)
        while number in used:
            number = int(rand() * _PASSPORT_SPACE)
        used.add(number)
        years = 5 if age < 18 or rand() < 0.6 else 10
        roll = rand()
        if roll < 0.15:  # expired within the last two years
            offset = -1 - int(rand() * 730)
        elif roll < 0.30:  # expiring within six months
            offset = 1 + int(rand() * 182)
        else:  # valid for longer
            offset = 183 + int(rand() * (years * 365 - 212))
        issue = _add_years(date.fromordinal(self.ref_ordinal + offset), -years)
        earliest = dob_ordinal + 30
        if issue.toordinal() < earliest:  # the person was too young: issue later, expire later
            issue = date.fromordinal(min(self.ref_ordinal, earliest + int(rand() * 400)))
        expiry = _add_years(issue, years)  # also settles 29 February
        return DemoDocument("passport", f"P{number:07d}", "AFG", issue, expiry, True)

    def _tazkira(self, dob_ordinal: int) -> DemoDocument:
        rand = self.random
        start = max(dob_ordinal + 1, _E_TAZKIRA_START_ORDINAL)
        end = self.ref_ordinal - 1
        if start > end or rand() < _P_PAPER_TAZKIRA:
            # paper tazkira: volume - page - registration number, no reliable issue date
            number = f"{1 + int(rand() * 250)}-{1 + int(rand() * 300)}-{1000 + int(rand() * 99000)}"
            return DemoDocument("tazkira", number, "AFG", None, None, False)
        issue = date.fromordinal(start + int(rand() * (end - start + 1)))
        number = (
            f"{_solar_hijri_year(issue)}-{101 + int(rand() * 3399):04d}-{int(rand() * 100000):05d}"
        )
        return DemoDocument("tazkira", number, "AFG", issue, None, False)
