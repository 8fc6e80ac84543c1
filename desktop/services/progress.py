"""Progress and cancel for long work, without Qt.

A service that runs long (an import, a batch of PDFs, an export, a backup) takes a
``Progress``: it reports how far it has got and asks, between steps, whether the person
asked to stop. The UI's operations hand one to the work and relay its reports to the GUI
thread; the CLI and tests pass their own or none.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from desktop.errors import KnownError

Reporter = Callable[[int, int, str], None]

#: reports closer together than this are dropped (the last one of a run always goes out)
REPORT_INTERVAL_S = 0.05


class Cancelled(KnownError):
    """The person stopped the work before it finished; nothing was changed."""

    def __init__(self, message: str = "Stopped before it finished; nothing was changed.") -> None:
        super().__init__(message)


class Progress:
    """How far long work has got, and whether it should stop. Safe across threads."""

    def __init__(self, reporter: Reporter | None = None) -> None:
        self._reporter = reporter
        self._stop = threading.Event()
        self._last_report = 0.0
        self._last_text = ""

    def report(self, done: int, total: int, text: str = "") -> None:
        """``done`` of ``total`` steps (total 0: unknown); ``text`` says what is happening
        and never names a person."""
        if self._reporter is None:
            return
        moment = time.monotonic()
        quick = moment - self._last_report < REPORT_INTERVAL_S
        if quick and done < total and text == self._last_text:
            return
        self._last_report, self._last_text = moment, text
        self._reporter(done, total, text)

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def check(self, stopped: Callable[[], Cancelled] = Cancelled) -> None:
        """Raise ``Cancelled`` (or what ``stopped`` makes) if the person asked to stop."""
        if self._stop.is_set():
            raise stopped()
