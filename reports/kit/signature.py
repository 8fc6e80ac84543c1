"""Signature blocks: lines to sign on, with what goes there printed small beneath each."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from reports.kit import text


class SignatureBlock(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Side-by-side signing lines, e.g. ("Signature", "Name", "Date"); the first gets
    twice the room. ``rtl`` starts from the right (labels in Dari or Pashto). Use it in
    a story, or on a canvas with ``drawOn(canvas, x, y)``."""

    def __init__(
        self, labels: Sequence[str], width: float, *, rtl: bool = False, room: float = 12 * mm
    ) -> None:
        super().__init__()
        if not labels:
            raise ValueError("A signature block needs at least one label")
        self.labels = tuple(labels)
        self.rtl = rtl
        self.width = width
        self.room = room  # height above the line for the hand
        self.height = room + 5 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        gap = 6 * mm
        weights = [2.0] + [1.0] * (len(self.labels) - 1)
        unit = (self.width - gap * (len(self.labels) - 1)) / sum(weights)
        line_y = self.height - self.room
        self.canv.setLineWidth(0.6)
        start = 0.0
        for label, weight in zip(self.labels, weights, strict=True):
            width = unit * weight
            x = self.width - start - width if self.rtl else start
            self.canv.line(x, line_y, x + width, line_y)
            shaped = text.shape_line(label, 7.5, rtl=self.rtl)
            text.draw_line(self.canv, shaped, x, line_y - 3.5 * mm, width=width)
            start += width + gap
