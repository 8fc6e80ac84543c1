"""What happens while the first window is on screen: noticing its first paint, and loading
everything the main window needs while the user types the password.

The unlock (or set-up) window is shown with only QtWidgets loaded. Once it has painted,
SQLAlchemy and every service module load on a background thread (they are Qt-free), then
the UI modules of the page catalog on the GUI thread (they create Qt objects at import:
qtawesome; PySide6 is not safe to import from two threads).
"""

from __future__ import annotations

import importlib
import pkgutil
import threading
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: loaded on the background thread besides every service module
PRELOAD_BACKGROUND = ("sqlalchemy.orm", "alembic.command")
#: how often the GUI thread looks whether the background thread is done
PRELOAD_GUI_DELAY_MS = 150


class AfterFirstPaint(QObject):
    """Run ``callback`` once ``widget`` has painted (or after a short fallback delay)."""

    FALLBACK_MS = 500

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._fire)
        return False

    def fire_now(self) -> None:
        """Run the callback at once if it has not run yet."""
        self._fire()

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


def service_modules() -> list[str]:
    """Every module of the services but the demo builder (Qt-free: safe on any thread)."""
    import desktop.services

    return [
        info.name
        for info in pkgutil.walk_packages(desktop.services.__path__, "desktop.services.")
        if not info.name.startswith("desktop.services.demo")
    ]


class Preloader:
    """Loads the services in the background, then the UI on the GUI thread; ``done``
    once everything the main window needs is in memory."""

    def __init__(self) -> None:
        self.done = False
        self._thread = threading.Thread(target=self._background, name="preload", daemon=True)

    def start(self) -> None:
        self._thread.start()
        QTimer.singleShot(PRELOAD_GUI_DELAY_MS, self._gui)

    def join(self, timeout: float | None = None) -> None:
        if self._thread.is_alive():
            self._thread.join(timeout)

    @staticmethod
    def _background() -> None:
        for name in (*PRELOAD_BACKGROUND, *service_modules()):
            importlib.import_module(name)

    def _gui(self) -> None:
        # the UI modules import the services too: wait until the thread is done with them
        if self._thread.is_alive():
            QTimer.singleShot(PRELOAD_GUI_DELAY_MS, self._gui)
            return
        from desktop.ui.pages import PRELOAD

        for name in PRELOAD:
            importlib.import_module(name)
        import qtawesome

        qtawesome.icon("fa6s.house")  # loads the icon fonts now, not after the password
        self.done = True
