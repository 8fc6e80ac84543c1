"""The TD3 (passport) and TD1 (ID card) layouts, and the record they are read into.

Each layout says where its fields sit, in which order their check digits are
verified (the composite one last) and what goes into ``MrzData``; reading a
single field is left to ``mrz_fields``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.services.registry.mrz_checks import _FILLER, _verify
from desktop.services.registry.mrz_fields import (
    _birth_sex_expiry,
    _country,
    _document_code,
    _document_number,
    _names,
    _optional,
)

__all__ = ["MrzData"]


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
