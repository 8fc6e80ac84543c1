"""Message boxes behind small functions, so tests replace one name.

With ``--no-error-dialogs`` every message becomes a log line and a line on
stderr instead: automation must never hang on a modal box.
"""

from __future__ import annotations

import logging
import sys

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
