"""The preview's toolbar: which page is in view, and the zoom (steps, fit width, whole
page), kept in step with the ``PageColumn`` it drives."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from desktop.ui.kit import palette
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.widgets import MARGIN
from desktop.ui.printing.page_column import ZOOM_STEPS, PageColumn
from desktop.ui.printing.printer import sheets


class PreviewToolbar(QWidget):
    def __init__(self, parent: QWidget, column: PageColumn) -> None:
        super().__init__(parent)
        self.setObjectName("pdfToolbar")
        self._column = column
        row = QHBoxLayout(self)
        row.setContentsMargins(MARGIN // 2, 6, MARGIN // 2, 6)
        row.setSpacing(4)
        self.zoom_out_button = self._tool(
            "zoomOut",
            "fa6s.magnifying-glass-minus",
            tr("Zoom out"),
            QKeySequence.StandardKey.ZoomOut,
        )
        self.zoom_in_button = self._tool(
            "zoomIn", "fa6s.magnifying-glass-plus", tr("Zoom in"), QKeySequence.StandardKey.ZoomIn
        )
        self.zoom_label = QLabel("100 %", self)
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("300 %  "))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fit_button = self._fit("fitWidth", tr("Fit width"), "fa6s.arrows-left-right")
        self.page_button = self._fit("fitPage", tr("Whole page"), "fa6s.file")
        self.zoom_out_button.clicked.connect(lambda: column.step_zoom(-1))
        self.zoom_in_button.clicked.connect(lambda: column.step_zoom(+1))
        self.fit_button.clicked.connect(lambda: column.fit_to("width"))
        self.page_button.clicked.connect(lambda: column.fit_to("page"))
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageCount")
        row.addWidget(self.page_label)
        row.addStretch(1)
        row.addWidget(self.zoom_out_button)
        row.addWidget(self.zoom_label)
        row.addWidget(self.zoom_in_button)
        row.addSpacing(6)
        row.addWidget(self.fit_button)
        row.addWidget(self.page_button)
        column.view_changed.connect(self.refresh)
        self.refresh()

    def _tool(self, name: str, icon: str, tip: str, keys: QKeySequence.StandardKey) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setIcon(qta.icon(icon, color=palette.INK))
        button.setIconSize(QSize(16, 16))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setShortcut(QKeySequence(keys))
        return button

    def _fit(self, name: str, text: str, icon: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setIcon(qta.icon(icon, color=palette.INK))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setCheckable(True)
        button.setAutoRaise(True)
        return button

    def refresh(self) -> None:
        """Show the column's zoom and page in view."""
        column = self._column
        zoom, pages = column.zoom(), column.has_pages()
        self.zoom_label.setText(f"{round(zoom * 100)} %")
        self.fit_button.setChecked(column.fit() == "width")
        self.page_button.setChecked(column.fit() == "page")
        self.zoom_out_button.setEnabled(pages and zoom > ZOOM_STEPS[0] + 1e-3)
        self.zoom_in_button.setEnabled(pages and zoom < ZOOM_STEPS[-1] - 1e-3)
        self.fit_button.setEnabled(pages)
        self.page_button.setEnabled(pages)
        if not pages:
            self.page_label.setText(tr("No pages"))
            return
        total = len(column.views)
        self.page_label.setText(
            tr("Page {current} of {total}  ·  {pages}").format(
                current=column.current_page(), total=total, pages=sheets(total)
            )
        )
