"""Opening a PDF and drawing its pages with PDFium (pypdfium2), from any thread.

QtPdf exists only for PySide6 6.12.0, which we cannot use, so pages are rasterised with
pypdfium2 into ``QImage``s. PDFium is not thread-safe: every call into it, from the GUI
thread or an operation's worker thread, holds one lock. The PDF stays in memory; nothing
here writes it anywhere.

Measured on the development machine (A4 page of text): about 7 ms a page at 110 dpi and
50-60 ms at 300 dpi.
"""

from __future__ import annotations

import logging
import sys
import threading

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtGui import QImage

from desktop.errors import KnownError
from desktop.ui.kit.i18n import tr

log = logging.getLogger("desktop.ui.printing")

# PDFium is not thread-safe: every call into it, from any thread, holds this lock
PDFIUM_LOCK = threading.Lock()

if sys.byteorder == "little":  # BGRx bytes are a 0xffRRGGBB word: Qt's native RGB32
    _QIMAGE_FORMAT, _REVERSE_BYTES = QImage.Format.Format_RGB32, False
else:  # pragma: no cover - big-endian machines
    _QIMAGE_FORMAT, _REVERSE_BYTES = QImage.Format.Format_RGBX8888, True

#: a page's width and height in points (1/72 inch), after its rotation
PageSize = tuple[float, float]


class PdfError(KnownError):
    """The document cannot be read, a page cannot be drawn, or printing failed."""


def open_document(pdf: bytes) -> pdfium.PdfDocument:
    """``pdf`` opened; :class:`PdfError` when it is damaged or has no pages."""
    try:
        with PDFIUM_LOCK:
            document = pdfium.PdfDocument(pdf)
            count = len(document)
    except pdfium.PdfiumError as exc:
        log.warning("a document could not be opened: %s", exc)
        raise PdfError(
            tr(
                "The document could not be opened: it is damaged or not a PDF."
                " Nothing was printed or saved; please report this."
            )
        ) from exc
    if count < 1:
        close_document(document)
        raise PdfError(tr("The document has no pages. Nothing was printed or saved."))
    return document


def close_document(document: pdfium.PdfDocument) -> None:
    with PDFIUM_LOCK:
        document.close()


def page_sizes(document: pdfium.PdfDocument) -> list[PageSize]:
    """Width and height of every page in points, after its rotation."""
    sizes = []
    try:
        with PDFIUM_LOCK:
            for index in range(len(document)):
                page = document[index]
                try:
                    width, height = page.get_size()
                finally:
                    page.close()
                sizes.append((float(width), float(height)))
    except pdfium.PdfiumError as exc:
        log.warning("page sizes could not be read: %s", exc)
        raise PdfError(tr("The document could not be opened: a page of it is damaged.")) from exc
    return sizes


def render(document: pdfium.PdfDocument, index: int, dpi: float, printing: bool) -> QImage:
    """One page as an opaque RGB image at ``dpi``; the pixels are copied into the QImage."""
    with PDFIUM_LOCK:
        return _render_locked(document, index, dpi, printing)


def _render_locked(document: pdfium.PdfDocument, index: int, dpi: float, printing: bool) -> QImage:
    try:
        page = document[index]
        try:
            bitmap = page.render(
                scale=dpi / 72,
                force_bitmap_format=pdfium_c.FPDFBitmap_BGRx,
                rev_byteorder=_REVERSE_BYTES,
                optimize_mode="print" if printing else None,
                may_draw_forms=False,
            )
            view = QImage(
                memoryview(bitmap.buffer),
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                _QIMAGE_FORMAT,
            )
            image = view.copy()  # own the pixels: PDFium's buffer goes away with the bitmap
            del view, bitmap
        finally:
            page.close()
    except (pdfium.PdfiumError, ValueError) as exc:
        log.warning("page %d could not be rendered: %s", index + 1, exc)
        raise PdfError(
            tr("Page {number} of the document could not be drawn.").format(number=index + 1)
        ) from exc
    return image


def page_count(pdf: bytes) -> int:
    """How many pages ``pdf`` has; :class:`PdfError` when it cannot be read."""
    document = open_document(pdf)
    try:
        with PDFIUM_LOCK:
            return len(document)
    finally:
        close_document(document)


def render_page_image(pdf: bytes, index: int, dpi: float) -> QImage:
    """Page ``index`` (from 0) of ``pdf`` rendered at ``dpi``; :class:`PdfError` on failure."""
    document = open_document(pdf)
    try:
        with PDFIUM_LOCK:
            count = len(document)
        if not 0 <= index < count:
            raise PdfError(tr("The document has no page {number}.").format(number=index + 1))
        return render(document, index, dpi, printing=False)
    finally:
        close_document(document)


class PdfPages:
    """A previewed document: opened once (on any thread), rendered page by page from
    worker threads, closed when the preview lets go of it."""

    def __init__(self, pdf: bytes) -> None:
        self._document: pdfium.PdfDocument | None = open_document(pdf)
        try:
            self.sizes = page_sizes(self._document)
        except BaseException:
            self.close()
            raise

    def render(self, index: int, dpi: float) -> QImage | None:
        """``None`` when the document was closed meanwhile."""
        with PDFIUM_LOCK:
            if self._document is None:
                return None
            return _render_locked(self._document, index, dpi, printing=False)

    def close(self) -> None:
        with PDFIUM_LOCK:
            document, self._document = self._document, None
            if document is not None:
                document.close()
