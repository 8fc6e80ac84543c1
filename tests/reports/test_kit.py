"""The layout kit: barcodes, QR codes, signature blocks, pages with "page X of Y"."""

from __future__ import annotations

from io import BytesIO

import pypdfium2 as pdfium
import pytest
import zxingcpp
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from reports.kit import fonts
from reports.kit.barcodes import Barcode, qr_code
from reports.kit.page import build_document, new_canvas
from reports.kit.signature import SignatureBlock


def render(draw) -> pdfium.PdfDocument:
    out = BytesIO()
    canvas = new_canvas(out, "kit test")
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return pdfium.PdfDocument(out.getvalue())


def decoded(document: pdfium.PdfDocument) -> list[tuple[str, str]]:
    image = document[0].render(scale=200 / 72, grayscale=True).to_pil()
    return [(c.format.name, c.text) for c in zxingcpp.read_barcodes(image)]


def test_code128_and_qr_decode_at_200_dpi():
    def draw(canvas):
        Barcode("SHG-2026-00042").draw(canvas, 50, 700)
        qr_code("SHG-2026-00042|Ahmad Karimi|احمد کریمی", 30 * mm).drawOn(canvas, 50, 500)

    found = sorted(decoded(render(draw)))
    assert found == [
        ("Code128", "SHG-2026-00042"),
        ("QRCode", "SHG-2026-00042|Ahmad Karimi|احمد کریمی"),
    ]


def test_code128_refuses_what_it_cannot_encode():
    with pytest.raises(ValueError, match="ASCII"):
        Barcode("شماره-42")
    with pytest.raises(ValueError, match="ASCII"):
        Barcode("")


def test_signature_block_labels_both_directions():
    def draw(canvas):
        SignatureBlock(("Signature", "Name", "Date"), 120 * mm).drawOn(canvas, 50, 600)
        SignatureBlock(("امضا", "نام", "تاریخ"), 120 * mm, rtl=True).drawOn(canvas, 50, 400)

    said = render(draw)[0].get_textpage().get_text_range()
    for label in ("Signature", "Name", "Date", "امضا", "نام", "تاریخ"):
        assert label in said


def test_document_pages_know_their_count():
    style = ParagraphStyle("body", fontName=fonts.font_name("latin"), fontSize=40, leading=48)
    seen = []

    def decorate(canvas, page, total):
        seen.append((page, total))
        canvas.drawString(40, 20, f"page {page} of {total}")

    pdf = build_document(
        lambda: [Paragraph(f"Line {n}", style) for n in range(40)],
        title="kit test",
        decorate=decorate,
    )
    document = pdfium.PdfDocument(pdf)
    total = len(document)
    assert total > 1
    assert f"page {total} of {total}" in document[total - 1].get_textpage().get_text_range()
    assert seen[-total:] == [(n, total) for n in range(1, total + 1)]


def test_script_of_picks_the_font_a_character_needs():
    assert fonts.script_of("ښ") == "arabic"
    assert fonts.script_of("۱") == "arabic"
    assert fonts.script_of("ë") == "latin"
    assert fonts.script_of("1") is None
    assert fonts.script_of(" ") is None
