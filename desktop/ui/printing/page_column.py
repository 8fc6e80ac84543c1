"""The pages of a previewed PDF, one under the other, drawn as they come into view.

``PageColumn`` shows a ``PdfPages`` document at a zoom (a chosen step, or fitted to the
width or to the whole page) and renders the pages in view, plus one on each side, one
at a time as operations of its own (PDFium has one lock anyway) at screen resolution.
Pages far from the view let go of their images, so memory stays bounded on long
documents. A new document (the records changed) replaces the old one in place: the zoom
and the scroll position stay, and a render of the old document still on its way is
dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.errors import KnownError
from desktop.ui.kit import operations, palette
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.operations import Operation, QueryOp
from desktop.ui.kit.widgets import SPACING
from desktop.ui.printing.pdfium_pages import PageSize, PdfPages

#: logical dots per inch of the preview at 100 % zoom
SCREEN_DPI = 96
ZOOM_STEPS = (0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
_PAGE_MARGIN = 6  # room around each page for its shadow
_PAGE_GAP = 14
_KEEP_AROUND = 4  # rendered pages kept beyond the visible ones (memory stays bounded)
#: the shadow under a sheet: ink, ever fainter outwards
_SHADOW = ((4, 18), (3, 26), (2, 36), (1, 52))
_SHADOW_INK = (15, 23, 42)


class PageSheet(QWidget):
    """One page: a white sheet with a soft shadow, the rendered image once it is there."""

    def __init__(self, parent: QWidget, number: int, size: PageSize) -> None:
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
        for spread, alpha in _SHADOW:
            painter.fillRect(
                sheet.adjusted(-spread + 1, -spread + 2, spread - 1, spread),
                QColor(*_SHADOW_INK, alpha),
            )
        painter.fillRect(sheet, Qt.GlobalColor.white)
        if self.pixmap is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(sheet, self.pixmap, QRectF(self.pixmap.rect()))
        else:
            painter.setPen(QColor(palette.ERROR if self.failed else palette.FAINT))
            if self.failed:
                text = tr("Page {number}\ncould not be drawn").format(number=self.number)
            else:
                text = tr("Page {number}\nPreparing…").format(number=self.number)
            painter.drawText(sheet, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()


class PageColumn(QScrollArea):
    """The pages of a document (or why there are none); see the module docstring."""

    #: the zoom, the fit or the page in view changed (the toolbar reads them)
    view_changed = Signal()
    #: a page could not be drawn (the message is for the clerk)
    render_failed = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPages")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        backdrop = QPalette(self.palette())
        backdrop.setColor(QPalette.ColorRole.Window, QColor(palette.BACKDROP))
        self.setPalette(backdrop)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self._container = QWidget(self)
        self._container.setObjectName("pdfPageColumn")
        self._container.setAutoFillBackground(True)
        self._container.setPalette(backdrop)
        self._column = QVBoxLayout(self._container)
        self._column.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        self._column.setSpacing(_PAGE_GAP - 2 * _PAGE_MARGIN)
        self._column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self._container)
        self._pages: PdfPages | None = None
        self.views: list[PageSheet] = []
        self._zoom = 1.0
        self._fit: str | None = "width"  # "width", "page" or None (a chosen zoom)
        self._rendering: Operation[QImage | None] | None = None
        self._closed = False
        self.verticalScrollBar().valueChanged.connect(self._moved)
        self.horizontalScrollBar().valueChanged.connect(self._moved)

    # -- the document --------------------------------------------------------------------
    def show_document(self, pages: PdfPages | None, error: str | None = None) -> None:
        """Show ``pages`` (the column now owns them and closes them) or, without pages,
        ``error``; what was shown before goes, the zoom and scroll position stay."""
        if self._closed:
            if pages is not None:
                pages.close()
            return
        scroll = self.verticalScrollBar().value()
        self._drop_document()
        self._pages = pages
        while self._column.count():
            item = self._column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if pages is not None:
            # deleted with its parent, without being closed: still let go of the document
            self.destroyed.connect(lambda _obj=None, held=pages: held.close())
            for number, size in enumerate(pages.sizes, start=1):
                view = PageSheet(self._container, number, size)
                self.views.append(view)
                self._column.addWidget(view, 0, Qt.AlignmentFlag.AlignHCenter)
        else:
            self._column.addStretch(1)
            self._column.addWidget(self._problem(error or ""), 0, Qt.AlignmentFlag.AlignHCenter)
        self._column.addStretch(1)
        fitted = self._fit is not None and self.isVisible()  # else fitted once shown
        self._apply_zoom(self._fit_zoom() if fitted else self._zoom)
        self.verticalScrollBar().setValue(scroll)
        QTimer.singleShot(0, self, self._schedule)

    def _problem(self, error: str) -> QLabel:
        problem = QLabel(error, self._container)
        problem.setObjectName("pdfError")
        problem.setWordWrap(True)
        problem.setMaximumWidth(520)
        problem.setStyleSheet(
            f"QLabel {{ background: white; color: {palette.ERROR}; font-weight: bold;"
            f" padding: 18px; border: 1px solid {palette.ERROR_BORDER}; border-radius: 6px; }}"
        )
        return problem

    def _drop_document(self) -> None:
        if self._rendering is not None:
            self._rendering.supersede()  # an image of the old document: not for these pages
            self._rendering = None
        for view in self.views:
            view.pixmap = None
        self.views = []
        if self._pages is not None:
            self._pages.close()  # waits for a render in progress (PDFium's lock)
            self._pages = None

    def has_pages(self) -> bool:
        return bool(self.views)

    def close_document(self) -> None:
        """Let go of the document and every image; nothing renders any more."""
        self._closed = True
        operations.abandon(self)
        self._rendering = None
        self._drop_document()

    # -- zoom ------------------------------------------------------------------------------
    def zoom(self) -> float:
        return self._zoom

    def fit(self) -> str | None:
        return self._fit

    def _fit_zoom(self) -> float:
        """The zoom at which the widest page fills the width (or the tallest fits whole)."""
        if not self.views:
            return 1.0
        scrollbar = self.verticalScrollBar().sizeHint().width()
        room = self.width() - scrollbar - 2 * SPACING - 2 * _PAGE_MARGIN - 2
        widest = max(view.size_pt[0] for view in self.views)
        zoom = room / (widest * SCREEN_DPI / 72)
        if self._fit == "page":
            tallest = max(view.size_pt[1] for view in self.views)
            height = self.height() - 2 * SPACING - 2 * _PAGE_MARGIN
            zoom = min(zoom, height / (tallest * SCREEN_DPI / 72))
        return float(max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom)))

    def _apply_zoom(self, zoom: float) -> None:
        if abs(zoom - self._zoom) > 1e-3 and self._rendering is not None:
            self._rendering.supersede()  # an image at the old zoom: not wanted any more
            self._rendering = None
        self._zoom = zoom
        for view in self.views:
            view.set_zoom(zoom)
            view.update()
        self.view_changed.emit()
        self._schedule()

    def step_zoom(self, direction: int) -> None:
        if direction > 0:
            bigger = [step for step in ZOOM_STEPS if step > self._zoom + 1e-3]
            zoom = bigger[0] if bigger else ZOOM_STEPS[-1]
        else:
            smaller = [step for step in ZOOM_STEPS if step < self._zoom - 1e-3]
            zoom = smaller[-1] if smaller else ZOOM_STEPS[0]
        self._fit = None
        self._apply_zoom(zoom)

    def fit_to(self, mode: str) -> None:
        self._fit = mode
        self._apply_zoom(self._fit_zoom())

    def refit(self) -> None:
        """The window was shown or resized: a fitted zoom follows it."""
        if self._fit is not None:
            self._apply_zoom(self._fit_zoom())
        else:
            self._schedule()

    # -- where the view is --------------------------------------------------------------
    def _visible_range(self) -> tuple[int, int] | None:
        """First and last index of the pages in view (None before any layout)."""
        if not self.views or not self.isVisible():
            return None
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        shown = [
            index
            for index, view in enumerate(self.views)
            if view.y() < bottom and view.y() + view.height() > top
        ]
        return (shown[0], shown[-1]) if shown else (0, 0)

    def current_page(self) -> int:
        """The number (from 1) of the page in the middle of the view."""
        seen = self._visible_range()
        if seen is None:
            return 1
        middle = self.verticalScrollBar().value() + self.viewport().height() // 2
        current = seen[0] + 1
        for index in range(seen[0], seen[1] + 1):
            if self.views[index].y() <= middle:
                current = index + 1
        return current

    def _moved(self) -> None:
        self.view_changed.emit()
        self._schedule()

    # -- rendering ----------------------------------------------------------------------
    def _dpi(self) -> float:
        return self._zoom * SCREEN_DPI * self.devicePixelRatioF()

    def _wanted(self) -> list[int]:
        """Pages to render next: those in view first, then one on each side."""
        seen = self._visible_range()
        if seen is None:
            return []
        first, last = seen
        order = [*range(first, last + 1), last + 1, first - 1]
        return [index for index in order if 0 <= index < len(self.views)]

    def _needs_render(self, index: int) -> bool:
        view = self.views[index]
        return not view.failed and (view.pixmap is None or abs(view.pixmap_dpi - self._dpi()) > 0.5)

    def _schedule(self) -> None:
        """Start rendering the next page that needs it (one at a time)."""
        if self._pages is None or self._rendering is not None:
            return
        wanted = self._wanted()
        self._forget_far_pages(wanted)
        todo = [index for index in wanted if self._needs_render(index)]
        if not todo:
            return
        index, dpi, pages = todo[0], self._dpi(), self._pages
        op = QueryOp(self, lambda: pages.render(index, dpi)).replacing("render").quiet()
        op.success(lambda image: self._rendered(index, dpi, image))
        op.failure(lambda error: self._render_failed(index, error))
        self._rendering = op.run()

    def _forget_far_pages(self, wanted: list[int]) -> None:
        if not wanted:
            return
        low, high = min(wanted) - _KEEP_AROUND, max(wanted) + _KEEP_AROUND
        for index, view in enumerate(self.views):
            if view.pixmap is not None and not low <= index <= high:
                view.pixmap = None
                view.pixmap_dpi = 0.0

    def _rendered(self, index: int, dpi: float, image: QImage | None) -> None:
        self._rendering = None
        if image is not None:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            view = self.views[index]
            view.pixmap = pixmap
            view.pixmap_dpi = dpi
            view.update()
        self._schedule()

    def _render_failed(self, index: int, error: KnownError) -> None:
        self._rendering = None
        self.views[index].failed = True
        self.views[index].update()
        self.render_failed.emit(error.message)
        self._schedule()

    def rendering_done(self) -> bool:
        """Nothing is being rendered and every page in view is up to date (for tests)."""
        if self._rendering is not None:
            return False
        return not any(self._needs_render(index) for index in self._wanted())

    def rendered_pages(self) -> list[int]:
        """Indexes of the pages that currently have an image (for tests)."""
        return [index for index, view in enumerate(self.views) if view.pixmap is not None]
