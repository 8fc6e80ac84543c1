"""Small shared widgets: headings, the DEMO banner, inline messages.

Used by the first window, so this module imports only what that window needs anyway:
QtGui/QtWidgets, the palette (plain strings) and ``tr`` (whose ``PySide6.QtCore.Qt``,
about 27 ms the first time, ``app.py`` has already paid for through the operations).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.ui.kit import palette
from desktop.ui.kit.i18n import tr

SPACING = 12
MARGIN = 20


def heading(text: str, parent: QWidget | None = None, size: float = 1.5) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * size)
    font.setBold(True)
    label.setFont(font)
    return label


def muted(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(palette.text_style(palette.MUTED))
    return label


def add_button(
    parent: QWidget,
    row: QBoxLayout,
    text: str,
    name: str,
    slot: Callable[[], object],
    tip: str = "",
) -> QPushButton:
    """A named push button at the end of ``row`` that calls ``slot``.

    ``clicked`` passes a ``checked`` flag; the lambda drops it so slots that take an
    optional argument are not handed ``False``.
    """
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.clicked.connect(lambda _checked=False: slot())
    row.addWidget(button)
    return button


class DemoBanner(QLabel):
    """Marks every window of a demo office, so nobody enters real cases there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("DEMO OFFICE - fictional data only, do not enter real cases"), parent)
        self.setObjectName("demoBanner")
        self.setStyleSheet(
            f"QLabel#demoBanner {{ background: {palette.DEMO}; color: white; font-weight: bold;"
            " padding: 6px; qproperty-alignment: AlignCenter; }"
        )


class InlineMessage(QLabel):
    """An error or notice shown inside a form instead of a modal box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setStyleSheet(palette.text_style(palette.ERROR, bold=True))
        self.setText(text)
        self.show()

    def show_notice(self, text: str) -> None:
        self.setStyleSheet(palette.text_style(palette.GOOD))
        self.setText(text)
        self.show()

    def clear(self) -> None:
        self.setText("")
        self.hide()


def right_aligned(layout: QBoxLayout, widget: QWidget) -> None:
    """Add ``widget`` at the right end of ``layout`` (without Qt alignment flags)."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget)
    layout.addLayout(row)
