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

from collections.abc import Sequence
from datetime import date
from functools import partial
from io import BytesIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from reports.kit import text
from reports.kit.page import new_canvas
from reports.kit.signature import SignatureBlock
from reports.kit.text import Line
from reports.kit.translations import Translation, translation
from reports.medical_sheet import (
    BOTTOM,
    GREY,
    MARGIN_X,
    PAGE_HEIGHT,
    WIDTH,
    Sheet,
    family_box,
    family_words,
    footer,
    header,
    office_local,
    office_moment,
    short_day,
    word,
)
from reports.records import Certificate

__all__ = ["render_certificates"]

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
            office_local(moment)


def _fit(cert: Certificate) -> Sheet:
    _check(cert)
    limit = PAGE_HEIGHT - BOTTOM - 3 * mm
    for scale in _SCALES:
        sheet = _layout(cert, scale)
        if sheet.y <= limit + 0.01:
            return sheet
    raise ValueError(f"{cert.case_number}: the certificate does not fit on a page")


def _layout(cert: Certificate, scale: float) -> Sheet:
    sheet = Sheet()
    header(sheet, cert.office_name, cert.case_number, "Medical team · fitness to travel by air")
    sheet.paragraph(word(translation("english"), "title"), 20 * scale, bold=True, after=0.8 * mm)
    sheet.paragraph(
        "For the airline and the receiving health service. It holds no diagnosis and no "
        "medical details.",
        8.5 * scale,
        grey=GREY,
    )
    _person(sheet, cert, scale)
    _fitness(sheet, cert, scale)
    _validity(sheet, cert, scale)
    # nobody to sign for a person never examined: the paper only says "pending"
    if cert.examined_at is not None:
        _declaration(sheet, scale)
    _family_lines(sheet, cert, scale)
    footer(
        sheet,
        f"Printed {short_day(cert.printed_on)} by {cert.office_name}. The medical record "
        "stays confidential with the IOM medical team.",
        cert.case_number,
    )
    return sheet


def _person(sheet: Sheet, cert: Certificate, scale: float) -> None:
    """Who the person is, as on the travel document."""
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


def _fitness(sheet: Sheet, cert: Certificate, scale: float) -> None:
    """The outcome, then the assistance and escort the airline books (only when cleared)."""
    english = translation("english")
    cleared = cert.state in _CLEARED
    size = 10 * scale
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


def _validity(sheet: Sheet, cert: Certificate, scale: float) -> None:
    """When and by whom the person was examined, and how long the clearance holds."""
    size = 10 * scale
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


def _declaration(sheet: Sheet, scale: float) -> None:
    sheet.band("Examiner's declaration", scale=scale)
    sheet.paragraph(
        "I examined the person named above and certify the outcome and the assistance "
        "stated on this certificate.",
        9 * scale,
        after=1 * mm,
    )
    _signatures(sheet, scale)


def _family_lines(sheet: Sheet, cert: Certificate, scale: float) -> None:
    """The family's box, at the foot of the page when there is room, else right below."""
    family = family_words(cert.language)
    paragraphs = _family_paragraphs(cert, family)
    box_top = sheet.y + 5 * mm * scale
    probe = Sheet(y=0.0)
    family_box(probe, paragraphs, rtl=family.rtl, top=0.0, scale=scale)
    # the family's lines sit at the foot of the page when there is room
    bottom_top = PAGE_HEIGHT - BOTTOM - 3 * mm - probe.y
    family_box(sheet, paragraphs, rtl=family.rtl, top=max(box_top, bottom_top), scale=scale)


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
            local = office_local(cert.valid_until)
            comma = "،" if words.rtl else ","
            until = f"{words.long_date(local.date())}{comma} {words.number(f'{local:%H:%M}')}"
            lines.append((word(words, "valid_until").format(date=until), 9, False))
    else:
        lines.append((word(words, "no_travel"), 9, False))
    lines.append((word(words, "keep"), 9.5, True))
    return lines
