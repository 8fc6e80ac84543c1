"""Change notices on the GUI thread: the office's change feed, bridged to a Qt signal.

Built once in ``app.py`` for the unlocked office and passed to the pages and windows like
a service. Commits arrive from whichever thread wrote (an operation's worker thread);
``changed`` is emitted on the GUI thread, once per turn of the event loop with everything
that arrived in that turn merged, so a burst of writes reloads a view once.

Views connect ``changed`` and reload what they show when the change touches it (see
``Change.touches``, ``touches_case``); a view that is hidden only notes that it is stale.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.services.changes import Change, ChangeFeed


class ChangeNotices(QObject):
    #: a ``Change``: what the writes since the last notice changed
    changed = Signal(object)
    _arrived = Signal(object)

    def __init__(self, feed: ChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: Change | None = None
        # emitted from a worker thread, delivered here on the GUI thread (queued)
        self._arrived.connect(self._collect)
        self._unsubscribe: Callable[[], None] | None = feed.subscribe(self._arrived.emit)

    def _collect(self, change: Change) -> None:
        first = self._pending is None
        self._pending = change if self._pending is None else self._pending.merged(change)
        if first:
            QTimer.singleShot(0, self, self._deliver)  # dropped if this object is gone

    def _deliver(self) -> None:
        change, self._pending = self._pending, None
        if change:
            self.changed.emit(change)

    def close(self) -> None:
        """The office is locking: hear nothing more, deliver nothing pending."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._pending = None
