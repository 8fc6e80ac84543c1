"""Reading the fields of an MRZ: document code, country codes, names, number, sex, dates.

TD3 and TD1 hold the same kinds of field at different places; each reader here
takes the place (line and 1-based position) from ``mrz_formats`` and raises an
``MrzError`` naming it. The date rules (unknown parts, two-digit years) are in
the docstring of ``mrz``.
"""

from __future__ import annotations

from datetime import date

from desktop.services.registry.mrz_checks import (
    _DIGITS,
    _FILLER,
    _LETTERS,
    MrzError,
    _describe,
    _span,
    _verify,
)


def _document_code(line: str, allowed_first: str, what: str) -> str:
    first, second = line[0], line[1]
    if first not in allowed_first:
        letters = " or ".join(allowed_first)
        raise MrzError(
            f"Line 1: the machine-readable zone of {what} starts with {letters} (position 1), "
            f"not {_describe(first)}. Check that this is {what} and that the lines are "
            "complete.",
            "document_code",
            1,
            1,
        )
    if second not in _LETTERS and second != _FILLER:
        raise MrzError(
            f"Line 1: the second character of the document code (position 2) must be a letter "
            f"or <, not {_describe(second)}.",
            "document_code",
            1,
            2,
        )
    return (first + second).rstrip(_FILLER)


def _country(line: str, line_number: int, start: int, field: str, label: str) -> str:
    raw = line[start - 1 : start + 2]
    code = raw.rstrip(_FILLER)
    where = _span(start, start + 2)
    for offset, char in enumerate(raw):
        if char not in _LETTERS and char != _FILLER:
            hint = " (often a misread O)" if char == "0" else ""
            raise MrzError(
                f"Line {line_number}: {label} ({where}) is a country code of letters, but "
                f"position {start + offset} has {_describe(char)}{hint}.",
                field,
                line_number,
                start + offset,
            )
    if not code or _FILLER in code:
        raise MrzError(
            f"Line {line_number}: {label} ({where}) is not a country code; it should be "
            "three letters such as AFG, or a letter followed by < such as D<<.",
            field,
            line_number,
            start,
        )
    return code


def _names(raw: str, line_number: int, start: int) -> tuple[str, str]:
    for offset, char in enumerate(raw):
        if char in _DIGITS:
            raise MrzError(
                f"Line {line_number}, position {start + offset}: names in the machine-readable "
                f"zone are letters only, but there is {_describe(char)} (0 is often a misread "
                "O, 1 a misread I, 8 a misread B).",
                "name",
                line_number,
                start + offset,
            )
    name = raw.rstrip(_FILLER)
    if not name:
        raise MrzError(
            f"Line {line_number}: the name ({_span(start, start + len(raw) - 1)}) is empty.",
            "name",
            line_number,
            start,
        )
    family, _, given = name.partition("<<")
    return (
        " ".join(family.replace(_FILLER, " ").split()),
        " ".join(given.replace(_FILLER, " ").split()),
    )


def _document_number(raw: str, line_number: int, start: int) -> str:
    number = raw.strip(_FILLER)
    if not number:
        raise MrzError(
            f"Line {line_number}: the document number ({_span(start, start + len(raw) - 1)}) "
            "is empty.",
            "document_number",
            line_number,
            start,
        )
    return number


def _sex(char: str, line_number: int, position: int) -> str:
    if char in ("M", "F", "X"):
        return char
    if char == _FILLER:
        return "X"
    raise MrzError(
        f"Line {line_number}: the sex (position {position}) must be M, F, X or <, not "
        f"{_describe(char)}.",
        "sex",
        line_number,
        position,
    )


def _optional(raw: str) -> str:
    return raw.strip(_FILLER).replace(_FILLER, " ")


def _date_syntax(
    raw: str, line_number: int, start: int, field: str, label: str, *, unknown_parts: bool
) -> None:
    where = _span(start, start + 5)
    if not unknown_parts and raw == _FILLER * 6:
        return
    allowed = _DIGITS + _FILLER if unknown_parts else _DIGITS
    for offset, char in enumerate(raw):
        if char not in allowed:
            raise MrzError(
                f"Line {line_number}: {label} ({where}) is written YYMMDD in digits, but "
                f"position {start + offset} has {_describe(char)}.",
                field,
                line_number,
                start + offset,
            )
    for offset in (0, 2, 4):
        part = raw[offset : offset + 2]
        if _FILLER in part and part != _FILLER * 2:
            raise MrzError(
                f"Line {line_number}: {label} ({where}) has half a year, month or day at "
                f"{_span(start + offset, start + offset + 1)}: each part is two digits, or << "
                "when it is unknown.",
                field,
                line_number,
                start + offset,
            )


def _bad_date(
    line_number: int, start: int, field: str, label: str, offset: int, problem: str
) -> MrzError:
    return MrzError(
        f"Line {line_number}: {label} ({_span(start, start + 5)}) is not a real date: {problem} "
        f"({_span(start + offset, start + offset + 1)}). Check it against the document.",
        field,
        line_number,
        start + offset,
    )


def _latest_year(two_digits: int, limit: int) -> int:
    """The latest year on or before ``limit`` that ends in ``two_digits``."""
    return limit - (limit - two_digits) % 100


def _birth_sex_expiry(
    line2: str, start: int, today: date
) -> tuple[date | None, str, str, date | None]:
    """Date of birth, sex and expiry: the same run of fields in TD3 and TD1, starting at
    index ``start`` of line 2 (birth 6 + check, sex, expiry 6 + check)."""
    birth_raw, expiry_raw = line2[start : start + 6], line2[start + 8 : start + 14]
    first = start + 1  # positions are counted from 1 in messages
    _date_syntax(birth_raw, 2, first, "date_of_birth", "the date of birth", unknown_parts=True)
    _verify(
        birth_raw,
        line2[start + 6],
        field="date_of_birth",
        label="the check digit of the date of birth",
        line=2,
        position=first + 6,
        look_at=f"positions {first} to {first + 6} of line 2",
    )
    date_of_birth, precision = _birth_date(birth_raw, 2, first, today)
    sex = _sex(line2[start + 7], 2, first + 7)
    _date_syntax(expiry_raw, 2, first + 8, "expiry_date", "the expiry date", unknown_parts=False)
    _verify(
        expiry_raw,
        line2[start + 14],
        field="expiry_date",
        label="the check digit of the expiry date",
        line=2,
        position=first + 14,
        look_at=f"positions {first + 8} to {first + 14} of line 2",
    )
    return date_of_birth, precision, sex, _expiry_date(expiry_raw, 2, first + 8, today)


def _birth_date(raw: str, line_number: int, start: int, today: date) -> tuple[date | None, str]:
    field, label = "date_of_birth", "the date of birth"
    year_part, month_part, day_part = raw[0:2], raw[2:4], raw[4:6]
    if year_part == "<<":
        return None, "unknown"
    month = None if month_part in ("<<", "00") else int(month_part)
    day = None if day_part in ("<<", "00") else int(day_part)
    if month is not None and not 1 <= month <= 12:
        raise _bad_date(line_number, start, field, label, 2, "the month must be 01 to 12")
    if day is not None and not 1 <= day <= 31:
        raise _bad_date(line_number, start, field, label, 4, "the day must be 01 to 31")
    year = _latest_year(int(year_part), today.year)
    if month is None:
        return date(year, 1, 1), "year"
    if day is None:
        if (year, month) > (today.year, today.month):
            year -= 100
        return date(year, month, 1), "month"
    if (year, month, day) > (today.year, today.month, today.day):
        year -= 100
    try:
        return date(year, month, day), "exact"
    except ValueError:
        raise _bad_date(line_number, start, field, label, 4, "that month has no such day") from None


def _expiry_date(raw: str, line_number: int, start: int, today: date) -> date | None:
    field, label = "expiry_date", "the expiry date"
    if raw == _FILLER * 6:
        return None
    year = _latest_year(int(raw[0:2]), today.year + 20)
    month, day = int(raw[2:4]), int(raw[4:6])
    if not 1 <= month <= 12:
        raise _bad_date(line_number, start, field, label, 2, "the month must be 01 to 12")
    try:
        return date(year, month, day)
    except ValueError:
        raise _bad_date(line_number, start, field, label, 4, "that month has no such day") from None
