"""Parsing one cell of a registration list: dates, names, countries, phones, documents.

Each parser takes the cell's text (dates also the cell itself) and returns the
value to store, or raises ``_Bad`` with the reason shown to the clerk, which
never repeats the value. The rules are in the docstring of ``reading``; the
row checks in ``checking`` apply these parsers column by column.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Final

from desktop.services.intake.cells import _DIGITS, _key
from desktop.services.intake.vocabularies import (
    _COUNTRY_CODES,
    _COUNTRY_NAMES,
    _DOCUMENT_TYPE,
    _LANGUAGE,
    _LANGUAGE_SPLIT,
    _RELATIONSHIP,
    _RELATIONSHIP_BY_SEX,
    _SEX,
)
from desktop.services.vocabulary import DOCUMENT_TYPES, LANGUAGES, RELATIONSHIPS


class _Bad(Exception):
    """One value breaks a rule; the message is the reason shown to the clerk."""


_MONTH_ENGLISH: Final = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS: Final[dict[str, int]] = {
    **{name.lower(): number for number, name in enumerate(_MONTH_ENGLISH) if name},
    **{name[:3].lower(): number for number, name in enumerate(_MONTH_ENGLISH) if name},
    "sept": 9,
}
_TIME = r"(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_DMY = re.compile(r"(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d+)" + _TIME)
_YMD = re.compile(r"(\d{4})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{1,2})" + _TIME)
_D_MON_Y = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s./-]*([a-z]+)\.?[\s./,-]*(\d+)")
_NUMBER = re.compile(r"\d+(?:\.\d*)?")
_FORMATS_HINT = "use dd/mm/yyyy, yyyy-mm-dd or the year alone"
_MIN_YEAR, _MAX_YEAR = 1900, 2100


def _year(text: str) -> int:
    if len(text) <= 2:
        raise _Bad("the year has only two digits, which is ambiguous: write all four")
    if len(text) != 4:
        raise _Bad(f"not a date ({_FORMATS_HINT})")
    year = int(text)
    if year < _MIN_YEAR:
        if 1300 <= year <= 1420:
            raise _Bad(
                "the year looks like a Solar Hijri (Shamsi) year: "
                "convert the date to the Gregorian calendar"
            )
        raise _Bad(f"the year is before {_MIN_YEAR}")
    if year > _MAX_YEAR:
        raise _Bad(f"the year is after {_MAX_YEAR}")
    return year


def _real(year: int, month: int, day: int, order: str) -> tuple[date, str]:
    if month == 0 and day == 0:  # 00/00/1990: the year alone
        return date(year, 1, 1), "year"
    if not 1 <= month <= 12:
        raise _Bad(f"not a real date (there is no month {month}; dates are read as {order})")
    if day < 1:
        raise _Bad("not a real date (there is no day 0)")
    if day > calendar.monthrange(year, month)[1]:
        if month == 2 and day == 29:
            raise _Bad("not a real date (29 February in a year that is not a leap year)")
        raise _Bad(f"not a real date (day {day} in {_MONTH_ENGLISH[month]})")
    return date(year, month, day), "exact"


def _from_number(number: float, epoch: date) -> tuple[date, str]:
    if not math.isfinite(number):
        raise _Bad(f"not a date ({_FORMATS_HINT})")
    whole = int(number)
    if number == whole and _MIN_YEAR <= whole <= _MAX_YEAR:
        return date(whole, 1, 1), "year"
    if number == whole and 0 <= whole < 100:
        raise _Bad("the year has only two digits, which is ambiguous: write all four")
    if 10000 <= number < 100000:  # an Excel serial date: 1927 to 2173
        return epoch + timedelta(days=whole), "exact"
    if number == whole and 1000 <= whole < 10000:
        _year(str(whole))  # raises with the reason (Shamsi, before 1900 ...)
    raise _Bad(f"not a date ({_FORMATS_HINT})")


def _parse_date(value: object, epoch: date) -> tuple[date, str]:
    """(date, "exact" | "year") from a cell, or _Bad with the reason."""
    if isinstance(value, datetime):
        return value.date(), "exact"
    if isinstance(value, date):
        return value, "exact"
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _Bad(f"not a date ({_FORMATS_HINT})")
    if not isinstance(value, str):
        return _from_number(value, epoch)
    text = value.translate(_DIGITS).strip().lower()
    if (match := _DMY.fullmatch(text)) is not None:
        year = _year(match.group(3))
        return _real(year, int(match.group(2)), int(match.group(1)), "day/month/year")
    if (match := _YMD.fullmatch(text)) is not None:
        year = _year(match.group(1))
        return _real(year, int(match.group(2)), int(match.group(3)), "year-month-day")
    if _NUMBER.fullmatch(text):
        return _from_number(float(text), epoch)
    if (match := _D_MON_Y.fullmatch(text)) is not None and match.group(2) in _MONTHS:
        year = _year(match.group(3))
        return _real(year, _MONTHS[match.group(2)], int(match.group(1)), "day month year")
    raise _Bad(f"not a date ({_FORMATS_HINT})")


def _name(text: str, limit: int) -> str:
    if any(ch.isdigit() for ch in text):
        raise _Bad("contains digits; a name has letters only")
    if not any(ch.isalpha() for ch in text):
        raise _Bad("has no letters")
    if len(text) > limit:
        raise _Bad(f"longer than {limit} characters")
    return text


def _lookup(table: Mapping[str, str], text: str, reason: str) -> str:
    found = table.get(_key(text))
    if found is None:
        raise _Bad(reason)
    return found


def _country(text: str) -> str:
    code = text.upper()
    if code in _COUNTRY_CODES:
        return code
    found = _COUNTRY_NAMES.get(_key(text))
    if found is not None:
        return found
    if len(code) == 3 and code.isascii() and code.isalpha():
        raise _Bad("not a known three-letter country code (ISO 3166, e.g. AFG)")
    raise _Bad("not a country code (use the three-letter ISO 3166 code, e.g. AFG)")


_PHONE_START = re.compile(r"[+0-9]")


def _phone(text: str) -> str:
    text = text.translate(_DIGITS)
    digits = "".join(ch for ch in text if "0" <= ch <= "9")
    if len(digits) < 6:
        raise _Bad("too few digits for a phone number")
    if len(digits) > 17:
        raise _Bad("too many digits for one phone number")
    first = _PHONE_START.search(text)
    return ("+" if first is not None and first.group() == "+" else "") + digits


def _document_number(text: str) -> str:
    number = text.translate(_DIGITS).upper()
    if not any(ch.isdigit() for ch in number):
        raise _Bad("has no digits; a document number has some")
    if len(number) > 64:
        raise _Bad("longer than 64 characters")
    return number


def _document_key(number: str) -> str:
    return "".join(ch for ch in number if ch.isalnum())


def _one_of(words: Sequence[str]) -> str:
    return ", ".join(words[:-1]) + " or " + words[-1]


_RELATIONSHIP_HELP: Final = f"not a known relationship (use {_one_of(RELATIONSHIPS)})"
_DOCUMENT_TYPE_HELP: Final = f"not a known document type (use {_one_of(DOCUMENT_TYPES)})"
_LANGUAGE_HELP: Final = f"not a known language (use {_one_of(LANGUAGES)})"


def _case_ref(text: str) -> str:
    text = text.translate(_DIGITS)
    if len(text) > 64:
        raise _Bad("longer than 64 characters")
    return text


def _sex(text: str) -> str:
    return _lookup(_SEX, text, "not a known sex (use M, F or X)")


def _relationship(text: str) -> tuple[str, str, str]:
    """(relationship if male, if female, the sex the word implies or "")."""
    key = _key(text)
    if key in _RELATIONSHIP:
        relationship, implied = _RELATIONSHIP[key]
        return relationship, relationship, implied
    if key in _RELATIONSHIP_BY_SEX:
        male, female = _RELATIONSHIP_BY_SEX[key]
        return male, female, ""
    raise _Bad(_RELATIONSHIP_HELP)


def _document_type(text: str) -> str:
    return _lookup(_DOCUMENT_TYPE, text, _DOCUMENT_TYPE_HELP)


def _language(text: str) -> str:
    first = _LANGUAGE_SPLIT.split(text, maxsplit=1)[0].strip() or text
    return _lookup(_LANGUAGE, first, _LANGUAGE_HELP)


def _programme(text: str) -> str:
    if len(text) > 128:
        raise _Bad("longer than 128 characters")
    return text


def _expiry(value: object, epoch: date) -> date:
    expires, precision = _parse_date(value, epoch)
    if precision != "exact":
        raise _Bad("needs a full date (day, month and year), not only a year")
    return expires


def _birth(value: object, epoch: date, today: date) -> tuple[date, str]:
    born, precision = _parse_date(value, epoch)
    if born > today:
        raise _Bad("in the future")
    return born, precision
