"""Loading a registration list: the file's format, its text encoding and its header row.

This is the part of the reader that deals with bytes: it tells CSV from XLSX by
the first bytes, decodes CSV text and finds its delimiter, opens workbooks with
openpyxl (``xlsx`` holds the faster scanner for their cells), and names the
header columns. What comes out is a table of raw cells; nothing here maps,
parses or judges a value. The rules are in the docstring of ``reading``.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

from desktop.errors import InvalidInput
from desktop.services.intake.cells import _blank, _cell_text, _Row
from desktop.services.intake.xlsx import _scan_sheet

__all__ = ["MAX_FILE_BYTES", "IntakeFileError"]

#: the largest file read (a 10,000-person list is about 2 MB)
MAX_FILE_BYTES: Final = 64 * 1024 * 1024


class IntakeFileError(InvalidInput):
    """The file cannot be read at all: not CSV or XLSX, empty, no header, bad encoding."""


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DELIMITERS = (",", ";", "\t")
_SEP_LINE = re.compile(r"sep=(.)[ \t]*\r?\n")
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class _Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[int, _Row], ...]  # (spreadsheet row number, cells) below the header
    epoch: date  # day 0 of Excel serial numbers


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
