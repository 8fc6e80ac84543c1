"""Message boxes behind small functions, so tests replace one name.

With ``--no-error-dialogs`` every message becomes a log line and a line on
stderr instead: automation must never hang on a modal box.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger("desktop.ui")

_dialogs_enabled = True


def set_dialogs_enabled(enabled: bool) -> None:
    global _dialogs_enabled
    _dialogs_enabled = enabled


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    if not _dialogs_enabled:
        log.error("%s: %s", title, message)
        sys.stderr.write(f"departure-desk: error: {title}: {message}\n")
        return
    QMessageBox.warning(parent, title, message)


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    if not _dialogs_enabled:
        log.info("%s: %s", title, message)
        return
    QMessageBox.information(parent, title, message)


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    if not _dialogs_enabled:
        log.info("%s: %s (assumed no)", title, question)
        return False
    answer = QMessageBox.question(
        parent, title, question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    return answer == QMessageBox.StandardButton.Yes


def choose_save_path(
    parent: QWidget | None, title: str, suggested_name: str, file_filter: str
) -> Path | None:
    """Ask where to save a file; ``None`` when the clerk cancels (or dialogs are off).

    The chooser starts in the Documents folder with ``suggested_name``, which callers
    keep neutral (a date, never a person's name).
    """
    if not _dialogs_enabled:
        log.info("%s: no file chosen (dialogs are off)", title)
        return None
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    start = str(Path(folder) / suggested_name) if folder else suggested_name
    chosen, _selected_filter = QFileDialog.getSaveFileName(parent, title, start, file_filter)
    return Path(chosen) if chosen else None
