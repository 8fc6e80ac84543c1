"""Checking the rows of a registration list, one by one and then case by case.

A row is valid when every mapped cell parses (see ``values``) and the row's own
rules hold (a relationship that implies a sex, a document number with a type);
then rows are compared across the file: a document number on one row only, and
per case exactly one principal, one destination and one programme. Rows keep
their problems as (canonical column, reason); ``reading`` turns them into
``RowProblem`` records with the header the clerk sees.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any, Final

from desktop.services.intake.cells import _cell_text, _Row
from desktop.services.intake.columns import CANONICAL_COLUMNS, REQUIRED_COLUMNS
from desktop.services.intake.values import (
    _Bad,
    _birth,
    _case_ref,
    _country,
    _document_key,
    _document_number,
    _document_type,
    _expiry,
    _language,
    _name,
    _phone,
    _programme,
    _relationship,
    _sex,
)

_REQUIRED_EMPTY: Final = "required, but empty"


#: values of a row whose cell is empty (or whose column is not mapped)
_EMPTY_VALUES: Final[dict[str, object]] = {
    **dict.fromkeys(CANONICAL_COLUMNS),
    "family_name": "",
    "father_name": "",
    "native_name": "",
    "nationality": "AFG",  # the person record's default
    "dob_precision": "exact",
}


@dataclass
class _Checked:
    """One non-blank row: its values so far and its problems as (canonical, reason)."""

    row: int
    values: dict[str, object]
    problems: list[tuple[str, str]]


@dataclass(frozen=True)
class _Failure:
    reason: str


_BLANK: Final = object()  # an empty cell, in the memo of parsed cells


def _parse_cell(cell: object, parse: Callable[[Any], object], raw_input: bool) -> object:
    """The parsed value of a non-None cell, _BLANK or a _Failure."""
    value = _cell_text(cell) if isinstance(cell, str) or not raw_input else cell
    if value == "":
        return _BLANK
    try:
        return parse(value)
    except _Bad as bad:
        return _Failure(str(bad))


#: canonical, column index, parser, parser takes the cell itself, required, memo
_Field = tuple[str, int, Callable[[Any], object], bool, bool, dict[object, object]]


class _RowChecker:
    """Checks rows one by one; each distinct value of a column is parsed once."""

    def __init__(self, columns: Mapping[str, int], epoch: date, today: date) -> None:
        # (canonical, parser, the parser takes the cell itself rather than its text)
        parsers: tuple[tuple[str, Callable[[Any], object], bool], ...] = (
            ("case_ref", _case_ref, False),
            ("relationship", _relationship, False),
            ("given_name", partial(_name, limit=128), False),
            ("family_name", partial(_name, limit=128), False),
            ("father_name", partial(_name, limit=128), False),
            ("native_name", partial(_name, limit=256), False),
            ("sex", _sex, False),
            ("date_of_birth", partial(_birth, epoch=epoch, today=today), True),
            ("nationality", _country, False),
            ("document_type", _document_type, False),
            ("document_number", _document_number, False),
            ("document_expiry", partial(_expiry, epoch=epoch), True),
            ("phone", _phone, False),
            ("language", _language, False),
            ("destination_country", _country, False),
            ("programme", _programme, False),
        )
        self._fields: list[_Field] = [
            (canonical, columns[canonical], parse, raw, canonical in REQUIRED_COLUMNS, {})
            for canonical, parse, raw in parsers
            if canonical in columns
        ]
        self._has_type_column = "document_type" in columns

    def check(self, row: int, cells: _Row, type_hint: str | None) -> _Checked:
        values = dict(_EMPTY_VALUES)
        problems: list[tuple[str, str]] = []
        given = self._parse(cells, values, problems)
        born = values["date_of_birth"]
        if isinstance(born, tuple):
            values["date_of_birth"], values["dob_precision"] = born
        _settle_relationship(values, problems)
        self._check_document(given, values, problems, type_hint)
        return _Checked(row, values, problems)

    def _parse(
        self, cells: _Row, values: dict[str, object], problems: list[tuple[str, str]]
    ) -> set[str]:
        """Each mapped cell parsed into ``values``; returns the columns that were not empty."""
        given: set[str] = set()
        width = len(cells)
        for canonical, index, parse, raw_input, required, memo in self._fields:
            cell = cells[index] if index < width else None
            if cell is None:
                result: object = _BLANK
            else:
                key = cell if isinstance(cell, str) else (type(cell), cell)
                result = memo.get(key)
                if result is None:
                    result = memo[key] = _parse_cell(cell, parse, raw_input)
            if result is _BLANK:
                if required:
                    problems.append((canonical, _REQUIRED_EMPTY))
            elif isinstance(result, _Failure):
                given.add(canonical)
                problems.append((canonical, result.reason))
            else:
                given.add(canonical)
                values[canonical] = result
        return given

    def _check_document(
        self,
        given: set[str],
        values: dict[str, object],
        problems: list[tuple[str, str]],
        type_hint: str | None,
    ) -> None:
        """A document number needs a type; a type or an expiry needs a number."""
        if "document_number" in given:
            if "document_type" not in given:
                if type_hint is not None:
                    values["document_type"] = type_hint
                elif self._has_type_column:
                    problems.append(
                        ("document_type", f"{_REQUIRED_EMPTY} (a document number is given)")
                    )
                else:
                    problems.append(
                        (
                            "document_number",
                            "needs a document type, and the file has no column for it",
                        )
                    )
        else:
            if "document_type" in given:
                problems.append(("document_type", "given without a document number"))
            if "document_expiry" in given:
                problems.append(("document_expiry", "given without a document number"))


def _settle_relationship(values: dict[str, object], problems: list[tuple[str, str]]) -> None:
    """The relationship the sex chooses (child -> son or daughter); an implied sex must match."""
    relationship = values["relationship"]
    if isinstance(relationship, tuple):
        male, female, implied = relationship
        sex = values["sex"]
        values["relationship"] = None
        if male == female:
            values["relationship"] = male
            if implied and sex in ("M", "F") and sex != implied:
                problems.append(("relationship", "does not match the sex given for this person"))
        elif sex == "M":
            values["relationship"] = male
        elif sex == "F":
            values["relationship"] = female
        else:
            problems.append(("relationship", f"needs sex M or F to tell {male} from {female}"))


def _check_cases(checked: Sequence[_Checked]) -> None:
    """Per case: one principal, the principal's row valid, one destination and programme."""
    cases: dict[str, list[_Checked]] = {}
    for item in checked:
        ref = item.values.get("case_ref")
        if isinstance(ref, str):
            cases.setdefault(ref, []).append(item)
    for members in cases.values():
        principals = [m for m in members if m.values.get("relationship") == "principal"]
        if not principals:
            for member in members:
                member.problems.append(
                    ("relationship", "the case has no principal; it needs exactly one")
                )
            continue
        if len(principals) > 1:
            rows = ", ".join(str(p.row) for p in principals[:6])
            if len(principals) > 6:
                rows += ", ..."
            for member in members:
                member.problems.append(
                    (
                        "relationship",
                        f"the case has {len(principals)} principals (rows {rows}); "
                        "it needs exactly one",
                    )
                )
            continue
        principal = principals[0]
        for canonical, label in (
            ("destination_country", "destination country"),
            ("programme", "programme"),
        ):
            reference = principal if principal.values.get(canonical) else None
            if reference is None:
                reference = next((m for m in members if m.values.get(canonical)), None)
            if reference is None:
                continue
            for member in members:
                value = member.values.get(canonical)
                if value and value != reference.values[canonical]:
                    member.problems.append(
                        (
                            canonical,
                            f"differs from row {reference.row} of the same case "
                            f"(a case has one {label})",
                        )
                    )
        if principal.problems:
            for member in members:
                if member is not principal:
                    member.problems.append(
                        (
                            "relationship",
                            f"the principal of this case (row {principal.row}) has problems",
                        )
                    )


def _check_documents(checked: Sequence[_Checked]) -> None:
    rows_by_number: dict[str, list[_Checked]] = {}
    for item in checked:
        number = item.values.get("document_number")
        if isinstance(number, str):
            rows_by_number.setdefault(_document_key(number), []).append(item)
    for items in rows_by_number.values():
        if len(items) > 1:
            for item in items:
                others = ", ".join(str(other.row) for other in items if other is not item)
                plural = "s" if len(items) > 2 else ""
                item.problems.append(
                    ("document_number", f"the same document number is also on row{plural} {others}")
                )
