"""A new-password pair with a live length hint (the policy lives in services)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from desktop.services.office.passwords import MIN_LENGTH


class NewPasswordFields(QObject):
    """Adds "password", "repeat" and a hint row to the caller's form, so labels align."""

    changed = Signal()

    def __init__(self, parent: QWidget, form: QFormLayout, label: str = "Password") -> None:
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
        form.addRow(label, self.first)
        form.addRow("Repeat", self.second)
        form.addRow("", self.hint)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        length = len(self.first.text())
        if length < MIN_LENGTH:
            self.hint.setText(
                f"{length} of at least {MIN_LENGTH} characters. "
                "Tip: four unrelated words, with spaces."
            )
            self.hint.setStyleSheet("color: #475569;")
        elif self.second.text() and self.second.text() != self.first.text():
            self.hint.setText("The two passwords differ.")
            self.hint.setStyleSheet("color: #b91c1c;")
        else:
            self.hint.setText(f"{length} characters - long enough.")
            self.hint.setStyleSheet("color: #166534;")
        self.changed.emit()

    def password(self) -> str:
        return self.first.text()

    def problem(self) -> str | None:
        """What to fix before submitting, or None (full policy checked by services)."""
        if len(self.first.text()) < MIN_LENGTH:
            return f"The password needs at least {MIN_LENGTH} characters."
        if self.first.text() != self.second.text():
            return "The two passwords differ; type the same password twice."
        return None

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    def setEnabled(self, enabled: bool) -> None:
        self.first.setEnabled(enabled)
        self.second.setEnabled(enabled)
