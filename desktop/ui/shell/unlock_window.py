"""The first window: sign in to unlock the office database.

This module imports only QtWidgets and cheap project modules, so the window
is on screen before SQLAlchemy, reportlab or qtawesome are loaded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.widgets import (
    MARGIN,
    SPACING,
    DemoBanner,
    InlineMessage,
    heading,
    muted,
    right_aligned,
)


class UnlockWindow(QWidget):
    unlock_requested = Signal(str, str)

    def __init__(self, office_name: str, office_code: str, data_dir: Path, demo: bool) -> None:
        super().__init__()
        self.setObjectName("unlockWindow")
        title = tr("{app} - {office}").format(app=APP_NAME, office=office_name)
        self.setWindowTitle(tr("[DEMO] {title}").format(title=title) if demo else title)
        self.setMinimumWidth(440)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, MARGIN)
        layout.setSpacing(SPACING)
        if demo:
            layout.addWidget(DemoBanner(self))
        body = QVBoxLayout()
        body.setContentsMargins(MARGIN, MARGIN, MARGIN, 0)
        body.setSpacing(SPACING)
        layout.addLayout(body)

        body.addWidget(heading(APP_NAME, self))
        body.addWidget(heading(f"{office_name} ({office_code})", self, size=1.1))
        body.addWidget(muted(tr("Data folder: {folder}").format(folder=data_dir), self))
        body.addLayout(self._build_form())

        self.message = InlineMessage(self)
        self.message.setObjectName("unlockMessage")
        body.addWidget(self.message)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.hide()
        body.addWidget(self.progress)

        self.unlock_button = QPushButton(tr("&Unlock"), self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        right_aligned(body, self.unlock_button)

        self.unlock_button.clicked.connect(self._submit)
        self.user_edit.returnPressed.connect(self.password_edit.setFocus)
        self.password_edit.returnPressed.connect(self._submit)
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(self._tick)
        self._wait_left = 0
        self.user_edit.setFocus()

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setSpacing(SPACING)
        self.user_edit = QLineEdit(self)
        self.user_edit.setObjectName("userEdit")
        self.user_edit.setPlaceholderText(tr("your user name"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(tr("your password"))
        form.addRow(tr("&User name"), self.user_edit)
        form.addRow(tr("&Password"), self.password_edit)
        return form

    def prefill_user(self, username: str) -> None:
        self.user_edit.setText(username)
        self.password_edit.setFocus()

    def _submit(self) -> None:
        user = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not user:
            self.message.show_error(tr("Enter your user name."))
            self.user_edit.setFocus()
            return
        if not password:
            self.message.show_error(tr("Enter your password."))
            self.password_edit.setFocus()
            return
        if self._wait_left > 0 or not self.unlock_button.isEnabled():
            return
        self.message.clear()
        self.set_busy(True)
        self.unlock_requested.emit(user, password)

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.unlock_button.setEnabled(not busy and self._wait_left <= 0)
        self.user_edit.setEnabled(not busy)
        self.password_edit.setEnabled(not busy)

    def show_error(self, text: str, wait_seconds: float = 0) -> None:
        """Show why unlocking failed; optionally keep the button off for a while."""
        self.set_busy(False)
        self.password_edit.clear()
        self.password_edit.setFocus()
        self.message.show_error(text)
        if wait_seconds > 0:
            self._wait_left = int(wait_seconds + 0.999)
            self.unlock_button.setEnabled(False)
            self._update_wait_label()
            self._wait_timer.start()

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._wait_timer.stop()
            self.unlock_button.setText(tr("&Unlock"))
            self.unlock_button.setEnabled(True)
        else:
            self._update_wait_label()

    def _update_wait_label(self) -> None:
        self.unlock_button.setText(tr("Wait {seconds} s").format(seconds=self._wait_left))

    def clear_password(self) -> None:
        self.password_edit.clear()
