"""What the main window expects of an area (a page in the sidebar)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from desktop.services.changes import Change, Kind
from desktop.ui.kit import operations
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.widgets import MARGIN, SPACING, heading


class Page(QWidget):
    #: stable key for drafts and tests
    key = ""
    #: marked with ``tr_noop`` and translated where shown
    title = ""
    icon = "fa6s.circle"
    #: the kinds of record this page shows: a change to one reloads it while it is shown
    #: (a hidden page reloads when it is shown next)
    watches: frozenset[Kind] = frozenset()

    def page_layout(self) -> QVBoxLayout:
        """The page's layout, with the margins every page has and its title on top."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(heading(tr(self.title), self))
        return layout

    def refresh(self) -> None:
        """Reload what the page shows from the services (keeping selection and scroll)."""

    def on_change(self, change: Change) -> None:
        """Something was written: reload if it touches what this page shows now."""
        if self.isVisible() and change.touches(*self.watches):
            self.reload_after(change)

    def reload_after(self, change: Change) -> None:
        """Reload after ``change`` touched what the page shows (quietly, where the page
        can: the user did not ask); by default as when the page is shown."""
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
