"""What the main window expects of an area."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget


class Page(QWidget):
    #: stable key for drafts and tests
    key = ""
    title = ""
    icon = "fa6s.circle"

    def refresh(self) -> None:
        """Reload what the page shows from the services."""

    def draft(self) -> dict[str, Any] | None:
        """Unsaved input to keep across an auto-lock for the same user, or None."""
        return None

    def restore_draft(self, draft: dict[str, Any]) -> None:
        """Put back what ``draft`` returned before the lock."""

    def close_for_lock(self) -> None:
        """Close dialogs and stop refreshing: the office is about to be locked."""
