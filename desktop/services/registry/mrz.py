"""Read the machine-readable zone (MRZ) of passports and ID cards (ICAO Doc 9303).

Two formats are read:

* **TD3** (passports): two lines of 44 characters (Doc 9303 Part 4);
* **TD1** (ID cards): three lines of 30 characters (Doc 9303 Part 5).

The text may be typed by a clerk or sent by a keyboard-wedge MRZ reader, so
:func:`normalise_mrz_text` forgives what is safe to forgive: spaces, tabs and
control characters, lower case, ``\\r``/``\\r\\n`` line ends, the whole zone in
one string of 88 or 90 characters, look-alikes of the filler ``<`` (``«``,
``‹``, ``〈``, full-width ``＜``...), full-width Latin letters and digits, and
non-Latin decimal digits such as the Dari/Pashto ``۰``-``۹``.  It never
guesses between look-alike letters and digits (``O``/``0``, ``I``/``1``):
those are reported with their position instead.

Every check digit is verified, the composite one last, so that a single
mistake is reported at the field it is in.  Each problem raises
:class:`MrzError` with a message a registration clerk can act on; the
messages name lines, positions (1-based, as printed in Doc 9303) and check
digits, never a name, a document number or a date.

Rules that Doc 9303 leaves to the reader, as implemented here:

* Date of birth: a ``<<`` day or month means "unknown"
  (Doc 9303 Part 3).  Unknown day -> first of the month, precision
  ``"month"``; unknown month -> 1 January, precision ``"year"`` (a known day
  with an unknown month is dropped); unknown year -> ``None``, precision
  ``"unknown"``.  ``00`` as day or month is read the same way as ``<<``: it is
  not Doc 9303, but several issuing states write unknown parts that way.
* Two-digit years: the date of birth is put in the latest century that keeps
  it on or before ``today``; the expiry date is the latest year ending in
  those two digits that is at most ``today.year + 20`` (for 2000-2079 that is
  ``20YY`` if ``YY <= today.year % 100 + 20``, else ``19YY``).
* An expiry date of ``<<<<<<`` (no expiry) gives ``None``; any other ``<`` in
  the expiry date is an error.
* Sex ``<`` (unspecified) is returned as ``"X"``.
* TD3 personal number: its check digit may be ``<`` or ``0`` when positions
  29-42 are all ``<``.
* TD1 document numbers longer than 9 characters: ``<`` at position 15, the
  rest of the number and its check digit at the start of optional data 1
  (Doc 9303 Part 5, note j); the check digit covers the whole number.
* ``optional_data``: the TD3 personal number, or the TD1 optional data 1
  (after any document-number continuation) and optional data 2 joined by a
  space; leading/trailing ``<`` removed, inner ``<`` turned into spaces.
* MRV visas (TD3-sized, code ``V``) and TD2 documents are not read.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

__all__ = ["MrzData", "MrzError", "check_digit", "normalise_mrz_text", "parse_mrz"]

TD3_LINE_LENGTH = 44
TD1_LINE_LENGTH = 30

_DIGITS = "0123456789"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_FILLER = "<"
_ALLOWED = frozenset(_DIGITS + _LETTERS + _FILLER)
_WEIGHTS = (7, 3, 1)

#: characters that stand for the filler '<' (French quotes, angle brackets)
_FILLER_LOOKALIKES = "\u00ab\u2039\u2329\u3008\u27e8\ufe64\uff1c"  # « ‹ 〈 〈 ⟨ ﹤ ＜
#: zero-width and other invisible characters a paste or a scanner may add
_INVISIBLE_CATEGORIES = ("Cc", "Cf")

_LAYOUT_HINT = "If a scanner typed it, set the keyboard layout to English (US) and scan again."


def _build_translation() -> dict[int, str]:
    table: dict[int, str] = {ord(c): _FILLER for c in _FILLER_LOOKALIKES}
    for lower in "abcdefghijklmnopqrstuvwxyz":
        table[ord(lower)] = lower.upper()
    # full-width ASCII (East Asian input methods): U+FF01..U+FF5E -> U+0021..U+007E
    for code in range(0xFF01, 0xFF5F):
        ascii_char = chr(code - 0xFEE0)
        if ascii_char in "abcdefghijklmnopqrstuvwxyz":
            ascii_char = ascii_char.upper()
        table.setdefault(code, ascii_char)
    return table


_TRANSLATION = _build_translation()


class MrzError(ValueError):
    """A problem with the MRZ, with a message for the clerk.

    ``field`` names the part that is wrong: ``"length"`` (line count or line
    length), ``"characters"``, ``"line_order"``, ``"document_code"``,
    ``"issuing_state"``, ``"name"``, ``"document_number"``, ``"nationality"``,
    ``"date_of_birth"``, ``"sex"``, ``"expiry_date"``, ``"optional_data"``
    (the TD3 personal number) or ``"composite"``.  ``line`` and ``position``
    are 1-based, as in Doc 9303, or ``None`` when they do not apply.
    """

    def __init__(
        self, message: str, field: str, line: int | None = None, position: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.line = line
        self.position = position

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[MrzError], tuple[str, str, int | None, int | None]]:
        return (type(self), (self.message, self.field, self.line, self.position))


@dataclass(frozen=True)
class MrzData:
    """The fields of a parsed MRZ; every check digit has been verified."""

    kind: str  # "TD3" or "TD1"
    document_code: str  # "P", "PO", "I", "ID", ... (filler removed)
    issuing_state: str  # e.g. "AFG", "UTO", "D" (filler removed)
    family_name: str  # upper case, '<' turned into spaces
    given_names: str  # upper case, '<' turned into spaces
    document_number: str  # without filler '<'
    nationality: str  # e.g. "AFG", "XXA", "D" (filler removed)
    date_of_birth: date | None  # None when the year is unknown
    dob_precision: str  # "exact", "month", "year" or "unknown"
    sex: str  # "M", "F" or "X"
    expiry_date: date | None  # None when the document has no expiry date
    optional_data: str
    lines: tuple[str, ...]  # the normalised lines


# -- normalising ------------------------------------------------------------------------------


def _clean_line(line: str) -> str:
    kept: list[str] = []
    for char in line:
        if char.isspace() or unicodedata.category(char) in _INVISIBLE_CATEGORIES:
            continue
        mapped = _TRANSLATION.get(ord(char))
        if mapped is None and not char.isascii():
            digit = unicodedata.decimal(char, None)  # e.g. Dari '۳' -> '3'
            mapped = None if digit is None else str(digit)
        kept.append(char if mapped is None else mapped)
    return "".join(kept)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _length_error(lines: list[str]) -> MrzError:
    count = len(lines)
    both = "a passport has two lines of 44 characters, an ID card three lines of 30 characters"
    if count == 0:
        return MrzError(
            "Nothing to read: type or scan the machine-readable zone at the bottom of the "
            f"photo page ({both}).",
            "length",
        )
    if count == 1:
        length = len(lines[0])
        if length == TD3_LINE_LENGTH:
            message = (
                "Only one line of 44 characters: a passport's machine-readable zone has two "
                "lines; the second line is missing."
            )
        elif length == TD1_LINE_LENGTH:
            message = (
                "Only one line of 30 characters: an ID card's machine-readable zone has three "
                "lines; two lines are missing."
            )
        else:
            message = (
                f"Got one line of {_plural(length, 'character')}: {both} "
                "(88 or 90 characters in all)."
            )
        return MrzError(message, "length", 1)
    lengths = [len(line) for line in lines]
    if count == 2 and lengths == [TD1_LINE_LENGTH] * 2:
        return MrzError(
            "Got two lines of 30 characters: an ID card's machine-readable zone has three "
            "lines; the third line is missing.",
            "length",
        )
    if count == 2 and lengths == [36, 36]:
        return MrzError(
            "Got two lines of 36 characters: this is a TD2 document, which cannot be read "
            "here; enter its details by hand.",
            "length",
        )
    if count == 3 and lengths.count(TD3_LINE_LENGTH) >= 2:
        return MrzError(
            "Got three lines, but a passport's machine-readable zone has two lines of 44 "
            "characters: remove the extra line.",
            "length",
        )
    if count in (2, 3):
        expected = TD3_LINE_LENGTH if count == 2 else TD1_LINE_LENGTH
        what = "a passport line" if count == 2 else "an ID card line"
        for number, length in enumerate(lengths, start=1):
            if length == expected:
                continue
            difference = length - expected
            amount = (
                f"{_plural(difference, 'character')} too many"
                if difference > 0
                else f"{_plural(-difference, 'character')} too few"
            )
            hint = (
                " Count the < fillers: the line is always filled to the end with <."
                if difference < 0
                else ""
            )
            return MrzError(
                f"Line {number} has {_plural(length, 'character')}, {amount}: "
                f"{what} has exactly {expected}.{hint}",
                "length",
                number,
            )
    return MrzError(f"Got {count} lines: {both}.", "length")


def normalise_mrz_text(text: str) -> tuple[str, ...]:
    """Clean typed or scanned MRZ text and split it into its lines.

    Removes spaces, tabs and invisible characters, upper-cases a-z, maps the
    safe look-alikes described in the module docstring, drops empty lines and
    splits a single 88- or 90-character string into 2 x 44 or 3 x 30.  The
    characters themselves are not checked here (see :func:`parse_mrz`).

    Raises :class:`MrzError` (``field="length"``) unless the result is two
    lines of 44 characters or three lines of 30.
    """
    lines = [cleaned for raw in text.splitlines() if (cleaned := _clean_line(raw))]
    if len(lines) == 1 and len(lines[0]) == 2 * TD3_LINE_LENGTH:
        lines = [lines[0][:TD3_LINE_LENGTH], lines[0][TD3_LINE_LENGTH:]]
    elif len(lines) == 1 and len(lines[0]) == 3 * TD1_LINE_LENGTH:
        whole = lines[0]
        lines = [whole[i : i + TD1_LINE_LENGTH] for i in range(0, len(whole), TD1_LINE_LENGTH)]
    if len(lines) == 2 and all(len(line) == TD3_LINE_LENGTH for line in lines):
        return tuple(lines)
    if len(lines) == 3 and all(len(line) == TD1_LINE_LENGTH for line in lines):
        return tuple(lines)
    raise _length_error(lines)


# -- check digits ---------------------------------------------------------------------------


def _describe(char: str) -> str:
    if char in _DIGITS:
        return f"the digit {char}"
    if char in _LETTERS:
        return f"the letter {char}"
    if char == _FILLER:
        return "the filler <"
    if unicodedata.category(char)[0] in "CMZ":
        return f"the invisible character U+{ord(char):04X}"
    return f"the character '{char}'"


def _char_value(char: str, index: int) -> int:
    if char in _DIGITS:
        return ord(char) - ord("0")
    if char in _LETTERS:
        return ord(char) - ord("A") + 10
    if char == _FILLER:
        return 0
    raise MrzError(
        f"Position {index + 1}: {_describe(char)} cannot be part of a machine-readable zone; "
        "only the letters A to Z, the digits 0 to 9 and < are allowed.",
        "characters",
        None,
        index + 1,
    )


def check_digit(data: str) -> int:
    """The Doc 9303 check digit of ``data``: weights 7, 3, 1 repeated, modulo 10.

    ``0``-``9`` count as their value, ``A``-``Z`` as 10-35 and ``<`` as 0.
    Any other character raises :class:`MrzError` (``field="characters"``).
    """
    total = 0
    for index, char in enumerate(data):
        total += _char_value(char, index) * _WEIGHTS[index % 3]
    return total % 10


def _shown(char: str) -> str:
    return char if char in _DIGITS else f"'{char}'"


def _verify(
    data: str,
    digit: str,
    *,
    field: str,
    label: str,
    line: int,
    position: int,
    look_at: str,
) -> None:
    """``label`` names the check digit, e.g. "the check digit of the date of birth"."""
    expected = check_digit(data)
    if digit != str(expected):
        raise MrzError(
            f"Line {line}: {label} (position {position}) should be "
            f"{expected}, not {_shown(digit)}. Check {look_at} against the document for a "
            "typing or scanning mistake.",
            field,
            line,
            position,
        )


def _span(start: int, end: int) -> str:
    return f"position {start}" if start == end else f"positions {start} to {end}"


# -- fields -----------------------------------------------------------------------------------


def _check_characters(lines: tuple[str, ...]) -> None:
    for number, line in enumerate(lines, start=1):
        for index, char in enumerate(line):
            if char not in _ALLOWED:
                raise MrzError(
                    f"Line {number}, position {index + 1}: {_describe(char)} cannot be part of "
                    "a machine-readable zone; only the letters A to Z, the digits 0 to 9 and < "
                    f"are allowed. {_LAYOUT_HINT}",
                    "characters",
                    number,
                    index + 1,
                )


def _has_digit(text: str) -> bool:
    return any(char in _DIGITS for char in text)


def _check_line_order(lines: tuple[str, ...]) -> None:
    if len(lines) == 2:
        names, data = lines
        if _has_digit(names) and not _has_digit(data):
            raise MrzError(
                "The two lines seem to be the wrong way round: on a passport the line that "
                "starts with P and holds the names comes first, then the line with the "
                "document number and the dates.",
                "line_order",
            )
        return

    def kind(line: str) -> str:
        if not _has_digit(line):
            return "names"
        return "code" if line[0] in "ACI" else "dates"

    kinds = [kind(line) for line in lines]
    if sorted(kinds) == ["code", "dates", "names"] and kinds != ["code", "dates", "names"]:
        raise MrzError(
            "The three lines seem to be in the wrong order: on an ID card the line that starts "
            "with the document code (I, A or C) comes first, then the line that starts with "
            "the date of birth, then the names.",
            "line_order",
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


# -- dates ------------------------------------------------------------------------------------


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


# -- formats ----------------------------------------------------------------------------------


def _parse_td3(lines: tuple[str, ...], today: date) -> MrzData:
    line1, line2 = lines
    document_code = _document_code(line1, "P", "a passport")
    issuing_state = _country(line1, 1, 3, "issuing_state", "the issuing state")
    family_name, given_names = _names(line1[5:44], 1, 6)

    number_raw = line2[0:9]
    _verify(
        number_raw,
        line2[9],
        field="document_number",
        label="the check digit of the document number",
        line=2,
        position=10,
        look_at="positions 1 to 10 of line 2",
    )
    document_number = _document_number(number_raw, 2, 1)
    nationality = _country(line2, 2, 11, "nationality", "the nationality")

    date_of_birth, precision, sex, expiry_date = _birth_sex_expiry(line2, 13, today)

    personal_raw = line2[28:42]
    personal_empty = personal_raw == _FILLER * len(personal_raw)
    if not (personal_empty and line2[42] == _FILLER):
        _verify(
            personal_raw,
            line2[42],
            field="optional_data",
            label="the check digit of the personal number",
            line=2,
            position=43,
            look_at="positions 29 to 43 of line 2",
        )
    _verify(
        line2[0:10] + line2[13:20] + line2[21:43],
        line2[43],
        field="composite",
        label="the overall check digit",
        line=2,
        position=44,
        look_at="all of line 2",
    )
    return MrzData(
        kind="TD3",
        document_code=document_code,
        issuing_state=issuing_state,
        family_name=family_name,
        given_names=given_names,
        document_number=document_number,
        nationality=nationality,
        date_of_birth=date_of_birth,
        dob_precision=precision,
        sex=sex,
        expiry_date=expiry_date,
        optional_data=_optional(personal_raw),
        lines=lines,
    )


def _td1_document_number(line1: str) -> tuple[str, str]:
    """Check the TD1 document number; return it and what is left of optional data 1."""
    principal, digit, optional1 = line1[5:14], line1[14], line1[15:30]
    long_number = digit == _FILLER and _FILLER not in principal and optional1[0] != _FILLER
    if long_number:
        # Doc 9303 Part 5: the rest of the number and its check digit open optional data 1
        continuation = optional1.split(_FILLER, 1)[0]
        number_raw = principal + continuation[:-1]
        digit_position = 15 + len(continuation)
        _verify(
            number_raw,
            continuation[-1],
            field="document_number",
            label="the check digit of the document number",
            line=1,
            position=digit_position,
            look_at=f"positions 6 to {digit_position} of line 1",
        )
        return _document_number(number_raw, 1, 6), optional1[len(continuation) :]
    _verify(
        principal,
        digit,
        field="document_number",
        label="the check digit of the document number",
        line=1,
        position=15,
        look_at="positions 6 to 15 of line 1",
    )
    return _document_number(principal, 1, 6), optional1


def _parse_td1(lines: tuple[str, ...], today: date) -> MrzData:
    line1, line2, line3 = lines
    document_code = _document_code(line1, "ACI", "an ID card")
    issuing_state = _country(line1, 1, 3, "issuing_state", "the issuing state")
    document_number, optional1 = _td1_document_number(line1)

    date_of_birth, precision, sex, expiry_date = _birth_sex_expiry(line2, 0, today)
    nationality = _country(line2, 2, 16, "nationality", "the nationality")
    optional2 = line2[18:29]
    _verify(
        line1[5:30] + line2[0:7] + line2[8:15] + optional2,
        line2[29],
        field="composite",
        label="the overall check digit",
        line=2,
        position=30,
        look_at="positions 6 to 30 of line 1 and all of line 2",
    )
    family_name, given_names = _names(line3, 3, 1)
    optional_data = " ".join(part for part in (_optional(optional1), _optional(optional2)) if part)
    return MrzData(
        kind="TD1",
        document_code=document_code,
        issuing_state=issuing_state,
        family_name=family_name,
        given_names=given_names,
        document_number=document_number,
        nationality=nationality,
        date_of_birth=date_of_birth,
        dob_precision=precision,
        sex=sex,
        expiry_date=expiry_date,
        optional_data=optional_data,
        lines=lines,
    )


def parse_mrz(text: str, *, today: date | None = None) -> MrzData:
    """Parse a TD3 (passport) or TD1 (ID card) MRZ and verify all its check digits.

    ``today`` (default: :meth:`date.today`) decides the century of two-digit
    years.  Raises :class:`MrzError` for anything wrong, naming the field,
    the line and the position.
    """
    lines = normalise_mrz_text(text)
    when = today if today is not None else date.today()
    _check_characters(lines)
    _check_line_order(lines)
    if len(lines) == 2:
        return _parse_td3(lines, when)
    return _parse_td1(lines, when)
