"""Background work: run a callable off the GUI thread, get the result back on it.

Known errors come back to ``on_error``; anything else is a bug and goes to the
crash handler (through ``sys.excepthook``) on the GUI thread.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.errors import KnownError


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)
    crashed = Signal(object)


def _work(fn: Callable[[], Any], relay: _Relay) -> None:
    try:
        result = fn()
    except KnownError as exc:
        relay.failed.emit(exc)
    except Exception as exc:
        relay.crashed.emit(exc)
    else:
        relay.finished.emit(result)


_running: set[_Relay] = set()


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[KnownError], None],
) -> None:
    """Start ``fn`` on the thread pool; exactly one callback runs later on the GUI thread."""
    relay = _Relay()
    _running.add(relay)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(relay)
        relay.deleteLater()
        callback(value)

    relay.finished.connect(lambda value: finish(on_done, value))
    relay.failed.connect(lambda exc: finish(on_error, exc))

    def crashed(exc: BaseException) -> None:
        # a bug: report it through the crash path, and still let the caller leave its
        # busy state so the window does not stay frozen
        sys.excepthook(type(exc), exc, exc.__traceback__)
        on_error(KnownError("Something went wrong inside the application; see the report."))

    relay.crashed.connect(lambda exc: finish(crashed, exc))
    # a plain Python thread: Python QRunnables on QThreadPool crashed PySide6 6.12 here
    threading.Thread(target=_work, args=(fn, relay), name="operation", daemon=True).start()


def busy() -> bool:
    """Whether background work started here or as an operation is still running."""
    from desktop.ui.kit import operations

    return bool(_running) or operations.busy()
