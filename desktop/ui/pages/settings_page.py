"""Office settings (admins change them; everyone else may look)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QPushButton, QSpinBox, QVBoxLayout

from desktop.errors import KnownError
from desktop.services.settings import IDLE_LOCK_MINUTES, SettingsService
from desktop.ui.pages.base import Page
from desktop.ui.widgets import MARGIN, SPACING, InlineMessage, heading, muted


class SettingsPage(Page):
    key = "settings"
    title = "Office settings"
    icon = "fa6s.sliders"

    def __init__(self, settings: SettingsService, can_change: bool) -> None:
        super().__init__()
        self._settings = settings
        self._saved: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(heading(self.title, self))
        layout.addWidget(muted("These settings are stored encrypted with the office data.", self))
        form = QFormLayout()
        form.setSpacing(SPACING)
        self.idle_minutes = QSpinBox(self)
        self.idle_minutes.setObjectName("idleMinutes")
        self.idle_minutes.setRange(IDLE_LOCK_MINUTES.minimum, IDLE_LOCK_MINUTES.maximum)
        self.idle_minutes.setSuffix(" minutes")
        self.idle_minutes.setEnabled(can_change)
        form.addRow(IDLE_LOCK_MINUTES.title, self.idle_minutes)
        layout.addLayout(form)
        self.message = InlineMessage(self)
        layout.addWidget(self.message)
        self.save_button = QPushButton("&Save", self)
        self.save_button.setObjectName("saveSettings")
        self.save_button.setEnabled(can_change)
        layout.addWidget(self.save_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)
        #: called with the new idle minutes after a successful save
        self.on_saved: list[Any] = []

    def refresh(self) -> None:
        if self.draft() is not None:
            return  # keep what the user is typing
        self._saved = self._settings.get(IDLE_LOCK_MINUTES)
        self.idle_minutes.setValue(self._saved)

    def save(self) -> None:
        try:
            value = self._settings.set(IDLE_LOCK_MINUTES, self.idle_minutes.value())
        except KnownError as exc:
            self.message.show_error(exc.message)
            return
        self._saved = value
        self.message.show_notice("Saved.")
        for callback in self.on_saved:
            callback(value)

    def draft(self) -> dict[str, Any] | None:
        if self._saved is not None and self.idle_minutes.value() != self._saved:
            return {"idle_minutes": self.idle_minutes.value()}
        return None

    def restore_draft(self, draft: dict[str, Any]) -> None:
        self.refresh()
        value = draft.get("idle_minutes")
        if isinstance(value, int):
            self.idle_minutes.setValue(value)
            self.message.show_notice("Your unsaved change was kept while the office was locked.")
