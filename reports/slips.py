"""Appointment slips: what a family needs to come to an appointment, cut from A4 paper.

Three slips to a page with dashed lines to cut along. Each slip gives the appointment in
English on the left and in the family's language (Dari or Pashto, right to left) on the
right, so the family reads it and a taxi driver or guard reads the English. The case number
is printed and encoded as a Code 128 barcode for reception. A slip too full for a third of
a page is set a little smaller, then given two or three thirds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from io import BytesIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from reports.kit import text
from reports.kit.barcodes import Barcode
from reports.kit.page import A4, cut_line, new_canvas
from reports.kit.text import Line
from reports.kit.translations import Translation, translation
from reports.records import SLIP_LANGUAGES, Slip

__all__ = ["render_slips"]

PAGE_WIDTH, PAGE_HEIGHT = A4
SLOTS_PER_PAGE = 3
_MARGIN_X = 13 * mm
_MARGIN_Y = 7 * mm
_SLOT = (PAGE_HEIGHT - 2 * _MARGIN_Y) / SLOTS_PER_PAGE
_PAD = 4.5 * mm  # inside a slot, above and below the content (room for the scissors)
_WIDTH = PAGE_WIDTH - 2 * _MARGIN_X
_GUTTER = 7 * mm
_SCALES = (1.0, 0.93, 0.86)  # smaller type before a slip takes more of the page

_GREY = 0.35
_RULE_GREY = 0.7


def render_slips(slips: Sequence[Slip], laid_out: Callable[[int], None] | None = None) -> bytes:
    """One PDF with a slip per record, in record order, three to an A4 page.

    ValueError for an appointment kind, a thing to bring or a language the translation
    files do not know, before anything is drawn. ``laid_out(n)`` is called after each
    slip is laid out (the slow part: shaping Dari and Pashto); it may raise to stop.
    """
    if not slips:
        raise ValueError("No slips to print")
    layouts = []
    for slip in slips:
        layouts.append(_fit(slip))
        if laid_out is not None:
            laid_out(len(layouts))
    out = BytesIO()
    canvas = new_canvas(out, "Appointment slips")
    slot = 0
    for layout in layouts:
        if slot + layout.slots > SLOTS_PER_PAGE:
            canvas.showPage()
            slot = 0
        top = PAGE_HEIGHT - _MARGIN_Y - slot * _SLOT
        if slot:
            cut_line(canvas, top, 0, PAGE_WIDTH)
        layout.draw(canvas, _MARGIN_X, top - _PAD)
        slot += layout.slots
    canvas.showPage()
    canvas.save()
    return out.getvalue()


# -- layout ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Placed:
    line: Line
    x: float  # left of the box the line is aligned in
    width: float
    baseline: float  # below the top of the slip content
    grey: float = 0.0


@dataclass
class _Layout:
    slots: int
    height: float
    lines: list[_Placed]
    rules: list[tuple[float, float, float, float]]  # x0, y0, x1, y1 below the content top
    barcode: Barcode
    barcode_at: tuple[float, float]  # left, top

    def draw(self, canvas: Canvas, left: float, top: float) -> None:
        canvas.saveState()
        canvas.setStrokeGray(_RULE_GREY)
        canvas.setLineWidth(0.5)
        for x0, y0, x1, y1 in self.rules:
            canvas.line(left + x0, top - y0, left + x1, top - y1)
        for placed in self.lines:
            canvas.setFillGray(placed.grey)
            text.draw_line(
                canvas, placed.line, left + placed.x, top - placed.baseline, width=placed.width
            )
        canvas.restoreState()
        x, y = self.barcode_at
        self.barcode.draw(canvas, left + x, top - y - self.barcode.height)


@dataclass
class _Flow:
    """Lines placed one under another in a column: from the left edge for English, from
    the right edge (and right-aligned) for Dari and Pashto."""

    x: float
    width: float
    rtl: bool
    scale: float
    y: float = 0.0
    lines: list[_Placed] = field(default_factory=list)

    def paragraph(
        self, words: str, size: float, *, bold: bool = False, grey: float = 0.0, after: float = 0
    ) -> None:
        size *= self.scale
        for line in text.wrap(words, size, self.width, rtl=self.rtl, bold=bold):
            self._place(line, self.x, self.width, grey)
        self.y += after * self.scale

    def row(
        self,
        label: str,
        values: Sequence[str],
        *,
        bullets: bool = False,
        grid: bool = False,
        bold: bool = False,
    ) -> None:
        """A label beside its values, one under another; with ``grid``, short values
        share a line in up to three columns. Long values wrap; bullets hang."""
        label_width = (26 if self.rtl else 25) * mm
        value_width = self.width - label_width
        label_x = self.x + value_width if self.rtl else self.x
        value_x = self.x if self.rtl else self.x + label_width
        size = 9 * self.scale
        label_lines = text.wrap(
            label, 7.6 * self.scale, label_width - 2 * mm, rtl=self.rtl, bold=True
        )
        first_value = text.shape_line(values[0] if values else "", size, rtl=self.rtl, bold=bold)
        top = self.y
        # the label sits on the baseline of the first value
        self.y += max(0.0, first_value.ascent - label_lines[0].ascent)
        for line in label_lines:
            self._place(line, label_x + (2 * mm if self.rtl else 0), label_width - 2 * mm, _GREY)
        label_bottom, self.y = self.y, top
        bullet = text.shape_line("•", size, rtl=self.rtl) if bullets else None
        indent = bullet.width + 1.5 * mm if bullet else 0.0
        gap = 4 * mm
        columns = _columns(values, size, value_width, gap, indent, rtl=self.rtl) if grid else 1
        cell = (value_width - gap * (columns - 1)) / columns
        for start in range(0, len(values), columns):
            row_top, row_bottom = self.y, self.y
            for column, value in enumerate(values[start : start + columns]):
                self.y = row_top
                # the first column is on the left in English, on the right in Dari and Pashto
                left = value_x + column * (cell + gap)
                if self.rtl:
                    left = value_x + value_width - cell - column * (cell + gap)
                box_x = left if self.rtl else left + indent
                lines = text.wrap(value, size, cell - indent, rtl=self.rtl, bold=bold)
                for n, line in enumerate(lines):
                    if bullet and n == 0:
                        bullet_x = left + cell - bullet.width if self.rtl else left
                        baseline = self.y + line.ascent
                        self.lines.append(_Placed(bullet, bullet_x, bullet.width, baseline))
                    self._place(line, box_x, cell - indent, 0.0)
                row_bottom = max(row_bottom, self.y)
            self.y = row_bottom
        self.y = max(self.y, label_bottom) + 1.6 * mm * self.scale

    def _place(self, line: Line, x: float, width: float, grey: float) -> None:
        self.lines.append(_Placed(line, x, width, self.y + line.ascent, grey))
        self.y += line.height


def _columns(
    values: Sequence[str], size: float, width: float, gap: float, indent: float, *, rtl: bool
) -> int:
    """How many columns the values fit in without wrapping (at most three)."""
    widths = [text.shape_line(v, size, rtl=rtl).width + indent for v in values]
    for columns in range(min(3, len(values)), 1, -1):
        if max(widths) <= (width - gap * (columns - 1)) / columns:
            return columns
    return 1


def _fit(slip: Slip) -> _Layout:
    for slots in range(1, SLOTS_PER_PAGE + 1):
        for scale in _SCALES:
            layout = _layout(slip, scale)
            if layout.height <= slots * _SLOT - 2 * _PAD:
                layout.slots = slots
                return layout
    raise ValueError(f"{slip.case_number}: the slip does not fit on a page")


def _layout(slip: Slip, scale: float) -> _Layout:
    if slip.language is not None and slip.language not in SLIP_LANGUAGES:
        raise ValueError(f"No slips in {slip.language!r} (known: {', '.join(SLIP_LANGUAGES)})")
    english = translation("english")
    family = translation(slip.language) if slip.language else None
    barcode = Barcode(slip.case_number)

    # header: office and phone on the left; case number and its barcode on the right
    number = text.shape_line(slip.case_number, 11, bold=True)
    barcode_left = _WIDTH - barcode.width
    number_left = barcode_left - number.width - 1 * mm
    head = _Flow(0, number_left - 4 * mm, rtl=False, scale=1.0)
    head.paragraph(slip.office_name, 10.5, bold=True, after=0.5 * mm)
    details = english.label("slip")
    if slip.office_phone:
        details += f"  ·  {english.label('phone')} {slip.office_phone}"
    head.paragraph(details, 8.5, grey=_GREY)
    header_height = max(head.y, barcode.height)
    number_baseline = barcode.height / 2 + (number.ascent - number.descent) / 2
    lines = [*head.lines, _Placed(number, number_left, number.width, number_baseline)]
    rule_y = header_height + 1.5 * mm
    rules = [(0.0, rule_y, _WIDTH, rule_y)]
    body_top = rule_y + 3 * mm

    if family is None:
        columns = [_column(slip, english, 0, _WIDTH, scale, both_names=True)]
    else:
        half = (_WIDTH - _GUTTER) / 2
        columns = [
            _column(slip, english, 0, half, scale, both_names=True),
            _column(slip, family, half + _GUTTER, half, scale, both_names=False),
        ]
        divider = _WIDTH / 2
        bottom = body_top + max(c.y for c in columns)
        rules.append((divider, body_top - 1 * mm, divider, bottom - 2 * mm))
    for column in columns:
        lines += [
            _Placed(p.line, p.x, p.width, p.baseline + body_top, p.grey) for p in column.lines
        ]
    height = body_top + max(c.y for c in columns)
    return _Layout(1, height, lines, rules, barcode, (barcode_left, 0.0))


def _column(
    slip: Slip, words: Translation, x: float, width: float, scale: float, *, both_names: bool
) -> _Flow:
    flow = _Flow(x, width, rtl=words.rtl, scale=scale)
    flow.paragraph(words.kind(slip.kind), 12.5, bold=True, after=1.2 * mm)
    start = slip.starts_at
    flow.row(
        words.label("when"),
        [words.long_date(start.date()), words.time(start, slip.duration_minutes)],
        bold=True,
    )
    place = slip.place
    if words.rtl:
        flow.row(words.label("where"), [place.name])
    else:
        flow.row(
            words.label("where"), [p for p in (place.name, place.address, place.map_line) if p]
        )
    names = [
        f"{a.name} – {a.native_name}" if both_names and a.native_name else a.native_name or a.name
        for a in slip.attendees
    ]
    if names:
        flow.row(words.label("who"), names, grid=True)
    items = [words.bring(code) for code in slip.bring]
    if items:
        flow.row(words.label("bring"), items, bullets=True, grid=True)
    if words.rtl:
        flow.row(words.label("case_number"), [slip.case_number])
    elif slip.detail:
        flow.row(words.label("note"), [slip.detail])
    flow.y += 0.5 * mm
    flow.paragraph(words.label("come_early"), 9, bold=True, after=0.8 * mm)
    flow.paragraph(words.label("cannot_come"), 8.2)
    return flow
