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

This module cleans the text and checks the zone as a whole; ``mrz_formats``
holds the TD3 and TD1 layouts and ``MrzData``, ``mrz_fields`` reads single
fields and dates, and ``mrz_checks`` holds ``MrzError`` and the check digits.

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
from datetime import date

from desktop.services.registry.mrz_checks import (
    _DIGITS,
    _FILLER,
    _LETTERS,
    MrzError,
    _describe,
)
from desktop.services.registry.mrz_formats import MrzData, _parse_td1, _parse_td3

__all__ = ["normalise_mrz_text", "parse_mrz"]

TD3_LINE_LENGTH = 44
TD1_LINE_LENGTH = 30
_ALLOWED = frozenset(_DIGITS + _LETTERS + _FILLER)

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


def parse_mrz(text: str, *, today: date) -> MrzData:
    """Parse a TD3 (passport) or TD1 (ID card) MRZ and verify all its check digits.

    ``today`` (the office's date) decides the century of two-digit years. Raises
    :class:`MrzError` for anything wrong, naming the field, the line and the position.
    """
    lines = normalise_mrz_text(text)
    when = today
    _check_characters(lines)
    _check_line_order(lines)
    if len(lines) == 2:
        return _parse_td3(lines, when)
    return _parse_td1(lines, when)
