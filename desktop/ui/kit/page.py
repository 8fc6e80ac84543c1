"""What the main window expects of an area (a page in the sidebar)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from desktop.services.changes import Change, Kind
from desktop.ui.kit import operations


class Page(QWidget):
    #: stable key for drafts and tests
    key = ""
    #: marked with ``tr_noop`` and translated where shown
    title = ""
    icon = "fa6s.circle"
    #: the kinds of record this page shows: a change to one reloads it while it is shown
    #: (a hidden page reloads when it is shown next)
    watches: frozenset[Kind] = frozenset()

    def refresh(self) -> None:
        """Reload what the page shows from the services (keeping selection and scroll)."""

    def on_change(self, change: Change) -> None:
        """Something was written: reload if it touches what this page shows now."""
        if self.isVisible() and change.touches(*self.watches):
            self.refresh()

    def draft(self) -> dict[str, Any] | None:
        """Unsaved input to keep across an auto-lock for the same user, or None."""
        return None

    def restore_draft(self, draft: dict[str, Any]) -> None:
        """Put back what ``draft`` returned before the lock."""

    def close_for_lock(self) -> None:
        """The office is about to be locked: drop what is in flight, close the dialogs
        (pages that show personal data also empty their lists)."""
        operations.abandon(self)
        for dialog in self.findChildren(QDialog):
            dialog.reject()
