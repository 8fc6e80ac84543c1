"""The cover sheet of a sealed MEDICAL-IN-CONFIDENCE envelope: one household's medical
documents travel in it to the doctor at the destination.

A large warning, who may open it, the case number with its barcode, how many persons,
and a list of what is inside (whose document, what kind, of which day) with a box to tick
as each goes in; never an outcome or anything a document says. At the foot, a line in the
family's language tells them not to open it and to hand it to the doctor when they arrive.
A long list runs on to further pages, which repeat the warning and the case number.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from io import BytesIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from reports.kit import text
from reports.kit.page import new_canvas
from reports.kit.signature import SignatureBlock
from reports.kit.text import Line
from reports.medical_sheet import (
    BOTTOM,
    GREY,
    MARGIN_X,
    PAGE_HEIGHT,
    RULE_GREY,
    WIDTH,
    Sheet,
    family_box,
    family_words,
    footer,
    header,
    short_day,
    word,
)
from reports.records import EnclosedDocument, Envelope

__all__ = ["render_envelope"]

WARNING = "MEDICAL-IN-CONFIDENCE"
_KIND = "Medical team · sealed envelope cover sheet"
# table columns in millimetres: number, person (takes the rest), document, date, enclosed
_COLUMNS = (10.0, None, 62.0, 36.0, 20.0)
_HEAD = ("No.", "Person", "Document", "Date", "Enclosed")
_CELL_SIZE = 9.5
_PAD: float = 1.6 * mm  # above and below the text of a row


def render_envelope(envelope: Envelope) -> bytes:
    """The cover sheet as PDF: one page, more when the list is long.

    ValueError for a language the translation files do not know, or for an envelope
    with nothing in it, before anything is drawn.
    """
    if not envelope.documents:
        raise ValueError(f"{envelope.case_number}: no medical documents to enclose")
    words = family_words(envelope.language)
    sheets = _pages(envelope, words.rtl)
    out = BytesIO()
    canvas = new_canvas(out, "Medical envelope cover sheet")
    for number, sheet in enumerate(sheets, start=1):
        page = f"{envelope.case_number}  ·  page {number} of {len(sheets)}"
        footer(sheet, _printed(envelope), page if len(sheets) > 1 else envelope.case_number)
        sheet.render(canvas)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _printed(envelope: Envelope) -> str:
    return (
        f"Printed {short_day(envelope.prepared_on)} by {envelope.office_name}. If found, "
        "return this envelope unopened to the IOM office."
    )


def _pages(envelope: Envelope, rtl: bool) -> list[Sheet]:
    widths = _widths()
    rows = [_cells(n, document) for n, document in enumerate(envelope.documents, start=1)]
    # the first page ends with who sealed it and the family's line; measure them first
    closing = Sheet(y=0.0)
    _closing(closing, envelope, rtl, top=0.0)
    limit = PAGE_HEIGHT - BOTTOM - 4 * mm

    sheets = [_first(envelope)]
    _table_head(sheets[0], widths)
    room = limit - closing.y - 6 * mm
    for cells in rows:
        sheet = sheets[-1]
        height = _row_height(cells, widths)
        # the first page keeps room for its closing block; later pages use all of it
        bottom = room if len(sheets) == 1 else limit
        if sheet.y + height > bottom:
            sheets.append(_continued(envelope))
            _table_head(sheets[-1], widths)
        _row(sheets[-1], cells, widths)
    # the closing block sits at the foot of the first page
    first = sheets[0]
    first.y = max(first.y + 6 * mm, limit - closing.y)
    _closing(first, envelope, rtl, top=first.y)
    return sheets


def _first(envelope: Envelope) -> Sheet:
    sheet = Sheet()
    header(sheet, envelope.office_name, envelope.case_number, _KIND)
    top = sheet.y
    sheet.y += 6 * mm
    sheet.paragraph(WARNING, 30, bold=True, align="center", after=2 * mm)
    sheet.paragraph("To be opened only by medical staff", 16, bold=True, align="center")
    sheet.y += 1.5 * mm
    sheet.paragraph(
        "Confidential medical documents of one household, for the doctor at the destination.",
        9.5,
        grey=GREY,
        align="center",
    )
    sheet.y += 5 * mm
    sheet.box(top, sheet.y, weight=2.4)
    sheet.y += 5 * mm
    count = len(envelope.documents)
    sheet.fields(
        ("Case number", [envelope.case_number]),
        ("Persons", [str(envelope.persons)]),
        label_width=30 * mm,
    )
    sheet.fields(
        ("Documents", [f"{count} enclosed"]),
        ("Prepared by", [envelope.prepared_by or "—"]),
        label_width=30 * mm,
    )
    sheet.band("Enclosed medical documents")
    return sheet


def _continued(envelope: Envelope) -> Sheet:
    sheet = Sheet()
    header(sheet, envelope.office_name, envelope.case_number, _KIND)
    sheet.paragraph(
        f"{WARNING} – to be opened only by medical staff", 15, bold=True, align="center"
    )
    sheet.band("Enclosed medical documents (continued)")
    return sheet


def _closing(sheet: Sheet, envelope: Envelope, rtl: bool, *, top: float) -> None:
    """Who prepared and sealed the envelope, then the family's line in a frame."""
    sheet.y = top
    sheet.band("Sealed by")
    sheet.paragraph(
        f"Prepared by {envelope.prepared_by or '—'} on {short_day(envelope.prepared_on)}. "
        "I have put the documents ticked above in this envelope and sealed it.",
        9,
        after=1 * mm,
    )
    block = SignatureBlock(("Signature", "Name in capitals", "Date sealed"), WIDTH, room=11 * mm)
    block_top = sheet.y
    sheet.ops.append(partial(_draw_block, block, MARGIN_X, PAGE_HEIGHT - block_top - block.height))
    sheet.y = block_top + block.height + 5 * mm
    words = family_words(envelope.language)
    family_box(
        sheet,
        [
            (word(words, "envelope_title"), 11, True),
            (word(words, "envelope_warning"), 13, True),
        ],
        rtl=rtl,
        top=sheet.y,
    )


def _draw_block(block: SignatureBlock, x: float, y: float, canvas: Canvas) -> None:
    block.drawOn(canvas, x, y)


# -- the list --------------------------------------------------------------------------------


def _widths() -> list[float]:
    fixed = sum(w for w in _COLUMNS if w is not None) * mm
    return [w * mm if w is not None else WIDTH - fixed for w in _COLUMNS]


def _cells(number: int, document: EnclosedDocument) -> list[str]:
    return [str(number), document.person_name, document.kind, short_day(document.dated)]


def _wrapped(values: Sequence[str], widths: Sequence[float], *, bold: bool) -> list[list[Line]]:
    size = 8 if bold else _CELL_SIZE
    return [
        text.wrap(value, size, width - 3 * mm, bold=bold)
        for value, width in zip(values, widths, strict=False)
    ]


def _row_height(values: Sequence[str], widths: Sequence[float], *, bold: bool = False) -> float:
    columns = _wrapped(values, widths, bold=bold)
    return max(sum(line.height for line in lines) for lines in columns) + 2 * _PAD


def _row(
    sheet: Sheet, values: Sequence[str], widths: Sequence[float], *, bold: bool = False
) -> None:
    top = sheet.y
    height = _row_height(values, widths, bold=bold)
    x = MARGIN_X
    for lines, width in zip(_wrapped(values, widths, bold=bold), widths, strict=False):
        sheet.y = top + _PAD
        for line in lines:
            sheet.line(line, x + 1.5 * mm, width - 3 * mm, grey=GREY if bold else 0.0)
        x += width
    if not bold:  # a box to tick as the document goes in
        side = 3.6 * mm
        box_x = MARGIN_X + sum(widths[:-1]) + (widths[-1] - side) / 2
        box_top = top + (height - side) / 2
        sheet.box(box_top, box_top + side, weight=0.7, grey=0.2, x=box_x, width=side)
    sheet.y = top + height
    sheet.rule(weight=0.4, grey=RULE_GREY)


def _table_head(sheet: Sheet, widths: Sequence[float]) -> None:
    _row(sheet, _HEAD, widths, bold=True)
    sheet.ops.pop()  # the head gets a darker rule than the rows
    sheet.rule(weight=0.8, grey=0.3)
