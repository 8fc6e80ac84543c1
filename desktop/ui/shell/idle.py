"""Idle auto-lock: any key or mouse input restarts the countdown.

Qt timers run on a monotonic clock that stops while the laptop sleeps, so a
heartbeat also compares wall-clock time: opening the lid after a long sleep
locks at once instead of showing the last screen for the rest of the timeout.
(``time.time()`` here measures the computer's idle time, not office time: it is the
one clock that keeps running through a sleep.)
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

HEARTBEAT_MS = 15_000

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, app: QApplication, minutes: float) -> None:
        super().__init__(app)
        self._app = app
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self._check_wall_clock)
        self._last_activity = time.time()
        self._limit_seconds = 0.0
        self.set_minutes(minutes)

    @property
    def minutes(self) -> float:
        """How long the office may stay idle before it locks."""
        return self._limit_seconds / 60

    def set_minutes(self, minutes: float) -> None:
        self._limit_seconds = minutes * 60
        self._timer.setInterval(max(1, int(minutes * 60_000)))

    def start(self) -> None:
        self._last_activity = time.time()
        self._app.installEventFilter(self)
        self._timer.start()
        self._heartbeat.start()

    def stop(self) -> None:
        self._app.removeEventFilter(self)
        self._timer.stop()
        self._heartbeat.stop()

    def _fire(self) -> None:
        self.stop()
        self.idle.emit()

    def _check_wall_clock(self) -> None:
        if time.time() - self._last_activity >= self._limit_seconds:
            self._fire()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last_activity = time.time()
            self._timer.start()
        return False
