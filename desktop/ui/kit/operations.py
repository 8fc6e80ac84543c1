"""Background operations: work off the GUI thread, owned by a widget.

Every call into the services that may take more than a moment runs as an operation::

    QueryOp(self, lambda: service.worklist(days)).replacing("load").success(self._show).run()
    WriteOp(self, lambda: service.cancel(appointment_id, reason)).success(self._saved).run()
    WriteOp(dialog, lambda progress: importer.run(path, progress=progress)) \\
        .with_progress(dialog.advanced).success(dialog.finished).run()

What an operation takes care of, so that no window has to:

- **Owner.** The result (or error) goes to the owner widget only while it is alive and
  has not been abandoned (``abandon(owner)``: a page closing for the lock, a window
  closing). A late result of a closed window is dropped, never painted into a dead one.
- **Newer request wins.** ``replacing(slot)``: starting another operation of the same
  owner and slot cancels the older one and drops its result (a filter typed further, a
  page reloaded twice).
- **Progress and cancel.** ``with_progress(callback)`` hands the work a Qt-free
  ``Progress`` (``desktop.services.progress``); its reports reach ``callback`` on the GUI
  thread. ``cancel()`` asks the work to stop; a stopped operation calls ``on_cancel``.
- **Busy state.** While an owner has operations running it shows the busy cursor and
  ``is_busy(owner)`` is true (``quiet()`` for refreshes the user did not ask for).
- **Errors.** A known error goes to ``failure`` (default: a message box over the owner).
  Anything else is a bug: it goes through the crash path and ``failure`` gets a short
  known error, so the window leaves its busy state.
- **One writer.** SQLite has one writer: ``WriteOp``s run one at a time, in the order
  they were started, on one writer thread.

Changes are not announced here: every committed write announces itself through the
office's change feed (``desktop.ui.kit.notices``), and views reload from there.
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, SignalInstance
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from desktop import APP_NAME
from desktop.errors import KnownError
from desktop.services.progress import Cancelled, Progress
from desktop.ui.kit import dialogs

T = TypeVar("T")
Reporter = Callable[[int, int, str], None]

#: writes wait here for the one writer thread, in the order they were started
_WRITES: queue.SimpleQueue[Operation[Any]] = queue.SimpleQueue()
_WRITER_STARTED = threading.Lock()
_writer: threading.Thread | None = None
#: every operation between ``run`` and its delivery (tests wait on ``busy()``)
_RUNNING: set[Operation[Any]] = set()
BUG_MESSAGE = "Something went wrong inside the application; see the report."


class _Relay(QObject):
    """Carries the outcome from the worker thread to the GUI thread (queued signals)."""

    finished = Signal(object)
    failed = Signal(object)
    crashed = Signal(object)
    progressed = Signal(int, int, str)


class _Owned(QObject):
    """Lives as a child of an owner widget: its operations, slots and busy count."""

    busy_changed = Signal(bool)

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self.setObjectName("_operations")
        self.abandoned = False
        self.running: set[Operation[Any]] = set()
        self.slots: dict[str, Operation[Any]] = {}
        self.busy = 0

    @property
    def owner(self) -> QWidget:
        # not an attribute: a reference from this child back to its parent would keep a
        # closed window alive until the cyclic garbage collector deletes it, on whatever
        # thread it happens to run (an operation's, perhaps)
        parent = self.parent()
        assert isinstance(parent, QWidget)
        return parent

    def started(self, op: Operation[Any]) -> None:
        self.running.add(op)
        if op.shows_busy:
            self.busy += 1
            if self.busy == 1:
                self.owner.setCursor(Qt.CursorShape.BusyCursor)
                self.busy_changed.emit(True)

    def ended(self, op: Operation[Any]) -> None:
        self.running.discard(op)
        if op.slot is not None and self.slots.get(op.slot) is op:
            del self.slots[op.slot]
        if op.shows_busy:
            self.busy -= 1
            if self.busy == 0:
                self.owner.unsetCursor()
                self.busy_changed.emit(False)


def _owned(owner: QWidget, create: bool = True) -> _Owned | None:
    found = owner.findChild(_Owned, "_operations", Qt.FindChildOption.FindDirectChildrenOnly)
    if found is None and create:
        found = _Owned(owner)
    return found


class Operation(Generic[T]):
    """Work run off the GUI thread for ``owner``; see the module docstring."""

    writes = False

    def __init__(self, owner: QWidget, work: Callable[..., T]) -> None:
        self._owner: QWidget | None = owner
        self._work: Callable[..., T] | None = work
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[KnownError], None] | None = None
        self._cancelled: Callable[[], None] | None = None
        self._dropped: Callable[[T], None] | None = None
        self._reporter: Reporter | None = None
        self.slot: str | None = None
        self.shows_busy = True
        self.progress = Progress()
        self._relay: _Relay | None = None
        self._owned: _Owned | None = None
        self._superseded = False
        self._done = False

    # -- building ---------------------------------------------------------------------------
    def success(self, callback: Callable[[T], None]) -> Self:
        """Called with the result on the GUI thread, if the owner still wants it."""
        self._success = callback
        return self

    def failure(self, callback: Callable[[KnownError], None]) -> Self:
        """Called with a known error (default: a message box over the owner)."""
        self._failure = callback
        return self

    def on_cancel(self, callback: Callable[[], None]) -> Self:
        """Called when the work stopped because ``cancel()`` asked it to."""
        self._cancelled = callback
        return self

    def on_dropped(self, callback: Callable[[T], None]) -> Self:
        """Called with a result nobody wants any more (the owner closed, a newer request
        replaced it): for results that hold something to release, such as an open office."""
        self._dropped = callback
        return self

    def replacing(self, slot: str) -> Self:
        """A newer operation of the same owner and ``slot`` replaces this one."""
        self.slot = slot
        return self

    def with_progress(self, reporter: Reporter | None = None) -> Self:
        """The work takes a ``Progress``; its reports go to ``reporter`` on the GUI thread."""
        self._reporter = reporter or (lambda _done, _total, _text: None)
        return self

    def quiet(self) -> Self:
        """No busy cursor: a refresh the user did not ask for."""
        self.shows_busy = False
        return self

    # -- running ----------------------------------------------------------------------------
    def run(self) -> Self:
        """Start the work; a closed (abandoned) owner starts nothing."""
        owned = _owned(self.owner)
        assert owned is not None
        if owned.abandoned:
            return self
        if self.slot is not None:
            older = owned.slots.get(self.slot)
            if older is not None:
                older.supersede()
            owned.slots[self.slot] = self
        self._owned = owned
        # owned by the application, deleted on the GUI thread: never by Python on a worker
        # thread that happens to drop the last reference to this operation
        relay = self._relay = _Relay(QCoreApplication.instance())
        relay.finished.connect(self._finished)
        relay.failed.connect(self._failed)
        relay.crashed.connect(self._crashed)
        if self._reporter is not None:
            relay.progressed.connect(self._progressed)
            self.progress = Progress(relay.progressed.emit)
        owned.started(self)
        _RUNNING.add(self)
        if self.writes:
            _WRITES.put(self)
            _start_writer()
        else:
            threading.Thread(target=self._thread, name="query", daemon=True).start()
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next check; ``on_cancel`` follows."""
        self.progress.cancel()

    def supersede(self) -> None:
        """Drop this operation's result: a newer one replaced it."""
        self._superseded = True
        self.progress.cancel()

    @property
    def running(self) -> bool:
        return self in _RUNNING

    @property
    def owner(self) -> QWidget:
        assert self._owner is not None, "the operation was delivered and released"
        return self._owner

    def _call_work(self) -> T:
        work = self._work
        assert work is not None
        if self._reporter is not None:
            return work(self.progress)
        return work()

    def _thread(self) -> None:
        relay = self._relay
        assert relay is not None
        try:
            self.progress.check()  # replaced or abandoned while it waited for its turn
            result = self._call_work()
        except KnownError as exc:
            relay.failed.emit(exc)
        except Exception as exc:
            relay.crashed.emit(exc)
        else:
            relay.finished.emit(result)

    # -- delivery (GUI thread) ----------------------------------------------------------------
    def _wanted(self) -> bool:
        owned = self._owned
        return (
            owned is not None
            and isValid(owned)
            and self._owner is not None
            and isValid(self._owner)
            and not owned.abandoned
            and not self._superseded
        )

    def _end(self) -> bool:
        """Finish the bookkeeping; whether the owner still wants the outcome."""
        if self._done:
            return False
        self._done = True
        _RUNNING.discard(self)
        wanted = self._wanted()
        if self._owned is not None and isValid(self._owned):
            self._owned.ended(self)
        if self._relay is not None:
            self._relay.deleteLater()
        return wanted

    def _release(self) -> None:
        """Drop every reference to the owner, its callbacks and the work, here on the GUI
        thread: the worker thread may hold this operation a moment longer, and whatever
        it frees must not be a widget."""
        self._owner = None
        self._work = self._success = self._failure = None
        self._cancelled = self._dropped = self._reporter = None

    def _finished(self, result: T) -> None:
        try:
            if not self._end():
                if self._dropped is not None:
                    self._dropped(result)
            elif self._success is not None:
                self._success(result)
        finally:
            self._release()

    def _failed(self, error: KnownError) -> None:
        try:
            if not self._end():
                return
            if isinstance(error, Cancelled) and self.progress.cancelled:
                if self._cancelled is not None:
                    self._cancelled()
                elif self._failure is not None:
                    self._failure(error)
                return
            self._report(error)
        finally:
            self._release()

    def _crashed(self, exc: BaseException) -> None:
        # a bug: the crash path writes the report; the owner still leaves its busy state
        sys.excepthook(type(exc), exc, exc.__traceback__)
        try:
            if self._end():
                self._report(KnownError(BUG_MESSAGE))
        finally:
            self._release()

    def _report(self, error: KnownError) -> None:
        if self._failure is not None:
            self._failure(error)
        else:
            dialogs.show_error(self.owner.window(), APP_NAME, error.message)

    def _progressed(self, done: int, total: int, text: str) -> None:
        if self._reporter is not None and self._wanted():
            self._reporter(done, total, text)


def _start_writer() -> None:
    global _writer
    with _WRITER_STARTED:
        if _writer is None or not _writer.is_alive():
            _writer = threading.Thread(target=_write_in_turn, name="writer", daemon=True)
            _writer.start()


def _write_in_turn() -> None:
    while True:
        _WRITES.get()._thread()


class QueryOp(Operation[T]):
    """Reads: may run beside other reads and beside a write."""


class WriteOp(Operation[T]):
    """Changes: run one at a time (SQLite has one writer)."""

    writes = True


def abandon(owner: QWidget) -> None:
    """The owner is closing: cancel its operations and drop whatever they deliver; it
    starts no new ones."""
    if not isValid(owner):
        return
    owned = _owned(owner)
    assert owned is not None
    owned.abandoned = True
    for op in list(owned.running):
        op.supersede()


def is_busy(owner: QWidget) -> bool:
    """Whether ``owner`` has operations running (quiet ones included)."""
    owned = _owned(owner, create=False)
    return owned is not None and bool(owned.running)


def busy_signal(owner: QWidget) -> SignalInstance:
    """Emitted with True when ``owner`` gets busy and False when it is idle again."""
    owned = _owned(owner)
    assert owned is not None
    return owned.busy_changed


def busy() -> bool:
    """Whether any operation is still running (tests and shutdown wait for none)."""
    return bool(_RUNNING)
