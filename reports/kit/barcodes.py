"""Barcodes on paper that office scanners and phone cameras read.

Code 128 for case numbers: 0.4 mm bars decode from a 200 dpi scan (0.3 mm did not at
100 dpi in the due-diligence tests). QR codes for longer payloads in later documents.
"""

from __future__ import annotations

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

BAR_WIDTH = 0.4 * mm
QUIET_ZONE = 10 * BAR_WIDTH  # what the Code 128 standard asks for on each side


class Barcode:
    """A Code 128 symbol with its quiet zones; ``width`` and ``height`` in points."""

    def __init__(self, value: str, *, bar_height: float = 9 * mm) -> None:
        if not value or not value.isascii() or not value.isprintable():
            raise ValueError(f"Code 128 takes printable ASCII, not {value!r}")
        self.value = value
        self._symbol = Code128(
            value,
            barWidth=BAR_WIDTH,
            barHeight=bar_height,
            humanReadable=0,
            lquiet=QUIET_ZONE,
            rquiet=QUIET_ZONE,
        )
        self.width: float = self._symbol.width
        self.height: float = bar_height

    def draw(self, canvas: Canvas, x: float, y: float) -> None:
        """Draw with the lower left corner of the quiet zone at (x, y)."""
        self._symbol.drawOn(canvas, x, y)


def qr_code(payload: str, size: float) -> Drawing:
    """A QR code ``size`` points square (quiet zone included), ready for ``drawOn``."""
    widget = QrCodeWidget(payload, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing
