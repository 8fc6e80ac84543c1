"""Reading and validating a registration list (CSV or XLSX) before it is imported.

Partners send household lists as spreadsheets: one row per person, rows of one
household sharing a case reference. The intake reader (this module and the
ones beside it) reads such a file, maps its columns to the canonical ones,
normalises every value and reports each problem with the row number and
column name the clerk sees in the spreadsheet. It never touches the database
or Qt; the import service and the import dialog build on it.

The reader is split along the steps below; this module holds the records it
returns and the two entry points, ``read_headers`` and ``read_intake_file``.
``files`` loads and decodes the file (``xlsx`` scans worksheet cells),
``columns`` holds the canonical columns and the mapping, ``values`` and
``vocabularies`` parse cells, ``checking`` applies the row and case rules, and
``cells`` holds the text helpers all of them share.

Reading
    CSV in UTF-8 (with or without BOM), UTF-16 or UTF-32 (with BOM, or UTF-16
    without one), otherwise Windows-1256 when the non-ASCII bytes look like
    Arabic-script words (Excel on a Dari/Pashto Windows), else Windows-1252
    (Latin-1 for the five bytes it leaves undefined). The delimiter (``,``
    ``;`` or tab) is the one that splits the header row into the most
    columns; an Excel ``sep=;`` first line is honoured. XLSX through openpyxl
    (read-only, cached values of formulas), the first visible sheet unless
    ``sheet`` names one; the cells of the sheet are read by ``_scan_sheet``,
    three times faster than openpyxl's cell parser, which stays the fallback.
    The format is told by the file's first bytes, not its name; an old .xls,
    a PDF or any other binary file is refused with ``IntakeFileError``.

Rows
    The header is the first non-blank row, and rows are numbered as the
    spreadsheet shows them (a header on row 1 puts the first person on row 2;
    blank rows count but are skipped). A header cell left empty is called
    ``(column C)``; a repeated header gets `` (2)``, `` (3)`` appended.

Mapping
    ``suggest_mapping`` recognises common header spellings, ignoring case,
    spaces and punctuation (``First name``, ``Surname``, ``Father's name``,
    ``DOB``, ``Passport no``, ``HH ID``, ``Name (Dari)``, ``نام`` ...), then
    the same without a bracketed part or a leading number (``Sex (M/F)``,
    ``3. Sex``). An explicit mapping ``{header: canonical column or None}``
    overrides the suggestion for the headers it names (matched exactly, else
    ignoring case, spaces and punctuation); the other headers keep their
    suggestion unless the mapping took that column. ``header_signature`` keys
    remembered mappings; it ignores column order, case, spaces and punctuation.

Values
    Text is stripped, its spaces collapsed, bidi marks dropped (ZWNJ kept) and
    NFC applied; ``-``, ``n/a``, ``none``, ``null`` count as empty. Names have
    letters and no digits. Dates: ``dd/mm/yyyy``, ``dd.mm.yyyy``,
    ``dd-mm-yyyy``, ``yyyy-mm-dd`` (a time after it is ignored), ``12 Mar
    1990``, Excel serial numbers (five digits: 1927 to 2173), date cells, and
    a year alone (precision ``"year"``, stored as 1 January; so are
    ``00/00/yyyy`` and ``yyyy-00-00``); Persian digits are read. Two-digit
    years are refused, as are years before 1900 (with a hint when they look
    Solar Hijri) or after 2100. A document expiry needs a full date.
    Countries are ISO 3166 alpha-3 codes (plus XXA, XXB, XXC) or a few common
    names (Afghan, Afghanistan, Germany, USA ...); ``nationality`` is ``AFG``
    when empty, as on the person record. A phone keeps its digits (6 to 17)
    and a leading ``+``. ``language`` takes the first of several languages.
    Document numbers are upper-cased.

Rules
    Required in every row: case reference, relationship, given name, sex and
    date of birth (the relationship is required because every case needs
    exactly one principal). ``child``, ``parent``, ``sibling`` and
    ``grandchild`` take the sex to become son or daughter ...; a relationship
    that implies a sex (son, wife ...) must match the sex. A document number
    needs a document type - when there is no type column, a number column
    called ``Passport ...`` or ``Tazkira ...`` gives it - and a document type
    or expiry needs a number. A document number may appear on one row only.
    Per case: exactly one principal (else every row of the case is reported);
    one destination country and one programme; and when the principal's row
    has problems, every other row of the case is reported too, so
    ``IntakeFile.rows`` never holds a case without its principal.

Speed
    10,000 rows of 16 columns on the office laptops: CSV 0.4 s, XLSX 0.9 s
    (Excel's shared strings) or 1.0 s (inline strings, as openpyxl writes).

Problem reasons name the rule broken and never repeat the value (names, dates
of birth and document numbers are personal data); a reason may give a day or
month number ("day 31 in February") or another row number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import cast

from desktop.services.intake.cells import _blank
from desktop.services.intake.checking import (
    _check_cases,
    _check_documents,
    _Checked,
    _RowChecker,
)
from desktop.services.intake.columns import (
    REQUIRED_COLUMNS,
    _document_type_hint,
    _resolve_mapping,
)
from desktop.services.intake.files import _load

__all__ = ["IntakeFile", "IntakeRow", "RowProblem", "read_headers", "read_intake_file"]


@dataclass(frozen=True)
class RowProblem:
    row: int  # as the spreadsheet numbers it (header row 1 -> first person row 2)
    column: str  # the header as written in the file
    reason: str  # plain words, without the value


@dataclass(frozen=True)
class IntakeRow:
    row: int
    case_ref: str
    relationship: str
    given_name: str
    family_name: str
    father_name: str
    native_name: str
    sex: str
    date_of_birth: date | None
    dob_precision: str
    nationality: str
    document_type: str | None
    document_number: str | None
    document_expiry: date | None
    phone: str | None
    language: str | None
    destination_country: str | None
    programme: str | None


@dataclass(frozen=True)
class IntakeFile:
    headers: tuple[str, ...]
    mapping: dict[str, str | None]  # header -> canonical (None = ignored)
    rows: tuple[IntakeRow, ...]  # valid rows only
    problems: tuple[RowProblem, ...]
    rows_read: int  # non-blank data rows
    unmapped_required: tuple[str, ...]  # canonical required columns with no source column
    #: case_refs with at least one rejected row (an import keeps households whole)
    rejected_refs: frozenset[str] = frozenset()


def read_headers(path: Path, *, sheet: str | None = None) -> tuple[str, ...]:
    """The column headers of ``path`` (empty ones named ``(column C)``, repeats numbered)."""
    return _load(Path(path), sheet, headers_only=True).headers


def _intake_row(item: _Checked) -> IntakeRow:
    v = item.values
    return IntakeRow(
        row=item.row,
        case_ref=cast(str, v["case_ref"]),
        relationship=cast(str, v["relationship"]),
        given_name=cast(str, v["given_name"]),
        family_name=cast(str, v["family_name"]),
        father_name=cast(str, v["father_name"]),
        native_name=cast(str, v["native_name"]),
        sex=cast(str, v["sex"]),
        date_of_birth=cast("date | None", v["date_of_birth"]),
        dob_precision=cast(str, v["dob_precision"]),
        nationality=cast(str, v["nationality"]),
        document_type=cast("str | None", v["document_type"]),
        document_number=cast("str | None", v["document_number"]),
        document_expiry=cast("date | None", v["document_expiry"]),
        phone=cast("str | None", v["phone"]),
        language=cast("str | None", v["language"]),
        destination_country=cast("str | None", v["destination_country"]),
        programme=cast("str | None", v["programme"]),
    )


def read_intake_file(
    path: Path,
    mapping: Mapping[str, str | None] | None = None,
    *,
    today: date,
    sheet: str | None = None,
) -> IntakeFile:
    """Read, map, normalise and validate a registration list.

    ``mapping`` overrides the suggested mapping for the headers it names (None
    ignores a column). ``today`` (the office's date) bounds dates of birth.
    ``sheet`` names the worksheet of an XLSX file (default: the first visible
    one). Raises ``IntakeFileError`` only when the file cannot be read at all;
    everything wrong inside it is in ``problems``.
    """
    table = _load(Path(path), sheet, headers_only=False)
    resolved = _resolve_mapping(table.headers, mapping)
    data_rows = [(row, cells) for row, cells in table.rows if not _blank(cells)]
    unmapped = tuple(c for c in REQUIRED_COLUMNS if c not in resolved.values())
    if unmapped:
        return IntakeFile(table.headers, resolved, (), (), len(data_rows), unmapped)

    position = {h: i for i, h in enumerate(table.headers)}
    columns = {target: position[h] for h, target in resolved.items() if target}
    header_of = {target: h for h, target in resolved.items() if target}
    hint = None if "document_type" in columns else _document_type_hint(resolved)
    checker = _RowChecker(columns, table.epoch, today)
    checked = [checker.check(row, cells, hint) for row, cells in data_rows]
    _check_documents(checked)
    _check_cases(checked)  # last: it reports rows of a case whose principal has problems

    problems: list[RowProblem] = []
    valid: list[IntakeRow] = []
    rejected_refs: set[str] = set()
    for item in checked:
        if item.problems:
            ref = item.values.get("case_ref")
            if isinstance(ref, str) and ref:
                rejected_refs.add(ref)
            found = [RowProblem(item.row, header_of[c], reason) for c, reason in item.problems]
            found.sort(key=lambda problem: position[problem.column])
            problems.extend(found)
        else:
            valid.append(_intake_row(item))
    return IntakeFile(
        headers=table.headers,
        mapping=resolved,
        rows=tuple(valid),
        problems=tuple(problems),
        rows_read=len(data_rows),
        unmapped_required=(),
        rejected_refs=frozenset(rejected_refs),
    )
