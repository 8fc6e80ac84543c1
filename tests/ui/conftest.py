"""GUI fixtures: a DesktopApp on a fresh data directory, dialogs and PDF previews captured."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop import app as app_module
from desktop.ui.kit import dialogs
from desktop.ui.printing import pdf_preview


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path: Path) -> None:
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages that would have appeared in error boxes."""
    seen: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: seen.append(text))
    return seen


@pytest.fixture
def previews(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """PDF previews a window opens, replaced by stand-ins the test drives."""
    shown: list[Any] = []

    class FakePreview(QDialog):
        def __init__(
            self,
            parent: QWidget | None,
            title: str,
            pdf: bytes,
            suggested_name: str,
            on_output: Callable[[str], None] | None = None,
            *,
            source: Any = None,
        ) -> None:
            super().__init__(parent)
            self.title, self.pdf, self.suggested_name = title, pdf, suggested_name
            self.on_output = on_output
            #: what the preview would make its paper again from (kinds, rebuild, notices)
            self.source = source
            shown.append(self)

    monkeypatch.setattr(pdf_preview, "PdfPreviewDialog", FakePreview)
    return shown


@pytest.fixture
def make_desk(qapp: QApplication, shown_errors: list[str]) -> Iterator:  # type: ignore[type-arg]
    made: list[app_module.DesktopApp] = []

    def make(data_dir: Path) -> app_module.DesktopApp:
        desk = app_module.DesktopApp(qapp, data_dir)
        made.append(desk)
        return desk

    yield make
    crash_logs = [
        log.name for desk in made for log in (desk.data_dir / "crash").glob("crash-*.log")
    ]
    for desk in made:
        if desk.main_window is not None:
            desk.main_window.close_for_lock()
        for window in (desk.unlock_window, desk.setup_window):
            if window is not None:
                window.close()
        desk.shutdown()
        if desk.preloader is not None:
            desk.preloader.join(timeout=30)
    # the app's crash handler catches exceptions in slots; a test must not hide one
    assert crash_logs == [], f"the application crashed during the test: {crash_logs}"
