"""The page the medical papers are laid out on, and the words they share.

The fitness certificate (reports/fitness.py) and the envelope cover sheet
(reports/envelope.py) are both placed from the top down on a ``Sheet`` and drawn once
they are known to fit; both open with the same header and close with the same footer and
a framed box of lines for the family. The texts come from the translation files'
"fitness" section, and times are printed in office time with their UTC offset, so an
airline abroad reads them right.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from reports.kit import text
from reports.kit.barcodes import Barcode
from reports.kit.page import A4
from reports.kit.text import Align, Line
from reports.kit.translations import Translation, translation
from reports.records import SLIP_LANGUAGES

PAGE_WIDTH, PAGE_HEIGHT = A4
OFFICE_TZ = ZoneInfo("Europe/Tirane")
MARGIN_X = 16 * mm
WIDTH = PAGE_WIDTH - 2 * MARGIN_X
TOP = 13 * mm
BOTTOM = 11 * mm  # the footer sits in it
GREY = 0.35
RULE_GREY = 0.65
BAND_GREY = 0.9

_LABEL = 33 * mm

Op = Callable[[Canvas], None]


# -- placing things on a page --------------------------------------------------------------


@dataclass
class Sheet:
    """What one page shows, placed from the top down and drawn once it is known to fit.

    ``y`` is the distance from the top of the page to the next free line. Medical papers
    share it: reports/envelope.py lays out its pages with it too.
    """

    y: float = TOP
    ops: list[Op] = field(default_factory=list)

    def line(
        self,
        line: Line,
        x: float,
        width: float,
        *,
        grey: float = 0.0,
        align: Align | None = None,
    ) -> None:
        baseline = PAGE_HEIGHT - self.y - line.ascent
        self.ops.append(partial(_draw_line, line, x, baseline, width, grey, align))
        self.y += line.height

    def paragraph(
        self,
        words: str,
        size: float,
        x: float = MARGIN_X,
        width: float = WIDTH,
        *,
        bold: bool = False,
        rtl: bool = False,
        grey: float = 0.0,
        align: Align | None = None,
        after: float = 0.0,
    ) -> None:
        for line in text.wrap(words, size, width, rtl=rtl, bold=bold):
            self.line(line, x, width, grey=grey, align=align)
        self.y += after

    def band(self, title: str, *, scale: float = 1.0) -> None:
        """A section heading on a grey band across the page."""
        self.y += 2.6 * mm * scale
        height = 5.2 * mm * scale
        top = self.y
        self.ops.append(partial(_band, PAGE_HEIGHT - top - height, height))
        line = text.shape_line(title.upper(), 8 * scale, bold=True)
        self.y = top + (height - line.height) / 2
        self.line(line, MARGIN_X + 2 * mm, WIDTH - 4 * mm, grey=0.15)
        self.y = top + height + 1.8 * mm * scale

    def rule(
        self,
        *,
        weight: float = 0.5,
        grey: float = RULE_GREY,
        x: float = MARGIN_X,
        width: float = WIDTH,
    ) -> None:
        self.ops.append(partial(_rule, PAGE_HEIGHT - self.y, x, width, weight, grey))

    def box(
        self,
        top: float,
        bottom: float,
        *,
        weight: float = 0.6,
        grey: float = 0.0,
        x: float = MARGIN_X,
        width: float = WIDTH,
        dashed: bool = False,
    ) -> None:
        """A frame around what was placed between ``top`` and ``bottom``; drawn first so
        that it never covers the text inside."""
        frame = partial(_box, x, PAGE_HEIGHT - bottom, width, bottom - top, weight, grey, dashed)
        self.ops.insert(0, frame)

    def field(
        self,
        label: str,
        values: Sequence[Line | str],
        x: float = MARGIN_X,
        width: float = WIDTH,
        *,
        label_width: float = _LABEL,
        size: float = 10,
        bold: bool = False,
        after: float = 1.2 * mm,
    ) -> None:
        """A grey label beside its value(s), one under another; a value that is a Line
        (a native-script name) is drawn as shaped, from the left."""
        lines: list[Line] = []
        for value in values or ["—"]:
            if isinstance(value, Line):
                lines.append(value)
            else:
                lines += text.wrap(value, size, width - label_width, bold=bold)
        label_lines = text.wrap(label, size * 0.78, label_width - 2 * mm, bold=True)
        top = self.y
        # the label sits on the baseline of the first value
        self.y += max(0.0, lines[0].ascent - label_lines[0].ascent)
        for line in label_lines:
            self.line(line, x, label_width - 2 * mm, grey=GREY)
        label_bottom, self.y = self.y, top
        for line in lines:
            self.line(line, x + label_width, width - label_width, align="left")
        self.y = max(self.y, label_bottom) + after

    def fields(
        self,
        *pairs: tuple[str, Sequence[Line | str]],
        size: float = 10,
        label_width: float = _LABEL,
    ) -> None:
        """Fields side by side in equal columns; the tallest decides where the next row
        starts."""
        gap = 6 * mm
        column = (WIDTH - gap * (len(pairs) - 1)) / len(pairs)
        top, bottom = self.y, self.y
        for n, (label, values) in enumerate(pairs):
            self.y = top
            self.field(
                label,
                values,
                MARGIN_X + n * (column + gap),
                column,
                label_width=label_width,
                size=size,
            )
            bottom = max(bottom, self.y)
        self.y = bottom

    def render(self, canvas: Canvas) -> None:
        for op in self.ops:
            op(canvas)


def _draw_line(
    line: Line,
    x: float,
    baseline: float,
    width: float,
    grey: float,
    align: Align | None,
    canvas: Canvas,
) -> None:
    canvas.saveState()
    canvas.setFillGray(grey)
    text.draw_line(canvas, line, x, baseline, width=width, align=align)
    canvas.restoreState()


def _band(y: float, height: float, canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setFillGray(BAND_GREY)
    canvas.rect(MARGIN_X, y, WIDTH, height, stroke=0, fill=1)
    canvas.restoreState()


def _rule(y: float, x: float, width: float, weight: float, grey: float, canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setStrokeGray(grey)
    canvas.setLineWidth(weight)
    canvas.line(x, y, x + width, y)
    canvas.restoreState()


def _box(
    x: float,
    y: float,
    width: float,
    height: float,
    weight: float,
    grey: float,
    dashed: bool,
    canvas: Canvas,
) -> None:
    canvas.saveState()
    canvas.setStrokeGray(grey)
    canvas.setLineWidth(weight)
    if dashed:
        canvas.setDash(3, 2)
    canvas.rect(x, y, width, height, stroke=1, fill=0)
    canvas.restoreState()


def _barcode(barcode: Barcode, x: float, y: float, canvas: Canvas) -> None:
    barcode.draw(canvas, x, y)


def header(sheet: Sheet, office_name: str, case_number: str, kind: str) -> None:
    """Office and the kind of paper on the left; the case number and its barcode on the
    right; a heavy rule beneath."""
    barcode = Barcode(case_number)
    barcode_left = MARGIN_X + WIDTH - barcode.width
    top = sheet.y
    sheet.ops.append(partial(_barcode, barcode, barcode_left, PAGE_HEIGHT - top - barcode.height))
    # "Case number SHG-2026-00042" centred under the bars
    label = text.shape_line("Case number", 7.5, bold=True)
    number = text.shape_line(case_number, 11.5, bold=True)
    space = 1.5 * mm
    left = barcode_left + (barcode.width - label.width - space - number.width) / 2
    baseline = PAGE_HEIGHT - top - barcode.height - 1 * mm - number.ascent
    sheet.ops.append(partial(_draw_line, label, left, baseline, label.width, GREY, "left"))
    right = left + label.width + space
    sheet.ops.append(partial(_draw_line, number, right, baseline, number.width, 0.0, "left"))
    right_bottom = top + barcode.height + 1 * mm + number.height
    left_width = barcode_left - MARGIN_X - 4 * mm
    sheet.paragraph(office_name, 10.5, width=left_width, bold=True, after=0.6 * mm)
    sheet.paragraph(kind, 8.5, width=left_width, grey=GREY)
    sheet.y = max(sheet.y, right_bottom) + 1.5 * mm
    sheet.rule(weight=1.3, grey=0)
    sheet.y += 3.5 * mm


def family_box(
    sheet: Sheet,
    paragraphs: Sequence[tuple[str, float, bool]],
    *,
    rtl: bool,
    top: float,
    scale: float = 1.0,
) -> None:
    """Lines for the family in a frame, from ``top``: right to left in Dari and Pashto."""
    pad = 3.5 * mm * scale
    sheet.y = top + pad
    inner = WIDTH - 2 * pad
    for words, size, bold in paragraphs:
        sheet.paragraph(
            words, size * scale, MARGIN_X + pad, inner, bold=bold, rtl=rtl, after=1.1 * mm * scale
        )
    sheet.y += pad - 1.1 * mm * scale
    sheet.box(top, sheet.y, weight=0.8, grey=0.25)


def footer(sheet: Sheet, words: str, right: str = "") -> None:
    """A small grey line at the foot of the page, under a rule; ``right`` at its end.
    Words too long for the room left are set smaller, then cut at a word."""
    shaped = text.shape_line(right, 7) if right else None
    room = WIDTH - (shaped.width + 5 * mm if shaped else 0.0)
    line = text.shape_line(words, 7)
    for size in (6.5, 6.0):
        if line.width <= room:
            break
        line = text.shape_line(words, size)
    if line.width > room:
        line = text.wrap(words, 6.0, room)[0]
    baseline = BOTTOM - 2 * mm - 7 * 0.93
    sheet.ops.append(partial(_rule, BOTTOM - 2 * mm, MARGIN_X, WIDTH, 0.4, RULE_GREY))
    sheet.ops.append(partial(_draw_line, line, MARGIN_X, baseline, room, GREY, "left"))
    if shaped:
        sheet.ops.append(partial(_draw_line, shaped, MARGIN_X, baseline, WIDTH, GREY, "right"))


# -- words ---------------------------------------------------------------------------------


def word(words: Translation, key: str, code: str | None = None) -> str:
    """A text of the "fitness" section of a translation file; ValueError for a code it
    does not have."""
    section = words.words["fitness"]
    if code is None:
        return str(section[key])
    try:
        return str(section[key][code])
    except KeyError:
        known = ", ".join(section[key])
        raise ValueError(f"Unknown {key.rstrip('s')} code {code!r} (known: {known})") from None


def family_words(language: str | None) -> Translation:
    if language is not None and language not in SLIP_LANGUAGES:
        raise ValueError(f"No family lines in {language!r} (known: {', '.join(SLIP_LANGUAGES)})")
    return translation(language or "english")


def english_day(day: date) -> str:
    """ "Monday 2 March 2026"."""
    return translation("english").long_date(day)


def office_moment(moment: datetime) -> str:
    """ "Monday 2 March 2026, 09:00 Tirana time (UTC+01:00)"."""
    local = office_local(moment)
    offset = local.strftime("%z")
    return f"{english_day(local.date())}, {local:%H:%M} Tirana time (UTC{offset[:3]}:{offset[3:]})"


def office_local(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("Times on medical papers need a time zone (got a naive datetime)")
    return moment.astimezone(OFFICE_TZ)


def short_day(day: date) -> str:
    """ "2 March 2026"."""
    months = list(translation("english").words["months"].values())
    return f"{day.day} {months[day.month - 1]} {day.year}"
