"""Reading and validating a registration list (CSV or XLSX) before it is imported.

Partners send household lists as spreadsheets: one row per person, rows of one
household sharing a case reference. This module reads such a file, maps its
columns to the canonical ones, normalises every value and reports each problem
with the row number and column name the clerk sees in the spreadsheet. It
never touches the database or Qt; the import service and the import dialog
build on it.

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

import calendar
import codecs
import csv
import hashlib
import io
import math
import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Final, cast

from desktop.errors import InvalidInput
from desktop.services.vocabulary import DOCUMENT_TYPES, LANGUAGES, RELATIONSHIPS

__all__ = [
    "CANONICAL_COLUMNS",
    "DOCUMENT_TYPES",
    "LANGUAGES",
    "RELATIONSHIPS",
    "REQUIRED_COLUMNS",
    "IntakeFile",
    "IntakeFileError",
    "IntakeRow",
    "RowProblem",
    "header_signature",
    "read_headers",
    "read_intake_file",
    "suggest_mapping",
]

CANONICAL_COLUMNS: Final[tuple[str, ...]] = (
    "case_ref",
    "relationship",
    "given_name",
    "family_name",
    "father_name",
    "native_name",
    "sex",
    "date_of_birth",
    "nationality",
    "document_type",
    "document_number",
    "document_expiry",
    "phone",
    "language",
    "destination_country",
    "programme",
)

#: a file without a source column for one of these yields no rows
REQUIRED_COLUMNS: Final[tuple[str, ...]] = (
    "case_ref",
    "relationship",
    "given_name",
    "sex",
    "date_of_birth",
)

#: the largest file read (a 10,000-person list is about 2 MB)
MAX_FILE_BYTES: Final = 64 * 1024 * 1024


class IntakeFileError(InvalidInput):
    """The file cannot be read at all: not CSV or XLSX, empty, no header, bad encoding."""


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


# ------------------------------------------------------------------------------ text helpers

#: bidi controls, zero-width space and BOM; ZWNJ/ZWJ stay (they spell Dari words)
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"),
    None,
)
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_NULL_WORDS = frozenset({"-", "--", "---", "–", "—", "n/a", "n.a.", "#n/a", "none", "null"})
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(text: str) -> str:
    """Stripped, spaces collapsed, invisible marks dropped, NFC."""
    if text.isascii():
        return " ".join(text.split())
    text = " ".join(text.translate(_INVISIBLE).split())
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def _cell_text(value: object) -> str:
    """A cell as normalised text ("" for empty and the null words)."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = _clean(value)
        if len(text) <= 4 and text.casefold() in _NULL_WORDS:
            return ""
        return text
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return _clean(str(value))


_ARABIC_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "\u200c": None})


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    """Case, spaces and punctuation ignored: ``"Father's name"`` -> ``"fathersname"``."""
    if text.isascii():
        return "".join(ch for ch in text.lower() if ch.isalnum())
    text = unicodedata.normalize("NFKC", text).casefold().translate(_ARABIC_FOLD)
    return "".join(ch for ch in text if ch.isalnum())


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# ------------------------------------------------------------------------------ reading files

_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DELIMITERS = (",", ";", "\t")
_SEP_LINE = re.compile(r"sep=(.)[ \t]*\r?\n")
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")

_Row = Sequence[object]


@dataclass(frozen=True)
class _Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[int, _Row], ...]  # (spreadsheet row number, cells) below the header
    epoch: date  # day 0 of Excel serial numbers


def _blank(cells: _Row) -> bool:
    for value in cells:
        if value is None:
            continue
        if isinstance(value, str):
            if value and not value.isspace() and (value.isascii() or _clean(value)):
                return False
            continue
        return False
    return True


def _load(path: Path, sheet: str | None, headers_only: bool) -> _Table:
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise IntakeFileError(f"The file {name} cannot be opened: {reason}.") from exc
    if size == 0:
        raise IntakeFileError(f"The file {name} is empty.")
    if size > MAX_FILE_BYTES:
        raise IntakeFileError(
            f"The file {name} is too large for a registration list "
            f"(more than {MAX_FILE_BYTES / (1024 * 1024):g} MB)."
        )
    if head.startswith(_OLE_MAGIC):
        raise IntakeFileError(
            f"The file {name} is an old Excel 97-2003 workbook (.xls); "
            "save it as an Excel workbook (.xlsx) or as CSV and import that."
        )
    if head.startswith(_XLSX_MAGIC):
        rows, epoch = _xlsx_rows(path, sheet, headers_only)
    elif path.suffix.lower() in {".xlsx", ".xlsm"}:
        raise IntakeFileError(f"The file {name} is not a valid Excel workbook.")
    elif head.startswith(b"%PDF"):
        raise IntakeFileError(f"The file {name} is a PDF, not a CSV file or an Excel workbook.")
    else:
        if sheet is not None:
            raise IntakeFileError(f"The file {name} is a CSV file: it has no sheets to choose.")
        rows = _csv_rows(path)
        epoch = date(1899, 12, 30)
    return _table(name, rows, epoch)


def _table(name: str, rows: list[_Row], epoch: date) -> _Table:
    header_index = next((i for i, cells in enumerate(rows) if not _blank(cells)), None)
    if header_index is None:
        raise IntakeFileError(f"The file {name} holds no data: it has no header row.")
    raw = [_cell_text(value) for value in rows[header_index]]
    while raw and not raw[-1]:
        raw.pop()
    headers: list[str] = []
    seen: Counter[str] = Counter()
    for index, text in enumerate(raw):
        header = text or f"(column {_column_letter(index)})"
        seen[header] += 1
        if seen[header] > 1:
            header = f"{header} ({seen[header]})"
            while header in seen:  # a header that already reads "Name (2)"
                header += "'"
            seen[header] += 1
        headers.append(header)
    body = tuple((i + 1, cells) for i, cells in enumerate(rows) if i > header_index)
    return _Table(tuple(headers), body, epoch)


def _csv_rows(path: Path) -> list[_Row]:
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise IntakeFileError(f"The file {name} cannot be read: {reason}.") from exc
    text = _decode(name, data)
    if "\x00" in text:
        raise IntakeFileError(f"The file {name} is not a CSV file or an Excel workbook.")
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    if not text.strip():
        raise IntakeFileError(f"The file {name} is empty.")
    sep = _SEP_LINE.match(text)
    if sep and sep.group(1) in (*_DELIMITERS, "|"):
        delimiter = sep.group(1)
        text = text[sep.end() :]
    else:
        delimiter = _sniff_delimiter(text)
    try:
        return list(
            csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True)
        )
    except csv.Error as exc:
        raise IntakeFileError(f"The file {name} is not a well-formed CSV file.") from exc


def _decode(name: str, data: bytes) -> str:
    boms = (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    )
    encoding = next((enc for bom, enc in boms if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data[:4096]:
        sample = data[:4096]
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > len(sample) // 4 and even == 0:
            encoding = "utf-16-le"
        elif even > len(sample) // 4 and odd == 0:
            encoding = "utf-16-be"
        else:
            raise IntakeFileError(f"The file {name} is not a CSV file or an Excel workbook.")
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise IntakeFileError(
                f"The file {name} cannot be read: its text encoding ({encoding.upper()}) is "
                "damaged. Save it again as CSV UTF-8."
            ) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_arabic(data):
        return data.decode("cp1256")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_arabic(data: bytes) -> bool:
    """Most runs of non-ASCII bytes are words of two or more letters.

    In Windows-1252 text non-ASCII letters are accents inside Latin words (Zoë,
    Müller); in Windows-1256 text whole words are non-ASCII.
    """
    runs = _HIGH_RUN.findall(data[:65536])
    if not runs:
        return False
    long_runs = sum(1 for run in runs if len(run) >= 2)
    return long_runs * 2 >= len(runs)


def _sniff_delimiter(text: str) -> str:
    sample = text[:65536].splitlines()[:50]
    best = ","
    best_score = (1, 0.0)
    for delimiter in _DELIMITERS:
        try:
            records = [r for r in csv.reader(sample, delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not records:
            continue
        header = next((r for r in records if any(map(str.strip, r))), records[0])
        width = len(header)
        same = sum(1 for record in records if len(record) == width) / len(records)
        score = (width, same)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _xlsx_rows(path: Path, sheet: str | None, headers_only: bool) -> tuple[list[_Row], date]:
    from openpyxl import load_workbook

    name = path.name
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unsupported extensions, missing default style ...
        try:
            workbook = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # zipfile, XML and openpyxl errors alike
            raise IntakeFileError(
                f"The file {name} cannot be read as an Excel workbook (.xlsx). "
                "Open it in Excel and save it again, or save it as CSV."
            ) from exc
        try:
            epoch = workbook.epoch.date()
            if sheet is None:
                visible = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]
                if not visible:
                    raise IntakeFileError(f"The workbook {name} has no visible worksheet.")
                worksheet = visible[0]
            elif sheet in workbook.sheetnames and any(
                ws.title == sheet for ws in workbook.worksheets
            ):
                worksheet = workbook[sheet]
            else:
                names = ", ".join(ws.title for ws in workbook.worksheets)
                raise IntakeFileError(
                    f"The workbook {name} has no worksheet called {sheet!r} (it has: {names})."
                )
            rows = None if headers_only else _scan_sheet(workbook, worksheet)
            if rows is None:
                rows = _openpyxl_rows(worksheet, name, headers_only)
        finally:
            workbook.close()
    return rows, epoch


def _openpyxl_rows(worksheet: Any, name: str, headers_only: bool) -> list[_Row]:
    worksheet.reset_dimensions()  # some writers store a wrong size; read what is there
    rows: list[_Row] = []
    try:
        for cells in worksheet.iter_rows(values_only=True):
            rows.append(cells)
            if headers_only and not _blank(cells):
                break
    except Exception as exc:  # a damaged sheet: XML, zip or value errors
        raise IntakeFileError(
            f"The worksheet {worksheet.title!r} of {name} is damaged and cannot be read."
        ) from exc
    return rows


# openpyxl's read-only parser builds objects for every cell: 1.1 s for 10,000 rows of
# 16 columns on the office laptops, 2.6 s when strings are inline (as openpyxl writes
# them). This scanner tokenises the <sheetData> of the worksheet XML with one regular
# expression instead (about 0.35 s), using the shared strings, date styles and epoch that
# openpyxl has read, and gives what iter_rows(values_only=True) gives, less trailing
# empty cells. On anything it does not expect (comments, CDATA, another encoding,
# attributes on <v>, rows out of order, openpyxl internals renamed) it returns None
# and openpyxl's own parser is used.
_SHEET_DATA = re.compile(r"<([A-Za-z_][\w.-]*:)?sheetData\b[^>]*?(/?)>")
_UNSUPPORTED_XML = re.compile(r"<!\[CDATA\[|<!--|<!DOCTYPE|<!ENTITY|<\?")
_DECLARED_ENCODING = re.compile(r"""<\?xml[^>]*encoding\s*=\s*["']([^"']+)""")
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_INLINE_TEXT = re.compile(r"<(?:[\w.-]+:)?t\b[^>]*?(?:/>|>([^<]*)</(?:[\w.-]+:)?t\s*>)")
_PHONETIC = re.compile(r"<(?:[\w.-]+:)?rPh\b.*?</(?:[\w.-]+:)?rPh\s*>", re.DOTALL)
_ENTITY = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|lt|gt|amp|quot|apos);")
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_CELL_LETTERS = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=8)
def _sheet_tokens(prefix: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The token pattern for a sheet whose elements carry ``prefix``, and its guard.

    Tokens: a cell with its coordinate first (and its value when <v> follows at
    once), a row, a value, an inline string, any other cell. The guard finds the
    forms the tokens miss: <v> or <is> with attributes, self-closed, or nested.
    """
    p = re.escape(prefix)
    tokens = re.compile(
        rf'<(?:{p}c r="([A-Z]+)\d+"([^>]*?)(?:/>|>(?:<{p}v>([^<]*)</{p}v>)?)'
        rf"|{p}(row)\b([^>]*)>"
        rf"|{p}v>([^<]*)</{p}v>"
        rf"|{p}(is)>(.*?)</{p}is>"
        rf"|{p}(c)\b([^>]*?)/?>)",
        re.DOTALL,
    )
    guard = re.compile(rf"<{p}(?:v|is)(?:\s|/)|<{p}v>[^<]*<(?!/{p}v>)")
    return tokens, guard


def _entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return _ENTITIES[name]


def _xml_text(text: str) -> str:
    return _ENTITY.sub(_entity, text) if "&" in text else text


def _attributes(text: str) -> dict[str, str]:
    return {key: double or single for key, double, single in _ATTRIBUTE.findall(text)}


@lru_cache(maxsize=1024)
def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


@lru_cache(maxsize=256)
def _cell_kind(attributes: str) -> tuple[str, int]:
    """(t, s) of a cell from its attributes (without the coordinate)."""
    found = _attributes(attributes)
    style = found.get("s", "")
    return found.get("t", "n"), int(style) if style else 0


def _scan_sheet(workbook: Any, worksheet: Any) -> list[_Row] | None:
    from openpyxl.utils.datetime import from_excel, from_ISO8601

    try:
        strings: Sequence[str] = worksheet._shared_strings
        date_styles: Container[int] = workbook._date_formats
        timedelta_styles: Container[int] = workbook._timedelta_formats
        epoch = workbook.epoch
        with workbook._archive.open(worksheet._worksheet_path) as source:
            data = source.read()
    except Exception:  # openpyxl internals changed, or the part is unreadable
        return None
    declared = _DECLARED_ENCODING.match(data[:200].decode("ascii", "replace"))
    if declared and declared.group(1).lower().replace("-", "") != "utf8":
        return None
    try:
        xml = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    start = _SHEET_DATA.search(xml)
    if start is None:
        return None
    if start.group(2):  # <sheetData/>: no rows
        return []
    prefix = start.group(1) or ""
    end = xml.find(f"</{prefix}sheetData>", start.end())
    if end < 0:
        return None
    body = xml[start.end() : end]
    tokens, guard = _sheet_tokens(prefix)
    if _UNSUPPORTED_XML.search(body) or guard.search(body):
        return None

    def value_of(text: str, kind: str, style: int) -> object:
        if kind == "s":
            return strings[int(text)]
        if kind == "n":
            number = float(text) if "." in text or "E" in text or "e" in text else int(text)
            if style and style in date_styles:
                return from_excel(number, epoch, timedelta=style in timedelta_styles)
            return number
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            return from_ISO8601(text)
        return _xml_text(text)  # "str" (a formula's text) or "e" (an error such as #N/A)

    rows: list[_Row] = []
    cells: dict[int, object] = {}
    started = False
    row_number = column = 0
    kind, style = "n", 0

    def finish() -> None:
        if not cells:
            rows.append(())
            return
        values: list[object] = [None] * max(cells)
        for index, value in cells.items():
            values[index - 1] = value
        rows.append(tuple(values))
        cells.clear()

    try:
        for (
            letters,
            attributes,
            value,
            row,
            row_attributes,
            text,
            inline,
            inline_text,
            other,
            other_attributes,
        ) in tokens.findall(body):
            if letters:
                column = _column_number(letters)
                kind, style = _cell_kind(attributes)
                if value and kind != "inlineStr":
                    cells[column] = value_of(value, kind, style)
            elif row:
                if started:
                    finish()
                started = True
                number = _attributes(row_attributes).get("r")
                following = int(number) if number else row_number + 1
                if following <= row_number:
                    return None  # rows out of order: openpyxl decides
                rows.extend(() for _ in range(row_number + 1, following))
                row_number, column = following, 0
            elif text:
                if kind != "inlineStr":
                    cells[column] = value_of(text, kind, style)
            elif inline:
                if kind == "inlineStr":
                    runs = _PHONETIC.sub("", inline_text)
                    cells[column] = _xml_text("".join(_INLINE_TEXT.findall(runs)))
            elif other:
                found = _attributes(other_attributes)
                ref = _CELL_LETTERS.match(found.get("r", ""))
                column = _column_number(ref.group().upper()) if ref else column + 1
                kind, style = _cell_kind(other_attributes.replace(found.get("r", ""), ""))
        if started:
            finish()
    except Exception:  # anything unexpected: openpyxl's own parser decides
        return None
    return rows


def read_headers(path: Path, *, sheet: str | None = None) -> tuple[str, ...]:
    """The column headers of ``path`` (empty ones named ``(column C)``, repeats numbered)."""
    return _load(Path(path), sheet, headers_only=True).headers


# ------------------------------------------------------------------------------ mapping

_HEADER_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "case_ref": (
        "case caseno casenumber caseref casereference caseid casecode familyid familyno "
        "familynumber familyref householdid householdno householdnumber householdref hhid "
        "hhno hhnumber hhref hh household groupid groupno registrationgroup "
        "registrationgroupid progresid progresgroupid iomcase iomcaseno iomcasenumber",
        "شمارهقضیه شمارهکیس کیس شمارهخانواده",
    ),
    "relationship": (
        "relationship relation relationshiptopa relationshiptoprincipal relationshiptohead "
        "relationshiptohoh relationshiptoprincipalapplicant relationshiptoheadofhousehold "
        "relationshiptocasehead relationtopa relationtohead reltopa rel role familyrole "
        "relationshipwithpa relationshipwithhead",
        "نسبت رابطه نسبتباسرپرست",
    ),
    "given_name": (
        "givenname givennames firstname firstnames forename forenames fname first "
        "givennameenglish firstnameenglish givennamelatin firstnamelatin",
        "",
    ),
    "family_name": (
        "familyname surname surnames lastname lname last familynameenglish surnameenglish "
        "lastnameenglish",
        "تخلص",
    ),
    "father_name": (
        "father fathersname fathername fathersfirstname nameoffather fathersgivenname "
        "fathersnameenglish fathernameenglish",
        "نامپدر ولد ولدیت اسمپدر",
    ),
    "native_name": (
        "nativename namedari namepashto namedaripashto namepashtodari namenative "
        "namenativescript nameinnativescript nameindari nameinpashto dariname pashtoname "
        "daripashtoname fullnamedari fullnamepashto fullnamenative localname namelocal "
        "nameinlocalscript namearabicscript namearabic arabicname originalname",
        "نام اسم نامکامل اسمکامل نامونامخانوادگی ناموتخلص",
    ),
    "sex": ("sex gender mf sexmf gendermf", "جنس جنسیت"),
    "date_of_birth": (
        "dob dateofbirth birthdate birthday born dateofbirthddmmyyyy dobddmmyyyy "
        "dateofbirthyyyymmdd yearofbirth birthyear yob",
        "تاریختولد سالتولد تولد",
    ),
    "nationality": (
        "nationality citizenship nat countryofnationality countryofcitizenship countryoforigin",
        "ملیت تابعیت",
    ),
    "document_type": (
        "documenttype doctype idtype iddocumenttype typeofdocument typeofid documentkind "
        "traveldocumenttype",
        "نوعسند",
    ),
    "document_number": (
        "documentnumber documentno docno docnumber documentnr passportno passportnumber "
        "passportnr passport idnumber idno idnr tazkirano tazkiranumber tazkerano "
        "tazkeranumber tazkira tazkera nidno nidnumber nationalid nationalidnumber "
        "nationalidno traveldocumentnumber traveldocumentno",
        "شمارهسند شمارهتذکره شمارهپاسپورت",
    ),
    "document_expiry": (
        "documentexpiry documentexpirydate expiry expirydate dateofexpiry expires expiration "
        "expirationdate validuntil validto passportexpiry passportexpirydate docexpiry "
        "documentvaliduntil",
        "تاریخانقضا",
    ),
    "phone": (
        "phone phonenumber phoneno phonenr mobile mobilenumber mobileno mobilephone tel "
        "telephone telephonenumber contactnumber contactphone contactno cell "
        "cellphone cellnumber whatsapp whatsappnumber",
        "تلفن شمارهتلفن شمارهتماس موبایل",
    ),
    "language": (
        "language languages lang primarylanguage mainlanguage mothertongue motherlanguage "
        "familylanguage spokenlanguage languagespoken preferredlanguage",
        "زبان",
    ),
    "destination_country": (
        "destination destinationcountry countryofdestination resettlementcountry "
        "receivingcountry countryofresettlement destcountry finaldestination",
        "",
    ),
    "programme": (
        "programme program resettlementprogramme resettlementprogram pathway scheme stream "
        "programmename programname",
        "",
    ),
}
#: generic words mapped only when nothing more specific claims the column
_WEAK_HEADER_ALIASES: Final[dict[str, str]] = {"name": "given_name"}


def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical in CANONICAL_COLUMNS:
        table[_key(canonical)] = canonical
        for words in _HEADER_ALIASES.get(canonical, ()):
            for word in words.split():
                table[_key(word)] = canonical
    return table


_ALIASES: Final = _alias_table()
_PARENTHESES = re.compile(r"[(\[{][^)\]}]*[)\]}]")
_NUMBERING = re.compile(r"^\s*(?:no\.?\s*)?\d+\s*[.):-]\s*", re.IGNORECASE)


def _suggest(header: str) -> tuple[int, str] | None:
    """(rank, canonical) for one header: exact > weak > without parentheses > weak without."""
    key = _key(header)
    if key in _ALIASES:
        return 0, _ALIASES[key]
    if key in _WEAK_HEADER_ALIASES:
        return 1, _WEAK_HEADER_ALIASES[key]
    stripped = _key(_NUMBERING.sub("", _PARENTHESES.sub(" ", header)))
    if stripped != key:
        if stripped in _ALIASES:
            return 2, _ALIASES[stripped]
        if stripped in _WEAK_HEADER_ALIASES:
            return 3, _WEAK_HEADER_ALIASES[stripped]
    return None


def suggest_mapping(headers: Sequence[str]) -> dict[str, str | None]:
    """Each header mapped to the canonical column it names, or None.

    No two headers get the same canonical column: the most specific match wins,
    then the leftmost (``First name`` beats ``Name``; ``Name (Dari)`` is the native
    name, ``Name`` then the given name).
    """
    candidates = []
    for index, header in enumerate(headers):
        found = _suggest(header)
        if found is not None:
            candidates.append((found[0], index, found[1]))
    mapping: dict[str, str | None] = dict.fromkeys(headers)
    taken: set[str] = set()
    for _rank, index, canonical in sorted(candidates):
        header = headers[index]
        if canonical not in taken and mapping[header] is None:
            mapping[header] = canonical
            taken.add(canonical)
    return mapping


def header_signature(headers: Sequence[str]) -> str:
    """A stable hash of the headers, to remember a mapping chosen for files like this.

    Case, spaces, punctuation and column order are ignored, so a file saved again
    with its columns moved or ``First Name`` written ``first_name`` has the same
    signature (explicit mappings match headers the same tolerant way).
    """
    body = "\n".join(sorted(_key(header) for header in headers))
    return hashlib.sha256(("intake-headers-v1\n" + body).encode("utf-8")).hexdigest()


def _resolve_mapping(
    headers: Sequence[str], explicit: Mapping[str, str | None] | None
) -> dict[str, str | None]:
    if explicit is None:
        return suggest_mapping(headers)
    for target in explicit.values():
        if target is not None and target not in CANONICAL_COLUMNS:
            raise ValueError(f"{target!r} is not a canonical intake column")
    by_key: dict[str, str | None] = {}
    for source, target in explicit.items():
        by_key.setdefault(_key(source), target)
    chosen: dict[str, str | None] = {}
    for header in headers:
        if header in explicit:
            chosen[header] = explicit[header]
        elif _key(header) in by_key:
            chosen[header] = by_key[_key(header)]
    targets = Counter(target for target in chosen.values() if target is not None)
    doubled = [target for target, count in targets.items() if count > 1]
    if doubled:
        sources = [header for header, target in chosen.items() if target == doubled[0]]
        raise IntakeFileError(
            f"The columns {', '.join(repr(s) for s in sources)} are all set to "
            f"{doubled[0]}; choose one of them."
        )
    suggested = suggest_mapping([header for header in headers if header not in chosen])
    mapping: dict[str, str | None] = {}
    for header in headers:
        if header in chosen:
            mapping[header] = chosen[header]
        else:
            target = suggested.get(header)
            mapping[header] = None if target in targets else target
    return mapping


# ------------------------------------------------------------------------------ vocabularies


def _table_of(groups: Mapping[str, str]) -> dict[str, str]:
    return {_key(word): value for words, value in groups.items() for word in words.split()}


_SEX: Final = _table_of(
    {
        "m male man boy mr مرد مذکر ذکور نارینه سړی": "M",
        "f female woman girl mrs ms miss زن مونث مؤنث اناث ښځینه ښځه": "F",
        "x": "X",
    }
)

#: word -> (relationship, the sex it implies or "")
_RELATIONSHIP: Final[dict[str, tuple[str, str]]] = {
    _key(word): value
    for words, value in {
        "principal principalapplicant pa head hoh headofhousehold headoffamily householdhead "
        "familyhead casehead self applicant mainapplicant سرپرست سرپرستخانواده": ("principal", ""),
        "spouse partner همسر زوج زوجه": ("spouse", ""),
        "wife خانم": ("spouse", "F"),
        "husband شوهر": ("spouse", "M"),
        "son پسر زوی": ("son", "M"),
        "daughter دختر لور": ("daughter", "F"),
        "father پدر پلار": ("father", "M"),
        "mother مادر مور": ("mother", "F"),
        "brother برادر ورور": ("brother", "M"),
        "sister خواهر خور": ("sister", "F"),
        "grandson": ("grandson", "M"),
        "granddaughter": ("granddaughter", "F"),
        "other relative otherrelative uncle aunt niece nephew cousin soninlaw daughterinlaw "
        "fatherinlaw motherinlaw brotherinlaw sisterinlaw grandfather grandmother grandparent "
        "stepson stepdaughter stepchild stepfather stepmother stepbrother stepsister "
        "fosterchild ward dependant dependent سایر دیگر خویشاوند عروس داماد کاکا ماما خاله عمه "
        "پدرکلان مادرکلان": ("other", ""),
    }.items()
    for word in words.split()
}
#: word -> (male, female): the sex chooses
_RELATIONSHIP_BY_SEX: Final[dict[str, tuple[str, str]]] = {
    _key(word): value
    for words, value in {
        "child kid children offspring فرزند طفل اولاد": ("son", "daughter"),
        "parent والد": ("father", "mother"),
        "sibling": ("brother", "sister"),
        "grandchild نواسه": ("grandson", "granddaughter"),
    }.items()
    for word in words.split()
}

_DOCUMENT_TYPE: Final = _table_of(
    {
        "passport pp ordinarypassport nationalpassport پاسپورت گذرنامه": "passport",
        "tazkira tazkera tazkirah tazkeera tazkra taskira etazkira etazkera electronictazkira "
        "nationalid nationalidcard nid idcard id تذکره تذکرهالکترونیکی": "tazkira",
        "convention_travel_document ctd refugeetraveldocument "
        "1951conventiontraveldocument": "convention_travel_document",
        "icrc_travel_document icrc icrctd icrcdocument redcrosstraveldocument": (
            "icrc_travel_document"
        ),
        "laissez_passer laissezpasser laisserpasser lp unlaissezpasser": "laissez_passer",
        "visa ویزه ویزا": "visa",
        "single_journey singlejourney singlejourneydocument singlejourneytraveldocument sjd "
        "sjtd": "single_journey",
        "other سایر": "other",
    }
)

_LANGUAGE: Final = _table_of(
    {
        "dari farsi persian farsidari hazaragi دری فارسی هزارگی": "Dari",
        "pashto pashtu pushto pukhto pakhto پښتو پشتو": "Pashto",
        "other uzbek uzbeki turkmen turkmeni urdu english arabic balochi baluchi nuristani "
        "pashai pashayi russian hindi punjabi ازبکی ترکمنی اردو انگلیسی عربی بلوچی سایر "
        "دیگر": "Other",
    }
)
_LANGUAGE_SPLIT = re.compile(r"[,;/&+]|\band\b|\s و\s")

#: ISO 3166-1 alpha-3, and the ICAO codes for stateless persons and refugees
_ISO_ALPHA3 = """
ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA
BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN
CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU
EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB
GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL
ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO
LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR
MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER
PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM
SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK
TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM
VUT WLF WSM YEM ZAF ZMB ZWE XXA XXB XXC
"""
_COUNTRY_CODES: Final = frozenset(_ISO_ALPHA3.split())
_COUNTRY_NAMES: Final = _table_of(
    {
        "afghanistan afghan afghani افغانستان افغان افغانی": "AFG",
        "stateless": "XXA",
        "unitedstates unitedstatesofamerica us america": "USA",
        "unitedkingdom uk greatbritain britain england": "GBR",
        "canada": "CAN",
        "germany deutschland": "DEU",
        "france": "FRA",
        "australia": "AUS",
        "newzealand": "NZL",
        "netherlands thenetherlands holland": "NLD",
        "sweden": "SWE",
        "norway": "NOR",
        "denmark": "DNK",
        "finland": "FIN",
        "ireland": "IRL",
        "iceland": "ISL",
        "spain": "ESP",
        "portugal": "PRT",
        "italy": "ITA",
        "belgium": "BEL",
        "luxembourg": "LUX",
        "switzerland": "CHE",
        "austria": "AUT",
        "poland": "POL",
        "czechia czechrepublic": "CZE",
        "slovakia": "SVK",
        "slovenia": "SVN",
        "croatia": "HRV",
        "hungary": "HUN",
        "romania": "ROU",
        "bulgaria": "BGR",
        "greece": "GRC",
        "albania": "ALB",
        "northmacedonia": "MKD",
        "turkey turkiye": "TUR",
        "pakistan": "PAK",
        "iran": "IRN",
        "tajikistan": "TJK",
        "uzbekistan": "UZB",
        "turkmenistan": "TKM",
        "india": "IND",
        "qatar": "QAT",
        "unitedarabemirates uae": "ARE",
        "mexico": "MEX",
        "brazil": "BRA",
        "argentina": "ARG",
        "chile": "CHL",
        "uruguay": "URY",
        "japan": "JPN",
        "southkorea korea": "KOR",
        "rwanda": "RWA",
        "uganda": "UGA",
        "russia": "RUS",
        "ukraine": "UKR",
    }
)


# ------------------------------------------------------------------------------ values


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


# ------------------------------------------------------------------------------ rows


def _one_of(words: Sequence[str]) -> str:
    return ", ".join(words[:-1]) + " or " + words[-1]


_RELATIONSHIP_HELP: Final = f"not a known relationship (use {_one_of(RELATIONSHIPS)})"
_DOCUMENT_TYPE_HELP: Final = f"not a known document type (use {_one_of(DOCUMENT_TYPES)})"
_LANGUAGE_HELP: Final = f"not a known language (use {_one_of(LANGUAGES)})"
_REQUIRED_EMPTY: Final = "required, but empty"


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


def _document_type_hint(mapping: Mapping[str, str | None]) -> str | None:
    """The type a document-number column's header names (``Passport no``), if any."""
    for header, target in mapping.items():
        if target == "document_number":
            key = _key(header)
            if "passport" in key:
                return "passport"
            if any(word in key for word in ("tazkira", "tazkera", "nationalid", "nid")):
                return "tazkira"
    return None


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

        born = values["date_of_birth"]
        if isinstance(born, tuple):
            values["date_of_birth"], values["dob_precision"] = born
        relationship = values["relationship"]
        if isinstance(relationship, tuple):
            male, female, implied = relationship
            sex = values["sex"]
            values["relationship"] = None
            if male == female:
                values["relationship"] = male
                if implied and sex in ("M", "F") and sex != implied:
                    problems.append(
                        ("relationship", "does not match the sex given for this person")
                    )
            elif sex == "M":
                values["relationship"] = male
            elif sex == "F":
                values["relationship"] = female
            else:
                problems.append(("relationship", f"needs sex M or F to tell {male} from {female}"))

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
        return _Checked(row, values, problems)


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
    today: date | None = None,
    sheet: str | None = None,
) -> IntakeFile:
    """Read, map, normalise and validate a registration list.

    ``mapping`` overrides the suggested mapping for the headers it names (None
    ignores a column). ``today`` bounds dates of birth (default: the system
    date). ``sheet`` names the worksheet of an XLSX file (default: the first
    visible one). Raises ``IntakeFileError`` only when the file cannot be read
    at all; everything wrong inside it is in ``problems``.
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
    checker = _RowChecker(columns, table.epoch, today or date.today())
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
