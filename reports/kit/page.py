"""Pages: a canvas with neutral metadata, multi-page documents with "page X of Y", cut lines.

Metadata never carries names or case numbers: a PDF's title shows in print queues, file
dialogs and the recent-files lists of viewers.
"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from reports.kit import fonts

__all__ = ["A4", "PageDecorator", "build_document", "cut_line", "new_canvas"]

CREATOR = "Departure Desk"

# draws what every page carries (title, footer) given the page number and the page count
PageDecorator = Callable[[Canvas, int, int], None]


def new_canvas(out: BytesIO, title: str, pagesize: tuple[float, float] = A4) -> Canvas:
    """A canvas whose output depends only on what is drawn (no date, no random id)."""
    fonts.register_fonts()
    canvas = Canvas(out, pagesize=pagesize, invariant=1, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor(CREATOR)
    canvas.setCreator(CREATOR)
    canvas.setSubject("")
    return canvas


def build_document(
    story: Callable[[], list[Flowable]],
    *,
    title: str,
    decorate: PageDecorator,
    pagesize: tuple[float, float] = A4,
    margins: tuple[float, float, float, float] = (12 * mm, 12 * mm, 12 * mm, 12 * mm),
) -> bytes:
    """Lay out ``story`` (top, right, bottom, left ``margins``) and return the PDF.

    Built twice: the first pass counts the pages so that the second can print "of Y".
    ``story`` makes fresh flowables each time because platypus consumes them.
    """
    fonts.register_fonts()
    total = _build(story(), title, decorate, pagesize, margins, total=0)
    out = BytesIO()
    _build(story(), title, decorate, pagesize, margins, total=total, out=out)
    return out.getvalue()


def _build(
    story: list[Flowable],
    title: str,
    decorate: PageDecorator,
    pagesize: tuple[float, float],
    margins: tuple[float, float, float, float],
    *,
    total: int,
    out: BytesIO | None = None,
) -> int:
    top, right, bottom, left = margins
    width, height = pagesize
    doc = BaseDocTemplate(
        out or BytesIO(),
        pagesize=pagesize,
        title=title,
        author=CREATOR,
        creator=CREATOR,
        subject="",
        invariant=1,
        pageCompression=1,
    )
    frame = Frame(left, bottom, width - left - right, height - top - bottom, id="body")

    def on_page(canvas: Canvas, document: Any) -> None:
        canvas.saveState()
        decorate(canvas, document.page, total)
        canvas.restoreState()

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.build(story)
    return int(doc.page)


def cut_line(canvas: Canvas, y: float, x0: float, x1: float) -> None:
    """A dashed line across the page to cut along, in a grey that copies faintly."""
    canvas.saveState()
    canvas.setStrokeGray(0.55)
    canvas.setLineWidth(0.6)
    canvas.setDash(4, 3)
    canvas.line(x0, y, x1, y)
    canvas.restoreState()
