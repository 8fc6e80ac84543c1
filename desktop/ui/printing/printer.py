"""Printing a PDF on a ``QPrinter``: each page rendered by PDFium at the printer's
resolution (at most 300 dpi) and painted centred, as large as the paper allows.

``print_pages`` may run on an operation's worker thread (the preview prints so); it
reports each page and stops between pages when asked. Painting a 300-dpi page into a
PDF-format printer takes about 160 ms (image compression), during which the GUI waits
for Python's lock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.ui.kit import dialogs
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.printing.pdfium_pages import (
    PageSize,
    PdfError,
    close_document,
    open_document,
    page_count,
    page_sizes,
    render,
)

log = logging.getLogger("desktop.ui.printing")

#: resolution of printed pages (the printer may ask for less, never gets more)
PRINT_DPI = 300


class PrintStopped(PdfError):
    """The clerk stopped printing between two pages."""


def new_printer(doc_name: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PRINT_DPI)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    # the name shows in the system's print queue: callers pass a neutral one
    printer.setDocName(doc_name)
    return printer


def ask_printer(parent: QWidget | None, printer: QPrinter, pages: int) -> bool:
    """The system print dialog; tests replace this function."""
    if not dialogs._dialogs_enabled:  # automation must never hang on a modal box
        log.info("print: no printer chosen (dialogs are off)")
        return False
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("Print"))
    dialog.setMinMax(1, pages)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, False)
    return dialog.exec() == QDialog.DialogCode.Accepted


def chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """Indexes (from 0) of the pages the print dialog asked for, in order."""
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            return [index for index in range(count) if ranges.contains(index + 1)]
    return list(range(count))


def sheets(count: int) -> str:
    """ "1 page", "3 pages"."""
    return plural(count, tr_noop("{n} page"), tr_noop("{n} pages"))


def _orient(printer: QPrinter, size: PageSize) -> None:
    """Turn the paper for a landscape page (takes effect on the next page)."""
    wanted = (
        QPageLayout.Orientation.Landscape if size[0] > size[1] else QPageLayout.Orientation.Portrait
    )
    if printer.pageLayout().orientation() != wanted:
        printer.setPageOrientation(wanted)


def _paint_page(
    painter: QPainter,
    printer: QPrinter,
    document: pdfium.PdfDocument,
    index: int,
    size: PageSize,
) -> None:
    """Render page ``index`` for ``printer`` and paint it centred, as large as fits."""
    width, height = size
    target = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
    fit = min(target.width() / width, target.height() / height)  # device pixels per point
    # render at the printer's own resolution, never above PRINT_DPI (memory and time)
    image = render(document, index, min(fit * 72, PRINT_DPI), printing=True)
    drawn = QRectF(0, 0, width * fit, height * fit)
    drawn.moveCenter(target.center())
    painter.drawImage(drawn, image)


def print_pages(
    pdf: bytes,
    printer: QPrinter,
    pages: Sequence[int],
    *,
    report: Callable[[int, int, str], None] | None = None,
    stopped: Callable[[], bool] | None = None,
) -> None:
    """Paint ``pages`` of ``pdf`` onto ``printer``; may run on a worker thread.

    ``report(done, total, text)`` follows each sheet; ``stopped()`` is asked between
    sheets, and a True answer aborts the job (:class:`PrintStopped`).
    """
    document = open_document(pdf)
    try:
        sizes = page_sizes(document)
        copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
        sequence = [index for _copy in range(copies) for index in pages]
        if not sequence:
            raise PdfError(tr("None of the chosen pages is in the document."))
        _paint_all(printer, document, sizes, sequence, report, stopped)
    finally:
        close_document(document)


def _paint_all(
    printer: QPrinter,
    document: pdfium.PdfDocument,
    sizes: list[PageSize],
    sequence: list[int],
    report: Callable[[int, int, str], None] | None,
    stopped: Callable[[], bool] | None,
) -> None:
    painter = QPainter()
    _orient(printer, sizes[sequence[0]])
    if not painter.begin(printer):
        raise PdfError(
            tr(
                "Could not start printing: the printer is not available. Check that it is"
                " switched on and connected, then try again."
            )
        )
    finished = False
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        total = len(sequence)
        for position, index in enumerate(sequence):
            if position:
                if stopped is not None and stopped():
                    raise PrintStopped(
                        tr("Printing stopped after {done} of {total}.").format(
                            done=position, total=sheets(total)
                        )
                    )
                _orient(printer, sizes[index])
                if not printer.newPage():
                    raise PdfError(tr("Printing stopped: the printer did not take the next page."))
            _paint_page(painter, printer, document, index, sizes[index])
            if report is not None:
                text = tr("Printing page {done} of {total}…").format(done=position + 1, total=total)
                report(position + 1, total, text)
        finished = True
    finally:
        if not finished:
            printer.abort()
        ended = painter.end()
    if not ended:
        raise PdfError(tr("Printing failed: the printer did not accept the document."))


def print_pdf(parent: QWidget | None, pdf: bytes, doc_name: str = "Departure Desk") -> bool:
    """Print ``pdf`` without a preview, after the system print dialog.

    True when the pages went to the printer; False when the clerk cancelled or
    printing failed (the failure was shown). ``doc_name`` appears in the system's
    print queue: keep it neutral. Blocks while printing (about 0.2 s a page): for a
    page or two where a preview would be too much; the preview prints in the background.
    """
    try:
        count = page_count(pdf)
    except PdfError as exc:
        dialogs.show_error(parent, tr("Print"), exc.message)
        return False
    printer = new_printer(doc_name)
    if not ask_printer(parent, printer, count):
        return False
    pages = chosen_pages(printer, count)
    if not pages:
        dialogs.show_error(parent, tr("Print"), only_pages(count))
        return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        print_pages(pdf, printer, pages)
    except PdfError as exc:
        dialogs.show_error(parent, tr("Print"), exc.message)
        return False
    finally:
        QApplication.restoreOverrideCursor()
    return True


def only_pages(count: int) -> str:
    """The message when the chosen pages are all beyond the document's end."""
    return tr("The document has only {count} page(s).").format(count=count)
