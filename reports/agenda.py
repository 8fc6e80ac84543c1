"""The day's agenda for reception or the clinic: who is expected when, with a column to sign.

A4 landscape so that a row fits on one line and the signature column is wide enough to
sign in. Long days run over several pages; the table header repeats on each. Cancelled
appointments stay on the list, greyed and struck through, so reception can tell a family
that turns up anyway.
"""

from __future__ import annotations

from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, LongTable, Paragraph, Spacer, TableStyle

from reports.kit import fonts, text
from reports.kit.page import A4, build_document
from reports.kit.translations import translation
from reports.records import Agenda, AgendaRow

__all__ = ["render_agenda"]

PAGE = landscape(A4)
_MARGIN = 12 * mm
_TOP = 27 * mm  # the title block printed on every page sits above the table
_BOTTOM = 14 * mm
_ROW_HEIGHT = 9 * mm  # room to sign

STATUS_TITLES = {
    "scheduled": "Scheduled",
    "notified": "Told",
    "attended": "Attended",
    "no_show": "No-show",
    "cancelled": "Cancelled",
    "rescheduled": "Rescheduled",
}
_STRUCK = ("cancelled", "rescheduled")


def render_agenda(agenda: Agenda) -> bytes:
    """The agenda as PDF. ValueError for an appointment kind or status it does not know."""
    for row in agenda.rows:
        _status(row.status)
        translation("english").kind(row.kind)
    title = _title(agenda)
    printed = f"Printed {_when(agenda.printed_at)} by {agenda.printed_by}"

    def decorate(canvas: Canvas, page: int, total: int) -> None:
        width, height = PAGE
        _draw(canvas, title, 14, _MARGIN, height - _MARGIN - 4 * mm, bold=True)
        _draw(canvas, agenda.office_name, 9.5, _MARGIN, height - _MARGIN - 10 * mm, grey=0.3)
        canvas.setStrokeGray(0.6)
        canvas.setLineWidth(0.5)
        canvas.line(_MARGIN, _BOTTOM - 3 * mm, width - _MARGIN, _BOTTOM - 3 * mm)
        footer = f"{printed}  ·  Page {page} of {total}" if total else printed
        _draw(canvas, footer, 8, _MARGIN, _BOTTOM - 7 * mm, grey=0.3)

    return build_document(
        lambda: _story(agenda),
        title="Daily agenda",
        decorate=decorate,
        pagesize=PAGE,
        margins=(_TOP, _MARGIN, _BOTTOM, _MARGIN),
    )


def _title(agenda: Agenda) -> str:
    place = agenda.place.name if agenda.place else "All places"
    return f"Daily agenda — {place} — {translation('english').long_date(agenda.day)}"


def _when(moment: datetime) -> str:
    return f"{translation('english').long_date(moment.date())}, {moment:%H:%M}"


def _draw(
    canvas: Canvas,
    words: str,
    size: float,
    x: float,
    y: float,
    *,
    bold: bool = False,
    grey: float = 0,
) -> None:
    canvas.setFillGray(grey)
    text.draw_line(canvas, text.shape_line(words, size, bold=bold), x, y)


def _story(agenda: Agenda) -> list[Flowable]:
    if not agenda.rows:
        return [Spacer(1, 6 * mm), Paragraph("No appointments on this day.", _style(12))]
    every_place = agenda.place is None
    header = ["Time", "Min", "Case number", "Principal applicant", "People", "Kind", "Detail"]
    header += ["Place"] if every_place else []
    header += ["Status", "Signature / present"]
    # millimetres; the detail column takes what is left
    widths = [12, 10, 29, 44 if every_place else 48, 12, 33, None]
    widths += [30] if every_place else []
    widths += [19, 46 if every_place else 52]
    fixed = sum(w for w in widths if w is not None) * mm
    free = PAGE[0] - 2 * _MARGIN - fixed
    col_widths = [w * mm if w is not None else free for w in widths]
    head_style = _style(8, bold=True)
    data: list[list[object]] = [[Paragraph(escape(h), head_style) for h in header]]
    struck = []
    for index, row in enumerate(agenda.rows, start=1):
        data.append(_cells(row, every_place))
        if row.status in _STRUCK:
            struck.append(index)
    table = LongTable(data, colWidths=col_widths, repeatRows=1)
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.Color(0.6, 0.6, 0.6)),
        ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
        ("LINEBEFORE", (-1, 0), (-1, -1), 0.6, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("BACKGROUND", (0, r), (-2, r), colors.Color(0.95, 0.95, 0.95)) for r in struck]
    table.setStyle(TableStyle(commands))
    return [table]


def _cells(row: AgendaRow, every_place: bool) -> list[object]:
    struck = row.status in _STRUCK
    style = _style(8.5, grey=0.45 if struck else 0)

    def cell(value: str, *, bold: bool = False) -> Paragraph:
        markup = escape(value)
        if bold:
            markup = f"<b>{markup}</b>"
        if struck:
            markup = f"<strike>{markup}</strike>"
        return Paragraph(markup, style)

    cells: list[object] = [
        cell(f"{row.starts_at:%H:%M}", bold=True),
        cell(str(row.duration_minutes)),
        cell(row.case_number),
        cell(row.principal_name, bold=True),
        cell(str(row.attendee_count)),
        cell(translation("english").kind(row.kind)),
        cell(row.detail),
    ]
    if every_place:
        cells.append(cell(row.place_name))
    # the empty signature cell holds the row open to signing height; longer details grow it
    cells += [Paragraph(escape(_status(row.status)), style), Spacer(1, _ROW_HEIGHT - 6)]
    return cells


def _status(code: str) -> str:
    try:
        return STATUS_TITLES[code]
    except KeyError:
        known = ", ".join(STATUS_TITLES)
        raise ValueError(f"Unknown appointment status {code!r} (known: {known})") from None


def _style(size: float, *, bold: bool = False, grey: float = 0) -> ParagraphStyle:
    font = fonts.font_name("latin", bold)
    return ParagraphStyle(
        "cell",
        fontName=font,
        fontSize=size,
        leading=size * 1.2,
        textColor=colors.Color(grey, grey, grey),
    )
