"""Fitness-to-travel certificates: one A4 page per person, for the airline and the
receiving side.

In English for the airline, the border and the receiving doctor: who the person is, the
outcome in plain words, the SSR codes the airline books with what each means, the escort,
how long the clearance holds and who examined the person, and a block for the examiner's
signature and stamp. At the foot, a few lines in the family's language (Dari or Pashto,
right to left) say what the paper is, what the help means and to keep it with the travel
documents.

The page shows what ``Certificate`` holds and nothing else: no diagnosis, notes,
pregnancy or oxygen flow can reach it. Times are printed in office time (Europe/Tirane)
with their UTC offset, so an airline abroad reads them right.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from io import BytesIO
from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from reports.kit import text
from reports.kit.barcodes import Barcode
from reports.kit.page import A4, new_canvas
from reports.kit.signature import SignatureBlock
from reports.kit.text import Align, Line
from reports.kit.translations import Translation, translation
from reports.records import SLIP_LANGUAGES, Certificate

# render_certificates is the document; the rest is shared with reports/envelope.py
__all__ = [
    "Sheet",
    "family_box",
    "family_words",
    "footer",
    "header",
    "office_moment",
    "render_certificates",
    "short_day",
    "word",
]

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
_SCALES = (1.0, 0.96, 0.92, 0.88, 0.84, 0.8, 0.76, 0.72)  # smaller type, not a 2nd page
_CLEARED = ("cleared", "cleared_assistance")
_SEXES = {"M": "Male", "F": "Female", "X": "Unspecified (X)"}
_PRECISIONS = ("exact", "month", "year", "estimated")
_COUNTRIES = {
    "AFG": "Afghanistan",
    "ALB": "Albania",
    "IRN": "Iran",
    "PAK": "Pakistan",
    "TJK": "Tajikistan",
    "UZB": "Uzbekistan",
    "XXA": "Stateless person",
    "XXB": "Refugee (1951 Convention)",
    "XXC": "Refugee (other)",
}

Op = Callable[[Canvas], None]


def render_certificates(certs: Sequence[Certificate]) -> bytes:
    """One PDF with a page per certificate, in record order.

    ValueError for a state, SSR code, escort, sex or language the certificate does not
    know, or a time without a time zone, before anything is drawn.
    """
    if not certs:
        raise ValueError("No certificates to print")
    sheets = [_fit(cert) for cert in certs]
    out = BytesIO()
    canvas = new_canvas(out, "Fitness to travel certificates")
    for sheet in sheets:
        sheet.render(canvas)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


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
    local = _local(moment)
    offset = local.strftime("%z")
    return f"{english_day(local.date())}, {local:%H:%M} Tirana time (UTC{offset[:3]}:{offset[3:]})"


def _local(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("Times on medical papers need a time zone (got a naive datetime)")
    return moment.astimezone(OFFICE_TZ)


def short_day(day: date) -> str:
    """ "2 March 2026"."""
    months = list(translation("english").words["months"].values())
    return f"{day.day} {months[day.month - 1]} {day.year}"


def _born(day: date | None, precision: str) -> str:
    if day is None:
        return "Not known"
    if precision == "exact":
        return short_day(day)
    if precision == "month":
        return short_day(day).split(" ", 1)[1]
    if precision == "year":
        return str(day.year)
    return f"{day.year} (estimated)"


def _nationality(code: str) -> str:
    name = _COUNTRIES.get(code)
    return f"{name} ({code})" if name else code


# -- the certificate -----------------------------------------------------------------------


def _check(cert: Certificate) -> None:
    english = translation("english")
    word(english, "states", cert.state)
    word(english, "escorts", cert.escort or "none")
    for code in cert.ssr_codes:
        word(english, "ssr", code)
    if cert.sex not in _SEXES:
        raise ValueError(f"Unknown sex {cert.sex!r} (known: {', '.join(_SEXES)})")
    if cert.dob_precision not in _PRECISIONS:
        raise ValueError(f"Unknown date-of-birth precision {cert.dob_precision!r}")
    family_words(cert.language)
    for moment in (cert.examined_at, cert.valid_until):
        if moment is not None:
            _local(moment)


def _fit(cert: Certificate) -> Sheet:
    _check(cert)
    limit = PAGE_HEIGHT - BOTTOM - 3 * mm
    for scale in _SCALES:
        sheet = _layout(cert, scale)
        if sheet.y <= limit + 0.01:
            return sheet
    raise ValueError(f"{cert.case_number}: the certificate does not fit on a page")


def _layout(cert: Certificate, scale: float) -> Sheet:
    english = translation("english")
    cleared = cert.state in _CLEARED
    sheet = Sheet()
    header(sheet, cert.office_name, cert.case_number, "Medical team · fitness to travel by air")
    sheet.paragraph(word(english, "title"), 20 * scale, bold=True, after=0.8 * mm)
    sheet.paragraph(
        "For the airline and the receiving health service. It holds no diagnosis and no "
        "medical details.",
        8.5 * scale,
        grey=GREY,
    )

    size = 10 * scale
    sheet.band("Person", scale=scale)
    sheet.field("Name", [cert.name], size=11 * scale, bold=True)
    if cert.native_name:
        native = text.shape_line(cert.native_name, 11 * scale, rtl=True, bold=True)
        sheet.field("Name (Dari/Pashto)", [native], size=size)
    document = (
        f"{cert.document} {cert.document_number}".strip() if cert.document else "None recorded"
    )
    sheet.fields(
        ("Sex", [_SEXES[cert.sex]]),
        ("Date of birth", [_born(cert.date_of_birth, cert.dob_precision)]),
        size=size,
    )
    sheet.fields(
        ("Nationality", [_nationality(cert.nationality)]),
        ("Travel document", [document]),
        size=size,
    )

    sheet.band("Fitness to travel", scale=scale)
    _outcome(sheet, cert, scale)
    if cleared:
        assistance = _ssr_lines(cert.ssr_codes) if cert.ssr_codes else ["None needed"]
        escort = word(english, "escorts", cert.escort or "none")
    else:
        assistance = ["Not applicable: not cleared to travel"]
        escort = assistance[0]
    sheet.field("Assistance (SSR)", assistance, size=size)
    sheet.field("Escort", [escort], size=size, bold=cert.escort is not None and cleared)

    sheet.band("Validity and examiner", scale=scale)
    examined = office_moment(cert.examined_at) if cert.examined_at else "Not examined yet"
    sheet.field("Examined on", [examined], size=size)
    sheet.field("Examination", [cert.examination or "—"], size=size)
    if cert.valid_until is not None:
        until = office_moment(cert.valid_until)
        until += " — expired" if cert.state == "expired" else ""
    else:
        until = "No clearance to travel"
    sheet.field("Valid until", [until], size=size, bold=True)
    sheet.fields(("Examiner", [cert.examiner or "—"]), ("Clinic", [cert.clinic or "—"]), size=size)

    # nobody to sign for a person never examined: the paper only says "pending"
    if cert.examined_at is not None:
        sheet.band("Examiner's declaration", scale=scale)
        sheet.paragraph(
            "I examined the person named above and certify the outcome and the assistance "
            "stated on this certificate.",
            9 * scale,
            after=1 * mm,
        )
        _signatures(sheet, scale)

    family = family_words(cert.language)
    paragraphs = _family_paragraphs(cert, family)
    box_top = sheet.y + 5 * mm * scale
    probe = Sheet(y=0.0)
    family_box(probe, paragraphs, rtl=family.rtl, top=0.0, scale=scale)
    # the family's lines sit at the foot of the page when there is room
    bottom_top = PAGE_HEIGHT - BOTTOM - 3 * mm - probe.y
    family_box(sheet, paragraphs, rtl=family.rtl, top=max(box_top, bottom_top), scale=scale)
    footer(
        sheet,
        f"Printed {short_day(cert.printed_on)} by {cert.office_name}. The medical record "
        "stays confidential with the IOM medical team.",
        cert.case_number,
    )
    return sheet


def _outcome(sheet: Sheet, cert: Certificate, scale: float) -> None:
    english = translation("english")
    cleared = cert.state in _CLEARED
    top = sheet.y
    pad = 3 * mm * scale
    sheet.y += pad
    inner_x, inner = MARGIN_X + pad, WIDTH - 2 * pad
    sheet.paragraph("Outcome", 7.8 * scale, inner_x, inner, bold=True, grey=GREY)
    sheet.paragraph(word(english, "states", cert.state), 19 * scale, inner_x, inner, bold=True)
    if cert.category:
        sheet.paragraph(f"Examiner's category: {cert.category}", 9.5 * scale, inner_x, inner)
    if not cleared:
        sheet.y += 0.8 * mm
        sheet.paragraph(
            "NOT VALID FOR TRAVEL: this person is not cleared to fly.",
            9.5 * scale,
            inner_x,
            inner,
            bold=True,
        )
    sheet.y += pad
    sheet.box(top, sheet.y, weight=1.6 if cleared else 1.0, dashed=not cleared)
    sheet.y += 2.5 * mm * scale


def _ssr_lines(codes: Sequence[str]) -> list[Line | str]:
    english = translation("english")
    return [f"{code} – {word(english, 'ssr', code)}" for code in codes]


def _signatures(sheet: Sheet, scale: float) -> None:
    stamp = 40 * mm
    gap = 8 * mm
    block = SignatureBlock(
        ("Signature of the examiner", "Name in capitals", "Date"),
        WIDTH - stamp - gap,
        room=13 * mm * scale,
    )
    top = sheet.y + 1 * mm
    height = max(block.height, 24 * mm * scale)
    sheet.ops.append(partial(_draw_block, block, MARGIN_X, PAGE_HEIGHT - top - block.height))
    stamp_x = MARGIN_X + WIDTH - stamp
    sheet.box(top, top + height, weight=0.6, grey=0.5, x=stamp_x, width=stamp, dashed=True)
    label = text.shape_line("Stamp of the clinic", 7.5 * scale)
    sheet.y = top + height - label.height - 1.5 * mm
    sheet.line(label, stamp_x, stamp, grey=0.5, align="center")
    sheet.y = top + height


def _draw_block(block: SignatureBlock, x: float, y: float, canvas: Canvas) -> None:
    block.drawOn(canvas, x, y)


def _family_paragraphs(cert: Certificate, words: Translation) -> list[tuple[str, float, bool]]:
    """(text, size, bold) for the family: what the paper is, the result, what the help
    means, how long it holds, and to keep it."""
    name = cert.native_name if words.rtl and cert.native_name else cert.name
    lines: list[tuple[str, float, bool]] = [(f"{word(words, 'title')} – {name}", 11, True)]
    lines.append((word(words, "about"), 9, False))
    outcome = word(words, "states", cert.state)
    lines.append((word(words, "result").format(outcome=outcome), 10, True))
    if cert.state in _CLEARED:
        helps = [word(words, "ssr", c) for c in cert.ssr_codes]
        if cert.escort:
            helps.append(word(words, "escorts", cert.escort))
        if helps:
            lines.append((word(words, "assistance"), 9, True))
            lines += [(f"• {h}", 9, False) for h in helps]
        if cert.valid_until is not None:
            local = _local(cert.valid_until)
            comma = "،" if words.rtl else ","
            until = f"{words.long_date(local.date())}{comma} {words.number(f'{local:%H:%M}')}"
            lines.append((word(words, "valid_until").format(date=until), 9, False))
    else:
        lines.append((word(words, "no_travel"), 9, False))
    lines.append((word(words, "keep"), 9.5, True))
    return lines
