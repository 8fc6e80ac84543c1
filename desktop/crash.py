"""The one crash path for bugs: a crash log without personal data, then tell the user.

The log holds the exception type and the stack (files, lines, functions) but
not the exception message or any local values, since those may contain names
or document numbers. faulthandler writes native crashes to the same folder.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO

from desktop import __version__
from desktop.errors import KnownError

log = logging.getLogger("desktop.crash")

Notifier = Callable[[Path], None]
KnownNotifier = Callable[[str], None]


def describe(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The stack of an exception without its message or locals."""
    lines = [f"{exc_type.__module__}.{exc_type.__qualname__}"]
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{_short(frame.filename)}", line {frame.lineno}, in {frame.name}')
    return "\n".join(lines)


def _short(filename: str) -> str:
    parts = Path(filename).parts
    for anchor in ("desktop", "reports", "site-packages"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor) :])
    return Path(filename).name


class CrashHandler:
    def __init__(
        self,
        crash_dir: Path,
        notify: Notifier | None = None,
        notify_known: KnownNotifier | None = None,
    ) -> None:
        """``notify`` and ``notify_known`` may be called from any thread."""
        self.crash_dir = crash_dir
        self.notify = notify
        self.notify_known = notify_known
        self._fault_file: IO[str] | None = None
        self._busy = False
        self._previous: tuple[object, object, bool] | None = None

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook, faulthandler.is_enabled())
        sys.excepthook = self.handle
        threading.excepthook = self._thread_hook
        try:
            self.crash_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            self._fault_file = open(  # noqa: SIM115 - must stay open for faulthandler
                self.crash_dir / "faulthandler.log", "a", encoding="utf-8"
            )
            faulthandler.enable(self._fault_file)
        except OSError:
            faulthandler.enable()

    def uninstall(self) -> None:
        """Put back whatever hooks were there before (pytest's, in tests)."""
        hook, thread_hook, fault_was_on = self._previous or (
            sys.__excepthook__,
            threading.__excepthook__,
            False,
        )
        sys.excepthook = hook  # type: ignore[assignment]
        threading.excepthook = thread_hook  # type: ignore[assignment]
        faulthandler.disable()
        if fault_was_on:
            faulthandler.enable()
        if self._fault_file is not None:
            self._fault_file.close()
            self._fault_file = None
        self._previous = None

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        self.handle(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def handle(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if issubclass(exc_type, KnownError):
            # an environmental error that escaped its handler: say it, no crash report
            log.warning("known error reached the crash handler: %s", exc_type.__name__)
            if self.notify_known is not None:
                self.notify_known(str(exc))
            return
        if self._busy:  # a crash while reporting a crash: do not recurse
            return
        self._busy = True
        try:
            path = self.write(exc_type, tb)
            log.error("crash: %s, log %s", exc_type.__name__, path)
            if self.notify is not None:
                self.notify(path)
        finally:
            self._busy = False

    def write(self, exc_type: type[BaseException], tb: TracebackType | None) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        body = "\n".join(
            [
                f"Departure Desk {__version__} crash report",
                f"time: {stamp}",
                f"python: {platform.python_version()} on {platform.platform(terse=True)}",
                "",
                describe(exc_type, tb),
                "",
            ]
        )
        try:
            self.crash_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            path = self.crash_dir / f"crash-{stamp}.log"
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(body)
            return path
        except OSError:
            with contextlib.suppress(OSError):
                sys.stderr.write(body)
            return Path("<stderr>")
