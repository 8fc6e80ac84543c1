"""Preview, print and save the PDF documents that ``reports/`` makes.

Pages are rasterised with pypdfium2 (QtPdf exists only for PySide6 6.12.0, which we
cannot use). The preview renders the pages in view, plus one on each side, on a
background thread at screen resolution; printing renders each page at 300 dpi and
paints it on a ``QPrinter``. The PDF stays in memory: it is written to disk only
where the clerk chooses to save it, never to a temporary copy elsewhere.

Measured on the development machine (A4 page of text): about 7 ms a page at 110 dpi
and 50-60 ms at 300 dpi; painting a 300-dpi page into a PDF-format printer adds about
160 ms (image compression), during which the GUI waits for Python's lock.
"""

from __future__ import annotations

import errno
import logging
import sys
import threading
from collections.abc import Callable, Sequence

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import qtawesome as qta
from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.atomic_file import write_atomically
from desktop.errors import KnownError
from desktop.ui import worker
from desktop.ui.kit import dialogs
from desktop.ui.kit.widgets import MARGIN, SPACING, InlineMessage, muted

log = logging.getLogger("desktop.ui.printing.pdf_preview")

#: resolution of printed pages (the printer may ask for less, never gets more)
PRINT_DPI = 300
#: logical dots per inch of the preview at 100 % zoom
SCREEN_DPI = 96
_ZOOM_STEPS = (0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
_PAGE_MARGIN = 6  # room around each page for its shadow
_PAGE_GAP = 14
_KEEP_AROUND = 4  # rendered pages kept beyond the visible ones (memory stays bounded)
_BACKDROP = "#cbd5e1"

# PDFium is not thread-safe: every call into it, from any thread, holds this lock
_PDFIUM_LOCK = threading.Lock()

if sys.byteorder == "little":  # BGRx bytes are a 0xffRRGGBB word: Qt's native RGB32
    _QIMAGE_FORMAT, _REVERSE_BYTES = QImage.Format.Format_RGB32, False
else:  # pragma: no cover - big-endian machines
    _QIMAGE_FORMAT, _REVERSE_BYTES = QImage.Format.Format_RGBX8888, True


class PdfError(KnownError):
    """The document cannot be read, a page cannot be drawn, or printing failed."""


# -- rendering ---------------------------------------------------------------------------


def _open(pdf: bytes) -> pdfium.PdfDocument:
    try:
        with _PDFIUM_LOCK:
            document = pdfium.PdfDocument(pdf)
            count = len(document)
    except pdfium.PdfiumError as exc:
        log.warning("a document could not be opened: %s", exc)
        raise PdfError(
            "The document could not be opened: it is damaged or not a PDF."
            " Nothing was printed or saved; please report this."
        ) from exc
    if count < 1:
        _close(document)
        raise PdfError("The document has no pages. Nothing was printed or saved.")
    return document


def _close(document: pdfium.PdfDocument) -> None:
    with _PDFIUM_LOCK:
        document.close()


def _page_sizes(document: pdfium.PdfDocument) -> list[tuple[float, float]]:
    """Width and height of every page in points (1/72 inch), after its rotation."""
    sizes = []
    try:
        with _PDFIUM_LOCK:
            for index in range(len(document)):
                page = document[index]
                try:
                    width, height = page.get_size()
                finally:
                    page.close()
                sizes.append((float(width), float(height)))
    except pdfium.PdfiumError as exc:
        log.warning("page sizes could not be read: %s", exc)
        raise PdfError("The document could not be opened: a page of it is damaged.") from exc
    return sizes


def _render(document: pdfium.PdfDocument, index: int, dpi: float, printing: bool) -> QImage:
    """One page as an opaque RGB image at ``dpi``; the pixels are copied into the QImage."""
    with _PDFIUM_LOCK:
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
        raise PdfError(f"Page {index + 1} of the document could not be drawn.") from exc
    return image


def page_count(pdf: bytes) -> int:
    """How many pages ``pdf`` has; :class:`PdfError` when it cannot be read."""
    document = _open(pdf)
    try:
        with _PDFIUM_LOCK:
            return len(document)
    finally:
        _close(document)


def render_page_image(pdf: bytes, index: int, dpi: float) -> QImage:
    """Page ``index`` (from 0) of ``pdf`` rendered at ``dpi``; :class:`PdfError` on failure."""
    document = _open(pdf)
    try:
        with _PDFIUM_LOCK:
            count = len(document)
        if not 0 <= index < count:
            raise PdfError(f"The document has no page {index + 1}.")
        return _render(document, index, dpi, printing=False)
    finally:
        _close(document)


class _Pages:
    """The previewed document: opened once, rendered page by page from worker threads."""

    def __init__(self, pdf: bytes) -> None:
        self._document: pdfium.PdfDocument | None = _open(pdf)
        try:
            self.sizes = _page_sizes(self._document)
        except BaseException:
            self.close()
            raise

    def render(self, index: int, dpi: float) -> QImage | None:
        """``None`` when the preview was closed meanwhile."""
        with _PDFIUM_LOCK:
            if self._document is None:
                return None
            return _render_locked(self._document, index, dpi, printing=False)

    def close(self) -> None:
        with _PDFIUM_LOCK:
            document, self._document = self._document, None
            if document is not None:
                document.close()


# -- printing ----------------------------------------------------------------------------


def _new_printer(doc_name: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PRINT_DPI)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    # the name shows in the system's print queue: callers pass a neutral one
    printer.setDocName(doc_name)
    return printer


def _ask_printer(parent: QWidget | None, printer: QPrinter, pages: int) -> bool:
    """The system print dialog; tests replace this function."""
    if not dialogs._dialogs_enabled:  # automation must never hang on a modal box
        log.info("print: no printer chosen (dialogs are off)")
        return False
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print")
    dialog.setMinMax(1, pages)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, False)
    return dialog.exec() == QDialog.DialogCode.Accepted


def _chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """Indexes (from 0) of the pages the print dialog asked for, in order."""
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            return [index for index in range(count) if ranges.contains(index + 1)]
    return list(range(count))


def _orient(printer: QPrinter, size: tuple[float, float]) -> None:
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
    size: tuple[float, float],
) -> None:
    """Render page ``index`` for ``printer`` and paint it centred, as large as fits."""
    width, height = size
    target = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
    fit = min(target.width() / width, target.height() / height)  # device pixels per point
    # render at the printer's own resolution, never above PRINT_DPI (memory and time)
    image = _render(document, index, min(fit * 72, PRINT_DPI), printing=True)
    drawn = QRectF(0, 0, width * fit, height * fit)
    drawn.moveCenter(target.center())
    painter.drawImage(drawn, image)


def _print_pages(pdf: bytes, printer: QPrinter, pages: Sequence[int]) -> None:
    """Paint ``pages`` of ``pdf`` onto ``printer``; may run on a worker thread."""
    document = _open(pdf)
    try:
        sizes = _page_sizes(document)
        copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
        sequence = [index for _copy in range(copies) for index in pages]
        if not sequence:
            raise PdfError("None of the chosen pages is in the document.")
        painter = QPainter()
        _orient(printer, sizes[sequence[0]])
        if not painter.begin(printer):
            raise PdfError(
                "Could not start printing: the printer is not available. Check that it is"
                " switched on and connected, then try again."
            )
        finished = False
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for position, index in enumerate(sequence):
                if position:
                    _orient(printer, sizes[index])
                    if not printer.newPage():
                        raise PdfError("Printing stopped: the printer did not take the next page.")
                _paint_page(painter, printer, document, index, sizes[index])
            finished = True
        finally:
            if not finished:
                printer.abort()
            ended = painter.end()
        if not ended:
            raise PdfError("Printing failed: the printer did not accept the document.")
    finally:
        _close(document)


def print_pdf(parent: QWidget | None, pdf: bytes, doc_name: str = "Departure Desk") -> bool:
    """Print ``pdf`` without a preview, after the system print dialog.

    True when the pages went to the printer; False when the clerk cancelled or
    printing failed (the failure was shown). ``doc_name`` appears in the system's
    print queue: keep it neutral. Blocks while printing (about 0.2 s a page).
    """
    try:
        count = page_count(pdf)
    except PdfError as exc:
        dialogs.show_error(parent, "Print", exc.message)
        return False
    printer = _new_printer(doc_name)
    if not _ask_printer(parent, printer, count):
        return False
    pages = _chosen_pages(printer, count)
    if not pages:
        dialogs.show_error(parent, "Print", f"The document has only {count} page(s).")
        return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        _print_pages(pdf, printer, pages)
    except PdfError as exc:
        dialogs.show_error(parent, "Print", exc.message)
        return False
    finally:
        QApplication.restoreOverrideCursor()
    return True


# -- saving ------------------------------------------------------------------------------

_SAVE_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the drive is read-only",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "the folder does not exist",
    errno.EISDIR: "a folder has that name",
    errno.ENAMETOOLONG: "the file name is too long",
}


def save_reason(exc: OSError) -> str:
    """Why saving failed, in words a clerk can act on (no path: it may hold a name)."""
    if exc.errno in _SAVE_REASONS:
        return _SAVE_REASONS[exc.errno]
    if exc.errno is not None and exc.errno == getattr(errno, "EDQUOT", None):
        return "the disk quota is used up"
    if isinstance(exc, PermissionError):  # Windows: the file is open in another program
        return "permission denied (is the file open in another program?)"
    return exc.strerror or "the file system refused it"


# -- the preview -------------------------------------------------------------------------


class _PageView(QWidget):
    """One page: a white sheet with a soft shadow, the rendered image once it is there."""

    def __init__(self, parent: QWidget, number: int, size: tuple[float, float]) -> None:
        super().__init__(parent)
        self.number = number
        self.size_pt = size
        self.pixmap: QPixmap | None = None
        self.pixmap_dpi = 0.0
        self.failed = False
        self.setObjectName(f"pdfPage{number}")

    def set_zoom(self, zoom: float) -> None:
        width, height = self.page_pixels(zoom)
        self.setFixedSize(width + 2 * _PAGE_MARGIN, height + 2 * _PAGE_MARGIN)

    def page_pixels(self, zoom: float) -> tuple[int, int]:
        scale = zoom * SCREEN_DPI / 72
        return round(self.size_pt[0] * scale), round(self.size_pt[1] * scale)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        sheet = QRectF(
            _PAGE_MARGIN,
            _PAGE_MARGIN,
            self.width() - 2 * _PAGE_MARGIN,
            self.height() - 2 * _PAGE_MARGIN,
        )
        for spread, alpha in ((4, 18), (3, 26), (2, 36), (1, 52)):
            painter.fillRect(
                sheet.adjusted(-spread + 1, -spread + 2, spread - 1, spread),
                QColor(15, 23, 42, alpha),
            )
        painter.fillRect(sheet, Qt.GlobalColor.white)
        if self.pixmap is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(sheet, self.pixmap, QRectF(self.pixmap.rect()))
        else:
            painter.setPen(QColor("#b91c1c" if self.failed else "#64748b"))
            text = "could not be drawn" if self.failed else "Preparing…"
            painter.drawText(sheet, Qt.AlignmentFlag.AlignCenter, f"Page {self.number}\n{text}")
        painter.end()


_open_previews: list[PdfPreviewDialog] = []


def close_pdf_previews() -> None:
    """Close every preview at once (the office is about to lock: they show personal data)."""
    for dialog in list(_open_previews):
        if isValid(dialog):
            dialog.force_close()
    _open_previews.clear()


class PdfPreviewDialog(QDialog):
    """Shows a PDF's pages; prints it (300 dpi) or saves it where the clerk chooses.

    ``on_output("printed")`` or ``on_output("saved")`` runs after each successful print
    or save (callers mark appointments as notified). ``suggested_name`` is the file name
    offered when saving and the job name in the print queue: keep it neutral.
    One-shot: closing the dialog releases the document.
    """

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        pdf: bytes,
        suggested_name: str,
        on_output: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreviewDialog")
        self.setWindowTitle(title)
        self._pdf = pdf
        self._suggested_name = suggested_name
        self._on_output = on_output
        self._zoom = 1.0
        self._fit: str | None = "width"  # "width", "page" or None (a chosen zoom)
        self._generation = 0  # bumps on zoom: late images of an older zoom are dropped
        self._rendering: int | None = None  # page index being rendered
        self._printing = False
        self._closed = False
        self.error: str | None = None
        self._views: list[_PageView] = []
        _open_previews[:] = [dialog for dialog in _open_previews if isValid(dialog)]
        _open_previews.append(self)

        try:
            self._pages: _Pages | None = _Pages(pdf)
        except PdfError as exc:
            self._pages = None
            self.error = exc.message
        else:
            # deleted with its parent, without being closed: still let go of the document
            self.destroyed.connect(lambda _obj=None, pages=self._pages: pages.close())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_toolbar())

        self.page_area = QScrollArea(self)
        self.page_area.setObjectName("pdfPages")
        self.page_area.setWidgetResizable(True)
        self.page_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.page_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        backdrop = QPalette(self.page_area.palette())
        backdrop.setColor(QPalette.ColorRole.Window, QColor(_BACKDROP))
        self.page_area.setPalette(backdrop)
        self.page_area.setBackgroundRole(QPalette.ColorRole.Window)
        container = QWidget(self.page_area)
        container.setObjectName("pdfPageColumn")
        container.setAutoFillBackground(True)
        container.setPalette(backdrop)
        column = QVBoxLayout(container)
        column.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        column.setSpacing(_PAGE_GAP - 2 * _PAGE_MARGIN)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        if self._pages is not None:
            for number, size in enumerate(self._pages.sizes, start=1):
                view = _PageView(container, number, size)
                self._views.append(view)
                column.addWidget(view, 0, Qt.AlignmentFlag.AlignHCenter)
        else:
            problem = QLabel(self.error or "", container)
            problem.setObjectName("pdfError")
            problem.setWordWrap(True)
            problem.setMaximumWidth(520)
            problem.setStyleSheet(
                "QLabel { background: white; color: #b91c1c; font-weight: bold; padding: 18px;"
                " border: 1px solid #fca5a5; border-radius: 6px; }"
            )
            column.addStretch(1)
            column.addWidget(problem, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
        self.page_area.setWidget(container)
        self.page_area.verticalScrollBar().valueChanged.connect(self._viewport_moved)
        self.page_area.horizontalScrollBar().valueChanged.connect(self._viewport_moved)
        layout.addWidget(self.page_area, 1)
        layout.addWidget(self._build_footer())

        self._apply_zoom(self._zoom)
        self._update_page_label()
        enabled = self._pages is not None
        self.print_button.setEnabled(enabled)
        self.save_button.setEnabled(enabled)
        for button in (
            self.zoom_in_button,
            self.zoom_out_button,
            self.fit_button,
            self.page_button,
        ):
            button.setEnabled(enabled)
        if enabled:
            self.print_button.setDefault(True)
        else:
            self.close_button.setDefault(True)
        self.resize(self._initial_size())
        self.page_area.setFocus()

    # -- layout -------------------------------------------------------------------------
    def _build_toolbar(self) -> QWidget:
        bar = QWidget(self)
        bar.setObjectName("pdfToolbar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(MARGIN // 2, 6, MARGIN // 2, 6)
        row.setSpacing(4)

        def tool(name: str, icon: str, tip: str, keys: QKeySequence.StandardKey) -> QToolButton:
            button = QToolButton(bar)
            button.setObjectName(name)
            button.setIcon(qta.icon(icon, color="#334155"))
            button.setIconSize(QSize(16, 16))
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.setShortcut(QKeySequence(keys))
            return button

        self.zoom_out_button = tool(
            "zoomOut", "fa6s.magnifying-glass-minus", "Zoom out", QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_in_button = tool(
            "zoomIn", "fa6s.magnifying-glass-plus", "Zoom in", QKeySequence.StandardKey.ZoomIn
        )
        self.zoom_label = QLabel("100 %", bar)
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("300 %  "))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        def fit(name: str, text: str, icon: str) -> QToolButton:
            button = QToolButton(bar)
            button.setObjectName(name)
            button.setText(text)
            button.setIcon(qta.icon(icon, color="#334155"))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setCheckable(True)
            button.setAutoRaise(True)
            return button

        self.fit_button = fit("fitWidth", "Fit width", "fa6s.arrows-left-right")
        self.page_button = fit("fitPage", "Whole page", "fa6s.file")
        self.zoom_out_button.clicked.connect(lambda: self._step_zoom(-1))
        self.zoom_in_button.clicked.connect(lambda: self._step_zoom(+1))
        self.fit_button.clicked.connect(lambda: self._fit_to("width"))
        self.page_button.clicked.connect(lambda: self._fit_to("page"))

        self.page_label = QLabel(bar)
        self.page_label.setObjectName("pageCount")
        row.addWidget(self.page_label)
        row.addStretch(1)
        row.addWidget(self.zoom_out_button)
        row.addWidget(self.zoom_label)
        row.addWidget(self.zoom_in_button)
        row.addSpacing(6)
        row.addWidget(self.fit_button)
        row.addWidget(self.page_button)
        return bar

    def _build_footer(self) -> QWidget:
        footer = QWidget(self)
        footer.setObjectName("pdfFooter")
        row = QHBoxLayout(footer)
        row.setContentsMargins(MARGIN // 2, 8, MARGIN // 2, 8)
        row.setSpacing(SPACING // 2)
        self.status = InlineMessage(footer)
        self.status.setObjectName("pdfStatus")
        self.hint = muted("", footer)
        self.hint.setObjectName("pdfHint")
        self.hint.hide()
        self.save_button = QPushButton(
            qta.icon("fa6s.floppy-disk", color="#334155"), "&Save as PDF…", footer
        )
        self.save_button.setObjectName("savePdf")
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.print_button = QPushButton(qta.icon("fa6s.print", color="#334155"), "&Print…", footer)
        self.print_button.setObjectName("printPdf")
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.close_button = QPushButton("Close", footer)
        self.close_button.setObjectName("closePreview")
        for button in (self.save_button, self.print_button, self.close_button):
            button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_as_pdf)
        self.print_button.clicked.connect(self.print_document)
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.status, 3)
        row.addWidget(self.hint, 3)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addWidget(self.close_button)
        return footer

    def _initial_size(self) -> QSize:
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry().size() if screen else QSize(1024, 768)
        return QSize(min(900, int(available.width() * 0.9)), int(available.height() * 0.9))

    # -- zoom ---------------------------------------------------------------------------
    def zoom(self) -> float:
        return self._zoom

    def _fit_zoom(self) -> float:
        """The zoom at which the widest page fills the width (or the tallest fits whole)."""
        if not self._views:
            return 1.0
        scrollbar = self.page_area.verticalScrollBar().sizeHint().width()
        room = self.page_area.width() - scrollbar - 2 * SPACING - 2 * _PAGE_MARGIN - 2
        widest = max(view.size_pt[0] for view in self._views)
        zoom = room / (widest * SCREEN_DPI / 72)
        if self._fit == "page":
            tallest = max(view.size_pt[1] for view in self._views)
            height = self.page_area.height() - 2 * SPACING - 2 * _PAGE_MARGIN
            zoom = min(zoom, height / (tallest * SCREEN_DPI / 72))
        return float(max(_ZOOM_STEPS[0], min(_ZOOM_STEPS[-1], zoom)))

    def _apply_zoom(self, zoom: float) -> None:
        if abs(zoom - self._zoom) > 1e-3:
            self._generation += 1
        self._zoom = zoom
        for view in self._views:
            view.set_zoom(zoom)
            view.update()
        self.zoom_label.setText(f"{round(zoom * 100)} %")
        self.fit_button.setChecked(self._fit == "width")
        self.page_button.setChecked(self._fit == "page")
        self.zoom_out_button.setEnabled(bool(self._views) and zoom > _ZOOM_STEPS[0] + 1e-3)
        self.zoom_in_button.setEnabled(bool(self._views) and zoom < _ZOOM_STEPS[-1] - 1e-3)
        self._schedule()

    def _step_zoom(self, direction: int) -> None:
        if direction > 0:
            bigger = [step for step in _ZOOM_STEPS if step > self._zoom + 1e-3]
            zoom = bigger[0] if bigger else _ZOOM_STEPS[-1]
        else:
            smaller = [step for step in _ZOOM_STEPS if step < self._zoom - 1e-3]
            zoom = smaller[-1] if smaller else _ZOOM_STEPS[0]
        self._fit = None
        self._apply_zoom(zoom)

    def _fit_to(self, mode: str) -> None:
        self._fit = mode
        self._apply_zoom(self._fit_zoom())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit is not None:
            self._apply_zoom(self._fit_zoom())
        QTimer.singleShot(0, self, self._schedule)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit is not None and self.isVisible():
            self._apply_zoom(self._fit_zoom())
        else:
            self._schedule()

    # -- rendering ----------------------------------------------------------------------
    def _dpi(self) -> float:
        return self._zoom * SCREEN_DPI * self.devicePixelRatioF()

    def _visible_range(self) -> tuple[int, int] | None:
        """First and last index of the pages in view (None before any layout)."""
        if not self._views or not self.isVisible():
            return None
        top = self.page_area.verticalScrollBar().value()
        bottom = top + self.page_area.viewport().height()
        shown = [
            index
            for index, view in enumerate(self._views)
            if view.y() < bottom and view.y() + view.height() > top
        ]
        return (shown[0], shown[-1]) if shown else (0, 0)

    def _viewport_moved(self) -> None:
        self._update_page_label()
        self._schedule()

    def _update_page_label(self) -> None:
        if not self._views:
            self.page_label.setText("No pages")
            return
        total = len(self._views)
        current = 1
        seen = self._visible_range()
        if seen is not None:
            middle = (
                self.page_area.verticalScrollBar().value() + self.page_area.viewport().height() // 2
            )
            current = seen[0] + 1
            for index in range(seen[0], seen[1] + 1):
                view = self._views[index]
                if view.y() <= middle:
                    current = index + 1
        pages = "1 page" if total == 1 else f"{total} pages"
        self.page_label.setText(f"Page {current} of {total}  ·  {pages}")

    def _wanted(self) -> list[int]:
        """Pages to render next: those in view first, then one on each side."""
        seen = self._visible_range()
        if seen is None:
            return []
        first, last = seen
        order = [*range(first, last + 1), last + 1, first - 1]
        return [index for index in order if 0 <= index < len(self._views)]

    def _needs_render(self, index: int) -> bool:
        view = self._views[index]
        return not view.failed and (view.pixmap is None or abs(view.pixmap_dpi - self._dpi()) > 0.5)

    def _schedule(self) -> None:
        """Start rendering the next page that needs it (one at a time)."""
        if self._closed or self._pages is None or self._rendering is not None:
            return
        wanted = self._wanted()
        self._forget_far_pages(wanted)
        todo = [index for index in wanted if self._needs_render(index)]
        if not todo:
            return
        index, dpi, generation, pages = todo[0], self._dpi(), self._generation, self._pages
        self._rendering = index
        worker.run_in_background(
            lambda: pages.render(index, dpi),
            lambda image: self._rendered(index, dpi, generation, image),
            lambda exc: self._render_failed(index, exc),
        )

    def _forget_far_pages(self, wanted: list[int]) -> None:
        if not wanted:
            return
        low, high = min(wanted) - _KEEP_AROUND, max(wanted) + _KEEP_AROUND
        for index, view in enumerate(self._views):
            if view.pixmap is not None and not low <= index <= high:
                view.pixmap = None
                view.pixmap_dpi = 0.0

    def _rendered(self, index: int, dpi: float, generation: int, image: QImage | None) -> None:
        if self._closed or not isValid(self):
            return
        self._rendering = None
        if image is not None and generation == self._generation:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            view = self._views[index]
            view.pixmap = pixmap
            view.pixmap_dpi = dpi
            view.update()
        self._schedule()

    def _render_failed(self, index: int, exc: KnownError) -> None:
        if self._closed or not isValid(self):
            return
        self._rendering = None
        self._views[index].failed = True
        self._views[index].update()
        self.status.show_error(exc.message)
        self._schedule()

    def rendering_done(self) -> bool:
        """Nothing is being rendered and every page in view is up to date (for tests)."""
        if self._rendering is not None:
            return False
        return not any(self._needs_render(index) for index in self._wanted())

    def rendered_pages(self) -> list[int]:
        """Indexes of the pages that currently have an image (for tests)."""
        return [index for index, view in enumerate(self._views) if view.pixmap is not None]

    # -- output -------------------------------------------------------------------------
    def _set_busy(self, text: str | None) -> None:
        self._printing = text is not None
        for button in (self.print_button, self.save_button, self.close_button):
            button.setEnabled(text is None and (button is self.close_button or bool(self._views)))
        if text is None:
            self.hint.hide()
        else:
            self.status.clear()
            self.hint.setText(text)
            self.hint.show()

    def _report(self, what: str) -> None:
        if self._on_output is None:
            return
        try:
            self._on_output(what)
        except KnownError as exc:
            dialogs.show_error(self, self.windowTitle(), exc.message)

    def print_document(self) -> None:
        """Ask for a printer, then print in the background; ``on_output("printed")`` after."""
        if self._pages is None or self._printing:
            return
        count = len(self._views)
        printer = _new_printer(self._suggested_name)
        if not _ask_printer(self, printer, count):
            return
        pages = _chosen_pages(printer, count)
        if not pages:
            dialogs.show_error(self, "Print", f"The document has only {count} page(s).")
            return
        pdf = self._pdf
        sheets = "1 page" if len(pages) == 1 else f"{len(pages)} pages"
        self._set_busy(f"Printing {sheets}…")
        worker.run_in_background(
            lambda: _print_pages(pdf, printer, pages),
            lambda _none: self._printed(printer, sheets),
            lambda exc: self._print_failed(printer, exc),
        )

    def _printed(self, printer: QPrinter, sheets: str) -> None:
        del printer  # kept alive until the worker is done with it
        if self._closed or not isValid(self):
            log.info("a print finished after its preview closed; not reported")
            return
        self._set_busy(None)
        self.status.show_notice(f"Sent {sheets} to the printer.")
        self._report("printed")

    def _print_failed(self, printer: QPrinter, exc: KnownError) -> None:
        del printer
        if self._closed or not isValid(self):
            log.warning("a print failed after its preview closed: %s", exc.message)
            return
        self._set_busy(None)
        dialogs.show_error(self, "Print", exc.message)

    def save_as_pdf(self) -> None:
        """Ask where to save the PDF, write it atomically; ``on_output("saved")`` after."""
        if self._pages is None or self._printing:
            return
        path = dialogs.choose_save_path(
            self, "Save as PDF", self._suggested_name, "PDF documents (*.pdf)"
        )
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".pdf")
        try:
            write_atomically(path, self._pdf)
        except OSError as exc:
            log.warning("saving a PDF failed: %s", exc.strerror or type(exc).__name__)
            dialogs.show_error(self, "Save as PDF", f"Could not save the file: {save_reason(exc)}.")
            return
        self.status.show_notice(f"Saved as {path.name}.")
        self._report("saved")

    # -- closing ------------------------------------------------------------------------
    def reject(self) -> None:
        if self._printing:  # wait for the printer: the job needs the dialog's answer
            return
        super().reject()

    def force_close(self) -> None:
        """Close even while printing (the print job finishes on its own, unreported)."""
        self._printing = False
        self.reject()

    def done(self, result: int) -> None:
        self._release()
        super().done(result)

    def _release(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self in _open_previews:
            _open_previews.remove(self)
        for view in self._views:
            view.pixmap = None
        if self._pages is not None:
            self._pages.close()


def open_pdf_preview(
    parent: QWidget | None,
    title: str,
    pdf: bytes,
    suggested_name: str,
    on_output: Callable[[str], None] | None = None,
) -> PdfPreviewDialog:
    """Show a preview window-modally; it deletes itself when closed."""
    dialog = PdfPreviewDialog(parent, title, pdf, suggested_name, on_output)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


__all__ = [
    "PRINT_DPI",
    "PdfError",
    "PdfPreviewDialog",
    "close_pdf_previews",
    "open_pdf_preview",
    "page_count",
    "print_pdf",
    "render_page_image",
    "save_reason",
]
