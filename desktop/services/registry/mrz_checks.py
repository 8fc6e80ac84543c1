"""The MRZ alphabet, the error every step of reading an MRZ raises, and check digits.

Every field reader in ``mrz_fields`` and ``mrz_formats`` verifies check digits
and words its errors the same way (positions counted from 1, characters
described, never the value itself), so these sit below them. The rules are in
the docstring of ``mrz``.
"""

from __future__ import annotations

import unicodedata

__all__ = ["MrzError", "check_digit"]

_DIGITS = "0123456789"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_FILLER = "<"
_WEIGHTS = (7, 3, 1)


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
