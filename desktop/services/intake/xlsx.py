"""A fast reader for the cells of one XLSX worksheet, with openpyxl as the fallback.

openpyxl's own cell parser is the slowest step of reading a large workbook, so
the cells are read here from the worksheet XML; anything this scanner does not
expect makes it give up and ``files`` uses openpyxl's parser instead. Opening
the workbook and choosing the sheet stay in ``files``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from desktop.services.intake.cells import _Row

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
    try:
        strings: Sequence[str] = worksheet._shared_strings
        date_styles: Container[int] = workbook._date_formats
        timedelta_styles: Container[int] = workbook._timedelta_formats
        epoch = workbook.epoch
        with workbook._archive.open(worksheet._worksheet_path) as source:
            data = source.read()
    except Exception:  # openpyxl internals changed, or the part is unreadable
        return None
    found = _sheet_data(data)
    if found is None:
        return None
    body, prefix = found
    if body is None:  # <sheetData/>: no rows
        return []
    tokens, guard = _sheet_tokens(prefix)
    if _UNSUPPORTED_XML.search(body) or guard.search(body):
        return None
    value_of = _value_reader(strings, date_styles, timedelta_styles, epoch)
    try:
        return _sheet_rows(tokens.findall(body), value_of)
    except Exception:  # anything unexpected: openpyxl's own parser decides
        return None


def _sheet_data(data: bytes) -> tuple[str | None, str] | None:
    """(the text inside <sheetData>, or None when it is self-closed; its prefix).

    None when the part is not UTF-8 or has no <sheetData> the scanner can find.
    """
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
    prefix = start.group(1) or ""
    if start.group(2):
        return None, prefix
    end = xml.find(f"</{prefix}sheetData>", start.end())
    if end < 0:
        return None
    return xml[start.end() : end], prefix


#: the value of a cell from the text of its <v>, its type (t) and its style (s)
_ValueOf = Callable[[str, str, int], object]


def _value_reader(
    strings: Sequence[str],
    date_styles: Container[int],
    timedelta_styles: Container[int],
    epoch: datetime,
) -> _ValueOf:
    """What iter_rows(values_only=True) makes of a <v>, as openpyxl's reader does."""
    from openpyxl.utils.datetime import from_excel, from_ISO8601

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

    return value_of


def _sheet_rows(tokens: list[tuple[str, ...]], value_of: _ValueOf) -> list[_Row] | None:
    """The rows the tokens of <sheetData> make; None when rows are out of order."""
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
    ) in tokens:
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
    return rows
