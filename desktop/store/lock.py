"""One process writes a data directory at a time."""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
from datetime import UTC, datetime

from filelock import FileLock, Timeout

from desktop.errors import DataDirInUse
from desktop.store.files import atomic_write, known_os_error
from desktop.store.paths import OfficePaths


class DataDirLock:
    """An OS-level lock on the data directory plus a note of who holds it.

    The OS releases the lock if the holder dies, so a crash never leaves the
    office blocked; the note is only there to tell the next person who it was.
    """

    def __init__(self, paths: OfficePaths) -> None:
        self._paths = paths
        self._lock = FileLock(str(paths.lock), timeout=0)

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout:
            raise DataDirInUse(self._holder_message()) from None
        except OSError as exc:
            known = known_os_error(exc, "the lock file")
            if known is None:
                raise
            raise known from exc
        note = {
            "user": _login(),
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        atomic_write(self._paths.lock_info, json.dumps(note).encode(), "the lock note")

    def release(self) -> None:
        if self._lock.is_locked:
            with contextlib.suppress(OSError):
                self._paths.lock_info.unlink()
            self._lock.release()

    @property
    def held(self) -> bool:
        return bool(self._lock.is_locked)

    def _holder_message(self) -> str:
        base = f"The data directory {self._paths.root} is in use by another Departure Desk"
        try:
            note = json.loads(self._paths.lock_info.read_text("utf-8"))
            return (
                f"{base} (user {note['user']} on {note['host']}, process {note['pid']}, "
                f"since {note['since']}). Close it there first."
            )
        except (OSError, ValueError, KeyError, TypeError):
            return f"{base}. Close it there first."


def _login() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"
