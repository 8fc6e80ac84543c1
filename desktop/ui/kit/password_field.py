"""A new-password pair with a live length hint (the policy lives in services)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from desktop.services.office.passwords import MIN_LENGTH
from desktop.ui.kit import palette
from desktop.ui.kit.i18n import tr


class NewPasswordFields(QObject):
    """Adds "password", "repeat" and a hint row to the caller's form, so labels align.

    ``label`` is the translated label of the first field (default: "Password").
    """

    changed = Signal()

    def __init__(self, parent: QWidget, form: QFormLayout, label: str | None = None) -> None:
        super().__init__(parent)
        self.first = QLineEdit(parent)
        self.first.setObjectName("newPassword")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit(parent)
        self.second.setObjectName("repeatPassword")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = QLabel(parent)
        self.hint.setObjectName("passwordHint")
        self.hint.setWordWrap(True)
        form.addRow(label if label is not None else tr("Password"), self.first)
        form.addRow(tr("Repeat"), self.second)
        form.addRow("", self.hint)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        length = len(self.first.text())
        if length < MIN_LENGTH:
            self.hint.setText(
                tr(
                    "{length} of at least {minimum} characters. "
                    "Tip: four unrelated words, with spaces."
                ).format(length=length, minimum=MIN_LENGTH)
            )
            self.hint.setStyleSheet(palette.text_style(palette.MUTED))
        elif self.second.text() and self.second.text() != self.first.text():
            self.hint.setText(tr("The two passwords differ."))
            self.hint.setStyleSheet(palette.text_style(palette.ERROR))
        else:
            self.hint.setText(tr("{length} characters - long enough.").format(length=length))
            self.hint.setStyleSheet(palette.text_style(palette.GOOD))
        self.changed.emit()

    def password(self) -> str:
        return self.first.text()

    def problem(self) -> str | None:
        """What to fix before submitting, or None (full policy checked by services)."""
        if len(self.first.text()) < MIN_LENGTH:
            return tr("The password needs at least {minimum} characters.").format(
                minimum=MIN_LENGTH
            )
        if self.first.text() != self.second.text():
            return tr("The two passwords differ; type the same password twice.")
        return None

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    def setEnabled(self, enabled: bool) -> None:
        self.first.setEnabled(enabled)
        self.second.setEnabled(enabled)
