"""Small shared widgets: headings, the DEMO banner, inline messages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

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
    label.setStyleSheet("color: #475569;")
    return label


class DemoBanner(QLabel):
    """Marks every window of a demo office, so nobody enters real cases there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("DEMO OFFICE - fictional data only, do not enter real cases", parent)
        self.setObjectName("demoBanner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(
            "QLabel#demoBanner { background: #b45309; color: white; font-weight: bold;"
            " padding: 6px; }"
        )


class InlineMessage(QLabel):
    """An error or notice shown inside a form instead of a modal box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.setText(text)
        self.show()

    def show_notice(self, text: str) -> None:
        self.setStyleSheet("color: #166534;")
        self.setText(text)
        self.show()

    def clear(self) -> None:
        self.setText("")
        self.hide()
