"""Registration-list files: encodings, delimiters, XLSX, mapping, values, problems, speed.

The fixtures in data/intake/ are small household lists with fictional names:

* household_utf8_bom_semicolon.csv - UTF-8 with BOM, ``;``, Dari names, every date format,
  blank rows (5 and 7), an ignored Notes column, header variants of every column
* household_utf16.txt - UTF-16 with BOM, tab-separated (Excel's "Unicode text"), a Dari
  header (نام) and Dari sex words
* household_cp1252.csv - Windows-1252 with accented names and a quoted field
* household_tab.tsv - tab-separated UTF-8 without BOM; "Name" as the given name
* household_cp1256.csv - Windows-1256 (Excel on Dari Windows): Dari names and header
* problems.csv - one case per kind of bad value; row 8 is blank

XLSX files are made in each test, with openpyxl or (to look like Excel's, with shared
strings, rich text and cached formula values) by ``write_xlsx`` from raw XML parts.
"""

from __future__ import annotations

import contextlib
import csv
import io
import random
import time
import zipfile
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest

from desktop.errors import InvalidInput, KnownError
from desktop.services.intake import files as intake_files
from desktop.services.intake.columns import (
    CANONICAL_COLUMNS,
    REQUIRED_COLUMNS,
    header_signature,
    suggest_mapping,
)
from desktop.services.intake.files import IntakeFileError
from desktop.services.intake.reading import (
    IntakeFile,
    IntakeRow,
    RowProblem,
    read_headers,
    read_intake_file,
)
from desktop.services.intake.values import _Bad, _parse_date
from desktop.services.intake.xlsx import _scan_sheet

DATA = Path(__file__).parent / "data" / "intake"
TODAY = date(2025, 6, 1)


def read(name: str) -> IntakeFile:
    return read_intake_file(DATA / name, today=TODAY)


def by_row(result: IntakeFile) -> dict[int, IntakeRow]:
    return {row.row: row for row in result.rows}


def problems_of(result: IntakeFile) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.reason) for p in result.problems]


# --------------------------------------------------------------------------- the API


def test_columns_and_types() -> None:
    assert CANONICAL_COLUMNS == (
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
    assert set(REQUIRED_COLUMNS) <= set(CANONICAL_COLUMNS)
    assert "native_name" not in REQUIRED_COLUMNS
    assert issubclass(IntakeFileError, InvalidInput)
    assert issubclass(IntakeFileError, KnownError)
    problem = RowProblem(2, "DOB", "in the future")
    with pytest.raises(AttributeError):
        problem.row = 3  # type: ignore[misc]


# --------------------------------------------------------------------------- CSV files


def test_utf8_bom_semicolon_household_list() -> None:
    result = read("household_utf8_bom_semicolon.csv")
    assert result.headers[0] == "Case No"  # no BOM left on the first header
    assert result.mapping == {
        "Case No": "case_ref",
        "Relationship": "relationship",
        "First name": "given_name",
        "Surname": "family_name",
        "Father's name": "father_name",
        "Name (Dari)": "native_name",
        "Gender": "sex",
        "Date of birth": "date_of_birth",
        "Nationality": "nationality",
        "Document type": "document_type",
        "Document No.": "document_number",
        "Expiry date": "document_expiry",
        "Phone": "phone",
        "Language": "language",
        "Destination": "destination_country",
        "Programme": "programme",
        "Notes": None,
    }
    assert result.problems == ()
    assert result.unmapped_required == ()
    assert result.rows_read == 7  # rows 5 and 7 are blank
    rows = by_row(result)
    assert sorted(rows) == [2, 3, 4, 6, 8, 9, 10]

    assert rows[2] == IntakeRow(
        row=2,
        case_ref="SHG-001",
        relationship="principal",
        given_name="Farid",
        family_name="Nazari",
        father_name="Rahim",
        native_name="فرید نظری",
        sex="M",
        date_of_birth=date(1985, 3, 14),
        dob_precision="exact",
        nationality="AFG",
        document_type="passport",
        document_number="P4410023",
        document_expiry=date(2031, 5, 20),
        phone="+355695550101",
        language="Dari",
        destination_country="DEU",
        programme="Humanitarian admission",
    )
    assert (rows[3].relationship, rows[3].date_of_birth) == ("spouse", date(1988, 7, 2))
    assert rows[3].document_expiry == date(2031, 5, 20)  # dd.mm.yyyy
    assert rows[3].phone is None
    # "child" + sex m is a son; dd.mm.yyyy; a tazkira number keeps its hyphens
    assert (rows[4].relationship, rows[4].sex) == ("son", "M")
    assert rows[4].date_of_birth == date(2012, 9, 1)
    assert (rows[4].document_type, rows[4].document_number) == ("tazkira", "1400-0101-77821")
    # the year alone; an empty nationality is Afghan, as on the person record
    assert (rows[6].date_of_birth, rows[6].dob_precision) == (date(2015, 1, 1), "year")
    assert rows[6].nationality == "AFG"
    assert (rows[6].document_type, rows[6].document_number) == (None, None)
    # an Excel serial number in a CSV file; "PA"; spaces collapsed; 00 prefix kept
    assert rows[8].relationship == "principal"
    assert (rows[8].date_of_birth, rows[8].dob_precision) == (date(1979, 2, 15), "exact")
    assert rows[8].father_name == "Gul Agha"
    assert rows[8].phone == "00695550202"
    assert (rows[8].document_type, rows[8].nationality) == ("tazkira", "AFG")
    assert (rows[8].language, rows[8].destination_country) == ("Pashto", "CAN")
    # n/a is empty
    assert rows[9].father_name == ""
    assert rows[9].native_name == "بی بی گل ستانکزی"
    # "12 Mar 2019"; grandchild + F
    assert rows[10].date_of_birth == date(2019, 3, 12)
    assert rows[10].relationship == "granddaughter"
    assert rows[10].native_name == "زرلښت ستانکزی"


def test_utf16_tab_separated_with_dari_header_and_sex_words() -> None:
    result = read("household_utf16.txt")
    assert result.headers[5] == "نام"
    assert result.mapping["نام"] == "native_name"
    assert result.mapping["HH ID"] == "case_ref"
    assert result.mapping["Relationship to PA"] == "relationship"
    assert result.mapping["Passport no"] == "document_number"
    assert result.problems == ()
    rows = by_row(result)
    assert [rows[r].native_name for r in (2, 3, 4)] == ["حمید وردک", "فرشته وردک", "یما وردک"]
    assert [rows[r].sex for r in (2, 3, 4)] == ["M", "F", "M"]  # M, زن, مرد
    assert (rows[2].date_of_birth, rows[2].dob_precision) == (date(1976, 1, 1), "year")
    assert rows[3].document_number == "P5520002"
    assert rows[4].document_type is None


def test_cp1252_with_accented_names_and_quoted_fields() -> None:
    result = read("household_cp1252.csv")
    assert result.problems == ()
    rows = by_row(result)
    assert rows[3].given_name == "Amélie"
    assert rows[3].family_name == "Haidari-Lefèvre"
    assert rows[3].nationality == "FRA"
    assert rows[2].language == "Dari"  # "Dari, English": the first language
    assert rows[3].language == "Other"
    assert rows[2].date_of_birth == date(1983, 11, 5)  # 05/11/1983 is day/month/year


def test_tab_separated_name_is_the_given_name() -> None:
    result = read("household_tab.tsv")
    assert result.mapping == {
        "Case": "case_ref",
        "Relation": "relationship",
        "Name": "given_name",
        "Last name": "family_name",
        "Sex": "sex",
        "Birth date": "date_of_birth",
    }
    assert [(r.row, r.given_name, r.relationship) for r in result.rows] == [
        (2, "Suhaila", "principal"),
        (3, "Marwa", "daughter"),
    ]


def test_cp1256_dari_text_is_read_as_arabic_script() -> None:
    result = read("household_cp1256.csv")
    assert result.headers[3] == "نام"
    assert result.problems == ()
    assert [r.native_name for r in result.rows] == ["نسرين احمدي", "الهام احمدي"]


def test_unicode_is_nfc_and_bidi_marks_dropped(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    decomposed = "Ame\u0301lie"  # e + combining acute
    path.write_text(
        "Case,Relationship,Given name,Name (Dari),Sex,DOB\n"
        f"A,principal,\u200f {decomposed} ,\u200fنجیب\u200cالله\u200f,F,1990\n",
        encoding="utf-8",
    )
    (row,) = read_intake_file(path, today=TODAY).rows
    assert row.given_name == "Amélie" and len(row.given_name) == 6
    assert row.native_name == "نجیب\u200cالله"  # the ZWNJ is part of the name


def test_excel_sep_line_and_semicolons_inside_quotes(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        'sep=;\nCase;Relationship;Given name;Sex;DOB;Programme\nA;principal;Gul;F;1990;"X; Y"\n',
        encoding="utf-8",
    )
    result = read_intake_file(path, today=TODAY)
    assert result.headers == ("Case", "Relationship", "Given name", "Sex", "DOB", "Programme")
    assert [(r.row, r.programme) for r in result.rows] == [(2, "X; Y")]


def test_delimiter_is_sniffed_from_the_header(tmp_path: Path) -> None:
    # commas inside the values of a semicolon file must not win
    path = tmp_path / "list.csv"
    path.write_text(
        "Case;Relationship;Given name;Sex;DOB;Programme\n"
        "A;principal;Gul;F;1990;Humanitarian admission, phase 2, group 3\n",
        encoding="utf-8",
    )
    (row,) = read_intake_file(path, today=TODAY).rows
    assert row.programme == "Humanitarian admission, phase 2, group 3"


def test_utf16_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    text = "Case,Relationship,Given name,Sex,DOB\nA,principal,Gul,F,1990\n"
    path.write_bytes(text.encode("utf-16-le"))
    assert [r.given_name for r in read_intake_file(path, today=TODAY).rows] == ["Gul"]


def test_header_below_blank_rows_keeps_spreadsheet_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        ",,,,\n\nCase,Relationship,Given name,Sex,DOB\nA,principal,Gul,F,1990\n,,,,\n"
        "A,son,Wali,M,31/04/2010\n",
        encoding="utf-8",
    )
    result = read_intake_file(path, today=TODAY)
    assert [r.row for r in result.rows] == [4]
    assert problems_of(result) == [(6, "DOB", "not a real date (day 31 in April)")]
    assert result.rows_read == 2


def test_header_only_file_has_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Case,Relationship,Given name,Sex,DOB\n", encoding="utf-8")
    result = read_intake_file(path, today=TODAY)
    assert (result.rows, result.problems, result.rows_read) == ((), (), 0)


def test_empty_and_repeated_headers_are_named(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Name,,Name,Sex,,\nx,y,z,F,,\n", encoding="utf-8")
    assert read_headers(path) == ("Name", "(column B)", "Name (2)", "Sex")


# --------------------------------------------------------------------------- XLSX files


def test_xlsx_written_by_openpyxl(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Case", "Relationship", "First name", "Sex", "DOB", "Passport no", "Expiry"])
    sheet.append(["K-1", "principal", "Zarghuna", "F", datetime(1984, 2, 29), "P1110001", 47500])
    sheet.append(["K-1", "son", "Ajmal", "M", 40000, None, None])  # a serial, no date format
    sheet.append([])
    sheet.append(["K-1", "daughter", "Pashtana", "F", 2012, None, None])  # a year as a number
    sheet.append(["K-1", "daughter", "Nazo", "F", date(2014, 6, 9), None, None])
    sheet.append([None, None, None, None, None, None, None])
    sheet.append([1001, "principal", "Qasim", "M", "1968", 12345678, datetime(2030, 1, 2)])
    path = tmp_path / "list.xlsx"
    workbook.save(path)

    result = read_intake_file(path, today=TODAY)
    assert read_headers(path) == result.headers  # openpyxl's parser, then the scanner
    assert result.problems == ()
    assert result.rows_read == 5
    rows = by_row(result)
    assert sorted(rows) == [2, 3, 5, 6, 8]
    assert (rows[2].date_of_birth, rows[2].dob_precision) == (date(1984, 2, 29), "exact")
    assert rows[2].document_type == "passport"  # told by the header "Passport no"
    assert rows[2].document_expiry == date(2030, 1, 17)  # serial 47500
    assert rows[3].date_of_birth == date(2009, 7, 6)  # serial 40000
    assert (rows[5].date_of_birth, rows[5].dob_precision) == (date(2012, 1, 1), "year")
    assert rows[6].date_of_birth == date(2014, 6, 9)
    assert rows[8].case_ref == "1001"  # a number cell, as text
    assert rows[8].document_number == "12345678"
    assert rows[8].document_expiry == date(2030, 1, 2)


def test_xlsx_first_visible_sheet_unless_named(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    notes = workbook.active
    assert notes is not None
    notes.title = "Notes"
    notes.sheet_state = "hidden"
    notes.append(["not", "a", "list"])
    people = workbook.create_sheet("People")
    people.append(["Case", "Relationship", "Given name", "Sex", "DOB"])
    people.append(["A", "principal", "Gul", "F", 1990])
    other = workbook.create_sheet("Second list")
    other.append(["Case", "Relationship", "Given name", "Sex", "DOB"])
    other.append(["B", "principal", "Wali", "M", 1991])
    path = tmp_path / "list.xlsx"
    workbook.save(path)

    assert [r.given_name for r in read_intake_file(path, today=TODAY).rows] == ["Gul"]
    named = read_intake_file(path, today=TODAY, sheet="Second list")
    assert [r.given_name for r in named.rows] == ["Wali"]
    assert read_headers(path, sheet="Notes") == ("not", "a", "list")
    with pytest.raises(IntakeFileError, match="no worksheet called 'Lists'"):
        read_intake_file(path, sheet="Lists", today=TODAY)


MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN_NS}">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill>
<fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="21" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="46" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""
DATE_STYLE = 1  # cellXfs index: built-in format 14 (a date)


def write_xlsx(
    path: Path,
    sheet_data: Sequence[str],
    strings: Sequence[str] = (),
    *,
    date1904: bool = False,
    prefix: str = "",
) -> None:
    """A workbook as Excel writes it: shared strings, styles, one sheet per ``sheet_data``.

    ``sheet_data`` holds the XML inside <sheetData>; with ``prefix`` ("x:") the sheets
    use a namespace prefix, as the .NET Open XML SDK writes them.
    """
    sheets = "".join(
        f'<sheet name="Sheet{i + 1}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
        for i in range(len(sheet_data))
    )
    rels = "".join(
        f'<Relationship Id="rId{i + 1}" Type="{REL_NS}/worksheet" '
        f'Target="worksheets/sheet{i + 1}.xml"/>'
        for i in range(len(sheet_data))
    )
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(len(sheet_data))
    )
    sst = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    colon = ":" if prefix else ""
    name = prefix.rstrip(":")
    xmlns = f'xmlns{colon}{name}="{MAIN_NS}"'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            f"{overrides}</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL_NS}">'
            f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN_NS}" '
            f'xmlns:r="{REL_NS}"><workbookPr date1904="{int(date1904)}"/>'
            f"<sheets>{sheets}</sheets></workbook>",
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL_NS}">'
            f'{rels}<Relationship Id="rIdS" Type="{REL_NS}/sharedStrings" '
            f'Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="{REL_NS}/styles" '
            'Target="styles.xml"/></Relationships>',
        )
        archive.writestr("xl/styles.xml", STYLES)
        archive.writestr(
            "xl/sharedStrings.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}" '
            f'count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>',
        )
        for i, data in enumerate(sheet_data):
            archive.writestr(
                f"xl/worksheets/sheet{i + 1}.xml",
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<{prefix}worksheet {xmlns}><{prefix}dimension ref="A1"/>'
                f"<{prefix}sheetData>{data}</{prefix}sheetData></{prefix}worksheet>",
            )


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def rows_to_sheet(rows: Sequence[Sequence[object]]) -> tuple[str, list[str]]:
    """<sheetData> XML and the shared strings for rows, the way Excel stores them."""
    strings: dict[str, int] = {}
    out = []
    for r, values in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(values):
            ref = f"{_column(c)}{r}"
            if value is None:
                continue
            if isinstance(value, str):
                index = strings.setdefault(value, len(strings))
                cells.append(f'<c r="{ref}" t="s"><v>{index}</v></c>')
            elif isinstance(value, date):
                serial = (value - date(1899, 12, 30)).days
                cells.append(f'<c r="{ref}" s="{DATE_STYLE}"><v>{serial}</v></c>')
            else:
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    return "".join(out), list(strings)


def openpyxl_rows(path: Path, sheet: int = 0) -> list[tuple[object, ...]]:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        worksheet = workbook.worksheets[sheet]
        worksheet.reset_dimensions()
        rows = [tuple(row) for row in worksheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    return [_trimmed(row) for row in rows]


def scanned_rows(path: Path, sheet: int = 0) -> list[tuple[object, ...]] | None:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        rows = _scan_sheet(workbook, workbook.worksheets[sheet])
    finally:
        workbook.close()
    return None if rows is None else [_trimmed(tuple(row)) for row in rows]


def _trimmed(row: tuple[object, ...]) -> tuple[object, ...]:
    values = list(row)
    while values and values[-1] is None:
        values.pop()
    return tuple(values)


EXCEL_LIKE = (
    # a header with a shared string, an inline string and rich text
    '<row r="1" spans="1:9"><c r="A1" t="s"><v>0</v></c>'
    '<c r="B1" t="inlineStr"><is><t>Inline &amp; plain</t></is></c>'
    '<c r="C1" t="inlineStr"><is><r><rPr><b/></rPr><t>Ri</t></r><r><t xml:space="preserve">ch '
    '</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></is></c>'
    '<c r="D1" s="0" t="s"><v>1</v></c></row>'
    # numbers, a date (built-in and custom format), a time, a duration, a bool, an error
    '<row r="2"><c r="A2"><v>42</v></c><c r="B2"><v>2.5</v></c><c r="C2" s="1"><v>31000</v></c>'
    '<c r="D2" s="2"><v>45000.75</v></c><c r="E2" s="3"><v>0.5</v></c>'
    '<c r="F2" s="4"><v>1.25</v></c><c r="G2" t="b"><v>1</v></c>'
    '<c r="H2" t="e"><v>#N/A</v></c><c r="I2" t="s"><v>2</v></c></row>'
    # formulas with cached values, a formula string, an ISO date cell, an empty styled cell
    '<row r="3"><c r="A3"><f>SUM(A2:B2)</f><v>44.5</v></c>'
    '<c r="B3" t="str"><f>CONCAT("a","&lt;b&gt;")</f><v>a&lt;b&gt;</v></c>'
    '<c r="C3" t="d"><v>2020-02-29T00:00:00</v></c><c r="D3" s="1"/>'
    '<c r="F3" t="s"><v>3</v></c></row>'
    # rows 4 and 5 missing; cells without coordinates; a column gap; an empty value
    '<row r="6"><c t="s"><v>4</v></c><c><v>7</v></c><c r="E6"><v>8</v></c><c r="F6"><v></v></c>'
    '<c r="AA6" t="s"><v>5</v></c></row>'
    '<row r="7"/><row><c r="A8" t="n"><v>1E3</v></c></row>'
)
EXCEL_STRINGS = ["Case", "DOB", "x < y & z", "نام", "شمارهٔ\u200cسند", "far right"]


def test_sheet_scanner_gives_what_openpyxl_gives(tmp_path: Path) -> None:
    path = tmp_path / "excel.xlsx"
    write_xlsx(path, [EXCEL_LIKE], EXCEL_STRINGS)
    expected = openpyxl_rows(path)
    assert scanned_rows(path) == expected
    assert expected[0] == ("Case", "Inline & plain", "Rich ", "DOB")
    assert expected[1][:4] == (42, 2.5, datetime(1984, 11, 14), datetime(2023, 3, 15, 18))
    assert expected[2][:3] == (44.5, "a<b>", datetime(2020, 2, 29))
    assert expected[3:5] == [(), ()]
    assert expected[5][:5] == (EXCEL_STRINGS[4], 7, None, None, 8)
    assert expected[5][26] == "far right"
    assert expected[7] == (1000.0,)


def test_sheet_scanner_with_namespace_prefix_and_1904_dates(tmp_path: Path) -> None:
    data = EXCEL_LIKE.replace("<", "<x:").replace("<x:/", "</x:")
    path = tmp_path / "prefixed.xlsx"
    write_xlsx(path, [data], EXCEL_STRINGS, prefix="x:", date1904=True)
    expected = openpyxl_rows(path)
    assert scanned_rows(path) == expected
    assert expected[1][2] == datetime(1988, 11, 15)  # 31000 days after 1 January 1904


@pytest.mark.parametrize(
    "odd",
    [
        "<!-- a comment -->",
        '<c r="Z9"><v xml:space="preserve">1</v></c>',
        "<![CDATA[x]]>",
    ],
)
def test_sheet_scanner_leaves_unusual_xml_to_openpyxl(tmp_path: Path, odd: str) -> None:
    data = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="inlineStr"><is><t>Given name</t></is></c><c r="D1" t="s"><v>2</v></c>'
        '<c r="E1" t="s"><v>3</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c>'
        f'<c r="C2" t="inlineStr"><is><t>Gul</t></is></c><c r="D2" t="s"><v>6</v></c>{odd}'
        '<c r="E2" s="1"><v>31000</v></c></row>'
    )
    if "CDATA" in odd:
        data = data.replace("<t>Gul</t>", "<t><![CDATA[Gul]]></t>").replace(odd, "")
    strings = ["Case", "Relationship", "Sex", "DOB", "A", "principal", "F"]
    path = tmp_path / "odd.xlsx"
    write_xlsx(path, [data], strings)
    assert scanned_rows(path) is None
    (row,) = read_intake_file(path, today=TODAY).rows
    assert (row.given_name, row.date_of_birth) == ("Gul", date(1984, 11, 14))


def test_excel_like_workbook_is_read(tmp_path: Path) -> None:
    sheet, strings = rows_to_sheet(
        [
            ["HH ID", "Relationship", "Given name", "Sex", "DOB", "Document No.", "Document type"],
            ["H-1", "principal", "Freshta", "F", date(1979, 5, 6), "P2220001", "Passport"],
            [],
            ["H-1", "son", "Baryalai", "M", 40000, "1401-0202-33333", "e-tazkira"],
        ]
    )
    path = tmp_path / "excel.xlsx"
    write_xlsx(path, [sheet], strings)
    result = read_intake_file(path, today=TODAY)
    assert result.problems == ()
    rows = by_row(result)
    assert rows[2].date_of_birth == date(1979, 5, 6)
    assert rows[4].date_of_birth == date(2009, 7, 6)
    assert [rows[2].document_type, rows[4].document_type] == ["passport", "tazkira"]


# ---------------------------------------------------------------- files that cannot be read


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    cases: dict[str, tuple[bytes, str]] = {
        "empty.csv": (b"", "is empty"),
        "spaces.csv": (b"  \r\n \t\n", "is empty"),
        "bom.csv": (b"\xef\xbb\xbf", "is empty"),
        "delimiters.csv": (b";;;\n;;;\n", "no header row"),
        "picture.csv": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a CSV file"),
        "old.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "97-2003"),
        "broken.xlsx": (b"PK\x03\x04 not really a zip", "cannot be read as an Excel"),
        "text.xlsx": (b"Case,Sex\nA,F\n", "not a valid Excel workbook"),
        "report.csv": (b"%PDF-1.7\n...", "is a PDF"),
        "odd.csv": (b"\xff\xfeC\x00a\x00\x00\xd8", "encoding"),
    }
    for name, (content, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        for reader in (read_headers, partial(read_intake_file, today=TODAY)):
            with pytest.raises(IntakeFileError, match=message) as raised:
                reader(path)
            assert name in str(raised.value)

    with pytest.raises(IntakeFileError, match="cannot be opened"):
        read_intake_file(tmp_path / "missing.csv", today=TODAY)
    with pytest.raises(IntakeFileError, match="cannot be opened"):
        read_intake_file(tmp_path, today=TODAY)
    empty_zip = tmp_path / "empty.xlsx"
    with zipfile.ZipFile(empty_zip, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(IntakeFileError, match="cannot be read as an Excel"):
        read_intake_file(empty_zip, today=TODAY)
    blank_sheet = tmp_path / "blank.xlsx"
    workbook = openpyxl.Workbook()
    workbook.save(blank_sheet)
    with pytest.raises(IntakeFileError, match="no header row"):
        read_intake_file(blank_sheet, today=TODAY)
    with pytest.raises(IntakeFileError, match="no sheets"):
        read_intake_file(DATA / "household_tab.tsv", sheet="Sheet1", today=TODAY)


def test_a_file_too_large_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(intake_files, "MAX_FILE_BYTES", 100)
    with pytest.raises(IntakeFileError, match="too large"):
        read("household_utf8_bom_semicolon.csv")


# --------------------------------------------------------------------------- mapping


@pytest.mark.parametrize(
    ("header", "canonical"),
    [
        ("First name", "given_name"),
        ("Given Name", "given_name"),
        ("given_name", "given_name"),
        ("FIRST_NAME", "given_name"),
        ("Surname", "family_name"),
        ("Last name", "family_name"),
        ("Father", "father_name"),
        ("Father's name", "father_name"),
        ("Father’s Name", "father_name"),
        ("نام پدر", "father_name"),
        ("DOB", "date_of_birth"),
        ("Date of birth", "date_of_birth"),
        ("Date of birth (dd/mm/yyyy)", "date_of_birth"),
        ("Birth date", "date_of_birth"),
        ("Year of birth", "date_of_birth"),
        ("Gender", "sex"),
        ("Sex", "sex"),
        ("Passport no", "document_number"),
        ("Document No.", "document_number"),
        ("Tazkira number", "document_number"),
        ("Case", "case_ref"),
        ("Case No", "case_ref"),
        ("Family ID", "case_ref"),
        ("HH ID", "case_ref"),
        ("Name (Dari)", "native_name"),
        ("Native name", "native_name"),
        ("نام", "native_name"),
        ("Relationship to PA", "relationship"),
        ("Mobile", "phone"),
        ("Nationality", "nationality"),
        ("Expiry date", "document_expiry"),
        ("Country of destination", "destination_country"),
        ("Program", "programme"),
        ("Mother tongue", "language"),
        ("3. Sex", "sex"),
        ("Notes", None),
        ("Full name", None),
    ],
)
def test_suggested_header(header: str, canonical: str | None) -> None:
    assert suggest_mapping([header]) == {header: canonical}


def test_suggestion_gives_each_column_once_most_specific_first() -> None:
    assert suggest_mapping(["Name", "First name", "Name (Dari)", "DOB", "Date of birth"]) == {
        "Name": None,
        "First name": "given_name",
        "Name (Dari)": "native_name",
        "DOB": "date_of_birth",
        "Date of birth": None,
    }


def test_explicit_mapping_overrides_and_ignores() -> None:
    path = DATA / "household_tab.tsv"
    swapped = read_intake_file(
        path, {"Name": "family_name", "Last name": "given_name"}, today=TODAY
    )
    assert [(r.given_name, r.family_name) for r in swapped.rows] == [
        ("Kohistani", "Suhaila"),
        ("Kohistani", "Marwa"),
    ]
    # the suggestion of a header the mapping does not name gives way to the mapping
    taken = read_intake_file(path, {"Last name": "given_name"}, today=TODAY)
    assert taken.mapping["Name"] is None
    assert taken.mapping["Last name"] == "given_name"
    assert taken.mapping["Case"] == "case_ref"
    # header names in a remembered mapping match ignoring case, spaces and punctuation
    ignored = read_intake_file(path, {"last_name": None, "Not in this file": "phone"}, today=TODAY)
    assert ignored.mapping["Last name"] is None
    assert [r.family_name for r in ignored.rows] == ["", ""]


def test_unmapped_required_columns_give_no_rows() -> None:
    result = read_intake_file(
        DATA / "household_tab.tsv", {"Name": None, "Birth date": None}, today=TODAY
    )
    assert result.unmapped_required == ("given_name", "date_of_birth")
    assert (result.rows, result.problems, result.rows_read) == ((), (), 2)
    assert result.mapping["Name"] is None


def test_bad_explicit_mappings() -> None:
    path = DATA / "household_tab.tsv"
    with pytest.raises(IntakeFileError, match="'Name', 'Last name' are all set to given_name"):
        read_intake_file(path, {"Name": "given_name", "Last name": "given_name"}, today=TODAY)
    with pytest.raises(ValueError, match="'first' is not a canonical intake column"):
        read_intake_file(path, {"Name": "first"}, today=TODAY)


def test_header_signature() -> None:
    signature = header_signature(["Case No", "First name", "DOB"])
    assert len(signature) == 64 and int(signature, 16) >= 0
    # stable across versions: remembered mappings are keyed by it
    assert signature == "0bb3791614a6257f54f10e3de00f054f1219b100a9565bf13dddf695989304c2"
    assert header_signature(["dob", " case_no", "FIRST NAME"]) == signature
    assert header_signature(["Case No", "First name", "DOB", "Phone"]) != signature
    assert header_signature(["Case No", "First name"]) != signature
    assert header_signature(read_headers(DATA / "household_tab.tsv")) == header_signature(
        ["Case", "Relation", "Name", "Last name", "Sex", "Birth date"]
    )


# --------------------------------------------------------------------------- problems


def test_every_problem_is_reported_with_row_column_and_reason() -> None:
    result = read("problems.csv")
    assert result.rows_read == 19  # rows 2 to 21; row 8 is blank
    assert [r.row for r in result.rows] == [10, 21]
    assert problems_of(result) == [
        (2, "sex", "not a known sex (use M, F or X)"),
        (3, "relationship", "the principal of this case (row 2) has problems"),
        (3, "date_of_birth", "not a real date (day 31 in February)"),
        (4, "date_of_birth", "in the future"),
        (5, "relationship", "the case has 2 principals (rows 5, 6); it needs exactly one"),
        (6, "relationship", "the case has 2 principals (rows 5, 6); it needs exactly one"),
        (7, "relationship", "the case has no principal; it needs exactly one"),
        (9, "date_of_birth", "the year has only two digits, which is ambiguous: write all four"),
        (
            11,
            "relationship",
            "not a known relationship (use principal, spouse, son, daughter, father, mother, "
            "brother, sister, grandson, granddaughter or other)",
        ),
        (12, "relationship", "needs sex M or F to tell son from daughter"),
        (13, "relationship", "does not match the sex given for this person"),
        (14, "given_name", "contains digits; a name has letters only"),
        (
            14,
            "nationality",
            "not a country code (use the three-letter ISO 3166 code, e.g. AFG)",
        ),
        (15, "given_name", "required, but empty"),
        (15, "date_of_birth", "not a real date (29 February in a year that is not a leap year)"),
        (
            16,
            "date_of_birth",
            "the year looks like a Solar Hijri (Shamsi) year: "
            "convert the date to the Gregorian calendar",
        ),
        (
            17,
            "date_of_birth",
            "not a real date (there is no month 13; dates are read as day/month/year)",
        ),
        (17, "document_type", "given without a document number"),
        (18, "document_type", "required, but empty (a document number is given)"),
        (19, "document_number", "the same document number is also on row 20"),
        (19, "document_expiry", "needs a full date (day, month and year), not only a year"),
        (19, "phone", "too few digits for a phone number"),
        (19, "language", "not a known language (use Dari, Pashto or Other)"),
        (20, "relationship", "the principal of this case (row 19) has problems"),
        (20, "document_number", "the same document number is also on row 19"),
        (
            20,
            "destination_country",
            "differs from row 19 of the same case (a case has one destination country)",
        ),
    ]


PERSONAL_COLUMNS = (
    "given_name",
    "family_name",
    "native_name",
    "date_of_birth",
    "document_number",
    "document_expiry",
    "phone",
)


def test_reasons_never_repeat_personal_values() -> None:
    result = read("problems.csv")
    with (DATA / "problems.csv").open(encoding="utf-8", newline="") as stream:
        records = list(csv.DictReader(stream))
    personal = {
        record[column].strip()
        for record in records
        for column in PERSONAL_COLUMNS
        if len(record[column].strip()) >= 3
    }
    assert {"12/05/1980", "31/02/1984", "P3030303", "03/03/75", "Ramin2"} <= personal
    for problem in result.problems:
        for value in personal:
            assert value.casefold() not in problem.reason.casefold(), (problem, value)


def test_reasons_do_not_echo_values_from_xlsx_cells(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Case", "Relationship", "Given name", "Sex", "DOB", "Document No."])
    sheet.append(["A", "principal", "Gul7", "F", "30/02/1991", "P6543210"])
    sheet.append(["A", "son", "Wali", "M", datetime(2031, 1, 1), "P6543210"])
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    result = read_intake_file(path, today=TODAY)
    text = " ".join(p.reason for p in result.problems)
    for value in ("Gul7", "30/02/1991", "1991", "P6543210", "2031"):
        assert value not in text
    assert ("DOB", "in the future") in [(p.column, p.reason) for p in result.problems]


def test_problems_name_the_files_own_headers(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "HH ID;Relationship to PA;First name;Gender;Date of birth\n"
        "A;principal;Gul;W;1990\nA;sibling;Wali;M;2000\n",
        encoding="utf-8",
    )
    assert problems_of(read_intake_file(path, today=TODAY)) == [
        (2, "Gender", "not a known sex (use M, F or X)"),
        (3, "Relationship to PA", "the principal of this case (row 2) has problems"),
    ]


def test_case_problems_report_every_row_of_the_case(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "Case,Relationship,Given name,Sex,DOB\n"
        "A,spouse,Gul,F,1990\nB,principal,Wali,M,1980\nA,son,Ali,M,2010\n"
        "A,daughter,Nazo,F,2012\n",
        encoding="utf-8",
    )
    result = read_intake_file(path, today=TODAY)
    assert [r.row for r in result.rows] == [3]
    no_principal = "the case has no principal; it needs exactly one"
    assert problems_of(result) == [
        (2, "Relationship", no_principal),
        (4, "Relationship", no_principal),
        (5, "Relationship", no_principal),
    ]


def test_members_of_a_case_whose_principal_is_refused_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "Case,Relationship,Given name,Sex,DOB,Document type,Document number\n"
        "A,principal,Gul,F,1990,passport,P1234567\n"
        "A,son,Wali,M,2010,,\n"
        "B,principal,Nazo,F,1991,passport,p1234567\n",
        encoding="utf-8",
    )
    result = read_intake_file(path, today=TODAY)
    assert result.rows == ()
    assert problems_of(result) == [
        (2, "Document number", "the same document number is also on row 4"),
        (3, "Relationship", "the principal of this case (row 2) has problems"),
        (4, "Document number", "the same document number is also on row 2"),
    ]


def test_document_rules(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "Case,Relationship,Given name,Sex,DOB,Document number,Expiry\n"
        "A,principal,Gul,F,1990,P1234567,01/01/2030\n"
        "B,principal,Wali,M,1980,,01/01/2030\n",
        encoding="utf-8",
    )
    assert problems_of(read_intake_file(path, today=TODAY)) == [
        (2, "Document number", "needs a document type, and the file has no column for it"),
        (3, "Expiry", "given without a document number"),
    ]


def test_values_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "Case,Relationship,Given name,Sex,DOB,Nationality,Document type,Document no,"
        "Phone,Language,Destination\n"
        "A,Principal Applicant,  Gul   Bibi ,f,1990-01-01 00:00:00,xxa,Laissez-passer,"
        "lp 12-345,(+355) 69-555.0303,PASHTU,usa\n"
        "A,Husband,Wali,male,۱۰/۰۵/۱۹۸۸,stateless,ICRC,x77,n/a,Farsi,\n"
        "A,mother,Nazo,F,00/00/1950,Afghanistan,e-Tazkira,1400 0101 1,-,Uzbek,\n",
        encoding="utf-8",
    )
    result = read_intake_file(path, today=TODAY)
    assert result.problems == ()
    first, second, third = result.rows
    assert (first.relationship, first.given_name, first.sex) == ("principal", "Gul Bibi", "F")
    assert (first.date_of_birth, first.dob_precision) == (date(1990, 1, 1), "exact")
    assert (first.nationality, first.document_type) == ("XXA", "laissez_passer")
    assert (first.document_number, first.phone) == ("LP 12-345", "+355695550303")
    assert (first.language, first.destination_country) == ("Pashto", "USA")
    assert (second.relationship, second.sex) == ("spouse", "M")
    assert second.date_of_birth == date(1988, 5, 10)  # Persian digits
    assert (second.nationality, second.document_type) == ("XXA", "icrc_travel_document")
    assert (second.phone, second.language) == (None, "Dari")
    assert (third.date_of_birth, third.dob_precision) == (date(1950, 1, 1), "year")
    assert (third.nationality, third.document_type, third.language) == ("AFG", "tazkira", "Other")
    assert third.document_number == "1400 0101 1"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("14/03/1985", (date(1985, 3, 14), "exact")),
        ("4/3/1985", (date(1985, 3, 4), "exact")),
        ("14.03.1985", (date(1985, 3, 14), "exact")),
        ("14-03-1985", (date(1985, 3, 14), "exact")),
        ("1985-03-14", (date(1985, 3, 14), "exact")),
        ("1985/03/14", (date(1985, 3, 14), "exact")),
        ("1985-03-14T00:00:00", (date(1985, 3, 14), "exact")),
        ("14 March 1985", (date(1985, 3, 14), "exact")),
        ("14-Mar-1985", (date(1985, 3, 14), "exact")),
        ("1985", (date(1985, 1, 1), "year")),
        ("00/00/1985", (date(1985, 1, 1), "year")),
        ("1985-00-00", (date(1985, 1, 1), "year")),
        ("31120", (date(1985, 3, 14), "exact")),
        ("31120.0", (date(1985, 3, 14), "exact")),
        (31120, (date(1985, 3, 14), "exact")),
        (1985, (date(1985, 1, 1), "year")),
        (1985.0, (date(1985, 1, 1), "year")),
        (datetime(1985, 3, 14, 13, 30), (date(1985, 3, 14), "exact")),
        (date(1985, 3, 14), (date(1985, 3, 14), "exact")),
    ],
)
def test_date_formats(value: object, expected: tuple[date, str]) -> None:
    assert _parse_date(value, date(1899, 12, 30)) == expected


TWO_DIGITS = "the year has only two digits, which is ambiguous: write all four"
NOT_A_DATE = "not a date (use dd/mm/yyyy, yyyy-mm-dd or the year alone)"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("14/03/85", TWO_DIGITS),
        ("14-Mar-85", TWO_DIGITS),
        ("85", TWO_DIGITS),
        (85, TWO_DIGITS),
        ("14/03/985", NOT_A_DATE),
        ("31/04/1985", "not a real date (day 31 in April)"),
        ("00/03/1985", "not a real date (there is no day 0)"),
        ("1985-13-01", "not a real date (there is no month 13; dates are read as year-month-day)"),
        ("1850", "the year is before 1900"),
        ("01/01/1850", "the year is before 1900"),
        (
            "1363/05/12",
            "the year looks like a Solar Hijri (Shamsi) year: "
            "convert the date to the Gregorian calendar",
        ),
        ("2150", "the year is after 2100"),
        ("01/01/2150", "the year is after 2100"),
        ("unknown", NOT_A_DATE),
        ("March 14, 1985", NOT_A_DATE),
        ("14 Foo 1985", NOT_A_DATE),
        ("123", NOT_A_DATE),
        (True, NOT_A_DATE),
        (float("nan"), NOT_A_DATE),
        (-5, NOT_A_DATE),
    ],
)
def test_dates_refused(value: object, reason: str) -> None:
    with pytest.raises(_Bad) as raised:
        _parse_date(value, date(1899, 12, 30))
    assert str(raised.value) == reason


# --------------------------------------------------------------------------- fuzzing

TRICKY = [
    "", " ", "n/a", "-", "principal", "Principal", "child", "wife", "son", "x", "M", "f", "زن",
    "A", "A-1", "B", "1990", "31/02/1990", "29/02/2000", "00/00/1990", "1990-13-01",
    "99999999999999999999", "9" * 400, "45123", "45123.5", "-3", "1e308", "inf", "nan",
    "12 Foo 1990", "Zoë", "نام", "\u200f", "\u200c", "P1234567", "p1234567", "+", "+93 70",
    "AFG", "afghan", "XXA", "DEU", "Dari, Pashto", "passport", "tazkira", '"', "'", ";", ",",
    "\t", "\r", "\n", "a\x01b", "\x00",
]  # fmt: skip


def _invariants(result: IntakeFile) -> None:
    valid = {row.row for row in result.rows}
    refused = {problem.row for problem in result.problems}
    assert not valid & refused
    assert len(valid) == len(result.rows)
    if not result.unmapped_required:
        assert result.rows_read == len(valid) + len(refused)
    principals: dict[str, int] = {}
    for row in result.rows:
        principals.setdefault(row.case_ref, 0)
        principals[row.case_ref] += row.relationship == "principal"
        assert row.sex in {"M", "F", "X"}
        assert row.dob_precision in {"exact", "year"}
        assert row.date_of_birth is not None and row.date_of_birth <= TODAY
    assert all(count == 1 for count in principals.values())
    for problem in result.problems:
        assert problem.column in result.headers and problem.reason


def test_fuzzed_csv_files_give_results_or_intake_file_errors(tmp_path: Path) -> None:
    rand = random.Random(9)
    header = ["Case", "Relationship", "Given name", "Sex", "DOB", "Passport no", "Nationality"]
    for attempt in range(150):
        rows = [header] + [
            [rand.choice(TRICKY) for _ in range(rand.randint(0, 9))]
            for _ in range(rand.randint(0, 12))
        ]
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=rand.choice(",;\t")).writerows(rows)
        encoding = rand.choice(["utf-8", "utf-8-sig", "utf-16", "cp1256"])
        path = tmp_path / f"fuzz{attempt}.csv"
        path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
        try:
            result = read_intake_file(path, today=TODAY)
        except IntakeFileError:
            continue
        _invariants(result)


def test_fuzzed_bytes_give_results_or_intake_file_errors(tmp_path: Path) -> None:
    rand = random.Random(11)
    for attempt in range(150):
        prefix = rand.choice([b"", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"Case,Sex\n"])
        body = bytes(rand.randrange(256) for _ in range(rand.randint(0, 300)))
        path = tmp_path / f"fuzz{attempt}.{rand.choice(['csv', 'xlsx', 'txt'])}"
        path.write_bytes(prefix + body)
        with contextlib.suppress(IntakeFileError):
            _invariants(read_intake_file(path, today=TODAY))


def test_fuzzed_xlsx_cells_give_results(tmp_path: Path) -> None:
    rand = random.Random(13)
    pool: list[object] = [
        *TRICKY[:40], 0, -1, 1990, 45123, 45123.25, 1e300, True, False,
        datetime(2040, 1, 1), datetime(1850, 5, 5), date(1990, 2, 28), None,
    ]  # fmt: skip
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Case", "Relationship", "Given name", "Sex", "DOB", "Document No.", "Expiry"])
    for _ in range(300):
        sheet.append([rand.choice(pool) for _ in range(rand.randint(0, 8))])
    path = tmp_path / "fuzz.xlsx"
    workbook.save(path)
    _invariants(read_intake_file(path, today=TODAY))
    assert scanned_rows(path) == openpyxl_rows(path)


# --------------------------------------------------------------------------- speed


def _realistic_rows(persons: int) -> list[list[object]]:
    """Households of 1 to 9 with fictional, varied names, dates and documents."""
    rand = random.Random(20250601)
    given_m = ["Ahmad", "Farid", "Hamid", "Jawid", "Mirwais", "Omid", "Rahim", "Sami", "Wali"]
    given_f = ["Fereshta", "Laila", "Mina", "Nadia", "Sahar", "Shirin", "Zahra", "Zarlasht"]
    families = ["Ahmadi", "Akbari", "Hotak", "Karimi", "Nazari", "Popal", "Rahimi", "Wardak"]
    native = {"Ahmadi": "احمدی", "Akbari": "اکبری", "Hotak": "هوتک", "Karimi": "کریمی"}
    header: list[object] = [
        "Case No", "Relationship", "First name", "Surname", "Father's name", "Name (Dari)",
        "Sex", "Date of birth", "Nationality", "Document type", "Document No.", "Expiry date",
        "Phone", "Language", "Destination", "Programme",
    ]  # fmt: skip
    rows: list[list[object]] = [header]
    case = 0
    while len(rows) <= persons:
        case += 1
        family = rand.choice(families)
        father = rand.choice(given_m)
        phone = f"+355 69 {rand.randrange(1000000, 9999999)}"
        destination = rand.choice(["DEU", "CAN", "USA", "GBR"])
        for member in range(min(rand.randint(1, 9), persons + 1 - len(rows))):
            sex = "M" if member == 0 or rand.random() < 0.5 else "F"
            relationship = "principal" if member == 0 else rand.choice(["spouse", "child"])
            given = rand.choice(given_m if sex == "M" else given_f)
            born = date(1950, 1, 1) + timedelta(days=rand.randrange(0, 26000))
            rows.append(
                [
                    f"SHG-{case:05d}",
                    relationship,
                    given,
                    family,
                    father,
                    f"{given} {native.get(family, 'وردک')}",
                    sex,
                    born,
                    "AFG",
                    "passport",
                    f"P{len(rows):08d}",
                    date(2030, 1, 1) + timedelta(days=len(rows) % 700),
                    phone if member == 0 else None,
                    rand.choice(["Dari", "Pashto"]),
                    destination,
                    "Humanitarian admission",
                ]
            )
    return rows


@pytest.mark.slow
def test_ten_thousand_rows_in_well_under_two_seconds(tmp_path: Path) -> None:
    rows = _realistic_rows(10_000)
    csv_path = tmp_path / "list.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in rows:
        writer.writerow([v.strftime("%d/%m/%Y") if isinstance(v, date) else v for v in row])
    csv_path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    xlsx_path = tmp_path / "list.xlsx"
    sheet, strings = rows_to_sheet(rows)
    write_xlsx(xlsx_path, [sheet], strings)

    for path in (csv_path, xlsx_path):
        start = time.perf_counter()
        result = read_intake_file(path, today=TODAY)
        elapsed = time.perf_counter() - start
        assert (len(result.rows), result.problems) == (10_000, ()), path.name
        assert elapsed < 2.0, f"{path.name}: {elapsed:.2f} s for 10,000 rows"
