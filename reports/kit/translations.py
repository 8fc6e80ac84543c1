"""The words printed for families, read from the office's reviewed files in resources/slips/.

One JSON file per language (english, dari, pashto) with the same keys: appointment kinds,
weekday and month names, labels and the things to bring. Dates stay Gregorian in every
language (the dates on the family's other papers are Gregorian too); only the names and
the digits change. Dari and Pashto use Eastern Arabic-Indic (Persian) digits.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

LANGUAGES = ("english", "dari", "pashto")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


@dataclass(frozen=True)
class Translation:
    code: str  # "english", "dari", "pashto"
    rtl: bool
    words: Mapping[str, Any]  # the whole file

    def number(self, value: int | str) -> str:
        """Digits of ``value`` written in this language's digits."""
        return str(value).translate(str.maketrans("0123456789", self.words["digits"]))

    def long_date(self, day: date) -> str:
        """The date written out in this language, e.g. "Tuesday 31 March 2026"."""
        return str(self.words["date"]).format(
            weekday=self.words["weekdays"][_WEEKDAYS[day.weekday()]],
            day=self.number(day.day),
            month=self.words["months"][_MONTHS[day.month - 1]],
            year=self.number(day.year),
        )

    def time(self, moment: datetime, minutes: int) -> str:
        """The clock time (24 hours) and how long it takes: "10:30 (60 minutes)"."""
        return self.label("time").format(
            time=self.number(moment.strftime("%H:%M")), minutes=self.number(minutes)
        )

    def label(self, key: str) -> str:
        return self._lookup("labels", key, "label")

    def kind(self, code: str) -> str:
        return self._lookup("kinds", code, "appointment kind")

    def bring(self, code: str) -> str:
        return self._lookup("bring", code, "thing to bring")

    def _lookup(self, section: str, key: str, what: str) -> str:
        try:
            return str(self.words[section][key])
        except KeyError:
            known = ", ".join(self.words[section])
            raise ValueError(f"Unknown {what} {key!r} (known: {known})") from None


@functools.cache
def translation(code: str) -> Translation:
    """The words of one language; ValueError for a language without a file."""
    if code not in LANGUAGES:
        raise ValueError(f"No slip translation for language {code!r} (known: {LANGUAGES})")
    words = json.loads(_file(code).read_text(encoding="utf-8"))
    return Translation(code, words["direction"] == "rtl", words)


def _file(code: str) -> Traversable:
    return resources.files("departure_desk_resources") / "slips" / f"{code}.json"
